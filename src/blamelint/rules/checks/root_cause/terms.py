"""The term itself and the phrases that exclude other causes, found by the
phrase lists and checked on the parse. Each detector takes the lexicon and the
sentence's tokens and yields ``(kind, first, last)``."""

from __future__ import annotations

from blamelint.grammar.clauses import predicate, prep_object
from blamelint.rules.checks.root_cause.lexicon import RootCauseLexicon
from blamelint.rules.checks.root_cause.rejection import rejected

DOCUMENT_NOUNS = frozenset({"analysis", "review", "document", "doc", "report"})


def term(lex: RootCauseLexicon, tokens):
    """ "root cause", "root-caused", "RCA" (never "root" alone, nor a word
    broken at a hyphen), unless rejected or counted as several; "root cause
    analysis" and "RCA" name the process."""
    for i, j, _ in lex.terms.find(tokens):
        first, last = tokens[i], tokens[j]
        if last.lower_ == "-" or (first.lower_ == "root" and last.i == first.i):
            continue
        if rejected(lex, first, last) or lex.counted_many(first.doc[first.i : last.i + 1].root):
            continue
        sent = first.sent
        nxt = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
        if nxt is not None and nxt.lemma_.lower() in DOCUMENT_NOUNS:
            last = nxt
        kind = "process" if first.lower_.startswith("rca") or last != tokens[j] else "term"
        yield kind, first, last


def exclusive(lex: RootCauseLexicon, tokens):
    """ "X and nothing else", "plain and simple", "full stop" in a clause
    about the incident that gives it one cause; not a verdict that puts it on
    people ("This one is on the DBA team, full stop" is blame), nor a list
    ("X on one side and Y on the other, full stop")."""
    for i, j, _ in lex.exclusive.find(tokens):
        pred = predicate(tokens[i])
        if (
            lex.about_incident(tokens[i])
            and not placed_on_people(lex, pred)
            and not listed(pred, tokens[i])
            and not verdict_on_people(lex, pred, tokens[i])
        ):
            yield "whole", tokens[i], tokens[j]


def placed_on_people(lex: RootCauseLexicon, pred) -> bool:
    """ "is on the DBA team", "lies with ops": responsibility, not a cause."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("on", "with") and lex.people.is_person(prep_object(c))
        for c in pred.children
    )


def verdict_on_people(lex: RootCauseLexicon, pred, marker) -> bool:
    """ "This was human error, plain and simple", "It was carelessness, full
    stop": the incident called a human failing, a verdict on people (blame)
    rather than a cause given for it (the guide's "This was human error." is
    blame; "The incident was caused by human error." is both)."""
    if pred.lemma_ != "be":
        return False
    return any(
        t.lemma_.lower() in lex.data.human_failings
        or (
            t.pos_ == "NOUN"
            and any(g.dep_ in ("amod", "compound") and lex.people.is_person(g) for g in t.children)
        )
        for t in pred.doc[pred.i + 1 : marker.i]
    )


def listed(pred, marker) -> bool:
    """The clause coordinates nouns before the marker ("X on one side and Y
    on the other, full stop"): several things, not one cause."""
    return any(t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.i < marker.i for t in pred.subtree)
