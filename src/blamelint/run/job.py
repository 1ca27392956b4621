"""What a run lints with (``Job``, picklable for worker processes) and what it
yields per file (``FileResult``)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blamelint.config import Config
from blamelint.findings import Finding


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to build its linter (picklable)."""

    config: Config
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    measurer: str | None = None
    measurer_options: tuple[tuple[str, Any], ...] = ()
    all_postmortems: bool = False
    """Treat every file as a postmortem (the audit: the user named the archive)."""


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] | None = None
    error: str | None = None
    cached: bool = False
    digest: str | None = None
    size: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(line, message): suppression comments that were not understood."""


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def format_of(display: str) -> str:
    """How a path is read (part of a cache key): by its suffix."""
    return Path(display).suffix.lower() or "none"
