"""Every rule's documented examples run as tests, and the cards are complete."""

import pytest

from blamelint.rules.registry import Registry

SENTENCE_RULES = ("agentless-passive", "root-cause", "blame", "hindsight")
CARDS = Registry().cards


def test_builtin_rules_exist():
    ids = {c.id for c in CARDS}
    assert ids >= {*SENTENCE_RULES, "missing-what-went-well"}


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_card_is_documented(card):
    assert card.examples.fail, "every rule shows at least one failing example"
    for text in (card.summary, card.docs.what, card.docs.why, card.docs.example, card.docs.use_instead):
        assert text.strip()


EXAMPLES = [(c.id, c.scope, "fail", e) for c in CARDS for e in c.examples.fail] + [
    (c.id, c.scope, "pass", e) for c in CARDS for e in c.examples.pass_
]


@pytest.mark.parametrize(
    "rule, scope, expect, text", EXAMPLES, ids=[f"{r}-{x}-{i}" for i, (r, s, x, t) in enumerate(EXAMPLES)]
)
def test_documented_examples(lint, rule, scope, expect, text):
    found = {f.rule for f in lint(text)}
    if expect == "fail":
        assert rule in found
    elif scope == "sentence":
        assert not found & set(SENTENCE_RULES), found
    else:
        assert rule not in found
