"""The blame rule's optional model (training/train_blame.py -> blamelint/models/blame/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blamelint.errors import ConfigError

# Sentences written for this test (not from the corpora): the first is judgment
# the hand-written detectors do not know; the second is a plain account.
JUDGING = "Once again the on-call could not be bothered to read the runbook before paging everyone."
PLAIN = "The replica lag graph showed forty seconds of delay at 14:05."


def blame_findings(make_linter, text, **options):
    from blamelint.postmortem.load import parse_source

    config = {"blame": options} if options else {}
    linter = make_linter(select=["blame"], rules=config)
    return [f for f in linter.lint_document(parse_source("t.md", text + "\n")) if f.rule == "blame"]


def test_model_loads_from_the_installed_package():
    import blamelint
    from blamelint.rules.checks.blame import model

    package = Path(blamelint.__file__).resolve().parent
    assert model.MODEL_DIR == package / "models" / "blame"
    nlp = model.load()
    assert nlp.pipe_names == ["textcat"]
    assert set(nlp.get_pipe("textcat").labels) == {"BLAME", "OTHER"}
    card = model.card()
    assert 0 < card["threshold"] < 1 and card["spacy_version"] and card["seed"]


def test_model_is_cached_per_process():
    from blamelint.rules.checks.blame import model

    assert model.load() is model.load()


def test_scores_are_deterministic_and_rank_judgment_above_a_plain_account():
    from blamelint.rules.checks.blame import model

    first = [model.score(t) for t in (JUDGING, PLAIN)]
    assert first == [model.score(t) for t in (JUDGING, PLAIN)]
    assert first[0] > first[1]
    assert first[1] < model.card()["threshold"]


def test_on_by_default_at_the_card_threshold(make_linter):
    from blamelint.rules.checks.blame import model

    rule = make_linter(select=["blame"]).rules[0]
    assert rule.use_model is True and rule.threshold == model.card()["threshold"]
    text = PLAIN + " " + JUDGING
    default = blame_findings(make_linter, text)
    assert default == blame_findings(make_linter, text, model="on")
    assert len(blame_findings(make_linter, text, model="off")) <= len(default)


ABOUT_SOMEONE = "Dana restarted the replica at 14:05."
ABOUT_THE_WRITER = "I restarted the replica at 14:05."


def test_model_on_adds_a_finding_at_the_main_predicate(make_linter):
    text = ABOUT_SOMEONE + " " + JUDGING
    # a threshold near 0: every question the rule asks becomes a finding, whatever a retrained model
    # scores the plain sentence (0.002 from the model trained on a1..v1, 0.0008 in session 15)
    without = blame_findings(make_linter, text, threshold=1e-9, model="off")
    with_model = blame_findings(make_linter, text, threshold=1e-9, model="on")
    assert len(with_model) > len(without)
    added = [f for f in with_model if f.message.startswith("Judgmental wording")]
    assert added and added[0].location.line == 1 and added[0].location.column == 6  # "restarted"


SOMEONE_ELSES = "The scheduler treats the retry as someone else's problem."
"""Names nobody: "someone" only owns the problem (the model alone scores it 0.86)."""


@pytest.mark.parametrize("text", [PLAIN, ABOUT_THE_WRITER, SOMEONE_ELSES])
def test_model_is_not_asked_without_someone_other_than_the_writer(make_linter, text):
    from blamelint.rules.checks.blame import model

    assert model.person_gated()
    assert blame_findings(make_linter, text, threshold=0.01, model="on") == []


def test_negation_is_marked_up_to_the_clause_boundary():
    from blamelint.rules.checks.blame import model

    marked = model.features("Ops did not drop the ball, but Lee was careless.", "negation")
    assert marked == "Ops did not not_drop not_the not_ball , but Lee was careless ."
    assert model.features("Ops didn't drop it.", "negation") == "Ops did n't not_drop not_it ."
    assert model.features("as written", "words") == "as written"
    with pytest.raises(ConfigError, match="unknown features"):
        model.features("x", "letters")


def test_the_model_reads_the_negation_of_a_judgment():
    from blamelint.rules.checks.blame import model

    assert model.card()["features"] == "negation"
    said = model.score("The reviewer was careless with the migration.")
    denied = model.score("The reviewer was not careless with the migration.")
    assert denied < said


def test_threshold_gates_the_model(make_linter):
    assert blame_findings(make_linter, PLAIN, model="on", threshold=0.999) == []


@pytest.mark.parametrize(
    "options, problem",
    [
        ({"model": "yes"}, '\'model\' must be "on" or "off"'),
        ({"model": "on", "threshold": 1.5}, "'threshold' must be a number between 0 and 1"),
        ({"model": "on", "threshold": True}, "'threshold' must be a number between 0 and 1"),
        ({"modle": "on"}, "unknown option 'modle'"),
    ],
)
def test_bad_options_are_a_config_error(make_linter, options, problem):
    with pytest.raises(ConfigError, match="rules.blame") as err:
        make_linter(select=["blame"], rules={"blame": options})
    assert problem in str(err.value)


def test_the_cli_accepts_the_options_and_rejects_a_bad_one(cli, tmp_path):
    (tmp_path / "pm.md").write_text(ABOUT_SOMEONE + "\n", encoding="utf-8")
    config = tmp_path / ".blamelint.toml"
    config.write_text('[rules.blame]\nmodel = "on"\nthreshold = 1e-9\n', encoding="utf-8")
    result = cli("check", "--select", "blame", "--no-cache", "--format", "json", "pm.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"blame"' in result.stdout
    config.write_text('[rules.blame]\nmodle = "on"\n', encoding="utf-8")
    result = cli("check", "--select", "blame", "--no-cache", "pm.md", cwd=tmp_path)
    assert result.returncode == 2 and "modle" in result.stderr and "Traceback" not in result.stderr


def test_the_card_describes_the_shipped_weights():
    """The card names the weights it was written with, and a sentence scored at training time
    scores the same through the rule's scoring code (weights, card and features in step)."""
    import hashlib

    from blamelint.rules.checks.blame import model

    card = model.card()
    weights = (model.MODEL_DIR / "textcat" / "model").read_bytes()
    assert hashlib.sha256(weights).hexdigest() == card["weights_sha256"]
    assert round(model.score(card["check"]["text"]), 6) == card["check"]["score"]


def _train_blame():
    import importlib
    import sys

    training = str(Path(__file__).resolve().parents[3] / "training")
    if training not in sys.path:
        sys.path.insert(0, training)
    return importlib.import_module("train_blame")


def test_training_is_reproducible():
    """Two trainings on the same data and seed write the same weights; another seed does not
    (so the comparison can fail). A small sample and one epoch keep it quick."""
    train_blame = _train_blame()
    data = train_blame.examples()[::20]
    assert sum(y for _, y in data) >= 20
    first = train_blame.train(data, epochs=1).get_pipe("textcat").model.to_bytes()
    again = train_blame.train(data, epochs=1).get_pipe("textcat").model.to_bytes()
    other = train_blame.train(data, seed=train_blame.SEED + 1, epochs=1).get_pipe("textcat").model.to_bytes()
    assert first == again
    assert first != other
