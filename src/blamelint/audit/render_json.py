"""The audit report as JSON: the report dict itself (schema in docs/audit.md,
versioned by ``schema_version``)."""
from __future__ import annotations

import json
from typing import Any


def render(report: dict[str, Any], color: bool = False) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
