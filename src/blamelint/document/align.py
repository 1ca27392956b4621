"""Aligning decoded Markdown inline text with the source it came from.

markdown-it gives inline tokens without positions, and their text is decoded:
backslash escapes and entities are resolved, and inside code spans line breaks
become spaces. ``SourceCursor`` walks a block's source from left to right and
finds where each piece of decoded text was written, so every character of a
block keeps the exact source offset of the character (or escape, or entity)
that produced it. Markup the text skips (link targets, images, raw HTML) is
stepped over explicitly, so text can never be matched inside it.
"""

from __future__ import annotations

import html
import re
from array import array

ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")
LINE_PREFIX = " \t>"
"""What may stand between a line break and the next line's text: indentation and
blockquote markers."""

TEXT, CODE, RAW = "text", "code", "raw"
"""Alignment modes: inline text (escapes and entities decoded), a code span (line
breaks read as spaces), raw HTML (verbatim)."""


def offsets_array(values=()) -> array:
    """Offsets are kept as 64-bit integers in an array: 8 bytes a character
    instead of about 36 for a list of int objects."""
    return array("q", values)


class SourceCursor:
    """A position in ``source`` that only moves forward, bounded by ``limit``."""

    def __init__(self, source: str, cursor: int, limit: int):
        self.source = source
        self.cursor = cursor
        self.limit = limit

    # -- matching decoded text -------------------------------------------------

    def _match_at(self, content: str, p: int, mode: str) -> tuple[list[int], int] | None:
        """Offsets of ``content`` if it was written starting at source offset ``p``."""
        source, limit = self.source, self.limit
        offsets: list[int] = []
        i, n = 0, len(content)
        while i < n:
            if p >= limit:
                return None
            ch, s = content[i], source[p]
            if mode == TEXT:
                if s == "\\" and p + 1 < limit and source[p + 1] in ASCII_PUNCT:
                    if source[p + 1] != ch:
                        return None
                    offsets.append(p + 1)
                    i, p = i + 1, p + 2
                    continue
                if s == "&":
                    entity = ENTITY.match(source, p, limit)
                    if entity:
                        decoded = html.unescape(entity.group())
                        if decoded != entity.group() and content.startswith(decoded, i):
                            offsets.extend([p] * len(decoded))
                            i, p = i + len(decoded), entity.end()
                            continue
            if s == ch:
                offsets.append(p)
                i, p = i + 1, p + 1
                continue
            if s == "\n" and mode != TEXT and (ch == "\n" or (mode == CODE and ch == " ")):
                offsets.append(p)
                i, p = i + 1, self._after_prefix(p + 1, content, i + 1)
                if p < 0:
                    return None
                continue
            return None
        return offsets, p

    def _after_prefix(self, p: int, content: str = "", i: int = 0) -> int:
        """Skip the part of a continuation line's indentation and '>' markers that
        a container consumed: what is left of the run is what ``content[i:]``
        starts with. -1 if the content starts with more of them than the source."""
        source, limit = self.source, self.limit
        run_end = p
        while run_end < limit and source[run_end] in LINE_PREFIX:
            run_end += 1
        j = i
        while j < len(content) and content[j] in LINE_PREFIX:
            j += 1
        skip_to = run_end - (j - i)
        return skip_to if skip_to >= p else -1

    def locate(self, content: str, mode: str = TEXT) -> list[int] | None:
        """Find ``content`` at or after the cursor; move the cursor past it.

        The first place it matches wins. An exact occurrence bounds the search:
        the first match is at or before it (it may be earlier, written with an
        escape or an entity)."""
        if not content:
            return []
        source = self.source
        exact = source.find(content, self.cursor, self.limit)
        if exact >= 0 and not self._decodes_between(self.cursor, exact + len(content), mode):
            # Nothing before or inside that occurrence could be decoded differently,
            # so no earlier match exists: the common case, without a character loop.
            self.cursor = exact + len(content)
            return list(range(exact, exact + len(content)))
        last = exact if exact >= 0 else self.limit - 1
        first = content[0]
        p = self.cursor
        while p <= last:
            s = source[p]
            if s == first or (mode == TEXT and s in "\\&") or (mode != TEXT and s == "\n"):
                found = self._match_at(content, p, mode)
                if found is not None:
                    self.cursor = found[1]
                    return found[0]
            p += 1
        return None

    def _decodes_between(self, start: int, end: int, mode: str) -> bool:
        """Whether source[start:end] holds anything that is not matched one to one:
        an escape or entity in text, a line break in code or raw HTML."""
        find = self.source.find
        if mode == TEXT:
            return find("\\", start, end) >= 0 or find("&", start, end) >= 0
        return find("\n", start, end) >= 0

    # -- stepping over markup --------------------------------------------------

    def skip_to(self, char: str) -> bool:
        """Move just past the next ``char``; False (and no move) if there is none."""
        at = self.source.find(char, self.cursor, self.limit)
        if at < 0:
            return False
        self.cursor = at + 1
        return True

    def _skip_space(self, p: int) -> int:
        source, limit = self.source, self.limit
        while p < limit and source[p] in " \t\n":
            p = self._after_prefix(p + 1) if source[p] == "\n" else p + 1
        return p

    def skip_link_tail(self) -> None:
        """After a link's text: step over ``](destination "title")``,
        ``][label]``, ``[]`` or a bare ``]``."""
        from markdown_it.helpers import parseLinkDestination, parseLinkTitle

        if not self.skip_to("]"):
            return
        source, limit, p = self.source, self.limit, self.cursor
        if p < limit and source[p] == "(":
            q = self._skip_space(p + 1)
            if q < limit and source[q] == ")":
                self.cursor = q + 1
                return
            dest = parseLinkDestination(source, q, limit)
            if dest.ok:
                q = self._skip_space(dest.pos)
                title = parseLinkTitle(source, q, limit)
                if title.ok:
                    q = self._skip_space(title.pos)
                if q < limit and source[q] == ")":
                    self.cursor = q + 1
                    return
            self.skip_to(")")
        elif p < limit and source[p] == "[":
            self.skip_to("]")

    def skip_image(self) -> None:
        """Step over ``![alt](target)``: the alt text never reaches the block."""
        source, limit = self.source, self.limit
        start = source.find("![", self.cursor, limit)
        if start < 0:
            return
        depth, p = 0, start + 1
        while p < limit:
            ch = source[p]
            if ch == "\\":
                p += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    break
            p += 1
        self.cursor = p  # at the closing ']'
        self.skip_link_tail()

    def skip_code_span(self, markup: str) -> tuple[int, int]:
        """Find a code span's opening backticks; return where its content may be
        found (after the opening run, before the closing run)."""
        source, limit = self.source, self.limit
        p = self.cursor
        while True:
            at = source.find(markup, p, limit)
            if at < 0:
                return self.cursor, limit
            end = at + len(markup)
            if (at == self.cursor or source[at - 1] != "`") and (end >= limit or source[end] != "`"):
                break
            p = end
            while p < limit and source[p] == "`":
                p += 1
        close = end
        while True:
            close = source.find(markup, close, limit)
            if close < 0:
                return end, limit
            after = close + len(markup)
            if source[close - 1] != "`" and (after >= limit or source[after] != "`"):
                return end, close
            close = after
            while close < limit and source[close] == "`":
                close += 1
