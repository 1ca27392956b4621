"""Which findings of a run to report: all of them, only those not in a baseline
(``--baseline``), only those on lines changed since a git ref (``--diff``); or
record them all as the new baseline (``--write-baseline``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from blamelint.document.model import Document
from blamelint.errors import BlamelintError
from blamelint.findings import Finding
from blamelint.run import baseline as baseline_file
from blamelint.run.gitdiff import ChangedLines


class Narrowing:
    def __init__(
        self,
        root: str,
        baseline: str | None = None,
        write_baseline: str | None = None,
        diff: str | None = None,
        paths: Iterable[str] = (),
    ):
        paths = list(paths)
        if write_baseline and (baseline or diff):
            other = "--baseline" if baseline else "--diff"
            raise BlamelintError(
                f"--write-baseline records every finding; it cannot be combined with {other} "
                f"(to refresh a baseline, run --write-baseline alone)"
            )
        if diff and "-" in paths:
            raise BlamelintError("--diff cannot be used with standard input ('-'): git has no version of it")
        self.root = root
        self.write_baseline = write_baseline
        self.baseline = baseline_file.load(baseline) if baseline else None
        self.changes = ChangedLines(diff, paths) if diff else None
        self.recorded: int | None = None
        """Findings written to --write-baseline (None: not writing one)."""
        self.hidden = 0
        """Findings left out because the baseline records them."""

    @property
    def active(self) -> bool:
        return bool(self.baseline or self.changes or self.write_baseline)

    def notes(self) -> list[str]:
        """What the narrowing did, said plainly (after the report's summary)."""

        def n(count: int) -> str:
            return f"{count} finding{'s' if count != 1 else ''}"

        if self.baseline is None:
            return []
        was = "was" if self.hidden == 1 else "were"
        note = f"{n(self.hidden)} already in the baseline {self.baseline.path} {was} not reported."
        stale = self.baseline.stale
        if stale:
            note += (
                f" {n(stale)} in the baseline {'is' if stale == 1 else 'are'} no longer found "
                "(fixed, or in files not checked)."
            )
        return [note]

    def summary(self, files: int) -> str | None:
        """The summary line of a --write-baseline run (it reports no findings)."""
        if self.recorded is None:
            return None
        count = f"{self.recorded} finding{'s' if self.recorded != 1 else ''}"
        return (
            f"Recorded {count} from {files} file{'s' if files != 1 else ''} in the baseline "
            f"{self.write_baseline}; runs with --baseline {self.write_baseline} report only new ones."
        )

    def documents(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Skip files with no changed lines under --diff (they cannot have findings to report)."""
        for document in documents:
            if self.changes is None or self.changes.touches_file(document.path):
                yield document

    def findings(self, findings: list[Finding], inputs: frozenset = frozenset()) -> list[Finding]:
        """The findings to report, from all findings of the run (in report order).
        ``inputs``: (device, inode) of the files checked, which --write-baseline must not replace."""
        if self.write_baseline:
            from blamelint.run.output import refuse_input

            refuse_input(self.write_baseline, set(inputs), "--write-baseline")
            self.recorded = baseline_file.write(self.write_baseline, findings, self.root)
            return []
        if self.baseline is not None:
            before = len(findings)
            findings = self.baseline.new_findings(findings, self.root)
            self.hidden = before - len(findings)
        if self.changes is not None:
            findings = [f for f in findings if self.changes.touches(f)]
        return findings
