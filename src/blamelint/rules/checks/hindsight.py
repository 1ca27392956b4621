"""hindsight: judging past actions by what is known only afterwards.

Flagged, from the parse: modal perfects about what people did or should have
done ("We should have rolled back", "This could have been caught in staging",
"A soak test would have revealed the leak"), past counterfactual conditions
("Had we tested ..., we would have ...", "If only ..."), and the words and
phrases of rules/data/hindsight.yaml ("in hindsight", "preventable").

Not flagged: forward-looking statements ("We should add an alert"), "should
have" about behaviour designed in advance (a system component as subject, in
the active voice: "The standby should have taken over within 30 seconds"),
counterfactuals that credit a safeguard ("Without the circuit breaker the
failure would have spread"), inferences ("Someone must have changed it") and
possibilities ("The lag could have been network jitter").
"""
from __future__ import annotations

from typing import Iterable, Optional

from blamelint.rules.base import Match, Rule
from blamelint.data import load
from blamelint.data.models import HindsightCardData, HindsightData
from blamelint.grammar.clauses import agent_noun, clause_subject, is_negated, is_passive
from blamelint.grammar.people import People
from blamelint.grammar.phrases import PhraseIndex, words_of

PERFECT = frozenset({"have", "'ve", "ve", "of"})
WOULD = frozenset({"would", "'d"})


