"""GitLab Code Quality report (a JSON array, the Code Climate issue subset that
GitLab reads), for the ``artifacts:reports:codequality`` of a CI job.

Each issue has ``description``, ``check_name`` (the rule id), ``fingerprint``
(the same stable fingerprint as SARIF and baselines, so GitLab can tell new
issues from old ones), ``severity`` and ``location.path`` (relative to the
repository root) with ``location.lines.begin``.
"""

from __future__ import annotations

import json

from blamelint.escapes import escape_controls
from blamelint.findings import Report
from blamelint.fingerprint import fingerprints

# GitLab's scale is info < minor < major < critical < blocker; blamelint's
# severities are about wording, so they stay in the lower half of it.
SEVERITIES = {"note": "info", "warning": "minor", "error": "major"}


def build(report: Report, context) -> list[dict]:
    issues = []
    for f, (uri, print_) in zip(report.findings, fingerprints(report.findings, context.root)):
        description = escape_controls(f.message + (f" Suggestion: {f.suggestion}" if f.suggestion else ""))
        issues.append(
            {
                "description": description,
                "check_name": f.rule,
                "fingerprint": print_,
                "severity": SEVERITIES[f.severity.value],
                "location": {"path": uri, "lines": {"begin": f.location.line}},
            }
        )
    return issues


def render(report: Report, context) -> str:
    return json.dumps(build(report, context), indent=2, ensure_ascii=False) + "\n"
