"""Compare blame detectors on the same folds, fast (a study script, not a test).

The rule asks its model only about some sentences (no detector read anything, someone
other than the writer is named). Which sentences those are does not depend on the model,
so each held-out batch is linted once with a stand-in model that says "blame" to every
question: the questions it was asked (the sentence texts) and where their findings land
(the labeled sentence the finding's start falls in) are kept, with the rules' own findings.
Any model's wired prediction is then "rules fired, or a question about this labeled
sentence scored at or above the threshold", exactly as ``train_blame.py --cv`` counts it,
without linting again.

    .venv/bin/python training/blame_study.py fh bow        # one fold, one candidate
    .venv/bin/python training/blame_study.py lobo bow,tensor

Folds: ``fh`` trains on corpora/sentences + a1..e1 and tests f1..h1 (the first honest
estimate); ``lm`` trains on those + f1..h1 and tests l1, m1; ``np`` trains on those + l1, m1
and tests n1..p1; ``lobo`` is train_blame.py's leave-one-batch-out over every batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import train_blame  # noqa: E402

CACHE = Path(os.environ.get("BLAME_STUDY_CACHE", "/tmp/blame-study"))
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)
BUDGETS = (0, 2, 4, 6, 8, 12, 16, 24)
"""False alarms the model may add to the rules' own."""


def _rules_key(name: str) -> str:
    """A hash of the linter's code and data and of batch ``name``'s files, so a cache made
    from other rules or other labels is not reused."""
    digest = hashlib.sha256()
    root = train_blame.ROOT
    paths = sorted((root / "src" / "blamelint").rglob("*.py"))
    paths += sorted(p for p in (root / "rules").rglob("*") if p.is_file())
    paths += sorted(p for p in (train_blame.DOCUMENTS / name).rglob("*") if p.is_file())
    for path in paths:
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def collect(name: str) -> dict:
    """Batch ``name``: gold labels, the rules' findings and the model's questions."""
    gate = os.environ.get("BLAME_STUDY_PERSON_GATE", "on" if train_blame.PERSON_GATE else "off")
    path = CACHE / f"{name}-{_rules_key(name)}-gate-{gate}-v4.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    from blame_features import PARSED, reading

    from blamelint.rules.checks import blame as rule
    from blamelint.rules.checks.blame import model as detector

    asked: list[str] = []
    asked_tokens: list[list] = []
    asked_readings: list[dict] = []
    current: list = []  # (lexicon, sentence) of the sentence the rule is checking

    class Yes:
        def __call__(self, text):
            asked.append(text)
            lex, sent = current[0]
            asked_readings.append({k: reading(lex, list(sent), k) for k in PARSED})
            return self

        cats = {"BLAME": 1.0}

    shipped = detector.load, detector.card, detector.score, detector.main_predicate
    main_predicate = detector.main_predicate

    def recording(tokens):
        asked_tokens.append([token_row(t, tokens[0].i) for t in tokens])
        return main_predicate(tokens)

    detector.main_predicate = recording
    check_sentence = rule.Blame.check_sentence

    def checking(self, sent, block):
        current[:] = [(self.lex, sent)]
        yield from check_sentence(self, sent, block)

    rule.Blame.check_sentence = checking
    detector.load = lambda path=None: Yes()
    detector.card = lambda path=None: {
        "features": "words",
        "negation_gate": train_blame.NEGATION_GATE,
        "person_gate": gate == "on",
    }
    try:
        on = train_blame._linter({"model": "on", "threshold": 0.5})
        off = train_blame._linter({"model": "off"})
        rows = train_blame.read_jsonl(train_blame.DOCUMENTS / name / "sentences.jsonl")
        fired = [False] * len(rows)
        questions: list[tuple[str, int]] = []
        tokens_of: list[list] = []
        readings_of: list[dict] = []
        for document, where in train_blame.batch_documents(name, rows):
            rule_findings = linter_findings(off, document)
            asked.clear()
            asked_tokens.clear()
            asked_readings.clear()
            all_findings = linter_findings(on, document)
            assert len(asked) == len(asked_tokens) == len(asked_readings)
            rows_of = dict(zip(asked, asked_tokens))
            read_of = dict(zip(asked, asked_readings))
            keys = {_key(f) for f in rule_findings}
            added = [f for f in all_findings if _key(f) not in keys]
            paired = pair(asked, added)
            for finding in rule_findings:
                i = where(finding)
                if i >= 0:
                    fired[i] = True
            for text, finding in paired:
                questions.append((text, -1 if finding is None else where(finding)))
                tokens_of.append(rows_of[text])
                readings_of.append(read_of[text])
    finally:
        detector.load, detector.card, detector.score, detector.main_predicate = shipped
        rule.Blame.check_sentence = check_sentence
    data = {
        "texts": [r["text"] for r in rows],
        "gold": [train_blame.LABEL in r["labels"] for r in rows],
        "rules": fired,
        "questions": questions,
        "tokens": tokens_of,
        "readings": readings_of,  # blame_features.reading of each question, per parse kind
    }
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return data


def token_row(t, base: int = 0) -> list:
    """What a parsed-feature candidate may read of a token (as the rule's parse gives it);
    the head as an index into the same list (``base``: the list's first token)."""
    return [t.text, t.lemma_, t.pos_, t.tag_, t.dep_, bool(t.like_num), t.ent_type_, t.head.i - base]


