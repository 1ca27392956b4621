"""The pre-commit hook, end to end: the real `pre-commit try-repo` installs this
repository into its own environment (blamelint and its pipeline from the package
index, like any user's first run) and runs the hook in a throwaway repository.

`try-repo` on a local path uses the repository's HEAD commit plus uncommitted
changes to tracked files, and ignores untracked files. So that the test checks
exactly this working tree (a clean CI clone, or a checkout with new files not
yet added), it commits a copy of the tree to a scratch repository and tries
that. Each try-repo run installs the hook environment afresh (a minute or
more), so the failing and the passing run go side by side."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.integration.conftest import BLAMEFUL, git, git_env, write

pytestmark = pytest.mark.slow

CLEAN = """\
# Checkout latency incident, 2024-03-12

## Summary

On 12 March checkout requests slowed for 40 minutes after a cache node ran
out of memory. The payments team moved traffic to a second cache node and
latency recovered.

## Impact

Checkout slowed for about 3% of customers between 10:05 and 10:45 UTC.
Every order went through.

## Timeline

- 10:05 The cache node reached its memory limit and began evicting keys.
- 10:12 An alert for checkout latency paged Priya, the on-call engineer.
- 10:30 Priya moved traffic to the standby cache node.
- 10:45 Latency returned to its usual level.

## Contributing factors

- The cache node had no memory alert of its own.
- A new product page stored large objects in the shared cache.

## What went well

- The latency alert paged the on-call engineer within seven minutes.
- The standby cache node took the full load without errors.

## Action items

- [ ] Add a memory alert for each cache node. Owner: Priya. Due: 2024-04-01.
- [ ] Move product page objects to their own cache. Owner: Marco. Due: 2024-04-15.
"""
NOT_PROSE = "#!/bin/sh\n# The root cause was human error.\necho deploy\n"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A committed copy of this working tree (tracked and untracked, not ignored files)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    if not (ROOT / ".git").exists():
        pytest.skip(f"{ROOT} is not a git checkout")
    snap = tmp_path_factory.mktemp("hook-repo")
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            env=git_env(),
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for rel in filter(None, listed):
        source = ROOT / rel
        if source.is_file():  # skips files deleted but not yet staged
            (snap / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snap / rel)
    git(snap, "init", "-q")
    git(snap, "add", "-A")
    git(snap, "-c", "commit.gpgsign=false", "commit", "-qm", "snapshot of the working tree")
    return snap


def _project(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    git(path, "init", "-q")
    for name, text in files.items():
        write(path / name, text)
    git(path, "add", "-A")
    git(path, "-c", "commit.gpgsign=false", "commit", "-qm", "postmortems")
    return path


def _try_repo(hook_repo: Path, project: Path, home: Path) -> subprocess.Popen:
    """Start `pre-commit try-repo` (the caller waits: the two runs overlap)."""
    env = dict(git_env(), PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    env.pop("PRE_COMMIT", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            "blamelint",
            "--all-files",
            "--verbose",
        ],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _wait(process: subprocess.Popen) -> tuple[int, str]:
    try:
        output, _ = process.communicate(timeout=1200)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
        pytest.fail(f"pre-commit try-repo timed out:\n{output}")
    return process.returncode, output


def test_premise_files_as_the_dev_install_sees_them(tmp_path, check):
    """Guards the test below: if the rules change, this says so plainly."""
    write(tmp_path / "bad.md", BLAMEFUL)
    write(tmp_path / "clean.md", CLEAN)
    assert check("bad.md", cwd=tmp_path).code == 1
    clean = check("clean.md", cwd=tmp_path)
    assert clean.code == 0, clean.out


def test_hook_fails_on_findings_and_passes_clean_postmortems(hook_repo, tmp_path):
    bad = _project(
        tmp_path / "bad",
        {
            "postmortems/2024-db.md": BLAMEFUL,
            "postmortems/notes.txt": "The outage was operator error.\n",
            "scripts/deploy.sh": NOT_PROSE,
        },
    )
    clean = _project(
        tmp_path / "clean", {"postmortems/2024-checkout.md": CLEAN, "scripts/deploy.sh": NOT_PROSE}
    )
    runs = [
        _try_repo(hook_repo, bad, tmp_path / "home-bad"),
        _try_repo(hook_repo, clean, tmp_path / "home-clean"),
    ]
    (bad_code, bad_out), (clean_code, clean_out) = [_wait(p) for p in runs]

    assert bad_code == 1, bad_out
    assert "postmortems/2024-db.md:5:" in bad_out and "human error" in bad_out  # markdown
    assert "postmortems/notes.txt:1:" in bad_out  # plain text
    assert "deploy.sh" not in bad_out  # not prose: the hook's types exclude it

    assert clean_code == 0, clean_out
    assert "No problems found in 1 file." in clean_out
