"""From per-document results to the audit report: rates, periods, trends, the
health score, the documents that most need attention and the judgmental phrases
used most.

Every rate over a group of documents (the archive, a period) is pooled: total
agentless passives over total sentences, not a mean of per-document rates, so a
two-line note does not weigh as much as a long postmortem.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

JUDGMENTAL_RULES = ("blame", "hindsight")


@dataclass(frozen=True)
class Metric:
    id: str
    label: str
    unit: str
    better: str  # "higher" | "lower" | "neither"
    tolerance: float
    """A change over the archive's span smaller than this is "steady"."""


METRICS = [
    Metric("health_score", "Health score", "0-100", "higher", 3.0),
    Metric("named_actor_share", "Actions that name who acted", "%", "higher", 5.0),
    Metric(
        "agentless_passives_per_100_sentences", "Agentless passives / 100 sentences", "rate", "lower", 1.0
    ),
    Metric("blame_per_1000_words", "Blame / 1,000 words", "rate", "lower", 0.3),
    Metric("hindsight_per_1000_words", "Hindsight / 1,000 words", "rate", "lower", 0.3),
    Metric("root_cause_framing", "Documents with root-cause framing", "%", "lower", 5.0),
    Metric("what_went_well", "Documents with what went well", "%", "higher", 5.0),
    Metric("action_items_with_owner", "Action items with an owner", "%", "higher", 5.0),
    Metric("action_items_with_due_date", "Action items with a due date", "%", "higher", 5.0),
    Metric("action_items_done", "Action items done", "%", "higher", 5.0),
    Metric("action_items_overdue", "Action items overdue", "%", "lower", 5.0),
    Metric("flesch_reading_ease", "Flesch reading ease", "score", "higher", 3.0),
    Metric("grade_level", "Grade level (Flesch-Kincaid)", "grade", "lower", 0.5),
]
METRIC_IDS = [m.id for m in METRICS]


@dataclass(frozen=True)
class Component:
    """A part of the health score. ``rate`` parts score a rate that is better when
    lower: full marks at or below ``full_at``, none at or above ``zero_at``, linear
    between (the two ends are calibrated on real postmortems: docs/audit.md).
    ``share`` parts score a share from 0 to 1 as it is."""

    id: str
    label: str
    weight: float
    kind: str
    full_at: float = 0.0
    zero_at: float = 1.0

    @property
    def formula(self) -> str:
        if self.kind == "rate":
            return (
                f"{self.weight:g} x (1 at {self.full_at:g} or less, 0 at {self.zero_at:g} or more "
                f"{RATE_UNITS[self.id]}, linear between)"
            )
        return f"{self.weight:g} x {SHARE_TEXT[self.id]}"

    def fraction(self, value: float | None) -> float | None:
        if value is None:
            return None
        if self.kind == "share":
            return value
        if value <= self.full_at:
            return 1.0
        if value >= self.zero_at:
            return 0.0
        return (self.zero_at - value) / (self.zero_at - self.full_at)


RATE_UNITS = {
    "agentless_passives": "passives per 100 sentences",
    "blame": "blame findings per 1,000 words",
    "hindsight": "hindsight findings per 1,000 words",
}
SHARE_TEXT = {
    "named_actors": "share of action sentences that name who acted",
    "root_cause": "share of documents without root-cause framing",
    "what_went_well": "share of documents with a non-empty what-went-well section",
    "action_items": "mean(share with owner, share with due date, share not overdue)",
}


def _components() -> list[Component]:
    from blamelint.data import load
    from blamelint.data.models import AuditData

    return [
        Component(part.id, part.label, part.weight, part.kind, part.full_at, part.zero_at)
        for part in load(AuditData).score
    ]


COMPONENTS = _components()


