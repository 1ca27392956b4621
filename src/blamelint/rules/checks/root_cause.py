"""root-cause: framing the analysis around one cause.

Four shapes, all read from the parse and the lists in rules/data/root-cause.yaml:

- the term: "root cause", "root-caused", "RCA" (the word "root" alone never);
- a cause singled out: "the primary cause", "the real reason", "the culprit";
- the whole incident given one cause: "A DNS change caused the outage", "The
  outage was due to X", "We had an outage because of X", "an outage caused by
  X", "It boils down to one thing", "the root of the problem", "The underlying
  issue was X"; a cause given for a symptom ("GC pauses caused the 502s") or for
  another incident ("led to the second issue") is not flagged;
- but not text that names the term to reject it ("we do not look for a single
  root cause", "rather than a root cause"), counts several ("several root
  causes interacting", "three compounding factors"), layers it ("the immediate
  cause"), owns the outage in the first person ("we are sorry for causing this
  disruption"), nor a negated cause.
"""
from __future__ import annotations

from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.data import load
from blamelint.data.models import RootCauseCardData, RootCauseData
from blamelint.grammar.clauses import (
    clause_subject,
    in_quotes,
    is_negated,
    is_passive,
    is_plural,
    particle_prep,
    predicate,
    prep_object,
    reason_of,
)
from blamelint.grammar.phrases import PhraseIndex, words_of

DEFINITE = frozenset({"the", "this", "that", "these", "those", "our", "their", "its", "today"})
WHOLE = frozenset({"whole", "entire", "full", "overall"})
# dependency steps that stay inside the phrase or clause that governs a word
CHAIN = frozenset({"compound", "nmod", "amod", "dobj", "pobj", "prep", "xcomp", "pcomp", "appos",
                   "npadvmod", "attr", "nsubjpass", "dative", "oprd", "acl"})


