"""Hypothesis strategies: Markdown, plain text and HTML postmortems, hostile on purpose.

Documents are built from the constructs that move positions around: escapes,
entities, code spans, emphasis, links and images, raw HTML, hard and soft breaks,
nested quotes and lists, tables, fences, front matter, and text in several
scripts (accents, combining marks, astral-plane emoji, CJK, right-to-left).
Sentences that trip the rules are mixed in so findings actually occur.
"""

from __future__ import annotations

import os

from hypothesis import strategies as st

SCALE = float(os.environ.get("BLAMELINT_FUZZ_SCALE", "1"))
"""Multiplies every fuzz test's number of examples (e.g. 20 for a long hunt)."""


DERANDOMIZE = os.environ.get("CI", "").lower() not in ("", "0", "false")
"""In CI (``CI`` set, as .ci/run and most CI services do) every fuzz test runs the same
examples each time, so a merge is not failed by a search's luck; a local run searches
anew each time (and a long hunt sets BLAMELINT_FUZZ_SCALE)."""


def examples(count: int) -> int:
    return max(1, int(count * SCALE))


WORDS = [
    "the",
    "config",
    "was",
    "changed",
    "at",
    "14:02",
    "deploy",
    "root",
    "cause",
    "human",
    "error",
    "should",
    "have",
    "checked",
    "rolled",
    "back",
    "Bob",
    "careless",
    "alert",
    "ignored",
    "We",
    "restarted",
    "pods",
    "latency",
    "rose",
    "Ünïcödé",
    "café",
    "e\u0301t\u00e9",
    "n\u0303o",
    "🙂",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "日本語",
    "עברית",
    "x\u200dy",
]
FLAGGED = [
    "The config was changed at 14:02.",
    "The root cause was human error.",
    "Bob should have checked the dashboard.",
    "The alert was ignored.",
    "The change got reverted.",
    "This was human error.",
    "The engineer failed to follow the runbook.",
]
ENTITIES = [
    "&amp;",
    "&lt;",
    "&gt;",
    "&copy;",
    "&#123;",
    "&#x1F600;",
    "&nbsp;",
    "&bogus;",
    "&#0;",
    "&quot;",
    "&AMP;",
    "&#xD800;",
    "&",
]
ESCAPES = ["\\*", "\\\\", "\\[", "\\]", "\\&", "\\`", "\\_", "\\#", "\\|", "\\<", "\\a"]
HTML_INLINE = [
    "<b>",
    "</b>",
    '<span class="x">',
    "</span>",
    "<br>",
    "<!-- blamelint-disable -->",
    "<!-- blamelint-enable -->",
    "<!-- note -->",
    '<a href="x">',
]

word = st.sampled_from(WORDS)


plain_phrase = st.lists(word, min_size=1, max_size=6).map(" ".join)


@st.composite
def inline(draw, depth: int = 0) -> str:
    """One line of inline Markdown (no line breaks)."""
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 13))
        if kind <= 3:
            parts.append(draw(plain_phrase))
        elif kind == 4:
            parts.append(draw(st.sampled_from(FLAGGED)))
        elif kind == 5:
            ticks = draw(st.sampled_from(["`", "``"]))
            body = draw(st.sampled_from(["code", "a ` b", " spaced ", "x\\*y", "&amp;", "root cause"]))
            parts.append(f"{ticks}{body}{ticks}")
        elif kind == 6 and depth < 2:
            mark = draw(st.sampled_from(["*", "**", "_", "__", "***"]))
            parts.append(f"{mark}{draw(inline(depth + 1))}{mark}")
        elif kind == 7:
            parts.append(draw(st.sampled_from(ESCAPES)))
        elif kind == 8:
            parts.append(draw(st.sampled_from(ENTITIES)))
        elif kind == 9 and depth < 2:
            label = draw(inline(depth + 1)).replace("[", "").replace("]", "")
            target = draw(
                st.sampled_from(
                    [
                        "(http://x.test/changed)",
                        '(<a b> "title was changed")',
                        "(x 'the config was changed')",
                        "[ref]",
                        "[]",
                        "",
                        "(url(with)parens)",
                    ]
                )
            )
            parts.append(f"[{label}]{target}")
        elif kind == 10:
            alt = draw(plain_phrase)
            parts.append(
                draw(
                    st.sampled_from(
                        [f"![{alt}](img.png)", f'![{alt}](i.png "the root cause")', "![a [b] c](x)"]
                    )
                )
            )
        elif kind == 11:
            parts.append(
                draw(st.sampled_from(["<http://x.test/%C3%A9>", "<mailto:a@b.c>", "<https://a.b/c>"]))
            )
        elif kind == 12:
            parts.append(draw(st.sampled_from(HTML_INLINE)))
        else:
            parts.append(
                draw(
                    st.text(
                        alphabet=st.sampled_from(list("*_`[]()<>!&#;\\|~ -abc") + ["é", "🙂"]),
                        min_size=1,
                        max_size=8,
                    )
                )
            )
    return draw(st.sampled_from([" ", "", "  "])).join(parts)


