"""The people and the systems of one document, read from how the document
itself talks about its names.

A capitalised name is not a person because it is capitalised: "Hank, our node
autoscaler" is software for the rest of that document, and "nobody on Growth"
makes "Growth" a team. The reading is a cheap scan of the document's text
(regular expressions, no parse), done once per document:

- a name is a system when an appositive names it with a system noun ("Rufus,
  the data-quality bot", "our anti-cheat system, Bastion"), when it is deployed,
  restarted or upgraded, carries a version ("Nimbus 2.4"), has what only software
  has ("Nimbus's p99 latency"), or is written as inline code;
- a name is a person when an appositive names it with a role noun ("Rafael, the
  on-call engineer", "the release manager, Tobias"), when it speaks, pages,
  notices or decides, when it labels a line as its speaker (also in lower case:
  "[09:12] ruth: ...", "- (noor) ..."), when a relative "who" follows it, or is a handle; a word
  is a team when the document says "the <word> team" (or folks, crew, squad; also a name in two or
  three capitalised words or an acronym: "the Hardware Validation team", "the DBRE team"),
  "someone on <word>" or "<Word>'s on-call" (or lead, engineers, staff).

An appositive settles a name; otherwise a name with both kinds of cue is left
undecided (the sentence-level tests apply). The words of the cues (the verbs,
the pronouns, what is not a team's name) are data: rules/data/cast.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from blamelint.data import load
from blamelint.data.models import CastData
from blamelint.grammar.morphology import known_word

NAME = r"[A-Z][a-z]+"
TITLED = rf"{NAME}(?:[ \t]+{NAME}){{1,2}}"
"""A name in two or three capitalised words: "the Hardware Validation team"."""
ACRONYM = r"[A-Z]{2,6}"
"""A team named by its initials: "the DBRE team"."""
_DETS = r"(?:[Oo]ur|[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Mm]y)"
APPOSITIVE = re.compile(rf"\b({NAME}),\s+{_DETS}\s+((?:[\w-]+\s+){{0,3}}[\w-]+)\s*[,.;:)]")
PARENTHESIS = re.compile(rf"\b({NAME})\s+\(\s*{_DETS}\s+((?:[\w-]+\s+){{0,3}}[\w-]+)\s*[,.;:)]")
"""A name glossed in parentheses: "Maude (our deploy bot, for the new folks)"."""
ROLE_FIRST = re.compile(rf"\b{_DETS}\s+((?:[\w-]+\s+){{0,2}}[\w-]+),\s+({NAME})\s*[,.;:)]")
VERSIONED = re.compile(rf"\b({NAME})\s+v?\d+(?:\.\d+)+\b")
CODE = re.compile(r"`([^`\n]{1,60})`")
SPEAKER = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\[?\d{1,2}:\d{2}\]?[ \t]+\(?([^\W\d_]{2,15})\)?:|\(([^\W\d_]{2,15})\)[ \t])",
    re.MULTILINE,
)
"""A speaker's label opening a line, often in lower case in chat and notes: "[09:12] ruth: ...",
"- (noor) it's slightly sam's fault": a person (unless an English word: "- (note) ...")."""
WHO = re.compile(rf"\b({NAME}),\s+who\b")
"""A name that a relative "who" follows: "Shoutout to Platform, who have never met a rule ...":
a person or team."""


def _either(words: Iterable[str]) -> str:
    """A regular expression alternation of ``words`` (literal, longest first)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class CastPatterns:
    """The cues of the module docstring that are vocabulary, built from
    rules/data/cast.yaml (``from_data``)."""

    speaks: re.Pattern
    """ "<Name> said", "<Name> paged": a person."""
    on_call: re.Pattern
    """ "<Name>, on call": a person."""
    deployed: re.Pattern
    """ "restarted the <Name>": a system."""
    was_deployed: re.Pattern
    """ "<Name> was rolled back": a system."""
    member: re.Pattern
    """ "nobody on <word>": a team (unless "on the <word> side", "on call")."""
    members: re.Pattern
    """ "<Name>'s on-call", "<Name>'s lead": a team."""
    parts: re.Pattern
    """ "<Name>'s p99 latency", "<Name>'s read replicas": a system."""
    group: re.Pattern
    """ "the <word> team", "the <Name> folks", "the Hardware Validation team", "the DBRE team": a
    team (a name in several words is kept as its words, lower-cased, one space apart)."""
    not_team_names: frozenset[str]
    """What is no team's name: the data's not_team_names and system_acronyms."""

    @classmethod
    def from_data(cls, data: CastData) -> CastPatterns:
        return cls(
            speaks=re.compile(rf"\b({NAME})\s+(?:{_either(data.speech_verbs)})\b"),
            on_call=re.compile(rf"\b({NAME}),\s+(?:{_either(data.on_call)})\b"),
            deployed=re.compile(rf"\b(?:{_either(data.system_verbs)})\s+(?:the\s+)?({NAME})\b"),
            was_deployed=re.compile(
                rf"\b({NAME})\s+(?:{_either(data.system_auxiliaries)})\s+"
                rf"(?:{_either(data.system_participles)})\b"
            ),
            member=re.compile(
                rf"\b(?i:{_either(data.member_pronouns)})\s+(?:on|from|in)\s+"
                r"(?:the\s+)?([A-Za-z][a-z]+)\b(?!\s+(?:side|call)\b)"
            ),
            members=re.compile(rf"\b({NAME})['’]s\s+(?:{_either(data.team_members)})\b"),
            parts=re.compile(
                rf"\b({NAME})['’]s\s+(?:[\w-]+\s+){{0,2}}(?i:{_either(data.system_parts)})\b(?![-'’])"
            ),
            group=re.compile(
                rf"\b(?i:the|our|their|that|this)\s+(?:({TITLED}|{ACRONYM})\s+team|([A-Za-z][a-z]+)\s+team|"
                rf"({NAME})\s+(?:{_either(data.group_nouns)}))\b"
            ),
            not_team_names=frozenset(data.not_team_names) | frozenset(data.system_acronyms),
        )


