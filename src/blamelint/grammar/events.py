"""Does a passive clause report an event, or describe a state or a habit?

The labeling guide counts a passive only when it reports something that
happened or was done (or not done) in the incident, or that is to be done.
Clean readings, in the order they are tried:

- impact statements ("3% of customers were affected");
- states and feelings: participles that name a condition ("the pool was
  exhausted", "we were relieved"), or are marked as adjectives by "still",
  "already", "no longer", a degree word ("very concerned") or a coordinated
  adjective ("slow and overloaded");
- design and expectation: "is supposed to be drained", "designed to";
- generic descriptions in the simple present ("Each request is routed through
  Envoy", "Certificates get reissued daily", "can be configured per route"),
  unless the sentence is a timeline entry or the clause is placed in time;
- settings ("was configured to scale at 50%") without a cue that they changed
  then ("At 10:02 ...", "from 30 to 50", "during the migration");
- participles after their noun ("the data stored in S3") without such a cue.

Everything else reads as an event: past, perfect, progressive, modal ("should
be removed"), negated ("was not updated"), infinitive ("wanted the queue to be
drained").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from blamelint.grammar import modals
from blamelint.grammar.agents import is_time
from blamelint.grammar.clauses import negative_subject
from blamelint.grammar.lexicon import PassiveLexicon, in_class
from blamelint.grammar.morphology import known_word
from blamelint.grammar.passive import (
    BE_PASSIVE,
    CLAUSAL,
    FRAGMENT,
    GET_PASSIVE,
    PARTICIPLE,
    REDUCED,
    PassiveClause,
    child,
    phrase,
)

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
TIMESTAMP = re.compile(
    r"""^[\W_]*(?:
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?             # Sat
        (?:\d{1,2}(?:st|nd|rd|th)?\s+)?                                # 31
        (?:"""
    + MONTH
    + r""",?\s+)?                                    # May, Mar.
        (?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?                              # 6,
        (?:\d{4},?\s+)?                                                # 2025
        (?:\d{4}-\d{2}-\d{2}(?:[T\s]+)?)?                               # 2024-03-04
        (?:\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?|z)?\b          # 14:05, 2:14 AM
          |\d{1,2}\s?[ap]m\b                                            # 2pm
          |\d{4}Z\b|\d{4}-\d{2}-\d{2}\b                                 # 0214Z, 2024-03-04
          |T[+-](?:\d+[a-z]*)+)                                         # T+12m, T+1h10m
        (?-i:\s*(?:Z|UTC|GMT|[A-Z]{2,4}|\([A-Z]{2,4}\))\b)?              # UTC
        [\s\]\)]*[-—–:|,]*\s*
      |                                                                # a date alone, then a dash:
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?             # "Feb 2-5 -", "6 Feb —"
        (?:\d{1,2}(?:st|nd|rd|th)?\s+"""
    + MONTH
    + r"""
          |"""
    + MONTH
    + r"""\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?)
        (?:,?\s+\d{4})?\s*[-—–:|]+\s*)""",
    re.I | re.X,
)
MAX_STAMP_TOKENS = 12
DEONTIC = frozenset({"will", "shall", "should", "must", "need", "ought"})
"""Modals of what is to be done (not "would", "could", "might": hypotheses), in full
(``modals.modal``: "'ll" and the "wo" of "won't" are "will")."""
ABILITY_MODALS = frozenset({"can", "may", "might"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
AS_THAN = frozenset({"as", "than"})
TEMPORAL = frozenset({"when", "after", "before", "once", "while", "until"})
FREQUENCY = frozenset({"every", "each", "per", "daily", "hourly", "nightly", "weekly", "monthly", "yearly"})
DISCOURSE = frozenset({"note", "mention", "remember", "see", "stress", "emphasize", "emphasise"})


@dataclass(frozen=True)
class Tense:
    """What the auxiliaries (or the governing verb) say about a clause."""

    modal: str | None = None
    """The modal in full ("will" for "'ll" and "won't", "would" for a modal "'d")."""
    negated: bool = False
    perfect: bool = False
    progressive: bool = False
    infinitive: bool = False
    present: bool = False

    @property
    def simple_present(self) -> bool:
        return self.present and not (self.modal or self.perfect or self.progressive or self.infinitive)

    @property
    def plain(self) -> bool:
        """Simple past or present: no modal, perfect, progressive or infinitive."""
        return not (self.modal or self.perfect or self.progressive or self.infinitive)


def tense_of(clause: PassiveClause) -> Tense:
    verb = clause.verb
    owner = clause.first or verb
    aux = clause.aux
    negated = any(_negative(c) for c in (*verb.children, *owner.children))
    modal = modals.first_modal(aux)
    perfect = any(a.lemma_ == "have" for a in aux)
    progressive = any(a.lower_ in ("being", "getting") for a in aux)
    infinitive = any(a.tag_ == "TO" for a in aux)
    finite = next((a for a in aux if a.tag_ in ("MD", "VBD", "VBZ", "VBP")), None)
    present = finite is not None and finite.tag_ in ("VBZ", "VBP")
    if finite is None and clause.governor is not None and not infinitive:
        # The clause takes its time from the verb it hangs on ("kept getting
        # preempted", "Once deployed, the change broke"), not its polarity.
        outer = tense_of_verb(clause.governor)
        own_clause = clause.kind == PARTICIPLE or verb.dep_ == "advcl"
        return Tense(
            outer.modal,
            negated or (outer.negated and not own_clause),
            outer.perfect,
            outer.progressive or progressive,
            False,
            outer.present,
        )
    return Tense(modal, negated, perfect, progressive, infinitive, present)


def tense_of_verb(verb) -> Tense:
    """Tense of an ordinary (active) verb from its own auxiliaries and tag."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    modal = modals.first_modal(aux)
    finite = next((a for a in aux if a.tag_ in ("MD", "VBD", "VBZ", "VBP")), verb)
    return Tense(
        modal=modal,
        negated=any(_negative(c) for c in verb.children),
        perfect=any(a.lemma_ == "have" for a in aux),
        progressive=any(a.tag_ == "VBG" or a.lower_ == "being" for a in aux)
        or verb.tag_ == "VBG"
        and bool(aux),
        present=finite.tag_ in ("VBZ", "VBP"),
    )


