"""Shared fixtures: one loaded pipeline per test session, linters (with the
pipeline, or document rules only), a parser and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from blamelint.nlp.pipeline import load_pipeline
    from blamelint.rules.base import PARSE

    return load_pipeline(None, PARSE)


@pytest.fixture(scope="session")
def corpus_linter(nlp):
    """The linter the accuracy and rewrite tests measure the corpora with."""
    from tests.accuracy import build_linter

    return build_linter(nlp)


@pytest.fixture(scope="session")
def linted_corpus(corpus_linter):
    """corpora/documents linted once for the session (tests.accuracy.lint_sets)."""
    from tests.accuracy import document_sets, lint_sets

    return lint_sets(document_sets(), corpus_linter)


@pytest.fixture(scope="session")
def make_linter(nlp):
    """Build a Linter that reuses the session pipeline: make_linter(select=[...], **config)."""
    from blamelint.config import Config
    from blamelint.engine import Linter
    from blamelint.postmortem.detect import PostmortemDetector
    from blamelint.rules.registry import Registry

    def build(select=None, ignore=None, is_postmortem=None, **config_keys):
        config = Config(**config_keys)
        registry = Registry(config)
        rules = registry.build(registry.selected(select or [], ignore or []), config.rules)
        return Linter(
            config,
            rules,
            nlp_factory=lambda needs: nlp,
            is_postmortem=is_postmortem or PostmortemDetector(config),
        )

    return build


@pytest.fixture(scope="session")
def lint(make_linter):
    """lint(markdown_text, path='t.md', select=None) -> list[Finding], all rules by default."""
    from blamelint.postmortem.load import parse_source

    cache = {}

    def run(text, path="t.md", select=None):
        key = tuple(select or ())
        if key not in cache:
            cache[key] = make_linter(select=list(select or []))
        return cache[key].lint_document(parse_source(path, text))

    return run


DOCUMENT_RULES = [
    "missing-what-went-well",
    "missing-section",
    "action-item-without-owner",
    "action-item-without-due-date",
    "vague-action-item",
]


def build_document_linter(select=None, detect=True, **config_keys):
    """A Linter with document rules only (DOCUMENT_RULES by default): they read
    no parse, so it never loads the spaCy pipeline."""
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
        linter = build_document_linter(select, detect, **config_keys)
        return [(f.rule, f.location.line) for f in linter.lint_document(parse_source(path, text))]

    return run


@pytest.fixture
def parse():
    """parse(text, path='pm.md') -> the Document, headings promoted."""
    from blamelint.postmortem.load import parse_source

    def run(text, path="pm.md"):
        return parse_source(path, text)

    return run


def run_cli(*args, cwd=None, stdin=None, env=None):
    """Run the installed `blamelint` in a subprocess (real exit codes, real I/O)."""
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "blamelint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=600,
    )


@pytest.fixture
def cli():
    return run_cli
