#!/usr/bin/env python3
"""Build a sealed batch from annotated sources.

A source (src/BATCH/NAME.md or .txt) is the document with a marker after every
labeled sentence:  {{LABELS; NOTE}}  where LABELS is a comma list of
ap (agentless-passive), rc (root-cause), b (blame), h (hindsight), or empty for
clean; "hn" marks a blame hard negative (no label, recorded in the note);
{{-}} ends a segment that is not a sentence (table header cells).
The marker and the one space before it are removed from the document; the text
since the previous marker (headings, list/table markup dropped) is the sentence.

Usage: build_batch.py BATCH   (writes documents/BATCH/docs and sentences.jsonl)
"""
import json, re, sys
from pathlib import Path

ABBR = {"ap": "agentless-passive", "rc": "root-cause", "b": "blame", "h": "hindsight"}
MARK = re.compile(r" ?\{\{([^}]*)\}\}")


def clean_prefix(s):
    s = re.sub(r"^[\s|]+", "", s)
    s = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", s)
    s = re.sub(r"^>\s*", "", s)
    s = re.sub(r"^\[[ xX]\]\s+", "", s)
    return " ".join(s.split())


def main():
    batch = sys.argv[1]
    here = Path(__file__).resolve().parent.parent
    src = here / "src" / batch
    out = here / batch
    (out / "docs").mkdir(parents=True, exist_ok=True)
    rows, n = [], 0
    for f in sorted(src.iterdir()):
        raw = f.read_text(encoding="utf-8")
        (out / "docs" / f.name).write_text(MARK.sub("", raw), encoding="utf-8")
        buf = ""
        for line in raw.splitlines():
            st = line.strip()
            if st.startswith("#") or re.fullmatch(r"\|?[\s:|-]+\|?", st or "x") or st.startswith("```"):
                if clean_prefix(buf):
                    print(f"WARN {f.name}: unlabeled text dropped: {clean_prefix(buf)[:80]!r}")
                buf = ""
                continue
            if not st:
                if clean_prefix(buf):
                    print(f"WARN {f.name}: unlabeled text dropped: {clean_prefix(buf)[:80]!r}")
                buf = ""
                continue
            # list item start => new segment
            if re.match(r"^\s*(?:[-*+]|\d+[.)])\s+", line) and clean_prefix(buf):
                print(f"WARN {f.name}: unlabeled text dropped: {clean_prefix(buf)[:80]!r}")
                buf = ""
            pos = 0
            for m in MARK.finditer(line):
                buf += " " + line[pos:m.start()]
                pos = m.end()
                spec = m.group(1).strip()
                text = clean_prefix(buf)
                buf = ""
                if spec == "-":
                    continue
                labs, _, note = spec.partition(";")
                codes = [c.strip() for c in labs.split(",") if c.strip()]
                labels = [ABBR[c] for c in codes if c in ABBR]
                bad = [c for c in codes if c not in ABBR and c != "hn"]
                if bad:
                    sys.exit(f"bad code {bad} in {f.name}: {text[:60]}")
                note = note.strip()
                if "hn" in codes:
                    note = "blame hard negative: " + note
                n += 1
                row = {"id": f"{batch}-{n:04d}", "doc": f.name, "text": text, "labels": labels}
                if note:
                    row["note"] = note
                rows.append(row)
            if st.startswith("|"):
                buf = ""  # rest of a table row (other cells) is not a sentence
            else:
                buf += " " + line[pos:]
        if clean_prefix(buf):
            print(f"WARN {f.name}: unlabeled text at end: {clean_prefix(buf)[:80]!r}")
    with open(out / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{batch}: {len({r['doc'] for r in rows})} docs, {len(rows)} sentences")


if __name__ == "__main__":
    main()
