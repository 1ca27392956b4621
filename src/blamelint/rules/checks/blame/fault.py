"""Fault placed on a person: "the DBA's fault", "the blame lies with ops",
"hold the engineer accountable".

Each detector takes the blame lexicon and one token and returns
``(kind, first, last)`` or None.
"""

from __future__ import annotations

from blamelint.data.models import FaultAssignment
from blamelint.grammar.clauses import (
    clause_subject,
    denied_by_copula,
    is_negated,
    is_passive,
)
from blamelint.rules.checks.blame.lexicon import BlameLexicon


def held_accountable(lex: BlameLexicon, tok):
    """ "Hold the engineer who pushed the change accountable", "Ms. Reyes will be
    held accountable", "Those responsible must be held to account"."""
    if tok.lemma_ != "hold" or tok.pos_ != "VERB":
        return None
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")), None)
    if obj is None and tok.dep_ == "conj" and is_passive(tok):
        obj = clause_subject(tok)  # "Dan will bring a plan ... and will be held personally accountable"
    adj = next(
        (c for c in tok.subtree if c.lower_ in lex.data.accountability_adjectives and c.i > tok.i), None
    )
    if adj is None:
        adj = next(
            (
                p
                for c in tok.children
                if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                for p in c.children
                if p.dep_ == "pobj" and p.lower_ == "account" and not any(True for _ in p.children)
            ),
            None,
        ) or next(  # "hold the vendor to account", read as "to account" a verb
            (c for c in tok.children if c.dep_ in ("advcl", "xcomp") and c.lower_ == "account"),
            None,
        )
    if obj is not None and obj.lower_ == "those" and any(c.dep_ in ("amod", "relcl") for c in obj.children):
        obj_is_person = True  # "those responsible", "those who approved it"
    else:
        obj_is_person = obj is not None and lex.person(obj)
    if any(c.dep_ == "dobj" and c.lower_.endswith(("self", "selves")) for c in tok.children):
        return None  # "the team held itself to account": owning, not blaming
    if adj is not None and obj_is_person and not is_negated(tok):
        return "fault", tok, adj  # not "I don't hold him responsible"
    return None


def fault(lex: BlameLexicon, tok):
    """ "It was the DBA's fault", "Bob's fault" (not "nobody's fault")."""
    if tok.lemma_.lower() not in lex.data.fault_nouns or tok.tag_ == "NNS":
        return None  # "learn from our mistakes" is a stock phrase, not a verdict
    if tok.pos_ != "NOUN" and not (tok.pos_ == "ADJ" and tok.dep_ != "amod"):
        return None  # "my bad" owns a fault; "our bad config" is a config
    owner = lex.owner(tok)
    if owner is None or owner.lower_ == "no" or owner.lower_ in lex.people.nobody:
        return None
    if owner.lower_ == "my" and tok.lemma_.lower() not in ("fault", "bad"):
        return None  # "my mistake was that copy": the writer's own plain account
    if not lex.person(owner) or denied_by_copula(tok):
        return None
    return "fault", owner, tok


def responsible(lex: BlameLexicon, tok):
    """ "The outage is squarely on the DBA team", "The blame lies with ops" (not
    the half of a contrast that takes it away: "that's on the tooling, not on Jordan")."""
    if tok.dep_ != "prep" or tok.lower_ not in ("on", "with"):
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    verb = tok.head
    if verb.lemma_ != "be" and verb.lemma_ not in lex.data.resting_verbs:
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
        or lex.part_of_this(subj)
    ):
        return None
    if verb.lemma_ != "be" and subj.lemma_.lower() not in lex.data.responsibility_nouns:
        return None
    if (
        verb.lemma_ == "be"
        and (subj.lower_ in ("this", "that", "it") or lex.this_one(subj) or lex.part_of_this(subj))
        and tok.lower_ != "on"
    ):
        return None
    return "fault", verb, obj


def assigned(lex: BlameLexicon, tok):
    """Fault given to a person or team, by one of the constructions of
    rules/data/blame.yaml (fault_assignments): "this outage is theirs",
    "responsibility for this outage belongs to the billing team", "the ingest
    team owns this failure", "support shares some of the blame", "the review put
    the blame on the night operator". The flagged words run from the fault to
    the person when the fault is the subject ("this outage is theirs"), from the
    verb to the fault when it is the object ("owns this failure")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    lemma = tok.lemma_.lower()
    for construction in lex.data.fault_assignments.values():
        if lemma not in construction.verbs or is_negated(tok):
            continue
        fault = _fault(construction, tok)
        if fault is None:
            continue
        person = _person(lex, construction, tok)
        if person is None:
            continue
        if construction.fault == "subject":
            return "fault", fault, person
        return "fault", tok, fault
    return None


INCIDENT_PRONOUNS = frozenset({"this", "it"})
"""What "ownership of ..." may point at for the incident ("ownership of this")."""
DEMONSTRATIVES = frozenset({"this", "that"})


def _fault(construction: FaultAssignment, verb):
    """The noun in the construction's fault slot, when it is a fault there."""
    if construction.fault == "subject":
        noun = clause_subject(verb)
    else:
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is not None and not _is_fault(construction, noun):
            noun = _partitive(noun)  # "shares some of the blame"
    if noun is None:
        return None
    if _is_fault(construction, noun):
        return noun
    if noun.lemma_.lower() in construction.holders:
        held = _of(noun)  # "ownership of this failure"
        if held is not None and (_is_fault(construction, held) or held.lower_ in INCIDENT_PRONOUNS):
            return noun
    return None


def _is_fault(construction: FaultAssignment, noun) -> bool:
    """A noun of fault, or the incident pointed at ("this outage", "that one";
    "the one" picks a thing out of several)."""
    lemma = noun.lemma_.lower()
    if lemma in construction.faults:
        return True
    if lemma not in construction.incidents:
        return False
    pointers = construction.pointers & DEMONSTRATIVES if noun.lower_ == "one" else construction.pointers
    return any(c.lower_ in pointers for c in noun.children)


def _of(noun):
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


NO_PART = frozenset({"none", "neither"})


def _partitive(noun):
    """ "some of the blame": the noun after "of" of a quantity; "none of the
    blame" gives none of it."""
    if noun.pos_ not in ("NOUN", "PRON", "NUM") or noun.lower_ in NO_PART:
        return None
    return _of(noun)


def _person(lex: BlameLexicon, construction: FaultAssignment, verb):
    """The person the construction gives the fault to (the verb itself when a
    clause of the construction's ``places`` stands for them: "where it belongs")."""
    slot = construction.person
    if slot == "subject":
        person = clause_subject(verb)
        if person is None or not lex.person(person):
            return None
        return None if not construction.writer and person.lower_ in ("i", "we") else person
    if slot == "attribute":
        return next(
            (c for c in verb.children if c.dep_ == "attr" and c.lower_ in construction.pronouns), None
        )
    person = next(
        (
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == slot
            for p in c.children
            if p.dep_ == "pobj"
        ),
        None,
    )
    if person is not None and lex.person(person):
        return person
    if construction.places and any(t.lemma_ in construction.places for t in verb.subtree):
        return verb
    return None


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