@st.composite
def paragraph(draw, depth: int = 0) -> str:
    lines = draw(st.lists(inline(depth), min_size=1, max_size=2 if depth else 3))
    breaks = [draw(st.sampled_from(["\n", "  \n", "\\\n", "\n   "])) for _ in lines[1:]]
    out = lines[0]
    for brk, line in zip(breaks, lines[1:]):
        out += brk + line
    return out


@st.composite
def block(draw, depth: int = 0) -> str:
    kind = draw(st.integers(0, 12 if depth < 2 else 6))
    if kind <= 2:
        return draw(paragraph(depth))
    if kind == 3:
        level = draw(st.integers(1, 6))
        text = draw(inline(depth))
        return draw(
            st.sampled_from(
                [
                    f"{'#' * level} {text}",
                    f"{'#' * level} {text} {'#' * level}",
                    f"{text}\n{'=' * 3}",
                    f"{text}\n---",
                ]
            )
        )
    if kind == 4:
        info = draw(st.sampled_from(["", "python", "md"]))
        body = draw(st.sampled_from(FLAGGED))
        return draw(
            st.sampled_from([f"```{info}\n{body}\n```", f"~~~\n{body}\n~~~", f"    {body}", f"```\n{body}"])
        )
    if kind == 5:
        cells = draw(st.lists(inline(2).map(lambda s: s.replace("\n", " ")), min_size=1, max_size=3))
        header = "| " + " | ".join(cells) + " |"
        rule = "|" + "|".join("---" for _ in cells) + "|"
        rows = [header, rule]
        for _ in range(draw(st.integers(0, 3))):
            row = draw(st.lists(inline(2), min_size=len(cells), max_size=len(cells)))
            rows.append("| " + " | ".join(row) + " |")
        return "\n".join(rows)
    if kind == 6:
        return draw(
            st.sampled_from(
                [
                    "---",
                    "***",
                    "<div>\nThe config was changed.\n</div>",
                    '[ref]: http://x.test "the root cause"',
                    "<!-- blamelint-disable-next-line -->",
                    "<!--\nThe root cause was human error.\n-->",
                ]
            )
        )
    if kind <= 9:
        marker = draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "2) ", "- [ ] ", "- [x] ", "* [X] "]))
        indent = " " * len(marker.split("[")[0])
        items = []
        for _ in range(draw(st.integers(1, 2))):
            body = draw(block(depth + 1))
            lines = body.split("\n")
            items.append(
                marker + lines[0] + "".join("\n" + indent + line if line else "\n" for line in lines[1:])
            )
        return "\n".join(items)
    body = draw(block(depth + 1))
    lazy = draw(st.booleans())
    lines = body.split("\n")
    return "\n".join(("> " + line) if (i == 0 or not lazy) else line for i, line in enumerate(lines))


@st.composite
def markdown_document(draw) -> str:
    parts = []
    if draw(st.integers(0, 4)) == 0:
        parts.append(
            draw(st.sampled_from(["---\ntitle: The root cause\n---", "---\n: bad: [yaml\n---", "---\n---"]))
        )
    parts.extend(draw(st.lists(block(), min_size=1, max_size=5)))
    text = "\n\n".join(parts) + draw(st.sampled_from(["\n", "", "\n\n"]))
    return draw(line_endings(text))


@st.composite
def line_endings(draw, text: str) -> str:
    style = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return text.replace("\n", style)


