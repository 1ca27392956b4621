"""--write-baseline / --baseline: record today's findings, report only new ones."""

from __future__ import annotations

import json

import pytest

from blamelint.findings import Finding, Location, Severity
from blamelint.run.baseline import BaselineError, load
from tests.integration.conftest import BLAMEFUL, git, write

SELECT = ("--select", "blame")  # one rule whose findings here are unambiguous


def finding(line: int, text: str, rule: str = "blame", path: str = "pm/a.md") -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.ERROR,
        message="m",
        text=text,
        location=Location(path=path, line=line, column=1, end_line=line, end_column=1 + len(text)),
    )


def test_fingerprints_ignore_lines_and_count_repeats(tmp_path):
    old = [finding(3, "human error"), finding(9, "careless")]
    path = tmp_path / "b.json"
    from blamelint.run.baseline import write as write_baseline

    assert write_baseline(str(path), old, str(tmp_path)) == 2
    baseline = load(str(path))
    moved = [finding(30, "Human  error"), finding(90, "careless")]  # lines moved, case and spacing differ
    assert baseline.new_findings(moved, str(tmp_path)) == []
    extra = moved + [finding(95, "careless")]
    assert [f.location.line for f in baseline.new_findings(extra, str(tmp_path))] == [95]
    other_file = [finding(3, "human error", path="pm/b.md")]
    assert baseline.new_findings(other_file, str(tmp_path)) == other_file
    other_rule = [finding(3, "human error", rule="hindsight")]
    assert baseline.new_findings(other_rule, str(tmp_path)) == other_rule


def test_baseline_suppresses_old_findings_after_lines_move(repo, check):
    pm = write(repo / "postmortems" / "db.md", BLAMEFUL)
    first = check(*SELECT, "postmortems", cwd=repo)
    assert first.code == 1 and "human error" in first.out

    wrote = check(*SELECT, "--write-baseline", "baseline.json", "postmortems", cwd=repo)
    assert wrote.code == 0 and "Recorded 1 finding from 1 file in the baseline baseline.json" in wrote.out
    data = json.loads((repo / "baseline.json").read_text())
    assert data["tool"] == "blamelint" and data["baseline_version"] == 1
    assert [(e["rule"], e["path"], e["line"], e["text"]) for e in data["findings"]] == [
        ("blame", "postmortems/db.md", 5, "human error")
    ]

    assert check(*SELECT, "--baseline", "baseline.json", "postmortems", cwd=repo).code == 0

    # Unrelated edits: new paragraphs above the finding and a changed line below it.
    text = BLAMEFUL.replace(
        "## Summary\n\n",
        "## Summary\n\nWe wrote this review on Monday.\n\nIt covers the whole afternoon.\n\n",
    )
    text = text.replace("two seconds", "three seconds")
    pm.write_text(text, encoding="utf-8")
    assert check(*SELECT, "postmortems", cwd=repo).out.startswith("postmortems/db.md:9:")  # it moved
    assert check(*SELECT, "--baseline", "baseline.json", "postmortems", cwd=repo).code == 0

    # A new finding is reported, and only it.
    pm.write_text(text + "\nThe on-call engineer was careless with the rollback.\n", encoding="utf-8")
    new = check(*SELECT, "--baseline", "baseline.json", "--format", "json", "postmortems", cwd=repo)
    assert new.code == 1
    report = json.loads(new.out)
    new_line = text.count("\n") + 2
    assert [(f["location"]["line"], f["text"]) for f in report["findings"]] == [(new_line, "careless")]


def test_baseline_paths_are_relative_to_the_repository_root(repo, check):
    write(repo / "postmortems" / "db.md", BLAMEFUL)
    check(*SELECT, "--write-baseline", "baseline.json", "postmortems", cwd=repo)
    sub = repo / "postmortems"
    result = check(*SELECT, "--baseline", "../baseline.json", "db.md", cwd=sub)
    assert result.code == 0, result.out
    assert check(*SELECT, "db.md", cwd=sub).code == 1


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "baseline file not found"),
        ("{not json", "not valid JSON"),
        ('{"findings": []}', "not a blamelint baseline"),
        (
            '{"tool": "blamelint", "baseline_version": 99, "findings": []}',
            "baseline_version 99 is not supported",
        ),
        (
            '{"tool": "blamelint", "baseline_version": 1, "findings": [{"rule": "blame"}]}',
            'findings[0] has no "fingerprint"',
        ),
    ],
)
def test_bad_baseline_is_a_clear_error(repo, check, content, problem):
    write(repo / "pm.md", BLAMEFUL)
    if content is not None:
        write(repo / "b.json", content)
    result = check(*SELECT, "--baseline", "b.json", "pm.md", cwd=repo)
    assert result.code == 2
    assert "b.json" in result.err and problem in result.err and "Traceback" not in result.err
    with pytest.raises(BaselineError):
        load(str(repo / "b.json"))


def test_write_baseline_does_not_combine(repo, check):
    write(repo / "pm.md", BLAMEFUL)
    write(repo / "b.json", '{"tool": "blamelint", "baseline_version": 1, "findings": []}')
    result = check("--write-baseline", "new.json", "--baseline", "b.json", "pm.md", cwd=repo)
    assert result.code == 2 and "cannot be combined with --baseline" in result.err
    assert not (repo / "new.json").exists()
    git(repo, "add", "pm.md")
    git(repo, "commit", "-qm", "pm")
    result = check("--write-baseline", "new.json", "--diff", "HEAD", "pm.md", cwd=repo)
    assert result.code == 2 and "cannot be combined with --diff" in result.err


def test_sarif_fingerprints_do_not_change_when_a_baseline_hides_neighbours(repo, check):
    """Occurrences are counted over all findings before filtering, so a finding
    keeps its code-scanning identity whether or not a baseline hides the others."""
    text = BLAMEFUL + "\nLater, more human error.\n\nAnd human error again.\n"
    write(repo / "postmortems" / "db.md", text)

    def prints(*extra):
        out = check(*SELECT, "--format", "sarif", *extra, "postmortems", cwd=repo).out
        return {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]: r["partialFingerprints"][
                "primaryLocationLineHash"
            ]
            for r in json.loads(out)["runs"][0]["results"]
        }

    full = prints()
    assert len(full) == 3
    write(repo / "postmortems" / "db.md", BLAMEFUL)
    check(*SELECT, "--write-baseline", "baseline.json", "postmortems", cwd=repo)
    write(repo / "postmortems" / "db.md", text)
    filtered = prints("--baseline", "baseline.json")
    assert len(filtered) == 2
    assert all(full[line] == fp for line, fp in filtered.items())
