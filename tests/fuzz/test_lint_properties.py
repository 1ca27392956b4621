"""The whole linter, fuzzed over generated Markdown, plain text and HTML (one
loaded pipeline, one Linter for the module): it never raises; every finding's
line and column quote exactly its text; text, JSON and SARIF report the same
findings; and the findings do not depend on the order of the documents."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blamelint.findings import Report
from blamelint.postmortem.load import parse_source
from blamelint.reporters import ReportContext, get_reporter
from tests.fuzz.invariants import assert_finding_is_block_text, slice_by_position
from tests.fuzz.strategies import DERANDOMIZE, examples, html_document, markdown_document, plain_text_document

SETTINGS = settings(
    max_examples=examples(80),
    deadline=None,
    derandomize=DERANDOMIZE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ANY_DOCUMENT = st.one_of(
    st.tuples(st.just("pm.md"), markdown_document()),
    st.tuples(st.just("pm.txt"), plain_text_document()),
    st.tuples(st.just("pm.html"), html_document()),
)
TEXT_HEAD = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>\w+) (?P<rule>[a-z0-9-]+) "
)


@pytest.fixture(scope="module")
def linter(make_linter):
    """Every rule, sentence and document scope, on the session's pipeline."""
    return make_linter(select=["ALL"])


@pytest.fixture(scope="module")
def context(linter):
    from blamelint.rules.registry import Registry

    registry = Registry(linter.config)
    return ReportContext(cards=[registry.card(r) for r in registry.ids()], root=".", color=False)


def _lint(linter, path: str, text: str):
    return linter.lint_document(parse_source(path, text))


@SETTINGS
@given(ANY_DOCUMENT)
def test_findings_quote_exactly_the_text_at_their_position(linter, document):
    path, text = document
    parsed = parse_source(path, text)
    sentence_rules = {rule.id for rule in linter.sentence_rules}
    for finding in linter.lint_document(parsed):
        loc = finding.location
        assert (loc.line, loc.column) <= (loc.end_line, loc.end_column), finding
        assert finding.text, finding
        assert slice_by_position(text, loc) == finding.text, finding
        if finding.rule in sentence_rules:
            assert_finding_is_block_text(parsed, finding)


def _from_text(rendered: str) -> list[tuple]:
    return [
        (m["rule"], int(m["line"]), int(m["column"]))
        for m in map(TEXT_HEAD.match, rendered.splitlines())
        if m
    ]


def _from_json(rendered: str) -> list[tuple]:
    return [
        (
            f["rule"],
            f["location"]["line"],
            f["location"]["column"],
            f["location"]["end_line"],
            f["location"]["end_column"],
            f["text"],
            f["severity"],
        )
        for f in json.loads(rendered)["findings"]
    ]


def _from_sarif(rendered: str) -> list[tuple]:
    out = []
    for result in json.loads(rendered)["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        out.append(
            (
                result["ruleId"],
                region["startLine"],
                region["startColumn"],
                region["endLine"],
                region["endColumn"],
                region["snippet"]["text"],
                result["level"],
            )
        )
    return out


@SETTINGS
@given(ANY_DOCUMENT)
def test_text_json_and_sarif_agree(linter, context, document):
    path, text = document
    findings = _lint(linter, path, text)
    report = Report.build("test", 1, findings, [])
    as_json = _from_json(get_reporter("json")(report, context))
    as_sarif = _from_sarif(get_reporter("sarif")(report, context))
    as_text = _from_text(get_reporter("text")(report, context))
    assert as_json == as_sarif
    assert as_text == [row[:3] for row in as_json]
    assert len(as_json) == len(findings)


@settings(
    max_examples=examples(40),
    deadline=None,
    derandomize=DERANDOMIZE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(ANY_DOCUMENT, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_the_order_of_the_documents(linter, documents, rnd):
    named = [(f"{i}-{path}", text) for i, (path, text) in enumerate(documents)]
    shuffled = named[:]
    rnd.shuffle(shuffled)

    def run(order):
        found = {}
        for document, findings in linter.lint(parse_source(path, text) for path, text in order):
            found[document.path] = findings
        return found

    assert run(shuffled) == run(named)


@pytest.mark.parametrize(
    "path, strategy",
    [("pm.md", markdown_document()), ("pm.txt", plain_text_document()), ("pm.html", html_document())],
)
def test_the_generators_reach_findings(linter, path, strategy):
    """The properties above are only worth something if generated documents have
    findings, several rules' worth, some of them after decoded text."""
    from hypothesis import Phase, find

    def rich(text):
        findings = _lint(linter, path, text)
        return len({f.rule for f in findings}) >= 3 and any(f.location.line > 2 for f in findings)

    find(
        strategy,
        rich,
        settings=settings(
            max_examples=300,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        ),
    )


@SETTINGS
@given(
    st.sampled_from(["pm.md", "pm.txt", "pm.html"]),
    st.text(st.characters(codec="utf-8"), max_size=400)
    | st.text(st.sampled_from(list("#*-_>|`[]()!<&;\\\n\r\t .:1aA")), max_size=400),
)
def test_arbitrary_text_never_raises(linter, path, text):
    for finding in _lint(linter, path, text):
        assert slice_by_position(text, finding.location) == finding.text
