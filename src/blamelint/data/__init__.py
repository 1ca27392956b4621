"""The rule data: every YAML file under ``rules/`` (cards and data), found in the
installed wheel (``blamelint/_rules``) or in the checkout, read safely.

The lowest layer with files: rules, the postmortem layer, grammar and the audit
all read their word lists through here, so nothing imports upward to reach them.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from blamelint.errors import RuleLoadError

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


def load_data(name: str) -> object:
    """A data file from rules/data/ (phrase lists, section synonyms...)."""
    return load_yaml(data_dir() / "data" / name)
