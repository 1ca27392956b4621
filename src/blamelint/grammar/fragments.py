"""Is a reduced candidate really a passive?

Timeline fragments drop "was": "Config change deployed to prod." The parser
may read "deployed" as an active past tense with "change" as its subject, or
as a participle after the noun. Either way the reading turns on the verb:
a verb with no object and only a transitive sense cannot be active here (a
change does not "deploy" anything), so the fragment is a passive. A verb that
is also intransitive is read as active and left alone ("Primary DB
restarted", "Traffic shifted back"), as the labeling guide decides; so is a
person acting with the object left unsaid ("The on-call acknowledged").
"""

from __future__ import annotations

from collections.abc import Callable

from blamelint.grammar.events import has_event_cue, timestamp_end
from blamelint.grammar.lexicon import PassiveLexicon, in_class, verb_keys
from blamelint.grammar.morphology import participle_form, participle_only, verb_lemmas
from blamelint.grammar.passive import FRAGMENT, PARTICIPLE, PassiveClause

PRONOUN_TAGS = frozenset({"PRP", "WP"})
ARTICLES = frozenset({"a", "an", "the"})
DEFINITE = ARTICLES | {"this", "that", "these", "those"}
NOMINATIVE = frozenset({"i", "we", "he", "she", "they", "you"})
"""Subject pronouns: "We deployed at 14:05" is active whatever the verb."""


def _determined(noun) -> bool:
    """A noun phrase with an article, a demonstrative or a possessive
    anywhere before its head ("the fix", "Heroku's provider's database
    disruption"), or a pronoun: prose. A quantifier alone ("Some
    suggestions", "Four pods") is headline style too."""
    if noun.tag_ in PRONOUN_TAGS:
        return True
    return any(
        t.dep_ == "poss" or t.tag_ == "POS" or t.dep_ == "det" and t.lower_ in DEFINITE
        for t in noun.subtree
        if t.i < noun.i
    )


def headline(sent, inside=None) -> bool:
    """Headline style: no article anywhere ("Incident declared, rollback
    attempted"). Prose has them ("Several factors combined: a risky deploy").
    With ``inside`` (a noun), articles within that noun's phrase do not count
    ("retry limit for the billing queue raised to 3" is a headline)."""
    skip = {t.i for t in inside.subtree} if inside is not None else set()
    return not any(t.tag_ == "DT" and t.lower_ in ARTICLES and t.i not in skip for t in sent)


def _tagged_headline(verb) -> bool:
    """A headline with an article only after its verb, which the tagger reads
    as a participle opening the clause ("soak test added to the release
    checklist"): no article or verb before the participle."""
    opening = verb.dep_ == "ROOT" or verb.dep_ == "acl" and verb.head.dep_ == "ROOT"
    if verb.tag_ != "VBN" or not opening or verb.lower_ == verb.lemma_.lower():
        return False  # (not "read", "set": an order in a note)
    before = verb.doc[verb.sent.start : verb.i]
    if any(t.tag_ == "DT" and t.lower_ in ARTICLES or t.pos_ in ("VERB", "AUX") for t in before):
        return False
    # every article sits in a phrase of the verb's own ("to the checklist"), not after a colon
    inside = {t.i for c in verb.children if c.dep_ in ("prep", "agent") for t in c.subtree}
    return all(t.i in inside for t in verb.sent if t.tag_ == "DT" and t.lower_ in ARTICLES)


def _done_by_someone(verb, lex: PassiveLexicon) -> bool:
    """A "by" of means that needs a doer ("triggered by hand"): a "by"
    phrase belongs to a passive, which an intransitive verb has not."""
    return any(c.lower_ == "by" and any(g.lower_ in lex.agency_by for g in c.children) for c in verb.children)


ADVERB_PARTICLES = frozenset({"back", "out", "over", "up", "down", "off", "in"})


