"""The whole ``blamelint check`` command on generated folders (issue 14): arbitrary
bytes, odd file names (non-UTF-8 bytes, spaces, control characters, names like
options) and Markdown/HTML shapes. Whatever the input:

- no internal error and no traceback, exit code 0, 1 or 2;
- every finding's position quotes exactly its text in the file's source;
- every input is byte-identical after the run (nothing the user wrote changes);
- no hang: each run finishes within a generous bound (an alarm, not a timing test).

In process (the spaCy pipeline is loaded once), few and small examples: the
suite stays fast. ``BLAMELINT_FUZZ_SCALE=20`` for a long hunt.
"""

from __future__ import annotations

import io
import json
import os
import signal
import sys
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.invariants import slice_by_position
from tests.fuzz.strategies import examples, html_document, markdown_document

HANG_SECONDS = 120

NAME_PARTS = st.sampled_from(
    [
        "pm",
        "a b",
        "-x",
        "--help",
        "caf\xe9",
        "\u65e5\u672c",
        "x\x1b[2J",
        "\u202eevil",
        os.fsdecode(b"bad\xff"),
        "..",
        "n\nl",
        "UPPER",
    ]
)
SUFFIXES = st.sampled_from([".md", ".markdown", ".txt", ".html", ".htm", ".MD"])
file_name = st.builds(
    lambda part, n, suffix: f"{part}{n}{suffix}".replace("/", "_"), NAME_PARTS, st.integers(0, 99), SUFFIXES
)
HOSTILE_BITS = st.sampled_from(
    [
        b"(" * 300,
        b"'s" * 200,
        "\U0001f600".encode() * 100,
        b"<!-- blamelint-disable x" * 50,
        b"<div>" * 300,
        b"---\na: &a [x, x]\nb: *a\n---\n",
        b"<![foo[ x",
        b"\x00\x01",
        b"\xff\xfe",
        b"\xef\xbb\xbf",
        b"\r\n\r",
        b'<meta charset="rot13">',
        b"*a **a " * 100,
        b"\x1b]0;title\x07",
        b"[" * 200,
    ]
)


@st.composite
def file_content(draw) -> bytes:
    kind = draw(st.sampled_from(["markdown", "html", "bytes", "mixed"]))
    if kind == "markdown":
        return draw(markdown_document()).encode("utf-8", "surrogatepass")
    if kind == "html":
        return draw(html_document()).encode("utf-8", "surrogatepass")
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    parts = draw(
        st.lists(
            st.one_of(
                HOSTILE_BITS,
                st.binary(max_size=40),
                st.text(max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass")),
            ),
            max_size=6,
        )
    )
    return b"".join(parts)


folders = st.dictionaries(file_name, file_content(), min_size=1, max_size=4)


@contextmanager
def _deadline(seconds: int):
    def expired(signum, frame):
        raise TimeoutError(f"blamelint check ran longer than {seconds} s (a hang?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    from blamelint.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        with redirect_stdout(out), redirect_stderr(err), _deadline(HANG_SECONDS):
            code = main(args)
    finally:
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


def _safe_names(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if "\n" not in name and name not in (".md", "..md")}


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
@settings(
    max_examples=examples(12),
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(files=folders, named=st.booleans())
def test_check_survives_any_folder(tmp_path_factory, monkeypatch, files, named):
    work = tmp_path_factory.mktemp("fuzz")
    monkeypatch.setenv("BLAMELINT_CACHE_DIR", str(work / ".cache"))
    docs = work / "docs"
    docs.mkdir()
    written = {}
    for name, data in _safe_names(files).items():
        path = docs / name
        try:
            path.write_bytes(data)
        except OSError:
            continue
        written[path] = data
    config = (
        'include = ["*.md", "*.markdown", "*.txt", "*.html", "*.htm", "*.MD"]\npostmortem-paths = ["*"]\n'
    )
    (work / ".blamelint.toml").write_text(config)
    targets = ["--", *(str(p.relative_to(work)) for p in written)] if named else ["docs"]
    code, out, err = _run(["check", "--format", "json", "--no-color", "--allow-no-files", *targets], work)

    assert code in (0, 1, 2), (code, out, err)
    assert "internal error" not in out + err and "Traceback" not in out + err, out + err
    report = json.loads(out)
    by_display = {}
    for path, data in written.items():
        by_display[path.relative_to(work).as_posix()] = data
    for finding in report["findings"]:
        shown = finding["location"]["path"]
        data = next((d for p, d in by_display.items() if _display(p) == shown), None)
        assert data is not None, (shown, list(by_display))
        from blamelint.document.load import decode, normalise_newlines

        source = normalise_newlines(decode(data, html=shown.lower().endswith((".html", ".htm"))))
        assert slice_by_position(source, finding["location"]) == finding["text"], finding
    for path, data in written.items():
        assert path.read_bytes() == data, f"{path} changed"
    text_code, text_out, text_err = _run(["check", "--no-color", "--allow-no-files", *targets], work)
    assert text_code == code
    assert not any(ch in text_out for ch in "\x1b\x07\x00"), text_out
    for path, data in written.items():
        assert path.read_bytes() == data, f"{path} changed"


def _display(relative: str) -> str:
    from blamelint.run.collect import printable

    return printable(relative)


def test_names_that_are_not_utf8_are_displayed_escaped():
    assert _display(os.fsdecode(b"docs/bad\xff.md")) == "docs/bad\\xff.md"
    assert sys.getfilesystemencoding().lower().replace("-", "") == "utf8"
