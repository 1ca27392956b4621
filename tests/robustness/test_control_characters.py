"""Issue 14: control characters from documents, file names and configuration never reach a
person raw. One helper (blamelint.escapes.escape_controls) is used by every human-facing
output; each format is checked here, the JSON report is checked to keep the text exact."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from blamelint.escapes import escape_controls
from blamelint.findings import Finding, InputError, Location, Report, Severity
from blamelint.reporters import ReportContext, get_reporter
from blamelint.rules.registry import Registry

HOSTILE = "\x1b]0;owned\x07 \x1b[2J \x9b31m \x7f \x00 \r \u202eevil\u202c \u2067x\u2069"
"""A window-title sequence, a screen clear, a C1 CSI, DEL, NUL, a carriage return, a
right-to-left override and an isolate."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never appear raw in human-facing output (tabs and line breaks aside)."""


@pytest.mark.parametrize(
    "text, shown",
    [
        ("\x1b[2J", "\\x1b[2J"),
        ("bell\x07", "bell\\x07"),
        ("del\x7f", "del\\x7f"),
        ("\x9b1m", "\\x9b1m"),
        ("a\rb\nc\td", "a\\x0db\\x0ac\\x09d"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066\u2067\u2068\u2069", "\\u2066\\u2067\\u2068\\u2069"),
        ("plain text, é, \u200b, 😀", "plain text, é, \u200b, 😀"),
    ],
)
def test_escape_controls(text, shown):
    assert escape_controls(text) == shown


def test_escape_controls_keeps_what_it_is_told():
    assert escape_controls("a\nb\tc\x1b", keep="\t\n") == "a\nb\tc\\x1b"
    assert escape_controls("a\nb", keep="\t") == "a\\x0ab"


def _report() -> Report:
    path = f"pm/na{HOSTILE.replace(chr(0), '')}me.md"  # no file name holds a NUL
    finding = Finding(
        rule="blame",
        severity=Severity.WARNING,
        message=f"'{HOSTILE}' blames a person.",
        location=Location(path=path, line=3, column=1, end_line=3, end_column=5),
        text=f"human {HOSTILE} error",
        suggestion=f"Say what {HOSTILE} happened.",
        sentence=f"The {HOSTILE} sentence.",
    )
    error = InputError(path=path.replace("na", "bad"), message=f"cannot read bad{HOSTILE}.md")
    return Report.build("0", 2, [finding], [error])


def _render(fmt: str, tmp_path) -> str:
    context = ReportContext(cards=Registry().cards, root=str(tmp_path))
    return get_reporter(fmt)(_report(), context)


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_line_formats_have_no_raw_control_character(fmt, tmp_path):
    out = _render(fmt, tmp_path)
    assert not RAW.search(out), repr(out)
    assert "\\x1b]0;owned\\x07" in out and "\\u202eevil" in out


def test_text_format_cannot_forge_lines(tmp_path):
    context = ReportContext(cards=Registry().cards, root=str(tmp_path))
    report = _report()
    forged = report.findings[0].model_copy(
        update={
            "location": Location(
                path="a.md\nb.md:1:1: error fake", line=1, column=1, end_line=1, end_column=2
            )
        }
    )
    out = get_reporter("text")(Report.build("0", 1, [forged], []), context)
    assert not any(line.startswith("b.md:1:1") for line in out.splitlines())


def test_sarif_messages_are_escaped(tmp_path):
    sarif = json.loads(_render("sarif", tmp_path))
    run = sarif["runs"][0]
    (result,) = run["results"]
    assert not RAW.search(result["message"]["text"])
    assert "\\x1b]0;owned" in result["message"]["text"]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert not RAW.search(note["message"]["text"])


def test_gitlab_descriptions_are_escaped(tmp_path):
    (issue,) = json.loads(_render("gitlab", tmp_path))
    assert not RAW.search(issue["description"])
    assert "\\u202eevil" in issue["description"]


def test_json_report_keeps_the_text_exact(tmp_path):
    """Machine data: the JSON report is the document's text as written (JSON-escaped)."""
    out = _render("json", tmp_path)
    assert "\x1b" not in out  # JSON writes C0 controls as \\u001b ...
    (finding,) = json.loads(out)["findings"]
    assert finding["text"] == f"human {HOSTILE} error"  # ... and reads them back exactly


def test_stderr_warnings_and_errors_are_escaped(blamelint, workdir):
    (workdir / "sup.md").write_text(
        "# I\n\n<!-- blamelint-disable no-such\x1b]0;owned\x07\u202e -->\n\nThe deploy failed.\n"
    )
    (workdir / "bin\x1b[2J\u202e.md").write_bytes(b"# x\n\x00\x00")
    run = blamelint("check", "--format", "json", ".", cwd=workdir)
    assert "sup.md:3" in run.stderr and "no-such\\x1b]0;owned\\x07\\u202e" in run.stderr, run.stderr
    assert "bin\\x1b[2J\\u202e.md: could not check" in run.stderr, run.stderr
    assert not RAW.search(run.stderr.replace("\n", "")), repr(run.stderr)


@pytest.fixture
def hostile_archive(workdir):
    name = "2026-03-01-na\x1b[2Jme\u202e.md"
    (workdir / name).write_text(
        "# Title \x1b]0;owned\x07 \u202eevil\n\n## Summary\n\nThe root cause was human error \x1b[31m.\n\n"
        "## Timeline\n\n- 10:02 paged\n\n## Action items\n\n- Add a check (owner: Dana)\n"
    )
    (workdir / "good.md").unlink()
    return workdir


@pytest.mark.parametrize("fmt", ["text", "html", "csv"])
def test_audit_outputs_are_escaped(blamelint, hostile_archive, fmt):
    run = blamelint("audit", "--format", fmt, "--include-all", ".", cwd=hostile_archive)
    assert run.code == 0, run.output
    body = run.stdout
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body)))
        body = "\n".join(",".join(r) for r in rows)
        assert any("\\x1b[2J" in cell for r in rows for cell in r)
    else:
        assert "\\x1b" in body
    assert not RAW.search(body.replace("\n", "").replace("\t", "")), repr(RAW.findall(body)[:5])
