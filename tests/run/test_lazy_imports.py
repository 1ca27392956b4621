"""`blamelint check` imports spaCy (and what imports it) only to parse.

Building the rules must not import it, so that a fully cached run, which
parses nothing, starts in a fraction of the time of a run that does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("spacy", "thinc", "lemminflect", "numpy")


def imported_modules(code: str, cwd: Path, env=None) -> set[str]:
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))\n"
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in HEAVY}


def test_building_every_rule_imports_no_spacy(tmp_path):
    modules = imported_modules(
        "from blamelint.config import load_config\n"
        "from blamelint.run.job import Job\nfrom blamelint.run.worker import Worker\n"
        "Worker(Job(config=load_config(), select=(), ignore=()))\n",
        tmp_path,
    )
    assert "blamelint.rules.checks.agentless_passive" in modules  # the rules were really built
    assert heavy(modules) == set()


def test_a_fully_cached_check_never_imports_spacy(tmp_path):
    shutil.copy(ROOT / "corpora" / "sample-postmortem.md", tmp_path / "pm.md")
    env = dict(os.environ, BLAMELINT_CACHE_DIR=str(tmp_path / "cache"))
    run = (
        "import sys\nfrom blamelint.cli import main\n"
        "code = main(['check', '--jobs', '1', '--format', 'json', '-o', 'out.json', 'pm.md'])\n"
        "assert code in (0, 1), code\n"
    )
    first = imported_modules(run, tmp_path, env)
    assert "spacy" in first  # the first run parsed
    first_report = (tmp_path / "out.json").read_text(encoding="utf-8")
    second = imported_modules(run, tmp_path, env)
    assert heavy(second) == set()
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == first_report
