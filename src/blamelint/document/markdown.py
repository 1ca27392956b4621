"""Markdown -> blocks, with every character mapped back to its source offset.

markdown-it-py gives block tokens with line ranges but inline tokens without
columns; we align each inline text run against the source lines of its block,
so escapes, entities, emphasis markers and link targets never shift a position.
Code (fenced, indented, inline), raw HTML, images and front matter never reach
the text that rules see; inline code is kept in the text (so sentences still
parse) but masked, so nothing inside it is ever reported.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from blamelint.document.align import CODE, RAW, TEXT, SourceCursor, offsets_array
from blamelint.document.model import Block, Document, check_block_count, compute_line_starts
from blamelint.document.structure import looks_like_entry_start, nest_headings

CHECKBOX = re.compile(r"\[([ xX])\][ \t]+")
MAX_NESTING = 100
"""Containers (quotes, lists) nested deeper than this are not parsed as Markdown:
markdown-it drops what is inside them, so their lines are read as plain text
(see ``_recover_lines``). 100 keeps markdown-it's recursion far below Python's limit."""
LIST_MARKER = re.compile(r"[ \t>]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)")


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        .enable("table")
        .use(front_matter_plugin)
    )
    md.core.ruler.disable(["inline", "text_join"])  # run per block by _parse_inline, as it is read
    md.block.ruler.before("table", "blamelint_block_limit", _block_limit)
    table = md.block.ruler.__rules__[md.block.ruler.__find__("table")]
    md.block.ruler.at("table", _bounded_table(table.fn), {"alt": list(table.alt)})
    return md


MAX_LINES = 300_000
CHARS_PER_LINE = 16
"""A Markdown document with more lines (after runs of blank lines are cut to two) than
``MAX_LINES`` or one per ``CHARS_PER_LINE`` characters of its source, whichever is more, is
refused with a per-file error before it is parsed: markdown-it keeps five Python ints for every
line (about 180 bytes). 5 MB of prose written at 80 characters a line is about 65,000 lines."""

_COUNTED = "blamelint_blocks"
"""Key in markdown-it's ``env``: (tokens already looked at, inline tokens among them, the
source's size in characters)."""


def _count_blocks(state, more: int = 0) -> None:
    """Count the inline tokens (one per block of text) pushed since the last count; refuse the
    document once they, plus ``more`` about to be pushed, pass ``model.MAX_BLOCKS``."""
    tokens = state.tokens
    seen, count, size = state.env.get(_COUNTED, (0, 0, 0))
    seen = min(seen, len(tokens))
    for index in range(seen, len(tokens)):
        count += tokens[index].type == "inline"
    state.env[_COUNTED] = (len(tokens), count, size)
    check_block_count(count + more, size)


def _block_limit(state, start_line: int, end_line: int, silent: bool) -> bool:
    """A block rule that reads nothing: run before every block markdown-it starts (in lists and
    quotes too), it counts the blocks read so far, so the count stops the parse near the limit."""
    if not silent:
        _count_blocks(state)
    return False


def _bounded_table(table):
    """markdown-it's table rule, which pushes all of a table's cells in one call: a table whose
    rows times columns would pass the limit is refused before its cells are made."""

    def bounded(state, start_line: int, end_line: int, silent: bool) -> bool:
        if silent:
            return table(state, start_line, end_line, True)
        if not table(state, start_line, end_line, True):  # silent: only the header and delimiter
            return False
        stop = start_line + 1
        while stop < end_line and not state.isEmpty(stop):
            stop += 1
        header = state.src[state.bMarks[start_line] + state.tShift[start_line] : state.eMarks[start_line]]
        header = header.strip()
        columns = header.count("|") + 1 - header.startswith("|") - (len(header) > 1 and header.endswith("|"))
        _count_blocks(state, (stop - start_line - 1) * max(columns, 1))  # rows (but the delimiter) x columns
        return table(state, start_line, end_line, silent)

    return bounded


BLANK_RUN = re.compile(r"^[ \t\n]*\n", re.MULTILINE)
"""Blank lines in a row (a run of three or more is cut; one character class repeated, so the
match needs no memory per line, as a repeated group would). CommonMark reads two blank lines as it reads
any longer run, so the parser is given the first two of each run only: markdown-it
keeps five Python ints per line (about 100 bytes), 500 MB for a file of 5 million
blank lines. Token line numbers are mapped back (``_LineMap``), so positions stay exact."""