class Hindsight(Rule):
    data_model = HindsightCardData

    def setup(self) -> None:
        self.lex = load(HindsightData)
        self.markers = PhraseIndex(self.lex.markers)
        self.safeguards = [words_of(p) for p in self.lex.safeguard_phrases]
        self.designs = [words_of(p) for p in self.lex.design_phrases]
        self.people = People()

    # -- the check --------------------------------------------------------------

    def check_sentence(self, sent, block) -> Iterable[Match]:
        tokens = list(sent)
        for i, j, _ in self.markers.find(tokens):
            yield self.message_match("marker", tokens[i], tokens[j])
        for tok in tokens:
            if self._looking_back(tok):
                yield self.message_match("marker", tok, tok.doc[tok.i + 1])
            elif tok.lower_ in self.lex.words and tok.pos_ == "ADJ" and not self._adjective_denied(tok):
                yield self.message_match("word", tok, tok)
        conditions = [t for t in tokens if self._past_condition(t)]
        for tok in tokens:
            found = self._modal_perfect(tok, conditions)
            if found is not None:
                yield self.message_match(*found)
        for cond in conditions:
            main = cond.head
            if not self._has_modal_perfect(main) and self._modal(main) is not None \
                    and self._judges_action(cond, main):
                yield self.message_match("counterfactual", cond, cond)

    # -- the shapes -------------------------------------------------------------

    @staticmethod
    def _looking_back(tok) -> bool:
        """"Looking back, ..." (not "looking back at the timeline")."""
        if tok.lower_ != "looking" or tok.i + 1 >= len(tok.doc):
            return False
        nxt = tok.doc[tok.i + 1]
        if nxt.lower_ != "back":
            return False
        after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
        return after is None or after.lower_ not in ("at", "on", "over", "through", "to", "into")

    @staticmethod
    def _adjective_denied(tok) -> bool:
        head = tok.head if tok.dep_ in ("acomp", "attr") else tok
        return is_negated(head) or any(c.dep_ == "neg" for c in tok.children)

    @staticmethod
    def _modal(verb) -> Optional[str]:
        """The modal of a verb: an aux child, or "ought to"."""
        for child in verb.children:
            if child.dep_ == "aux" and child.tag_ == "MD":
                return "would" if child.lower_ in WOULD else child.lower_
        if verb.dep_ == "xcomp" and verb.head.lemma_ == "ought":
            return "ought"
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("need", "have") and verb.head.tag_ != "VBN":
            return None
        return None

    @staticmethod
    def _perfect(verb) -> Optional[object]:
        return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in PERFECT), None)

    def _has_modal_perfect(self, verb) -> bool:
        return self._modal(verb) is not None and self._perfect(verb) is not None

    def _past_condition(self, verb) -> bool:
        """A past counterfactual condition: "if we had tested", "Had Bea
        checked", "if Viktor had been more careful"."""
        if verb.dep_ not in ("advcl", "ccomp"):
            return False
        aux_had = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")), None)
        if aux_had is None:
            if verb.lower_ == "had" and any(c.lower_ == "if" for c in verb.children):
                return True  # "if we had had a canary"
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return verb.dep_ == "advcl"
        subj = clause_subject(verb)
        return subj is not None and aux_had.i < subj.i  # inverted: "Had we ..."

    def _credits_safeguard(self, cond, main) -> bool:
        """The counterfactual credits a safeguard or a design: "if the token
        bucket had not throttled the clients, ...", "without the rate limiter,
        ...", "by design, ..." (but "if we had not deployed on Friday, we would
        have avoided ..." names a good outcome, so it judges the action)."""
        if self._phrase_on(main, self.safeguards) or self._phrase_on(main, self.designs):
            return True
        return cond is not None and is_negated(cond) and main.lemma_.lower() not in self.lex.outcome_verbs

    def _judges_action(self, cond, main) -> bool:
        """A past counterfactual condition is hindsight when it is about what
        people did or could have done ("Had Bea checked the partition count",
        "If the load test had used real payloads"), or its result is ("someone
        would have responded"); "If the load had doubled, the autoscaler would
        have coped" is about conditions."""
        if self._credits_safeguard(cond, main):
            return False
        return (self._human(self._doer(cond)) or is_passive(cond) or self._human(self._doer(main))
                or main.lemma_.lower() in self.lex.outcome_verbs)

    def _human(self, tok) -> bool:
        return tok is not None and (self.people.is_person(tok) or self.people.is_action(tok)
                                    or tok.lower_ == "they")

    def _phrase_on(self, main, phrases) -> bool:
        """One of ``phrases`` starts (or, for "but for", ends) at a modifier of ``main``."""
        doc, sent = main.doc, main.sent
        for child in main.children:
            if child.dep_ not in ("prep", "advcl", "advmod", "mark", "agent"):
                continue
            if child.lower_ == "without" and not self._safeguard(child, main):
                continue  # "without requiring a new release", "without a new release": a manner
            for words in phrases:
                n = len(words)
                for start in (child.i, child.i - n + 1):
                    if sent.start <= start and start + n <= sent.end and \
                            tuple(t.lower_ for t in doc[start:start + n]) == words:
                        return True
        return False

    @staticmethod
    def _safeguard(without, main) -> bool:
        """"Without the circuit breaker, ..." / "..., without our rate limiter":
        a thing that was there, named before the clause or with a definite
        article; "without requiring a new release" and "without a new release"
        say how, not what protected."""
        obj = next((g for g in without.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.dep_ == "pcomp":
            return False
        definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "any", "some", "no")
                       for c in obj.children)
        return without.i < main.i or definite

    def _expected_duration(self, verb) -> bool:
        """"should have taken twenty minutes", "should have finished within 30 seconds"."""
        for child in verb.children:
            nouns = [child] if child.dep_ in ("dobj", "npadvmod") else \
                [g for g in child.children if g.dep_ == "pobj"] \
                if child.dep_ == "prep" and child.lower_ in ("in", "within", "under") else []
            if any(n.lemma_.lower() in self.lex.duration_units for n in nouns):
                return True
        return False

    def _evaluative(self, verb) -> bool:
        """"would have been better", "should have been a red flag"."""
        return verb.lemma_ == "be" and any(
            c.dep_ in ("acomp", "attr") and (c.lemma_.lower() in self.lex.evaluative_words
                                             or c.lower_ in self.lex.evaluative_words or any(
                g.dep_ in ("compound", "amod") and g.lemma_.lower() in self.lex.evaluative_words for g in c.children))
            for c in verb.children)

    def _doer(self, verb):
        subj = clause_subject(verb)
        if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            return verb.head
        if subj is None and verb.dep_ == "xcomp" and verb.head.lemma_ == "ought":
            return clause_subject(verb.head)
        return subj

    def _modal_perfect(self, verb, conditions):
        """should/could/would/might have + participle."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        modal = self._modal(verb)
        if modal is None or self._perfect(verb) is None:
            return None
        first = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), None) or verb.head
        governed = [c for c in conditions if c.head == verb]
        if governed:
            if any(self._judges_action(c, verb) for c in governed):
                return "counterfactual", first, verb
            return None
        credited = self._phrase_on(verb, self.safeguards) or self._phrase_on(verb, self.designs)
        if credited and modal not in ("should", "ought"):
            return None
        lemma = verb.lemma_.lower()
        doer = self._doer(verb)
        person = self._human(doer)
        passive = is_passive(verb)
        outcome = lemma in self.lex.outcome_verbs
        if self._evaluative(verb) and modal in ("would", "should", "ought"):
            return "should" if modal != "would" else "would", first, verb
        if modal in self.lex.epistemic_modals:
            # "Someone must have changed it" infers; "We might have avoided it" judges
            if modal != "must" and outcome and (person or passive):
                return "could", first, verb
            return None
        if modal == "could" and is_negated(verb):
            return None  # "We could not have known": what was possible then
        if modal in ("should", "ought"):
            agent = agent_noun(verb) if passive else None
            if agent is not None and not self._human(agent):
                return None  # "should have been blocked by the canary analysis": designed
            if passive and any(c.dep_ == "advmod" and c.lower_ in self.lex.design_adverbs for c in verb.children):
                return None  # "should have been automatically corrected": designed
            if passive or (person and not (self._expected_duration(verb)
                                           and not self.people.is_person(doer))):
                return "should", first, verb
            if lemma in self.lex.event_verbs and is_negated(verb) and doer is not None \
                    and doer.lemma_.lower() in self.lex.event_subjects:
                return "should", first, verb  # "This should never have happened"
            return None  # designed behaviour: "The standby should have taken over"
        copula = lemma == "be" and not passive
        remedy = outcome and doer is not None and (self._hypothetical(doer) or doer.lower_ in self.lex.remedy_pronouns)
        if modal == "could":
            if not copula and (person or passive or remedy):
                return "could", first, verb
            return None  # a possibility: "The lag could have been network jitter"
        # would
        if lemma in self.lex.wish_verbs:
            return None  # "We would have liked more time"
        if lemma in self.lex.experience_verbs and not passive and not self._hypothetical_means(verb):
            return None  # the impact inferred: "Customers would have seen 502s"
        if is_negated(verb):
            return None  # "these changes would not have protected us": what would not have helped
        if any(c.dep_ == "advmod" and c.lower_ in self.lex.concessive_adverbs for c in verb.children):
            return None  # "would still have left": the outcome whatever was done
        if person and not copula:
            return "would", first, verb
        if remedy:
            return "would", first, verb  # "A canary stage would have caught the bad build"
        return None

    def _hypothetical_means(self, verb) -> bool:
        """"With a dry run, the team would have seen ...": a means that was not
        there, which makes the clause a counterfactual."""
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.dep_ == "pobj" and self._hypothetical(g) for g in c.children) for c in verb.children)

    @staticmethod
    def _hypothetical(noun) -> bool:
        """An indefinite noun phrase: something that was not there ("a soak test",
        "better dashboards")."""
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is not None:
            return det.lower_ in ("a", "an", "any", "some")
        if any(c.dep_ == "poss" for c in noun.children):
            return False
        # "soak tests", "better monitoring", "more testing"
        return noun.tag_ == "NNS" or any(c.dep_ == "amod" and (c.tag_ in ("JJR", "RBR") or c.lower_ in ("better", "more"))
                                         for c in noun.children)
