"""The audit report as one self-contained HTML file, for the person who reads it:
inline CSS and SVG charts drawn here, a few lines of inline JavaScript to sort the
documents table, nothing fetched from a network. It reflows from 360 px phones to
wide screens. Each document has its own page inside the file (``#doc-...``): its
text with every finding highlighted in place, the message and the suggestion
right below the line."""

from __future__ import annotations

import html
import math

from blamelint.audit.aggregate import METRICS
from blamelint.audit.render import format_value
from blamelint.audit.report import AuditReport, DocumentReport, Health, Period, Trend
from blamelint.escapes import escape_controls


def escape(text: str) -> str:
    """Text for HTML: markup characters as entities, and control characters (ESC, BEL,
    bidirectional overrides, which would reorder what the browser shows) as visible
    ``\\x1b``-style escapes; tabs and line breaks kept."""
    return html.escape(escape_controls(text, keep="\t\n"))


CSS = """
:root { --fg:#1d2430; --muted:#566070; --line:#d9dee7; --bg:#f6f7f9; --card:#fff;
        --good:#17692f; --bad:#b42a25; --accent:#2f5fb3; --mark:#fff1b8; --markline:#d99a00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
       color:var(--fg); background:var(--bg); overflow-wrap:anywhere; }
main, .docpage { max-width:1180px; margin:0 auto; padding:20px 16px 40px; }
h1 { font-size:24px; line-height:1.25; margin:0 0 6px; } h2 { font-size:19px; margin:30px 0 10px; }
h3 { font-size:15px; margin:0 0 4px; }
a { color:var(--accent); }
.muted { color:var(--muted); } .small { font-size:13px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px;
        padding:14px 16px; min-width:0; }
.top { display:grid; grid-template-columns: minmax(0, 280px) minmax(0, 1fr); gap:16px; margin-top:16px; }
.score { font-size:56px; font-weight:700; line-height:1; }
.score small { font-size:18px; color:var(--muted); font-weight:400; }
.improving { color:var(--good); font-weight:600; } .worsening { color:var(--bad); font-weight:600; }
.not-enough-data { color:var(--muted); }
.parts { display:grid; grid-template-columns: minmax(0, 1.3fr) auto minmax(60px, 1fr); gap:6px 12px;
         align-items:center; }
.parts .formula { grid-column: 1 / -1; margin:-4px 0 6px; }
.bar { background:#e7ebf2; height:8px; border-radius:4px; display:block; width:100%; }
.bar > span { display:block; height:8px; border-radius:4px; background:var(--accent); }
.charts { display:grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr)); gap:12px; }
.chart .trend { font-size:13px; margin:2px 0 6px; }
svg { display:block; width:100%; height:auto; }
svg text { font-size:10px; fill:#566070; }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric: tabular-nums; }
#docs { table-layout:fixed; }
#docs th { cursor:pointer; user-select:none; font-size:13px; }
#docs th:first-child { width:34%; }
#docs th[aria-sort=ascending]::after { content:" \\25B2"; }
#docs th[aria-sort=descending]::after { content:" \\25BC"; }
.path { font-size:12.5px; color:var(--muted); font-family: ui-monospace,"DejaVu Sans Mono",monospace; }
.list > div { padding:8px 0; border-bottom:1px solid var(--line); } .list > div:last-child { border:0; }
.explain { font-size:14px; } .explain li { margin:3px 0; }
@media (max-width: 760px) {
  .top { grid-template-columns: minmax(0, 1fr); }
  h1 { font-size:21px; }
  #docs, #docs tbody, #docs tr, #docs td { display:block; width:100%; }
  #docs thead { display:none; }
  #docs tr { border-bottom:1px solid var(--line); padding:8px 0; }
  #docs td { border:0; padding:2px 0; text-align:left; white-space:normal; }
  #docs td[data-label]::before { content: attr(data-label) ": "; color:var(--muted); }
}
.docpage { display:none; }
.docpage:target { display:block; }
body:has(.docpage:target) > main { display:none; }
.text { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 0;
        font: 13.5px/1.55 ui-monospace,"DejaVu Sans Mono",monospace; }
.ln { display:grid; grid-template-columns: 3.2em minmax(0, 1fr); }
.ln > span:first-child { color:#9aa3b2; text-align:right; padding-right:10px; user-select:none; }
.ln > span:last-child { white-space:pre-wrap; overflow-wrap:anywhere; padding-right:12px; min-width:0; }
mark { background:var(--mark); border-bottom:2px solid var(--markline); color:inherit; }
mark sup { font-size:10px; color:#8a5a00; font-weight:700; }
.note { margin:4px 12px 8px 3.2em; padding:8px 10px; border-left:4px solid var(--markline);
        background:#fffbea;
        font: 14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif; }
.note .rule { font-weight:600; }
.note.error { border-left-color:var(--bad); } .note.note-sev { border-left-color:#8b93a3; }
"""

