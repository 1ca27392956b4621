"""The root-cause rule's optional veto (training/train_veto.py -> blamelint/models/veto/root-cause/)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from blamelint.errors import ConfigError

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


def test_on_by_default(make_linter):
    rule = make_linter(select=["root-cause"]).rules[0]
    assert rule.use_veto is True
    for text in (REPORTED, DOUBTED, FRAMED):
        assert findings(make_linter, text) == findings(make_linter, text, model="on")


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


def test_the_threshold_decides(make_linter):
    assert len(findings(make_linter, REPORTED, model="on", threshold=0.01)) == 1
    assert findings(make_linter, FRAMED, model="on", threshold=0.999) == []


@pytest.mark.parametrize(
    "options, problem",
    [
        ({"model": "yes"}, '\'model\' must be "on" or "off"'),
        ({"model": "on", "threshold": 0}, "'threshold' must be a number between 0 and 1"),
        ({"model": "on", "threshold": "high"}, "'threshold' must be a number between 0 and 1"),
        ({"veto": "on"}, "unknown option 'veto'"),
    ],
)
def test_bad_options_are_a_config_error(make_linter, options, problem):
    with pytest.raises(ConfigError, match="rules.root-cause") as err:
        make_linter(select=["root-cause"], rules={"root-cause": options})
    assert problem in str(err.value)


def test_the_card_describes_the_shipped_weights():
    """The card names the weights it was written with, and the check sentence's features,
    read again by the rule's own code, score the same (weights, card, features in step)."""
    import train_veto

    from blamelint.rules import veto

    path = veto.model_dir("root-cause")
    card = veto.card(path)
    weights = (Path(path) / "textcat" / "model").read_bytes()
    assert hashlib.sha256(weights).hexdigest() == card["weights_sha256"]
    assert card["threshold"] == train_veto.THRESHOLD["root-cause"]
    assert train_veto.check_features("root-cause") == card["check"]["features"]
    assert round(veto.score(card["check"]["features"], path), 6) == card["check"]["score"]


def test_the_reading_is_described_by_feature_words(make_linter):
    import train_veto

    words = train_veto.check_features("root-cause").split(" . ", 1)[0].split()
    assert words[0] == "zk_whole" and "zb_paragraph" in words and "zs_none" in words
    assert "zh_cause" in words


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
