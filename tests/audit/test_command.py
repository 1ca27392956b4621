"""`blamelint audit` end to end, in a subprocess (real exit codes and output)."""

import csv
import io
import json
import re

from tests.conftest import run_cli


def audit(*args, cwd, cache):
    return run_cli("audit", *args, cwd=cwd, env={"BLAMELINT_CACHE_DIR": str(cache)})


def test_json_report(archive, isolated_cache):
    result = audit(
        "archive", "--format", "json", "--as-of", "2024-06-01", cwd=archive.parent, cache=isolated_cache
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    report = json.loads(result.stdout)
    assert report["schema_version"] == "2" and report["as_of"] == "2024-06-01"
    docs = {d["path"]: d for d in report["documents"]}
    assert set(docs) == {"archive/2024-02-03-checkout.md", "archive/db-outage.md"}
    (note,) = report["skipped"]  # a two-line note is not a postmortem
    assert note["path"] == "archive/2023-11-20-notes.txt" and "too little evidence" in note["reason"]
    assert docs["archive/2024-02-03-checkout.md"]["date_source"] == "front-matter"
    assert docs["archive/db-outage.md"]["date"] == "2023-05-12"
    assert docs["archive/db-outage.md"]["date_source"] == "title"
    assert [d["path"] for d in report["documents"]][0] == "archive/db-outage.md"  # ordered by date
    assert report["archive"]["period"] == "month" and len(report["periods"]) == 10
    assert report["attention"][0]["path"] == "archive/db-outage.md"
    assert {p["rule"] for p in report["phrases"]} <= {"blame", "hindsight"} and report["phrases"]
    score = report["health"]["score"]
    assert 0 <= score <= 100
    earned = sum(c["points"] for c in report["health"]["components"] if c["points"] is not None)
    assert abs(score - 100 * earned / report["health"]["available_weight"]) < 0.2
    checkout = docs["archive/2024-02-03-checkout.md"]["action_items"]
    assert checkout == {"total": 3, "with_owner": 2, "with_due_date": 2, "done": 1, "overdue": 1}


def test_include_all_scores_every_file(archive, isolated_cache):
    result = audit("archive", "--format", "json", "--include-all", cwd=archive.parent, cache=isolated_cache)
    report = json.loads(result.stdout)
    docs = {d["path"]: d for d in report["documents"]}
    assert len(docs) == 3 and report["skipped"] == [] and report["archive"]["include_all"]
    assert docs["archive/2023-11-20-notes.txt"]["date_source"] == "file-name"
    assert docs["archive/2023-11-20-notes.txt"]["postmortem_reason"].startswith("--include-all")


def test_cached_rerun_is_identical(archive, isolated_cache):
    first = audit(
        "archive", "--format", "json", "--as-of", "2024-06-01", cwd=archive.parent, cache=isolated_cache
    )
    second = audit(
        "archive", "--format", "json", "--as-of", "2024-06-01", cwd=archive.parent, cache=isolated_cache
    )
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert all(not d["cached"] for d in a["documents"]) and all(d["cached"] for d in b["documents"])
    for d in a["documents"] + b["documents"]:
        d.pop("cached")
    assert a == b
    assert list(isolated_cache.rglob("*.json"))
    uncached = audit(
        "archive",
        "--format",
        "json",
        "--as-of",
        "2024-06-01",
        "--no-cache",
        cwd=archive.parent,
        cache=isolated_cache / "unused",
    )
    assert not (isolated_cache / "unused").exists()
    c = json.loads(uncached.stdout)
    for d in c["documents"]:
        d.pop("cached")
    assert c == a


def test_csv_has_one_row_a_document(archive, isolated_cache):
    result = audit("archive", "--format", "csv", cwd=archive.parent, cache=isolated_cache)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 and {"path", "date", "date_source", "health_score", "named_actor_share_pct"} <= set(
        rows[0]
    )


def test_html_is_self_contained_and_links_resolve(archive, isolated_cache, tmp_path):
    out = tmp_path / "report.html"
    result = audit("archive", "--format", "html", "-o", str(out), cwd=archive.parent, cache=isolated_cache)
    assert result.returncode == 0 and result.stdout == ""
    html = out.read_text()
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert set(re.findall(r"https?://[^\"' )]+", html)) <= {"http://www.w3.org/2000/svg"}
    ids = set(re.findall(r'id="([^"]+)"', html))
    links = set(re.findall(r'href="#([^"]+)"', html))
    assert links and links <= ids
    assert html.count("<svg") >= 12 and "<polyline" in html


def test_text_report_and_unreadable_file(archive, isolated_cache):
    (archive / "broken.md").write_bytes(b"binary\x00\x00data")
    result = audit("archive", "--no-color", cwd=archive.parent, cache=isolated_cache)
    assert result.returncode == 2
    assert "archive/broken.md: could not audit" in result.stderr and "Traceback" not in result.stderr
    assert "Health score:" in result.stdout and "Trend" in result.stdout
    assert "Documents that most need attention" in result.stdout


def test_date_fallback_mtime(tmp_path, isolated_cache):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "x.md").write_text("# Outage\n\nWe restarted the cache.\n")
    plain = json.loads(
        audit("a", "--format", "json", "--include-all", cwd=tmp_path, cache=isolated_cache).stdout
    )
    assert plain["documents"][0]["date"] is None and plain["archive"]["undated"] == 1
    fallback = json.loads(
        audit(
            "a",
            "--format",
            "json",
            "--include-all",
            "--date-fallback",
            "mtime",
            cwd=tmp_path,
            cache=isolated_cache,
        ).stdout
    )
    assert fallback["documents"][0]["date_source"] == "mtime"


def test_registering_the_command_does_not_import_spacy():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", "import sys, blamelint.cli; print('spacy' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "False"
    assert "audit" in run_cli("--help").stdout


def test_html_exports_are_audited(tmp_path, isolated_cache):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "2024-05-06-queue.html").write_text(
        "<html><head><meta charset='utf-8'><title>Queue backlog</title></head><body>"
        "<h1>Queue backlog</h1><h2>Summary</h2><p>We paused the consumers at 09:10. The queue was purged.</p>"
        "<h2>What went well</h2><ul><li>The on-call engineer found the stuck consumer quickly.</li></ul>"
        "<h2>Action items</h2><ul><li>Add a backlog alert (owner: @li, due 2024-06-01)</li></ul>"
        "</body></html>",
        encoding="utf-8",
    )
    report = json.loads(
        audit(
            "exports", "--format", "json", "--as-of", "2024-07-01", cwd=tmp_path, cache=isolated_cache
        ).stdout
    )
    (doc,) = report["documents"]
    assert doc["path"] == "exports/2024-05-06-queue.html" and doc["date"] == "2024-05-06"
    assert doc["counts"].get("agentless-passive", 0) >= 1 and "what-went-well" in doc["sections"]
    assert doc["action_items"] == {"total": 1, "with_owner": 1, "with_due_date": 1, "done": 0, "overdue": 1}
