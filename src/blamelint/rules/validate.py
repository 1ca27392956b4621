"""Rule ids and options in a config, checked against the registry: a misspelt rule
id in ``select``, ``ignore``, ``severity`` or ``[tool.blamelint.rules.<id>]``, or an
option a rule does not take, stops the run with the config file, the key, and the
closest rule id or the allowed options."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from blamelint.errors import ConfigError


def closest(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the nearest choice, or ''."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{found[0]}'?)" if found else ""


def where(config: Any) -> str:
    if not config.source:
        return "configuration"
    if Path(config.source).name == "pyproject.toml":
        return f"{config.source} [tool.blamelint]"
    return config.source


def _unknown(config: Any, key: str, rule_id: str, known: list[str]) -> ConfigError:
    hint = closest(rule_id, known) or f"; known rules: {', '.join(known)}"
    return ConfigError(f"{where(config)}: {key}: unknown rule '{rule_id}'{hint}")


def allowed_options(cls: type) -> Any:
    """The options a rule class takes (names), or None when it does not say (a plugin)."""
    options = getattr(cls, "OPTIONS", None)
    if options is not None:
        return options
    return {} if cls.__module__.startswith("blamelint.") else None


def validate_config(config: Any, registry: Any) -> None:
    known = registry.ids()
    for key in ("select", "ignore"):
        for rule_id in getattr(config, key):
            if rule_id != "ALL" and rule_id not in known:
                raise _unknown(config, key, rule_id, known)
    for rule_id in config.severity:
        if rule_id not in known:
            raise _unknown(config, f"severity.{rule_id}", rule_id, known)
    for rule_id, options in config.rules.items():
        if rule_id not in known:
            raise _unknown(config, f"rules.{rule_id}", rule_id, known)
        allowed = allowed_options(registry.rule_class(registry.card(rule_id)))
        if allowed is None or not isinstance(options, dict):
            continue
        for option in options:
            if option not in allowed:
                names = ", ".join(sorted(allowed)) or "none"
                raise ConfigError(
                    f"{where(config)}: rules.{rule_id}.{option}: unknown option '{option}'"
                    f"{closest(option, allowed)}; {rule_id} takes: {names}"
                )
