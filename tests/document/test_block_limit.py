"""Markdown documents of very many tiny blocks (or lines) are refused before markdown-it has
spent memory on them; documents under the limits are read exactly as without them."""

from __future__ import annotations

from pathlib import Path

import pytest

import blamelint.document.markdown as markdown
import blamelint.document.model as model
from blamelint.document.load import UnreadableInput
from blamelint.document.markdown import parse_markdown

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 200

SHAPES = {
    "paragraphs": lambda n: "a\n\n" * n,
    "list items": lambda n: "- a\n" * n,
    "ordered items": lambda n: "1. a\n" * n,
    "nested items": lambda n: "- a\n  - b\n" * (n // 2),
    "headings": lambda n: "# a\n" * n,
    "quotes": lambda n: "> a\n\n" * n,
    "table rows": lambda n: "|a|\n|-|\n" + "|a|\n" * (n - 1),
    "table columns": lambda n: (
        "|" + "a|" * (n // 2) + "\n|" + "-|" * (n // 2) + "\n|" + "a|" * (n // 2) + "\n"
    ),
    "cells in a list": lambda n: "- |a|b|\n  |-|-|\n" + "  |a|b|\n" * (n // 2 - 1),
}


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(model, "MAX_BLOCKS", LIMIT)


def _signature(document) -> list[tuple]:
    return [
        (
            b.kind,
            b.text,
            list(b.offsets),
            b.line,
            b.level,
            b.item,
            b.list_depth,
            b.ordered,
            b.quoted,
            b.table,
            b.row,
            b.column,
            b.checked,
            b.pseudo_heading,
            b.masked,
        )
        for b in document.blocks
    ]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_document_at_the_limit_is_read_with_exact_positions(small_limit, shape):
    source = SHAPES[shape](LIMIT)
    document = parse_markdown("x.md", source)
    assert len(document.blocks) == LIMIT
    for block in document.blocks:
        assert block.text in ("a", "b")
        assert source[block.offsets[0]] == block.text
        assert document.position(block.offsets[0])[0] == block.line


@pytest.mark.parametrize("shape", SHAPES)
def test_a_document_past_the_limit_is_refused_naming_the_limit(small_limit, shape):
    with pytest.raises(UnreadableInput, match=f"more than {LIMIT} blocks of text"):
        parse_markdown("x.md", SHAPES[shape](LIMIT + 2))


def test_refused_early_not_after_every_token_is_made(small_limit, monkeypatch):
    """The count stops the block parse itself: 20,000 paragraphs are never all tokenised."""
    made = []
    parser = markdown._parser()
    original = parser.block.ruler.__rules__[parser.block.ruler.__find__("paragraph")].fn

    def counting(state, start, end, silent):
        made.append(start)
        return original(state, start, end, silent)

    monkeypatch.setattr(
        parser.block.ruler.__rules__[parser.block.ruler.__find__("paragraph")], "fn", counting
    )
    parser.block.ruler.__cache__ = None
    try:
        with pytest.raises(UnreadableInput):
            parse_markdown("x.md", "a\n\n" * 20_000)
    finally:
        parser.block.ruler.__cache__ = None
    limit = model.block_limit(3 * 20_000)
    assert limit < 20_000 and limit < len(made) <= limit + 2


def test_too_many_lines_are_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(markdown, "MAX_LINES", 1000)
    parse_markdown("x.md", "a\n" * 1000)
    parse_markdown("x.md", "a\n" * 1000 + "x" * 16 * 2000)  # one line per CHARS_PER_LINE characters
    parse_markdown("x.md", "a\n" + "\n" * 10_000 + "b\n")  # blank runs count as two lines
    with pytest.raises(UnreadableInput, match="more than 1,000 lines"):
        parse_markdown("x.md", "a\n" * 1001)


def test_a_paragraph_too_long_for_inline_parsing_keeps_exact_positions(monkeypatch):
    monkeypatch.setattr(markdown, "MAX_INLINE", 50)
    source = "Intro.\n\n> one *two* \\three &amp; four\n> 14:05 next entry\n> last `x` line  \n\nEnd.\n"
    document = parse_markdown("x.md", source)
    block = document.blocks[1]
    assert block.text == "one *two* \\three &amp; four\n14:05 next entry last `x` line"
    for char, offset in zip(block.text, block.offsets, strict=True):
        assert source[offset] == char or (char in " \n" and source[offset] == "\n")
    assert [b.text for b in document.blocks[::2]] == ["Intro.", "End."]


def _vanilla_parser():
    """markdown-it as configured by blamelint, without the block-limit rules."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = (
        MarkdownIt("commonmark", {"html": True, "maxNesting": markdown.MAX_NESTING})
        .enable("table")
        .use(front_matter_plugin)
    )
    md.core.ruler.disable(["inline", "text_join"])
    return md


def _documents() -> list[Path]:
    paths = sorted((ROOT / "corpora").rglob("*.md"))
    assert len(paths) > 40
    return paths


GENERATED = [
    "Para\n|a|b|\n|-|-|\n|c|d|\n\nText\n\n- x\n  |a|\n  |-|\n  |b|\n",  # tables interrupting a paragraph
    "| h |\n| - |\n| a | b |\n| c\n\n> |q|\n> |-|\n> |r|\n",
    "- a\n- b\n\n  c\n1. d\n   # e\n",
]


def test_ordinary_documents_read_the_same_with_and_without_the_limit(monkeypatch):
    sources = [p.read_text(encoding="utf-8") for p in _documents()] + GENERATED
    limited = [_signature(parse_markdown("x.md", s)) for s in sources]
    monkeypatch.setattr(markdown, "_parser", _vanilla_parser)
    plain = [_signature(parse_markdown("x.md", s)) for s in sources]
    assert limited == plain


@pytest.mark.parametrize(("unit", "name"), [("a\n\n", "x.txt"), ("Impact\n\n", "x.txt"), ("a\n\n", "x.md")])
def test_text_documents_have_the_same_limit(small_limit, unit, name):
    from blamelint.document.load import parse_source

    assert len(parse_source(name, unit * LIMIT).blocks) == LIMIT
    with pytest.raises(UnreadableInput, match=f"more than {LIMIT} blocks of text"):
        parse_source(name, unit * (LIMIT + 1))


def test_html_blocks_are_not_limited(small_limit):
    from blamelint.document.load import parse_source

    assert len(parse_source("x.html", "<p>a</p>" * (LIMIT * 3)).blocks) == LIMIT * 3


@pytest.mark.parametrize("name", ["x.md", "x.txt"])
def test_the_limit_grows_with_the_document(small_limit, name):
    """One block per BYTES_PER_BLOCK characters is allowed past the fixed limit."""
    from blamelint.document.load import parse_source

    width = model.BYTES_PER_BLOCK
    unit = "x" * (width - 2) + "\n\n"
    count = LIMIT * 3
    assert model.block_limit(len(unit) * count) == count
    assert len(parse_source(name, unit * count).blocks) == count
    denser = unit * count + "a\n\n" * (LIMIT // 2)  # 100 blocks more, 300 characters more
    with pytest.raises(UnreadableInput, match=f"more than {model.block_limit(len(denser)):,} blocks"):
        parse_source(name, denser)
