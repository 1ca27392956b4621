"""Hindsight announced by its words: the markers of rules/data/hindsight.yaml
("in hindsight", "if only", "the writing was on the wall"), "Looking back,",
and adjectives that judge by the outcome ("preventable", unless negated).
Each detector takes the lexicon and the sentence's tokens and yields
``(kind, first, last)``."""

from __future__ import annotations

from blamelint.grammar.clauses import QUOTES, clause_subject, is_negated, predicate
from blamelint.grammar.morphology import verb_lemmas
from blamelint.rules.checks.hindsight.lexicon import HindsightLexicon

NOT_LOOKING_BACK = frozenset({"at", "on", "over", "through", "to", "into"})


def marker_phrases(lex: HindsightLexicon, tokens):
    """The markers, unless they introduce a judgment the writer sets aside
    ("In hindsight it is easy to say ..., but at the time ...")."""
    for i, j, _ in lex.markers.find(tokens):
        if not set_aside(lex, predicate(tokens[i])) and not mentioned(tokens, i, j):
            yield "marker", tokens[i], tokens[j]


def mentioned(tokens, i: int, j: int) -> bool:
    """The quotation marks hold the marker and nothing else ('full of "if
    only"', 'leave the "if only" for the essays'): the words mentioned, not used."""
    return 0 < i and j + 1 < len(tokens) and tokens[i - 1].text in QUOTES and tokens[j + 1].text in QUOTES


def set_aside(lex: HindsightLexicon, pred) -> bool:
    """ "it is easy / tempting to say"."""
    return pred.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in lex.data.disowning_adjectives for c in pred.children
    )


def looking_back_or_word(lex: HindsightLexicon, tokens):
    for tok in tokens:
        if looking_back(tok):
            yield "marker", tok, tok.doc[tok.i + 1]
        elif tok.lower_ in lex.data.words and tok.pos_ == "ADJ" and not adjective_denied(tok):
            yield "word", tok, tok
        elif (
            tok.lower_ in lex.data.outcome_adjectives
            and said_of_outcome(lex, tok)
            and not adjective_denied(tok)
        ):
            yield "word", tok, tok


def said_of_outcome(lex: HindsightLexicon, adjective) -> bool:
    """ "a predictable outcome", "the result was predictable", "This was
    predictable": the adjective is said of the incident or its outcome."""
    if adjective.dep_ == "amod":
        noun = adjective.head
    elif adjective.dep_ == "acomp":
        noun = clause_subject(adjective.head)
    else:
        return False
    return noun is not None and noun.lemma_.lower() in lex.data.outcome_nouns


def looking_back(tok) -> bool:
    """ "Looking back, ..." (not "looking back at the timeline")."""
    if tok.lower_ != "looking" or tok.i + 1 >= len(tok.doc):
        return False
    if tok.doc[tok.i + 1].lower_ != "back":
        return False
    after = tok.doc[tok.i + 2] if tok.i + 2 < len(tok.doc) else None
    return after is None or after.lower_ not in NOT_LOOKING_BACK


def adjective_denied(tok) -> bool:
    """ "was not preventable with the tools we had"."""
    head = tok.head if tok.dep_ in ("acomp", "attr") else tok
    return is_negated(head) or any(c.dep_ == "neg" for c in tok.children)


def why_nobody(lex: HindsightLexicon, tokens):
    """ "Why did nobody roll back at 14:10?", "Why didn't anyone check the
    replica?": a question about people that asks why the better action was
    not taken, a judgment by what is known now (but "Why didn't the failover
    trigger?" asks about a system, and "Why did we roll back?" asks what
    happened)."""
    words = _question(tokens)
    if words is None:
        return
    found = _why_nobody_parsed(lex, words)
    if found is None:
        found = _why_nobody_in_words(lex, words)
    if found is not None:
        yield "counterfactual", words[0], found


QUESTION_OPENERS = frozenset({"also", "and", "but", "so", "then"})
"""Words that may come before the "why" of a question ("and why did nobody ...")."""


def _question(tokens):
    """The words of a why-question from its "why" to its "?", or None: a
    conjunction, quotation marks or a speaker's label may come before the "why"
    ('Lead: "Why did nobody ...?"'), quotation marks after the "?"."""
    words = [t for t in tokens if not t.is_space]
    while words and words[-1].text in QUOTES:
        words.pop()
    start = next((i for i, t in enumerate(words) if t.lower_ == "why"), None)
    if start is None or not words or words[-1].text != "?":
        return None
    before = words[:start]
    colons = [i for i, t in enumerate(before) if t.is_punct and t.text.endswith(":")]  # also "):"
    if colons:
        before = before[colons[-1] + 1 :]
    if not all(t.is_punct or t.lower_ in QUESTION_OPENERS for t in before):
        return None
    words = words[start:]
    return words if len(words) >= 4 else None


def _why_nobody_parsed(lex: HindsightLexicon, words):
    """The verb of "why did nobody <verb>" read from the parse, or None."""
    verb = words[0].head
    if verb.dep_ == "aux" and verb.lower_ == "did":
        verb = verb.head  # "Why did nobody on the night desk open ...": "why" parsed under "did"
    if verb.dep_ == "conj" and not any(c.dep_ == "aux" for c in verb.children):
        verb = verb.head  # "why did nobody stop and read the plan?": the question is on the first verb
    did = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "did"), None)
    if did is None:
        return None
    subj = clause_subject(verb) or next((c for c in did.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None  # (the parser may hang the subject on "did": "Why did nobody in #support ask ...")
    if lex.nobody(subj) or (is_negated(verb) and (lex.human(subj) or lex.anybody(subj))):
        return verb
    return None


def _why_nobody_in_words(lex: HindsightLexicon, words):
    """The verb of "why did nobody (on infra) <verb>" read from the words, where the
    parser lost the verb ("Why did nobody pause ingestion ..." with "pause" read as
    a noun): the first verb in its base form within four words of "nobody"."""
    if len(words) < 4 or words[1].lower_ != "did" or not lex.nobody(words[2]):
        return None
    return next((t for t in words[3:7] if t.lower_ in verb_lemmas(t.lower_)), None)
