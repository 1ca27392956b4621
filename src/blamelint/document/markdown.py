"""Markdown -> blocks, with every character mapped back to its source offset.

markdown-it-py gives block tokens with line ranges but inline tokens without
columns; we align each inline text run against the source lines of its block,
so escapes, entities, emphasis markers and link targets never shift a position.
Code (fenced, indented, inline), raw HTML, images and front matter never reach
the text that rules see; inline code is kept in the text (so sentences still
parse) but masked, so nothing inside it is ever reported.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from blamelint.document.model import Block, Document, compute_line_starts
from blamelint.document.structure import assign_headings, looks_like_entry_start

CHECKBOX = re.compile(r"\[([ xX])\][ \t]+")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)


class _TextBuilder:
    """Accumulates a block's text and its offset map while aligning to source."""

    def __init__(self, source: str, cursor: int, limit: int):
        self.source = source
        self.cursor = cursor
        self.limit = limit
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.masked: list[tuple[int, int]] = []

    def add(self, content: str, masked: bool = False) -> None:
        if not content:
            return
        start = len(self.chars)
        source, limit = self.source, self.limit
        at = source.find(content, self.cursor, limit)
        if at >= 0:
            self.offsets.extend(range(at, at + len(content)))
            self.cursor = at + len(content)
        else:  # escapes or entities: align character by character
            p = self.cursor
            for ch in content:
                q = source.find(ch, p, limit)
                if q < 0:
                    q = max(self.cursor, p - 1) if p > self.cursor else self.cursor
                    self.offsets.append(min(q, max(limit - 1, 0)))
                    continue
                self.offsets.append(q)
                p = q + 1
            self.cursor = max(self.cursor, p)
        self.chars.extend(content)
        if masked:
            self.masked.append((start, len(self.chars)))

    def add_break(self) -> None:
        """A soft or hard line break: a newline if the next line starts a new entry."""
        at = self.source.find("\n", self.cursor, self.limit)
        if at < 0:
            at = max(self.cursor - 1, 0)
        nxt = self.source[at + 1 : min(at + 41, self.limit)].lstrip(" \t>")
        self.chars.append("\n" if looks_like_entry_start(nxt) else " ")
        self.offsets.append(at)
        self.cursor = at + 1

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _inline_block(source: str, line_starts: list[int], token, cursor: Optional[int]) -> _TextBuilder:
    first, last = token.map
    start = line_starts[first] if cursor is None else cursor
    limit = line_starts[last] if last < len(line_starts) else len(source)
    builder = _TextBuilder(source, start, limit)
    skip_depth = 0
    for child in token.children or []:
        kind = child.type
        if kind == "image":
            continue
        if kind in ("html_inline",):
            # Keep the cursor moving past raw HTML without adding it.
            at = source.find(child.content, builder.cursor, limit)
            if at >= 0:
                builder.cursor = at + len(child.content)
            continue
        if skip_depth:
            continue
        if kind == "text":
            builder.add(child.content)
        elif kind == "code_inline":
            at = source.find(child.content, builder.cursor, limit)
            if at >= 0:
                builder.cursor = at
            builder.add(child.content, masked=True)
        elif kind in ("softbreak", "hardbreak"):
            builder.add_break()
    return builder


def _is_bold_line(token) -> bool:
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) < 3 or children[0].type != "strong_open" or children[-1].type != "strong_close":
        return False
    inner = children[1:-1]
    if any(c.type in ("softbreak", "hardbreak", "strong_open") for c in inner):
        return False
    text = "".join(c.content for c in inner).strip()
    return 0 < len(text) <= 80 and not text.endswith((".", ",", ";"))


def parse_markdown(path: str, source: str) -> Document:
    """Parse Markdown source (newlines already normalised to ``\\n``)."""
    tokens = _parser().parse(source)
    line_starts = compute_line_starts(source)
    blocks: list[Block] = []
    code_lines: set[int] = set()
    front_matter = None
    front_matter_error = None

    list_stack: list[bool] = []  # ordered?
    item_stack: list[int] = []
    item_counter = 0
    quote_depth = 0
    table_id = -1
    table_counter = 0
    row = -1
    col = -1
    in_thead = False
    heading_level = 0
    paragraph_role: Optional[str] = None
    last_inline_line = -1
    last_inline_end = 0

    for token in tokens:
        kind = token.type
        if kind == "front_matter":
            front_matter, front_matter_error = _load_front_matter(token.content)
            code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
        elif kind in ("fence", "code_block"):
            if token.map:
                code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_stack.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif kind == "list_item_open":
            item_counter += 1
            item_stack.append(item_counter)
        elif kind == "list_item_close":
            item_stack.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "table_open":
            table_counter += 1
            table_id = table_counter
            row = -1
        elif kind == "table_close":
            table_id = -1
        elif kind == "thead_open":
            in_thead = True
        elif kind == "thead_close":
            in_thead = False
        elif kind == "tr_open":
            row += 1
            col = -1
        elif kind in ("th_open", "td_open"):
            col += 1
        elif kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "paragraph_open":
            paragraph_role = "paragraph"
        elif kind == "inline" and token.map:
            cursor = last_inline_end if token.map[0] == last_inline_line else None
            builder = _inline_block(source, line_starts, token, cursor)
            last_inline_line, last_inline_end = token.map[0], builder.cursor
            block = Block(kind="paragraph", text=builder.text, offsets=builder.offsets,
                          line=token.map[0] + 1, masked=builder.masked, quoted=quote_depth > 0)
            if heading_level:
                block.kind, block.level = "heading", heading_level
            elif table_id >= 0:
                block.kind, block.table, block.row, block.column = "table_cell", table_id, row, col
                if not in_thead and row == 0:
                    block.row = 0
            elif item_stack:
                block.kind, block.item = "list_item", item_stack[-1]
                block.list_depth, block.ordered = len(list_stack), list_stack[-1]
                _strip_checkbox(block)
            elif quote_depth:
                block.kind = "blockquote"
            elif paragraph_role and _is_bold_line(token):
                block.kind, block.pseudo_heading = "heading", True
                _trim(block)
            if block.text.strip():
                blocks.append(block)
        elif kind == "paragraph_close":
            paragraph_role = None

    assign_headings(blocks)
    return Document(path=path, source=source, blocks=blocks, front_matter=front_matter,
                    front_matter_error=front_matter_error, code_lines=frozenset(code_lines),
                    _line_starts=line_starts)


def _strip_checkbox(block: Block) -> None:
    match = CHECKBOX.match(block.text)
    if match:
        block.checked = match.group(1) in "xX"
        cut = match.end()
        block.text = block.text[cut:]
        block.offsets = block.offsets[cut:]
        block.masked = [(max(0, s - cut), e - cut) for s, e in block.masked if e > cut]


def _trim(block: Block) -> None:
    text = block.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    block.text = text[left:right]
    block.offsets = block.offsets[left:right]


def _load_front_matter(content: str):
    import yaml

    try:
        data = yaml.safe_load(content) if content.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return None, f"front matter is not valid YAML{where}"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, "front matter is not a mapping"
    return data, None
