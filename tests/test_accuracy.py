"""Precision and recall per label on corpora/sentences/*.jsonl (each sentence
alone) and on corpora/documents (labeled sentences inside whole documents) may
not fall more than 0.01 below the recorded corpora/baseline.json. Rewrite the baseline
with `python -m tests.update_baseline` when a change earns it."""

from __future__ import annotations

import json

import pytest

from tests.accuracy import (
    BASELINE,
    LABELS,
    corpus_files,
    document_sets,
    load_rows,
    predictions,
    read_baseline,
    regressions,
    score,
    score_documents,
    sentence_spans,
)

pytestmark = pytest.mark.xdist_group("linted-corpus")
"""These tests share the session's lint of corpora/documents: one worker runs them all."""

FILES = corpus_files()


@pytest.fixture(scope="module")
def linter(corpus_linter):
    return corpus_linter


@pytest.fixture(scope="module")
def measured(linter):
    if not FILES:
        pytest.skip("no labeled corpora in corpora/sentences/")
    return score(FILES, linter)


def test_the_corpora_and_the_baseline_exist():
    assert FILES, "corpora/sentences/*.jsonl is the project's labeled corpus"
    assert BASELINE.exists(), "record one with: python -m tests.update_baseline"


def test_baseline_covers_every_label_and_file():
    baseline = read_baseline()
    assert set(baseline["labels"]) == set(LABELS)
    assert baseline["files"] == [p.name for p in FILES], (
        "the corpora changed since the baseline was recorded: python -m tests.update_baseline"
    )


def test_no_label_falls_below_the_baseline(measured):
    worse = regressions(measured, read_baseline())
    assert not worse, "accuracy fell below corpora/baseline.json:\n" + "\n".join(worse)


def test_sentences_map_to_their_own_findings(linter):
    """The batching is exact: a finding counts for the sentence it is in."""
    rows = [
        {"text": "The root cause was a bad deploy.", "labels": ["root-cause"]},
        {"text": "We restarted the cache at 10:02.", "labels": []},
        {"text": "The engineer should have checked the dashboard.", "labels": ["hindsight"]},
    ]
    assert predictions(linter, rows) == [{"root-cause"}, set(), {"hindsight"}]


def test_regressions_are_caught():
    """The comparison can fail: a drop of more than the tolerance is reported."""
    base = {"labels": {label: {"precision": 0.9, "recall": 0.9} for label in LABELS}}
    now = {"labels": {label: {"precision": 0.9, "recall": 0.9} for label in LABELS}}
    assert regressions(now, base) == []
    now["labels"]["blame"]["recall"] = 0.885
    assert regressions(now, base) == ["blame recall 0.8850 < baseline 0.9000 - 0.01"]
    now["labels"]["blame"]["recall"] = 0.895
    assert regressions(now, base) == []


def test_bad_corpus_lines_are_reported_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"text": "ok", "labels": []}) + "\n" + '{"text": "x", "labels": ["nope"]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"bad.jsonl:2: unknown labels \['nope'\]"):
        load_rows(bad)


SETS = document_sets()


@pytest.fixture(scope="module")
def measured_in_context(linter, linted_corpus):
    if not SETS:
        pytest.skip("no annotated documents in corpora/documents/")
    return score_documents(SETS, linter, linted_corpus)


def test_in_context_baseline_covers_every_set():
    baseline = read_baseline()
    assert "documents" in baseline, "record it with: python -m tests.update_baseline"
    assert baseline["documents"]["sets"] == [p.name for p in SETS], (
        "corpora/documents changed since the baseline was recorded: python -m tests.update_baseline"
    )


def test_no_label_falls_below_the_in_context_baseline(measured_in_context):
    worse = regressions(measured_in_context, read_baseline()["documents"])
    assert not worse, "in-context accuracy fell below corpora/baseline.json:\n" + "\n".join(worse)


def test_sentences_are_found_in_order_across_line_breaks():
    source = "# T\n\n- 09:12 The alert\n  fired. Then the\npage went out.\n"
    spans = sentence_spans(source, ["09:12 The alert fired.", "Then the page went out."], "t.md")
    assert [source[a:b] for a, b in spans] == ["09:12 The alert\n  fired.", "Then the\npage went out."]
    with pytest.raises(ValueError, match="not found"):
        sentence_spans(source, ["Then the page went out.", "09:12 The alert fired."], "t.md")
