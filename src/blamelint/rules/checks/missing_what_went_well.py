"""missing-what-went-well: a postmortem without a real "what went well" section."""
from __future__ import annotations

import re
from typing import Iterable

from blamelint.rules.base import Match, Rule
from blamelint.rules.cards import load_data

EMPTY = {"", "n/a", "na", "none", "tbd", "todo", "-", "nothing", "nil", "..."}


def normalise_heading(text: str) -> str:
    text = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+", "", text.lower())
    text = re.sub(r"[^\w\s'/-]", " ", text)
    return " ".join(text.replace("’", "'").split())


class MissingWhatWentWell(Rule):
    needs = frozenset()

    def setup(self) -> None:
        self.synonyms = {normalise_heading(s) for s in load_data("sections.yaml")["what-went-well"]}

    def check_document(self, document, context) -> Iterable[Match]:
        if not context.is_postmortem:
            return
        for heading in document.headings:
            if normalise_heading(heading.text) in self.synonyms:
                content = [b for b in document.blocks_under(heading) if b.kind != "heading"]
                if any(b.text.strip().lower().strip(".") not in EMPTY for b in content):
                    return
                start, end = heading.source_span(0, len(heading.text))
                yield Match(start, end, "The 'what went well' section is empty: " + self.card.message,
                            self.card.suggestion)
                return
        end = document.source.find("\n")
        yield Match(0, end if end > 0 else max(len(document.source), 1), self.card.message, self.card.suggestion)