def _negative(token) -> bool:
    return token.dep_ == "neg" or (token.dep_ == "advmod" and token.lower_ in ("never", "not"))


def _found(clause: PassiveClause, in_timeline: bool, entry: bool) -> bool:
    """A verb of place that reports a finding rather than where a thing sits: in a
    timeline ("11:15 Previous snapshot located in object storage") or under a negated
    "could"/"can" ("Downtime packs could not be located on four wards")."""
    if in_timeline or entry:
        return True
    able = any(modals.modal(a) in ("can", "could") for a in clause.aux)
    return able and any(a.dep_ == "neg" for a in clause.verb.children)


def is_timeline_entry(sent) -> bool:
    """A sentence that starts a line with a clock time or date ("14:05 —
    ..."), also when the parser split the timestamp off as a sentence of its
    own; not a second sentence after it on the same line."""
    doc = sent.doc
    first = sent.start
    while first > 0 and sent.start - first < MAX_STAMP_TOKENS:
        before = doc[first - 1]
        if "\n" in before.whitespace_ or "\n" in before.text:
            break
        first -= 1
    else:
        if first > 0:
            return False  # more than a timestamp before the sentence on its line
    before = doc[first : sent.start].text_with_ws if first < sent.start else ""
    if re.search(r"[.!?;]\s", before) or any(ch.isalpha() for ch in before) and not TIMESTAMP.match(before):
        return False
    return bool(TIMESTAMP.match(before + sent.text))


def timestamp_end(sent) -> int:
    """Index of the first token after a leading timestamp ("14:05 — ")."""
    match = TIMESTAMP.match(sent.text)
    if not match:
        return sent.start
    end = sent.start_char + match.end()
    for tok in sent:
        if tok.idx >= end:
            return tok.i
    return sent.end


