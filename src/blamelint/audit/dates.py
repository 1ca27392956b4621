"""When did the incident happen? A postmortem's date, and where the date came from.

In order (the first that gives a date wins):

1. ``front-matter``: ``incident_date:``, ``date:``... (keys in rules/data/audit.yaml);
2. ``field``: a labelled date field in the text (``**Date:** 14 March 2024``,
   ``Incident date: 2024-03-14``, ``| Started | 2024-03-14 09:00 |``; labels in
   rules/data/audit.yaml, the most specific label first);
3. ``title``: a date in the title (``# 2017-09-27, Hub 403``);
4. ``file-name``: a date in the file name or the folders above it;
5. ``text``: the first date written in the text.

Only when asked: the date the file first appears in git history (``git``), or its
modification time (``mtime``). ``None`` when nothing gives one.

Comments are not content: HTML comments (``<!-- template v2, 2019-01-01 -->``),
code and URLs are never read for a date. Numeric dates are read year first
(``2024-10-24``) or, when the order is plain, day first (``24-10-2024``: no 24th
month; ``24.10.2024``: dots are a day-first habit); ``03/04/2024`` could be either,
and is not read.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from blamelint.data import load
from blamelint.data.models import AuditData

SOURCES = ("front-matter", "field", "title", "file-name", "text", "git", "mtime")
MIN_YEAR, MAX_YEAR = 1990, 2100

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

TEXT_PATTERNS = [
    re.compile(r"(?<![\d.])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])"),
    re.compile(r"(?<![\w])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)", re.I),
    re.compile(
        r"(?<![\w])" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*\d{1,2})?,?\s+"
        r"(?P<y>\d{4})(?!\d)",
        re.I,
    ),
    re.compile(r"(?<![\d.:/-])(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d])"),
]
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.IGNORECASE)
NAME_PATTERNS = [
    re.compile(r"(?<!\d)(?P<y>\d{4})[-_./](?P<m>\d{1,2})[-_./](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
]
NAME_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_./](?P<m>[01]?\d)(?![\d])")


def _make(y: str, m: str, d: str | None) -> dt.date | None:
    try:
        month = int(m) if m.isdigit() else MONTHS[m.lower().rstrip(".")]
        date = dt.date(int(y), month, int(d) if d else 1)
    except (ValueError, KeyError):
        return None
    return date if MIN_YEAR <= date.year <= MAX_YEAR else None


def _day_first(a: str, b: str, y: str, sep: str) -> dt.date | None:
    """``a-b-yyyy``: day first when only that reading is a date, or when written with
    dots; month first when only that reading is a date; else ambiguous (None)."""
    first, second = int(a), int(b)
    if sep == "." or (first > 12 >= second):
        return _make(y, b, a)
    if second > 12 >= first:
        return _make(y, a, b)
    return _make(y, a, b) if first == second else None


def _first(patterns: Iterable[re.Pattern], text: str) -> dt.date | None:
    best: tuple[int, dt.date] | None = None
    for pattern in patterns:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            g = match.groupdict()
            if g.get("a"):
                date = _day_first(g["a"], g["b"], g["y"], g["sep"])
            else:
                date = _make(g["y"], g.get("m") or g.get("mon") or "", g.get("d"))
            if date is not None:
                best = (match.start(), date)
                break
    return best[1] if best else None


def parse_value(value: Any) -> dt.date | None:
    """A front-matter value: a YAML date or datetime, or a string holding a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value if MIN_YEAR <= value.year <= MAX_YEAR else None
    if isinstance(value, str):
        return _first(TEXT_PATTERNS, value)
    return None


@lru_cache(maxsize=1)
def _date_keys() -> tuple[str, ...]:
    return load(AuditData).date_keys


def front_matter_date(front_matter: dict[str, Any] | None) -> dt.date | None:
    if not front_matter:
        return None
    lowered = {str(k).lower(): v for k, v in front_matter.items()}
    for key in _date_keys():
        if key in lowered:
            date = parse_value(lowered[key])
            if date is not None:
                return date
    return None


def readable(text: str) -> str:
    """Text without HTML comments and URLs, which are not the document's dates."""
    return URL.sub(" ", COMMENT.sub(" ", text))


