"""Chunks of files, linted in this process or in a pool of worker processes.

Serial and parallel runs go through the same chunks and the same ``Worker``
code, so their results are identical. Ctrl-C, an error, or a caller that stops
reading ends the workers at once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

from blamelint.errors import BlamelintError
from blamelint.run.job import FileResult, Job
from blamelint.run.worker import Worker, init_worker, run_chunk

CHUNK_BYTES = 64 * 1024
"""Bytes of source per unit of work (a few postmortems): big enough for nlp.pipe
to batch well, small enough to spread over workers and keep memory low."""


def chunk_files(misses: list[tuple]) -> list[list[tuple]]:
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


def run_chunks(chunks: list[list[tuple]], job: Job, workers: int) -> Iterator[list[FileResult]]:
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
        max_workers=workers, mp_context=context, initializer=init_worker, initargs=(job,)
    )
    finished = False
    try:
        yield from executor.map(run_chunk, chunks)
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
