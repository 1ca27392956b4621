"""Rewrite corpora/baseline.json from the current rules and corpora.

    python -m tests.update_baseline          # measure and write
    python -m tests.update_baseline --check  # measure and compare only

Run it after a change that makes the rules better (or after the corpora
change), and commit the new baseline with the change that earned it.
"""

from __future__ import annotations

import argparse
import sys

from tests.accuracy import (
    BASELINE,
    LABELS,
    build_linter,
    corpus_files,
    document_sets,
    read_baseline,
    regressions,
    score,
    score_documents,
    write_baseline,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the baseline; do not write")
    args = parser.parse_args(argv)
    files = corpus_files()
    if not files:
        print("update_baseline: no corpora/sentences/*.jsonl to measure", file=sys.stderr)
        return 2
    linter = build_linter()
    result = score(files, linter)
    result["documents"] = score_documents(document_sets(), linter)
    for title, part in (
        ("sentences alone (corpora/sentences)", result),
        ("in context (corpora/documents)", result["documents"]),
    ):
        print(f"{title}: {part['sentences']} sentences")
        print(f"  {'label':<18} {'precision':>9} {'recall':>7} {'tp':>4} {'fp':>4} {'fn':>4}")
        for label in LABELS:
            m = part["labels"][label]
            print(
                f"  {label:<18} {m['precision']:>9.4f} {m['recall']:>7.4f} "
                f"{m['tp']:>4} {m['fp']:>4} {m['fn']:>4}"
            )
    if args.check:
        if not BASELINE.exists():
            print(f"no baseline at {BASELINE}", file=sys.stderr)
            return 1
        baseline = read_baseline()
        worse = regressions(result, baseline)
        if "documents" in baseline:
            worse += [f"in context: {w}" for w in regressions(result["documents"], baseline["documents"])]
        for line in worse:
            print("worse:", line)
        return 1 if worse else 0
    write_baseline(result)
    print(f"wrote {BASELINE.relative_to(BASELINE.parents[1])} ({result['sentences']} sentences)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