def pair(asked: list[str], added: list) -> list[tuple[str, object]]:
    """Each question with its finding (None when no finding reached the output, e.g. a
    suppressed line): findings come in question order, and each quotes its sentence."""
    out, k = [], 0
    for text in asked:
        if k < len(added) and " ".join((added[k].sentence or "").split()) in " ".join(text.split()):
            out.append((text, added[k]))
            k += 1
        else:
            print(f"  no finding for question {text[:70]!r}", file=sys.stderr)
            out.append((text, None))
    if k != len(added):
        raise RuntimeError(f"{len(added) - k} model findings not paired with a question")
    return out


def linter_findings(linter, document):
    return sorted(linter.lint_document(document), key=lambda f: (f.location.line, f.location.column))


def _key(finding) -> tuple:
    return (finding.location.line, finding.location.column, finding.text, finding.message)


def wired(batch: dict, scores: list[float], threshold: float) -> list[bool]:
    got = list(batch["rules"])
    for (_, i), p in zip(batch["questions"], scores):
        if i >= 0 and p >= threshold:
            got[i] = True
    return got


FOLDS = {
    "fh": (("sentences", "a", "b", "c", "d", "e"), ("f", "g", "h")),
    "lm": (("sentences", "a", "b", "c", "d", "e", "f", "g", "h"), ("l", "m")),
    "np": (("sentences", "a", "b", "c", "d", "e", "f", "g", "h", "l", "m"), ("n", "o", "p")),
    "np-without-lm": (("sentences", "a", "b", "c", "d", "e", "f", "g", "h"), ("n", "o", "p")),
}
"""Train on the batches written before, test on the next blind ones (as they were measured)."""


def training_data(members) -> list[tuple[str, bool]]:
    rows: list[dict] = []
    if "sentences" in members:
        for path in sorted(train_blame.SENTENCES.glob("*.jsonl")):
            rows.extend(train_blame.read_jsonl(path))
    for name in train_blame.batches():
        if name[0] in members:
            rows.extend(train_blame.read_jsonl(train_blame.DOCUMENTS / name / "sentences.jsonl"))
    return [(r["text"], train_blame.LABEL in r["labels"]) for r in rows]


def folds(kind: str):
    """(fold name, training data, held-out batch names)."""
    names = train_blame.batches()
    if kind == "lobo":
        for name in names:
            yield name, train_blame.examples(include=[n for n in names if n != name]), [name]
    else:
        train, test = FOLDS[kind]
        yield kind, training_data(train), [n for n in names if n[0] in test]


def evaluate(kind: str, candidates: list[str]) -> dict:
    import candidates as cands

    pooled: dict[str, dict] = {}
    for fold, data, tests in folds(kind):
        held = [collect(n) for n in tests]
        for cand in candidates:
            started = time.perf_counter()
            scorer = cands.build(cand, data)
            trained = time.perf_counter() - started
            entry = pooled.setdefault(
                cand, {"gold": [], "rules": [], "wired": {t: [] for t in THRESHOLDS}, "best": []}
            )
            for batch in held:
                scores = (
                    scorer([q for q, _ in batch["questions"]], batch["tokens"]) if batch["questions"] else []
                )
                best = [None] * len(batch["gold"])
                for (_, i), p in zip(batch["questions"], scores):
                    if i >= 0:
                        best[i] = p if best[i] is None else max(best[i], p)
                entry["best"] += best
                entry["gold"] += batch["gold"]
                entry["rules"] += batch["rules"]
                for t in THRESHOLDS:
                    entry["wired"][t] += wired(batch, scores, t)
            print(f"{fold} {cand}: trained in {trained:.0f}s", file=sys.stderr, flush=True)
    out = {}
    for cand, entry in pooled.items():
        out[cand] = {"rules alone": train_blame._pr(entry["gold"], entry["rules"])}
        for t in THRESHOLDS:
            out[cand][f"wired {t}"] = train_blame._pr(entry["gold"], entry["wired"][t])
        for budget in BUDGETS:
            out[cand][f"model fp+{budget}"] = at_budget(entry, budget)
    return out


def at_budget(entry: dict, budget: int) -> dict:
    """The wired rule at the lowest threshold whose false alarms stay within ``budget``
    (an oracle threshold: for comparing detectors at equal precision, not for shipping)."""
    gold, rules = entry["gold"], entry["rules"]
    tp = sum(g and r for g, r in zip(gold, rules))
    fp = sum(r and not g for g, r in zip(gold, rules))
    positives = sum(gold)
    extra = sorted(
        ((p, g) for p, g, r in zip(entry["best"], gold, rules) if p is not None and not r), reverse=True
    )
    best = None
    k = 0
    threshold = 1.01
    budget += fp
    while True:
        if fp > budget:
            break
        best = {
            "tp": tp,
            "fp": fp,
            "fn": positives - tp,
            "precision": round(tp / max(tp + fp, 1), 3),
            "recall": round(tp / positives, 3),
            "threshold": round(threshold, 4),
        }
        if k >= len(extra):
            break
        threshold = extra[k][0]
        while k < len(extra) and extra[k][0] == threshold:
            tp += extra[k][1]
            fp += not extra[k][1]
            k += 1
    return best or {}


def main(argv: list[str]) -> int:
    kind, names = argv[0], argv[1].split(",")
    result = evaluate(kind, names)
    for cand, rows in result.items():
        for row_name, row in rows.items():
            print(
                f"{kind:4} {cand:18} {row_name:12} tp {row.get('tp', 0):4} fp {row.get('fp', 0):3} "
                f"fn {row.get('fn', 0):4} "
                f"P {row.get('precision', 0):.3f} R {row.get('recall', 0):.3f} t {row.get('threshold', '')}",
                flush=True,
            )
    out = Path(os.environ.get("BLAME_STUDY_OUT", CACHE / f"result-{kind}-{'+'.join(names)}.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
