"""`blamelint check`, wired: config -> files -> documents -> linter -> reporter."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from blamelint import __version__
from blamelint.config import Config, load_config
from blamelint.document.load import UnreadableInput
from blamelint.document.model import Document
from blamelint.errors import BlamelintError, ExitCode
from blamelint.escapes import escape_controls
from blamelint.findings import Finding, InputError, Report, Severity
from blamelint.fingerprint import with_fingerprints
from blamelint.reporters import ReportContext, get_reporter
from blamelint.rules.registry import Registry
from blamelint.run.collect import Missing, collect
from blamelint.run.entries import open_cache
from blamelint.run.job import Job
from blamelint.run.narrow import Narrowing
from blamelint.run.output import emit, identities
from blamelint.run.parallel import analyse
from blamelint.run.worker import Worker


def _report_root(findings: list[Finding], config: Config) -> str:
    """The repository the reported files are in (SARIF's %SRCROOT%), wherever blamelint
    runs; else the config's root."""
    from blamelint.fingerprint import repository_top

    tops = {
        repository_top(Path(f.location.path).resolve().parent)
        for f in findings
        if Path(f.location.path).is_file()
    }
    if len(tops) == 1 and None not in tops:
        return str(tops.pop())
    return config.root or str(Path.cwd())


class NoFiles(BlamelintError):
    """The paths named matched no file: a misconfigured CI step must not pass silently."""


def fails(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


def _stdin_documents(
    stdin_filename: str | None, errors: list[InputError], max_bytes: int
) -> Iterator[Document]:
    """Standard input as a document, named by --stdin-filename, capped like a file."""
    from blamelint.document.load import READ_LIMIT, read_capped
    from blamelint.postmortem.load import parse_bytes

    name = stdin_filename or "<stdin>.md"
    max_bytes = min(max_bytes, READ_LIMIT)
    try:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UnreadableInput("standard input is closed")
        try:
            raw = read_capped(stream.read, max_bytes + 1)
        except (OSError, ValueError) as exc:  # a closed or unreadable descriptor
            raise UnreadableInput(
                f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}"
            ) from None
        if len(raw) > max_bytes:
            raise UnreadableInput(
                f"more than {max_bytes} bytes on standard input, "
                f"over the {max_bytes / 1048576:.0f} MB limit (max-file-size)"
            )
        yield parse_bytes(name, raw)  # HTML on stdin may declare its encoding
    except UnreadableInput as exc:
        errors.append(InputError(path=name, message=str(exc)))


def _refuse_to_overwrite_input(output: str, option: str, paths: list[str], config: Config) -> None:
    """An output must never replace a document being checked (checked before the run;
    the files actually read are checked again before anything is written)."""
    import fnmatch

    from blamelint.run.output import identity

    target = Path(output).resolve()
    target_id = identity(output)
    for raw in paths:
        if raw == "-":
            continue
        path = Path(raw).resolve()
        inside = (
            path.is_dir()
            and path in target.parents
            and any(fnmatch.fnmatch(target.name.lower(), g) for g in config.include)
        )
        same = target == path or (target_id is not None and target_id == identity(raw))
        if same or inside:
            raise BlamelintError(
                f"{output}: {option} would overwrite a file being checked; write it somewhere else"
            )


def run_check(
    paths: list[str],
    fmt: str,
    output: str | None,
    select: list[str],
    ignore: list[str],
    fail_on: str | None,
    config_path: str | None,
    stdin_filename: str | None,
    color: bool | None,
    baseline: str | None = None,
    write_baseline: str | None = None,
    diff: str | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    exclude: list[str] | None = None,
    statistics: bool = False,
    quiet: bool = False,
    allow_no_files: bool = False,
) -> int:
    from blamelint.rules.validate import validate_config

    if statistics and fmt not in ("text", "concise"):
        raise BlamelintError(
            f"--statistics prints a count by rule; it cannot be combined with --format {fmt}"
        )
    config = load_config(config_path)
    if exclude:
        config.exclude = [*config.exclude, *exclude]
    for option, target in (("--output", output), ("--write-baseline", write_baseline)):
        if target:
            _refuse_to_overwrite_input(target, option, paths, config)
    registry = Registry(config)
    validate_config(config, registry)  # misspelt rule ids and options: the config file and key
    registry.selected(select, ignore)  # the same for --select and --ignore
    job = Job(config=config, select=tuple(select), ignore=tuple(ignore))
    warnings: list[tuple[str, int, str]] = []
    errors: list[InputError] = []
    findings: list[Finding] = []
    files = 0
    narrow = Narrowing(config.root or str(Path.cwd()), baseline, write_baseline, diff, paths)
    if "-" in paths:  # standard input is linted here, by the same Linter a worker builds
        linter = Worker(job).linter
        for document, found in linter.lint(
            narrow.documents(_stdin_documents(stdin_filename, errors, config.max_file_size))
        ):
            files += 1
            findings.extend(found)
            warnings += [
                (document.path, line, message) for line, message in linter.problems.pop(document.path, [])
            ]
    checked: list = [baseline] if baseline else []  # what the outputs must not replace
    candidates = (
        c
        for c in collect([p for p in paths if p != "-"], config.include, config.exclude, Path.cwd())
        if isinstance(c, Missing) or narrow.changes is None or narrow.changes.touches_file(c.display)
    )
    candidates = (checked.append(c) or c for c in candidates)
    for result in analyse(candidates, job, jobs or 0, open_cache(job, use_cache)):
        if result.error is not None:
            errors.append(InputError(path=result.path, message=result.error))
        else:
            files += 1
            findings.extend(result.findings)
            result.findings = []  # held once: with_fingerprints below replaces them one by one
            warnings += [(result.path, line, message) for line, message in result.warnings]
    for path, line, message in warnings:
        print(
            "blamelint: warning: " + escape_controls(f"{path}:{line}: {message}", keep="\t"), file=sys.stderr
        )
    if files == 0 and not errors and "-" not in paths and diff is None:
        where = ", ".join(paths)
        globs = ", ".join(config.include)
        less = f" (less exclude: {', '.join(config.exclude)})" if config.exclude else ""
        if not allow_no_files:
            raise NoFiles(
                f"no files to check: nothing in {where} matches {globs}{less}; "
                "check the paths, or pass --allow-no-files if an empty run is expected"
            )
        print(f"blamelint: no files to check in {where} (allowed by --allow-no-files)", file=sys.stderr)
    findings = sorted(findings, key=lambda f: f.sort_key)
    inputs = frozenset(identities(checked))
    findings = narrow.findings(with_fingerprints(findings, config.root or str(Path.cwd())), inputs)
    errors.sort(key=lambda e: (e.path, e.message))  # the same report whatever the order of the paths
    report = Report.build(__version__, files, findings, errors)
    if color is None:
        color = output is None and sys.stdout.isatty()
    context = ReportContext(
        cards=[registry.card(r) for r in registry.ids()],
        root=_report_root(findings, config),
        color=color and fmt == "text",
        quiet=quiet,
        notes=narrow.notes(),
        summary=narrow.summary(files),
    )
    if statistics:
        from blamelint.reporters.concise import statistics as render_statistics

        rendered = render_statistics(report, context)
    else:
        rendered = get_reporter(fmt)(report, context)
    emit(rendered, output, checked)
    if fmt not in ("text", "concise"):
        for note in filter(None, [context.summary, *context.notes]):
            print("blamelint: " + escape_controls(note, keep="\t"), file=sys.stderr)
    if fmt not in ("text", "concise") and errors:
        for e in errors:
            line = f"{e.path}: could not check: {e.message}"
            print("blamelint: " + escape_controls(line, keep="\t"), file=sys.stderr)
    if errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if fails(findings, fail_on or config.fail_on) else ExitCode.OK
