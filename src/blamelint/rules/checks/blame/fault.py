"""Fault placed on a person: "the DBA's fault", "the blame lies with ops",
"hold the engineer accountable".

Each detector takes the blame lexicon and one token and returns
``(kind, first, last)`` or None.
"""

from __future__ import annotations

from blamelint.grammar.clauses import (
    clause_subject,
    denied_by_copula,
    is_negated,
)
from blamelint.rules.checks.blame.lexicon import BlameLexicon


def held_accountable(lex: BlameLexicon, tok):
    """ "Hold the engineer who pushed the change accountable"."""
    if tok.lemma_ != "hold" or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubj")), None)
    adj = next(
        (c for c in tok.subtree if c.lower_ in lex.data.accountability_adjectives and c.i > tok.i), None
    )
    if obj is not None and adj is not None and lex.person(obj):
        return "fault", tok, adj
    return None


def fault(lex: BlameLexicon, tok):
    """ "It was the DBA's fault", "Bob's fault" (not "nobody's fault")."""
    if tok.lemma_.lower() not in lex.data.fault_nouns or tok.tag_ == "NNS":
        return None  # "learn from our mistakes" is a stock phrase, not a verdict
    if tok.pos_ != "NOUN" and not (tok.pos_ == "ADJ" and tok.dep_ != "amod"):
        return None  # "my bad" owns a fault; "our bad config" is a config
    owner = lex.owner(tok)
    if owner is None or owner.lower_ in ("nobody", "noone", "no"):
        return None
    if owner.lower_ == "my" and tok.lemma_.lower() not in ("fault", "bad"):
        return None  # "my mistake was that copy": the writer's own plain account
    if not lex.person(owner) or denied_by_copula(tok):
        return None
    return "fault", owner, tok


def responsible(lex: BlameLexicon, tok):
    """ "The outage is squarely on the DBA team", "The blame lies with ops"."""
    if tok.dep_ != "prep" or tok.lower_ not in ("on", "with"):
        return None
    verb = tok.head
    if verb.lemma_ not in ("be", "lie", "rest", "fall", "sit"):
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    subj = clause_subject(verb)
    if obj is None or subj is None or not lex.person(obj) or is_negated(verb):
        return None
    if verb.lemma_ == "be" and not (
        subj.lemma_.lower() in lex.data.responsibility_nouns
        or subj.lower_ in ("this", "that", "it")
        or lex.is_incident(subj)
        or lex.this_one(subj)
    ):
        return None
    if verb.lemma_ != "be" and subj.lemma_.lower() not in lex.data.responsibility_nouns:
        return None
    if (
        verb.lemma_ == "be"
        and (subj.lower_ in ("this", "that", "it") or lex.this_one(subj))
        and tok.lower_ != "on"
    ):
        return None
    return "fault", verb, obj
