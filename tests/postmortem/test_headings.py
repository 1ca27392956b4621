"""Heading recognition beyond Markdown heading syntax: numbered lines, bare
section names, bold lines, setext and plain-text titles. Promoted headings keep
their exact source mapping."""

import pytest


def headings(doc):
    return [(b.text, b.line) for b in doc.blocks if b.kind == "heading"]


def assert_maps_to_source(doc):
    for block in doc.blocks:
        assert len(block.text) == len(block.offsets)
        for ch, offset in zip(block.text, block.offsets):
            assert ch == doc.source[offset] or (ch in " \n" and doc.source[offset] in " \t\n"), (
                block.text,
                ch,
            )


def test_single_item_ordered_list_naming_a_section_is_a_heading(parse):
    doc = parse(
        "# Outage\n\n3. What went well\n\n- The alert fired.\n\n4. Action items\n\n- Add a check (@a, due 2027-01-01)\n"
    )
    assert headings(doc) == [("Outage", 1), ("What went well", 3), ("Action items", 7)]
    item = next(b for b in doc.blocks if b.text.startswith("The alert"))
    assert [h.text for h in item.headings] == ["Outage", "What went well"]
    assert_maps_to_source(doc)


def test_numbered_line_that_is_not_a_section_stays_a_list_item(parse):
    doc = parse("## Timeline\n\n3. Restart the primary\n\nThen we waited.\n")
    assert headings(doc) == [("Timeline", 1)]
    assert doc.blocks[1].kind == "list_item"


def test_table_of_contents_stays_a_list(parse):
    doc = parse("# Outage\n\n1. Summary\n2. Impact\n3. Timeline\n\nThis page describes the outage.\n")
    assert headings(doc) == [("Outage", 1)]


def test_numbered_section_heading_followed_by_a_numbered_item_list(parse):
    # CommonMark makes one list of all four lines; the section name heads the rest.
    doc = parse("# Outage\n\n6. Action items\n\n1. Add a timeout\n2. Add an alert\n")
    assert headings(doc) == [("Outage", 1), ("Action items", 3)]
    items = [b for b in doc.blocks if b.kind == "list_item"]
    assert [b.text for b in items] == ["Add a timeout", "Add an alert"]
    assert all(b.headings[-1].text == "Action items" for b in items)


def test_numbered_section_with_nothing_after_it_is_not_promoted(parse):
    doc = parse("# Outage\n\n1. What went well\n")
    assert headings(doc) == [("Outage", 1)]


@pytest.mark.parametrize(
    "line",
    [
        "What went well",
        "WHAT WENT WELL",
        "What went well:",
        "**What went well**",
        "**What went well:**",
        "**What went well**:",
        "**Timeline** (UTC)",
        "Timeline (all times UTC)",
    ],
)
def test_line_naming_a_section_is_a_heading(parse, line):
    doc = parse(f"# Outage\n\n{line}\n\n- The alert fired within a minute.\n")
    assert [h for h, _ in headings(doc)][1:] and doc.blocks[1].kind == "heading", doc.blocks[1]
    assert doc.blocks[1].line == 3
    assert_maps_to_source(doc)


def test_prose_and_labels_are_not_promoted(parse):
    doc = parse("# Outage\n\nImpact: 3% of requests failed.\n\nWhat went well is hard to say.\n")
    assert headings(doc) == [("Outage", 1)]


def test_bold_heading_nests_under_the_title(parse):
    doc = parse("**Incident review: report job**\n\n**Summary**\n\nThe job ran twice.\n")
    assert headings(doc) == [("Incident review: report job", 1), ("Summary", 3)]
    para = doc.blocks[-1]
    assert [h.text for h in para.headings] == ["Summary"]  # bold headings are siblings


def test_setext_headings(parse):
    doc = parse("Outage\n======\n\nImpact\n------\n\nUsers saw errors.\n")
    assert headings(doc) == [("Outage", 1), ("Impact", 4)]


def test_plain_text_titles(parse):
    text = (
        "Outage report\n=============\n\nSummary\n-------\nThe job ran twice.\n\n"
        "IMPACT:\n- 300 users were paid late.\n\nTIMELINE (all times UTC)\n\n[09:00] I ran the export.\n\n"
        "What went well\n\n- Finance called the bank.\n"
    )
    doc = parse(text, path="pm.txt")
    assert headings(doc) == [
        ("Outage report", 1),
        ("Summary", 4),
        ("IMPACT", 8),
        ("TIMELINE (all times UTC)", 11),
        ("What went well", 15),
    ]
    assert [b.kind for b in doc.blocks if b.line in (6, 9)] == ["paragraph", "list_item"]
    assert_maps_to_source(doc)


def test_plain_text_numbered_list_is_not_split_into_headings(parse):
    doc = parse("ACTION ITEMS\n\n1. Add an alert. Owner: Dana.\n2. Fix the cron job.\n", path="pm.txt")
    assert headings(doc) == [("ACTION ITEMS", 1)]
    assert [b.kind for b in doc.blocks[1:]] == ["list_item", "list_item"]
