"""Generated rule docs are fresh, and the documented CI files run real commands."""

from __future__ import annotations

import shlex
import shutil

import click
import pytest
import yaml

from blamelint.cli import check as check_command
from blamelint.reporters.sarif import DOCS_URI
from tests.conftest import ROOT
from tools import docgen

FRESH_HINT = "stale generated docs; run: python tools/docgen.py"


def test_rule_pages_and_readme_table_are_fresh():
    stale = [p.relative_to(ROOT).as_posix() for p in docgen.stale(ROOT)]
    assert stale == [], f"{FRESH_HINT} ({', '.join(stale)})"


def test_every_rule_has_the_page_sarif_points_at():
    prefix = DOCS_URI.split("/blob/main/", 1)[1]
    for card in docgen.load_cards(ROOT):
        page = ROOT / prefix.format(id=card.id)
        assert page.is_file(), f"{page} missing ({FRESH_HINT})"


def test_pages_are_what_explain_prints(capsys):
    from blamelint.cli import main

    for card in docgen.load_cards(ROOT):
        capsys.readouterr()
        assert main(["explain", "--format", "markdown", card.id]) == 0
        page = (ROOT / "docs" / "rules" / f"{card.id}.md").read_text(encoding="utf-8")
        assert page.endswith(capsys.readouterr().out)


def test_docgen_finds_and_fixes_stale_docs(tmp_path):
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    (tmp_path / "README.md").write_text(f"# x\n\n## Rules\n\n{docgen.START}\n{docgen.END}\n\n## After\n")
    assert {p.name for p in docgen.stale(tmp_path)} >= {"README.md"} | {
        f"{c.id}.md" for c in docgen.load_cards(tmp_path)
    }
    assert docgen.main(["--root", str(tmp_path)]) == 0
    assert docgen.stale(tmp_path) == []
    readme = (tmp_path / "README.md").read_text()
    assert "| [`blame`](docs/rules/blame.md) |" in readme and readme.endswith("\n## After\n")
    page = tmp_path / "docs" / "rules" / "blame.md"
    page.write_text(page.read_text() + "edited by hand\n")
    orphan = tmp_path / "docs" / "rules" / "retired-rule.md"
    orphan.write_text(docgen.MARK + " -->\n# retired-rule\n")
    handwritten = tmp_path / "docs" / "rules" / "index.md"
    handwritten.write_text("# Rules\n")
    assert set(docgen.stale(tmp_path)) == {page, orphan}
    assert docgen.main(["--root", str(tmp_path), "--check"]) == 1
    docgen.write(tmp_path)
    assert docgen.stale(tmp_path) == [] and not orphan.exists() and handwritten.exists()
    (tmp_path / "README.md").write_text("# no markers\n")
    assert docgen.main(["--root", str(tmp_path), "--check"]) == 2


def _blamelint_args(command: str) -> list[str]:
    """The arguments of `blamelint check`, checked by the real option parser."""
    words = shlex.split(command)
    assert words[:2] == ["blamelint", "check"], command
    check_command.make_context("check", words[2:])  # raises on an unknown option or a bad choice
    return words[2:]


def _option(args: list[str], name: str) -> str:
    return args[args.index(name) + 1]


def test_github_workflow_runs_a_valid_command_and_uploads_its_sarif():
    workflow = yaml.safe_load((ROOT / "docs" / "github-actions" / "blamelint.yml").read_text())
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    steps = job["steps"]
    runs = [s["run"] for s in steps if "blamelint check" in s.get("run", "")]
    assert len(runs) == 1
    args = _blamelint_args(runs[0])
    assert _option(args, "--format") == "sarif"
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["sarif_file"] == _option(args, "--output")
    assert upload["with"]["category"] == "blamelint"
    assert steps.index(upload) > [steps.index(s) for s in steps if s.get("run") == runs[0]][0]


def test_gitlab_job_runs_a_valid_command_and_keeps_its_report():
    config = yaml.safe_load((ROOT / "docs" / "gitlab" / ".gitlab-ci.yml").read_text())
    job = config["blamelint"]
    runs = [line for line in job["script"] if "blamelint check" in line]
    assert len(runs) == 1
    args = _blamelint_args(runs[0])
    assert _option(args, "--format") == "gitlab"
    assert job["artifacts"]["reports"]["codequality"] == _option(args, "--output")


def test_bad_command_is_caught_by_the_parser():
    with pytest.raises(click.UsageError):
        _blamelint_args("blamelint check --format sarif2 x")
    with pytest.raises(click.UsageError):
        _blamelint_args("blamelint check --no-such-option x")


def test_pre_commit_manifest():
    pytest.importorskip("pre_commit")
    from identify.identify import ALL_TAGS
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "blamelint" and hook["language"] == "python" and hook["require_serial"] is True
    assert set(hook["types_or"]) == {"markdown", "plain-text"} and set(hook["types_or"]) <= ALL_TAGS
    _blamelint_args(hook["entry"] + " pm.md")


def test_readme_pre_commit_snippet_uses_the_hook():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## pre-commit\n", 1)[1].split("\n## ", 1)[0]
    snippet = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    config = yaml.safe_load(snippet)
    (repo,) = config["repos"]
    (hook,) = repo["hooks"]
    assert hook["id"] == "blamelint" and hook["files"]
    assert repo["repo"].startswith("https://")
