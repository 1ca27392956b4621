"""The audit report as CSV: one row a document, for spreadsheets."""
from __future__ import annotations

import csv
import io
from typing import Any

from blamelint.audit.aggregate import METRIC_IDS

FIXED = ["path", "title", "date", "date_source", "words", "sentences", "action_sentences",
         "named_action_sentences", "agentless_passives", "blame", "hindsight", "root_cause",
         "sections", "action_items", "action_items_with_owner", "action_items_with_due_date",
         "action_items_done", "action_items_overdue_count", "findings"]


def cell(text: str) -> str:
    """Free text as a spreadsheet shows it, never as a formula ("=cmd|..." injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def render(report: dict[str, Any], color: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIXED + [m for m in METRIC_IDS])
    for d in report["documents"]:
        counts, items = d["counts"], d["action_items"]
        row = [cell(d["path"]), cell(d["title"] or ""), d["date"] or "", d["date_source"] or "", d["words"],
               d["sentences"], d["action_sentences"], d["named_action_sentences"],
               counts.get("agentless-passive", 0), counts.get("blame", 0), counts.get("hindsight", 0),
               counts.get("root-cause", 0), ";".join(d["sections"]), items["total"], items["with_owner"],
               items["with_due_date"], items["done"], items["overdue"], d["finding_count"]]
        row += ["" if d["metrics"][m] is None else d["metrics"][m] for m in METRIC_IDS]
        writer.writerow(row)
    return out.getvalue()
