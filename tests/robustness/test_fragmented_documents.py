"""A document of very many tiny blocks is refused by name, with the limit; the other files
are still checked (issue 14: read once or refused with a message, never gigabytes)."""

from __future__ import annotations

from blamelint.document.model import MAX_BLOCKS
from tests.robustness.conftest import assert_clean_failure, error_lines


def test_too_many_blocks_is_a_per_file_error(blamelint, workdir):
    (workdir / "tiny.md").write_text("a\n\n" * (MAX_BLOCKS + 1), encoding="utf-8")
    (workdir / "tiny.txt").write_text("a\n\n" * (MAX_BLOCKS + 1), encoding="utf-8")
    run = blamelint("check", "--no-cache", "--jobs", "1", ".", cwd=workdir)
    assert_clean_failure(run)
    errors = error_lines(run)
    for name in ("tiny.md", "tiny.txt"):
        assert any(name in line and f"more than {MAX_BLOCKS:,} blocks" in line for line in errors), run.output
    assert "good.md:3:" in run.output
