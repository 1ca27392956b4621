"""The shape of every rule data file (``rules/data/*.yaml``) and of the
``data:`` mapping that built-in checks read from their rule cards.

Each model forbids unknown keys and takes strings only where words are
expected (an unquoted ``no`` or ``true`` in YAML is a boolean and fails here,
instead of silently never matching). ``Words`` keeps a list's order (phrase
lists, where the order of entries can matter); ``WordSet`` is for lists that
are only looked up.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, field_validator

Words = tuple[StrictStr, ...]
WordSet = frozenset[StrictStr]


def _hyphens(name: str) -> str:
    return name.replace("_", "-")


class DataModel(BaseModel):
    """A data file or mapping: unknown keys are errors; values are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class HyphenDataModel(DataModel):
    """A data file whose keys are written with hyphens ("owner-labels")."""

    model_config = ConfigDict(extra="forbid", frozen=True, alias_generator=_hyphens, populate_by_name=True)


# -- rules/data/action-items.yaml ---------------------------------------------------


class ActionItemColumns(DataModel):
    owner: Words
    due: Words
    status: Words
    ticket: Words
    action: Words


class ActionItemsData(HyphenDataModel):
    owner_labels: Words
    owner_phrases: Words
    due_labels: Words
    due_cues: Words
    placeholders: Words
    columns: ActionItemColumns
    done_words: Words
    open_words: Words
    not_owners: Words
    team_words: Words
    team_acronyms: Words
    not_ticket_prefixes: Words
    months: Words
    month_abbreviations: Words
    weekdays: Words
    periods: Words
    period_abbreviations: Words


# -- rules/data/audit.yaml ----------------------------------------------------------


class ScorePart(DataModel):
    """One part of the audit's health score (docs/audit.md)."""

    id: StrictStr
    label: StrictStr
    weight: float = Field(gt=0, le=100)
    kind: Literal["share", "rate"]
    full_at: float = 0.0
    """A rate part: full marks at or below this rate."""
    zero_at: float = 1.0
    """A rate part: no marks at or above this rate."""


class AuditData(DataModel):
    stative_verbs: WordSet
    naming_pronouns: WordSet
    vague_people: WordSet
    vague_determiners: WordSet
    date_keys: Words
    date_labels: Words
    score: tuple[ScorePart, ...]

    @field_validator("score")
    @classmethod
    def _weights_sum_to_100(cls, parts: tuple[ScorePart, ...]) -> tuple[ScorePart, ...]:
        if abs(sum(p.weight for p in parts) - 100) > 1e-9:
            raise ValueError(f"the weights sum to {sum(p.weight for p in parts):g}, not 100")
        return parts


# -- rules/data/detection.yaml ------------------------------------------------------


class DetectionData(DataModel):
    """What says a file is not a postmortem (its name), and headings that are
    evidence of one (postmortem/detect.py)."""

    not_postmortem_names: WordSet
    not_postmortem_name_words: WordSet
    evidence_headings: Words


# -- rules/data/cast.yaml -----------------------------------------------------------


class CastData(DataModel):
    """Words around a capitalised name that say whether the document takes it for a
    person or a system (grammar/cast.py builds its patterns from them)."""

    speech_verbs: WordSet
    on_call: WordSet
    system_verbs: WordSet
    system_auxiliaries: WordSet
    system_participles: WordSet
    member_pronouns: WordSet
    team_members: WordSet
    system_parts: WordSet
    group_nouns: WordSet
    system_acronyms: WordSet
    not_team_names: WordSet


# -- rules/data/people.yaml ---------------------------------------------------------


