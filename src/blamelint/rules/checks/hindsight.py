"""hindsight: judging past actions by what is known only afterwards."""
from __future__ import annotations

from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.rules.cards import load_data

MODALS = {"should", "could", "would", "might"}


class Hindsight(Rule):
    def setup(self) -> None:
        data = load_data("hindsight.yaml")
        self.words = set(data["words"])
        self.phrases = [p.split() for p in data["phrases"]]

    def check_sentence(self, sent, block) -> Iterable[Match]:
        tokens = list(sent)
        lowers = [t.lower_ for t in tokens]
        for i, tok in enumerate(tokens):
            if tok.lower_ in self.words:
                yield Match(tok.idx, tok.idx + len(tok), self.card.message, self.card.suggestion)
            if tok.lower_ in MODALS and i + 2 < len(tokens) and lowers[i + 1] == "have" and tokens[i + 2].tag_ == "VBN":
                end = tokens[i + 2]
                yield Match(tok.idx, end.idx + len(end), self.card.message, self.card.suggestion)
            for words in self.phrases:
                if lowers[i: i + len(words)] == words:
                    end = tokens[i + len(words) - 1]
                    yield Match(tok.idx, end.idx + len(end), self.card.message, self.card.suggestion)
