"""Train the blame sentence classifier shipped in src/blamelint/models/blame/.

Data: the repository's own labeled sentences only, corpora/sentences/*.jsonl, the
sentence sets labeled for blame alone in corpora/blame-sentences/*.jsonl, and the
sentences.jsonl of the document batches listed in training/blame-batches.txt (never
../shared/corpus, the scoring set).
The model is a spaCy ``textcat`` (bag of words and bigrams, two exclusive labels
BLAME / OTHER) in a blank English pipeline: it reads only the tokenizer's words.

    .venv/bin/python training/train_blame.py            # train on the listed data, write the model
    .venv/bin/python training/train_blame.py --cv       # the grouped estimate (FOLDS) only

Deterministic: fixed seeds, inputs read in sorted order, one thread.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = ROOT / "corpora" / "sentences"
BLAME_SENTENCES = ROOT / "corpora" / "blame-sentences"
"""Sentence sets labeled for blame alone (training data only; corpora/blame-sentences/README.md)."""
DOCUMENTS = ROOT / "corpora" / "documents"
OUTPUT = ROOT / "src" / "blamelint" / "models" / "blame"
CV_FILE = ROOT / "training" / "blame-cv.json"
SEED = 20260101
FEATURES = "negation"
"""What the classifier reads (blamelint.rules.checks.blame.model.features): "words" or "negation"."""
NEGATION_GATE = False
PERSON_GATE = True
"""Whether the rule asks the model only about sentences that mention a person."""
"""Whether the rule keeps the model away from sentences with a negation."""
TRAIN_FROM = "sentences"
"""What a document batch contributes to the training data: "sentences" (every labeled
sentence, read alone) or "questions" (only the sentences the rule asks the model about)."""
EPOCHS = 12
DROPOUT = 0.2
LABEL = "blame"
TEXTCAT = {
    "threshold": 0.5,
    "model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 131072,
    },
}

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["text"] = " ".join(row["text"].split())
            rows.append(row)
    return rows


BATCH_LIST = ROOT / "training" / "blame-batches.txt"
"""The document batches the model is trained on, one name a line ("#" starts a comment)."""


def batches(listing: Path = BATCH_LIST) -> list[str]:
    """The batches ``listing`` names (one a line, "#" starts a comment), each checked to
    exist, in sorted order."""
    names = []
    for line in listing.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if not name:
            continue
        if not (DOCUMENTS / name / "sentences.jsonl").is_file() or not (DOCUMENTS / name / "docs").is_dir():
            raise SystemExit(f"{listing.relative_to(ROOT)}: no batch {name!r} in corpora/documents")
        names.append(name)
    return sorted(names)


def examples(include: list[str] | None = None) -> list[tuple[str, bool]]:
    """(text, is blame) for every labeled sentence of corpora/sentences, corpora/blame-sentences
    and the batches ``include`` (default: the listed ones), in sorted file order."""
    rows: list[dict] = []
    for path in [*sorted(SENTENCES.glob("*.jsonl")), *sorted(BLAME_SENTENCES.glob("*.jsonl"))]:
        rows.extend(read_jsonl(path))
    data = [(r["text"], LABEL in r["labels"]) for r in rows]
    for name in sorted(batches() if include is None else include):
        if TRAIN_FROM == "questions":
            data.extend(questions(name))
        else:
            labeled = read_jsonl(DOCUMENTS / name / "sentences.jsonl")
            data.extend((r["text"], LABEL in r["labels"]) for r in labeled)
    return data


def questions(name: str) -> list[tuple[str, bool]]:
    """(text, is blame) for each sentence of batch ``name`` the rule asks its model about
    (linted in context, as the rule runs; the label of the labeled sentence it falls in)."""
    import blame_study

    batch = blame_study.collect(name)
    return [(text, batch["gold"][i]) for text, i in batch["questions"] if i >= 0]


def train(data: list[tuple[str, bool]], seed: int = SEED, epochs: int = EPOCHS):
    import spacy
    from spacy.util import fix_random_seed

    fix_random_seed(seed)
    return fit(spacy.blank("en"), TEXTCAT, data, seed, epochs)


def fit(
    nlp,
    config: dict,
    data: list[tuple[str, bool]],
    seed: int,
    epochs: int,
    drop: float = DROPOUT,
    labels: tuple[str, str] = ("BLAME", "OTHER"),
):
    """Add a ``textcat`` with two exclusive ``labels`` (yes, no; BLAME/OTHER by default) built
    from ``config`` to ``nlp`` and train it on ``data`` (negation-marked features), shuffling
    with ``seed``; the caller fixes spaCy's own seed."""
    from spacy.training import Example
    from spacy.util import compounding, minibatch

    yes, no = labels
    textcat = nlp.add_pipe("textcat", config=config)
    textcat.add_label(yes)
    textcat.add_label(no)
    gold = [
        Example.from_dict(nlp.make_doc(_features(text)), {"cats": {yes: float(y), no: float(not y)}})
        for text, y in data
    ]
    optimizer = nlp.initialize(lambda: gold)
    order = random.Random(seed)
    for _ in range(epochs):
        shuffled = list(gold)
        order.shuffle(shuffled)
        for batch in minibatch(shuffled, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=drop)
    return nlp


