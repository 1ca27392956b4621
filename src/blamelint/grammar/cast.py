"""The people and the systems of one document, read from how the document
itself talks about its names.

A capitalised name is not a person because it is capitalised: "Hank, our node
autoscaler" is software for the rest of that document, and "nobody on Growth"
makes "Growth" a team. The reading is a cheap scan of the document's text
(regular expressions, no parse), done once per document:

- a name is a system when an appositive names it with a system noun ("Rufus,
  the data-quality bot"), when it is deployed, restarted or upgraded, carries a
  version ("Nimbus 2.4"), or is written as inline code;
- a name is a person when an appositive names it with a role noun ("Rafael, the
  on-call engineer", "the release manager, Tobias"), when it speaks, pages,
  notices or decides, or is a handle; a word is a team when the document says
  "the <word> team" or "someone on <word>".

An appositive settles a name; otherwise a name with both kinds of cue is left
undecided (the sentence-level tests apply).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

NAME = r"[A-Z][a-z]+"
_DETS = r"(?:our|the|a|an|its|their|his|her|my)"
APPOSITIVE = re.compile(rf"\b({NAME}),\s+{_DETS}\s+((?:[\w-]+\s+){{0,3}}[\w-]+)\s*[,.;:)]")
PARENTHESIS = re.compile(rf"\b({NAME})\s+\(\s*{_DETS}\s+((?:[\w-]+\s+){{0,3}}[\w-]+)\s*[,.;:)]")
"""A name glossed in parentheses: "Maude (our deploy bot, for the new folks)"."""
ROLE_FIRST = re.compile(rf"\b{_DETS}\s+((?:[\w-]+\s+){{0,2}}[\w-]+),\s+({NAME})\s*[,.;:)]")
SPEAKS = re.compile(
    rf"\b({NAME})\s+(?:said|says|paged|pages|noticed|notices|decided|decides|wrote|writes|asked|asks|"
    r"told|tells|replied|replies|thought|thinks|agreed|agrees|apologi[sz]ed|apologi[sz]es|joined|joins|"
    r"acknowledged|acknowledges)\b"
)
ON_CALL = re.compile(rf"\b({NAME}),\s+(?:on call|on-call)\b")
DEPLOYED = re.compile(
    rf"\b(?:deploy(?:ed|ing|s)?|redeploy(?:ed|ing|s)?|restart(?:ed|ing|s)?|upgrad(?:e|ed|ing|es)|"
    rf"reboot(?:ed|ing|s)?|patch(?:ed|ing|es)?|install(?:ed|ing|s)?)\s+(?:the\s+)?({NAME})\b"
)
WAS_DEPLOYED = re.compile(
    rf"\b({NAME})\s+(?:was|is|got|were|has been)\s+(?:deployed|redeployed|restarted|upgraded|rebooted|"
    r"patched|installed|rolled back)\b"
)
VERSIONED = re.compile(rf"\b({NAME})\s+v?\d+(?:\.\d+)+\b")
CODE = re.compile(r"`([^`\n]{1,60})`")
TEAM = re.compile(r"\b(?i:the|our|their|that|this)\s+([A-Za-z][a-z]+)\s+team\b")
MEMBER = re.compile(
    r"\b(?i:nobody|no one|someone|somebody|anyone|anybody|everyone|everybody)\s+(?:on|from|in)\s+"
    r"(?:the\s+)?([A-Za-z][a-z]+)\b(?!\s+(?:side|call)\b)"
)
FUNCTION_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "our",
        "their",
        "his",
        "her",
        "its",
        "my",
        "your",
        "whole",
        "same",
        "other",
        "entire",
        "new",
        "old",
        "own",
        "current",
        "one",
        "each",
        "every",
        "any",
        "some",
        "call",
        "duty",
        "shift",
        "site",
        "staff",
    }
)


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


def read_cast(text: str, system_nouns: Iterable[str], role_nouns: Iterable[str]) -> Cast:
    """The cast of a document's text (see the module docstring)."""
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
        if kind(match.group(1)) == "person":
            settled.setdefault(match.group(2).lower(), "person")
    person_cues = {m.group(1).lower() for p in (SPEAKS, ON_CALL) for m in p.finditer(text)}
    system_cues = {m.group(1).lower() for p in (DEPLOYED, WAS_DEPLOYED, VERSIONED) for m in p.finditer(text)}
    system_cues |= {m.group(1).strip().lower() for m in CODE.finditer(text)}
    teams = {m.group(1).lower() for p in (TEAM, MEMBER) for m in p.finditer(text)}
    teams -= roles | systems_words | FUNCTION_WORDS
    people = {n for n, k in settled.items() if k == "person"}
    systems = {n for n, k in settled.items() if k == "system"}
    for name in (person_cues | teams) - system_cues:
        if name not in settled:
            people.add(name)
    for name in system_cues - person_cues - teams:
        if name not in settled:
            systems.add(name)
    return Cast(people=frozenset(people), systems=frozenset(systems))
