"""Helpers for the rule tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def fires(lint):
    """fires(rule, text) -> the findings of ``rule`` alone on ``text``."""

    def run(rule: str, text: str) -> list:
        return [f for f in lint(text, select=[rule]) if f.rule == rule]

    return run
