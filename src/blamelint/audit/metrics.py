"""Per-document metrics, computed from the parse and findings the linter already has.

``Measurer.measure`` runs inside the linter (as its observer, in whichever process
parses the file) and returns a JSON-serialisable dict that depends only on the
file's content, so it is cached with the findings. Everything that depends on
the path, the date of the run or the rest of the archive (the document's date,
overdue items, rates, scores) is derived later, in ``aggregate``.
"""

from __future__ import annotations

from typing import Any

from blamelint.audit import agency, readability, structure
from blamelint.audit.dates import field_date, front_matter_date, text_date, title_date
from blamelint.rules.base import PARSE

PROSE_KINDS = ("paragraph", "list_item", "blockquote")
CLITICS = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m", "n’t"}


def is_word(token) -> bool:
    text = token.text
    return (
        not token.is_punct
        and not token.is_space
        and text.lower() not in CLITICS
        and any(ch.isalnum() for ch in text)
    )


class Measurer:
    """The audit's observer: builds one dict of metrics per document."""

    needs = PARSE
    version = "3"
    """Bumped whenever what ``measure`` returns changes (part of the cache key)."""

    def __init__(self, config: Any = None):
        self.config = config
        self.lex = agency.lexicon()
        self._detector = None

    def verdict(self, document):
        """Is it a postmortem, and why (the one answer ``check`` uses too)."""
        if self._detector is None:
            from blamelint.config import Config
            from blamelint.postmortem.detect import PostmortemDetector

            self._detector = PostmortemDetector(self.config or Config())
        return self._detector.explain(document)

    def measure(self, document, pieces: dict[int, list[tuple[int, Any]]], findings) -> dict[str, Any]:
        words = sentences = syllables = actions = named = 0
        for b, docs in pieces.items():
            block = document.blocks[b]
            if block.kind not in PROSE_KINDS:
                continue
            for _, doc in docs:
                for sent in doc.sents:
                    counted = [t for t in sent if is_word(t)]
                    if not counted:
                        continue
                    sentences += 1
                    words += len(counted)
                    syllables += sum(readability.syllables(t.text) for t in counted)
                    action, names = agency.sentence_agency(sent, self.lex)
                    actions += action
                    named += names
        counts: dict[str, int] = {}
        for f in findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        from blamelint.postmortem.sections import outline

        found = outline(document)
        sections, well = structure.sections_present(document, found)
        fm_date = front_matter_date(document.front_matter)
        body = _body_text(document)
        title = document_title(document)
        verdict = self.verdict(document)
        return {
            "title": title[:200] if title else None,
            "postmortem": verdict.postmortem,
            "postmortem_reason": verdict.reason,
            "words": words,
            "sentences": sentences,
            "syllables": syllables,
            "action_sentences": actions,
            "named_action_sentences": named,
            "counts": dict(sorted(counts.items())),
            "sections": sections,
            "what_went_well": well,
            "action_items": structure.action_items(document, found),
            "content_dates": {
                "front-matter": fm_date.isoformat() if fm_date else None,
                "field": _iso(field_date(body)),
                "title": _iso(title_date(title)),
                "text": _iso(text_date(body)),
            },
        }


def _iso(date) -> Any:
    return date.isoformat() if date else None


def document_title(document):
    """The title: the first block when it is a heading (not a section name), else the
    first level-1 heading; None when there is neither."""
    from blamelint.postmortem.sections import catalog

    blocks = document.blocks
    if blocks and blocks[0].kind == "heading" and not catalog().classify(blocks[0].text):
        return " ".join(blocks[0].text.split()) or None
    top = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    return " ".join(top.text.split()) if top is not None and top.text.strip() else None


def _body_text(document) -> str:
    """The source without front matter and code, where a written date is looked for."""
    if not document.code_lines:
        return document.source
    lines = document.source.split("\n")
    return "\n".join(line for number, line in enumerate(lines, 1) if number not in document.code_lines)
