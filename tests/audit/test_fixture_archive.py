"""The small archive in fixtures/archive/ (original documents written for these
tests): which files are postmortems and when each incident happened, as a careful
reader would say (fixtures/expected.yaml). Also prints the accuracy figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from blamelint.audit import dates
from blamelint.audit.metrics import _body_text, document_title
from blamelint.config import Config
from blamelint.postmortem.detect import PostmortemDetector
from blamelint.postmortem.load import read_document

FIXTURES = Path(__file__).parent / "fixtures"
ARCHIVE = FIXTURES / "archive"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))


def _document(name: str):
    return read_document(ARCHIVE / name, f"archive/{name}")


def document_date(name: str):
    doc = _document(name)
    body = _body_text(doc)
    content = {
        "front-matter": dates.front_matter_date(doc.front_matter),
        "field": dates.field_date(body),
        "title": dates.title_date(document_title(doc)),
        "text": dates.text_date(body),
    }
    content = {k: v.isoformat() if v else None for k, v in content.items()}
    return dates.resolve(f"archive/{name}", None, content, None)


def test_every_file_has_an_expectation():
    found = {p.relative_to(ARCHIVE).as_posix() for p in ARCHIVE.rglob("*") if p.is_file()}
    assert found == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_postmortem_or_not(name):
    verdict = PostmortemDetector(Config()).explain(_document(name))
    assert verdict.postmortem == EXPECTED[name]["postmortem"], verdict.reason
    assert verdict.reason


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["postmortem"]))
def test_date_and_its_source(name):
    want = EXPECTED[name]
    date, source = document_date(name)
    assert (date, source) == (want["date"], want["source"])


def test_accuracy_figures(capsys):
    detector = PostmortemDetector(Config())
    right = sum(detector(_document(n)) == e["postmortem"] for n, e in EXPECTED.items())
    dated = [n for n, e in EXPECTED.items() if e["postmortem"]]
    date_right = sum(document_date(n) == (EXPECTED[n]["date"], EXPECTED[n]["source"]) for n in dated)
    with capsys.disabled():
        print(f"\nfixture archive: detection {right}/{len(EXPECTED)}, dates {date_right}/{len(dated)}")
    assert right == len(EXPECTED) and date_right == len(dated)
    assert isinstance(EXPECTED["hub-403.md"]["date"], dt.date)
