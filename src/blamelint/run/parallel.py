"""Lint many files, in parallel and through the cache, streaming results in order.

``analyse(candidates, job, jobs, cache)`` yields one ``FileResult`` per file
(findings, optional metrics, or an error), in the order the files were given.
Files are read and hashed first (cheap); cached files are not parsed again; the
rest are cut into chunks (``pool.chunk_files``) and linted (``pool.run_chunks``),
in worker processes when ``jobs > 1`` and there is enough to parse, else in this
process. Each worker (``worker.Worker``) builds its linter, and so loads the spaCy
pipeline, once. Only file paths are held for the whole run: documents and parses
live as long as their chunk. Results go to and come from the cache as entries
(``entries``).

What a run measures besides findings is pluggable: ``Job.measurer`` names a
factory ("module:callable") whose product has ``needs`` (spaCy components),
``version`` (part of the cache key) and ``measure(document, pieces, findings)
-> dict`` (JSON-serialisable).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from blamelint.run.collect import Candidate, Missing
from blamelint.run.entries import cache_facts, from_entry, to_entry
from blamelint.run.job import FileResult, Job, default_jobs
from blamelint.run.pool import chunk_files, run_chunks
from blamelint.run.worker import Worker, digest, read_bytes

PARALLEL_MIN_BYTES = 256 * 1024
"""Below this much to parse, worker start-up (a pipeline load each) costs more
than it saves, and the run stays in this process."""


def analyse(
    candidates: Iterable[Candidate | Missing],
    job: Job,
    jobs: int = 0,
    cache=None,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[FileResult]:
    """Lint files, yielding one FileResult per candidate, in the given order."""
    from blamelint.document.load import UnreadableInput

    plan: list[
        tuple
    ] = []  # ("hit", display, path, key) | ("miss", display, path, key) | ("error", display, msg)
    misses: list[tuple] = []
    for item in candidates:
        if isinstance(item, Missing):
            plan.append(("error", item.display, item.message))
            continue
        key = None
        if not _is_regular(item.path):  # a pipe: read here, once, and hand the bytes on
            try:
                raw = read_bytes(item.path, job.config.max_file_size)
            except UnreadableInput as exc:
                plan.append(("error", item.display, str(exc)))
                continue
            if cache is not None:
                key = cache.key(digest(raw), cache_facts(item.display, job))
            plan.append(("miss", item.display, str(item.path), key))
            misses.append((str(item.path), item.display, len(raw), raw))
            continue
        if cache is not None:
            try:
                raw = read_bytes(item.path, job.config.max_file_size)
            except UnreadableInput as exc:
                plan.append(("error", item.display, str(exc)))
                continue
            key = cache.key(digest(raw), cache_facts(item.display, job))
            if cache.contains(key):
                plan.append(("hit", item.display, str(item.path), key))
                continue
            size = len(raw)
        else:
            try:
                size = item.path.stat().st_size
            except OSError:
                size = 0
        plan.append(("miss", item.display, str(item.path), key))
        misses.append((str(item.path), item.display, size))

    chunks = chunk_files(misses)
    total = len(plan)
    workers = min(
        jobs or default_jobs(), default_jobs(), len(chunks)
    )  # more workers than cores only cost memory
    parsed = run_chunks(chunks, job, workers if sum(m[2] for m in misses) >= PARALLEL_MIN_BYTES else 1)
    local: list[Worker | None] = [None]
    current: list[FileResult] = []
    try:
        for done, entry in enumerate(plan, 1):
            kind = entry[0]
            if kind == "error":
                result = FileResult(entry[1], error=entry[2])
            elif kind == "hit":
                result = _load_hit(cache, entry, job, local)
            else:
                if not current:
                    current = list(next(parsed))
                result = current.pop(0)
                if cache is not None and result.error is None and result.digest is not None:
                    cache.put(cache.key(result.digest, cache_facts(result.path, job)), to_entry(result))
            if progress is not None:
                progress(done, total)
            yield result
    finally:
        parsed.close()


def _load_hit(cache, entry, job: Job, local: list) -> FileResult:
    _, display, path, key = entry
    value = cache.get(key)
    if value is not None:
        try:
            return from_entry(display, value)
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
            pass
    # Unreadable or corrupt entry: lint the file here instead.
    if local[0] is None:
        local[0] = Worker(job)
    result = local[0].run([(path, display)])[0]
    if result.error is None and result.digest is not None:
        cache.put(cache.key(result.digest, cache_facts(display, job)), to_entry(result))
    return result


def _is_regular(path: Path) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return True  # let the reader report it
