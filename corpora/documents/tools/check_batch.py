#!/usr/bin/env python3
"""Check a batch's sentences.jsonl: every line parses, ids unique and prefixed, labels valid, docs exist; print counts."""
import json, sys
from collections import Counter
from pathlib import Path

VALID = {"agentless-passive", "root-cause", "blame", "hindsight"}
for d in sys.argv[1:]:
    d = Path(d)
    ids, c, hn, docs = set(), Counter(), 0, set()
    for i, line in enumerate((d / "sentences.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        r = json.loads(line)
        assert r["id"].startswith(d.name + "-"), r["id"]
        assert r["id"] not in ids, r["id"]
        ids.add(r["id"])
        assert set(r["labels"]) <= VALID, r
        assert (d / "docs" / r["doc"]).exists(), r["doc"]
        assert r["text"].strip()
        docs.add(r["doc"])
        c.update(r["labels"])
        if not r["labels"]:
            c["clean"] += 1
        hn += r.get("note", "").startswith("blame hard negative")
    print(d.name, "docs", len(docs), "sentences", len(ids), dict(c), "blame-hard-negatives", hn)
