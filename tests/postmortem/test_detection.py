"""Which files are postmortems (document rules run only on those)."""

from pathlib import Path

import pytest

from blamelint.config import Config
from blamelint.postmortem.detect import PostmortemDetector, front_matter_verdict, path_matches
from blamelint.postmortem.load import read_document

ROOT = Path(__file__).resolve().parents[2]


def detect(parse, text, path="pm.md", **config):
    return PostmortemDetector(Config(**config))(parse(text, path=path))


def test_readme_about_postmortems_is_not_one():
    path = ROOT / "corpora/postmortems/not-postmortems/README.md"
    doc = read_document(path, "corpora/postmortems/not-postmortems/README.md")
    assert not PostmortemDetector(Config())(doc)


@pytest.mark.parametrize(
    "text",
    [
        "# X\n\n## What went well\n\n- a\n\n## Action items\n\n- b\n",  # strong + weak
        "# X\n\n## Impact\n\na\n\n## Timeline\n\nb\n\n## Action items\n\n- c\n",  # three weak
        "# Postmortem: X\n\n## Timeline\n\n- a\n",  # title says so
        "Impact: 3% of requests.\n\nRoot cause: a bad push.\n",  # labels count
    ],
)
def test_postmortem_by_sections(parse, text):
    assert detect(parse, text)


@pytest.mark.parametrize(
    "text",
    [
        "# Design: new cache\n\n## Impact\n\na\n\n## Timeline\n\nQ3\n",  # two weak: a design doc
        "# Project\n\n## Summary\n\nA tool.\n\n## Background\n\nWhy.\n",
        "# Notes\n\n## Action items\n\n- a\n",
        "",
    ],
)
def test_not_a_postmortem(parse, text):
    assert not detect(parse, text)


def test_file_name_hint(parse):
    assert detect(parse, "# DNS\n\n## Timeline\n\n- a\n", path="docs/2024-01-02-outage.md")


def test_front_matter_decides_both_ways(parse):
    assert detect(parse, "---\ntype: postmortem\n---\n\n# X\n\nText.\n")
    assert detect(parse, "---\ntags: [sre, incident-review]\n---\n\n# X\n")
    assert not detect(parse, "---\npostmortem: false\n---\n\n# X\n\n## What went well\n\n## Action items\n")
    assert front_matter_verdict({"kind": "Post-Mortem"}) is True
    assert front_matter_verdict({"tags": "post-mortem"}) is True
    assert front_matter_verdict({"title": "x"}) is None


def test_postmortem_paths(parse):
    assert detect(
        parse, "# Notes\n", path="docs/postmortems/2024-q1.md", postmortem_paths=["postmortems/*.md"]
    )
    assert not detect(parse, "# Notes\n", path="docs/other/2024-q1.md", postmortem_paths=["postmortems/*.md"])
    assert path_matches("./incidents/2024/a.md", ["incidents/**/*.md"])
    assert path_matches("incidents/a.md", ["incidents/**/*.md"])


def test_unknown_required_section_fails_at_start():
    from blamelint.errors import ConfigError

    with pytest.raises(ConfigError, match="required-sections: unknown section"):
        PostmortemDetector(Config(required_sections=["impact", "vibes"]))


def test_readme_gets_no_document_findings(doc_lint):
    text = (ROOT / "corpora/postmortems/not-postmortems/README.md").read_text(encoding="utf-8")
    assert doc_lint(text, path="corpora/postmortems/not-postmortems/README.md") == []
