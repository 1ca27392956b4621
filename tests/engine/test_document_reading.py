"""A sentence rule that reads the whole parsed document (agentless-passive's
"does this document narrate in the present?") reads the engine's own parse:
every piece of a document goes through the pipeline once, and nothing of the
document is parsed again by the rule. Matches that depend on that reading are
settled when the document's last block has been read, per document."""

from __future__ import annotations

from collections import Counter

import pytest

from blamelint.config import Config
from blamelint.engine import Linter, document_pieces
from blamelint.postmortem.load import parse_source
from blamelint.rules.registry import Registry

OPENING = "# Router failure\n\n## The morning\n\n"
NARRATED = (
    "At 07:05 the first router stops forwarding. At 07:20 a second one reboots on its own. "
    "Ten minutes later Priya opens an incident. At 07:41 the vendor confirms the bug."
)
PAST = (
    "At 07:05 the first router stopped forwarding. At 07:20 a second one rebooted on its own. "
    "Ten minutes later Priya opened an incident. At 07:41 the vendor confirmed the bug."
)
PASSIVE = "\n\nThe two broken routers are unplugged and taken to the lab.\n"


class CountingPipeline:
    """The session pipeline, recording every text it is given (called or piped)."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.texts: list[str] = []

    def __call__(self, text, *args, **kwargs):
        self.texts.append(text)
        return self.nlp(text, *args, **kwargs)

    def pipe(self, texts, *args, as_tuples=False, **kwargs):
        texts = list(texts)
        self.texts.extend(t[0] if as_tuples else t for t in texts)
        return self.nlp.pipe(texts, *args, as_tuples=as_tuples, **kwargs)

    def __getattr__(self, name):
        return getattr(self.nlp, name)


@pytest.fixture()
def counted(nlp):
    """(linter with agentless-passive only, its counting pipeline)."""
    counting = CountingPipeline(nlp)
    config = Config()
    registry = Registry(config)
    rules = registry.build(registry.selected(["agentless-passive"], []), config.rules)
    return Linter(config, rules, nlp_factory=lambda needs: counting), counting


def _lint(linter, *texts):
    documents = [parse_source(f"pm{i}.md", text) for i, text in enumerate(texts)]
    return documents, [[f.text for f in findings] for _, findings in linter.lint(documents)]


def _parsed_besides_pieces(documents, counting) -> list[str]:
    """What the pipeline was given besides the documents' pieces, after checking
    that each piece was given exactly once."""
    pieces = Counter(piece for document in documents for _, _, piece, _ in document_pieces(document))
    given = Counter(counting.texts)
    assert {piece: given[piece] for piece in pieces} == {piece: 1 for piece in pieces}
    return [text for text in counting.texts if text not in pieces]


def test_the_narration_is_read_from_the_engines_parse(counted):
    linter, counting = counted
    documents, findings = _lint(linter, OPENING + NARRATED + PASSIVE)
    assert findings == [["are unplugged and taken"]]  # the reading took effect
    extra = _parsed_besides_pieces(documents, counting)
    # Only the rewrite is parsed again (to check it is English); none of the document's own words.
    assert extra and all(text not in documents[0].source for text in extra)
    assert all(" we " in f" {text.lower()} " for text in extra)


def test_a_dropped_match_costs_no_parse(counted):
    linter, counting = counted
    documents, findings = _lint(linter, OPENING + PAST + PASSIVE)
    assert findings == [[]]  # told in the past: the present passive describes
    assert _parsed_besides_pieces(documents, counting) == []  # its rewrite was never checked


def test_each_document_is_settled_under_its_own_reading(counted):
    linter, counting = counted
    narrated, past = OPENING + NARRATED + PASSIVE, OPENING + PAST + PASSIVE
    _, findings = _lint(linter, narrated, past, narrated, past)
    assert findings == [["are unplugged and taken"], [], ["are unplugged and taken"], []]