def _features(text: str) -> str:
    from blamelint.rules.checks.blame.model import features

    return features(text, FEATURES)


def score(nlp, texts: list[str]) -> list[float]:
    return [doc.cats["BLAME"] for doc in nlp.pipe([_features(t) for t in texts], batch_size=256)]


# -- the grouped estimate, in context ------------------------------------------------


def batch_documents(name: str, rows: list[dict]):
    """Each document of batch ``name`` (read as the linter reads it), with a function
    giving the index in ``rows`` of the labeled sentence a finding starts in (-1: none)."""
    from blamelint.postmortem.load import read_document
    from tests.accuracy import sentence_spans

    folder = DOCUMENTS / name
    by_doc: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_doc.setdefault(row["doc"], []).append(i)
    for doc_name, indexes in sorted(by_doc.items()):
        document = read_document(folder / "docs" / doc_name, f"{name}/{doc_name}")
        spans = sentence_spans(document.source, [rows[i]["text"] for i in indexes], doc_name)
        starts = [0]
        for line in document.source.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))

        def where(finding, spans=spans, indexes=indexes, starts=starts) -> int:
            offset = starts[finding.location.line - 1] + finding.location.column - 1
            return next((i for i, (start, end) in zip(indexes, spans) if start <= offset < end), -1)

        yield document, where


_NLP = []


def _linter(options: dict):
    from blamelint.config import Config
    from blamelint.engine import Linter
    from blamelint.nlp.pipeline import load_pipeline
    from blamelint.rules.base import PARSE
    from blamelint.rules.registry import Registry

    if not _NLP:
        _NLP.append(load_pipeline(None, PARSE))
    config = Config(select=[LABEL], rules={LABEL: options})
    registry = Registry(config)
    return Linter(config, registry.build([LABEL], config.rules), nlp_factory=lambda needs: _NLP[0])


def _pr(gold: list[bool], got: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, got))
    fp = sum(p and not g for g, p in zip(gold, got))
    fn = sum(g and not p for g, p in zip(gold, got))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3), "recall": round(recall, 3)}


FOLDS = (
    ("a1", "c3", "d1", "l1"),
    ("a2", "e1", "m1", "q1"),
    ("a3", "f1", "n1", "u1"),
    ("b1", "g1", "o1", "r1"),
    ("b2", "h1", "p1", "v1"),
    ("b3", "c1", "i1", "s1"),
    ("c2", "j1", "k1", "t1"),
    ("d2", "f2", "h2", "j2"),
    ("e2", "g2", "i2", "k2"),
)
"""The grouped estimate's folds (session 5): every document batch is held out once, with
three others. Each fold mixes writers: one or two of the project's own small batches
(a1..c3), one or two of the other writers' plain batches (d1..k1, u1, v1) and one or two of
the blame-rich ones (l1..t1). The last two (session 5, later) hold the blame-rich training
batches d2..k2, each written by another writer. Fixed here, so the estimate is reproducible; a
batch that joins corpora/documents joins a fold deliberately (``--cv`` names the batches in no
fold)."""