@st.composite
def plain_text_document(draw) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            paragraphs.append(draw(st.sampled_from(["SUMMARY", "Impact:", "1. Timeline", "What went well"])))
        elif kind == 1:
            lines = [
                draw(st.sampled_from(["- ", "* ", "• ", "1. ", "- [ ] ", "- [x] "])) + draw(plain_phrase)
                for _ in range(draw(st.integers(1, 3)))
            ]
            paragraphs.append("\n".join(lines))
        elif kind == 2:
            paragraphs.append("\n".join(f"14:{m:02d} " + draw(st.sampled_from(FLAGGED)) for m in range(3)))
        else:
            lines = draw(st.lists(st.one_of(plain_phrase, st.sampled_from(FLAGGED)), min_size=1, max_size=3))
            paragraphs.append("\n".join(("  " if draw(st.booleans()) else "") + line for line in lines))
    text = draw(st.sampled_from(["\n\n", "\n \n", "\n\n\n"])).join(paragraphs) + "\n"
    return draw(line_endings(text))


HTML_ENTITIES = [*ENTITIES, "&amp", "&#39;", "&#x110000;"]  # no terminating ";", beyond Unicode


@st.composite
def html_inline(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.integers(0, 8))
        if kind <= 2:
            parts.append(draw(plain_phrase))
        elif kind == 3:
            parts.append(draw(st.sampled_from(FLAGGED)))
        elif kind == 4:
            parts.append(draw(st.sampled_from(HTML_ENTITIES)))
        elif kind == 5 and depth < 2:
            tag = draw(st.sampled_from(["b", "strong", "em", "span", "a", "code", "i"]))
            attrs = draw(st.sampled_from(["", ' class="x"', " href='#changed'", ' style="font-weight:700"']))
            parts.append(f"<{tag}{attrs}>{draw(html_inline(depth + 1))}</{tag}>")
        elif kind == 6:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "<br>",
                            "<br/>",
                            "<img src=x alt='the root cause'>",
                            "<wbr>",
                            "<!-- c -->",
                            "\n",
                            "\n   ",
                            "<script>The root cause</script>",
                        ]
                    )
                )
            )
        elif kind == 7:
            parts.append(draw(st.sampled_from(["x < y", "a > b", "</p>", "<p", "<", "&#", "<!x>", "<?pi?>"])))
        else:
            parts.append(
                draw(
                    st.text(
                        alphabet=st.sampled_from(list("<>&;#/ =\"'abc\n\t") + ["é", "🙂"]),
                        min_size=1,
                        max_size=8,
                    )
                )
            )
    return draw(st.sampled_from([" ", ""])).join(parts)


@st.composite
def html_block(draw, depth: int = 0) -> str:
    kind = draw(st.integers(0, 9 if depth < 3 else 4))
    if kind <= 1:
        return f"<p>{draw(html_inline())}</p>"
    if kind == 2:
        level = draw(st.integers(1, 6))
        return f"<h{level}>{draw(html_inline())}</h{level}>"
    if kind == 3:
        return draw(
            st.sampled_from(
                [
                    "<pre>The root cause was human error.</pre>",
                    "<style>p { color: red }</style>",
                    "<script>if (a < b) { x = '</p>'; }</script>",
                    "<p>unclosed paragraph",
                    "<div>" + draw(html_inline()) + "</div>",
                ]
            )
        )
    if kind == 4:
        return draw(html_inline())
    if kind <= 6:
        tag = draw(st.sampled_from(["ul", "ol"]))
        items = []
        for _ in range(draw(st.integers(1, 3))):
            box = draw(st.sampled_from(["", '<input type="checkbox"> ', "<input type=checkbox checked> "]))
            close = draw(st.sampled_from(["</li>", ""]))
            items.append(f"<li>{box}{draw(st.one_of(html_inline(), html_block(depth + 1)))}{close}")
        return f"<{tag}>" + "\n".join(items) + f"</{tag}>"
    if kind == 7:
        rows = []
        for r in range(draw(st.integers(1, 3))):
            cell = "th" if r == 0 else "td"
            cells = "".join(
                f"<{cell}>{draw(html_inline(2))}</{cell}>" for _ in range(draw(st.integers(1, 3)))
            )
            rows.append(f"<tr>{cells}</tr>")
        return "<table>" + "\n".join(rows) + "</table>"
    return f"<blockquote>{draw(html_block(depth + 1))}</blockquote>"


@st.composite
def html_document(draw) -> str:
    body = "\n".join(draw(st.lists(html_block(), min_size=1, max_size=6)))
    wrapper = draw(
        st.sampled_from(
            [
                "{}",
                "<html><head><title>The root cause</title></head><body>{}</body></html>",
                "<!DOCTYPE html>\n<html>\n<body>\n{}\n</body>\n</html>\n",
            ]
        )
    )
    return draw(line_endings(wrapper.replace("{}", body)))
