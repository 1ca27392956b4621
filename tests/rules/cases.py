"""One runner for the per-rule pass/fail case lists (sqlfluff style)."""
from __future__ import annotations


def fires(lint, rule: str, text: str) -> list:
    """The findings of ``rule`` alone on ``text``."""
    return [f for f in lint(text, select=[rule]) if f.rule == rule]


def check_case(lint, rule: str, expect: str, text: str) -> None:
    found = fires(lint, rule, text)
    if expect == "fail":
        assert found, f"{rule} should flag: {text}"
        for f in found:
            assert f.message and f.suggestion, "every finding says what to write instead"
            assert f.text and f.text in text, "the finding quotes the text it flags"
    else:
        assert not found, f"{rule} should not flag: {text} (flagged {[f.text for f in found]})"


def params(fail: list[str], pass_: list[str]) -> list[tuple[str, str]]:
    return [("fail", t) for t in fail] + [("pass", t) for t in pass_]