class PeopleData(DataModel):
    person_pronouns: WordSet
    any_people: WordSet
    some_people: WordSet
    every_people: WordSet
    no_people: WordSet
    other_negatives: WordSet
    partitive_words: WordSet
    honorifics: WordSet
    shift_times: WordSet
    role_nouns: WordSet
    component_roles: WordSet = frozenset()
    managed_objects: WordSet = frozenset()
    department_acronyms: WordSet = frozenset()
    system_names: WordSet
    action_nouns: WordSet
    system_nouns: WordSet

    @property
    def indefinite_people(self) -> frozenset[str]:
        """ "anyone", "someone", "everyone": people left unnamed, not denied."""
        return self.any_people | self.some_people | self.every_people

    @property
    def unnamed_people(self) -> frozenset[str]:
        """The indefinite pronouns for people and "nobody": whoever they are, no one named."""
        return self.indefinite_people | self.no_people

    @property
    def negative_subjects(self) -> frozenset[str]:
        """ "nobody", "nothing", "none": a subject that denies its clause."""
        return self.no_people | self.other_negatives

    @property
    def pronouns(self) -> frozenset[str]:
        """Every pronoun that denotes people: the personal ones and the unnamed."""
        return self.person_pronouns | self.unnamed_people


# -- rules/data/blame.yaml ----------------------------------------------------------


class FaultAssignment(DataModel):
    """One construction by which a verb gives a fault to a person (blame.yaml:
    fault_assignments): where the fault and the person sit, and what counts as each."""

    verbs: WordSet
    fault: Literal["subject", "object"]
    person: StrictStr = Field(description='"subject", "attribute", or the preposition before the person')
    faults: WordSet = frozenset()
    incidents: WordSet = frozenset()
    pointers: WordSet = frozenset()
    holders: WordSet = frozenset()
    pronouns: WordSet = frozenset()
    places: WordSet = frozenset()
    writer: StrictBool = True
    ownership: StrictBool = False


class BlameData(DataModel):
    judgments: Words
    person_phrases: Words
    more_adjectives: WordSet
    aspiration_verbs: WordSet
    belittling_adverbs: WordSet
    averting_verbs: WordSet = frozenset()
    blameless_words: WordSet = frozenset()
    accountability_adjectives: WordSet
    fault_nouns: WordSet
    exceptions: Words
    mistake_adjectives: WordSet
    mistake_nouns: WordSet
    person_verbs: Words
    mishandling_verbs: WordSet
    signal_nouns: WordSet
    failure_verbs: WordSet
    failure_nouns: WordSet
    person_adjectives: WordSet
    negation_adverbs: WordSet
    admonitions: Words
    sarcasm_markers: Words
    habitual_faults: WordSet
    better_person_adjectives: WordSet
    sanction_verbs: Words
    shame_adjectives: WordSet
    responsibility_nouns: WordSet
    haste_verbs: WordSet
    diligence_gerunds: Words
    habit_nouns: WordSet
    report_verbs: WordSet
    judging_verbs: WordSet
    assenting_verbs: WordSet
    doing_verbs: WordSet
    reason_prepositions: WordSet
    ascribing_verbs: WordSet
    rejecting_verbs: WordSet
    fault_assignments: dict[StrictStr, FaultAssignment]
    resting_verbs: WordSet
    deliberate_failure_verbs: WordSet
    revoke_verbs: WordSet
    moment_nouns: WordSet
    standard_adjectives: WordSet
    standard_passing: WordSet = frozenset()
    trivial_nouns: WordSet
    telling_verbs: WordSet
    care_manner_adverbs: WordSet
    wording_nouns: WordSet
    evidence_nouns: WordSet
    omission_idioms: Words
    lapse_verbs: WordSet
    remedial_verbs: WordSet
    undertaking_verbs: WordSet
    training_nouns: WordSet
    accounting_verbs: WordSet
    cause_nouns: WordSet
    evidential_adverbs: WordSet
    support_nouns: WordSet
    typical_adjectives: WordSet
    privilege_nouns: WordSet
    care_verbs: WordSet
    care_adverbs: WordSet
    attention_verbs: WordSet


# -- rules/data/hindsight.yaml ------------------------------------------------------


