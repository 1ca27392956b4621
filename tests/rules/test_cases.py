"""Runs every rule case in tests/rules/cases/*.yaml: the rule alone on the
case's text must give exactly the listed findings (flagged words, in order),
and each finding quotes the text and says what to write instead."""

from __future__ import annotations

import pytest

from tests.rules.case_files import CASES_DIR, CaseFileError, all_cases, case_paths, document, load_case_file

CASES = all_cases()


@pytest.fixture(scope="module")
def rule_linter(make_linter):
    """rule_linter(rule) -> a Linter running that rule alone. Cases are
    snippets of a postmortem, so the document rules run on them too."""
    built = {}

    def get(rule):
        if rule not in built:
            built[rule] = make_linter(select=[rule], is_postmortem=lambda document: True)
        return built[rule]

    return get


@pytest.mark.parametrize("case_file, case", CASES, ids=[f"{f.rule}:{c.name}" for f, c in CASES])
def test_case(rule_linter, case_file, case):
    from blamelint.postmortem.load import parse_source

    text = document(case_file, case)
    found = [
        f
        for f in rule_linter(case_file.rule).lint_document(parse_source(case.path, text))
        if f.rule == case_file.rule
    ]
    assert [f.text for f in found] == case.flags, case.note or case.text
    for finding in found:
        # A passive's message names whom to name; its rewrite is shown only when it is English.
        assert finding.message and (finding.suggestion or finding.rule == "agentless-passive"), (
            "every finding says what to write instead"
        )
        assert finding.text in text, "the finding quotes the text it flags"
    if case.suggestions is not None:
        assert [f.suggestion for f in found] == case.suggestions
    if case.messages is not None:
        assert [f.message for f in found] == case.messages


def test_every_case_file_names_a_known_rule():
    from blamelint.config import Config
    from blamelint.rules.registry import Registry

    known = set(Registry(Config()).ids())
    paths = case_paths()
    assert paths, f"no case files in {CASES_DIR}"
    for path in paths:
        assert load_case_file(path).rule in known, path.name


@pytest.mark.parametrize(
    "body, problem",
    [
        (
            "rule: blame\ncases:\n  - name: a\n    text: x\n    flags: []\n  - name: b\n    text: y\n    flag: []\n",
            r"blame\.yaml: case 1 \(b\), field 'flags': Field required; case 1 \(b\), field 'flag': Extra inputs",
        ),
        (
            "rule: blame\ncases:\n  - name: a\n    text: x\n    flags: [x]\n    suggestions: [p, q]\n",
            r"blame\.yaml: case 0 \(a\): Value error, suggestions: 2 given for 1 flags",
        ),
        (
            "rule: blame\ncases:\n  - name: a\n    text: x\n    flags: []\n"
            "  - name: a\n    text: y\n    flags: []\n",
            r"blame\.yaml: case 1 \(a\): name already used by case 0",
        ),
        (
            "rule: hindsight\ncases:\n  - name: a\n    text: x\n    flags: []\n",
            r"blame\.yaml: rule 'hindsight' does not match the file name 'blame'",
        ),
        (
            "rule: blame\ncontext: '## Timeline'\ncases:\n  - name: a\n    text: x\n    flags: []\n",
            r"blame\.yaml: field 'context': Value error, context must contain \{text\}",
        ),
        ("rule: blame\ncases: [\n", r"blame\.yaml: cannot read"),
    ],
)
def test_a_bad_case_file_fails_loudly(tmp_path, body, problem):
    path = tmp_path / "blame.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CaseFileError, match=problem):
        load_case_file(path)
