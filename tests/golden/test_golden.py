"""Golden end-to-end tests over corpora/postmortems.

1. For every sample in corpora/postmortems/expected.yaml, blamelint's reading
   (sections present/empty with their heading lines; action items with owner,
   due date, done and vague) and the document-rule findings as (rule, line)
   must match the expectations exactly. The README that is not a postmortem
   must get no document finding.
2. Whole outputs (text, JSON, SARIF) of `blamelint check` for two postmortems
   are compared with the files in this folder. They select only the document
   rules, so they do not change when the sentence rules improve. Versions and
   the absolute project root are replaced by placeholders; SARIF's rule table
   and rule indexes (which list every installed rule) are checked for
   consistency and then left out.

Regenerate the golden files after an intended change with

    BLAMELINT_UPDATE_GOLDEN=1 pytest tests/golden

and review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml

from blamelint.cli import main
from blamelint.postmortem.load import read_document
from tests.conftest import DOCUMENT_RULES
from tests.conftest import build_document_linter as build_linter
from tests.postmortem.expectations import expected_document_findings, item_mismatches, section_mismatches

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpora" / "postmortems"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
HERE = Path(__file__).parent
GOLDEN = ["2023-05-17-dns-outage.md", "2024-07-15-email-queue-backlog.txt"]
FORMATS = {"text": "text.txt", "json": "json", "sarif": "sarif.json"}
UPDATE = os.environ.get("BLAMELINT_UPDATE_GOLDEN") == "1"


def _display(name: str) -> str:
    return (CORPUS / name).resolve().relative_to(ROOT).as_posix()


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if EXPECTED[n].get("is_postmortem")))
def test_sample_structure(name):
    doc = read_document(CORPUS / name, _display(name))
    assert section_mismatches(doc, EXPECTED[name]) == []
    assert item_mismatches(doc, EXPECTED[name]) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_document_findings(name):
    linter = build_linter(DOCUMENT_RULES)
    found = linter.lint_document(read_document(CORPUS / name, _display(name)))
    got = sorted(((f.rule, f.location.line) for f in found), key=lambda f: (f[1], f[0]))
    assert got == expected_document_findings(EXPECTED[name])


def _normalise(fmt: str, text: str) -> str:
    from blamelint import __version__

    if fmt == "text":
        return text
    data = json.loads(text)
    if fmt == "json":
        data["version"] = "<version>"
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    ids = [r["id"] for r in driver.pop("rules")]
    for result in run["results"]:
        assert ids[result.pop("ruleIndex")] == result["ruleId"]
    assert driver["version"] == __version__
    driver["version"] = driver["semanticVersion"] = "<version>"
    for base in run.get("originalUriBaseIds", {}).values():
        base["uri"] = "file:///<root>/"
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("name", GOLDEN)
def test_golden_output(name, fmt, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    select = [arg for rule in DOCUMENT_RULES for arg in ("--select", rule)]
    code = main(["check", *select, "--no-color", "--format", fmt, "-o", str(out), _display(name)])
    assert code == 1  # the golden samples have findings at or above warning
    got = _normalise(fmt, out.read_text(encoding="utf-8"))
    golden = HERE / f"{Path(name).stem}.{FORMATS[fmt]}"
    if UPDATE:
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"missing {golden.name}: run BLAMELINT_UPDATE_GOLDEN=1 pytest tests/golden"
    assert got == golden.read_text(encoding="utf-8")
