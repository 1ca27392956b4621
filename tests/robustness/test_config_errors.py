"""A broken configuration or rule card stops the run before any file is read:
findings made under the wrong settings would be worse than none. One message
names the file and the problem; no traceback; exit 2."""

from __future__ import annotations

import pytest

from tests.robustness.conftest import assert_clean_failure

CARD = """id: no-heroics
name: NoHeroics
severity: note
summary: Heroics language
kind: phrases
phrases: {phrases}
docs: {{what: a, why: b, example: c, use_instead: d}}
"""


def _one_message(run, *fragments: str) -> None:
    assert_clean_failure(run)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert run.stdout == ""


@pytest.mark.parametrize(
    "name, body",
    [
        (".blamelint.toml", 'fail-on = "warning\n'),
        (".blamelint.toml", "[tool\nx = 1\n"),
        (".blamelint.toml", 'ignore = ["blame"]\nignore = ["hindsight"]\n'),
        (".blamelint.toml", 'select = "\xff"\n'),
        ("pyproject.toml", '[project]\nname = "x"\n[tool.blamelint\nignore = []\n'),
    ],
)
def test_config_file_that_is_not_valid_toml(blamelint, workdir, name, body):
    (workdir / name).write_bytes(body.encode("latin-1"))
    run = blamelint("check", "good.md", cwd=workdir)
    _one_message(run, name, "not valid TOML")


def test_explicit_config_that_is_not_valid_toml(blamelint, workdir):
    (workdir / "ci.toml").write_text("= 1\n")
    run = blamelint("check", "--config", "ci.toml", "good.md", cwd=workdir)
    _one_message(run, "ci.toml", "not valid TOML")


def test_unrelated_broken_pyproject_is_not_ours(blamelint, workdir):
    """A pyproject.toml without [tool.blamelint] is not blamelint's to judge."""
    (workdir / "pyproject.toml").write_text("[project\nname = 1\n")
    run = blamelint("check", "good.md", cwd=workdir)
    assert run.code == 1 and "good.md:3:" in run.stdout, run.output


@pytest.mark.parametrize(
    "card, problem",
    [
        pytest.param("id: [unclosed\n", "not valid YAML", id="bad-yaml"),
        pytest.param("\tid: x\n", "not valid YAML", id="tab-indent"),
        pytest.param(CARD.format(phrases='["heroic", "  "]'), "phrase 2 is empty", id="empty-phrase"),
        pytest.param(CARD.format(phrases="[]"), "non-empty 'phrases'", id="no-phrases"),
        pytest.param(CARD.format(phrases="[[1, 2]]"), "phrases", id="phrase-not-text"),
        pytest.param(
            CARD.replace("no-heroics", "No Heroics").format(phrases='["heroic"]'), "slug", id="bad-id"
        ),
        pytest.param("- a list\n- not a card\n", "mapping", id="not-a-mapping"),
        pytest.param(b"id: \xff\n", "cannot read", id="not-utf8"),
    ],
)
def test_rule_card_with_a_bad_pattern_or_bad_yaml(blamelint, workdir, card, problem):
    (workdir / "cards").mkdir()
    (workdir / "cards" / "heroics.yaml").write_bytes(card if isinstance(card, bytes) else card.encode())
    (workdir / ".blamelint.toml").write_text('rule-cards = ["cards/"]\n')
    run = blamelint("check", "good.md", cwd=workdir)
    _one_message(run, "heroics.yaml", problem)


def test_rule_cards_path_that_does_not_exist(blamelint, workdir):
    (workdir / ".blamelint.toml").write_text('rule-cards = ["nowhere/"]\n')
    run = blamelint("check", "good.md", cwd=workdir)
    _one_message(run, "nowhere/", "not found")


def test_a_good_phrase_card_works(blamelint, workdir):
    """The control for the tests above: the same card, valid, finds its phrase."""
    (workdir / "cards").mkdir()
    (workdir / "cards" / "heroics.yaml").write_text(CARD.format(phrases='["heroically"]'))
    (workdir / ".blamelint.toml").write_text('rule-cards = ["cards/"]\n')
    (workdir / "hero.md").write_text("# X\n\nSam heroically restored the replica.\n")
    run = blamelint("check", "hero.md", cwd=workdir)
    assert "hero.md:3:5: note no-heroics" in run.stdout, run.output
