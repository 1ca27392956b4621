"""What the language server shows a person (diagnostics, hover text, code action
titles) has its control characters escaped, as every other human-facing output
(blamelint/escapes.py); the edits of quick fixes keep the text as written."""

from __future__ import annotations

import re

from lsprotocol import types

from blamelint.escapes import CONTROL_CHARACTERS
from blamelint.findings import Finding, Location, Severity
from blamelint.server.features import code_actions, diagnostic, diagnostics, hover
from blamelint.server.positions import Lines

RAW = re.compile(f"(?![\t\n])[{CONTROL_CHARACTERS}]")
"""A control character an editor would act on or reorder by (tabs and line feeds are shown)."""
TEXT = "The config was changed at 14:05.\n"
EVERYWHERE = types.Range(start=types.Position(0, 0), end=types.Position(9, 0))


def _finding() -> Finding:
    at = Location(path="a.md", line=1, column=12, end_line=1, end_column=23)
    return Finding(
        rule="agentless-passive",
        severity=Severity.WARNING,
        message="'was changed\x1b]0;pwned\x07' hides who changed it.",
        location=at,
        text="was changed",
        suggestion="[who] changed the \u202econfig\x1b[2J",
        replaces=at,
    )


def test_a_diagnostic_escapes_its_message_and_suggestion():
    shown = diagnostic(_finding(), Lines(TEXT))
    assert not RAW.search(shown.message)
    assert "\\x1b]0;pwned\\x07" in shown.message and "\\u202econfig\\x1b[2J" in shown.message
    assert "\nSuggestion: " in shown.message  # its own line break is kept


def test_hover_and_action_titles_escape_but_the_edit_keeps_the_text():
    lines = Lines(TEXT)
    text = hover([_finding()], {}, lines, types.Position(0, 14)).contents.value
    assert not RAW.search(text) and "\\x1b]0;pwned\\x07" in text
    rewrite, _ = code_actions("file:///a.md", [_finding()], lines, EVERYWHERE)
    assert not RAW.search(rewrite.title) and "\\u202e" in rewrite.title
    assert not RAW.search(rewrite.diagnostics[0].message)
    (edit,) = rewrite.edit.changes["file:///a.md"]
    assert (
        "\u202e" in edit.new_text and "\x1b[2J" in edit.new_text
    )  # what the writer accepts is the suggestion


def test_warnings_and_errors_from_a_session_are_escaped(tmp_path):
    from blamelint.server.session import Session

    text = (
        "# Review\n\n<!-- blamelint-disable-next-line bl\x1b[2Jame -->\nHank was careless \u202eat 14:05.\n"
    )
    result = Session().lint(tmp_path / "a.md", text)
    assert any("\x1b" in message for _, message in result.warnings)  # the session keeps it raw
    published = diagnostics(result.findings, result.warnings, "rule card c\x1b[31m.yaml: bad", Lines(text))
    assert published[0].severity == types.DiagnosticSeverity.Error
    assert "c\\x1b[31m.yaml" in published[0].message
    warning = next(d for d in published if d.code == "suppression-comment")
    assert "bl\\x1b[2Jame" in warning.message
    assert published and not any(RAW.search(d.message) for d in published)
