"""The incident reduced to one thing without a cause word: "At bottom, what
we had here was X", "Fundamentally, the outage was a capacity problem"
(a reducing adverbial on a clause of "be" about the incident), and "There is
exactly one problem here: X", "Underneath it all was one thing: X" (one
thing counted, then named after a colon)."""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject, is_negated
from blamelint.rules.checks.root_cause.lexicon import RootCauseLexicon

PAST = frozenset({"VBD", "VBN"})


def reducing_adverbial(lex: RootCauseLexicon, tokens):
    """ "At bottom, X was Y", "Fundamentally, the outage was Y": the
    adverbial modifies a clause of "be" whose subject is the incident ("what
    we had here", "the outage", or, in the past tense, "this" / "it") and
    whose complement is a noun ("Fundamentally, it was fine" is not a cause)."""
    for i, j, _ in lex.reducers.find(tokens):
        first = tokens[i]
        be = next((t for t in (first.head, first.head.head) if t.lemma_ == "be"), None)
        # the complement: a noun, or a clause ("Fundamentally, the problem was that nobody owned it")
        attr = None if be is None else next((c for c in be.children if c.dep_ in ("attr", "ccomp")), None)
        if attr is None or is_negated(be) or lex.several(attr) or any(g.dep_ == "conj" for g in attr.subtree):
            continue  # "At bottom, it was a story about a missing alert and a tired team": several
        if not any(t.i == be.i or t in be.children for t in tokens[i : j + 1]):
            continue
        if incident_subject(lex, be, attr):
            yield "whole", first, tokens[j]


def incident_subject(lex: RootCauseLexicon, be, attr) -> bool:
    """The subject of ``be`` stands for the incident: an incident noun, a
    free relative ("what we had here", "what happened"), "everything", or a
    pronoun in the past tense with a fault as complement ("At heart, it was a
    locking bug"; "Fundamentally, it was a good response" is a verdict, and
    "this is" may be about anything)."""
    subj = next((c for c in be.children if c.dep_ == "csubj"), None)
    if subj is not None:
        return subj.lemma_.lower() in lex.data.incident_relatives and any(
            c.lower_ == "what" for c in subj.children
        )
    subj = clause_subject(be)
    if subj is None:
        return False
    if lex.incident(subj) or lex.totalizing(subj):
        return True
    return (
        subj.lower_ in lex.data.incident_pronouns
        and be.tag_ in PAST
        and attr.dep_ == "attr"
        and attr.lemma_.lower() in lex.data.fault_nouns
    )


def one_thing(lex: RootCauseLexicon, tok):
    """ "There is exactly one problem here: X", "Underneath it all was one
    thing: X": a problem or thing counted as one, in a clause of "be" (an
    answer anywhere: "The review arrived at one answer: X"; what caused
    anything: "The double charges were caused by one thing: X"), with what it
    is given after a colon. Not "one more thing", "one problem with
    the rollback: ..." (a part), "One thing is clear: ..." nor "one thing I
    want to stress: ..." (a noun with its own modifiers)."""
    lemma = tok.lemma_.lower()
    if (
        tok.pos_ != "NOUN"
        or tok.tag_ != "NN"
        or not (lemma in lex.data.factor_nouns or lemma in lex.data.answer_nouns)
    ):
        return None
    be = tok.head
    if tok.dep_ in ("dobj", "pobj") and lemma in lex.data.answer_nouns:
        pass  # "Our five-whys arrived at one answer: X"
    elif tok.dep_ == "pobj" and be.dep_ == "agent" and be.head.lemma_ == "cause" and not is_negated(be.head):
        pass  # "The double charges were caused by one thing: X"
    elif tok.dep_ not in ("attr", "nsubj") or be.lemma_ != "be" or is_negated(be):
        return None
    elif any(c.dep_ == "acomp" for c in be.children):
        return None
    count = next((c for c in tok.children if c.lower_ in lex.data.single_counts), None)
    if count is None or lex.denied(tok):
        return None
    if any(
        c.dep_ not in ("det", "nummod", "amod", "advmod", "quantmod")
        or (c.dep_ == "amod" and c.lower_ not in lex.data.single_counts)
        for c in tok.children
    ):
        return None  # "one problem with the rollback", "one more thing", "one thing I want to stress"
    if any(g.lower_ not in lex.data.exact_words for g in count.children):
        return None  # "one more thing"
    if any(c.dep_ == "advmod" and c.lower_ != "here" for c in tok.children):
        return None
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 2 < tok.sent.end else None
    if after is None or after.text != ":":
        return None
    return "single", min(count, tok, key=lambda t: t.i), tok


def whole_story(lex: RootCauseLexicon, tok):
    """ "That is the whole story", "and that's really the whole incident in one
    sentence": "that", pointing back at a cause just given, called the whole
    of the incident (not "the whole story of the night", a narrative, nor "a
    finding that was the whole story in miniature", said of a noun)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.data.whole_story_nouns or tok.dep_ != "attr":
        return None
    be = tok.head
    if be.lemma_ != "be" or is_negated(be):
        return None
    if not any(c.dep_ == "amod" and c.lower_ in ("whole", "entire") for c in tok.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    subj = clause_subject(be)
    if subj is None or subj.lower_ != "that" or subj.i > be.i:
        return None
    return "whole", subj, tok
