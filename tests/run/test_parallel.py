"""Parallel runs give the same results as serial ones; cached runs skip the parse."""

import subprocess
import sys

from blamelint.config import Config
from blamelint.run import parallel, pool
from blamelint.run.collect import collect
from blamelint.run.job import Job
from blamelint.run.parallel import analyse


def _results(archive, jobs, cache=None, measurer=None):
    job = Job(config=Config(), measurer=measurer, all_postmortems=measurer is not None)
    items = collect([str(archive)], ["*.md", "*.txt"], [], archive.parent)
    return [(r.path, r.findings, r.metrics, r.error) for r in analyse(items, job, jobs, cache)]


def test_parallel_equals_serial(archive, monkeypatch):
    for i in range(3):  # enough chunks for two workers
        (archive / f"copy-{i}.md").write_text((archive / "db-outage.md").read_text() * 20)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(pool, "CHUNK_BYTES", 2048)
    measurer = "blamelint.audit.metrics:Measurer"
    serial = _results(archive, 1, measurer=measurer)
    both = _results(archive, 2, measurer=measurer)
    assert serial == both
    assert [r[0] for r in serial] == sorted(r[0] for r in serial)
    assert any(r[1] for r in serial)


def test_fully_cached_run_does_not_load_spacy(archive, tmp_path):
    script = f"""
import sys
from pathlib import Path
from blamelint.run.collect import collect
from blamelint.config import Config
from blamelint.run.entries import open_cache
from blamelint.run.job import Job
from blamelint.run.parallel import analyse
job = Job(config=Config())
items = list(collect([{str(archive)!r}], ["*.md", "*.txt"], [], Path({str(tmp_path)!r})))
results = list(analyse(items, job, 1, open_cache(job, True, {str(tmp_path / "c")!r})))
print(all(r.cached for r in results), "spacy" in sys.modules, sum(len(r.findings) for r in results))
"""
    first = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    second = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert first[:2] == ["False", "True"]
    assert second == ["True", "False", first[2]]


def test_check_jobs_and_cache_do_not_change_output(archive, tmp_path):
    from tests.conftest import run_cli

    env = {"BLAMELINT_CACHE_DIR": str(tmp_path / "c")}
    runs = [
        run_cli("check", "--format", "json", *flags, "archive", cwd=archive.parent, env=env).stdout
        for flags in ([], [], ["--no-cache", "-j", "1"])
    ]
    assert runs[0] == runs[1] == runs[2] and '"findings"' in runs[0]
