"""HTML (Confluence and Google Docs exports, rendered Markdown) -> the document model.

Parsed with the standard library's ``html.parser``: it reports the line and
column of every tag, text run and character reference, which is what exact
source positions need (lxml keeps only lines; selectolax keeps none), it
tolerates broken markup without raising, and it adds no dependency. It is a
tokenizer, not a tree builder, so the few implied end tags that matter for
prose (``<p>``, ``<li>``, table cells and rows) are closed here.

Blocks are headings (h1-h6), paragraphs, list items (a checkbox input, or a
Confluence task's ``checked`` class, sets ``checked``), table cells and
blockquotes. Text outside any of these (straight inside ``<div>`` or
``<body>``) is a paragraph. Script, style, ``<pre>``, ``<head>`` and similar
never reach the text; inline ``<code>`` stays in the text, masked, as in
Markdown. Whitespace runs collapse to one space, as a browser shows them;
character references are decoded, each decoded character mapped to the ``&``
that starts it.
"""

from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser

from blamelint.document.align import offsets_array
from blamelint.document.markdown import strip_checkbox
from blamelint.document.model import Block, Document, compute_line_starts
from blamelint.document.structure import looks_like_entry_start, nest_headings

HEADINGS = {f"h{n}": n for n in range(1, 7)}
SKIPPED = frozenset(
    {
        "script",
        "style",
        "pre",
        "head",
        "title",
        "template",
        "noscript",
        "textarea",
        "svg",
        "math",
        "iframe",
        "object",
        "select",
        "canvas",
        "xmp",
        "listing",
    }
)
VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
    }
)
BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        *HEADINGS,
    }
)
CODE = frozenset({"code", "kbd", "samp", "tt"})
BOLD = frozenset({"b", "strong"})
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
CSS_BOLD_CLASS = re.compile(
    r"\.([A-Za-z_][\w-]*)\s*\{[^}]*?font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE
)
MAX_DEPTH = 200
"""Open elements kept on the stack: deeper start tags are read as if they were not
there (their text is kept). Every step that looks through the open elements is then
bounded, so 100,000 nested <div>s take linear time (no real document nests 200 deep)."""
TOKEN = re.compile(r"[^ \t\n\r\f\xa0]+|[ \t\n\r\f\xa0]+")
# Which open element an implied end tag closes, and where the search stops.
IMPLIED = {
    "li": ("li", {"ul", "ol", "menu", "dir"}),
    "dt": ("dt dd", {"dl"}),
    "dd": ("dt dd", {"dl"}),
    "tr": ("tr td th", {"table", "thead", "tbody", "tfoot"}),
    "td": ("td th", {"tr", "table"}),
    "th": ("td th", {"tr", "table"}),
    "thead": ("thead tbody tfoot tr td th", {"table"}),
    "tbody": ("thead tbody tfoot tr td th", {"table"}),
    "tfoot": ("thead tbody tfoot tr td th", {"table"}),
}


class _Table:
    def __init__(self, ident: int):
        self.ident, self.row, self.column = ident, -1, -1


