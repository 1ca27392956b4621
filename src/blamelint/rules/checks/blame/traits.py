"""Judgments of a person's character or competence: "be more careful",
"wasn't thorough", "useless", "a rookie mistake", "a habit of skipping staging".

Each detector takes the blame lexicon and one token and returns
``(kind, first, last)`` or None.
"""

from __future__ import annotations

from blamelint.grammar import modals
from blamelint.grammar.clauses import (
    clause_subject,
    is_negated,
    negative_subject,
)
from blamelint.rules.checks.blame.lexicon import SELF, BlameLexicon


def more_careful(lex: BlameLexicon, tok):
    """ "People need to be more careful", "had been a lot more careful"."""
    if tok.pos_ != "ADJ" or tok.lemma_.lower() not in lex.data.more_adjectives:
        return None
    more = next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "more"), None)
    pred = tok.head if tok.dep_ in ("acomp", "attr") else tok
    subj = lex.subject(pred)
    if more is None or not lex.person(subj) or lex.aspired(pred):
        return None
    if not isinstance(subj, str) and subj.lower_ in lex.people.any_people and _negated_above(tok):
        return None  # "Nothing in this list is about making anyone more careful"
    return "admonition", more, tok


def _negated_above(tok) -> bool:
    """A verb above ``tok`` is negated or has a negative subject ("Nothing
    ... is about making anyone ...", "None of these asks anybody to ...")."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj = clause_subject(anc)
            if is_negated(anc) or negative_subject(subj):
                return True
    return False


def not_careful(lex: BlameLexicon, tok):
    """ "Bob wasn't careful", "looked it over without being thorough"."""
    if tok.pos_ != "ADJ" or tok.lemma_.lower() not in lex.data.more_adjectives:
        return None
    if any(c.dep_ == "advmod" and c.lower_ == "more" for c in tok.children):
        return None  # a comparative: _more_careful
    pred = tok.head if tok.dep_ in ("acomp", "attr") else tok
    if pred.lemma_ == "be" and pred.dep_ == "pcomp" and pred.head.lower_ == "without":
        return ("judgment", pred.head, tok) if lex.person(clause_subject(pred.head.head)) else None
    if (is_negated(pred) or any(c.dep_ == "neg" for c in tok.children)) and lex.person(clause_subject(pred)):
        return "judgment", tok, tok
    return None


def person_adjective(lex: BlameLexicon, tok):
    """ "The vendor's engineers were useless", "an inexperienced engineer"."""
    if tok.lemma_.lower() not in lex.data.person_adjectives or tok.pos_ != "ADJ":
        return None
    if tok.dep_ == "amod":
        return ("judgment", tok, tok) if lex.person(tok.head) else None
    subj = clause_subject(tok)
    if lex.person(subj) and not is_negated(tok.head if tok.dep_ == "acomp" else tok):
        comp = next((c for c in tok.children if c.dep_ == "xcomp"), tok)  # "slow to respond"
        return "judgment", tok, comp
    return None


def mistake(lex: BlameLexicon, tok):
    """ "a silly mistake", "a rookie error"."""
    if tok.lemma_.lower() not in lex.data.mistake_nouns:
        return None
    for child in tok.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in lex.data.mistake_adjectives:
            return "judgment", child, tok
    return None


def better_person(lex: BlameLexicon, tok):
    """ "A competent engineer would have caught this", "Anyone who knew what
    they were doing would have spotted it", "Any developer paying attention
    would have seen the warning"."""
    if (
        tok.dep_ in ("nsubj", "nsubjpass")
        and tok.lower_ in lex.people.any_people
        or any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children)
    ):
        able = next((c for c in tok.children if c.dep_ in ("relcl", "acl") and _able(c)), None)
        verb = tok.head
        if able is not None and any(c.dep_ == "aux" and modals.modal(c) == "would" for c in verb.children):
            return "judgment", tok, able
    if tok.dep_ not in ("nsubj", "nsubjpass") or not lex.people.is_role(tok):
        return None
    adj = next(
        (c for c in tok.children if c.dep_ == "amod" and c.lower_ in lex.data.better_person_adjectives), None
    )
    if adj is None:
        return None
    verb = tok.head
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return "judgment", adj, tok
    return None


def typical(lex: BlameLexicon, tok):
    """ "Typical contractor work", "typical of the ops team", "Classic intern
    move", or "Typical." alone after an account (but "a classic race condition"
    says nothing of a person)."""
    if tok.lower_ not in lex.data.typical_adjectives:
        return None
    if tok.dep_ == "ROOT" and all(t.is_punct for t in tok.sent if t.i != tok.i):
        return "judgment", tok, tok  # "Typical." said of what was just told: a habit, not a fact
    noun = tok.head if tok.dep_ == "amod" or (tok.dep_ == "compound" and tok.i < tok.head.i) else None
    if noun is not None:
        if lex.person(noun) or any(c.dep_ in ("compound", "poss") and lex.person(c) for c in noun.children):
            return "judgment", tok, noun
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if lex.person(obj):
                return "judgment", tok, obj
    return None


def shamed(lex: BlameLexicon, tok):
    """ "Whoever approved this should be embarrassed"."""
    if tok.lower_ not in lex.data.shame_adjectives:
        return None
    if tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.dep_ == "ROOT":
        be = tok  # "should be embarrassed by ...", parsed as a passive
    elif tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        be = tok.head
    else:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("should", "ought", "must") for c in be.children):
        return None
    return ("judgment", tok, tok) if lex.person(clause_subject(be)) and not is_negated(be) else None


