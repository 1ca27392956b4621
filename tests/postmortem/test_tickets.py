"""Ticket references in action items (blamelint.postmortem.tickets): the same first
reference as the single regular expression it replaces, found in linear time."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blamelint.data import load
from blamelint.data.models import ActionItemsData
from blamelint.postmortem.action_items import action_items
from blamelint.postmortem.tickets import TicketFinder

PREFIXES = load(ActionItemsData).not_ticket_prefixes


def _single_regex() -> re.Pattern:
    """The expression TicketFinder replaces (quadratic on long runs): the reference for
    what a search must return."""
    prefixes = "|".join(re.escape(p) for p in sorted(set(PREFIXES), key=len, reverse=True))
    return re.compile(
        r"https?://\S*(?:/issues?/|/browse/|/pull/|/tickets?/|/-/issues/|/merge_requests/|jira"
        r"|linear\.app|/task/|/bug)\S*"
        rf"|\b(?!(?:{prefixes})-)[A-Z][A-Z0-9]{{1,9}}-\d{{1,6}}\b"
        r"|(?:\b[\w.-]+/[\w.-]+)?(?<![\w&])#\d{1,7}\b",
        re.IGNORECASE,
    )


REFERENCE = _single_regex()
FINDER = TicketFinder(PREFIXES)


def reference(text: str) -> str | None:
    match = REFERENCE.search(text)
    return match.group(0) if match else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see https://jira.example.com/browse/OPS-123 today", "https://jira.example.com/browse/OPS-123"),
        ("([OPS-123](https://jira.example.com/browse/OPS-123))", "OPS-123"),
        ("see #4471", "#4471"),
        ("see org/repo.#12", "org/repo.#12"),
        ("..x/y-#1", "x/y-#1"),
        ("a#1 and &#12; then #7", "#7"),
        ("#123456789", None),
        ("SEV-1 follow-up", None),
        ("https://example.com/docs then ABC-12", "ABC-12"),
        ("http://x/http://y/issues/1", "http://x/http://y/issues/1"),
        ("http:///bug", "http:///bug"),
        ("https://github.com/o/r/issues/9", "https://github.com/o/r/issues/9"),
        ("nothing here", None),
    ],
)
def test_first_reference(text, expected):
    assert FINDER.search(text) == expected == reference(text)


ALPHABET = st.sampled_from(
    ["http", "https", "://", "/", "#", "1", "12", "a", "A", "OPS", "SEV", "-", ".", "&", " ", "_",
     "jira", "/issues/", "é", "ABC-12", "x/y", "\n"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_same_as_single_expression(text):
    assert FINDER.search(text) == reference(text)


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("http://a", None),  # one run of 'http://a' * n: the single expression rescanned it from each http
        ("a.", None),  # a run of word characters and dots: rescanned from every word boundary
        ("a/b", None),
    ],
)
def test_long_runs_are_read_once(unit, expected):
    """200,000 copies (over a megabyte with no space): the single expression took minutes on
    these (quadratic); the finder reads each character a bounded number of times. The figure
    is in benchmarks/hostile.py (ticket-runs.md); here, the results."""
    run = unit * 200_000
    assert FINDER.search(run) is expected
    assert FINDER.search(run + " see #42") == "#42"
    assert FINDER.search(run + "/issues/7") == (run + "/issues/7" if unit.startswith("http") else None)


def test_action_item_with_a_huge_url_like_run(parse):
    text = "# Postmortem\n\n## Action items\n\n- Rotate the keys, see " + "http://a" * 100_000 + "/issues/7\n"
    (item,) = action_items(parse(text))
    assert item.ticket == "http://a" * 100_000 + "/issues/7"
