"""The audit report as CSV: one row a scored document, for spreadsheets. Every
column name is unique (``csv.DictReader`` reads each value back) and documented in
docs/audit.md; counts end in ``_count`` or name what they count, percentages end in
``_pct``."""

from __future__ import annotations

import csv
import io

from blamelint.audit.aggregate import COMPONENTS, METRICS
from blamelint.audit.report import AuditReport, DocumentReport
from blamelint.escapes import escape_controls

FIXED = [
    "path",
    "relative_path",
    "title",
    "date",
    "date_source",
    "postmortem_reason",
    "words",
    "sentences",
    "action_sentences",
    "named_action_sentences",
    "agentless_passive_findings",
    "blame_findings",
    "hindsight_findings",
    "root_cause_findings",
    "findings",
    "sections",
    "action_items_count",
    "action_items_with_owner_count",
    "action_items_with_due_date_count",
    "action_items_done_count",
    "action_items_overdue_count",
]


def metric_column(metric_id: str, unit: str) -> str:
    return f"{metric_id}_pct" if unit == "%" else metric_id


METRIC_COLUMNS = [metric_column(m.id, m.unit) for m in METRICS]
POINT_COLUMNS = [f"points_{c.id}" for c in COMPONENTS]
COLUMNS = FIXED + METRIC_COLUMNS + POINT_COLUMNS


def cell(text: str) -> str:
    """Free text as a spreadsheet shows it, never as a formula ("=cmd|..." injection), with
    control characters as visible ``\\x1b``-style escapes (``blamelint.escapes``)."""
    text = escape_controls(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def row(d: DocumentReport) -> list:
    counts, items = d.counts, d.action_items
    out = [
        cell(d.path),
        cell(d.relative_path),
        cell(d.title or ""),
        d.date.isoformat() if d.date else "",
        d.date_source or "",
        cell(d.postmortem_reason),
        d.words,
        d.sentences,
        d.action_sentences,
        d.named_action_sentences,
        counts.get("agentless-passive", 0),
        counts.get("blame", 0),
        counts.get("hindsight", 0),
        counts.get("root-cause", 0),
        d.finding_count,
        cell(";".join(d.sections)),
        items.total,
        items.with_owner,
        items.with_due_date,
        items.done,
        items.overdue,
    ]
    out += ["" if d.metrics[m.id] is None else d.metrics[m.id] for m in METRICS]
    points = {c.id: c.points for c in d.health.components}
    out += ["" if points.get(c.id) is None else points[c.id] for c in COMPONENTS]
    return out


def render(report: AuditReport, color: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for d in report.documents:
        writer.writerow(row(d))
    return out.getvalue()
