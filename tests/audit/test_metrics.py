"""Per-document metrics from a real linter run (the session pipeline)."""

import datetime as dt

import pytest

from blamelint.audit.aggregate import document_totals
from blamelint.audit.metrics import Measurer
from blamelint.postmortem.load import parse_source
from tests.audit.conftest import BAD, GOOD


@pytest.fixture(scope="module")
def measure(make_linter):
    measurer = Measurer()
    store = {}

    def observer(document, pieces, findings):
        store["m"] = measurer.measure(document, pieces, findings)

    observer.needs = measurer.needs
    linter = make_linter(is_postmortem=lambda doc: True)
    linter.observer = observer

    def run(text, path="t.md"):
        findings = linter.lint_document(parse_source(path, text))
        return store.pop("m"), findings

    return run


def test_good_document(measure):
    m, findings = measure(GOOD)
    assert m["content_dates"] == {
        "front-matter": "2024-02-03",
        "field": None,
        "title": None,
        "text": "2024-02-10",
    }
    assert m["postmortem"] is True and "what-went-well" in m["postmortem_reason"]
    assert m["title"] == "Checkout errors after the config push"
    assert {"summary", "timeline", "what-went-well", "action-items"} <= set(m["sections"])
    assert m["what_went_well"] is True
    items = m["action_items"]
    assert [(i["owner"] is not None, i["due_date"], i["done"]) for i in items] == [
        (True, "2024-02-10", True),
        (True, "2024-03-01", False),
        (False, None, False),
    ]
    assert m["sentences"] >= 6 and m["words"] > 50
    assert m["named_action_sentences"] >= 4
    totals = document_totals(m, dt.date(2024, 6, 1))
    assert (totals.items, totals.items_owner, totals.items_due, totals.items_done, totals.items_overdue) == (
        3,
        2,
        2,
        1,
        1,
    )
    assert document_totals(m, dt.date(2024, 2, 20)).items_overdue == 0


def test_bad_document(measure):
    m, findings = measure(BAD)
    rules = {f.rule for f in findings}
    assert m["counts"] == {r: sum(1 for f in findings if f.rule == r) for r in rules}
    assert m["counts"].get("blame", 0) >= 1 and m["counts"].get("agentless-passive", 0) >= 1
    assert m["what_went_well"] is False
    assert m["named_action_sentences"] < m["action_sentences"]
    assert [i["owner"] for i in m["action_items"]] == [None]


def test_words_and_sentences_skip_headings_code_and_tables(measure):
    text = "# Title words here\n\n```\ncode words are not counted\n```\n\n| a | b |\n|---|---|\n| x y | z |\n\nWe fixed it. It works now.\n"
    m, _ = measure(text)
    assert m["words"] == 6 and m["sentences"] == 2
