"""Suppression comments, handled once for every rule.

    <!-- blamelint-disable RULE... -->            off until enabled again
    <!-- blamelint-enable RULE... -->             back on
    <!-- blamelint-disable-next-line RULE... -->  off on the next non-blank line
    <!-- blamelint-disable-line RULE... -->       off on the line the comment is on
    <!-- blamelint-disable-file RULE... -->       off in the whole file

Naming no rule means every rule. Comments inside code blocks do not count.
A comment that starts ``blamelint-`` but is none of these, or names a rule that
does not exist (when the known rule ids are given), is a ``problem``: reported
with its line, never silently taken for something else.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from blamelint.document.model import Document

COMMENT = re.compile(r"<!--\s*blamelint-([a-z-]*)")
"""The start of a suppression comment and its action; it runs to the first ``>``, which must end
``-->``. The action is one run of letters and hyphens, cut before a ``-->`` that ends it (a
repeated group such as ``(?:[a-z]|-(?!->))*`` would keep a backtracking entry per character:
650 MB for ``<!-- blamelint-`` and 5 million letters)."""
ACTIONS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
ALL = "*"


@dataclass
class Suppressions:
    file_rules: set[str] = field(default_factory=set)
    line_rules: dict[int, set[str]] = field(default_factory=dict)
    ranges: list[tuple[int, int, str]] = field(default_factory=list)
    """(first line, last line inclusive, rule or '*')."""
    problems: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) for comments that are not understood."""

    def suppresses(self, rule: str, line: int) -> bool:
        if ALL in self.file_rules or rule in self.file_rules:
            return True
        on_line = self.line_rules.get(line)
        if on_line and (ALL in on_line or rule in on_line):
            return True
        return any(first <= line <= last and name in (ALL, rule) for first, last, name in self.ranges)


def _rule_names(raw: str) -> set[str]:
    names = {n for n in re.split(r"[\s,]+", raw.strip()) if n}
    return names or {ALL}


def _shortened(word: str, limit: int = 60) -> str:
    """A name from a document, cut for a message (a comment may name a megabyte-long rule)."""
    return word if len(word) <= limit else word[: limit - 3] + "..."


def _closest(word: str, choices) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def find_suppressions(document: Document, known: Collection[str] | None = None) -> Suppressions:
    """The document's suppression comments; ``known`` rule ids, when given, are
    checked (an unknown id is a problem and suppresses nothing)."""
    result = Suppressions()
    source = document.source
    if "blamelint-" not in source:
        return result
    open_since: dict[str, int] = {}
    last_line = document.line_count
    next_lines: dict[int, int] = {}  # line of a comment's end -> the next non-blank line
    for action, start, names_text, end in _comments(source):
        line, _ = document.position(start)
        if line in document.code_lines:
            continue
        names = _rule_names(names_text)
        if action not in ACTIONS:
            hint = _closest(action, ACTIONS)
            result.problems.append(
                (
                    line,
                    f"unknown suppression comment 'blamelint-{_shortened(action)}'{hint}; "
                    f"use one of: {', '.join('blamelint-' + a for a in ACTIONS)}",
                )
            )
            continue
        if known is not None:
            for name in sorted(names - {ALL}):
                if name not in known:
                    hint = _closest(name, known)
                    message = f"'{_shortened(name)}' in a suppression comment is not a rule{hint}"
                    result.problems.append((line, message))
            names = {n for n in names if n == ALL or n in known}
            if not names:
                continue
        if action == "disable-line":
            result.line_rules.setdefault(line, set()).update(names)
        elif action == "disable-file":
            result.file_rules |= names
        elif action == "disable-next-line":
            end_line, _ = document.position(end)
            target = next_lines.get(end_line, end_line + 1)
            while target <= last_line and not _line_text(document, target).strip():
                target += 1
            next_lines[end_line] = target
            result.line_rules.setdefault(target, set()).update(names)
        elif action == "disable":
            for name in names:
                open_since.setdefault(name, line)
        else:  # enable
            targets = list(open_since) if ALL in names else names
            for name in targets:
                if name in open_since:
                    result.ranges.append((open_since.pop(name), line, name))
    for name, first in open_since.items():
        result.ranges.append((first, last_line, name))
    return result


def _comments(source: str) -> Iterator[tuple[str, int, str, int]]:
    """Each suppression comment: (action, start, the text naming its rules, end).

    Linear in the source: a comment runs from its start to the first ``>`` after
    it, and counts only when that ``>`` ends ``-->``. The position of that ``>`` is
    found once and reused by every start before it (thousands of unclosed
    ``<!-- blamelint-disable`` cost one scan, not one scan each)."""
    close = -1
    for match in COMMENT.finditer(source):
        action_end = match.end()
        if source.startswith("-->", action_end - 2) and action_end - 2 >= match.start(1):
            action_end -= 2  # "blamelint-disable-->": the action is "disable"
        if close < action_end:
            close = source.find(">", action_end)
            if close < 0:
                return  # no later comment can be closed either
        if close - 2 >= action_end and source.startswith("--", close - 2):
            yield (
                source[match.start(1) : action_end],
                match.start(),
                source[action_end : close - 2],
                close + 1,
            )


def _line_text(document: Document, line: int) -> str:
    start = document.line_start(line)
    end = document.source.find("\n", start)
    return document.source[start : end if end >= 0 else len(document.source)]
