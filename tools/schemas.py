"""Regenerate the JSON Schemas shipped in src/blamelint/schemas/ from the pydantic
models (the check report and the audit report). A maintainer tool::

    python tools/schemas.py

Tests fail when a shipped schema differs from its model.
"""

from __future__ import annotations

import json
from pathlib import Path

from blamelint.audit.report import schema as audit_schema
from blamelint.reporters.json_report import schema as report_schema

SCHEMAS = Path(__file__).resolve().parents[1] / "src" / "blamelint" / "schemas"


def main() -> int:
    for name, build in (("report.schema.json", report_schema), ("audit.schema.json", audit_schema)):
        target = SCHEMAS / name
        target.write_text(json.dumps(build(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
