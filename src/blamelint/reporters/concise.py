"""Concise output, as ruff and flake8 print: ``path:line:col: rule-id message``, one
line a finding, then the summary (left out with --quiet)."""

from __future__ import annotations

from blamelint.findings import Report
from blamelint.reporters.text import clean, summary_line


def render(report: Report, context) -> str:
    lines = [
        f"{clean(f.location.path)}:{f.location.line}:{f.location.column}: {f.rule} {clean(f.message)}"
        for f in report.findings
    ]
    lines += [f"{clean(e.path)}: error: could not check: {clean(e.message)}" for e in report.errors]
    if not getattr(context, "quiet", False):
        lines.append(getattr(context, "summary", None) or summary_line(report))
        lines += getattr(context, "notes", [])
    return "".join(line + "\n" for line in lines)


def statistics(report: Report, context) -> str:
    """Findings counted by rule, most first (``--statistics``)."""
    severity = {f.rule: f.severity.value for f in report.findings}
    rows = sorted(report.summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
    width = max([len(str(n)) for _, n in rows] + [1])
    lines = [f"{n:>{width}}  {rule}  ({severity[rule]})" for rule, n in rows]
    lines += [f"{clean(e.path)}: error: could not check: {clean(e.message)}" for e in report.errors]
    if not getattr(context, "quiet", False):
        lines.append(getattr(context, "summary", None) or summary_line(report))
        lines += getattr(context, "notes", [])
    return "".join(line + "\n" for line in lines)
