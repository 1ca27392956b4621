"""The audit report as one self-contained HTML file: inline CSS, inline SVG charts
drawn here, a few lines of inline JavaScript to sort the table. Nothing is fetched
from a network, so it opens on an air-gapped laptop."""
from __future__ import annotations

from html import escape
from typing import Any, Optional

from blamelint.audit.aggregate import METRICS
from blamelint.audit.render import format_value

CSS = """
:root { --fg:#1d2430; --muted:#5b6575; --line:#d9dee7; --bg:#f6f7f9; --card:#fff;
        --good:#1a7f37; --bad:#c4302b; --accent:#2f5fb3; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
       color:var(--fg); background:var(--bg); }
main { max-width:1220px; margin:0 auto; padding:24px; }
h1 { font-size:22px; margin:0 0 4px; } h2 { font-size:17px; margin:28px 0 10px; }
.muted { color:var(--muted); }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:14px 16px; }
.top { display:grid; grid-template-columns: 260px 1fr; gap:16px; margin-top:16px; }
.score { font-size:54px; font-weight:700; line-height:1; }
.score small { font-size:18px; color:var(--muted); font-weight:400; }
.improving { color:var(--good); } .worsening { color:var(--bad); } .steady, .na { color:var(--muted); }
table { border-collapse:collapse; width:100%; }
th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric: tabular-nums; }
.bar { background:#e7ebf2; height:8px; border-radius:4px; width:120px; display:inline-block; vertical-align:middle; }
.bar > span { display:block; height:8px; border-radius:4px; background:var(--accent); }
.charts { display:grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap:12px; }
.chart h3 { font-size:13px; margin:0 0 2px; } .chart .trend { font-size:12px; }
svg text { font-size:10px; fill:#5b6575; }
#docs th { cursor:pointer; user-select:none; white-space:nowrap; }
#docs th[aria-sort=ascending]::after { content:" \\25B2"; } #docs th[aria-sort=descending]::after { content:" \\25BC"; }
.doc { margin-top:14px; } .doc h3 { font-size:15px; margin:0 0 4px; }
.finding { font-family: ui-monospace,"DejaVu Sans Mono",monospace; font-size:12.5px; margin:2px 0; }
.rule { display:inline-block; min-width:140px; color:var(--accent); }
code { background:#eef1f6; padding:0 3px; border-radius:3px; }
"""

SORT_JS = """
document.querySelectorAll('#docs th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
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
"""


