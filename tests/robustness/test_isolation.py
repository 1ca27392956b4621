"""No network at run time, no user file written (except --output), and the
same report whatever order the files are given in."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.robustness.conftest import GOOD

NO_NETWORK = '''"""Installed by a blamelint test: any attempt at the network fails loudly."""
import socket

_real_socket = socket.socket


class _NoNetwork(_real_socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            raise OSError("network access attempted during a blamelint test")
        super().__init__(family, type, proto, fileno)


def _refuse(*args, **kwargs):
    raise OSError("network access attempted during a blamelint test")


socket.socket = _NoNetwork
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
'''


def _postmortems(folder: Path, count: int) -> None:
    for i in range(count):
        (folder / f"pm-{i:02d}.md").write_text(
            f"# Incident {i}\n\n## Summary\n\nThe config was changed at 14:0{i % 10}. The root cause was "
            f"human error; Bob should have checked the dashboard.\n\n" + "We restarted the pods. " * 400,
            encoding="utf-8",
        )


def test_no_network_needed(blamelint, tmp_path):
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK)
    env = {"PYTHONPATH": os.pathsep.join([str(guard), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9))"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert "network access attempted" in probe.stderr, "the guard is not active"
    work = tmp_path / "work"
    work.mkdir()
    _postmortems(work, 12)  # enough to use worker processes
    run = blamelint("check", "--format", "sarif", "-j", "2", ".", cwd=work, env=env)
    assert run.code == 1, run.output
    assert "network access attempted" not in run.output
    assert len(run.json()["runs"][0]["results"]) >= 12 * 3


def _snapshot(folder: Path) -> dict[str, tuple]:
    state = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
            state[str(path.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns, digest)
    return state


def test_no_user_file_is_written(blamelint, tmp_path):
    work = tmp_path / "repo"
    (work / "docs").mkdir(parents=True)
    (work / ".git").mkdir()  # a repository root, as in real use
    _postmortems(work / "docs", 3)
    (work / "docs" / "notes.txt").write_text("SUMMARY\n\nThe alert was ignored.\n")
    (work / "docs" / "export.html").write_text("<p>The root cause was human error.</p>")
    (work / "docs" / "crlf.md").write_bytes(GOOD.replace("\n", "\r\n").encode())
    (work / "pyproject.toml").write_text('[tool.blamelint]\ninclude = ["*.md", "*.txt", "*.html"]\n')
    before = _snapshot(work)
    for args in (
        ["check", "docs"],
        ["check", "--format", "json", "docs"],
        ["check", "--format", "sarif", "docs/pm-00.md"],
        ["check", "docs"],
    ):  # twice: cached
        run = blamelint(*args, cwd=work)
        assert run.code == 1, run.output
    assert _snapshot(work) == before
    run = blamelint("check", "--format", "json", "--output", "report.json", "docs", cwd=work)
    after = _snapshot(work)
    assert set(after) - set(before) == {"report.json"}
    assert {k: v for k, v in after.items() if k != "report.json"} == before
    assert json.loads((work / "report.json").read_text())["findings"]


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_same_report_whatever_the_order_of_the_files(blamelint, tmp_path, fmt):
    work = tmp_path / "work"
    work.mkdir()
    _postmortems(work, 3)
    (work / "a.txt").write_text("SUMMARY\n\nThe alert was ignored.\n")
    (work / "broken.md").write_bytes(b"\xff\xfe\xfd not utf-8 \x80")
    names = ["pm-00.md", "pm-01.md", "pm-02.md", "a.txt", "broken.md", "missing.md"]
    runs = [
        blamelint("check", "--format", fmt, *order, cwd=work)
        for order in (names, names[::-1], names[2:] + names[:2])
    ]
    assert runs[0].code == 2
    assert runs[0].stdout.count("could not check") == (2 if fmt == "text" else 0)
    for run in runs[1:]:
        assert (run.code, run.stdout) == (runs[0].code, runs[0].stdout)
