"""Memory and time on hostile input, against ordinary prose of the same size.

    python benchmarks/hostile.py                 # every input at 5 MB
    python benchmarks/hostile.py --size 1 --only emphasis,parens

A deterministic generator writes each input of the hostile corpus (token-dense
emphasis, punctuation runs, emoji, one huge line of prose, deep HTML nesting,
thousands of suppression comments, a YAML alias bomb in front matter, an action
item whose ticket link is a run of ``http://a`` megabytes long...) at the
given size, plus ordinary prose (the project's sample postmortems, repeated) of
the same size. Each is checked by the real CLI in a child process
(``check --no-cache --jobs 1 --format json``); the figures are the child's peak
resident memory (from ``wait4``) and its wall time, and the time as a multiple of
the prose's. The target (issue 14): peak RSS < 500 MB and time within 3x of prose,
for every input up to 5 MB.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import cli_run  # noqa: E402
from blamelint.document.markdown import CHARS_PER_LINE, MAX_LINES  # noqa: E402
from blamelint.document.model import block_limit  # noqa: E402

RSS_LIMIT_MB = 500
TIME_RATIO_LIMIT = 3.0


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8")))


def _prose_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted((ROOT / "corpora" / "postmortems").glob("*.md")):
        for part in path.read_text(encoding="utf-8").split("\n\n"):
            part = part.strip()
            if part and not part.startswith(("#", "|", "-", "*", "<", "`", ">")) and len(part) > 80:
                paragraphs.append(" ".join(part.split()))
    if not paragraphs:
        raise SystemExit("no prose found under corpora/postmortems")
    return paragraphs


def prose(size: int) -> str:
    """Ordinary prose: the corpus's paragraphs under headings, repeated to ``size`` bytes."""
    paragraphs = _prose_paragraphs()
    out, total, i = [], 0, 0
    while total < size:
        chunk = (f"## Part {i}\n\n" if i % 8 == 0 else "") + paragraphs[i % len(paragraphs)] + "\n\n"
        out.append(chunk)
        total += len(chunk.encode("utf-8"))
        i += 1
    return "# Incident review\n\n" + "".join(out)


def prose_line(size: int) -> str:
    """The same prose as one line (no paragraph breaks at all)."""
    return " ".join(prose(size).split())


def alias_bomb(size: int) -> str:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):
        levels.append(f"a{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]")
    front = "---\n" + "\n".join(levels) + "\ntype: *a11\n---\n"
    return front + prose(size - len(front))


