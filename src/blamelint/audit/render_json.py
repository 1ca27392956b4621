"""The audit report as JSON: the AuditReport model itself (schema in
blamelint/schemas/audit.schema.json, versioned by ``schema_version``)."""

from __future__ import annotations

from blamelint.audit.report import AuditReport


def render(report: AuditReport, color: bool = False) -> str:
    return report.to_json()
