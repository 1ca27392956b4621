"""The rule registry: built-in cards, cards from config paths, and plugins.

Plugins register through the entry-point group ``blamelint.rules``. An entry
point names a Rule subclass whose ``CARD`` attribute is a RuleCard, a mapping in
card form, or a path to a card file.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from blamelint.errors import RuleLoadError
from blamelint.rules.base import Rule, RuleCard
from blamelint.rules.cards import builtin_cards, load_card, user_cards

ENTRY_POINT_GROUP = "blamelint.rules"
KINDS = {"phrases": "blamelint.rules.kinds.phrases:PhraseRule"}


def import_object(spec: str, where: str) -> Any:
    module_name, _, attr = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
        return getattr(module, attr) if attr else module
    except (ImportError, AttributeError) as exc:
        raise RuleLoadError(f"{where}: cannot import '{spec}': {exc}") from None


def allowed_check(spec: str) -> bool:
    """Whether a card's ``check: module:Class`` may be imported: a module of blamelint,
    or of a package that installed a plugin through the entry point group (its
    distribution, not the working directory or a path from configuration)."""
    module = spec.partition(":")[0].strip()
    parts = module.split(".")
    if not module or not all(p.isidentifier() for p in parts):
        return False
    if parts[0] == "blamelint":
        return True
    roots = {ep.value.partition(":")[0].strip().split(".")[0] for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return parts[0] in roots


def _plugin_card(obj: Any, name: str) -> RuleCard:
    raw = getattr(obj, "CARD", None)
    if isinstance(raw, RuleCard):
        return raw
    if isinstance(raw, (str, Path)):
        return load_card(Path(raw))
    if isinstance(raw, dict):
        try:
            return RuleCard.model_validate(raw)
        except ValidationError as exc:
            raise RuleLoadError(f"plugin '{name}': invalid CARD: {exc.errors()[0]['msg']}") from None
    raise RuleLoadError(f"plugin '{name}': {obj!r} has no CARD (a RuleCard, mapping or card path)")


def _plugins() -> list[tuple[RuleCard, type]]:
    found = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not take the run down silently
            raise RuleLoadError(f"plugin '{ep.name}' ({ep.value}) failed to load: {exc}") from None
        if not (isinstance(obj, type) and issubclass(obj, Rule)):
            raise RuleLoadError(f"plugin '{ep.name}' ({ep.value}) is not a blamelint Rule subclass")
        found.append((_plugin_card(obj, ep.name), obj))
    return found


class Registry:
    """Every known rule card, and how to build its check."""

    def __init__(self, config: Any | None = None):
        self._cards: dict[str, RuleCard] = {}
        self._classes: dict[str, type] = {}
        for card in builtin_cards():
            self._add(card, None)
        for card, cls in _plugins():
            self._add(card, cls)
        if config is not None and config.rule_cards:
            base = Path(config.source).parent if config.source else Path.cwd()
            for card in user_cards(config.rule_cards, base):
                self._add(card, None)

    def _add(self, card: RuleCard, cls: type | None) -> None:
        if card.id in self._cards:
            raise RuleLoadError(
                f"{card.source or card.id}: rule id '{card.id}' is defined twice "
                f"(also in {self._cards[card.id].source or 'a plugin'})"
            )
        self._cards[card.id] = card
        if cls is not None:
            self._classes[card.id] = cls

    @property
    def cards(self) -> list[RuleCard]:
        return sorted(self._cards.values(), key=lambda c: c.id)

    def ids(self) -> list[str]:
        return sorted(self._cards)

    def card(self, rule_id: str) -> RuleCard:
        try:
            return self._cards[rule_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(rule_id, self.ids(), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            known = ", ".join(self.ids())
            raise RuleLoadError(f"unknown rule '{rule_id}'{hint}; known rules: {known}") from None

    def rule_class(self, card: RuleCard) -> type:
        if card.id in self._classes:
            return self._classes[card.id]
        spec = card.check if card.kind == "python" else KINDS[card.kind]
        if not spec:
            raise RuleLoadError(f"{card.source or card.id}: a python rule needs 'check: module:Class'")
        if not allowed_check(spec):
            raise RuleLoadError(
                f"{card.source or card.id}: check '{spec}' is not blamelint's own code nor an "
                f"installed plugin's (entry point group '{ENTRY_POINT_GROUP}'); a rule card "
                "cannot name other Python code"
            )
        cls = import_object(spec, card.source or card.id)
        if not (isinstance(cls, type) and issubclass(cls, Rule)):
            raise RuleLoadError(f"{card.source or card.id}: '{spec}' is not a blamelint Rule subclass")
        return cls

    def build(self, rule_ids: list[str], options: dict[str, dict[str, Any]]) -> list[Rule]:
        rules = []
        for rule_id in rule_ids:
            card = self.card(rule_id)
            rules.append(self.rule_class(card)(card, options.get(rule_id)))
        return rules

    def selected(self, select: list[str], ignore: list[str]) -> list[str]:
        for rule_id in [*select, *ignore]:
            if rule_id != "ALL":
                self.card(rule_id)  # raises with the list of known rules
        if select and "ALL" not in select:
            chosen = [r for r in self.ids() if r in select]
        else:
            chosen = [c.id for c in self.cards if c.enabled or "ALL" in select]
        return [r for r in chosen if r not in ignore]
