"""Does a document tell its incident as a story in the present tense?

Most postmortems report in the past ("At 02:40 the third drive failed") and
use the simple present for how things normally work ("Each object is split
into ten shards"), so a present passive outside a timeline reads as a
description. Some writers narrate the night in the present instead ("At
02:40 a third drive fails outright. ... The failed drives are pulled and
carried to the bench."): there the present passive reports events.

The evidence is the document's own prose: sentences placed at a moment ("At
01:12", "A few minutes later", "On Tuesday") whose main verb is a simple
present, against those whose main verb is a past. Timeline entries (a line
that opens with its timestamp) do not count: present-tense timelines are
common in past-tense reports. Only a few candidate sentences are parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from blamelint.grammar.agents import CLOCK
from blamelint.grammar.events import FREQUENCY, TIMESTAMP, has_moment, tense_of_verb
from blamelint.grammar.lexicon import PassiveLexicon

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
MIN_PRESENT = 3
"""Sentences placed at a moment in the present needed before a document counts as narrated."""
MAX_CANDIDATES = 40
OPENING_WORDS = 6
GENERAL_DETERMINERS = frozenset({"every", "each", "any", "all", "no"})
GENERAL_ADVERBS = frozenset({"always", "usually", "normally", "typically", "often", "generally"})


def candidates(texts: Iterable[str], lex: PassiveLexicon) -> list[str]:
    """Sentences of prose that open with a moment in their first few words
    ("At 03:40 Kofi escalates", "Over the following week ..."); not those that
    open with a bare timestamp, which are timeline entries."""
    found: list[str] = []
    for text in texts:
        for sentence in SENTENCE_END.split(text.strip()):
            if TIMESTAMP.match(sentence):
                continue
            words = [w.strip(",;:()").lower() for w in sentence.split()[:OPENING_WORDS]]
            if any(CLOCK.match(w) or w in lex.time_words or w == "later" for w in words):
                found.append(sentence)
                if len(found) >= MAX_CANDIDATES:
                    return found
    return found


def narrates_in_present(parsed: Iterable, lex: PassiveLexicon) -> bool:
    """Whether the parsed candidate sentences tell events in the present:
    at least MIN_PRESENT whose main verb is a simple present placed at a
    moment, and more than twice as many as those in the past. Only event verbs
    count: a copula or a progressive at a moment ("By 09:00 the queue is
    empty", "are landing again") describes how things stand."""
    present = past = 0
    for doc in parsed:
        for sent in doc.sents:
            root = sent.root
            verb = _finite(root)
            if verb is None or not (has_moment(root, lex) or _measured_later(root)):
                continue
            tense = tense_of_verb(root)
            if tense.modal or tense.perfect or tense.progressive or root.pos_ != "VERB" or root.tag_ == "VBG":
                continue  # "By Tuesday there are forty tickets", "is landing": states, not events
            if verb.tag_ in ("VBZ", "VBP"):
                present += 1
            elif verb.tag_ == "VBD":
                past += 1
    return present >= MIN_PRESENT and present > 2 * past


def _measured_later(verb) -> bool:
    """ "A few minutes later", "two days later": a moment measured from the last one."""
    return any(
        c.dep_ == "advmod" and c.lower_ == "later" and any(m.dep_ == "npadvmod" for m in c.children)
        for c in verb.children
    )


def _finite(root):
    """The word carrying the main clause's tense: its auxiliary ("is marked")
    or the verb itself ("fails")."""
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if aux:
        return aux[0]
    return root if root.pos_ in ("VERB", "AUX") else None


def general_statement(clause) -> bool:
    """A present clause that still describes how things are in general, even
    in a narrated document: its subject is quantified ("Every object is split
    into ten shards", "No shard is stored twice"), or the clause says how
    often ("is reloaded every night", "is usually drained first")."""
    verb = clause.verb
    subject = clause.subject
    if subject is not None and any(
        c.dep_ == "det" and c.lower_ in GENERAL_DETERMINERS for c in subject.children
    ):
        return True
    if subject is not None and subject.lower_ in ("everything", "anything", "nothing"):
        return True
    for c in verb.children:
        if c.dep_ in ("advmod", "neg") and c.lower_ in GENERAL_ADVERBS:
            return True
        if c.dep_ in ("npadvmod", "advmod", "prep") and any(t.lower_ in FREQUENCY for t in c.subtree):
            return True
        if c.dep_ == "advcl" and any(m.lower_ in ("whenever", "if") for m in c.children if m.dep_ == "mark"):
            return True
    return False
