"""The options of a rule that ships a model: ``model = "on"/"off"`` and ``threshold``.

Shared by the blame rule's classifier and the rules' vetoes; checked here, so a bad
value is a config error that names the rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blamelint.errors import ConfigError

SWITCH = ("on", "off")
OPTIONS: dict[str, tuple[type, Any]] = {"model": (str, "on"), "threshold": (float, None)}
"""The ``Rule.OPTIONS`` of every rule that ships a model (blame's classifier, the vetoes);
``model_settings`` checks their values."""


def model_settings(
    options: dict[str, Any], rule_id: str, default: str, card_threshold: Callable[[], float]
) -> tuple[bool, float]:
    """(model on, threshold): ``model`` is "on" or "off" (``default`` when not given),
    ``threshold`` a number in (0, 1) (default: ``card_threshold()``, read only when the
    model is on). Off, the threshold is 1.0: nothing reaches it."""
    where = f"options of rule '{rule_id}' (rules.{rule_id} in the config)"
    unknown = sorted(set(options) - {"model", "threshold"})
    if unknown:
        raise ConfigError(f"{where}: unknown option '{unknown[0]}'; allowed options: model, threshold")
    switch = options.get("model", default)
    if switch not in SWITCH:
        raise ConfigError(f'{where}: \'model\' must be "on" or "off", not {switch!r}')
    threshold = options.get("threshold")
    if threshold is not None:
        if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
            raise ConfigError(f"{where}: 'threshold' must be a number between 0 and 1, not {threshold!r}")
        return switch == "on", float(threshold)
    if switch == "off":
        return False, 1.0
    return True, float(card_threshold())
