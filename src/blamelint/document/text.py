"""Plain text -> blocks. Paragraphs are separated by blank lines; a line that starts
with a bullet mark is a list item; a short line standing alone that looks like a
title (ALL CAPS, numbered, or ending in a colon, with no sentence punctuation) is
a heading, and so is a line underlined with ===, --- or ~~~, and an ALL CAPS or
colon-ended title line directly above the lines of its section. A line that only
names a postmortem section ("What went well") becomes a heading too (see
blamelint.postmortem.headings)."""

from __future__ import annotations

import re

from blamelint.document.align import offsets_array
from blamelint.document.model import Block, Document, check_block_count
from blamelint.document.structure import looks_like_entry_start, nest_headings

BULLET = re.compile(r"^(\s*)(?:[-*•]|\d{1,3}[.)])\s+(?:\[([ xX])\]\s+)?")
NUMBERED_TITLE = re.compile(r"^\d{1,2}[.)]?\s+[A-Z]")


UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,})\s*$")


def _opens_section(line: str) -> bool:
    """A title line that heads the lines right below it (no blank line between):
    ALL CAPS or ending in a colon ("IMPACT", "What went well:"), not a numbered
    line, which is more often the first item of a list."""
    s = line.strip()
    letters = [c for c in s if c.isalpha()]
    return (s.endswith(":") or all(c.isupper() for c in letters)) and not BULLET.match(line)


def _is_title(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 60 or s.endswith((".", "!", "?", ";", ",")):
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    if s.endswith(":") and len(s.split()) <= 6:
        return True
    if all(c.isupper() for c in letters) and len(letters) >= 3:
        return True
    return bool(NUMBERED_TITLE.match(s)) and len(s.split()) <= 6


def parse_text(path: str, source: str) -> Document:
    blocks: list[Block] = []
    lines = source.split("\n")
    offset = 0
    paragraph: list[tuple[int, int, str]] = []  # (line number, start offset, line)
    item_counter = 0

    def heading(number: int, start: int, line: str, level: int = 2) -> None:
        stripped = line.strip().rstrip(":").strip()
        lead = line.index(stripped[0]) if stripped else 0
        blocks.append(
            Block(
                kind="heading",
                text=stripped,
                line=number,
                level=level,
                offsets=offsets_array(range(start + lead, start + lead + len(stripped))),
            )
        )
        check_block_count(len(blocks), len(source))

    def flush() -> None:
        nonlocal item_counter
        if not paragraph:
            return
        if (
            len(paragraph) >= 2
            and UNDERLINE.match(paragraph[1][2])
            and len(paragraph[0][2].strip()) <= 80
            and not BULLET.match(paragraph[0][2])
        ):
            heading(*paragraph[0], level=1 if "=" in paragraph[1][2] else 2)
            del paragraph[:2]
        elif len(paragraph) >= 2 and _is_title(paragraph[0][2]) and _opens_section(paragraph[0][2]):
            heading(*paragraph[0])
            del paragraph[:1]
        if len(paragraph) == 1 and _is_title(paragraph[0][2]):
            heading(*paragraph[0])
            paragraph.clear()
            return
        current: Block | None = None
        pieces: list[str] = []  # the current block's text, joined once (no quadratic +=)

        def close() -> None:
            if current is not None:
                current.text = "".join(pieces)
                if current.text.strip():
                    blocks.append(current)
                    check_block_count(len(blocks), len(source))

        for number, start, line in paragraph:
            bullet = BULLET.match(line)
            if bullet or current is None:
                close()
                cut = bullet.end() if bullet else len(line) - len(line.lstrip())
                pieces = [line[cut:]]
                current = Block(
                    kind="paragraph",
                    text="",
                    line=number,
                    offsets=offsets_array(range(start + cut, start + len(line))),
                )
                if bullet:
                    item_counter += 1
                    current.kind, current.item, current.list_depth = "list_item", item_counter, 1
                    if bullet.group(2) is not None:
                        current.checked = bullet.group(2) in "xX"
            else:
                body = line.lstrip()
                cut = len(line) - len(body)
                pieces.append("\n" if looks_like_entry_start(body) else " ")
                current.offsets.append(start - 1)
                pieces.append(body)
                current.offsets.extend(range(start + cut, start + len(line)))
        close()
        paragraph.clear()

    for number, line in enumerate(lines, 1):
        if line.strip():
            paragraph.append((number, offset, line))
        else:
            flush()
        offset += len(line) + 1
    flush()
    nest_headings(blocks)
    return Document(path=path, source=source, blocks=blocks)
