import json

from blamelint.config import Config
from blamelint.findings import Finding, Location, Severity
from blamelint.run.cache import Cache, run_fingerprint
from blamelint.run.entries import from_entry, to_entry
from blamelint.run.job import FileResult


def test_round_trip_and_corrupt_entries(tmp_path):
    cache = Cache(tmp_path, "fp")
    key = cache.key("digest", "md")
    assert cache.get(key) is None and not cache.contains(key)
    cache.put(key, {"findings": [], "metrics": {"words": 3}})
    assert cache.contains(key) and cache.get(key) == {"findings": [], "metrics": {"words": 3}}
    path = next(tmp_path.rglob(f"{key}.json"))
    path.write_text("{not json")
    assert cache.get(key) is None
    path.write_text(json.dumps({"key": "other", "value": {}}))
    assert cache.get(key) is None


def test_keys_depend_on_run_content_and_format(tmp_path):
    a, b = Cache(tmp_path, "run-a"), Cache(tmp_path, "run-b")
    assert a.key("d", "md") != b.key("d", "md")
    assert a.key("d", "md") != a.key("d", "txt")
    assert a.key("d1", "md") != a.key("d2", "md")


def test_fingerprint_changes_with_config_and_rules():
    base = run_fingerprint(Config(), ["blame"], [])
    assert base == run_fingerprint(Config(), ["blame"], [])
    assert base != run_fingerprint(Config(batch_size=10, ignore=["x"]), ["blame"], [])
    assert base != run_fingerprint(Config(), ["blame", "hindsight"], [])
    assert base != run_fingerprint(Config(), ["blame"], [], extra="metrics-v2")


def test_unwritable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = Cache(blocker, "fp")  # a file where the folder should be
    cache.put(cache.key("d"), {"findings": []})
    assert cache.writable is False and cache.get(cache.key("d")) is None


def test_entries_do_not_keep_the_path():
    f = Finding(
        rule="blame",
        severity=Severity.WARNING,
        message="m",
        text="t",
        location=Location(path="a/old.md", line=2, column=3, end_line=2, end_column=4),
    )
    entry = to_entry(FileResult("a/old.md", findings=[f], metrics={"words": 1}))
    assert "old.md" not in json.dumps(entry)
    back = from_entry("b/new.md", entry)
    assert back.cached and back.findings[0].location.path == "b/new.md"
    assert back.findings[0].model_copy(update={"location": f.location}) == f
