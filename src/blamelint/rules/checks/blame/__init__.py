"""blame: judgmental language about people.

Words that judge whoever they are said of ("careless", "human error") are a
list in rules/data/blame.yaml. Words that judge only when a person is their
subject ("ignored", "panicked", "failed to", "useless") go through the parse:
"The on-call ignored the page" is blame, "The client ignored the header" is not.
Plain accounts of actions, even of mistakes ("I restarted the wrong host",
"Xiu mistakenly assumed ..."), are never flagged.

The rule is a list of small detectors: phrase detectors over the sentence
(``phrases``) and token detectors (``acts``, ``traits``, ``fault``), tried in
order on each token; the first that fires gives the token's finding.

Unless ``[tool.blamelint.rules.blame] model = "off"``, a sentence
in which no detector found anything (not even a find a denial then took out) is
also scored by a small text classifier (``model``); above the threshold, the
finding points at the sentence's main predicate.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from blamelint.data.models import BlameCardData
from blamelint.rules import model_options
from blamelint.rules.base import Match, Rule
from blamelint.rules.checks.blame import acts, denial, fault, instructions, model, phrases, remedies, traits
from blamelint.rules.checks.blame.lexicon import lexicon

LEADING = (phrases.judgment_phrases, phrases.fault_phrases)
"""Sentence detectors reported before the token detectors."""

TOKEN_DETECTORS = (
    acts.person_verb,
    traits.more_careful,
    traits.not_careful,
    acts.belittled,
    fault.held_accountable,
    acts.again,
    acts.failure,
    traits.person_adjective,
    traits.mistake,
    acts.negated_adverb,
    acts.habit,
    traits.better_person,
    fault.fault,
    fault.responsible,
    traits.typical,
    acts.sanctioned,
    traits.shamed,
    acts.hasty,
    acts.unchecked,
    traits.trait,
    acts.let_lapse,
    acts.stripped,
    acts.careless_counterfactual,
    acts.whoever_had,
    fault.assigned,
    acts.not_serious,
    acts.stopped_caring,
    traits.ignorant,
    traits.expect_better,
    traits.kept_away,
    acts.barred,
    acts.trivialised,
    acts.reminded,
    remedies.retrained,
    remedies.written_account,
    remedies.reminded_of_duty,
    fault.named_cause,
    fault.disowned,
    fault.writer_blames,
    instructions.scolded,
    instructions.told_to_learn,
    instructions.told_to_teach,
)
"""Tried in this order on each token; the first that fires wins."""

TRAILING = (
    phrases.admonition,
    phrases.sarcasm,
    phrases.hearsay_sarcasm,
    phrases.repetition,
    phrases.omission,
)
"""Sentence detectors reported after the token detectors."""


class Blame(Rule):
    data_model = BlameCardData
    OPTIONS: ClassVar[dict[str, tuple[type, Any]]] = model_options.OPTIONS
    """Per-rule options (checked in ``model.settings``): the optional model and its threshold."""

    def setup(self) -> None:
        self.lex = lexicon()
        self.use_model, self.threshold = model.settings(self.options, self.id)

    def begin_document(self, document) -> None:
        """Learn the document's people and systems ("Hank, our node
        autoscaler", "nobody on Growth") before its sentences are checked."""
        self.lex = lexicon().in_document(document.source)

    def document_key(self):
        cast = self.lex.people.cast
        return (cast.people, cast.systems)

    def check_sentence(self, sent, block) -> Iterable[Match]:
        tokens = list(sent)
        read = False
        for kind, first, last in self.found(tokens):
            read = True
            if not denial.not_blame(self.lex, kind, first, last):
                yield self.message_match(kind, first, last)
        if (
            not read
            and self.use_model
            and not (model.gated() and model.negated(tokens))
            and not (model.person_gated() and not any(model.other_person(self.lex, t) for t in tokens))
            and not (model.person_gated() and model.ownership(self.lex, tokens))
            and model.score(sent.text) >= self.threshold
        ):
            yield self.message_match("model", *model.main_predicate(tokens))

    def found(self, tokens):
        """(kind, first, last) of every detector's find, before denials are
        taken out."""
        for detector in LEADING:
            yield from detector(self.lex, tokens)
        for tok in tokens:
            for detect in TOKEN_DETECTORS:
                found = detect(self.lex, tok)
                if found is not None:
                    yield found
                    break
        for detector in TRAILING:
            yield from detector(self.lex, tokens)
