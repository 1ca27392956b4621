"""Compare blamelint's reading of a postmortem with an expected.yaml entry (the
shape of corpora/postmortems/expected.yaml), and derive the document-rule
findings those expectations imply."""

from __future__ import annotations

from blamelint.postmortem.action_items import action_items
from blamelint.postmortem.sections import catalog, outline
from blamelint.rules.checks.vague_action_item import shapes

SECTION_KEYS = {"what_went_poorly": "what-went-wrong"}
DEFAULT_REQUIRED = ["summary", "impact", "timeline", "contributing-factors", "action-items"]


def section_name(key: str) -> str:
    return SECTION_KEYS.get(key, key.replace("_", "-"))


def observed_sections(document) -> dict[str, dict]:
    """name -> {present, line, empty} as blamelint reads the document."""
    cat = catalog()
    sections = outline(document, cat)
    out = {}
    for name in cat.names:
        found = sections.of(name)
        if not found:
            out[name] = {"present": False}
            continue
        first = found[0]
        out[name] = {
            "present": True,
            "line": first.start.line if first.start else None,
            "empty": not any(s.has_content(cat) for s in found),
        }
    return out


def observed_items(document) -> dict[int, dict]:
    return {
        item.line: {
            "has_owner": item.owner is not None,
            "has_due_date": item.due is not None,
            "done": bool(item.done),
            "vague": shapes().reason(item.action) is not None,
            "ticket": item.ticket is not None,
        }
        for item in action_items(document)
    }


def section_mismatches(document, expected: dict) -> list[str]:
    seen = observed_sections(document)
    problems = []
    for key, want in expected["sections"].items():
        got = seen[section_name(key)]
        if want["present"] != got["present"]:
            problems.append(f"{key}: expected present={want['present']}, got {got}")
        elif want["present"]:
            if want.get("line") is not None and got["line"] != want["line"]:
                problems.append(f"{key}: expected line {want['line']}, got {got['line']}")
            if bool(want.get("empty")) != got["empty"]:
                problems.append(f"{key}: expected empty={bool(want.get('empty'))}, got {got['empty']}")
    return problems


def item_mismatches(document, expected: dict) -> list[str]:
    seen = observed_items(document)
    want = {a["line"]: a for a in expected.get("action_items", [])}
    problems = [f"line {line}: item not found" for line in sorted(set(want) - set(seen))]
    problems += [f"line {line}: unexpected item" for line in sorted(set(seen) - set(want))]
    for line in sorted(set(want) & set(seen)):
        for field in ("has_owner", "has_due_date", "done", "vague", "ticket"):
            if field in want[line] and bool(want[line][field]) != seen[line][field]:
                problems.append(f"line {line}: expected {field}={want[line][field]}")
    return problems


def expected_document_findings(expected: dict, required=DEFAULT_REQUIRED) -> list[tuple[str, int]]:
    """The (rule, line) findings the document rules must report, by default config."""
    if not expected.get("is_postmortem"):
        return []
    found = []
    sections = expected["sections"]
    www = sections["what_went_well"]
    if not www["present"]:
        found.append(("missing-what-went-well", 1))
    elif www.get("empty"):
        found.append(("missing-what-went-well", www["line"]))
    for key, spec in sections.items():
        if section_name(key) not in required:
            continue
        if not spec["present"]:
            found.append(("missing-section", 1))
        elif spec.get("empty"):
            found.append(("missing-section", spec["line"]))
    for item in expected.get("action_items", []):
        if not item["has_owner"]:
            found.append(("action-item-without-owner", item["line"]))
        if not item["has_due_date"]:
            found.append(("action-item-without-due-date", item["line"]))
        if item["vague"]:
            found.append(("vague-action-item", item["line"]))
    return sorted(found, key=lambda f: (f[1], f[0]))
