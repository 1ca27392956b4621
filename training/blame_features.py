"""Study (session 6): do features read from the engine's parse make the blame model generalise?

Candidates (``reading`` below; ``negation`` is ``blamelint.rules.checks.blame.model.features``):

- ``negation``: the shipped kind, the sentence's text with negated words marked;
- ``persons``: the same words over the parse's tokens, every person or team other than the
  writer (the rule's lexicon, in the document) written as one ``PERSON``;
- ``relations``: ``persons`` plus what the parse says people did (``P_subj_<verb>``,
  ``<verb>_obj_<noun>``, ``P_is_<adjective>``, ``P_adv_<adverb>``).

Same nine folds as ``train_blame.py --cv`` (``train_blame.FOLDS``), each trained on
corpora/sentences and the listed batches (``blame-batches.txt``) outside the fold, same seed,
epochs and model; the held-out batches are run through the rule as wired, in context
(``blame_study.collect``, which keeps each question's readings).

Training text for a parse kind: every labeled sentence of a document batch is read from the
linter's own parse of its document (a stand-in rule records the reading of every spaCy
sentence; a labeled sentence gets the readings of the spaCy sentences that start in it and lie
inside it); one the parse gives no such sentence, and each sentence of corpora/sentences (no
document), is parsed alone as a one-line document.

    .venv/bin/python training/blame_features.py readings collect   # lint the fold batches once
    .venv/bin/python training/blame_features.py readings all       # the training readings
    .venv/bin/python training/blame_features.py cv negation,persons,relations

Measured in session 6 and not shipped (training/README.md, "features read from the parse"):
neither kind lifts recall at 0.8 by more than half a point, and both cost precision. The
feature code stays here, in the study script; the rule and its card are unchanged.
"""

from __future__ import annotations

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

import blame_study  # noqa: E402
import train_blame  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
"""Fixed before any figure was seen; the decision reads 0.8 (the shipped card's) and 0.7."""


PARSED = ("persons", "relations")
"""Kinds of features read from the rule's parse of the sentence (``reading``), not its text."""

PERSON = "PERSON"
"""What ``persons`` writes for a person or team other than the writer."""

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def reading(lex, tokens: list, kind: str) -> str:
    """The text the classifier reads for a parse kind of features (training and lint time
    alike: the sentence as the document's parse gives it, ``lex`` in the document).

    ``persons``: the negation-marked words (as ``model.features``'s ``negation``, over the parse's
    tokens), every run of tokens that names a person or team other than the writer
    (``model.other_person``) written as one ``PERSON``, so "Dana ignored the page" and "the DBA
    ignored the page" share their features. ``relations``: that, then what the parse says
    people did: ``P_subj_<lemma>`` for a verb or adjective whose subject (or passive agent)
    is such a person (``P_subj_not_<lemma>`` when negated; shared by its conjuncts and open
    complements: "failed to read" gives ``fail`` and ``read``), ``<verb>_obj_<lemma>`` for
    its object, ``P_is_<lemma>`` for an adjective said of the person, ``P_adv_<lemma>`` for
    an adverb on the person's verb."""
    from blamelint.rules.checks.blame import model

    if kind not in PARSED:
        raise ValueError(f"unknown parse features {kind!r}")
    people = [model.other_person(lex, t) for t in tokens]
    named = _whole_words(tokens, people)
    out: list[str] = []
    negated = False
    for k, tok in enumerate(tokens):
        if tok.is_space:
            continue
        low = tok.lower_
        if named[k]:
            if k == 0 or not named[k - 1]:
                out.append("not_" + PERSON if negated else PERSON)
        elif low in model.SCOPE_ENDS:
            negated = False
            out.append(tok.text)
        elif low in model.NEGATION_CUES:
            negated = True
            out.append(low)
        else:
            out.append("not_" + low if negated else tok.text)
    if kind == "relations":
        base = tokens[0].i
        out.extend(relations([t for t, p in zip(tokens, people) if p], base, base + len(tokens)))
    return " ".join(out)


