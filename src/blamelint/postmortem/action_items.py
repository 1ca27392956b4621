"""The action items of a postmortem: what each asks, who owns it, when it is due.

Items are read from the action-items sections (see blamelint.postmortem.sections) in any
of the shapes teams write them:

- a bullet or numbered list, or a checklist (``- [ ]`` / ``- [x]``): one item per
  top-level list item; its nested lines and paragraphs belong to it;
- a table: one item per body row; columns are recognised by their header
  (Owner, Assignee, Due, Deadline, Status, Ticket...);
- sub-headings, one per item, when the section has no list or table;
- otherwise one item per paragraph (an intro ending in ":" is not an item).

Owners, dates and tickets are recognised in annotations: a labelled value
("Owner: Dana", "Due: Jan 15"), an @handle, a parenthetical ("(Dana, due
2027-01-15)"), a segment after a spaced dash ("— Wen Zhou — by 2025-03-21"),
the item's nested lines, or a table column. The words are data
(``rules/data/action-items.yaml``). A date inside the action itself ("Rerun the
exports for 17 September") is not a due date unless a cue such as "by" or "due"
precedes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import ActionItemsData
from blamelint.document.model import Block, Document
from blamelint.postmortem.sections import Outline, memo, outline, words
from blamelint.postmortem.tickets import TicketFinder

DASH_SPLIT = re.compile(r"\s+(?:[-–—]{1,3}|\|)\s+")
PARENS = re.compile(r"[(\[]([^()\[\]]*)[)\]]")
SEGMENT_SPLIT = re.compile(r"\s*[,;/]\s*|\s+and\s+")
HANDLE = re.compile(
    r"(?<![\w@/.:+-])@([A-Za-z0-9][\w.-]*[A-Za-z0-9_]|[A-Za-z0-9])"
    r"|(?<![\w@/.:+-])([a-z][\w.-]*[a-z0-9_])@(?![\w.-])"
)  # @dana, or dana@ (Google style)
LEADING_TAG = re.compile(r"^\s*\[[^\]]*\]\s*")
BROADCAST = {"here", "channel", "everyone", "all"}
CONNECTORS = {
    "van",
    "de",
    "der",
    "den",
    "von",
    "da",
    "di",
    "la",
    "le",
    "du",
    "del",
    "dos",
    "bin",
    "al",
    "el",
    "ten",
    "ter",
}
NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z@])")


def _alternation(items) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    """Compiled patterns for owners, dates, tickets and status, from data."""

    owner_label: re.Pattern
    owner_phrase: re.Pattern
    status_label: re.Pattern
    label_sentence: re.Pattern
    absolute_date: re.Pattern
    relative_date: re.Pattern
    weak_date: re.Pattern
    cue: re.Pattern
    ticket: TicketFinder
    placeholders: frozenset[str]
    not_owners: frozenset[str]
    team_words: frozenset[str]
    team_acronyms: frozenset[str]
    months: frozenset[str]
    done_words: frozenset[str]
    open_words: frozenset[str]
    columns: dict[str, frozenset[str]]

    @classmethod
    def from_data(cls, data: ActionItemsData) -> Grammar:
        months = [*data.months, *data.month_abbreviations]
        month = rf"(?:{_alternation(months)})\.?"
        weekday = rf"(?:{_alternation(data.weekdays)})\.?"
        day = r"\d{1,2}(?:st|nd|rd|th)?"
        year = r"(?:\d{4}|'\d{2})"
        period = _alternation(data.periods)
        absolute = [
            r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",  # 2027-01-15
            r"\b\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})\b",  # 15/01/2027
            rf"\b{month}\s+{day}\b(?:,?\s+\d{{4}})?",  # Jan 15, 2027
            rf"\b{day}\s+(?:of\s+)?{month}(?:,?\s+\d{{4}})?(?![\w])",  # 15 January
            rf"\b{month}\s+{year}\b",  # March 2027
        ]
        relative = [
            # Q3, Q3 2026, FY25 Q1
            r"\b(?:(?:FY|CY)\s?'?\d{2,4}\s*)?[QH][1-4](?:\s*(?:FY|CY)?\s?'?\d{2,4})?\b",
            r"\b\d{4}[-\s]?[QH][1-4]\b",  # 2026-Q1
            rf"\b(?:end|start|beginning|middle|mid)\s+of\s+(?:the\s+)?(?:this\s+|next\s+|current\s+)?(?:{period}|{month}|[QH][1-4])\b",
            rf"\b(?:this|next|following|upcoming|coming)\s+(?:{period}|{weekday})\b",
            rf"\b(?:{_alternation(data.period_abbreviations)})\b",
            rf"\b(?:{period})\s+\d{{1,3}}\b",  # sprint 42
            r"\bwithin\s+(?:\d+|one|two|three|four|six|a)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?)\b",
        ]
        weak = [
            r"\b\d{1,2}/\d{1,2}\b",  # 1/15
            rf"\b{month}(?![\w])",  # by March
            rf"\b{weekday}(?![\w])",  # by Friday
            r"\b(?:\d+|one|two|three|four|six)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?)\b",
            r"\b(?:today|tomorrow)\b",
        ]
        owner_labels = _alternation(data.owner_labels)
        due_labels = _alternation(data.due_labels)
        status_labels = "status|state|ticket|tickets|issue|jira|link|tracking|priority|prio"
        return cls(
            owner_label=re.compile(
                rf"(?:^|(?<=[\s(\[,;.]))(?:{owner_labels})\s*(?:[:=]|\s[-–—]+\s)\s*(?P<value>[^.;,)\]|\n]*)",
                re.IGNORECASE,
            ),
            owner_phrase=re.compile(
                rf"\b(?:{_alternation(data.owner_phrases)})\s+(?P<value>[^.;,)\]|\n]*)", re.IGNORECASE
            ),
            status_label=re.compile(rf"\b(?:{status_labels})\s*:\s*(?P<value>[^.;,)\]|\n]*)", re.IGNORECASE),
            label_sentence=re.compile(
                rf"^\s*(?:{owner_labels}|{due_labels}|{status_labels})\s*:", re.IGNORECASE
            ),
            absolute_date=re.compile("|".join(f"(?:{p})" for p in absolute), re.IGNORECASE),
            relative_date=re.compile("|".join(f"(?:{p})" for p in relative), re.IGNORECASE),
            weak_date=re.compile("|".join(f"(?:{p})" for p in weak), re.IGNORECASE),
            cue=re.compile(
                rf"(?:^|\W)(?:{_alternation(data.due_cues)}|{due_labels})\s*(?:[:=]|[-–—]+)?\s*"
                r"(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+|mid[-\s]|early\s+|late\s+)?$",
                re.IGNORECASE,
            ),
            ticket=TicketFinder(data.not_ticket_prefixes),
            placeholders=frozenset(" ".join(words(p)) for p in data.placeholders) | {""},
            not_owners=frozenset(" ".join(words(p)) for p in data.not_owners),
            team_words=frozenset(w for t in data.team_words for w in words(t)),
            team_acronyms=frozenset(t.lower() for t in data.team_acronyms),
            months=frozenset(m.lower() for m in [*months, *data.weekdays]),
            done_words=frozenset(" ".join(words(w)) or w for w in data.done_words),
            open_words=frozenset(" ".join(words(w)) for w in data.open_words),
            columns={k: frozenset(" ".join(words(c)) or c for c in v) for k, v in data.columns},
        )

    # -- values -----------------------------------------------------------------

    def is_placeholder(self, value: str) -> bool:
        return " ".join(words(value)) in self.placeholders or not any(c.isalnum() for c in value)

    def column_kind(self, header: str) -> str | None:
        """What a table column holds, from its header: an exact column name
        ("Owner", "Due date"), else one inside it ("Verification ticket",
        "Action item description"); an id column ("Item ID", "#") is none."""
        key = " ".join(words(header.replace("_", " "))) or header.strip()
        for kind in ("owner", "due", "status", "ticket", "action"):
            if key in self.columns[kind]:
                return kind
        padded = f" {key} "
        for kind in ("owner", "due", "status", "ticket"):
            if any(f" {name} " in padded for name in self.columns[kind] if len(name) > 2):
                return kind
        if set(key.split()) & {"id", "no", "number", "ref"} or not key.strip("# "):
            return None
        if any(f" {name} " in padded for name in self.columns["action"] if len(name) > 2):
            return "action"
        return None

    def is_done(self, value: str) -> bool | None:
        key = " ".join(words(value))
        if key in self.done_words or value.strip() in self.done_words:
            return True
        if key in self.open_words:
            return False
        return None

    def name_like(self, segment: str) -> bool:
        """An annotation that names a person or a team: "Dana", "Wen Zhou",
        "SRE", "the platform team". Not statuses, priorities or dates."""
        text = segment.strip().strip("*_\"'")
        if text.lower().startswith("the "):
            text = text[4:]
        ws = text.split()
        if not ws or len(ws) > 5 or any(ch.isdigit() for ch in text):
            return False
        key = " ".join(words(text))
        if key in self.not_owners or key in self.placeholders:
            return False
        lowered = [w.lower().strip(".,") for w in ws]
        if any(w in self.months for w in lowered):
            return False
        if any(w in self.team_words for w in lowered):
            return all(NAME_WORD.match(w) for w in ws)
        if len(ws) == 1 and lowered[0] in self.team_acronyms:
            return True
        if len(ws) > 4 or not NAME_WORD.match(ws[0]) or not ws[0][0].isupper():
            return False
        for word in ws:
            if word.lower() in CONNECTORS:
                continue
            if not NAME_WORD.match(word) or not word[0].isupper():
                return False
            if len(word) > 1 and word.isupper() and word.lower() not in self.team_acronyms:
                return False
        return True

    def due_in(self, text: str, annotation: bool) -> str | None:
        """A due date in ``text``: a quarter, sprint or "end of ..." anywhere; a
        calendar date after a cue ("by", "due") or in an annotation; a month or
        weekday alone only after a cue."""
        for pattern, anywhere, in_note in (
            (self.relative_date, True, True),
            (self.absolute_date, False, True),
            (self.weak_date, False, False),
        ):
            for match in pattern.finditer(text):
                cued = bool(self.cue.search(text[: match.start()][-40:]))
                if anywhere or cued or (in_note and annotation):
                    return match.group(0).strip()
        return None


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    from blamelint.errors import RuleLoadError

    try:
        return Grammar.from_data(load(ActionItemsData))
    except re.error as exc:
        raise RuleLoadError(f"rules/data/action-items.yaml: malformed action-item data: {exc}") from None


# -- items --------------------------------------------------------------------------


@dataclass
class ActionItem:
    anchor: Block
    """The block findings point at (the item's first line, or its action cell)."""
    blocks: list[Block]
    action: str
    """The action itself: the item's first sentence without its annotations."""
    text: str
    """All of the item's text."""
    source: str = ""
    """The item's source text (link targets included)."""
    owner: str | None = None
    due: str | None = None
    ticket: str | None = None
    done: bool | None = None
    annotations: list[str] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.anchor.line

    def span(self) -> tuple[int, int]:
        """Source span of the anchor's first line."""
        text = self.anchor.text
        end = text.find("\n")
        end = len(text.rstrip()) if end < 0 else end
        return self.anchor.source_span(0, max(end, 1))


def split_annotations(text: str) -> tuple[str, list[str]]:
    """The action and the annotations around it: parentheticals, segments
    after a spaced dash, and sentences that are labels ("Owner: X.")."""
    first, *rest = DASH_SPLIT.split(LEADING_TAG.sub("", text.strip(), count=1))
    annotations = [r for r in rest if r.strip()]
    annotations.extend(m.group(1) for m in PARENS.finditer(first))
    action = PARENS.sub(" ", first)
    g = grammar()
    sentences = SENTENCE_SPLIT.split(action)
    kept = [sentences[0]] + [s for s in sentences[1:] if not g.label_sentence.match(s)]
    annotations.extend(s for s in sentences[1:] if g.label_sentence.match(s))
    action = " ".join(" ".join(kept).split())
    return action, annotations


def _find_owner(item: ActionItem) -> str | None:
    g = grammar()
    for pattern in (g.owner_label, g.owner_phrase):
        for match in pattern.finditer(item.text):
            value = match.group("value").strip()
            value = re.split(r"\s+(?:due|by|before|until)\b", value, maxsplit=1, flags=re.IGNORECASE)[
                0
            ].strip()
            if g.is_placeholder(value) or g.due_in(value, True):
                continue
            return value
    for match in HANDLE.finditer(item.text):
        handle = "@" + match.group(1) if match.group(1) else match.group(2) + "@"
        if match.group(1) and match.group(1).lower() in BROADCAST or g.is_placeholder(handle):
            continue
        return handle
    for note in item.annotations:
        for segment in SEGMENT_SPLIT.split(note):
            if g.name_like(segment):
                return segment.strip()
    return None


def _find_due(item: ActionItem) -> str | None:
    g = grammar()
    for note in item.annotations:
        due = g.due_in(note, annotation=True)
        if due:
            return due
    return g.due_in(item.action, annotation=False)


def _find_done(item: ActionItem) -> bool | None:
    g = grammar()
    for match in g.status_label.finditer(item.text):
        state = g.is_done(match.group("value"))
        if state is not None:
            return state
    for note in item.annotations:
        for segment in SEGMENT_SPLIT.split(note):
            first = " ".join(words(segment)[:1])
            if g.is_done(segment) or (first in g.done_words and len(words(segment)) <= 4):
                return True
    if any(mark in item.text for mark in ("✅", "✔", "☑")):
        return True
    return None


def _find_ticket(item: ActionItem) -> str | None:
    return grammar().ticket.search(item.source or item.text)


def _source_of(document: Document, blocks: list[Block]) -> str:
    offsets = [b.offsets for b in blocks if b.offsets]
    if not offsets:
        return ""
    start = min(o[0] for o in offsets)
    end = max(o[-1] for o in offsets) + 1
    line_end = document.source.find("\n", end)
    return document.source[start : line_end if line_end >= 0 else len(document.source)]


def _finish(document: Document, item: ActionItem) -> ActionItem:
    item.source = item.source or _source_of(document, item.blocks)
    item.owner = item.owner or _find_owner(item)
    item.due = item.due or _find_due(item)
    item.ticket = item.ticket or _find_ticket(item)
    if item.done is None:
        item.done = _find_done(item)
    return item


def _list_item(document: Document, blocks: list[Block]) -> ActionItem:
    first = blocks[0]
    action, annotations = split_annotations(first.text)
    for block in blocks[1:]:
        annotations.extend(DASH_SPLIT.split(block.text))
        annotations.extend(m.group(1) for m in PARENS.finditer(block.text))
    item = ActionItem(
        anchor=first,
        blocks=blocks,
        action=action,
        annotations=annotations,
        text="\n".join(b.text for b in blocks),
    )
    if first.checked is not None:
        item.done = first.checked
    return _finish(document, item)


def _table_items(document: Document, cells: list[Block]) -> list[ActionItem]:
    g = grammar()
    headers = {c.column: g.column_kind(c.text) for c in cells if c.row == 0}
    rows: dict[int, list[Block]] = {}
    for cell in cells:
        if cell.row > 0:
            rows.setdefault(cell.row, []).append(cell)
    action_cols = [c for c, k in headers.items() if k == "action"]
    items = []
    for _, row in sorted(rows.items()):
        row.sort(key=lambda c: c.column)
        kinds = {c.column: headers.get(c.column) for c in row}
        action_cells = (
            [c for c in row if c.column in action_cols]
            or [c for c in row if kinds[c.column] is None and not c.text.strip().isdigit()]
            or row
        )
        anchor = action_cells[0]
        action, annotations = split_annotations(anchor.text)
        annotations.extend(c.text for c in row if c not in action_cells and kinds[c.column] is None)
        item = ActionItem(
            anchor=anchor,
            blocks=row,
            action=action,
            annotations=annotations,
            text="\n".join(c.text for c in row),
        )
        for cell in row:
            kind, value = kinds[cell.column], cell.text.strip()
            if kind == "owner" and not g.is_placeholder(value):
                item.owner = value
            elif kind == "due" and not g.is_placeholder(value):
                item.due = g.due_in(value, annotation=True) or value
            elif kind == "status":
                item.done = g.is_done(value)
            elif kind == "ticket" and not g.is_placeholder(value):
                item.ticket = value
        if "owner" in headers.values():
            item.annotations = [a for a in item.annotations if a not in [c.text for c in row]]
        items.append(_finish(document, item))
    # An owner or due column that is empty says "none": do not look elsewhere in the row.
    kinds = set(headers.values())  # empty cells have no block: ask the header row
    for item in items:
        if "owner" in kinds and not any(
            headers.get(c.column) == "owner" and not g.is_placeholder(c.text) for c in item.blocks
        ):
            item.owner = _inline_only(item.anchor.text, "owner")
        if "due" in kinds and not any(
            headers.get(c.column) == "due" and not g.is_placeholder(c.text) for c in item.blocks
        ):
            item.due = _inline_only(item.anchor.text, "due")
        if "ticket" in kinds and not any(
            headers.get(c.column) == "ticket" and not g.is_placeholder(c.text) for c in item.blocks
        ):
            item.ticket = g.ticket.search(item.anchor.text)
    return items


def _inline_only(action_text: str, what: str) -> str | None:
    """An owner or date written in the action cell itself, when its column is empty."""
    action, annotations = split_annotations(action_text)
    probe = ActionItem(
        anchor=None,
        blocks=[],
        action=action,
        text=action_text,  # type: ignore[arg-type]
        annotations=annotations,
    )
    return _find_owner(probe) if what == "owner" else _find_due(probe)


def _section_items(document: Document, content: list[Block]) -> list[ActionItem]:
    items: list[ActionItem] = []
    body = [b for b in content if b.kind != "heading"]
    lists = [b for b in body if b.kind == "list_item"]
    tables: dict[int, list[Block]] = {}
    for block in body:
        if block.kind == "table_cell":
            tables.setdefault(block.table, []).append(block)
    if lists:
        top = min(b.list_depth for b in lists)
        group: list[Block] = []
        for block in body:
            if (
                block.kind == "list_item"
                and block.list_depth == top
                and (not group or block.item != group[0].item)
            ):
                if group:
                    items.append(_list_item(document, group))
                group = [block]
            elif block.kind == "list_item" and group:
                group.append(block)
            elif group:
                items.append(_list_item(document, group))
                group = []
        if group:
            items.append(_list_item(document, group))
    for cells in tables.values():
        items.extend(_table_items(document, cells))
    if items:
        return sorted(items, key=lambda i: (i.line, i.anchor.column))
    subheadings = [b for b in content if b.kind == "heading"]
    if subheadings:
        for heading in subheadings:
            under = [b for b in content if heading in b.headings]
            items.append(_list_item(document, [heading, *under]))
        return items
    for block in body:
        if block.kind in ("paragraph", "blockquote") and not block.text.rstrip().endswith(":"):
            items.append(_list_item(document, [block]))
    return items


def action_items(document: Document, sections: Outline | None = None) -> list[ActionItem]:
    """Every action item in the document's action-items sections."""
    if sections is None:
        return memo("action-items", document, lambda d: _action_items(d, outline(d)))
    return _action_items(document, sections)


def _action_items(document: Document, sections: Outline) -> list[ActionItem]:
    items: list[ActionItem] = []
    seen: set[int] = set()
    for section in sections.of("action-items"):
        if section.kind != "heading":
            continue
        content = [b for b in section.content if id(b) not in seen]
        seen.update(id(b) for b in content)
        items.extend(_section_items(document, content))
    return items


__all__ = ["ActionItem", "Grammar", "action_items", "grammar", "split_annotations"]
