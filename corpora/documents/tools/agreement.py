#!/usr/bin/env python3
"""How far a second labeler agrees with a batch's writer, and where the linter stands between them.

Usage:
    python corpora/documents/tools/agreement.py BATCH_DIR SECOND_LABELS [--run SCORE_DOCS_OUTPUT]
    python corpora/documents/tools/agreement.py --pool BATCH_DIR SECOND_LABELS SCORE_DOCS_OUTPUT ...

BATCH_DIR holds the writer's `sentences.jsonl`; SECOND_LABELS is a JSON Lines file of
{"id", "labels", "note"} written by someone who labeled the same sentences without seeing the
writer's labels. For each label it prints the second labeler's precision and recall against the
writer (the writer taken as reference) and Cohen's kappa between the two.

With --run, the saved output of `../shared/tools/score_docs.py` on the same batch, it rebuilds the
linter's positives (the writer's positives minus the misses, plus the false alarms) and prints the
linter against the writer, against the second labeler, and on the sentences where both people agree.
With --pool, several batches (each given as its directory, second labels and saved run) are summed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

LABELS = ("agentless-passive", "root-cause", "blame", "hindsight")
RUN_LINE = re.compile(r"^(false alarm|missed)\s+(\S+)\s+(\S+) \(")


def read_labels(path: Path) -> dict[str, set[str]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return {row["id"]: set(row["labels"]) for row in rows}


def linter_labels(reference: dict[str, set[str]], run: Path) -> dict[str, set[str]]:
    found = {sid: set(labels) for sid, labels in reference.items()}
    for line in run.read_text(encoding="utf-8").splitlines():
        match = RUN_LINE.match(line)
        if not match:
            continue
        kind, label, sid = match.groups()
        if kind == "missed":
            found[sid].discard(label)
        else:
            found[sid].add(label)
    return found


def counts(reference: dict[str, set[str]], other: dict[str, set[str]], label: str, ids) -> tuple[int, ...]:
    tp = fp = fn = tn = 0
    for sid in ids:
        ref, oth = label in reference[sid], label in other[sid]
        tp += ref and oth
        fp += oth and not ref
        fn += ref and not oth
        tn += not ref and not oth
    return tp, fp, fn, tn


def kappa(tp: int, fp: int, fn: int, tn: int) -> float:
    n = tp + fp + fn + tn
    observed = (tp + tn) / n
    expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def table(title: str, reference, other, ids) -> None:
    print(f"\n{title} ({len(ids)} sentences)")
    print(f"{'label':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'kappa':>6}")
    for label in LABELS:
        tp, fp, fn, tn = counts(reference, other, label, ids)
        print(f"{label:<18} {tp:>4} {fp:>4} {fn:>4} {ratio(tp, tp + fp):>6} {ratio(tp, tp + fn):>6}"
              f" {kappa(tp, fp, fn, tn):>6.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batch", type=Path, nargs="?")
    parser.add_argument("second", type=Path, nargs="?")
    parser.add_argument("--run", type=Path, help="saved output of score_docs.py on the same batch")
    parser.add_argument("--pool", type=Path, nargs="+", metavar="BATCH SECOND RUN",
                        help="several batches to sum, three paths each")
    args = parser.parse_args(argv)
    if args.pool:
        if len(args.pool) % 3:
            parser.error("--pool takes three paths per batch: BATCH_DIR SECOND_LABELS RUN")
        triples = [tuple(args.pool[i:i + 3]) for i in range(0, len(args.pool), 3)]
    elif args.batch and args.second:
        triples = [(args.batch, args.second, args.run)]
    else:
        parser.error("give BATCH_DIR SECOND_LABELS, or --pool")
    writer, second, linter = {}, {}, {}
    for batch, second_path, run in triples:
        ours, theirs = read_labels(batch / "sentences.jsonl"), read_labels(second_path)
        if set(theirs) != set(ours):
            missing, extra = len(set(ours) - set(theirs)), len(set(theirs) - set(ours))
            print(f"{second_path}: {missing} sentences missing, {extra} unknown ids", file=sys.stderr)
            return 2
        writer.update(ours)
        second.update(theirs)
        if run:
            linter.update(linter_labels(ours, run))
    ids = sorted(writer)
    table("second labeler against the writer", writer, second, ids)
    if len(linter) == len(writer):
        table("linter against the writer", writer, linter, ids)
        table("linter against the second labeler", second, linter, ids)
        for label in LABELS:
            agreed = [sid for sid in ids if (label in writer[sid]) == (label in second[sid])]
            tp, fp, fn, _ = counts(writer, linter, label, agreed)
            print(f"consensus {label:<18} {len(agreed):>4} sentences: linter tp {tp} fp {fp} fn {fn}"
                  f" P {ratio(tp, tp + fp)} R {ratio(tp, tp + fn)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
