"""Where a rendered report goes: a file named by --output, or standard output.

Files blamelint writes (a report, an audit, a baseline) are written atomically:
to a temporary file in the same folder, then renamed over the target, so a full
disk or a crash leaves the previous file, never a truncated one. A file being
checked is never replaced: inputs are compared with the target as files (device
and inode), so another path, a symbolic link or a hard link to an input is
refused as well.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from typing import Any

from blamelint.errors import BlamelintError


def identity(path: Any) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path`` (symbolic links followed), or None."""
    try:
        info = os.stat(path)
    except (OSError, ValueError, TypeError):
        return None
    return info.st_dev, info.st_ino


def identities(inputs: Iterable[Any]) -> set[tuple[int, int]]:
    """The files of ``inputs``: paths, or objects with a ``path`` (collected candidates)."""
    found = set()
    for item in inputs:
        path = getattr(item, "path", item)
        if path is None or path == "-":
            continue
        ident = identity(path)
        if ident is not None:
            found.add(ident)
    return found


def refuse_input(target: str, inputs: set[tuple[int, int]], option: str = "--output") -> None:
    """Raise when ``target`` is one of the input files."""
    ident = identity(target)
    if ident is not None and ident in inputs:
        raise BlamelintError(
            f"{target}: {option} would overwrite a file being checked; write it somewhere else"
        )


def replace_file(
    path: str, data: bytes, mode: int | None = None, durable: bool = False, prefix: str = ".blamelint-"
) -> None:
    """Put ``data`` at ``path`` through a temporary file in the same folder and a
    rename, so readers see the old file or the new one, never part of one.
    ``durable`` syncs the data to disk first; ``mode`` sets the permissions.
    Raises OSError (the temporary file is removed)."""
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomically(target: str, text: str, what: str = "output") -> None:
    """Write ``text`` (UTF-8) to ``target`` all at once, or raise BlamelintError.

    A target that exists and is not a regular file (``/dev/stdout``, a pipe) is
    written in place: it cannot be replaced, and holds nothing to lose."""
    data = text.encode("utf-8")
    real = os.path.realpath(target)
    try:
        info: os.stat_result | None = os.stat(real)
    except OSError:
        info = None
    try:
        if info is not None and not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "Is a directory")
            with open(real, "wb") as handle:
                handle.write(data)
            return
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        replace_file(real, data, mode=mode, durable=True)
    except OSError as exc:
        raise BlamelintError(f"{target}: cannot write {what}: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def emit(rendered: str, output: str | None, inputs: Iterable[Any] = ()) -> None:
    """Write the report to ``output`` (never one of ``inputs``), or to standard output."""
    if output:
        refuse_input(output, identities(inputs))
        write_atomically(output, rendered)
    else:
        sys.stdout.write(rendered)
        sys.stdout.flush()
