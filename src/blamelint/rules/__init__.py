"""Rules: cards as data, checks as small classes, one registry."""

from blamelint.rules.base import DocumentContext, Match, Rule, RuleCard

__all__ = ["DocumentContext", "Match", "Rule", "RuleCard"]
