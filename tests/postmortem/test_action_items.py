"""Reading action items: shapes (list, checklist, table, sub-headings,
paragraphs), owners, due dates, tickets and status."""

import pytest

from blamelint.postmortem.action_items import action_items, grammar

HEAD = "# Postmortem\n\n## Action items\n\n"


def items(parse, body, path="pm.md"):
    return action_items(parse(HEAD + body, path=path))


def one(parse, line):
    found = items(parse, line + "\n")
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "line, owner",
    [
        ("- Add a DNS check - @mwong", "@mwong"),
        ("- Add a DNS check (@dlee, due Jun 30)", "@dlee"),
        ("- Add a DNS check. Owner: Sven Olsen. Due: 2023-11-20.", "Sven Olsen"),
        ("- Add a DNS check (owner: marta, by 2026-03-20)", "marta"),
        ("- Add a DNS check — Wen Zhou — by 2025-03-21", "Wen Zhou"),
        ("- Add a DNS check (Jonas) — by 2024-04-10", "Jonas"),
        ("- Add a DNS check, assigned to the payments team", "the payments team"),
        ("- Add a DNS check (SRE)", "SRE"),
        ("- Add a DNS check [Dana Lee]", "Dana Lee"),
        ("- Add a DNS check | Assignee: @kpatel", "@kpatel"),
        ("- Add a DNS check (platform team, Q3)", "platform team"),
        ("- Add a DNS check — DRI: storage team", "storage team"),
        ("- Add a DNS check (ricc@)", "ricc@"),
    ],
)
def test_owner_forms(parse, line, owner):
    assert one(parse, line).owner == owner


@pytest.mark.parametrize(
    "line",
    [
        "- Add a DNS check",
        "- Add a DNS check (owner: TBD)",
        "- Add a DNS check. Owner: ?",
        "- Ask payments-team@example.com whether keys expire",
        "- Add a DNS check (optional)",
        "- Add a DNS check (P1)",
        "- Add a DNS check — High",
        "- Add a DNS check (Done)",
        "- Add a DNS check (due March 3)",
        "- Tyler should add a DNS check",
        "- Post in @here when the check fails",
        "- [PoMo] Add a DNS check",
        "- Add a DNS check (owner: @name)",
    ],
)
def test_no_owner(parse, line):
    assert one(parse, line).owner is None


@pytest.mark.parametrize(
    "line, due",
    [
        ("- Add a check — @a — 2024-01-22", "2024-01-22"),
        ("- Add a check by 2027-01-15", "2027-01-15"),
        ("- Add a check (@a, due Jun 30)", "Jun 30"),
        ("- Add a check. Due Sep 13.", "Sep 13"),
        ("- Add a check — due 15 March 2027", "15 March 2027"),
        ("- Add a check — Q1 2026", "Q1 2026"),
        ("- Add a check - due end of Q3", "end of Q3"),
        ("- Add a check in the next sprint", "next sprint"),
        ("- Add a check (target: EOQ)", "EOQ"),
        ("- Add a check by Friday", "Friday"),
        ("- Add a check before March", "March"),
        ("- Add a check (@a, 01/15/2027)", "01/15/2027"),
        ("- Add a check within two weeks", "within two weeks"),
        ("- Add a check (FY26 Q2)", "FY26 Q2"),
        ("- Restore the data (@a, done 2026-03-07)", "2026-03-07"),
    ],
)
def test_due_forms(parse, line, due):
    assert one(parse, line).due == due


@pytest.mark.parametrize(
    "line",
    [
        "- Add a check",
        "- Backfill the ledger for charges made from 2026-04-01",
        "- Rerun the exports for 17 and 18 September — @riyer",
        "- Add a check (due: TBD)",
        "- Add a check ASAP",
        "- Page on-call when lag exceeds 100,000 for 10 minutes",
        "- Alert when no export reaches the bank by 09:00",
        "- Alerts may fire twice; dedupe them",
    ],
)
def test_no_due_date(parse, line):
    assert one(parse, line).due is None


def test_checklist_status(parse):
    found = items(parse, "- [x] Turn the flag off — @a — 2024-01-22\n- [ ] Add a check — @b\n")
    assert [(i.done, i.owner) for i in found] == [(True, "@a"), (False, "@b")]


def test_nested_lines_belong_to_their_item(parse):
    found = items(
        parse, "- Send an idempotency key\n  - Owner: @rahul\n  - Due: 2026-05-02\n- Review retries\n"
    )
    assert [(i.line, i.owner, i.due) for i in found] == [(5, "@rahul", "2026-05-02"), (8, None, None)]


