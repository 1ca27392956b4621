"""A rule's optional veto: a small text classifier that reads each of the rule's
matches in context (blamelint.rules.veto_features) and drops those it scores as
probably wrong.

Trained by training/train_veto.py on the rule's own findings over the project's
labeled postmortems (target: the sentence carries the rule's label) and shipped in
blamelint/models/veto/<rule id>/. Like the blame model it has its own blank English
pipeline (tokenizer + ``textcat``), loaded on first use and kept for the life of the
process; it adds nothing to the rule's ``needs``.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from blamelint.errors import ConfigError
from blamelint.rules.checks.blame.model import features as negation_marked
from blamelint.rules.model_options import model_settings
from blamelint.rules.veto_features import features

MODELS = Path(__file__).resolve().parents[1] / "models" / "veto"
"""The shipped vetoes: src/blamelint/models/veto/ (blamelint/models/veto/ in the wheel)."""

RIGHT = "RIGHT"
"""The classifier's label for "the rule is right about this match"."""


def model_dir(rule_id: str) -> str:
    return str(MODELS / rule_id)


@cache
def load(path: str) -> Any:
    """The classifier pipeline at ``path``, loaded once."""
    import spacy

    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load the veto model: {exc}") from None


@cache
def card(path: str) -> dict[str, Any]:
    """The veto's card (data, seed, command, figures, threshold)."""
    try:
        return json.loads((Path(path) / "card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}/card.json: cannot read the veto model's card: {exc}") from None


def score(text: str, path: str) -> float:
    """The probability that the match described by ``text`` (veto_features.features)
    is right, with the sentence's negated words marked as at training time."""
    return float(load(path)(negation_marked(text, "negation")).cats[RIGHT])


def in_context(block) -> bool:
    """A veto was trained on whole postmortems and reads the section a match sits in; a
    sentence under no heading (a bare sentence, a note without structure) gives it nothing
    to read, and the detectors' answer stands."""
    return bool(getattr(block, "headings", ()))


class RuleVeto:
    """A rule's veto as its options set it (model_options.model_settings; on by default,
    the default threshold the card's): on or off, and the threshold under which a match
    is dropped."""

    def __init__(self, options: dict[str, Any], rule_id: str) -> None:
        self.path = model_dir(rule_id)
        self.on, self.threshold = model_settings(options, rule_id, "on", lambda: card(self.path)["threshold"])

    def keeps(self, kind: str, sent, block, start: int, end: int) -> bool:
        """Whether the match of ``kind`` over [start, end) of ``sent`` stands: the veto is
        off, the sentence is under no heading, or the veto scores it at or above the
        threshold."""
        if not self.on or not in_context(block):
            return True
        return score(features(kind, sent, block, start, end), self.path) >= self.threshold
