"""has_agent: a "by" phrase names a doer, not a means, time or amount."""

import pytest

from blamelint.grammar.agents import CLOCK, has_agent


@pytest.mark.parametrize(
    "text, agent",
    [
        ("The backfill was run by the on-call engineer.", True),
        ("Uploads were throttled by the API gateway.", True),
        ("The outage was detected by Fastly monitoring.", True),  # a gerund used as a noun
        ("The cache was flushed by hand.", False),
        ("The cache was flushed by 14:00.", False),
        ("The cache was flushed by reverting the release.", False),
        ("Customers were notified by email.", False),
        ("The latency was reduced by 30%.", False),
        ("The window was extended by two hours.", False),
        ("Traffic was moved to the standby via a weighted record.", False),
    ],
)
def test_agent_phrases(passives, lexicon, text, agent):
    [clause] = passives(text)[1]
    assert has_agent(clause.verb, lexicon) is agent


def test_an_agent_after_the_last_conjunct_covers_the_first(passives, lexicon):
    reviewed, approved = passives("The hotfix was reviewed and approved by Mira.")[1]
    assert not has_agent(reviewed.verb, lexicon)
    assert has_agent(reviewed.verb, lexicon, [approved.verb])


@pytest.mark.parametrize(
    "word, clock",
    [
        ("14:00", True),
        ("9.30", True),
        ("2pm", True),
        ("2024-05-02", True),
        ("2023", True),
        ("30", False),
        ("hand", False),
        ("v1.2", False),
    ],
)
def test_clock_pattern(word, clock):
    assert bool(CLOCK.match(word)) is clock
