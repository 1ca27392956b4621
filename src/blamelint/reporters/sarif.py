"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers."""

from __future__ import annotations

import json
from pathlib import Path

from blamelint import __version__
from blamelint.escapes import escape_controls
from blamelint.findings import Report
from blamelint.fingerprint import fingerprint, fingerprints, relative_uri  # noqa: F401 (re-exported)
from blamelint.rules.docs import help_markdown, help_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/blamelint/blamelint"
DOCS_URI = INFO_URI + "/blob/main/docs/rules/{id}.md"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}


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
    results = []
    for f, (uri, print_) in zip(report.findings, fingerprints(report.findings, context.root)):
        loc = f.location
        message = escape_controls(f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else ""))
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity.value],
            "message": {"text": message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": loc.line,
                            "startColumn": loc.column,
                            "endLine": loc.end_line,
                            "endColumn": loc.end_column,
                            "snippet": {"text": f.text},
                        },
                    }
                }
            ],
            "partialFingerprints": {"primaryLocationLineHash": print_},
        }
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": escape_controls(f"{e.path}: {e.message}")},
            "descriptor": {"id": "input-error"},
        }
        for e in report.errors
    ]
    run = {
        "tool": {
            "driver": {
                "name": "blamelint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFO_URI,
                "rules": [rule_descriptor(c) for c in cards],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(context.root).resolve().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, context) -> str:
    return json.dumps(build(report, context), indent=2, ensure_ascii=False) + "\n"
