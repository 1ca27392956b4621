"""The word classes the passive-voice readings need, loaded from rule data.

The lists live in ``rules/data`` (``states.yaml``, ``passive-verbs.yaml``,
``passive-cues.yaml``); this module only checks their shape and gives fast
look-ups. Verb entries are lemmas, a phrasal verb is ``"lemma particle"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from blamelint.grammar.morphology import guessed_lemmas


@dataclass(frozen=True)
class PassiveLexicon:
    # states.yaml
    states: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    psych: frozenset[str] = frozenset()
    impact: frozenset[str] = frozenset()
    harms: frozenset[str] = frozenset()
    consumption: frozenset[str] = frozenset()
    allowances: frozenset[str] = frozenset()
    settings: frozenset[str] = frozenset()
    design_heads: frozenset[str] = frozenset()
    state_adverbs: frozenset[str] = frozenset()
    degree_adverbs: frozenset[str] = frozenset()
    situations: frozenset[str] = frozenset()
    extent: frozenset[str] = frozenset()
    belief_heads: frozenset[str] = frozenset()
    accustomed: frozenset[str] = frozenset()
    reporting: frozenset[str] = frozenset()
    arrangements: frozenset[str] = frozenset()
    purpose_verbs: frozenset[str] = frozenset()
    making_verbs: frozenset[str] = frozenset()
    storage: frozenset[str] = frozenset()
    informing_verbs: frozenset[str] = frozenset()
    decision_verbs: frozenset[str] = frozenset()
    # passive-verbs.yaml
    intransitive: frozenset[str] = frozenset()
    prose_intransitive: frozenset[str] = frozenset()
    done_to_people: frozenset[str] = frozenset()
    done_to_actions: frozenset[str] = frozenset()
    formulas: frozenset[str] = frozenset()
    complement_heads: frozenset[str] = frozenset()
    get_idioms: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()
    preventive_heads: frozenset[str] = frozenset()
    permission_heads: frozenset[str] = frozenset()
    fixed_phrases: frozenset[str] = frozenset()
    request_heads: frozenset[str] = frozenset()
    not_participles: frozenset[str] = frozenset()
    preferred_readings: frozenset[str] = frozenset()  # read by morphology.read_as
    # passive-cues.yaml
    non_agent_by: frozenset[str] = frozenset()
    amount_units: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    event_preps: frozenset[str] = frozenset()
    event_adverbs: frozenset[str] = frozenset()
    hypothetical_marks: frozenset[str] = frozenset()
    agency_by: frozenset[str] = frozenset()
    work_groups: frozenset[str] = frozenset()
    agent_gerunds: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, sources: Mapping[str, object]) -> PassiveLexicon:
        """Build from {file name: parsed YAML}. Raises ValueError naming the
        file and key when a file is not a mapping of word lists or has a key
        this lexicon does not know."""
        known = {f.name for f in fields(cls)}
        values: dict[str, frozenset[str]] = {}
        for name, data in sources.items():
            if not isinstance(data, dict):
                raise ValueError(f"{name}: expected a mapping of word lists")
            for key, words in data.items():
                if key not in known:
                    raise ValueError(f"{name}: unknown key {key!r} (known: {', '.join(sorted(known))})")
                if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                    raise ValueError(f"{name}: {key} must be a list of words")
                values[key] = values.get(key, frozenset()) | {" ".join(w.lower().split()) for w in words}
        return cls(**values)

    @classmethod
    def from_models(cls, *models: Iterable[tuple[str, Iterable[str]]]) -> PassiveLexicon:
        """Build from the validated data models of states.yaml, passive-verbs.yaml
        and passive-cues.yaml (each iterates as (key, words))."""
        values: dict[str, frozenset[str]] = {}
        for model in models:
            for key, words in model:
                values[key] = values.get(key, frozenset()) | {" ".join(w.lower().split()) for w in words}
        return cls(**values)


def verb_keys(token) -> tuple[str, ...]:
    """Look-up keys of a verb token: its lemmas (from the pipeline and from
    lemminflect), as "lemma particle" for a phrasal verb."""
    lemmas = [token.lemma_.lower()]
    for lemma in guessed_lemmas(token.lower_):
        if lemma not in lemmas:
            lemmas.append(lemma)
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    if particles:  # a phrasal verb is its own verb: "turn off" is not "turn"
        return tuple(f"{lemma} {p}" for p in particles for lemma in lemmas)
    return tuple(lemmas)


def in_class(token, words: frozenset[str]) -> bool:
    return any(key in words for key in verb_keys(token))
