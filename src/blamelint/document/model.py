"""The document model: a postmortem as blocks of plain text that map back to source.

Every rule reads the same model, built once per file. A block is one unit of
prose (a heading, a paragraph, a list item's paragraph, a table cell, or a
paragraph inside a blockquote). Its ``text`` is what the NLP pipeline sees, and
``offsets[i]`` is the source offset (in code points) of ``text[i]``, so any span
of the text can be turned into exact source lines and columns.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import MutableSequence
from dataclasses import dataclass, field
from typing import Any


def compute_line_starts(source: str) -> array:
    """Offsets at which each line starts (line 1 at index 0), as an ``array('q')``: 8 bytes
    a line, where a list would hold a 32-byte int object for each (a file of 5 million
    blank lines would need 200 MB for its index alone)."""
    starts = array("q", [0])
    find = source.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


BLOCK_KINDS = ("heading", "paragraph", "list_item", "table_cell", "blockquote")

MAX_BLOCKS = 50_000
BYTES_PER_BLOCK = 50
"""A Markdown or plain-text document with more blocks of text (paragraphs, headings, list items,
table cells) than ``MAX_BLOCKS`` or one per ``BYTES_PER_BLOCK`` characters of its source, whichever
is more, is refused with a per-file error as it is read. Each Markdown block costs about 1.5 KB
while it is read and its share of per-block work afterwards, so a file of tiny blocks (``a\\n\\n``
repeated: one every 3 characters) would need about 2 GB at 5 MB. Prose has a block every few
hundred characters (5 MB of the benchmark's prose: about 17,500 blocks), a file of one-line
suppression comments and sentences one every 75. HTML is not limited: its reader keeps a block in
a few hundred bytes (873,813 one-letter blocks, 5 MB, were within the memory budget)."""


def block_limit(size: int) -> int:
    """The most blocks of text a document of ``size`` characters may have."""
    return max(MAX_BLOCKS, size // BYTES_PER_BLOCK)


def check_block_count(count: int, size: int) -> None:
    """Refuse a document (``UnreadableInput``) of ``size`` characters once ``count`` blocks pass
    its ``block_limit``."""
    limit = block_limit(size)
    if count > limit:
        from blamelint.document.load import UnreadableInput

        raise UnreadableInput(
            f"more than {limit:,} blocks of text (paragraphs, headings, list items, table cells; "
            f"the limit is {MAX_BLOCKS:,} or one per {BYTES_PER_BLOCK} characters); not read: a document "
            "this fragmented would need memory and time out of proportion to its size"
        )


@dataclass
class Block:
    kind: str
    text: str
    offsets: MutableSequence[int]
    """Source offset of each character of ``text`` (an ``array('q')`` from the parsers:
    8 bytes a character instead of a Python int object)."""
    line: int
    """1-based source line where the block starts."""
    headings: tuple[Block, ...] = ()
    """Enclosing headings, outermost first (a heading block lists its parents)."""
    level: int = 0
    """Heading level (1-6) for heading blocks; 0 otherwise."""
    masked: list[tuple[int, int]] = field(default_factory=list)
    """Ranges of ``text`` that are never reported (inline code)."""
    item: int | None = None
    """For list items: an id shared by all paragraphs of the same item."""
    list_depth: int = 0
    ordered: bool = False
    checked: bool | None = None
    """For checklist items: True for ``[x]``, False for ``[ ]``, else None."""
    table: int | None = None
    """For table cells: an id shared by the cells of one table."""
    row: int = -1
    """For table cells: 0 for the header row, then 1, 2, ..."""
    column: int = -1
    quoted: bool = False
    pseudo_heading: bool = False
    """A heading recognised from something that is not Markdown heading syntax: a
    bold line standing alone (document exports), a line that is only a section
    name ("What went well:", "IMPACT"), or a numbered section line."""

    @property
    def section(self) -> Block | None:
        """The nearest enclosing heading, if any."""
        return self.headings[-1] if self.headings else None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of ``text`` to a [start, end) source range."""
        if not self.offsets:
            return (0, 0)
        start = max(0, min(start, len(self.offsets) - 1))
        end = max(start + 1, min(end, len(self.offsets)))
        return self.offsets[start], self.offsets[end - 1] + 1

    def is_masked(self, start: int, end: int) -> bool:
        return any(start < m_end and m_start < end for m_start, m_end in self.masked)


@dataclass
class Document:
    path: str
    source: str
    blocks: list[Block]
    front_matter: dict[str, Any] | None = None
    front_matter_error: str | None = None
    code_lines: frozenset[int] = frozenset()
    """1-based lines inside fenced or indented code blocks or front matter."""
    _line_starts: MutableSequence[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            self._line_starts = compute_line_starts(self.source)

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_start(self, line: int) -> int:
        """Source offset of the first character of a 1-based line."""
        return self._line_starts[min(max(line, 1), len(self._line_starts)) - 1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; columns count code points."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def blocks_under(self, heading: Block) -> list[Block]:
        """The blocks of a heading's section, subsections included."""
        return [b for b in self.blocks if heading in b.headings]
