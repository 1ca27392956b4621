"""Does a sentence describe an action, and does it name who took it?

From the dependency parse the linter already made. A sentence *describes an
action* when one of its verbs (not a stative verb such as "have" or "seem") is

- passive ("the flag was flipped"), whoever the doer; or
- active with a person as its subject: named ("we", "I", "Nadia", "the on-call
  engineer", "our SRE team") or not ("someone", "an engineer").

It *names who acted* when one of those verbs has a named person as its active
subject, or as the "by" agent of a passive. Sentences whose only actors are
systems ("the alert fired") describe events, not actions, and count in neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import AuditData, PeopleData, StatesData

NAMED, VAGUE, THING = "named", "vague", "thing"
AFFECTED = {"affect", "impact"}


@dataclass(frozen=True)
class Lexicon:
    stative: frozenset[str]
    naming_pronouns: frozenset[str]
    vague_people: frozenset[str]
    vague_determiners: frozenset[str]
    role_nouns: frozenset[str]
    system_names: frozenset[str]
    states: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    audit, people = load(AuditData), load(PeopleData)
    return Lexicon(
        stative=audit.stative_verbs,
        naming_pronouns=audit.naming_pronouns,
        vague_people=audit.vague_people,
        vague_determiners=audit.vague_determiners,
        role_nouns=people.role_nouns,
        system_names=people.system_names,
        states=frozenset(load(StatesData).states),
    )


def classify_actor(token, lex: Lexicon) -> str:
    """NAMED, VAGUE (a person, not said who) or THING for a subject or agent token."""
    low = token.lower_
    if low in lex.naming_pronouns:
        return NAMED
    if low in lex.vague_people or (low == "one" and token.pos_ == "PRON"):
        return VAGUE
    if token.pos_ == "PROPN":
        names = [t for t in token.subtree if t.pos_ == "PROPN"]
        if any(t.lower_ in lex.system_names for t in names) and token.lemma_.lower() not in lex.role_nouns:
            return THING
        return NAMED
    if token.pos_ == "NOUN" and (token.lemma_.lower() in lex.role_nouns or low in lex.role_nouns):
        dets = [c for c in token.children if c.dep_ in ("det", "poss", "compound", "amod", "nmod")]
        if not dets or all(c.dep_ == "det" and c.lower_ in lex.vague_determiners for c in dets):
            return VAGUE
        return NAMED
    return THING


def _subject(verb):
    """The active subject of a verb, following coordination ("X opened A and saw B")."""
    seen = 0
    while verb is not None and seen < 10:
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            verb, seen = verb.head, seen + 1
            continue
        return None
    return None


def _agent(verb):
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def sentence_agency(sent, lex: Lexicon) -> tuple[bool, bool]:
    """(describes an action, names who took it)."""
    action = named = False
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() in lex.stative:
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        if passive:
            if token.lemma_ in AFFECTED or token.lemma_ in lex.states or token.lower_ in lex.states:
                continue
            action = True
            agent = _agent(token)
            if agent is not None and classify_actor(agent, lex) == NAMED:
                named = True
            continue
        subject = _subject(token)
        if subject is None:
            continue
        kind = classify_actor(subject, lex)
        if kind == THING:
            continue
        action = True
        if kind == NAMED:
            named = True
    return action, named
