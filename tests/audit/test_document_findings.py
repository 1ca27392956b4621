"""Findings about a whole postmortem point at its title line, never at a comment or
front matter, and keep their fingerprint when the title changes."""

from blamelint.engine import lint_text
from blamelint.fingerprint import fingerprints

BODY = "\n## Summary\n\nWe restarted the cache.\n\n## Timeline\n\n- 10:00 a\n- 10:05 b\n- 10:10 c\n"


def _missing(_, text):
    return [f for f in lint_text(text, path="pm/outage.md") if f.rule == "missing-what-went-well"]


def test_points_at_the_title_not_a_comment():
    (finding,) = _missing(None, "<!-- template v2, 2019-01-01 -->\n# Cache outage" + BODY)
    assert finding.location.line == 2 and finding.text == "Cache outage"
    (finding,) = _missing(None, "---\ndate: 2024-01-01\n---\n\n# Cache outage" + BODY)
    assert finding.location.line == 5 and finding.text == "Cache outage"


def test_fingerprint_survives_a_new_title():
    a = _missing(None, "# Cache outage" + BODY)
    b = _missing(None, "# Cache outage on the 3rd (draft)" + BODY)
    assert fingerprints(a, ".") == fingerprints(b, ".")
