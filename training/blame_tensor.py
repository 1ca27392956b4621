"""Study (session 7): does a model class that generalises better lift blame recall at the
same precision on held-out batches?

Variants, each trained per fold exactly as ``train_blame.py --cv`` trains the shipped model
(corpora/sentences and the listed batches outside the fold, ``train_blame.SEED``, one thread):

- ``bow``: the shipped recipe (spaCy TextCatBOW.v3, words and pairs, negation-marked text,
  12 epochs, dropout 0.2): ``train_blame.train`` itself;
- ``bowvec``: the same bag of words plus a linear layer over the sentence's pooled tok2vec
  output (mean and max of ``doc.tensor`` over its tokens: 2 x 96 floats, standardised with
  the training data's mean and spread), trained jointly (logits added, one softmax), in the
  same textcat, with the same optimiser, epochs, batches and dropout;
- ``bowvec-h=64``: the same with a hidden layer (ReLU, 64 units, dropout 0.2) on the vector;
- ``ens`` (``ens-e=4``): spaCy's TextCatEnsemble.v2 trained from scratch (its own tok2vec:
  MultiHashEmbed over NORM, PREFIX, SUFFIX and SHAPE, width 64, maxout window encoder depth 2,
  as ``candidates._tok2vec``), concatenated with the same BoW; ``cnn``: TextCatCNN.v2 over it.

Where the vectors come from: the pooled vectors of a question (a sentence the rule asks its
model about) are read from the linter's own parse of the document, in context, exactly where
the rule asks (``blame_study.collect`` with the engine's pipeline minus its
``blamelint_drop_tensor`` component, which otherwise empties ``doc.tensor`` before any rule
runs). Training sentences are run through the same pipeline alone (tokenizer and tok2vec),
one sentence a doc. ``--alone`` scores the questions from their text alone as well, to show
what the train/lint mismatch costs.

Counting: as the README's grouped estimate (``train_blame.held_out``: a labeled sentence is
flagged when the rules fire on it or a question landing in it scores at or above the
threshold; gates as shipped).

    BLAME_STUDY_CACHE=/tmp/s7 nice -n 10 .venv/bin/python training/blame_tensor.py collect
    BLAME_STUDY_CACHE=/tmp/s7 nice -n 10 .venv/bin/python training/blame_tensor.py cv bow,bowvec
    BLAME_STUDY_CACHE=/tmp/s7 .venv/bin/python training/blame_tensor.py report bow,bowvec,...
    BLAME_STUDY_CACHE=/tmp/s7 .venv/bin/python training/blame_tensor.py cost bow,bowvec,...

``cv`` writes ``$BLAME_STUDY_CACHE/tensor-<variant>.json`` (per fold: figures, every question's
score, the per-sentence best question score, training seconds; with ``--folds 1,2``, one file a
fold, ``tensor-<variant>-fold<k>.json``); ``report`` pools them (``avg:A+B``: the mean of two
variants' scores, question by question); ``cost`` times scoring 1,000 questions one at a time
and gives each variant's size.

Measured in session 7 and not shipped (training/README.md, "Session 7: other model classes"):
at the shipped model's precision no variant finds more blame than the bag of words.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("BLAME_STUDY_CACHE", "/tmp/blame-tensor-study")
sys.path.insert(0, str(Path(__file__).resolve().parent))

# blame_features (then blame_study) set one BLAS thread and the repository's paths, before numpy
import blame_features  # noqa: E402
import blame_study  # noqa: E402
import numpy as np  # noqa: E402
import train_blame  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
"""As session 6; the shipped threshold is 0.8 (the card's)."""
SHIPPED_THRESHOLD = 0.8
CURVE = (0.85, 0.88, 0.90, 0.93)
"""Other precisions at which ``report`` gives each variant's best pooled recall (the curve)."""
WIDTH = 96
"""en_core_web_sm's tok2vec width: the pooled vector is 2 x 96 floats (mean, max)."""
SEED = train_blame.SEED


# -- the engine's tok2vec output ---------------------------------------------------


def engine_pipeline():
    """The linter's pipeline (``load_pipeline(None, PARSE)``, as ``train_blame._linter``
    loads it) without the component that empties ``doc.tensor``; installed as the study
    linters' pipeline. No rule reads ``doc.tensor`` or vectors, so findings are unchanged."""
    from blamelint.nlp.pipeline import DROP_TENSOR_COMPONENT, load_pipeline
    from blamelint.rules.base import PARSE

    nlp = load_pipeline(None, PARSE)
    if DROP_TENSOR_COMPONENT in nlp.pipe_names:
        nlp.remove_pipe(DROP_TENSOR_COMPONENT)
    train_blame._NLP[:] = [nlp]
    return nlp


def pool(tokens) -> np.ndarray:
    """Mean and max of ``doc.tensor`` over the non-space tokens (2 x WIDTH floats)."""
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return np.zeros(2 * WIDTH, dtype="float32")
    doc = toks[0].doc
    if doc.tensor is None or doc.tensor.shape[0] != len(doc):
        raise RuntimeError("doc.tensor is empty: the pipeline dropped it")
    rows = doc.tensor[[t.i for t in toks]]
    return np.concatenate([rows.mean(0), rows.max(0)]).astype("float32")


def collect(name: str) -> dict:
    """``blame_study.collect`` with each question's pooled vector, in context
    (``batch["readings"][k]["tensor"]``)."""
    engine_pipeline()
    original = blame_features.reading

    def reading(lex, tokens, kind):
        if kind == "tensor":
            return [round(float(v), 5) for v in pool(tokens)]
        return original(lex, tokens, kind)

    saved = blame_features.PARSED, blame_features.reading
    blame_features.PARSED, blame_features.reading = ("tensor",), reading
    try:
        batch = blame_study.collect(name)
    finally:
        blame_features.PARSED, blame_features.reading = saved
    if batch["questions"] and "tensor" not in batch["readings"][0]:
        raise SystemExit(f"{blame_study.CACHE}: a cache without vectors; use another BLAME_STUDY_CACHE")
    return batch


_VEC: dict[str, np.ndarray] = {}


def alone(texts: list[str]) -> np.ndarray:
    """The pooled vector of each text run alone through the engine's tokenizer and tok2vec
    (cached under ``$BLAME_STUDY_CACHE``)."""
    cache = blame_study.CACHE / "tensor-alone.npz"
    if not _VEC and cache.exists():
        saved = np.load(cache, allow_pickle=False)
        _VEC.update((str(k), v) for k, v in zip(saved["keys"], saved["vecs"]))
    todo = [t for t in dict.fromkeys(texts) if t not in _VEC]
    if todo:
        nlp = engine_pipeline()
        with nlp.select_pipes(enable=["tok2vec"]):
            for text, doc in zip(todo, nlp.pipe(todo, batch_size=256)):
                _VEC[text] = pool(doc)
        keys = list(_VEC)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.array(keys), vecs=np.stack([_VEC[k] for k in keys]))
    return np.stack([_VEC[t] for t in texts])


