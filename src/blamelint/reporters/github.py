"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice``
line per finding, which the runner turns into an annotation on the file (and on
the pull request's diff). For teams that do not upload SARIF to code scanning.

Paths are relative to the repository root, as GitHub expects. ``col`` and
``endColumn`` are sent only for findings on one line (GitHub drops columns on
multi-line annotations); ``endColumn`` is the column of the last character.
Values are escaped as GitHub's runner reads them: ``%``, CR and LF everywhere,
and also ``:`` and ``,`` inside properties. Before that, control characters from
documents and file names are made visible (``blamelint.escapes``; line breaks and
tabs kept in messages): the log shows
every workflow command, and a file whose name holds one is annotated under that
escaped name.
"""

from __future__ import annotations

from blamelint.escapes import escape_controls
from blamelint.findings import Report
from blamelint.fingerprint import relative_uri

LEVELS = {"error": "error", "warning": "warning", "note": "notice"}
MULTILINE = "\t\n"
"""Kept in messages: an annotation shows several lines (the runner reads LF as ``%0A``)."""


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties) -> str:
    props = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{level} {props}::{escape_data(message)}" if props else f"::{level}::{escape_data(message)}"


def render(report: Report, context) -> str:
    lines = []
    for f in report.findings:
        loc = f.location
        one_line = loc.line == loc.end_line
        message = escape_controls(f.message, keep=MULTILINE) + (
            f"\nSuggestion: {escape_controls(f.suggestion, keep=MULTILINE)}" if f.suggestion else ""
        )
        lines.append(
            command(
                LEVELS[f.severity.value],
                message,
                file=escape_controls(relative_uri(loc.path, context.root)),
                line=loc.line,
                col=loc.column if one_line else None,
                endLine=loc.end_line,
                endColumn=max(loc.column, loc.end_column - 1) if one_line else None,
                title=f"blamelint {f.rule}",
            )
        )
    for e in report.errors:
        lines.append(
            command(
                "error",
                f"could not check: {escape_controls(e.message)}",
                file=escape_controls(relative_uri(e.path, context.root)),
                title="blamelint",
            )
        )
    s = report.summary
    lines.append(
        f"blamelint: {s.findings} problem{'s' if s.findings != 1 else ''} in "
        f"{s.files} file{'s' if s.files != 1 else ''}"
        + (f"; {s.errors} could not be checked" if s.errors else "")
        + "."
    )
    return "\n".join(lines) + "\n"
