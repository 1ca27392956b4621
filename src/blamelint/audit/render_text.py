"""The audit report for a terminal: the score and its parts, a table of metrics
with a sparkline over the periods and the trend, the periods, the documents that
most need attention and the judgmental phrases used most."""

from __future__ import annotations

import click

from blamelint.audit.aggregate import METRICS
from blamelint.audit.render import format_value
from blamelint.audit.report import AuditReport, Trend
from blamelint.escapes import escape_controls

BARS = "▁▂▃▄▅▆▇█"
TREND_COLOURS = {"improving": "green", "worsening": "red"}


def sparkline(values: list[float | None]) -> str:
    present = [v for v in values if v is not None]
    if not present:
        return ""
    low, high = min(present), max(present)
    span = high - low
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            out.append(BARS[int((v - low) / span * (len(BARS) - 1)) if span else len(BARS) // 2])
    return "".join(out)


def _trend_text(trend: Trend, unit: str, color: bool) -> str:
    direction = trend.direction
    if trend.change is None:
        return f"not enough data ({trend.documents} documents in {trend.periods} periods)"
    sign = "+" if trend.change > 0 else ""
    interval = f"95%: {trend.change_low:+g} to {trend.change_high:+g}"
    text = f"{direction} ({sign}{format_value(trend.change, unit)}, {interval})"
    if color and direction in TREND_COLOURS:
        return click.style(text, fg=TREND_COLOURS[direction])
    return text


def _table(headers: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(len(click.unstyle(str(r[i]))) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells):
        parts = []
        for i, cell in enumerate(cells):
            pad = widths[i] - len(click.unstyle(str(cell)))
            parts.append((" " * pad + str(cell)) if i in right else (str(cell) + " " * pad))
        return "  ".join(parts).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def render(report: AuditReport, color: bool = False) -> str:
    bold = (lambda s: click.style(s, bold=True)) if color else (lambda s: s)
    a = report.archive
    out: list[str] = []
    span = f"{a.first_date} to {a.last_date}, by {a.period}" if a.first_date else "no dates found"
    out.append(bold(f"blamelint audit: {a.documents} postmortems, {a.words:,} words ({span})"))
    if a.skipped:
        out.append(
            f"{a.skipped} file(s) skipped as not postmortems (listed below; --include-all scores them)"
        )
    health = report.health
    score = "—" if health.score is None else f"{health.score:.1f} / 100"
    out.append(
        bold(f"Health score: {score}")
        + f"   trend: {_trend_text(report.metric('health_score').trend, '0-100', color)}"
    )
    out.append("")
    rows = []
    for c in health.components:
        got = "n/a (no data)" if c.points is None else f"{c.points:.1f}"
        rows.append([c.label, got, f"{c.weight:g}", c.formula])
    out.extend("  " + line for line in _table(["Component", "Points", "Of", "Formula"], rows, {1, 2}))
    if health.score is not None and health.available_weight < 100:
        out.append(f"  (score = points / {health.available_weight:g} x 100: parts with no data are left out)")
    out.append("")

    periods = report.periods
    labels = [p.period for p in periods]
    rows = []
    for metric, data in zip(METRICS, report.metrics):
        series = [p.metrics[metric.id] for p in periods]
        present = [(labels[i], v) for i, v in enumerate(series) if v is not None]
        first = format_value(present[0][1], metric.unit) if present else "—"
        last = format_value(present[-1][1], metric.unit) if present else "—"
        rows.append(
            [
                metric.label,
                format_value(data.value, metric.unit),
                first,
                last,
                sparkline(series),
                _trend_text(data.trend, metric.unit, color),
            ]
        )
    first_label = labels[0] if labels else "first"
    last_label = labels[-1] if labels else "last"
    out.extend(_table(["Metric", "Archive", first_label, last_label, "Over time", "Trend"], rows, {1, 2, 3}))
    out.append("")

    if periods:
        rows = [
            [
                p.period,
                f"{p.documents}{'' if p.enough or not p.documents else ' (few)'}",
                format_value(p.metrics["health_score"], "0-100"),
                format_value(p.metrics["named_actor_share"], "%"),
                format_value(p.metrics["blame_per_1000_words"], "rate"),
            ]
            for p in periods
        ]
        out.extend(_table(["Period", "Docs", "Score", "Named", "Blame/1k"], rows, {1, 2, 3, 4}))
        out.append("")

    if report.attention:
        out.append(bold("Documents that most need attention"))
        rows = [
            [
                escape_controls(d.relative_path),
                format_value(d.score, "0-100"),
                str(d.findings),
                escape_controls("; ".join(d.reasons)),
            ]
            for d in report.attention
        ]
        out.extend(
            "  " + line for line in _table(["Document", "Score", "Findings", "Lost most on"], rows, {1, 2})
        )
        out.append("")
    if report.phrases:
        out.append(bold("Most frequent judgmental phrases"))
        rows = [[f'"{escape_controls(p.text)}"', p.rule, str(p.count)] for p in report.phrases]
        out.extend("  " + line for line in _table(["Phrase", "Rule", "Count"], rows, {2}))
        out.append("")
    if report.skipped:
        out.append(bold("Skipped: not postmortems"))
        out.extend(
            f"  {escape_controls(s.relative_path)}: {escape_controls(s.reason)}" for s in report.skipped
        )
        out.append("")
    sources = ", ".join(
        f"{n} undated" if s == "undated" else f"{n} from {s}" for s, n in a.date_sources.items()
    )
    out.append(f"Dates: {sources}." if sources else "Dates: none.")
    if a.errors:
        out.append(f"{len(a.errors)} file(s) could not be read (listed on standard error).")
    return "\n".join(out) + "\n"
