"""The benchmark corpus: the project's sample postmortems, copied until there
are enough words.

Each copy is its own file (``copy-NNN/<name>``) with an HTML comment naming the
copy appended, so every file has distinct bytes (a content-addressed cache
cannot serve one copy from another) while the prose, and so the parse and the
findings, stay those of the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("corpora/postmortems/*.md", "corpora/sample-postmortem.md")


@dataclass
class Corpus:
    folder: Path
    files: list[Path]
    copies: int
    originals: list[Path]

    @property
    def source_words(self) -> int:
        return sum(len(p.read_text(encoding="utf-8").split()) for p in self.files)


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for pattern in SOURCES:
        files.extend(sorted(root.glob(pattern)))
    if not files:
        raise SystemExit(f"no source postmortems found under {root} ({', '.join(SOURCES)})")
    return files


def build(folder: Path, target_words: int, root: Path = ROOT) -> Corpus:
    """Write copies of the source postmortems into ``folder`` until the copies
    hold at least ``target_words`` whitespace-separated words."""
    originals = source_files(root)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in originals]
    per_copy = sum(len(t.split()) for _, t in texts)
    copies = max(1, -(-target_words // per_copy))
    files = []
    for n in range(copies):
        sub = folder / f"copy-{n:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for name, text in texts:
            path = sub / name
            path.write_text(f"{text.rstrip()}\n\n<!-- benchmark copy {n} -->\n", encoding="utf-8")
            files.append(path)
    return Corpus(folder, files, copies, originals)
