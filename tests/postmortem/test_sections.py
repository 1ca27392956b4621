"""Heading -> section classification, and the section data kept clean."""

import pytest

from blamelint.data import load
from blamelint.data.models import SectionsData
from blamelint.postmortem.sections import SectionCatalog, catalog, outline, words


@pytest.mark.parametrize(
    "heading, expected",
    [
        # the synonyms
        ("What went well", "what-went-well"),
        ("What went right", "what-went-well"),
        ("Things that went well", "what-went-well"),
        ("Went well", "what-went-well"),
        ("Successes", "what-went-well"),
        ("What worked", "what-went-well"),
        ("Impact", "impact"),
        ("Customer impact", "impact"),
        ("Timeline", "timeline"),
        ("Chronology", "timeline"),
        ("What went wrong", "what-went-wrong"),
        ("What didn't go well", "what-went-wrong"),
        ("What didn’t go well", "what-went-wrong"),
        ("Contributing factors", "contributing-factors"),
        ("Root causes", "contributing-factors"),
        ("Root Cause", "contributing-factors"),
        ("Trigger", "contributing-factors"),
        ("Action items", "action-items"),
        ("Follow-ups", "action-items"),
        ("Followups", "action-items"),
        ("Remediation", "action-items"),
        ("Corrective actions", "action-items"),
        ("Lessons learned", "lessons-learned"),
        # numbering, punctuation, case, parentheticals, emoji
        ("3. What went well", "what-went-well"),
        ("2) Impact", "impact"),
        ("IV. Timeline", "timeline"),
        ("1.2 Action Items", "action-items"),
        ("WHAT WENT WELL", "what-went-well"),
        ("What went well:", "what-went-well"),
        ("Timeline (all times UTC)", "timeline"),
        ("✅ What went well", "what-went-well"),
        ("TL;DR", "summary"),
        ("5 Whys", "contributing-factors"),
        # decorations
        ("Detailed incident timeline", "timeline"),
        ("Impact on customers", "impact"),
        ("Our key learnings", "lessons-learned"),
        ("Timeline of events", "timeline"),
        # modifiers before a head noun
        ("Corrective action items", "action-items"),
        ("Revenue impact", "impact"),
        ("Proximate cause", "contributing-factors"),
        ("Things That Went Poorly", "what-went-wrong"),
    ],
)
def test_heading_names_section(heading, expected):
    assert catalog().classify(heading) == (expected,)


@pytest.mark.parametrize("heading", ["No impact", "Not the root cause", "Non-impact"])
def test_negated_head_noun_is_no_section(heading):
    assert catalog().classify(heading) == ()


@pytest.mark.parametrize(
    "heading, expected",
    [
        ("Root cause and contributing factors", ("contributing-factors",)),
        ("Lessons learned: what went well", ("lessons-learned", "what-went-well")),
        ("What went well / what didn't", ("what-went-well", "what-went-wrong")),
        ("Impact & timeline", ("impact", "timeline")),
        ("Response & timeline", ("response", "timeline")),
        ("Response timeline (UTC)", ("timeline",)),
        ("Action items and owners", ("action-items",)),
        ("Preventative & Corrective Action Items", ("action-items",)),
        ("Executive Summary & Impact Analysis", ("summary", "impact")),
    ],
)
def test_heading_joining_sections(heading, expected):
    assert catalog().classify(heading) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "Appendix",
        "When to write one",
        "Sections we expect",
        "How we write",
        "Where things go",
        "Impact of the EU region migration plan",
        "What went well for the competitors of our vendor",
        "Things that did not go well",
        "14:05 UTC",
        "",
        "Installation",
    ],
)
def test_other_headings_name_no_section_or_the_right_one(heading):
    names = catalog().classify(heading)
    assert "what-went-well" not in names
    if heading in (
        "Appendix",
        "When to write one",
        "Sections we expect",
        "How we write",
        "Where things go",
        "14:05 UTC",
        "",
        "Installation",
    ):
        assert names == ()


def test_strict_classification_needs_every_part():
    cat = catalog()
    assert cat.classify("Summary: three to five sentences a reader can follow") == ("summary",)
    assert cat.classify("Summary: three to five sentences a reader can follow", strict=True) == ()


def test_title_matches_exactly_only(parse):
    doc = parse("# Postmortem: DNS outage timeline\n\n## Impact\n\nUsers saw errors.\n")
    assert [s.name for s in outline(doc).sections] == ["impact"]
    doc = parse("# Timeline\n\n- 14:05 I restarted the primary.\n")
    assert [s.name for s in outline(doc).sections] == ["timeline"]


def test_section_data_is_clean():
    data = load(SectionsData)  # the model takes strings only: a bare `on` (True) fails
    cat = SectionCatalog.from_data(data)  # raises on a heading under two sections
    for name, spec in data.sections.items():
        keys = [words(h) for h in spec.headings]
        assert len(keys) == len(set(keys)), f"{name}: duplicate headings after normalising"
        assert name in cat.titles and name in cat.belongs, name
    for default in (
        "summary",
        "impact",
        "timeline",
        "what-went-well",
        "contributing-factors",
        "action-items",
    ):
        assert default in cat.names
    overlap = {w for key in cat.headings for w in key} & cat.decorations - {
        "and",
        "of",
        "the",
        "incident",
        "on",
    }
    assert "well" not in overlap and "wrong" not in overlap


def test_placeholders():
    cat = catalog()
    for text in ("N/A", "n/a.", "None", "TBD", "-", "…", "To be determined", "TODO:"):
        assert cat.is_placeholder(text), text
    assert not cat.is_placeholder("The alert fired within a minute.")


def test_unknown_required_section_is_a_clear_error():
    from blamelint.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown section.*'postmortem-vibes'.*known sections: summary"):
        catalog().validate(["impact", "postmortem-vibes"])


def test_label_sections(parse):
    doc = parse(
        "# Outage\n\nIssue Summary\nFor 20 minutes the site was down.\n\n"
        "Root Cause and Resolution\nRoot Cause: the disk filled.\n\n"
        "**Impact:** 3% of requests failed.\n\nThe impact\nwas large.\n\n"
        "| Key | Value |\n|---|---|\n| Timeline | 14:00 deploy, 14:20 revert |\n"
    )
    found = [(s.name, s.kind, s.start.line) for s in outline(doc).sections]
    assert found == [
        ("summary", "label", 3),
        ("contributing-factors", "label", 6),
        ("response", "label", 6),
        ("impact", "label", 9),
        ("timeline", "row", 16),
    ]


def test_grouping_section_takes_its_childrens_content(parse):
    doc = parse("# Outage\n\n**Lessons Learned**\n\n**What went well:**\n\n- The flag worked.\n")
    lessons = outline(doc).of("lessons-learned")[0]
    assert lessons.has_content()
