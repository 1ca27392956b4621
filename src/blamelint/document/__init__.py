"""Markdown or plain text -> the shared document model (blocks mapped to source)."""

from blamelint.document.load import UnreadableInput, parse_source, read_document
from blamelint.document.model import Block, Document

__all__ = ["Block", "Document", "UnreadableInput", "parse_source", "read_document"]
