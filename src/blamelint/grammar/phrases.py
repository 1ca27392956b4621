"""Multi-word phrases from rule data, matched on a sentence's tokens by lower
case or lemma ("drop the ball" matches "dropped the ball")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"\w+(?=n't)|n't|'\w+|\w+|[^\w\s]")


def words_of(phrase: str) -> tuple[str, ...]:
    """Split a phrase the way spaCy's English tokenizer splits it
    ("fat-fingered" -> fat - fingered, "didn't" -> did n't)."""
    return tuple(w.lower() for w in _WORD.findall(phrase))


def token_is(tok, word: str) -> bool:
    """A token matches a pattern word by lower case or by lemma ("n't" is "not")."""
    return tok.lower_ == word or tok.lemma_.lower() == word or (word == "not" and tok.lower_ == "n't")


class PhraseIndex:
    """Find phrases (sequences of words, each matched by lower case or lemma)."""

    def __init__(self, phrases: Iterable[str]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            words = words_of(phrase)
            if words:
                self.by_first.setdefault(words[0], []).append((words, phrase))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest first

    def __contains__(self, word: str) -> bool:
        return word in self.by_first

    def find(self, tokens) -> Iterator[tuple[int, int, str]]:
        """(first index, last index inclusive, phrase) of each match, in the
        positions of ``tokens`` (a Span or a list of tokens); the longest phrase
        at each position wins."""
        toks = list(tokens)
        by_first = self.by_first
        for i, tok in enumerate(toks):
            lower = tok.lower_
            candidates = by_first.get(lower)
            lemma = tok.lemma_.lower()
            if lemma != lower and lemma in by_first:
                candidates = (candidates or []) + by_first[lemma]
            if lower == "n't" and "not" in by_first:
                candidates = (candidates or []) + by_first["not"]
            if not candidates:
                continue
            best = None
            for words, phrase in candidates:
                n = len(words)
                if i + n <= len(toks) and all(token_is(toks[i + k], words[k]) for k in range(n)):
                    if best is None or n > len(best[0]):
                        best = (words, phrase)
            if best is not None:
                yield i, i + len(best[0]) - 1, best[1]
