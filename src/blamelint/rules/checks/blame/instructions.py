"""Instructions that scold the person told: "Please actually read the runbook
this time", "Whoever wrote the test: please learn what a fake clock is". An
instruction that implies the person failed before, or that they lack what
anyone in the job knows.

Each detector takes the blame lexicon and one token and returns
``(kind, first, last)`` or None.
"""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject, is_negated
from blamelint.rules.checks.blame.lexicon import SELF, BlameLexicon


def _imperative(verb) -> bool:
    """A root in the base form with no subject and no auxiliary, after any
    vocative or "please": "Infra, please prune the caches"."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB":
        return False
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass", "expl", "nsubjpass"):
            return False
        if c.dep_ == "nsubj" and not (c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ","):
            return False  # a subject, not a vocative set off by a comma
    return True


def _told(lex: BlameLexicon, verb) -> bool:
    """``verb`` is an instruction to someone other than the writer: an
    imperative, or a person subject under a modal of obligation."""
    if _imperative(verb):
        return True
    subj = clause_subject(verb)
    return lex.admonished(verb) and subj is not None and subj.lower_ not in SELF and lex.person(subj)


def _this_time(verb) -> bool:
    """ "this time" or "for once" on the verb: as opposed to last time."""
    for c in verb.children:
        if c.dep_ == "npadvmod" and c.lemma_ == "time" and any(d.lower_ == "this" for d in c.children):
            return True
        if c.dep_ in ("prep", "advmod") and c.lower_ == "for" and any(d.lower_ == "once" for d in c.children):
            return True
        if c.lower_ == "once" and c.i > 0 and verb.doc[c.i - 1].lower_ == "for":
            return True
    return False


def scolded(lex: BlameLexicon, tok):
    """ "Please actually read the runbook this time", "The DBA team must
    actually test the restore for once" ("actually" with "this time" or "for
    once": the instruction says they did not before; "This time we will test
    the restore" is a plan, and "actually" alone may just stress)."""
    if tok.dep_ != "advmod" or tok.lower_ != "actually":
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or is_negated(verb) or not _this_time(verb) or not _told(lex, verb):
        return None
    return "admonition", tok, verb


def told_to_teach(lex: BlameLexicon, tok):
    """ "Somebody please teach them what a payload is", "please teach the
    interns how a transaction works": asking that people be taught what anyone
    in the job knows (not "we will teach new hires the deploy tool")."""
    if tok.lemma_ != "teach" or tok.pos_ != "VERB" or tok.dep_ != "ROOT" or is_negated(tok):
        return None
    if not any(c.lower_ == "please" for c in tok.children):
        return None
    taught = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
    if taught is None or taught.lower_ in SELF:
        return None  # "Please teach me how failover works" asks to learn
    if not (taught.lower_ in ("them", "him", "her") or lex.person(taught)):
        return None  # teaching is done to people: "them" is people here
    what = next(
        (
            c
            for c in tok.children
            if c.dep_ == "ccomp" and any(w.tag_ in ("WP", "WRB") for w in c.subtree if w.i < c.i)
        ),
        None,
    )
    return ("admonition", tok, what) if what is not None else None


def told_to_learn(lex: BlameLexicon, tok):
    """ "Please learn what a fake clock is", "Whoever wrote it: please learn
    how retries work": an imperative with "please" to learn what something is
    or how it works (not "Learn more about the new tool here")."""
    if tok.lemma_ != "learn" or tok.pos_ != "VERB" or not _imperative(tok):
        return None
    please = any(c.lower_ == "please" for c in tok.children)
    what = next(
        (
            c
            for c in tok.children
            if c.dep_ == "ccomp" and any(w.tag_ in ("WP", "WRB") for w in c.subtree if w.i < c.i)
        ),
        None,
    )
    return ("admonition", tok, what) if please and what is not None and not is_negated(tok) else None
