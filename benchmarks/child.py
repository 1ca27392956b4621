"""What the benchmark runs in fresh processes besides ``blamelint`` itself.

    child.py floor MODEL EXCLUDE            import spaCy, load the pipeline
    child.py bare MODEL EXCLUDE TEXTS BATCH load it, nlp.pipe over the texts (a JSON list)
    child.py split MODEL EXCLUDE CORPUS     in one process: parse time vs whole lint time

EXCLUDE is a comma-separated list of components left out (may be empty).
"""

from __future__ import annotations

import importlib
import json
import sys
import time


def load(model: str, exclude: str):
    import spacy

    names = [c for c in exclude.split(",") if c]
    if "/" in model or model.startswith("."):
        return spacy.load(model, exclude=names)
    return importlib.import_module(model).load(exclude=names)


def floor(model: str, exclude: str) -> None:
    load(model, exclude)


def bare(model: str, exclude: str, texts_path: str, batch: str) -> None:
    with open(texts_path, encoding="utf-8") as handle:
        texts = json.load(handle)
    nlp = load(model, exclude)
    for _ in nlp.pipe(texts, batch_size=int(batch)):
        pass


def split(corpus: str) -> None:
    """Time, in one process with the pipeline loaded, parsing the corpus's
    blocks alone and linting the (already read) documents; print JSON."""
    from pathlib import Path

    from blamelint.config import load_config
    from blamelint.engine import block_pieces
    from blamelint.postmortem.load import read_document
    from blamelint.run.job import Job
    from blamelint.run.worker import Worker

    config = load_config()
    linter = Worker(Job(config=config)).linter
    paths = sorted(Path(corpus).rglob("*.md"))
    documents = [read_document(p, str(p)) for p in paths]
    texts = [piece for d in documents for b in d.blocks for _, piece in block_pieces(b)]
    nlp = linter.nlp
    for _ in nlp.pipe(texts[:200], batch_size=config.batch_size):
        pass  # warm up
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=config.batch_size):
        pass
    parse, parse_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    findings = sum(len(found) for _, found in linter.lint(documents))
    lint, lint_cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        json.dumps(
            {
                "parse": parse,
                "lint": lint,
                "parse_cpu": parse_cpu,
                "lint_cpu": lint_cpu,
                "findings": findings,
                "words": sum(len(t.split()) for t in texts),
            }
        )
    )


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "split":
        split(args[-1])
    else:
        {"floor": floor, "bare": bare}[command](*args)