# -- the joint model: BoW logits + a layer over the pooled vector --------------------


def _register() -> None:
    import spacy
    from spacy.ml.models.textcat import build_bow_text_classifier_v3
    from thinc.api import Linear, Model, Relu, add, chain, softmax_activation

    if "blamelint_study.BOWVec.v1" in spacy.registry.architectures:
        return

    def pooled_input() -> Model:
        def forward(model, docs, is_train):
            x = model.ops.asarray2f(np.stack([d.user_data["pooled"] for d in docs]))
            return x, lambda dx: []

        return Model("pooled_input", forward)

    @spacy.registry.architectures("blamelint_study.BOWVec.v1")
    def bow_vec(hidden: int = 0, length: int = 131072, ngram_size: int = 2) -> Model:
        bow = build_bow_text_classifier_v3(
            exclusive_classes=True, ngram_size=ngram_size, no_output_layer=True, length=length, nO=2
        )
        if hidden:
            dense = chain(pooled_input(), Relu(nO=hidden, nI=2 * WIDTH, dropout=0.2), Linear(nO=2, nI=hidden))
        else:
            dense = chain(pooled_input(), Linear(nO=2, nI=2 * WIDTH))
        model = chain(add(bow, dense), softmax_activation())
        model.attrs["multi_label"] = False
        return model


