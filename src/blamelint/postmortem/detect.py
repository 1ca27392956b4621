"""Is this file a postmortem? One answer for ``check`` (document rules only run on
postmortems, so that a README.md next to them is not flooded with missing-section
findings) and for ``audit`` (which scores only postmortems and lists what it
skipped, and why).

In order, the first that applies decides:

1. front matter that says so either way: ``postmortem: true|false``, or a
   ``type``/``kind``/``layout``/``category``/``template`` of postmortem,
   post-mortem, incident, incident-review, incident-report, rca or retrospective
   (also in ``tags``/``categories`` lists);
2. a path matching a ``postmortem-paths`` glob from the config (matched
   against the path as reported, and from the right, so
   ``postmortems/*.md`` matches ``docs/postmortems/x.md``);
3. the file name of a document that sits beside postmortems without being one:
   README, CONTRIBUTING, TEMPLATE, index, SUMMARY... or a name with "template",
   "guide" in it (lists in rules/data/detection.yaml);
4. the content of a template (three or more fill-in placeholders such as
   ``<describe the impact>``, ``[insert link]``, ``{{ date }}``, ``YYYY-MM-DD``)
   or of an index (mostly a list of links);
5. evidence, in points; three make a postmortem:

   * a section heading (or "Label:" paragraph) found almost only in postmortems
     (what went well, contributing factors, detection, lessons...): 2 points;
   * one also found in other documents (impact, timeline, action items): 1;
   * a summary: half a point (a README has one too, so it never decides alone);
   * a timeline of times of day (three or more headings, list items, table rows
     or lines opening with ``13:44``, ``2024-01-02 13:44``, ``9:05 PM``): 2 more;
   * headings postmortems often have besides those sections ("Conclusion",
     "Logs", "Next steps"): 1 each, at most 2;
   * a name that says incident: the title, a heading above a section heading
     (heading ancestry: "# Incident 42" over "## Timeline") or the file name says
     postmortem, incident, RCA, outage or retrospective, or the title carries a
     date ("2017-09-27, Hub 403"): 2 points, counted only beside a section.

A README that describes the sections in a list, or in a fenced template, has no
such headings and is not a postmortem.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from blamelint.config import Config
from blamelint.data import load
from blamelint.data.models import DetectionData
from blamelint.document.model import Document
from blamelint.errors import ConfigError
from blamelint.postmortem.sections import catalog, is_title, outline, words

FRONT_MATTER_KEYS = ("type", "kind", "layout", "category", "template", "doctype", "document-type")
FRONT_MATTER_LISTS = ("tags", "categories", "labels")
POSTMORTEM_KINDS = {
    "postmortem",
    "postmortems",
    "incident",
    "incidentreview",
    "incidentreport",
    "incidentpostmortem",
    "rca",
    "retrospective",
    "pir",
    "postincidentreview",
    "coe",
}
NAME_HINT = re.compile(
    r"post[-_ ]?mortem|incident|\brca\b|root[-_ ]cause|outage|retro(?:spective)?|\bpir\b", re.IGNORECASE
)
TITLE_DATE = re.compile(
    r"(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})(?!\d)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
    re.IGNORECASE,
)
TIMESTAMP = re.compile(
    r"^[\s>*_|`#-]*(?:\[|\()?(?:\d{4}-\d{2}-\d{2}[ T]|[A-Z][a-z]{2,8}\.? \d{1,2},? )?"
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s?[AaPp]\.?[Mm]\.?)?(?![\d:])"
)
PLACEHOLDER = re.compile(
    r"<(?:[a-z][a-z ,'/-]{2,60})>|\[(?:insert|describe|add|enter|your|link|name|date|todo)\b[^\]\n]{0,60}\]"
    r"|\{\{[^}\n]{1,60}\}\}|\bYYYY-MM-DD\b|\bHH:MM\b",
    re.IGNORECASE,
)
LINK_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+.{0,12}\[[^\]\n]+\]\([^)\n]+\)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

THRESHOLD = 3.0
POINTS = {"strong": 2.0, "weak": 1.0}
SUMMARY_POINTS = 0.5
TIMESTAMP_POINTS = 2.0
MIN_TIMESTAMPS = 3
EVIDENCE_POINTS, MAX_EVIDENCE = 1.0, 2
HINT_POINTS = 2.0
MIN_PLACEHOLDERS = 3
INDEX_MIN_LINKS, INDEX_SHARE = 5, 0.6


@dataclass(frozen=True)
class Verdict:
    """Whether a document is a postmortem, and a short reason a person can check."""

    postmortem: bool
    reason: str

    def __bool__(self) -> bool:
        return self.postmortem


def _kind(value: Any) -> str:
    return re.sub(r"[^a-z]", "", str(value).lower())


def front_matter_verdict(front_matter: dict | None) -> bool | None:
    """True or False when the front matter says; None when it does not."""
    fm = front_matter or {}
    flag = fm.get("postmortem", fm.get("post-mortem"))
    if isinstance(flag, bool):
        return flag
    if any(_kind(fm.get(k, "")) in POSTMORTEM_KINDS for k in FRONT_MATTER_KEYS):
        return True
    for key in FRONT_MATTER_LISTS:
        values = fm.get(key)
        if isinstance(values, str):
            values = re.split(r"[,\s]+", values)
        if isinstance(values, (list, tuple)) and any(_kind(v) in POSTMORTEM_KINDS for v in values):
            return True
    return None


def path_matches(path: str, globs: list[str]) -> bool:
    posix = path.replace("\\", "/")
    if posix.startswith("./"):
        posix = posix[2:]
    pure = PurePosixPath(posix)
    for glob in globs:
        g = glob.replace("\\", "/")
        if fnmatch.fnmatch(posix, g) or (not g.startswith("/") and pure.match(g.replace("**/", ""))):
            return True
        if "**" in g and fnmatch.fnmatch(posix, g.replace("**/", "*")):
            return True
    return False


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, ...]]]:
    data = load(DetectionData)
    return (
        data.not_postmortem_names,
        data.not_postmortem_name_words,
        frozenset(words(h) for h in data.evidence_headings),
    )


def name_verdict(path: str) -> str | None:
    """Why the file name says "not a postmortem", or None."""
    names, name_words, _ = _data()
    stem = PurePosixPath(path.replace("\\", "/")).name.lower()
    stem = stem.split(".", 1)[0].replace("-", "_").strip()
    if stem in names:
        return f"its name ({stem}) is that of a README, template or index"
    found = sorted(set(re.split(r"[^a-z]+", stem)) & name_words)
    if found:
        return f"its name says {found[0]}"
    return None


def path_key(path: str) -> str:
    """What the detector reads from a path, for cache keys: two files with the same
    bytes get the same verdict only when this is the same."""
    return f"{name_verdict(path) or ''}|{int(bool(NAME_HINT.search(PurePosixPath(path).name)))}"


def template_verdict(document: Document) -> str | None:
    """Why the content looks like a template or an index, or None."""
    prose = HTML_COMMENT.sub("", "\n".join(b.text for b in document.blocks if b.kind != "code"))
    holes = PLACEHOLDER.findall(prose)
    if len(holes) >= MIN_PLACEHOLDERS:
        return f"a template: {len(holes)} fill-in placeholders such as {holes[0]!r}"
    lines = [line for line in document.source.split("\n") if line.strip()]
    items = [line for line in lines if re.match(r"^\s*(?:[-*+]|\d+[.)])\s", line)]
    links = [line for line in items if LINK_LINE.match(line)]
    prose_lines = [line for line in lines if not line.lstrip().startswith(("#", "<!--", "---"))]
    if len(links) >= INDEX_MIN_LINKS and len(links) >= INDEX_SHARE * max(1, len(prose_lines)):
        return f"an index: {len(links)} of its {len(prose_lines)} lines are links"
    return None


def timestamp_entries(document: Document) -> int:
    """How many headings, list items, table rows or paragraph lines open with a time of day."""
    count = 0
    for block in document.blocks:
        if block.kind == "table_cell" and block.column != 0:
            continue
        if block.kind == "code":
            continue
        for line in block.text.split("\n"):
            if TIMESTAMP.match(line):
                count += 1
    return count


class PostmortemDetector:
    def __init__(self, config: Config):
        self.config = config
        self.catalog = catalog()
        try:
            self.catalog.validate(config.required_sections)
        except ConfigError as exc:
            raise ConfigError(f"{config.source}: {exc}" if config.source else str(exc)) from None

    def __call__(self, document: Document) -> bool:
        return self.explain(document).postmortem

    def explain(self, document: Document) -> Verdict:
        verdict = front_matter_verdict(document.front_matter)
        if verdict is not None:
            return Verdict(
                verdict, "its front matter says so" if verdict else "its front matter says it is not"
            )
        if self.config.postmortem_paths and path_matches(document.path, self.config.postmortem_paths):
            return Verdict(True, "its path matches postmortem-paths")
        by_name = name_verdict(document.path)
        if by_name:
            return Verdict(False, by_name)
        by_content = template_verdict(document)
        if by_content:
            return Verdict(False, by_content)
        return self._evidence(document)

    def _evidence(self, document: Document) -> Verdict:
        tiers = self.catalog.specific
        found = [s for s in outline(document).sections if s.kind in ("heading", "label", "row")]
        names = list(dict.fromkeys(s.name for s in found))
        points = 0.0
        reasons = []
        specific = [n for n in names if tiers.get(n) in POINTS]
        for name in specific:
            points += POINTS[tiers[name]]
        if specific:
            reasons.append("sections " + ", ".join(specific))
        if "summary" in names:
            points += SUMMARY_POINTS
        stamps = timestamp_entries(document)
        if stamps >= MIN_TIMESTAMPS:
            points += TIMESTAMP_POINTS
            reasons.append(f"a timeline of {stamps} timestamps")
        _, _, evidence = _data()
        extra = [
            h.text.strip()
            for h in document.headings
            if words(h.text) in evidence and not self.catalog.classify(h.text)
        ][:MAX_EVIDENCE]
        if extra:
            points += EVIDENCE_POINTS * len(extra)
            reasons.append("headings " + ", ".join(repr(e) for e in extra))
        hint = self._hint(document, found)
        if hint and (specific or stamps >= MIN_TIMESTAMPS):
            points += HINT_POINTS
            reasons.append(hint)
        why = "; ".join(reasons) or "no postmortem sections"
        if points >= THRESHOLD:
            return Verdict(True, why)
        return Verdict(False, f"too little evidence ({points:g} of {THRESHOLD:g} points: {why})")

    @staticmethod
    def _hint(document: Document, found) -> str | None:
        title = next((b.text for b in document.blocks[:1] if is_title(document, b)), "")
        if NAME_HINT.search(title):
            return "the title names an incident"
        if TITLE_DATE.search(title):
            return "the title carries a date"
        for section in found:
            if section.start is not None and any(NAME_HINT.search(h.text) for h in section.start.headings):
                return "a heading above its sections names an incident"
        if NAME_HINT.search(PurePosixPath(document.path).name):
            return "the file name names an incident"
        return None
