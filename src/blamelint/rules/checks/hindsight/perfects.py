"""Modal perfects: "should / ought to / could / would / might have" + participle.

A modal perfect is hindsight when it judges what people did or could have done
("We should have rolled back", "This could have been caught in staging", "A
soak test would have revealed the leak"); it is clean when it states designed
behaviour ("The standby should have taken over"), a possibility or an
inference ("The lag could have been network jitter", "Someone must have changed
it"), the impact ("Customers would have seen 502s"), or credits a safeguard.

``read`` gathers what the steps need; the steps of ``STEPS`` are tried in
order, each returning ``(kind, first, last)``, CLEAN (decided: no finding), or
None (not decided: the next step is tried).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from blamelint.grammar.clauses import QUOTES, agent_noun, clause_subject, in_quotes, is_negated, is_passive
from blamelint.rules.checks.hindsight.conditions import inversion_judges, inversions, past_condition
from blamelint.rules.checks.hindsight.lexicon import (
    HindsightLexicon,
    hypothetical,
    hypothetical_means,
    modal,
    modal_word,
    perfect,
)

CLEAN = "clean"
FUTURE_MODALS = frozenset({"will", "shall"})


@dataclass
class Perfect:
    """A verb under a modal perfect and what the steps read of it."""

    verb: Any
    modal: str
    first: Any  # the modal (or the verb's head for "ought to have")
    lemma: str
    doer: Any
    person: bool  # the doer is a person, a team, or a thing people do
    passive: bool
    outcome: bool  # the verb names a good outcome ("avoided", "caught")


def read(lex: HindsightLexicon, verb) -> Perfect | None:
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    found = modal(verb)
    if found is None or perfect(verb) is None or found in FUTURE_MODALS:
        return None  # (a future perfect presumes or foretells: "Most of you will have heard that ...")
    first = modal_word(verb) or verb.head
    doer = lex.doer(verb)
    return Perfect(
        verb,
        found,
        first,
        verb.lemma_.lower(),
        doer,
        lex.human(doer),
        is_passive(verb) or compound_participle(verb),
        lex.outcome(verb),
    )


def compound_participle(verb) -> bool:
    """ "should have been load tested": the tagger reads the first half of a
    compound verb as the noun complement of "been" and the participle as
    hanging on it; read as the passive it is."""
    if verb.lemma_ != "be":
        return False
    return any(
        c.dep_ in ("attr", "acomp")
        and c.i == verb.i + 1
        and any(g.dep_ == "acl" and g.tag_ == "VBN" and g.i == c.i + 1 for g in c.children)
        for c in verb.children
    )


def disowned(lex: HindsightLexicon, p: Perfect):
    """A judgment reported as what nobody said or what someone would say, not
    made by the writer: 'Nobody said "Bayo should have checked"', "A lazy
    reading would say that I should have watched the dashboard"."""
    verb = p.verb
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex.data.saying_verbs:
        return None
    says = verb.head
    if is_negated(says) or lex.nobody(clause_subject(says)) or modal(says) in ("would", "could", "might"):
        return CLEAN
    if says.dep_ == "xcomp" and (
        says.head.lemma_.lower() in lex.data.disowning_adjectives
        or any(c.dep_ == "acomp" and c.lower_ in lex.data.disowning_adjectives for c in says.head.children)
    ):
        return CLEAN  # "It is tempting / easy to say that someone should have checked": set aside
    return None


def asked(lex: HindsightLexicon, p: Perfect):
    """ "Kwame asked whether he should have tested it", "Someone wondered if
    the analyst should have known better": a judgment put as a question that
    the sentence reports, not one it makes."""
    clause = p.verb
    if clause.dep_ not in ("ccomp", "advcl") or clause.head.lemma_.lower() not in lex.data.asking_verbs:
        return None  # ("if" after "wondered" is read as a condition by the parser)
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return CLEAN
    return None


def own_account(lex: HindsightLexicon, p: Perfect):
    """ "He says he would have raised a ticket had the form asked for one": what
    a person says they themselves would have done is their account, reported,
    not the writer's judgment (but "He says he should have checked" judges)."""
    if p.modal != "would" or p.doer is None or p.doer.pos_ != "PRON":
        return None
    clause = p.verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in lex.data.saying_verbs:
        return None
    speaker = clause_subject(clause.head)
    if speaker is None or speaker.lower_ != p.doer.lower_ or speaker.lower_ in ("i", "we"):
        return None
    return CLEAN


