"""Precision and recall of the four sentence rules on the project's labeled
corpora (corpora/sentences/*.jsonl), measured in-process.

Each file becomes one Markdown document with one sentence per paragraph
(sentence i on line 2*i + 1, as ../shared/tools/score.py lays it out), linted
once with the four sentence rules; a finding counts for the sentence on its
start line. Used by tests/test_accuracy.py and tests/update_baseline.py.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "sentences"
BASELINE = ROOT / "corpora" / "baseline.json"
LABELS = ("agentless-passive", "root-cause", "blame", "hindsight")
TOLERANCE = 0.01
"""How far below the baseline a figure may fall before the test fails."""


def corpus_files(folder: Path = CORPUS) -> list[Path]:
    return sorted(folder.glob("*.jsonl"))


def load_rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON: {exc.msg}") from None
        if not isinstance(row.get("text"), str) or not isinstance(row.get("labels"), list):
            raise ValueError(f"{path}:{n}: a labeled sentence needs 'text' (string) and 'labels' (list)")
        unknown = set(row["labels"]) - set(LABELS)
        if unknown:
            raise ValueError(f"{path}:{n}: unknown labels {sorted(unknown)}")
        row["text"] = " ".join(row["text"].split())
        rows.append(row)
    return rows


def build_linter(nlp: Any | None = None):
    """A Linter running the four sentence rules on ``nlp`` (loaded if not given)."""
    from blamelint.config import Config
    from blamelint.engine import Linter
    from blamelint.rules.registry import Registry

    if nlp is None:
        from blamelint.nlp.pipeline import load_pipeline
        from blamelint.rules.base import PARSE

        nlp = load_pipeline(None, PARSE)
    config = Config(select=list(LABELS))
    registry = Registry(config)
    rules = registry.build(registry.selected(list(LABELS), []), config.rules)
    return Linter(config, rules, nlp_factory=lambda needs: nlp)


def predictions(linter, rows: list[dict[str, Any]]) -> list[set[str]]:
    """The labels the linter gives each sentence, from one batched document."""
    from blamelint.postmortem.load import parse_source

    text = "\n\n".join(r["text"] for r in rows) + "\n"
    found: list[set[str]] = [set() for _ in rows]
    for finding in linter.lint_document(parse_source("sentences.md", text)):
        index = (finding.location.line - 1) // 2
        if finding.rule in LABELS and 0 <= index < len(rows):
            found[index].add(finding.rule)
    return found


def score(files: list[Path], linter) -> dict[str, Any]:
    """Per-label counts, precision and recall over all files."""
    counts = {label: Counter() for label in LABELS}
    sentences = 0
    for path in files:
        rows = load_rows(path)
        sentences += len(rows)
        _count(counts, rows, predictions(linter, rows))
    return {"sentences": sentences, "files": [p.name for p in files], "labels": _figures(counts)}


def regressions(current: dict[str, Any], baseline: dict[str, Any], tolerance: float = TOLERANCE) -> list[str]:
    """Every figure more than ``tolerance`` below its baseline."""
    worse = []
    for label in LABELS:
        base = baseline["labels"].get(label)
        if base is None:
            worse.append(f"{label}: missing from the baseline (rewrite it: python -m tests.update_baseline)")
            continue
        for metric in ("precision", "recall"):
            now, before = current["labels"][label][metric], base[metric]
            if now < before - tolerance:
                worse.append(f"{label} {metric} {now:.4f} < baseline {before:.4f} - {tolerance}")
    return worse


def write_baseline(result: dict[str, Any], path: Path = BASELINE) -> None:
    path.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def read_baseline(path: Path = BASELINE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


# -- in context: labeled sentences inside whole documents ------------------------

DOCUMENTS = ROOT / "corpora" / "documents"


def document_sets(folder: Path = DOCUMENTS) -> list[Path]:
    """Batches of annotated documents: folders with docs/ and sentences.jsonl."""
    return sorted(p.parent for p in folder.glob("*/sentences.jsonl") if (p.parent / "docs").is_dir())


def _squash(text: str) -> tuple[str, list[int]]:
    """The text with each whitespace run made one space, and each character's source offset."""
    chars: list[str] = []
    offsets: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                chars.append(" ")
                offsets.append(i)
            space = True
        else:
            chars.append(ch)
            offsets.append(i)
            space = False
    return "".join(chars), offsets


def sentence_spans(source: str, texts: list[str], where: str) -> list[tuple[int, int]]:
    """Source [start, end) of each sentence, found in order (whitespace runs match any run)."""
    flat, offsets = _squash(source)
    spans, pos = [], 0
    for text in texts:
        needle = " ".join(text.split())
        at = flat.find(needle, pos)
        if at < 0:
            raise ValueError(f"{where}: sentence not found in its document: {needle[:60]!r}")
        spans.append((offsets[at], offsets[at + len(needle) - 1] + 1))
        pos = at + len(needle)
    return spans


def lint_sets(sets: list[Path], linter) -> dict[str, tuple[Any, list[Any]]]:
    """Every document of the sets, linted once: "<set>/<file>" -> (document, findings).
    Tests that read the whole in-context corpus share one such lint."""
    from blamelint.postmortem.load import read_document

    linted = {}
    for folder in sets:
        for path in sorted((folder / "docs").iterdir()):
            key = f"{folder.name}/{path.name}"
            document = read_document(path, key)
            linted[key] = (document, list(linter.lint_document(document)))
    return linted


def score_documents(
    sets: list[Path], linter, linted: dict[str, tuple[Any, list[Any]]] | None = None
) -> dict[str, Any]:
    """Per-label counts, precision and recall of labeled sentences linted inside
    their documents (a finding counts for the sentence its start falls in); ``linted``
    is a lint already made by ``lint_sets`` with the same linter."""
    counts = {label: Counter() for label in LABELS}
    sentences = 0
    linted = linted if linted is not None else lint_sets(sets, linter)
    for folder in sets:
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for row in load_rows(folder / "sentences.jsonl"):
            by_doc.setdefault(row["doc"], []).append(row)
        for name, rows in sorted(by_doc.items()):
            document, findings = linted[f"{folder.name}/{name}"]
            spans = sentence_spans(document.source, [r["text"] for r in rows], f"{folder.name}/{name}")
            got: list[set[str]] = [set() for _ in rows]
            starts = [0]
            for line in document.source.splitlines(keepends=True):
                starts.append(starts[-1] + len(line))
            for finding in findings:
                if finding.rule not in LABELS:
                    continue
                offset = starts[finding.location.line - 1] + finding.location.column - 1
                for i, (start, end) in enumerate(spans):
                    if start <= offset < end:
                        got[i].add(finding.rule)
                        break
            sentences += len(rows)
            _count(counts, rows, got)
    return {"sentences": sentences, "sets": [p.name for p in sets], "labels": _figures(counts)}


def _count(counts: dict[str, Counter], rows: list[dict[str, Any]], found: list[set[str]]) -> None:
    """Add each sentence's true positives, false positives and misses per label."""
    for row, got in zip(rows, found):
        gold = set(row["labels"])
        for label in LABELS:
            if label in gold:
                counts[label]["tp" if label in got else "fn"] += 1
            elif label in got:
                counts[label]["fp"] += 1


def _figures(counts: dict[str, Counter]) -> dict[str, dict[str, Any]]:
    labels = {}
    for label, c in counts.items():
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        labels[label] = {
            "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
    return labels
