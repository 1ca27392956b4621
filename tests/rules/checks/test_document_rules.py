"""The document rules end to end (no parse needed): where they point, what the
config changes, and bad options."""

import pytest

from blamelint.errors import ConfigError
from tests.conftest import build_document_linter as build_linter

COMPLETE = """# Postmortem: checkout errors

## Summary

For 20 minutes, 5% of checkout requests returned errors.

## Impact

About 1,200 customers saw an error page.

## Timeline

- 14:00 I deployed a config change.

## What went well

- The alert paged on-call within five minutes.

## Contributing factors

- The config schema accepted an empty pool size.

## Action items

- Reject empty pool sizes in the config schema (@dana, due 2027-02-01)
"""


def without(section_heading: str, text: str = COMPLETE) -> str:
    head, _, rest = text.partition(f"## {section_heading}\n")
    return head + rest[rest.index("## ") :] if "## " in rest else head


def test_complete_postmortem_is_clean(doc_lint):
    assert doc_lint(COMPLETE) == []


def test_missing_what_went_well_points_at_line_1(doc_lint):
    assert doc_lint(without("What went well")) == [("missing-what-went-well", 1)]


@pytest.mark.parametrize("content", ["N/A", "None.", "TBD", "-", "- N/A", "", "<!-- fill in -->"])
def test_empty_what_went_well_points_at_its_heading(doc_lint, content):
    text = COMPLETE.replace("- The alert paged on-call within five minutes.", content)
    assert doc_lint(text, select=["missing-what-went-well"]) == [("missing-what-went-well", 15)]


def test_where_we_got_lucky_is_not_what_went_well(doc_lint):
    text = COMPLETE.replace("## What went well", "## Where we got lucky")
    assert doc_lint(text, select=["missing-what-went-well"]) == [("missing-what-went-well", 1)]


def test_missing_sections_each_reported_at_line_1(doc_lint):
    text = without("Timeline", without("Impact"))
    assert doc_lint(text, select=["missing-section"]) == [("missing-section", 1), ("missing-section", 1)]
    linter = build_linter(["missing-section"])
    from blamelint.postmortem.load import parse_source

    messages = [f.message for f in linter.lint_document(parse_source("pm.md", text))]
    assert messages[0].startswith("No 'Impact' section") and messages[1].startswith("No 'Timeline' section")


def test_empty_required_section_reported_at_its_heading(doc_lint):
    text = COMPLETE.replace("About 1,200 customers saw an error page.", "TBD")
    assert doc_lint(text, select=["missing-section"]) == [("missing-section", 7)]


def test_lead_paragraph_counts_as_summary(doc_lint):
    text = without("Summary").replace(
        "# Postmortem: checkout errors\n",
        "# Postmortem: checkout errors\n\nFor 20 minutes, 5% of checkout "
        "requests returned errors after a config change.\n",
    )
    assert doc_lint(text, select=["missing-section"]) == []
    metadata = without("Summary").replace(
        "# Postmortem: checkout errors\n",
        "# Postmortem: checkout errors\n\nAuthor: Dana Lee\nSeverity: SEV-2\n",
    )
    assert doc_lint(metadata, select=["missing-section"]) == [("missing-section", 1)]


def test_required_sections_config(doc_lint):
    text = without("What went well", without("Timeline"))
    assert doc_lint(text, required_sections=["summary", "impact"]) == []
    assert doc_lint(
        COMPLETE, select=["missing-section"], required_sections=["summary", "lessons-learned"]
    ) == [("missing-section", 1)]


def test_owner_and_date_rules_point_at_the_item(doc_lint):
    text = COMPLETE.replace("(@dana, due 2027-02-01)", "")
    assert doc_lint(text) == [("action-item-without-due-date", 25), ("action-item-without-owner", 25)]


def test_ticket_counts_option(doc_lint):
    text = COMPLETE.replace("(@dana, due 2027-02-01)", "(@dana, OPS-42)")
    assert doc_lint(text) == [("action-item-without-due-date", 25)]
    rules = {"action-item-without-due-date": {"ticket-counts": True}}
    assert doc_lint(text, rules=rules) == []


def test_include_done_option(doc_lint):
    text = COMPLETE.replace(
        "- Reject empty pool sizes in the config schema (@dana, due 2027-02-01)",
        "- [x] Roll back the config change",
    )
    assert doc_lint(text) == [("action-item-without-due-date", 25), ("action-item-without-owner", 25)]
    off = {"include-done": False}
    assert doc_lint(text, rules={"action-item-without-due-date": off, "action-item-without-owner": off}) == []


@pytest.mark.parametrize(
    "options, message",
    [
        (
            {"ticket_counts": True},
            "unknown option 'ticket_counts'; allowed options: include-done, ticket-counts",
        ),
        ({"ticket-counts": "yes"}, "'ticket-counts' must be a bool"),
    ],
)
def test_bad_options_are_clear_errors(options, message):
    with pytest.raises(ConfigError, match=message):
        build_linter(rules={"action-item-without-due-date": options})


def test_vague_item(doc_lint):
    text = COMPLETE.replace(
        "- Reject empty pool sizes in the config schema (@dana, due 2027-02-01)",
        "- Improve monitoring. (@dana, due 2027-02-01)",
    )
    assert doc_lint(text) == [("vague-action-item", 25)]


def test_non_postmortem_gets_nothing(doc_lint):
    assert doc_lint("# Project\n\n## Installation\n\nRun pip install.\n") == []


def test_suppression_comment(doc_lint):
    text = "<!-- blamelint-disable missing-what-went-well -->\n" + without("What went well")
    assert doc_lint(text) == []


def test_text_file(doc_lint):
    text = (
        "POSTMORTEM: EXPORT LATE\n\nSUMMARY\n\nThe export ran a day late.\n\nIMPACT\n\n300 people were paid late.\n\n"
        "TIMELINE\n\n[09:00] I ran the export.\n\nCONTRIBUTING FACTORS\n\n- The cron rule skipped day 28.\n\n"
        "ACTION ITEMS\n\n- Use the last-day-of-month rule (@marta, by 2026-03-20)\n"
    )
    assert doc_lint(text, path="pm.txt") == [("missing-what-went-well", 1)]