class Standard:
    """Standardise pooled vectors with the training data's mean and spread."""

    def __init__(self, x: np.ndarray):
        self.mu = x.mean(0)
        self.sd = x.std(0) + 1e-6

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mu) / self.sd).astype("float32")


def _features(text: str) -> str:
    return train_blame._features(text)


def train_bowvec(data, vectors: np.ndarray, hidden: int = 0):
    """The shipped training (``train_blame.fit``'s loop) with the joint model."""
    import spacy
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    _register()
    fix_random_seed(SEED)
    standard = Standard(vectors)
    nlp = spacy.blank("en")
    cat = nlp.add_pipe(
        "textcat",
        config={"threshold": 0.5, "model": {"@architectures": "blamelint_study.BOWVec.v1", "hidden": hidden}},
    )
    cat.add_label("BLAME")
    cat.add_label("OTHER")
    gold = []
    for (text, y), vec in zip(data, standard(vectors)):
        doc = nlp.make_doc(_features(text))
        doc.user_data["pooled"] = vec
        example = Example.from_dict(doc, {"cats": {"BLAME": float(y), "OTHER": float(not y)}})
        example.reference.user_data["pooled"] = vec  # initialize reads the reference docs
        gold.append(example)
    optimizer = nlp.initialize(lambda: gold)
    order = random.Random(SEED)
    for _ in range(train_blame.EPOCHS):
        shuffled = list(gold)
        order.shuffle(shuffled)
        for batch in minibatch(shuffled, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=train_blame.DROPOUT)
    return nlp, standard


def score_bowvec(nlp, standard: Standard, texts: list[str], vectors: np.ndarray) -> list[float]:
    docs = []
    for text, vec in zip(texts, standard(vectors)):
        doc = nlp.make_doc(_features(text))
        doc.user_data["pooled"] = vec
        docs.append(doc)
    return [d.cats["BLAME"] for d in nlp.get_pipe("textcat").pipe(docs, batch_size=256)]


# -- spaCy's own tok2vec textcats, from scratch ----------------------------------------


def train_textcat(data, arch: str, epochs: int, width: int = 64, depth: int = 2):
    import candidates
    import spacy
    from spacy.util import fix_random_seed

    model: dict = {"nO": None, "tok2vec": candidates._tok2vec(width, depth)}
    if arch == "cnn":
        model.update({"@architectures": "spacy.TextCatCNN.v2", "exclusive_classes": True})
    else:
        model.update(
            {"@architectures": "spacy.TextCatEnsemble.v2", "linear_model": dict(train_blame.TEXTCAT["model"])}
        )
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    train_blame.fit(nlp, {"threshold": 0.5, "model": model}, data, SEED, epochs)
    return nlp


# -- variants ---------------------------------------------------------------------------


def options(variant: str) -> tuple[str, dict]:
    base, *params = variant.split("-")
    return base, {k: int(v) for k, v in (p.split("=") for p in params)}


def build(variant: str, data):
    """Train ``variant`` on ``data``; returns (scorer over a batch's questions, scorer over
    texts alone, the trained pipeline)."""
    base, kw = options(variant)
    texts = [t for t, _ in data]
    if base == "bow":
        nlp = train_blame.train(data)

        def scorer(batch):
            return train_blame.score(nlp, [q for q, _ in batch["questions"]])

        return scorer, scorer, nlp
    if base == "bowvec":
        nlp, standard = train_bowvec(data, alone(texts), hidden=kw.get("h", 0))

        def in_context(batch):
            qs = [q for q, _ in batch["questions"]]
            vecs = np.array([r["tensor"] for r in batch["readings"]], dtype="float32")
            return score_bowvec(nlp, standard, qs, vecs)

        def by_text(batch):
            qs = [q for q, _ in batch["questions"]]
            return score_bowvec(nlp, standard, qs, alone(qs))

        return in_context, by_text, nlp
    if base in ("ens", "cnn"):
        nlp = train_textcat(data, base, epochs=kw.get("e", 4), width=kw.get("w", 64), depth=kw.get("d", 2))

        def scorer(batch):
            return train_blame.score(nlp, [q for q, _ in batch["questions"]])

        return scorer, scorer, nlp
    raise SystemExit(f"unknown variant {variant!r}")


