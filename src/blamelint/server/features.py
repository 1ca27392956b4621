"""From findings to what the editor shows: diagnostics, hover text and code actions.

Pure functions of the findings and the buffer's text (no I/O), so they are tested
without a client. Text a person reads (messages, hover text, action titles) has its
control characters escaped (``shown``); the edits of quick fixes keep the text as
written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lsprotocol import types

from blamelint.escapes import escape_controls
from blamelint.findings import Finding, Location
from blamelint.rules.base import RuleCard
from blamelint.server.positions import UTF16, Lines

SOURCE = "blamelint"
DOCS_URI = "https://github.com/blamelint/blamelint/blob/main/docs/rules/{id}.md"
SEVERITIES = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "note": types.DiagnosticSeverity.Information,
}
TABLE_ROW = re.compile(r"^\s*\|")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
MULTILINE = "\t\n"
"""Kept as they are in what the editor shows: its messages and hovers have several lines."""


def shown(text: str) -> str:
    """``text`` (from a document, a file name or a rule card) as the editor may show
    it: control characters escaped (blamelint/escapes.py), tabs and line feeds kept."""
    return escape_controls(text, keep=MULTILINE)


def lsp_range(location: Location, lines: Lines, encoding: str = UTF16) -> types.Range:
    start = lines.position(location.line, location.column, encoding)
    end = lines.position(location.end_line, location.end_column, encoding)
    return types.Range(start=types.Position(*start), end=types.Position(*end))


def diagnostic(finding: Finding, lines: Lines, encoding: str = UTF16) -> types.Diagnostic:
    message = shown(finding.message)
    if finding.suggestion:
        message += f"\nSuggestion: {shown(finding.suggestion)}"
    return types.Diagnostic(
        range=lsp_range(finding.location, lines, encoding),
        message=message,
        severity=SEVERITIES[finding.severity.value],
        code=finding.rule,
        code_description=types.CodeDescription(href=DOCS_URI.format(id=finding.rule)),
        source=SOURCE,
    )


def diagnostics(
    findings: Iterable[Finding],
    warnings: Iterable[tuple[int, str]],
    error: str | None,
    lines: Lines,
    encoding: str = UTF16,
) -> list[types.Diagnostic]:
    """What is published for one buffer: a file-level error first (a config or rule
    problem), then the findings, then the suppression comments not understood
    ((line, message), each over its whole line)."""
    published = [diagnostic(f, lines, encoding) for f in findings]
    for line, message in warnings:
        start = types.Position(max(line - 1, 0), 0)
        width = lines.position(line, len(lines.text(line)) + 1, encoding)[1]
        published.append(
            types.Diagnostic(
                range=types.Range(start=start, end=types.Position(max(line - 1, 0), width)),
                message=shown(message),
                severity=types.DiagnosticSeverity.Warning,
                code="suppression-comment",
                source=SOURCE,
            )
        )
    if error:
        at = types.Position(0, 0)
        published.insert(
            0,
            types.Diagnostic(
                range=types.Range(start=at, end=at),
                message=shown(f"blamelint cannot check this file: {error}"),
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            ),
        )
    return published


def _contains(rng: types.Range, pos: types.Position) -> bool:
    here = (pos.line, pos.character)
    return (rng.start.line, rng.start.character) <= here <= (rng.end.line, rng.end.character)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)


def rule_hover(finding: Finding, card: RuleCard | None) -> str:
    """Markdown for one finding: its message, then the rule's what, why and use instead."""
    parts = [f"**{finding.rule}** ({finding.severity.value}): {finding.message}"]
    if finding.suggestion:
        parts.append(f"Suggestion: {finding.suggestion}")
    if card is not None:
        d = card.docs
        what = d.what.strip().split("\n\n")[0]
        parts += [
            f"**What it flags.** {' '.join(what.split())}",
            f"**Why.** {' '.join(d.why.split())}",
            f"**Use instead:**\n\n```markdown\n{d.use_instead.strip()}\n```",
            f"[Rule documentation]({DOCS_URI.format(id=card.id)})",
        ]
    return shown("\n\n".join(parts))


def hover(
    findings: Iterable[Finding],
    cards: dict[str, RuleCard | None],
    lines: Lines,
    position: types.Position,
    encoding: str = UTF16,
) -> types.Hover | None:
    """The docs of every finding under ``position``, or None."""
    hit = [(f, lsp_range(f.location, lines, encoding)) for f in findings]
    hit = [(f, r) for f, r in hit if _contains(r, position)]
    if not hit:
        return None
    text = "\n\n---\n\n".join(rule_hover(f, cards.get(f.rule)) for f, _ in hit)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=hit[0][1]
    )


def _suppress_edit(finding: Finding, lines: Lines, encoding: str) -> types.TextEdit:
    """A comment line above the finding's line when that line starts a block; else
    (a paragraph's later line, a table row, where a line in between would split the
    block) a ``disable-line`` comment at the end of the line."""
    line = finding.location.line
    text = lines.text(line).rstrip("\r")
    previous = lines.text(line - 1).strip() if line > 1 else ""
    starts_block = line == 1 or not previous or HEADING.match(text) or previous.startswith("<!--")
    if starts_block and not TABLE_ROW.match(text):
        indent = text[: len(text) - len(text.lstrip())]
        at = types.Position(line - 1, 0)
        return types.TextEdit(
            range=types.Range(start=at, end=at),
            new_text=f"{indent}<!-- blamelint-disable-next-line {finding.rule} -->\n",
        )
    end = types.Position(line - 1, lines.position(line, len(text) + 1, encoding)[1])
    return types.TextEdit(
        range=types.Range(start=end, end=end), new_text=f" <!-- blamelint-disable-line {finding.rule} -->"
    )


def _rewrite(finding: Finding, lines: Lines) -> str:
    """The suggestion, capitalised like the text it replaces."""
    new = finding.suggestion or ""
    old_first = lines.text(finding.replaces.line)[finding.replaces.column - 1 : finding.replaces.column]
    if old_first.isupper() and new[:1].islower():
        new = new[0].upper() + new[1:]
    return new


def code_actions(
    uri: str, findings: Iterable[Finding], lines: Lines, request: types.Range, encoding: str = UTF16
) -> list[types.CodeAction]:
    """Quick fixes for the findings touching ``request``: the active-voice rewrite
    where the finding has one that replaces its words one for one, and a
    suppression comment for the rule."""
    actions = []
    for finding in findings:
        rng = lsp_range(finding.location, lines, encoding)
        if not _overlaps(rng, request):
            continue
        diag = [diagnostic(finding, lines, encoding)]
        if finding.replaces is not None and finding.suggestion:
            new_text = _rewrite(finding, lines)
            edit = types.TextEdit(range=lsp_range(finding.replaces, lines, encoding), new_text=new_text)
            actions.append(
                types.CodeAction(
                    title=f"Rewrite in the active voice: {shown(new_text)}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diag,
                    is_preferred=True,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        actions.append(
            types.CodeAction(
                title=f"Disable {finding.rule} for this line",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=diag,
                edit=types.WorkspaceEdit(changes={uri: [_suppress_edit(finding, lines, encoding)]}),
            )
        )
    return actions
