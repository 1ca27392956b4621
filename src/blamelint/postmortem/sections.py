"""Which section of a postmortem a heading names, and the outline of a document.

The section names and their headings are data (``rules/data/sections.yaml``).
A heading is matched in three steps, each on a normalised form (lower case,
numbering, emphasis, emoji, a parenthetical and a trailing colon dropped):

1. exactly one of a section's headings ("What went right", "Chronology");
2. one of them with only decoration words around it ("Detailed incident
   timeline", "Impact on customers"), or, for head nouns such as "impact" or
   "action items", up to three modifiers before it ("Revenue impact",
   "Corrective action items");
3. split at ``:``, ``/``, ``,``, ``&``, "and" or a spaced dash, each part by 1-2
   ("Root cause and contributing factors", "Lessons learned: what went well").

A document's title (a heading that is its first block) is matched by step 1
only, so "# Postmortem: DNS outage timeline" is not a timeline section.

Besides headings, a section can start with a label at the start of a paragraph
("**Impact:** 4% of checkouts failed", the style of Google's template), and a
key/value table row ("| Impact | 4% of checkouts failed |"). Prose before the
first section heading that reads as a summary (a full sentence or more, not
"Key: value" metadata) counts as the summary section.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import SectionsData
from blamelint.document.model import Block, Document
from blamelint.errors import ConfigError

SYMBOL_JOIN = re.compile(r"[&+|]|\s/\s")
"""A symbol that joins two headings into one line ("Impact & timeline", "Detection / response")."""
SPLIT = re.compile(r"\s*(?:[:/,;|&+]|\band\b|\s[-–—]+\s)\s*")
PARENTHETICAL = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*")
NUMBERING = re.compile(
    r"^\s*(?:(?:section|part|step)\s+)?(?:\d{1,2}(?:\.\d{1,2})*|[ivx]{1,4}|[a-h])(?:[.):]|\s*[-–—])\s*"
    r"|^\s*\d{1,2}(?:\.\d{1,2})*\s+(?=[^\d\s])",
    re.IGNORECASE,
)
MAX_MODIFIERS = 3
NEGATIONS = {"no", "not", "non", "without", "zero", "didn't", "never"}
LABEL = re.compile(r"^\s*(?P<label>[^:\n]{1,48}?)\s*:[ \t]*(?P<rest>.*)", re.DOTALL)


_ASCII_FOLD = str.maketrans(
    {**{c: None for c in "$<=>^`~"}, **{chr(i): " " for i in [*range(32), 127] if chr(i) != "\n"}}
)


def _fold_char(ch: str) -> str:
    category = unicodedata.category(ch)
    if ch in "&+|\n":
        return ch
    return "" if category.startswith("S") else " " if category.startswith("C") else ch


def _fold(text: str) -> str:
    """Text without symbols (emoji, arrows, backticks); control characters as
    spaces; & + | kept (they join section names)."""
    if text.isascii():
        return text.translate(_ASCII_FOLD)
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return "".join(_fold_char(ch) for ch in text)


def words(text: str) -> tuple[str, ...]:
    """The words of a heading: lower case, hyphens and punctuation as spaces."""
    text = re.sub(r"[^\w\s']", " ", _fold(text).lower().replace("-", " "))
    return tuple(w.strip("'") for w in text.split() if w.strip("'"))


def _candidates(text: str) -> list[str]:
    base = _fold(text).strip().strip("*_#= ").rstrip(":").strip()
    plain = PARENTHETICAL.sub(" ", base).strip().rstrip(":").strip()
    out = [base, plain]
    for t in (base, plain):
        stripped = NUMBERING.sub("", t, count=1).strip()
        if stripped and stripped != t:
            out.append(stripped)
    return [c for c in dict.fromkeys(out) if c]


@dataclass(frozen=True)
class SectionCatalog:
    """The section names, their headings and the words around them, from data."""

    headings: dict[tuple[str, ...], str]
    decorations: frozenset[str]
    specific: dict[str, str]
    """Section -> 'strong' or 'weak': how much its heading says "postmortem"."""
    placeholders: frozenset[str]
    titles: dict[str, str]
    belongs: dict[str, str]
    order: tuple[str, ...]
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    head_nouns: frozenset[tuple[str, ...]] = frozenset()

    @classmethod
    def from_data(cls, data: SectionsData) -> SectionCatalog:
        headings: dict[tuple[str, ...], str] = {}
        for name, spec in data.sections.items():
            for heading in spec.headings:
                key = words(heading)
                if key in headings and headings[key] != name:
                    raise ValueError(f"heading '{heading}' is listed under {headings[key]} and {name}")
                headings[key] = name
        return cls(
            headings=headings,
            decorations=frozenset(w for d in data.decorations for w in words(d)),
            specific={n: s.specific for n, s in data.sections.items() if s.specific},
            placeholders=frozenset(" ".join(words(p)) for p in data.placeholders),
            titles=dict(data.titles),
            belongs=dict(data.belongs),
            order=tuple(data.sections),
            children=dict(data.children),
            head_nouns=frozenset(words(h) for h in data.head_nouns),
        )

    @property
    def names(self) -> tuple[str, ...]:
        return self.order

    def title(self, name: str) -> str:
        return self.titles.get(name, name.replace("-", " ").capitalize())

    # -- matching -------------------------------------------------------------

    def _exact(self, text: str) -> str | None:
        return self.headings.get(words(text))

    def _decorated(self, text: str) -> str | None:
        ws = words(text)
        if not ws or len(ws) > 10:
            return None
        best: tuple[int, str, int, int] | None = None
        for size in range(min(len(ws), 8), 0, -1):
            for start in range(len(ws) - size + 1):
                name = self.headings.get(ws[start : start + size])
                if name is not None:
                    rest = ws[:start] + ws[start + size :]
                    if all(w in self.decorations or w.isdigit() for w in rest):
                        return name
                    before, after = ws[:start], ws[start + size :]
                    if (
                        ws[start : start + size] in self.head_nouns
                        and 0 < len(before) <= MAX_MODIFIERS
                        and not (NEGATIONS | {"and", "or"}) & set(before)
                        and tuple(before) not in self.headings
                        and all(w in self.decorations or w.isdigit() for w in after)
                    ):
                        return name
                    if best is None:
                        best = (size, name, start, start + size)
            if best is not None:
                return None  # the longest heading inside has undecorated words around it
        return None

    def classify(self, text: str, title: bool = False, strict: bool = False) -> tuple[str, ...]:
        """The sections a heading names (usually one; none for other headings).

        ``title``: only an exact match (the document's title). ``strict``: when the
        heading joins several parts, every part must name a section (used for
        lines that are taken as headings only because they name sections)."""
        if not text or len(text) > 120:
            return ()
        candidates = _candidates(text)
        joined_first = [] if title else [c for c in candidates if SYMBOL_JOIN.search(c)]
        for cand in joined_first:  # "Impact & timeline": two sections, not an "impact timeline"
            found = self._joined(cand, strict)
            if found:
                return found
        for cand in candidates:
            name = self._exact(cand)
            if name:
                return (name,)
        if title:
            return ()
        for cand in candidates:
            name = self._decorated(cand)
            if name:
                return (name,)
        for cand in candidates:
            found = () if cand in joined_first else self._joined(cand, strict)
            if found:
                return found
        return ()

    def _joined(self, cand: str, strict: bool) -> tuple[str, ...]:
        """The sections of a heading that joins several parts ("Impact & timeline"),
        or () (see ``classify`` for ``strict``)."""
        parts = [p for p in SPLIT.split(cand.lower()) if p and p.strip()]
        if len(parts) < 2:
            return ()
        found: list[str] = []
        for part in parts:
            name = self._exact(part) or self._decorated(part)
            if name is None and strict:
                return ()
            if name and name not in found:
                found.append(name)
        return tuple(found)

    def is_placeholder(self, text: str) -> bool:
        return " ".join(words(text)) in self.placeholders

    def validate(self, names: Iterable[str], key: str = "required-sections") -> None:
        unknown = [n for n in names if n not in self.order]
        if unknown:
            raise ConfigError(
                f"{key}: unknown section(s) {', '.join(map(repr, unknown))}; "
                f"known sections: {', '.join(self.order)}"
            )


@lru_cache(maxsize=1)
def catalog() -> SectionCatalog:
    from blamelint.errors import RuleLoadError

    try:
        return SectionCatalog.from_data(load(SectionsData))
    except ValueError as exc:
        raise RuleLoadError(f"rules/data/sections.yaml: malformed section data: {exc}") from None


# -- the outline of a document ---------------------------------------------------


@dataclass
class Section:
    """One occurrence of a section in a document."""

    name: str
    start: Block | None
    """The heading (or labelled paragraph, or table cell) that opens it; None for
    an implicit summary."""
    content: list[Block] = field(default_factory=list)
    kind: str = "heading"
    """'heading', 'label' (a "Label: text" paragraph), 'row' (a key/value table
    row) or 'implicit' (prose before the first heading, taken as the summary)."""
    inline: str = ""
    """For labels and rows: the text after the label."""

    def has_content(self, cat: SectionCatalog | None = None) -> bool:
        cat = cat or catalog()
        if self.inline.strip() and not cat.is_placeholder(self.inline):
            return True
        return any(b.kind != "heading" and not cat.is_placeholder(b.text) for b in self.content)

    def span(self) -> tuple[int, int] | None:
        """Source span of what opens the section (the label only, for labels)."""
        if self.start is None:
            return None
        text = self.start.text
        if self.kind == "label":
            end = text.find(":")
            return self.start.source_span(0, end if end > 0 else len(text))
        return self.start.source_span(0, len(text.rstrip()) or 1)


@dataclass
class Outline:
    sections: list[Section]

    def of(self, name: str) -> list[Section]:
        return [s for s in self.sections if s.name == name]

    def present(self, name: str) -> bool:
        return any(s.name == name for s in self.sections)

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(s.name for s in self.sections))


def is_title(document: Document, block: Block) -> bool:
    """The document's title: a heading that is its first block."""
    return bool(document.blocks) and document.blocks[0] is block and block.kind == "heading"


def heading_sections(document: Document, cat: SectionCatalog | None = None) -> dict[int, tuple[str, ...]]:
    """id(heading block) -> the sections it names, for every heading that names one."""
    cat = cat or catalog()
    found = {}
    for block in document.headings:
        names = cat.classify(block.text, title=is_title(document, block))
        if names:
            found[id(block)] = names
    return found


def _label(block: Block, cat: SectionCatalog, source: str = "") -> tuple[tuple[str, ...], str] | None:
    """(sections, text after the label) for a block that opens with a label:
    "Impact: 3% of requests failed", or a first line that only names sections
    ("Root cause and resolution") with their text on the lines below it, no
    blank line between, starting with a capital."""
    match = LABEL.match(block.text)
    if match and "\n" not in match.group("label"):
        names = cat.classify(match.group("label"), strict=True)
        if names:
            return names, match.group("rest")
    if source and block.offsets:
        line_end = source.find("\n", block.offsets[0])
        cut = next((i for i, o in enumerate(block.offsets) if line_end >= 0 and o >= line_end), None)
        if cut:
            first, rest = block.text[:cut].strip(), block.text[cut:].strip()
            if (
                first
                and len(first.split()) <= 8
                and not first.endswith((".", ",", ";", "!"))
                and rest[:1].isupper()
            ):
                names = cat.classify(first, strict=True)
                if names:
                    return names, rest
    return None


def _looks_like_summary(block: Block) -> bool:
    text = block.text.strip()
    if block.kind != "paragraph" or len(text.split()) < 12 or not text.endswith((".", "!", "?", ")", '"')):
        return False
    labels = re.findall(r"(?:^|\n|\s)[A-Z][\w ]{0,30}:\s", text)
    return len(labels) < 2


def _adopt_children(sections: list[Section], cat: SectionCatalog) -> None:
    """An empty grouping section ("Lessons learned" with "What went well" and
    "What went wrong" right below it) holds what its child sections hold."""
    for i, section in enumerate(sections):
        children = cat.children.get(section.name, ())
        if section.kind != "heading" or section.content or not children:
            continue
        for child in sections[i + 1 :]:
            if child.kind != "heading" or child.name not in children:
                break
            section.content.extend(child.content)


_MEMO: dict[tuple[str, int], tuple[weakref.ref, object]] = {}
MEMO_SIZE = 16


def memo(kind: str, document: Document, compute):
    """``compute(document)``, remembered for the few documents being linted, so
    that the document rules and the postmortem detector share one reading."""
    key = (kind, id(document))
    hit = _MEMO.get(key)
    if hit is not None and hit[0]() is document:
        return hit[1]
    value = compute(document)
    if len(_MEMO) >= MEMO_SIZE:
        _MEMO.pop(next(iter(_MEMO)))
    _MEMO[key] = (weakref.ref(document), value)
    return value


def outline(document: Document, cat: SectionCatalog | None = None) -> Outline:
    """Every section occurrence in the document, in order."""
    if cat is None:
        return memo("outline", document, lambda d: _outline(d, catalog()))
    return _outline(document, cat)


def _outline(document: Document, cat: SectionCatalog) -> Outline:
    named = heading_sections(document, cat)
    sections: list[Section] = []
    by_heading: dict[int, list[Section]] = {}
    for block in document.blocks:
        if block.kind == "heading" and id(block) in named:
            for name in named[id(block)]:
                section = Section(name=name, start=block)
                sections.append(section)
                by_heading.setdefault(id(block), []).append(section)
            continue
        # Content belongs to the innermost enclosing heading that names a section.
        owner = next((h for h in reversed(block.headings) if id(h) in named), None)
        if owner is not None:
            for section in by_heading[id(owner)]:
                section.content.append(block)
        label = None
        if block.kind == "paragraph" and not block.quoted:
            label = _label(block, cat, document.source)
        elif (
            block.kind == "list_item"
            and block.list_depth == 1
            and owner is not None
            and set(named[id(owner)]) <= {"summary"}
        ):
            label = _label(block, cat)
        elif block.kind == "table_cell" and block.column == 0 and block.row > 0:
            names = cat.classify(block.text, strict=True)
            if len(names) == 1:
                value = [
                    b
                    for b in document.blocks
                    if b.table == block.table and b.row == block.row and b.column == 1
                ]
                sections.append(
                    Section(name=names[0], start=block, kind="row", inline=value[0].text if value else "")
                )
                continue
        if label is not None:
            for name in label[0]:
                if owner is None or name not in named[id(owner)]:
                    sections.append(Section(name=name, start=block, kind="label", inline=label[1]))
    _adopt_children(sections, cat)
    if not any(s.name == "summary" for s in sections):
        first = next(
            (i for i, b in enumerate(document.blocks) if b.kind == "heading" and not is_title(document, b)),
            len(document.blocks),
        )
        lead = [b for b in document.blocks[:first] if _looks_like_summary(b)]
        if lead:
            sections.insert(0, Section(name="summary", start=None, content=lead, kind="implicit"))
    return Outline(sections)
