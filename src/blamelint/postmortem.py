"""Is this file a postmortem? Document rules only run on postmortems, so that a
README.md next to them is not flooded with missing-section findings.

A file is a postmortem when its path matches ``postmortem-paths`` in the config,
when its front matter says so, or when it has at least two of the usual
postmortem section headings.
"""
from __future__ import annotations

import fnmatch

from blamelint.config import Config
from blamelint.document.model import Document
from blamelint.rules.cards import load_data
from blamelint.rules.checks.missing_what_went_well import normalise_heading

FRONT_MATTER_KEYS = ("type", "kind", "layout", "category", "template")


class PostmortemDetector:
    def __init__(self, config: Config):
        self.config = config
        sections = load_data("sections.yaml")
        self.heading_to_section = {normalise_heading(h): name for name, hs in sections.items() for h in hs}

    def __call__(self, document: Document) -> bool:
        path = document.path
        if any(fnmatch.fnmatch(path, g) for g in self.config.postmortem_paths):
            return True
        fm = document.front_matter or {}
        if fm.get("postmortem") is True:
            return True
        if any(str(fm.get(k, "")).lower().replace("-", "") in ("postmortem", "incident", "incidentreview")
               for k in FRONT_MATTER_KEYS):
            return True
        found = {self.heading_to_section.get(normalise_heading(h.text)) for h in document.headings}
        found.discard(None)
        return len(found) >= 2