def _habitual(token) -> bool:
    """ "every 24 hours", "each night", "per day": a frequency, not a moment."""
    return any(t.lower_ in FREQUENCY for t in phrase(token))


def _moment(token, lex: PassiveLexicon) -> bool:
    """A phrase naming a moment: "at 13:05", "on Tuesday", "two days later"
    (not "back then")."""
    return any(
        is_time(t, lex) and not (t.lower_ == "then" and any(c.lower_ == "back" for c in t.children))
        for t in phrase(token)
    )


def _modifiers(verb):
    return [c for c in verb.children if c.dep_ not in CLAUSAL]


def has_moment(verb, lex: PassiveLexicon) -> bool:
    """Whether the clause is placed at a moment (and is not habitual: "every
    Monday at 10:00" is a schedule, not a moment)."""
    mods = _modifiers(verb)
    if any(_habitual(c) for c in mods):
        return False
    return any(
        _moment(c, lex)
        for c in mods
        if c.dep_ in ("npadvmod", "tmod", "advmod") or c.dep_ in ("prep", "agent") and c.lower_ != "for"
    )


def has_event_cue(verb, lex: PassiveLexicon) -> bool:
    """Whether the clause itself marks one act: a moment ("at 13:05"), an
    event preposition ("during the migration"), an adverb of a single act
    ("accidentally"), a change ("from 30 to 50"), or a temporal clause ("when
    the sale started")."""
    if has_moment(verb, lex):
        return True
    mods = _modifiers(verb)
    if any(_habitual(c) for c in mods):
        return False
    for c in verb.children:
        if c.dep_ == "advcl" and any(
            m.lower_ in TEMPORAL for m in c.children if m.dep_ in ("mark", "advmod")
        ):
            return True
    if any(c.dep_ in ("advmod", "neg") and c.lower_ in lex.event_adverbs for c in mods):
        return True  # "was accidentally deleted", "was never load-tested"
    if any(c.lower_ == "by" and any(g.lower_ in lex.agency_by for g in c.children) for c in mods):
        return True  # "a PDB applied by hand": a means that needs a doer
    if any(c.dep_ == "prep" and c.lower_ in lex.event_preps for c in mods):
        return True
    return {"from", "to"} <= {c.lower_ for c in mods if c.dep_ == "prep"}


def _reporting(verb) -> bool:
    """A participle with a clause of its own reports a finding or decision:
    "It was determined that ...", "was found to be ..."."""
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _placed(token, lex: PassiveLexicon) -> bool:
    """An event cue on the token, or a temporal subordinator heading its
    clause ("After the cache was flushed, ...")."""
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL for c in token.children):
        return True
    return has_event_cue(token, lex)


def _state_marked(verb, lex: PassiveLexicon, tense: Tense) -> bool:
    """Adverbs and coordination that make the participle an adjective ("was
    still enabled"; but "had already been drained" is an event)."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in lex.degree_adverbs and c.i == verb.i - 1 and not _focus(c):
            return True  # "was very concerned" (not "so a second engineer was paged")
        if (
            c.dep_ == "advmod"
            and c.lower_ in lex.state_adverbs
            and (not tense.perfect or verb.dep_ == "relcl" and not _placed_somewhere(verb))
        ):
            # "was still enabled"; in a relative clause the perfect classifies
            # its noun too ("a batch that had already been captured"), unless
            # the clause says where or when it happened ("transfers that had
            # already been accepted on the processor's side")
            if c.lower_ != "longer" or any(g.lower_ == "no" for g in c.children):
                return True
        if c.dep_ == "conj" and _adjective(c):
            return True
    return verb.dep_ == "conj" and _adjective(verb.head)


def _focus(adverb) -> bool:
    """ "at least", "at most": a limit on what is said ("callers were at least
    queued"), not a degree of an adjective ("the least affected")."""
    return any(c.lower_ == "at" for c in adverb.children) or (
        adverb.i > 0 and adverb.doc[adverb.i - 1].lower_ == "at"
    )


def _placed_somewhere(verb) -> bool:
    """A participle with a phrase of place, time or means of its own."""
    return any(c.dep_ in ("prep", "agent", "npadvmod", "tmod") for c in verb.children)


def _impersonal(clause: PassiveClause) -> bool:
    """ "It was assumed that ...", "It had been believed for years that ...":
    an impersonal passive of believing with a that-clause reports that
    someone believed, in any tense (not "it was thought to be 80%")."""
    subject, verb = clause.subject, clause.verb
    if subject is None or subject.lower_ != "it":
        return False
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return True
    # the parser may hang the passive on the that-clause as a parenthetical
    head = verb.head
    return (
        verb.dep_ in ("ccomp", "parataxis")
        and head.i > verb.i
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children)
    )


