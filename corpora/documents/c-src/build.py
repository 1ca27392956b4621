#!/usr/bin/env python3
"""Build a c-batch from its annotated sources: c-src/<batch>/*.ann -> <batch>/docs/ + <batch>/sentences.jsonl.

Usage (from corpora/documents): python3 c-src/build.py c1

Each sentence in an .ann file is followed by a marker [[CODES; note]] where CODES are any of
P (agentless-passive), R (root-cause), B (blame), H (hindsight); [[]] marks a clean sentence.
The document is the .ann text with the markers removed; the sentence text is the span before
each marker (list/table markup stripped). One paragraph per line, no hard wrapping."""
import json, re, sys
from pathlib import Path
CODES = {"P": "agentless-passive", "R": "root-cause", "B": "blame", "H": "hindsight"}
ORDER = ["agentless-passive", "root-cause", "blame", "hindsight"]
MARK = re.compile(r"\[\[(.*?)\]\]")
batch = sys.argv[1]
here = Path(__file__).resolve().parent
src = here / batch
out = here.parent / batch
(out / "docs").mkdir(parents=True, exist_ok=True)
rows, n = [], 0
for f in sorted(src.glob("*.ann")):
    name = f.stem
    doc_lines = []
    for ln, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
        parts = MARK.split(line)
        doc_lines.append("".join(parts[0::2]).rstrip())
        if len(parts) == 1:
            s = line.strip()
            if s and not (s.startswith("#") or s.startswith("<!--") or s.startswith("|")):
                print(f"note: unlabeled line (header or lead-in) {f.name}:{ln}: {s[:80]}")
            continue
        for i in range(0, len(parts) - 1, 2):
            seg = parts[i]
            seg = re.sub(r"^\s*(?:[-*+>]\s+|\d+[.)]\s+|\|\s*)*", "", seg) if i == 0 else re.sub(r"^\s*\|?\s*", "", seg)
            text = seg.strip()
            if not text:
                print(f"WARN empty text {f.name}:{ln}"); continue
            mark = parts[i + 1]
            codes, _, note = mark.partition(";")
            labels = []
            for c in codes.split():
                if c not in CODES: sys.exit(f"bad code {c!r} at {f.name}:{ln}")
                labels.append(CODES[c])
            labels = [l for l in ORDER if l in labels]
            n += 1
            row = {"id": f"{batch}-{n:04d}", "doc": name, "text": text, "labels": labels}
            if note.strip(): row["note"] = note.strip()
            rows.append(row)
    (out / "docs" / name).write_text("\n".join(doc_lines).rstrip() + "\n", encoding="utf-8")
with open(out / "sentences.jsonl", "w", encoding="utf-8") as fh:
    for r in rows: fh.write(json.dumps(r, ensure_ascii=False) + "\n")
from collections import Counter
c = Counter(l for r in rows for l in r["labels"])
hn = sum(1 for r in rows if "blame" not in r["labels"] and r.get("note", "").startswith("hard-negative:"))
per = Counter(r["doc"] for r in rows)
print(dict(per)); print(len(rows), dict(c), "blame hard negatives:", hn)