GROUPS = {"a-c": "abc", "d-k": "defghijk", "l-t": "lmnopqrst", "u-v": "uv"}
"""Held-out batches reported together (by the batch name's letter): a1..c3 were written for
the project's first sessions; d1..k1, u1, v1 by other writers, blind, plain postmortems;
l1..t1 by other writers, blind and rich in blame and its hard negatives."""

IN_CONTEXT = (0.5, 0.6, 0.7, 0.8)
"""Thresholds at which the estimate runs the rule as wired (the fold's model in place of
the shipped one, asked where the rule asks it, in context)."""


def fold_batches() -> list[str]:
    """Every batch of the folds, checked to exist; a batch of corpora/documents in no fold is
    named (it is not in the estimate until it is given a fold)."""
    named = sorted(n for fold in FOLDS for n in fold)
    present = sorted(p.parent.name for p in DOCUMENTS.glob("*/sentences.jsonl"))
    if len(set(named)) != len(named):
        raise SystemExit("train_blame.FOLDS names a batch twice")
    extra = sorted(set(named) - set(present))
    if extra:
        raise SystemExit(f"train_blame.FOLDS: no batch {extra[0]!r} in corpora/documents")
    outside = sorted(set(present) - set(named))
    if outside:
        print(f"not in the estimate (in no fold of train_blame.FOLDS): {', '.join(outside)}", file=sys.stderr)
    return named


def held_out(fold, scorer, thresholds) -> tuple[list[bool], list[bool], dict, list[str], list[float]]:
    """The rule as wired on the batches of ``fold`` (``blame_study.collect``), in batch order:
    gold labels, the rules' own findings, the wired rule at each threshold, each sentence's
    batch name, and the model's scores of the questions (``scorer(batch)``: one per question)."""
    import blame_study

    gold: list[bool] = []
    rules: list[bool] = []
    fired: dict[float, list[bool]] = {t: [] for t in thresholds}
    names: list[str] = []
    asked: list[float] = []
    for name in fold:
        batch = blame_study.collect(name)
        scores = scorer(batch) if batch["questions"] else []
        asked += scores
        gold += batch["gold"]
        rules += batch["rules"]
        names += [name] * len(batch["gold"])
        for t in thresholds:
            fired[t] += blame_study.wired(batch, scores, t)
    return gold, rules, fired, names, asked


