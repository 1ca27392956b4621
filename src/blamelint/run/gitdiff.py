"""`--diff REF`: the lines of each file that changed since a git ref.

For every repository the checked paths live in, one ``git diff -U0 REF`` (the
working tree against REF, staged changes included) gives the changed lines of
every tracked file; a file git does not track is new, so all of it counts as
changed. Renames are followed (``-M``), so a file that only moved has no
changed lines. All paths are compared resolved, so symlinks and the working
directory do not matter.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from blamelint.errors import BlamelintError
from blamelint.findings import Finding

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}
# Settings a user's git config could have that would change the output we parse.
DIFF_OPTIONS = [
    "-U0",
    "-M",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--ignore-submodules",
]


class GitDiffError(BlamelintError):
    pass


def unquote(path: str) -> str:
    """Undo git's C-style quoting of a path ("a\\tb", octal escapes of UTF-8 bytes)."""
    if not (len(path) >= 2 and path[0] == '"' and path[-1] == '"'):
        return path
    out = bytearray()
    body, i = path[1:-1], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if re.fullmatch(r"[0-7]{3}", body[i + 1 : i + 4]):
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            if nxt in ESCAPES:
                out.append(ESCAPES[nxt])
                i += 2
                continue
        out.extend(ch.encode("utf-8"))
        i += 1
    return out.decode("utf-8", errors="surrogateescape")


def parse_diff(text: str) -> dict[str, set[int]]:
    """Map each file of a ``git diff -U0`` to the new-side lines it adds or
    changes (pure deletions add none). Paths as git prints them, without b/."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    in_header = False
    for line in text.splitlines():
        if line.startswith("diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith("+++ "):
            target = unquote(line[4:].rstrip("\t"))
            current = None if target == "/dev/null" else changed.setdefault(target[2:], set())
        elif line.startswith("@@"):
            in_header = False
            match = HUNK.match(line)
            if match and current is not None:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                current.update(range(start, start + count))
    return changed


# Nothing a repository configures may run: --diff runs in clones of untrusted
# branches. No fsmonitor hook, no hooks, no external diff or textconv (also in
# DIFF_OPTIONS), no pager; clean/process filters are switched off per driver
# (see _no_filters); the system-wide config is not read.
SAFE_CONFIG = [
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "diff.external=",
    "core.untrackedCache=false",
]
FILTER_KEY = re.compile(r"^filter\.(.+)\.(?:clean|smudge|process|required)$")


def _run_git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_EXTERNAL_DIFF",
            "GIT_PAGER",
            "GIT_CONFIG",
            "GIT_CONFIG_PARAMETERS",
            "GIT_CONFIG_COUNT",
        )
    }
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"})
    options = [item for setting in SAFE_CONFIG for item in ("-c", setting)]
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", "--no-pager", "-c", "core.quotePath=true", *options, *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise GitDiffError("--diff needs git, and git was not found on PATH") from None


def _no_filters(cwd: str) -> list[str]:
    """``-c`` settings that empty every filter driver the repository's config defines
    (a clean filter runs when git compares a working-tree file)."""
    listed = _run_git(["config", "--name-only", "--get-regexp", r"^filter\."], cwd)
    drivers = sorted({m.group(1) for line in listed.stdout.splitlines() if (m := FILTER_KEY.match(line))})
    return [
        item
        for name in drivers
        for setting in (
            f"filter.{name}.clean=",
            f"filter.{name}.smudge=",
            f"filter.{name}.process=",
            f"filter.{name}.required=false",
        )
        for item in ("-c", setting)
    ]


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    if args and args[0] in ("diff", "ls-files"):
        args = [*_no_filters(cwd), *args]
    return _run_git(args, cwd)


class _Repo:
    def __init__(self, top: str, ref: str, pathspecs: list[str]):
        self.top = top
        verify = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
        if verify.returncode != 0:
            raise GitDiffError(f"--diff: unknown git ref '{ref}' in {top}")
        commit = verify.stdout.strip()
        # The whole repository, so that a file renamed into the checked paths
        # is matched with where it came from.
        diff = _git(["diff", *DIFF_OPTIONS, commit], top)
        if diff.returncode != 0:
            raise GitDiffError(f"--diff: git diff {ref} failed in {top}: {diff.stderr.strip()}")
        self.changed = parse_diff(diff.stdout)
        tracked = _git(["ls-files", "-z", "--cached", "--", *pathspecs], top)
        if tracked.returncode != 0:
            raise GitDiffError(f"--diff: git ls-files failed in {top}: {tracked.stderr.strip()}")
        self.tracked = set(filter(None, tracked.stdout.split("\0")))


class ChangedLines:
    """Which lines changed since ``ref``, for files under ``scope`` (the paths
    given on the command line). Raises GitDiffError at once when a path is not
    in a git repository or the ref is unknown there."""

    def __init__(self, ref: str, scope: list[str], cwd: Path | None = None):
        if not ref or ref.startswith("-"):
            raise GitDiffError(f"--diff: '{ref}' is not a git ref")
        self.ref = ref
        self.cwd = (cwd or Path.cwd()).resolve()
        self._tops: dict[str, str] = {}
        self._repos: dict[str, _Repo] = {}
        specs: dict[str, list[str] | None] = {}  # None: the whole repository
        for raw in scope:
            path = (self.cwd / raw).resolve()
            if not path.exists():
                continue  # reported as a missing file by the run itself
            top = self._toplevel(path if path.is_dir() else path.parent, raw)
            rel = Path(os.path.relpath(path, top)).as_posix()
            if rel == "." or specs.get(top, []) is None:
                specs[top] = None
            else:
                specs.setdefault(top, []).append(rel)
        for top, pathspecs in specs.items():
            self._repos[top] = _Repo(top, ref, pathspecs or [])

    def _toplevel(self, folder: Path, display: str) -> str:
        key = str(folder)
        if key not in self._tops:
            out = _git(["rev-parse", "--show-toplevel"], key)
            if out.returncode != 0:
                raise GitDiffError(f"--diff: {display} is not in a git repository")
            self._tops[key] = str(Path(out.stdout.strip()).resolve())
        return self._tops[key]

    def lines(self, path: str) -> set[int] | None:
        """Changed lines of ``path``; None when the whole file is new (untracked)."""
        resolved = (self.cwd / path).resolve()
        top = self._toplevel(resolved.parent, path)
        repo = self._repos.get(top)
        if repo is None:
            repo = self._repos[top] = _Repo(top, self.ref, [])
        rel = Path(os.path.relpath(resolved, top)).as_posix()
        if rel not in repo.tracked:
            return None
        return repo.changed.get(rel, set())

    def touches_file(self, path: str) -> bool:
        lines = self.lines(path)
        return lines is None or bool(lines)

    def touches(self, finding: Finding) -> bool:
        lines = self.lines(finding.location.path)
        if lines is None:
            return True
        loc = finding.location
        return any(n in lines for n in range(loc.line, loc.end_line + 1))
