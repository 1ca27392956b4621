"""Shared structural helpers: heading nesting, and where a new entry starts."""

from __future__ import annotations

import re

from blamelint.document.model import Block

# A line that begins a new entry even without a blank line before it: a timestamp
# ("14:05", "2025-03-01 14:05", "[10:41]", "T+12m", "Day 2"), or a bullet mark.
ENTRY_START = re.compile(
    r"""^\s*(?:
        (?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?  # Sunday 15:05
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


def nest_headings(blocks: list[Block]) -> None:
    """Give every block the chain of headings it sits under.

    Bold lines taken as headings have no level of their own: they nest one level
    below the last real heading (so "**Impact**" under "# Incident" is a section).
    Lines that only name a postmortem section become headings in the postmortem
    layer (``blamelint.postmortem.headings``), which then nests again.
    """
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
