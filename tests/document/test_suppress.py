from blamelint.postmortem.load import parse_source
from blamelint.document.suppress import find_suppressions

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
    found = lint("<!-- blamelint-disable-file blame -->\n\nBob was careless. The root cause was DNS.\n",
                 select=["blame", "root-cause"])
    assert [f.rule for f in found] == ["root-cause"]
