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
    if obj is not None and adj is not None and lex.person(obj) and not is_negated(tok):
        return "fault", tok, adj  # not "I don't hold him responsible"
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


POSSESSIVE_PRONOUNS = frozenset({"theirs", "his", "hers", "yours"})


def theirs(lex: BlameLexicon, tok):
    """ "This failure is theirs", "the outage is his": the incident said to
    belong to a person (not "the laptop is his")."""
    if tok.lower_ not in POSSESSIVE_PRONOUNS or tok.dep_ != "attr":
        return None
    verb = tok.head
    subj = clause_subject(verb)
    if verb.lemma_ != "be" or subj is None or is_negated(verb):
        return None
    if lex.is_incident(subj) and any(c.lower_ in ("this", "that", "the") for c in subj.children):
        return "fault", subj, tok
    if lex.this_one(subj):
        return "fault", subj, tok
    return None


def placed_blame(lex: BlameLexicon, tok):
    """ "I am putting the blame where it belongs, on one team", "lay the blame
    on ops", "Support shares some of the blame": blame placed on a person."""
    if tok.lemma_.lower() != "blame" or tok.pos_ != "NOUN":
        return None
    blame, verb = tok, tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "of" and verb.head.pos_ in ("NOUN", "PRON", "NUM"):
        tok = verb.head  # "some of the blame"
        verb = tok.head
    if tok.dep_ != "dobj" or verb.pos_ != "VERB" or is_negated(verb):
        return None
    lemma = verb.lemma_.lower()
    if lemma in lex.data.blame_placing_verbs:
        target = next(
            (
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "on"
                for p in c.children
                if p.dep_ == "pobj"
            ),
            None,
        )
        belongs = any(t.lemma_ == "belong" for t in verb.subtree)
        if (target is not None and lex.person(target)) or belongs:
            return "fault", verb, blame
        return None
    if lemma in lex.data.blame_bearing_verbs and lex.person(clause_subject(verb)):
        return "fault", verb, blame
    return None


def belongs(lex: BlameLexicon, tok):
    """ "Ownership of this failure belongs to the platform team", "This one
    belongs to them": the incident given to a person."""
    if tok.lemma_ != "belong" or tok.pos_ != "VERB" or is_negated(tok):
        return None
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    subj = clause_subject(tok)
    if obj is None or subj is None or not lex.person(obj):
        return None
    if subj.lemma_.lower() in lex.data.responsibility_nouns or lex.this_one(subj):
        return "fault", subj, obj
    if subj.lemma_.lower() == "ownership":
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        what = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if what is not None and (lex.is_incident(what) or what.lower_ in ("this", "it")):
            return "fault", subj, obj
    return None


OWNED_FAILURES = frozenset({"failure", "mess", "outage"})


def owns_failure(lex: BlameLexicon, tok):
    """ "Growth owns this one, not the tooling", "The payments team owns this
    failure": the incident handed to a person as theirs (not "owns the
    incident review", nor the incident commander's "owns the incident")."""
    if tok.lemma_ != "own" or tok.pos_ != "VERB" or is_negated(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.lower_ in ("this", "that") for c in obj.children):
        return None
    if not (lex.this_one(obj) or obj.lemma_.lower() in OWNED_FAILURES):
        return None
    subj = clause_subject(tok)
    if subj is None or subj.lower_ in ("i", "we") or not lex.person(subj):
        return None
    return "fault", tok, obj


def named_cause(lex: BlameLexicon, tok):
    """ "The root cause is the billing team", "The culprit was the new
    contractor": a person given as what caused the incident (not "the cause
    was a stale lock", nor "the cause was not the on-call", nor "the cause was
    a vendor that could not carry the load", which says what they did)."""
    if tok.dep_ != "attr" or not lex.person(tok) or tok.lower_ in ("i", "we", "me", "us"):
        return None
    verb = tok.head
    subj = clause_subject(verb)
    if verb.lemma_ != "be" or subj is None or is_negated(verb):
        return None
    if subj.lemma_.lower() not in lex.data.cause_nouns or any(c.dep_ == "neg" for c in tok.children):
        return None
    if any(c.dep_ in ("relcl", "acl") for c in tok.children):
        return None  # "a vendor that could not carry our traffic": what they did, a plain account
    return "fault", subj, tok


DISOWNING_VERBS = frozenset({"treat", "think", "consider", "regard", "see", "believe", "assume", "act"})


def disowned(lex: BlameLexicon, tok):
    """A person who holds a duty to be someone else's: "Orders treats every
    migration as someone else's problem", "the new hires seem to think
    operations is somebody else's job" (not "alerting is someone else's job
    now: the platform team owns it", a plain handover)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ("problem", "job", "responsibility", "concern"):
        return None
    owner = next((c for c in tok.children if c.dep_ in ("poss", "nmod")), None)
    if owner is None or not any(c.lower_ == "else" for c in owner.children):
        return None
    for verb in tok.ancestors:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in DISOWNING_VERBS:
            continue
        subj = clause_subject(verb)
        if subj is None or subj.lower_ in ("i", "we") or is_negated(verb) or not lex.person(subj):
            return None
        return "judgment", verb, tok
    return None


def writer_blames(lex: BlameLexicon, tok):
    """The writer laying the incident on a person: "I blame the DBA team for
    this", "I am pinning this outage on the platform team" (not "we do not
    blame Ravi", "the draft blamed the load balancer", nor "we pinned the
    version on the old release")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in ("blame", "pin") or is_negated(tok):
        return None
    verb = tok
    while verb.dep_ == "xcomp" and verb.head != verb:
        verb = verb.head
        if is_negated(verb):
            return None  # "We are not going to blame one engineer"
    subj = clause_subject(tok)
    if subj is None or subj.lower_ not in ("i", "we") or tok.tag_ not in ("VBP", "VBG", "VB"):
        return None  # the writer, now: "I blame", "I am pinning", "I'd blame"
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if lemma == "blame":
        target = obj
    else:
        if obj is None or not (
            lex.is_incident(obj) or obj.lower_ in ("it", "this", "that") or lex.this_one(obj)
        ):
            return None
        target = next(
            (p for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children), None
        )
    if target is None or target.lower_ in ("me", "us", "myself", "ourselves") or not lex.person(target):
        return None
    return "fault", tok, target
