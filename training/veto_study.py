"""Can a classifier over each finding's reading raise the precision of a rule on text
it was not trained on? (session 5 study; nothing here is shipped)

    .venv/bin/python training/veto_study.py lint    # lint every batch once, cache the findings
    .venv/bin/python training/veto_study.py cv      # leave-one-batch-out, pooled table per label

``lint`` runs agentless-passive, root-cause and hindsight (each alone, in context) over
every document of corpora/documents and records, for each finding, the labeled sentence
it lands in and the feature text of its reading (blamelint.rules.veto_features), computed
from the engine's own parse inside the rule. ``cv`` trains, for each label and each held-out
batch, the blame model's kind of textcat (train_blame.fit) on the other batches' findings
(target: the sentence carries the label) and scores the held-out batch's findings; a
finding is vetoed below the threshold; a sentence is flagged when any kept finding lands in it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import train_blame  # noqa: E402

RULES = ("agentless-passive", "root-cause", "hindsight")
CACHE = ROOT / "training" / ".cache" / "veto-findings.json"
"""Not in the repository (.gitignore): rebuilt by ``lint`` in about a minute."""
THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


def batch_names() -> list[str]:
    return sorted(p.name for p in train_blame.DOCUMENTS.iterdir() if (p / "sentences.jsonl").is_file())


def lint(cache: Path = CACHE, only: list[str] | None = None) -> None:
    """Lint the batches with the three rules (vetoes off) and cache their findings' readings."""
    import train_veto

    out = {"batches": train_veto.readings(list(RULES), only or batch_names())}
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(out, sort_keys=True) + "\n", encoding="utf-8")


VARIANT = os.environ.get("VETO_VARIANT", "both")
"""An ablation: "reading" (the feature words only), "sentence" (the sentence only) or "both"."""


def _variant(batches: dict) -> dict:
    if VARIANT == "both":
        return batches
    for batch in batches.values():
        for f in batch["findings"]:
            reading, sentence = f["features"].split(" . ", 1)
            f["features"] = reading if VARIANT == "reading" else sentence
    return batches


def label_of(rule: str) -> str:
    return rule


def pr(tp: int, fp: int, fn: int) -> dict:
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
    }


def cv(
    only: list[str] | None = None, tag: str = "", seed: int | None = None, test_cache: Path | None = None
) -> dict:
    import spacy
    from spacy.util import fix_random_seed

    data = _variant(json.loads(CACHE.read_text(encoding="utf-8"))["batches"])
    seed = train_blame.SEED if seed is None else seed
    tests = _variant(json.loads(test_cache.read_text(encoding="utf-8"))["batches"]) if test_cache else data
    names = sorted(tests)
    result = {}
    for rule in only or RULES:
        label = label_of(rule)
        scores: dict[str, list[float]] = {}
        for held in names:
            started = time.perf_counter()
            train = []
            for name in sorted(data):
                if name == held:
                    continue
                b = data[name]
                train += [
                    (f["features"], label in b["labels"][f["row"]])
                    for f in b["findings"]
                    if f["rule"] == rule
                ]
            fix_random_seed(seed)
            nlp = train_blame.fit(spacy.blank("en"), train_blame.TEXTCAT, train, seed, train_blame.EPOCHS)
            test = [f["features"] for f in tests[held]["findings"] if f["rule"] == rule]
            scores[held] = train_blame.score(nlp, test) if test else []
            print(
                f"{rule} {held}: {len(train)} train, {len(test)} test ({time.perf_counter() - started:.0f}s)",
                file=sys.stderr,
            )
        table = {}
        per_batch = {}
        for t in (None, *THRESHOLDS):
            tp = fp = fn = 0
            for name in names:
                b = tests[name]
                fired = set()
                mine = [f for f in b["findings"] if f["rule"] == rule]
                for f, s in zip(mine, scores[name]):
                    if t is None or s >= t:
                        fired.add(f["row"])
                gold = {i for i, labels in enumerate(b["labels"]) if label in labels}
                row = pr(len(fired & gold), len(fired - gold), len(gold - fired))
                per_batch.setdefault(name, {})["rules" if t is None else f"veto {t}"] = row
                tp, fp, fn = tp + row["tp"], fp + row["fp"], fn + row["fn"]
            table["rules alone" if t is None else f"rules + veto {t}"] = pr(tp, fp, fn)
        result[rule] = {
            "table": table,
            "batches": per_batch,
            "scores": {n: [round(s, 4) for s in v] for n, v in scores.items()},
        }
        for name, row in table.items():
            print(
                f"{rule:18} {name:18} tp {row['tp']:5} fp {row['fp']:4} fn {row['fn']:4} "
                f"P {row['precision']:.3f} R {row['recall']:.3f}",
                flush=True,
            )
    out = ROOT / "training" / (f"veto-cv{tag}.json" if tag in ("", "-fh") else f".cache/veto-cv{tag}.json")
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    if sys.argv[1] == "lint":
        lint(
            Path(sys.argv[2]) if len(sys.argv) > 2 else CACHE,
            sys.argv[3].split(",") if len(sys.argv) > 3 else None,
        )
    else:
        args = sys.argv[2:] + [""] * 4
        cv(
            args[0].split(",") if args[0] else None,
            args[1],
            int(args[2]) if args[2] else None,
            Path(args[3]) if args[3] else None,
        )
