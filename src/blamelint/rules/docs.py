"""One text per rule, in the ruff manner; it feeds `blamelint explain`, the
docs/rules pages and SARIF help."""

from __future__ import annotations

import re
import textwrap

from blamelint.rules.base import RuleCard


def help_markdown(card: RuleCard) -> str:
    d = card.docs
    parts = [
        f"# {card.id} ({card.name})",
        f"Default severity: **{card.severity.value}**. Scope: {card.scope}.",
        f"## What it does\n\n{d.what.strip()}",
        f"## Why is this bad?\n\n{d.why.strip()}",
        f"## Example\n\n```markdown\n{d.example.strip()}\n```",
        f"## Use instead\n\n```markdown\n{d.use_instead.strip()}\n```",
    ]
    if d.known_problems:
        parts.append(f"## Known problems\n\n{d.known_problems.strip()}")
    if d.severity:
        parts.append(f"## Default severity\n\n{d.severity.strip()}")
    parts.append(
        f'## Configuration\n\nTurn it off with `ignore = ["{card.id}"]` under `[tool.blamelint]`, '
        f'or change its severity with `severity = {{ "{card.id}" = "note" }}`. '
        f"Suppress it in a document with `<!-- blamelint-disable-next-line {card.id} -->`."
    )
    return "\n\n".join(parts) + "\n"


def help_text(card: RuleCard) -> str:
    d = card.docs
    text = (
        f"{card.id}: {card.summary}\n\nWhat it does:\n{d.what.strip()}\n\n"
        f"Why is this bad?\n{d.why.strip()}\n\n"
        f"Example:\n    {d.example.strip()}\n\nUse instead:\n    {d.use_instead.strip()}\n"
    )
    if d.known_problems:
        text += f"\nKnown problems:\n{d.known_problems.strip()}\n"
    return text


DATA_FILE = re.compile(r"(?:rules/data/)?\b([a-z][a-z0-9-]*)\.yaml\b")


def _plain(text: str) -> str:
    """Prose for a reader of the installed package: the data files a checkout has
    ("rules/data/states.yaml") become the word lists they hold."""
    return DATA_FILE.sub(lambda m: f"blamelint's {m.group(1).replace('-', ' ')} list", text)


def _paragraphs(text: str, width: int, indent: str = "  ") -> list[str]:
    """Each paragraph of a card's Markdown, wrapped for a terminal: a fenced code block is
    shown as its lines, indented, without the fences; a list item ("- ") starts its own
    wrapped line."""
    out = []
    for para in _plain(text).strip().split("\n\n"):
        lines = para.split("\n")
        if lines[0].lstrip().startswith("```"):
            code = [line for line in lines[1:] if not line.lstrip().startswith("```")]
            out.append("\n".join(indent + "  " + line.strip() for line in code))
            continue
        items: list[list[str]] = []
        for line in lines:
            if not items or line.lstrip().startswith("- "):
                items.append([])
            items[-1].append(line)
        out.append("\n".join(_wrapped(" ".join(" ".join(item).split()), width, indent) for item in items))
    return out


def _wrapped(text: str, width: int, indent: str) -> str:
    if text.startswith("- "):
        return textwrap.fill(
            text[2:], width=width, initial_indent=indent + "- ", subsequent_indent=indent + "  "
        )
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def help_terminal(card: RuleCard, width: int = 88, bold=lambda s: s) -> str:
    """`blamelint explain` for a terminal: the summary, the example and what to write
    instead first; then why, what exactly is flagged, known problems, configuration."""
    d = card.docs
    example = textwrap.indent(d.example.strip(), "    ")
    instead = textwrap.indent(d.use_instead.strip(), "    ")
    lines = [
        f"{bold(card.id)} ({card.severity.value}, {card.scope})",
        *_paragraphs(card.summary, width),
        "",
        bold("  Example:"),
        example,
        "",
        bold("  Use instead:"),
        instead,
        "",
        bold("Why it matters"),
        *_paragraphs(d.why, width),
        "",
        bold("What it flags"),
        *"\n\n".join(_paragraphs(d.what, width)).split("\n"),
        "",
    ]
    if d.known_problems:
        lines += [bold("Known problems"), *"\n\n".join(_paragraphs(d.known_problems, width)).split("\n"), ""]
    if d.severity:
        lines += [bold("Default severity"), *_paragraphs(d.severity, width), ""]
    lines += [
        bold("Configuration"),
        *_paragraphs(
            f'Turn it off with ignore = ["{card.id}"] under [tool.blamelint], or change its severity with '
            f'severity = {{ "{card.id}" = "note" }}. Silence one line with '
            f"<!-- blamelint-disable-next-line {card.id} --> above it.",
            width,
        ),
    ]
    return "\n".join(lines) + "\n"
