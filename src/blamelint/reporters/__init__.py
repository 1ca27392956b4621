"""Reporters format a Report; they do no analysis. Looked up by name, lazily."""

from __future__ import annotations

import importlib
from typing import Protocol

from blamelint.findings import Report


class Reporter(Protocol):
    def __call__(self, report: Report, context: ReportContext) -> str: ...


class ReportContext:
    """What some formats need besides findings: rule metadata and the project root."""

    def __init__(self, cards, root: str, color: bool = False, quiet: bool = False, notes=(), summary=None):
        self.cards = cards
        self.root = root
        self.color = color
        self.quiet = quiet
        """Findings only: no summary line, nothing at all when clean (text and concise)."""
        self.notes = list(notes)
        """Lines after the summary (what a baseline hid), text and concise only."""
        self.summary = summary
        """A summary line to print instead of the counts (``--write-baseline``)."""


REPORTERS = {
    "text": "blamelint.reporters.text:render",
    "concise": "blamelint.reporters.concise:render",
    "json": "blamelint.reporters.json_report:render",
    "sarif": "blamelint.reporters.sarif:render",
    "github": "blamelint.reporters.github:render",
    "gitlab": "blamelint.reporters.gitlab:render",
}


def get_reporter(name: str) -> Reporter:
    module_name, _, attr = REPORTERS[name].partition(":")
    return getattr(importlib.import_module(module_name), attr)