class _LineMap:
    """Line numbers of the shortened source (runs of blank lines cut to two) mapped back to
    the source's: ``starts`` are the first shortened lines after each cut, ``shifts`` how many
    lines were cut before them (cumulative)."""

    def __init__(self, source: str):
        self.starts: list[int] = []
        self.shifts: list[int] = []
        pieces: list[str] = []
        last = 0
        cut = 0
        line = 0  # line number (in the source) at ``last``
        for run in BLANK_RUN.finditer(source):
            start, end = run.span()
            lines = source.count("\n", start, end)
            if lines < 3:
                continue
            line += source.count("\n", last, start)
            first_two = source.index("\n", source.index("\n", start) + 1) + 1
            pieces.append(source[last:first_two])
            line += lines
            cut += lines - 2
            self.starts.append(line - cut)
            self.shifts.append(cut)
            last = end
        pieces.append(source[last:])
        self.text = "".join(pieces) if self.starts else source

    def __call__(self, line: int) -> int:
        """The source line of a (0-based) line of the shortened text."""
        index = bisect.bisect_right(self.starts, line) - 1
        return line + self.shifts[index] if index >= 0 else line


MAX_INLINE = 100_000
"""A paragraph (or cell, or heading) longer than this many characters is read as
plain text, its inline markup left as written: markdown-it keeps a Python object
per emphasis delimiter, several gigabytes for 5 MB of ``*a **a``. No real
paragraph comes near it."""


PLAIN = "blamelint_plain"
"""Marks (in ``token.meta``) an inline token too long for inline parsing."""


def _parse_inline(md, token, env: dict) -> None:
    """Give an inline token its children, as markdown-it's core would have (inline
    rules, then text_join), one block at a time so that only one block's inline
    tokens are alive at once."""
    from markdown_it.rules_core import text_join
    from markdown_it.rules_core.state_core import StateCore

    if len(token.content) > MAX_INLINE:
        token.children = None
        token.meta = {PLAIN: True}  # read line by line by _plain_block, without a token per line
        return
    token.children = md.inline.parse(token.content, md, env, [])
    text_join(StateCore("", md, env, [token]))


class _TextBuilder:
    """Accumulates a block's text and its offset map while aligning to source."""

    def __init__(self, source: str, cursor: int, limit: int):
        self.at = SourceCursor(source, cursor, limit)
        self.chars: list[str] = []
        self.offsets = offsets_array()
        self.masked: list[tuple[int, int]] = []

    @property
    def cursor(self) -> int:
        return self.at.cursor

    def add(
        self, content: str, masked: bool = False, mode: str = TEXT, within: SourceCursor | None = None
    ) -> None:
        if not content:
            return
        start = len(self.chars)
        found = (within or self.at).locate(content, mode)
        if found is None:
            # Not where the source says it should be (markdown-it's table splitter
            # drops one backslash of ``\\|``): keep the words for the parser, but never
            # report anything inside them; each character kept points at one like it.
            content, found = self._nearest(content, within or self.at)
            masked = bool(content)
        self.offsets.extend(found)
        self.chars.extend(content)
        if masked:
            self.masked.append((start, len(self.chars)))

    @staticmethod
    def _nearest(content: str, at: SourceCursor) -> tuple[str, list[int]]:
        """The characters of ``content`` found in order after the cursor, each at the
        next source position holding it (a subsequence), with their offsets; one that
        is not there is left out, so every character kept is one of the source's and
        offsets never go back. The cursor moves past the last one found."""
        kept, offsets, position = [], [], at.cursor
        for ch in content:
            found = at.source.find(ch, position, at.limit)
            if found < 0:
                continue
            kept.append(ch)
            offsets.append(found)
            position = found + 1
        at.cursor = position
        return "".join(kept), offsets

    def add_code(self, child) -> None:
        """An inline code span: kept in the text (sentences still parse), masked."""
        begin, end = self.at.skip_code_span(child.markup)
        span = SourceCursor(self.at.source, begin, end)
        self.add(child.content, masked=True, mode=CODE, within=span)
        self.at.cursor = min(end + len(child.markup), self.at.limit)

    def add_autolink(self) -> None:
        """``<https://...>``: the URL as written (markdown-it's copy is normalised), masked."""
        at = self.at
        begin = at.source.find("<", at.cursor, at.limit)
        end = at.source.find(">", begin + 1, at.limit) if begin >= 0 else -1
        if end < 0:
            return
        start = len(self.chars)
        self.chars.extend(at.source[begin + 1 : end])
        self.offsets.extend(range(begin + 1, end))
        self.masked.append((start, len(self.chars)))
        at.cursor = end + 1

    def add_break(self) -> None:
        """A soft or hard line break: a newline if the next line starts a new entry."""
        at = self.at
        newline = at.source.find("\n", at.cursor, at.limit)
        if newline < 0:
            newline = max(at.cursor - 1, 0)
        nxt = at.source[newline + 1 : min(newline + 41, at.limit)].lstrip(" \t>")
        self.chars.append("\n" if looks_like_entry_start(nxt) else " ")
        self.offsets.append(newline)
        at.cursor = newline + 1

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _inline_block(source: str, line_starts: Sequence[int], token, cursor: int | None) -> _TextBuilder:
    first, last = token.map
    start = line_starts[first] if cursor is None else cursor
    limit = line_starts[last] if last < len(line_starts) else len(source)
    builder = _TextBuilder(source, start, limit)
    in_autolink = False
    for child in token.children or []:
        kind = child.type
        if in_autolink:
            if kind == "link_close":
                in_autolink = False
            continue
        if kind in ("text", "text_special"):
            builder.add(child.content)
        elif kind == "code_inline":
            builder.add_code(child)
        elif kind in ("softbreak", "hardbreak"):
            builder.add_break()
        elif kind == "html_inline":  # raw HTML: stepped over, never text
            builder.at.locate(child.content, RAW)
        elif kind == "image":
            builder.at.skip_image()
        elif kind == "link_open" and child.markup == "autolink":
            builder.add_autolink()
            in_autolink = True
        elif kind == "link_close":
            builder.at.skip_link_tail()
    return builder


