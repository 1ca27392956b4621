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
