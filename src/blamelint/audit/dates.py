"""When was a postmortem written? Its date, and where the date came from.

In order: the front matter (``date:``, ``incident_date:``...; keys in
rules/data/audit.yaml), a date in the file name or path, the first date in the
text. Only when asked: the date the file first appears in git history, or its
modification time. ``None`` when nothing gives one.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

from blamelint.data import load
from blamelint.data.models import AuditData

SOURCES = ("front-matter", "file-name", "text", "git", "mtime")
MIN_YEAR, MAX_YEAR = 1990, 2100

MONTHS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], 1) for name in names}
_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

TEXT_PATTERNS = [
    re.compile(r"(?<![\d.])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?![\d])"),
    re.compile(r"(?<![\w])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})(?!\d)", re.I),
    re.compile(r"(?<![\w])" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.I),
]
NAME_PATTERNS = [
    re.compile(r"(?<!\d)(?P<y>\d{4})[-_./](?P<m>\d{1,2})[-_./](?P<d>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
]
NAME_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_./](?P<m>[01]?\d)(?![\d])")


def _make(y: str, m: str, d: Optional[str]) -> Optional[dt.date]:
    try:
        month = int(m) if m.isdigit() else MONTHS[m.lower().rstrip(".")]
        date = dt.date(int(y), month, int(d) if d else 1)
    except (ValueError, KeyError):
        return None
    return date if MIN_YEAR <= date.year <= MAX_YEAR else None


def _first(patterns: Iterable[re.Pattern], text: str) -> Optional[dt.date]:
    best: Optional[tuple[int, dt.date]] = None
    for pattern in patterns:
        for match in pattern.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            g = match.groupdict()
            date = _make(g["y"], g.get("m") or g.get("mon") or "", g.get("d"))
            if date is not None:
                best = (match.start(), date)
                break
    return best[1] if best else None


def parse_value(value: Any) -> Optional[dt.date]:
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


def front_matter_date(front_matter: Optional[dict[str, Any]]) -> Optional[dt.date]:
    if not front_matter:
        return None
    lowered = {str(k).lower(): v for k, v in front_matter.items()}
    for key in _date_keys():
        if key in lowered:
            date = parse_value(lowered[key])
            if date is not None:
                return date
    return None


def text_date(text: str) -> Optional[dt.date]:
    """The first date written in the text."""
    return _first(TEXT_PATTERNS, text)


def name_date(path: str) -> Optional[dt.date]:
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


def mtime_date(path: Path) -> Optional[dt.date]:
    try:
        return dt.date.fromtimestamp(os.stat(path).st_mtime)
    except (OSError, ValueError, OverflowError):
        return None


class GitDates:
    """First-commit dates of files, one ``git log`` per repository."""

    def __init__(self) -> None:
        self._repos: dict[Path, dict[str, dt.date]] = {}

    def date(self, path: Path) -> Optional[dt.date]:
        path = path.resolve()
        root = self._root(path.parent)
        if root is None:
            return None
        if root not in self._repos:
            self._repos[root] = self._load(root)
        return self._repos[root].get(path.relative_to(root).as_posix())

    @staticmethod
    def _root(folder: Path) -> Optional[Path]:
        for candidate in [folder, *folder.parents]:
            if (candidate / ".git").exists():
                return candidate
        return None

    @staticmethod
    def _load(root: Path) -> dict[str, dt.date]:
        try:
            out = subprocess.run(
                ["git", "-C", str(root), "log", "--no-renames", "--format=%x00%aI", "--name-only", "--", "."],
                capture_output=True, text=True, timeout=120, check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            return {}
        dates: dict[str, dt.date] = {}
        current: Optional[dt.date] = None
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


def resolve(display: str, path: Optional[Path], content: dict[str, Optional[str]], fallback: Optional[str],
            git: Optional[GitDates] = None) -> tuple[Optional[dt.date], Optional[str]]:
    """The document's date and its source. ``content`` holds the dates read from the
    file's content ("front-matter", "text"; ISO strings), kept in the cache."""
    if content.get("front-matter"):
        return dt.date.fromisoformat(content["front-matter"]), "front-matter"
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
