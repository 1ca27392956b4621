"""The hindsight rule's words (rules/data/hindsight.yaml, validated by
``HindsightData``) compiled once, with the readings its detectors share: the
modal and the perfect of a verb, who did it, is it a person's action, does a
counterfactual credit a safeguard or judge what people did."""

from __future__ import annotations

from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import HindsightData
from blamelint.grammar import modals
from blamelint.grammar.clauses import clause_subject, has_indefinite_article, is_negated, is_passive
from blamelint.grammar.people import People
from blamelint.grammar.phrases import PhraseIndex, words_of

PERFECT = frozenset({"have", "'ve", "ve", "of"})


def modal_word(verb):
    """The modal auxiliary of a verb, or of its perfect "have" (the parser
    sometimes hangs "should" there: "X was careless and should have checked")."""
    for child in verb.children:
        if child.dep_ == "aux" and child.tag_ == "MD":
            return child
    have = perfect(verb)
    if have is not None:
        return next((c for c in have.children if c.dep_ == "aux" and c.tag_ == "MD"), None)
    return None


def modal(verb) -> str | None:
    """The modal of a verb in full (``grammar.modals``: a modal "'d" is "would"),
    or "ought to"."""
    word = modal_word(verb)
    if word is not None:
        return modals.modal(word)
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "ought":
        return "ought"
    return None


def perfect(verb) -> object | None:
    """The "have" of a perfect ("should have", "could've", "would of", the "a" of "shoulda")."""
    return next(
        (c for c in verb.children if c.dep_ == "aux" and (c.lower_ in PERFECT or c.norm_ == "have")), None
    )


def has_modal_perfect(verb) -> bool:
    return modal(verb) is not None and perfect(verb) is not None


def comparative(mod) -> bool:
    return mod.tag_ in ("JJR", "RBR") or mod.lower_ in ("better", "more")


def knows_what_doing(tok) -> bool:
    """ "knew what they were doing": the idiom of competence."""
    return tok.lemma_ == "know" and any(
        c.lemma_ == "do" and any(g.lower_ == "what" for g in c.children) for c in tok.children
    )


def hypothetical(noun) -> bool:
    """An indefinite noun phrase: something that was not there ("a soak test",
    "better dashboards")."""
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    if det is not None:
        return det.lower_ in ("a", "an", "any", "some")
    if any(c.dep_ == "poss" for c in noun.children):
        return False
    # "soak tests", "better monitoring", "more testing"
    return noun.tag_ == "NNS" or any(c.dep_ == "amod" and comparative(c) for c in noun.children)


