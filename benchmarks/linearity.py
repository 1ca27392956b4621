"""Time and memory against input size, for the document model of every format
and for the whole linter with the trained pipeline. Prints figures; asserts
nothing (timings are benchmarks, not tests).

    python benchmarks/linearity.py [--max-mb 2]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cli_run  # noqa: E402

PARAGRAPH = (
    "At 14:02 the deploy job pushed the new config, and latency rose for about ten "
    "minutes while we watched the dashboards. The config was rolled back at 14:12.\n\n"
)
LINE = "We restarted the pods and latency recovered within two minutes. "
SHAPES = {
    "paragraphs.md": PARAGRAPH,
    "paragraphs.txt": PARAGRAPH,
    "paragraphs.html": f"<p>{PARAGRAPH}</p>\n",
    "one-paragraph.md": LINE,
    "one-paragraph.txt": LINE,
    "deep-quote.md": ">" * 120 + " " + LINE + "\n",
    "deep-list.md": "- " * 60 + LINE + "\n",
}


def model_times(copies: list[int]) -> None:
    from blamelint.postmortem.load import parse_source

    print(f"document model, seconds for N copies of a unit ({', '.join(map(str, copies))}); last/first ratio")
    for name, unit in SHAPES.items():
        parse_source(name, unit * 100)
        times = []
        for n in copies:
            start = time.perf_counter()
            parse_source(name, unit * n)
            times.append(time.perf_counter() - start)
        ratio = times[-1] / times[0] if times[0] else float("nan")
        print(
            f"  {name:<18} "
            + "  ".join(f"{t:7.3f}" for t in times)
            + f"   x{ratio:.1f} for x{copies[-1] // copies[0]} input"
        )


def linter_runs(sizes_mb: list[float]) -> None:
    print(
        "whole CLI with the trained pipeline (one file, --no-cache, --jobs 1): seconds, peak RSS of the CLI "
        f"alone (at least {cli_run.launcher_floor_mb():.0f} MB, the launcher's)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes_mb:
            path = Path(tmp) / f"big-{mb}.md"
            path.write_text("# Incident\n\n" + PARAGRAPH * int(mb * 1e6 / len(PARAGRAPH)), encoding="utf-8")
            run = cli_run.measure(cli_run.check_command(path, output=Path(tmp) / "out.json"))
            elapsed, peak = run.seconds, run.peak_mb
            print(
                f"  {mb:5.2f} MB  {elapsed:7.1f} s  {peak:7.0f} MB peak  "
                f"({mb * 1e6 / elapsed / 6:,.0f} words/s)"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-mb", type=float, default=1.0, help="largest input for the whole-linter runs")
    args = ap.parse_args()
    model_times([2_000, 8_000, 32_000])
    sizes = [args.max_mb / 4, args.max_mb / 2, args.max_mb]
    linter_runs(sizes)
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB peak)")


if __name__ == "__main__":
    main()
