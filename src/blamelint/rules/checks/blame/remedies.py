"""Remedies that punish a person rather than fix a system: re-training imposed
on someone ("Priya to redo the safety course", "Retrain the desk on the
escalation steps") and a written account demanded of someone ("the shift lead
to explain in writing why the alarm was muted").

Each detector takes the blame lexicon and one token and returns
``(kind, first, last)`` or None.
"""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject, is_negated, is_passive
from blamelint.rules.checks.blame.lexicon import SELF, BlameLexicon


def _someone_else(lex: BlameLexicon, tok) -> bool:
    """A person or team other than the writer ("we will retake the course" is
    the team choosing to learn)."""
    return tok is not None and tok.lower_ not in SELF | {"our", "my"} and lex.person(tok)


def _owed_by(verb):
    """Who must do ``verb``: its subject, or, under "ask"/"tell"/"require",
    the person asked ("asked the supervisor to explain", "asked for the
    supervisor to explain")."""
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head.lemma_ in ("ask", "tell", "require", "instruct"):
        asked = next((c for c in head.children if c.dep_ == "dobj"), None)
        if head.lemma_ == "ask":  # "asked for the supervisor to explain"
            asked = next(
                (p for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children),
                asked,
            )
        if asked is not None:
            return asked
    subj = clause_subject(verb)
    if subj is not None:
        return subj
    if verb.dep_ in ("relcl", "acl", "advcl") and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "ROOT":
        return head  # "The shift lead to explain ...": an action item, parsed as a clause of the noun
    return None


def retrained(lex: BlameLexicon, tok):
    """Re-training imposed on a person: "Priya to redo the deploy-safety
    course", "the night crew must retake the certification", "Piotr must do the
    training again", "Retrain the ops desk on escalation", "he will be retrained"
    (not "we will redo the drill", nor "the model is retrained nightly")."""
    lemma = tok.lemma_.lower()
    again = lemma in lex.data.undertaking_verbs and any(c.lower_ == "again" for c in tok.children)
    if tok.pos_ != "VERB" or not (lemma in lex.data.remedial_verbs or again) or is_negated(tok):
        return None
    if lemma == "retrain":
        trainee = (
            clause_subject(tok)
            if is_passive(tok)
            else next((c for c in tok.children if c.dep_ == "dobj"), None)
        )
        return ("fault", tok, trainee) if _someone_else(lex, trainee) else None
    course = next(
        (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.data.training_nouns), None
    )
    if course is None or not _someone_else(lex, _owed_by(tok)):
        return None
    return "fault", tok, course


def written_account(lex: BlameLexicon, tok):
    """A person made to answer for a failing: "The shift lead to explain in
    writing why the alarm was muted", "Marek will explain to his manager why the
    rollout went out untested", "I have asked the supervisor to justify in
    writing ..." (not "we explain in writing how to restore", "asked the vendor
    to explain in writing how failover works", nor "Priya explained why the
    cache was cold", an account given, not demanded)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.data.accounting_verbs or is_negated(tok):
        return None
    if tok.tag_ != "VB":
        return None  # "explained", "explains": an account given
    writing = next(
        (
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.lemma_.lower() == "write"
        ),
        None,
    )
    why = tok.lemma_ == "justify" or any(t.lower_ == "why" for t in tok.subtree)
    if not why or not _someone_else(lex, _owed_by(tok)):
        return None  # "asked the vendor to explain in writing how failover works" is a request
    return "fault", tok, writing if writing is not None else tok


def reminded_of_duty(lex: BlameLexicon, tok):
    """People reminded of a duty as the remedy: "Ward managers to be reminded
    that checking the roster is their job", "Ms. Park has been reminded of her
    obligations", "Procurement to be reminded that ...", "remind your admins
    that release notes are there to be read" (not "PN reminded the room that
    the review is blameless", an account, nor "We were reminded that ...", nor a
    reminder that nobody is to blame)."""
    if tok.lemma_ != "remind" or tok.pos_ != "VERB" or is_negated(tok):
        return None
    if is_passive(tok):
        told = _owed_by(tok)
        owner = told is not None and told.pos_ == "PROPN" and told.dep_ in ("ROOT", "nsubjpass")
        if told is None or not (_someone_else(lex, told) or owner):
            return None  # "Procurement to be reminded": an action item's owner slot
    else:
        told = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if tok.tag_ == "VBD" or not _someone_else(lex, told):
            return None  # "PN reminded the room that ...": what happened
    duty = [t for c in tok.children if c.dep_ in ("ccomp", "xcomp", "prep") for t in c.subtree]
    if not duty or any(t.lemma_.lower() in lex.data.blameless_words for t in duty):
        return None  # "reminded that the review is blameless", "that nobody is to blame"
    return "fault", tok, tok