SORT_JS = """
(function () {
  var table = document.getElementById('docs');
  if (!table) return;
  table.querySelectorAll('th').forEach(function (th, col) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
        var nx = parseFloat(x), ny = parseFloat(y);
        if (x === '' && y !== '') return 1; if (y === '' && x !== '') return -1;
        if (!isNaN(nx) && !isNaN(ny)) return dir * (nx - ny);
        return dir * String(x).localeCompare(String(y));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
"""

DATE_SOURCES = {
    "front-matter": "front matter",
    "field": "a date field",
    "title": "the title",
    "file-name": "the file name",
    "text": "the text",
    "git": "first git commit",
    "mtime": "file modification time",
}


# -- charts ---------------------------------------------------------------------------


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 x 10^k at or above value (an axis top)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value - 1e-12:
            return step * power
    return 10 * power


def line_chart(periods: list[Period], metric_id: str, unit: str, min_docs: int, width: int = 320) -> str:
    """A metric over the periods: y from 0, a point per period with documents (hollow when
    the period has fewer than ``min_docs``), and the documents per period as grey bars
    below, with their numbers."""
    height, left, right, top = 170, 36, 8, 10
    plot_h, band_h = 92, 30
    values = [p.metrics.get(metric_id) for p in periods]
    counts = [p.documents for p in periods]
    present = [v for v in values if v is not None]
    if not periods or not present:
        return (
            f'<svg viewBox="0 0 {width} 60" role="img" aria-label="no dated documents">'
            f'<text x="10" y="30">no dated documents</text></svg>'
        )
    top_value = (
        100.0
        if unit in ("%", "0-100", "score") and max(present) <= 100
        else nice_ceiling(max(present) * 1.05)
    )
    n = len(periods)
    plot_w = width - left - right
    step = plot_w / n

    def x(i: int) -> float:
        return left + step * (i + 0.5)

    def y(v: float) -> float:
        return top + plot_h * (1 - v / top_value)

    parts = [
        f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="chart" xmlns="http://www.w3.org/2000/svg">'
    ]
    for v in (0, top_value / 2, top_value):
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e3e7ee"/>'
        )
        parts.append(f'<text x="{left - 4}" y="{y(v) + 3:.1f}" text-anchor="end">{_short(v)}</text>')
    line = [f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values) if v is not None]
    if len(line) > 1:
        parts.append(
            f'<polyline fill="none" stroke="#2f5fb3" stroke-width="1.6" stroke-opacity="0.7" '
            f'points="{" ".join(line)}"/>'
        )
    for i, (v, p) in enumerate(zip(values, periods)):
        if v is None:
            continue
        fill = "#2f5fb3" if p.enough else "#fff"
        tip = f"{p.period}: {_short(v)} ({p.documents} document{'s' if p.documents != 1 else ''})"
        parts.append(
            f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="3" fill="{fill}" stroke="#2f5fb3" '
            f'stroke-width="1.4"><title>{escape(tip)}</title></circle>'
        )
    base = top + plot_h + 8
    most = max(counts) or 1
    parts.append(f'<text x="{left - 4}" y="{base + band_h - 2}" text-anchor="end">docs</text>')
    bar_w = max(1.0, step * 0.7)
    for i, c in enumerate(counts):
        h = band_h * c / most
        if c:
            parts.append(
                f'<rect x="{x(i) - bar_w / 2:.1f}" y="{base + band_h - h:.1f}" width="{bar_w:.1f}" '
                f'height="{h:.1f}" fill="#c9d1de"><title>{escape(periods[i].period)}: {c} documents'
                f"</title></rect>"
            )
        if n <= 16 or c == most:
            parts.append(
                f'<text x="{x(i):.1f}" y="{base + band_h - h - 2:.1f}" text-anchor="middle">{c}</text>'
            )
    label_y = height - 4
    parts.append(
        f'<text x="{x(0):.1f}" y="{label_y}" text-anchor="{"start" if n > 1 else "middle"}">'
        f"{escape(periods[0].period)}</text>"
    )
    if n > 1:
        parts.append(
            f'<text x="{x(n - 1):.1f}" y="{label_y}" text-anchor="end">{escape(periods[-1].period)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _short(v: float) -> str:
    return f"{v:.0f}" if v == int(v) else f"{v:.2g}" if abs(v) < 1 else f"{v:.1f}"


def _trend(t: Trend, unit: str) -> str:
    cls = t.direction.replace(" ", "-")
    if t.change is None or t.direction == "not enough data":
        return f'<span class="{cls}">Not enough data</span> <span class="muted">({escape(t.reason)})</span>'
    sign = "+" if t.change > 0 else ""
    return (
        f'<span class="{cls}">{t.direction.capitalize()}</span> <span class="muted">'
        f"({sign}{escape(format_value(t.change, unit))} over the span; {escape(t.reason)})</span>"
    )


# -- pieces -----------------------------------------------------------------------------


def _parts(health: Health) -> str:
    out = ['<div class="parts">']
    for c in health.components:
        if c.points is None:
            out.append(f'<div>{escape(c.label)}</div><div class="num muted">no data</div><div></div>')
        else:
            pct = 100 * c.points / c.weight if c.weight else 0
            out.append(
                f'<div>{escape(c.label)}</div><div class="num">{c.points:.1f} / {c.weight:g}</div>'
                f'<span class="bar"><span style="width:{pct:.0f}%"></span></span>'
            )
        out.append(f'<div class="formula muted small">{escape(c.formula)}</div>')
    out.append("</div>")
    if health.score is not None and health.available_weight < 100:
        out.append(
            f'<p class="muted small">Score = points / {health.available_weight:g} × 100: parts with no '
            "data are left out.</p>"
        )
    return "".join(out)


def _root_name(root: str) -> str:
    """The audited folders by their names, not their absolute paths."""
    import os

    return ", ".join(os.path.basename(p.rstrip("/\\")) or p for p in root.split(", "))


def _name(d) -> str:
    return escape(d.title or d.relative_path)


def _date(d: DocumentReport) -> str:
    if not d.date:
        return "undated"
    return f"{d.date.isoformat()} (from {DATE_SOURCES.get(d.date_source or '', d.date_source)})"


def _cell(value, unit: str = "", label: str = "", text: str | None = None) -> str:
    v = "" if value is None else str(value)
    shown = text if text is not None else format_value(value, unit) if unit else escape(v)
    return f'<td class="num" data-label="{escape(label)}" data-v="{escape(v)}">{shown}</td>'


def render(report: AuditReport, color: bool = False) -> str:
    a, health = report.archive, report.health
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Postmortem culture report</title>",
        f"<style>{CSS}</style></head><body><main>",
    ]
    span = f"{a.first_date} to {a.last_date}, by {a.period}" if a.first_date else "no dates found"
    out.append(
        f'<h1>Postmortem culture report</h1><p class="muted">{a.documents} postmortems, '
        f"{a.words:,} words of prose ({escape(span)}) · {escape(_root_name(a.root))} · as of "
        f"{report.as_of.isoformat()} · blamelint {escape(report.version)}</p>"
    )
    if a.skipped:
        out.append(
            f'<p class="muted">{a.skipped} other file{"s" if a.skipped != 1 else ""} '
            '<a href="#skipped">skipped as not postmortems</a>.</p>'
        )
    score = "—" if health.score is None else f"{health.score:.0f}"
    score_metric = report.metric("health_score")
    out.append(
        '<div class="top"><div class="card"><div class="muted">Health score</div>'
        f'<div class="score">{score}<small> / 100</small></div>'
        f'<div class="small" style="margin-top:8px">{_trend(score_metric.trend, "0-100")}</div>'
        '<div style="margin-top:10px">'
        f"{line_chart(report.periods, 'health_score', '0-100', a.min_period_documents)}"
        "</div></div>"
        f'<div class="card"><h3>What the score is made of</h3>{_parts(health)}</div></div>'
    )
    out.append(
        '<h2>How to read this report</h2><div class="card explain"><ul>'
        "<li>Every rate is pooled over the documents it covers: a two-line note weighs less than a long "
        "postmortem.</li>"
        f"<li>Each chart starts at 0. The grey bars and numbers under it are the documents in each period; "
        f"a hollow point is a period with fewer than {a.min_period_documents} documents.</li>"
        "<li>A trend is called improving or worsening only when the 95% interval of its change (a "
        "least-squares fit weighted by documents) leaves out zero; otherwise it says <em>not enough "
        "data</em>.</li>"
        "<li>Dates come from front matter, then a date field, the title, the file name, the text; "
        f"{a.undated} of {a.documents} postmortems are undated and are in the totals but not in the "
        "charts.</li></ul></div>"
    )

    out.append('<h2>Over time</h2><div class="charts">')
    for metric, data in zip(METRICS, report.metrics):
        if metric.id == "health_score":
            continue
        out.append(
            f'<figure class="card chart" style="margin:0"><h3>{escape(metric.label)}: '
            f"{escape(format_value(data.value, metric.unit))}</h3>"
            f'<div class="trend">{_trend(data.trend, metric.unit)} · {escape(metric.better)} is better</div>'
            f"{line_chart(report.periods, metric.id, metric.unit, a.min_period_documents)}</figure>"
        )
    out.append("</div>")

    if report.attention:
        out.append('<h2>Documents that most need attention</h2><div class="card list">')
        for d in report.attention:
            out.append(
                f'<div><a href="#{d.anchor}">{_name(d)}</a> <span class="path">{escape(d.relative_path)}'
                f'</span><div class="small">Score {d.score:.0f} · {d.findings} findings · lost most on '
                f"{escape('; '.join(d.reasons) or 'nothing')}</div></div>"
            )
        out.append("</div>")
    if report.phrases:
        out.append(
            '<h2>Most frequent judgmental phrases</h2><div class="card"><table><thead><tr>'
            '<th>Phrase</th><th>Rule</th><th class="num">Count</th></tr></thead><tbody>'
        )
        for p in report.phrases:
            out.append(
                f'<tr><td>“{escape(p.text)}”</td><td>{escape(p.rule)}</td><td class="num">{p.count}</td></tr>'
            )
        out.append("</tbody></table></div>")

    out.append(
        '<h2>Documents</h2><p class="muted small">Click a column to sort; open a document to see its '
        'findings in place.</p><div class="card"><table id="docs"><thead><tr><th>Document</th>'
        '<th>Date</th><th class="num">Score</th><th class="num">Named actors</th>'
        '<th class="num">Passives /100</th><th class="num">Blame /1k</th><th class="num">Findings</th>'
        "</tr></thead><tbody>"
    )
    for d in report.documents:
        m = d.metrics
        out.append(
            f'<tr><td data-v="{escape(d.title or d.relative_path)}"><a href="#{d.anchor}">{_name(d)}</a>'
            f'<div class="path">{escape(d.relative_path)}</div></td>'
            f'<td data-label="Date" data-v="{d.date.isoformat() if d.date else ""}">{escape(_date(d))}</td>'
            + _cell(m["health_score"], "0-100", "Score")
            + _cell(m["named_actor_share"], "%", "Named actors")
            + _cell(m["agentless_passives_per_100_sentences"], "rate", "Passives /100 sentences")
            + _cell(m["blame_per_1000_words"], "rate", "Blame /1,000 words")
            + _cell(d.finding_count, label="Findings")
            + "</tr>"
        )
    out.append("</tbody></table></div>")

    if report.skipped:
        out.append('<h2 id="skipped">Skipped: not postmortems</h2><div class="card list">')
        for s in report.skipped:
            out.append(
                f'<div><span class="path">{escape(s.relative_path)}</span> '
                f'<div class="small">{escape(s.reason)}</div></div>'
            )
        out.append(
            '</div><p class="muted small">Run with <code>--include-all</code> to score them anyway.</p>'
        )
    if a.errors:
        out.append('<h2>Files that could not be read</h2><div class="card list">')
        out.extend(f"<div>{escape(e.path)}: {escape(e.message)}</div>" for e in a.errors)
        out.append("</div>")
    out.append("</main>")
    for d in report.documents:
        out.append(document_page(d))
    out.append(f"<script>{SORT_JS}</script></body></html>\n")
    return "\n".join(out)


