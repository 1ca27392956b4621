"""Behaviour tests in the spirit of CheckList: a change to a sentence that
should flip (or keep) a finding, applied over several templates and fillers,
so the rules are tested on what no single list of examples covers."""

from __future__ import annotations

import pytest

PEOPLE = ["Priya", "the on-call engineer", "our DBA", "the release manager", "@marcus", "the platform team"]
SYSTEMS = [
    "the renewal job",
    "the deploy bot",
    "cert-manager",
    "the load balancer",
    "the `sync-worker` service",
    "the CI pipeline",
]

BLAME_TEMPLATES = [
    "{who} failed to renew the certificate before it expired.",
    "{who} was careless with the production credentials.",
    "{who} neglected to check the replication lag.",
    "{who} ignored the disk-space warnings for two days.",
]


def _rules(findings, rule):
    return [f for f in findings if f.rule == rule]


def _doc(body: str) -> str:
    return "# Incident 2041: cache outage\n\n" + body + "\n"


@pytest.mark.parametrize("template", BLAME_TEMPLATES)
def test_a_person_as_subject_is_blame_and_a_system_is_not(lint, template):
    for person in PEOPLE:
        text = template.format(who=person[0].upper() + person[1:] if not person.startswith("@") else person)
        assert _rules(lint(_doc(text), select=["blame"]), "blame"), f"not flagged: {text}"
    for system in SYSTEMS:
        text = template.format(who=system[0].upper() + system[1:])
        assert not _rules(lint(_doc(text), select=["blame"]), "blame"), f"flagged a system: {text}"


@pytest.mark.parametrize(
    "blaming, denied",
    [
        ("This was human error.", "This was not human error."),
        ("The outage was the DBA team's fault.", "The outage was nobody's fault."),
        ("Jordan was careless with the rollout.", "Nobody was careless with the rollout."),
        ("The operator made a careless mistake.", "We do not think the operator made a careless mistake."),
    ],
)
def test_negating_or_denying_removes_blame(lint, blaming, denied):
    assert _rules(lint(_doc(blaming), select=["blame"]), "blame"), blaming
    assert not _rules(lint(_doc(denied), select=["blame"]), "blame"), denied


@pytest.mark.parametrize(
    "passive",
    [
        "The migration was run against the wrong database.",
        "The feature flag was turned on for every tenant.",
        "The stale lock was removed at 09:20.",
        "A rollback was started before the alert fired.",
    ],
)
def test_naming_the_doer_removes_agentless_passive(lint, passive):
    assert _rules(lint(_doc(passive), select=["agentless-passive"]), "agentless-passive"), passive
    named = passive[:-1] + " by the on-call engineer."
    if " at 09:20." in passive or " before " in passive:
        head, _, tail = passive[:-1].partition(" at " if " at 09:20" in passive else " before ")
        sep = " at " if " at 09:20" in passive else " before "
        named = f"{head} by the on-call engineer{sep}{tail}."
    assert not _rules(lint(_doc(named), select=["agentless-passive"]), "agentless-passive"), named


PRESENT = [
    "A fix is deployed to staging.",
    "The primary is failed over to the replica.",
    "The status page is updated.",
]


@pytest.mark.parametrize("sentence", PRESENT)
@pytest.mark.parametrize(
    "headings",
    [
        ["## Timeline"],
        ["## Timeline", "### 13:44 UTC"],
        ["## Timeline", "### Day 1", "#### 13:44"],
    ],
)
def test_a_present_passive_under_a_timeline_is_an_event_at_any_depth(lint, sentence, headings):
    outside = _doc("## Background\n\n" + sentence)
    inside = _doc("\n\n".join(headings) + "\n\n" + sentence)
    assert not _rules(lint(outside, select=["agentless-passive"]), "agentless-passive"), (
        "a present-tense passive outside a timeline reads as a habit"
    )
    assert _rules(lint(inside, select=["agentless-passive"]), "agentless-passive"), (
        f"not an event under {headings}"
    )


@pytest.mark.parametrize(
    "sentence, verb",
    [
        ("The image was reverted and redeployed at 10:05.", "reverted"),
        ("The config change was rolled out to every region.", "rolled"),
        ("The on-call engineer was paged twice.", "paged"),
        ("After the cache was flushed, latency recovered.", "flushed"),
    ],
)
def test_link_markup_around_the_verb_changes_nothing(lint, sentence, verb):
    linked = sentence.replace(verb, f"[{verb}](https://tickets.example.com/OPS-12)", 1)
    plain = [(f.rule, f.location.line) for f in lint(_doc(sentence))]
    marked = [(f.rule, f.location.line) for f in lint(_doc(linked))]
    assert plain == marked, f"{sentence!r}: {plain} vs {linked!r}: {marked}"