def same_outcome(lex: HindsightLexicon, p: Perfect):
    """ "If Dov had run the same script, the result would have been identical": the
    outcome that happened, whatever was done, defends what was done (but "would have
    been different" imagines another outcome)."""
    same = lex.data.same_outcome_words
    said = [c for c in p.verb.children if c.dep_ in ("acomp", "attr")]
    if p.verb.lemma_ == "be" and any(c.lemma_.lower() in same for c in said):
        return CLEAN
    return None


def conditioned(lex: HindsightLexicon, p: Perfect):
    """With a past condition ("Had we tested, we would have caught it"), the
    condition decides."""
    # a consequence coordinated to another shares its condition ("Had the cache expired at 10am,
    # three of us would have been awake and someone would have asked")
    # (judged with the consequence it hangs on)
    verbs = (p.verb, p.verb.head) if p.verb.dep_ == "conj" else (p.verb,)
    governed = [(c, v) for v in verbs for c in v.children if past_condition(c) and c != p.verb]
    misread = [inv for inv in inversions(p.verb.sent) if inv.main in verbs]
    if not governed and not misread:
        return None
    if any(lex.judges_action(c, v) for c, v in governed) or any(
        inversion_judges(lex, inv) for inv in misread
    ):
        return "counterfactual", p.first, p.verb
    return CLEAN


def credited(lex: HindsightLexicon, p: Perfect):
    """ "Without the circuit breaker the failure would have spread": a
    safeguard credited; "By design, the worker should have stopped": designed
    behaviour; "...; otherwise we would have waited longer": what was there,
    credited (but "otherwise we would have caught it" names a good outcome)."""
    if lex.phrase_on(p.verb, lex.designs):
        return CLEAN
    if p.modal not in ("should", "ought") and lex.credited(p.verb):
        return CLEAN
    if p.modal not in ("should", "ought") and p.verb.dep_ == "conj" and lex.credited(p.verb.head):
        return CLEAN  # "Without the timeout the batch would have failed, and we would have had a worse night"
    if (
        p.modal not in ("should", "ought")
        and not p.outcome
        and any(c.dep_ == "advmod" and c.lower_ in lex.data.alternative_adverbs for c in p.verb.children)
    ):
        return CLEAN
    return None


def retracted(lex: HindsightLexicon, p: Perfect):
    """'My first note read "Tomasz should have stopped the retries," and it
    was wrong', "My first draft said the on-call should have escalated; that
    was unfair": a judgment quoted or reported, then retracted by the writer
    outside it, in the same sentence or the next one of the paragraph ('A
    reviewer wrote that the DBA "should have checked the lag". We did not
    accept that.')."""
    sent = p.verb.sent
    if in_quotes(p.first, p.verb):
        quote = [t.i for t in sent if t.text in QUOTES]
        inside = set(range(quote[0], quote[-1] + 1))
    elif p.verb.dep_ == "ccomp" and p.verb.head.lemma_.lower() in lex.data.saying_verbs:
        # the reported clause, without a clause of the writer's coordinated to it ("..., and I was wrong")
        after = [c for c in p.verb.children if c.dep_ == "conj" and clause_subject(c) is not None]
        inside = {t.i for t in p.verb.subtree} - {t.i for c in after for t in c.subtree}
    else:
        return None
    following = next(iter(sent.doc[sent.end :].sents), None) if sent.end < len(sent.doc) else None
    if rejects(lex, [t for t in sent if t.i not in inside]) or (
        following is not None and rejects(lex, list(following))
    ):
        return CLEAN
    return None


def rejects(lex: HindsightLexicon, tokens) -> bool:
    """The words reject a judgment: a word of retraction ("wrong", "unfair", "we
    disagree"), a negated verb of acceptance ("the panel did not accept this") or
    of fairness ("that wasn't a fair thing to say"), or hindsight named as what
    the judgment is ("That would be hindsight")."""
    for t in tokens:
        lemma = t.lemma_.lower()
        if lemma in lex.data.retraction_words and t.dep_ != "amod":
            return True
        if lemma in lex.data.acceptance_verbs and is_negated(t):
            return True
        if lemma in lex.data.fairness_words and negated_predicate(t):
            return True
        if lemma == "hindsight" and t.dep_ in ("nsubj", "attr", "acomp"):
            return True
    return False


def negated_predicate(word) -> bool:
    """ "wasn't fair", "wasn't a fair thing to say": the word, or the noun it
    describes, is the predicate of a negated verb."""
    head = word.head if word.dep_ == "amod" else word
    return is_negated(head) or (head.dep_ in ("acomp", "attr") and is_negated(head.head))


