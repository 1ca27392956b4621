"""The document model: Markdown and text to blocks with exact source positions."""

from blamelint.postmortem.load import parse_source

MD = """---
title: The root cause was human error
---
Incident 7
==========

## Summary

We *changed* the [config](http://example.com/root-cause) at `14:02` \\* today &amp; more.
It wrapped here.

```
The root cause was human error.
```

    indented code: root cause

| Owner | Due |
|-------|-----|
| @dana | 2027-01-15 |

- [ ] Add an alert (@sam)
  - nested item
- [x] Done item

> Quoted words here.

**What went well**

<!-- a comment -->
"""


def _blocks(text, path="t.md"):
    return parse_source(path, text)


def test_kinds_and_headings():
    doc = _blocks(MD)
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert ("heading", "Incident 7") in kinds
    assert ("heading", "Summary") in kinds
    assert ("table_cell", "@dana") in kinds
    assert ("list_item", "Add an alert (@sam)") in kinds
    assert ("list_item", "nested item") in kinds
    assert ("blockquote", "Quoted words here.") in kinds
    assert ("heading", "What went well") in kinds
    summary = next(b for b in doc.blocks if b.text.startswith("We"))
    assert [h.text for h in summary.headings] == ["Incident 7", "Summary"]


def test_code_front_matter_and_link_targets_are_not_text():
    doc = _blocks(MD)
    everything = "\n".join(b.text for b in doc.blocks)
    assert "human error" not in everything
    assert "indented code" not in everything
    assert "example.com" not in everything
    assert "comment" not in everything
    assert doc.front_matter == {"title": "The root cause was human error"}
    assert 14 in doc.code_lines and 2 in doc.code_lines


def test_inline_code_is_kept_but_masked():
    doc = _blocks(MD)
    block = next(b for b in doc.blocks if b.text.startswith("We"))
    start = block.text.index("14:02")
    assert block.is_masked(start, start + 5)
    assert not block.is_masked(0, 2)


def test_checkboxes():
    doc = _blocks(MD)
    items = {b.text: b.checked for b in doc.blocks if b.kind == "list_item"}
    assert items == {"Add an alert (@sam)": False, "nested item": None, "Done item": True}


def test_every_character_maps_to_the_same_source_character():
    doc = _blocks(MD)
    for block in doc.blocks:
        for ch, offset in zip(block.text, block.offsets):
            if ch in (" ", "\n") and doc.source[offset] == "\n":
                continue  # a line break inside a paragraph
            if ch in "*&":  # produced by an escape or an entity
                continue
            assert doc.source[offset] == ch, (block.text, ch, offset)


def test_positions_are_one_based_code_points():
    doc = _blocks("# Tête\n\nÇa 🙂 marche bien.\n")
    block = doc.blocks[1]
    start = block.text.index("marche")
    src_start, src_end = block.source_span(start, start + len("marche"))
    assert doc.position(src_start) == (3, 6)
    assert doc.source[src_start:src_end] == "marche"


def test_crlf_positions():
    doc = _blocks("# A\r\n\r\nThe config was changed.\r\n")
    block = doc.blocks[1]
    assert block.text == "The config was changed."
    assert doc.position(block.offsets[0]) == (3, 1)


def test_timeline_lines_become_separate_entries():
    doc = _blocks("14:05 Config change deployed\n14:10 Rollback started\n")
    assert doc.blocks[0].text == "14:05 Config change deployed\n14:10 Rollback started"
    doc = _blocks("A sentence that\nwraps onto a second line.\n")
    assert doc.blocks[0].text == "A sentence that wraps onto a second line."


def test_plain_text():
    doc = parse_source(
        "pm.txt", "SUMMARY\n\nThe config was changed.\nIt broke.\n\n- item one\n- [x] item two\n"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "SUMMARY"),
        ("paragraph", "The config was changed. It broke."),
        ("list_item", "item one"),
        ("list_item", "item two"),
    ]
    assert doc.blocks[3].checked is True
    assert doc.blocks[1].headings[0].text == "SUMMARY"


def test_table_cell_with_a_doubled_backslash_before_a_pipe_maps_to_source():
    # markdown-it's cell splitter reads the pipe of "\\|" as escaped and drops one
    # backslash, so the cell's text is not in the source as written: it stays masked
    # (never reported), and every character still points at one like it, in order.
    from tests.fuzz.invariants import assert_block_maps_to_source

    document = parse_source("pm.md", "a|b\n-|-\n;\\\\|1|\n")
    cell = [b for b in document.blocks if b.kind == "table_cell"][-1]
    assert cell.text == ";|1" and cell.masked == [(0, 3)]
    assert_block_maps_to_source(document)


def test_markup_after_a_doubled_backslash_pipe_is_found_after_it():
    # Found by the fuzz test: the masked text before an autolink was placed by
    # subsequence without moving the cursor, so the autolink's "<" was looked for
    # from the cell's start and found the first "<": offsets went backwards.
    from tests.fuzz.invariants import assert_block_maps_to_source

    document = parse_source("pm.md", "| < \\\\| <http://x.test/%C3%A9> |\n|---|\n")
    cell = [b for b in document.blocks if b.kind == "table_cell"][-1]
    assert cell.text.endswith("http://x.test/%C3%A9")
    assert list(cell.offsets) == sorted(cell.offsets)
    assert_block_maps_to_source(document)


def test_text_that_cannot_be_found_after_the_cursor_is_left_out():
    # Found by the fuzz test: an image opener around a code span and a link made
    # markdown-it's text impossible to place in order; each of its characters used
    # to point at one spot that held another character. Now what cannot be placed
    # is left out, and what is kept maps to itself, in order.
    from tests.fuzz.invariants import assert_block_maps_to_source

    document = parse_source("pm.md", "the\n\n![` the [`code`](http://x.test/changed) the\n")
    assert_block_maps_to_source(document)
