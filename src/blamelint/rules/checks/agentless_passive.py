"""agentless-passive: a passive clause that reports an event without its doer."""
from __future__ import annotations

from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.rules.cards import load_data

AFFECTED = {"affect", "impact"}


def _inflect_past(lemma: str) -> str:
    try:
        from lemminflect import getInflection

        forms = getInflection(lemma, tag="VBD")
        if forms:
            return forms[0]
    except Exception:  # pragma: no cover - lemminflect is optional at run time
        pass
    return lemma + ("d" if lemma.endswith("e") else "ed")


def _has_agent(verb) -> bool:
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if not objs:
                continue
            obj = objs[0]
            if obj.tag_ == "VBG" or obj.lower_ in ("hand",) or obj.like_num or obj.ent_type_ in ("TIME", "DATE"):
                continue
            if obj.tag_ == "CD" or any(ch.isdigit() for ch in obj.text):
                continue
            return True
    return False


class AgentlessPassive(Rule):
    def setup(self) -> None:
        self.states = set(load_data("states.yaml")["participles"])

    def check_sentence(self, sent, block) -> Iterable[Match]:
        for token in sent:
            verb = None
            if token.dep_ == "auxpass":
                verb = token.head
            if verb is None or verb.tag_ != "VBN":
                continue
            if verb.lemma_ in AFFECTED or verb.lower_ in self.states:
                continue
            if _has_agent(verb):
                continue
            aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if not any(a.tag_ in ("VBD", "MD", "VBN") or a.lower_ in ("been", "get", "got") for a in aux):
                continue  # generic present: how a system normally works
            yield self._match(sent, verb, aux)

    def _match(self, sent, verb, aux) -> Match:
        start = min([verb.i] + [a.i for a in aux])
        span = sent.doc[start: verb.i + 1]
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        suggestion = None
        if subject is not None:
            obj = sent.doc[subject.left_edge.i: subject.right_edge.i + 1].text
            rest = sent.doc[verb.i + 1: verb.right_edge.i + 1].text.rstrip(" .")
            obj = obj[0].lower() + obj[1:] if obj and not obj.isupper() and not obj[:2].isupper() else obj
            suggestion = f"[who] {_inflect_past(verb.lemma_)} {obj}{(' ' + rest) if rest else ''}"
        message = self.card.message.format(verb=verb.text)
        return Match(span.start_char, span.end_char, message, suggestion)
