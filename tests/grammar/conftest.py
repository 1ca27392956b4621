"""Shared fixtures for the grammar tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def lexicon():
    """The passive-voice lexicon as agentless-passive loads it from rules/data."""
    from blamelint.rules.checks.agentless_passive import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def sentence(nlp):
    """sentence(text) -> the first sentence of ``text`` parsed by the session pipeline."""

    def first(text):
        return next(nlp(text).sents)

    return first


@pytest.fixture(scope="session")
def passives(sentence, lexicon):
    """passives(text) -> (sentence, [PassiveClause]) of the first sentence of ``text``."""
    from blamelint.grammar.passive import find_passives

    def run(text):
        sent = sentence(text)
        return sent, list(find_passives(sent, lexicon.complement_heads))

    return run
