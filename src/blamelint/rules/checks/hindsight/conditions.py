"""Past counterfactual conditions: "if we had tested", "Had Bea checked",
"if only", judged as hindsight when they are about what people did."""

from __future__ import annotations

from blamelint.grammar.clauses import clause_subject
from blamelint.rules.checks.hindsight.lexicon import HindsightLexicon, has_modal_perfect, modal


def past_condition(verb) -> bool:
    """A past counterfactual condition: "if we had tested", "Had Bea
    checked", "if Viktor had been more careful"."""
    if verb.dep_ not in ("advcl", "ccomp"):
        return False
    aux_had = next(
        (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")), None
    )
    if aux_had is None:
        # "if we had had a canary"
        return verb.lower_ == "had" and any(c.lower_ == "if" for c in verb.children)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return verb.dep_ == "advcl"
    subj = clause_subject(verb)
    return subj is not None and aux_had.i < subj.i  # inverted: "Had we ..."


LEADING_WORDS = frozenset({"and", "but", "so", "yet", "honestly", "frankly", "still"})


def inverted_root(verb) -> bool:
    """ "Had anyone asked why ..., the nodes would still be standing", parsed
    with the condition as the root and the main clause hanging under it: the
    root opens its sentence with "Had" (after a conjunction or an adverb at
    most) before its subject."""
    if verb.dep_ != "ROOT":
        return False
    aux_had = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ == "had"), None)
    subj = clause_subject(verb)
    if aux_had is None or subj is None or subj.i < aux_had.i:
        return False
    lead = [t for t in verb.doc[verb.sent.start : aux_had.i] if not t.is_punct]
    return all(t.lower_ in LEADING_WORDS for t in lead)


def inverted_mains(cond):
    """The main clauses under an ``inverted_root`` condition: a later clause with a modal."""
    return [
        c for c in cond.children if c.dep_ in ("ccomp", "conj", "parataxis") and c.i > cond.i and modal(c)
    ]


def counterfactual(lex: HindsightLexicon, tokens):
    """A past condition whose main clause has a modal but no perfect ("Had we
    tested it, we would know"); with a modal perfect, ``perfects`` judges it."""
    for cond in tokens:
        if past_condition(cond):
            mains = [cond.head]
        elif inverted_root(cond):
            mains = inverted_mains(cond)
        else:
            continue
        for main in mains:
            if not has_modal_perfect(main) and modal(main) is not None and lex.judges_action(cond, main):
                yield "counterfactual", cond, cond
                break
