"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from blamelint import __version__
from blamelint.findings import Finding, Report
from blamelint.rules.docs import help_markdown, help_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/blamelint/blamelint"
DOCS_URI = INFO_URI + "/blob/main/docs/rules/{id}.md"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}


def relative_uri(path: str, root: str) -> str:
    """A '/'-separated path relative to the project root (as code scanning wants)."""
    p = Path(path)
    if p.is_absolute() or root:
        try:
            p = Path(os.path.relpath(p.resolve(), root))
        except ValueError:  # another drive on Windows
            pass
    uri = p.as_posix()
    return uri[2:] if uri.startswith("./") else uri


def fingerprint(finding: Finding, uri: str, occurrence: int) -> str:
    """Stable across unrelated edits and line moves: rule, file, the normalised
    quoted text, and which occurrence of that text in the file it is."""
    quoted = " ".join(finding.text.lower().split())
    key = f"{finding.rule}\x00{uri}\x00{quoted}\x00{occurrence}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def rule_descriptor(card) -> dict:
    return {
        "id": card.id,
        "name": card.name,
        "shortDescription": {"text": card.summary},
        "fullDescription": {"text": " ".join(card.docs.what.split())[:1024]},
        "help": {"text": help_text(card), "markdown": help_markdown(card)},
        "helpUri": DOCS_URI.format(id=card.id),
        "defaultConfiguration": {"level": LEVELS[card.severity.value]},
        "properties": {"tags": ["postmortem", "blameless", card.scope]},
    }


def build(report: Report, context) -> dict:
    cards = sorted(context.cards, key=lambda c: c.id)
    index = {c.id: i for i, c in enumerate(cards)}
    occurrences: dict[tuple, int] = {}
    results = []
    for f in report.findings:
        uri = relative_uri(f.location.path, context.root)
        key = (f.rule, uri, " ".join(f.text.lower().split()))
        occurrence = occurrences.get(key, 0)
        occurrences[key] = occurrence + 1
        loc = f.location
        message = f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else "")
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity.value],
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": loc.line, "startColumn": loc.column,
                        "endLine": loc.end_line, "endColumn": loc.end_column,
                        "snippet": {"text": f.text},
                    },
                }
            }],
            "partialFingerprints": {"primaryLocationLineHash": fingerprint(f, uri, occurrence)},
        }
        results.append(result)
    notifications = [{
        "level": "error",
        "message": {"text": f"{e.path}: {e.message}"},
        "descriptor": {"id": "input-error"},
    } for e in report.errors]
    run = {
        "tool": {"driver": {
            "name": "blamelint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFO_URI,
            "rules": [rule_descriptor(c) for c in cards],
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(context.root).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [{
            "executionSuccessful": not report.errors,
            "toolExecutionNotifications": notifications,
        }],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, context) -> str:
    return json.dumps(build(report, context), indent=2, ensure_ascii=False) + "\n"