def trait(lex: BlameLexicon, tok):
    """ "The team has a habit of skipping staging", "a tendency to push on
    Fridays", said of a person."""
    if tok.lemma_.lower() not in lex.data.habit_nouns or tok.pos_ != "NOUN":
        return None
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None and tok.dep_ == "dobj" and tok.head.lemma_ == "have":
        verb = tok.head
        owner = clause_subject(verb)
        while owner is None and verb.dep_ in ("xcomp", "acl", "relcl") and verb.head != verb:
            # "used to have a tendency", also when "used" hangs off its noun
            verb = verb.head
            owner = verb if verb.pos_ in ("NOUN", "PROPN", "PRON") else clause_subject(verb)
    if not lex.person(owner):
        return None
    deed = next((c for c in tok.children if c.dep_ == "acl"), None)
    if deed is None:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        deed = next((c for c in of.children if c.dep_ == "pcomp"), None) if of is not None else None
    if deed is None:
        return None
    deeds = [deed] + [c for c in deed.children if c.dep_ == "conj"]
    if not any(d.lemma_.lower() in lex.data.habitual_faults or is_negated(d) for d in deeds):
        return None  # "a habit of writing postmortems" is no fault
    return "judgment", tok, tok


PRESENT = frozenset({"VBZ", "VBP"})


def ignorant(lex: BlameLexicon, tok):
    """A person's competence judged in the present: "Greg does not know how to
    use the tooling", "I'm not sure he understands how payments work",
    "Gustav has no idea how it works", and in the past when the writer says it
    was plain to see: "whoever approved it clearly had no idea what it did"
    (but "she did not know the flag was shared" is a plain account of the
    event, and "we don't know why" owns a gap)."""
    evident = any(c.dep_ == "advmod" and c.lower_ in lex.data.evidential_adverbs for c in tok.children)
    if tok.pos_ != "VERB" or tok.tag_ not in PRESENT and not _does(tok) and not evident:
        return None  # the past is a plain account, unless the writer says it was plain to see
    lemma = tok.lemma_.lower()
    if lemma in ("know", "understand") and _knows_that(tok):
        return None  # "half the team doesn't know it exists": unaware of a fact, not judged
    if lemma in ("know", "understand"):
        doubted = is_negated(tok) or (
            tok.dep_ == "ccomp" and tok.head.lemma_ == "sure" and is_negated(tok.head.head)
        )
    elif lemma == "have":
        idea = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_ == "idea"), None)
        doubted = idea is not None and any(c.lower_ == "no" for c in idea.children)
    else:
        return None
    subj = clause_subject(tok)
    if not doubted or subj is None or subj.lower_ in SELF | {"you", "no"}:
        return None
    if subj.lower_ in lex.people.any_people | lex.people.nobody:
        return None  # "anyone who doesn't know how it works", "nobody understands it": no one judged
    return ("judgment", tok, tok) if lex.person(subj) else None


WH_WORDS = frozenset({"how", "what", "when", "where", "which", "who", "why"})


def _knows_that(verb) -> bool:
    """The verb of knowing takes a clause that states a fact ("doesn't know it
    exists", "does not know that the flag is shared"): awareness, not competence
    (unlike "does not know how to restore it", "doesn't understand what a replica is")."""
    return any(c.dep_ == "ccomp" and c.left_edge.lower_ not in WH_WORDS for c in verb.children)


def _does(verb) -> bool:
    """ "does not know": the present carried by the auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in ("does", "do") for c in verb.children)


def expect_better(lex: BlameLexicon, tok):
    """ "I expect better from this team", "But I expect better": the writer
    scolding people for falling short."""
    if tok.lemma_ != "expect" or tok.pos_ != "VERB" or tok.tag_ not in PRESENT or is_negated(tok):
        return None
    better = next(
        (c for c in tok.children if c.dep_ in ("dobj", "advmod", "acomp") and c.lower_ == "better"), None
    )
    subj = clause_subject(tok)
    if better is None or subj is None or subj.lower_ not in ("i", "we"):
        return None
    return "admonition", tok, better


def kept_away(lex: BlameLexicon, tok):
    """ "Whoever muted it should not be anywhere near production", "I would
    not let him near a replica": a person to be kept away from systems."""
    if tok.lower_ != "near" or tok.dep_ != "prep":
        return None
    verb = tok.head
    if verb.dep_ == "dobj" and verb.head.lemma_ == "let":
        verb = verb.head  # "let him near a replica", "near" hung from the person
    if verb.lemma_ == "be" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        person = clause_subject(verb)
        if is_negated(verb) and person is not None and person.lower_ not in SELF:
            whoever = person.dep_ in ("csubj", "csubjpass") and person.left_edge.lower_ == "whoever"
            return ("fault", verb, tok) if whoever or lex.person(person) else None
    if verb.lemma_ == "let" and is_negated(verb):
        person = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if person is None or person.dep_ != "dobj":
            return None
        if person is not None and person.lower_ not in SELF | lex.people.unnamed:
            return ("fault", verb, tok) if lex.person(person) else None
    return None


def _able(clause) -> bool:
    """ "who knew what they were doing", "paying attention": what a capable
    person is said to do."""
    if clause.lemma_ == "pay" and any(c.dep_ == "dobj" and c.lemma_ == "attention" for c in clause.children):
        return True
    return clause.lemma_ == "know" and any(t.lemma_ == "do" and t.tag_ == "VBG" for t in clause.subtree)
