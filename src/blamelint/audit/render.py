"""Pick the renderer for an output format (formatting only, no analysis)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blamelint.audit.report import AuditReport

RENDERERS = {
    "text": "blamelint.audit.render_text",
    "json": "blamelint.audit.render_json",
    "csv": "blamelint.audit.render_csv",
    "html": "blamelint.audit.render_html",
}


def render(fmt: str, report: AuditReport, color: bool = False) -> str:
    module = importlib.import_module(RENDERERS[fmt])
    return module.render(report, color=color)


def format_value(value, unit: str) -> str:
    """A metric value as people read it: '42%', '3.10', '—' when there is none."""
    if value is None:
        return "—"
    if unit == "%":
        return f"{value:.0f}%"
    if unit == "rate":
        return f"{value:.2f}"
    return f"{value:.1f}" if isinstance(value, float) else str(value)