def best_of(fold, asked: list[float]) -> list[float | None]:
    """Per labeled sentence of ``fold`` (held_out's order): the highest score of a question
    landing in it, None if none does."""
    out: list[float | None] = []
    k = 0
    for name in fold:
        batch = collect(name)
        best: list[float | None] = [None] * len(batch["gold"])
        for _, i in batch["questions"]:
            p = asked[k]
            k += 1
            if i >= 0:
                best[i] = p if best[i] is None else max(best[i], p)
        out += best
    assert k == len(asked)
    return out


def cv(variant: str, with_alone: bool, only: list[int] | None = None) -> dict:
    """The grouped estimate of ``variant`` on the folds numbered ``only`` (1..9; default all),
    each fold's entry written to ``$BLAME_STUDY_CACHE/tensor-<variant>-fold<k>.json`` as it
    ends (so folds may run in separate processes, and a run cut short keeps its folds)."""
    train_on = train_blame.batches()
    train_blame.FEATURES = "negation"
    folds = []
    for number, fold in enumerate(train_blame.FOLDS, 1):
        if only and number not in only:
            continue
        started = time.perf_counter()
        data = train_blame.examples(include=[n for n in train_on if n not in fold])
        if variant.startswith("bowvec"):
            alone([t for t, _ in data])  # vectors first: not part of the training time
        started = time.perf_counter()
        in_context, by_text, nlp = build(variant, data)
        trained = time.perf_counter() - started
        if variant == "bow":  # kept, to replay older questions through the same fold models
            nlp.to_disk(blame_study.CACHE / f"bow-fold-{number}")
        gold, rules, fired, names, asked = train_blame.held_out(fold, in_context, THRESHOLDS)
        entry = {
            "fold": list(fold),
            "trained_on": len(data),
            "train_seconds": round(trained, 1),
            "gold": "".join("1" if g else "0" for g in gold),
            "rules": "".join("1" if r else "0" for r in rules),
            "names": names,
            "asked": [round(p, 6) for p in asked],
            "best": best_of(fold, asked),
            **{f"wired {t}": train_blame._pr(gold, fired[t]) for t in THRESHOLDS},
        }
        if with_alone and variant.startswith("bowvec"):
            _, _, _, _, asked_alone = train_blame.held_out(fold, by_text, THRESHOLDS)
            entry["best alone"] = best_of(fold, asked_alone)
        folds.append(entry)
        path = blame_study.CACHE / f"tensor-{variant}-fold{number}.json"
        path.write_text(json.dumps(entry), encoding="utf-8")
        print(
            f"{variant} fold {','.join(fold)}: {len(data)} sentences, trained in {trained:.0f}s, "
            f"{time.perf_counter() - started:.0f}s in all; 0.8 {entry['wired 0.8']}",
            file=sys.stderr,
            flush=True,
        )
    return {"variant": variant, "folds": folds}


# -- pooled figures ----------------------------------------------------------------------


def flagged(gold: str, rules: str, best, t: float) -> list[bool]:
    return [r == "1" or (b is not None and b >= t) for r, b in zip(rules, best)]


def figures(entries: list[dict], t: float, key: str = "best") -> dict:
    gold = [g == "1" for e in entries for g in e["gold"]]
    got = [f for e in entries for f in flagged(e["gold"], e["rules"], e[key], t)]
    return train_blame._pr(gold, got)


def at_precision(entries: list[dict], target: float, key: str = "best") -> dict:
    """The lowest threshold (of the scores seen) whose pooled precision is at least
    ``target``, and the figures there (an after-the-fact threshold: for comparing models at
    equal precision, not for shipping); precision is computed unrounded."""
    gold = [g == "1" for e in entries for g in e["gold"]]
    rules = [r == "1" for e in entries for r in e["rules"]]
    best = [b for e in entries for b in e[key]]
    tp = sum(g and r for g, r in zip(gold, rules))
    fp = sum(r and not g for g, r in zip(gold, rules))
    extra = sorted(((b, g) for b, g, r in zip(best, gold, rules) if b is not None and not r), reverse=True)
    chosen = 1.0 + 1e-9
    k = 0
    while k < len(extra):
        t = extra[k][0]
        dtp = dfp = 0
        j = k
        while j < len(extra) and extra[j][0] == t:
            dtp += extra[j][1]
            dfp += not extra[j][1]
            j += 1
        if (tp + dtp) / (tp + dtp + fp + dfp) >= target:
            chosen = t
        tp, fp, k = tp + dtp, fp + dfp, j
    row = figures(entries, chosen, key)
    row["threshold"] = round(chosen, 4)
    return row


