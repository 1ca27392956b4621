"""What the postmortem-structure rules share: they read no parse, run only on
postmortems, validate their options, and point at line 1 when something is
missing altogether."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from blamelint.errors import ConfigError
from blamelint.rules.base import Match, Rule


class DocumentRule(Rule):
    needs = frozenset()
    OPTIONS: ClassVar[dict[str, tuple[type, Any]]] = {}
    """Allowed per-rule options (``[tool.blamelint.rules.<id>]``): name -> (type, default)."""

    def setup(self) -> None:
        where = f"options of rule '{self.id}' (rules.{self.id} in the config)"
        for key, value in self.options.items():
            if key not in self.OPTIONS:
                allowed = ", ".join(sorted(self.OPTIONS)) or "none"
                raise ConfigError(f"{where}: unknown option '{key}'; allowed options: {allowed}")
            kind, _ = self.OPTIONS[key]
            if not isinstance(value, kind):
                raise ConfigError(f"{where}: '{key}' must be a {kind.__name__}, not {value!r}")
        self.settings = {k: self.options.get(k, default) for k, (_, default) in self.OPTIONS.items()}

    def check_document(self, document, context) -> Iterable[Match]:
        if not context.is_postmortem:
            return ()
        return self.check_postmortem(document, context)

    def check_postmortem(self, document, context) -> Iterable[Match]:
        return ()


def first_line_span(document) -> tuple[int, int]:
    """Where a finding about the whole document points: the title line (the first
    heading, when it is the first block), else the first line of the first block;
    never front matter, an HTML comment or a blank line. Line 1 of an empty file
    (at least one character)."""
    block = document.blocks[0] if document.blocks else None
    if block is not None and block.offsets:
        text = block.text.split("\n", 1)[0].rstrip()
        if text:
            return block.source_span(0, len(text))
    end = document.source.find("\n")
    end = len(document.source) if end < 0 else end
    return 0, max(end, 1)
