"""What every rule's veto shares (blamelint.rules.veto; trained by training/train_veto.py,
shipped in blamelint/models/veto/<rule>/): on by default, asked only under a heading,
its threshold and options, and a card that describes the shipped weights."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from blamelint.errors import ConfigError

TRAINING = str(Path(__file__).resolve().parents[3] / "training")
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

HEADING = "# Review of the outage\n\n## What happened\n\n"

# Written for this test (not from the corpora): each rule flags its sentence with the veto off,
# and the shipped veto keeps it.
FLAGGED = {
    "agentless-passive": "The replica was promoted at 14:05 and the old primary was fenced.",
    "hindsight": "We should have rolled back as soon as the error rate doubled.",
    "root-cause": "The root cause was an expired certificate on the load balancer.",
}
RULES = sorted(FLAGGED)


def findings(make_linter, rule, text, heading=HEADING, **options):
    """The rule's findings on ``text`` placed under ``heading`` (a veto reads a match in
    its document: under no heading it is not asked)."""
    from blamelint.postmortem.load import parse_source

    linter = make_linter(select=[rule], rules={rule: options} if options else {})
    document = parse_source("t.md", heading + text + "\n")
    return [f for f in linter.lint_document(document) if f.rule == rule]


@pytest.mark.parametrize("rule", RULES)
def test_on_by_default_and_keeps_what_it_should(make_linter, rule):
    assert make_linter(select=[rule]).rules[0].veto.on is True
    off = findings(make_linter, rule, FLAGGED[rule], model="off")
    assert off
    assert findings(make_linter, rule, FLAGGED[rule]) == off
    assert findings(make_linter, rule, FLAGGED[rule], model="on") == off


@pytest.mark.parametrize("rule", RULES)
def test_the_threshold_decides(make_linter, rule):
    # (the top threshold is six nines: the passive veto trained in session 11 scores this
    # plain passive 0.99993, above the four nines the test used before)
    kept = findings(make_linter, rule, FLAGGED[rule], model="on", threshold=0.001)
    assert kept == findings(make_linter, rule, FLAGGED[rule], model="off")
    assert findings(make_linter, rule, FLAGGED[rule], model="on", threshold=0.999999) == []


@pytest.mark.parametrize("rule", RULES)
def test_a_sentence_under_no_heading_is_not_vetoed(make_linter, rule):
    text = FLAGGED[rule]
    assert findings(make_linter, rule, text, heading="", model="on", threshold=0.999999)


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize(
    "options, problem",
    [
        ({"model": "yes"}, '\'model\' must be "on" or "off"'),
        ({"model": "on", "threshold": 0}, "'threshold' must be a number between 0 and 1"),
        ({"model": "on", "threshold": "high"}, "'threshold' must be a number between 0 and 1"),
        ({"veto": "on"}, "unknown option 'veto'"),
    ],
)
def test_bad_options_are_a_config_error(make_linter, rule, options, problem):
    with pytest.raises(ConfigError, match=f"rules.{rule}") as err:
        make_linter(select=[rule], rules={rule: options})
    assert problem in str(err.value)


@pytest.mark.parametrize("rule", RULES)
def test_the_card_describes_the_shipped_weights(rule):
    """The card names the weights it was written with and the batches they were trained on,
    and the check sentence's features, read again by the rule's own code, score the same
    (weights, card, features in step)."""
    import train_veto

    from blamelint.rules import veto

    path = veto.model_dir(rule)
    card = veto.card(path)
    weights = (Path(path) / "textcat" / "model").read_bytes()
    assert hashlib.sha256(weights).hexdigest() == card["weights_sha256"]
    assert card["threshold"] == train_veto.THRESHOLD[rule]
    assert card["batches"] == train_veto.batches()
    assert train_veto.check_features(rule) == card["check"]["features"]
    assert round(veto.score(card["check"]["features"], path), 6) == card["check"]["score"]


@pytest.mark.parametrize("rule", RULES)
def test_the_reading_is_described_by_feature_words(rule):
    import train_veto

    words = train_veto.check_features(rule).split(" . ", 1)[0].split()
    assert words[0].startswith("zk_") and "zb_paragraph" in words and "zs_none" in words
    assert any(w.startswith("zh_") for w in words)