def cross_validate(train_on: list[str]) -> dict:
    """The grouped estimate: for each fold, train on corpora/sentences and the batches of
    ``train_on`` outside the fold, then run the rule as wired on the fold's batches.

    Which sentences the rule asks the model about does not depend on the model (it asks
    where no detector read anything and someone other than the writer is named), so each
    batch is linted once with a stand-in that answers "blame" to every question
    (``blame_study.collect``: the questions and the labeled sentence each one's finding
    starts in, kept with the rules' own findings); the wired rule at a threshold is then
    "the rules fired, or a question about this sentence scored at or above it"."""
    fold_batches()
    unknown = sorted(set(train_on) - {n for fold in FOLDS for n in fold})
    if unknown:
        raise SystemExit(f"--train-on: no batch {unknown[0]!r} in train_blame.FOLDS")
    gold: list[bool] = []
    rules: list[bool] = []
    fired: dict[float, list[bool]] = {t: [] for t in IN_CONTEXT}
    batch_of: list[str] = []
    per_fold = {}
    asked = []
    for k, fold in enumerate(FOLDS, 1):
        started = time.perf_counter()
        data = examples(include=[n for n in train_on if n not in fold])
        nlp = train(data)
        trained = time.perf_counter() - started
        truth_fold, rules_fold, fired_fold, names, scores = held_out(
            fold, lambda batch, nlp=nlp: score(nlp, [q for q, _ in batch["questions"]]), IN_CONTEXT
        )
        asked += [round(p, 6) for p in scores]
        batch_of += names
        gold += truth_fold
        rules += rules_fold
        for t in IN_CONTEXT:
            fired[t] += fired_fold[t]
        per_fold[",".join(fold)] = {
            "trained_on": len(data),
            "rules alone": _pr(truth_fold, rules_fold),
            **{f"wired {t}": _pr(truth_fold, fired_fold[t]) for t in IN_CONTEXT},
        }
        print(
            f"fold {k} {','.join(fold)}: trained on {len(data)} in {trained:.0f}s, "
            f"{time.perf_counter() - started:.0f}s in all; at 0.7 {per_fold[','.join(fold)]['wired 0.7']}",
            file=sys.stderr,
            flush=True,
        )
    table = {"rules alone": _pr(gold, rules)}
    for t in IN_CONTEXT:
        table[f"wired {t}"] = _pr(gold, fired[t])
    groups = {}
    for group, letters in GROUPS.items():
        keep = [i for i, b in enumerate(batch_of) if b[0] in letters]
        truth = [gold[i] for i in keep]
        rows = {"rules alone": _pr(truth, [rules[i] for i in keep])}
        for t in IN_CONTEXT:
            rows[f"wired {t}"] = _pr(truth, [fired[t][i] for i in keep])
        groups[group] = rows
    return {
        "method": "grouped folds (train_blame.FOLDS: 7 folds of 4 batches), the rule as wired, in context",
        "features": FEATURES,
        "negation_gate": NEGATION_GATE,
        "person_gate": PERSON_GATE,
        "folds": [list(f) for f in FOLDS],
        "trained_on": sorted(train_on),
        "train_from": TRAIN_FROM,
        "sentences": len(gold),
        "positives": sum(gold),
        "table": table,
        "groups": groups,
        "per_fold": per_fold,
        "wired": {str(t): "".join("1" if f else "0" for f in got) for t, got in fired.items()},
        "rules": "".join("1" if f else "0" for f in rules),
        "gold": "".join("1" if g else "0" for g in gold),
        "batch_order": [n for fold in FOLDS for n in fold],
        "asked": asked,
    }


HOLDOUT_FILE = ROOT / "training" / "blame-holdout.json"
HOLDOUT_THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9)


def holdout(held: list[str], train_on: list[str]) -> dict:
    """One split instead of the folds: train on corpora/sentences and the batches of
    ``train_on`` outside ``held``, then run the rule as wired on ``held`` (``held_out``), at
    each of HOLDOUT_THRESHOLDS. Two training sets are compared on the same text by running it
    twice, once with ``--train-on``."""
    data = examples(include=[n for n in train_on if n not in held])
    started = time.perf_counter()
    nlp = train(data)
    trained = time.perf_counter() - started
    gold, rules, fired, _, _ = held_out(
        held, lambda batch: score(nlp, [q for q, _ in batch["questions"]]), HOLDOUT_THRESHOLDS
    )
    return {
        "held_out": held,
        "trained_on": sorted(n for n in train_on if n not in held),
        "sentences": len(data),
        "positives": sum(y for _, y in data),
        "train_seconds": round(trained, 1),
        "rules alone": _pr(gold, rules),
        **{f"wired {t}": _pr(gold, fired[t]) for t in HOLDOUT_THRESHOLDS},
    }


def write_model(nlp, cv: dict | None, seconds: float, data: list[tuple[str, bool]]) -> None:
    import spacy

    OUTPUT.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "blamelint_blame"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = "blamelint's blame sentence classifier (see card.json)"
    nlp.to_disk(OUTPUT)
    weights = hashlib.sha256((OUTPUT / "textcat" / "model").read_bytes()).hexdigest()
    card = {
        "label": LABEL,
        "spacy_version": spacy.__version__,
        "architecture": TEXTCAT["model"],
        "features": FEATURES,
        "negation_gate": NEGATION_GATE,
        "person_gate": PERSON_GATE,
        "data": [
            "corpora/sentences/*.jsonl",
            "corpora/blame-sentences/*.jsonl",
            str(BATCH_LIST.relative_to(ROOT)),
        ],
        "batches": batches(),
        "sentences": len(data),
        "positives": sum(y for _, y in data),
        "seed": SEED,
        "epochs": EPOCHS,
        "dropout": DROPOUT,
        "command": ".venv/bin/python training/train_blame.py",
        "train_seconds": round(seconds, 1),
        "threshold": RECOMMENDED_THRESHOLD,
        "weights_sha256": weights,
        "check": {"text": CHECK_SENTENCE, "score": round(score(nlp, [CHECK_SENTENCE])[0], 6)},
        "cv": None
        if cv is None
        else {
            "method": cv.get("method", "leave one document batch out"),
            "folds": cv.get("folds"),
            "trained_on": cv.get("trained_on"),
            "features": cv.get("features", "words"),
            "negation_gate": cv.get("negation_gate", True),
            "person_gate": cv.get("person_gate", False),
            "sentences": cv["sentences"],
            "positives": cv["positives"],
            "table": cv["table"],
            "groups": cv.get("groups", {}),
            "per_fold": cv.get("per_fold", {}),
        },
    }
    (OUTPUT / "card.json").write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")


