"""HTML exports (Confluence, Google Docs, rendered Markdown) -> the document model."""

from __future__ import annotations

import pytest

from blamelint.document.load import UnreadableInput, decode
from blamelint.document.suppress import find_suppressions
from blamelint.postmortem.load import parse_bytes, parse_source
from tests.fuzz.invariants import assert_block_maps_to_source


def _doc(html: str):
    document = parse_source("export.html", html)
    assert_block_maps_to_source(document)
    return document


def _kinds(html: str):
    return [(b.kind, b.text) for b in _doc(html).blocks]


def test_blocks_and_their_kinds():
    doc = _doc("""<html><head><title>Postmortem: the root cause</title>
<style>.c1 { color: red }</style><script>var rootCause = "human error";</script></head>
<body><h1>Incident 42</h1><h2>Summary</h2>
<p>The deploy   started
   at 14:02.</p>
<blockquote><p>Quoted words.</p></blockquote>
<ul><li>First item</li><li><p>Second item</p><ol><li>nested</li></ol>tail of second</li></ul>
<table><thead><tr><th>Owner</th><th>Due</th></tr></thead>
<tbody><tr><td>@dana</td><td><p>2027-01-15</p></td></tr></tbody></table>
<pre>The root cause was human error.</pre>
<div>Loose text in a div</div>
</body></html>""")
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds == [
        ("heading", "Incident 42"),
        ("heading", "Summary"),
        ("paragraph", "The deploy started at 14:02."),
        ("blockquote", "Quoted words."),
        ("list_item", "First item"),
        ("list_item", "Second item"),
        ("list_item", "nested"),
        ("list_item", "tail of second"),
        ("table_cell", "Owner"),
        ("table_cell", "Due"),
        ("table_cell", "@dana"),
        ("table_cell", "2027-01-15"),
        ("paragraph", "Loose text in a div"),
    ]
    by_text = {b.text: b for b in doc.blocks}
    assert [h.text for h in by_text["The deploy started at 14:02."].headings] == ["Incident 42", "Summary"]
    assert by_text["Quoted words."].quoted
    assert by_text["Second item"].item == by_text["tail of second"].item != by_text["nested"].item
    assert (by_text["nested"].list_depth, by_text["nested"].ordered) == (2, True)
    assert (by_text["First item"].list_depth, by_text["First item"].ordered) == (1, False)
    assert [(by_text[t].row, by_text[t].column) for t in ("Owner", "Due", "@dana", "2027-01-15")] == [
        (0, 0),
        (0, 1),
        (1, 0),
        (1, 1),
    ]
    assert by_text["Owner"].table == by_text["@dana"].table
    assert by_text["Incident 42"].line == 3 and by_text["The deploy started at 14:02."].line == 4


def test_implied_end_tags():
    assert _kinds("<p>one<p>two<div>three</div>four") == [
        ("paragraph", "one"),
        ("paragraph", "two"),
        ("paragraph", "three"),
        ("paragraph", "four"),
    ]
    assert _kinds("<ul><li>a<li>b<ul><li>c</ul><li>d</ul>") == [
        ("list_item", "a"),
        ("list_item", "b"),
        ("list_item", "c"),
        ("list_item", "d"),
    ]
    doc = _doc("<table><tr><td>a<td>b<tr><td>c<td>d</table><p>after")
    assert [(b.text, b.row, b.column) for b in doc.blocks if b.kind == "table_cell"] == [
        ("a", 0, 0),
        ("b", 0, 1),
        ("c", 1, 0),
        ("d", 1, 1),
    ]
    assert doc.blocks[-1].kind == "paragraph"


def test_nested_tables_keep_their_own_counts():
    doc = _doc("<table><tr><td>outer<table><tr><td>inner</td></tr></table></td><td>right</td></tr></table>")
    cells = {b.text: (b.table, b.row, b.column) for b in doc.blocks}
    assert cells["outer"][0] == cells["right"][0] != cells["inner"][0]
    assert cells["right"][1:] == (0, 1) and cells["inner"][1:] == (0, 0)


@pytest.mark.parametrize(
    "html, expected",
    [
        (
            '<ul><li><input type="checkbox" checked> Add an alert</li><li><input type=checkbox> Fix it</li></ul>',
            [("Add an alert", True), ("Fix it", False)],
        ),
        (
            '<ul class="inline-task-list"><li class="checked" data-inline-task-id="1">Done</li>'
            '<li data-inline-task-id="2">Open</li></ul>',
            [("Done", True), ("Open", False)],
        ),
        (
            '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox"'
            " disabled checked> Shipped</li></ul>",
            [("Shipped", True)],
        ),
        (
            "<ul><li>[x] Typed done</li><li>[ ] Typed open</li><li>Plain</li></ul>",
            [("Typed done", True), ("Typed open", False), ("Plain", None)],
        ),
        ('<ul><li role="checkbox" aria-checked="true">Aria done</li></ul>', [("Aria done", True)]),
    ],
)
def test_checklists(html, expected):
    assert [(b.text, b.checked) for b in _doc(html).blocks] == expected