def _at_limit(unit: str, limit: str, size: int) -> str:
    """Tiny blocks (``unit`` repeated), a blank line, then prose: about ``size`` bytes in all,
    with as many units as keep the document one under its limit of ``limit`` ("blocks" or
    "lines"), the largest such document blamelint still reads."""
    from blamelint.document.load import parse_source

    def allowed(total: int) -> int:
        if limit == "blocks":
            return block_limit(total)
        return max(MAX_LINES, total // CHARS_PER_LINE)

    rest = prose(max(0, size - len(unit) * allowed(size)))
    used = len(parse_source("prose.md", rest).blocks) if limit == "blocks" else rest.count("\n") + 2
    count = allowed(size)
    while count + used > allowed(len(unit) * count + 2 + len(rest)) - 1:
        count -= 1
    return unit * count + "\n\n" + rest


def nested_lists(size: int) -> str:
    depth = 2000
    lines = "".join("  " * (i % depth) + f"- item {i}\n" for i in range(size // 1200))
    return _repeat(lines, size) if lines else "- x\n"


GENERATORS: dict[str, Callable[[int], str]] = {
    "prose.md": prose,
    "emphasis.md": lambda n: _repeat("*a **a ", n),
    "suppress-many.md": lambda n: _repeat(
        "<!-- blamelint-disable-next-line blame -->\nThe root cause was human error.\n", n
    ),
    "deep-div.html": lambda n: _repeat("<div>x", n),
    "deep-list.html": lambda n: _repeat("<ul><li>x", n),
    "prose-line.md": prose_line,
    "parens.md": lambda n: "The root cause was " + "(" * n,
    "affix-runs.md": lambda n: _repeat("'s" * 3000 + " ", n),
    "punct-words.md": lambda n: _repeat("(\"'[(\"'[(\"'[(\"'[(\"'[ ", n),
    "emoji.md": lambda n: _repeat("\U0001f600", n),
    "long-token.md": lambda n: "x" * n,
    "url-runs.md": lambda n: _repeat("see https://example.com/" + "a/b?c=d&" * 40 + " then ", n),
    "suppress-unclosed.md": lambda n: _repeat("<!-- blamelint-disable x", n),
    "suppress-long-name.md": lambda n: (
        "<!-- blamelint-" + "a" * n + " blame -->\nThe root cause was human error.\n"
    ),
    "unclosed-inline.html": lambda n: (
        _repeat("<b><i><span>", n // 2) + "<p>The root cause was human error.</p>"
    ),
    "brackets.md": lambda n: "[" * (n // 2) + "The root cause was human error." + "]" * (n // 2),
    "quotes.md": lambda n: _repeat(">" * 200 + " deep quote\n", n),
    "nested-lists.md": nested_lists,
    "alias-bomb.md": alias_bomb,
    "ticket-runs.md": lambda n: (
        "# Postmortem\n\n## Timeline\n\n- 10:02 paged\n\n## Action items\n\n- Rotate the keys, see "
        + _repeat("http://a", n)
        + "/issues/7\n"
    ),
    "blank-lines.md": lambda n: "<!-- blamelint-disable-next-line -->" * 1000 + "\n" * n + "text.\n",
    # Very many tiny blocks: Markdown and text past their block (or line) limits are refused as
    # they are read (blamelint.document.model.block_limit); HTML is read.
    "tiny-paragraphs.md": lambda n: _repeat("a\n\n", n),
    "tiny-items.md": lambda n: _repeat("- a\n", n),
    "tiny-headings.md": lambda n: _repeat("# a\n", n),
    "tiny-cells.md": lambda n: "|a|\n|-|\n" + _repeat("|a|\n", n - 8),
    "tiny-quotes.md": lambda n: _repeat("> a\n\n", n),
    "tiny-paragraphs.txt": lambda n: _repeat("a\n\n", n),
    "tiny-paragraphs.html": lambda n: _repeat("<p>a</p>", n),
    "short-lines.md": lambda n: _repeat("a\n", n),
    # The largest documents of tiny blocks still read: just under the limits, then prose.
    "small-paragraphs.md": lambda n: _repeat("a" * 98 + "\n\n", n),  # one block per 100 bytes: read
    "dense-paragraphs.md": lambda n: _repeat("a" * 38 + "\n\n", n),  # one per 40 bytes: refused
    "wide-table.md": lambda n: _repeat("|a" * 1000 + "|\n" + "|-" * 1000 + "|\n", n),
    "blocks-at-limit.md": lambda n: _at_limit("a\n\n", "blocks", n),
    "lines-at-limit.md": lambda n: _at_limit("a\n", "lines", n),
}


def generate(name: str, size: int) -> bytes:
    return GENERATORS[name](size).encode("utf-8")


def measure(path: Path, cwd: Path, env: dict) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one CLI run."""
    run = cli_run.measure(cli_run.check_command(path.name), cwd, env)
    if run.code not in (0, 1, 2) or "internal error" in run.stderr or "Traceback" in run.stderr:
        print(f"  {path.name}: exit {run.code}: {run.stderr[-400:]}", file=sys.stderr)
    return run.peak_mb, run.seconds, run.code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=float, default=5.0, help="size of each input in MB [5]")
    parser.add_argument("--only", default="", help="comma-separated input names (prose.md always runs)")
    args = parser.parse_args(argv)
    size = int(args.size * 1024 * 1024)
    names = [
        n
        for n in GENERATORS
        if (not args.only and n in GENERATORS)
        or n == "prose.md"
        or n.split(".")[0] in args.only.split(",")
        or n in args.only.split(",")
    ]
    env = {k: v for k, v in os.environ.items() if k != "BLAMELINT_DEBUG"}
    with tempfile.TemporaryDirectory(prefix="blamelint-hostile-") as tmp:
        work = Path(tmp)
        env["BLAMELINT_CACHE_DIR"] = str(work / "cache")
        print(
            f"hostile corpus, {args.size:g} MB per input; --jobs 1, no cache; "
            f"targets: peak RSS < {RSS_LIMIT_MB} MB, time <= {TIME_RATIO_LIMIT:g}x prose",
            flush=True,
        )
        print(
            f"{'input':<22} {'bytes':>9} {'peak RSS MB':>12} {'time s':>8} {'x prose':>8}  exit  ok",
            flush=True,
        )
        reference = None
        failures = 0
        for name in names:
            path = work / name
            path.write_bytes(generate(name, size))
            rss, seconds, code = measure(path, work, env)
            if reference is None:
                reference = seconds
            ratio = seconds / reference
            ok = rss < RSS_LIMIT_MB and ratio <= TIME_RATIO_LIMIT and code in (0, 1, 2)
            failures += not ok
            print(
                f"{name:<22} {path.stat().st_size:>9} {rss:>12.0f} {seconds:>8.1f} {ratio:>8.2f}  {code:>4}  "
                f"{'yes' if ok else 'NO'}",
                flush=True,
            )
            path.unlink()
        print(f"{len(names) - failures} of {len(names)} inputs within both targets")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
