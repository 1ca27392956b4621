"""Results as cache entries and back, and what a cache key depends on besides the bytes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blamelint.findings import Finding, Location
from blamelint.run.job import FileResult, Job, format_of


def to_entry(result: FileResult) -> dict[str, Any]:
    findings = []
    for f in result.findings:
        data = f.model_dump(mode="json")
        data["location"].pop("path", None)
        findings.append(data)
    entry = {"findings": findings, "metrics": result.metrics}
    if result.warnings:
        entry["warnings"] = [list(w) for w in result.warnings]
    return entry


def from_entry(display: str, entry: dict[str, Any]) -> FileResult:
    findings = []
    for data in entry["findings"]:
        data = dict(data)
        data["location"] = Location(path=display, **data["location"])
        findings.append(Finding.model_validate(data))
    warnings = [(int(line), str(message)) for line, message in entry.get("warnings", [])]
    return FileResult(
        display, findings=findings, metrics=entry.get("metrics"), cached=True, warnings=warnings
    )


def cache_facts(display: str, job: Job) -> str:
    """What a result depends on besides the bytes and the run: how the file is read,
    and whether its path alone makes it a postmortem or not (a glob of the config, a
    README's name, an incident in the file name)."""
    import fnmatch

    from blamelint.postmortem.detect import path_key

    by_path = job.all_postmortems or any(fnmatch.fnmatch(display, g) for g in job.config.postmortem_paths)
    return f"{format_of(display)}|{int(by_path)}|{path_key(display)}"


def job_fingerprint(job: Job) -> str:
    """The run part of the cache key, computed without loading spaCy."""
    from blamelint.rules.registry import Registry
    from blamelint.run.cache import run_fingerprint

    registry = Registry(job.config)
    chosen = registry.selected(list(job.select) or job.config.select, [*job.config.ignore, *job.ignore])
    extra = ""
    if job.measurer:
        from blamelint.rules.registry import import_object

        factory = import_object(job.measurer, "measurer")
        extra = (
            f"{job.measurer}:{getattr(factory, 'version', '?')}:{sorted(dict(job.measurer_options).items())}"
        )
    return run_fingerprint(job.config, chosen, [registry.card(r) for r in chosen], extra)


def open_cache(job: Job, enabled: bool = True, directory: str | None = None):
    """The cache for this job's results, or None when caching is off."""
    if not enabled:
        return None
    from blamelint.run.cache import Cache, default_cache_dir

    return Cache(Path(directory) if directory else default_cache_dir(), job_fingerprint(job))
