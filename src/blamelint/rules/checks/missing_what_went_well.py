"""missing-what-went-well: a postmortem without a real "what went well" section."""

from __future__ import annotations

from collections.abc import Iterable

from blamelint.data.models import NoCardData
from blamelint.postmortem.sections import catalog, outline
from blamelint.rules.base import Match
from blamelint.rules.document_rule import DocumentRule, first_line_span

SECTION = "what-went-well"


class MissingWhatWentWell(DocumentRule):
    """Reports a missing section at the title line, an empty one at its heading. Off
    when "what-went-well" is taken out of ``required-sections``."""

    data_model = NoCardData

    def check_postmortem(self, document, context) -> Iterable[Match]:
        if SECTION not in context.config.required_sections:
            return
        cat = catalog()
        found = outline(document).of(SECTION)
        belongs = cat.belongs[SECTION]
        if not found:
            start, end = first_line_span(document)
            yield Match(
                start, end, f"No 'What went well' section: add one with {belongs}.", self.card.suggestion
            )
        elif not any(s.has_content(cat) for s in found):
            start, end = found[0].span() or first_line_span(document)
            yield Match(
                start, end, f"The 'What went well' section is empty: list {belongs}.", self.card.suggestion
            )