def report(variants: list[str]) -> dict:
    runs = {}
    for v in variants:
        if v.startswith("avg:"):  # the mean of two variants' scores, question by question
            parts = [runs[p] for p in v[4:].split("+")]
            runs[v] = []
            for entries in zip(*parts):
                entry = dict(entries[0], train_seconds=sum(e["train_seconds"] for e in entries))
                entry["asked"] = [sum(ps) / len(ps) for ps in zip(*(e["asked"] for e in entries))]
                entry["best"] = best_of(entry["fold"], entry["asked"])
                entry.pop("best alone", None)
                runs[v].append(entry)
            continue
        path = blame_study.CACHE / f"tensor-{v}.json"
        if path.exists():
            runs[v] = json.loads(path.read_text(encoding="utf-8"))["folds"]
        else:  # fold by fold (``cv --folds``), in FOLDS order
            parts = [
                blame_study.CACHE / f"tensor-{v}-fold{k}.json" for k in range(1, len(train_blame.FOLDS) + 1)
            ]
            runs[v] = [json.loads(p.read_text(encoding="utf-8")) for p in parts if p.exists()]
    runs = {v: entries for v, entries in runs.items() if entries}
    base = runs["bow"]
    ship = figures(base, SHIPPED_THRESHOLD)
    target = ship["tp"] / (ship["tp"] + ship["fp"])
    out = {"target precision": round(target, 4), "variants": {}}
    for v, entries in runs.items():
        keys = ["best"] + (["best alone"] if "best alone" in entries[0] else [])
        for key in keys:
            name = v if key == "best" else f"{v} (questions alone)"
            eq = at_precision(entries, target, key)
            row = {
                "folds": len(entries),
                "train_seconds": [e["train_seconds"] for e in entries],
                **{f"at {t}": figures(entries, t, key) for t in THRESHOLDS},
                "at equal precision": eq,
                **{f"at precision {p}": at_precision(entries, p, key) for p in CURVE},
                "per fold at 0.8": [figures([e], SHIPPED_THRESHOLD, key) for e in entries],
                "per fold at equal precision": [figures([e], eq["threshold"], key) for e in entries],
            }
            late = [e for e in entries if all(n[1] == "2" and n[0] in "defghijk" for n in e["fold"])]
            if late:
                row["d2..k2 at 0.8"] = figures(late, SHIPPED_THRESHOLD, key)
                row["d2..k2 at equal precision"] = figures(late, eq["threshold"], key)
            out["variants"][name] = row
    return out


def print_report(result: dict) -> None:
    print(f"target precision (bow at {SHIPPED_THRESHOLD}): {result['target precision']}")
    for name, row in result["variants"].items():
        print(
            f"== {name} ({row['folds']} folds; training {min(row['train_seconds']):.0f}"
            f" to {max(row['train_seconds']):.0f} s a fold)"
        )
        for t in THRESHOLDS:
            print(train_blame.figures_line(f"  at {t:<5}", row[f"at {t}"]))
        eq = row["at equal precision"]
        print(train_blame.figures_line(f"  eqP t={eq['threshold']:.3f}", eq))
        for p in CURVE:
            row_p = row[f"at precision {p}"]
            print(train_blame.figures_line(f"  P>={p} t={row_p['threshold']:.3f}", row_p))
        for label in ("per fold at 0.8", "per fold at equal precision"):
            rec = [r["recall"] for r in row[label]]
            pre = [r["precision"] for r in row[label]]
            tpfp = " ".join(f"{r['tp']}/{r['fp']}" for r in row[label])
            print(
                f"  {label}: R {min(rec):.3f}..{max(rec):.3f} P {min(pre):.3f}..{max(pre):.3f}  tp/fp {tpfp}"
            )
        for label in ("d2..k2 at 0.8", "d2..k2 at equal precision"):
            if label in row:
                print(train_blame.figures_line(f"  {label:26}", row[label]))


