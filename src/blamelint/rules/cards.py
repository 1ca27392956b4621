"""Loading rule cards (YAML) from the installed package or from a user's path."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterable

import yaml
from pydantic import ValidationError

from blamelint.errors import RuleLoadError
from blamelint.rules.base import RuleCard

CARD_SUFFIXES = (".yaml", ".yml")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (the rule data is read on every run;
the pure-Python loader takes longer than the rest of start-up)."""


def data_dir() -> Path:
    """The rules/ data folder: inside the installed wheel (``blamelint/_rules``),
    or the checkout's ``rules/`` for an editable install."""
    packaged = resources.files("blamelint") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[3] / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleLoadError("blamelint's rule data is missing from the installation; reinstall blamelint")


def load_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleLoadError(f"{path}: cannot read rule file: {exc}") from None
    except yaml.YAMLError as exc:
        raise RuleLoadError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None


def load_card(path: Path) -> RuleCard:
    data = load_yaml(path)
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
    return [load_card(p) for p in card_files(folder)]


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


def load_data(name: str) -> object:
    """A data file from rules/data/ (phrase lists, section synonyms...)."""
    return load_yaml(data_dir() / "data" / name)
