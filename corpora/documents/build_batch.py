#!/usr/bin/env python3
"""Build a sealed batch from annotated sources.

    python3 build_batch.py BATCH_DIR

BATCH_DIR/src/<doc>.ann holds a document with an inline marker after every
labeled sentence: a marker is U+27E6 LETTERS[:note] U+27E7, where LETTERS are
P (agentless-passive), R (root-cause), B (blame), H (hindsight); an empty
marker is a clean sentence; a marker of "-" only ends a stretch of text that
is not a sentence (metadata, table cells that are not prose).  The script
writes BATCH_DIR/docs/<doc> (markers removed) and BATCH_DIR/sentences.jsonl.
A sentence's text runs from the previous marker (or paragraph, heading, list
item or table cell start) to its marker.
"""
import json
import re
import sys
from pathlib import Path

CODES = {"P": "agentless-passive", "R": "root-cause", "B": "blame", "H": "hindsight"}
MARK = re.compile("\u27e6([^\u27e7]*)\u27e7")
STRUCT = re.compile(r"^\s*(#|\||[-*+] |\d+[.)] |$)")


def is_heading(line):
    t = line.strip()
    if not t or t.startswith("#"):
        return True
    # plain-text headings in capitals ("SUMMARY", "TIMELINE (UTC)")
    return bool(re.fullmatch(r"[A-Z0-9 /()&:.,'-]+", t)) and bool(re.search("[A-Z]{3}", t)) and not re.match(r"^\d", t)


def sentence_text(segment):
    lines = segment.split("\n")
    start = 0
    for i, line in enumerate(lines):
        if i == 0:
            continue
        if is_heading(line):
            start = i + 1
        elif STRUCT.match(line):
            start = i
    text = "\n".join(lines[start:])
    first = text.strip().split("\n")[0] if text.strip() else ""
    if first.startswith("|") or (start == 0 and "|" in lines[0]):
        text = text.rsplit("|", 1)[1]
    text = re.sub(r"^\s*(> ?)*([-*+] |\d+[.)] )?", "", text)
    return " ".join(text.split())


def main():
    batch = Path(sys.argv[1]).resolve()
    name = batch.name
    (batch / "docs").mkdir(exist_ok=True)
    rows, n = [], 0
    for src in sorted((batch / "src").glob("*.ann")):
        doc = src.name[:-4]
        raw = src.read_text(encoding="utf-8")
        out, pos = [], 0
        for m in MARK.finditer(raw):
            seg = raw[pos:m.start()]
            out.append(seg)
            pos = m.end()
            spec = m.group(1)
            if spec == "-":
                continue
            letters, _, note = spec.partition(":")
            text = sentence_text(seg)
            assert text, (doc, seg)
            bad = set(letters) - set(CODES)
            assert not bad, (doc, spec)
            n += 1
            row = {"id": f"{name}-{n:04d}", "doc": doc, "text": text,
                   "labels": [CODES[c] for c in "PRBH" if c in letters]}
            if note.strip():
                row["note"] = note.strip()
            rows.append(row)
        out.append(raw[pos:])
        (batch / "docs" / doc).write_text("".join(out), encoding="utf-8")
    with open(batch / "sentences.jsonl", "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences")


if __name__ == "__main__":
    main()
