"""corpora/blame-sentences: the blame model's sentence sets are well formed (the labels say
blame or nothing, ids and texts are unique, each set is about half blame)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

SETS = sorted((Path(__file__).resolve().parents[1] / "corpora" / "blame-sentences").glob("*.jsonl"))


def test_there_are_sets():
    assert SETS, "corpora/blame-sentences/*.jsonl feeds the blame model"


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.stem)
def test_a_set_is_well_formed(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [r["id"] for r in rows]
    keys = [re.sub(r"\W+", " ", r["text"].lower()).strip() for r in rows]
    assert all(set(r) <= {"id", "text", "labels", "note"} for r in rows)
    assert all(r["labels"] in ([], ["blame"]) for r in rows)
    assert all(i.startswith(path.stem + "-") for i in ids) and len(set(ids)) == len(ids)
    assert all(keys) and len(set(keys)) == len(keys)
    share = sum(r["labels"] == ["blame"] for r in rows) / len(rows)
    assert 0.4 <= share <= 0.6
