"""missing-section: a required postmortem section that is absent or empty.

Which sections are required is the ``required-sections`` config key. "what
went well" is left to its own rule (missing-what-went-well), so that it can
stay an error while the other sections are warnings."""

from __future__ import annotations

from collections.abc import Iterable

from blamelint.data.models import NoCardData
from blamelint.postmortem.sections import catalog, outline
from blamelint.rules.base import Match
from blamelint.rules.document_rule import DocumentRule, first_line_span

OWN_RULE = {"what-went-well"}


class MissingSection(DocumentRule):
    data_model = NoCardData

    def check_postmortem(self, document, context) -> Iterable[Match]:
        cat = catalog()
        required = [s for s in context.config.required_sections if s not in OWN_RULE]
        cat.validate(required)
        sections = outline(document)
        for name in required:
            found = sections.of(name)
            title, belongs = cat.title(name), cat.belongs[name]
            if not found:
                start, end = first_line_span(document)
                yield Match(
                    start, end, f"No '{title}' section: add one with {belongs}.", self.card.suggestion
                )
            elif not any(s.has_content(cat) for s in found):
                start, end = found[0].span() or first_line_span(document)
                yield Match(
                    start, end, f"The '{title}' section is empty: add {belongs}.", self.card.suggestion
                )