class RootCause(Rule):
    data_model = RootCauseCardData

    def setup(self) -> None:
        self.lex = lex = load(RootCauseData)
        self.terms = PhraseIndex(lex.terms)
        self.partial = PhraseIndex(lex.partial_markers)
        self.exclusive = PhraseIndex(lex.exclusive_phrases)
        self.outage_verbs = [words_of(p) for p in lex.whole_outage_verbs]
        self.causal_preps: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in lex.causal_verb_preps:
            words = words_of(phrase)  # (requires..., content word, preposition)
            self.causal_preps.setdefault(words[-2], []).append((words[:-2], words[-1]))
        self.origins = [words_of(p) for p in lex.incident_origins]
        self.reducing = [words_of(p) for p in lex.reducing_idioms]
        self.attributing = [words_of(p) for p in lex.attributing_idioms]
        self.events = {}
        for phrase in lex.incident_events:
            words = words_of(phrase)
            self.events[words[0]] = words[1:]
        self.pronoun_causals = [words_of(p) for p in lex.pronoun_causals]
        self.rejecting_preps = [words_of(p) for p in lex.rejecting_preps]

    def check_sentence(self, sent, block) -> Iterable[Match]:
        tokens = list(sent)
        for i, j, _ in self.terms.find(tokens):
            first, last = tokens[i], tokens[j]
            if last.lower_ == "-" or (first.lower_ == "root" and last.i == first.i):
                continue
            if self._rejected(first, last) or self._counted_many(sent.doc[first.i:last.i + 1].root):
                continue
            nxt = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
            if nxt is not None and nxt.lemma_.lower() in ("analysis", "review", "document", "doc", "report"):
                last = nxt
            kind = "process" if first.lower_.startswith("rca") or last != tokens[j] else "term"
            yield self.message_match(kind, first, last)
        for i, j, _ in self.exclusive.find(tokens):
            if self._about_incident(tokens[i]):
                yield self.message_match("whole", tokens[i], tokens[j])
        for tok in tokens:
            found = (self._singled_out(tok) or self._whole_incident(tok) or self._root_of(tok)
                     or self._event_because(tok))
            if found is not None:
                kind, first, last = found
                yield self.message_match(kind, first, last)

    # -- the shapes -------------------------------------------------------------

    def _singled_out(self, tok):
        """"the primary cause", "the real reason", "the culprit", "the source of
        the outage"."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if tok.lemma_.lower() in self.lex.incident_nouns:
            return self._cause_like_incident(tok)
        if tok.lemma_.lower() in self.lex.origin_nouns:
            if self._definite_cause_of_incident(tok, need_complement=True) and not self._denied(tok):
                return "single", tok, tok
            return None
        if tok.lemma_.lower() not in self.lex.cause_nouns:
            return None
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "advmod")
                and c.lower_ in self.lex.single_cause_modifiers]
        if not mods and tok.lemma_.lower() in self.lex.lone_cause_nouns and not self._indefinite(tok):
            mods = [tok]
        if not mods and self._definite_cause_of_incident(tok):
            mods = [next(c for c in tok.children if c.dep_ == "det")]
        if not mods or self._rejected(tok, tok) or self._denied(tok):
            return None
        if any(c.dep_ in ("compound", "amod") and c.lower_ in self.lex.layered_cause_modifiers for c in tok.children):
            return None  # "contributing cause" is clean; "root cause" is a term of its own
        first = min(mods + [tok], key=lambda t: t.i)
        return "single", first, tok

    def _definite_cause_of_incident(self, tok, need_complement: bool = False) -> bool:
        """"The cause of the outage was ...", "X was the cause of the outage",
        "identified X as the cause" (where a cause is given); "the cause of the
        502s" names a symptom, and "discovering the cause of the issue" only
        refers to one: both clean."""
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that") or not self._given(tok):
            return False
        if tok.tag_ in ("NNS", "NNPS"):
            return False
        complements = [c for c in tok.children if c.dep_ in ("prep", "relcl", "acl")]
        for comp in complements:
            if comp.dep_ == "prep" and comp.lower_ in ("of", "for", "behind"):
                obj = next((c for c in comp.children if c.dep_ == "pobj"), None)
                return obj is not None and self._incident(obj, allow_indefinite=True)
            if comp.dep_ == "relcl" and comp.lemma_.lower() in self.events:
                return self._incident(clause_subject(comp))  # "the reason the outage happened"
            return False  # "the reason the failover took 40 minutes": a symptom
        if need_complement:
            return False
        return tok.dep_ in ("nsubj", "attr") and tok.head.lemma_ == "be"

    def _whole_incident(self, tok):
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            return None
        lemma = tok.lemma_.lower()
        # X caused / explains the outage; the outage was caused by X; an outage caused by X
        if lemma in self.lex.causal_verbs:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            subj = clause_subject(tok)
            if obj is not None and self._incident(obj, allow_bare=True) and not self._several(subj) \
                    and not self._owned(tok, subj):
                return self._unless_denied("whole", tok, obj, tok)
            if subj is not None and subj.dep_ == "nsubjpass" and self._incident(subj) \
                    and reason_of(tok) is not None:
                return self._unless_denied("whole", tok, subj, tok)  # "The issue was caused due to X"
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None and not self._several(prep_object(agent)):
                if subj is not None and subj.dep_ == "nsubjpass" and self._incident(subj):
                    return self._unless_denied("whole", tok, subj, agent)
                if tok.dep_ == "acl" and tok.tag_ == "VBN" and self._incident(tok.head, allow_indefinite=True):
                    return self._unless_denied("whole", tok, tok.head, agent)
        # X led to / resulted in / turned ... into the outage; X was responsible for it
        for requires, prep_word in self.causal_preps.get(lemma, ()):
            if not self._takes(tok, requires):
                continue
            prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == prep_word), None)
            obj = prep_object(prep) if prep is not None else None
            allow = prep_word == "into"  # "turned a minor alert into a full outage"
            cause = clause_subject(tok)
            if obj is not None and self._incident(obj, allow_indefinite=allow, allow_bare=True) \
                    and not self._several(cause) and not self._owned(tok, cause):
                pred = tok.head if tok.dep_ in ("acomp", "xcomp", "attr") else tok
                return self._unless_denied("whole", pred, tok, obj)
        # X took the whole site down; X set the whole thing off
        for verb, particle in self.outage_verbs:
            if lemma != verb or not any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in tok.children):
                continue
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
            cause = clause_subject(tok) if obj is None or obj.dep_ == "dobj" else prep_object(
                next((c for c in tok.children if c.dep_ == "agent"), tok))
            if obj is not None and (any(c.lower_ in WHOLE for c in obj.children) or self._incident(obj)) \
                    and cause is not None and not self._several(cause) and not self._owned(tok, cause):
                return self._unless_denied("whole", tok, tok, obj)
        # We had / experienced an outage because of X
        if lemma in self.lex.incident_hosts:
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in self.lex.hosted_incident_nouns \
                    and self._incident(obj, allow_indefinite=True, allow_bare=True) \
                    and (reason_of(tok) is not None or reason_of(obj) is not None):
                return self._unless_denied("whole", tok, obj, obj)
        # the outage was due to / stemmed from / came down to X
        subj = clause_subject(tok)
        if subj is not None and (self._incident(subj) or self._totalizing(subj)
                                 or (subj.lower_ in self.lex.incident_pronouns and self._reduces(tok))):
            hit = self._origin(tok) or self._reduced(tok)
            if hit is not None and not self._several(prep_object(hit)):
                return self._unless_denied("whole", tok, subj if subj.i < tok.i else tok, hit)
        # "This was due to a bug in X": a demonstrative standing for the incident
        found = self._pronoun_cause(tok, subj)
        if found is not None:
            return found
        # chalk this one up to X
        for words in self.attributing:
            if lemma == words[0]:
                hit = particle_prep(tok, words[1:])
                if hit is not None:
                    return self._unless_denied("whole", tok, tok, hit)
        return None

    def _pronoun_cause(self, pred, subj):
        """"This was due to a code change", "It was caused by a bad deploy":
        the subject of the main clause is a pronoun for what the report is about
        and the predicate gives it one cause (only the firm causal phrases of
        ``pronoun_causals``; "This happened because ..." narrates)."""
        if subj is None or subj.lower_ not in self.lex.incident_pronouns or pred.dep_ != "ROOT":
            return None
        if not (pred.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in pred.children)):
            return None  # "This is due to the pool size": a present state explained, not the incident
        lemma = pred.lemma_.lower()
        for words in self.pronoun_causals:
            hit = None
            if words[0] == "be" and lemma == "be":
                hit = self._copula_phrase(pred, words[1:])
            elif words[0] == "be" and words[1] in (lemma, pred.lower_) and is_passive(pred):
                hit = particle_prep(pred, words[2:])
            elif words[0] == lemma:
                hit = particle_prep(pred, words[1:])
            cause = prep_object(hit) if hit is not None else None
            if cause is not None and not self._several(cause) and not self._quantity(cause):
                return self._unless_denied("whole", pred, subj, hit)
        return None

    @staticmethod
    def _quantity(noun) -> bool:
        """"down to 30% capacity", "down to two nodes": an amount, not a cause."""
        return noun.like_num or any(t.like_num or t.text == "%" for t in noun.subtree if t.i < noun.i)

    def _root_of(self, tok):
        """Figurative root: "the root of the problem", "had its roots in"."""
        if tok.lemma_.lower() != "root" or tok.pos_ not in ("NOUN", "VERB"):
            return None
        preps = list(tok.children)
        if tok.dep_ == "dobj" and tok.head.lemma_ == "have":
            preps += list(tok.head.children)  # "had its roots in X"
        for prep in preps:
            if prep.dep_ != "prep":
                continue
            obj = prep_object(prep)
            if prep.lower_ == "of" and obj is not None and obj.lemma_.lower() in self.lex.root_of_objects:
                return "whole", tok, obj
            if prep.lower_ == "in" and (tok.tag_ == "NNS" or tok.pos_ == "VERB") and obj is not None:
                subj = clause_subject(tok.head if tok.pos_ == "NOUN" else tok)
                if subj is not None and (self._incident(subj) or subj.lower_ in self.lex.incident_pronouns):
                    return "whole", subj, prep
        return None

    # -- pieces -----------------------------------------------------------------

    @staticmethod
    def _indefinite(noun) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another", "some", "any")
                   for c in noun.children)

    def _incident(self, noun, allow_indefinite: bool = False, allow_bare: bool = False) -> bool:
        """A noun phrase that denotes the incident as a whole: "the outage",
        "this incident", "the whole outage", with ``allow_bare`` a headline's
        "caused outage" (not "an outage of one service", "the second issue")."""
        if noun is None or noun.lemma_.lower() not in self.lex.incident_nouns:
            return False
        if noun.tag_ in ("NNS", "NNPS"):
            return False  # "these incidents": incidents in general, not this one
        children = list(noun.children)
        if any(c.dep_ in ("amod", "det", "compound", "nummod") and c.lower_ in self.lex.sub_incident_modifiers
               for c in children):
            return False  # "the second issue", "a separate incident"
        if any(c.lower_ in WHOLE for c in children):
            return True
        if any(c.dep_ == "poss" for c in children):
            return True
        det = next((c for c in children if c.dep_ == "det"), None)
        if det is not None:
            return det.lower_ in DEFINITE or (allow_indefinite and det.lower_ in ("a", "an"))
        return allow_indefinite or (allow_bare and noun.lemma_.lower() not in self.lex.mass_incident_nouns)

    @staticmethod
    def _given(noun) -> bool:
        """``noun`` stands where a cause is stated: subject or complement of
        "be", after "as" ("identified X as the cause"), in apposition, or as a
        heading ("Cause of the outage: ...")."""
        head = noun.head
        if noun.dep_ in ("nsubj", "attr") and head.lemma_ == "be":
            return True
        if noun.dep_ == "nsubjpass" and any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children):
            return True
        return noun.dep_ in ("appos", "ROOT") or (noun.dep_ == "pobj" and head.lower_ == "as")

    def _cause_like_incident(self, noun):
        """"The underlying issue was a race in the scheduler", "The real problem
        was that nothing alerted": an incident noun made into the cause."""
        if noun.tag_ in ("NNS", "NNPS") or noun.dep_ not in ("nsubj", "attr") or noun.head.lemma_ != "be":
            return None
        mods = [c for c in noun.children if c.dep_ == "amod" and c.lower_ in self.lex.cause_like_modifiers]
        be = noun.head
        complement = any(c.dep_ in ("attr", "ccomp") and c != noun for c in be.children) \
            and any(c.dep_ == "nsubj" for c in be.children)
        if not mods or not complement or self._denied(noun) or self._rejected(noun, noun):
            return None
        return "single", mods[0], noun

    def _counted_many(self, noun) -> bool:
        """"several root causes", "two root causes": more than one, not a single cause."""
        if not is_plural(noun):
            return False
        return any(c.dep_ in ("amod", "nummod", "det", "quantmod")
                   and (c.lower_ in self.lex.plural_quantifiers or (c.like_num and c.lower_ not in ("1", "one")))
                   for c in noun.children)

    def _owned(self, verb, cause) -> bool:
        """People owning the outage rather than analysing it: "We caused the
        outage", "We are sorry for causing this disruption"."""
        if cause is None and verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep":
            holder = verb.head.head
            if holder.lemma_.lower() in self.lex.apology_words:
                return True
            cause = clause_subject(holder)
        return cause is not None and cause.lower_ in ("i", "we")

    @staticmethod
    def _takes(tok, requires) -> bool:
        """``tok`` stands in the frame ``requires`` of a causal phrase: "be"
        (a complement of "be": "was responsible for"), "to" ("was to blame for")."""
        if requires and requires[0] == "be" and tok.lemma_ != "be" \
                and not (tok.dep_ in ("acomp", "xcomp", "attr") and tok.head.lemma_ == "be"):
            return False
        if "to" in requires and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        return True

    def _several(self, cause) -> bool:
        """"a combination of X and Y", "X and Y": more than one cause."""
        if cause is None:
            return False
        if cause.lemma_.lower() in self.lex.multi_cause_nouns or is_plural(cause):
            return True  # "a combination of ...", "three things", "several factors"
        if cause.lemma_.lower() in self.lex.counting_nouns:  # "a series of failures" (not "a set of queries")
            return any(c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.lex.factor_nouns for g in c.children) for c in cause.children)
        return any(c.dep_ in ("conj", "appos") for c in cause.children)

    def _origin(self, pred):
        """The end of an incident_origins phrase governed by ``pred``: "was due
        to", "stemmed from", "came down to", "was the result of", "was traced to"."""
        lemma = pred.lemma_.lower()
        for words in self.origins:
            if words[0] == "be" and len(words) >= 3:
                if lemma == "be":
                    hit = self._copula_phrase(pred, words[1:])
                    if hit is not None:
                        return hit
                elif pred.pos_ in ("VERB", "ADJ") and words[1] in (lemma, pred.lower_) and (
                        any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in pred.children)
                        or pred.dep_ in ("acomp", "amod")):
                    hit = particle_prep(pred, words[2:])
                    if hit is not None:
                        return hit
            elif lemma == words[0]:
                hit = particle_prep(pred, words[1:])
                if hit is not None:
                    return hit
        return None

    def _copula_phrase(self, be, rest):
        """After "be": "due to", "down to", "the result of", "attributable to"."""
        key, prep_word = rest[-2], rest[-1]
        for child in be.children:
            if child.lower_ == key or child.lemma_.lower() == key:
                hit = particle_prep(child, (prep_word,))
                if hit is not None:
                    return hit
                if self._next_is(child, prep_word):
                    return child.doc[child.i + 1]
        return None

    @staticmethod
    def _next_is(tok, word) -> bool:
        return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == word

    def _totalizing(self, noun) -> bool:
        """"Everything", "All of this", "it all"."""
        return noun.lower_ in self.lex.totalizing_pronouns

    def _about_incident(self, tok) -> bool:
        """The clause of ``tok`` has the incident as its subject."""
        subj = clause_subject(predicate(tok))
        return subj is not None and (self._incident(subj) or subj.lower_ in self.lex.incident_pronouns
                                     or self._totalizing(subj))

    def _event_because(self, tok):
        """"The outage happened because X", "Everything went down because of X"."""
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in self.events:
            return None
        tail = self.events[tok.lemma_.lower()]
        if tail and not any(c.dep_ in ("prt", "advmod") and c.lower_ == tail[0] for c in tok.children):
            return None
        subj = clause_subject(tok)
        if subj is None or not (self._incident(subj) or self._totalizing(subj)):
            return None
        if reason_of(tok) is not None:
            return self._unless_denied("whole", tok, subj, tok)
        return None

    def _reduced(self, pred):
        """The preposition of "boils down to" / "comes down to"."""
        lemma = pred.lemma_.lower()
        for words in self.reducing:
            if lemma == words[0]:
                hit = particle_prep(pred, words[1:])
                if hit is not None:
                    return hit
        return None

    def _reduces(self, pred) -> bool:
        """"It boils down to one thing": only the reducing idioms take a pronoun
        for the incident as subject."""
        return self._reduced(pred) is not None

    def _unless_denied(self, kind, pred, first, last):
        if is_negated(pred):
            return None
        a, b = sorted((first, last), key=lambda t: t.i)
        if next(self.partial.find(a.doc[a.i:b.i + 1]), None) is not None:
            return None  # "was partly due to", "was also caused by", "caused in part by"
        return kind, a, b

    def _denied(self, noun) -> bool:
        """"It was not the root cause", "no single cause"."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return True
        head = noun.head
        if not (noun.dep_ in ("attr", "nsubj") and head.lemma_ == "be" and is_negated(head)):
            return False
        # "The root cause was not the deploy but the missing canary": still one cause
        return not any(c.dep_ == "conj" or (c.dep_ == "attr" and any(g.dep_ == "conj" for g in c.children))
                       for c in head.children)

    def _rejected(self, first, last) -> bool:
        """The term is named in order to reject it."""
        doc = first.doc
        sent = first.sent
        if in_quotes(first, last) and not self._is_heading(first):
            return True
        head = doc[first.i:last.i + 1].root
        if self._denied(head):
            return True
        tok = head
        seeking = negated = False
        for _ in range(10):
            lemma = tok.lemma_.lower()
            if tok != head:
                if lemma in self.lex.rejecting_verbs:
                    return True
                seeking = seeking or lemma in self.lex.seeking_verbs
                negated = negated or is_negated(tok) or self._no_longer(tok)
                if seeking and negated:
                    return True
            if tok.dep_ == "prep" or tok.dep_ == "pobj":
                prep = tok if tok.dep_ == "prep" else tok.head
                for words in self.rejecting_preps:
                    n = len(words)
                    start = prep.i - n + 1
                    if start >= sent.start and [t.lower_ for t in doc[start:prep.i + 1]] == list(words):
                        return True
            if tok.dep_ not in CHAIN or tok.head == tok:
                break
            tok = tok.head
        return False

    @staticmethod
    def _no_longer(verb) -> bool:
        return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
                   for c in verb.children)

    @staticmethod
    def _is_heading(tok) -> bool:
        return tok.i == tok.sent.start