def met(lex: HindsightLexicon, p: Perfect):
    """ "..., which is what they should have done": the behaviour that
    happened called the expected one (a free relative complement of an
    affirmed "be"), not a judgment of a gap; "The on-call did everything they
    could have done" credits it."""
    verb = p.verb
    whole = verb.head
    if (
        verb.dep_ == "relcl"
        and whole.lower_ in ("everything", "all")
        and whole.dep_ == "dobj"
        and not is_negated(whole.head)
    ):
        return CLEAN
    if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubj", "attr") for c in verb.children):
        return None
    be = verb.head
    if verb.dep_ in ("ccomp", "attr", "xcomp") and be.lemma_ == "be" and not is_negated(be):
        return CLEAN
    return None


def doubted(lex: HindsightLexicon, p: Perfect):
    """ "I'm not sure the outcome would have been better", "I doubt a canary
    would have caught it", "I'd like to think I would have noticed": a
    would-have the writer weighs or hopes for, not asserts."""
    if p.modal in ("should", "ought") or p.verb.dep_ != "ccomp":
        return None
    head = p.verb.head
    lemma = head.lemma_.lower()
    if lemma in lex.data.doubt_words:
        return CLEAN
    if lemma in lex.data.certainty_words and (is_negated(head) or is_negated(head.head)):
        return CLEAN
    if head.dep_ == "xcomp" and head.head.lemma_.lower() in lex.data.wish_verbs:
        return CLEAN  # "I'd like to think I would have caught it": a hope, not a verdict
    return None


def by_policy(lex: HindsightLexicon, p: Perfect):
    """ "Per the runbook, the secondary should have been paged after ten
    minutes", "Under our SLA, customers should have been told within the
    hour": the expectation was set in advance by a named policy."""
    if p.modal not in ("should", "ought"):
        return None
    for c in p.verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("per", "under", "according"):
            continue
        prep = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "to"), c)
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() in lex.data.policy_nouns:
            return CLEAN
    return None


def ahead(lex: HindsightLexicon, p: Perfect):
    """ "The fix should have rolled out everywhere by tomorrow": a future
    perfect, an expectation about what is still to come."""
    if p.modal not in ("should", "ought"):
        return None
    if any(t.lower_ in lex.data.future_words for t in p.verb.subtree if t.i > p.verb.i):
        return CLEAN
    return None


def scheduled(lex: HindsightLexicon, p: Perfect):
    """ "Status updates should have been posted every 30 minutes": a passive
    should-have of communication on a recurring schedule states a cadence
    agreed in advance (status updates, reports)."""
    if p.modal not in ("should", "ought") or not p.passive or p.lemma not in lex.data.cadence_verbs:
        return None  # "Backups should have been tested every month" judges a practice
    for c in p.verb.children:
        if c.dep_ == "advmod" and c.lower_ in lex.data.schedule_adverbs:
            return CLEAN
        if c.dep_ in ("npadvmod", "prep", "advmod") and any(
            t.dep_ == "det" and t.lower_ in ("every", "each") for t in c.subtree
        ):
            return CLEAN
    return None


def better_person(lex: HindsightLexicon, p: Perfect):
    """ "which a more experienced on-call would not have done", "A careful
    reviewer would have caught it": what a better person would have done
    judges the people who were there, negated or not."""
    if p.modal in ("would", "could") and not p.passive and lex.better_person(p.doer) and not same(p):
        return p.modal, p.first, p.verb
    if p.modal in ("would", "could") and not p.passive and yardstick(lex, p.doer) and not same(p):
        return p.modal, p.first, p.verb  # "a professional would have kept an eye on it"
    return None


def yardstick(lex: HindsightLexicon, doer) -> bool:
    """ "a professional", "any grown-up": a person by the standard they meet."""
    return (
        doer is not None
        and doer.lower_ in lex.data.yardstick_people
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in doer.children)
        and not any(c.lower_ == "even" for c in doer.children)
    )


def evaluative(lex: HindsightLexicon, p: Perfect):
    """ "would have been better", "should have been a red flag"."""
    if p.modal in ("would", "should", "ought") and lex.evaluative(p.verb):
        return ("should" if p.modal != "would" else "would"), p.first, p.verb
    return None


def epistemic(lex: HindsightLexicon, p: Perfect):
    """ "Someone must have changed it" infers; "We might have avoided it" judges."""
    if p.modal not in lex.data.epistemic_modals:
        return None
    if p.modal != "must" and p.outcome and (p.person or p.passive):
        return "could", p.first, p.verb
    return CLEAN


def eased(lex: HindsightLexicon, p: Perfect):
    """ "Any one of them could easily have stopped this", "We could easily
    have caught it": the ease of the better action is the judgment."""
    if (
        p.modal == "could"
        and not is_negated(p.verb)
        and (p.outcome or p.person and not copula(p))
        and any(c.dep_ == "advmod" and c.lower_ in lex.data.ease_adverbs for c in p.verb.children)
    ):
        return "could", p.first, p.verb  # also "Some of you could just have read the diff"
    return None


