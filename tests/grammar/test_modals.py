"""grammar.modals: the modal a token spells, in full, and the contracted "had"."""

import pytest

from blamelint.grammar.modals import first_modal, is_had, modal


def _token(nlp, text, word):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(
    "text, word, full",
    [
        ("It'll be removed on Monday.", "'ll", "will"),
        ("It\u2019ll be removed on Monday.", "\u2019ll", "will"),
        ("The page won't be sent again.", "wo", "will"),
        ("The replicas can't be promoted.", "ca", "can"),
        ("That shan't be repeated.", "sha", "shall"),
        ("We'd have paged the owner sooner.", "'d", "would"),
        ("The job should be paused.", "should", "should"),
        ("The job Should be paused.", "Should", "should"),
    ],
)
def test_modal_in_full(nlp, text, word, full):
    assert modal(_token(nlp, text, word)) == full


@pytest.mark.parametrize(
    "text, would",
    [
        # "'d" is "had" before a participle, "would" before a base form, whatever its tag
        ("We'd restarted the pods by then.", False),
        ("We'd never seen that error.", False),
        ("We'd been paged twice.", False),
        ("If we'd known, we waited.", False),
        # a verb whose base form is its participle: "had" in a condition
        ("If he'd run the backfill at night, nobody would have noticed.", False),
        ("We'd run the backfill at night if we could.", True),
        ("We'd have restarted the pods.", True),
        ("We\u2019d not have known.", True),
        ("We'd be paged at night.", True),
        ("We'd rather wait.", True),
    ],
)
def test_contracted_d_is_would_or_had(nlp, text, would):
    d = next(t for t in nlp(text) if t.lower_ in ("'d", "\u2019d"))
    assert (modal(d) == "would") is would
    assert is_had(d) is not would


def test_had_and_a_letter_d(nlp):
    assert is_had(_token(nlp, "We had restarted the pods.", "had"))
    d = _token(nlp, "Run step d first.", "d")
    assert modal(d) is None and not is_had(d)


def test_words_that_are_no_modals(nlp):
    doc = nlp("The team restarted the pods.")
    assert all(modal(t) is None for t in doc)
    assert first_modal(doc) is None
    assert first_modal(nlp("We will not wait.")) == "will"
