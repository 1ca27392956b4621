"""Rules from elsewhere: an entry-point plugin in another distribution, and rule
cards loaded from a path named in the config."""

import json
import textwrap

PLUGIN = textwrap.dedent("""
    from blamelint.rules import Match, Rule

    class NoHeroics(Rule):
        CARD = {"id": "no-heroics", "name": "NoHeroics", "severity": "note",
                "summary": "Heroics language hides the gaps in the system.",
                "docs": {"what": "Flags heroics.", "why": "Heroics hide gaps.",
                         "example": "Alice heroically saved the day.",
                         "use_instead": "Alice restored the replica."},
                "examples": {"fail": ["Alice heroically saved the day."]}}

        def check_sentence(self, sent, block):
            for tok in sent:
                if tok.lower_.startswith("heroic"):
                    yield Match(tok.idx, tok.idx + len(tok), "Heroics language.")
""")


def _install_fake_distribution(site):
    (site / "blamelint_heroics.py").write_text(PLUGIN)
    dist = site / "blamelint_heroics-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: blamelint-heroics\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[blamelint.rules]\nno-heroics = blamelint_heroics:NoHeroics\n")


def test_entry_point_plugin_is_found_and_run(cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site)
    doc = tmp_path / "pm.md"
    doc.write_text("# Notes\n\nAlice heroically saved the day.\n")
    env = {"PYTHONPATH": str(site)}
    assert "no-heroics" in cli("rules", cwd=tmp_path, env=env).stdout
    result = cli("check", "--format", "json", "--select", "no-heroics", str(doc), cwd=tmp_path, env=env)
    report = json.loads(result.stdout)
    assert [(f["rule"], f["text"]) for f in report["findings"]] == [("no-heroics", "heroically")]
    assert result.returncode == 0  # a note is below the default fail level
    assert "no-heroics" not in cli("rules", cwd=tmp_path).stdout


def test_rule_cards_from_config_path(cli, tmp_path):
    cards = tmp_path / "house-rules"
    cards.mkdir()
    (cards / "war-room.yaml").write_text(
        textwrap.dedent("""
        id: war-language
        name: WarLanguage
        severity: warning
        kind: phrases
        summary: Military metaphors make incidents sound like battles with enemies.
        message: "War metaphor ('{text}'): describe the work plainly."
        phrases: [war room, battle, firefight]
        docs:
          what: Flags war metaphors.
          why: They frame colleagues as soldiers and failures as defeats.
          example: We opened a war room.
          use_instead: We opened an incident channel.
        examples:
          fail: [We opened a war room.]
    """)
    )
    (tmp_path / ".blamelint.toml").write_text("rule-cards = ['house-rules']\n")
    doc = tmp_path / "pm.md"
    doc.write_text("# Notes\n\nWe opened a War Room at noon.\n")
    result = cli("check", "--format", "json", "--select", "war-language", "pm.md", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert [f["text"] for f in json.loads(result.stdout)["findings"]] == ["War Room"]


def test_bad_rule_card_is_a_clear_error(cli, tmp_path):
    cards = tmp_path / "cards"
    cards.mkdir()
    (cards / "broken.yaml").write_text("id: Not A Slug\nseverity: loud\n")
    (tmp_path / ".blamelint.toml").write_text("rule-cards = ['cards']\n")
    (tmp_path / "pm.md").write_text("# x\n\nHello.\n")
    result = cli("check", "pm.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "broken.yaml" in result.stderr and "Traceback" not in result.stderr