def generic_doer(lex: HindsightLexicon, p: Perfect):
    """Said of nobody or of anyone, a modal perfect defends what was done or
    states what was possible ("Nobody reading it would have stopped there",
    "Any operator could have restarted it", "I'd have done the same"); but
    anyone narrowed to the diligent is a sarcastic judgment ("Any developer
    paying attention would have seen the warning")."""
    if p.passive:
        return None
    doer = p.doer
    if doer is not None and doer.dep_ == "csubj":
        doer = clause_subject(doer) or doer  # "Nobody reading it would have stopped"
    if lex.nobody(doer) and p.modal == "would":
        return CLEAN  # but "nobody could have seen that coming" is foreseeability, often sarcastic
    if lex.nobody(doer) and p.modal == "could" and doer.pos_ == "NOUN" and doer.lower_ not in ("one",):
        return CLEAN  # "No reviewer could have seen this in the PR": a role defended by what it could see
    foreseeing = p.lemma in lex.data.knowing_verbs
    if lex.nobody(doer) and p.modal == "could" and foreseeing and not mock_surprise(doer):
        return CLEAN  # "Nobody could have known the vendor drops codes": not foreseeable, said plainly
    if same(p, lex) and p.modal in ("would", "could", "might"):
        return CLEAN  # "I'd have done the same" (but "We should have made the same check" judges)
    if lex.anybody(doer):
        if lex.diligent(doer):
            return ("could" if p.modal == "could" else "would"), p.first, p.verb
        return CLEAN
    return None


def mock_surprise(doer) -> bool:
    """The sentence opens with a one-word exclamation ("Shocking, nobody could have
    predicted that", "Wow, ..."): the denial is sarcastic."""
    words = [t for t in doer.sent if t.is_alpha and t.i < doer.i]
    first = words[0] if words else None
    return (
        first is not None
        and first.pos_ in ("ADJ", "INTJ", "ADV")
        and first.i + 1 < len(first.doc)
        and first.doc[first.i + 1].text in (",", "!")
    )


def same(p: Perfect, lex: HindsightLexicon | None = None) -> bool:
    """ "would have done the same", "would have made the same call": what
    anyone would have done defends what was done; so does the writer's "I
    would have missed it too"."""
    if (
        lex is not None
        and p.doer is not None
        and p.doer.lower_ in ("i", "we")
        and any(c.dep_ == "advmod" and c.lower_ in lex.data.additive_adverbs for c in p.verb.children)
    ):
        return True
    if p.lemma == "do" and any(
        c.dep_ in ("dobj", "advmod") and c.lower_ in ("same", "likewise") for c in p.verb.children
    ):
        return True
    return any(
        c.dep_ == "dobj" and (c.lower_ == "same" or any(g.lower_ == "same" for g in c.children))
        for c in p.verb.children
    )  # "would have made the same call", "I'd have assumed the same"


def not_knowable(lex: HindsightLexicon, p: Perfect):
    """ "We could not have known": what was possible then."""
    return CLEAN if p.modal == "could" and is_negated(p.verb) else None


def obligation(lex: HindsightLexicon, p: Perfect):
    """ "should / ought to have": about people or a passive, not about designed
    behaviour ("The standby should have taken over", "should have been blocked
    by the canary analysis", "should have been automatically corrected",
    "should have taken twenty minutes"); "This should never have happened"."""
    if p.modal not in ("should", "ought"):
        return None
    verb = p.verb
    if p.lemma == "know" and any(c.lower_ == "better" for c in verb.children):
        return "should", p.first, verb  # "should have known better", whoever the subject
    if p.lemma in lex.data.dependence_verbs:
        return "should", p.first, verb  # "A single-feed hall should never have depended on a manual step"
    if p.doer is None and verb.dep_ == "ROOT" and not p.passive and not copula(p) and verb.i == p.first.i + 2:
        return "should", p.first, verb  # a note's "should've caught this": "we" left out
    agent = agent_noun(verb) if p.passive else None
    if agent is not None and not lex.human(agent):
        return CLEAN
    if p.passive and any(c.dep_ == "advmod" and c.lower_ in lex.data.design_adverbs for c in verb.children):
        return CLEAN
    if not p.passive and p.lemma in lex.data.behaviour_verbs and not lex.people.is_person(p.doer):
        return CLEAN  # "The backfill should have refused to run": designed behaviour
    if p.passive or (p.person and not (lex.expected_duration(verb) and not lex.people.is_person(p.doer))):
        return "should", p.first, verb
    if (
        p.lemma in lex.data.event_verbs
        and is_negated(verb)
        and p.doer is not None
        and p.doer.lemma_.lower() in lex.data.event_subjects
    ):
        return "should", p.first, verb
    return CLEAN


