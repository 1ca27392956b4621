#!/usr/bin/env python3
"""Build a batch: strip the markers from source/ into docs/ and write sentences.jsonl.

Usage (from the batch folder):  BATCH_ID=<id> python3 tools/build.py DOC [DOC ...]

A marker ⟦CODES;note⟧ ends a labeled sentence. CODES are letters from P (agentless-passive),
R (root-cause), B (blame), H (hindsight), optionally comma-separated; empty = clean.
⟦-⟧ ends a segment that is not a sentence (nothing is recorded for it).
The sentence is the text since the previous marker, the previous blank line, the start of the
list item, or (in a table row) the previous cell border. Headings and other lines without a
marker are not labeled; text left unlabeled is reported as a warning.
"""
import json
import os
import re
import sys
from pathlib import Path

CODES = {"P": "agentless-passive", "R": "root-cause", "B": "blame", "H": "hindsight"}
MARK = re.compile(r" ?⟦([^⟧]*)⟧")
LIST_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def clean(text):
    text = re.sub(r"^\s+", "", text)
    text = LIST_START.sub("", text)
    text = re.sub(r"^>\s*", "", text)
    text = re.sub(r"^\[[ xX]\]\s+", "", text)
    return " ".join(text.split())


def parse(name, raw, batch, start):
    rows, buf, warnings = [], "", []

    def drop(where):
        nonlocal buf
        if clean(buf):
            warnings.append(f"{name}: unlabeled text {where}: {clean(buf)[:70]!r}")
        buf = ""

    for line in raw.splitlines():
        st = line.strip()
        table = st.startswith("|")
        if not st or st.startswith("```") or (st.startswith("#") and "⟦" not in st):
            drop("dropped")
            continue
        if table and "⟦" not in st:
            drop("dropped")
            continue
        if LIST_START.match(line):
            drop("dropped")
        pos = 0
        for m in MARK.finditer(line):
            piece = line[pos:m.start()]
            if table:
                piece = piece.rsplit("|", 1)[-1]
            text = clean(buf + " " + piece)
            buf, pos = "", m.end()
            spec = m.group(1).strip()
            if spec == "-":
                continue
            codes, _, note = spec.partition(";")
            letters = [c for c in codes.replace(",", "").replace(" ", "")]
            bad = [c for c in letters if c not in CODES]
            if bad or not text:
                sys.exit(f"{name}: bad marker ⟦{spec}⟧ after {text[-60:]!r}")
            labels = [CODES[c] for c in "PRBH" if c in letters]
            row = {"id": f"{batch}-{start + len(rows) + 1:04d}", "doc": name, "text": text, "labels": labels}
            if note.strip():
                row["note"] = note.strip()
            rows.append(row)
        rest = line[pos:]
        buf = "" if table else buf + " " + rest
    drop("at end")
    return rows, warnings


def main():
    batch = os.environ.get("BATCH_ID") or sys.exit("set BATCH_ID")
    names = sys.argv[1:] or sys.exit(__doc__)
    here = Path.cwd()
    (here / "docs").mkdir(exist_ok=True)
    rows = []
    for name in names:
        raw = (here / "source" / name).read_text(encoding="utf-8")
        doc_rows, warnings = parse(name, raw, batch, len(rows))
        for w in warnings:
            print("WARN", w)
        (here / "docs" / name).write_text(MARK.sub("", raw), encoding="utf-8")
        rows += doc_rows
    with open(here / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{batch}: {len(names)} docs, {len(rows)} sentences written")


if __name__ == "__main__":
    main()
