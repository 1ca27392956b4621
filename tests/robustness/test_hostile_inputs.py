"""Hostile files: each is one clear message naming the file and the problem (no
traceback), the other files are still checked, and the exit code is 2. Files
that are odd but readable (BOMs, empty, CR line endings) are checked normally,
with exact positions."""

from __future__ import annotations

import codecs
import os

import pytest

from tests.fuzz.invariants import slice_by_position
from tests.robustness.conftest import GOOD, assert_clean_failure, error_lines

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"

UNREADABLE = [
    pytest.param("image.md", PNG, "binary file", id="binary"),
    pytest.param(
        "latin1.md",
        "The café was closed.\n".encode("latin-1"),
        "not valid UTF-8 (byte 0xe9 at line 1)",
        id="invalid-utf8",
    ),
    pytest.param(
        "wide.md",
        "The root cause was human error.\n".encode("utf-16-le"),
        "UTF-16 without a byte-order mark",
        id="utf16-without-bom",
    ),
    pytest.param(
        "bom-then-junk.md",
        codecs.BOM_UTF8 + b"ok \xff\xfe\n",
        "not valid UTF-8 (despite its byte-order mark)",
        id="utf8-bom-invalid",
    ),
]


def _assert_one_error(run, name: str, problem: str) -> None:
    assert_clean_failure(run)
    errors = error_lines(run)
    assert len(errors) == 1, run.output
    assert name in errors[0] and problem in errors[0], errors[0]
    assert "good.md:3:" in run.stdout, "the other file was not checked:\n" + run.output


@pytest.mark.parametrize("name, content, problem", UNREADABLE)
def test_unreadable_file_named_on_the_command_line(blamelint, workdir, name, content, problem):
    (workdir / name).write_bytes(content)
    run = blamelint("check", "good.md", name, cwd=workdir)
    _assert_one_error(run, name, problem)


@pytest.mark.parametrize("name, content, problem", UNREADABLE)
def test_unreadable_file_found_in_a_folder(blamelint, workdir, name, content, problem):
    folder = workdir / "postmortems"
    folder.mkdir()
    (folder / name).write_bytes(content)
    (workdir / "good.md").rename(folder / "good.md")
    run = blamelint("check", "postmortems", cwd=workdir)
    _assert_one_error(run, f"postmortems/{name}", problem)