def _whole_words(tokens: list, people: list[bool]) -> list[bool]:
    """``people`` widened to whole written words ("on-call" is three tokens, one of them the
    person) and joined across adjacent tokens, so a run of them is one ``PERSON``; a
    possessive "'s" stays a word of its own."""
    groups: list[list[int]] = []
    for k, tok in enumerate(tokens):
        prev = tokens[k - 1] if k else None
        joined = (
            prev is not None
            and prev.whitespace_ == ""
            and tok.dep_ != "case"
            and ("-" in (tok.text, prev.text) or not (tok.is_punct or prev.is_punct))
        )
        if joined:
            groups[-1].append(k)
        else:
            groups.append([k])
    named = [False] * len(tokens)
    for group in groups:
        if any(people[k] for k in group):
            for k in group:
                named[k] = True
    return named


def relations(people: list, start: int, end: int) -> list[str]:
    """The ``relations`` feature words of the predicates whose subject (or passive agent)
    is one of ``people`` (tokens of the sentence start..end)."""
    preds = []
    for tok in people:
        if tok.dep_ in SUBJECTS:
            preds.append(tok.head)
        elif tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            preds.append(tok.head.head)  # "the page was ignored by the DBA"
    seen: set[int] = set()
    words: list[str] = []
    preds = [(p, False) for p in preds]
    while preds:
        pred, inherited = preds.pop(0)
        if pred.i in seen or not start <= pred.i < end:
            continue
        seen.add(pred.i)
        negative = inherited or any(c.dep_ == "neg" for c in pred.children)
        neg = "not_" if negative else ""
        lemma = _lemma(pred)
        if pred.pos_ in ("VERB", "ADJ") or (pred.pos_ == "AUX" and pred.lemma_ != "be"):
            words.append(f"P_subj_{neg}{lemma}")
        for child in pred.children:
            if child.dep_ in ("acomp", "attr") and child.pos_ in ("ADJ", "NOUN"):
                words.append(f"P_is_{neg}{_lemma(child)}")
            elif child.dep_ == "dobj":
                words.append(f"{lemma}_obj_{_lemma(child)}")
            elif child.dep_ == "advmod" and child.pos_ == "ADV":
                words.append(f"P_adv_{_lemma(child)}")
            elif child.dep_ in ("xcomp", "conj") and child.pos_ in ("VERB", "ADJ"):
                if not any(c.dep_ in SUBJECTS for c in child.children):
                    # "failed to read", "did not bother to read" (negated with it),
                    # "ignored the page and went to bed"
                    preds.append((child, negative and child.dep_ == "xcomp"))
    return words


def _lemma(tok) -> str:
    return tok.lemma_.lower().replace(" ", "_")


def _recording_linter(kinds):
    """A linter whose blame rule reports every sentence it checks, with a message that indexes
    ``read`` (the readings of that sentence, one per kind)."""
    from blamelint.rules.base import Match
    from blamelint.rules.checks import blame as rule

    read: list[dict] = []

    def check_sentence(self, sent, block):
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            return
        read.append(
            {"text": " ".join(sent.text.split()), **{k: reading(self.lex, list(sent), k) for k in kinds}}
        )
        yield Match(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), f"#R{len(read) - 1}", None)

    rule.Blame.check_sentence = check_sentence
    return train_blame._linter({"model": "off"}), read


def readings(name: str | None) -> list[dict | None]:
    """For each labeled sentence of batch ``name`` (None: corpora/sentences, in
    ``train_blame.examples`` order), its reading per parse kind."""
    from blamelint.postmortem.load import parse_source
    from blamelint.rules.checks import blame as rule

    key = blame_study._rules_key(name) if name else blame_study._rules_key("a1") + "-sentences"
    path = blame_study.CACHE / f"readings-{name or 'sentences'}-{key}-v1.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    shipped = rule.Blame.check_sentence
    try:
        linter, read = _recording_linter(PARSED)
        if name is None:
            rows = []
            for p in sorted(train_blame.SENTENCES.glob("*.jsonl")):
                rows.extend(train_blame.read_jsonl(p))
            out: list[dict | None] = [None] * len(rows)
        else:
            rows = train_blame.read_jsonl(train_blame.DOCUMENTS / name / "sentences.jsonl")
            got: list[list[dict]] = [[] for _ in rows]
            for document, where in train_blame.batch_documents(name, rows):
                for finding in linter.lint_document(document):
                    i = where(finding)
                    if i >= 0 and finding.message.startswith("#R"):
                        r = read[int(finding.message[2:])]
                        if r["text"] in rows[i]["text"]:  # a spaCy sentence inside the labeled one
                            got[i].append(r)
            out = [{k: " ".join(r[k] for r in g) for k in PARSED} if g else None for g in got]
        alone = [i for i, r in enumerate(out) if r is None]
        for i in alone:
            read.clear()
            linter.lint_document(parse_source("alone.md", rows[i]["text"] + "\n"))
            out[i] = {k: " ".join(r[k] for r in read) for k in PARSED}
        print(
            f"readings {name or 'sentences'}: {len(rows)} sentences, {len(alone)} parsed alone",
            file=sys.stderr,
        )
    finally:
        rule.Blame.check_sentence = shipped
    blame_study.CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


