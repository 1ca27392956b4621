"""Heading-style edge cases in fixtures/: sections, action items and the
document findings they imply, against fixtures/expected.yaml."""

from pathlib import Path

import pytest
import yaml

from blamelint.postmortem.load import read_document

from .expectations import expected_document_findings, item_mismatches, section_mismatches

HERE = Path(__file__).parent / "fixtures"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_structure(name):
    doc = read_document(HERE / name, name)
    assert section_mismatches(doc, EXPECTED[name]) == []
    assert item_mismatches(doc, EXPECTED[name]) == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_document_findings(doc_lint, name):
    text = (HERE / name).read_text(encoding="utf-8")
    found = sorted(doc_lint(text, path=name), key=lambda f: (f[1], f[0]))
    assert found == expected_document_findings(EXPECTED[name])
