"""`blamelint init`: a commented config for this project, and how to run blamelint in
pre-commit and CI, with nothing asked that can be found out.

Where the postmortems are is found by looking: folders whose names say postmortem,
incident, RCA, outage or retrospective and that hold Markdown or text files (the
one with the most wins; others are listed). Nothing the user wrote is changed:
``.blamelint.toml`` is created only when it does not exist, and ``pyproject.toml``
is appended to only with ``--pyproject``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from blamelint.config import find_git_root, parse_config, tomllib
from blamelint.errors import BlamelintError

FOLDER_HINT = re.compile(
    r"post[-_ ]?mortems?|incidents?|\brcas?\b|outages?|retro(?:spective)?s?|\bpirs?\b", re.IGNORECASE
)
DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt")
SKIP = {"node_modules", "__pycache__", "site-packages", "venv"}
MAX_FOLDERS = 20_000
"""Folders looked at, at most (a huge monorepo is not walked to the end)."""


@dataclass
class Found:
    folder: str
    """'/'-separated, relative to the project root ('' for the root itself)."""
    files: int


def find_postmortem_folders(root: Path) -> list[Found]:
    """Folders named like postmortem archives, with how many documents each holds
    (in it and below), most first."""
    found = []
    seen = 0
    for folder, dirs, _files in os.walk(root):
        seen += 1
        if seen > MAX_FOLDERS:
            break
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP)
        here = Path(folder)
        if here != root and FOLDER_HINT.search(here.name):
            count = sum(
                1 for _, _, names in os.walk(here) for n in names if n.lower().endswith(DOCUMENT_SUFFIXES)
            )
            if count:
                found.append(Found(here.relative_to(root).as_posix(), count))
                dirs[:] = []  # its subfolders belong to it
    return sorted(found, key=lambda f: (-f.files, f.folder))


def config_text(postmortems: Found | None, table: bool) -> str:
    """The commented config; ``table``: under a [tool.blamelint] heading (pyproject.toml)."""
    paths = f'["{postmortems.folder}/**/*.md", "{postmortems.folder}/**/*.txt"]' if postmortems else "[]"
    where = "none found: name them here"
    if postmortems:
        plural = "s" if postmortems.files != 1 else ""
        where = f"found {postmortems.folder}/ with {postmortems.files} document{plural}"
    lines = [
        "[tool.blamelint]" if table else None,
        "# blamelint: a linter for incident postmortems. Every key is optional; `blamelint rules` lists",
        "# the rules and `blamelint explain RULE` says what one flags and what to write instead.",
        "",
        f"# Files always treated as postmortems ({where}). Other files get the",
        "# sentence rules only, unless their headings or front matter say they are postmortems.",
        f"postmortem-paths = {paths}",
        "",
        "# The lowest severity that fails `blamelint check`: error | warning | note | never.",
        'fail-on = "warning"',
        "",
        "# Rules never checked, and per-rule severities (error | warning | note).",
        "ignore = []",
        '# severity = { agentless-passive = "note" }',
        "",
        "# Files never checked when a folder is searched.",
        '# exclude = ["drafts/*"]',
        "",
        "# Sections every postmortem must have (rule missing-section).",
        '# required-sections = ["summary", "impact", "timeline", "what-went-well", "contributing-factors",',
        '#                      "action-items"]',
    ]
    return "\n".join(line for line in lines if line is not None) + "\n"


def _ci(root: Path, target: str) -> str:
    check = f"blamelint check --format github {target}"
    if (root / ".gitlab-ci.yml").exists():
        return (
            f"CI (GitLab): add a job to .gitlab-ci.yml running\n    pip install blamelint && "
            f"blamelint check --format gitlab --output gl-code-quality-report.json --fail-on never "
            f"{target}\n"
            "  with artifacts:reports:codequality: gl-code-quality-report.json"
        )
    return (
        "CI (GitHub Actions): save as .github/workflows/blamelint.yml\n"
        "    name: blamelint\n    on: [pull_request]\n    jobs:\n      blamelint:\n"
        "        runs-on: ubuntu-latest\n        steps:\n          - uses: actions/checkout@v4\n"
        '          - uses: actions/setup-python@v5\n            with: {python-version: "3.12"}\n'
        f"          - run: pip install blamelint && {check}"
    )


def run_init(cwd: Path, pyproject: bool = False) -> str:
    """Write the config; return what to print."""
    root = find_git_root(cwd) or cwd
    found = find_postmortem_folders(root)
    best = found[0] if found else None
    if pyproject:
        target = root / "pyproject.toml"
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        if re.search(r"^\s*\[tool\.blamelint[\].]", existing, re.MULTILINE):
            raise BlamelintError(f"{target}: already has a [tool.blamelint] section; edit it there")
        body = config_text(best, table=True)
        parse_config(tomllib.loads(body)["tool"]["blamelint"], str(target))  # what it writes is valid
        with target.open("a", encoding="utf-8") as handle:
            handle.write(("\n" if existing and not existing.endswith("\n\n") else "") + body)
    else:
        target = root / ".blamelint.toml"
        if target.exists():
            raise BlamelintError(f"{target}: already exists; edit it, or remove it to start again")
        body = config_text(best, table=False)
        parse_config(tomllib.loads(body), str(target))
        target.write_text(body, encoding="utf-8")
    folder = f"{best.folder}/" if best else "postmortems/"
    out = [f"Wrote {'[tool.blamelint] to ' if pyproject else ''}{target}."]
    if best:
        out.append(f"Postmortems: {best.folder}/ ({best.files} document{'s' if best.files != 1 else ''}).")
        out += [f"  also named like postmortems: {f.folder}/ ({f.files})" for f in found[1:4]]
    else:
        out.append("No folder named like a postmortem archive was found: set postmortem-paths in the config.")
    from blamelint import __version__

    out += [
        "",
        "pre-commit: add to .pre-commit-config.yaml",
        "    repos:",
        "      - repo: https://github.com/blamelint/blamelint",
        f"        rev: v{__version__}",
        "        hooks:",
        "          - id: blamelint",
        f"            files: ^{re.escape(folder)}",
        "",
        _ci(root, folder),
        "",
        f"Try it: blamelint check {folder}",
    ]
    return "\n".join(out) + "\n"