def examples(kind: str, include: list[str]) -> list[tuple[str, bool]]:
    """(what the classifier reads, is blame), in ``train_blame.examples`` order."""
    texts = train_blame.examples(include=include)
    if kind not in PARSED:
        return texts
    reads = list(readings(None))
    for name in sorted(include):
        reads += readings(name)
    assert len(reads) == len(texts)
    return [(r[kind], y) for r, (_, y) in zip(reads, texts)]


def questions(batch: dict, kind: str) -> list[str]:
    """What the classifier reads of each question of ``batch``: its text (a text kind) or
    its reading (a parse kind)."""
    if kind in PARSED:
        return [r[kind] for r in batch["readings"]]
    return [q for q, _ in batch["questions"]]


def cv(kinds: list[str]) -> dict:
    train_on = train_blame.batches()
    result = {}
    for kind in kinds:
        train_blame.FEATURES = kind if kind not in PARSED else "words"  # parse kinds: text already read
        runs = []  # per fold: gold, rules, wired at each threshold, batch names, scores
        for fold in train_blame.FOLDS:
            started = time.perf_counter()
            data = examples(kind, [n for n in train_on if n not in fold])
            nlp = train_blame.train(data)

            def scorer(batch, nlp=nlp, kind=kind):
                return train_blame.score(nlp, questions(batch, kind))

            runs.append(train_blame.held_out(fold, scorer, THRESHOLDS))
            at = train_blame._pr(runs[-1][0], runs[-1][2][0.8])
            print(
                f"{kind} fold {','.join(fold)}: {len(data)} sentences, "
                f"{time.perf_counter() - started:.0f}s; 0.8 {at}",
                file=sys.stderr,
                flush=True,
            )
        gold = [g for run in runs for g in run[0]]
        rules = [r for run in runs for r in run[1]]
        fired = {t: [f for run in runs for f in run[2][t]] for t in THRESHOLDS}
        batch_of = [b for run in runs for b in run[3]]
        asked = [p for run in runs for p in run[4]]
        per_fold = {
            ",".join(fold): {f"wired {t}": train_blame._pr(run[0], run[2][t]) for t in THRESHOLDS}
            for fold, run in zip(train_blame.FOLDS, runs)
        }
        late = [i for i, b in enumerate(batch_of) if b[1] == "2" and b[0] in "defghijk"]  # d2..k2
        result[kind] = {
            "all": {
                "rules alone": train_blame._pr(gold, rules),
                **{f"wired {t}": train_blame._pr(gold, fired[t]) for t in THRESHOLDS},
            },
            "d2..k2": {
                "rules alone": train_blame._pr([gold[i] for i in late], [rules[i] for i in late]),
                **{
                    f"wired {t}": train_blame._pr([gold[i] for i in late], [fired[t][i] for i in late])
                    for t in THRESHOLDS
                },
            },
            "per_fold": per_fold,
            "wired": {str(t): "".join("1" if f else "0" for f in got) for t, got in fired.items()},
            "asked": [round(p, 6) for p in asked],
        }
    return result


def main(argv: list[str]) -> int:
    command, kinds = argv[0], argv[1].split(",")
    if command == "readings":  # fill the caches: the training readings, or (collect) the lint of each batch
        for name in [None, *sorted({n for f in train_blame.FOLDS for n in f})]:
            if kinds == ["collect"]:
                if name is not None:
                    blame_study.collect(name)
            else:
                readings(name)
        return 0
    result = cv(kinds)
    out = Path(os.environ.get("BLAME_FEATURES_OUT", blame_study.CACHE / f"features-{'+'.join(kinds)}.json"))
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    for kind, parts in result.items():
        for part in ("all", "d2..k2"):
            for name, row in parts[part].items():
                print(train_blame.figures_line(f"{kind:10} {part:7} {name:12}", row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