def _plain_block(source: str, line_starts: Sequence[int], token) -> _TextBuilder:
    """A block too long for inline parsing: its lines as written (inline markup left in),
    joined as line breaks are, each character at its source offset. A line at a time, so it
    costs no Python object per line (a paragraph of a million one-letter lines would need
    two markdown-it tokens for each)."""
    first, last = token.map
    limit = line_starts[last] if last < len(line_starts) else len(source)
    builder = _TextBuilder(source, line_starts[first], limit)
    content = token.content
    start = 0
    while True:
        end = content.find("\n", start)
        builder.add(content[start:] if end < 0 else content[start:end], mode=RAW)
        if end < 0:
            return builder
        builder.add_break()
        start = end + 1


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
    md = _parser()
    env: dict = {}
    lines = _LineMap(source)
    line_limit = max(MAX_LINES, len(source) // CHARS_PER_LINE)
    if lines.text.count("\n") > line_limit:
        from blamelint.document.load import UnreadableInput

        raise UnreadableInput(
            f"more than {line_limit:,} lines (runs of blank lines counted as two; the limit is "
            f"{MAX_LINES:,} or one per {CHARS_PER_LINE} characters); not read: a document of so many "
            "short lines would need memory out of proportion to its size"
        )
    env[_COUNTED] = (0, 0, len(source))
    tokens = md.parse(lines.text, env)
    del lines.text
    check_block_count(sum(token.type == "inline" for token in tokens), len(source))  # after the last rule
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
    paragraph_role: str | None = None
    last_inline_line = -1
    last_inline_end = 0

    for index, token in enumerate(tokens):
        kind = token.type
        if lines.starts and token.map:
            token.map = [lines(token.map[0]), lines(token.map[1])]
            if kind == "front_matter":  # its content as written, blank lines and all
                end = line_starts[token.map[1] - 1] - 1
                token.content = source[line_starts[token.map[0] + 1] : max(end, 0)]
        if kind == "inline":
            _parse_inline(md, token, env)
        if index and tokens[index - 1].type == "inline":
            tokens[index - 1].children = None  # read: free its inline tokens
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
            if token.level + 1 >= MAX_NESTING and token.map:
                item_counter = _recover_lines(
                    source, line_starts, token.map, blocks, quote_depth > 0, len(list_stack), item_counter
                )
        elif kind == "list_item_close":
            item_stack.pop()
        elif kind == "blockquote_open":
            quote_depth += 1
            if token.level + 1 >= MAX_NESTING and token.map:
                item_counter = _recover_lines(
                    source, line_starts, token.map, blocks, True, len(list_stack), item_counter
                )
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
            if token.meta and token.meta.get(PLAIN):
                builder = _plain_block(source, line_starts, token)
            else:
                builder = _inline_block(source, line_starts, token, cursor)
            last_inline_line, last_inline_end = token.map[0], builder.cursor
            block = Block(
                kind="paragraph",
                text=builder.text,
                offsets=builder.offsets,
                line=token.map[0] + 1,
                masked=builder.masked,
                quoted=quote_depth > 0,
            )
            if heading_level:
                block.kind, block.level = "heading", heading_level
            elif table_id >= 0:
                block.kind, block.table, block.row, block.column = "table_cell", table_id, row, col
                if not in_thead and row == 0:
                    block.row = 0
            elif item_stack:
                block.kind, block.item = "list_item", item_stack[-1]
                block.list_depth, block.ordered = len(list_stack), list_stack[-1]
                strip_checkbox(block)
            elif quote_depth:
                block.kind = "blockquote"
            elif paragraph_role and _is_bold_line(token):
                block.kind, block.pseudo_heading = "heading", True
                _trim(block)
            if block.text.strip():
                blocks.append(block)
        elif kind == "paragraph_close":
            paragraph_role = None

    nest_headings(blocks)
    return Document(
        path=path,
        source=source,
        blocks=blocks,
        front_matter=front_matter,
        front_matter_error=front_matter_error,
        code_lines=frozenset(code_lines),
        _line_starts=line_starts,
    )


def _recover_lines(
    source: str,
    line_starts: Sequence[int],
    lines: list[int],
    blocks: list[Block],
    quoted: bool,
    list_depth: int,
    item_counter: int,
) -> int:
    """Read the lines of a container nested too deep for the Markdown parser as
    plain text: quote and list markers stripped, a list marker starting a new
    item, other lines joined into one block. Nothing is lost, positions stay
    exact; inline markup in these lines is left as written."""
    current: Block | None = None
    pieces: list[str] = []  # the current block's text, joined once

    def flush() -> None:
        if current is not None:
            current.text = "".join(pieces)
            if current.text.strip():
                if current.kind == "list_item":
                    strip_checkbox(current)
                blocks.append(current)
                check_block_count(len(blocks), len(source))

    for number in range(lines[0], min(lines[1], len(line_starts))):
        start = line_starts[number]
        end = line_starts[number + 1] - 1 if number + 1 < len(line_starts) else len(source)
        p, is_item = start, False
        marker = LIST_MARKER.match(source, p, end)
        while marker:
            p, is_item = marker.end(), True
            marker = LIST_MARKER.match(source, p, end)
        while p < end and source[p] in " \t>":
            p += 1
        stop = len(source[p:end].rstrip()) + p
        if stop <= p:
            flush()
            current = None
            continue
        if current is None or is_item:
            flush()
            pieces = []
            current = Block(
                kind="blockquote" if quoted else "paragraph",
                text="",
                offsets=offsets_array(),
                line=number + 1,
                quoted=quoted,
            )
            if is_item:
                item_counter += 1
                current.kind, current.item = "list_item", item_counter
                current.list_depth = list_depth + 1
        else:
            pieces.append("\n" if looks_like_entry_start(source[p:stop]) else " ")
            current.offsets.append(start - 1)
        pieces.append(source[p:stop])
        current.offsets.extend(range(p, stop))
    flush()
    return item_counter


def strip_checkbox(block: Block) -> None:
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


MAX_FRONT_MATTER = 64 * 1024
"""Front matter longer than this (characters) is not read (it is metadata: a few lines)."""


def _load_front_matter(content: str):
    import yaml

    from blamelint.data import safe_load_untrusted

    if len(content) > MAX_FRONT_MATTER:
        return None, f"front matter is longer than {MAX_FRONT_MATTER // 1024} KB; not read"
    try:
        data = safe_load_untrusted(content) if content.strip() else {}
    except RecursionError:
        return None, "front matter is nested too deeply"
    except yaml.YAMLError as exc:
        if "aliases" in str(exc):
            return None, "front matter uses YAML aliases (*name), which blamelint does not read"
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return None, f"front matter is not valid YAML{where}"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, "front matter is not a mapping"
    return data, None
