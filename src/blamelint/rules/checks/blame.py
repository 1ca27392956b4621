"""blame: judgmental language about people.

Words that judge whoever they are said of ("careless", "human error") are a
list in rules/data/blame.yaml. Words that judge only when a person is their
subject ("ignored", "panicked", "failed to", "useless") go through the parse:
"The on-call ignored the page" is blame, "The client ignored the header" is not.
Plain accounts of actions, even of mistakes ("I restarted the wrong host",
"Xiu mistakenly assumed ..."), are never flagged.
"""
from __future__ import annotations

from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.data import load
from blamelint.data.models import BlameCardData, BlameData
from blamelint.grammar.clauses import (
    NEGATIVE_SUBJECTS,
    agent_noun,
    clause_subject,
    denied_by_copula,
    implied_subject,
    in_quotes,
    is_negated,
    is_passive,
    predicate,
)
from blamelint.grammar.people import People
from blamelint.grammar.phrases import PhraseIndex, words_of

MODALS = frozenset({"should", "must", "ought", "need", "have", "has", "had", "got"})
SELF = frozenset({"i", "we", "me", "us"})
PAST_TAGS = frozenset({"VBD", "VBN"})


class Blame(Rule):
    data_model = BlameCardData

    def setup(self) -> None:
        self.lex = load(BlameData)
        self.judgments = PhraseIndex(self.lex.judgments)
        self.exceptions = PhraseIndex(self.lex.exceptions)
        self.person_verbs = {}
        for phrase in self.lex.person_verbs:
            words = words_of(phrase)
            self.person_verbs.setdefault(words[0], []).append(words[1:])
        self.admonitions = PhraseIndex(self.lex.admonitions)
        self.sarcasm = PhraseIndex(self.lex.sarcasm_markers)
        self.person_phrases = PhraseIndex(self.lex.person_phrases)
        self.sanctions = [words_of(p) for p in self.lex.sanction_verbs]
        self.diligence = frozenset(" ".join(words_of(p)).replace(" - ", "-") for p in self.lex.diligence_gerunds)
        self.people = People()

    # -- the check --------------------------------------------------------------

    def check_sentence(self, sent, block) -> Iterable[Match]:
        tokens = list(sent)
        excepted = set()
        for i, j, _ in self.exceptions.find(tokens):
            excepted.update(range(tokens[i].i, tokens[j].i + 1))
        for i, j, phrase in self.judgments.find(tokens):
            first, last = tokens[i], tokens[j]
            if first.i in excepted or last.i in excepted or in_quotes(first, last):
                continue
            if words_of(phrase)[0] == "no" and predicate(first).lemma_ != "be":
                continue  # "There is no excuse for this", not "No excuse was given"
            if words_of(phrase)[0] == "no" or "not" in words_of(phrase) or not denied_by_copula(first):
                yield self.message_match("judgment", first, last)
        for i, j, _ in self.person_phrases.find(tokens):
            first = tokens[i]
            pred = predicate(first)
            subj = clause_subject(pred)
            if subj is None and pred.dep_ in ("relcl", "acl"):
                subj = pred.head  # "the guy to blame is ..."
            if self._person(subj) and not denied_by_copula(first):
                yield self.message_match("fault", first, tokens[j])
        for tok in tokens:
            found = (self._person_verb(tok) or self._more_careful(tok) or self._not_careful(tok)
                     or self._belittled(tok)
                     or self._held_accountable(tok) or self._again(tok) or self._failure(tok) or self._person_adjective(tok)
                     or self._mistake(tok) or self._negated_adverb(tok) or self._habit(tok)
                     or self._better_person(tok) or self._fault(tok) or self._responsible(tok)
                     or self._typical(tok) or self._sanctioned(tok) or self._shamed(tok)
                     or self._hasty(tok) or self._unchecked(tok) or self._trait(tok))
            if found is not None:
                yield self.message_match(*found)
        yield from self._admonition(tokens)
        yield from self._sarcasm(tokens)

    # -- helpers ----------------------------------------------------------------

    def _person(self, tok) -> bool:
        if tok == "you":
            return True
        if tok is not None and tok.dep_ in ("csubj", "csubjpass"):
            tok = clause_subject(tok)  # "Whoever wrote this migration ..."
        return self.people.is_person(tok)

    def _subject(self, verb):
        """The subject, or the understood doer of an imperative or a gerund."""
        subj = clause_subject(verb)
        return subj if subj is not None else implied_subject(verb)

    def _doer(self, verb):
        """Who did ``verb``: its subject, or a passive's agent."""
        if is_passive(verb):
            return agent_noun(verb)
        return clause_subject(verb)

    # -- the shapes -------------------------------------------------------------

    def _person_verb(self, tok):
        """"ignored", "brushed off", "panicked": by a person, or a past passive
        with no non-human agent."""
        if tok.pos_ != "VERB":
            return None
        tails = self.person_verbs.get(tok.lemma_.lower())
        if tails is None:
            return None
        last = tok
        for tail in tails:
            if not tail:
                break
            parts = [c for c in tok.children if c.dep_ in ("prt", "advmod", "prep") and c.lower_ == tail[0]]
            if parts:
                last = parts[0]
                break
        else:
            return None
        if is_passive(tok):
            agent = agent_noun(tok)
            if agent is None:
                target = clause_subject(tok)
                if target is None or target.lemma_.lower() not in self.lex.signal_nouns:
                    return None
                if tok.tag_ not in PAST_TAGS or not (self._past_passive(tok) or self._narrated(tok, target)):
                    return None
            elif not self._person(agent):
                return None
        elif not self._person(self._subject(tok)):
            return None
        if is_negated(tok):
            return None
        return "dismissive", tok, last

    @staticmethod
    def _past_passive(verb) -> bool:
        return any(c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN") for c in verb.children)

    @staticmethod
    def _narrated(verb, target) -> bool:
        """A present passive that narrates one event ("The ticket is ignored.")
        rather than states a rule ("The alert is ignored if the node is
        draining", "Warnings are ignored"): a definite singular signal and no
        condition."""
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "our", "their", "his", "her")
                       for c in target.children)
        conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "when", "unless", "whenever")
                                                    for m in c.children) for c in verb.children)
        return definite and target.tag_ == "NN" and not conditional

    def _failure(self, tok):
        """"failed to follow", "neglected to", "didn't bother to", "couldn't be
        bothered to"; "the engineer's failure to ...", with a person as doer."""
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in self.lex.failure_verbs:
            comp = next((c for c in tok.children if c.dep_ == "xcomp"
                         and (any(a.lower_ == "to" for a in c.children)
                              or (lemma == "bother" and c.tag_ == "VBG"))), None)
            if comp is None:
                return None
            subj = clause_subject(tok)
            if lemma == "bother" and not (is_negated(tok) or is_passive(tok) or (
                    subj is not None and subj.lower_ in NEGATIVE_SUBJECTS)):
                return None
            if lemma != "bother" and is_negated(tok):
                return None
            if self._person(clause_subject(tok)):
                return "failure", tok, comp
            return None
        if tok.pos_ == "NOUN" and lemma in self.lex.failure_nouns:
            comp = next((c for c in tok.children if c.dep_ == "acl"
                         and any(a.lower_ == "to" for a in c.children)), None)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if comp is not None and owner is not None and self._person(owner):
                return "failure", owner, comp
        return None

    def _person_adjective(self, tok):
        """"The vendor's engineers were useless", "an inexperienced engineer"."""
        if tok.lemma_.lower() not in self.lex.person_adjectives or tok.pos_ != "ADJ":
            return None
        if tok.dep_ == "amod":
            return ("judgment", tok, tok) if self._person(tok.head) else None
        subj = clause_subject(tok)
        if self._person(subj) and not is_negated(tok.head if tok.dep_ == "acomp" else tok):
            comp = next((c for c in tok.children if c.dep_ == "xcomp"), tok)  # "slow to respond"
            return "judgment", tok, comp
        return None

    def _more_careful(self, tok):
        """"People need to be more careful", "had been a lot more careful"."""
        if tok.pos_ != "ADJ" or tok.lemma_.lower() not in self.lex.more_adjectives:
            return None
        more = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "more"), None)
        pred = tok.head if tok.dep_ in ("acomp", "attr") else tok
        if more is None or not self._person(self._subject(pred)) or self._aspired(pred):
            return None
        return "admonition", more, tok

    def _aspired(self, pred) -> bool:
        """"We want to be more thorough": an aim, not an admonition (but
        "Engineers should try to be more careful" admonishes)."""
        head = pred.head
        return pred.dep_ == "xcomp" and head.lemma_.lower() in self.lex.aspiration_verbs and not self._admonished(head)

    def _not_careful(self, tok):
        """"Bob wasn't careful", "looked it over without being thorough"."""
        if tok.pos_ != "ADJ" or tok.lemma_.lower() not in self.lex.more_adjectives:
            return None
        if any(c.dep_ == "advmod" and c.lower_ == "more" for c in tok.children):
            return None  # a comparative: _more_careful
        pred = tok.head if tok.dep_ in ("acomp", "attr") else tok
        if pred.lemma_ == "be" and pred.dep_ == "pcomp" and pred.head.lower_ == "without":
            return ("judgment", pred.head, tok) if self._person(clause_subject(pred.head.head)) else None
        if (is_negated(pred) or any(c.dep_ == "neg" for c in tok.children)) and self._person(clause_subject(pred)):
            return "judgment", tok, tok
        return None

    def _belittled(self, tok):
        """"could easily have checked", "could have just looked"."""
        if tok.dep_ != "advmod" or tok.lower_ not in self.lex.belittling_adverbs:
            return None
        verb = tok.head
        kids = list(verb.children)
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in ("could", "should", "might")
                    for c in kids)
        perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in kids)
        if modal and perfect and not is_negated(verb) and self._person(clause_subject(verb)):
            return "judgment", tok, verb
        return None

    def _held_accountable(self, tok):
        """"Hold the engineer who pushed the change accountable"."""
        if tok.lemma_ != "hold" or tok.pos_ != "VERB":
            return None
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubj")), None)
        adj = next((c for c in tok.subtree if c.lower_ in self.lex.accountability_adjectives and c.i > tok.i), None)
        if obj is not None and adj is not None and self._person(obj):
            return "fault", tok, adj
        return None

    def _again(self, tok):
        """"The data team broke the nightly export again"."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lex.habitual_faults:
            return None
        if not any(c.dep_ == "advmod" and c.lower_ == "again" for c in tok.children):
            return None
        if self._person(clause_subject(tok)) and not is_negated(tok):
            return "judgment", tok, tok
        return None

    def _mistake(self, tok):
        """"a silly mistake", "a rookie error"."""
        if tok.lemma_.lower() not in self.lex.mistake_nouns:
            return None
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in self.lex.mistake_adjectives:
                return "judgment", child, tok
        return None

    def _negated_adverb(self, tok):
        """"obviously didn't read", "didn't even read it", with a person doer."""
        if tok.dep_ != "advmod" or tok.lower_ not in self.lex.negation_adverbs:
            return None
        verb = tok.head
        if not is_negated(verb) or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ == "be" or is_passive(verb):
            return None  # "we simply were not prepared": a state, not a judged act
        doer = clause_subject(verb)
        if doer is not None and doer.lower_ in ("who", "that"):
            doer = verb.head if verb.dep_ == "relcl" else None
        if self._person(doer):
            return "judgment", tok, verb
        return None

    def _habit(self, tok):
        """"The SRE team keeps breaking things"."""
        if tok.lemma_ != "keep" or tok.pos_ != "VERB":
            return None
        comp = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if comp is not None and comp.lemma_.lower() in self.lex.habitual_faults and self._person(clause_subject(tok)):
            return "judgment", tok, comp
        return None

    def _better_person(self, tok):
        """"A competent engineer would have caught this"."""
        if tok.dep_ not in ("nsubj", "nsubjpass") or not self.people.is_role(tok):
            return None
        adj = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in self.lex.better_person_adjectives), None)
        if adj is None:
            return None
        verb = tok.head
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            return "judgment", adj, tok
        return None

    def _fault(self, tok):
        """"It was the DBA's fault", "Bob's fault" (not "nobody's fault")."""
        if tok.lemma_.lower() not in self.lex.fault_nouns or tok.tag_ == "NNS":
            return None  # "learn from our mistakes" is a stock phrase, not a verdict
        if tok.pos_ != "NOUN" and not (tok.pos_ == "ADJ" and tok.dep_ != "amod"):
            return None  # "my bad" owns a fault; "our bad config" is a config
        owner = self._owner(tok)
        if owner is None or owner.lower_ in ("nobody", "noone", "no"):
            return None
        if not self._person(owner) or denied_by_copula(tok):
            return None
        return "fault", owner, tok

    def _owner(self, tok):
        """Whose ``tok`` is: "the DBA's mistake", or "an oversight on our part"."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                part = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_ == "part"), None)
                if part is not None:
                    return next((c for c in part.children if c.dep_ == "poss"), None)
        return None

    def _hasty(self, tok):
        """"a rushed release", "the review was rushed", "we rushed the rollout"."""
        if tok.lemma_.lower() not in self.lex.haste_verbs or tok.tag_ not in ("VBN", "VBD", "JJ"):
            return None
        if tok.dep_ == "amod":
            return ("judgment", tok, tok) if self.people.is_action(tok.head) else None
        if is_passive(tok) or tok.dep_ == "acomp":
            subj = clause_subject(tok if is_passive(tok) else tok.head)
            return ("judgment", tok, tok) if self.people.is_action(subj) and not is_negated(tok) else None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if tok.pos_ == "VERB" and obj is not None and self.people.is_action(obj) and self._person(clause_subject(tok)):
            return "judgment", tok, obj
        return None

    def _unchecked(self, tok):
        """"merged it without checking", "ran it without thinking", by a person."""
        if tok.lower_ != "without" or tok.dep_ != "prep":
            return None
        gerund = next((c for c in tok.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if gerund is None or gerund.lemma_.lower() not in self.diligence:
            return None
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or not self._person(self._doer(verb) or self._subject(verb)):
            return None
        return "judgment", tok, gerund

    def _trait(self, tok):
        """"The team has a habit of skipping staging", "a tendency to push on
        Fridays", said of a person."""
        if tok.lemma_.lower() not in self.lex.habit_nouns or tok.pos_ != "NOUN":
            return None
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None and tok.dep_ == "dobj" and tok.head.lemma_ == "have":
            verb = tok.head
            owner = clause_subject(verb)
            while owner is None and verb.dep_ in ("xcomp", "acl", "relcl") and verb.head != verb:
                # "used to have a tendency", also when "used" hangs off its noun
                verb = verb.head
                owner = verb if verb.pos_ in ("NOUN", "PROPN", "PRON") else clause_subject(verb)
        if not self._person(owner):
            return None
        deed = next((c for c in tok.children if c.dep_ == "acl"), None)
        if deed is None:
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            deed = next((c for c in of.children if c.dep_ == "pcomp"), None) if of is not None else None
        if deed is None:
            return None
        deeds = [deed] + [c for c in deed.children if c.dep_ == "conj"]
        if not any(d.lemma_.lower() in self.lex.habitual_faults or is_negated(d) for d in deeds):
            return None  # "a habit of writing postmortems" is no fault
        return "judgment", tok, tok

    def _responsible(self, tok):
        """"The outage is squarely on the DBA team", "The blame lies with ops"."""
        if tok.dep_ != "prep" or tok.lower_ not in ("on", "with"):
            return None
        verb = tok.head
        if verb.lemma_ not in ("be", "lie", "rest", "fall", "sit"):
            return None
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        subj = clause_subject(verb)
        if obj is None or subj is None or not self._person(obj) or is_negated(verb):
            return None
        if verb.lemma_ == "be" and not (subj.lemma_.lower() in self.lex.responsibility_nouns
                                        or subj.lower_ in ("this", "that", "it")
                                        or self._is_incident(subj) or self._this_one(subj)):
            return None
        if verb.lemma_ != "be" and subj.lemma_.lower() not in self.lex.responsibility_nouns:
            return None
        if verb.lemma_ == "be" and (subj.lower_ in ("this", "that", "it") or self._this_one(subj)) \
                and tok.lower_ != "on":
            return None
        return "fault", verb, obj

    @staticmethod
    def _this_one(tok) -> bool:
        """"this one", "that one": the incident."""
        return tok.lower_ == "one" and any(c.lower_ in ("this", "that") for c in tok.children)

    @staticmethod
    def _is_incident(tok) -> bool:
        return tok.lemma_.lower() in ("outage", "incident", "failure", "problem", "issue", "mistake")

    def _sanctioned(self, tok):
        """"The developer responsible has been spoken to", "He was let go"."""
        if tok.pos_ != "VERB" or not is_passive(tok) or not self._person(clause_subject(tok)):
            return None
        for words in self.sanctions:
            if tok.lemma_.lower() != words[0]:
                continue
            tail = [c for c in tok.children if c.lower_ in words[1:] and c.dep_ in ("prep", "prt", "xcomp", "advmod")]
            if len(words) == 1 or tail:
                return "fault", tok, tail[0] if tail else tok
        return None

    def _shamed(self, tok):
        """"Whoever approved this should be embarrassed"."""
        if tok.pos_ != "ADJ" or tok.lower_ not in self.lex.shame_adjectives or tok.dep_ != "acomp":
            return None
        be = tok.head
        if not any(c.dep_ == "aux" and c.lower_ in ("should", "ought", "must") for c in be.children):
            return None
        return ("judgment", tok, tok) if self._person(clause_subject(be)) and not is_negated(be) else None

    def _typical(self, tok):
        """"Typical contractor work", "typical of the ops team"."""
        if tok.lower_ != "typical":
            return None
        noun = tok.head if tok.dep_ == "amod" else None
        if noun is not None:
            if self._person(noun) or any(c.dep_ in ("compound", "poss") and self._person(c)
                                         for c in noun.children):
                return "judgment", tok, noun
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if self._person(obj):
                    return "judgment", tok, obj
        return None

    def _admonition(self, tokens):
        """"People need to be more careful", "Developers need to stop ..."."""
        for i, j, phrase in self.admonitions.find(tokens):
            first, last = tokens[i], tokens[j]
            verb = first if first.pos_ in ("VERB", "AUX") else first.head
            if not self._admonished(verb):
                continue
            subj = clause_subject(verb)
            if not self._person(subj):
                continue
            if phrase == "stop" and (subj.lower_ in SELF or not any(
                    c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)):
                continue
            yield self.message_match("admonition", first, last)

    @staticmethod
    def _admonished(verb) -> bool:
        """``verb`` follows a modal of obligation or "need to"/"have to"."""
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in MODALS | {"should", "must"}:
                return True
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_ in ("need", "have", "ought"):
            return True
        return False

    def _sarcasm(self, tokens):
        """"As usual, the frontend team shipped without testing"."""
        for i, j, _ in self.sarcasm.find(tokens):
            first, last = tokens[i], tokens[j]
            if any(t.pos_ in ("VERB", "AUX") and self._person(clause_subject(t)) for t in tokens):
                yield self.message_match("judgment", first, last)