def test_json_and_sarif_carry_the_error_too(blamelint, workdir):
    (workdir / "image.md").write_bytes(PNG)
    run = blamelint("check", "--format", "json", "good.md", "image.md", cwd=workdir)
    assert_clean_failure(run)
    report = run.json()
    assert [(e["path"], "binary" in e["message"]) for e in report["errors"]] == [("image.md", True)]
    assert report["summary"]["files"] == 1 and report["findings"]
    assert "image.md" in run.stderr and "Traceback" not in run.stderr
    run = blamelint("check", "--format", "sarif", "good.md", "image.md", cwd=workdir)
    assert_clean_failure(run)
    sarif = run.json()["runs"][0]
    assert sarif["invocations"][0]["executionSuccessful"] is False
    assert "image.md" in sarif["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


def test_path_that_does_not_exist(blamelint, workdir):
    run = blamelint("check", "good.md", "nowhere/missing.md", cwd=workdir)
    _assert_one_error(run, "nowhere/missing.md", "no such file")


def test_broken_symlink_in_a_folder(blamelint, workdir):
    folder = workdir / "docs"
    folder.mkdir()
    os.symlink(workdir / "gone.md", folder / "dangling.md")
    (workdir / "good.md").rename(folder / "good.md")
    run = blamelint("check", "docs", cwd=workdir)
    _assert_one_error(run, "docs/dangling.md", "broken symbolic link")


def test_file_symlink_loop(blamelint, workdir):
    os.symlink("b.md", workdir / "a.md")
    os.symlink("a.md", workdir / "b.md")
    run = blamelint("check", "good.md", "a.md", cwd=workdir)
    _assert_one_error(run, "a.md", "symbolic link")


def test_directory_symlink_loop_terminates_and_checks_each_file_once(blamelint, workdir):
    """A loop is not an error: every file is reachable and checked exactly once."""
    folder = workdir / "docs"
    (folder / "inner").mkdir(parents=True)
    (workdir / "good.md").rename(folder / "inner" / "good.md")
    os.symlink("..", folder / "inner" / "up")  # back to docs/
    os.symlink("../..", folder / "inner" / "way-up")  # above the folder asked for
    os.symlink(".", folder / "self")
    (workdir / "outside.md").write_text(GOOD)  # reachable only through way-up: not asked for
    run = blamelint("check", "--format", "json", "docs", cwd=workdir, timeout=120)
    assert "Traceback" not in run.output
    report = run.json()
    assert report["summary"]["files"] == 1, run.output
    assert {f["location"]["path"] for f in report["findings"]} == {"docs/inner/good.md"}
    assert report["errors"] == []


def test_file_over_the_size_limit(blamelint, workdir):
    (workdir / ".blamelint.toml").write_text("max-file-size = 1000\n")
    (workdir / "big.md").write_text("The deploy finished. " * 100)
    run = blamelint("check", "good.md", "big.md", cwd=workdir)
    _assert_one_error(run, "big.md", "limit")


def test_unreadable_file(blamelint, workdir):
    if os.geteuid() == 0:
        pytest.skip(
            "running as root: chmod 000 does not stop root from reading "
            "(test_permission_denied_in_process covers the path)"
        )
    (workdir / "locked.md").write_text(GOOD)
    os.chmod(workdir / "locked.md", 0)
    try:
        run = blamelint("check", "good.md", "locked.md", cwd=workdir)
    finally:
        os.chmod(workdir / "locked.md", 0o644)
    _assert_one_error(run, "locked.md", "permission denied")


def test_permission_denied_in_process(workdir, monkeypatch, capsys):
    """The same as chmod 000, by making the reader's open refuse one file (works as root)."""
    from blamelint.cli import main
    from blamelint.document import load

    (workdir / "locked.md").write_text(GOOD)
    real_open = load.os.open

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith("locked.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(load.os, "open", refusing_open)
    monkeypatch.chdir(workdir)
    monkeypatch.setenv("BLAMELINT_CACHE_DIR", str(workdir.parent / "cache"))
    code = main(["check", "--no-color", "good.md", "locked.md"])
    out = capsys.readouterr()
    assert code == 2
    assert "locked.md: error could not check: permission denied" in out.out
    assert "good.md:3:" in out.out and "Traceback" not in out.err


# -- readable but unusual: checked, positions exact ---------------------------------

ENCODED = [
    pytest.param(codecs.BOM_UTF8 + GOOD.encode("utf-8"), id="utf8-bom"),
    pytest.param(GOOD.encode("utf-16"), id="utf16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), id="utf16-be-bom"),
    pytest.param(GOOD.encode("utf-32"), id="utf32-bom"),
    pytest.param(GOOD.replace("\n", "\r\n").encode(), id="crlf"),
    pytest.param(GOOD.replace("\n", "\r").encode(), id="cr"),
    pytest.param(codecs.BOM_UTF16_LE + GOOD.replace("\n", "\r\n").encode("utf-16-le"), id="utf16-crlf"),
]


@pytest.mark.parametrize("content", ENCODED)
def test_encodings_and_line_endings_keep_exact_positions(blamelint, workdir, content):
    (workdir / "other.md").write_bytes(content)
    run = blamelint("check", "--format", "json", "good.md", "other.md", cwd=workdir)
    assert "Traceback" not in run.output and run.code == 1, run.output
    report = run.json()
    assert report["errors"] == []
    by_file = {}
    for f in report["findings"]:
        by_file.setdefault(f["location"]["path"], []).append(
            (f["rule"], f["location"]["line"], f["location"]["column"], f["text"])
        )
    assert by_file["other.md"] == by_file["good.md"]  # same text, same positions
    text = GOOD  # the decoded file, as an editor shows it
    for f in report["findings"]:
        assert slice_by_position(text, f["location"]) == f["text"]


def test_crlf_finding_across_lines(blamelint, workdir):
    body = "# Incident\r\n\r\nIn the end the root\r\ncause was a bad deploy.\r\n"
    (workdir / "multi.md").write_bytes(body.encode())
    run = blamelint("check", "--format", "json", "multi.md", cwd=workdir)
    findings = [f for f in run.json()["findings"] if f["rule"] == "root-cause"]
    assert findings, run.output
    for f in findings:
        assert slice_by_position(body, f["location"]) == f["text"]
    assert any(f["location"]["end_line"] > f["location"]["line"] for f in findings)


@pytest.mark.parametrize(
    "name, content",
    [
        pytest.param("empty.md", b"", id="empty"),
        pytest.param("blank.md", b"\n \n\t\n", id="whitespace-only"),
        pytest.param(
            "front.md",
            b"---\ntitle: The root cause was human error\nowner: sam\n---\n",
            id="only-front-matter",
        ),
        pytest.param("bad-front.md", b"---\ntitle: [unclosed\n---\n", id="only-bad-front-matter"),
        pytest.param("code.md", b"```\nThe root cause was human error.\n```\n", id="only-code"),
        pytest.param("empty.txt", b"", id="empty-text"),
        pytest.param("empty.html", b"", id="empty-html"),
        pytest.param("comment.html", b"<!-- nothing -->", id="html-comment-only"),
    ],
)
def test_files_with_nothing_to_check(blamelint, workdir, name, content):
    (workdir / name).write_bytes(content)
    run = blamelint("check", "--format", "json", "good.md", name, cwd=workdir)
    assert "Traceback" not in run.output and run.code == 1, run.output
    report = run.json()
    assert report["errors"] == [] and report["summary"]["files"] == 2
    assert {f["location"]["path"] for f in report["findings"]} == {"good.md"}


def test_html_named_explicitly_is_checked_with_exact_positions(blamelint, workdir):
    page = (
        "<!DOCTYPE html>\n<html><head><title>The root cause</title><style>p{}</style></head>\n"
        "<body>\n<h1>Incident</h1>\n<p>At 14:02 the <b>root\n   cause</b> was human&nbsp;error.</p>\n"
        "<pre>The root cause was human error.</pre>\n</body></html>\n"
    )
    (workdir / "export.html").write_text(page)
    run = blamelint("check", "--format", "json", "export.html", cwd=workdir)
    assert run.code == 1, run.output
    findings = run.json()["findings"]
    assert {f["rule"] for f in findings} >= {"root-cause", "blame"}
    for f in findings:
        assert slice_by_position(page, f["location"]) == f["text"], f
    where = {(f["rule"], f["location"]["line"], f["location"]["end_line"], f["text"]) for f in findings}
    assert ("root-cause", 5, 6, "root\n   cause") in where  # <b> and the line break inside: as written
    assert ("blame", 6, 6, "human&nbsp;error") in where


def test_html_in_a_folder_only_when_included(blamelint, workdir):
    """`check` reads *.md, *.markdown, *.txt from folders by default; HTML in a
    repository is usually generated, so it is read from a folder only when the
    config's `include` asks for it."""
    folder = workdir / "docs"
    folder.mkdir()
    (folder / "export.html").write_text("<p>The root cause was human error.</p>")
    run = blamelint("check", "--format", "json", "--allow-no-files", "docs", cwd=workdir)
    assert run.json()["summary"]["files"] == 0
    assert blamelint("check", "docs", cwd=workdir).code == 2  # nothing matched: said, not passed silently
    (workdir / ".blamelint.toml").write_text('include = ["*.md", "*.html"]\n')
    run = blamelint("check", "--format", "json", "docs", cwd=workdir)
    assert run.json()["summary"]["files"] == 1
    assert {f["location"]["path"] for f in run.json()["findings"]} == {"docs/export.html"}


def test_windows_1252_html_with_meta_charset(blamelint, workdir):
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9: the root cause was human error.</p>'
    (workdir / "old.htm").write_bytes(page.encode("cp1252"))
    run = blamelint("check", "--format", "json", "old.htm", cwd=workdir)
    assert run.code == 1, run.output
    finding = next(f for f in run.json()["findings"] if f["rule"] == "root-cause")
    assert finding["text"] == "root cause" and finding["location"]["column"] == page.index("root") + 1
