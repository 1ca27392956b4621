"""--format github (workflow commands) and --format gitlab (Code Quality JSON)."""

from __future__ import annotations

import json
import re

from blamelint.findings import Finding, InputError, Location, Report, Severity
from blamelint.reporters import ReportContext, get_reporter
from blamelint.reporters.github import escape_data, escape_property
from tests.integration.conftest import BLAMEFUL, write

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text: str) -> str:
    """GitHub's runner: %0D, %0A, %3A, %2C and %25 back to characters (%25 last)."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse(line: str):
    level, props, message = COMMAND.match(line).groups()
    fields = dict(part.split("=", 1) for part in props.split(","))
    return level, {k: unescape(v) for k, v in fields.items()}, unescape(message)


def _report(*findings, errors=()):
    return Report.build("0", 1, list(findings), list(errors))


def _finding(severity, message, path, line, col, end_line, end_col, text="x", suggestion=None, rule="blame"):
    return Finding(
        rule=rule,
        severity=Severity(severity),
        message=message,
        text=text,
        suggestion=suggestion,
        location=Location(path=path, line=line, column=col, end_line=end_line, end_column=end_col),
    )


def test_escaping_follows_githubs_rules():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%.md") == "dir%2Cx/a%3Ab%25.md"


def test_github_annotations_round_trip(tmp_path):
    tricky = "Wording ('100%, surely: yes'): say what happened.\nSecond line"
    report = _report(
        _finding("error", tricky, str(tmp_path / "pm" / "a,b:c.md"), 3, 5, 3, 17, suggestion="Say: who"),
        _finding("warning", "w", str(tmp_path / "pm" / "b.md"), 4, 2, 6, 3, rule="hindsight"),
        _finding("note", "n", str(tmp_path / "pm" / "b.md"), 9, 1, 9, 2, rule="root-cause"),
        errors=[InputError(path=str(tmp_path / "pm" / "bad.md"), message="not UTF-8")],
    )
    out = get_reporter("github")(report, ReportContext(cards=[], root=str(tmp_path))).splitlines()
    level, props, message = parse(out[0])
    assert level == "error"
    assert props == {
        "file": "pm/a,b:c.md",
        "line": "3",
        "col": "5",
        "endLine": "3",
        "endColumn": "16",
        "title": "blamelint blame",
    }
    assert message == tricky + "\nSuggestion: Say: who"
    level, props, _ = parse(out[1])  # multi-line: no columns
    assert level == "warning" and props == {
        "file": "pm/b.md",
        "line": "4",
        "endLine": "6",
        "title": "blamelint hindsight",
    }
    assert parse(out[2])[0] == "notice"
    level, props, message = parse(out[3])
    assert level == "error" and props["file"] == "pm/bad.md" and message == "could not check: not UTF-8"
    assert not out[4].startswith("::") and "3 problems in 1 file" in out[4]


def test_gitlab_code_quality(tmp_path):
    report = _report(
        _finding(
            "error", "e", str(tmp_path / "pm" / "a.md"), 3, 5, 3, 17, text="human error", suggestion="s"
        ),
        _finding("error", "e", str(tmp_path / "pm" / "a.md"), 8, 5, 8, 17, text="Human error"),
        _finding("warning", "w", str(tmp_path / "pm" / "a.md"), 9, 1, 9, 4, rule="hindsight"),
        _finding("note", "n", str(tmp_path / "pm" / "a.md"), 10, 1, 10, 4, rule="root-cause"),
    )
    issues = json.loads(get_reporter("gitlab")(report, ReportContext(cards=[], root=str(tmp_path))))
    assert [i["severity"] for i in issues] == ["major", "major", "minor", "info"]
    assert issues[0] == {
        "description": "e Suggestion: s",
        "check_name": "blame",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "pm/a.md", "lines": {"begin": 3}},
    }
    prints = [i["fingerprint"] for i in issues]
    assert len(set(prints)) == len(prints) and all(re.fullmatch(r"[0-9a-f]{32}", p) for p in prints)


def test_formats_from_the_command_line(repo, check):
    write(repo / "postmortems" / "db.md", BLAMEFUL)
    sub = repo / "postmortems"
    github = check("--select", "blame", "--format", "github", "db.md", cwd=sub)
    assert github.code == 1
    assert github.out.startswith(
        "::warning file=postmortems/db.md,line=5,col=26,endLine=5,endColumn=36,title=blamelint blame::"
    )
    gitlab = check("--select", "blame", "--format", "gitlab", "db.md", cwd=sub)
    (issue,) = json.loads(gitlab.out)
    assert issue["location"] == {"path": "postmortems/db.md", "lines": {"begin": 5}}
    assert issue["check_name"] == "blame" and issue["severity"] == "minor"
    empty = check("--select", "hindsight", "--format", "gitlab", "db.md", cwd=sub)
    assert empty.code == 0 and json.loads(empty.out) == []
