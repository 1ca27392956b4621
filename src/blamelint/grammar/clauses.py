"""Readings of a clause on the dependency parse that several rules share: the
subject of a verb followed through coordination and control, negation, the
passive, the noun of a "by" agent, the predicate a word belongs to, quotation.

Not the same as the passive-voice readings of ``passive.subject_of`` (the
subject of one verb, passing over timestamps in headlines) and
``agents.has_agent`` (whether a "by" phrase names a doer, by the passive
lexicon): these are broader and lexicon-free.
"""

from __future__ import annotations

from functools import cache

from blamelint.data import load
from blamelint.data.models import PeopleData

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’"})


@cache
def negative_subjects() -> frozenset[str]:
    """ "nobody", "nothing", "none": a subject that denies its clause
    (rules/data/people.yaml: no_people and other_negatives)."""
    return load(PeopleData).negative_subjects


def negative_subject(tok) -> bool:
    """``tok`` is a negative pronoun: "Nobody was careless", "Nothing was missed"."""
    return tok is not None and not isinstance(tok, str) and tok.lower_ in negative_subjects()


def neither(tok) -> bool:
    """``tok`` (a subject) is negated by its own "neither": "Neither reviewer was careless"."""
    return (
        tok is not None
        and not isinstance(tok, str)
        and any(c.dep_ in ("det", "preconj") and c.lower_ == "neither" for c in tok.children)
    )


def clause_subject(verb) -> object | None:
    """The subject of a verb or predicate, following coordination ("X was
    careless and pushed"), control ("X failed to ..."), copulas and auxiliaries."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS and c.dep_ != "expl"]
        if len(subjects) > 1 and speaker_label(subjects[0]):
            return subjects[1]  # "Gordon: this outage was caused by ...": the outage, not Gordon
        if subjects:
            return subjects[0]
        if tok.dep_ in ("conj", "xcomp", "acomp", "attr", "oprd") and tok.head != tok:
            tok = tok.head
            continue
        if tok.dep_ in ("aux", "auxpass") and tok.head != tok:
            tok = tok.head
            continue
        return None
    return None


def speaker_label(tok) -> bool:
    """``tok`` opens its sentence (after a timestamp, if any) and ends at a colon: the name
    of whoever speaks in a transcript or a comment thread ("Gordon: this outage was ...",
    "Gordon (studio director): ...", "[09:41] lee.w: ..."), which the parser may take for
    a second subject of the clause that follows."""
    doc = tok.doc
    before = doc[tok.sent.start : tok.left_edge.i]
    if any(t.is_alpha for t in before):
        return False
    end = tok.right_edge.i
    return doc[end].text.endswith(":") or (end + 1 < len(doc) and doc[end + 1].text.startswith(":"))


def implied_subject(verb):
    """The understood doer of a subjectless verb: the addressee of an
    imperative ("Be more careful", returned as the string "you") or the object
    of a verb that governs a gerund ("Stop the team from ignoring alerts")."""
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and verb.i == verb.sent.start:
        return "you"
    if verb.dep_ in ("pcomp", "xcomp") and verb.head.dep_ == "prep":
        governor = verb.head.head
        return next((c for c in governor.children if c.dep_ == "dobj"), None)
    return None


def is_negated(tok) -> bool:
    """The verb or predicate (or an auxiliary of it) carries a negation, also a clause
    opened by "nor" ("Nor was the on-call slow to act", "nor did anyone ignore it")."""
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ == "cc" and child.lower_ == "nor" and child.i < tok.i:
            return True
        if child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children):
            return True
    return False


def is_passive(verb) -> bool:
    """The verb has a passive auxiliary or a passive subject."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def agent_noun(verb):
    """The noun after a passive's "by" (the parser's ``agent``), when it is a
    noun, name or pronoun (not "by 14:00" or "by restarting ...")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
    return None


def predicate(tok):
    """The verb ``tok`` belongs to: its nearest verb or auxiliary ancestor
    (itself if it is one), or the root (at most eight steps up)."""
    pred = tok
    for _ in range(8):
        if pred.pos_ in ("VERB", "AUX") or pred.head == pred:
            break
        pred = pred.head
    return pred


def prep_object(prep):
    """The object of a preposition: a noun ("of the outage") or a clause ("by restarting")."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def is_plural(noun) -> bool:
    """A plural noun (the small pipeline sometimes tags "causes" as a verb)."""
    return noun.tag_ in ("NNS", "NNPS") or (
        noun.pos_ in ("NOUN", "VERB")
        and noun.lower_.endswith("s")
        and noun.lemma_.lower() != noun.lower_
        and noun.lower_ != noun.lemma_.lower() + "'s"
    )


def denied_by_copula(tok) -> bool:
    """The copular clause of ``tok`` denies it: "This was not human error",
    "Nobody was careless", "No one was at fault", "There was no negligence"
    (but "so this operator error doesn't happen again" still names it)."""
    pred = predicate(tok)
    if pred.lemma_ != "be":
        return False
    if is_negated(pred):
        return True
    subj = clause_subject(pred)
    if subj is not None and (
        negative_subject(subj) or (subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children))
    ):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.head.children) and tok.head.pos_ == "NOUN"


def has_indefinite_article(noun) -> bool:
    """``noun`` has "a" or "an" ("a second time", "a careful reviewer", "a guy to blame")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def in_quotes(first, last) -> bool:
    """The words first..last stand inside quotation marks in their sentence:
    named, not used ('we no longer use a "root cause" field')."""
    doc, sent = first.doc, first.sent
    before = sum(1 for t in doc[sent.start : first.i] if t.text in QUOTES)
    after = any(t.text in QUOTES for t in doc[last.i + 1 : sent.end])
    return before % 2 == 1 and after


def quotation_words(first, last) -> int:
    """How many words the quotation around first..last holds (0 when they are not
    quoted): a term named ('a "root cause" field': 2) or a claim reported whole
    ('Henrik: "The root cause is simple: Grace renamed the codes."': 8)."""
    if not in_quotes(first, last):
        return 0
    doc, sent = first.doc, first.sent
    start = max(t.i for t in doc[sent.start : first.i] if t.text in QUOTES)
    end = next(t.i for t in doc[last.i + 1 : sent.end] if t.text in QUOTES)
    return sum(1 for t in doc[start + 1 : end] if not t.is_punct and not t.is_space)


def particle_prep(verb, rest):
    """The preposition that ends ``rest`` = (particle..., preposition) on
    ``verb``: "came down to", "stemmed from", "goes back to"; None if absent."""
    *particles, prep_word = rest
    kids = list(verb.children)
    for part in particles:
        if not any(c.lower_ == part and c.dep_ in ("prt", "advmod", "prep") for c in kids):
            return None
    for child in kids:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep_word:
            return child
        if child.lower_ in particles and child.dep_ in ("prt", "advmod", "prep"):
            for grand in child.children:
                if grand.dep_ == "prep" and grand.lower_ == prep_word:
                    return grand
    return None


def reason_of(tok):
    """A "because ..." clause or a "because of"/"due to" phrase on ``tok``."""
    for child in tok.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "because" for m in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ in ("because", "due"):
            return child
    return None
