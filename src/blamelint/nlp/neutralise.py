"""Make text safe for spaCy's tokenizer without moving a single character.

spaCy's tokenizer peels prefixes and suffixes off each whitespace-free run one at
a time, and each step searches the rest of the run: a run that splits into many
pieces (``((((...``, ``'s's's...``, a row of emoji) costs time quadratic in its
length (16,000 ``(`` take about a minute, 40,000 emoji several minutes). Prose has
no such runs, so before a piece of text is parsed, in every whitespace-free run
with more than ``MAX_PUNCT`` characters that are neither letters nor digits, those
characters become spaces; up to ``KEEP_TAIL`` at the end of the run stay (so
"...error.]]]" keeps a closing bracket and the words still end a sentence).

The text keeps its length, so every offset into it is still an offset into the
source, and its words are untouched. Only the text spaCy sees changes: findings
quote the source.
"""

from __future__ import annotations

import re

MAX_PUNCT = 16
KEEP_TAIL = 3

_CANDIDATE = re.compile(rf"\S{{{MAX_PUNCT + 1},}}")
_NON_WORD = re.compile(r"[^\w\s]")
_TAIL = re.compile(rf"[^\w\s]{{1,{KEEP_TAIL}}}\Z")


def _fix(match: re.Match) -> str:
    run = match.group()
    count = 0
    for _ in _NON_WORD.finditer(run):
        count += 1
        if count > MAX_PUNCT:
            break
    else:
        return run
    tail = _TAIL.search(run)
    cut = tail.start() if tail else len(run)
    return _NON_WORD.sub(" ", run[:cut]) + run[cut:]


def neutralise(text: str) -> str:
    """``text`` with the punctuation of pathological runs turned into spaces (same length)."""
    if _CANDIDATE.search(text) is None:
        return text
    return _CANDIDATE.sub(_fix, text)
