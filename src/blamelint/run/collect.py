"""Which files to check: expand paths and directories, skip hidden folders,
apply include/exclude globs, survive symlink loops."""
from __future__ import annotations

import fnmatch
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


@dataclass(frozen=True)
class Candidate:
    path: Path
    display: str
    explicit: bool


@dataclass(frozen=True)
class Missing:
    display: str
    message: str


def display_path(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:
        return path.as_posix()


def _excluded(rel: str, patterns: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or rel.startswith(p.rstrip("/") + "/")
               for p in patterns)


def collect(paths: list[str], include: list[str], exclude: list[str],
            cwd: Path) -> Iterator[Candidate | Missing]:
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            yield Missing(raw, "no such file or directory")
            continue
        if path.is_dir():
            yield from _walk(path, include, exclude, cwd, seen)
        else:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield Candidate(path, display_path(path, cwd), True)


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
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("node_modules", "__pycache__"))
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
        yield Missing(display_path(Path(err.filename), cwd) if err.filename else str(top),
                      err.strerror or str(err))


def _stat_problem(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if path.is_symlink():
        return "broken symbolic link (its target does not exist)"
    return exc.strerror or str(exc)