def _arranged(clause: PassiveClause, lex: PassiveLexicon) -> bool:
    """A state someone arranges, under a modal of duty: "the expiry should be
    tied to the retry window" says what is to be done."""
    return in_class(clause.verb, lex.arrangements) and tense_of(clause).modal in DEONTIC


def _purpose(verb) -> bool:
    """An infinitive or "for" of purpose after the participle: "built to do",
    "built to be fault-tolerant", "built for a world where nothing restarts"."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "advcl") and c.i > verb.i and any(t.tag_ == "TO" for t in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and c.i > verb.i:
            return True
    return False


def _pro_purpose(verb) -> bool:
    """The participle's purpose is the pro-verb "do": "what it was written to
    do", "as it was programmed to do" say what a thing is for, whatever made it."""
    return any(
        c.dep_ in ("xcomp", "advcl") and c.i > verb.i and c.lemma_.lower() == "do" and _infinitive_of(c)
        for c in verb.children
    )


def _infinitive_of(verb) -> bool:
    return any(t.tag_ == "TO" for t in verb.children)


def _where(verb) -> bool:
    """The clause says where something is: "where the binders are kept"."""
    return any(
        c.dep_ == "advmod" and c.lower_ in ("where", "wherever") and c.i < verb.i for c in verb.children
    )


IMAGINING_MODALS = frozenset({"would", "could", "might"})


def _imagined(clause: PassiveClause, lex: PassiveLexicon, tense: Tense) -> bool:
    """A passive in an imagined situation reports nothing that was done: a
    clause of manner after "as if" / "as though" ("we proceed as if every key
    were leaked"), and a condition in the past subjunctive under a present
    "would / could / might" ("if the steps were printed on the wall, they
    still couldn't follow them"). A past counterfactual ("if it had been
    caught, ...") is left to the rules: it judges what was done."""
    verb = clause.verb
    if clause.kind not in (BE_PASSIVE, GET_PASSIVE):
        return False
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "as if the keys were leaked and reused"
    marks = [c for c in head.children if c.dep_ in ("mark", "advmod") and c.i < head.i]
    words = " ".join(m.lower_ for m in marks)
    if any(phrase in words for phrase in lex.hypothetical_marks):
        return True
    if tense.modal in IMAGINING_MODALS and not tense.perfect:
        # the consequence: "if the backups were copied, a bucket could be restored"
        return any(_subjunctive_condition(c) for c in head.children if c.dep_ == "advcl")
    if not tense.plain or tense.present or not _subjunctive_condition(head):
        return False
    main = tense_of_verb(head.head)
    return main.modal in IMAGINING_MODALS and not main.perfect


def _subjunctive_condition(verb) -> bool:
    """An "if" / "unless" clause in the simple past ("if it were printed")."""
    if verb.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") and c.i < verb.i for c in verb.children
    ):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    finite = next((a for a in aux if a.tag_ in ("MD", "VBD", "VBZ", "VBP")), verb)
    return finite.tag_ == "VBD" and not any(a.lemma_ == "have" or a.tag_ == "MD" for a in aux)


def _adjective(token) -> bool:
    """A real adjective ("slow"), not a participle the tagger called one
    ("never unmuted"), nor an ordinal with its article standing for a noun
    ("was made at 09:02 and the second at 09:14": a gapped clause)."""
    if any(c.dep_ == "det" for c in token.children):
        return False
    return token.tag_ == "JJ" and not token.lower_.endswith(("ed", "en"))


