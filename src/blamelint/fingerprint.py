"""Where a finding is, independent of the working directory, and a fingerprint
that survives unrelated edits and line moves.

One definition, shared by SARIF (``partialFingerprints``), GitLab Code Quality
(``fingerprint``) and baselines (``--baseline``), so that all three agree on
which findings are "the same" from one run to the next.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from blamelint.findings import Finding


@functools.lru_cache(maxsize=1024)
def repository_top(folder: Path) -> Path | None:
    """The top level of the git work tree holding ``folder`` (the nearest ``.git``)."""
    for candidate in [folder, *folder.parents]:
        if (candidate / ".git").exists():
            return candidate
    return None


def relative_uri(path: str, root: str) -> str:
    """A '/'-separated path relative to the repository root (as code scanning wants):
    the top level of the git work tree the file is in, wherever blamelint runs;
    for a file outside any repository (or a name that is not a file), ``root``."""
    p = Path(path)
    if p.is_absolute() or root:
        resolved = p.resolve()
        top = repository_top(resolved.parent) if resolved.is_file() else None
        try:
            p = Path(os.path.relpath(resolved, top or root))
        except ValueError:  # another drive on Windows
            pass
    uri = p.as_posix()
    return uri[2:] if uri.startswith("./") else uri


def normalized_text(text: str) -> str:
    """The quoted text, lowercased, with runs of whitespace made one space."""
    return " ".join(text.lower().split())


WHOLE_DOCUMENT_RULES = frozenset({"missing-section", "missing-what-went-well"})
"""Rules whose findings are about the document as a whole (a missing or empty
section): they point at the title line or a heading, but are identified by their
message, so that retitling a postmortem does not make them new."""


def identity_text(finding: Finding) -> str:
    """What identifies a finding within its file besides its rule."""
    if finding.rule in WHOLE_DOCUMENT_RULES:
        return normalized_text(finding.message)
    return normalized_text(finding.text)


def fingerprint(finding: Finding, uri: str, occurrence: int) -> str:
    """Stable across unrelated edits and line moves: rule, file, the normalised
    quoted text (the message, for findings about the whole document), and which
    occurrence of that text in the file it is."""
    key = f"{finding.rule}\x00{uri}\x00{identity_text(finding)}\x00{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding], root: str) -> list[tuple[str, str]]:
    """``(uri, fingerprint)`` for each finding, in order. Occurrences are counted
    in the order given, which is source order within a file in a Report."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for f in findings:
        uri = relative_uri(f.location.path, root)
        if f.fingerprint:  # fixed before filtering (baseline, diff): keep it
            out.append((uri, f.fingerprint))
            continue
        key = (f.rule, uri, identity_text(f))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        out.append((uri, fingerprint(f, uri, occurrence)))
    return out


def with_fingerprints(findings: list[Finding], root: str) -> list[Finding]:
    """The findings (in source order) with their fingerprints set. Called on all
    of a run's findings before any are filtered out, so a finding has the same
    fingerprint whether or not --baseline or --diff hides its neighbours.

    The list is updated in place (and returned): each finding is replaced by its
    fingerprinted copy as soon as the copy exists, so a large report is never held twice."""
    for i, (_, fp) in enumerate(fingerprints(findings, root)):
        findings[i] = findings[i].with_fingerprint(fp)
    return findings
