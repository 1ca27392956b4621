"""The root-cause rule's words (rules/data/root-cause.yaml, validated by
``RootCauseData``) compiled once, with the readings its detectors share: does a
noun denote the incident as a whole, does a cause count several, is a causal
phrase hedged or denied."""

from __future__ import annotations

from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import RootCauseData
from blamelint.grammar.clauses import (
    clause_subject,
    in_quotes,
    is_negated,
    is_plural,
    negative_subject,
    particle_prep,
    predicate,
)
from blamelint.grammar.people import People
from blamelint.grammar.phrases import PhraseIndex, words_of

DEFINITE = frozenset({"the", "this", "that", "these", "those", "our", "their", "its", "today"})
WHOLE = frozenset({"whole", "entire", "full", "overall"})


class Denied:
    """A shape that matched but is denied or hedged ("was not caused by",
    "was partly due to"): no finding, and the other shapes of its group are not tried."""

    def __repr__(self) -> str:
        return "DENIED"


DENIED = Denied()


class RootCauseLexicon:
    """``data`` (the word sets as validated) plus the phrase indexes built
    from its ordered lists, and the noun and phrase readings the detectors share."""

    def __init__(self, data: RootCauseData):
        self.data = data
        self.terms = PhraseIndex(data.terms)
        self.partial = PhraseIndex(data.partial_markers)
        self.exclusive = PhraseIndex(data.exclusive_phrases)
        self.reducers = PhraseIndex(data.reducing_adverbials)
        self.outage_verbs = [words_of(p) for p in data.whole_outage_verbs]
        self.causal_preps: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in data.causal_verb_preps:
            words = words_of(phrase)  # (requires..., content word, preposition)
            self.causal_preps.setdefault(words[-2], []).append((words[:-2], words[-1]))
        self.origins = [words_of(p) for p in data.incident_origins]
        self.reducing = [words_of(p) for p in data.reducing_idioms]
        self.attributing = [words_of(p) for p in data.attributing_idioms]
        self.events = {}
        for phrase in data.incident_events:
            words = words_of(phrase)
            self.events[words[0]] = words[1:]
        self.pronoun_causals = [words_of(p) for p in data.pronoun_causals]
        self.rejecting_preps = [words_of(p) for p in data.rejecting_preps]
        self.rejecting_phrasals = [words_of(p) for p in data.rejecting_phrasal_verbs]
        self.people = People()

    # -- nouns ------------------------------------------------------------------

    @staticmethod
    def indefinite(noun) -> bool:
        return any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another", "some", "any")
            for c in noun.children
        )

    def incident(self, noun, allow_indefinite: bool = False, allow_bare: bool = False) -> bool:
        """A noun phrase that denotes the incident as a whole: "the outage",
        "this incident", "the whole outage", with ``allow_bare`` a headline's
        "caused outage" (not "an outage of one service", "the second issue")."""
        if noun is None:
            return False
        if noun.lemma_.lower() in self.data.time_nouns or noun.lemma_.lower() in self.data.whole_only_nouns:
            # "to blame for the whole morning", "The whole thing was caused by X"
            return noun.tag_ not in ("NNS", "NNPS") and any(c.lower_ in WHOLE for c in noun.children)
        if noun.lemma_.lower() in self.data.unqualified_incident_nouns:
            # (not inside a quotation: 'instead of "whoever produces the event"' is someone's words)
            bare = noun.tag_ == "NN" and [c.lower_ for c in noun.children] == ["the"]
            return bare and not in_quotes(noun, noun)
        if noun.lemma_.lower() not in self.data.incident_nouns:
            return False
        if noun.tag_ in ("NNS", "NNPS"):
            return False  # "these incidents": incidents in general, not this one
        children = list(noun.children)
        subs = self.data.sub_incident_modifiers
        if any(c.dep_ in ("amod", "det", "compound", "nummod") and c.lower_ in subs for c in children):
            return False  # "the second issue", "a separate incident"
        if any(c.lower_ in WHOLE for c in children):
            return True
        if any(c.dep_ == "poss" for c in children):
            return True
        det = next((c for c in children if c.dep_ == "det"), None)
        if det is not None:
            return det.lower_ in DEFINITE or (allow_indefinite and det.lower_ in ("a", "an"))
        return allow_indefinite or (allow_bare and noun.lemma_.lower() not in self.data.mass_incident_nouns)

    def totalizing(self, noun) -> bool:
        """ "Everything", "All of this", "it all"; "every other problem", "all the
        other failures" (the rest of the incident, as a whole); "the whole
        overstatement", "the entire mess" (whatever its noun, taken whole)."""
        if noun.lower_ in self.data.totalizing_pronouns:
            return True
        if noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            wholes = self.data.totalizing_adjectives
            whole = any(c.dep_ == "amod" and c.lower_ in wholes for c in noun.children)
            if whole and not self.people.is_person(noun):
                return True  # (not "the whole team")
        return (
            noun.pos_ == "NOUN"
            and any(c.dep_ in ("det", "predet") and c.lower_ in ("every", "all") for c in noun.children)
            and any(c.dep_ == "amod" and c.lower_ == "other" for c in noun.children)
        )

    def about_incident(self, tok) -> bool:
        """The clause of ``tok`` has the incident as its subject."""
        subj = clause_subject(predicate(tok))
        return subj is not None and (
            self.incident(subj) or subj.lower_ in self.data.incident_pronouns or self.totalizing(subj)
        )

    def several(self, cause) -> bool:
        """ "a combination of X and Y", "X and Y": more than one cause."""
        if cause is None:
            return False
        if cause.lemma_.lower() in self.data.multi_cause_nouns:
            return True  # "a combination of ..."
        if is_plural(cause) and (cause.lemma_.lower() in self.data.factor_nouns or self.counted(cause)):
            return True  # "three things", "several factors", "two changes" (not "stale settings": one cause)
        if cause.lemma_.lower() in self.data.counting_nouns:
            # "a series of failures" (not "a set of queries")
            return any(
                c.dep_ == "prep"
                and c.lower_ == "of"
                and any(g.dep_ == "pobj" and g.lemma_.lower() in self.data.factor_nouns for g in c.children)
                for c in cause.children
            )
        # "X and Y"; "X, Y and Z" (parsed as an apposition with a conjunct); but a lone
        # apposition restates the one cause ("comes down to one thing, an untested backend"),
        # and so does a word said twice ("one thing and one thing only")
        return any(
            (c.dep_ == "conj" and c.lower_ != cause.lower_)
            or (c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children))
            for c in cause.children
        )

    def counted(self, noun) -> bool:
        """A count or quantifier of more than one on ``noun``: "two changes", "several bugs"."""
        return any(
            c.dep_ in ("amod", "nummod", "det", "quantmod")
            and (c.lower_ in self.data.plural_quantifiers or (c.like_num and c.lower_ not in ("1", "one")))
            for c in noun.children
        )

    def counted_many(self, noun) -> bool:
        """ "several root causes", "two root causes": more than one, not a single cause."""
        return is_plural(noun) and self.counted(noun)

    @staticmethod
    def quantity(noun) -> bool:
        """ "down to 30% capacity", "down to two nodes": an amount, not a cause."""
        return noun.like_num or any(t.like_num or t.text == "%" for t in noun.subtree if t.i < noun.i)

    def owned(self, verb, cause) -> bool:
        """People owning the outage rather than analysing it: "We caused the
        outage", "We are sorry for causing this disruption"."""
        if cause is None and verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep":
            holder = verb.head.head
            if holder.lemma_.lower() in self.data.apology_words:
                return True
            cause = clause_subject(holder)
        return cause is not None and cause.lower_ in ("i", "we")

    @staticmethod
    def denied(noun) -> bool:
        """ "It was not the root cause", "no single cause", "a symptom, not a root cause"."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return True
        left = noun.left_edge.i
        if noun.lemma_.lower() == "cause":  # (not "not a real RCA": a document is named, and labeled)
            if noun.dep_ in ("appos", "conj") and left > 0 and noun.doc[left - 1].lower_ == "not":
                return True  # the second of a pair, set aside by the "not" before it
            if any(c.dep_ == "neg" and c.i < noun.i for c in noun.children):
                return True  # "a symptom not a root cause", the "not" hung on the noun
        head = noun.head
        if noun.dep_ == "dobj" and head.dep_ == "ccomp" and (is_negated(head.head) or nobody(head.head)):
            return True  # "We don't think this incident has one cause", "Nobody thinks it had one cause"
        if not (noun.dep_ in ("attr", "nsubj") and head.lemma_ == "be" and is_negated(head)):
            return False
        # "The root cause was not the deploy but the missing canary": still one cause
        return not any(
            c.dep_ == "conj" or (c.dep_ == "attr" and any(g.dep_ == "conj" for g in c.children))
            for c in head.children
        )

    # -- causal phrases ---------------------------------------------------------

    def set_aside(self, tok) -> bool:
        """ "It is easy to say X caused the outage", "It would be tempting to
        call X the root cause": a framing the writer sets aside."""
        for _ in range(4):
            if tok.lemma_.lower() in self.data.disowning_adjectives:
                return True
            if tok.lemma_ == "be" and any(
                c.dep_ == "acomp" and c.lemma_.lower() in self.data.disowning_adjectives for c in tok.children
            ):
                return True  # "It is easy to say ...", parsed with "say" under "is"
            if (
                tok.dep_ not in ("ccomp", "xcomp", "acomp", "oprd", "dobj", "attr", "compound")
                or tok.head == tok
            ):
                return False
            tok = tok.head
        return False

    @staticmethod
    def takes(tok, requires) -> bool:
        """``tok`` stands in the frame ``requires`` of a causal phrase: "be"
        (a complement of "be": "was responsible for"), "to" ("was to blame for")."""
        if (
            requires
            and requires[0] == "be"
            and tok.lemma_ != "be"
            and not (tok.dep_ in ("acomp", "xcomp", "attr") and tok.head.lemma_ == "be")
        ):
            return False
        if "to" in requires and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        return True

    def origin(self, pred):
        """The end of an incident_origins phrase governed by ``pred``: "was due
        to", "stemmed from", "came down to", "was the result of", "was traced to"."""
        lemma = pred.lemma_.lower()
        for words in self.origins:
            if words[0] == "be" and len(words) >= 3:
                if lemma == "be":
                    hit = self.copula_phrase(pred, words[1:])
                    if hit is not None:
                        return hit
                elif (
                    pred.pos_ in ("VERB", "ADJ")
                    and words[1] in (lemma, pred.lower_)
                    and (
                        any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in pred.children)
                        or pred.dep_ in ("acomp", "amod")
                    )
                ):
                    hit = particle_prep(pred, words[2:])
                    if hit is not None:
                        return hit
            elif lemma == words[0]:
                hit = particle_prep(pred, words[1:])
                if hit is not None:
                    return hit
        return None

    @staticmethod
    def copula_phrase(be, rest):
        """After "be": "due to", "down to", "the result of", "attributable to"."""
        key, prep_word = rest[-2], rest[-1]
        for child in be.children:
            if child.lower_ == key or child.lemma_.lower() == key:
                hit = particle_prep(child, (prep_word,))
                if hit is not None:
                    return hit
                nxt = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
                if nxt is not None and nxt.lower_ == prep_word and nxt.dep_ != "aux":
                    return nxt  # (not the "to" of an infinitive: "was due to be patched in May")
        return None

    def reduced(self, pred):
        """The preposition of "boils down to" / "comes down to"."""
        lemma = pred.lemma_.lower()
        for words in self.reducing:
            if lemma == words[0]:
                hit = particle_prep(pred, words[1:])
                if hit is not None:
                    return hit
        return None

    def unless_denied(self, kind, pred, first, last):
        """The finding ``(kind, first, last)``, or DENIED when ``pred`` is
        negated, its subject is nobody ("no single one of them caused the
        outage"), it is set aside ("It is easy to say the deploy caused the
        outage") or the words between are hedged ("was partly due to", "was
        also caused by", "caused in part by")."""
        if is_negated(pred) or nobody(pred) or self.set_aside(pred):
            return DENIED
        a, b = sorted((first, last), key=lambda t: t.i)
        if next(self.partial.find(a.doc[a.i : b.i + 1]), None) is not None:
            return DENIED
        return kind, a, b


def nobody(pred) -> bool:
    """The subject of ``pred`` is nobody: "Nobody thinks ...", "No single
    one of them caused the outage", "None of these caused it"."""
    subj = clause_subject(pred)
    return subj is not None and (
        negative_subject(subj) or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)
    )


@lru_cache(maxsize=1)
def lexicon() -> RootCauseLexicon:
    return RootCauseLexicon(load(RootCauseData))
