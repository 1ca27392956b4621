"""Runs of blank lines reach markdown-it cut to two (it keeps about 100 bytes a line):
the document read is the same as from the whole text, every position exact."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import blamelint.document.markdown as markdown
from blamelint.document.markdown import parse_markdown


def _signature(document) -> tuple:
    blocks = [
        (b.kind, b.text, list(b.offsets), b.line, b.level, b.item, b.list_depth, b.quoted, b.table, b.row)
        for b in document.blocks
    ]
    return blocks, sorted(document.code_lines), document.front_matter, document.front_matter_error


def _uncut(source: str) -> tuple:
    """The document as read with no run cut (the pattern made to match nothing)."""
    cut = markdown.BLANK_RUN
    markdown.BLANK_RUN = re.compile(r"(?!)")
    try:
        return _signature(parse_markdown("x.md", source))
    finally:
        markdown.BLANK_RUN = cut


SOURCE = (
    "---\ntitle: t\nnotes: |\n  one\n\n\n\n  two\n---\n\n\n\n\n# Heading\n\n\n\n   \n\t\n"
    "Para one\nwraps.\n\n\n\n- item\n\n\n\n  continued\n\n```\ncode\n\n\n\n\nmore\n```\n\n\n\n"
    "    indented\n\n\n\n    code\n\n\n\n> quote\n\n\n\nlast *line*"
)


def test_same_document_as_from_the_whole_text():
    document = parse_markdown("x.md", SOURCE)
    assert _signature(document) == _uncut(SOURCE)
    assert document.front_matter == {"title": "t", "notes": "one\n\n\n\ntwo"}
    for block in document.blocks:
        line, column = document.position(block.offsets[0])
        assert line == block.line
        assert SOURCE.splitlines()[line - 1][column - 1 :].startswith(block.text.split()[0].rstrip("."))


def test_the_parser_sees_two_blank_lines_of_a_million(monkeypatch):
    seen = []
    parser = markdown._parser()
    original = parser.parse
    monkeypatch.setattr(parser, "parse", lambda text, env=None: seen.append(text) or original(text, env))
    source = "# Title\n\nFirst.\n" + "\n" * 1_000_000 + "Last words.\n"
    document = parse_markdown("x.md", source)
    assert seen == ["# Title\n\nFirst.\n\n\nLast words.\n"]
    last = document.blocks[-1]
    assert last.text == "Last words." and last.line == 1_000_004
    assert document.position(last.offsets[0]) == (1_000_004, 1)
    assert document.line_count == 1_000_005


BLOCKS = st.sampled_from(
    ["---\n", "a: 1\n", "\n", "   \n", "\t\n", "- x\n", "  - y\n", "> q\n", "```\n", "    code\n",
     "para *em*\n", "| a | b |\n", "|---|---|\n", "<div>\n", "<!-- c\n", "-->\n", "1. z\n", "# h\n",
     "-\n", "text\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(BLOCKS, st.integers(3, 8).map(lambda n: "\n" * n)), max_size=30).map("".join))
def test_any_shape_reads_the_same(source):
    assert _signature(parse_markdown("x.md", source)) == _uncut(source)
