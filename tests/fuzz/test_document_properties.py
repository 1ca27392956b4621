"""The document model, fuzzed (no spaCy): nothing raises, and every character of
every block maps to the source character it came from."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blamelint.postmortem.load import parse_source
from tests.fuzz.invariants import assert_block_maps_to_source
from tests.fuzz.strategies import DERANDOMIZE, examples, html_document, markdown_document, plain_text_document

FAST = settings(
    max_examples=examples(400),
    deadline=None,
    derandomize=DERANDOMIZE,
    suppress_health_check=[HealthCheck.too_slow],
)
HOSTILE = st.text(
    alphabet=st.sampled_from(list("*_`[]()<>!&#;\\|~-=+.:> \t\n\r1aé") + ["🙂", "\u0301", "\x00"]),
    max_size=300,
)


@FAST
@given(markdown_document())
def test_markdown_blocks_map_to_source(text):
    assert_block_maps_to_source(parse_source("pm.md", text))


@FAST
@given(HOSTILE)
def test_markdown_garbage_maps_to_source(text):
    assert_block_maps_to_source(parse_source("pm.md", text))


@FAST
@given(st.one_of(plain_text_document(), HOSTILE))
def test_plain_text_blocks_map_to_source(text):
    assert_block_maps_to_source(parse_source("pm.txt", text))


@FAST
@given(st.one_of(html_document(), HOSTILE))
def test_html_blocks_map_to_source(text):
    assert_block_maps_to_source(parse_source("pm.html", text))
