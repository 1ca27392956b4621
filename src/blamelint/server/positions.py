"""Columns as the protocol counts them.

Findings count columns in code points; LSP positions count UTF-16 code units unless
the client and server agreed on UTF-8 or UTF-32 at initialisation. A character
outside the Basic Multilingual Plane (most emoji) is one code point and two UTF-16
units; a CJK character is one of each, and three UTF-8 bytes.
"""

from __future__ import annotations

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` ``text`` takes."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def to_units(line_text: str, column: int, encoding: str = UTF16) -> int:
    """The 0-based protocol character of a 1-based code-point ``column`` in ``line_text``."""
    return units(line_text[: max(column - 1, 0)], encoding)


def from_units(line_text: str, character: int, encoding: str = UTF16) -> int:
    """The 0-based code-point index in ``line_text`` of a protocol ``character``
    (clamped to the line; a position inside a surrogate pair moves to its start)."""
    if encoding == UTF32:
        return min(max(character, 0), len(line_text))
    count = 0
    for index, ch in enumerate(line_text):
        width = units(ch, encoding)
        if count + width > character:
            return index
        count += width
    return len(line_text)


class Lines:
    """A source cut into lines (``\\n``; a ``\\r`` before it stays on its line, as
    in the document model) for position conversion."""

    def __init__(self, source: str):
        self.lines = source.split("\n")

    def text(self, line: int) -> str:
        """A 1-based line, '' past the end."""
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else ""

    def position(self, line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
        """A finding's 1-based (line, code-point column) as a 0-based protocol (line, character)."""
        return line - 1, to_units(self.text(line), column, encoding)

    def column(self, line0: int, character: int, encoding: str = UTF16) -> int:
        """A 0-based protocol position as a 1-based code-point column."""
        return from_units(self.text(line0 + 1), character, encoding) + 1
