"""Helpers for the hostile-input tests: run the real CLI in a subprocess, with a
private result cache, and read its report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

GOOD = "# Incident\n\nThe root cause was human error.\n"
"""A file with two findings on line 3, checked next to every hostile input."""


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def json(self) -> dict:
        return json.loads(self.stdout)


def run_blamelint(*args: str, cwd: Path, env: dict | None = None, timeout: int = 600) -> Run:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "BLAMELINT_DEBUG")}
    full_env["BLAMELINT_CACHE_DIR"] = str(cwd.parent / f"{cwd.name}-cache")
    full_env.update(env or {})
    proc = subprocess.run(
        [sys.executable, "-m", "blamelint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def assert_clean_failure(run: Run) -> None:
    """Exit 2, and no traceback or internal error anywhere."""
    assert "Traceback" not in run.output, run.output
    assert "internal error" not in run.output, run.output
    assert run.code == 2, run.output


def error_lines(run: Run) -> list[str]:
    return [line for line in run.output.splitlines() if "could not check" in line or "error:" in line]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A folder holding good.md (findings on line 3)."""
    folder = tmp_path / "work"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.fixture
def blamelint():
    return run_blamelint
