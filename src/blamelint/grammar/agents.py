"""Does a passive clause say who or what did it?

An agent is a "by" phrase whose object is a doer: "by the on-call engineer",
"by the broker". Not agents: a gerund ("by
reverting the change" is the means), a time ("by 14:00", "by the end of the
day"), an amount ("by 30%", "by half"), turns ("host by host") and the fixed means and manners in the
data ("by hand", "by mistake", "by email", "by default"). A gerund used as a
noun names a doer again ("by Fastly monitoring", "by our health checks'
polling"). "via X" and "with X" never name an agent, nor does a cause given with
"because of" or "due to" ("got triggered twice because of clock skew").
"""

from __future__ import annotations

import re

from blamelint.grammar.lexicon import PassiveLexicon
from blamelint.grammar.passive import phrase

CLOCK = re.compile(
    r"^(?:\d{1,2}[:.h]\d{2}(?::\d{2})?|\d{1,2}(?:am|pm)|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2})$", re.I
)
FREE_RELATIVES = frozenset({"whoever", "whichever", "whatever", "whomever"})
AMOUNT_WORDS = frozenset({"%", "percent", "factor", "order", "orders", "magnitude", "x"})


def by_object(prep) -> object | None:
    found = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if found is None:
        return _noun_after(prep) or _hyphenated_after(prep)
    return found


def _noun_after(prep):
    """A noun right after "by" that the parser left unattached ("picked up by
    rk" at the end of a line, read as "dep"): still the object of "by"."""
    doc = prep.doc
    if prep.i + 1 >= prep.sent.end:
        return None
    after = doc[prep.i + 1]
    if after.head.i == prep.i and after.dep_ == "dep" and after.pos_ in ("NOUN", "PROPN", "PRON"):
        return after
    return None


def _hyphenated_after(prep):
    """ "by on-call": the tokenizer split a hyphenated noun and the parser
    read its first part as a preposition; the noun's last part is the object."""
    doc = prep.doc
    end = prep.i + 3
    if end < prep.sent.end and doc[prep.i + 2].text == "-" and doc[prep.i + 1].pos_ == "ADP":
        last = doc[end]
        return last if last.pos_ in ("NOUN", "PROPN") else None
    return None


def is_time(token, lex: PassiveLexicon) -> bool:
    return bool(CLOCK.match(token.text)) or token.lower_ in lex.time_words


def _field_value(prep):
    """In a field of a document's header ("Written by: Ines Alvarado",
    "Reviewed by: the payments team") the value after the colon is what
    "by" names: the head of the words after it."""
    doc = prep.doc
    colon = prep.i + 1
    if colon >= prep.sent.end or doc[colon].text != ":":
        return None
    words = [t for t in doc[colon + 1 : prep.sent.end] if t.pos_ in ("NOUN", "PROPN", "PRON")]
    heads = [t for t in words if not (t.head.i != t.i and t.head in words and t.dep_ == "compound")]
    return heads[0] if heads else None


def is_agent_phrase(prep, lex: PassiveLexicon) -> bool:
    """Whether a "by" phrase names a doer."""
    obj = by_object(prep) or _field_value(prep)
    if obj is None:
        return False
    if obj.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FREE_RELATIVES for c in obj.children
    ):
        return True  # "by whoever holds the pager": a doer, named by what they do
    if (obj.tag_ == "VBG" or obj.pos_ == "VERB") and not (_nominal_gerund(obj) or _system_gerund(obj, lex)):
        return False  # "by reverting the change": the means
    words = list(_own_words(obj))
    if obj.lemma_.lower() in lex.work_groups and not is_time(obj, lex):
        words = [obj]  # "by the evening shift": people named by when they work
    if any(is_time(t, lex) for t in words) or obj.lower_ in lex.non_agent_by:
        return False
    if (obj.like_num or obj.tag_ == "CD") and not any(c.lower_ == "of" for c in obj.children):
        return False  # "by 30": an amount ("by one of our tools" names a doer)
    if any(t.lower_ in AMOUNT_WORDS for t in words):
        return False
    if obj.lemma_.lower() in lex.amount_units or obj.lower_ in lex.amount_units:
        return False  # "extended by two hours", "cut by a third"
    if obj.lower_ in ("then", "now", "far", "itself"):
        return False
    return not _distributive(prep, obj)


def _distributive(prep, obj) -> bool:
    """ "room by room", "one by one", "step by step": the same word on both
    sides of "by" says how something was done in turns, not who did it."""
    before = prep.doc[prep.i - 1] if prep.i > prep.sent.start else None
    return before is not None and before.lemma_.lower() == obj.lemma_.lower() and obj.i == prep.i + 1


def _own_words(token):
    """The words of a noun phrase without its prepositional modifiers, bracketed
    asides and appositions: in "by the gateway at 21:14" the time is when, not who,
    in "by a second owner (owner: Ines, due 2026-02-27)" the date belongs to the
    aside, and in "by Graham Pell, the night editor" the night is the editor's."""
    yield token
    aside = _aside_start(token)
    for c in token.children:
        if (c.dep_ != "prep" or c.lower_ == "of") and c.dep_ != "appos" and c.i < aside:
            yield from _own_words(c)


def _aside_start(token) -> int:
    """Where a bracketed aside after the noun begins: everything the noun
    governs from its opening bracket on is the aside, not part of the name."""
    after = token.doc[token.i + 1 : token.right_edge.i + 1]
    return next((t.i for t in after if t.text in ("(", "[")), token.right_edge.i + 1)


def _system_gerund(gerund, lex: PassiveLexicon) -> bool:
    """A gerund that names a system by what it does ("by monitoring"), with no
    object or particle of its own ("by monitoring the queue" is a means)."""
    return gerund.lower_ in lex.agent_gerunds and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "prt", "dative") for c in gerund.children
    )


def _nominal_gerund(gerund) -> bool:
    """A gerund used as a noun: it takes no object or clause of its own and
    has a determiner, possessive or noun modifier before it ("the monitoring",
    "our paging", "Fastly monitoring"); "reverting the change" is a verb."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "prt", "dative") for c in gerund.children):
        return False
    return any(
        c.dep_ in ("det", "poss", "compound", "amod", "nmod") or c.text[:1].isupper() for c in gerund.lefts
    )


def _self_done(token) -> bool:
    """ "self-inflicted", "self-signed", "self-healed": the prefix names the doer."""
    doc, i = token.doc, token.i
    if token.lower_.startswith("self-"):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "self" and not doc[i - 2].whitespace_


def has_agent(verb, lex: PassiveLexicon, conjuncts=(), is_action=lambda tok: False) -> bool:
    """True when ``verb`` or a conjunct sharing its auxiliary ("was reviewed
    and approved by Mira") has a "by" phrase naming a doer. A "by" on a noun
    for something people do names that act's doer, not the passive's ("is
    granted after a security review by Mei"); ``is_action`` tells those nouns."""
    for token in (verb, *conjuncts):
        if _self_done(token):
            return True
        subject = {c.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass")}
        for prep in phrase(token):
            # also a "by" the parser hung on a modifier ("every five minutes by a query")
            if (
                prep.lower_ == "by"
                and prep.dep_ in ("agent", "prep")
                and prep.head.i not in subject
                and not (prep.head.i != token.i and prep.head.pos_ == "NOUN" and is_action(prep.head))
                and is_agent_phrase(prep, lex)
            ):
                return True
    return False
