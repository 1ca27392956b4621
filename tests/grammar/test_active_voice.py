"""active_voice and its parts: the passive clause said with "[who]" as the doer."""

import pytest

from blamelint.grammar.active_voice import active_voice, inflect, object_phrase, pronoun_for


@pytest.mark.parametrize(
    "text, rewrite",
    [
        ("The key should have been rotated.", "[who] should have rotated the key"),
        ("We were not told about the change.", "[who] did not tell us about the change"),
        ("The alert was silenced during the drill.", "[who] silenced the alert during the drill"),
        (
            "At 16:40 the autoscaler was configured to scale at 70% CPU.",
            "At 16:40 [who] configured the autoscaler to scale at 70% CPU",
        ),
        ("17:30 — All campaigns cancelled", "[who] cancelled all campaigns"),
        ("Canary frozen at 5%.", "[who] froze canary at 5%"),
        ("It was decided to freeze deploys.", "[who] decided to freeze deploys"),
        ("The index was rebuilt.", "[who] rebuilt the index"),
        # A modal the tokenizer splits off is written out: the rewrite opens a new clause.
        ("It'll be removed on Monday.", "[who] will remove it on Monday"),
        ("It\u2019ll be removed on Monday.", "[who] will remove it on Monday"),
        ("It'd have been sent sooner.", "[who] would have sent it sooner"),
    ],
)
def test_rewrite_of_one_clause(passives, text, rewrite):
    [clause] = passives(text)[1]
    assert active_voice([clause]) == rewrite


def test_no_rewrite_when_it_would_drop_the_verb_governing_the_infinitive(passives):
    # "[who] to rewrite it during an outage" would lose "never has"
    [clause] = passives("Keep the script in the repo so that it never has to be rewritten during an outage.")[
        1
    ]
    assert active_voice([clause]) is None


def test_each_clause_of_a_sentence_is_rewritten_alone(passives):
    rotated, updated = passives("The key was rotated, but the copy was not updated.")[1]
    assert active_voice([rotated]) == "[who] rotated the key"
    assert active_voice([updated]) == "[who] did not update the copy"


def test_participles_sharing_an_auxiliary_are_one_rewrite(passives):
    clauses = passives("A rollback was considered but rejected.")[1]
    assert active_voice(clauses) == "[who] considered a rollback but rejected it"


def test_inflect_keeps_a_past_form_as_written(sentence):
    sent = sentence("The export was cancelled and the job was run.")
    cancelled = next(t for t in sent if t.text == "cancelled")
    run = next(t for t in sent if t.text == "run")
    assert inflect(cancelled, "VBD") == "cancelled"  # British spelling stays
    assert inflect(run, "VBD") == "ran" and inflect(run, "VBZ") == "runs" and inflect(run, "VBG") == "running"


def test_object_phrase_and_pronoun(passives):
    _, [clause] = passives("We were paged twice.")
    assert object_phrase(clause.subject, clause.subject.sent.start) == "us"
    assert pronoun_for(clause.subject) == "us"
    _, [clause] = passives("Two DKIM keys were deleted.")
    assert object_phrase(clause.subject, clause.subject.sent.start) == "two DKIM keys"
    assert pronoun_for(clause.subject) == "them"
    assert pronoun_for(None) == "it"
