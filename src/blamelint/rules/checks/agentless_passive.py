"""agentless-passive: a passive clause that reports an event without its doer.

The check only wires the grammar together (blamelint/grammar): find the
passive clauses and the reduced passives of timelines, keep those that are
really passive, name no agent and report an event rather than a state or a
habit, and say each one in the active voice. Coordinated participles that
share one auxiliary ("was opened at 06:12 and upgraded to SEV-1") are one
finding.
"""

from __future__ import annotations

from collections.abc import Iterable

from blamelint.data import load
from blamelint.data.models import NoCardData, PassiveCuesData, PassiveVerbsData, StatesData
from blamelint.grammar.active_voice import (
    active_voice,
    inflect,
    particles,
    pronoun_for,
    rewrite_extent,
    verb_parts,
)
from blamelint.grammar.agents import has_agent
from blamelint.grammar.events import TIMESTAMP, is_timeline_entry, tense_of, timestamp_end, why_not_event
from blamelint.grammar.fragments import reads_as_passive
from blamelint.grammar.lexicon import PassiveLexicon, in_class
from blamelint.grammar.narration import candidates, general_statement, narrates_in_present
from blamelint.grammar.passive import GET_PASSIVE, PassiveClause, find_passives
from blamelint.grammar.people import People
from blamelint.grammar.rewrites import faithful
from blamelint.postmortem.sections import catalog
from blamelint.rules.base import Match, Rule

TIMELINE = "timeline"
ACTION_ITEMS = "action-items"


def load_lexicon() -> PassiveLexicon:
    return PassiveLexicon.from_models(load(StatesData), load(PassiveVerbsData), load(PassiveCuesData))


class AgentlessPassive(Rule):
    data_model = NoCardData

    def setup(self) -> None:
        self.lex = load_lexicon()
        self._is_person, self._is_action = _noun_tests()
        self._sections: dict[str, tuple[str, ...] | None] = {}
        self._parse = None
        self._narrated = False

    def begin_document(self, document) -> None:
        """Whether the document narrates its incident in the present tense
        (blamelint.grammar.narration), read from its prose paragraphs outside
        timeline sections; only a few sentences that open with a moment are parsed."""
        self._narrated = False
        if self._parse is None:
            return
        prose = [
            b.text
            for b in document.blocks
            if b.kind == "paragraph" and TIMELINE not in self._section_kinds(b)
        ]
        found = candidates(prose, self.lex)
        if found:
            self._narrated = narrates_in_present(self._parse.pipe(found), self.lex)

    def document_key(self):
        return self._narrated

    def attach_pipeline(self, nlp) -> None:
        self._parse = nlp

    def check_sentence(self, sent, block) -> Iterable[Match]:
        if getattr(block, "kind", None) == "heading":
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
        groups: dict[int, list[PassiveClause]] = {}
        for clause in clauses:
            if self._flagged(clause, clauses, sent, section, entry, headline_item):
                groups.setdefault((clause.first or clause.verb).i, []).append(clause)
        for key in sorted(groups):
            yield self._match(groups[key])

    def _flagged(
        self,
        clause: PassiveClause,
        clauses: list[PassiveClause],
        sent,
        section: bool,
        entry: bool,
        headline_item: bool = False,
    ) -> bool:
        lex = self.lex
        # (not a verb whose participle is its base form: "job: read with the latest schema" is an order)
        item = headline_item and clause.verb.lower_ != clause.verb.lemma_.lower()
        if clause.reduced and not reads_as_passive(clause, lex, self._is_person, entry, item):
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
        narrated = self._narrated and not section
        return (
            why_not_event(
                clause,
                lex,
                sent,
                section,
                self._is_person,
                entry,
                self._is_action,
                (lambda c: not general_statement(c)) if narrated else (lambda c: False),
            )
            is None
        )

    def _match(self, group: list[PassiveClause]) -> Match:
        head, last = group[0], group[-1]
        start_tok = min(
            [head.verb] + [a for a in head.aux if a.i < head.verb.i and a.sent == head.verb.sent],
            key=lambda t: t.i,
        )
        start = start_tok.idx
        end = last.verb.idx + len(last.verb)
        tense = tense_of(head)
        message = self.card.message.format(text=head.verb.text, who_did=_who_did(head, tense))
        rewrite = active_voice(group)
        if not faithful(group, rewrite, timestamp_end(head.verb.sent), self._parse):
            rewrite = None  # not English, or loses words: the message says whom to name
        return Match(start, end, message, rewrite, rewrite_extent(group, rewrite) if rewrite else None)

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

    def is_action(tok) -> bool:
        return shared().is_action(tok)

    return is_person, is_action