def test_table_columns(parse):
    body = (
        "| # | Action | Assignee | ETA | Status | Ticket |\n|---|---|---|---|---|---|\n"
        "| 1 | Add a check | Dana | 2027-01-15 | Done | OPS-1 |\n"
        "| 2 | Add an alert (@lee) | | | In progress | |\n"
        "| 3 | Fix the job | TBD | Q3 | | |\n"
    )
    found = items(parse, body)
    assert [(i.action, i.owner, i.due, i.done, i.ticket) for i in found] == [
        ("Add a check", "Dana", "2027-01-15", True, "OPS-1"),
        ("Add an alert", "@lee", None, False, None),
        ("Fix the job", None, "Q3", None, None),
    ]
    assert [i.anchor.column for i in found] == [1, 1, 1]  # findings point at the action cell


def test_table_without_known_columns_reads_the_row(parse):
    found = items(parse, "| What | Notes |\n|---|---|\n| Add a check | @dana, due 2027-01-15 |\n")
    assert [(i.owner, i.due) for i in found] == [("@dana", "2027-01-15")]


def test_sub_heading_items_and_paragraph_items(parse):
    found = items(
        parse, "### Add jitter\n\nOwner: Sam. Due: 2026-06-15.\n\n### Serve stale values\n\nNobody yet.\n"
    )
    assert [(i.line, i.owner, i.due) for i in found] == [(5, "Sam", "2026-06-15"), (9, None, None)]
    found = items(
        parse,
        "We will do the following:\n\nAdd jitter to TTLs (@sam, due 2026-06-15).\n\nServe stale values.\n",
    )
    assert [(i.line, i.owner) for i in found] == [(7, "@sam"), (9, None)]


def test_items_under_grouping_sub_headings(parse):
    found = items(
        parse, "### Short term\n\n- Add a check (@a, Q1)\n\n### Long term\n\n- Rewrite the job (@b, Q4)\n"
    )
    assert [(i.line, i.owner, i.due) for i in found] == [(7, "@a", "Q1"), (11, "@b", "Q4")]


def test_intro_paragraph_and_code_are_not_items(parse):
    found = items(
        parse,
        "This is what we are changing:\n\n```yaml\nmaxUnavailable: 1\n```\n\n- Add a PDB (Jonas) — by 2024-04-10\n",
    )
    assert [(i.owner, i.due) for i in found] == [("Jonas", "2024-04-10")]


def test_only_action_item_sections_are_read(parse):
    doc = parse(
        "# Postmortem\n\n## Timeline\n\n- 14:00 I deployed.\n\n## Lessons learned\n\n- Tests matter.\n"
    )
    assert action_items(doc) == []


def test_tickets(parse):
    text = (
        HEAD
        + "- Add a check ([OPS-123](https://jira.example.com/browse/OPS-123))\n- Add a check, see #4471\n- Add a check (SEV-1 follow-up)\n- Add a [check](https://github.com/o/r/issues/9)\n"
    )
    found = action_items(parse(text))
    assert [bool(i.ticket) for i in found] == [True, True, False, True]


def test_name_like():
    g = grammar()
    assert g.name_like("Dana") and g.name_like("Wen Zhou") and g.name_like("Ludwig van Beethoven")
    assert g.name_like("the SRE team") and g.name_like("SRE") and g.name_like("Tomás Ferreira")
    for text in (
        "optional",
        "P1",
        "High",
        "Done",
        "In progress",
        "March",
        "UTC",
        "5k events/s default",
        "see above",
        "Q3",
        "ASAP",
    ):
        assert not g.name_like(text), text


def test_table_column_names_inside_headers(parse):
    body = (
        "| Item ID | Category | Action Item Description | Owner | Target Date | Verification Ticket |\n"
        "|---|---|---|---|---|---|\n"
        "| ACT-01 | Prevent | Fix the connection release | `@dev` | 2026-05-01 | `PR #12` |\n"
        "| ACT-02 | Detect | Add a pool alert | [Name] | YYYY-MM-DD | |\n"
    )
    found = items(parse, body)
    assert [(i.action, i.owner, i.due, bool(i.ticket)) for i in found] == [
        ("Fix the connection release", "@dev", "2026-05-01", True),
        ("Add a pool alert", None, None, False),
    ]


def test_column_kinds():
    g = grammar()
    assert [
        g.column_kind(h)
        for h in (
            "Owner",
            "Due Date",
            "Bug_id",
            "Item ID",
            "#",
            "Action Item Description",
            "Priority",
            "Assigned to",
            "Status",
        )
    ] == ["owner", "due", "ticket", None, None, "action", None, "owner", "status"]