class HindsightData(DataModel):
    markers: Words
    words: WordSet
    epistemic_modals: WordSet
    safeguard_phrases: Words
    design_phrases: Words
    outcome_verbs: WordSet
    remedy_pronouns: WordSet
    event_verbs: WordSet
    event_subjects: WordSet
    design_adverbs: WordSet
    experience_verbs: WordSet
    knowing_verbs: WordSet
    evaluative_words: WordSet
    duration_units: WordSet
    wish_verbs: WordSet
    concessive_adverbs: WordSet
    same_outcome_words: WordSet
    concessive_nouns: WordSet
    negative_quantifiers: WordSet
    universal_determiners: WordSet
    diligence_words: WordSet
    behaviour_verbs: WordSet
    exposure_verbs: WordSet
    saying_verbs: WordSet
    disowning_adjectives: WordSet
    alternative_adverbs: WordSet = frozenset()
    doubt_words: WordSet = frozenset()
    certainty_words: WordSet = frozenset()
    schedule_adverbs: WordSet = frozenset()
    retraction_words: WordSet = frozenset()
    acceptance_verbs: WordSet = frozenset()
    fairness_words: WordSet = frozenset()
    additive_adverbs: WordSet = frozenset()
    dependence_verbs: WordSet = frozenset()
    ease_adverbs: WordSet = frozenset()
    sufficiency_words: WordSet = frozenset()
    correctness_words: WordSet = frozenset()
    enabling_verbs: WordSet = frozenset()
    whole_outcome_words: WordSet = frozenset()
    timing_words: WordSet = frozenset()
    time_prepositions: WordSet = frozenset()
    clock_words: WordSet = frozenset()
    clock_prepositions: WordSet = frozenset()
    policy_nouns: WordSet = frozenset()
    future_words: WordSet = frozenset()
    cadence_verbs: WordSet = frozenset()
    yardstick_people: WordSet = frozenset()
    opinion_verbs: WordSet = frozenset()
    outcome_adjectives: WordSet = frozenset()
    outcome_nouns: WordSet = frozenset()
    asking_verbs: WordSet = frozenset()


# -- rules/data/root-cause.yaml -----------------------------------------------------


class RootCauseData(DataModel):
    terms: Words
    single_cause_modifiers: WordSet
    cause_nouns: WordSet
    layered_cause_modifiers: WordSet
    cause_like_modifiers: WordSet
    lone_cause_nouns: WordSet
    incident_nouns: WordSet
    mass_incident_nouns: WordSet
    sub_incident_modifiers: WordSet
    causal_verbs: WordSet
    causal_verb_preps: Words
    whole_outage_verbs: Words
    incident_hosts: WordSet
    hosted_incident_nouns: WordSet
    apology_words: WordSet
    incident_origins: Words
    reducing_idioms: Words
    attributing_idioms: Words
    incident_pronouns: WordSet
    pronoun_causals: Words
    totalizing_pronouns: WordSet
    totalizing_adjectives: WordSet
    incident_events: Words
    origin_nouns: WordSet
    exclusive_phrases: Words
    root_of_objects: WordSet
    plural_quantifiers: WordSet
    partial_markers: Words
    multi_cause_nouns: WordSet
    counting_nouns: WordSet
    factor_nouns: WordSet
    rejecting_verbs: WordSet
    seeking_verbs: WordSet
    rejecting_preps: Words
    time_nouns: WordSet
    telling_verbs: WordSet
    remainder_words: WordSet
    dismissive_complements: WordSet
    aggravating_comparatives: WordSet = frozenset()
    explained_events: WordSet
    human_failings: WordSet = frozenset()
    reducing_adverbials: Words = ()
    incident_relatives: WordSet = frozenset()
    single_counts: WordSet = frozenset()
    exact_words: WordSet = frozenset()
    fault_nouns: WordSet = frozenset()
    answer_nouns: WordSet = frozenset()
    whole_only_nouns: WordSet = frozenset()
    unqualified_incident_nouns: WordSet = frozenset()
    disowning_adjectives: WordSet = frozenset()
    naming_verbs: WordSet = frozenset()
    retracting_adverbs: WordSet = frozenset()
    retracting_adjectives: WordSet = frozenset()
    rejecting_phrasal_verbs: Words = ()
    asking_verbs: WordSet = frozenset()
    whole_story_nouns: WordSet = frozenset()
    frame_words: WordSet = frozenset()


# -- the passive-voice lexicon: states.yaml, passive-verbs.yaml, passive-cues.yaml --


class StatesData(DataModel):
    states: Words
    places: Words
    psych: Words
    impact: Words
    harms: Words = ()
    consumption: Words = ()
    allowances: Words = ()
    settings: Words
    design_heads: Words
    state_adverbs: Words
    degree_adverbs: Words
    situations: Words
    extent: Words
    belief_heads: Words
    accustomed: Words = ()
    reporting: Words = ()
    arrangements: Words = ()
    purpose_verbs: Words = ()
    making_verbs: Words = ()
    storage: Words = ()
    informing_verbs: Words = ()
    decision_verbs: Words = ()