class _HtmlBlocks(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = compute_line_starts(source)
        self.blocks: list[Block] = []
        self.code_lines: set[int] = set()
        self.stack: list[str] = []
        self.attrs: list[dict[str, str]] = []
        self.styles: list[tuple[bool, bool]] = []  # (bold, code) of each open element
        self.bold_open = self.code_open = 0
        self.tables: list[_Table] = []
        self.table_count = 0
        self.item_ids: list[int] = []
        self.item_count = 0
        self.item_checkbox: dict[int, bool | None] = {}
        self.items_started: set[int] = set()
        self.bold_classes: set[str] = set()
        self.skip: tuple[str, int, int] | None = None  # (tag, depth, start offset)
        self._reset_block()

    # -- positions ---------------------------------------------------------------

    def parse_html_declaration(self, i: int) -> int:
        """A marked section (``<![CDATA[...]]>``, ``<![if IE]>``, or a typo such as
        ``<![1``) is a bogus comment up to the next ``>``, as browsers read HTML; the
        standard library asserts on most of them."""
        if self.rawdata.startswith("<![", i):
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[min(line, len(self.line_starts)) - 1] + column

    # -- the block being built ---------------------------------------------------

    def _reset_block(self) -> None:
        self.chars: list[str] = []
        self.offsets = offsets_array()
        self.masked: list[tuple[int, int]] = []
        self.bold_chars = 0
        self.visible_chars = 0
        self.pending_space = -1
        self.pending_break = -1

    def _add(self, text: str, offsets) -> None:
        """Add a run of non-space characters (with their offsets)."""
        if self.chars:
            if self.pending_break >= 0:
                nxt = text + self.source[offsets[-1] + 1 : offsets[-1] + 41]
                self.chars.append("\n" if looks_like_entry_start(nxt) else " ")
                self.offsets.append(self.pending_break)
            elif self.pending_space >= 0:
                self.chars.append(" ")
                self.offsets.append(self.pending_space)
        self.pending_space = self.pending_break = -1
        start = len(self.chars)
        self.chars.extend(text)
        self.offsets.extend(offsets)
        self.visible_chars += len(text)
        if self.bold_open:
            self.bold_chars += len(text)
        if self.code_open:
            if self.masked and self.masked[-1][1] == start:
                self.masked[-1] = (self.masked[-1][0], len(self.chars))
            else:
                self.masked.append((start, len(self.chars)))

    def _bold_attributes(self, attributes: dict[str, str]) -> bool:
        """Bold by inline style, or by a class a <style> block makes bold (Google Docs)."""
        if BOLD_STYLE.search(attributes.get("style", "")):
            return True
        return bool(self.bold_classes) and any(
            c in self.bold_classes for c in attributes.get("class", "").split()
        )

    def _space(self, offset: int, is_space: bool) -> None:
        if self.chars and (self.pending_space < 0 or (is_space and self.source[self.pending_space] != " ")):
            self.pending_space = offset

    def _add_run(self, text: str, start: int) -> None:
        for match in TOKEN.finditer(text):
            at = start + match.start()
            if match.group()[0] in " \t\n\r\f\xa0":
                space = match.group().find(" ")
                self._space(at + max(space, 0), space >= 0)
            else:
                self._add(match.group(), range(at, at + len(match.group())))

    def _add_reference(self, raw: str, start: int) -> None:
        decoded = html.unescape(raw)
        if decoded == raw:  # not a known reference: the characters as written
            self._add_run(raw, start)
            return
        for part in TOKEN.findall(decoded):
            if part[0] in " \t\n\r\f\xa0":
                self._space(start, False)
            else:
                self._add(part, [start] * len(part))

    def _flush(self) -> None:
        end = len(self.chars)
        while end and self.chars[end - 1] in " \n":
            end -= 1
        if end:
            self.blocks.append(self._make_block(end))
        self._reset_block()

    def _make_block(self, end: int) -> Block:
        text = "".join(self.chars[:end])
        offsets = self.offsets[:end]
        line = bisect.bisect_right(self.line_starts, offsets[0])
        masked = [(s, min(e, end)) for s, e in self.masked if s < end]
        block = Block(
            kind="paragraph",
            text=text,
            offsets=offsets,
            line=line,
            masked=masked,
            quoted="blockquote" in self.stack,
        )
        for tag in reversed(self.stack):
            if tag in HEADINGS:
                block.kind, block.level = "heading", HEADINGS[tag]
            elif tag in ("td", "th") and self.tables:
                table = self.tables[-1]
                block.kind, block.table, block.row, block.column = (
                    "table_cell",
                    table.ident,
                    table.row,
                    table.column,
                )
            elif tag == "li" and self.item_ids:
                block.kind, block.item = "list_item", self.item_ids[-1]
                block.list_depth = sum(t in ("ul", "ol", "menu", "dir") for t in self.stack)
                block.ordered = next(
                    (t == "ol" for t in reversed(self.stack) if t in ("ul", "ol", "menu", "dir")), False
                )
                if block.item not in self.items_started:
                    self.items_started.add(block.item)
                    checked = self.item_checkbox.pop(block.item, None)
                    if checked is not None:
                        block.checked = checked
                    else:
                        strip_checkbox(block)
            elif tag == "blockquote":
                block.kind = "blockquote"
            else:
                continue
            break
        else:
            if (
                "p" in self.stack
                and len(text) <= 80
                and not text.endswith((".", ",", ";"))
                and self.bold_chars == self.visible_chars
            ):
                block.kind, block.pseudo_heading = "heading", True
        return block

    # -- the element stack ---------------------------------------------------------

    def _pop_to(self, index: int) -> None:
        for tag in self.stack[index:]:
            if tag == "li" and self.item_ids:
                self.item_ids.pop()
            elif tag == "table" and self.tables:
                self.tables.pop()
        for bold, code in self.styles[index:]:
            self.bold_open -= bold
            self.code_open -= code
        del self.stack[index:], self.attrs[index:], self.styles[index:]

    def _close_implied(self, tag: str) -> None:
        if tag in BLOCKS and self.stack:
            # An open <p> ends where any block starts.
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i] == "p":
                    self._pop_to(i)
                    break
                if self.stack[i] in BLOCKS:
                    break
        if tag in HEADINGS and self.stack and self.stack[-1] in HEADINGS:
            self._pop_to(len(self.stack) - 1)
        if tag in IMPLIED:
            closes, boundary = IMPLIED[tag]
            closes = closes.split()
            for i in range(len(self.stack) - 1, -1, -1):
                if self.stack[i] in boundary:
                    break
                if self.stack[i] in closes:
                    self._pop_to(i)
                    break

    # -- parser events ---------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip is not None:
            name, depth, start = self.skip
            if tag == name:
                self.skip = (name, depth + 1, start)
            elif tag in ("script", "style"):
                self.set_cdata_mode(tag)
            return
        attributes = {k: (v or "") for k, v in attrs}
        at = self._offset()
        if tag in SKIPPED:
            if tag in BLOCKS or tag == "pre":
                self._flush()
            self.skip = (tag, 1, at)
            if tag in ("script", "style"):
                self.set_cdata_mode(tag)
            return
        if tag in VOID:
            self._void(tag, attributes, at)
            return
        if tag in BLOCKS:
            self._flush()
            self._close_implied(tag)
        if len(self.stack) >= MAX_DEPTH:
            return
        self.stack.append(tag)
        self.attrs.append(attributes)
        style = (tag in BOLD or self._bold_attributes(attributes), tag in CODE)
        self.styles.append(style)
        self.bold_open += style[0]
        self.code_open += style[1]
        if tag == "table":
            self.table_count += 1
            self.tables.append(_Table(self.table_count))
        elif tag == "tr" and self.tables:
            self.tables[-1].row += 1
            self.tables[-1].column = -1
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].column += 1
        elif tag == "li":
            self.item_count += 1
            self.item_ids.append(self.item_count)
            if "data-inline-task-id" in attributes or _task_list(self.attrs[:-1]):
                self.item_checkbox[self.item_count] = "checked" in attributes.get("class", "").split()
            elif attributes.get("aria-checked") in ("true", "false"):
                self.item_checkbox[self.item_count] = attributes["aria-checked"] == "true"

    def _void(self, tag: str, attributes: dict[str, str], at: int) -> None:
        if tag == "br":
            if self.chars:
                self.pending_break = at
        elif tag == "hr":
            self._flush()
        elif tag == "input" and attributes.get("type", "").lower() == "checkbox":
            if self.item_ids and not self.chars:
                self.item_checkbox[self.item_ids[-1]] = "checked" in attributes

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)  # as browsers do: "<div/>" opens a div

    def handle_endtag(self, tag: str) -> None:
        if self.skip is not None:
            name, depth, start = self.skip
            if tag == name:
                if depth > 1:
                    self.skip = (name, depth - 1, start)
                else:
                    self.skip = None
                    first = bisect.bisect_right(self.line_starts, start)
                    last = bisect.bisect_right(self.line_starts, self._offset())
                    self.code_lines.update(range(first, last + 1))
            return
        if tag == "br":
            self._void("br", {}, self._offset())
            return
        if tag not in self.stack:
            return
        index = len(self.stack) - 1 - self.stack[::-1].index(tag)
        if tag in BLOCKS:
            self._flush()
        elif any(t in BLOCKS for t in self.stack[index + 1 :]):
            return  # a stray inline end tag inside a later block: ignore it
        self._pop_to(index)

    def handle_data(self, data: str) -> None:
        if self.skip is None:
            self._add_run(data, self._offset())
        elif self.cdata_elem == "style":
            self.bold_classes.update(CSS_BOLD_CLASS.findall(data))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, written: str) -> None:
        """A character reference, ``;`` optional, as the parser reported it."""
        if self.skip is None:
            start = self._offset()
            end = start + len(written)
            if self.source.startswith(";", end):
                end += 1
            self._add_reference(self.source[start:end], start)

    def close(self) -> None:
        super().close()
        if self.skip is not None:  # an unclosed <pre> or <script> runs to the end
            first = bisect.bisect_right(self.line_starts, self.skip[2])
            self.code_lines.update(range(first, len(self.line_starts) + 1))
        self._flush()


def _task_list(ancestors: list[dict[str, str]]) -> bool:
    """Confluence marks task lists ``<ul class="inline-task-list">``."""
    return bool(ancestors) and "inline-task-list" in ancestors[-1].get("class", "").split()


def parse_html(path: str, source: str) -> Document:
    """Parse HTML source (newlines already normalised to ``\\n``)."""
    parser = _HtmlBlocks(source)
    try:
        parser.feed(source)
        parser.close()
    except (AssertionError, ValueError, IndexError) as exc:  # html.parser gives up on some malformed markup
        from blamelint.document.load import UnreadableInput

        raise UnreadableInput(
            f"malformed HTML the parser cannot read ({type(exc).__name__}: {str(exc)[:80]})"
        ) from None
    nest_headings(parser.blocks)
    return Document(
        path=path,
        source=source,
        blocks=parser.blocks,
        code_lines=frozenset(parser.code_lines),
        _line_starts=parser.line_starts,
    )