def copula(p: Perfect) -> bool:
    return p.lemma == "be" and not p.passive


def remedy(lex: HindsightLexicon, p: Perfect) -> bool:
    """A good outcome credited to a remedy that was not there ("A canary stage
    would have caught the bad build", "This would have detected it")."""
    return (
        p.outcome
        and p.doer is not None
        and (hypothetical(p.doer) or p.doer.lower_ in lex.data.remedy_pronouns or bare_act(lex, p.doer))
    )


DEVERBAL_ENDINGS = ("tion", "sion", "ment")
"""How nouns made of verbs end ("escalation", "intervention", "containment")."""


def bare_act(lex: HindsightLexicon, noun) -> bool:
    """An act named without an article, one that was not done: "Escalation at 09:33
    would have saved most of the loss", "Rollback at 14:10 would have ..." (a noun
    of doing, singular, no determiner nor owner)."""
    if noun.tag_ != "NN" or noun.pos_ != "NOUN":
        return False
    if any(c.dep_ in ("det", "poss") for c in noun.children):
        return False
    return lex.people.is_action(noun) or noun.lower_.endswith(DEVERBAL_ENDINGS)


def ability(lex: HindsightLexicon, p: Perfect):
    """ "We could have rolled back sooner"; "The lag could have been network
    jitter" is a possibility."""
    if p.modal != "could":
        return None
    if p.passive and p.lemma in lex.data.exposure_verbs:
        return CLEAN  # "The tokens could have been used to sign in": what was exposed
    if (
        not p.passive
        and p.doer is not None
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in p.doer.children)
    ):
        return CLEAN  # "A second reviewer could have caught it": what was possible
    if not copula(p) and (p.person or p.passive or remedy(lex, p)):
        return "could", p.first, p.verb
    return CLEAN


def would_clean(lex: HindsightLexicon, p: Perfect):
    """ "would have" (and any other modal) that judges nobody: a wish ("We would
    have liked more time"), the impact ("Customers would have seen 502s"), what
    would not have helped, or the outcome whatever was done ("would still have left")."""
    verb = p.verb
    if p.lemma in lex.data.wish_verbs:
        return CLEAN
    if p.lemma in lex.data.opinion_verbs and p.doer is not None and p.doer.lower_ in ("i", "we"):
        return CLEAN  # "which I'd have thought went without saying": an opinion
    if p.lemma in lex.data.experience_verbs and not p.passive and not hypothetical_means(verb):
        return CLEAN
    if is_negated(verb):
        return CLEAN
    if not p.outcome and timed(lex, p.doer):
        return CLEAN  # "A Monday change would have hit a busier database": the conditions of another time
    if any(c.dep_ == "advmod" and c.lower_ in lex.data.concessive_adverbs for c in verb.children):
        return CLEAN
    if any(
        c.lemma_.lower() in lex.data.concessive_nouns and any(g.lower_ == "no" for g in c.children)
        for c in verb.children
    ):
        return CLEAN  # "would have looped no matter who wrote it"
    return None


def timed(lex: HindsightLexicon, doer) -> bool:
    """The same act at another time: "a Monday change", "a later deploy"."""
    return (
        doer is not None
        and hypothetical(doer)
        and any(
            c.dep_ in ("compound", "amod", "npadvmod") and c.lower_ in lex.data.timing_words
            for c in doer.children
        )
    )


def would(lex: HindsightLexicon, p: Perfect):
    """ "We would have caught it", "A canary stage would have caught the bad build"."""
    if (p.person and not copula(p)) or remedy(lex, p):
        return "would", p.first, p.verb
    return CLEAN


STEPS = (
    disowned,
    asked,
    own_account,
    retracted,
    doubted,
    same_outcome,
    conditioned,
    credited,
    met,
    by_policy,
    ahead,
    scheduled,
    better_person,
    evaluative,
    epistemic,
    eased,
    generic_doer,
    not_knowable,
    obligation,
    ability,
    would_clean,
    would,
)
"""Tried in this order; the first that decides wins."""


def modal_perfect(lex: HindsightLexicon, tok):
    """The finding of the modal perfect at ``tok``, or None."""
    p = read(lex, tok)
    if p is None:
        return None
    for step in STEPS:
        found = step(lex, p)
        if found is not None:
            return None if found is CLEAN else found
    return None