def _denied(subject) -> bool:
    """A subject that says nothing of its kind was touched: "no card", "nothing", "none"."""
    return subject is not None and (
        negative_subject(subject) or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
    )


def why_not_event(
    clause: PassiveClause,
    lex: PassiveLexicon,
    sent,
    in_timeline: bool = False,
    is_person: Callable[[object], bool] = lambda tok: False,
    entry: bool | None = None,
    narrated: Callable[[PassiveClause], bool] = lambda clause: False,
) -> str | None:
    """None when the clause reports an event; otherwise a short reason.
    ``in_timeline``: the sentence sits in a timeline section, where the
    simple present narrates ("14:05 Config is rolled back"); ``entry``: it
    is a timestamped timeline entry (computed when not given). ``is_person``
    tells people from things (a feeling needs someone to feel it: "We were
    committed to ..." is clean, "The key was committed to a repository" not);
    ``narrated`` whether a present clause tells the story of a document
    narrated in the present ("The failed drives are pulled")."""
    verb = clause.verb
    if _fixed_phrase(verb, lex):
        return "formula"
    if _quoted(verb):
        return "quoted"
    if in_class(verb, lex.impact):
        return "impact"
    if in_class(verb, lex.harms) and _denied(clause.subject):
        return "impact"  # "No ledger data was changed": a harm that did not happen
    if in_class(verb, lex.consumption) and clause.subject is not None:
        if clause.subject.lemma_.lower() in lex.allowances:
            return "state"  # "The error budget was spent by Thursday"
    # a present report of a finding ("is believed to have drained"); a past one
    # may tell what people thought then ("was thought to be 80%")
    reports = (_reports(verb, lex) and tense_of(clause).present) or (
        in_class(verb, lex.reporting) and _impersonal(clause)
    )
    if in_class(verb, lex.states) and not reports and not _arranged(clause, lex):
        return "state"
    if in_class(verb, lex.places):
        entry = is_timeline_entry(sent) if entry is None else entry
        if not _found(clause, in_timeline, entry):
            return "state"  # "hosted in our EU region" (but "Cut located in shared duct" in a timeline)
    if in_class(verb, lex.accustomed) and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return "state"  # "we were used to the API answering fast": accustomed
    if in_class(verb, lex.psych) and (
        not _thing(clause.subject, is_person) or (clause.kind == FRAGMENT and verb.tag_ == "JJ")
    ):
        # (also a headline's participle of feeling read as an adjective: "Teenager satisfied")
        return "feeling"
    governor = clause.governor
    tense = tense_of(clause)
    if _state_marked(verb, lex, tense):
        return "state"
    if tense.infinitive and governor is not None and in_class(governor, lex.design_heads):
        return "design"
    if in_class(verb, lex.purpose_verbs) and tense.plain and _purpose(verb) and not has_event_cue(verb, lex):
        return "design"  # "did what it was built to do", "was built for a world where ..."
    if in_class(verb, lex.making_verbs) and tense.plain and _pro_purpose(verb):
        return "design"  # "did exactly what it was written to do", "as it was coded to do"
    if in_class(verb, lex.storage) and _where(verb):
        return "state"  # "nobody knew where the spare keys were kept"
    if _imagined(clause, lex, tense):
        return "hypothetical"  # "as if the change were approved", "if the steps were printed, ..."
    construction = _construction(clause, lex, tense)
    if construction is not None:
        return construction
    if clause.kind == PARTICIPLE:
        mark = child(verb, "mark", "advmod")
        if mark is not None and mark.lower_ in AS_THAN or in_class(verb, lex.formulas):
            return "formula"
    if (
        verb.lemma_.lower() in DISCOURSE
        and tense.modal
        and clause.subject is not None
        and clause.subject.lower_ == "it"
    ):
        return "formula"
    if entry is None:
        entry = is_timeline_entry(sent)
    # "should have been load-tested": what ought to have been done is an act, not a state
    counterfactual = bool(tense.modal) and tense.perfect
    if clause.adjectival and not (
        entry
        or counterfactual
        or _reporting(verb)
        or _placed(verb, lex)
        or any(_placed(a, lex) for a in clause.aux)
    ):
        return "adjective"
    if _kind_described(clause) and not (entry or has_event_cue(verb, lex)):
        return "generic"
    if (
        _generic(clause, tense)
        and not (entry or in_timeline)
        and not has_moment(verb, lex)
        and not reports
        and not _told(clause, lex)
        and not _decided(clause, lex, tense)
        and not _narrated(clause, lex)
        and not (tense.simple_present and narrated(clause))
    ):
        return "generic"
    if clause.kind == REDUCED and not (entry and _headline_subject(clause)) and not has_event_cue(verb, lex):
        return "description"
    if _alternative(verb):
        return "alternative"
    if (
        clause.kind in (BE_PASSIVE, GET_PASSIVE)
        and tense.plain
        and in_class(verb, lex.settings)
        and not (entry and not _explains(verb))
        and not (in_timeline and tense.present and not _explains(verb))  # "Requests are routed to eu-west"
        and not _why_asked(verb)
        and not has_event_cue(verb, lex)
        and not _to_be_done(verb)
    ):
        return "setting"
    return None


