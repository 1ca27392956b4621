"""Ticket references in action items: a tracker URL, a key (``OPS-123``) or a ``#123``.

The first reference in a text is found in time linear in the text's length. One regular
expression with the three as alternatives (``https?://\\S*(?:/issues/|jira|...)\\S*`` first)
was quadratic: a search restarts at every ``http`` inside a long run of non-spaces and scans
the rest of the run each time, and the optional ``owner/repo`` before a ``#123`` rescans a
long run of word characters from every word boundary in it. Here each alternative is found
on its own, by patterns that never rescan, and the leftmost wins (at the same start, in the
order URL, key, reference: what the single expression returned).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

URL = re.compile(r"https?://\S*", re.IGNORECASE)
"""A URL and the rest of its run of non-spaces (one scan per run: no match starts inside another)."""
TRACKER = re.compile(
    r"/issues?/|/browse/|/pull/|/tickets?/|/-/issues/|/merge_requests/|jira|linear\.app|/task/|/bug",
    re.IGNORECASE,
)
"""What makes a URL a tracker's, anywhere after its ``scheme://``."""
HASH_REF = re.compile(r"(?<![\w&])#\d{1,7}\b")
"""``#123`` (not ``&#123;``, not ``a#1``)."""
WORD = re.compile(r"\w")
NAME_CHAR = re.compile(r"[\w.-]")


class TicketFinder:
    """``search(text)``: the first ticket reference in ``text``, as written, else None."""

    def __init__(self, not_ticket_prefixes: Iterable[str]):
        prefixes = "|".join(re.escape(p) for p in sorted(set(not_ticket_prefixes), key=len, reverse=True))
        guard = rf"(?!(?:{prefixes})-)" if prefixes else ""
        self.key = re.compile(rf"\b{guard}[A-Z][A-Z0-9]{{1,9}}-\d{{1,6}}\b", re.IGNORECASE)

    def search(self, text: str) -> str | None:
        found = [
            (start, order, end)
            for order, span in enumerate((_tracker_url(text), self._key(text), _hash_ref(text)))
            if span is not None
            for start, end in [span]
        ]
        if not found:
            return None
        start, _, end = min(found)
        return text[start:end]

    def _key(self, text: str) -> tuple[int, int] | None:
        match = self.key.search(text)
        return match.span() if match else None


def _tracker_url(text: str) -> tuple[int, int] | None:
    for match in URL.finditer(text):
        scheme_end = text.index("//", match.start()) + 2
        if TRACKER.search(text, scheme_end, match.end()):
            return match.span()
    return None


def _hash_ref(text: str) -> tuple[int, int] | None:
    """The first ``#123``, with the ``owner/repo`` (or ``a/b``) written right before it if any:
    ``name/name#123`` where each name is made of word characters, dots and hyphens, and the
    first starts at a word boundary (the leftmost such start, as a regex search gives)."""
    match = HASH_REF.search(text)
    if match is None:
        return None
    hash_at, end = match.span()
    slash = hash_at
    while slash > 0 and NAME_CHAR.match(text, slash - 1):
        slash -= 1
    slash -= 1  # the character before the name that ends at '#'
    if slash < 0 or slash >= hash_at - 1 or text[slash] != "/":
        return hash_at, end
    first = slash
    while first > 0 and NAME_CHAR.match(text, first - 1):
        first -= 1
    for start in range(first, slash):
        if _word_boundary(text, start):
            return start, end
    return hash_at, end


def _word_boundary(text: str, at: int) -> bool:
    before = at > 0 and WORD.match(text, at - 1) is not None
    return before != (WORD.match(text, at) is not None)
