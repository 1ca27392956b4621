"""The cast of a document (grammar/cast.py): its cues' words come from
rules/data/cast.yaml, and every word there is a live cue."""

from __future__ import annotations

import pytest

from blamelint.data import load
from blamelint.data.models import CastData
from blamelint.grammar.cast import CastPatterns, read_cast

DATA = load(CastData)
SYSTEM_NOUNS = ("bot", "service", "autoscaler")
ROLES = ("engineer", "manager")


def cast(text: str, patterns: CastPatterns | None = None):
    return read_cast(text, SYSTEM_NOUNS, ROLES, patterns)


def test_a_document_names_its_people_and_systems():
    found = cast(
        "Hank said the queue looked fine. Priya, on call, rolled back. We restarted Nimbus at 02:10. "
        "Maude was rolled back an hour later. Nobody on Growth knew, and the Payments team slept."
    )
    assert {"hank", "priya", "growth", "payments"} <= found.people
    assert {"nimbus", "maude"} <= found.systems
    assert not found.people & found.systems


@pytest.mark.parametrize("verb", sorted(DATA.speech_verbs))
def test_every_speech_verb_makes_a_person(verb):
    assert cast(f"Later Hank {verb} it.").people == {"hank"}


@pytest.mark.parametrize("phrase", sorted(DATA.on_call))
def test_every_on_call_phrase_makes_a_person(phrase):
    assert cast(f"Then Hank, {phrase} that night, looked.").people == {"hank"}


@pytest.mark.parametrize("verb", sorted(DATA.system_verbs))
def test_every_system_verb_makes_a_system(verb):
    assert cast(f"we {verb} the Nimbus nodes").systems == {"nimbus"}


@pytest.mark.parametrize("auxiliary", sorted(DATA.system_auxiliaries))
@pytest.mark.parametrize("participle", sorted(DATA.system_participles))
def test_every_auxiliary_and_participle_make_a_system(auxiliary, participle):
    assert cast(f"then Nimbus {auxiliary} {participle} twice").systems == {"nimbus"}


@pytest.mark.parametrize("pronoun", sorted(DATA.member_pronouns))
def test_every_member_pronoun_makes_a_team(pronoun):
    assert cast(f"{pronoun.capitalize()} on Growth knew.").people == {"growth"}
    assert cast(f"but {pronoun} from the Billing crew knew").people == {"billing"}


@pytest.mark.parametrize("word", sorted(DATA.not_team_names))
def test_what_is_not_a_team_name(word):
    assert cast(f"and then the {word} team left").people == frozenset()


@pytest.mark.parametrize("acronym", sorted(DATA.system_acronyms))
def test_a_kind_of_system_in_initials_is_no_team_name(acronym):
    assert cast(f"and then the {acronym.upper()} team left").people == frozenset()
    assert cast("and then the DBRE team left").people == {"dbre"}


def test_the_patterns_are_built_from_the_data():
    text = "Hank grumbled about the pager. We coaxed Nimbus back."
    assert cast(text).people == frozenset() and cast(text).systems == frozenset()
    more = DATA.model_copy(
        update={
            "speech_verbs": DATA.speech_verbs | {"grumbled"},
            "system_verbs": DATA.system_verbs | {"coaxed"},
        }
    )
    found = cast(text, CastPatterns.from_data(more))
    assert found.people == {"hank"} and found.systems == {"nimbus"}


def test_a_speaker_label_opening_a_line_makes_a_person():
    found = cast(
        "- (noor) ok it's slightly sam's fault.\n"
        "- (sam) fair.\n"
        "[09:12] ruth: the zones are small agencies\n"
        "- (note) this line is a label, not a name\n"
        "09:14 update: the job finished\n"
    )
    assert {"noor", "sam", "ruth"} <= found.people
    assert not {"note", "update"} & found.people


@pytest.mark.parametrize("member", sorted(DATA.team_members))
def test_every_team_member_noun_makes_a_team(member):
    assert cast(f"Then Platform's {member} answered.").people == {"platform"}


@pytest.mark.parametrize("noun", sorted(DATA.group_nouns))
def test_every_group_noun_makes_a_team(noun):
    assert cast(f"and then the Transport {noun} left").people == {"transport"}
    assert cast(f"and then the transport {noun} left").people == frozenset()  # "the right people"


def test_a_relative_who_makes_a_person():
    assert cast("Shoutout to Platform, who never met a rule they liked.").people == {"platform"}
    assert cast("Platform, which serves the API, was slow.").people == frozenset()


def test_a_name_with_a_team_cue_and_a_system_cue_is_left_undecided():
    found = cast("Platform's on-call paged. We restarted Platform twice.")
    assert "platform" not in found.people | found.systems


def test_a_team_named_in_several_capitalised_words_or_initials():
    found = cast("The Hardware Validation team owns the drawings; the DBRE team runs the primary.")
    assert {"hardware validation", "dbre"} <= found.people
    assert cast("the Hardware Validation step failed").people == frozenset()
    assert cast("and then the Merge Queue Rollout Review Board team left").people == frozenset()


@pytest.mark.parametrize("part", sorted(DATA.system_parts))
def test_every_system_part_makes_a_system(part):
    assert cast(f"Then Nimbus's {part} grew.").systems == {"nimbus"}
    assert cast(f"Then Nimbus's read-path {part} grew.").systems == {"nimbus"}
    assert cast(f"Then Nimbus's {part}-warmer ran.").systems == frozenset()


def test_a_role_first_appositive_settles_a_system_as_well_as_a_person():
    found = cast("Last week our anti-cheat service, Bastion, banned players. The Bastion team is sorry.")
    assert found.systems == {"bastion"} and "bastion" not in found.people
    assert cast("The release manager, Tobias, paused it.").people == {"tobias"}
