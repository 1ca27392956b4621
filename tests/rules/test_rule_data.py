"""The phrase lists in rules/data stay clean (codespell style): every list of
strings has unique, lower-case entries without stray spaces, and no phrase is both flagged
and excepted. Files that promise it in their header ("Keep each list sorted
and unique (a test checks)") also keep every list sorted and hold strings only,
so a YAML surprise such as an unquoted ``true`` turning into a boolean fails
here rather than silently never matching."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "rules" / "data"
FILES = sorted(DATA.glob("*.yaml"))
PROMISE = "(a test checks)"


def string_lists(node, path=()):
    """(key path, list) for every list in a YAML tree."""
    if isinstance(node, list):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from string_lists(value, path + (str(key),))


def is_exception_key(key: str) -> bool:
    """Lists of phrases that a rule must not flag: ``exceptions``,
    ``foo_exceptions``, ``foo-exceptions``."""
    key = key.lower()
    return key == "exceptions" or key.endswith(("_exceptions", "-exceptions"))


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_there_are_data_files():
    assert FILES, f"no rule data in {DATA}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lists_are_unique_lowercase_and_trimmed(path):
    problems = []
    for keys, items in string_lists(load(path)):
        words = [w for w in items if isinstance(w, str)]
        if len(words) != len(items):
            continue  # not a phrase list (e.g. a list of mappings)
        where = ".".join(keys)
        dupes = sorted({w for w in words if words.count(w) > 1})
        if dupes:
            problems.append(f"{where}: duplicates {dupes}")
        for w in words:
            if w != w.lower():
                problems.append(f"{where}: '{w}' is not lower case")
            if w != w.strip() or "  " in w:
                problems.append(f"{where}: '{w}' has stray spaces")
    assert not problems, f"{path.name}: " + "; ".join(problems)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_phrase_is_both_flagged_and_excepted(path):
    lists = [
        (keys, items) for keys, items in string_lists(load(path)) if all(isinstance(w, str) for w in items)
    ]
    excepted = {w: ".".join(k) for k, items in lists if is_exception_key(k[-1]) for w in items}
    clashes = [
        f"'{w}' in {'.'.join(k)} and {excepted[w]}"
        for k, items in lists
        if not is_exception_key(k[-1])
        for w in items
        if w in excepted
    ]
    assert not clashes, f"{path.name}: " + "; ".join(clashes)


PROMISED = [p for p in FILES if PROMISE in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("path", PROMISED, ids=lambda p: p.name)
def test_promised_lists_are_sorted_strings(path):
    problems = []
    for keys, items in string_lists(load(path)):
        where = ".".join(keys)
        odd = [w for w in items if not isinstance(w, str)]
        if odd:
            problems.append(f"{where}: not strings {odd!r} (quote them in YAML)")
            continue
        if items != sorted(items):
            first = next(a for a, b in zip(items, sorted(items)) if a != b)
            problems.append(f"{where}: not sorted (first out of place: '{first}')")
    assert not problems, f"{path.name}: " + "; ".join(problems)


def test_the_sentence_rules_promise_sorted_lists():
    names = {p.name for p in PROMISED}
    assert {"root-cause.yaml", "blame.yaml", "hindsight.yaml", "people.yaml"} <= names


def test_exception_detection_catches_a_clash(tmp_path):
    """The clash check can fail: a phrase in both a flagged list and an exception list."""
    bad = {"judgments": ["careless", "lazy"], "exceptions": ["lazy"]}
    lists = list(string_lists(bad))
    excepted = {w for k, items in lists if is_exception_key(k[-1]) for w in items}
    flagged = {w for k, items in lists if not is_exception_key(k[-1]) for w in items}
    assert excepted & flagged == {"lazy"}
