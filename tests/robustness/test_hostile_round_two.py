"""Issue 14, hostile input round two: each case the issue lists, as a test (small
sizes; benchmarks/hostile.py prints the figures at 5 MB).

Bounded memory and time: long blocks parsed in bounded windows and batches,
stdin capped, tokenizer-safe text, linear suppression scan and HTML nesting, no
YAML aliases, --jobs capped at the cores. Outputs never replace an input and are
written atomically. Every per-file problem is a per-file error. No code from
configuration or the working directory; git runs nothing the repository
configures; control characters escaped. Ctrl-C exits 130.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fuzz.invariants import slice_by_position
from tests.robustness.conftest import GOOD, assert_clean_failure

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


def _parsed_texts(monkeypatch, text: str, path: str = "x.md") -> list[str]:
    """What the engine hands to nlp.pipe for ``text``, batch by batch."""
    from blamelint.engine import document_pieces, token_batches
    from blamelint.postmortem.load import parse_source

    document = parse_source(path, text)
    tasks = ((piece, (b, offset), cost) for b, offset, piece, cost in document_pieces(document))
    return [[t for t, _ in batch] for batch in token_batches(tasks, 64)]


# -- 1. memory and time ---------------------------------------------------------------


def test_a_long_line_is_parsed_in_sentence_sized_windows(monkeypatch):
    from blamelint.engine import BATCH_TOKENS, MAX_PIECE, estimated_tokens

    line = "The deploy stopped and the team rolled it back. " * 4000  # 190 KB, one line
    batches = _parsed_texts(monkeypatch, "# I\n\n" + line)
    pieces = [p for batch in batches for p in batch]
    assert len(pieces) > 50 and max(map(len, pieces)) <= MAX_PIECE
    assert all(p.rstrip().endswith(".") for p in pieces if p != "I")  # cut at sentence ends
    for batch in batches:
        assert len(batch) == 1 or sum(map(estimated_tokens, batch)) <= BATCH_TOKENS


def test_token_dense_text_is_batched_by_tokens_not_by_count():
    from blamelint.engine import BATCH_TOKENS, estimated_tokens

    text = "# I\n\n" + "\n\n".join("*a **a " * 140 for _ in range(200))  # 200 dense blocks
    batches = _parsed_texts(None, text)
    assert max(len(b) for b in batches) < 64  # the configured batch size would hold them all
    assert all(sum(map(estimated_tokens, b)) <= BATCH_TOKENS for b in batches)


def test_token_dense_document_is_parsed_within_its_budget():
    from blamelint.engine import MIN_DOCUMENT_TOKENS, TOKENS_PER_CHAR, estimated_tokens

    text = "*a **a " * 20_000
    parsed = sum(estimated_tokens(p) for b in _parsed_texts(None, text) for p in b)
    assert parsed <= max(MIN_DOCUMENT_TOKENS, TOKENS_PER_CHAR * len(text))
    prose = "The deploy stopped and the team rolled it back.\n\n" * 3000
    total = sum(estimated_tokens(p) for b in _parsed_texts(None, prose) for p in b)
    assert total == 3000 * estimated_tokens("The deploy stopped and the team rolled it back.")


@pytest.mark.parametrize(
    "run", ["(" * 16000, "'s" * 20000, "\U0001f600" * 20000, "(\"'[" * 4000, "[" * 3000 + "x"]
)
def test_pathological_token_runs_are_neutralised_same_length(run):
    from blamelint.nlp.neutralise import neutralise

    text = "The root cause was " + run + " here."
    safe = neutralise(text)
    assert len(safe) == len(text)
    assert safe.startswith("The root cause was ") and safe.endswith(" here.")
    assert sum(not ch.isalnum() and not ch.isspace() for ch in safe) < 40  # nothing left to peel


def test_prose_and_urls_are_left_alone():
    from blamelint.nlp.neutralise import neutralise

    text = "See https://example.com/runbooks/dns-failover.html (and the ticket OPS-123) first."
    assert neutralise(text) == text


def test_long_punctuation_run_is_linted_fast_with_exact_positions(lint):
    text = "# Incident\n\n" + "(" * 16000 + " The root cause was human error.\n"
    start = time.perf_counter()
    findings = lint(text, select=["root-cause", "blame"])
    assert time.perf_counter() - start < 60  # quadratic: about a minute for the tokenizer alone
    assert {f.rule for f in findings} == {"root-cause", "blame"}
    for f in findings:
        assert slice_by_position(text, f.location) == f.text


def test_brackets_around_a_sentence_keep_its_findings(lint):
    text = "[" * 3000 + "The root cause was human error." + "]" * 3000 + "\n"
    findings = lint(text, select=["root-cause", "blame"])
    assert {f.rule for f in findings} == {"root-cause", "blame"}


def test_unclosed_suppression_comments_scan_in_linear_time():
    from blamelint.document.suppress import find_suppressions
    from blamelint.postmortem.load import parse_source

    document = parse_source("x.md", "<!-- blamelint-disable x" * 8000)
    start = time.perf_counter()
    result = find_suppressions(document)
    assert time.perf_counter() - start < 5  # the old regex: about 45 s
    assert not result.ranges and not result.file_rules


def test_suppression_comments_still_work():
    from blamelint.document.suppress import find_suppressions
    from blamelint.postmortem.load import parse_source

    text = (
        "a\n<!-- blamelint-disable blame -->\nb\n<!-- blamelint-enable blame -->\n"
        "<!-- blamelint-disable-next-line root-cause -->\n\n\nc\n<!-- blamelint-disable x > y -->\n"
        "<!-- blamelint-disable-file hindsight-->\n"
    )
    result = find_suppressions(parse_source("x.md", text))
    assert result.ranges == [(2, 4, "blame")]
    assert result.line_rules == {8: {"root-cause"}}
    assert result.file_rules == {"hindsight"}  # the "x > y" comment is not one


def test_a_megabyte_long_suppression_action_is_one_problem():
    """The action was matched by a repeated group that kept a backtracking entry per letter
    (650 MB for 5 million); it is one run now, and the message quotes the start of it."""
    from blamelint.document.suppress import find_suppressions
    from blamelint.postmortem.load import parse_source

    text = "# I\n\n<!-- blamelint-" + "a" * 2_000_000 + " blame -->\n\nText.\n"
    result = find_suppressions(parse_source("x.md", text))
    ((line, message),) = result.problems
    assert line == 3 and len(message) < 300 and "blamelint-aaa" in message
    assert not result.ranges and not result.line_rules and not result.file_rules


@pytest.mark.parametrize(
    "text, actions",
    [
        ("<!-- blamelint-disable-->x", ["disable"]),
        ("<!-- blamelint-disable--->", ["disable-"]),
        ("<!-- blamelint-disable---->", ["disable--"]),
        ("<!-- blamelint-disable->", []),
        ("<!-- blamelint---> <!-- blamelint-enable -->", ["", "enable"]),
        ("<!--blamelint-disable-next-line blame-->", ["disable-next-line"]),
    ],
)
def test_suppression_actions_end_before_the_comment_close(text, actions):
    from blamelint.document.suppress import _comments

    assert [action for action, *_ in _comments(text)] == actions


@pytest.mark.parametrize("unit", ["<div>x", "<ul><li>x", "<blockquote>x", "<b><i>"])
def test_deep_html_nesting_is_linear(unit):
    from blamelint.document.html import MAX_DEPTH
    from blamelint.postmortem.load import parse_source

    text = unit * 30_000 + "<p>The root cause was human error.</p>"
    start = time.perf_counter()
    document = parse_source("deep.html", text)
    assert time.perf_counter() - start < 30  # quadratic: minutes
    assert any("The root cause was human error." in b.text for b in document.blocks)
    for block in document.blocks:
        assert all(document.source[o] == ch for o, ch in zip(block.offsets, block.text) if not ch.isspace())
    assert MAX_DEPTH <= 1000


def test_alias_bomb_in_front_matter_is_refused_quickly():
    from blamelint.postmortem.load import parse_source

    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    text = "---\n" + "\n".join(levels) + "\ntype: *a9\n---\n# Incident\n\nText.\n"
    start = time.perf_counter()
    document = parse_source("pm.md", text)
    assert time.perf_counter() - start < 5
    assert document.front_matter is None and "aliases" in document.front_matter_error
    ordinary = parse_source("pm.md", "---\ntitle: DNS outage\ndate: 2024-01-02\n---\n# DNS\n")
    assert ordinary.front_matter["title"] == "DNS outage"


def test_alias_bomb_in_a_rule_card_is_a_config_error(blamelint, workdir):
    (workdir / "cards").mkdir()
    (workdir / "cards" / "bomb.yaml").write_text(
        "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nid: bomb\ndata: *c\n",
        encoding="utf-8",
    )
    (workdir / ".blamelint.toml").write_text('rule-cards = ["cards"]\n')
    run = blamelint("check", "good.md", cwd=workdir, timeout=60)
    assert_clean_failure(run)
    assert "bomb.yaml" in run.stderr and "aliases" in run.stderr


def test_stdin_is_capped_like_a_file(blamelint, workdir):
    (workdir / ".blamelint.toml").write_text("max-file-size = 1000\n")
    proc = subprocess.run(
        [sys.executable, "-m", "blamelint", "check", "-"],
        cwd=workdir,
        input=b"x. " * 100_000,
        capture_output=True,
        timeout=120,
        env={**os.environ, "BLAMELINT_CACHE_DIR": str(workdir.parent / "c")},
    )
    assert proc.returncode == 2, proc.stderr
    assert b"max-file-size" in proc.stdout + proc.stderr and b"Traceback" not in proc.stderr


def test_jobs_are_capped_at_the_cores(monkeypatch, tmp_path):
    from blamelint.config import Config
    from blamelint.run import parallel, pool
    from blamelint.run.collect import Candidate

    seen = []

    def run(chunks, job, workers):
        seen.append(workers)
        for chunk in chunks:
            yield [parallel.FileResult(display) for _, display, *_ in chunk]

    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(parallel, "default_jobs", lambda: 2)
    monkeypatch.setattr(parallel, "run_chunks", run)
    files = []
    for i in range(40):
        path = tmp_path / f"f{i}.md"
        path.write_text("x" * (pool.CHUNK_BYTES + 1))
        files.append(Candidate(path, path.name, True))
    assert len(list(parallel.analyse(files, parallel.Job(Config()), 1000))) == 40
    assert seen == [2]  # 40 chunks, --jobs 1000, 2 cores: 2 workers


# -- 2. outputs -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check", "good.md", "-o", "good.md"],
        ["check", "good.md", "-o", "hardlink.txt"],
        ["check", "docs", "-o", "report.txt"],  # report.txt is a hard link to docs/pm.md
        ["check", "--write-baseline", "good.md", "good.md"],
        ["check", "--write-baseline", "hardlink.txt", "good.md"],
        ["audit", "good.md", "-o", "good.md"],
        ["audit", "good.md", "-o", "hardlink.txt"],
    ],
    ids=[
        "check-o",
        "check-o-hardlink",
        "check-o-link-into-folder",
        "write-baseline",
        "write-baseline-hardlink",
        "audit-o",
        "audit-o-hardlink",
    ],
)
def test_outputs_never_replace_an_input(blamelint, workdir, args):
    os.link(workdir / "good.md", workdir / "hardlink.txt")
    (workdir / "docs").mkdir()
    (workdir / "docs" / "pm.md").write_text(GOOD)
    os.link(workdir / "docs" / "pm.md", workdir / "report.txt")
    before = {p: p.read_bytes() for p in workdir.rglob("*") if p.is_file()}
    run = blamelint(*args, cwd=workdir)
    assert_clean_failure(run)
    assert "would overwrite a file being checked" in run.stderr
    assert {p: p.read_bytes() for p in workdir.rglob("*") if p.is_file()} == before


def test_outputs_are_written_atomically(monkeypatch, tmp_path):
    from blamelint.errors import BlamelintError
    from blamelint.run import output

    target = tmp_path / "report.txt"
    target.write_text("previous report\n")
    target.chmod(0o640)
    output.write_atomically(str(target), "new report\n")
    assert target.read_text() == "new report\n" and (target.stat().st_mode & 0o777) == 0o640

    def full_disk(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", lambda fd: full_disk(fd, b""))
    with pytest.raises(BlamelintError, match="No space left on device"):
        output.write_atomically(str(target), "third report\n")
    assert target.read_text() == "new report\n"  # never a truncated or empty report
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left


def test_output_through_a_symlink_writes_its_target(blamelint, workdir):
    (workdir / "reports").mkdir()
    (workdir / "reports" / "out.txt").write_text("old")
    os.symlink(workdir / "reports" / "out.txt", workdir / "latest.txt")
    run = blamelint("check", "good.md", "-o", "latest.txt", cwd=workdir)
    assert run.code == 1, run.output
    assert (workdir / "latest.txt").is_symlink()
    assert "human error" in (workdir / "reports" / "out.txt").read_text()


# -- 3. per-file errors, special files ------------------------------------------------


def _one_error_and_good_checked(run, name: str, problem: str) -> None:
    assert_clean_failure(run)
    assert "good.md:3:" in run.stdout, run.output
    lines = [line for line in run.output.splitlines() if "could not check" in line]
    assert len(lines) == 1 and name in lines[0] and problem in lines[0], run.output


def test_non_utf8_file_name(blamelint, workdir):
    folder = workdir / "docs"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.md")
    (folder / name).write_text(GOOD)
    run = blamelint("check", "--format", "json", "docs", "good.md", cwd=workdir)
    assert run.code == 1 and "Traceback" not in run.output, run.output
    paths = {f["location"]["path"] for f in run.json()["findings"]}
    assert paths == {"docs/caf\\xe9.md", "good.md"}
    run = blamelint("check", "docs", "good.md", cwd=workdir)
    assert "docs/caf\\xe9.md:3:" in run.stdout


@pytest.mark.skipif(ROOT_USER, reason="root reads any folder")
def test_folder_without_execute_permission(blamelint, workdir):
    folder = workdir / "locked"
    folder.mkdir()
    (folder / "pm.md").write_text(GOOD)
    folder.chmod(0o600)
    try:
        run = blamelint("check", "locked", "locked/pm.md", "good.md", cwd=workdir)
    finally:
        folder.chmod(0o700)
    assert_clean_failure(run)
    assert "good.md:3:" in run.stdout and "locked/pm.md" in run.output


def test_unstatable_path_named_on_the_command_line(monkeypatch, tmp_path):
    """A path whose folder cannot be searched: a per-file error (simulated, for root)."""
    from blamelint.run import collect as collect_module

    real_stat = os.stat

    def stat(path, *args, **kwargs):
        if "locked" in os.fspath(path):
            raise PermissionError(13, "Permission denied")
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(collect_module.os, "stat", stat)
    (tmp_path / "good.md").write_text(GOOD)
    found = list(collect_module.collect(["locked/pm.md", str(tmp_path / "good.md")], ["*.md"], [], tmp_path))
    assert [type(c).__name__ for c in found] == ["Missing", "Candidate"]
    assert found[0].message == "Permission denied"


@pytest.mark.skipif(ROOT_USER, reason="root reads any file")
def test_unreadable_file_named_on_the_command_line(blamelint, workdir):
    (workdir / "secret.md").write_text(GOOD)
    (workdir / "secret.md").chmod(0)
    run = blamelint("check", "secret.md", "good.md", cwd=workdir)
    _one_error_and_good_checked(run, "secret.md", "permission denied")


def test_unreadable_file_named_on_the_command_line_simulated(monkeypatch, tmp_path):
    """The same as above where root reads everything: opening the file is refused."""
    from blamelint.config import Config
    from blamelint.document import load
    from blamelint.run import parallel
    from blamelint.run.collect import collect

    real_open = os.open

    def refuse(path, *args, **kwargs):
        if os.fspath(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(load.os, "open", refuse)
    (tmp_path / "secret.md").write_text(GOOD)
    (tmp_path / "good.md").write_text(GOOD)
    found = collect(["secret.md", "good.md"], ["*.md"], [], tmp_path)
    monkeypatch.chdir(tmp_path)
    results = list(parallel.analyse(found, parallel.Job(Config()), 1))
    assert [(r.path, r.error) for r in results] == [("secret.md", "permission denied"), ("good.md", None)]
    assert {f.location.line for f in results[1].findings} == {3}


@pytest.mark.parametrize(
    "html, problem",
    [
        (b'<meta charset="rot13"><p>The caf\xe9 was closed.</p>', "not valid UTF-8"),
        (b'<meta charset="base64"><p>x \xff</p>', "not valid UTF-8"),
        (b'<meta charset="utf-16"><p>x \xe9</p>', "not valid UTF-8"),
    ],
    ids=["rot13", "base64", "utf16-declared"],
)
def test_weird_html_is_a_per_file_error(blamelint, workdir, html, problem):
    (workdir / "bad.html").write_bytes(html)
    run = blamelint("check", "bad.html", "good.md", cwd=workdir)
    _one_error_and_good_checked(run, "bad.html", problem)


@pytest.mark.parametrize("section", ["<![foo[", "<![1", "<![CDATA[x]]>", "<![if !IE]>"])
def test_marked_sections_the_standard_library_asserts_on_are_read_as_browsers_do(blamelint, workdir, section):
    (workdir / "odd.html").write_text(f"{section} <p>The root cause was human error.</p>")
    run = blamelint("check", "--format", "concise", "odd.html", "good.md", cwd=workdir)
    assert run.code == 1 and "Traceback" not in run.output, run.output
    assert "odd.html:1:" in run.stdout and "root-cause" in run.stdout, run.output
    assert "good.md:" in run.stdout


def test_deeply_nested_json_in_cache_and_baseline(blamelint, workdir):
    run = blamelint("check", "good.md", cwd=workdir)
    assert run.code == 1
    cache = workdir.parent / f"{workdir.name}-cache"
    entries = list(cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.write_text("[" * 200_000 + "]" * 200_000)
    run = blamelint("check", "good.md", cwd=workdir)
    assert run.code == 1 and "good.md:3:" in run.stdout and "Traceback" not in run.output, run.output
    (workdir / "base.json").write_text("[" * 200_000 + "]" * 200_000)
    run = blamelint("check", "--baseline", "base.json", "good.md", cwd=workdir)
    assert_clean_failure(run)
    assert "base.json" in run.stderr and "nested too deeply" in run.stderr


def test_closed_stdin(workdir):
    proc = subprocess.run(
        [sys.executable, "-m", "blamelint", "check", "-", "good.md"],
        cwd=workdir,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "BLAMELINT_CACHE_DIR": str(workdir.parent / "c")},
        preexec_fn=lambda: os.close(0),
    )
    assert proc.returncode == 2, proc.stderr
    assert "standard input is closed" in proc.stdout and "good.md:3:" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_huge_max_file_size(blamelint, workdir):
    (workdir / ".blamelint.toml").write_text("max-file-size = 99999999999999999999999999\n")
    run = blamelint("check", "good.md", cwd=workdir)
    assert run.code == 1 and "good.md:3:" in run.stdout and "Traceback" not in run.output, run.output


def test_tool_that_is_not_a_table_in_pyproject(blamelint, workdir):
    (workdir / "pyproject.toml").write_text("tool = 5\n")
    run = blamelint("check", "good.md", cwd=workdir)
    assert run.code == 1 and "good.md:3:" in run.stdout and "Traceback" not in run.output, run.output
    run = blamelint("check", "--config", "pyproject.toml", "good.md", cwd=workdir)
    assert_clean_failure(run)
    assert "'tool' must be a table" in run.stderr


def test_fifo_on_the_command_line_does_not_hang(blamelint, workdir):
    os.mkfifo(workdir / "pipe.md")
    run = blamelint("check", "pipe.md", "good.md", cwd=workdir, timeout=120)
    assert run.code == 1 and "good.md:3:" in run.stdout, run.output  # a pipe without a writer: empty


def test_character_device_is_refused(blamelint, workdir):
    run = blamelint("check", "/dev/zero", "good.md", cwd=workdir, timeout=120)
    _one_error_and_good_checked(run, "/dev/zero", "not a regular file")


def test_process_substitution_is_linted(workdir):
    env = {**os.environ, "BLAMELINT_CACHE_DIR": str(workdir.parent / "c")}
    for extra in ([], ["--no-cache"], ["--format", "json", "-j", "2"]):
        script = f'"{sys.executable}" -m blamelint check {" ".join(extra)} <(cat good.md)'
        proc = subprocess.run(
            ["bash", "-c", script], cwd=workdir, capture_output=True, text=True, timeout=120, env=env
        )
        assert proc.returncode == 1, (extra, proc.stdout, proc.stderr)
        assert "human error" in proc.stdout


def test_fifo_baseline_does_not_hang(blamelint, workdir):
    os.mkfifo(workdir / "base.json")
    run = blamelint("check", "--baseline", "base.json", "good.md", cwd=workdir, timeout=120)
    assert_clean_failure(run)
    assert "base.json" in run.stderr


# -- 4. security --------------------------------------------------------------------------


EVIL = "import pathlib\npathlib.Path('PWNED').write_text('ran')\n"


def test_model_cannot_name_a_module_from_the_repository(blamelint, workdir):
    (workdir / "evilmod.py").write_text(EVIL)
    (workdir / ".blamelint.toml").write_text('model = "evilmod"\n')
    run = blamelint("check", "good.md", cwd=workdir)
    assert_clean_failure(run)
    assert "not an installed spaCy pipeline package" in run.stderr
    assert not (workdir / "PWNED").exists()


def test_model_with_a_dotted_name_imports_nothing(blamelint, workdir):
    (workdir / "evilpkg").mkdir()
    (workdir / "evilpkg" / "__init__.py").write_text(EVIL)
    (workdir / ".blamelint.toml").write_text('model = "evilpkg.model"\n')
    run = blamelint("check", "good.md", cwd=workdir)
    assert_clean_failure(run)
    assert not (workdir / "PWNED").exists()


def test_card_check_cannot_name_a_module_from_the_repository(blamelint, workdir):
    (workdir / "evilrule.py").write_text(EVIL)
    (workdir / "cards").mkdir()
    (workdir / "cards" / "evil.yaml").write_text(
        "id: evil\nname: Evil\nsummary: x\nseverity: warning\nscope: sentence\ncheck: evilrule:Rule\n"
        "docs: {what: x, why: x, example: x, use_instead: x}\n"
    )
    (workdir / ".blamelint.toml").write_text('rule-cards = ["cards"]\n')
    run = blamelint("check", "good.md", cwd=workdir)
    assert_clean_failure(run)
    assert "evil.yaml" in run.stderr and "cannot name other Python code" in run.stderr
    assert not (workdir / "PWNED").exists()


def test_python_m_blamelint_does_not_import_from_the_working_directory(blamelint, workdir):
    (workdir / "click.py").write_text(EVIL)  # a module blamelint imports at start-up
    (workdir / "spacy.py").write_text(EVIL)
    run = blamelint("check", "good.md", cwd=workdir)
    assert run.code == 1 and "good.md:3:" in run.stdout, run.output
    assert not (workdir / "PWNED").exists()


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
        },
    )


def test_diff_runs_nothing_the_repository_configures(blamelint, workdir):
    _git(workdir, "init", "-q")
    _git(workdir, "add", "good.md")
    _git(workdir, "commit", "-qm", "one")
    (workdir / "good.md").write_text(GOOD + "\nThe outage was preventable.\n")
    (workdir / ".gitattributes").write_text("*.md filter=evil diff=evil\n")
    marker = workdir.parent / "PWNED"
    for key in ("core.fsmonitor", "filter.evil.clean", "diff.evil.textconv", "diff.external", "core.pager"):
        _git(workdir, "config", key, f"touch {marker}; cat")
    run = blamelint("check", "--diff", "HEAD", "good.md", cwd=workdir)
    assert "Traceback" not in run.output and run.code in (0, 1), run.output
    assert not marker.exists()


def test_text_output_escapes_control_characters(blamelint, workdir):
    (workdir / "esc.md").write_text("# I\n\nThe root cause was human \x1b]0;owned\x07error \x1b[2J here.\n")
    os.mkdir(workdir / "d")
    (workdir / "d" / "n\x1b[31mame.md").write_text(GOOD)
    run = blamelint("check", "esc.md", "d", cwd=workdir)
    assert "\x1b" not in run.stdout and "\x07" not in run.stdout
    assert "\\x1b" in run.stdout


# -- Ctrl-C -----------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_without_tracebacks(workdir, jobs):
    for i in range(12):
        (workdir / f"pm{i}.md").write_text(
            "# Incident\n\n" + "The deploy stopped and we rolled back. " * 3000
        )
    env = {**os.environ, "BLAMELINT_CACHE_DIR": str(workdir.parent / "c")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "blamelint", "check", "--no-cache", "-j", jobs, "."],
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
        # a shell that runs pytest in the background hands SIGINT down ignored, and
        # Python then never turns it into KeyboardInterrupt: give the child a terminal's default
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    time.sleep(8)  # the pipeline is loaded and the parse under way
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # and a second, impatient Ctrl-C
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err, err.decode()
