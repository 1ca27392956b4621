"""Exit codes, and the errors that end a run with exit code 2 and a one-line
message (no traceback)."""

import enum


class ExitCode(enum.IntEnum):
    """The process exit codes of every command (documented in the README)."""

    OK = 0
    """Nothing at or above the fail level was found."""
    FINDINGS = 1
    """Something at or above the fail level was found."""
    ERROR = 2
    """A usage or configuration error, no pipeline, or a file that could not be checked."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (128 + SIGINT, as shells expect)."""


class BlamelintError(Exception):
    """A usage, configuration or environment problem the user can fix."""


class ConfigError(BlamelintError):
    pass


class ModelLoadError(BlamelintError):
    pass


class RuleLoadError(BlamelintError):
    pass