@dataclass
class Totals:
    """Sums over a group of documents; every metric is computed from these."""

    documents: int = 0
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    actions: int = 0
    named: int = 0
    passives: int = 0
    blame: int = 0
    hindsight: int = 0
    root_cause_docs: int = 0
    well_docs: int = 0
    items: int = 0
    items_owner: int = 0
    items_due: int = 0
    items_done: int = 0
    items_overdue: int = 0

    def add(self, other: Totals) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    # -- metrics ------------------------------------------------------------------

    @staticmethod
    def _ratio(num: float, den: float, scale: float = 1.0, digits: int = 1) -> float | None:
        return round(scale * num / den, digits) if den else None

    def metrics(self) -> dict[str, float | None]:
        from blamelint.audit.readability import flesch_kincaid_grade, flesch_reading_ease

        values = {
            "named_actor_share": self._ratio(self.named, self.actions, 100),
            "agentless_passives_per_100_sentences": self._ratio(self.passives, self.sentences, 100, 2),
            "blame_per_1000_words": self._ratio(self.blame, self.words, 1000, 2),
            "hindsight_per_1000_words": self._ratio(self.hindsight, self.words, 1000, 2),
            "root_cause_framing": self._ratio(self.root_cause_docs, self.documents, 100),
            "what_went_well": self._ratio(self.well_docs, self.documents, 100),
            "action_items_with_owner": self._ratio(self.items_owner, self.items, 100),
            "action_items_with_due_date": self._ratio(self.items_due, self.items, 100),
            "action_items_done": self._ratio(self.items_done, self.items, 100),
            "action_items_overdue": self._ratio(self.items_overdue, self.items, 100),
            "flesch_reading_ease": flesch_reading_ease(self.words, self.sentences, self.syllables),
            "grade_level": flesch_kincaid_grade(self.words, self.sentences, self.syllables),
        }
        values["health_score"] = self.health()["score"]
        return {m: values[m] for m in METRIC_IDS}

    def health(self) -> dict[str, Any]:
        """The health score and how each component contributed (see docs/audit.md)."""
        values: dict[str, float | None] = {
            "named_actors": self.named / self.actions if self.actions else None,
            "agentless_passives": 100 * self.passives / self.sentences if self.sentences else None,
            "blame": 1000 * self.blame / self.words if self.words else None,
            "hindsight": 1000 * self.hindsight / self.words if self.words else None,
            "root_cause": 1 - self.root_cause_docs / self.documents if self.documents else None,
            "what_went_well": self.well_docs / self.documents if self.documents else None,
            "action_items": (
                (self.items_owner + self.items_due + (self.items - self.items_overdue)) / (3 * self.items)
            )
            if self.items
            else None,
        }
        parts = []
        earned = available = 0.0
        for c in COMPONENTS:
            value = values[c.id]
            fraction = c.fraction(value)
            points = None if fraction is None else round(c.weight * fraction, 2)
            if fraction is not None:
                earned += c.weight * fraction
                available += c.weight
            parts.append(
                {
                    "id": c.id,
                    "label": c.label,
                    "weight": c.weight,
                    "formula": c.formula,
                    "value": None if value is None else round(value, 4),
                    "fraction": None if fraction is None else round(fraction, 4),
                    "points": points,
                }
            )
        score = round(100 * earned / available, 1) if available else None
        return {"score": score, "available_weight": available, "components": parts}


def document_totals(metrics: dict[str, Any], today: dt.date) -> Totals:
    counts = metrics.get("counts", {})
    items = metrics.get("action_items", [])
    overdue = [
        i for i in items if not i["done"] and i["due_date"] and dt.date.fromisoformat(i["due_date"]) < today
    ]
    return Totals(
        documents=1,
        words=metrics["words"],
        sentences=metrics["sentences"],
        syllables=metrics["syllables"],
        actions=metrics["action_sentences"],
        named=metrics["named_action_sentences"],
        passives=counts.get("agentless-passive", 0),
        blame=counts.get("blame", 0),
        hindsight=counts.get("hindsight", 0),
        root_cause_docs=int(counts.get("root-cause", 0) > 0),
        well_docs=int(bool(metrics.get("what_went_well"))),
        items=len(items),
        items_owner=sum(1 for i in items if i["owner"]),
        items_due=sum(1 for i in items if i["due"]),
        items_done=sum(1 for i in items if i["done"]),
        items_overdue=len(overdue),
    )


