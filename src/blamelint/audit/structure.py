"""The shape of a postmortem, for the audit: which sections it has, and its action
items (owner, due date, done).

Both come from the modules the document rules use: ``blamelint.postmortem.sections`` (the
section catalogue and outline) and ``blamelint.postmortem.action_items`` (lists,
checklists and tables in the action-items sections). The audit adds one thing:
the due date as a calendar date, so that an item can be judged overdue.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from blamelint.audit.dates import TEXT_PATTERNS, _first
from blamelint.document.model import Document

WHAT_WENT_WELL = "what-went-well"
QUARTER = re.compile(
    r"\b(?:Q([1-4])\s*[-/ ]?\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*[-/ ]?\s*Q([1-4]))\b", re.I
)


def sections_present(document: Document, found=None) -> tuple[list[str], bool]:
    """(the sections the document has, whether "what went well" has real content)."""
    from blamelint.postmortem.sections import outline

    found = found or outline(document)
    well = any(s.has_content() for s in found.of(WHAT_WENT_WELL))
    return found.names, well


def due_date(text: str | None) -> dt.date | None:
    """A due date as a calendar date: a written date, or the last day of a quarter
    ("Q3 2025"). None for dates without a year or relative ones ("next sprint")."""
    if not text:
        return None
    date = _first(TEXT_PATTERNS, text)
    if date is not None:
        return date
    match = QUARTER.search(text)
    if match:
        quarter = int(match.group(1) or match.group(4))
        year = int(match.group(2) or match.group(3))
        end_month = quarter * 3
        return dt.date(year + (end_month == 12), end_month % 12 + 1, 1) - dt.timedelta(days=1)
    return None


def action_items(document: Document, found=None) -> list[dict[str, Any]]:
    """Each action item: its line, owner, due date (as written and as a date), done."""
    from blamelint.postmortem.action_items import action_items as parse

    out = []
    for item in parse(document, found):
        date = due_date(item.due)
        out.append(
            {
                "line": item.line,
                "text": item.action[:160],
                "owner": item.owner,
                "due": item.due,
                "due_date": date.isoformat() if date else None,
                "done": item.done is True,
            }
        )
    return out
