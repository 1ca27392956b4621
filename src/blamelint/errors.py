"""Errors that end a run with exit code 2 and a one-line message (no traceback)."""


class BlamelintError(Exception):
    """A usage, configuration or environment problem the user can fix."""


class ConfigError(BlamelintError):
    pass


class ModelLoadError(BlamelintError):
    pass


class RuleLoadError(BlamelintError):
    pass