# -- periods -------------------------------------------------------------------------


def period_kind(first: dt.date, last: dt.date) -> str:
    """Months for up to two years of postmortems, quarters beyond."""
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= 24 else "quarter"


def period_of(date: dt.date, kind: str) -> str:
    if kind == "month":
        return f"{date.year}-{date.month:02d}"
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def period_range(first: dt.date, last: dt.date, kind: str) -> list[str]:
    step = 1 if kind == "month" else 3
    y, m = first.year, (first.month - 1) // step * step + 1
    out = []
    while (y, m) <= (last.year, last.month):
        out.append(period_of(dt.date(y, m, 1), kind))
        m += step
        if m > 12:
            y, m = y + 1, m - 12
    return out


MIN_PERIOD_DOCUMENTS = 3
"""A period with fewer documents is drawn, but marked: its value is one or two
documents' worth."""
MIN_TREND_PERIODS, MIN_TREND_DOCUMENTS = 3, 6
T975 = [
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
]
"""Student's t, 97.5th percentile, for 1 to 30 degrees of freedom (1.96 beyond)."""


def _t(df: int) -> float:
    return T975[df - 1] if df <= len(T975) else 1.96


def trend(values: list[float | None], metric: Metric, weights: list[int] | None = None) -> dict[str, Any]:
    """Weighted least-squares slope of the period values against the period index,
    each period weighted by its number of documents, with a 95% interval from the
    weighted residuals (Student's t, n - 2 degrees of freedom). A direction is
    called only when the interval of the change excludes 0 (docs/audit.md)."""
    weights = weights or [1] * len(values)
    points = [(i, v, w) for i, (v, w) in enumerate(zip(values, weights)) if v is not None and w > 0]
    n, docs = len(points), sum(w for _, _, w in points)
    out: dict[str, Any] = {
        "direction": "not enough data",
        "change": None,
        "change_low": None,
        "change_high": None,
        "slope_per_period": None,
        "periods": n,
        "documents": docs,
    }
    if n < MIN_TREND_PERIODS or docs < MIN_TREND_DOCUMENTS:
        out["reason"] = (
            f"{docs} documents in {n} periods; a trend needs at least {MIN_TREND_DOCUMENTS} "
            f"documents in {MIN_TREND_PERIODS} periods"
        )
        return out
    total = float(docs)
    mx = sum(w * i for i, _, w in points) / total
    my = sum(w * v for _, v, w in points) / total
    sxx = sum(w * (i - mx) ** 2 for i, _, w in points)
    slope = sum(w * (i - mx) * (v - my) for i, v, w in points) / sxx if sxx else 0.0
    residual = sum(w * (v - my - slope * (i - mx)) ** 2 for i, v, w in points)
    se = (residual / ((n - 2) * sxx)) ** 0.5 if sxx else 0.0
    span = points[-1][0] - points[0][0]
    change = slope * span
    half = _t(n - 2) * se * span
    low, high = change - half, change + half
    out.update(
        change=round(change, 2),
        change_low=round(low, 2),
        change_high=round(high, 2),
        slope_per_period=round(slope, 3),
    )
    interval = f"95% interval of the change {low:+.2f} to {high:+.2f}"
    if metric.better == "neither" or low <= 0 <= high:
        out["reason"] = f"{interval} includes 0 ({docs} documents in {n} periods)"
        return out
    out["direction"] = "improving" if (change > 0) == (metric.better == "higher") else "worsening"
    out["reason"] = f"{interval} ({docs} documents in {n} periods)"
    return out


# -- the report --------------------------------------------------------------------