def _construction(clause: PassiveClause, lex: PassiveLexicon, tense: Tense) -> str | None:
    """Constructions in which a participle reports no act: a name after a
    verb of naming ("a package type called protestware"), the extent of a
    problem ("the issue was isolated to one partition"; but "access should be
    limited to the on-call role" is to be done), the situation something was
    left in ("we were left with one option"), a state under a verb of
    knowing ("teams confirmed the issue to be resolved"), and an event that
    is kept from happening ("safeguards to prevent capacity from being
    removed", "the proxy didn't allow the headers to be forwarded")."""
    verb = clause.verb
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    if in_class(verb, lex.naming) and any(c.dep_ in ("oprd", "attr") for c in verb.children):
        return "naming"
    if tense.plain and "to" in preps and in_class(verb, lex.extent) and not _amount(preps["to"], lex):
        return "extent"
    if in_class(verb, lex.situations) and {"with", "without"} & preps.keys():
        return "state"
    governor = clause.governor
    if tense.infinitive and governor is not None and in_class(governor, lex.belief_heads):
        return "state"
    if (
        tense.infinitive
        and governor is not None
        and in_class(governor, lex.request_heads)
        and any(c.dep_ == "neg" and c.i < verb.i for c in verb.children)
    ):
        return "wish"  # "asked not to be named": a wish that it not happen
    if _prevented(verb, lex) or (
        tense.infinitive
        and governor is not None
        and in_class(governor, lex.permission_heads)
        and tense_of_verb(governor).negated
    ):
        return "prevented"
    return None


def _amount(prep, lex: PassiveLexicon) -> bool:
    """ "to 100 per second", "to two hours", "to 5%": a value, not an extent; a
    count of things is an extent ("to two tenants", "to 18 partitions")."""
    noun = child(prep, "pobj")
    if noun is not None and noun.pos_ in ("NOUN", "PROPN") and not noun.like_num:
        counted = any(c.dep_ == "nummod" for c in noun.children)
        per = any(c.lower_ in ("per", "a", "an") for c in noun.subtree if c.i > noun.i)
        if counted and not per and noun.lemma_.lower() not in lex.amount_units:
            return False
    return any(t.like_num or t.lemma_.lower() in lex.amount_units for t in prep.subtree)


