"""`blamelint check`, wired: config -> files -> documents -> linter -> reporter."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Optional

from blamelint import __version__
from blamelint.run.collect import Missing, collect
from blamelint.config import Config, load_config
from blamelint.document.load import UnreadableInput
from blamelint.document.model import Document
from blamelint.errors import BlamelintError, ExitCode
from blamelint.run.output import emit
from blamelint.findings import Finding, InputError, Report, Severity
from blamelint.fingerprint import with_fingerprints
from blamelint.run.parallel import Job, Worker, analyse, open_cache
from blamelint.run.narrow import Narrowing
from blamelint.reporters import ReportContext, get_reporter
from blamelint.rules.registry import Registry



def fails(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


def _stdin_documents(stdin_filename: Optional[str], errors: list[InputError]) -> Iterator[Document]:
    """Standard input as a document, named by --stdin-filename."""
    from blamelint.postmortem.load import parse_bytes

    name = stdin_filename or "<stdin>.md"
    try:
        yield parse_bytes(name, sys.stdin.buffer.read())  # HTML on stdin may declare its encoding
    except UnreadableInput as exc:
        errors.append(InputError(path=name, message=str(exc)))


def _refuse_to_overwrite_input(output: str, paths: list[str], config: Config) -> None:
    """--output must never replace a document being checked."""
    import fnmatch

    target = Path(output).resolve()
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw).resolve()
        inside = path.is_dir() and path in target.parents and any(
            fnmatch.fnmatch(target.name.lower(), g) for g in config.include)
        if target == path or inside:
            raise BlamelintError(f"{output}: --output would overwrite a file being checked; "
                                 "write the report somewhere else")


def run_check(paths: list[str], fmt: str, output: Optional[str], select: list[str], ignore: list[str],
              fail_on: Optional[str], config_path: Optional[str], stdin_filename: Optional[str],
              color: Optional[bool], baseline: Optional[str] = None, write_baseline: Optional[str] = None,
              diff: Optional[str] = None, jobs: Optional[int] = None, use_cache: bool = True) -> int:
    config = load_config(config_path)
    if output:
        _refuse_to_overwrite_input(output, paths, config)
    registry = Registry(config)
    registry.selected(select or config.select, [*config.ignore, *ignore])  # unknown rule ids: config errors
    for rule_id in config.severity:
        registry.card(rule_id)
    job = Job(config=config, select=tuple(select), ignore=tuple(ignore))
    errors: list[InputError] = []
    findings: list[Finding] = []
    files = 0
    narrow = Narrowing(config.root or str(Path.cwd()), baseline, write_baseline, diff, paths)
    if "-" in paths:  # standard input is linted here, by the same Linter a worker builds
        linter = Worker(job).linter
        for document, found in linter.lint(narrow.documents(_stdin_documents(stdin_filename, errors))):
            files += 1
            findings.extend(found)
    candidates = (c for c in collect([p for p in paths if p != "-"], config.include, config.exclude, Path.cwd())
                  if isinstance(c, Missing) or narrow.changes is None or narrow.changes.touches_file(c.display))
    for result in analyse(candidates, job, jobs or 0, open_cache(job, use_cache)):
        if result.error is not None:
            errors.append(InputError(path=result.path, message=result.error))
        else:
            files += 1
            findings.extend(result.findings)
    findings = sorted(findings, key=lambda f: f.sort_key)
    findings = narrow.findings(with_fingerprints(findings, config.root or str(Path.cwd())))
    errors.sort(key=lambda e: (e.path, e.message))  # the same report whatever the order of the paths
    report = Report.build(__version__, files, findings, errors)
    if color is None:
        color = output is None and sys.stdout.isatty()
    context = ReportContext(cards=[registry.card(r) for r in registry.ids()], root=config.root or str(Path.cwd()),
                            color=color and fmt == "text")
    rendered = get_reporter(fmt)(report, context)
    emit(rendered, output)
    if fmt != "text" and errors:
        for e in errors:
            print(f"blamelint: {e.path}: could not check: {e.message}", file=sys.stderr)
    if errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if fails(findings, fail_on or config.fail_on) else ExitCode.OK
