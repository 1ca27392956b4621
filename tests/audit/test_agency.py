"""Actions and who took them, on sentences built from the grammar of each case."""

import pytest

from blamelint.audit.agency import lexicon, sentence_agency


@pytest.fixture(scope="module")
def agency(nlp):
    lex = lexicon()
    return lambda text: sentence_agency(next(nlp(text).sents), lex)


@pytest.mark.parametrize(
    "text",
    [
        "We rolled the deployment back at 10:40.",
        "I paged the database team.",
        "Priya restarted the primary.",
        "The on-call engineer drained the node.",
        "Our payments team refunded every order.",
        "The change was reverted by Priya.",
        "She opened the dashboard and found the bad rule.",
    ],
)
def test_named_actions(agency, text):
    assert agency(text) == (True, True)


@pytest.mark.parametrize(
    "text",
    [
        "The config was pushed to production.",
        "Someone deleted the old index.",
        "An engineer restarted the server.",
    ],
)
def test_actions_without_a_named_actor(agency, text):
    assert agency(text) == (True, False)


@pytest.mark.parametrize(
    "text",
    [
        "The alert fired at 10:21.",
        "The disk filled up overnight.",
        "Customers were affected for an hour.",
        "The service has three replicas.",
    ],
)
def test_events_and_states_are_not_actions(agency, text):
    assert agency(text) == (False, False)
