"""What the commands (``check``, ``audit``) share: their common options, defined
once so that names, types and help stay the same, and how a command stops on a
BlamelintError. Imports click only (``blamelint --help`` stays fast)."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from blamelint.errors import ExitCode
from blamelint.escapes import escape_controls


def error_line(message: str) -> str:
    """An error as printed on standard error: control characters escaped."""
    return "blamelint: error: " + escape_controls(message, keep="\t\n")


def fail(message: str) -> NoReturn:
    """Print ``message`` as an error on standard error and exit 2."""
    click.echo(error_line(message), err=True)
    sys.exit(ExitCode.ERROR)


output = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the report to FILE instead of standard output.",
)
no_cache = click.option("--no-cache", is_flag=True, help="Neither read nor write the result cache.")
color = click.option("--color/--no-color", default=None, help="Colour text output [default: on a terminal].")


def config(help: str = "Config file."):
    return click.option("--config", "config_path", type=click.Path(dir_okay=False), help=help)


def jobs(default: str = "all cores"):
    """``-j/--jobs``; ``default`` says what is done without it."""
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help=f"Parse in N processes [default: {default}].",
    )


def exclude(help: str):
    return click.option("--exclude", multiple=True, metavar="GLOB", help=help)


def _rule_ids(ctx, param, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select c``: rule ids given in a comma-separated list or repeated."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def rules(name: str, help: str):
    """``--select`` / ``--ignore``: rule ids, comma-separated or repeated (as flake8 and ruff take them)."""
    return click.option(name, multiple=True, metavar="RULE[,RULE]", callback=_rule_ids, help=help)
