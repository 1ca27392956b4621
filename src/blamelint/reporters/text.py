"""Text output: ``path:line:col: severity rule-id message``, one finding a line."""

from __future__ import annotations

from blamelint.escapes import escape_controls
from blamelint.findings import Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "note": "\033[36m", "dim": "\033[2m", "bold": "\033[1m"}
RESET = "\033[0m"


def clean(text: str) -> str:
    """``text`` (a path, a message, a quote: one line each) with control characters, line
    breaks included, shown as ``\\x1b``-style escapes (``blamelint.escapes``); tabs are kept."""
    return escape_controls(text, keep="\t")


def render(report: Report, context) -> str:
    def paint(text: str, style: str) -> str:
        return f"{COLORS[style]}{text}{RESET}" if context.color else text

    lines = []
    for f in report.findings:
        loc = f.location
        head = (
            f"{clean(loc.path)}:{loc.line}:{loc.column}: {paint(f.severity.value, f.severity.value)} "
            f"{paint(f.rule, 'bold')} {clean(f.message)}"
        )
        lines.append(head)
        quoted = clean(" ".join(f.text.split()))
        if len(quoted) > 120:
            quoted = quoted[:117] + "..."
        lines.append(paint(f"    | {quoted}", "dim"))
        if f.suggestion:
            lines.append(f"    = suggestion: {clean(f.suggestion)}")
    for e in report.errors:
        lines.append(f"{clean(e.path)}: {paint('error', 'error')} could not check: {clean(e.message)}")
    if getattr(context, "quiet", False):
        return "".join(line + "\n" for line in lines)
    if lines:
        lines.append("")
    lines.append(paint(getattr(context, "summary", None) or summary_line(report), "bold"))
    lines += getattr(context, "notes", [])
    return "\n".join(lines) + "\n"


def summary_line(report: Report) -> str:
    s = report.summary
    counts = ", ".join(f"{n} {sev}{'s' if n != 1 else ''}" for sev, n in s.by_severity.items() if n)
    files = f"{s.files} file{'s' if s.files != 1 else ''}"
    if s.findings:
        summary = f"Found {s.findings} problem{'s' if s.findings != 1 else ''} ({counts}) in {files}."
    else:
        summary = f"No problems found in {files}."
    if s.errors:
        summary += f" {s.errors} file{'s' if s.errors != 1 else ''} could not be checked."
    return summary