def test_bold_lines_are_section_headings():
    doc = _doc("""<head><style>.c7{font-weight:700;color:#000} .c2{font-style:italic}</style></head>
<h1>Incident</h1><p><b>Impact</b></p><p>Users saw errors.</p>
<p><span class="c7">What went well</span></p><p>Alerts fired.</p>
<p><span style="font-weight: bold">Timeline</span></p><p><b>Bold</b> start of a sentence.</p>
<p><span class="c2">Italic line</span></p>""")
    headings = [(b.text, b.level, b.pseudo_heading) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Incident", 1, False),
        ("Impact", 2, True),
        ("What went well", 2, True),
        ("Timeline", 2, True),
    ]
    assert next(b for b in doc.blocks if b.text == "Alerts fired.").section.text == "What went well"


def test_code_is_masked_and_code_blocks_are_skipped():
    doc = _doc(
        "<p>Run <code>kubectl rollout undo</code> now.</p><pre>root cause</pre>"
        "<p><kbd>Ctrl</kbd>+<kbd>C</kbd></p>"
    )
    block = doc.blocks[0]
    assert block.text == "Run kubectl rollout undo now."
    start = block.text.index("kubectl")
    assert block.is_masked(start, start + 7) and not block.is_masked(0, 3)
    assert all("root cause" not in b.text for b in doc.blocks)
    assert doc.blocks[1].masked == [(0, 4), (5, 6)]  # "Ctrl+C": the two keys, not the '+'
    assert _doc("<p><code>a</code><code>b</code> <tt>c</tt></p>").blocks[0].masked == [(0, 2), (3, 4)]


def test_entities_breaks_and_whitespace_map_back_to_the_source():
    source = "<p>AT&amp;T&nbsp;said &lt;hi&gt; &#8212; &#x1F600;\n  &bogus; &amp</p><p>14:02 start<br>14:05 done<br/>and more</p>"
    doc = _doc(source)
    assert doc.blocks[0].text == "AT&T said <hi> \u2014 \U0001f600 &bogus; &"
    amp = doc.blocks[0].text.index("&")
    assert source[doc.blocks[0].offsets[amp] :].startswith("&amp;")
    assert doc.blocks[1].text == "14:02 start\n14:05 done and more"


def test_suppression_comments_count_outside_code_only():
    source = (
        "<p>one</p>\n<!-- blamelint-disable-next-line blame -->\n<p>The root cause was human error.</p>\n"
        "<pre>\n<!-- blamelint-disable-file -->\n</pre>\n"
    )
    doc = _doc(source)
    found = find_suppressions(doc)
    assert found.suppresses("blame", 3) and not found.suppresses("blame", 1)
    assert not found.file_rules
    assert {4, 5, 6} <= set(doc.code_lines)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<!-- only a comment -->",
        "<!DOCTYPE html>",
        "<p>",
        "</p></div></li>",
        "<p/>text<div/>more",
        "<<<>>>",
        "a < b and c > d",
        "<p a=1 b='2' c=\"3\" d>x",
        "<![CDATA[raw]]>",
        "<?xml version='1.0'?><p>x",
        "<script>",
        "<style>never closed",
        "<pre>never closed\n\nThe root cause",
        "<title>x",
        "&#",
        "&#x;",
        "&",
        "<p>&#xD800; &#0; &#x110000; &#99999999;</p>",
        "<svg><p>inside svg</p></svg><p>out</p>",
        "<table><td>cell without row</td></table>",
        "<td>cell without table</td>",
        "<li>item without list",
        "<b><p>mis</b>nested</p>",
        "<br><br></br>text",
        "<ul>" * 300 + "deep",
        "<h1><h2>heads</h1></h2>",
    ],
)
def test_malformed_html_never_raises(html):
    _doc(html)


def test_rendered_markdown_and_its_source_give_the_same_text():
    markdown = "# Incident\n\nThe *config* was changed at `14:02`.\n\n- [x] Add an alert\n"
    rendered = (
        "<h1>Incident</h1>\n<p>The <em>config</em> was changed at <code>14:02</code>.</p>\n"
        '<ul class="contains-task-list">\n<li class="task-list-item"><input type="checkbox" checked disabled>'
        " Add an alert</li>\n</ul>\n"
    )
    md_doc, html_doc = parse_source("pm.md", markdown), _doc(rendered)
    assert [(b.kind, b.text, b.masked, b.checked) for b in md_doc.blocks] == [
        (b.kind, b.text, b.masked, b.checked) for b in html_doc.blocks
    ]


def test_declared_encoding_is_used_when_the_file_is_not_utf8():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><p>Caf\xe9 \u201cquoted\u201d</p>'
    doc = parse_bytes("old.html", page.encode("cp1252"))
    assert doc.blocks[0].text == "Caf\xe9 \u201cquoted\u201d"  # latin-1 labels mean windows-1252
    with pytest.raises(UnreadableInput, match="not valid UTF-8"):
        decode(page.encode("cp1252"))  # not HTML: no declaration is looked for
    with pytest.raises(UnreadableInput, match="not valid UTF-8"):
        parse_bytes("x.html", b'<meta charset="no-such-codec"><p>\xff</p>')
    utf8 = '<meta charset="windows-1252"><p>Caf\xe9</p>'.encode()
    assert parse_bytes("x.html", utf8).blocks[0].text == "Caf\xe9"  # valid UTF-8 wins
