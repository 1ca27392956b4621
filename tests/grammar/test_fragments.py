"""reads_as_passive: which reduced candidates are passives, and headline style."""

import pytest

from blamelint.grammar.fragments import headline, reads_as_passive


@pytest.mark.parametrize(
    "text, verb, passive",
    [
        ("Config change deployed to prod.", "deployed", True),  # a change deploys nothing
        ("Canary frozen at 5%.", "frozen", True),  # a participle-only form
        ("17:30 — All campaigns cancelled", "cancelled", True),
        ("Once deployed, the change broke logins.", "deployed", True),
        ("Replica restarted.", "restarted", False),  # restart is also intransitive
        ("We asked for the queue to be paused.", "asked", False),  # a subject pronoun acts
        ("The diff looked like a rename.", "looked", False),  # prose, not a headline
    ],
)
def test_reads_as_passive(passives, lexicon, text, verb, passive):
    [clause] = [c for c in passives(text)[1] if c.verb.text == verb]
    assert clause.reduced
    assert reads_as_passive(clause, lexicon) is passive


def test_a_person_is_notified_but_does_not_approve_by_default(passives, lexicon):
    [clause] = passives("Customers notified.")[1]
    assert reads_as_passive(clause, lexicon, is_person=lambda tok: tok.lower_ == "customers")


@pytest.mark.parametrize(
    "text, is_headline",
    [
        ("Incident declared, rollback attempted", True),
        ("Several factors combined: a risky deploy", False),
        ("The fix deployed at 14:05", False),
    ],
)
def test_headline(sentence, text, is_headline):
    assert headline(sentence(text)) is is_headline
