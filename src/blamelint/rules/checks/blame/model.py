"""The blame rule's optional statistical detector: a small spaCy text classifier
(training/train_blame.py, shipped in blamelint/models/blame/) that scores a
whole sentence for blame.

It has its own blank English pipeline (tokenizer + ``textcat``), so it reads the
sentence's text only and adds nothing to the rule's ``needs``. It is loaded on
first use and kept for the life of the process (one copy per worker process).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from blamelint.errors import ConfigError

MODEL_DIR = Path(__file__).resolve().parents[3] / "models" / "blame"
"""The shipped model: src/blamelint/models/blame/ (blamelint/models/blame/ in the wheel)."""

SWITCH = ("on", "off")


@cache
def load(path: str = str(MODEL_DIR)) -> Any:
    """The classifier pipeline at ``path`` (the shipped one by default), loaded once."""
    import spacy

    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load the blame model: {exc}") from None


@cache
def card(path: str = str(MODEL_DIR)) -> dict[str, Any]:
    """The model's card (data, seed, command, figures, recommended threshold)."""
    try:
        return json.loads((Path(path) / "card.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}/card.json: cannot read the blame model's card: {exc}") from None


def score(text: str, path: str = str(MODEL_DIR)) -> float:
    """The model's probability that ``text`` (one sentence) is blame."""
    return float(load(path)(text).cats["BLAME"])


def settings(options: dict[str, Any], rule_id: str) -> tuple[bool, float]:
    """(model on, threshold) from the rule's options, checked: ``model`` is "on" or
    "off" (default on: on two sealed batches it beat the rules alone),
    ``threshold`` a number in (0, 1) (default: the card's)."""
    where = f"options of rule '{rule_id}' (rules.{rule_id} in the config)"
    unknown = sorted(set(options) - {"model", "threshold"})  # Blame.OPTIONS
    if unknown:
        raise ConfigError(f"{where}: unknown option '{unknown[0]}'; allowed options: model, threshold")
    switch = options.get("model", "on")
    if switch not in SWITCH:
        raise ConfigError(f'{where}: \'model\' must be "on" or "off", not {switch!r}')
    threshold = options.get("threshold")
    if threshold is not None:
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
            raise ConfigError(f"{where}: 'threshold' must be a number between 0 and 1, not {threshold!r}")
        threshold = float(threshold)
    elif switch == "on":
        threshold = float(card()["threshold"])
    return switch == "on", threshold if threshold is not None else 1.0


NEGATIVES = frozenset({"no", "nobody", "none", "nothing", "neither", "nor", "never", "noone", "no-one"})


def negated(tokens: list) -> bool:
    """Whether the sentence negates anything ("not human error", "nobody was
    careless"). The model counts words and cannot tell what a negation covers,
    so it is not asked about such sentences: the detectors read negation."""
    return any(t.dep_ == "neg" or t.lower_ in NEGATIVES for t in tokens)


def main_predicate(tokens: list) -> tuple[Any, Any]:
    """The first and last token of what a model finding points at: the sentence's
    root (its main predicate), or the whole sentence when the root is punctuation."""
    for tok in tokens:
        if tok.dep_ == "ROOT" and not tok.is_punct and not tok.is_space:
            return tok, tok
    words = [t for t in tokens if not t.is_punct and not t.is_space] or tokens
    return words[0], words[-1]
