"""The blame rule's optional statistical detector: a small spaCy text classifier
(training/train_blame.py, shipped in blamelint/models/blame/) that scores a
whole sentence for blame.

It has its own blank English pipeline (tokenizer + ``textcat``), so it reads the
sentence's text only and adds nothing to the rule's ``needs``. It is loaded on
first use and kept for the life of the process (one copy per worker process).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from blamelint.errors import ConfigError
from blamelint.grammar.clauses import negative_subject
from blamelint.rules.model_options import model_settings

MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "blame"
"""The shipped model: src/blamelint/models/blame/ (blamelint/models/blame/ in the wheel)."""


@cache
def load(path: str = str(MODEL_DIR)) -> Any:
    """The classifier pipeline at ``path`` (the shipped one by default), loaded once."""
    import spacy

    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load the blame model: {exc}") from None


@cache
def card(path: str = str(MODEL_DIR)) -> dict[str, Any]:
    """The model's card (data, seed, command, figures, recommended threshold)."""
    try:
        return json.loads((Path(path) / "card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}/card.json: cannot read the blame model's card: {exc}") from None


def score(text: str, path: str = str(MODEL_DIR)) -> float:
    """The model's probability that ``text`` (one sentence) is blame, read
    through the features its card names."""
    return float(load(path)(features(text, card(path).get("features", "words"))).cats["BLAME"])


def gated(path: str = str(MODEL_DIR)) -> bool:
    """Whether the model is kept away from sentences with a negation (its card's
    ``negation_gate``; true for a model that cannot see what a negation covers)."""
    return bool(card(path).get("negation_gate", True))


def person_gated(path: str = str(MODEL_DIR)) -> bool:
    """Whether the model is asked only about sentences that mention a person
    other than the writer (its card's ``person_gate``): blame needs someone to
    blame, a sentence about systems alone ("Barnaby, our backup bot, was slow
    to respond") is where a word-count model's judgment words mislead it, and
    the writer's own account ("I approved the PR because the diff looked like
    a rename") is left to the detectors, which read "I failed to ..."."""
    return bool(card(path).get("person_gate", False))


WRITER = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})


def other_person(lex, tok) -> bool:
    """``tok`` names a person or team other than the writer. An indefinite pronoun
    that only owns something ("The scheduler treats the retry as someone else's
    problem") names nobody: the sentence is about whoever its subject is."""
    if tok.lower_ in lex.people.unnamed and tok.dep_ == "poss":
        return False
    if _signature(tok):
        return False  # "(noor) it's not anyone's fault": whoever writes the line
    return tok.lower_ not in WRITER and lex.person(tok)


def _signature(tok) -> bool:
    """``tok`` is a name in brackets opening its sentence: "(noor) ok, fair"."""
    doc = tok.doc
    before = doc[tok.sent.start : tok.i]
    return (
        tok.i > 0
        and doc[tok.i - 1].text == "("
        and not any(t.is_alpha for t in before)
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text == ")"
    )


AT_FAULT = frozenset({"blame", "fault", "it", "this", "that"})
"""What, held by someone, makes an ownership statement a verdict: the blame, the fault, or
the incident itself pointed at ("this belongs to them"). Not blame.yaml's responsibility_nouns:
"Responsibility for the billing service belongs to payments" is a map of owners."""


def ownership(lex, tokens: list) -> bool:
    """The sentence only says who owns something other than the incident ("Ownership of the
    billing service belongs to the payments team", "The search team owns the indexer",
    "Accountability for the mobile app sits with its lead", "The spare laptop is his"), in
    one clause and to someone (not "nobody owns the registry"): a map of owners names a
    team without judging it.
    The detectors read ownership of the incident ("This one belongs to them", "Growth owns
    this failure"); the model's word pairs ("belongs to", "sits with") cannot tell a service
    from a failure, so it is not asked about the rest."""
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is not None and root.lemma_ == "be":
        return _possessed(lex, root)
    slots = owning_slots(lex.data).get(root.lemma_) if root is not None else None
    if slots is None or root.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ in ("neg", "conj") for c in root.children):
        return False  # "nobody owns it, and it shows": a jab follows, or the owner is denied
    holder, thing = (_slot(root, slot) for slot in slots)
    if holder is None or thing is None or not lex.person(holder) or lex.person(thing):
        return False
    if negative(holder) or any(c.lower_ == "no" for c in holder.children):
        return False  # "nobody owns the registry", "no team owns capacity": an absence, not a map
    return not any(
        lex.is_incident(t) or lex.this_one(t) or t.lemma_.lower() in AT_FAULT for t in thing.subtree
    )


POSSESSIVE_PRONOUNS = frozenset({"his", "hers", "theirs", "yours"})


