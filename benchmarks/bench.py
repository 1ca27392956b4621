"""blamelint's benchmark: this machine's figures next to spaCy's floor, in one run.

    python benchmarks/bench.py                 # about 300,000 words, 3 runs each
    python benchmarks/bench.py --words 100000 --repeat 1   # quicker
    python benchmarks/bench.py --json out.json # also write the figures as JSON

Every figure is the wall time of a fresh process (median of the runs), started
with this Python (so run it with the environment blamelint is installed in):

- cold start: ``blamelint check --no-cache`` on one small postmortem, against
  importing spaCy and loading the same pipeline (the same components) alone;
- throughput: ``blamelint check --no-cache --jobs 1`` over a generated corpus
  (the sample postmortems, copied), against ``nlp.pipe`` alone over the very
  texts blamelint parses (its prose blocks), with the same batch size; both
  include start-up; words are the whitespace-separated words of those texts;
- the same with ``--jobs 2``, against one process;
- a cached re-run: the same ``blamelint check`` run again over an unchanged
  corpus with the cache on, against the first run (which fills the cache);
- peak memory: the largest resident set of a one-process ``check`` (wait4).

``--jobs`` and ``--no-cache`` are used when ``blamelint check`` has them; a
figure that cannot be measured says so. Other work on the machine slows every
figure: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import compileall
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus as corpus_mod  # noqa: E402

CHILD = HERE / "child.py"
TARGETS = {
    "cold": ("<=", 1.2, "x the floor"),
    "throughput": (">=", 0.9, "x nlp.pipe"),
    "jobs": (">=", 1.7, "x one process"),
    "cached": (">=", 20.0, "x faster"),
    "memory": ("<", 400.0, " MB"),
}


@dataclass
class Run:
    wall: float
    cpu: float
    maxrss_mb: float
    code: int
    output_digest: str = ""
    output: Path | None = None


@dataclass
class Row:
    name: str
    ours: str
    reference: str
    value: float | None
    target: str
    met: bool | None
    note: str = ""


@dataclass
class Setup:
    work: Path
    env: dict
    blamelint: list[str]
    model: str
    exclude: list[str]
    components: list[str]
    batch_size: int
    has_jobs: bool
    has_no_cache: bool
    origin: str = ""
    words: int = 0

    def out(self, label: str) -> Path:
        folder = self.work / "reports"
        folder.mkdir(exist_ok=True)
        return folder / f"{label}.txt"


# -- running children --------------------------------------------------------------


def run(cmd: list[str], cwd: Path, env: dict, ok=(0,), capture: Path | None = None) -> Run:
    """Run a command in a fresh process; wall time, CPU time and peak RSS of
    that process (and its waited-for children) from wait4. With ``capture``,
    standard output goes to that file and its digest is kept."""
    with tempfile.TemporaryFile() as err, open(capture or os.devnull, "w+b") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in ok:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"bench: {' '.join(cmd)} exited {proc.returncode}:\n{message}")
        digest = ""
        if capture:
            out.seek(0)
            digest = hashlib.sha256(out.read()).hexdigest()
    return Run(
        wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, digest, capture
    )


def median(runs: list[Run]) -> float:
    return statistics.median(r.wall for r in runs)


def cpu(ours: list[Run], reference: list[Run], inverse: bool = False) -> str:
    """The same comparison in CPU seconds (user + system, children included),
    which other work on a shared machine disturbs far less than wall time."""
    o = statistics.median(r.cpu for r in ours)
    f = statistics.median(r.cpu for r in reference)
    ratio = f / o if inverse else o / f
    return f"CPU {o:.2f} s vs {f:.2f} s: {ratio:.2f}x"


def compare(runs: list[Run]) -> str:
    """Whether the runs printed the same report ("identical"), else which files differ."""
    first = runs[0]
    odd = [r for r in runs[1:] if r.output_digest != first.output_digest]
    if not odd:
        return "identical"
    return f"DIFFERS ({first.output} vs {odd[0].output})"


def loadavg() -> str:
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def wait_for_quiet(limit: float, patience: float) -> None:
    deadline = time.time() + patience
    while os.getloadavg()[0] > limit and time.time() < deadline:
        print(f"  waiting for load < {limit} (now {loadavg()})", file=sys.stderr)
        time.sleep(15)


# -- what blamelint would load ------------------------------------------------------


def snapshot(work: Path) -> Path | None:
    """Copy this checkout's code and rule data into ``work`` and import
    blamelint from the copy here and in every child, so that edits made to the
    checkout while the benchmark runs (which would also change the cache key)
    do not mix into the figures. None when not run from a checkout."""
    root = corpus_mod.ROOT
    if not (root / "src" / "blamelint").is_dir() or not (root / "rules").is_dir():
        return None
    target = work / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(root / "src", target / "src", ignore=ignore)
    shutil.copytree(root / "rules", target / "rules", ignore=ignore)
    # Byte-compile, as installing a wheel does (children only read the .pyc files,
    # so this holds under PYTHONDONTWRITEBYTECODE too).
    compileall.compile_dir(str(target / "src"), quiet=1)
    return target / "src"


def prepare(args, work: Path) -> Setup:
    import importlib.util

    env = dict(os.environ, BLAMELINT_CACHE_DIR=str(work / "cache"))
    source = None if args.installed else snapshot(work)
    if source is not None:
        sys.path.insert(0, str(source))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(source), env.get("PYTHONPATH")) if p)
    from blamelint.config import load_config
    from blamelint.nlp.pipeline import ALL_COMPONENTS, FALLBACK_MODELS, excluded_components
    from blamelint.run.job import Job
    from blamelint.run.worker import Worker

    (work / "small").mkdir(exist_ok=True)
    shutil.copy(corpus_mod.ROOT / "corpora" / "sample-postmortem.md", work / "small" / "sample-postmortem.md")
    config = load_config(cwd=work / "small")
    linter = Worker(Job(config=config)).linter
    exclude = excluded_components(linter.needs) if linter.needs_nlp else list(ALL_COMPONENTS)
    models = [config.model] if config.model else list(FALLBACK_MODELS)
    model = next((m for m in models if "/" in m or importlib.util.find_spec(m) is not None), None)
    if model is None:
        raise SystemExit(f"bench: none of {', '.join(models)} is installed")
    blamelint = [sys.executable, "-m", "blamelint"]
    help_text = subprocess.run(
        [*blamelint, "check", "--help"], capture_output=True, text=True, env=env
    ).stdout
    components = [c for c in ALL_COMPONENTS if c not in exclude]
    return Setup(
        work,
        env,
        blamelint,
        model,
        exclude,
        components,
        config.batch_size,
        "--jobs" in help_text,
        "--no-cache" in help_text,
        code_origin(source),
    )


def code_origin(source: Path | None) -> str:
    if source is None:
        import blamelint

        return f"installed blamelint ({Path(blamelint.__file__).parent})"
    try:
        rev = subprocess.run(
            ["git", "-C", str(corpus_mod.ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(corpus_mod.ROOT), "status", "--porcelain", "--", "src", "rules"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        rev = f"{rev}{' + uncommitted changes' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        rev = "?"
    return f"a snapshot of {corpus_mod.ROOT} at {rev}"


def block_texts(files: list[Path]) -> list[str]:
    """The texts blamelint sends through the pipeline (its prose blocks)."""
    from blamelint.engine import block_pieces
    from blamelint.postmortem.load import read_document

    texts = []
    for path in files:
        document = read_document(path, path.name)
        texts.extend(piece for block in document.blocks for _, piece in block_pieces(block))
    return texts


def check_cmd(setup: Setup, *options: str) -> list[str]:
    return [*setup.blamelint, "check", *options, "."]


def no_cache(setup: Setup) -> list[str]:
    return ["--no-cache"] if setup.has_no_cache else []


def jobs(setup: Setup, n: int) -> list[str]:
    return ["--jobs", str(n)] if setup.has_jobs else []


# -- the measurements ----------------------------------------------------------------


def verdict(kind: str, value: float | None) -> bool | None:
    if value is None:
        return None
    op, bound, _ = TARGETS[kind]
    return {"<=": value <= bound, ">=": value >= bound, "<": value < bound}[op]


def target_text(kind: str) -> str:
    op, bound, unit = TARGETS[kind]
    return f"{op} {bound:g}{unit}"


def cold_start(setup: Setup, repeat: int) -> Row:
    floor_cmd = [sys.executable, str(CHILD), "floor", setup.model, ",".join(setup.exclude)]
    ours_cmd = check_cmd(setup, *no_cache(setup), *jobs(setup, 1))
    small = setup.work / "small"
    run(floor_cmd, small, setup.env)  # warm the page cache
    run(ours_cmd, small, setup.env, ok=(0, 1))
    floors, ours = [], []
    for _ in range(repeat):
        floors.append(run(floor_cmd, small, setup.env))
        ours.append(run(ours_cmd, small, setup.env, ok=(0, 1)))
    f, o = median(floors), median(ours)
    ratio = o / f
    return Row(
        "cold start, one small postmortem",
        f"{o:.2f} s",
        f"{f:.2f} s import spaCy + load",
        ratio,
        target_text("cold"),
        verdict("cold", ratio),
        f"median of {repeat}; {cpu(ours, floors)}",
    )


def throughput(setup: Setup, corpus: Path, texts_path: Path, repeat: int) -> tuple[list[Row], dict]:
    bare_cmd = [
        sys.executable,
        str(CHILD),
        "bare",
        setup.model,
        ",".join(setup.exclude),
        str(texts_path),
        str(setup.batch_size),
    ]
    one_cmd = check_cmd(setup, *no_cache(setup), *jobs(setup, 1))
    two_cmd = check_cmd(setup, *no_cache(setup), *jobs(setup, 2))
    bare, one, two = [], [], []
    for _ in range(repeat):
        bare.append(run(bare_cmd, corpus, setup.env))
        one.append(run(one_cmd, corpus, setup.env, ok=(0, 1), capture=setup.out(f"jobs1-{len(one)}")))
        if setup.has_jobs:
            two.append(run(two_cmd, corpus, setup.env, ok=(0, 1), capture=setup.out(f"jobs2-{len(two)}")))
    words = setup.words
    b, o = median(bare), median(one)
    rows = [
        Row(
            "throughput, 1 process",
            f"{words / o:,.0f} words/s",
            f"{words / b:,.0f} words/s nlp.pipe alone",
            b / o,
            target_text("throughput"),
            verdict("throughput", b / o),
            f"{o:.1f} s vs {b:.1f} s, median of {repeat}; {cpu(one, bare, inverse=True)}",
        )
    ]
    if two:
        t = median(two)
        rows.append(
            Row(
                "throughput, 2 processes (--jobs 2)",
                f"{words / t:,.0f} words/s",
                f"{words / o:,.0f} words/s one process",
                o / t,
                target_text("jobs"),
                verdict("jobs", o / t),
                f"{t:.1f} s, median of {repeat}; report {compare(one + two)} to one process's; "
                f"{cpu(two, one)}, so two free cores allow at most "
                f"{2 * statistics.median(r.cpu for r in one) / statistics.median(r.cpu for r in two):.2f}x",
            )
        )
    else:
        rows.append(
            Row(
                "throughput, 2 processes",
                "n/a",
                "",
                None,
                target_text("jobs"),
                None,
                "`blamelint check` has no --jobs option",
            )
        )
    peak = max(r.maxrss_mb for r in one)
    rows.append(
        Row(
            "peak memory, 1 process",
            f"{peak:,.0f} MB",
            f"{max(r.maxrss_mb for r in bare):,.0f} MB nlp.pipe alone",
            peak,
            target_text("memory"),
            verdict("memory", peak),
            "max RSS (wait4)",
        )
    )
    return rows, {"one": o, "bare": b}


def cached(setup: Setup, corpus: Path, repeat: int) -> Row:
    if not setup.has_no_cache:
        return Row(
            "cached re-run",
            "n/a",
            "",
            None,
            target_text("cached"),
            None,
            "`blamelint check` has no cache (--no-cache) yet",
        )
    shutil.rmtree(setup.work / "cache", ignore_errors=True)
    cmd = check_cmd(setup)
    fill = run(cmd, corpus, setup.env, ok=(0, 1), capture=setup.out("fill"))
    again = [run(cmd, corpus, setup.env, ok=(0, 1), capture=setup.out(f"cached-{i}")) for i in range(repeat)]
    a = median(again)
    return Row(
        "cached re-run (unchanged corpus)",
        f"{a:.2f} s",
        f"{fill.wall:.1f} s first run",
        fill.wall / a,
        target_text("cached"),
        verdict("cached", fill.wall / a),
        f"median of {repeat}; report {compare([fill, *again])} to the first run's; "
        f"{cpu(again, [fill], inverse=True)}",
    )


def rule_layer(setup: Setup, corpus: Path) -> Row:
    cmd = [sys.executable, str(CHILD), "split", str(corpus)]
    with tempfile.TemporaryFile() as out:
        proc = subprocess.run(cmd, cwd=corpus, env=setup.env, stdout=out, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            return Row("rules + engine, in process", "error", "", None, "", None, proc.stderr.decode()[-300:])
        out.seek(0)
        data = json.loads(out.read())
    ratio = data["lint"] / data["parse"]
    cpu_ratio = data["lint_cpu"] / data["parse_cpu"]
    return Row(
        "lint vs parse, same process",
        f"{data['lint']:.1f} s lint",
        f"{data['parse']:.1f} s parse alone",
        ratio,
        "(info)",
        None,
        f"rules, findings and the engine add {100 * (ratio - 1):.0f}% to the parse "
        f"(CPU {data['lint_cpu']:.1f} s vs {data['parse_cpu']:.1f} s: +{100 * (cpu_ratio - 1):.0f}%)",
    )


# -- output --------------------------------------------------------------------------


def machine() -> str:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpus} CPUs{', ' + model if model else ''}, {platform.system()} {platform.machine()}"


def versions(setup: Setup) -> str:
    import importlib.metadata as md

    def v(name: str) -> str:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return "?"

    return (
        f"Python {platform.python_version()}, spaCy {v('spacy')}, blamelint {v('blamelint')}, "
        f"pipeline {setup.model} {v(setup.model)} ({', '.join(setup.components)})"
    )


def render(rows: list[Row]) -> str:
    header = ("measurement", "blamelint", "reference", "ratio", "target", "met")
    table = [header]
    for r in rows:
        value = (
            "" if r.value is None else (f"{r.value:.0f}" if r.name.startswith("peak") else f"{r.value:.2f}x")
        )
        met = "-" if r.met is None else ("yes" if r.met else "NO")
        table.append((r.name, r.ours, r.reference, value, r.target, met))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {r.name}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + ["", "notes:"] + notes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=300_000, help="corpus size in words (default 300,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each throughput measurement")
    parser.add_argument("--cold-repeat", type=int, default=5, help="runs of each cold start")
    parser.add_argument("--no-split", action="store_true", help="skip the in-process lint/parse split")
    parser.add_argument(
        "--wait-load",
        type=float,
        default=None,
        metavar="L",
        help="before starting, wait (up to 10 minutes) for the 1-minute load to fall below L",
    )
    parser.add_argument("--keep", metavar="DIR", help="build the corpus in DIR and keep it")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--installed",
        action="store_true",
        help="run the installed blamelint, not a snapshot of this checkout",
    )
    args = parser.parse_args(argv)

    if args.wait_load is not None:
        wait_for_quiet(args.wait_load, 600)
    started = datetime.datetime.now().astimezone()
    load_before = loadavg()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bl-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        setup = prepare(args, work)
        corpus_dir = setup.work / "corpus"
        shutil.rmtree(corpus_dir, ignore_errors=True)
        corpus = corpus_mod.build(corpus_dir, args.words)
        texts = block_texts(corpus.files)
        setup.words = sum(len(t.split()) for t in texts)
        texts_path = setup.work / "texts.json"
        texts_path.write_text(json.dumps(texts), encoding="utf-8")
        print(f"blamelint benchmark, {started:%Y-%m-%d %H:%M %Z}: {machine()}")
        print(versions(setup))
        print(f"code: {setup.origin}")
        print(
            f"corpus: {setup.words:,} words of prose in {len(corpus.files)} files "
            f"({len(corpus.originals)} postmortems x {corpus.copies}); load average {load_before}",
            flush=True,
        )
        rows = [cold_start(setup, args.cold_repeat)]
        more, _ = throughput(setup, corpus_dir, texts_path, args.repeat)
        rows.extend(more)
        rows.append(cached(setup, corpus_dir, args.repeat))
        if not args.no_split:
            rows.append(rule_layer(setup, corpus_dir))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    load_after = loadavg()
    print()
    print(render(rows))
    print(
        f"\nload average before {load_before}, after {load_after} "
        f"(other work on the machine slows every figure)"
    )
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "date": started.isoformat(timespec="minutes"),
                    "machine": machine(),
                    "versions": versions(setup),
                    "code": setup.origin,
                    "words": setup.words,
                    "load_before": load_before,
                    "load_after": load_after,
                    "rows": [r.__dict__ for r in rows],
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
