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
    lemma, table = m.inflections("ran")
    assert lemma == "run" and "runs" in table["VBZ"]


def test_known_word():
    assert m.known_word("rollback") and m.known_word("deploy")
    assert not m.known_word("kofi")
