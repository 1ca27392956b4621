"""What the server keeps warm between edits: configs, rules, the spaCy pipeline and
the parses of unchanged paragraphs.

A file is linted with the config ``check`` would use when run from the file's
folder (the nearest ``.blamelint.toml`` or ``pyproject.toml`` with
``[tool.blamelint]``), under the same name relative to the project root, so
``postmortem-paths`` globs and front matter decide "is this a postmortem" as
they do in ``check``. A config is read again when its file changes.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from blamelint.config import Config, discover, find_git_root, load_config
from blamelint.engine import Linter
from blamelint.errors import BlamelintError
from blamelint.findings import Finding
from blamelint.rules.base import RuleCard

PARSE_CACHE_ENTRIES = 20_000
"""Parsed paragraphs kept (least recently used go first): a few large postmortems' worth."""


class ParseCache(OrderedDict):
    """Parsed pieces by text, least recently used dropped first."""

    def __init__(self, capacity: int = PARSE_CACHE_ENTRIES):
        super().__init__()
        self.capacity = capacity
        self.hits = 0
        self.misses = 0

    def get(self, key: str, default: Any = None) -> Any:
        if key in self:
            self.move_to_end(key)
            self.hits += 1
            return self[key]
        self.misses += 1
        return default

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.capacity:
            self.popitem(last=False)


@dataclass
class Setup:
    """One config's linter and rule cards."""

    config: Config
    linter: Linter
    cards: dict[str, RuleCard]
    stamp: tuple


@dataclass
class Result:
    findings: list[Finding]
    error: str | None = None
    """A config or rule problem: shown to the writer instead of findings."""
    skipped: bool = False
    """The file is excluded by the config."""
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(line, message): suppression comments that were not understood."""


def _stamp(path: Path | None) -> tuple:
    if path is None:
        return ()
    try:
        info = path.stat()
    except OSError:
        return (str(path),)
    return (str(path), info.st_mtime_ns, info.st_size)


def display_path(file: Path, root: str | None) -> str:
    """The file's name as ``check`` run from the project root reports it."""
    if root:
        try:
            return file.relative_to(Path(root)).as_posix()
        except ValueError:
            pass
    return file.as_posix()


class Session:
    """Lint editor buffers. Thread-safe: one lint at a time."""

    def __init__(self, config_path: str | None = None, fallback_folder: Path | None = None):
        self.config_path = config_path
        self.fallback_folder = fallback_folder or Path.cwd()
        self._setups: dict[tuple, Setup] = {}
        self._pipelines: dict[tuple, tuple[Any, ParseCache]] = {}
        self._lock = threading.Lock()

    # -- config -------------------------------------------------------------

    def _config_file(self, folder: Path) -> Path | None:
        if self.config_path:
            return Path(self.config_path)
        return discover(folder)

    def setup_for(self, folder: Path) -> Setup:
        """The linter for files in ``folder`` (built once per config file and version)."""
        from blamelint.postmortem.detect import PostmortemDetector
        from blamelint.rules.registry import Registry
        from blamelint.rules.validate import validate_config

        config_file = self._config_file(folder)
        root = find_git_root(folder)
        key = (str(config_file) if config_file else None, str(root) if root else str(folder))
        stamp = _stamp(config_file)
        setup = self._setups.get(key)
        if setup is not None and setup.stamp == stamp:
            return setup
        config = load_config(self.config_path, cwd=folder)
        registry = Registry(config)
        chosen = registry.selected(config.select, config.ignore)
        rules = registry.build(chosen, config.rules)
        validate_config(config, registry)
        linter = Linter(
            config,
            rules,
            nlp_factory=self._pipeline_factory(config.model),
            is_postmortem=PostmortemDetector(config),
            known_rules=frozenset(registry.ids()),
        )
        linter.parse_cache = self._pipeline(config.model, linter.needs)[1]
        linter.match_cache = ParseCache()  # the built-in rules read a block's content, not its position
        setup = Setup(config=config, linter=linter, cards={c.id: c for c in registry.cards}, stamp=stamp)
        self._setups[key] = setup
        return setup

    def _pipeline_factory(self, model: str | None):
        def factory(needs: frozenset[str]):
            return self._pipeline(model, needs)[0]

        return factory

    def _pipeline(self, model: str | None, needs: frozenset[str]) -> tuple[Any, ParseCache]:
        key = (model, tuple(sorted(needs)))
        if key not in self._pipelines:
            from blamelint.nlp.pipeline import load_pipeline

            self._pipelines[key] = (load_pipeline(model, needs), ParseCache())
        return self._pipelines[key]

    # -- linting ------------------------------------------------------------

    def lint(self, file: Path | None, text: str, language: str = "markdown") -> Result:
        """Lint the text of an editor buffer. ``file`` is None for an unsaved buffer."""
        from blamelint.document.load import UnreadableInput
        from blamelint.postmortem.load import parse_source
        from blamelint.run.collect import _excluded

        folder = file.parent if file is not None else self.fallback_folder
        with self._lock:
            try:
                setup = self.setup_for(folder)
            except BlamelintError as exc:
                return Result([], error=str(exc))
            config = setup.config
            if file is not None:
                name = display_path(file, config.root)
                if config.exclude and _excluded(name, config.exclude):
                    return Result([], skipped=True)
            else:
                name = "untitled.txt" if language == "plaintext" else "untitled.md"
            try:
                document = parse_source(name, text)
            except UnreadableInput as exc:  # too many blocks, malformed HTML...: said, not raised
                return Result([], error=f"{name}: {exc}")
            try:
                findings = setup.linter.lint_document(document)
                return Result(findings, warnings=setup.linter.problems.pop(document.path, []))
            except BlamelintError as exc:
                return Result([], error=str(exc))

    def card(self, file: Path | None, rule_id: str) -> RuleCard | None:
        folder = file.parent if file is not None else self.fallback_folder
        with self._lock:
            try:
                return self.setup_for(folder).cards.get(rule_id)
            except BlamelintError:
                return None

    def warm_up(self) -> None:
        """Load the pipeline now rather than on the first keystroke."""
        self.lint(None, "The service was restarted.\n")


def file_of(uri: str) -> Path | None:
    """The local file of a ``file:`` URI, else None."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if os.name == "nt" and path.startswith("/") and len(path) > 2 and path[2] == ":":
        path = path[1:]
    return Path(path)