@dataclass
class DocumentRecord:
    path: str
    title: str | None
    date: dt.date | None
    date_source: str | None
    reason: str
    totals: Totals
    metrics: dict[str, float | None]
    health: dict[str, Any]
    sections: list[str]
    counts: dict[str, int]
    findings: list[dict[str, Any]]
    finding_count: int = 0
    cached: bool = False
    source: str | None = None


@dataclass
class Aggregator:
    today: dt.date
    date_of: Callable[[str, dict[str, Any]], tuple[dt.date | None, str | None]]
    documents: list[DocumentRecord] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    phrases: Counter = field(default_factory=Counter)
    keep_findings: bool = True
    """Keep each finding for the report (JSON and HTML list them; text and CSV only count)."""
    include_all: bool = False
    """Score every file, postmortem or not (--include-all)."""
    read_source: Callable[[str], str | None] | None = None
    """Gives a document's text for the HTML document pages (None: not kept)."""

    def add(self, result) -> None:
        if result.error is not None or result.metrics is None:
            self.errors.append({"path": result.path, "message": result.error or "no metrics"})
            return
        m = result.metrics
        if not m.get("postmortem", True) and not self.include_all:
            self.skipped.append(
                {
                    "path": result.path,
                    "title": m.get("title"),
                    "reason": m.get("postmortem_reason") or "not a postmortem",
                }
            )
            return
        totals = document_totals(m, self.today)
        date, source = self.date_of(result.path, m)
        for f in result.findings:
            if f.rule in JUDGMENTAL_RULES:
                self.phrases[(f.rule, " ".join(f.text.lower().split()))] += 1
        reason = m.get("postmortem_reason") or ""
        if self.include_all and not m.get("postmortem", True):
            reason = f"--include-all (else skipped: {reason})"
        self.documents.append(
            DocumentRecord(
                path=result.path,
                title=m.get("title"),
                date=date,
                date_source=source,
                reason=reason,
                totals=totals,
                metrics=totals.metrics(),
                health=totals.health(),
                sections=m.get("sections", []),
                counts=m.get("counts", {}),
                cached=result.cached,
                findings=[
                    {
                        "rule": f.rule,
                        "severity": f.severity.value,
                        "line": f.location.line,
                        "column": f.location.column,
                        "end_line": f.location.end_line,
                        "end_column": f.location.end_column,
                        "text": f.text[:200],
                        "message": f.message,
                        "suggestion": f.suggestion,
                    }
                    for f in result.findings
                ]
                if self.keep_findings
                else [],
                finding_count=len(result.findings),
                source=self.read_source(result.path) if self.read_source else None,
            )
        )

    def report(
        self,
        version: str,
        root: str,
        attention: int = 10,
        top_phrases: int = 15,
        period: str = "auto",
        base: str | None = None,
    ):
        from blamelint.audit.report import AuditReport

        rel = _relative(base)
        docs = sorted(self.documents, key=lambda d: (d.date or dt.date.max, d.path))
        archive = Totals()
        for d in docs:
            archive.add(d.totals)
        dated = [d for d in docs if d.date is not None]
        periods: list[dict[str, Any]] = []
        kind = None
        if dated:
            first, last = min(d.date for d in dated), max(d.date for d in dated)
            kind = period_kind(first, last) if period == "auto" else period
            groups: dict[str, Totals] = {p: Totals() for p in period_range(first, last, kind)}
            for d in dated:
                groups[period_of(d.date, kind)].add(d.totals)
            for name, totals in groups.items():
                periods.append(
                    {
                        "period": name,
                        "documents": totals.documents,
                        "enough": totals.documents >= MIN_PERIOD_DOCUMENTS,
                        "metrics": totals.metrics() if totals.documents else {m: None for m in METRIC_IDS},
                    }
                )
        archive_metrics = archive.metrics()
        weights = [p["documents"] for p in periods]
        metrics_out = []
        for metric in METRICS:
            series = [p["metrics"][metric.id] for p in periods]
            metrics_out.append(
                {
                    "id": metric.id,
                    "label": metric.label,
                    "unit": metric.unit,
                    "better": metric.better,
                    "value": archive_metrics[metric.id],
                    "trend": trend(series, metric, weights),
                }
            )
        sources = Counter(d.date_source or "undated" for d in docs)
        data = {
            "version": version,
            "as_of": self.today,
            "archive": {
                "root": root,
                "files": len(docs) + len(self.skipped) + len(self.errors),
                "documents": len(docs),
                "skipped": len(self.skipped),
                "dated": len(dated),
                "undated": len(docs) - len(dated),
                "words": archive.words,
                "sentences": archive.sentences,
                "action_items": archive.items,
                "first_date": min(d.date for d in dated) if dated else None,
                "last_date": max(d.date for d in dated) if dated else None,
                "period": kind,
                "min_period_documents": MIN_PERIOD_DOCUMENTS,
                "date_sources": dict(sorted(sources.items())),
                "include_all": self.include_all,
                "errors": self.errors,
            },
            "health": archive.health(),
            "metrics": metrics_out,
            "periods": periods,
            "attention": self._attention(docs, attention, rel),
            "phrases": [
                {"rule": rule, "text": text, "count": n}
                for (rule, text), n in sorted(self.phrases.items(), key=lambda kv: (-kv[1], kv[0]))[
                    :top_phrases
                ]
            ],
            "documents": [_document_out(d, rel) for d in docs],
            "skipped": [
                {**s, "relative_path": rel(s["path"])} for s in sorted(self.skipped, key=lambda s: s["path"])
            ],
        }
        return AuditReport.model_validate(data)

    @staticmethod
    def _attention(docs: list[DocumentRecord], limit: int, rel) -> list[dict[str, Any]]:
        scored = [d for d in docs if d.health["score"] is not None]
        scored.sort(key=lambda d: (d.health["score"], -d.finding_count, d.path))
        out = []
        for d in scored[:limit]:
            lost = sorted(
                (c for c in d.health["components"] if c["points"] is not None),
                key=lambda c: c["points"] - c["weight"],
            )
            reasons = [
                f"{c['label']}: {c['points']:.1f} of {c['weight']:g}"
                for c in lost[:2]
                if c["points"] < c["weight"]
            ]
            out.append(
                {
                    "path": d.path,
                    "relative_path": rel(d.path),
                    "anchor": anchor(d.path),
                    "title": d.title,
                    "score": d.health["score"],
                    "findings": d.finding_count,
                    "reasons": reasons,
                }
            )
        return out


