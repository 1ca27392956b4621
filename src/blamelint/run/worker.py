"""The rules and the linter, built once per process, and the lint of one chunk of files.

A ``Worker`` reads, parses and lints a chunk; a file that cannot be read or that
trips a reader bug becomes an error result and the rest of the chunk goes on.
``init_worker`` and ``run_chunk`` are what a worker process runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blamelint.errors import BlamelintError
from blamelint.run.job import FileResult, Job


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
                results[index] = FileResult(display, digest=digest(raw), size=len(raw))
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


def digest(raw: bytes) -> str:
    from blamelint.run.cache import content_digest

    return content_digest(raw)


_WORKER: Worker | None = None


def init_worker(job: Job) -> None:
    global _WORKER
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _WORKER = Worker(job)


def run_chunk(chunk: list[tuple]) -> list[FileResult]:
    assert _WORKER is not None
    return _WORKER.run(chunk)
