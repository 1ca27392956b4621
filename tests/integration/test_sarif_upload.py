"""SARIF as code scanning receives it: valid against the official 2.1.0 schema,
accepted by the checks in ../shared/tools/sarif_check.py, paths relative to the
repository root from any working directory, and a clean run still uploadable."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import SHARED
from tests.integration.conftest import BLAMEFUL, write

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
CHECKER = SHARED / "tools" / "sarif_check.py"


@pytest.fixture(scope="module")
def validate():
    """validate(text) -> list of problems: the official schema, then GitHub's upload rules."""
    if not SCHEMA.is_file():
        pytest.skip(f"official SARIF schema not found at {SCHEMA}")
    if not CHECKER.is_file():
        pytest.skip(f"SARIF checker not found at {CHECKER}")
    jsonschema = pytest.importorskip("jsonschema")
    spec = importlib.util.spec_from_file_location("sarif_check", CHECKER)
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))

    def run(text: str) -> list[str]:
        problems = [f"schema: {e.message}" for e in validator.iter_errors(json.loads(text))]
        return problems + list(checker.problems(text.encode("utf-8")))

    return run


def _uris(sarif: dict) -> set[str]:
    return {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }


def test_paths_relative_to_repository_root_from_a_subdirectory(repo, check, validate):
    write(repo / "postmortems" / "2024" / "db.md", BLAMEFUL)
    work = repo / "tools" / "ci"
    work.mkdir(parents=True)
    result = check("--format", "sarif", "../../postmortems", cwd=work)
    assert result.code == 1
    assert validate(result.out) == []
    sarif = json.loads(result.out)
    assert _uris(sarif) == {"postmortems/2024/db.md"}
    assert sarif["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    from_root = check("--format", "sarif", "postmortems", cwd=repo)
    assert json.loads(from_root.out)["runs"][0]["results"] == sarif["runs"][0]["results"]


def test_clean_run_is_a_valid_upload(repo, check, validate):
    write(repo / "postmortems" / "db.md", "# Notes\n\nI restarted the primary at 14:05.\n")
    result = check("--format", "sarif", "--select", "blame", "postmortems", cwd=repo)
    assert result.code == 0
    assert validate(result.out) == []
    run = json.loads(result.out)["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_baseline_filtered_run_is_valid(repo, check, validate):
    write(repo / "postmortems" / "db.md", BLAMEFUL)
    check("--write-baseline", "b.json", "postmortems", cwd=repo)
    result = check(
        "--format", "sarif", "--baseline", "b.json", "--output", "out.sarif", "postmortems", cwd=repo
    )
    assert result.code == 0
    text = (repo / "out.sarif").read_text(encoding="utf-8")
    assert validate(text) == [] and json.loads(text)["runs"][0]["results"] == []