def line_chart(labels: list[str], values: list[Optional[float]], width: int = 300, height: int = 130) -> str:
    """An SVG line chart of one metric over the periods; gaps where a period has no value."""
    left, right, top, bottom = 34, 8, 8, 22
    present = [v for v in values if v is not None]
    if not present:
        return f'<svg width="{width}" height="{height}" role="img"><text x="10" y="{height // 2}">no data</text></svg>'
    low, high = min(present), max(present)
    if high == low:
        low, high = low - 1, high + 1
    n = len(values)
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return top + plot_h * (1 - (v - low) / (high - low))

    parts = [f'<svg width="100%" viewBox="0 0 {width} {height}" role="img" '
             f'style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">']
    for v in (low, high):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e3e7ee"/>')
        parts.append(f'<text x="{left - 4}" y="{y(v) + 3:.1f}" text-anchor="end">{_short(v)}</text>')
    # Periods without documents have no point; the line runs on to the next one.
    line = [f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values) if v is not None]
    if len(line) > 1:
        parts.append(f'<polyline fill="none" stroke="#2f5fb3" stroke-width="2" points="{" ".join(line)}"/>')
    for i, v in enumerate(values):
        if v is not None:
            parts.append(f'<circle cx="{x(i):.1f}" cy="{y(v):.1f}" r="2.6" fill="#2f5fb3">'
                         f'<title>{escape(labels[i])}: {_short(v)}</title></circle>')
    parts.append(f'<text x="{left}" y="{height - 6}">{escape(labels[0])}</text>')
    if n > 1:
        parts.append(f'<text x="{width - right}" y="{height - 6}" text-anchor="end">{escape(labels[-1])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(v: float) -> str:
    return f"{v:.0f}" if abs(v) >= 10 else f"{v:.2g}" if abs(v) < 1 else f"{v:.1f}"


def _trend(t: dict[str, Any], unit: str) -> str:
    if t["change"] is None:
        return '<span class="na">trend: fewer than 3 periods</span>'
    sign = "+" if t["change"] > 0 else ""
    return (f'<span class="{t["direction"]}">{t["direction"]} ({sign}{escape(format_value(t["change"], unit))} '
            f'over the span)</span>')


def _cell(value, unit: str = "", text: Optional[str] = None, cls: str = "num") -> str:
    v = "" if value is None else str(value)
    shown = text if text is not None else format_value(value, unit) if unit else escape(v)
    return f'<td class="{cls}" data-v="{escape(v)}">{shown}</td>'


def render(report: dict[str, Any], color: bool = False) -> str:
    a, health = report["archive"], report["health"]
    periods = report["periods"]
    labels = [p["period"] for p in periods]
    score_trend = next(m["trend"] for m in report["metrics"] if m["id"] == "health_score")
    out = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>blamelint audit</title>", f"<style>{CSS}</style></head><body><main>"]
    span = f"{a['first_date']} to {a['last_date']}, by {a['period']}" if a["first_date"] else "no dates found"
    out.append(f"<h1>Postmortem culture report</h1><div class=\"muted\">{a['documents']} documents, "
               f"{a['words']:,} words ({escape(span)}) · <code>{escape(a['root'])}</code> · as of "
               f"{escape(report['as_of'])} · blamelint {escape(report['version'])}</div>")

    score = "—" if health["score"] is None else f"{health['score']:.0f}"
    out.append('<div class="top"><div class="card"><div class="muted">Health score</div>'
               f'<div class="score">{score}<small> / 100</small></div>'
               f'<div style="margin-top:8px">{_trend(score_trend, "0-100")}</div>'
               f'<div style="margin-top:10px">{line_chart(labels, [p["metrics"]["health_score"] for p in periods], 228, 90)}</div>'
               '</div><div class="card"><table><thead><tr><th>Component</th><th class="num">Points</th>'
               '<th></th><th>How it is computed</th></tr></thead><tbody>')
    for c in health["components"]:
        if c["points"] is None:
            out.append(f"<tr><td>{escape(c['label'])}</td><td class=\"num muted\">n/a</td><td></td>"
                       f"<td class=\"muted\">{escape(c['formula'])} (no data)</td></tr>")
            continue
        pct = 100 * c["points"] / c["weight"] if c["weight"] else 0
        out.append(f"<tr><td>{escape(c['label'])}</td><td class=\"num\">{c['points']:.1f} / {c['weight']:g}</td>"
                   f"<td><span class=\"bar\"><span style=\"width:{pct:.0f}%\"></span></span></td>"
                   f"<td class=\"muted\">{escape(c['formula'])}</td></tr>")
    out.append("</tbody></table>")
    if health["score"] is not None and health["available_weight"] < 100:
        out.append(f"<p class=\"muted\">Score = points / {health['available_weight']:g} × 100: "
                   "components with no data are left out.</p>")
    out.append("</div></div>")

    out.append("<h2>Over time</h2><div class=\"charts\">")
    for metric, data in zip(METRICS, report["metrics"]):
        if metric.id == "health_score":
            continue
        series = [p["metrics"][metric.id] for p in periods]
        out.append(f'<div class="card chart"><h3>{escape(metric.label)}: '
                   f'{escape(format_value(data["value"], metric.unit))}</h3>'
                   f'<div class="trend">{_trend(data["trend"], metric.unit)} · {escape(metric.better)} is better</div>'
                   f"{line_chart(labels, series)}</div>")
    out.append("</div>")

    if report["attention"]:
        out.append('<h2>Documents that most need attention</h2><div class="card"><table><thead><tr>'
                   '<th>Document</th><th class="num">Score</th><th class="num">Findings</th><th>Lost most on</th>'
                   "</tr></thead><tbody>")
        for d in report["attention"]:
            out.append(f"<tr><td><a href=\"#{d['anchor']}\">{escape(d['path'])}</a></td>"
                       f"<td class=\"num\">{d['score']:.0f}</td><td class=\"num\">{d['findings']}</td>"
                       f"<td>{escape('; '.join(d['reasons']))}</td></tr>")
        out.append("</tbody></table></div>")
    if report["phrases"]:
        out.append('<h2>Most frequent judgmental phrases</h2><div class="card"><table><thead><tr>'
                   '<th>Phrase</th><th>Rule</th><th class="num">Count</th></tr></thead><tbody>')
        for p in report["phrases"]:
            out.append(f"<tr><td>“{escape(p['text'])}”</td><td>{escape(p['rule'])}</td>"
                       f"<td class=\"num\">{p['count']}</td></tr>")
        out.append("</tbody></table></div>")

    out.append('<h2>Documents</h2><p class="muted">Click a column to sort; click a document for its findings.</p>'
               '<div class="card"><table id="docs"><thead><tr><th>Document</th><th>Date</th>'
               '<th class="num">Score</th><th class="num">Named</th><th class="num">Passives/100</th>'
               '<th class="num">Blame/1k</th><th class="num">Hindsight/1k</th><th>Root cause</th>'
               '<th>What went well</th><th class="num">Items</th><th class="num">Overdue</th>'
               '<th class="num">Findings</th></tr></thead><tbody>')
    for d in report["documents"]:
        m, items = d["metrics"], d["action_items"]
        out.append("<tr>" + f'<td data-v="{escape(d["path"])}"><a href="#{d["anchor"]}">{escape(d["path"])}</a></td>'
                   + _cell(d["date"], cls="") + _cell(m["health_score"], "0-100")
                   + _cell(m["named_actor_share"], "%") + _cell(m["agentless_passives_per_100_sentences"], "rate")
                   + _cell(m["blame_per_1000_words"], "rate") + _cell(m["hindsight_per_1000_words"], "rate")
                   + _cell(int(m["root_cause_framing"] or 0), text="yes" if m["root_cause_framing"] else "no", cls="")
                   + _cell(int(m["what_went_well"] or 0), text="yes" if m["what_went_well"] else "no", cls="")
                   + _cell(items["total"]) + _cell(items["overdue"]) + _cell(d["finding_count"]) + "</tr>")
    out.append("</tbody></table></div>")

    out.append("<h2>Findings by document</h2>")
    for d in report["documents"]:
        date = f"{d['date']} (from {d['date_source']})" if d["date"] else "undated"
        out.append(f'<div class="card doc" id="{d["anchor"]}"><h3>{escape(d["path"])}</h3>'
                   f'<div class="muted">{escape(d["title"] or "")} · {escape(date)} · {d["words"]:,} words · '
                   f'score {format_value(d["metrics"]["health_score"], "0-100")} · sections: '
                   f'{escape(", ".join(d["sections"]) or "none recognised")}</div>')
        if not d["findings"]:
            out.append('<p class="muted">No findings.</p>')
        for f in d["findings"]:
            out.append(f'<div class="finding">{f["line"]}:{f["column"]} <span class="rule">{escape(f["rule"])}</span>'
                       f'“{escape(f["text"])}” <span class="muted">{escape(f["message"])}</span></div>')
        out.append("</div>")
    if a["errors"]:
        out.append('<h2>Files that could not be read</h2><div class="card">')
        out.extend(f"<div>{escape(e['path'])}: {escape(e['message'])}</div>" for e in a["errors"])
        out.append("</div>")
    out.append(f"</main><script>{SORT_JS}</script></body></html>\n")
    return "\n".join(out)