# -- a document's page ------------------------------------------------------------------------


def document_page(d: DocumentReport) -> str:
    out = [
        f'<section class="docpage" id="{d.anchor}"><p><a href="#">← Back to the report</a></p>',
        f"<h1>{_name(d)}</h1>",
        f'<p class="muted"><span class="path">{escape(d.relative_path)}</span><br>{escape(_date(d))} · '
        f"{d.words:,} words · {d.finding_count} findings · sections: "
        f"{escape(', '.join(d.sections) or 'none recognised')}</p>",
        f'<div class="top"><div class="card"><div class="muted">Health score</div><div class="score">'
        f"{format_value(d.metrics['health_score'], '0-100')}<small> / 100</small></div>"
        f'<p class="small muted">Taken as a postmortem: {escape(d.postmortem_reason)}</p></div>'
        f'<div class="card">{_parts(d.health)}</div></div><h2>The text, with its findings</h2>',
    ]
    if d.source is None:
        out.append('<p class="muted">The text could not be read again for this page.</p>')
        out.extend(_note(i + 1, f) for i, f in enumerate(d.findings))
    else:
        out.append(annotated_text(d))
    out.append("</section>")
    return "\n".join(out)


def _note(number: int, f) -> str:
    sev = {"error": " error", "note": " note-sev"}.get(f.severity, "")
    suggestion = f"<div><strong>Suggestion:</strong> {escape(f.suggestion)}</div>" if f.suggestion else ""
    return (
        f'<div class="note{sev}"><span class="rule">{number}. {escape(f.rule)}</span> '
        f'<span class="muted small">({escape(f.severity)}, line {f.line})</span>'
        f"<div>{escape(f.message)}</div>{suggestion}</div>"
    )


