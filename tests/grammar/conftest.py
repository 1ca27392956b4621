"""Shared fixtures for the grammar tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def lexicon():
    """The passive-voice lexicon as agentless-passive loads it from rules/data."""
    from blamelint.rules.checks.agentless_passive import load_lexicon

    return load_lexicon()
