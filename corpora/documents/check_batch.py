#!/usr/bin/env python3
"""Check a batch's sentences.jsonl: every line parses, ids unique with the batch prefix, labels valid, docs exist."""
import json, sys, collections
from pathlib import Path
LABELS = {"agentless-passive", "root-cause", "blame", "hindsight"}
b = Path(sys.argv[1]).resolve()
rows = [json.loads(l) for l in (b / "sentences.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
ids = [r["id"] for r in rows]
assert len(ids) == len(set(ids)), "duplicate ids"
assert all(i.startswith(b.name + "-") for i in ids), "bad id prefix"
assert all(set(r["labels"]) <= LABELS for r in rows), "bad label"
assert all((b / "docs" / r["doc"]).exists() for r in rows), "missing doc"
assert all(set(r) <= {"id", "doc", "text", "labels", "note"} for r in rows), "extra field"
c = collections.Counter(l for r in rows for l in r["labels"])
hn = sum(1 for r in rows if "blame" not in r["labels"] and ("blame hard negative" in r.get("note", "").lower() or r.get("note", "").startswith("hard-negative:")))
print(f"{b.name}: {len(set(r['doc'] for r in rows))} docs, {len(rows)} sentences, positives {dict(c)}, blame hard negatives {hn}")
