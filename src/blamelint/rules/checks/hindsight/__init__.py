"""hindsight: judging past actions by what is known only afterwards.

Flagged, from the parse: modal perfects about what people did or should have
done (``perfects``: "We should have rolled back", "This could have been caught
in staging", "A soak test would have revealed the leak"), past counterfactual
conditions (``conditions``: "Had we tested ..., we would have ...", "If only
..."), and the words and phrases of rules/data/hindsight.yaml (``markers``: "in
hindsight", "preventable").

Not flagged: forward-looking statements ("We should add an alert"), "should
have" about behaviour designed in advance (a system component as subject, in
the active voice: "The standby should have taken over within 30 seconds"),
counterfactuals that credit a safeguard ("Without the circuit breaker the
failure would have spread"), inferences ("Someone must have changed it") and
possibilities ("The lag could have been network jitter").

The rule is a list of small detectors: sentence detectors over the phrase
lists, the modal perfect of each token, then the conditions. Unless ``model =
"off"`` (on by default since session 9) each match under a heading is then read by
the rule's veto (blamelint.rules.veto, trained by training/train_veto.py), which
drops the matches it scores under the threshold.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from blamelint.data.models import HindsightCardData
from blamelint.rules import model_options, veto
from blamelint.rules.base import Match, Rule
from blamelint.rules.checks.hindsight import conditions, markers, perfects
from blamelint.rules.checks.hindsight.lexicon import lexicon

LEADING = (markers.marker_phrases, markers.looking_back_or_word, markers.why_nobody)
"""Sentence detectors reported first, in this order."""

TRAILING = (conditions.counterfactual,)
"""Sentence detectors reported after the modal perfects."""


class Hindsight(Rule):
    data_model = HindsightCardData
    OPTIONS: ClassVar[dict[str, tuple[type, Any]]] = model_options.OPTIONS
    """Per-rule options (checked in ``veto.RuleVeto``): the veto and its threshold."""

    def setup(self) -> None:
        self.lex = lexicon()
        self.veto = veto.RuleVeto(self.options, self.id)

    def check_sentence(self, sent, block) -> Iterable[Match]:
        for kind, first, last in self.found(sent):
            match = self.message_match(kind, first, last)
            if self.veto.keeps(kind, sent, block, match.start, match.end):
                yield match

    def found(self, sent):
        """(kind, first, last) of every detector's find, in the order reported."""
        tokens = list(sent)
        for detector in LEADING:
            yield from detector(self.lex, tokens)
        for tok in tokens:
            found = perfects.modal_perfect(self.lex, tok)
            if found is not None:
                yield found
        for detector in TRAILING:
            yield from detector(self.lex, tokens)