def _prevented(verb, lex: PassiveLexicon) -> bool:
    """A passive kept from happening: "prevent X from being removed", "keep
    the pods from being evicted" (but "kept getting preempted" happened)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "from":
        return False
    return in_class(prep.head, lex.preventive_heads)


def _thing(subject, is_person) -> bool:
    """A subject that cannot have feelings: "it", "this", or a common noun
    that does not name people ("the key"); for "most of the impact" the noun
    after "of"."""
    if subject is None:
        return False
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if subject.pos_ in ("ADJ", "DET", "NUM", "PRON") and of is not None:
        subject = child(of, "pobj") or subject
    if subject.lower_ in ("it", "this", "that", "which"):
        return True
    return subject.pos_ in ("NOUN", "PROPN") and known_word(subject.lower_) and not is_person(subject)


FINITE_OR_PARTICIPLE = frozenset({"VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})


def _headline_subject(clause: PassiveClause) -> bool:
    """In a timeline entry, whether the noun before the participle opens its
    fragment (nothing verbal before it since the timestamp or a semicolon):
    "16:20 — Support notified; canned reply prepared" is an event, "Started
    scanning the images used on the cluster" describes the images."""
    noun = clause.subject
    if noun is None:
        return False
    sent = noun.sent
    start = timestamp_end(sent)
    for tok in sent[max(start, sent.start) - sent.start : noun.i - sent.start]:
        if tok.text == ";":
            start = tok.i + 1
    return not any(t.tag_ in FINITE_OR_PARTICIPLE for t in noun.doc[start : noun.left_edge.i])


def _fixed_phrase(verb, lex: PassiveLexicon) -> bool:
    """The participle ends a fixed expression of the data ("That being said",
    "nowhere to be found", "to get acquainted")."""
    doc = verb.doc
    for size in {len(p.split()) for p in lex.fixed_phrases}:
        start = verb.i - size + 1
        if (
            start >= verb.sent.start
            and " ".join(t.lower_ for t in doc[start : verb.i + 1]) in lex.fixed_phrases
        ):
            return True
    return False


QUOTES = frozenset({'"', "\u201c", "\u201d"})


def _quoted(verb) -> bool:
    """The participle sits inside quoted words that the sentence mentions, a
    log line or an error message (Postgres logs "database must be vacuumed"),
    not inside a sentence that is quoted whole (a remark in quotation marks)."""
    sent = verb.sent
    marks = [t for t in sent if t.text in QUOTES and t.i < verb.i]
    if len(marks) % 2 == 0:
        return False
    opening = marks[-1]
    return any(t.is_alpha for t in verb.doc[sent.start : opening.i])


def _reports(verb, lex: PassiveLexicon) -> bool:
    """A passive of believing or reporting with a clause of its own: "It is
    suspected that ...", "is believed to have drained" (not "as expected")."""
    return in_class(verb, lex.reporting) and _reporting(verb)


FIRST_PERSON = frozenset({"i", "we", "me", "us"})


DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})


def _decided(clause: PassiveClause, lex: PassiveLexicon, tense: Tense) -> bool:
    """ "This explanation is not accepted", "That request is denied": a decision
    announced now about one thing pointed at, without saying who decides (not
    "Requests are rejected when the quota is full": a rule)."""
    subject = clause.subject
    if not tense.simple_present or subject is None or not in_class(clause.verb, lex.decision_verbs):
        return False
    if any(c.dep_ == "advcl" or c.lower_ == "by" for c in clause.verb.children):
        return False  # "This request is approved once the form is signed", "... by clicking": a rule
    if _has_object_noun(clause.verb):
        return False  # "This is accepted practice": an adjective before its noun
    return subject.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in subject.children
    )


def _has_object_noun(verb) -> bool:
    return any(c.dep_ in ("dobj", "attr", "oprd") and c.pos_ == "NOUN" for c in verb.children)


def _told(clause: PassiveClause, lex: PassiveLexicon) -> bool:
    """ "I am told the copy was approved in March", "we are assured that ...":
    the writer reports what someone told them, in the present, without saying who."""
    subject = clause.subject
    if subject is None or subject.lower_ not in ("i", "we") or not in_class(clause.verb, lex.informing_verbs):
        return False
    return any(c.dep_ == "ccomp" and c.i > clause.verb.i for c in clause.verb.children)


def _narrated(clause: PassiveClause, lex: PassiveLexicon) -> bool:
    """A present get-passive with a first-person subject narrates a story
    ("I get pulled into a call", "we get paged at 02:10"), unless it says how
    often ("we get paged every night", "whenever the disk fills")."""
    subject = clause.subject
    if clause.kind != GET_PASSIVE or subject is None or subject.lower_ not in FIRST_PERSON:
        return False
    verb = clause.verb
    if any(_habitual(c) for c in _modifiers(verb)):
        return False
    return not any(c.dep_ == "advcl" for c in verb.children)


