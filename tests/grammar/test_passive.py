"""find_passives on real parses: be- and get-passives, the reduced forms the
parser does not mark, and active clauses left alone."""

import pytest


@pytest.mark.parametrize(
    "text, kind, verb, subject",
    [
        ("The DNS zone was edited at 11:02.", "be", "edited", "zone"),
        ("The flag should be removed.", "be", "removed", "flag"),
        ("The release got reverted.", "get", "reverted", "release"),
        ("Once deployed, the change broke logins.", "participle", "deployed", "change"),
        ("The ConfigMap edited at 09:15 carried a stray tab.", "reduced", "edited", "ConfigMap"),
        ("Config change deployed to prod.", "fragment", "deployed", "change"),
        ("17:30 — All campaigns cancelled", "fragment", "cancelled", "campaigns"),
    ],
)
def test_kinds_of_passive(passives, text, kind, verb, subject):
    _, clauses = passives(text)
    [clause] = [c for c in clauses if c.verb.text == verb]
    assert clause.kind == kind
    assert clause.subject is not None and clause.subject.text == subject
    assert clause.reduced is (kind in ("participle", "reduced", "fragment"))


@pytest.mark.parametrize(
    "text",
    [
        "We deployed the fix at 14:00.",
        "The team rushed the migration before the freeze.",
        "GKE cordoned and drained the second batch.",
        "The scheduler placed the pods on the new nodes.",
    ],
)
def test_active_clauses_with_an_object_are_not_candidates(passives, text):
    assert passives(text)[1] == []


def test_auxiliaries_are_kept_in_order(passives):
    [clause] = passives("The key should have been rotated.")[1]
    assert [a.text for a in clause.aux] == ["should", "have", "been"]
    assert clause.governor is None


def test_infinitive_passive_takes_its_governor_and_subject(passives):
    _, clauses = passives("We asked for the queue to be paused.")
    [clause] = [c for c in clauses if c.verb.text == "paused"]
    assert clause.kind == "be" and clause.subject.text == "queue"
    assert [a.text for a in clause.aux] == ["to", "be"]
    assert clause.governor.text == "asked"


def test_conjoined_participles_share_the_first_ones_auxiliary(passives):
    _, clauses = passives("A rollback was considered but rejected.")
    first, second = clauses
    assert (first.verb.text, second.verb.text) == ("considered", "rejected")
    assert second.first is first.verb and second.subject is first.subject
    assert second.aux == first.aux


def test_one_clause_per_passive_verb(passives):
    _, clauses = passives("The key was rotated, but the copy was not updated.")
    assert [(c.verb.text, c.subject.text) for c in clauses] == [("rotated", "key"), ("updated", "copy")]


def test_subject_of_passes_over_a_timestamp(sentence):
    from blamelint.grammar.passive import subject_of

    sent = sentence("17:30 — All campaigns cancelled")
    verb = next(t for t in sent if t.text == "cancelled")
    assert subject_of(verb).text == "campaigns"


def test_phrase_leaves_out_clauses_inside_it(sentence):
    from blamelint.grammar.passive import phrase

    sent = sentence("The link failed at 13:05, which fragmented every packet.")
    at = next(t for t in sent if t.text == "at")
    words = {t.text for t in phrase(at) if not t.is_punct}
    assert words == {"at", "13:05"}  # not "which fragmented every packet"
    assert "fragmented" in {t.text for t in at.subtree}