# -- cost -----------------------------------------------------------------------------------


def cost(variants: list[str]) -> dict:
    """Scoring time of 1,000 questions one at a time (as the rule asks: one sentence a call)
    and size in bytes, per variant. ``bow`` is the first fold's model as ``cv`` saved it;
    the others are trained for the purpose on 1,000 training sentences, 1 epoch (time and
    size do not depend on how well a model is trained). ``bowvec`` is timed with what the
    rule would add: pooling the sentence's rows of ``doc.tensor`` (questions parsed in
    their batches' documents are not at hand here, so each question is parsed alone first,
    outside the timing)."""
    import spacy

    fold = train_blame.FOLDS[0]
    train_blame.FEATURES = "negation"
    data = train_blame.examples(include=[n for n in train_blame.batches() if n not in fold])[:1000]
    questions: list[str] = []
    for name in fold:
        questions += [q for q, _ in collect(name)["questions"]]
    questions = questions[:1000]
    parsed = list(engine_pipeline().pipe(questions, batch_size=64))
    out = {}
    started = time.perf_counter()
    with engine_pipeline().select_pipes(enable=["tok2vec"]):
        for doc in engine_pipeline().pipe([t for t, _ in data], batch_size=256):
            pool(doc)
    out["tok2vec over 1,000 training sentences, alone (bowvec's training vectors)"] = round(
        (time.perf_counter() - started) * 1000 / len(data), 3
    )
    print(out, flush=True)
    epochs = train_blame.EPOCHS
    for variant in variants:
        base, kw = options(variant)
        train_blame.EPOCHS = 1
        try:
            if base == "bow":
                nlp = spacy.load(blame_study.CACHE / "bow-fold-1")
            elif base == "bowvec":
                vectors = alone([t for t, _ in data])
                nlp, standard = train_bowvec(data, vectors, hidden=kw.get("h", 0))
            else:
                nlp = train_textcat(data, base, epochs=1, width=kw.get("w", 64), depth=kw.get("d", 2))
        finally:
            train_blame.EPOCHS = epochs
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            if base == "bowvec":
                textcat = nlp.get_pipe("textcat")
                for q, doc in zip(questions, parsed):
                    d = nlp.make_doc(_features(q))
                    d.user_data["pooled"] = standard(pool(list(doc))[None, :])[0]
                    textcat(d).cats["BLAME"]
            else:
                for q in questions:
                    nlp(_features(q)).cats["BLAME"]
            runs.append(time.perf_counter() - started)
        out[variant] = {
            "questions": len(questions),
            "seconds per 1000": [round(r * 1000 / len(questions), 3) for r in runs],
            "pipeline bytes": len(nlp.to_bytes()),
            "textcat model bytes": len(nlp.get_pipe("textcat").model.to_bytes()),
            "parameters": sum(
                int(np.prod(n.get_param(p).shape))
                for n in nlp.get_pipe("textcat").model.walk()
                for p in n.param_names
                if n.has_param(p)
            ),
        }
        print(variant, out[variant], flush=True)
    return out


def main(argv: list[str]) -> int:
    command = argv[0]
    if command == "collect":
        for name in train_blame.fold_batches():
            started = time.perf_counter()
            batch = collect(name)
            print(
                f"{name}: {len(batch['questions'])} questions, {time.perf_counter() - started:.0f}s",
                flush=True,
            )
        alone([t for t, _ in train_blame.examples()])  # every training sentence, alone
        return 0
    variants = argv[1].split(",")
    if command == "cv":
        only = [int(k) for k in argv[argv.index("--folds") + 1].split(",")] if "--folds" in argv else None
        for v in variants:
            result = cv(v, with_alone="--alone" in argv, only=only)
            if only is None:
                path = blame_study.CACHE / f"tensor-{v}.json"
                path.write_text(json.dumps(result), encoding="utf-8")
        return 0
    if command == "report":
        result = report(variants)
        print_report(result)
        out = os.environ.get("BLAME_TENSOR_OUT")
        if out:
            Path(out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        return 0
    if command == "cost":
        cost(variants)
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
