"""Overlapping findings of one rule in one sentence are one finding."""

from blamelint.engine import one_per_span


def test_overlapping_spans_keep_the_longest():
    spans = [(0, 14, "operator error"), (9, 21, "error on our"), (0, 26, "operator error on our side")]
    assert [s[2] for s in one_per_span(spans)] == ["operator error on our side"]


def test_separate_spans_are_all_kept_in_order():
    spans = [(30, 40, "b"), (0, 10, "a"), (10, 20, "touching is not overlapping")]
    assert [s[2] for s in one_per_span(spans)] == ["a", "touching is not overlapping", "b"]


def test_equal_length_overlaps_keep_the_first():
    assert [s[2] for s in one_per_span([(3, 8, "second"), (0, 5, "first")])] == ["first"]


def test_one_finding_per_span_end_to_end(lint):
    """Before the merge these gave four blame findings: 'team's negligence' and
    'negligence', and 'know better' twice with two messages."""
    text = (
        "The release team's negligence left the storage bucket public for a week.\n\n"
        "He is a senior engineer and should know better than to skip the canary.\n"
    )
    blame = [(f.location.line, f.text) for f in lint(text, select=["blame"]) if f.rule == "blame"]
    assert blame == [(1, "team's negligence"), (3, "know better")]
