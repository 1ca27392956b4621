"""How the benchmarks run the real CLI on one file (hostile.py, linearity.py):
the command line of a one-process, uncached JSON check, and one run of it,
measured from outside (peak resident memory from ``wait4``, wall time).

The run is measured from a small launcher process that starts the command as
its own child: a process started straight from the benchmark would report the
benchmark's own peak memory as its own (a forked child's ``ru_maxrss`` starts
from its parent's, and ``exec`` keeps it), so the figures after a big
document-model run measured the benchmark, not the CLI. The launcher is a bare
interpreter (``python -S``); what it adds to the child's peak is its own few MB,
which ``launcher_floor_mb()`` measures.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
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


LAUNCHER = """
import os, sys, time
report, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{usage.ru_maxrss} {elapsed}")
sys.exit(os.waitstatus_to_exitcode(status))
"""
"""Runs ``command`` as its child and writes the child's peak RSS (KiB) and wall time to ``report``."""


def measure(command: list[str], cwd: Path | None = None, env: dict | None = None) -> Measured:
    """Run ``command`` (standard output discarded) through the launcher and measure
    it alone. Standard error goes to a temporary file, so a child that writes much
    there never blocks."""
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as err:
        report = Path(tmp) / "usage"
        launcher = [sys.executable, "-S", "-c", LAUNCHER, str(report), *command]
        proc = subprocess.run(launcher, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err, check=False)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        maxrss_kib, seconds = report.read_text().split()
    return Measured(int(maxrss_kib) / 1024, float(seconds), proc.returncode, text)


def launcher_floor_mb() -> float:
    """The peak RSS a trivial command reports through the launcher: the least any
    measured run can show (the launcher's own resident memory at the fork)."""
    return measure([sys.executable, "-S", "-c", "pass"]).peak_mb
