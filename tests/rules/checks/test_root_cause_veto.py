"""The root-cause rule's veto on root-cause text, and the training's reproducibility (what every
veto shares: test_vetoes.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TRAINING = str(Path(__file__).resolve().parents[3] / "training")
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

# Written for this test (not from the corpora): the rule flags each of them with the veto off.
REPORTED = "An early draft of this review said the outage was caused by a bad config push."
DOUBTED = "Nobody here believes a single decision caused the outage."
FRAMED = "The root cause was an expired certificate on the load balancer."
SINGLED = "The real culprit was the retry storm from the mobile clients."


def findings(make_linter, text, heading="# Review of the outage\n\n## What happened\n\n", **options):
    """The rule's findings on ``text`` placed under ``heading`` (the veto reads a match
    in its document: under no heading it is not asked)."""
    from blamelint.postmortem.load import parse_source

    linter = make_linter(select=["root-cause"], rules={"root-cause": options} if options else {})
    document = parse_source("t.md", heading + text + "\n")
    return [f for f in linter.lint_document(document) if f.rule == "root-cause"]


@pytest.mark.parametrize("text", [REPORTED, DOUBTED])
def test_a_sentence_under_no_heading_is_not_vetoed(make_linter, text):
    assert len(findings(make_linter, text, heading="", model="on")) == 1


@pytest.mark.parametrize("text", [REPORTED, DOUBTED])
def test_the_veto_drops_a_reported_or_doubted_single_cause(make_linter, text):
    assert len(findings(make_linter, text, model="off")) == 1
    assert findings(make_linter, text, model="on") == []


@pytest.mark.parametrize("text", [FRAMED, SINGLED])
def test_the_veto_keeps_plain_single_cause_framing(make_linter, text):
    off = findings(make_linter, text, model="off")
    assert len(off) == 1
    assert findings(make_linter, text, model="on") == off


def test_training_is_reproducible():
    """Two trainings on the same findings and seed give the same weights; another seed does not
    (so the comparison can fail). A small sample of readings and one epoch keep it quick."""
    import train_veto

    data = train_veto.readings(["root-cause"], ["a1", "d1", "u1"])
    examples = train_veto.examples(data, "root-cause")
    assert len(examples) >= 20 and any(not right for _, right in examples)
    first = train_veto.train(examples, epochs=1).get_pipe("textcat").model.to_bytes()
    again = train_veto.train(examples, epochs=1).get_pipe("textcat").model.to_bytes()
    other = (
        train_veto.train(examples, seed=train_veto.SEED + 1, epochs=1).get_pipe("textcat").model.to_bytes()
    )
    assert first == again
    assert first != other
