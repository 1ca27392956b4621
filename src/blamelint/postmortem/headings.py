"""Lines that name a postmortem section without heading syntax become headings.

The parsers (``blamelint.document``) know Markdown, plain text and HTML, not
postmortems; this runs once after parsing, for every format, and nests the
headings again.
"""

from __future__ import annotations

from blamelint.document.model import Block, Document
from blamelint.document.structure import nest_headings
from blamelint.postmortem.sections import catalog

MAX_PROMOTED = 80
"""Longest text (characters) promoted to a heading by promote_section_headings."""


def _names_section(block: Block) -> bool:
    text = block.text.strip()
    if not 0 < len(text) <= MAX_PROMOTED or "\n" in text or text.endswith((".", "!", ";", ",")):
        return False
    return len(text.split()) <= 8 and bool(catalog().classify(text, strict=True))


def _single_item_block(blocks: list[Block], i: int) -> bool:
    item = blocks[i].item
    return all(b.item != item for j, b in enumerate(blocks) if j != i and b.kind == "list_item")


def promote_section_headings(blocks: list[Block]) -> None:
    """Take as headings the lines that name a postmortem section without heading
    syntax (they become pseudo headings, nested like bold lines):

    - a paragraph that is only a section name: "What went well", "IMPACT",
      "Timeline (UTC)", "Action items:" (plain-text headings, and Markdown
      written by people who never use ``#``);
    - a numbered line such as "3. What went well". CommonMark reads it as an
      ordered list starting at 3, so an ordered top-level list item counts as a
      heading when its only paragraph names a section, something other than a
      heading follows it, the item after it does not also name a section, and
      neither does an item on the line right above it. That keeps a table of
      contents ("1. Summary / 2. Impact / ...") a list, while "1. Summary" a
      blank line below such a list (CommonMark continues the list) is a heading.
      "4. Action items" followed by "1. Add
      an alert" (one list to CommonMark) still makes "Action items" the heading
      of the items after it.

    Only section names are promoted: "3. Restart the primary" stays a list item.
    The text and its offsets are unchanged.
    """
    for i, block in enumerate(blocks):
        if block.kind == "paragraph" and not block.quoted:
            if _names_section(block):
                block.kind, block.pseudo_heading = "heading", True
        elif block.kind == "list_item" and block.ordered and block.list_depth == 1 and not block.quoted:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            prev = blocks[i - 1] if i > 0 else None
            if nxt is None or nxt.kind == "heading" or not _names_section(block):
                continue
            if not _single_item_block(blocks, i):
                continue
            if any(
                b is not None
                and b.kind == "list_item"
                and b.ordered
                and b.list_depth == 1
                and b.item != block.item
                and _names_section(b)
                for b in ((prev if prev is not None and prev.line == block.line - 1 else None), nxt)
            ):
                continue
            block.kind, block.pseudo_heading = "heading", True
            block.item, block.ordered, block.list_depth = None, False, 0


def promote_headings(document: Document) -> Document:
    """Promote section-naming lines to headings and nest every block under its
    headings again; returns the same document (changed in place)."""
    promote_section_headings(document.blocks)
    nest_headings(document.blocks)
    return document
