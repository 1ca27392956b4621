"""Which files to check: expand paths and directories, skip hidden folders,
apply include/exclude globs, survive symlink loops."""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Candidate:
    path: Path
    display: str
    explicit: bool


@dataclass(frozen=True)
class Missing:
    display: str
    message: str


def printable(name: str) -> str:
    """A file name as reports show it: bytes that are not UTF-8 (kept by Python as
    surrogates) written as ``\\xff`` escapes, so every report can be encoded."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def display_path(path: Path, cwd: Path) -> str:
    try:
        shown = path.resolve().relative_to(cwd).as_posix() if path.is_absolute() else path.as_posix()
    except (ValueError, OSError, RuntimeError):
        shown = path.as_posix()
    return printable(shown)


def _stat_error(path: Path) -> OSError | None:
    """Why ``path`` cannot be looked at (None: it exists, or is only a broken link)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return None if os.path.islink(path) else FileNotFoundError(errno.ENOENT, "no such file or directory")
    except (OSError, ValueError) as exc:
        return exc if isinstance(exc, OSError) else OSError(errno.EINVAL, str(exc))
    return None


def _excluded(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(
        fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or rel.startswith(p.rstrip("/") + "/")
        for p in patterns
    )


def collect(
    paths: list[str], include: list[str], exclude: list[str], cwd: Path
) -> Iterator[Candidate | Missing]:
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        problem = _stat_error(path)
        if problem is not None:
            yield Missing(printable(raw), problem.strerror or str(problem))
            continue
        if os.path.isdir(path):
            yield from _walk(path, include, exclude, cwd, seen)
        else:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield Candidate(path, printable(display_path(path, cwd)), True)


def _walk(top: Path, include, exclude, cwd, seen) -> Iterator[Candidate | Missing]:
    visited_dirs: set[tuple[int, int]] = set()
    for ancestor in Path(os.path.realpath(top)).parents:  # a link back up is a loop, not more to read
        try:
            info = os.stat(ancestor)
            visited_dirs.add((info.st_dev, info.st_ino))
        except OSError:
            pass
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(top, followlinks=True, onerror=errors.append):
        try:
            st = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        ident = (st.st_dev, st.st_ino)
        if ident in visited_dirs:  # a symlink loop, or a second way to the same folder
            dirs[:] = []
            continue
        visited_dirs.add(ident)
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__")
        )
        for name in sorted(files):
            if name.startswith(".") or not any(fnmatch.fnmatch(name.lower(), g) for g in include):
                continue
            path = Path(folder) / name
            display = display_path(path, cwd)
            if exclude and _excluded(display, exclude):
                continue
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    continue  # a FIFO or device named like a document: opening it could block
            except OSError as exc:
                yield Missing(display, _stat_problem(path, exc))
                continue
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            yield Candidate(path, display, False)
    for err in errors:
        yield Missing(
            display_path(Path(err.filename), cwd) if err.filename else str(top), err.strerror or str(err)
        )


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if path.is_symlink():
        return "broken symbolic link (its target does not exist)"
    return exc.strerror or str(exc)
