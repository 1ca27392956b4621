"""The blame rule's words (rules/data/blame.yaml, validated by ``BlameData``)
compiled once, with the readings its detectors share: is this a person, who is
the subject or doer of a verb, is a verb under a modal of obligation."""

from __future__ import annotations

import copy
from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import BlameData
from blamelint.grammar.clauses import agent_noun, clause_subject, implied_subject, is_passive
from blamelint.grammar.people import People
from blamelint.grammar.phrases import PhraseIndex, words_of

MODALS = frozenset({"should", "must", "ought", "need", "have", "has", "had", "got"})
SELF = frozenset({"i", "we", "me", "us"})
PAST_TAGS = frozenset({"VBD", "VBN"})
CONDITIONS = frozenset({"if", "when", "unless", "whenever"})


class BlameLexicon:
    """``data`` (the word sets as validated) plus the phrase indexes and verb
    frames built from its ordered lists."""

    def __init__(self, data: BlameData):
        self.data = data
        self.judgments = PhraseIndex(data.judgments)
        self.exceptions = PhraseIndex(data.exceptions)
        self.person_phrases = PhraseIndex(data.person_phrases)
        self.admonitions = PhraseIndex(data.admonitions)
        self.sarcasm = PhraseIndex(data.sarcasm_markers)
        self.omissions = PhraseIndex(data.omission_idioms)
        self.person_verbs: dict[str, list[tuple[str, ...]]] = {}
        for phrase in (*data.person_verbs, *sorted(data.mishandling_verbs)):
            words = words_of(phrase)
            self.person_verbs.setdefault(words[0], []).append(words[1:])
        self.sanctions = [words_of(p) for p in data.sanction_verbs]
        self.diligence = frozenset(" ".join(words_of(p)).replace(" - ", "-") for p in data.diligence_gerunds)
        self.people = People()

    def in_document(self, text: str) -> BlameLexicon:
        """A copy whose person test also knows the people and systems of one
        document (see grammar/cast.py)."""
        other = copy.copy(self)
        other.people = self.people.in_document(text)
        return other

    def person(self, tok) -> bool:
        if tok == "you":
            return True
        if tok is not None and tok.dep_ in ("csubj", "csubjpass"):
            tok = clause_subject(tok)  # "Whoever wrote this migration ..."
        group = self.group_of(tok)
        if group is not None:
            return self.people.is_person(group)  # "some of you", "half of the reviewers"
        return self.people.is_person(tok) or self.on_call_of(tok) or self.support_tier(tok)

    def support_tier(self, tok) -> bool:
        """ "first-line support", "the vendor's second-line agent", "tier-one
        support": a tier of support is people (but "IPv6 support", "the
        monitoring agent" are features and programs)."""
        if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.data.support_nouns:
            return False
        return any(c.dep_ == "compound" and c.lower_ in ("line", "tier", "level") for c in tok.children)

    def on_call_of(self, tok) -> bool:
        """ "the payments on-call", parsed as "payments" with "on call" hanging
        from it: the on-call of a team or service (not a thing on a determined place:
        "the laptop on the desk")."""
        if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        return any(
            c.dep_ == "prep"
            and c.lower_ == "on"
            and any(
                p.dep_ == "pobj" and self.people.is_role(p) and not any(d.dep_ == "det" for d in p.children)
                for p in c.children
            )
            for c in tok.children
        )

    def group_of(self, tok):
        """The group a partitive takes some of: "some of you", "none of the
        reviewers" (None when ``tok`` is not such a partitive)."""
        if tok is None or tok.lower_ not in self.people.partitives:
            return None
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None

    def subject(self, verb):
        """The subject, or the understood doer of an imperative or a gerund."""
        subj = clause_subject(verb)
        return subj if subj is not None else implied_subject(verb)

    def doer(self, verb):
        """Who did ``verb``: its subject, or a passive's agent."""
        if is_passive(verb):
            return agent_noun(verb)
        return clause_subject(verb)

    @staticmethod
    def past_passive(verb) -> bool:
        return any(c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN") for c in verb.children)

    @staticmethod
    def narrated(verb, target) -> bool:
        """A present passive that narrates one event ("The ticket is ignored.")
        rather than states a rule ("The alert is ignored if the node is
        draining", "Warnings are ignored"): a definite singular signal and no
        condition."""
        definite = any(
            c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "our", "their", "his", "her")
            for c in target.children
        )
        return definite and target.tag_ == "NN" and not BlameLexicon.conditional(verb)

    @staticmethod
    def conditional(verb) -> bool:
        """``verb`` holds under a condition ("is ignored if the node is draining"):
        a rule, not one event."""
        return any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
            for c in verb.children
        )

    def aspired(self, pred) -> bool:
        """ "We want to be more thorough": an aim, not an admonition (but
        "Engineers should try to be more careful" admonishes)."""
        head = pred.head
        return (
            pred.dep_ == "xcomp"
            and head.lemma_.lower() in self.data.aspiration_verbs
            and not self.admonished(head)
        )

    @staticmethod
    def admonished(verb) -> bool:
        """``verb`` follows a modal of obligation or "need to"/"have to"."""
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in MODALS | {"should", "must"}:
                return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_ in ("need", "have", "ought"):
            return True
        if (
            verb.dep_ in ("xcomp", "ccomp")
            and head.lemma_ == "expect"
            and any(c.dep_ in ("dobj", "nsubj") for c in verb.children)
        ):
            return True  # "I expect the team to stop ..."
        return False

    def owner(self, tok):
        """Whose ``tok`` is: "the DBA's mistake", or "an oversight on our part"."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                part = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_ == "part"), None)
                if part is not None:
                    return next((c for c in part.children if c.dep_ == "poss"), None)
        return None

    @staticmethod
    def this_one(tok) -> bool:
        """ "this one", "that one": the incident."""
        return tok.lower_ == "one" and any(c.lower_ in ("this", "that") for c in tok.children)

    @classmethod
    def part_of_this(cls, tok) -> bool:
        """ "that part", "some of that", "part of this", "most of the outage": a share
        of the incident."""
        if tok.lemma_.lower() not in SHARES:
            return False
        if any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in tok.children):
            return True
        objects = (o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children)
        return any(o.dep_ == "pobj" and (o.lower_ in INCIDENT_WORDS or cls.is_incident(o)) for o in objects)

    @staticmethod
    def is_incident(tok) -> bool:
        return tok.lemma_.lower() in ("outage", "incident", "failure", "problem", "issue", "mistake")


INCIDENT_WORDS = frozenset({"this", "that", "it"})
"""Pronouns that point back at the incident ("part of this")."""

SHARES = frozenset({"all", "bit", "half", "lot", "most", "much", "part", "piece", "portion", "share", "some"})
"""Words for a share of something ("some of that", "that part")."""


@lru_cache(maxsize=1)
def lexicon() -> BlameLexicon:
    return BlameLexicon(load(BlameData))
