"""Word forms from lemminflect (no parse)."""

import pytest

from blamelint.grammar import morphology as m


def test_verb_lemmas_of_known_forms():
    assert m.verb_lemmas("reconnecting") == ("reconnect",)
    assert "run" in m.verb_lemmas("ran")
    assert m.verb_lemmas("kofi") == ()


def test_guessed_lemmas_cover_unknown_ed_and_ing_forms():
    assert m.verb_lemmas("resharded") == ()
    assert "reshard" in m.guessed_lemmas("resharded")
    assert m.guessed_lemmas("kofi") == ()  # not an -ed/-ing form: nothing guessed


@pytest.mark.parametrize(
    "word, participle",
    [
        ("flushed", True),
        ("taken", True),
        ("frozen", True),
        ("full", False),
        ("unpatched", False),
        ("took", False),
    ],
)
def test_participle_form(word, participle):
    assert m.participle_form(word) is participle


@pytest.mark.parametrize(
    "word, only",
    [("frozen", True), ("taken", True), ("written", True), ("flushed", False), ("restarted", False)],
)
def test_participle_only(word, only):
    assert m.participle_only(word) is only


def test_forms_and_inflections():
    forms = m.forms_of("run")
    assert "ran" in forms["VBD"] and "run" in forms["VBN"] and "running" in forms["VBG"]
    assert m.forms_of("") == {} and m.forms_of("re-IP") == {}
    lemma, table = m.reading("ran")
    assert lemma == "run" and "runs" in table["VBZ"]


@pytest.mark.parametrize(
    "word, lemmas",
    [
        ("found", ("find",)),  # not the verb found ("founded")
        ("resent", ("resend",)),  # not the verb resent ("resented")
        ("wound", ("wind",)),
        ("routed", ("rout", "route")),
        ("kofi", ("kofi",)),  # an unknown word is its own lemma
    ],
)
def test_past_lemmas_are_the_verbs_a_form_is_a_past_of(word, lemmas):
    assert m.past_lemmas(word) == lemmas


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("routed", "route"),  # lemminflect and spaCy both give rout first
        ("installed", "install"),  # spaCy: instal
        ("overwritten", "overwrite"),  # not over-write
        ("developed", "develop"),  # rules/data: lemminflect also lists "develope"
        ("found", "find"),
        ("ran", "run"),
    ],
)
def test_read_as(word, lemma):
    assert m.read_as(word) == lemma


def test_ambiguous_verbs_are_several_verbs_not_spellings_of_one():
    assert m.ambiguous_verb("routed")
    assert not m.ambiguous_verb("overwritten") and not m.ambiguous_verb("found")


def test_spelled_like_the_written_form():
    assert m.spelled_like(("over-wrote", "overwrote"), "overwritten") == "overwrote"
    assert m.spelled_like(("canceling", "cancelling"), "cancelled") == "cancelling"
    assert m.spelled_like(("ran",), "run") == "ran"


def test_known_word():
    assert m.known_word("rollback") and m.known_word("deploy")
    assert not m.known_word("kofi")
