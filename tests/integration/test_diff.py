"""--diff REF: only findings on lines changed since a git ref."""

from __future__ import annotations

import json

import pytest

from blamelint.run.gitdiff import ChangedLines, GitDiffError, parse_diff, unquote
from tests.integration.conftest import BLAMEFUL, git, write

SELECT = ("--select", "blame")

DIFF = """\
diff --git a/pm/a.md b/pm/a.md
index 1111111..2222222 100644
--- a/pm/a.md
+++ b/pm/a.md
@@ -3 +3 @@ Title
-old line
+new line
@@ -10,2 +11,0 @@ Section
-gone
-gone too
@@ -20,0 +20,3 @@
++++ this added line starts with three pluses
+@@ not a hunk header either
+third
diff --git "a/pm/caf\\303\\251 \\"x\\".md" "b/pm/caf\\303\\251 \\"x\\".md"
new file mode 100644
--- /dev/null
+++ "b/pm/caf\\303\\251 \\"x\\".md"
@@ -0,0 +1,2 @@
+one
+two
diff --git a/pm/deleted.md b/pm/deleted.md
deleted file mode 100644
--- a/pm/deleted.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
"""


def test_parse_diff_reads_hunks_and_quoted_paths():
    assert parse_diff(DIFF) == {"pm/a.md": {3, 20, 21, 22}, 'pm/café "x".md': {1, 2}}
    assert unquote('"tab\\there"') == "tab\there"
    assert unquote("plain/path.md") == "plain/path.md"


def _commit(repo, message="c"):
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def _lines(result):
    return [
        (f["location"]["path"], f["location"]["line"], f["text"]) for f in json.loads(result.out)["findings"]
    ]


def test_only_changed_lines_are_reported(repo, check):
    old = write(repo / "pm" / "old.md", BLAMEFUL)
    write(repo / "pm" / "untouched.md", BLAMEFUL)
    _commit(repo)
    base = git(repo, "rev-parse", "HEAD").strip()
    # A new paragraph with a finding, after the old finding, plus a reworded line.
    old.write_text(
        BLAMEFUL.replace("I started", "I began") + "\nThe engineer was careless.\n", encoding="utf-8"
    )
    write(repo / "pm" / "new.md", "# Notes\n\nIt was operator error.\n")  # untracked: all new
    result = check(*SELECT, "--diff", "HEAD", "--format", "json", "pm", cwd=repo)
    assert result.code == 1, result.err
    assert _lines(result) == [
        ("pm/new.md", 3, "operator error"),
        ("pm/old.md", BLAMEFUL.count("\n") + 2, "careless"),
    ]
    # The unchanged file was not even checked.
    assert json.loads(result.out)["summary"]["files"] == 2

    # Committed changes count against an older ref, and not against HEAD.
    _commit(repo)
    assert len(_lines(check(*SELECT, "--diff", base, "--format", "json", "pm", cwd=repo))) == 2
    clean = check(*SELECT, "--diff", "HEAD", "--format", "json", "pm", cwd=repo)
    assert clean.code == 0 and _lines(clean) == []


def test_rename_only_has_no_changed_lines_and_subdirectory_cwd_works(repo, check):
    write(repo / "pm" / "a.md", BLAMEFUL)
    _commit(repo)
    git(repo, "mv", "pm/a.md", "pm/b.md")
    result = check(*SELECT, "--diff", "HEAD", "b.md", cwd=repo / "pm")
    assert result.code == 0, result.out
    (repo / "pm" / "b.md").write_text(
        BLAMEFUL.replace("caused by human error", "caused by operator error"), encoding="utf-8"
    )
    result = check(*SELECT, "--diff", "HEAD", "--format", "json", "b.md", cwd=repo / "pm")
    assert _lines(result) == [("b.md", 5, "operator error")]


def test_changed_lines_api(repo):
    write(repo / "a.md", "one\ntwo\nthree\n")
    _commit(repo)
    (repo / "a.md").write_text("one\n2\nthree\nfour\n", encoding="utf-8")
    changes = ChangedLines("HEAD", ["."], cwd=repo)
    assert changes.lines("a.md") == {2, 4}
    write(repo / "b.md", "x\n")
    assert changes.lines("b.md") is None and changes.touches_file("b.md")


def test_errors_are_clear(repo, check, tmp_path):
    write(repo / "pm.md", BLAMEFUL)
    result = check("--diff", "HEAD", "pm.md", cwd=repo)  # no commits yet: HEAD is not a commit
    assert result.code == 2 and "unknown git ref 'HEAD'" in result.err
    _commit(repo)
    result = check("--diff", "no-such-branch", "pm.md", cwd=repo)
    assert result.code == 2 and "unknown git ref 'no-such-branch'" in result.err
    result = check("--diff", "--cached", "pm.md", cwd=repo)
    assert result.code == 2
    outside = write(tmp_path / "elsewhere" / "pm.md", BLAMEFUL)
    result = check("--diff", "HEAD", str(outside), cwd=repo)
    assert result.code == 2 and "is not in a git repository" in result.err
    result = check("--diff", "HEAD", "-", cwd=repo)
    assert result.code == 2 and "standard input" in result.err
    with pytest.raises(GitDiffError):
        ChangedLines("HEAD", [str(outside)], cwd=repo)
