"""One text per rule, in the ruff manner; it feeds `blamelint explain`, the
docs/rules pages and SARIF help."""
from __future__ import annotations

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
        f"## Configuration\n\nTurn it off with `ignore = [\"{card.id}\"]` under `[tool.blamelint]`, "
        f"or change its severity with `severity = {{ \"{card.id}\" = \"note\" }}`. "
        f"Suppress it in a document with `<!-- blamelint-disable-next-line {card.id} -->`."
    )
    return "\n\n".join(parts) + "\n"


def help_text(card: RuleCard) -> str:
    d = card.docs
    text = (f"{card.id}: {card.summary}\n\nWhat it does:\n{d.what.strip()}\n\nWhy is this bad?\n{d.why.strip()}\n\n"
            f"Example:\n    {d.example.strip()}\n\nUse instead:\n    {d.use_instead.strip()}\n")
    if d.known_problems:
        text += f"\nKnown problems:\n{d.known_problems.strip()}\n"
    return text
