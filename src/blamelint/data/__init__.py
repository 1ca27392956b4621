"""The rule data: every YAML file under ``rules/`` (cards and data), found in the
installed wheel (``blamelint/_rules``) or in the checkout, read safely.

The lowest layer with files: rules, the postmortem layer, grammar and the audit
all read their word lists through here, so nothing imports upward to reach them.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from blamelint.errors import RuleLoadError

M = TypeVar("M", bound=BaseModel)

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (the rule data is read on every run;
the pure-Python loader takes longer than the rest of start-up)."""


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors' aliases (``*name``): expanded, a few hundred
    bytes of nested aliases become gigabytes. Nothing blamelint reads needs them."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed", event.start_mark
            )
        return super().compose_node(parent, index)


def safe_load_untrusted(text: str) -> object:
    """Parse YAML written by someone else (front matter, a user's rule card): safe
    types only and no aliases. Raises yaml.YAMLError."""
    return yaml.load(text, Loader=_NoAliasLoader)


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


def load_yaml(path: Path, trusted: bool = False) -> object:
    """A YAML file: blamelint's own data (``trusted``) with libyaml, anything else
    (a user's rule card) without aliases."""
    try:
        text = path.read_text(encoding="utf-8")
        if trusted:
            return yaml.load(text, Loader=SAFE_LOADER)
        return safe_load_untrusted(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleLoadError(f"{path}: cannot read rule file: {exc}") from None
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleLoadError(f"{path}: not valid YAML: {problem}") from None
    except RecursionError:
        raise RuleLoadError(f"{path}: not valid YAML: nested too deeply") from None


def load_data(name: str) -> object:
    """A data file from rules/data/ as parsed YAML, unchecked (prefer ``load``)."""
    return load_yaml(data_dir() / "data" / name, trusted=True)


def key_path(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as a key path: ``columns.owner[3]``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def problems(exc: ValidationError) -> str:
    """The errors of a validation, on one line: ``key.path: what was wrong; ...``."""
    return "; ".join(f"{key_path(e['loc'])}: {e['msg']}" for e in exc.errors())


def validate(model: type[M], raw: object, where: str) -> M:
    """``raw`` checked against ``model``; a RuleLoadError names ``where``, the
    key path and the problem otherwise."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise RuleLoadError(f"{where}: expected a mapping of keys, found {type(raw).__name__}")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise RuleLoadError(f"{where}: {problems(exc)}") from None


@cache
def load_model(name: str, model: type[M]) -> M:
    """rules/data/``name`` validated by ``model`` (cached: loaded once per process)."""
    return validate(model, load_data(name), f"rules/data/{name}")


def load(model: type[M]) -> M:
    """The rules/data file of ``model`` (see ``models.DATA_FILES``), validated and cached."""
    from blamelint.data.models import DATA_FILES

    name = next((n for n, m in DATA_FILES.items() if m is model), None)
    if name is None:
        raise KeyError(f"{model.__name__} is not the model of a rules/data file")
    return load_model(name, model)
