"""Shared structural helpers: heading nesting, and where a new entry starts."""
from __future__ import annotations

import re

from blamelint.document.model import Block

# A line that begins a new entry even without a blank line before it: a timestamp
# ("14:05", "2025-03-01 14:05", "[10:41]", "T+12m", "Day 2"), or a bullet mark.
ENTRY_START = re.compile(
    r"""^\s*(?:
        [\[(]?\d{1,2}:\d{2}(?::\d{2})?\b            # 14:05, [14:05], (14:05:33)
      | \d{4}-\d{2}-\d{2}\b                        # ISO date
      | T[+-]\d+\s*(?:s|m|h|min|mins|hours?)?\b    # T+12m
      | [-*•–—]\s                                  # bullet marks
      | \d{1,2}(?:am|pm)\b
    )""",
    re.VERBOSE | re.IGNORECASE,
)


def looks_like_entry_start(line: str) -> bool:
    return bool(ENTRY_START.match(line))


MAX_PROMOTED = 80
"""Longest text (characters) promoted to a heading by promote_section_headings."""


def _names_section(block: Block) -> bool:
    from blamelint.sections import catalog

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
      blank line below such a list (CommonMark continues the list) is a heading. "4. Action items" followed by "1. Add
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
            if any(b is not None and b.kind == "list_item" and b.ordered and b.list_depth == 1
                   and b.item != block.item and _names_section(b)
                   for b in ((prev if prev is not None and prev.line == block.line - 1 else None), nxt)):
                continue
            block.kind, block.pseudo_heading = "heading", True
            block.item, block.ordered, block.list_depth = None, False, 0


def assign_headings(blocks: list[Block]) -> None:
    """Give every block the chain of headings it sits under.

    Bold lines taken as headings have no level of their own: they nest one level
    below the last real heading (so "**Impact**" under "# Incident" is a section).
    Lines that only name a section become headings first (promote_section_headings).
    """
    promote_section_headings(blocks)
    stack: list[Block] = []
    last_real_level = 0
    for block in blocks:
        if block.kind == "heading":
            if block.pseudo_heading:
                block.level = min(6, last_real_level + 1)
                # A bold heading replaces the previous bold heading at its level.
            else:
                last_real_level = block.level
            while stack and stack[-1].level >= block.level:
                stack.pop()
            block.headings = tuple(stack)
            stack.append(block)
        else:
            block.headings = tuple(stack)
