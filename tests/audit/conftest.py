"""A small archive of postmortems written for these tests, and an isolated cache."""

from __future__ import annotations

import pytest

GOOD = """---
date: 2024-02-03
---
# Checkout errors after the config push

## Summary

On 3 February we pushed a config change that halved the checkout pool. We rolled it back at 10:40.

## Timeline

- 10:02 Priya pushes the config change.
- 10:15 We see the error rate rise and page the payments team.
- 10:40 Priya rolls the change back.

## What went well

- The payments team joined within five minutes.

## Action items

- [x] Add a pool-size check to the config linter — @priya — 2024-02-10
- [ ] Alert on checkout pool saturation — Owner: Sam — due 2024-03-01
- [ ] Document the rollback steps
"""

BAD = """# Database outage

## Summary

The database was restarted during peak hours. The engineer failed to check the replica lag and
should have known better. The root cause was human error. The backups were deleted.

## Action items

- Be more careful with restarts.
"""


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "2024-02-03-checkout.md").write_text(GOOD, encoding="utf-8")
    (folder / "db-outage.md").write_text(
        BAD.replace("# Database outage", "# Database outage, 12 May 2023"), encoding="utf-8"
    )
    (folder / "2023-11-20-notes.txt").write_text(
        "SUMMARY\n\nWe restarted the queue workers after the backlog grew. Someone deleted the old index.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(autouse=True)
def isolated_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("BLAMELINT_CACHE_DIR", str(cache))
    return cache
