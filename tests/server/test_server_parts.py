"""The server's parts without a client: positions, the parse cache, parity with
`check`, and the edits of its code actions."""

from __future__ import annotations

import json

from lsprotocol import types

from blamelint.server.positions import UTF8, UTF16, UTF32, Lines, from_units, to_units

PARAGRAPHS = [
    "# Incident review: checkout errors",
    "## Summary",
    "The config change was deployed at 14:05 and errors rose.",
    "## Timeline",
    "- 14:05 — Config change deployed to prod.",
    "- 14:20 — The page was acknowledged.",
    "## Contributing factors",
    "The reviewer failed to notice the pool size.",
    "## What went well",
    "I rolled back the change within ten minutes.",
    "## Action items",
    "- Add a schema minimum for pool sizes (owner: Dana, due 2027-01-15)",
]


def test_utf16_columns_count_surrogate_pairs():
    line = "🚀部署 was run"
    col = line.index("was") + 1  # 1-based code points
    assert to_units(line, col, UTF16) == 1 * 2 + 2 + 1
    assert to_units(line, col, UTF32) == col - 1
    assert to_units(line, col, UTF8) == 4 + 3 * 2 + 1
    for enc in (UTF8, UTF16, UTF32):
        assert from_units(line, to_units(line, col, enc), enc) == col - 1
    assert from_units(line, 1, UTF16) == 0  # inside the surrogate pair: its start
    assert from_units(line, 999, UTF16) == len(line)
    lines = Lines("a\n🚀b\n")
    assert lines.position(2, 2) == (1, 2) and lines.column(1, 2) == 2


def test_parse_cache_reparses_only_the_edited_paragraph(make_linter):
    from blamelint.postmortem.load import parse_source
    from blamelint.server.session import ParseCache

    text = "\n\n".join(PARAGRAPHS) + "\n"
    plain = make_linter()
    cached = make_linter()
    cached.parse_cache = cache = ParseCache()
    cached.match_cache = ParseCache()
    calls = []
    real_pipe = cached.nlp.pipe

    class Counting:
        def pipe(self, tasks, **kw):
            tasks = list(tasks)
            calls.append(len(tasks))
            return real_pipe(tasks, **kw)

    cached._nlp = Counting()
    first = cached.lint_document(parse_source("pm.md", text))
    assert first == plain.lint_document(parse_source("pm.md", text))
    edited = text.replace("errors rose.", "errors rose sharply.")
    again = cached.lint_document(parse_source("pm.md", edited))
    assert calls == [len(PARAGRAPHS), 1]  # every block once, then only the edited one
    assert again == plain.lint_document(parse_source("pm.md", edited))
    assert cache.hits >= len(PARAGRAPHS) - 1
    # The same paragraphs under another heading: cached parses, but matches found afresh.
    moved = edited.replace("## Timeline", "## Notes").replace("- 14:05 — ", "- ")
    assert cached.lint_document(parse_source("pm.md", moved)) == plain.lint_document(
        parse_source("pm.md", moved)
    )
    present = "# Incident\n\n## Timeline\n\n- 14:05 Config is rolled back.\n"
    for text in (present, present.replace("Timeline", "How it works")):
        assert cached.lint_document(parse_source("t.md", text)) == plain.lint_document(
            parse_source("t.md", text)
        )


def test_server_findings_match_check(tmp_path, cli):
    from blamelint.server.session import Session

    path = tmp_path / "postmortems" / "pm.md"
    path.parent.mkdir()
    text = "\n\n".join(PARAGRAPHS) + "\n"
    path.write_text(text, encoding="utf-8")
    (tmp_path / ".blamelint.toml").write_text('severity = { blame = "warning" }\n', encoding="utf-8")
    result = Session().lint(path, text)
    assert result.error is None and result.findings
    out = cli("check", "--format", "json", "--no-cache", "postmortems/pm.md", cwd=tmp_path)
    report = json.loads(out.stdout)
    expected = [
        (f["rule"], f["severity"], f["location"]["line"], f["location"]["column"], f["message"])
        for f in report["findings"]
    ]
    got = [(f.rule, f.severity.value, f.location.line, f.location.column, f.message) for f in result.findings]
    assert got == expected
    assert any(r == ("blame", "warning") for r in ((g[0], g[1]) for g in got))


def test_session_reports_config_errors_and_excluded_files(tmp_path):
    from blamelint.server.session import Session

    (tmp_path / ".blamelint.toml").write_text('exclude = ["drafts/*"]\nfail-on = "sometimes"\n')
    result = Session().lint(tmp_path / "a.md", "The page was acknowledged.\n")
    assert result.error and ".blamelint.toml" in result.error and "fail-on" in result.error
    (tmp_path / ".blamelint.toml").write_text('exclude = ["drafts/*"]\n')
    (tmp_path / "drafts").mkdir()
    assert Session().lint(tmp_path / "drafts" / "a.md", "The page was acknowledged.\n").skipped


def _finding(line, column, rule="blame"):
    from blamelint.findings import Finding, Location, Severity

    loc = Location(path="a.md", line=line, column=column, end_line=line, end_column=column + 3)
    return Finding(rule=rule, severity=Severity.ERROR, message="m", location=loc, text="abc")


def test_suppression_edit_never_splits_a_block():
    from blamelint.server.features import code_actions

    text = (
        "Para one starts here\nand goes on with bad words.\n\n| a | b |\n|---|---|\n| x | bad |\n\n"
        "  Indented.\n"
    )
    lines = Lines(text)
    everything = types.Range(start=types.Position(0, 0), end=types.Position(99, 0))

    def edit_for(finding):
        (action,) = code_actions("file:///a.md", [finding], lines, everything)
        return action.edit.changes["file:///a.md"][0]

    top = edit_for(_finding(1, 1))
    assert top.new_text == "<!-- blamelint-disable-next-line blame -->\n" and top.range.start.line == 0
    middle = edit_for(_finding(2, 5))  # a paragraph's second line: a comment line would split it
    assert middle.new_text == " <!-- blamelint-disable-line blame -->"
    assert middle.range.start == types.Position(1, len("and goes on with bad words."))
    row = edit_for(_finding(6, 7))
    assert row.new_text.strip() == "<!-- blamelint-disable-line blame -->"
    indented = edit_for(_finding(8, 3))
    assert indented.new_text == "  <!-- blamelint-disable-next-line blame -->\n"


def test_session_reports_a_document_it_refuses_to_read(tmp_path, monkeypatch):
    import blamelint.document.model as model
    from blamelint.server.session import Session

    monkeypatch.setattr(model, "MAX_BLOCKS", 100)
    result = Session().lint(tmp_path / "a.md", "a\n\n" * 101)
    assert result.error and "a.md" in result.error and "more than 100 blocks" in result.error
    assert result.findings == []
