"""root-cause: framing the analysis around one cause.

Four shapes, all read from the parse and the lists in rules/data/root-cause.yaml:

- the term (``terms``): "root cause", "root-caused", "RCA" (the word "root" alone never);
- a cause singled out (``singled``): "the primary cause", "the real reason", "the culprit";
- the incident reduced to one thing (``reduced``): "At bottom, what we had was X",
  "There is exactly one problem here: X";
- the whole incident given one cause (``whole``): "A DNS change caused the
  outage", "The outage was due to X", "We had an outage because of X", "an
  outage caused by X", "It boils down to one thing", "the root of the problem",
  "The underlying issue was X"; a cause given for a symptom ("GC pauses caused
  the 502s") or for another incident ("led to the second issue") is not flagged;
- but not text that names the term to reject it (``rejection``: "we do not look
  for a single root cause", "rather than a root cause"), counts several
  ("several root causes interacting", "three compounding factors"), layers it
  ("the immediate cause"), owns the outage in the first person ("we are sorry
  for causing this disruption"), nor a negated cause.

The rule is a list of small detectors: sentence detectors over the phrase lists,
then token detectors tried in order on each token (the first that fires gives
the token's finding). Unless ``model = "off"`` (on by default since session 5) each
match under a heading is then read by the rule's veto (blamelint.rules.veto, trained
by training/train_veto.py), which drops the matches it scores under the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from blamelint.data.models import RootCauseCardData
from blamelint.rules import model_options, veto
from blamelint.rules.base import Match, Rule
from blamelint.rules.checks.root_cause import reduced, singled, terms, whole
from blamelint.rules.checks.root_cause.lexicon import lexicon

SENTENCE_DETECTORS = (terms.term, terms.exclusive, reduced.reducing_adverbial)
"""Reported first, in this order."""

TOKEN_DETECTORS = (
    singled.singled_out,
    reduced.one_thing,
    reduced.whole_story,
    whole.whole_incident,
    singled.root_of,
    whole.event_because,
    whole.team_because,
    whole.dismissed,
)
"""Tried in this order on each token; the first that fires wins."""


class RootCause(Rule):
    data_model = RootCauseCardData
    OPTIONS: ClassVar[dict[str, tuple[type, Any]]] = model_options.OPTIONS
    """Per-rule options (checked in ``veto.RuleVeto``): the veto and its threshold."""

    def setup(self) -> None:
        self.lex = lexicon()
        self.veto = veto.RuleVeto(self.options, self.id)

    def check_sentence(self, sent, block) -> Iterable[Match]:
        for kind, first, last in self.found(sent, block):
            match = self.message_match(kind, first, last)
            if self.veto.keeps(kind, sent, block, match.start, match.end):
                yield match

    def found(self, sent, block):
        """(kind, first, last) of every detector's find, in the order reported."""
        tokens = list(sent)
        for detector in SENTENCE_DETECTORS:
            yield from detector(self.lex, tokens)
        yield from singled.cause_label(self.lex, tokens, block)
        for tok in tokens:
            for detect in TOKEN_DETECTORS:
                found = detect(self.lex, tok)
                if found is not None:
                    yield found
                    break
