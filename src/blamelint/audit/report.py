"""The audit report as one pydantic model: what every renderer takes, what JSON
output is (schema shipped in blamelint/schemas/audit.schema.json, regenerated with
``python tools/schemas.py``)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = "2"
SCHEMA_ID = "https://github.com/blamelint/blamelint/schemas/audit.schema.json"
Direction = Literal["improving", "worsening", "not enough data"]


class FileError(BaseModel):
    path: str
    message: str


class Skipped(BaseModel):
    """A file the audit read but did not score: not a postmortem."""

    path: str = Field(description="Path as found.")
    relative_path: str = Field(description="Path relative to the audited folder.")
    title: str | None = None
    reason: str = Field(description="Why it is not taken as a postmortem (--include-all scores it anyway).")


class HealthPart(BaseModel):
    id: str
    label: str
    weight: float
    formula: str
    value: float | None = Field(description="The measured rate or share the part is scored on.")
    fraction: float | None = Field(description="0 to 1; null without data.")
    points: float | None = Field(description="weight x fraction; null without data.")


class Health(BaseModel):
    score: float | None = Field(description="0-100, null when no part has data.")
    available_weight: float = Field(description="Sum of the weights of the parts that have data.")
    components: list[HealthPart]


class Trend(BaseModel):
    direction: Direction
    reason: str = Field(description="Why this direction, in words (the interval, or what is missing).")
    change: float | None = Field(
        description="Fitted change from the first to the last period with documents."
    )
    change_low: float | None = Field(description="Lower end of the 95% interval of the change.")
    change_high: float | None = Field(description="Upper end of the 95% interval of the change.")
    slope_per_period: float | None
    periods: int = Field(description="Periods with at least one document (the fit's points).")
    documents: int = Field(description="Documents behind those periods (the fit's weights).")


class MetricSummary(BaseModel):
    id: str
    label: str
    unit: str
    better: Literal["higher", "lower", "neither"]
    value: float | None = Field(description="Over the whole archive (pooled).")
    trend: Trend


class Period(BaseModel):
    period: str = Field(description="'2024-03' (month) or '2024-Q1' (quarter).")
    documents: int
    enough: bool = Field(description="At least MIN_PERIOD_DOCUMENTS documents; charts mark the others.")
    metrics: dict[str, float | None]


class Attention(BaseModel):
    path: str
    relative_path: str
    anchor: str
    title: str | None
    score: float
    findings: int
    reasons: list[str]


class Phrase(BaseModel):
    rule: str
    text: str
    count: int


class ActionItems(BaseModel):
    total: int
    with_owner: int
    with_due_date: int
    done: int
    overdue: int


class DocumentFinding(BaseModel):
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str = Field(description="The quoted source text (at most 200 characters).")
    message: str
    suggestion: str | None = None


class DocumentReport(BaseModel):
    path: str = Field(description="Path as found (as `check` reports it).")
    relative_path: str = Field(description="Path relative to the audited folder.")
    anchor: str = Field(description="Its id in the HTML report.")
    title: str | None
    date: dt.date | None
    date_source: str | None = Field(
        description="front-matter, field, title, file-name, text, git or mtime; null when undated."
    )
    postmortem_reason: str = Field(description="Why it is taken as a postmortem.")
    words: int
    sentences: int
    action_sentences: int
    named_action_sentences: int
    counts: dict[str, int] = Field(description="Findings per rule.")
    sections: list[str]
    action_items: ActionItems
    metrics: dict[str, float | None]
    health: Health
    cached: bool
    finding_count: int
    findings: list[DocumentFinding] = Field(description="Empty in text and CSV runs (they only count).")
    source: str | None = Field(
        default=None, exclude=True, description="The text, for the HTML document pages (never in JSON)."
    )


class Archive(BaseModel):
    root: str
    files: int = Field(description="Files read: documents + skipped + errors.")
    documents: int = Field(description="Postmortems scored.")
    skipped: int = Field(description="Files that are not postmortems (listed in `skipped`).")
    dated: int
    undated: int
    words: int
    sentences: int
    action_items: int
    first_date: dt.date | None
    last_date: dt.date | None
    period: Literal["month", "quarter"] | None
    min_period_documents: int = Field(description="Periods with fewer documents are marked as too few.")
    date_sources: dict[str, int] = Field(description="Documents per date source ('undated' for none).")
    include_all: bool = Field(description="Every file scored as a postmortem (--include-all).")
    errors: list[FileError]


class AuditReport(BaseModel):
    """Everything the audit renderers format. JSON output is this model."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "blamelint"
    version: str
    as_of: dt.date
    archive: Archive
    health: Health
    metrics: list[MetricSummary]
    periods: list[Period]
    attention: list[Attention]
    phrases: list[Phrase]
    documents: list[DocumentReport]
    skipped: list[Skipped]

    def metric(self, metric_id: str) -> MetricSummary:
        return next(m for m in self.metrics if m.id == metric_id)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def schema() -> dict:
    data = AuditReport.model_json_schema(mode="serialization")
    data["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    data["$id"] = SCHEMA_ID
    return data
