"""How the benchmarks run the real CLI on one file (hostile.py, linearity.py):
the command line of a one-process, uncached JSON check, and one run of it in a
child process, measured from outside (peak resident memory from ``wait4``, wall
time)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def check_command(path: Path | str, output: Path | str | None = None) -> list[str]:
    """``blamelint check --no-cache --jobs 1 --format json [-o OUTPUT] PATH`` in this Python."""
    command = [sys.executable, "-m", "blamelint", "check", "--no-cache", "--jobs", "1", "--format", "json"]
    if output is not None:
        command += ["-o", str(output)]
    return [*command, str(path)]


@dataclass
class Measured:
    peak_mb: float
    seconds: float
    code: int
    stderr: str


def measure(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Measured:
    """Run ``command`` (standard output discarded) and measure it. Standard error
    goes to a temporary file, so a child that writes much there never blocks."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    return Measured(usage.ru_maxrss / 1024, elapsed, proc.returncode, text)