INDEFINITE = frozenset({"a", "an", "any", "every", "each"})


def _kind_described(clause: PassiveClause) -> bool:
    """A relative clause that picks out a kind of thing in a general
    statement or advice, not an event: "A backup that has not been restored
    is a hope", "never suppress an alert whose previous instance was
    resolved". Its noun is indefinite ("a", "any", "every") and the clause it
    sits in is in the simple present or an imperative."""
    verb = clause.verb
    if verb.dep_ != "relcl":
        return False
    noun = verb.head
    if not any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in noun.children):
        return False
    if any(t.pos_ == "VERB" for t in verb.doc[noun.i + 1 : verb.left_edge.i]):
        return False  # "A member asked who would be held ...": a question the parser hung on the noun
    main = noun.head
    while main.dep_ in ("prep", "pobj", "conj", "appos") and main.head.i != main.i:
        main = main.head
    if main.pos_ not in ("VERB", "AUX"):
        return False
    if main.tag_ in ("VBZ", "VBP") and not tense_of_verb(main).modal:
        return True
    # an imperative; a label before a colon is no subject ("Paging bot: never suppress ...")
    return main.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") and not any(t.text == ":" for t in main.doc[c.i : main.i])
        for c in main.children
    )


def _why_asked(verb) -> bool:
    """ "Why wasn't the alert routed to the team?": asking why something was
    (not) set asks about an act, not a standing state."""
    sent = verb.sent
    words = [t for t in sent if not t.is_space]
    return bool(words) and words[-1].text == "?" and any(t.lower_ == "why" and t.i < verb.i for t in words)


def _explains(verb) -> bool:
    """In a timeline entry, a clause after a colon that follows a clause of
    its own explains the event before it ("06:12 The guard does not trip:
    the limit is set only for IPv6"): how something was set, not a change."""
    sent = verb.sent
    start = timestamp_end(sent)
    colon = next((t for t in sent if start <= t.i < verb.i and t.text == ":"), None)
    if colon is None:
        return False
    return any(t.tag_ in ("VBZ", "VBP", "VBD") for t in verb.doc[start : colon.i])


def _alternative(verb) -> bool:
    """A participle joined by "rather than" or "instead of" names what was
    not done ("were hardcoded rather than externalized")."""
    if verb.dep_ != "conj" or verb.head.i >= verb.i:
        return False
    between = verb.doc[verb.head.i + 1 : verb.i]
    return any(t.lower_ in ("than", "instead") and t.head.i in (verb.head.i, verb.i) for t in between)


def _inverted_condition(clause: PassiveClause) -> bool:
    """ "Should such a state be reached, ...": "should" before the subject
    outside a question is a condition, not a duty."""
    verb = clause.verb
    should = next((a for a in clause.aux if modals.modal(a) == "should"), None)
    if should is None or verb.sent[-1].text == "?":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > should.i for c in verb.children)


def _generic(clause: PassiveClause, tense: Tense) -> bool:
    if _inverted_condition(clause):
        return True
    if tense.simple_present:
        return not _to_be_done(clause.verb)
    # "The timeout can be configured per route", "Records cannot be skipped":
    # ability in the present ("could not be promoted" is what happened).
    return tense.modal in ABILITY_MODALS and not tense.perfect


def _to_be_done(verb) -> bool:
    """A present passive under a future, deontic or imperative clause reports
    something to be done: "Once the fix is deployed, we will re-enable the
    job", "Make sure the flag is removed"."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "once the review is done and the items are agreed"
    if verb.dep_ not in ("advcl", "ccomp") or verb.head.i == verb.i:
        return False
    head = verb.head
    if head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head  # "make sure": "sure" hangs on "make"
    if (modals.modal(head) or tense_of_verb(head).modal) in DEONTIC:
        return True
    if head.lemma_.lower() in DISCOURSE:
        return False  # "Note: our reviews are held weekly" points at a fact
    return (
        head.tag_ == "VB"
        and head.dep_ == "ROOT"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    )
