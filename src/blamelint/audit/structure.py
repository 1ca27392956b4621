"""The shape of a postmortem, for the audit: which sections it has, and its action
items (owner, due date, done).

Sections come from ``blamelint.sections`` (the section catalogue and outline the
document rules use). Action items are read from the action-items section: list
items (checklists included) and table rows.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from blamelint.audit.dates import TEXT_PATTERNS, _first
from blamelint.document.model import Block, Document

ACTION_SECTIONS = ("action-items",)
WHAT_WENT_WELL = "what-went-well"

HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9][\w.-]*")
OWNER_LABEL = re.compile(r"\b(?i:owners?|assignees?|assigned to|dri|responsible)\s*[:=-]?\s*([A-Z@][\w.@-]*(?:\s+[A-Z][\w-]*)?)")
TRAILING_NAME = re.compile(r"[(\[]\s*(@?[A-Z][\w.-]*(?:\s+[A-Z][\w-]*)?)\s*[)\]]\s*\.?\s*$")
QUARTER = re.compile(r"\b(?:Q([1-4])\s*[-/ ]?\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*[-/ ]?\s*Q([1-4]))\b", re.I)
DONE_WORDS = {"done", "complete", "completed", "closed", "fixed", "resolved", "shipped", "merged", "yes"}
OWNER_COLUMNS = {"owner", "owners", "assignee", "assignees", "assigned", "assigned to", "who", "dri", "responsible"}
DUE_COLUMNS = {"due", "due date", "deadline", "date", "target", "target date", "when", "eta", "by"}
STATUS_COLUMNS = {"status", "state", "done"}


@dataclass
class ActionItem:
    text: str
    line: int
    owner: Optional[str]
    due: Optional[dt.date]
    done: bool

    def as_dict(self) -> dict:
        return {"text": self.text[:160], "line": self.line, "owner": self.owner,
                "due": self.due.isoformat() if self.due else None, "done": self.done}


def sections_present(document: Document) -> tuple[list[str], bool]:
    """(the sections the document has, whether "what went well" has real content)."""
    from blamelint.sections import outline

    found = outline(document)
    well = any(s.has_content() for s in found.of(WHAT_WENT_WELL))
    return found.names, well


def due_date(text: str) -> Optional[dt.date]:
    date = _first(TEXT_PATTERNS, text)
    if date is not None:
        return date
    match = QUARTER.search(text)
    if match:
        quarter = int(match.group(1) or match.group(4))
        year = int(match.group(2) or match.group(3))
        end_month = quarter * 3
        return (dt.date(year + (end_month == 12), end_month % 12 + 1, 1) - dt.timedelta(days=1))
    return None


def owner_of(text: str) -> Optional[str]:
    for pattern in (HANDLE, OWNER_LABEL, TRAILING_NAME):
        match = pattern.search(text)
        if match:
            return (match.group(1) if match.groups() else match.group(0)).strip()
    return None


def action_items(document: Document) -> list[ActionItem]:
    from blamelint.sections import outline

    blocks: list[Block] = []
    for section in outline(document).sections:
        if section.name in ACTION_SECTIONS:
            blocks.extend(b for b in section.content if b not in blocks)
    items: list[ActionItem] = []
    seen_items: set[int] = set()
    tables: dict[int, list[Block]] = {}
    for block in blocks:
        if block.kind == "table_cell":
            tables.setdefault(block.table, []).append(block)
        elif block.kind == "list_item" and block.list_depth == 1:
            if block.item in seen_items:
                continue
            seen_items.add(block.item)
            text = " ".join(b.text for b in blocks if b.item == block.item and b.kind == "list_item")
            items.append(ActionItem(text=text.strip(), line=block.line, owner=owner_of(text),
                                    due=due_date(text), done=block.checked is True))
    for cells in tables.values():
        items.extend(_table_items(cells))
    items.sort(key=lambda i: i.line)
    return items


def _table_items(cells: list[Block]) -> list[ActionItem]:
    header = {c.column: c.text.strip().lower().rstrip(":") for c in cells if c.row == 0}
    rows: dict[int, dict[int, Block]] = {}
    for c in cells:
        if c.row > 0:
            rows.setdefault(c.row, {})[c.column] = c
    owner_col = next((i for i, h in header.items() if h in OWNER_COLUMNS), None)
    due_col = next((i for i, h in header.items() if h in DUE_COLUMNS), None)
    status_col = next((i for i, h in header.items() if h in STATUS_COLUMNS), None)
    items = []
    for row in sorted(rows):
        cols = rows[row]
        text = " | ".join(cols[i].text for i in sorted(cols))
        owner = cols[owner_col].text.strip() if owner_col in cols and cols[owner_col].text.strip() else None
        owner = owner if owner and owner.lower() not in ("tbd", "n/a", "none", "-", "?") else owner_of(text)
        due = due_date(cols[due_col].text) if due_col in cols else due_date(text)
        status = cols[status_col].text.strip().lower() if status_col in cols else ""
        done = status in DONE_WORDS or status.startswith(("✅", "✔", "[x]"))
        first = cols[min(cols)]
        items.append(ActionItem(text=text, line=first.line, owner=owner, due=due, done=done))
    return items