def _possessed(lex, be) -> bool:
    """ "The spare laptop on the desk is his", "The pager was Priya's": a thing said to be
    someone's, with no negation and no second clause; not a fault, a mistake or the incident
    ("The mistake was his" is a verdict, and the detectors read it)."""
    if any(c.dep_ in ("neg", "conj", "ccomp", "advcl") for c in be.children):
        return False
    holder = next((c for c in be.children if c.dep_ == "attr"), None)
    thing = next((c for c in be.children if c.dep_ == "nsubj"), None)
    if holder is None or thing is None or lex.person(thing):
        return False
    owned = holder.lower_ in POSSESSIVE_PRONOUNS or (
        lex.person(holder) and any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in holder.children)
    )
    judged = lex.data.fault_nouns | lex.data.mistake_nouns | AT_FAULT
    return owned and not any(
        lex.is_incident(t) or lex.this_one(t) or t.lemma_.lower() in judged for t in thing.subtree
    )


def owning_slots(data) -> dict[str, tuple[str, str]]:
    """Verbs that say who holds something, each with where the holder and the thing held
    sit: the ownership constructions of blame.yaml's ``fault_assignments`` ("X belongs to",
    "owns X") and its ``resting_verbs`` with "with" ("X sits / rests / lies with")."""
    slots = {verb: ("with", "subject") for verb in data.resting_verbs}
    for construction in data.fault_assignments.values():
        if construction.ownership:
            slots.update((verb, (construction.person, construction.fault)) for verb in construction.verbs)
    return slots


def _slot(verb, slot: str):
    """The word in ``slot`` of ``verb``'s clause: its subject, its object, or the object of
    the preposition named."""
    if slot == "subject":
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if slot == "object":
        return next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == slot), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


NEGATION_CUES = frozenset(
    {"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot"}
)
"""The words that open a negation in the ``negation`` features: part of what the shipped
model was trained on (its card names the features), so not read from people.yaml, whose
lists could change under a trained model."""
SCOPE_ENDS = frozenset(
    {".", ",", ";", ":", "!", "?", "(", ")", "but", "because", "since", "although", "though"}
)


def features(text: str, kind: str = "words") -> str:
    """The text the classifier reads. ``words``: the sentence as written.
    ``negation``: every word after a negation cue, up to the next clause
    boundary (punctuation or a conjunction that starts a new clause), is
    prefixed ``not_``, so that "was careless" and "was not careless" share no
    feature for the judgment word (a bag of words otherwise cannot tell them
    apart). Read from the text alone, so training and linting see the same."""
    if kind == "words":
        return text
    if kind != "negation":
        raise ConfigError(f"the blame model's card names unknown features '{kind}'")
    out = []
    negated = False
    for word in _words(text):
        low = word.lower()
        if low in SCOPE_ENDS:
            negated = False
            out.append(word)
        elif low in NEGATION_CUES:
            negated = True
            out.append(low)
        else:
            out.append("not_" + low if negated else word)
    return " ".join(out)


def _words(text: str) -> list[str]:
    """Words and punctuation, with "n't" split from its verb ("didn't" -> "did", "n't")."""
    words = []
    for chunk in re.findall(r"[\w'@#`.-]+|[^\w\s]", text):
        core = chunk.rstrip(".")
        tail = chunk[len(core) :]
        low = core.lower()
        if low.endswith("n't") and len(low) > 3:
            words.extend([core[:-3], "n't"])
        elif core:
            words.append(core)
        if tail:
            words.append(".")
    return words


def settings(options: dict[str, Any], rule_id: str) -> tuple[bool, float]:
    """(model on, threshold) from the rule's options (model_options.model_settings):
    on by default (on sealed batches it beat the rules alone), the threshold the card's."""
    return model_settings(options, rule_id, "on", lambda: card()["threshold"])


NEGATIVE_WORDS = frozenset({"no", "neither", "nor", "never"})
"""Negative words that are not pronouns (those are people.yaml's: grammar.clauses.negative_subject)."""


def negative(tok) -> bool:
    """ "no", "never", "nobody", "nothing": a word that negates what it stands in."""
    return tok.lower_ in NEGATIVE_WORDS or negative_subject(tok)


def negated(tokens: list) -> bool:
    """Whether the sentence negates anything ("not human error", "nobody was
    careless"). The model counts words and cannot tell what a negation covers,
    so it is not asked about such sentences: the detectors read negation."""
    return any(t.dep_ == "neg" or negative(t) for t in tokens)


def main_predicate(tokens: list) -> tuple[Any, Any]:
    """The first and last token of what a model finding points at: the sentence's
    root (its main predicate), or the whole sentence when the root is punctuation."""
    for tok in tokens:
        if tok.dep_ == "ROOT" and not tok.is_punct and not tok.is_space:
            return tok, tok
    words = [t for t in tokens if not t.is_punct and not t.is_space] or tokens
    return words[0], words[-1]
