"""Baselines: record today's findings once, then report only findings that are new.

``blamelint check --write-baseline FILE`` writes every current finding;
``blamelint check --baseline FILE`` then drops the findings recorded there.
Findings are matched by fingerprint (blamelint.fingerprint): the rule, the file
relative to the project root, the quoted text and which occurrence of that text
in the file it is. Line numbers play no part, so edits elsewhere in a file and
lines moving up or down do not make old findings look new.

The file is JSON (UTF-8), sorted so that it diffs well in review::

    {
      "tool": "blamelint",
      "baseline_version": 1,
      "blamelint_version": "0.1.0",
      "findings": [
        {"fingerprint": "3f0c...", "rule": "blame", "path": "postmortems/dns.md",
         "line": 44, "text": "human error"}
      ]
    }

Only ``fingerprint`` is used for matching; ``rule``, ``path``, ``line`` and
``text`` are there for the people reading the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from blamelint import __version__
from blamelint.errors import BlamelintError
from blamelint.findings import Finding
from blamelint.fingerprint import fingerprints

FORMAT_VERSION = 1
MAX_BYTES = 256 * 1024 * 1024
"""The largest baseline read (about a million findings)."""


class BaselineError(BlamelintError):
    pass


def entries(findings: Iterable[Finding], root: str) -> list[dict]:
    findings = list(findings)
    rows = [
        {"fingerprint": fp, "rule": f.rule, "path": uri, "line": f.location.line, "text": f.text}
        for f, (uri, fp) in zip(findings, fingerprints(findings, root))
    ]
    return sorted(rows, key=lambda r: (r["path"], r["line"], r["rule"], r["fingerprint"]))


def dumps(rows: list[dict]) -> str:
    data = {
        "tool": "blamelint",
        "baseline_version": FORMAT_VERSION,
        "blamelint_version": __version__,
        "findings": rows,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def write(path: str, findings: Iterable[Finding], root: str) -> int:
    """Write a baseline of ``findings``; return how many were recorded."""
    from blamelint.run.output import write_atomically

    rows = entries(findings, root)
    try:
        write_atomically(path, dumps(rows), "baseline")
    except BlamelintError as exc:
        raise BaselineError(str(exc)) from None
    return len(rows)


@dataclass
class Baseline:
    path: str
    known: frozenset[str]
    matched: set[str] = field(default_factory=set)

    def new_findings(self, findings: list[Finding], root: str) -> list[Finding]:
        """The findings not recorded in the baseline, in their original order.

        Pass every finding of the run (before any other filtering): occurrences
        of the same text are counted across them."""
        fresh = []
        for f, (_, fp) in zip(findings, fingerprints(findings, root)):
            if fp in self.known:
                self.matched.add(fp)
            else:
                fresh.append(f)
        return fresh

    @property
    def stale(self) -> int:
        """Recorded findings not seen in this run (fixed, or in files not checked)."""
        return len(self.known - self.matched)


def load(path: str) -> Baseline:
    from blamelint.document.load import UnreadableInput, read_bytes

    if not Path(path).exists():
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline {path})")
    try:  # read once, never blocking on a pipe without a writer, at most MAX_BYTES
        raw = read_bytes(Path(path), MAX_BYTES).decode("utf-8")
    except (UnreadableInput, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise BaselineError(f"{path}: not a blamelint baseline (JSON nested too deeply)") from None
    if not isinstance(data, dict) or data.get("tool") != "blamelint" or "findings" not in data:
        raise BaselineError(
            f"{path}: not a blamelint baseline (expected an object with "
            f'"tool": "blamelint" and a "findings" list)'
        )
    version = data.get("baseline_version")
    if version != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: baseline_version {version!r} is not supported "
            f"(this blamelint reads version {FORMAT_VERSION}); write it again with --write-baseline"
        )
    rows = data["findings"]
    if not isinstance(rows, list):
        raise BaselineError(f'{path}: "findings" must be a list')
    known = set()
    for i, row in enumerate(rows):
        fp = row.get("fingerprint") if isinstance(row, dict) else None
        if not isinstance(fp, str) or not fp:
            raise BaselineError(f'{path}: findings[{i}] has no "fingerprint" string')
        known.add(fp)
    return Baseline(path=path, known=frozenset(known))
