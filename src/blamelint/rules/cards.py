"""Loading rule cards (YAML) from the installed package or from a user's path."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from blamelint.data import data_dir, load_yaml
from blamelint.errors import RuleLoadError
from blamelint.rules.base import RuleCard

CARD_SUFFIXES = (".yaml", ".yml")


def load_card(path: Path, trusted: bool = False) -> RuleCard:
    data = load_yaml(path, trusted=trusted)
    if not isinstance(data, dict):
        raise RuleLoadError(f"{path}: a rule card is a YAML mapping")
    try:
        card = RuleCard.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'card'}: {e['msg']}" for e in exc.errors())
        raise RuleLoadError(f"{path}: invalid rule card: {problems}") from None
    card.source = str(path)
    return card


def card_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in CARD_SUFFIXES and p.is_file())


def builtin_cards() -> list[RuleCard]:
    folder = data_dir() / "cards"
    return [load_card(p, trusted=True) for p in card_files(folder)]


def user_cards(paths: Iterable[str], base: Path) -> list[RuleCard]:
    cards = []
    for raw in paths:
        path = Path(raw) if Path(raw).is_absolute() else base / raw
        if path.is_dir():
            cards.extend(load_card(p) for p in card_files(path))
        elif path.is_file():
            cards.append(load_card(path))
        else:
            raise RuleLoadError(f"{raw}: rule-cards path not found")
    return cards