RECOMMENDED_THRESHOLD = 0.8
CHECK_SENTENCE = "Once again the on-call could not be bothered to read the runbook before paging everyone."
"""Scored at training time and recorded in the card (``check``): the tests score it again with
the shipped model, so weights, card and the scoring code cannot drift apart unnoticed."""


def figures_line(name: str, row: dict) -> str:
    """One line of an estimate's table: tp, fp, fn, precision and recall."""
    return (
        f"{name} tp {row['tp']:4} fp {row['fp']:4} fn {row['fn']:4} "
        f"P {row['precision']:.3f} R {row['recall']:.3f}"
    )


def print_groups(groups: dict, group_width: int, name_width: int) -> None:
    """An estimate's figures by group of batches, one line a variant."""
    for group, rows in groups.items():
        for name, row in rows.items():
            print(figures_line(f"{group:{group_width}} {name:{name_width}}", row))


def main(argv: list[str] | None = None) -> int:
    global FEATURES, NEGATION_GATE, PERSON_GATE, TRAIN_FROM
    sys.modules.setdefault("train_blame", sys.modules[__name__])  # blame_study reads these settings
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cv",
        action="store_true",
        help=f"run the grouped estimate (FOLDS) and write {CV_FILE.relative_to(ROOT)}",
    )
    parser.add_argument("--features", choices=("words", "negation"), default=FEATURES)
    parser.add_argument("--gate", choices=("on", "off"), default="on" if NEGATION_GATE else "off")
    parser.add_argument("--person-gate", choices=("on", "off"), default="on" if PERSON_GATE else "off")
    parser.add_argument("--out", help="with --cv: write the estimate here instead (a variant)")
    parser.add_argument(
        "--train-on",
        help="with --cv: train each fold only on these batches (comma-separated; default: the listed ones)",
    )
    parser.add_argument("--train-from", choices=("sentences", "questions"), default=TRAIN_FROM)
    parser.add_argument(
        "--hold-out",
        help="estimate on one split: train on the listed batches outside these (comma-separated), "
        f"run the rule as wired on them; with --train-on, train on those instead; writes --out "
        f"or {HOLDOUT_FILE.relative_to(ROOT)}",
    )
    args = parser.parse_args(argv)
    FEATURES, NEGATION_GATE, PERSON_GATE = args.features, args.gate == "on", args.person_gate == "on"
    TRAIN_FROM = args.train_from
    if args.hold_out:
        held = args.hold_out.split(",")
        result = holdout(held, args.train_on.split(",") if args.train_on else batches())
        (Path(args.out) if args.out else HOLDOUT_FILE).write_text(
            json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        for name, row in result.items():
            if isinstance(row, dict):
                print(figures_line(f"{name:16}", row))
        return 0
    if args.cv:
        cv = cross_validate(args.train_on.split(",") if args.train_on else batches())
        (Path(args.out) if args.out else CV_FILE).write_text(
            json.dumps(cv, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        for name, row in cv["table"].items():
            print(figures_line(f"{name:28}", row))
        print_groups(cv["groups"], 4, 24)
        return 0
    started = time.perf_counter()
    data = examples()
    nlp = train(data)
    cv = json.loads(CV_FILE.read_text(encoding="utf-8")) if CV_FILE.exists() else None
    write_model(nlp, cv, time.perf_counter() - started, data)
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(data)} sentences, {time.perf_counter() - started:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
