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
common in past-tense reports. The sentences are those the engine parsed for
the sentence rules (``NarrationReading``): nothing is parsed again here.
"""

from __future__ import annotations

from blamelint.grammar.agents import CLOCK
from blamelint.grammar.events import FREQUENCY, TIMESTAMP, has_moment, tense_of_verb
from blamelint.grammar.lexicon import PassiveLexicon

MIN_PRESENT = 3
"""Sentences placed at a moment in the present needed before a document counts as narrated."""
MAX_CANDIDATES = 40
OPENING_WORDS = 6
GENERAL_DETERMINERS = frozenset({"every", "each", "any", "all", "no"})
GENERAL_ADVERBS = frozenset({"always", "usually", "normally", "typically", "often", "generally"})


def opens_with_moment(sentence: str, lex: PassiveLexicon) -> bool:
    """Whether a sentence of prose opens with a moment in its first few words
    ("At 03:40 Kofi escalates", "Over the following week ..."); not one that
    opens with a bare timestamp, which is a timeline entry."""
    sentence = sentence.strip()
    if TIMESTAMP.match(sentence):
        return False
    words = [w.strip(",;:()").lower() for w in sentence.split()[:OPENING_WORDS]]
    return any(CLOCK.match(w) or w in lex.time_words or w == "later" for w in words)


class NarrationReading:
    """Whether a document tells events in the present, read from its own parsed
    prose sentences, given one at a time in document order (``read``); nothing
    is parsed here. Of the first MAX_CANDIDATES sentences that open with a
    moment, it counts those whose main verb is a simple present placed at a
    moment and those whose main verb is a past: the document is ``narrated``
    with at least MIN_PRESENT of the first and more than twice as many as of
    the second. Only event verbs count: a copula or a progressive at a moment
    ("By 09:00 the queue is empty", "are landing again") describes how things
    stand."""

    def __init__(self, lex: PassiveLexicon) -> None:
        self.lex = lex
        self.candidates = 0
        self.present = 0
        self.past = 0

    def read(self, sent) -> None:
        """Count one parsed sentence of prose (a spaCy Span)."""
        if self.candidates >= MAX_CANDIDATES or not opens_with_moment(sent.text, self.lex):
            return
        self.candidates += 1
        tense = main_tense(sent, self.lex)
        if tense == "present":
            self.present += 1
        elif tense == "past":
            self.past += 1

    @property
    def narrated(self) -> bool:
        return self.present >= MIN_PRESENT and self.present > 2 * self.past


def main_tense(sent, lex: PassiveLexicon) -> str | None:
    """ "present" or "past" for a sentence whose main verb is a simple event verb
    placed at a moment ("At 02:40 a third drive fails"), else None."""
    root = sent.root
    verb = _finite(root)
    if verb is None or not (has_moment(root, lex) or _measured_later(root)):
        return None
    tense = tense_of_verb(root)
    if tense.modal or tense.perfect or tense.progressive or root.pos_ != "VERB" or root.tag_ == "VBG":
        return None  # "By Tuesday there are forty tickets", "is landing": states, not events
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBD":
        return "past"
    return None


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
