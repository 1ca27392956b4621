"""Is a noun phrase a person (a pronoun, a role noun, a name, a handle) or
something else (a system, a process, a thing)? And does a noun name something
people do (a deploy, a review)? The word lists are data (rules/data/people.yaml)."""

from __future__ import annotations

import copy
import re

from blamelint.data import load
from blamelint.data.models import PeopleData
from blamelint.grammar.cast import NO_CAST, Cast, read_cast
from blamelint.grammar.morphology import known_word


class People:
    """Tell people from systems and from actions done by people."""

    def __init__(self, data: PeopleData | None = None):
        data = data if data is not None else load(PeopleData)
        self.pronouns = data.pronouns
        self.any_people = data.any_people
        self.some_people = data.some_people
        self.every_people = data.every_people
        self.someone = data.some_people | data.any_people
        """One person left unnamed ("someone", "anyone"), not everyone."""
        self.unnamed = data.unnamed_people
        self.nobody = data.no_people
        self.partitives = data.partitive_words
        self.honorifics = data.honorifics
        self.shift_times = data.shift_times
        self.roles = data.role_nouns
        self.component_roles = data.component_roles
        self.managed_objects = data.managed_objects
        self.acronyms = data.department_acronyms
        self.systems = frozenset(w.lower() for w in data.system_names)
        self.actions = data.action_nouns
        self.system_nouns = data.system_nouns
        self.cast: Cast = NO_CAST

    def in_document(self, text: str) -> People:
        """A copy that also knows the people and systems ``text`` (a whole
        document) names (grammar/cast.py)."""
        other = copy.copy(self)
        other.cast = read_cast(text, self.system_nouns, self.roles)
        return other

    @staticmethod
    def hyphenated(tok) -> str | None:
        """The whole word when ``tok`` is part of a hyphenated word written
        without spaces ("cert-manager", "sync-worker"), else None."""
        doc, i = tok.doc, tok.i
        start = i
        while (
            start >= 2
            and doc[start - 1].text == "-"
            and not doc[start - 2].whitespace_
            and not doc[start - 1].whitespace_
        ):
            start -= 2
        end = i
        while (
            end + 2 < len(doc)
            and doc[end + 1].text == "-"
            and not doc[end].whitespace_
            and not doc[end + 1].whitespace_
        ):
            end += 2
        return doc[start : end + 1].text.lower() if end > start else None

    def is_role(self, tok) -> bool:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low in self.roles or lemma in self.roles:
            return not self.is_component(tok)
        if tok.text.isupper() and low in self.acronyms and not _shouted(tok):
            return True  # "IT should have noticed", "HR was told" (not the pronoun "it")
        if (
            lemma == "call"
            and tok.i >= 2
            and tok.doc[tok.i - 1].text in ("-", "–")
            and tok.doc[tok.i - 2].lower_ == "on"
        ):
            return True  # "the on-call"
        if lemma == "shift" and tok.pos_ == "NOUN":
            return any(
                c.dep_ in ("compound", "amod", "nmod") and c.lower_ in self.shift_times for c in tok.children
            )
        return False

    def is_component(self, tok) -> bool:
        """A role noun that names software: "the cluster manager", "the Kafka operator"."""
        return tok.lemma_.lower() in self.component_roles and any(
            c.dep_ == "compound" and (c.lemma_.lower() in self.managed_objects or c.lower_ in self.systems)
            for c in tok.children
        )

    def name_shaped(self, tok) -> bool:
        """Spelled like a person's name: capitalised, alphabetic, not all capitals and
        no capital inside (DNS, PagerDuty: products and acronyms), not a known product."""
        text = tok.text
        if not (text[:1].isupper() and text.isalpha() and len(text) > 1):
            return False
        if text.isupper() or any(c.isupper() for c in text[1:]):
            return False
        return text.lower() not in self.systems

    def is_name(self, tok) -> bool:
        """A proper name of a person: capitalised, alphabetic, not all capitals,
        not a known product nor a kind of system ("Bot must stop recycling", a
        capital at the start of a line), no article, and tagged as a proper noun
        or not an English word ("Viktor" is tagged NN by the small pipeline)."""
        if not self.name_shaped(tok) or _has_article(tok) or tok.lower_ in self.system_nouns:
            return False
        if any(c.dep_ == "compound" for c in tok.children):
            return False
        if tok.tag_ == "NNP":
            return True
        return not known_word(tok.text.lower())

    def is_full_name(self, tok) -> bool:
        """A person's name in several words, headed by the surname: "Ms. Okafor",
        "Priya Natarajan", "J. Farrow" (an initial before a surname that is also an
        English word). Every word before the surname is a title or itself a
        person's name, and the surname is not a kind of system ("Grafana Cloud",
        "Larkspur Search" stay products)."""
        if not self.name_shaped(tok) or tok.lower_ in self.system_nouns:
            return False
        if tok.tag_ != "NNP":
            return any(c.dep_ == "compound" and _initial(c) for c in tok.children)  # "J. Farrow"
        if _has_article(tok):
            return False
        words = [c for c in tok.children if c.dep_ == "compound"]
        if not words or any(w.i > tok.i for w in words):
            return False
        return all(w.lower_.rstrip(".") in self.honorifics or _initial(w) or self.is_name(w) for w in words)

    def is_person(self, tok) -> bool:
        """``tok`` heads a noun phrase that denotes a person or a team."""
        if tok is None:
            return False
        low = tok.lower_
        if low in self.pronouns:
            return True  # "she", "somebody on the payments team", "nobody"
        if low == "one" and any(c.lower_ == "no" for c in tok.children):
            return True
        word = self.hyphenated(tok)
        if word is not None and word not in self.roles and not word.startswith("on-call"):
            return False  # a service's name: "cert-manager", "the sync-worker"
        if self.cast.says_system(low):
            return False  # "Hank, our node autoscaler" said so earlier
        if (
            self.cast.says_person(low)
            and not any(c.dep_ in ("det", "compound", "amod") for c in tok.children)
            and tok.pos_ in ("PROPN", "NOUN")
        ):
            return True  # "Tom, on call", "nobody on Growth": a person or a team of this document
        if (
            tok.pos_ in ("PROPN", "NOUN")
            and self.cast_in_words(tok)
            and not any(c.dep_ == "amod" for c in tok.children)
        ):
            return True  # "Hardware Validation failed to ...", after "the Hardware Validation team"
        if self.is_role(tok):
            return True
        if (
            len(tok.text) == 1
            and tok.text.isupper()
            and any(c.dep_ == "compound" and self.is_role(c) for c in tok.children)
        ):
            return True  # an anonymised person: "Engineer A", "Developer B"
        if low.startswith("@") and low[1:].replace("-", "").replace("_", "").isalnum():
            return True  # a handle: "@aronasorman looked over it"
        return tok.pos_ in ("PROPN", "NOUN", "X") and (self.is_name(tok) or self.is_full_name(tok))

    def cast_in_words(self, tok) -> bool:
        """The document itself names ``tok``, with the capitalised words before it, as a
        team or person (``grammar.cast``: "the Hardware Validation team")."""
        words = _titled_words(tok)
        return bool(words) and self.cast.says_person(words)

    @staticmethod
    def asks_who(tok) -> bool:
        """``tok`` is the "who" of a question ("not who should have stopped it",
        "asking who was careless"), not a relative pronoun standing for a person
        ("the engineer who ran it")."""
        return tok is not None and tok.lower_ == "who" and tok.head.dep_ != "relcl"

    def is_action(self, tok) -> bool:
        """A noun that names something people do (an upgrade, a deploy, a
        test), or a gerund clause ("Keeping the region warm")."""
        if tok is None:
            return False
        if tok.tag_ == "VBG" or tok.dep_ in ("csubj", "csubjpass"):
            return True
        return tok.lemma_.lower() in self.actions or tok.lower_ in self.actions


