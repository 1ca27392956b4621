"""Helpers for the postmortem-structure tests. The document rules read no parse,
so these linters never load the spaCy pipeline."""
from __future__ import annotations

import pytest

DOCUMENT_RULES = ["missing-what-went-well", "missing-section", "action-item-without-owner",
                  "action-item-without-due-date", "vague-action-item"]


def build_linter(select=None, detect=True, **config_keys):
    from blamelint.config import Config
    from blamelint.engine import Linter
    from blamelint.postmortem.detect import PostmortemDetector
    from blamelint.rules.registry import Registry

    config = Config(**config_keys)
    registry = Registry(config)
    rules = registry.build(registry.selected(select or DOCUMENT_RULES, []), config.rules)
    detector = PostmortemDetector(config) if detect else (lambda document: True)
    linter = Linter(config, rules, is_postmortem=detector)
    assert not linter.needs_nlp
    return linter


@pytest.fixture
def doc_lint():
    """doc_lint(text, path='pm.md', select=None, detect=True, **config) -> [(rule, line)]."""
    from blamelint.postmortem.load import parse_source

    def run(text, path="pm.md", select=None, detect=True, **config_keys):
        linter = build_linter(select, detect, **config_keys)
        return [(f.rule, f.location.line) for f in linter.lint_document(parse_source(path, text))]

    return run


@pytest.fixture
def parse():
    from blamelint.postmortem.load import parse_source

    def run(text, path="pm.md"):
        return parse_source(path, text)

    return run
