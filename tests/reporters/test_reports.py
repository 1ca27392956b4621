"""JSON and SARIF output: schemas, relative URIs, stable fingerprints."""

import json
from importlib import resources
from pathlib import Path

import pytest

from blamelint.findings import Report
from blamelint.reporters import ReportContext, get_reporter
from blamelint.rules.registry import Registry

SCHEMA = Path(__file__).resolve().parents[3] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
TEXT = "# Incident\n\n## Summary\n\nThe config was changed. The root cause was human error.\n"


def _report(lint, text=TEXT, path="pm/incident.md"):
    findings = lint(text, path=path)
    return Report.build("0", 1, findings, [])


def _context(root):
    registry = Registry()
    return ReportContext(cards=registry.cards, root=str(root))


def test_json_matches_shipped_schema(lint):
    jsonschema = pytest.importorskip("jsonschema")
    from blamelint.reporters.json_report import schema

    shipped = json.loads((resources.files("blamelint") / "schemas" / "report.schema.json").read_text())
    assert shipped == json.loads(json.dumps(schema())), "regenerate: python tools/schemas.py"
    out = json.loads(get_reporter("json")(_report(lint), _context(Path.cwd())))
    jsonschema.validate(out, shipped)
    assert out["schema_version"] == "1" and out["summary"]["findings"] == len(out["findings"]) > 0


def _sarif(lint, root, text=TEXT, path="pm/incident.md"):
    return json.loads(get_reporter("sarif")(_report(lint, text, path), _context(root)))


def test_sarif_valid_against_official_schema(lint, tmp_path):
    if not SCHEMA.is_file():
        pytest.skip(f"official SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    for text in (TEXT, "# Clean\n\nI restarted the host.\n"):
        jsonschema.Draft4Validator(schema).validate(_sarif(lint, tmp_path, text))


def test_sarif_results_are_complete(lint):
    run = _sarif(lint, Path.cwd())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {
        "agentless-passive",
        "root-cause",
        "blame",
        "hindsight",
        "missing-what-went-well",
    }
    for rule in rules:
        assert rule["help"]["markdown"].startswith(f"# {rule['id']}")
        assert rule["helpUri"].endswith(f"docs/rules/{rule['id']}.md")
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "pm/incident.md"
        assert loc["region"]["snippet"]["text"]
        assert result["partialFingerprints"]["primaryLocationLineHash"]


def test_sarif_uri_relative_to_root_for_absolute_paths(lint, tmp_path):
    path = str(tmp_path / "docs" / "pm.md")
    run = _sarif(lint, tmp_path, path=path)["runs"][0]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        "docs/pm.md"
    }


def test_fingerprints_survive_lines_moving(lint, tmp_path):
    def prints(text):
        run = _sarif(lint, tmp_path, text)["runs"][0]
        return {(r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"]) for r in run["results"]}

    moved = TEXT.replace("## Summary\n", "## Summary\n\nSome new unrelated lines.\n\nAnd more.\n")
    assert prints(TEXT) == prints(moved)
    twice = TEXT + "\nThe config was changed.\n"
    assert len(prints(twice)) == len(prints(TEXT)) + 1
