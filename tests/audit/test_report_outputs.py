"""The audit's outputs on the fixture archive: JSON valid against the shipped
schema, CSV with unique columns that read back, and the HTML report in a real
headless Chromium at 390 and 1280 px: nothing overflows, no script throws."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from html import escape
from importlib import resources
from pathlib import Path

import pytest

from blamelint.audit.command import run_audit

ARCHIVE = Path(__file__).parent / "fixtures" / "archive"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("audit")
    import os

    os.environ["BLAMELINT_CACHE_DIR"] = str(out / "cache")
    files = {}
    for fmt in ("json", "csv", "html"):
        target = out / f"report.{fmt}"
        assert (
            run_audit(
                [str(ARCHIVE)],
                fmt=fmt,
                output=str(target),
                as_of=__import__("datetime").date(2026, 4, 1),
                jobs=1,
            )
            == 0
        )
        files[fmt] = target
    return files


def test_shipped_schema_is_current_and_json_validates(outputs):
    jsonschema = pytest.importorskip("jsonschema")
    from blamelint.audit.report import schema

    shipped = json.loads((resources.files("blamelint") / "schemas" / "audit.schema.json").read_text())
    assert shipped == json.loads(json.dumps(schema())), "regenerate: python tools/schemas.py"
    report = json.loads(outputs["json"].read_text(encoding="utf-8"))
    jsonschema.validate(report, shipped)
    assert report["archive"]["documents"] == 10 and report["archive"]["skipped"] == 6
    skipped = {s["relative_path"]: s["reason"] for s in report["skipped"]}
    assert set(skipped) == {
        "README.md",
        "TEMPLATE.md",
        "CONTRIBUTING.md",
        "index.md",
        "2024-05-20-rate-limiter-design.md",
        "templates/incident.md",
    }
    assert all(d["date_source"] for d in report["documents"] if d["date"])
    assert "source" not in report["documents"][0]


def test_csv_columns_are_unique_and_read_back(outputs):
    from blamelint.audit.render_csv import COLUMNS

    text = outputs["csv"].read_text(encoding="utf-8")
    header = next(csv.reader(io.StringIO(text)))
    assert header == COLUMNS and len(set(header)) == len(header)
    rows = list(csv.DictReader(io.StringIO(text)))
    report = json.loads(outputs["json"].read_text(encoding="utf-8"))
    by_path = {d["path"]: d for d in report["documents"]}
    assert len(rows) == len(by_path)
    for row in rows:
        d = by_path[row["path"]]
        assert row["date"] == (d["date"] or "") and row["date_source"] == (d["date_source"] or "")
        assert int(row["action_items_with_owner_count"]) == d["action_items"]["with_owner"]
        owner = d["metrics"]["action_items_with_owner"]
        assert row["action_items_with_owner_pct"] == ("" if owner is None else str(owner))
        assert int(row["findings"]) == d["finding_count"]


def test_html_has_a_page_per_document_with_findings_in_place(outputs):
    html = outputs["html"].read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|@import|url\(""", html)  # no network
    report = json.loads(outputs["json"].read_text(encoding="utf-8"))
    for d in report["documents"]:
        assert f'id="{d["anchor"]}"' in html
    notes = sum(d["finding_count"] for d in report["documents"])
    assert (
        notes and html.count('<div class="note') == notes and html.count("<mark") >= len(report["documents"])
    )
    assert str(ARCHIVE) not in html  # paths are relative to the archive


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHECK = """
<script>
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
</script>
"""

PROBE = """
<script>
(function () {
  function overflow(view) {
    var bad = [], width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) bad.push(view + ': page ' + document.documentElement.scrollWidth + ' > ' + width);
    document.querySelectorAll('body *').forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (!r.width || !r.height) return;
      if (r.right > width + 1 || r.left < -1) bad.push(view + ': ' + el.tagName + '.' + el.className + ' ' + Math.round(r.left) + '-' + Math.round(r.right));
      var style = getComputedStyle(el);
      if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1) bad.push(view + ': cut off ' + el.tagName + '.' + el.className);
    });
    return bad.slice(0, 10);
  }
  var result = {width: window.innerWidth, problems: overflow('report'), pages: 0};
  document.querySelectorAll('.docpage').forEach(function (page) {
    location.hash = page.id;
    result.pages += 1;
    result.problems = result.problems.concat(overflow(page.id));
  });
  location.hash = '';
  document.querySelector('#docs th').click();
  result.errors = window.__errors;
  var out = parent.document.createElement('pre');
  out.id = 'probe-result';
  out.textContent = JSON.stringify(result);
  parent.document.body.appendChild(out);
})();
</script>
"""


@pytest.mark.parametrize("width", [390, 1280])
def test_html_in_headless_chromium(outputs, tmp_path, width):
    browser = _chromium()
    if browser is None:
        pytest.skip("no Chromium binary found (install it: apt-get install -y chromium)")
    html = outputs["html"].read_text(encoding="utf-8")
    # Chromium's headless window is at least 500 px wide: the report is shown in a frame of
    # the width under test (a srcdoc frame shares the page's origin, so the probe can report).
    probed = html.replace("<head>", "<head>" + CHECK, 1).replace("</body>", PROBE + "</body>")
    page = tmp_path / "probe.html"
    page.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0;width:{width}px;'
        f'height:900px" srcdoc="{escape(probed, quote=True)}"></iframe></body></html>',
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={max(width, 500) + 40},1000",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    match = re.search(r'<pre id="probe-result">(.*?)</pre>', run.stdout, re.DOTALL)
    assert match, f"the probe did not run: {run.stderr[-2000:]}"
    result = json.loads(
        match.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    )
    assert result["width"] == width
    assert result["pages"] == 10
    assert result["errors"] == []
    assert result["problems"] == []
