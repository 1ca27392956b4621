"""lemminflect's word tables, read one word at a time.

lemminflect (used by the rules for verb forms) parses its two look-up tables
(some 120,000 CSV lines) into dictionaries the first time any word is looked
up: about 0.4 s of CPU, a third of what loading the spaCy pipeline costs, on
every run. Its code only ever asks these dictionaries for one word at a time
(``.get(word, {})``), and its files are sorted by word, so here each table is
decompressed (a few milliseconds) and a word's lines are found by binary
search and turned into the entry exactly as lemminflect's own loader builds
it, with its own line parser. Everything else (overrides, capitalisation,
rules for unknown words) stays lemminflect's.

``install()`` hands these tables to lemminflect's lemmatizer and inflector
before their first look-up; it does nothing for a lemminflect version the
equivalence test has not checked, or once a table is loaded.
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path
from typing import Any

VERIFIED_VERSIONS = ("0.2.3",)
"""lemminflect versions whose tables tests/nlp/test_lemminflect_tables.py
compared, word by word, with lemminflect's own loader."""


def _word(line: str) -> str:
    return line.split(",", 1)[0]


class LazyTable:
    """A read-only stand-in for one of lemminflect's table dictionaries."""

    def __init__(
        self, path: str, merge: Callable[[dict | None, str], dict], fixed: dict[str, Any] | None = None
    ):
        self.path = path
        self.merge = merge
        self.fixed = fixed or {}
        self._lines: list[str] | None = None
        self._entries: dict[str, dict | None] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            text = gzip.decompress(Path(self.path).read_bytes()).decode()
            self._lines = text.rstrip("\n").split("\n")
        return self._lines

    def _entry(self, word: str) -> dict | None:
        if word in self._entries:
            return self._entries[word]
        lines = self.lines
        at = bisect_left(lines, word, key=_word)
        entry = None
        while at < len(lines) and _word(lines[at]) == word:
            entry = self.merge(entry, lines[at])
            at += 1
        self._entries[word] = entry
        return entry

    def get(self, word: str, default: Any = None) -> Any:
        if word in self.fixed:
            return self.fixed[word]
        entry = self._entry(word)
        return default if entry is None else entry

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.fixed or self._entry(word) is not None)

    def __getitem__(self, word: str) -> Any:
        if word not in self:
            raise KeyError(word)
        return self.get(word)


def lemma_table(path: str) -> LazyTable:
    from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
    from lemminflect.core.LexicalUtils import categoryToUPos

    def merge(entry: dict | None, line: str) -> dict:
        _, category, forms = LemmaLUCodec.fromString(line)
        entry = {} if entry is None else entry
        entry.update({categoryToUPos(category): forms})
        return entry

    return LazyTable(path, merge)


def inflection_table(path: str) -> LazyTable:
    from lemminflect.codecs.InflectionLUCodec import InflectionLUCodec

    def merge(entry: dict | None, line: str) -> dict:
        _, _, forms = InflectionLUCodec.fromString(line)
        if entry is None:
            return forms
        entry.update(forms)
        return entry

    return LazyTable(path, merge, fixed=InflectionLUCodec.updateForAuxMod({}))


def install() -> bool:
    """Give lemminflect these tables; False (and nothing changed) when its
    version is not a verified one or its internals are not as expected."""
    try:
        import lemminflect
        from lemminflect.core.Inflections import Inflections
        from lemminflect.core.Lemmatizer import Lemmatizer
    except ImportError:  # pragma: no cover - lemminflect is a dependency
        return False
    if getattr(lemminflect, "__version__", None) not in VERIFIED_VERSIONS:
        return False
    lemmatizer, inflector = Lemmatizer(), Inflections()
    if not (
        isinstance(getattr(lemmatizer, "lemma_lu_fn", None), str)
        and isinstance(getattr(inflector, "infl_lu_fn", None), str)
    ):
        return False
    if not hasattr(lemmatizer, "lemma_dict"):
        lemmatizer.lemma_dict = lemma_table(lemmatizer.lemma_lu_fn)
    if not hasattr(inflector, "infl_dict"):
        inflector.infl_dict = inflection_table(inflector.infl_lu_fn)
    return True
