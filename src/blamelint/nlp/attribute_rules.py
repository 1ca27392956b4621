"""The pipeline's ``attribute_ruler``, matched by index instead of spaCy's Matcher.

The English pipelines' attribute ruler maps fine-grained tags to coarse POS and
morphology and fixes a few words ("gonna", "y'all", pronoun case): some 180
patterns. spaCy runs them through its general Matcher, which tries every
pattern at every token, and on postmortem text that costs as much as the
parser. The patterns are all simple (exact, IN, NOT_IN and REGEX tests on
token attributes), so here each one is filed under an exact value its first
token must have and tried only at tokens with that value.

The result is the attribute ruler's, exactly: all patterns are matched on the
document as the parser left it, then the matches are applied in the ruler's
order (pattern number, then position; later patterns win) with the ruler's own
attribute values and spaCy's own setter. A pattern of any other kind (an
operator, a comparison, an extension attribute) leaves spaCy's component in
place. Tests compare the two on every corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

COMPONENT = "blamelint_attribute_ruler"

STRING_ATTRS = {
    "ORTH": "text",
    "TEXT": "text",
    "LOWER": "lower_",
    "NORM": "norm_",
    "TAG": "tag_",
    "POS": "pos_",
    "DEP": "dep_",
    "LEMMA": "lemma_",
    "SHAPE": "shape_",
    "ENT_TYPE": "ent_type_",
}
BOOL_ATTRS = {
    "IS_SPACE": "is_space",
    "IS_PUNCT": "is_punct",
    "IS_ALPHA": "is_alpha",
    "IS_DIGIT": "is_digit",
    "IS_LOWER": "is_lower",
    "IS_UPPER": "is_upper",
    "IS_TITLE": "is_title",
    "IS_STOP": "is_stop",
    "LIKE_NUM": "like_num",
}
ANCHORS = ("LOWER", "ORTH", "TEXT", "TAG", "DEP", "POS", "IS_SPACE")
"""Attributes a pattern may be filed under (cheap, and selective)."""

Test = Callable[[Any], bool]


class Unsupported(ValueError):
    """A pattern this module does not compile (spaCy's component is kept)."""


def _test(key: str, value: Any) -> tuple[str, Test]:
    """One attribute test of a token pattern, as (token attribute, predicate on its value)."""
    key = key.upper()
    if key in BOOL_ATTRS:
        if not isinstance(value, bool):
            raise Unsupported(f"{key}: {value!r}")
        return BOOL_ATTRS[key], (lambda v, want=value: bool(v) == want)
    if key not in STRING_ATTRS:
        raise Unsupported(key)
    attr = STRING_ATTRS[key]
    if isinstance(value, str):
        return attr, (lambda v, want=value: v == want)
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if (
            op in ("IN", "NOT_IN")
            and isinstance(arg, (list, tuple, set))
            and all(isinstance(a, str) for a in arg)
        ):
            values = frozenset(arg)
            if op == "IN":
                return attr, (lambda v, values=values: v in values)
            return attr, (lambda v, values=values: v not in values)
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return attr, (lambda v, search=search: search(v) is not None)
    raise Unsupported(f"{key}: {value!r}")


def _anchor(tokens: list[dict]) -> tuple[int, str, tuple[Any, ...]] | None:
    """(position, token attribute, values): a token of the pattern that must
    have one of these values for the pattern to match, if there is one."""
    for position, spec in enumerate(tokens):
        by_key = {k.upper(): v for k, v in spec.items()}
        for key in ANCHORS:
            if key not in by_key:
                continue
            value = by_key[key]
            attr = STRING_ATTRS.get(key) or BOOL_ATTRS[key]
            if isinstance(value, (str, bool)):
                return position, attr, (value,)
            if isinstance(value, dict) and set(value) == {"IN"}:
                return position, attr, tuple(value["IN"])
    return None


class CompiledRuler:
    """An attribute ruler's patterns: one-token patterns memoised on the values
    of the attributes they test (so each distinct token is tested once), longer
    ones filed under what their first token must be."""

    MEMO_LIMIT = 200_000

    def __init__(
        self,
        patterns: list[tuple[int, list[list[list[tuple[str, Test]]]], list]],
        attrs: list[dict],
        indices: list[int],
        strings,
    ):
        """``patterns``: (number, alternatives, anchors): each alternative a list of
        token specs, each spec a list of (token attribute, test)."""
        from spacy.attrs import IDS

        self.attrs = attrs
        self.indices = indices
        single = []
        longer = []
        used: set[str] = set()
        for number, alternatives, anchors in patterns:
            for specs, anchor in zip(alternatives, anchors):
                used.update(attr for spec in specs for attr, _ in spec)
                if len(specs) == 1:
                    single.append((number, specs, anchor))
                else:
                    longer.append((number, specs, anchor))
        names = {
            **{v: k for k, v in STRING_ATTRS.items() if k != "TEXT"},
            **{v: k for k, v in BOOL_ATTRS.items()},
        }
        self.columns = sorted(used)
        self.column_ids = [IDS[names[attr]] for attr in self.columns]
        self.is_bool = [attr in BOOL_ATTRS.values() for attr in self.columns]
        self.memo: dict[tuple[int, ...], tuple[int, ...]] = {}
        # Patterns by (column, value id) of their anchor token: (number, specs, position).
        self.single_by_value, self.single_anywhere = self._index(single, strings)
        self.by_value, self.anywhere = self._index(longer, strings)
        self.single_columns = sorted({column for column, _ in self.single_by_value})
        self.anchor_columns = sorted({column for column, _ in self.by_value})

    def _index(self, patterns, strings):
        by_value: dict[tuple[int, int], list[tuple[int, list, int]]] = {}
        anywhere: list[tuple[int, list, int]] = []
        for number, specs, anchor in patterns:
            if anchor is None:
                anywhere.append((number, specs, 0))
                continue
            position, attr, values = anchor
            column = self.columns.index(attr)
            for value in values:
                key = int(value) if isinstance(value, bool) else strings[value]
                by_value.setdefault((column, key), []).append((number, specs, position))
        return by_value, anywhere

    @classmethod
    def from_ruler(cls, ruler) -> CompiledRuler:
        """Compile a spaCy AttributeRuler; raises Unsupported for a pattern it cannot."""
        patterns = []
        for number in range(len(ruler.attrs)):
            entry = ruler.matcher.get(str(number))
            if entry is None:
                raise Unsupported(f"pattern {number} is missing")
            on_match, alternatives = entry
            if on_match is not None:
                raise Unsupported("a pattern with a callback")
            compiled, anchors = [], []
            for tokens in alternatives:
                if not tokens or any(
                    not isinstance(spec, dict) or "OP" in spec or "op" in spec for spec in tokens
                ):
                    raise Unsupported(f"pattern {number}: {tokens!r}")
                compiled.append([[_test(k, v) for k, v in spec.items()] for spec in tokens])
                anchors.append(_anchor(tokens))
            patterns.append((number, compiled, anchors))
        return cls(patterns, list(ruler.attrs), list(ruler.indices), ruler.vocab.strings)

    def _values(self, row, strings) -> dict[str, Any]:
        return {
            attr: (bool(v) if is_bool else strings[v])
            for attr, v, is_bool in zip(self.columns, row, self.is_bool)
        }

    def matches(self, doc) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of every match, in the ruler's order."""
        n = len(doc)
        if n == 0 or not self.columns:
            return []
        rows = doc.to_array(self.column_ids).reshape(n, len(self.column_ids)).tolist()
        strings = doc.vocab.strings
        memo = self.memo
        if len(memo) > self.MEMO_LIMIT:
            memo.clear()
        found = []
        for i, row in enumerate(rows):
            key = tuple(row)
            hit = memo.get(key)
            if hit is None:
                hit = memo[key] = self._single(row, strings)
            for number in hit:
                found.append((number, i, i + 1))
        if self.by_value or self.anywhere:
            found.extend(self._longer(rows, strings))
        return sorted(set(found))

    def _single(self, row, strings) -> tuple[int, ...]:
        """Numbers of the one-token patterns a token with these values matches."""
        candidates = list(self.single_anywhere)
        for column in self.single_columns:
            candidates.extend(self.single_by_value.get((column, row[column]), ()))
        values = self._values(row, strings)
        return tuple(
            sorted(
                {
                    number
                    for number, specs, _ in candidates
                    if all(test(values[attr]) for attr, test in specs[0])
                }
            )
        )

    def _longer(self, rows, strings) -> list[tuple[int, int, int]]:
        n = len(rows)
        cache: dict[int, dict[str, Any]] = {}

        def values(i: int) -> dict[str, Any]:
            got = cache.get(i)
            if got is None:
                got = cache[i] = self._values(rows[i], strings)
            return got

        found = []
        by_value = self.by_value
        for at, row in enumerate(rows):
            candidates = [(number, specs, 0) for number, specs, _ in self.anywhere]
            for column in self.anchor_columns:
                candidates.extend(by_value.get((column, row[column]), ()))
            for number, specs, position in candidates:
                start = at - position
                end = start + len(specs)
                if (
                    start >= 0
                    and end <= n
                    and all(
                        test(values(start + k)[attr]) for k, spec in enumerate(specs) for attr, test in spec
                    )
                ):
                    found.append((number, start, end))
        return found

    def __call__(self, doc):
        from spacy.tokens._retokenize import set_token_attrs

        for number, start, end in self.matches(doc):
            index = self.indices[number]
            position = index if index >= 0 else (end - start) + index
            if not 0 <= position < end - start:
                raise ValueError(
                    f"attribute ruler pattern {number}: index {index} is outside the match "
                    f"{[t.text for t in doc[start:end]]}"
                )
            set_token_attrs(doc[start + position], self.attrs[number])
        return doc


class FastAttributeRuler:
    """The pipeline component: a compiled ruler, run on each doc."""

    def __init__(self, compiled: CompiledRuler | None = None):
        self.compiled = compiled

    def __call__(self, doc):
        if self.compiled is None:
            raise RuntimeError(f"{COMPONENT} was added without compiled patterns")
        return self.compiled(doc)

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=lambda nlp, name: FastAttributeRuler())


def install(nlp) -> bool:
    """Put the compiled ruler in place of the pipeline's ``attribute_ruler``
    (keeping its name and position). False, and nothing changed, when there is
    none or one of its patterns is of a kind not compiled here."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        compiled = CompiledRuler.from_ruler(ruler)
    except (Unsupported, re.error, AttributeError, TypeError):
        return False
    register()
    component = nlp.replace_pipe("attribute_ruler", COMPONENT)
    component.compiled = compiled
    return True
