"""Checks shared by the fuzz tests: the document model maps every character of
a block back to the source, and a finding's position quotes exactly its text."""

from __future__ import annotations

import html
import re
from types import SimpleNamespace

BREAK_TAG = re.compile(r"</?br\b", re.IGNORECASE)
ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")


def decoded_entity_at(source: str, offset: int) -> str:
    """What an entity (``&...;``) starting at ``offset`` decodes to, or ''."""
    match = ENTITY.match(source, offset)
    return html.unescape(match.group()) if match else ""


def _char_comes_from(source: str, ch: str, offset: int) -> bool:
    written = source[offset]
    if written == ch:
        return True
    if ch in " \n" and (written in " \t\n\r\f" or BREAK_TAG.match(source, offset)):
        return True  # a line break (<br> in HTML), or collapsed whitespace
    decoded = decoded_entity_at(source, offset) if written == "&" else ""
    return ch in decoded or (ch == " " and "\xa0" in decoded)  # decoded from an entity


def assert_block_maps_to_source(document) -> None:
    """Every character of every block is the source character at its offset,
    except a space or newline standing for a line break (a newline, or an HTML
    <br>), or for a run of HTML whitespace, and characters decoded from an entity."""
    source = document.source
    for block in document.blocks:
        assert len(block.text) == len(block.offsets), block
        previous = -1
        for i, (ch, offset) in enumerate(zip(block.text, block.offsets)):
            assert 0 <= offset < len(source), (block.text, i, offset)
            assert offset >= previous, ("offsets go backwards", block.text, i)
            previous = offset
            if not _char_comes_from(source, ch, offset):
                raise AssertionError(
                    f"{block.kind} {block.text!r}: char {i} {ch!r} maps to {source[offset]!r} "
                    f"at {offset} ({source[max(0, offset - 15) : offset + 15]!r})"
                )
        for start, end in block.masked:
            assert 0 <= start <= end <= len(block.text), block


def slice_by_position(source: str, location) -> str:
    """The text between a finding's (line, column) and (end_line, end_column),
    1-based code points, end exclusive; lines end at \\n, \\r\\n or \\r and are
    joined with \\n (the document model's line ending)."""
    if isinstance(location, dict):  # a location from a JSON report
        location = SimpleNamespace(**location)
    lines = re.split(r"\r\n|\r|\n", source)
    if location.line == location.end_line:
        return lines[location.line - 1][location.column - 1 : location.end_column - 1]
    parts = [lines[location.line - 1][location.column - 1 :]]
    parts += lines[location.line : location.end_line - 1]
    parts.append(lines[location.end_line - 1][: location.end_column - 1])
    return "\n".join(parts)


def assert_finding_is_block_text(document, finding) -> None:
    """A sentence rule's finding covers block text: its source range starts and
    ends on characters of one block, those characters come from the source as
    the document model says, and the match starts and ends on word boundaries
    (rules match whole tokens), so a position shifted by one cannot pass."""
    loc = finding.location
    start = document.line_start(loc.line) + loc.column - 1
    end = document.line_start(loc.end_line) + loc.end_column - 1
    for block in document.blocks:
        inside = [i for i, offset in enumerate(block.offsets) if start <= offset < end]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        assert block.offsets[first] == start and block.offsets[last] == end - 1, (finding, block.text)
        assert inside == list(range(first, last + 1)), (finding, block.text)
        text = block.text
        assert first == 0 or not (text[first - 1].isalnum() and text[first].isalnum()), (finding, text)
        assert last == len(text) - 1 or not (text[last].isalnum() and text[last + 1].isalnum()), (
            finding,
            text,
        )
        for i in inside:
            assert _char_comes_from(document.source, text[i], block.offsets[i]), (finding, text, i)
        return
    raise AssertionError(f"no block text under {finding}")
