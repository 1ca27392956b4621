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


def test_model_on_adds_a_finding_at_the_main_predicate(make_linter):
    without = blame_findings(make_linter, PLAIN + " " + JUDGING, threshold=0.01, model="off")
    with_model = blame_findings(make_linter, PLAIN + " " + JUDGING, threshold=0.01, model="on")
    assert len(with_model) > len(without)
    assert any(f.message.startswith("Judgmental wording") for f in with_model)


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
    (tmp_path / "pm.md").write_text(PLAIN + "\n", encoding="utf-8")
    config = tmp_path / ".blamelint.toml"
    config.write_text('[rules.blame]\nmodel = "on"\nthreshold = 0.001\n', encoding="utf-8")
    result = cli("check", "--select", "blame", "--no-cache", "--format", "json", "pm.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert '"blame"' in result.stdout
    config.write_text('[rules.blame]\nmodle = "on"\n', encoding="utf-8")
    result = cli("check", "--select", "blame", "--no-cache", "pm.md", cwd=tmp_path)
    assert result.returncode == 2 and "modle" in result.stderr and "Traceback" not in result.stderr
