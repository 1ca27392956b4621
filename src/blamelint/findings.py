"""The one currency between stages: findings, their severities and locations.

Positions are 1-based. Columns count Unicode code points (not bytes, not UTF-16
units). ``end_column`` is exclusive: it is the column just after the last
character of the match, as in SARIF.
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema


class Severity(str, enum.Enum):
    """How serious a finding is. Ordered: error > warning > note."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class _Light(BaseModel):
    """A frozen model whose instances share the set of the fields they were given.

    pydantic gives each instance its own ``__pydantic_fields_set__``: for the eight
    fields of a finding a set of 728 bytes, a third of a finding's memory (65,000
    findings held 100 MB of these sets). Frozen instances never add to the set (pydantic
    copies it before ``model_copy`` updates it), so one set per combination of fields
    serves them all."""

    model_config = ConfigDict(frozen=True)

    def model_post_init(self, context: Any, /) -> None:
        self._share_fields_set()

    def __setstate__(self, state: dict[Any, Any]) -> None:  # from a worker process
        super().__setstate__(state)
        self._share_fields_set()

    def _share_fields_set(self) -> None:
        given = self.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(given), given)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Location(_Light):
    path: str = Field(description="Path of the file as given or found, '/'-separated.")
    line: int = Field(ge=1, description="1-based start line.")
    column: int = Field(ge=1, description="1-based start column, in code points.")
    end_line: int = Field(ge=1, description="1-based end line.")
    end_column: int = Field(ge=1, description="1-based column just after the match (exclusive).")


class Finding(_Light):
    rule: str = Field(description="Stable rule id, e.g. 'agentless-passive'.")
    severity: Severity
    message: str
    location: Location
    text: str = Field(description="The source text the finding points at, exactly as written.")
    suggestion: str | None = Field(default=None, description="A concrete rewrite or next step.")
    sentence: str | None = Field(default=None, description="The sentence the match sits in.")
    replaces: SkipJsonSchema[Location | None] = Field(
        default=None,
        exclude=True,
        description="What ``suggestion`` can replace word for word, when it is such a rewrite "
        "(editor quick fixes; not part of reports).",
    )
    fingerprint: str | None = Field(
        default=None,
        description="Stable identity across runs (rule, file, quoted text, occurrence); "
        "the same value as SARIF partialFingerprints and baseline entries.",
    )

    def with_fingerprint(self, fingerprint: str) -> Finding:
        """A copy with ``fingerprint`` set."""
        copy = self.model_copy(update={"fingerprint": fingerprint})
        copy._share_fields_set()
        return copy

    @property
    def sort_key(self):
        loc = self.location
        return (loc.path, loc.line, loc.column, self.rule, loc.end_line, loc.end_column)


class InputError(BaseModel):
    """A file that could not be checked, and why."""

    model_config = ConfigDict(frozen=True)

    path: str
    message: str


class Summary(BaseModel):
    files: int = Field(description="Files checked.")
    findings: int
    errors: int = Field(description="Files that could not be checked.")
    by_severity: dict[str, int]
    by_rule: dict[str, int]


class Report(BaseModel):
    """Everything a reporter formats. JSON output is this model (see schema)."""

    schema_version: str = Field(default="1", description="Bumped on incompatible changes.")
    tool: str = "blamelint"
    version: str
    findings: list[Finding]
    errors: list[InputError] = Field(default_factory=list)
    summary: Summary

    @classmethod
    def build(cls, version: str, files: int, findings: list[Finding], errors: list[InputError]) -> Report:
        by_severity = {s.value: 0 for s in Severity}
        by_rule: dict[str, int] = {}
        for f in findings:
            by_severity[f.severity.value] += 1
            by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
        return cls(
            version=version,
            findings=findings,
            errors=errors,
            summary=Summary(
                files=files,
                findings=len(findings),
                errors=len(errors),
                by_severity=by_severity,
                by_rule=dict(sorted(by_rule.items())),
            ),
        )