def annotated_text(d: DocumentReport) -> str:
    """The document's lines, each finding's text marked where it is, and the finding's
    message and suggestion in a note under the line where it ends."""
    source = d.source or ""
    lines = source.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int:
        line = min(max(line, 1), len(lines))
        return min(starts[line - 1] + column - 1, starts[line - 1] + len(lines[line - 1]))

    spans = []
    for number, f in enumerate(d.findings, 1):
        start, end = offset(f.line, f.column), offset(f.end_line, f.end_column)
        spans.append((start, max(end, start + 1), number, f))
    notes_after: dict[int, list[int]] = {}
    for _start, _end, number, f in spans:
        notes_after.setdefault(min(f.end_line, len(lines)), []).append(number)
    out = ['<div class="text">']
    for index, line in enumerate(lines):
        line_start, line_end = starts[index], starts[index] + len(line)
        cuts = {line_start, line_end}
        for start, end, _, _ in spans:
            for c in (start, end):
                if line_start < c < line_end:
                    cuts.add(c)
        pieces = []
        ordered = sorted(cuts)
        for a, b in zip(ordered, ordered[1:]):
            active = [n for s, e, n, _ in spans if s < b and e > a]
            text = escape(source[a:b])
            if active:
                last = [n for n in active if spans[n - 1][1] == b]
                marks = f"<sup>{','.join(str(n) for n in last)}</sup>" if last else ""
                title = " · ".join(spans[n - 1][3].rule for n in active)
                pieces.append(f'<mark title="{escape(title)}">{text}{marks}</mark>')
            else:
                pieces.append(text)
        empty_marks = [n for s, e, n, _ in spans if line_start == line_end and s <= line_start < e]
        body = "".join(pieces) or ("<mark> </mark>" if empty_marks else "")
        out.append(f'<div class="ln"><span>{index + 1}</span><span>{body}</span></div>')
        for number in notes_after.get(index + 1, []):
            out.append(_note(number, spans[number - 1][3]))
    out.append("</div>")
    return "\n".join(out)
