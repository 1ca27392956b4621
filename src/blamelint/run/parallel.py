"""Lint many files, in parallel and through the cache, streaming results in order.

``analyse(candidates, job, jobs, cache)`` yields one ``FileResult`` per file
(findings, optional metrics, or an error), in the order the files were given.
Files are read and hashed first (cheap); cached files are not parsed again; the
rest are cut into chunks of about ``CHUNK_BYTES`` and linted, in worker
processes when ``jobs > 1`` and there is enough to parse, else in this process.
Serial and parallel runs go through the same chunks and the same code, so their
results are identical. Each worker builds its linter, and so loads the spaCy
pipeline, once. Only file paths are held for the whole run: documents and
parses live as long as their chunk.

What a run measures besides findings is pluggable: ``Job.measurer`` names a
factory ("module:callable") whose product has ``needs`` (spaCy components),
``version`` (part of the cache key) and ``measure(document, pieces, findings)
-> dict`` (JSON-serialisable).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blamelint.config import Config
from blamelint.errors import BlamelintError
from blamelint.findings import Finding, Location
from blamelint.run.collect import Candidate, Missing

CHUNK_BYTES = 64 * 1024
"""Bytes of source per unit of work (a few postmortems): big enough for nlp.pipe
to batch well, small enough to spread over workers and keep memory low."""
PARALLEL_MIN_BYTES = 256 * 1024
"""Below this much to parse, worker start-up (a pipeline load each) costs more
than it saves, and the run stays in this process."""


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


# -- the rules and the linter, built once per process -------------------------


class Worker:
    def __init__(self, job: Job):
        from blamelint.engine import Linter
        from blamelint.rules.registry import Registry

        config = job.config
        registry = Registry(config)
        chosen = registry.selected(list(job.select) or config.select, [*config.ignore, *job.ignore])
        self.rule_ids = chosen
        self.cards = [registry.card(r) for r in chosen]
        self.job = job
        self.measurer = build_measurer(job)
        self._measured: dict[int, dict[str, Any]] = {}
        observer = None
        if self.measurer is not None:
            observer = _Observer(self.measurer, self._measured)
        if job.all_postmortems:
            detector = _always
        else:
            from blamelint.postmortem.detect import PostmortemDetector

            detector = PostmortemDetector(config)
        self.linter = Linter(
            config,
            registry.build(chosen, config.rules),
            is_postmortem=detector,
            observer=observer,
            known_rules=frozenset(registry.ids()),
        )

    def run(self, chunk: list[tuple]) -> list[FileResult]:
        """Lint a chunk of (path, display) files, or (path, display, bytes) when the
        bytes were read already (a pipe can be read only once); a file that fails is
        an error result."""
        from blamelint.document.load import UnreadableInput

        results: dict[int, FileResult] = {}
        documents = []
        for index, (path, display, *given) in enumerate(chunk):
            try:
                raw = given[0] if given else read_bytes(Path(path), self.job.config.max_file_size)
                documents.append((index, parse_bytes(display, raw)))
                results[index] = FileResult(display, digest=_digest(raw), size=len(raw))
            except UnreadableInput as exc:
                results[index] = FileResult(display, error=str(exc))
            except RecursionError:
                results[index] = FileResult(display, error="nested too deeply to read")
            except Exception as exc:  # noqa: BLE001 - a reader bug on one file: reported, run goes on
                results[index] = FileResult(display, error=f"internal error: {type(exc).__name__}: {exc}")
        try:
            self._lint([d for _, d in documents], [results[i] for i, _ in documents])
        except BlamelintError:
            raise  # no pipeline, a broken rule: the run cannot go on
        except Exception:  # one bad file must not sink its chunk: retry one by one
            for index, document in documents:
                try:
                    self._lint([document], [results[index]])
                except BlamelintError:
                    raise
                except Exception as exc:  # noqa: BLE001 - reported per file, run goes on
                    results[index] = FileResult(
                        document.path, error=f"internal error: {type(exc).__name__}: {exc}"
                    )
        return [results[i] for i in range(len(chunk))]

    def _lint(self, documents, results: list[FileResult]) -> None:
        for (document, findings), result in zip(self.linter.lint(documents), results):
            result.findings = findings
            result.warnings = self.linter.problems.pop(document.path, [])
            if self.measurer is not None:
                result.metrics = self._measured.pop(id(document))


def _always(document) -> bool:
    return True


class _Observer:
    def __init__(self, measurer, store: dict[int, dict[str, Any]]):
        self.measurer = measurer
        self.needs = frozenset(measurer.needs)
        self.store = store

    def __call__(self, document, pieces, findings) -> None:
        self.store[id(document)] = self.measurer.measure(document, pieces, findings)


def build_measurer(job: Job):
    if not job.measurer:
        return None
    from blamelint.rules.registry import import_object

    return import_object(job.measurer, "measurer")(job.config, **dict(job.measurer_options))


def read_bytes(path: Path, max_bytes: int) -> bytes:
    from blamelint.document.load import read_bytes as read

    return read(path, max_bytes)


def parse_bytes(display: str, raw: bytes):
    from blamelint.postmortem.load import parse_bytes as parse

    return parse(display, raw)


def _digest(raw: bytes) -> str:
    from blamelint.run.cache import content_digest

    return content_digest(raw)


_WORKER: Worker | None = None


def _init_worker(job: Job) -> None:
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _WORKER = Worker(job)


def _run_chunk(chunk: list[tuple]) -> list[FileResult]:
    assert _WORKER is not None
    return _WORKER.run(chunk)


# -- cache entries ---------------------------------------------------------------


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


# -- the run ---------------------------------------------------------------------


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
                key = cache.key(_digest(raw), cache_facts(item.display, job))
            plan.append(("miss", item.display, str(item.path), key))
            misses.append((str(item.path), item.display, len(raw), raw))
            continue
        if cache is not None:
            try:
                raw = read_bytes(item.path, job.config.max_file_size)
            except UnreadableInput as exc:
                plan.append(("error", item.display, str(exc)))
                continue
            key = cache.key(_digest(raw), cache_facts(item.display, job))
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

    chunks = _chunks(misses)
    total = len(plan)
    workers = min(
        jobs or default_jobs(), default_jobs(), len(chunks)
    )  # more workers than cores only cost memory
    parsed = _run(chunks, job, workers if sum(m[2] for m in misses) >= PARALLEL_MIN_BYTES else 1)
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


def _chunks(misses: list[tuple]) -> list[list[tuple]]:
    chunks: list[list[tuple]] = []
    current: list[tuple] = []
    size = 0
    for path, display, nbytes, *raw in misses:
        current.append((path, display, *raw))
        size += nbytes
        if size >= CHUNK_BYTES:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def _run(chunks: list[list[tuple]], job: Job, workers: int) -> Iterator[list[FileResult]]:
    if not chunks:
        return
    if workers <= 1:
        worker = Worker(job)
        for chunk in chunks:
            yield worker.run(chunk)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(job,)
    )
    finished = False
    try:
        yield from executor.map(_run_chunk, chunks)
        finished = True
    except BrokenProcessPool:
        raise BlamelintError("a worker process died (out of memory?); run again with --jobs 1") from None
    finally:
        if not finished:  # Ctrl-C, an error, or the results no longer wanted: end the workers now
            _quiet_cancelled_futures()
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                process.terminate()
            executor.shutdown(wait=False, cancel_futures=True)
        else:
            executor.shutdown(wait=True, cancel_futures=True)


def _quiet_cancelled_futures() -> None:
    """Python 3.11's pool manager thread, finding its workers gone, sets an exception
    on every pending future, and raises InvalidStateError (printed as a traceback) for
    those already cancelled; nothing is wrong then, so that one error is not printed."""
    import threading
    from concurrent.futures import InvalidStateError

    previous = threading.excepthook
    if getattr(previous, "_blamelint_quiet", False):
        return

    def hook(args) -> None:
        if args.exc_type is InvalidStateError and "cancelled" in str(args.exc_value).lower():
            return
        previous(args)

    hook._blamelint_quiet = True  # type: ignore[attr-defined]
    threading.excepthook = hook


def open_cache(job: Job, enabled: bool = True, directory: str | None = None):
    """The cache for this job's results, or None when caching is off."""
    if not enabled:
        return None
    from blamelint.run.cache import Cache, default_cache_dir

    return Cache(Path(directory) if directory else default_cache_dir(), job_fingerprint(job))
