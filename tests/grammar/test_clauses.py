"""grammar.clauses: a speaker's label before a colon is not the subject of what they say."""

import pytest

from blamelint.grammar.clauses import clause_subject


def _root(sentence, text):
    return sentence(text).root


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Gordon: This outage was caused by human error.", "outage"),
        ("Gordon (studio director): This outage was caused by human error.", "outage"),
        ("This outage was caused by human error.", "outage"),
        ("Gordon caused this outage.", "Gordon"),
    ],
)
def test_the_subject_is_the_clause_s_not_the_speaker_s(sentence, text, subject):
    found = clause_subject(_root(sentence, text))
    assert found is not None and found.text == subject
