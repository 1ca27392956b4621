"""Which modal a token spells, written out in full.

The tokenizer splits a contraction into pieces that are no words of their own:
"it'll" -> "'ll", "won't" -> "wo" + "n't", "can't" -> "ca" + "n't", "shan't" ->
"sha" + "n't", "we'd" -> "'d" (also without the apostrophe: "itll", "wont", and
with a typographic one: "it\u2019ll"). Readings compare the full modal ("will"),
so no set of modals needs the contracted spellings, and a rewrite can print it.

"'d" is "would" or "had", and the tagger often calls both a modal ("we'd
restarted the pods": MD). The verb after it decides: a base form follows
"would" ("we'd have caught it", "we'd be paged", "we'd rather wait"), a
participle follows "had" ("we'd restarted", "we'd never seen", "we'd been
paged"); the tag only when no verb follows.
"""

from __future__ import annotations

from blamelint.grammar.morphology import participle_form

SPLIT_MODALS = {
    "'ll": "will",
    "ll": "will",
    "wo": "will",
    "ca": "can",
    "sha": "shall",
}
"""Contracted spellings of a modal (tagged MD) and the modal they stand for."""

CONTRACTED_D = frozenset({"'d", "d"})
"""Spellings of the clitic of "we'd" ("Id" without the apostrophe), "would" or "had"."""
CONDITIONS = frozenset({"if", "unless"})
MAX_BETWEEN = 3
"""Adverbs looked past between "'d" and its verb ("we'd probably never have")."""


def _spelling(token) -> str:
    return token.lower_.replace("\u2019", "'")


def modal(token) -> str | None:
    """The modal ``token`` is, in full ("will" for "'ll" and for the "wo" of
    "won't", "would" for an "'d" before a base form), or None when it is none."""
    low = _spelling(token)
    if _clitic_d(token):
        return "would" if _d_is_would(token) else None
    if token.tag_ != "MD":
        return None
    return SPLIT_MODALS.get(low, low)


def first_modal(tokens) -> str | None:
    """The first modal among ``tokens`` (a verb's auxiliaries), in full."""
    return next((m for m in map(modal, tokens) if m is not None), None)


def has_perfect(verb) -> bool:
    """``verb`` has "have" as an auxiliary: the perfect after a modal ("could
    have checked", "would've been", "should have been paged")."""
    return any(c.dep_ == "aux" and (c.lower_ in ("have", "'ve") or c.norm_ == "have") for c in verb.children)


def is_had(token) -> bool:
    """The auxiliary "had", also contracted ("we'd caught it"), not the modal
    "'d" ("we'd have caught it")."""
    low = _spelling(token)
    return low == "had" or (_clitic_d(token) and not _d_is_would(token))


def _clitic_d(token) -> bool:
    """ "'d" written onto the word before it ("we'd", "Id"), not a letter "d"."""
    return _spelling(token) in CONTRACTED_D and token.i > 0 and not token.doc[token.i - 1].whitespace_


def _d_is_would(token) -> bool:
    """Whether a contracted "'d" is "would": the first verb after it (past
    adverbs and "not": "we'd never seen") is a base form, not a participle. A
    verb whose base form is its participle ("read", "run", "set") is "had" in
    a condition ("if he'd run it at night"), where "would" is not written."""
    for after in token.doc[token.i + 1 : token.i + 1 + MAX_BETWEEN]:
        if after.tag_ in ("VBN", "VBD"):
            return False
        if after.tag_ in ("VB", "VBP"):
            return not (participle_form(after.lower_) and _condition(after))
        if after.pos_ not in ("ADV", "PART"):
            break
    return token.tag_ == "MD"


def _condition(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children)


def past_perfect_relative(noun) -> bool:
    """``noun`` carries a relative clause in the past perfect ("anyone who had read the
    runbook"): with a modal perfect in the main clause, the condition of a counterfactual."""
    return any(
        c.dep_ == "relcl" and any(a.dep_ == "aux" and is_had(a) for a in c.children) for c in noun.children
    )
