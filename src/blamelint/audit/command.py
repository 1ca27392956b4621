"""The ``blamelint audit`` command: options, the run, the output. Importing this
module does not import spaCy (``blamelint --help`` stays fast)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from blamelint import command_options as options
from blamelint.errors import ExitCode
from blamelint.escapes import escape_controls

FORMATS = ["text", "json", "csv", "html"]


def _as_of(value: str | None) -> dt.date:
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)") from None


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format."
)
@options.output
@options.jobs()
@options.no_cache
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False),
    help="Cache folder [default: $BLAMELINT_CACHE_DIR or $XDG_CACHE_HOME/blamelint].",
)
@click.option(
    "--date-fallback",
    type=click.Choice(["git", "mtime"]),
    help="Date undated documents by their first git commit or modification time.",
)
@click.option(
    "--period",
    type=click.Choice(["auto", "month", "quarter"]),
    default="auto",
    show_default=True,
    help="Period of the trends (auto: months for up to two years, else quarters).",
)
@click.option(
    "--as-of", "as_of", metavar="DATE", help="Judge overdue action items as of DATE [default: today]."
)
@options.exclude("Leave out matching paths (repeatable).")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many documents to list as needing attention.",
)
@click.option(
    "--include-all",
    is_flag=True,
    help="Score every file, also those not taken as postmortems (README, templates, indexes).",
)
@options.config()
@options.color
def audit(
    paths,
    fmt,
    output,
    jobs,
    no_cache,
    cache_dir,
    date_fallback,
    period,
    as_of,
    exclude,
    top,
    include_all,
    config_path,
    color,
) -> None:
    """Report on the writing culture of an archive of postmortems.

    Reads every postmortem under PATHS (.md, .markdown, .txt and HTML exports;
    files that are not postmortems, such as a README or a template, are listed
    as skipped with the reason), measures blame, hindsight, agentless passives, named actors, sections and
    action items, and shows them per period with their trends and a health score
    (see docs/audit.md). Exit code 0, or 2 if a file could not be read (the
    report covers the others).
    """
    from blamelint.errors import BlamelintError

    try:
        code = run_audit(
            list(paths),
            fmt=fmt,
            output=output,
            jobs=jobs,
            use_cache=not no_cache,
            cache_dir=cache_dir,
            date_fallback=date_fallback,
            period=period,
            as_of=_as_of(as_of),
            exclude=list(exclude),
            top=top,
            config_path=config_path,
            color=color,
            include_all=include_all,
        )
    except BlamelintError as exc:
        options.fail(str(exc))
    sys.exit(code)


def audit_include(config) -> list[str]:
    """Which files a folder yields: the configured globs, or every format blamelint reads."""
    from blamelint.config import Config
    from blamelint.document.load import LINTED_SUFFIXES

    if config.include != Config().include:
        return config.include
    return [f"*{s}" for s in LINTED_SUFFIXES]


def run_audit(
    paths: list[str],
    fmt: str = "text",
    output: str | None = None,
    jobs: int | None = None,
    use_cache: bool = True,
    cache_dir: str | None = None,
    date_fallback: str | None = None,
    period: str = "auto",
    as_of: dt.date | None = None,
    exclude: list[str] | None = None,
    top: int = 10,
    config_path: str | None = None,
    color: bool | None = None,
    progress_stream=None,
    include_all: bool = False,
) -> int:
    from blamelint import __version__
    from blamelint.audit import dates
    from blamelint.audit.aggregate import Aggregator
    from blamelint.audit.progress import Progress
    from blamelint.audit.render import render
    from blamelint.config import load_config
    from blamelint.run.collect import collect
    from blamelint.run.entries import open_cache
    from blamelint.run.job import Job
    from blamelint.run.output import emit
    from blamelint.run.parallel import analyse

    config = load_config(config_path)
    cwd = Path.cwd()
    job = Job(config=config, measurer="blamelint.audit.metrics:Measurer", all_postmortems=include_all)
    cache = open_cache(job, use_cache, cache_dir)
    candidates = list(collect(paths, audit_include(config), [*config.exclude, *(exclude or [])], cwd))
    real = {c.display: c.path for c in candidates if hasattr(c, "path")}
    git = dates.GitDates() if date_fallback == "git" else None

    def date_of(display: str, metrics: dict):
        return dates.resolve(display, real.get(display), metrics.get("content_dates", {}), date_fallback, git)

    def read_source(display: str) -> str | None:
        """The text the findings' lines and columns count in (for the HTML document pages)."""
        from blamelint.document.load import UnreadableInput, parse_bytes, read_bytes

        try:
            return parse_bytes(display, read_bytes(real[display], config.max_file_size)).source
        except (UnreadableInput, KeyError, OSError):
            return None

    aggregator = Aggregator(
        today=as_of or dt.date.today(),
        date_of=date_of,
        keep_findings=fmt in ("json", "html"),
        include_all=include_all,
        read_source=read_source if fmt == "html" else None,
    )
    progress = Progress(progress_stream)
    try:
        for result in analyse(candidates, job, jobs or 0, cache, progress):
            aggregator.add(result)
    finally:
        progress.close()
    report = aggregator.report(
        __version__,
        ", ".join(paths),
        attention=top,
        period=period,
        base=paths[0] if len(paths) == 1 else None,
    )
    if color is None:
        color = output is None and sys.stdout.isatty()
    rendered = render(fmt, report, color=bool(color))
    emit(rendered, output, candidates)  # never over a file of the archive
    for error in aggregator.errors:
        line = f"{error['path']}: could not audit: {error['message']}"
        print("blamelint: " + escape_controls(line, keep="\t"), file=sys.stderr)
    return ExitCode.ERROR if aggregator.errors else ExitCode.OK
