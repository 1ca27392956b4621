"""JSON output: the Report model (schema in blamelint/schemas/report.schema.json)."""
from __future__ import annotations

import json

from blamelint.findings import Report


def render(report: Report, context) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict:
    return Report.model_json_schema()
