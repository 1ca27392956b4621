"""Findings are held once and lightly (issue 14: 65,000 findings took 507 MB): instances
with the same given fields share pydantic's fields-set, fingerprints replace findings in
place, and none of it changes what a finding is or how it compares or serialises."""

from __future__ import annotations

import pickle

from blamelint.findings import Finding, Location, Severity
from blamelint.fingerprint import with_fingerprints


def _finding(line: int, **extra) -> Finding:
    return Finding(
        rule="blame",
        severity=Severity.WARNING,
        message="m",
        location=Location(path="pm.md", line=line, column=1, end_line=line, end_column=4),
        text="abc",
        **extra,
    )


def test_findings_given_the_same_fields_share_one_fields_set():
    a, b = _finding(1), _finding(2)
    assert a.model_fields_set == {"rule", "severity", "message", "location", "text"}
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert a.location.__pydantic_fields_set__ is b.location.__pydantic_fields_set__
    c = _finding(3, suggestion="s")
    assert c.model_fields_set == a.model_fields_set | {"suggestion"}
    assert a.model_fields_set == {"rule", "severity", "message", "location", "text"}  # untouched


def test_a_fingerprinted_copy_leaves_the_shared_set_alone():
    a = _finding(1)
    fingerprinted = a.with_fingerprint("f" * 32)
    assert fingerprinted.fingerprint == "f" * 32 and a.fingerprint is None
    assert "fingerprint" in fingerprinted.model_fields_set
    assert "fingerprint" not in _finding(2).model_fields_set
    assert fingerprinted.__pydantic_fields_set__ is _finding(3).with_fingerprint("g").__pydantic_fields_set__
    assert fingerprinted.model_dump(exclude_unset=True)["fingerprint"] == "f" * 32


def test_findings_from_a_worker_compare_equal_and_share_too():
    a = _finding(1, sentence="s")
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b.model_dump_json() == a.model_dump_json()
    assert b.__pydantic_fields_set__ is a.__pydantic_fields_set__


def test_with_fingerprints_replaces_findings_in_place(tmp_path):
    findings = [_finding(1), _finding(2), _finding(2)]
    out = with_fingerprints(findings, str(tmp_path))
    assert out is findings
    assert all(f.fingerprint for f in findings)
    assert len({f.fingerprint for f in findings}) == 3  # same text, counted occurrences