def text_date(text: str) -> dt.date | None:
    """The first date written in the text (comments and URLs left out)."""
    return _first(TEXT_PATTERNS, readable(text))


@lru_cache(maxsize=1)
def _labels() -> tuple[re.Pattern, ...]:
    out = []
    for label in load(AuditData).date_labels:
        name = r"\s+".join(re.escape(w) for w in label.split())
        out.append(
            re.compile(
                r"^[\s>*_|#-]*(?:\d+[.)]\s*)?[*_]*" + name + r"[*_]*\s*(?:\([^)\n]*\)\s*)?"
                r"[*_]*\s*[:|\u2013-][*_]*[ \t]*(?P<value>[^\n]*)",
                re.IGNORECASE | re.MULTILINE,
            )
        )
    return tuple(out)


def field_date(text: str) -> dt.date | None:
    """The date of a labelled field ("**Date:** 14 March 2024"): the most specific
    label that holds a date (order of ``date_labels`` in rules/data/audit.yaml)."""
    text = readable(text)
    for pattern in _labels():
        for match in pattern.finditer(text):
            found = _first(TEXT_PATTERNS, match["value"][:120])
            if found is not None:
                return found
    return None


def title_date(title: str | None) -> dt.date | None:
    return _first(TEXT_PATTERNS, readable(title)) if title else None


def name_date(path: str) -> dt.date | None:
    """A date in the file name, else in the folders above it ("2024/03/db.md")."""
    parts = path.replace("\\", "/").split("/")
    name = parts[-1]
    found = _first(NAME_PATTERNS, name)
    if found is not None:
        return found
    joined = "/".join(parts)
    found = _first(NAME_PATTERNS, joined)
    if found is not None:
        return found
    match = NAME_MONTH.search(joined)
    return _make(match["y"], match["m"], None) if match else None


def mtime_date(path: Path) -> dt.date | None:
    try:
        return dt.date.fromtimestamp(os.stat(path).st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


class GitDates:
    """First-commit dates of files, one ``git log`` per repository."""

    def __init__(self) -> None:
        self._repos: dict[Path, dict[str, dt.date]] = {}

    def date(self, path: Path) -> dt.date | None:
        path = path.resolve()
        root = self._root(path.parent)
        if root is None:
            return None
        if root not in self._repos:
            self._repos[root] = self._load(root)
        return self._repos[root].get(path.relative_to(root).as_posix())

    @staticmethod
    def _root(folder: Path) -> Path | None:
        for candidate in [folder, *folder.parents]:
            if (candidate / ".git").exists():
                return candidate
        return None

    @staticmethod
    def _load(root: Path) -> dict[str, dt.date]:
        try:
            out = subprocess.run(
                ["git", "-C", str(root), "log", "--no-renames", "--format=%x00%aI", "--name-only", "--", "."],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return {}
        dates: dict[str, dt.date] = {}
        current: dt.date | None = None
        for line in out.splitlines():
            if line.startswith("\x00"):
                try:
                    current = dt.datetime.fromisoformat(line[1:].strip()).date()
                except ValueError:
                    current = None
            elif line.strip() and current is not None:
                name = line.strip()
                if name not in dates or current < dates[name]:
                    dates[name] = current
        return dates


def resolve(
    display: str,
    path: Path | None,
    content: dict[str, str | None],
    fallback: str | None,
    git: GitDates | None = None,
) -> tuple[dt.date | None, str | None]:
    """The document's date and its source. ``content`` holds the dates read from the
    file's content ("front-matter", "field", "title", "text"; ISO strings), kept in
    the cache."""
    for source in ("front-matter", "field", "title"):
        if content.get(source):
            return dt.date.fromisoformat(content[source]), source
    named = name_date(display)
    if named is not None:
        return named, "file-name"
    if content.get("text"):
        return dt.date.fromisoformat(content["text"]), "text"
    if fallback == "git" and path is not None:
        found = (git or GitDates()).date(path)
        if found is not None:
            return found, "git"
    if fallback == "mtime" and path is not None:
        found = mtime_date(path)
        if found is not None:
            return found, "mtime"
    return None, None