def _relative(base: str | None) -> Callable[[str], str]:
    """Paths relative to the audited folder (one folder given), else as found."""
    import os

    if not base or not os.path.isdir(base):
        return lambda path: path.replace("\\", "/")
    root = os.path.abspath(base)

    def rel(path: str) -> str:
        full = os.path.abspath(path)
        if full == root or full.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.relpath(full, root).replace("\\", "/")
        return path.replace("\\", "/")

    return rel


def anchor(path: str) -> str:
    """A stable HTML id for a document."""
    import hashlib
    import re

    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")[:60]
    return f"doc-{slug}-{hashlib.sha1(path.encode()).hexdigest()[:6]}"


def _document_out(d: DocumentRecord, rel) -> dict[str, Any]:
    t = d.totals
    return {
        "path": d.path,
        "relative_path": rel(d.path),
        "anchor": anchor(d.path),
        "title": d.title,
        "date": d.date,
        "date_source": d.date_source,
        "postmortem_reason": d.reason,
        "words": t.words,
        "sentences": t.sentences,
        "action_sentences": t.actions,
        "named_action_sentences": t.named,
        "counts": d.counts,
        "sections": d.sections,
        "action_items": {
            "total": t.items,
            "with_owner": t.items_owner,
            "with_due_date": t.items_due,
            "done": t.items_done,
            "overdue": t.items_overdue,
        },
        "metrics": d.metrics,
        "health": d.health,
        "cached": d.cached,
        "finding_count": d.finding_count,
        "findings": d.findings,
        "source": d.source,
    }
