"""The command line: parse options, call the core, pick a reporter, set the exit code.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it;
2 usage, configuration or input errors (including a file that could not be checked).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from blamelint import __version__
from blamelint import command_options as options
from blamelint.errors import BlamelintError, ExitCode
from blamelint.escapes import escape_controls

FORMATS = ["text", "concise", "json", "sarif", "github", "gitlab"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="blamelint")
def cli() -> None:
    """blamelint: a linter for incident postmortems.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration
    or input errors.
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "--output-format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Output format (concise: one line a finding, path:line:col: rule message).",
)
@click.option(
    "--statistics", is_flag=True, help="Print how many findings each rule has instead of the findings."
)
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, nothing when clean.")
@options.exclude("Skip files matching GLOB when searching folders (repeatable; added to the config's).")
@click.option(
    "--allow-no-files",
    is_flag=True,
    help="Exit 0 when the paths match no file [default: exit 2, a misconfigured path].",
)
@options.output
@options.rules("--select", "Check only these rules (comma-separated or repeatable).")
@options.rules("--ignore", "Do not check these rules (comma-separated or repeatable).")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "note", "never"]),
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
@options.config("Config file (default: nearest .blamelint.toml or pyproject.toml).")
@click.option("--stdin-filename", metavar="NAME", help="Name to report for '-' (standard input).")
@options.color
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Report only findings not recorded in this baseline.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="Record every current finding in FILE (then report none).",
)
@click.option(
    "--diff", "diff_ref", metavar="REF", help="Report only findings on lines changed since git REF."
)
@options.jobs("all cores; small runs stay in one")
@options.no_cache
def check(
    paths,
    fmt,
    statistics,
    quiet,
    exclude,
    allow_no_files,
    output,
    select,
    ignore,
    fail_on,
    config_path,
    stdin_filename,
    color,
    baseline,
    write_baseline,
    diff_ref,
    jobs,
    no_cache,
) -> None:
    """Check postmortems (files, folders, or - for standard input)."""
    from blamelint.run.check import run_check

    try:
        code = run_check(
            paths=list(paths) or ["."],
            fmt=fmt,
            output=output,
            select=list(select),
            ignore=list(ignore),
            fail_on=fail_on,
            config_path=config_path,
            stdin_filename=stdin_filename,
            color=color,
            baseline=baseline,
            write_baseline=write_baseline,
            diff=diff_ref,
            jobs=jobs,
            use_cache=not no_cache,
            exclude=list(exclude),
            statistics=statistics,
            quiet=quiet,
            allow_no_files=allow_no_files,
        )
    except BlamelintError as exc:
        options.fail(str(exc))
    sys.exit(code)


@cli.command("rules")
@options.config()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_cmd(config_path: str | None, fmt: str) -> None:
    """List every rule: id, default severity, scope and summary."""
    import json

    from blamelint.config import load_config
    from blamelint.rules.registry import Registry

    try:
        registry = Registry(load_config(config_path))
    except BlamelintError as exc:
        options.fail(str(exc))
    cards = registry.cards
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "id": c.id,
                        "severity": c.severity.value,
                        "scope": c.scope,
                        "enabled": c.enabled,
                        "summary": c.summary,
                    }
                    for c in cards
                ],
                indent=2,
            )
        )
        return
    width = max(len(c.id) for c in cards)
    click.echo(f"{'RULE':<{width}}  {'SEVERITY':<8}  {'SCOPE':<8}  SUMMARY")
    for c in cards:
        flag = "" if c.enabled else " (off by default)"
        click.echo(f"{c.id:<{width}}  {c.severity.value:<8}  {c.scope:<8}  {c.summary}{flag}")


@cli.command()
@click.argument("rule")
@options.config()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="text: for a terminal; markdown: the rule's documentation page.",
)
def explain(rule: str, config_path: str | None, fmt: str) -> None:
    """Show what RULE flags, an example and what to write instead, then why and the details."""
    import shutil

    from blamelint.config import load_config
    from blamelint.rules.docs import help_markdown, help_terminal
    from blamelint.rules.registry import Registry

    try:
        card = Registry(load_config(config_path)).card(rule)
    except BlamelintError as exc:
        options.fail(str(exc))
    if fmt == "markdown":
        click.echo(help_markdown(card), nl=False)
        return
    width = max(40, min(shutil.get_terminal_size((88, 24)).columns, 100) - 2)
    tty = sys.stdout.isatty()
    click.echo(help_terminal(card, width, bold=lambda s: click.style(s, bold=True) if tty else s), nl=False)


@cli.command()
@click.option(
    "--pyproject",
    is_flag=True,
    help="Append a [tool.blamelint] section to pyproject.toml instead of writing .blamelint.toml.",
)
def init(pyproject: bool) -> None:
    """Write a commented config for this project and print the pre-commit and CI set-up."""
    from blamelint.run.init import run_init

    try:
        click.echo(run_init(Path.cwd(), pyproject=pyproject), nl=False)
    except BlamelintError as exc:
        options.fail(str(exc))


@cli.command()
@options.config("Config file for every document (default: the nearest one to each document).")
@click.option(
    "--debounce-ms",
    type=click.IntRange(min=0, max=10_000),
    default=100,
    show_default=True,
    help="Wait this long after the last keystroke before checking.",
)
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over standard input and output (the default; accepted because some editors pass it).",
)
def server(config_path: str | None, debounce_ms: int, stdio: bool) -> None:
    """Run the language server (LSP over stdio) for editors."""
    try:
        from blamelint.server.protocol import serve
    except ImportError as exc:
        options.fail(f"the language server needs pygls ({exc}); reinstall blamelint")
    serve(config_path, debounce_ms / 1000)


from blamelint.audit.command import audit  # noqa: E402 - imports click only, not spaCy

cli.add_command(audit)


def _interrupted() -> int:
    """Ctrl-C: exit 130, and ignore a second Ctrl-C while shutting down (no tracebacks)."""
    import signal

    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        pass
    return ExitCode.INTERRUPTED


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="blamelint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return ExitCode.ERROR
    except click.exceptions.Abort as exc:
        if isinstance(exc.__context__, KeyboardInterrupt):
            return _interrupted()
        click.echo("Aborted.", err=True)
        return ExitCode.ERROR
    except KeyboardInterrupt:
        return _interrupted()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else ExitCode.ERROR
    except BrokenPipeError:
        return ExitCode.ERROR
    except BlamelintError as exc:
        click.echo(options.error_line(str(exc)), err=True)
        return ExitCode.ERROR
    except Exception as exc:  # a bug: say so plainly; the traceback only on request
        import os
        import traceback

        if os.environ.get("BLAMELINT_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"blamelint: internal error: {type(exc).__name__}: {escape_controls(str(exc))} "
            "(this is a bug in blamelint; "
            "set BLAMELINT_DEBUG=1 for the traceback and please report it)",
            err=True,
        )
        return ExitCode.ERROR
    return ExitCode.OK
