from blamelint.document.suppress import find_suppressions
from blamelint.postmortem.load import parse_source

TEXT = """# X

<!-- blamelint-disable-next-line blame -->

Bob was careless. The config was changed.

Alice was careless.

<!-- blamelint-disable -->
Carol was careless.
<!-- blamelint-enable -->

Dan was careless.

```
<!-- blamelint-disable-file -->
```
"""


def test_suppression_lines():
    sup = find_suppressions(parse_source("t.md", TEXT))
    assert sup.suppresses("blame", 5)
    assert not sup.suppresses("agentless-passive", 5)
    assert not sup.suppresses("blame", 7)
    assert sup.suppresses("blame", 10) and sup.suppresses("hindsight", 10)
    assert not sup.suppresses("blame", 13)
    assert not sup.file_rules  # the comment inside a code block does not count


def test_suppression_applies_to_findings(lint):
    found = [(f.rule, f.location.line) for f in lint(TEXT, select=["blame", "agentless-passive"])]
    assert ("blame", 5) not in found
    assert ("agentless-passive", 5) in found
    assert ("blame", 7) in found
    assert ("blame", 10) not in found
    assert ("blame", 13) in found


def test_disable_file(lint):
    assert lint("<!-- blamelint-disable-file -->\n\nBob was careless.\n") == []
    found = lint(
        "<!-- blamelint-disable-file blame -->\n\nBob was careless. The root cause was DNS.\n",
        select=["blame", "root-cause"],
    )
    assert [f.rule for f in found] == ["root-cause"]


def test_disable_line_is_this_line_only():
    text = "# X\n\nBob was careless. <!-- blamelint-disable-line blame -->\n\nAlice was careless.\n"
    sup = find_suppressions(parse_source("t.md", text), known={"blame"})
    assert sup.suppresses("blame", 3) and not sup.suppresses("hindsight", 3)
    assert not sup.suppresses("blame", 5)  # markdownlint's spelling no longer turns blame off for the file
    assert sup.problems == []


def test_unknown_directives_and_rule_ids_are_problems_with_their_line():
    text = (
        "# X\n\n<!-- blamelint-disbale blame -->\n\n<!-- blamelint-disable-next-line blam hindsight -->\n"
        "Bob was careless.\n\n<!-- blamelint-disable-line-x -->\n"
    )
    sup = find_suppressions(parse_source("t.md", text), known={"blame", "hindsight"})
    assert [line for line, _ in sup.problems] == [3, 5, 8]
    assert "did you mean 'disable'" in sup.problems[0][1]
    assert "'blam'" in sup.problems[1][1] and "did you mean 'blame'" in sup.problems[1][1]
    # the misspelt id suppresses nothing
    assert sup.suppresses("hindsight", 6) and not sup.suppresses("blame", 6)
    assert not sup.suppresses("blame", 9) and not sup.ranges  # the unknown 'disbale' turned nothing off
