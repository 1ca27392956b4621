"""Benchmark `blamelint audit` on a generated archive (prints figures; not a test).

    python benchmarks/audit_bench.py [--words 2000000] [--archive DIR] [--keep]

The archive is made from the sample postmortems in corpora/postmortems/: each
copy gets its own date, title and incident number, so every file has distinct
content (as in a real archive) while the prose stays real. Each measurement runs
in a fresh process so peak memory is its own:

1. serial (--jobs 1, no cache);
2. two jobs (--jobs 2), cold cache (the cache is written);
3. the same again: every file comes from the cache;
4. serial on a quarter of the archive, to show memory does not grow with it.

Figures: words per second, the speed-up of the cached re-run, and peak resident
memory of the main process and of the largest worker.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "corpora" / "postmortems"

CHILD = r"""
import json, resource, sys, time
from blamelint.audit.command import run_audit
archive, jobs, cache, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
start = time.perf_counter()
code = run_audit([archive], fmt="json", output=out, jobs=jobs, use_cache=cache != "-",
                 cache_dir=None if cache == "-" else cache)
elapsed = time.perf_counter() - start
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
report = json.load(open(out))
print(json.dumps({"code": code, "seconds": elapsed, "words": report["archive"]["words"],
                  "documents": report["archive"]["documents"],
                  "cached": sum(d["cached"] for d in report["documents"]),
                  "cpu_seconds": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
                  "rss_main_mb": me.ru_maxrss / 1024, "rss_worker_mb": kids.ru_maxrss / 1024}))
"""


def sources() -> list[tuple[str, str]]:
    files = sorted(p for p in SOURCES.iterdir() if p.is_file() and p.suffix in (".md", ".txt"))
    if not files:
        sys.exit(f"no sample postmortems in {SOURCES}")
    return [(p.suffix, p.read_text(encoding="utf-8")) for p in files]


def generate(target: Path, words: int, seed: int = 7) -> tuple[int, int]:
    """Write copies of the samples under target until it holds ``words`` words."""
    rng = random.Random(seed)
    samples = sources()
    start = dt.date(2019, 1, 1)
    total = count = 0
    date_like = re.compile(r"\b20\d\d-\d\d-\d\d\b")
    while total < words:
        suffix, text = samples[count % len(samples)]
        day = start + dt.timedelta(days=rng.randrange(0, 6 * 365))
        text = date_like.sub(day.isoformat(), text)
        heading = f"Incident {day.year}-{count:05d}: "
        text = re.sub(r"^(#\s+)", lambda m, h=heading: m.group(1) + h, text, count=1, flags=re.M)
        if not text.startswith(("#", "---")):
            text = f"{heading}\n\n{text}"
        folder = target / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{day.isoformat()}-incident-{count:05d}{suffix}").write_text(text, encoding="utf-8")
        total += len(text.split())
        count += 1
    return count, total


def measure(archive: Path, jobs: int, cache: str, out: Path) -> dict:
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(archive), str(jobs), cache, str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=archive.parent,
    )
    if result.returncode != 0 or not result.stdout.strip():
        sys.exit(f"benchmark run failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=2_000_000, help="archive size in (whitespace) words")
    parser.add_argument("--archive", type=Path, help="where to generate the archive (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the archive and cache afterwards")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="blamelint-bench-"))
    archive = args.archive or work / "archive"
    if archive.exists():
        shutil.rmtree(archive)
    files, raw_words = generate(archive, args.words)
    print(f"archive: {files} files, {raw_words:,} words (whitespace-separated) in {archive}", flush=True)
    cache = str(work / "cache")
    out = work / "report.json"
    try:
        runs = [
            ("serial, no cache", measure(archive, 1, "-", out)),
            ("2 jobs, cold cache", measure(archive, 2, cache, out)),
            ("2 jobs, cached re-run", measure(archive, 2, cache, out)),
        ]
        quarter = work / "quarter"
        generate(quarter, args.words // 4)
        runs.append(("serial, quarter archive", measure(quarter, 1, "-", out)))
        print(f"load average (1 min) after the runs: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"{'run':<26} {'files':>6} {'words':>10} {'seconds':>8} {'words/s':>9} {'CPU s':>7} "
            f"{'words/CPU s':>11} {'cached':>7} {'peak MB main':>12} {'peak MB worker':>14}"
        )
        for name, r in runs:
            print(
                f"{name:<26} {r['documents']:>6} {r['words']:>10,} {r['seconds']:>8.1f} "
                f"{r['words'] / r['seconds']:>9,.0f} {r['cpu_seconds']:>7.0f} "
                f"{r['words'] / max(r['cpu_seconds'], 1e-9):>11,.0f} {r['cached']:>7} "
                f"{r['rss_main_mb']:>12.0f} "
                f"{r['rss_worker_mb']:>14.0f}"
            )
        serial, cold, warm = runs[0][1], runs[1][1], runs[2][1]
        print(
            f"2 jobs vs serial: {serial['seconds'] / cold['seconds']:.2f}x; "
            f"cached re-run vs cold: {cold['seconds'] / warm['seconds']:.1f}x faster"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