@cache
def cast_patterns() -> CastPatterns:
    """The patterns of blamelint's own data (built once per process)."""
    return CastPatterns.from_data(load(CastData))


@dataclass
class Cast:
    """Lower-cased names: ``people`` (persons and teams) and ``systems``."""

    people: frozenset[str] = field(default_factory=frozenset)
    systems: frozenset[str] = field(default_factory=frozenset)

    def says_system(self, word: str) -> bool:
        return word.lower() in self.systems

    def says_person(self, word: str) -> bool:
        return word.lower() in self.people


NO_CAST = Cast()


def _heads(phrase: str) -> str:
    return phrase.split()[-1].lower().rstrip("s") if phrase.split() else ""


def read_cast(
    text: str, system_nouns: Iterable[str], role_nouns: Iterable[str], patterns: CastPatterns | None = None
) -> Cast:
    """The cast of a document's text (see the module docstring), by ``patterns``
    (default: ``cast_patterns()``)."""
    cues = patterns if patterns is not None else cast_patterns()
    systems_words = frozenset(w.lower() for w in system_nouns)
    roles = frozenset(w.lower() for w in role_nouns)

    def kind(phrase: str):
        last = phrase.split()[-1].lower()
        for word in (last, last.rstrip("s"), last.split("-")[-1]):
            if word in systems_words:
                return "system"
            if word in roles:
                return "person"
        return None

    settled: dict[str, str] = {}
    for match in [*APPOSITIVE.finditer(text), *PARENTHESIS.finditer(text)]:
        found = kind(match.group(2))
        if found is not None:
            settled.setdefault(match.group(1).lower(), found)
    for match in ROLE_FIRST.finditer(text):
        found = kind(match.group(1))
        if found is not None:
            settled.setdefault(match.group(2).lower(), found)
    person_cues = {m.group(1).lower() for p in (cues.speaks, cues.on_call, WHO) for m in p.finditer(text)}
    person_cues |= {
        name.lower()
        for m in SPEAKER.finditer(text)
        for name in m.groups()
        if name is not None and not known_word(name.lower())
    }
    system_cues = {
        m.group(1).lower()
        for p in (cues.deployed, cues.was_deployed, cues.parts, VERSIONED)
        for m in p.finditer(text)
    }
    system_cues |= {m.group(1).strip().lower() for m in CODE.finditer(text)}
    teams = {
        name.lower()
        for p in (cues.group, cues.member, cues.members)
        for m in p.finditer(text)
        for name in m.groups()
        if name is not None
    }
    teams = {" ".join(name.split()) for name in teams}
    teams -= roles | systems_words | cues.not_team_names
    people = {n for n, k in settled.items() if k == "person"}
    systems = {n for n, k in settled.items() if k == "system"}
    for name in (person_cues | teams) - system_cues:
        if name not in settled:
            people.add(name)
    for name in system_cues - person_cues - teams:
        if name not in settled:
            systems.add(name)
    return Cast(people=frozenset(people), systems=frozenset(systems))
