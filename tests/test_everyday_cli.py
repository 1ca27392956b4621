"""The everyday command line a ruff, Vale or markdownlint user expects: concise output,
statistics, quiet, --exclude, an empty match that fails, baseline counts, suppression
warnings, config typos named with file and key, repository-relative paths, init."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.test_cli import FINDINGS, write

BAD = FINDINGS + "\n<!-- blamelint-disable-next-line blam -->\nThe page was acknowledged.\n"


def test_concise_statistics_quiet(cli, tmp_path):
    write(tmp_path, "bad.md", BAD)
    concise = cli("check", "--output-format", "concise", "bad.md", cwd=tmp_path)
    assert concise.returncode == 1
    lines = concise.stdout.splitlines()
    assert "bad.md:5:5: root-cause 'root cause' frames" in lines[0]
    assert lines[1].startswith("bad.md:5:20: blame ")
    assert lines[2].startswith("bad.md:8:10: agentless-passive ")
    assert lines[-1].startswith("Found 3 problems") and len(lines) == 4
    # the misspelt rule id in the suppression comment: a warning with its line, and nothing suppressed
    warning = "blamelint: warning: bad.md:7: 'blam' in a suppression comment is not a rule"
    assert f"{warning} (did you mean 'blame'?)" in concise.stderr

    stats = cli("check", "--statistics", "bad.md", cwd=tmp_path)
    assert stats.returncode == 1
    assert stats.stdout.splitlines()[:3] == [
        "1  agentless-passive  (warning)",
        "1  blame  (warning)",
        "1  root-cause  (warning)",
    ]
    assert cli("check", "--statistics", "--format", "json", "bad.md", cwd=tmp_path).returncode == 2

    quiet = cli("check", "-q", "--format", "concise", "bad.md", cwd=tmp_path)
    assert quiet.returncode == 1 and len(quiet.stdout.splitlines()) == 3 and "Found" not in quiet.stdout
    write(tmp_path, "clean.md", "# Notes\n\nI restarted the database at 14:05.\n")
    silent = cli("check", "--quiet", "clean.md", cwd=tmp_path)
    assert silent.returncode == 0 and silent.stdout == ""


def test_exclude_and_no_files_matched(cli, tmp_path):
    write(tmp_path, "pm/a.md", FINDINGS)
    write(tmp_path, "pm/drafts/b.md", FINDINGS)
    found = cli(
        "check", "--format", "concise", "--exclude", "pm/drafts/*", "--exclude", "*.txt", ".", cwd=tmp_path
    )
    assert found.returncode == 1 and "pm/a.md" in found.stdout and "drafts" not in found.stdout
    none = cli("check", "--exclude", "*.md", "pm", cwd=tmp_path)
    assert none.returncode == 2 and none.stdout == ""
    assert "no files to check" in none.stderr and "--allow-no-files" in none.stderr
    (tmp_path / "empty").mkdir()
    assert cli("check", "empty", cwd=tmp_path).returncode == 2
    allowed = cli("check", "--allow-no-files", "empty", cwd=tmp_path)
    assert allowed.returncode == 0 and "No problems found in 0 files." in allowed.stdout


def test_baseline_counts_are_said_plainly(cli, tmp_path):
    write(tmp_path, "a.md", FINDINGS)
    wrote = cli("check", "--write-baseline", "base.json", "a.md", cwd=tmp_path)
    assert wrote.returncode == 0 and "No problems found" not in wrote.stdout
    assert "Recorded 2 findings from 1 file in the baseline base.json" in wrote.stdout
    write(tmp_path, "a.md", FINDINGS + "\nWe should have caught this.\n")
    used = cli("check", "--baseline", "base.json", "a.md", cwd=tmp_path)
    assert used.returncode == 1 and "hindsight" in used.stdout
    assert "2 findings already in the baseline base.json were not reported." in used.stdout
    write(tmp_path, "a.md", "# Incident\n\n## Summary\n\nThe root cause was a typo.\n")
    fixed = cli("check", "--baseline", "base.json", "a.md", cwd=tmp_path)
    assert "1 finding already in the baseline base.json was not reported." in fixed.stdout
    assert "1 finding in the baseline is no longer found" in fixed.stdout
    as_json = cli("check", "--format", "json", "--baseline", "base.json", "a.md", cwd=tmp_path)
    assert json.loads(as_json.stdout)["summary"]["findings"] == 0 and "not reported" in as_json.stderr


@pytest.mark.parametrize(
    "body, key, hint",
    [
        ("[rules.blam]\nx = 1\n", "rules.blam", "did you mean 'blame'?"),
        ('ignore = ["hindsigt"]\n', "ignore", "did you mean 'hindsight'?"),
        ('select = ["root-causes"]\n', "select", "did you mean 'root-cause'?"),
        (
            'severity = { agentles-passive = "note" }\n',
            "severity.agentles-passive",
            "did you mean 'agentless-passive'?",
        ),
        ("[rules.blame]\nstrict = true\n", "rules.blame.strict", "blame takes: model, threshold"),
        (
            "[rules.action-item-without-owner]\ninclude-don = true\n",
            "rules.action-item-without-owner.include-don",
            "did you mean 'include-done'?",
        ),
    ],
)
def test_config_typos_name_file_key_and_closest(tmp_path, body, key, hint):
    from blamelint.config import load_config
    from blamelint.errors import ConfigError
    from blamelint.rules.registry import Registry
    from blamelint.rules.validate import validate_config

    body = body.replace("[rules.", "[tool.blamelint.rules.")
    write(tmp_path, "pyproject.toml", "[tool.blamelint]\n" + body)
    config = load_config(cwd=tmp_path)
    with pytest.raises(ConfigError) as caught:
        validate_config(config, Registry(config))
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'pyproject.toml'} [tool.blamelint]: {key}:"), message
    assert hint in message


def test_config_typo_stops_check(cli, tmp_path):
    write(tmp_path, ".blamelint.toml", "[rules.blam]\n")
    write(tmp_path, "a.md", FINDINGS)
    run = cli("check", "a.md", cwd=tmp_path)
    assert run.returncode == 2 and ".blamelint.toml: rules.blam: unknown rule 'blam'" in run.stderr
    assert "Traceback" not in run.stderr
    assert "did you mean 'blame'" in cli("check", "--ignore", "blam", "a.md", cwd=tmp_path).stderr


def test_sarif_paths_are_relative_to_the_repository_wherever_run(cli, tmp_path):
    repo = tmp_path / "repo"
    write(repo, "postmortems/a.md", FINDINGS)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    elsewhere = tmp_path / "other" / "deep"
    elsewhere.mkdir(parents=True)
    run = cli("check", "--format", "sarif", "../../repo/postmortems/a.md", cwd=elsewhere)
    sarif = json.loads(run.stdout)["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["results"]}
    assert uris == {"postmortems/a.md"}
    assert sarif["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    from_root = json.loads(cli("check", "--format", "sarif", "postmortems/a.md", cwd=repo).stdout)["runs"][0]
    assert [r["partialFingerprints"] for r in from_root["results"]] == [
        r["partialFingerprints"] for r in sarif["results"]
    ]


def test_init_finds_the_postmortems_and_writes_a_valid_config(tmp_path):
    from blamelint.config import load_config
    from blamelint.errors import BlamelintError
    from blamelint.postmortem.detect import path_matches
    from blamelint.run.init import run_init

    (tmp_path / ".git").mkdir()
    write(tmp_path, "docs/postmortems/2024/a.md", FINDINGS)
    write(tmp_path, "docs/postmortems/b.md", FINDINGS)
    write(tmp_path, "notes/readme.md", "x")
    out = run_init(tmp_path / "docs")
    assert "Postmortems: docs/postmortems/ (2 documents)." in out
    assert "files: ^docs/postmortems/" in out and ".github/workflows/blamelint.yml" in out
    config = load_config(cwd=tmp_path)
    assert config.source == str(tmp_path / ".blamelint.toml")
    assert all(
        path_matches(p, config.postmortem_paths)
        for p in ("docs/postmortems/b.md", "docs/postmortems/2024/a.md")
    )
    assert not path_matches("notes/readme.md", config.postmortem_paths)
    with pytest.raises(BlamelintError, match="already exists"):
        run_init(tmp_path)
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    run_init(tmp_path, pyproject=True)
    text = (tmp_path / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "x"\n') and "\n[tool.blamelint]\n" in text
    with pytest.raises(BlamelintError, match="already has a \\[tool.blamelint\\]"):
        run_init(tmp_path, pyproject=True)