class PassiveVerbsData(DataModel):
    intransitive: Words
    prose_intransitive: Words
    done_to_people: Words
    done_to_actions: Words = ()
    formulas: Words
    complement_heads: Words
    get_idioms: Words
    naming: Words
    preventive_heads: Words
    permission_heads: Words
    fixed_phrases: Words = ()
    request_heads: Words = ()
    not_participles: Words = ()
    preferred_readings: Words = ()


class PassiveCuesData(DataModel):
    non_agent_by: Words
    amount_units: Words
    time_words: Words
    event_preps: Words
    event_adverbs: Words
    hypothetical_marks: Words
    agency_by: Words
    work_groups: Words = ()
    agent_gerunds: Words = ()


# -- rules/data/sections.yaml -------------------------------------------------------


class SectionSpec(DataModel):
    specific: Literal["strong", "weak"] | Literal[False] = Field(
        description="How much the heading says 'postmortem': strong, weak, or false (not at all)."
    )
    headings: Words


class SectionsData(HyphenDataModel):
    sections: dict[StrictStr, SectionSpec]
    children: dict[StrictStr, Words] = Field(default_factory=dict)
    head_nouns: Words = ()
    decorations: Words
    placeholders: Words
    belongs: dict[StrictStr, StrictStr]
    titles: dict[StrictStr, StrictStr]


# -- rules/data/vague-action-items.yaml ---------------------------------------------


class VagueActionItemsData(HyphenDataModel):
    vigilance: Words
    builder_verbs: Words
    lead_ins: Words
    improve_verbs: Words
    review_verbs: Words
    purpose_words: Words
    generic_words: Words


DATA_FILES: dict[str, type[DataModel]] = {
    "action-items.yaml": ActionItemsData,
    "audit.yaml": AuditData,
    "blame.yaml": BlameData,
    "cast.yaml": CastData,
    "detection.yaml": DetectionData,
    "hindsight.yaml": HindsightData,
    "passive-cues.yaml": PassiveCuesData,
    "passive-verbs.yaml": PassiveVerbsData,
    "people.yaml": PeopleData,
    "root-cause.yaml": RootCauseData,
    "sections.yaml": SectionsData,
    "states.yaml": StatesData,
    "vague-action-items.yaml": VagueActionItemsData,
}
"""Every file of rules/data and its model (a test checks that none is missing)."""


# -- the ``data:`` of built-in rule cards -------------------------------------------


class MessageSpec(DataModel):
    """The message and suggestion of one kind of finding; ``{text}`` is the flagged text."""

    message: StrictStr | None = None
    suggestion: StrictStr | None = None


class NoCardData(DataModel):
    """A check that reads nothing from its card's ``data``: the mapping must be empty."""


class BlameMessages(DataModel):
    judgment: MessageSpec | None = None
    dismissive: MessageSpec | None = None
    failure: MessageSpec | None = None
    admonition: MessageSpec | None = None
    fault: MessageSpec | None = None


class HindsightMessages(DataModel):
    marker: MessageSpec | None = None
    word: MessageSpec | None = None
    should: MessageSpec | None = None
    ought: MessageSpec | None = None
    could: MessageSpec | None = None
    would: MessageSpec | None = None
    counterfactual: MessageSpec | None = None


class RootCauseMessages(DataModel):
    term: MessageSpec | None = None
    process: MessageSpec | None = None
    single: MessageSpec | None = None
    whole: MessageSpec | None = None


class BlameCardData(DataModel):
    messages: BlameMessages = Field(default_factory=BlameMessages)


class HindsightCardData(DataModel):
    messages: HindsightMessages = Field(default_factory=HindsightMessages)


class RootCauseCardData(DataModel):
    messages: RootCauseMessages = Field(default_factory=RootCauseMessages)


class PhraseCardData(DataModel):
    """The ``phrases`` kind: ``lemma: true`` matches any inflection of the phrase."""

    lemma: StrictBool = False
