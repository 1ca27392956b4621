"""Past counterfactual conditions: "if we had tested", "Had Bea checked",
"if only", judged as hindsight when they are about what people did."""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject
from blamelint.grammar.modals import is_had
from blamelint.rules.checks.hindsight.lexicon import HindsightLexicon, has_modal_perfect, modal


def past_condition(verb) -> bool:
    """A past counterfactual condition: "if we had tested", "Had Bea
    checked", "if Viktor had been more careful"."""
    if verb.dep_ not in ("advcl", "ccomp"):
        return False
    aux_had = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and is_had(c)), None)
    if aux_had is None:
        # "if we had had a canary"
        return verb.lower_ == "had" and any(c.lower_ == "if" for c in verb.children)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return verb.dep_ == "advcl"
    subj = clause_subject(verb)
    return subj is not None and aux_had.i < subj.i  # inverted: "Had we ..."


LEADING_WORDS = frozenset({"and", "but", "so", "yet", "honestly", "frankly", "still"})
CLAUSE_BREAKS = frozenset({",", ";", ":", "-", "--", "\u2014", "\u2013"})
NOUNS = ("NOUN", "PROPN", "PRON")


class Inversion:
    """ "Had the reviewer so much as opened the diff, the swap would have
    been spotted", read from the word order where the parser took "Had" for
    possession or made the condition the root: ``verb`` is the condition's
    participle, ``doer`` the head of the noun phrase after "Had", ``main``
    the first verb with a modal after the clause break."""

    def __init__(self, verb, doer, main, negated):
        self.verb, self.doer, self.main, self.negated = verb, doer, main, negated


def inversion_at(had):
    """The ``Inversion`` that starts at ``had``, or None."""
    if had.lower_ != "had":
        return None
    sent, doc = had.sent, had.doc
    start = max([sent.start] + [t.i + 1 for t in doc[sent.start : had.i] if t.text in CLAUSE_BREAKS])
    if any(t.lower_ not in LEADING_WORDS for t in doc[start : had.i]):
        return None
    if had.i + 1 >= sent.end or doc[had.i + 1].pos_ not in NOUNS + ("DET", "ADJ", "NUM"):
        return None  # "Had been paged twice" (a note without its subject), "had to"
    brk = next((t.i for t in doc[had.i + 1 : sent.end] if t.text in CLAUSE_BREAKS), None)
    if brk is None:
        return None
    words = doc[had.i + 1 : brk]
    nouns = [t for t in words if t.pos_ in NOUNS]
    # "Had anyone asked", "had we run one": the tagger may read a participle as a past or a base form
    verbs = [
        t
        for t in words
        if (t.tag_ in ("VBN", "VBG", "VBD") or (t.tag_ == "VB" and had in t.children))
        and t.lower_ != "been"
        and nouns
        and t.i > nouns[0].i
    ]
    if not verbs:
        return None
    doer = nouns[0]
    while doer.head.i in range(had.i + 1, brk) and doer.head.pos_ in NOUNS and doer.head != doer:
        doer = doer.head
    main = next((t for t in doc[brk + 1 : sent.end] if t.pos_ in ("VERB", "AUX") and modal(t)), None)
    if main is None:
        return None
    negated = any(t.dep_ == "neg" or t.lower_ in ("not", "n't", "never") for t in words)
    return Inversion(verbs[0], doer, main, negated)


def inversions(tokens):
    """The inversions of a sentence that the parse did not read as a past condition."""
    for tok in tokens:
        found = inversion_at(tok)
        if found is not None and not past_condition(found.verb):
            yield found


def inversion_judges(lex: HindsightLexicon, inv: Inversion) -> bool:
    """Judged like a past condition, with the doer read from the word order:
    "Had anyone asked ..." is about people; "Had the breaker not tripped,
    ..." credits a safeguard (unless the main verb names a good outcome)."""
    if lex.credited(inv.main) or (inv.negated and not lex.outcome(inv.main)):
        return False
    if lex.at_another_time(inv.verb):
        return False
    return lex.judges_action(inv.verb, inv.main) or lex.human(inv.doer)


def counterfactual(lex: HindsightLexicon, tokens):
    """A past condition whose main clause has a modal but no perfect ("Had we
    tested it, we would know"); with a modal perfect, ``perfects`` judges it."""
    for cond in tokens:
        if not past_condition(cond):
            continue
        main = cond.head
        if not has_modal_perfect(main) and modal(main) is not None and lex.judges_action(cond, main):
            yield "counterfactual", cond, cond
    for inv in inversions(tokens):
        if not has_modal_perfect(inv.main) and inversion_judges(lex, inv):
            yield "counterfactual", inv.verb, inv.verb