def _intransitive(verb, lex: PassiveLexicon) -> bool:
    """Whether the verb has an intransitive use. The parser may read a
    particle as an adverb ("Once rolled back"): when the phrasal verb is in
    the lists it is the verb looked up ("roll back"), not "roll"."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        after is not None
        and after.head.i == verb.i
        and after.dep_ == "advmod"
        and after.lower_ in ADVERB_PARTICLES
    ):
        phrasal = [f"{key} {after.lower_}" for key in verb_keys(verb)]
        known = lex.intransitive | lex.prose_intransitive
        if any(p in known for p in phrasal):
            return any(p in lex.intransitive for p in phrasal)
    return in_class(verb, lex.intransitive)


def prose_paragraph(sent, block) -> bool:
    """The sentence is one of several in a paragraph whose other sentences are
    prose (one has an article): not a note of headline fragments ("Rolled back.
    Cache flushed.") nor a one-line note."""
    if getattr(block, "kind", None) != "paragraph":
        return False
    others = [s for s in sent.doc.sents if s.start != sent.start]
    return any(t.tag_ == "DT" and t.lower_ in ARTICLES for s in others for t in s)


def past_only(word: str) -> bool:
    """A known verb form that is a simple past and never a past participle
    ("ran", "went", "took"): a fragment with it is active whatever its verb."""
    return bool(verb_lemmas(word)) and not participle_form(word)


def reads_as_passive(
    clause: PassiveClause,
    lex: PassiveLexicon,
    is_person: Callable[[object], bool] = lambda tok: False,
    timeline: bool = False,
    item: bool = False,
    prose: bool = False,
    is_action: Callable[[object], bool] = lambda tok: False,
) -> bool:
    """Whether a reduced candidate (fragment, participle after a noun,
    participle clause) is a passive rather than an active intransitive.
    ``is_person`` tells whether a noun names a person or team; ``timeline``
    whether the sentence is a timeline entry (where headlines are the style);
    ``item`` whether it is an action item in a list, where a headline may
    carry an article inside its noun phrase ("ttl for the zone lowered to 5s"); ``prose``
    whether it stands among full sentences of a prose paragraph (``prose_paragraph``), where
    a name or a person acting is a simple past, not a headline ("PN said no.", "Mei rolled back
    to v40"; but "Ticket created from the call." is still a note); ``is_action`` whether a
    noun names something people do (for ``done_to_actions``)."""
    verb = clause.verb
    subject = clause.subject
    if past_only(verb.lower_):
        return False  # "once the cache ran out": a simple past, never a participle
    fixed = participle_only(verb.lower_)  # "frozen", "taken": never a simple past
    if not fixed and _intransitive(verb, lex) and not _done_by_someone(verb, lex):
        if not (in_class(verb, lex.done_to_actions) and is_action(subject)):
            return False  # (but "Rollback triggered": an action does not set itself off)
    if subject is not None and subject.i < timestamp_end(verb.sent):
        subject = None  # "Wed 14:00 2.3.2 pushed ...": the "We" the tokenizer made of "Wed" is the time
    if clause.kind == PARTICIPLE or subject is None:
        return True  # "Once deployed, the change ...": its subject is the main clause's
    if subject.lower_ in NOMINATIVE and subject.tag_ == "PRP":
        return False  # "We deployed at 14:05"
    if (
        clause.kind == FRAGMENT
        and subject.dep_ != "nsubjpass"
        and not timeline
        and (
            _determined(subject)
            or (prose and (subject.pos_ == "PRON" or is_person(subject)))
            or any(c.dep_ == "mark" for c in verb.children)
            or not (headline(verb.sent, subject if item else None) or _tagged_headline(verb))
        )
    ):
        # Prose, not a headline: "The diff looked like a rename", "that the
        # consumer checkpointed", "The payout worker held on to the lock",
        # "Several factors combined: a risky deploy, ...". A participle-only
        # form there is a participle after its noun ("the steps taken"),
        # which counts only as an event ("the steps taken at 09:10").
        return fixed and has_event_cue(verb, lex)
    if (
        not fixed
        and clause.kind == FRAGMENT
        and _determined(subject)
        and in_class(verb, lex.prose_intransitive)
    ):
        return False  # "The fix deployed at 14:05" (but "the reduction deployed at 14:05 broke ...")
    if is_person(subject):
        return fixed or in_class(verb, lex.done_to_people)  # "Customers notified" / "Kofi approved"
    return True
