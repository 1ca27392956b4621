"""agentless-passive: a passive clause that reports an event without its doer.

The check only wires the grammar together (blamelint/grammar): find the
passive clauses and the reduced passives of timelines, keep those that are
really passive, name no agent and report an event rather than a state or a
habit, and say each one in the active voice. Coordinated participles that
share one auxiliary ("was opened at 06:12 and upgraded to SEV-1") are one
finding. Unless ``model = "off"`` (on by default since session 9) each match under a
heading is then read by the rule's veto (blamelint.rules.veto, trained by
training/train_veto.py), which drops the matches it scores under the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from blamelint.data import load
from blamelint.data.models import NoCardData, PassiveCuesData, PassiveVerbsData, StatesData
from blamelint.grammar.active_voice import (
    active_voice,
    hyphen_prefix,
    inflect,
    particles,
    pronoun_for,
    rewrite_extent,
    verb_parts,
)
from blamelint.grammar.agents import has_agent
from blamelint.grammar.events import TIMESTAMP, is_timeline_entry, tense_of, timestamp_end, why_not_event
from blamelint.grammar.fragments import prose_paragraph, reads_as_passive
from blamelint.grammar.lexicon import PassiveLexicon, in_class
from blamelint.grammar.morphology import known_word
from blamelint.grammar.narration import NarrationReading, general_statement
from blamelint.grammar.passive import GET_PASSIVE, PassiveClause, find_passives
from blamelint.grammar.people import People
from blamelint.grammar.rewrites import faithful, parses_active, verb_lemmas
from blamelint.postmortem.sections import catalog
from blamelint.rules import model_options, veto
from blamelint.rules.base import Match, Rule

TIMELINE = "timeline"
ACTION_ITEMS = "action-items"


def load_lexicon() -> PassiveLexicon:
    return PassiveLexicon.from_models(load(StatesData), load(PassiveVerbsData), load(PassiveCuesData))


@dataclass
class _Unparsed(Match):
    """A match that depends on the document's reading, whose rewrite has passed
    every test but the re-parse: that waits until the match is known to hold."""

    lemmas: frozenset[str] = frozenset()


class AgentlessPassive(Rule):
    data_model = NoCardData
    OPTIONS: ClassVar[dict[str, tuple[type, Any]]] = model_options.OPTIONS
    """Per-rule options (checked in ``veto.RuleVeto``): the veto and its threshold."""

    def setup(self) -> None:
        self.lex = load_lexicon()
        self.veto = veto.RuleVeto(self.options, self.id)
        self._is_person, self._is_action, self._is_person_in_prose = _noun_tests()
        self._sections: dict[str, tuple[str, ...] | None] = {}
        self._parse = None
        self._narration = NarrationReading(self.lex)

    def begin_document(self, document) -> None:
        self._narration = NarrationReading(self.lex)

    def read_sentence(self, sent, block) -> None:
        """Whether the document narrates its incident in the present tense
        (blamelint.grammar.narration) is read from its parsed prose paragraphs
        outside timeline sections."""
        if getattr(block, "kind", None) == "paragraph" and TIMELINE not in self._section_kinds(block):
            self._narration.read(sent)

    def reading(self) -> bool:
        return self._narration.narrated

    def attach_pipeline(self, nlp) -> None:
        self._parse = nlp

    def check_sentence(self, sent, block) -> Iterable[Match]:
        if getattr(block, "kind", None) == "heading" and not _question(sent):
            return  # "Lessons learned", "Services affected": labels, not clauses
        clauses = list(find_passives(sent, self.lex.complement_heads))
        if not clauses:
            return
        kinds = self._section_kinds(block)
        section = TIMELINE in kinds
        # A timeline table keeps the time in its own cell: each event cell is an entry.
        entry = is_timeline_entry(sent) or (section and getattr(block, "kind", None) == "table_cell")
        # An action item in a list is written as a headline too ("TTL lowered to 5s (done)").
        headline_item = ACTION_ITEMS in kinds and getattr(block, "kind", None) == "list_item"
        # A sentence among full sentences of a prose paragraph is not a headline ("Mei rolled back
        # to v40 at 17:36." is Mei acting, after "Once on the bridge he found the cause.").
        prose = not section and not entry and prose_paragraph(sent, block)
        # Outside a timeline, a present clause reports an event only if the document
        # narrates in the present, which is known once all its prose has been read:
        # where the two readings differ, each gives its matches under its ``reading``.
        plain = self._groups(clauses, sent, section, entry, headline_item, prose, narrated=False)
        told = (
            plain
            if section
            else self._groups(clauses, sent, section, entry, headline_item, prose, narrated=True)
        )
        for group, reading in _reported(plain, told):
            # the veto reads the span before the rewrite is built (and maybe re-parsed)
            if self.veto.keeps("passive", sent, block, *_span(group)):
                yield self._match(group, reading)

    def settle(self, matches: list[Match]) -> list[Match]:
        """The matches that hold under the document's reading, with the re-parse of
        their rewrites that ``_match`` put off (test 3 of blamelint.grammar.rewrites)."""
        settled = []
        for match in super().settle(matches):
            if isinstance(match, _Unparsed):
                english = self._parse is None or parses_active(match.suggestion, match.lemmas, self._parse)
                match = Match(
                    match.start,
                    match.end,
                    match.message,
                    match.suggestion if english else None,
                    match.replaces if english else None,
                    match.reading,
                )
            settled.append(match)
        return settled

    def _groups(
        self, clauses, sent, section: bool, entry: bool, headline_item: bool, prose: bool, narrated: bool
    ) -> dict[int, list[PassiveClause]]:
        """The flagged clauses by the word that opens them (coordinated participles
        sharing one auxiliary are one group)."""
        groups: dict[int, list[PassiveClause]] = {}
        for clause in clauses:
            if self._flagged(clause, clauses, sent, section, entry, headline_item, prose, narrated):
                groups.setdefault((clause.first or clause.verb).i, []).append(clause)
        return groups

    def _flagged(
        self,
        clause: PassiveClause,
        clauses: list[PassiveClause],
        sent,
        section: bool,
        entry: bool,
        headline_item: bool = False,
        prose: bool = False,
        narrated: bool = False,
    ) -> bool:
        lex = self.lex
        # (not a verb whose participle is its base form: "job: read with the latest schema" is an order)
        item = headline_item and clause.verb.lower_ != clause.verb.lemma_.lower()
        if clause.reduced and not reads_as_passive(
            clause,
            lex,
            self._is_person_in_prose if prose else self._is_person,
            entry,
            item,
            prose,
            self._is_action,
        ):
            return False
        if clause.verb.lower_ in lex.not_participles:
            return False  # "dashboards red": a colour, not the verb "redd"
        if clause.after_adjective and in_class(clause.verb, lex.intransitive):
            return False  # "The node was unreachable and rebooted twice": the node may have rebooted
        if clause.kind == GET_PASSIVE and in_class(clause.verb, lex.get_idioms):
            return False  # "get rid of", "got started": active idioms
        owner = (clause.first or clause.verb).i
        shared = [c.verb for c in clauses if (c.first or c.verb).i == owner and c.verb.i != clause.verb.i]
        if has_agent(clause.verb, lex, shared, self._is_action):
            return False
        narrated = narrated and not section
        return (
            why_not_event(
                clause,
                lex,
                sent,
                section,
                self._is_person,
                entry,
                (lambda c: not general_statement(c)) if narrated else (lambda c: False),
            )
            is None
        )

    def _match(self, group: list[PassiveClause], reading: bool | None = None) -> Match:
        head = group[0]
        start, end = _span(group)
        tense = tense_of(head)
        message = self.card.message.format(text=head.verb.text, who_did=_who_did(head, tense))
        rewrite = active_voice(group)
        later = reading is not None  # a match that may be dropped: its rewrite is re-parsed in settle
        if not faithful(group, rewrite, timestamp_end(head.verb.sent), None if later else self._parse):
            rewrite = None  # not English, or loses words: the message says whom to name
        extent = rewrite_extent(group, rewrite) if rewrite else None
        if later and rewrite:
            return _Unparsed(start, end, message, rewrite, extent, reading, verb_lemmas(group))
        return Match(start, end, message, rewrite, extent, reading)

    def _section_kinds(self, block) -> tuple[str, ...]:
        """The kinds of section the block sits in, by the nearest heading that
        names one, so "## Timeline" then "### 13:44" is still a timeline (present
        tense there reports events: "14:05 Config is rolled back"); a heading
        that is itself a time ("### 13:44 UTC") counts as a timeline too."""
        for heading in reversed(getattr(block, "headings", ()) or ()):
            text = heading.text.strip()
            if text not in self._sections:
                kinds = tuple(catalog().classify(text))
                self._sections[text] = kinds if kinds else ((TIMELINE,) if _is_time(text) else None)
            if self._sections[text] is not None:
                return self._sections[text]
        return ()


def _reported(plain, told):
    """(group, reading) for each flagged group: one with reading None when both readings of
    the document flag it alike, else one per reading that does."""
    for key in sorted(plain.keys() | told.keys()):
        group, narrated_group = plain.get(key), told.get(key)
        if _same(group, narrated_group):
            yield group, None
            continue
        if group:
            yield group, False
        if narrated_group:
            yield narrated_group, True


def _span(group: list[PassiveClause]) -> tuple[int, int]:
    """The source offsets a group's finding covers: from its first auxiliary (or
    participle) to its last participle."""
    head, last = group[0], group[-1]
    start_tok = min(
        [head.verb] + [a for a in head.aux if a.i < head.verb.i and a.sent == head.verb.sent],
        key=lambda t: t.i,
    )
    return start_tok.idx, last.verb.idx + len(last.verb)


def _same(group: list[PassiveClause] | None, other: list[PassiveClause] | None) -> bool:
    """Whether two groups hold the same clauses."""
    if group is None or other is None:
        return group is other
    return [c.verb.i for c in group] == [c.verb.i for c in other]


def _question(sent) -> bool:
    """A heading that asks a question is a clause, not a label: "Will customers
    be refunded?", "Why was the page not escalated?"."""
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text == "?"


