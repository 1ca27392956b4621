"""root-cause: framing the analysis around one cause."""
from __future__ import annotations

from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.rules.cards import load_data


class RootCause(Rule):
    def setup(self) -> None:
        self.other_senses = set(load_data("root-cause.yaml")["root_other_senses"])

    def check_sentence(self, sent, block) -> Iterable[Match]:
        tokens = list(sent)
        for i, tok in enumerate(tokens):
            low = tok.lower_
            if low in ("rca", "rcas"):
                yield Match(tok.idx, tok.idx + len(tok), self.card.message, self.card.suggestion)
            elif low in ("root", "root-cause", "root-caused"):
                nxt = tokens[i + 1] if i + 1 < len(tokens) else None
                nxt2 = tokens[i + 2] if i + 2 < len(tokens) else None
                if low != "root":
                    end = tok
                elif nxt is not None and nxt.lower_ == "-" and nxt2 is not None and nxt2.lemma_ == "cause":
                    end = nxt2
                elif nxt is not None and nxt.lemma_ in ("cause", "causing"):
                    end = nxt
                else:
                    continue
                yield Match(tok.idx, end.idx + len(end), self.card.message, self.card.suggestion)
