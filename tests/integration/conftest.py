"""Helpers for the integration tests: throwaway git repositories and running
`blamelint` in-process (the spaCy pipeline is loaded once per session)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

# Postmortem text whose findings are unambiguous for the rules as specified.
BLAMEFUL = (
    "# Database outage\n\n"
    "## Summary\n\n"
    "The outage was caused by human error during the migration.\n\n"
    "## Timeline\n\n"
    "- 14:02 I started the schema migration.\n"
    "- 14:05 Latency on the primary rose above two seconds.\n\n"
    "## Contributing factors\n\n"
    "The migration tool ran without a lock timeout.\n"
)
GIT_ENV_DROP = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")


def git_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in GIT_ENV_DROP}
    env.update(
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
        GIT_CONFIG_NOSYSTEM="1",
    )
    return env


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, env=git_env(), check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(tmp_path):
    """An empty git repository (skips when git is not installed)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    path = tmp_path / "repo"
    path.mkdir()
    git(path, "init", "-q")
    git(path, "config", "commit.gpgsign", "false")
    return path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def check(monkeypatch, capsys):
    """check(*args, cwd=Path) runs `blamelint check ...` in-process and returns Result."""
    from blamelint.cli import main

    def run(*args: str, cwd: Path) -> Result:
        monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main(["check", "--no-color", *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
