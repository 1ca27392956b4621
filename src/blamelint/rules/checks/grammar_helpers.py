"""Small grammar helpers shared by the root-cause, blame and hindsight checks.

- ``PhraseIndex``: multi-word phrases from rules/data matched on token lower
  case or lemma ("drop the ball" matches "dropped the ball").
- clause helpers on the dependency parse: the subject of a verb (through
  coordination and control), negation, passive voice, the agent.
- ``People``: is a noun phrase a person (pronoun, role noun, proper name) or
  something else (a system, a process, a thing)? The word lists are data
  (rules/data/people.yaml).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Optional

from blamelint.rules.base import Match
from blamelint.data import load_data

_WORD = re.compile(r"\w+(?=n't)|n't|'\w+|\w+|[^\w\s]")

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "neither", "nor"})


def words_of(phrase: str) -> tuple[str, ...]:
    """Split a phrase the way spaCy's English tokenizer splits it
    ("fat-fingered" -> fat - fingered, "didn't" -> did n't)."""
    return tuple(w.lower() for w in _WORD.findall(phrase))


def token_is(tok, word: str) -> bool:
    """A token matches a pattern word by lower case or by lemma."""
    return tok.lower_ == word or tok.lemma_.lower() == word or (word == "not" and tok.lower_ == "n't")


class PhraseIndex:
    """Find phrases (sequences of words, each matched by lower case or lemma)."""

    def __init__(self, phrases: Iterable[str]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            words = words_of(phrase)
            if words:
                self.by_first.setdefault(words[0], []).append((words, phrase))
        for entries in self.by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest first

    def __contains__(self, word: str) -> bool:
        return word in self.by_first

    def find(self, tokens) -> Iterator[tuple[int, int, str]]:
        """(first index, last index inclusive, phrase) of each match, in the
        positions of ``tokens`` (a Span or a list of tokens); the longest phrase
        at each position wins."""
        toks = list(tokens)
        for i, tok in enumerate(toks):
            candidates = self.by_first.get(tok.lower_, []) + self.by_first.get(tok.lemma_.lower(), [])
            if tok.lower_ == "n't":
                candidates += self.by_first.get("not", [])
            best = None
            for words, phrase in candidates:
                n = len(words)
                if i + n <= len(toks) and all(token_is(toks[i + k], words[k]) for k in range(n)):
                    if best is None or n > len(best[0]):
                        best = (words, phrase)
            if best is not None:
                yield i, i + len(best[0]) - 1, best[1]


def card_match(card, kind: str, first, last) -> Match:
    """A Match over tokens first..last (either order), with the message and
    suggestion of ``kind`` from the card's ``data.messages`` (``{text}`` is the
    flagged text), falling back to the card's own message and suggestion."""
    if first.i > last.i:
        first, last = last, first
    spec = card.data.get("messages", {}).get(kind, {})
    message = spec.get("message", card.message or card.summary)
    suggestion = spec.get("suggestion", card.suggestion)
    text = first.doc[first.i:last.i + 1].text
    return Match(first.idx, last.idx + len(last.text), message.format(text=text), suggestion)


# -- clauses ------------------------------------------------------------------

def subject(verb) -> Optional[object]:
    """The subject of a verb or predicate, following coordination ("X was
    careless and pushed"), control ("X failed to ..."), copulas and auxiliaries."""
    seen = 0
    tok = verb
    while tok is not None and seen < 6:
        seen += 1
        for child in tok.children:
            if child.dep_ in SUBJECTS and child.dep_ != "expl":
                return child
        if tok.dep_ in ("conj", "xcomp", "acomp", "attr", "oprd") and tok.head != tok:
            tok = tok.head
            continue
        if tok.dep_ in ("aux", "auxpass") and tok.head != tok:
            tok = tok.head
            continue
        return None
    return None


def is_negated(tok) -> bool:
    """The verb or predicate (or an auxiliary of it) carries a negation."""
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
            return True
        if child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children):
            return True
    return False


def is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def agent_of(verb):
    """The noun after a passive's "by", when it is a doer (not "by 14:00" or
    "by restarting ...")."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
    return None


QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’"})


def in_quotes(first, last) -> bool:
    """The words first..last stand inside quotation marks in their sentence:
    named, not used ('we no longer use a "root cause" field')."""
    doc, sent = first.doc, first.sent
    before = sum(1 for t in doc[sent.start:first.i] if t.text in QUOTES)
    after = any(t.text in QUOTES for t in doc[last.i + 1:sent.end])
    return before % 2 == 1 and after


def implied_subject(verb):
    """The understood doer of a subjectless verb: the addressee of an
    imperative ("Be more careful") or the object of a verb that governs a
    gerund ("Stop the team from ignoring alerts")."""
    if verb.dep_ == "ROOT" and verb.tag_ == "VB" and verb.i == verb.sent.start:
        return "you"
    if verb.dep_ in ("pcomp", "xcomp") and verb.head.dep_ == "prep":
        governor = verb.head.head
        return next((c for c in governor.children if c.dep_ == "dobj"), None)
    return None


# -- people -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _people_data() -> dict:
    data = load_data("people.yaml")
    return {
        "pronouns": frozenset(data["person_pronouns"]),
        "roles": frozenset(data["role_nouns"]),
        "systems": frozenset(w.lower() for w in data["system_names"]),
        "actions": frozenset(data["action_nouns"]),
    }


@lru_cache(maxsize=4096)
def _known_word(word: str) -> bool:
    """An English common word (for telling names from words at a sentence start)."""
    try:
        from lemminflect import getAllLemmas
    except ImportError:  # pragma: no cover - lemminflect is a dependency
        return False
    return bool(getAllLemmas(word.lower()))


class People:
    """Tell people from systems and from actions done by people."""

    def __init__(self):
        data = _people_data()
        self.pronouns = data["pronouns"]
        self.roles = data["roles"]
        self.systems = data["systems"]
        self.actions = data["actions"]

    def is_role(self, tok) -> bool:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in self.roles or lemma in self.roles:
            return True
        if lemma == "call" and tok.i >= 2 and tok.doc[tok.i - 1].text in ("-", "–") \
                and tok.doc[tok.i - 2].lower_ == "on":
            return True  # "the on-call"
        return False

    def is_name(self, tok) -> bool:
        """A proper name of a person: capitalised, alphabetic, not all capitals,
        not a known product, no article, and tagged as a proper noun or not an
        English word ("Viktor" is tagged NN by the small pipeline)."""
        text = tok.text
        if not (text[:1].isupper() and text.isalpha() and len(text) > 1):
            return False
        if text.isupper() or any(c.isupper() for c in text[1:]):
            return False  # DNS, PagerDuty: products and acronyms
        if text.lower() in self.systems:
            return False
        if any(c.dep_ == "det" for c in tok.children):
            return False
        if any(c.dep_ == "compound" for c in tok.children):
            return False
        if tok.tag_ == "NNP":
            return True
        return not _known_word(text)

    def is_person(self, tok) -> bool:
        """``tok`` heads a noun phrase that denotes a person or a team."""
        if tok is None:
            return False
        low = tok.lower_
        if low in self.pronouns:
            return True
        if low == "one" and any(c.lower_ == "no" for c in tok.children):
            return True
        if self.is_role(tok):
            return True
        if len(tok.text) == 1 and tok.text.isupper() and any(
                c.dep_ == "compound" and self.is_role(c) for c in tok.children):
            return True  # an anonymised person: "Engineer A", "Developer B"
        if low.startswith("@") and low[1:].replace("-", "").replace("_", "").isalnum():
            return True  # a handle: "@aronasorman looked over it"
        if tok.pos_ in ("PROPN", "NOUN", "X") and self.is_name(tok):
            return True
        # "Somebody on the payments team", "someone from the DBA team"
        if low in ("somebody", "someone", "anyone", "anybody", "everyone", "everybody"):
            return True
        return False

    def is_action(self, tok) -> bool:
        """A noun that names something people do (an upgrade, a deploy, a
        test), or a gerund clause ("Keeping the region warm")."""
        if tok is None:
            return False
        if tok.tag_ == "VBG" or tok.dep_ in ("csubj", "csubjpass"):
            return True
        return tok.lemma_.lower() in self.actions or tok.lower_ in self.actions
