"""Reproduce blame-cv.json's figure with the fold models ``blame_tensor.py cv bow`` trained
(session 7): run an older checkout's rules as wired, with those models in place.

The training data has not changed since blame-cv.json was written (803af30), and training is
deterministic, so the nine fold models of the shipped recipe trained today are the ones of
that estimate; its figures differ from today's only through the rules. This script runs in an
export of the commit whose rules made the figure (16dbcfc, session 6's reproduction), with that
commit's ``train_blame`` and ``blame_study`` (and its own lint cache), scores each fold's questions
with today's fold model, and compares every score and the pooled table with that commit's
``training/blame-cv.json``.

    mkdir /tmp/old && git archive 16dbcfc | tar -x -C /tmp/old
    cd /tmp/old && PYTHONPATH=/tmp/old/src BLAME_STUDY_CACHE=/tmp/old-cache \\
        /path/to/.venv/bin/python /path/to/training/blame_tensor_replay.py /tmp/old /tmp/s7/bow-fold-
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    old, models = Path(argv[0]).resolve(), argv[1]
    sys.path[:0] = [str(old / "training"), str(old)]
    import spacy
    import train_blame

    assert Path(train_blame.__file__).resolve().parent == old / "training"
    train_blame.FEATURES = "negation"
    stored = json.loads((old / "training" / "blame-cv.json").read_text(encoding="utf-8"))
    thresholds = train_blame.IN_CONTEXT
    gold, rules, asked = [], [], []
    fired = {t: [] for t in thresholds}
    for k, fold in enumerate(train_blame.FOLDS, 1):
        nlp = spacy.load(f"{models}{k}")
        g, r, f, a = held_out(train_blame, fold, nlp, thresholds)
        gold += g
        rules += r
        asked += [round(p, 6) for p in a]
        for t in thresholds:
            fired[t] += f[t]
        print(f"fold {k}: 0.8 {train_blame._pr(g, f[0.8])}", flush=True)
    same = sum(a == b for a, b in zip(asked, stored["asked"]))
    print(f"questions {len(asked)} (blame-cv.json {len(stored['asked'])}); scores equal to 6 places: {same}")
    for t in thresholds:
        row = train_blame._pr(gold, fired[t])
        print(train_blame.figures_line(f"wired {t}", row), "| blame-cv.json:", stored["table"][f"wired {t}"])
    wired_same = all(
        "".join("1" if x else "0" for x in fired[t]) == stored["wired"][str(t)] for t in thresholds
    )
    print("per-sentence results identical to blame-cv.json:", wired_same)
    return 0


def held_out(train_blame, fold, nlp, thresholds):
    """That commit's ``cross_validate`` loop for one fold (``train_blame.held_out`` came later)."""
    import blame_study

    gold, rules, asked = [], [], []
    fired = {t: [] for t in thresholds}
    for name in fold:
        batch = blame_study.collect(name)
        scores = train_blame.score(nlp, [q for q, _ in batch["questions"]]) if batch["questions"] else []
        asked += scores
        gold += batch["gold"]
        rules += batch["rules"]
        for t in thresholds:
            fired[t] += blame_study.wired(batch, scores, t)
    return gold, rules, fired, asked


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
