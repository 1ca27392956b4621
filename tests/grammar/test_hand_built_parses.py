"""The grammar readings on hand-built parses (no model needed): each parse is
the one the parser gives (or may give) for the sentence in the comment, so
these pin the grammar's decisions independently of the model."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def vocab():
    import spacy

    return spacy.blank("en").vocab  # English lexical attributes, no model


def build(vocab, words, heads, deps, tags, pos, lemmas):
    from spacy.tokens import Doc

    doc = Doc(
        vocab,
        words=words,
        heads=heads,
        deps=deps,
        tags=tags,
        pos=pos,
        lemmas=lemmas,
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    return doc


def clauses_of(doc, lexicon):
    from blamelint.grammar.passive import find_passives

    return list(find_passives(doc[:], lexicon.complement_heads))


def test_unit_fragment_with_transitive_verb_is_passive(lexicon, vocab):
    from blamelint.grammar.events import why_not_event
    from blamelint.grammar.fragments import reads_as_passive

    # "Cache purged." read by the parser as an active past with "Cache" as subject
    doc = build(
        vocab,
        ["Cache", "purged", "."],
        [1, 1, 1],
        ["nsubj", "ROOT", "punct"],
        ["NN", "VBD", "."],
        ["NOUN", "VERB", "PUNCT"],
        ["cache", "purge", "."],
    )
    [clause] = clauses_of(doc, lexicon)
    assert clause.kind == "fragment" and clause.subject.text == "Cache"
    assert reads_as_passive(clause, lexicon)
    assert why_not_event(clause, lexicon, doc[:]) is None


def test_unit_fragment_with_intransitive_verb_is_active(lexicon, vocab):
    from blamelint.grammar.fragments import reads_as_passive

    doc = build(
        vocab,
        ["Replica", "restarted", "."],
        [1, 1, 1],
        ["nsubj", "ROOT", "punct"],
        ["NN", "VBD", "."],
        ["NOUN", "VERB", "PUNCT"],
        ["replica", "restart", "."],
    )
    [clause] = clauses_of(doc, lexicon)
    assert not reads_as_passive(clause, lexicon)


def test_unit_fragment_with_a_pronoun_subject_is_active(lexicon, vocab):
    from blamelint.grammar.fragments import reads_as_passive

    doc = build(
        vocab,
        ["We", "deployed", "at", "noon", "."],
        [1, 1, 1, 2, 1],
        ["nsubj", "ROOT", "prep", "pobj", "punct"],
        ["PRP", "VBD", "IN", "NN", "."],
        ["PRON", "VERB", "ADP", "NOUN", "PUNCT"],
        ["we", "deploy", "at", "noon", "."],
    )
    [clause] = clauses_of(doc, lexicon)
    assert not reads_as_passive(clause, lexicon)


def passive_doc(vocab, by_words, by_tags, by_pos):
    """ "The cache was flushed by <by_words>." with "by" as the agent."""
    words = ["The", "cache", "was", "flushed", "by", *by_words, "."]
    n = len(words)
    last = n - 2
    heads = [1, 3, 3, 3, 3] + [last] * (len(by_words) - 1) + [4, 3]
    deps = (
        ["det", "nsubjpass", "auxpass", "ROOT", "agent"] + ["det"] * (len(by_words) - 1) + ["pobj", "punct"]
    )
    if by_tags[-1] == "VBG":
        deps[-2] = "pcomp"
    tags = ["DT", "NN", "VBD", "VBN", "IN", *by_tags, "."]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", *by_pos, "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[2], lemmas[3] = "be", "flush"
    return build(vocab, words, heads, deps, tags, pos, lemmas)


@pytest.mark.parametrize(
    "by_words, by_tags, by_pos, agent",
    [
        (["the", "on-call"], ["DT", "NN"], ["DET", "NOUN"], True),
        (["hand"], ["NN"], ["NOUN"], False),
        (["14:00"], ["CD"], ["NUM"], False),
        (["restarting"], ["VBG"], ["VERB"], False),
        (["email"], ["NN"], ["NOUN"], False),
    ],
)
def test_unit_agent_phrases(lexicon, vocab, by_words, by_tags, by_pos, agent):
    from blamelint.grammar.agents import has_agent

    doc = passive_doc(vocab, by_words, by_tags, by_pos)
    [clause] = clauses_of(doc, lexicon)
    assert clause.kind == "be" and clause.subject.text == "cache"
    assert has_agent(clause.verb, lexicon) is agent


def test_unit_generic_present_and_states(lexicon, vocab):
    from blamelint.grammar.events import why_not_event

    # "Requests are routed through the mesh."
    doc = build(
        vocab,
        ["Requests", "are", "routed", "through", "the", "mesh", "."],
        [2, 2, 2, 2, 5, 3, 2],
        ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"],
        ["NNS", "VBP", "VBN", "IN", "DT", "NN", "."],
        ["NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
        ["request", "be", "route", "through", "the", "mesh", "."],
    )
    [clause] = clauses_of(doc, lexicon)
    assert why_not_event(clause, lexicon, doc[:]) == "generic"
    assert why_not_event(clause, lexicon, doc[:], in_timeline=True) is None
    # "The pool was exhausted."
    doc = build(
        vocab,
        ["The", "pool", "was", "exhausted", "."],
        [1, 3, 3, 3, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "punct"],
        ["DT", "NN", "VBD", "VBN", "."],
        ["DET", "NOUN", "AUX", "VERB", "PUNCT"],
        ["the", "pool", "be", "exhaust", "."],
    )
    [clause] = clauses_of(doc, lexicon)
    assert why_not_event(clause, lexicon, doc[:]) == "state"


def test_unit_active_voice_of_a_modal_passive(lexicon, vocab):
    from blamelint.grammar.active_voice import active_voice

    # "The flag should be removed."
    doc = build(
        vocab,
        ["The", "flag", "should", "be", "removed", "."],
        [1, 4, 4, 4, 4, 4],
        ["det", "nsubjpass", "aux", "auxpass", "ROOT", "punct"],
        ["DT", "NN", "MD", "VB", "VBN", "."],
        ["DET", "NOUN", "AUX", "AUX", "VERB", "PUNCT"],
        ["the", "flag", "should", "be", "remove", "."],
    )
    clauses = clauses_of(doc, lexicon)
    assert active_voice(clauses) == "[who] should remove the flag"
