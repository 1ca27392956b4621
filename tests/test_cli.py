"""The command line as a user meets it: exit codes, formats, options."""

import json
import subprocess
import sys

from tests.conftest import ROOT

FINDINGS = "# Incident\n\n## Summary\n\nThe root cause was human error.\n"
CLEAN = "# Notes\n\nI restarted the database at 14:05 and latency recovered.\n"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_help_and_version_do_not_load_spacy():
    code = (
        "import sys, blamelint.cli as c\n"
        "for args in (['--help'], ['--version'], ['check', '--help']):\n"
        "    assert c.main(args) == 0\n"
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")


def test_version(cli):
    from blamelint import __version__

    result = cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_exit_codes(cli, tmp_path):
    clean = write(tmp_path, "clean.md", CLEAN)
    bad = write(tmp_path, "bad.md", FINDINGS)
    assert cli("check", str(clean), cwd=tmp_path).returncode == 0
    result = cli("check", str(bad), cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.md:5:5: warning root-cause" in result.stdout
    assert "warning blame" in result.stdout
    assert cli("check", "--fail-on", "never", str(bad), cwd=tmp_path).returncode == 0
    assert cli("check", "--fail-on", "error", "--ignore", "blame", str(bad), cwd=tmp_path).returncode == 0
    missing = cli("check", str(tmp_path / "nope.md"), cwd=tmp_path)
    assert missing.returncode == 2 and "nope.md" in missing.stdout + missing.stderr


def test_missing_path_still_checks_the_others(cli, tmp_path):
    bad = write(tmp_path, "bad.md", FINDINGS)
    result = cli("check", "nope.md", str(bad), cwd=tmp_path)
    assert result.returncode == 2
    assert "root-cause" in result.stdout
    assert "nope.md" in result.stdout and "no such file" in result.stdout


def test_bad_config_key_exits_2_without_traceback(cli, tmp_path):
    write(tmp_path, ".blamelint.toml", "fail_level = 'error'\n")
    write(tmp_path, "a.md", CLEAN)
    result = cli("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert ".blamelint.toml" in result.stderr and "fail_level" in result.stderr and "fail-on" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_rule(cli, tmp_path):
    write(tmp_path, "a.md", CLEAN)
    result = cli("check", "--select", "no-such-rule", "a.md", cwd=tmp_path)
    assert result.returncode == 2 and "unknown rule 'no-such-rule'" in result.stderr


def test_rules_in_a_comma_separated_list(cli, tmp_path):
    write(tmp_path, "a.md", FINDINGS)

    def rules(*args):
        result = cli("check", "--format", "json", *args, "a.md", cwd=tmp_path)
        return {f["rule"] for f in json.loads(result.stdout)["findings"]}

    assert rules("--select", "blame,root-cause") == rules("--select", "blame", "--select", "root-cause")
    assert rules("--select", " blame , root-cause ") == {"blame", "root-cause"}
    assert rules("--ignore", "blame,root-cause") == rules() - {"blame", "root-cause"}
    bad = cli("check", "--select", "blame,no-such-rule", "a.md", cwd=tmp_path)
    assert bad.returncode == 2 and "unknown rule 'no-such-rule'" in bad.stderr


def test_stdin(cli, tmp_path):
    result = cli(
        "check", "-", "--stdin-filename", "pm/incident.md", "--format", "json", stdin=FINDINGS, cwd=tmp_path
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert {f["location"]["path"] for f in report["findings"]} == {"pm/incident.md"}


def test_output_file_and_formats(cli, tmp_path):
    bad = write(tmp_path, "bad.md", FINDINGS)
    out = tmp_path / "out.sarif"
    result = cli("check", "--format", "sarif", "-o", str(out), str(bad), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    sarif = json.loads(out.read_text())
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"root-cause", "blame"}
    text = cli("check", "--select", "blame", str(bad), cwd=tmp_path).stdout
    assert "root-cause" not in text and "blame" in text


def test_directory_recursion_skips_hidden(cli, tmp_path):
    write(tmp_path, "pm/a.md", FINDINGS)
    write(tmp_path, "pm/sub/b.txt", "The root cause was DNS.\n")
    write(tmp_path, "pm/.hidden/c.md", FINDINGS)
    write(tmp_path, "pm/notes.rst", FINDINGS)
    report = json.loads(cli("check", "--format", "json", "pm", cwd=tmp_path).stdout)
    assert {f["location"]["path"] for f in report["findings"]} == {"pm/a.md", "pm/sub/b.txt"}
    assert report["summary"]["files"] == 2


def test_no_colour_when_not_a_terminal(cli, tmp_path):
    bad = write(tmp_path, "bad.md", FINDINGS)
    assert "\033[" not in cli("check", str(bad), cwd=tmp_path).stdout
    assert "\033[" in cli("check", "--color", str(bad), cwd=tmp_path).stdout


def test_rules_and_explain(cli):
    table = cli("rules")
    assert table.returncode == 0
    for rule in ("agentless-passive", "root-cause", "blame", "hindsight", "missing-what-went-well"):
        assert rule in table.stdout
    explained = cli("explain", "--format", "markdown", "agentless-passive")
    assert explained.returncode == 0
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in explained.stdout
    terminal = cli("explain", "agentless-passive").stdout  # for a terminal: short first, details after
    assert terminal.startswith("agentless-passive (warning, sentence)\n  A passive clause")
    order = [
        terminal.index(h)
        for h in (
            "Example:",
            "Use instead:",
            "Why it matters",
            "What it flags",
            "Known problems",
            "Configuration",
        )
    ]
    assert order == sorted(order)
    assert "## " not in terminal and "```" not in terminal and "rules/data" not in terminal
    assert ".yaml" not in terminal and "people list" in terminal
    assert max(len(line) for line in terminal.splitlines()) <= 100
    assert cli("explain", "nope").returncode == 2


def test_explain_for_a_terminal_shows_options_as_a_list_and_config_as_lines():
    """A card's Markdown list items and fenced TOML (the rules with a model) read as a list
    and as plain indented lines on a terminal, never as fences or run-on text."""
    from blamelint.rules.docs import help_terminal
    from blamelint.rules.registry import Registry

    registry = Registry(None)
    for rule in ("agentless-passive", "blame", "hindsight", "root-cause"):
        terminal = help_terminal(registry.card(rule))
        assert "```" not in terminal and "## " not in terminal
        assert "\n  - `threshold`" in terminal
        assert f"\n    [tool.blamelint.rules.{rule}]\n    model = " in terminal
        assert max(len(line) for line in terminal.splitlines()) <= 100


def test_no_model_exits_2_with_install_hint(cli, tmp_path):
    write(tmp_path, ".blamelint.toml", "model = 'en_no_such_pipeline'\n")
    write(tmp_path, "a.md", FINDINGS)
    result = cli("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "pip install" in result.stderr and "Traceback" not in result.stderr


def test_readme_quick_start_sample_has_findings(cli):
    sample = ROOT / "corpora" / "sample-postmortem.md"
    result = cli("check", str(sample))
    assert result.returncode == 1
    rules = {
        line.split()[2]
        for line in result.stdout.splitlines()
        if ": " in line and line.count(":") >= 3 and line.split()[1] in ("error", "warning", "note")
    }
    assert len(rules) >= 4, result.stdout


def test_output_never_overwrites_an_input(cli, tmp_path):
    bad = write(tmp_path, "pm/bad.md", FINDINGS)
    for target in ("pm/bad.md", "pm/report.md"):
        result = cli("check", "-o", target, "pm", cwd=tmp_path)
        assert result.returncode == 2 and "would overwrite" in result.stderr
    assert bad.read_text() == FINDINGS and not (tmp_path / "pm" / "report.md").exists()
    assert cli("check", "-o", "report.json", "--format", "json", "pm", cwd=tmp_path).returncode == 1