def _is_time(heading: str) -> bool:
    """A heading that is a moment: "13:44", "13:44 UTC", "2024-03-01 09:12", "Day 2, 04:10"."""
    match = TIMESTAMP.match(heading)
    return bool(match) and len(heading[match.end() :].split()) <= 2


def _who_did(clause: PassiveClause, tense) -> str:
    """ "ran it", "should remove it", "did not turn it off", "had changed it"."""
    verb = clause.verb
    if tense.infinitive:
        auxiliary, main = "", inflect(verb, "VBD")
    elif tense.negated and tense.plain:
        auxiliary, main = "did not", inflect(verb, "VB")  # also for "never": the message says what
    else:
        auxiliary, main = verb_parts(verb, tense, clause)
    main = hyphen_prefix(verb) + main  # "did not load-test it", not "did not test it"
    return " ".join(w for w in (auxiliary, main, pronoun_for(clause.subject), particles(verb)) if w)


def _noun_tests():
    """(is_person, is_action) by the shared word lists (rules/data/people.yaml):
    pronouns, role nouns and names; nouns for things people do. A capitalised
    first word of a sentence (after a timestamp) counts as a name only if the
    lists say so: headlines start with common nouns ("Rollback initiated")."""
    people: People | None = None

    def shared() -> People:
        nonlocal people
        if people is None:
            people = People()
        return people

    def is_person(tok) -> bool:
        p = shared()
        if p.is_role(tok) or tok.lower_ in p.pronouns:
            return True
        first = tok.i <= timestamp_end(tok.sent)
        return not first and tok.tag_ in ("NNP", "NNPS") and p.is_person(tok)

    def is_person_in_prose(tok) -> bool:
        """Among full sentences a capitalised first word that is not an English word is a
        name like any other ("Mei rolled back to v40 at 17:36.", but "Incident declared")."""
        return is_person(tok) or (
            tok.tag_ in ("NNP", "NNPS") and not known_word(tok.lower_) and shared().is_person(tok)
        )

    def is_action(tok) -> bool:
        return shared().is_action(tok)

    return is_person, is_action, is_person_in_prose
