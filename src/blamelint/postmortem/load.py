"""Source -> a document ready for the rules: parsed by ``blamelint.document``, then
its section-naming lines promoted to headings (once, whatever the format)."""

from __future__ import annotations

from pathlib import Path

from blamelint.document import load as _document
from blamelint.document.model import Document
from blamelint.postmortem.headings import promote_headings


def parse_source(display_path: str, text: str) -> Document:
    return promote_headings(_document.parse_source(display_path, text))


def parse_bytes(display_path: str, raw: bytes) -> Document:
    return promote_headings(_document.parse_bytes(display_path, raw))


def read_document(path: Path, display_path: str, max_bytes: int = _document.DEFAULT_MAX_BYTES) -> Document:
    return promote_headings(_document.read_document(path, display_path, max_bytes))
