#!/usr/bin/env python3
"""Check a built batch (from the batch folder):  BATCH_ID=<id> python3 tools/validate.py

Every line parses; ids are unique and carry the batch prefix; labels are valid; each sentence
is found in its document (whitespace runs match any whitespace) after the previous sentence of
the same document; no sentence is empty or repeated. Prints the counts per label, the share of
clean sentences and the blame hard negatives (notes starting 'hard-negative:').
"""
import collections
import json
import os
import re
import sys
from pathlib import Path

LABELS = {"agentless-passive", "root-cause", "blame", "hindsight"}


def main():
    batch = os.environ.get("BATCH_ID") or sys.exit("set BATCH_ID")
    here = Path.cwd()
    rows = [json.loads(l) for l in (here / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    errors, seen, cursor, texts = [], set(), {}, set()
    for r in rows:
        if set(r) - {"id", "doc", "text", "labels", "note"} or not {"id", "doc", "text", "labels"} <= set(r):
            errors.append(f"{r.get('id')}: wrong fields {sorted(r)}")
            continue
        if r["id"] in seen or not r["id"].startswith(batch + "-"):
            errors.append(f"{r['id']}: duplicate id or wrong prefix")
        seen.add(r["id"])
        if not set(r["labels"]) <= LABELS:
            errors.append(f"{r['id']}: bad labels {r['labels']}")
        key = re.sub(r"\W+", " ", r["text"].lower()).strip()
        if not key or key in texts:
            errors.append(f"{r['id']}: empty or repeated text")
        texts.add(key)
        if "⟦" in r["text"] or "⟧" in r["text"]:
            errors.append(f"{r['id']}: marker left in text")
        doc = here / "docs" / r["doc"]
        if not doc.exists():
            errors.append(f"{r['id']}: missing doc {r['doc']}")
            continue
        raw = doc.read_text(encoding="utf-8")
        pattern = r"\s+".join(re.escape(w) for w in r["text"].split())
        m = re.compile(pattern).search(raw, cursor.get(r["doc"], 0))
        if not m:
            errors.append(f"{r['id']}: text not found in {r['doc']} after the previous sentence: {r['text'][:60]!r}")
        else:
            cursor[r["doc"]] = m.end()
    for e in errors:
        print("ERROR", e)
    counts = collections.Counter(l for r in rows for l in r["labels"])
    clean = sum(1 for r in rows if not r["labels"])
    hard = sum(1 for r in rows if "blame" not in r["labels"] and r.get("note", "").startswith("hard-negative:"))
    docs = len({r["doc"] for r in rows})
    print(f"{batch}: {docs} docs, {len(rows)} sentences, clean {clean} ({100 * clean // max(len(rows), 1)}%), "
          f"positives {dict(counts)}, blame hard negatives {hard}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
