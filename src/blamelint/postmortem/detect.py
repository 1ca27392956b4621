"""Is this file a postmortem? Document rules only run on postmortems, so that a
README.md next to them is not flooded with missing-section findings.

In order, the first that applies decides:

1. front matter that says so either way: ``postmortem: true|false``, or a
   ``type``/``kind``/``layout``/``category``/``template`` of postmortem,
   post-mortem, incident, incident-review, incident-report, rca or retrospective
   (also in ``tags``/``categories`` lists);
2. a path matching a ``postmortem-paths`` glob from the config (matched
   against the path as reported, and from the right, so
   ``postmortems/*.md`` matches ``docs/postmortems/x.md``);
3. the headings (and "Label:" paragraphs): two postmortem sections of which
   one is found almost only in postmortems (what went well, what went wrong,
   contributing factors, lessons learned, detection, response...), or three of
   any (impact, timeline and action items also head design docs and meeting
   notes), or one when the title or file name says postmortem, incident, RCA,
   outage or retrospective. Summary and background never count: a README has
   them too. The tiers are data (``specific`` in rules/data/sections.yaml).

A README that describes the sections in a list, or in a fenced template, has no
such headings and is not a postmortem.
"""
from __future__ import annotations

import fnmatch
import re
from pathlib import PurePosixPath
from typing import Any, Optional

from blamelint.config import Config
from blamelint.document.model import Document
from blamelint.errors import ConfigError
from blamelint.postmortem.sections import catalog, is_title, outline

FRONT_MATTER_KEYS = ("type", "kind", "layout", "category", "template", "doctype", "document-type")
FRONT_MATTER_LISTS = ("tags", "categories", "labels")
POSTMORTEM_KINDS = {"postmortem", "postmortems", "incident", "incidentreview", "incidentreport",
                    "incidentpostmortem", "rca", "retrospective", "pir", "postincidentreview", "coe"}
NAME_HINT = re.compile(r"post[-_ ]?mortem|incident|\brca\b|root[-_ ]cause|outage|retro(?:spective)?|\bpir\b",
                       re.IGNORECASE)


def _kind(value: Any) -> str:
    return re.sub(r"[^a-z]", "", str(value).lower())


def front_matter_verdict(front_matter: Optional[dict]) -> Optional[bool]:
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


class PostmortemDetector:
    def __init__(self, config: Config):
        self.config = config
        self.catalog = catalog()
        try:
            self.catalog.validate(config.required_sections)
        except ConfigError as exc:
            raise ConfigError(f"{config.source}: {exc}" if config.source else str(exc)) from None

    def __call__(self, document: Document) -> bool:
        verdict = front_matter_verdict(document.front_matter)
        if verdict is not None:
            return verdict
        if self.config.postmortem_paths and path_matches(document.path, self.config.postmortem_paths):
            return True
        tiers = self.catalog.specific
        specific = {s.name for s in outline(document).sections
                    if s.kind in ("heading", "label") and s.name in tiers}
        strong = [n for n in specific if tiers[n] == "strong"]
        if len(specific) >= 3 or (strong and len(specific) >= 2):
            return True
        if specific:
            title = next((b.text for b in document.blocks[:1] if is_title(document, b)), "")
            return bool(NAME_HINT.search(title) or NAME_HINT.search(PurePosixPath(document.path).name))
        return False
