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


def counterfactual(lex: HindsightLexicon, tokens):
    """A past condition whose main clause has a modal but no perfect ("Had we
    tested it, we would know"); with a modal perfect, ``perfects`` judges it."""
    for cond in tokens:
        if not past_condition(cond):
            continue
        main = cond.head
        if not has_modal_perfect(main) and modal(main) is not None and lex.judges_action(cond, main):
            yield "counterfactual", cond, cond