def hypothetical_means(verb) -> bool:
    """ "With a dry run, the team would have seen ...": a means that was not
    there, which makes the clause a counterfactual."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "with"
        and any(g.dep_ == "pobj" and hypothetical(g) for g in c.children)
        for c in verb.children
    )


def safeguard(without, main) -> bool:
    """ "Without the circuit breaker, ..." / "..., without our rate limiter":
    a thing that was there, named before the clause or with a definite
    article; "without requiring a new release" and "without a new release"
    say how, not what protected."""
    obj = next((g for g in without.children if g.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.dep_ == "pcomp":
        return False
    definite = any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "some", "no") for c in obj.children
    )
    return without.i < main.i or definite


class HindsightLexicon:
    """``data`` (the word sets as validated) plus the phrase index and phrase
    lists built from it, and the person test."""

    def __init__(self, data: HindsightData):
        self.data = data
        self.markers = PhraseIndex(data.markers)
        self.safeguards = [words_of(p) for p in data.safeguard_phrases]
        self.designs = [words_of(p) for p in data.design_phrases]
        self.people = People()
        self.negative_people = self.people.nobody | data.negative_quantifiers
        self.universal_people = self.people.any_people | self.people.every_people | data.universal_determiners

    def human(self, tok) -> bool:
        if self.people.asks_who(tok):
            return False  # "not who should have stopped it": a question set aside, not a person
        return tok is not None and (
            self.people.is_person(tok)
            or self.people.is_action(tok)
            or tok.lower_ == "they"
            or self.partitive_people(tok)
        )

    def partitive_people(self, tok) -> bool:
        """ "some of you", "one of us", "half of the reviewers": a part of a group of people."""
        if tok.lower_ not in self.people.partitives:
            return False
        return any(
            c.dep_ == "prep"
            and c.lower_ == "of"
            and any(g.dep_ == "pobj" and self._people_word(g) for g in c.children)
            for c in tok.children
        )

    def nobody(self, tok) -> bool:
        """ "nobody", "no one", "no reviewer", "none of us"."""
        return tok is not None and (
            tok.lower_ in self.negative_people
            or (tok.lower_ == "one" or self.people.is_person(tok))
            and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
        )

    def anybody(self, tok) -> bool:
        """ "anyone", "any operator", "every reviewer"."""
        return tok is not None and (
            tok.lower_ in self.universal_people
            or any(c.dep_ == "det" and c.lower_ in self.universal_people for c in tok.children)
        )

    def diligent(self, tok) -> bool:
        """The noun phrase narrows people to the diligent: "anyone paying
        attention", "anyone who knew what they were doing", or to whoever did
        what nobody did ("anyone who had read the runbook": a past perfect in
        the relative clause is the condition of a counterfactual)."""
        return any(
            t.lemma_.lower() in self.data.diligence_words or knows_what_doing(t)
            for t in tok.subtree
            if t != tok
        ) or modals.past_perfect_relative(tok)

    def better_person(self, tok) -> bool:
        """A hypothetical better person: "a more experienced on-call", "a
        careful reviewer", "a better engineer" (the comparison says the people
        involved fell short)."""
        if tok is None or not has_indefinite_article(tok):
            return False
        if any(c.lower_ == "even" for c in tok.children):
            return False  # "Even a careful reviewer would have missed it" defends
        if not (self.people.is_person(tok) or any(self.people.is_person(t) for t in tok.subtree if t != tok)):
            return False
        return any(
            (
                c.dep_ == "amod"
                and (
                    comparative(c)
                    or any(comparative(g) for g in c.children)
                    or c.lemma_.lower() in self.data.diligence_words
                )
            )
            or (c.dep_ in ("relcl", "acl") and self.diligent(tok))  # "an engineer who understood the system"
            for c in tok.children
        )

    def outcome(self, verb) -> bool:
        """A verb that names a good outcome ("caught"), or enables one ("would
        have let the duplicates be caught")."""
        lemma = verb.lemma_.lower()
        if lemma in self.data.outcome_verbs:
            return True
        return lemma in self.data.enabling_verbs and any(
            c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in self.data.outcome_verbs
            for c in verb.children
        )

    def whole_undone(self, main) -> bool:
        """ "none of this would have reached customers", "nothing would have
        broken": the whole incident undone."""
        subj = clause_subject(main)
        return subj is not None and subj.lower_ in self.data.whole_outcome_words

    @staticmethod
    def doer(verb):
        """The subject, the noun a relative clause hangs on, or the subject of "ought"."""
        subj = clause_subject(verb)
        if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        if subj is None and verb.dep_ == "xcomp" and verb.head.lemma_ == "ought":
            return clause_subject(verb.head)
        have = perfect(verb) if subj is None else None
        if have is not None:  # "A careful operator would have double-checked": the subject hung on "have"
            return next((c for c in have.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subj

    def phrase_on(self, main, phrases, standalone: bool = False) -> bool:
        """One of ``phrases`` starts (or, for "but for", ends) at a modifier of
        ``main``; ``standalone``: only a phrase that opens the sentence or is set
        off by punctuation ("On paper, ...", "..., in theory, ..."), not words
        that belong to the clause ("spent the morning on paper")."""
        doc, sent = main.doc, main.sent
        for child in main.children:
            if child.dep_ not in ("prep", "advcl", "advmod", "mark", "agent", "npadvmod"):
                continue
            if child.lower_ == "without" and not safeguard(child, main):
                continue  # "without requiring a new release", "without a new release": a manner
            for words in phrases:
                n = len(words)
                for start in (child.i, child.i - n + 1):
                    if (
                        sent.start <= start
                        and start + n <= sent.end
                        and tuple(t.lower_ for t in doc[start : start + n]) == words
                        and (not standalone or _set_off(doc, sent, start, start + n))
                    ):
                        return True
        return False

    def credited(self, main) -> bool:
        """A safeguard or design phrase on ``main`` ("without the rate limiter", "by design")."""
        return self.phrase_on(main, self.safeguards) or self.phrase_on(main, self.designs, standalone=True)

    def credits_safeguard(self, cond, main) -> bool:
        """The counterfactual credits a safeguard or a design: "if the token
        bucket had not throttled the clients, ...", "without the rate limiter,
        ...", "by design, ..." (but "if we had not deployed on Friday, we would
        have avoided ..." names a good outcome, so it judges the action)."""
        if self.credited(main):
            return True
        return cond is not None and is_negated(cond) and main.lemma_.lower() not in self.data.outcome_verbs

    def at_another_time(self, cond) -> bool:
        """The condition moves an event, without an object, to another time ("Had the outage
        started at 06:00 instead of midnight", "If the rollout had begun on a Sunday", "Had the
        restore started on time"): it weighs the conditions of the hour, not what anyone did (but
        "Had we rolled back at 14:10" and "Had the on-call answered by 02:00" are about people,
        and "If backend had turned the queue on at 17:05" about someone acting on something)."""
        doer = self.doer(cond)
        if doer is None or doer.pos_ == "PRON" or self.people.is_person(doer) or is_passive(cond):
            return False
        if any(c.dep_ == "dobj" for c in cond.children):
            return False  # "If backend had turned the queue on at 17:05": someone acting on something
        return any(c.dep_ in ("prep", "npadvmod", "advmod") and self.time_phrase(c) for c in cond.children)

    def time_phrase(self, mod) -> bool:
        """ "at 06:00", "on a Sunday", "on time", "an hour later", "during the day shift", "at 10am"
        (a number after a preposition of clock time)."""
        if mod.dep_ == "advmod":
            return mod.lower_ in self.data.timing_words
        if mod.dep_ == "prep" and mod.lower_ not in self.data.time_prepositions:
            return False
        return any(
            t.lower_ in self.data.timing_words
            or t.lower_ in self.data.clock_words
            or (t.like_num and ":" in t.text)
            or (t.tag_ == "CD" and t.dep_ == "pobj" and mod.lower_ in self.data.clock_prepositions)
            for t in mod.subtree
        )

    def judges_action(self, cond, main) -> bool:
        """A past counterfactual condition is hindsight when it is about what
        people did or could have done ("Had Bea checked the partition count",
        "If the load test had used real payloads"), or its result is ("someone
        would have responded"); "If the load had doubled, the autoscaler would
        have coped" is about conditions."""
        if self.credits_safeguard(cond, main):
            return False
        if cond.lemma_.lower() in self.data.diligence_words:
            return True  # "If the vendor had bothered to set a reminder": about someone's care, whoever
        if self.at_another_time(cond):
            return False
        # "if we'd had a local cache, the lookups would never have left the node" (but "If the team had
        # any discipline, this would never have happened" judges them)
        main_subject = clause_subject(main)
        possessive = (
            cond.lemma_ == "have"
            and not is_passive(cond)
            and not (main_subject is not None and main_subject.lemma_.lower() in self.data.event_subjects)
        )
        observed = main.lemma_.lower() in self.data.experience_verbs  # "..., we would have seen the same"
        cond_doer = self.doer(cond)
        circumstance = cond_doer is not None and not self.human(cond_doer) and not is_passive(cond)
        if circumstance and not corrected(self, cond):
            # "Had the ledger table been a tenth of its size", "Had the retries backed off": the
            # circumstances, not what anyone did (but "..., we would have caught it" names a good outcome,
            # and "..., someone would have responded" what people would have done)
            person_acts = self.people.is_person(self.doer(main)) and not is_passive(main) and not observed
            # (but "If the traffic had been higher, the canary would have caught it": a safeguard
            # that was there, doing its job under other conditions)
            good = self.outcome(main) and not (not is_passive(main) and self.existing_thing(self.doer(main)))
            return person_acts or good or (self.whole_undone(main) and not is_negated(cond))
        return (
            (self.human(self.doer(cond)) and not possessive)
            or is_passive(cond)
            or (self.human(self.doer(main)) and not observed and not possessive)
            or self.outcome(main)
            or (self.whole_undone(main) and not is_negated(cond))
        )

    def _people_word(self, tok) -> bool:
        return tok.lower_ in ("you", "us") or self.people.is_person(tok)

    def existing_thing(self, tok) -> bool:
        """A definite thing that was there: "the canary", "our alerting" (not
        "a canary", a remedy that was not)."""
        return (
            tok is not None
            and tok.pos_ in ("NOUN", "PROPN")
            and not self.human(tok)
            and any(c.dep_ in ("det", "poss") and c.lower_ not in INDEFINITE for c in tok.children)
        )

    def expected_duration(self, verb) -> bool:
        """ "should have taken twenty minutes", "should have finished within 30 seconds"."""
        for child in verb.children:
            nouns = (
                [child]
                if child.dep_ in ("dobj", "npadvmod")
                else [g for g in child.children if g.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ in ("in", "within", "under")
                else []
            )
            if any(n.lemma_.lower() in self.data.duration_units for n in nouns):
                return True
        return False

    def evaluative(self, verb) -> bool:
        """ "would have been better", "should have been a red flag", "should
        have been enough for me" (a signal judged enough for a person)."""
        words = self.data.evaluative_words
        if verb.lemma_ == "be" and any(
            c.dep_ in ("acomp", "attr") and c.lower_ in self.data.sufficiency_words and for_person(self, c)
            for c in verb.children
        ):
            return True
        return verb.lemma_ == "be" and any(
            c.dep_ in ("acomp", "attr")
            and (
                c.lemma_.lower() in words
                or c.lower_ in words
                or any(g.dep_ in ("compound", "amod") and g.lemma_.lower() in words for g in c.children)
            )
            for c in verb.children
        )


INDEFINITE = frozenset({"a", "an", "any", "some", "no"})
SET_OFF = frozenset({",", ";", ":", "(", ")", "-", "--", "\u2014", "\u2013"})


def _set_off(doc, sent, start: int, end: int) -> bool:
    """The words doc[start:end] open the sentence or stand between punctuation."""
    before = start == sent.start or doc[start - 1].text in SET_OFF or doc[start - 1].is_punct
    after = end >= sent.end or doc[end].text in SET_OFF
    return before or after


def corrected(lex: HindsightLexicon, cond) -> bool:
    """ "If the config had been correct": a condition that calls a thing
    people made right or wrong judges their work, not the circumstances."""
    return cond.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in lex.data.correctness_words for c in cond.children
    )


def for_person(lex: HindsightLexicon, word) -> bool:
    """``word`` has "for" + a person: "enough for me", "sufficient for the on-call"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(g.dep_ == "pobj" and lex.people.is_person(g) for g in c.children)
        for c in word.children
    )


@lru_cache(maxsize=1)
def lexicon() -> HindsightLexicon:
    return HindsightLexicon(load(HindsightData))
