"""The passive-voice lexicon: its loader rejects bad data, and the rule data
keeps its verb classes apart."""

import pytest


def test_lexicon_rejects_unknown_keys():
    from blamelint.grammar.lexicon import PassiveLexicon

    with pytest.raises(ValueError, match="states.yaml: unknown key 'statez'"):
        PassiveLexicon.from_data({"states.yaml": {"statez": ["stick"]}})
    with pytest.raises(ValueError, match="must be a list of words"):
        PassiveLexicon.from_data({"states.yaml": {"states": "stick"}})


def test_verb_classes_do_not_overlap(lexicon):
    assert not lexicon.intransitive & lexicon.prose_intransitive
    assert not lexicon.states & lexicon.settings
    assert not (lexicon.states | lexicon.psych) & lexicon.impact


def test_verb_keys_and_in_class(sentence):
    from blamelint.grammar.lexicon import in_class, verb_keys

    sent = sentence("The flag was turned off and the job was resharded.")
    turned = next(t for t in sent if t.text == "turned")
    resharded = next(t for t in sent if t.text == "resharded")
    assert verb_keys(turned) == ("turn off",)  # a phrasal verb is its own verb
    assert "reshard" in verb_keys(resharded)  # lemminflect's guess for an unknown form
    assert in_class(turned, frozenset({"turn off"})) and not in_class(turned, frozenset({"turn"}))


def test_from_data_merges_files_and_normalises_words():
    from blamelint.grammar.lexicon import PassiveLexicon

    lex = PassiveLexicon.from_data(
        {"a.yaml": {"states": ["Stick ", "get  stuck"]}, "b.yaml": {"states": ["jam"], "impact": ["affect"]}}
    )
    assert lex.states == {"stick", "get stuck", "jam"} and lex.impact == {"affect"}
    with pytest.raises(ValueError, match="a.yaml: expected a mapping of word lists"):
        PassiveLexicon.from_data({"a.yaml": ["stick"]})
