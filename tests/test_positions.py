"""A finding's line and column point at exactly the text it quotes."""

from tests.fuzz.invariants import slice_by_position

SOURCE = """# Incident

## Summary

Intro line. The *config* was changed at 14:02 and the root cause was
human error; the engineer should have checked.

| When | What |
|---|---|
| 14:05 | The deploy was rolled back. |

> The alert was ignored. Bob was careless.

- Ünïcödé 🙂 text: the rollback was not performed.
"""


def test_positions_quote_exact_text(lint):
    findings = lint(SOURCE)
    assert {f.rule for f in findings} >= {"agentless-passive", "root-cause", "blame", "hindsight"}
    for f in findings:
        assert slice_by_position(SOURCE, f.location) == f.text, f


def test_nothing_flagged_in_code_or_front_matter(lint):
    text = "---\nsummary: The root cause was human error.\n---\n# X\n\n```\nThe config was changed.\n```\n\n    Bob was careless.\n\nUse `human error` as a label.\n"
    findings = [f for f in lint(text) if f.rule in ("agentless-passive", "root-cause", "blame", "hindsight")]
    assert findings == []


def test_lint_text_matches_the_cli_on_document_rules():
    """The embedding entry point decides 'is this a postmortem' as the CLI does."""
    from blamelint.engine import lint_text

    readme = "# Team notes\n\nThe root cause was human error.\n"
    rules = {f.rule for f in lint_text(readme, path="README.md")}
    assert "root-cause" in rules and "missing-what-went-well" not in rules
