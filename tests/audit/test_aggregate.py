import datetime as dt

import pytest

from blamelint.audit import aggregate as agg
from blamelint.audit.aggregate import METRICS, Totals, period_kind, period_range, trend

METRIC = {m.id: m for m in METRICS}


def test_rates_are_pooled_not_averaged():
    long = Totals(documents=1, words=9000, sentences=900, passives=9, blame=0)
    short = Totals(documents=1, words=100, sentences=10, passives=5, blame=1)
    both = Totals()
    both.add(long)
    both.add(short)
    m = both.metrics()
    assert m["agentless_passives_per_100_sentences"] == round(100 * 14 / 910, 2)
    assert m["blame_per_1000_words"] == round(1000 * 1 / 9100, 2)


def test_health_score_formula_and_breakdown():
    t = Totals(
        documents=2,
        words=2000,
        sentences=100,
        actions=50,
        named=40,
        passives=5,
        blame=2,
        hindsight=4,
        root_cause_docs=1,
        well_docs=1,
        items=4,
        items_owner=2,
        items_due=4,
        items_overdue=1,
    )
    h = t.health()
    points = {c["id"]: c["points"] for c in h["components"]}
    assert points == {
        "named_actors": 25 * 0.8,
        "agentless_passives": round(
            20 * (25 - 5) / (25 - 2), 2
        ),  # 5 per 100 sentences: full at 2, none at 25
        "blame": 20 * (5 - 1) / 5,  # 1 per 1,000 words: full at 0, none at 5
        "hindsight": round(10 * (3 - 2) / 3, 2),  # 2 per 1,000 words: none at 3
        "root_cause": 5 * 0.5,
        "what_went_well": 10 * 0.5,
        "action_items": round(10 * (0.5 + 1 + 0.75) / 3, 2),
    }
    assert h["score"] == round(sum(points.values()), 1)
    assert sum(c["weight"] for c in h["components"]) == 100


def test_components_without_data_are_left_out_of_the_score():
    t = Totals(documents=1, words=1000, sentences=50)  # no actions, no action items
    h = t.health()
    missing = {c["id"] for c in h["components"] if c["points"] is None}
    assert missing == {"named_actors", "action_items"}
    assert h["available_weight"] == 65
    assert h["score"] == round(100 * (20 + 20 + 10 + 5 + 0) / 65, 1)


def test_rates_cap_at_zero_points():
    t = Totals(documents=1, words=100, sentences=10, blame=50, hindsight=50, passives=10)
    points = {c["id"]: c["points"] for c in t.health()["components"]}
    assert points["blame"] == points["hindsight"] == points["agentless_passives"] == 0


def test_period_choice_and_range():
    assert period_kind(dt.date(2023, 1, 5), dt.date(2024, 12, 1)) == "month"
    assert period_kind(dt.date(2023, 1, 5), dt.date(2025, 1, 1)) == "quarter"
    assert period_range(dt.date(2023, 11, 5), dt.date(2024, 2, 1), "month") == [
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
    ]
    assert period_range(dt.date(2023, 8, 5), dt.date(2024, 2, 1), "quarter") == [
        "2023-Q3",
        "2023-Q4",
        "2024-Q1",
    ]


@pytest.mark.parametrize(
    "values, weights, metric, direction",
    [
        ([10, 21, 30, 41], [3, 3, 3, 3], "named_actor_share", "improving"),
        ([41, 30, 21, 10], [3, 3, 3, 3], "named_actor_share", "worsening"),
        ([1.0, None, 1.6, 2.1, 2.9, 3.4], [4, 0, 4, 4, 4, 4], "blame_per_1000_words", "worsening"),
        ([50, 51, 50, 51], [3, 3, 3, 3], "what_went_well", "not enough data"),  # within noise
        ([10, 90], [5, 5], "named_actor_share", "not enough data"),  # two periods
        ([10, 20, 30], [1, 1, 1], "named_actor_share", "not enough data"),  # three documents
    ],
)
def test_trend(values, weights, metric, direction):
    assert trend(values, METRIC[metric], weights)["direction"] == direction


def test_trend_is_weighted_by_documents():
    # A first period of one document does not make a trend out of three flat, well-filled ones.
    flat = trend([0.0, 50.0, 50.0, 50.0], METRIC["named_actor_share"], [1, 10, 10, 10])
    assert flat["direction"] == "not enough data" and flat["change_low"] < 0 < flat["change_high"]
    unweighted = trend([0.0, 50.0, 50.0, 50.0], METRIC["named_actor_share"], [3, 3, 3, 3])
    assert abs(flat["change"]) < abs(unweighted["change"])


def test_trend_change_is_the_fitted_rise_over_the_span():
    t = trend([1.0, 2.0, 3.0, 4.0, 5.0], METRIC["blame_per_1000_words"], [2] * 5)
    assert t["slope_per_period"] == 1.0 and t["change"] == 4.0 and t["change_low"] == t["change_high"] == 4.0


def test_anchor_is_stable_and_unique():
    assert agg.anchor("a/b.md") == agg.anchor("a/b.md")
    assert agg.anchor("a/b.md") != agg.anchor("a-b.md")
    assert agg.anchor("a/b.md").startswith("doc-a-b-md-")


def test_due_dates_as_calendar_dates():
    from blamelint.audit.structure import due_date

    assert due_date("by 2025-03-21") == dt.date(2025, 3, 21)
    assert due_date("Q3 2025") == dt.date(2025, 9, 30)
    assert due_date("2024 Q4") == dt.date(2024, 12, 31)
    assert due_date("next sprint") is None and due_date(None) is None


def test_overdue_needs_a_date_and_not_done():
    items = [
        {"owner": "a", "due": "2024-01-01", "due_date": "2024-01-01", "done": False},
        {"owner": None, "due": "2024-01-01", "due_date": "2024-01-01", "done": True},
        {"owner": None, "due": "next sprint", "due_date": None, "done": False},
        {"owner": None, "due": None, "due_date": None, "done": False},
    ]
    m = {
        "words": 10,
        "sentences": 1,
        "syllables": 12,
        "action_sentences": 0,
        "named_action_sentences": 0,
        "counts": {},
        "action_items": items,
    }
    t = agg.document_totals(m, dt.date(2024, 6, 1))
    assert (t.items, t.items_owner, t.items_due, t.items_done, t.items_overdue) == (4, 1, 3, 1, 1)
    assert agg.document_totals(m, dt.date(2023, 6, 1)).items_overdue == 0


def test_csv_cells_never_start_a_formula():
    from blamelint.audit.render_csv import cell

    assert cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert cell("-1 day outage") == "'-1 day outage" and cell("Outage") == "Outage"


def test_progress_only_on_a_terminal():
    import io

    from blamelint.audit.progress import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    plain, tty = io.StringIO(), Tty()
    for stream in (plain, tty):
        bar = Progress(stream, min_interval=0)
        for done in range(1, 4):
            bar(done, 3)
        bar.close()
    assert plain.getvalue() == ""
    assert "3/3 files" in tty.getvalue() and tty.getvalue().endswith("\r\033[K")
