"""Which findings of a run to report: all of them, only those not in a baseline
(``--baseline``), only those on lines changed since a git ref (``--diff``); or
record them all as the new baseline (``--write-baseline``)."""
from __future__ import annotations

import sys
from typing import Iterable, Iterator, Optional

from blamelint.run import baseline as baseline_file
from blamelint.document.model import Document
from blamelint.errors import BlamelintError
from blamelint.findings import Finding
from blamelint.run.gitdiff import ChangedLines


class Narrowing:
    def __init__(self, root: str, baseline: Optional[str] = None, write_baseline: Optional[str] = None,
                 diff: Optional[str] = None, paths: Iterable[str] = ()):
        paths = list(paths)
        if write_baseline and (baseline or diff):
            other = "--baseline" if baseline else "--diff"
            raise BlamelintError(f"--write-baseline records every finding; it cannot be combined with {other} "
                                 f"(to refresh a baseline, run --write-baseline alone)")
        if diff and "-" in paths:
            raise BlamelintError("--diff cannot be used with standard input ('-'): git has no version of it")
        self.root = root
        self.write_baseline = write_baseline
        self.baseline = baseline_file.load(baseline) if baseline else None
        self.changes = ChangedLines(diff, paths) if diff else None

    @property
    def active(self) -> bool:
        return bool(self.baseline or self.changes or self.write_baseline)

    def documents(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Skip files with no changed lines under --diff (they cannot have findings to report)."""
        for document in documents:
            if self.changes is None or self.changes.touches_file(document.path):
                yield document

    def findings(self, findings: list[Finding]) -> list[Finding]:
        """The findings to report, from all findings of the run (in report order)."""
        if self.write_baseline:
            count = baseline_file.write(self.write_baseline, findings, self.root)
            print(f"blamelint: recorded {count} finding{'s' if count != 1 else ''} in {self.write_baseline}",
                  file=sys.stderr)
            return []
        if self.baseline is not None:
            findings = self.baseline.new_findings(findings, self.root)
        if self.changes is not None:
            findings = [f for f in findings if self.changes.touches(f)]
        return findings