def _titled_words(tok) -> str:
    """The capitalised words that name ``tok`` with the capitalised compounds right before it,
    lower-cased ("hardware validation" for "Validation" in "Hardware Validation failed"), or
    "" when it has none."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == tok.i:
        start -= 1
    words = doc[start : tok.i + 1]
    if start == tok.i or not all(w.text[:1].isupper() and w.is_alpha for w in words):
        return ""
    return " ".join(w.lower_ for w in words)


def _initial(tok) -> bool:
    """ "J." before a surname."""
    text = tok.text
    return len(text) == 2 and text[0].isupper() and text[1] == "."


def _has_article(tok) -> bool:
    """``tok`` has an article of its own: "the Viktor" is no name, but in "The on-call,
    Priya, was slow" the parser hangs the role's "The" on the name across the comma."""
    doc = tok.doc
    return any(
        c.dep_ == "det" and not any(doc[j].text == "," for j in range(c.i + 1, tok.i)) for c in tok.children
    )


def _shouted(tok) -> bool:
    """``tok`` stands among words in capitals ("IT WAS THE DEPLOY"), where an acronym
    cannot be told from a capitalised word."""
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc) and doc[i].is_alpha]
    return any(t.text.isupper() and len(t.text) > 1 for t in near)


def spelled_as_product(tok) -> bool:
    """Spelled as a product or a system, not a person or a team: a name with a capital
    inside ("FleetCtl", "PagerDuty"; not "McKenna" nor "SecOps") or an acronym ("the
    ORM", "the CDN"; ask ``People.is_person`` first, for "QA" and "HR")."""
    return _camel_case(tok) or _acronym(tok)


def _camel_case(tok) -> bool:
    """A name with a capital inside its lower-case letters ("FleetCtl", "PagerDuty"): a
    product's spelling, not a person's (but "McKenna", "MacLeod", "DeShawn")."""
    text = tok.text
    return (
        text.isalpha()
        and text[:1].isupper()
        and not text.isupper()
        and any(c.isupper() for c in text[2:])
        and not _SURNAME_PREFIX.match(text)
        and not text.endswith(TEAM_ENDINGS)
    )


TEAM_ENDINGS = ("Eng", "Ops", "Rel", "Sec", "Squad", "Team")
"""How teams' names with a capital inside end: "SecOps", "DevRel", "PlatformEng"."""


def _acronym(tok) -> bool:
    """An acronym that is no person or team ("the ORM", "the CDN"; "QA", "HR" are
    people, asked first)."""
    text = tok.text
    return text.isalpha() and text.isupper() and 2 <= len(text) <= 6


_SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z][a-z]+$")
"""A name with one capital inside after a surname prefix: "McKenna", "DeShawn"."""
