"""vague-action-item: action items nobody could finish or check.

Three shapes, from ``rules/data/vague-action-items.yaml``:

- vigilance: asking people to be more careful, pay attention, be aware, retrain,
  remind or double-check ("Be more careful when deploying");
- an improvement verb with only generic words, or generic words with no verb
  ("Improve monitoring.", "Better alerting and testing");
- a review verb with a plain object and no purpose, criterion or question
  ("Review the other cron jobs").

The check reads the action only: the item without its owner, date and other
annotations. It needs no parse: the shapes are about which words are there,
not about their grammar, and items are often fragments that parse badly.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from blamelint.data import load
from blamelint.data.models import NoCardData, VagueActionItemsData
from blamelint.postmortem.action_items import action_items
from blamelint.postmortem.sections import words
from blamelint.rules.base import Match
from blamelint.rules.document_rule import DocumentRule


def _phrases(items) -> list[tuple[str, ...]]:
    return sorted({words(i) for i in items if words(i)}, key=len, reverse=True)


def _contains(ws: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(ws[i : i + n] == phrase for i in range(len(ws) - n + 1))


def _leading(ws: tuple[str, ...], phrases) -> int:
    """Length of the phrase ``ws`` starts with (0 when none)."""
    return next((len(p) for p in phrases if ws[: len(p)] == p), 0)


class VagueShapes:
    """The data of vague-action-items.yaml as word sequences, longest phrase first."""

    def __init__(self, data: VagueActionItemsData):
        self.vigilance = _phrases(data.vigilance)
        self.builders = {w for b in data.builder_verbs for w in words(b)}
        self.lead_ins = _phrases(data.lead_ins)
        self.improve = _phrases(data.improve_verbs)
        self.review = _phrases(data.review_verbs)
        self.purpose = {w for p in data.purpose_words for w in words(p)}
        self.generic = {w for g in data.generic_words for w in words(g)}

    def reason(self, action: str) -> str | None:
        ws = words(action)
        while ws:
            cut = _leading(ws, self.lead_ins)
            if not cut:
                break
            ws = ws[cut:]
        if not ws:
            return None
        if ws[0] not in self.builders and any(_contains(ws, p) for p in self.vigilance):
            return (
                "Vague action item: it asks people to be more careful or aware, which does not last; "
                "change the system so the mistake is hard to make or quick to catch."
            )
        verb = _leading(ws, self.improve)
        rest = ws[verb:]
        if all(w in self.generic for w in rest) and (verb or rest):
            return (
                "Vague action item: it names no concrete change; say what will be added or changed, "
                "where, and how you will know it is done."
            )
        verb = _leading(ws, self.review)
        if verb and len(ws) <= 7 and not any(w in self.purpose for w in ws[verb:]):
            return (
                "Vague action item: a review with no question or criterion; say what to look for "
                "and what decision or change it should produce."
            )
        return None


@lru_cache(maxsize=1)
def shapes() -> VagueShapes:
    return VagueShapes(load(VagueActionItemsData))


class VagueActionItem(DocumentRule):
    data_model = NoCardData

    def check_postmortem(self, document, context) -> Iterable[Match]:
        for item in action_items(document):
            message = shapes().reason(item.action)
            if message:
                start, end = item.span()
                yield Match(start, end, message, self.card.suggestion)
