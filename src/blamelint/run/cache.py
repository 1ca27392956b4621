"""A content-addressed cache of per-file results (findings, and audit metrics).

An entry's key is a digest of the file's bytes, how the file is read (its format)
and a *run fingerprint*: blamelint's version and code, the configuration
(``Config.fingerprint()``), the selected rules and their cards and data, the
spaCy pipeline and spaCy's version, and the version of any metrics computed. Any
change to one of these is a different key, so an entry is never stale; entries
of other runs are simply not read.

Where: ``$BLAMELINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/blamelint``, else
``~/.cache/blamelint``: never inside the user's documents or repository (unless
they point ``--cache-dir`` there). It is the only thing blamelint writes besides
``--output``. A cache that cannot be written is skipped silently (it only saves
time); a corrupt entry is treated as missing.

Nothing here imports spaCy: a fully cached run never loads the pipeline.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from blamelint import __version__
from blamelint.run.output import replace_file

CACHE_FORMAT = "1"
"""Bumped when the layout of an entry changes."""


def default_cache_dir() -> Path:
    explicit = os.environ.get("BLAMELINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "blamelint"


def content_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _dist_version(name: str) -> str | None:
    for candidate in (name, name.replace("_", "-")):
        try:
            return importlib.metadata.version(candidate)
        except importlib.metadata.PackageNotFoundError:
            continue
    return None


def model_id(model: str | None) -> str:
    """Which pipeline a run would load, and its version, without loading spaCy."""
    from blamelint.nlp.pipeline import FALLBACK_MODELS, installed_pipeline, is_path

    spacy_version = _dist_version("spacy") or "?"
    for name in [model] if model else list(FALLBACK_MODELS):
        if is_path(name):
            meta = Path(name) / "meta.json"
            try:
                data = json.loads(meta.read_text(encoding="utf-8"))
                stamp = f"{data.get('lang')}_{data.get('name')}-{data.get('version')}"
            except (OSError, ValueError):
                stamp = "?"
            return f"path:{Path(name).resolve()}:{stamp}:{_tree_stamp(Path(name))}|spacy={spacy_version}"
        if installed_pipeline(name):  # never find_spec a dotted name: it imports the parents
            return f"{name}=={_dist_version(name) or '?'}|spacy={spacy_version}"
    return f"none|spacy={spacy_version}"


def _tree_stamp(folder: Path, pattern: str = "*") -> str:
    """A cheap digest of a folder's files (names, sizes, modification times)."""
    digest = hashlib.sha256()
    try:
        files = sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    except OSError:
        return "?"
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"{path.relative_to(folder).as_posix()}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _files_digest(folder: Path) -> str:
    """A digest of the contents of every file under a folder (small data folders)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()[:16]


def run_fingerprint(config: Any, rule_ids: Iterable[str], cards: Iterable[Any], extra: str = "") -> str:
    """Everything besides a file's bytes that can change its result."""
    from blamelint.data import data_dir

    package = Path(__file__).resolve().parents[1]
    code = _tree_stamp(package, "*.py") + _tree_stamp(package / "models")  # shipped models (blame)
    card_dump = json.dumps([c.model_dump(mode="json") for c in cards], sort_keys=True, default=str)
    parts = [
        CACHE_FORMAT,
        __version__,
        code,
        config.fingerprint(),
        ",".join(sorted(rule_ids)),
        hashlib.sha256(card_dump.encode()).hexdigest()[:16],
        _files_digest(data_dir()),
        model_id(config.model),
        extra,
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


class Cache:
    """Entries are JSON files under ``<directory>/v<format>/<key[:2]>/<key>.json``."""

    def __init__(self, directory: Path, fingerprint: str):
        self.directory = Path(directory) / f"v{CACHE_FORMAT}"
        self.fingerprint = fingerprint
        self.writable = True
        self.hits = 0
        self.misses = 0

    def key(self, digest: str, facts: str = "") -> str:
        return hashlib.sha256(f"{self.fingerprint}\n{digest}\n{facts}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def contains(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # unreadable, not JSON, nested too deeply
            self.misses += 1
            return None
        if not isinstance(data, dict) or data.get("key") != key:
            self.misses += 1
            return None
        self.hits += 1
        return data.get("value")

    def put(self, key: str, value: dict[str, Any]) -> None:
        if not self.writable:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            entry = json.dumps({"key": key, "value": value}, separators=(",", ":"))
            replace_file(str(path), entry.encode("utf-8"), prefix=".tmp-")
        except OSError:
            self.writable = False  # read-only or full disk: carry on without caching
