import datetime as dt
import os
import subprocess

import pytest

from blamelint.audit import dates

D = dt.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Incident on 2024-03-05 at 10:00", D(2024, 3, 5)),
        ("| Date | 2024/3/5 |", D(2024, 3, 5)),
        ("Written 22 January 2024 by the team", D(2024, 1, 22)),
        ("On Jan. 9, 2023 we saw errors", D(2023, 1, 9)),
        ("March 3rd 2025: outage", D(2025, 3, 3)),
        ("Version 1.2.3 shipped; no date here", None),
        ("2024-13-40 is not a date, but 1 May 2022 is", D(2022, 5, 1)),
    ],
)
def test_first_date_in_text(text, expected):
    assert dates.text_date(text) == expected


def test_first_date_is_the_earliest_position_whatever_the_format():
    assert dates.text_date("On 4 July 2023 (logged as 2023-07-05)") == D(2023, 7, 4)


@pytest.mark.parametrize(
    "path, expected",
    [
        ("pm/2024-01-22-bad-flag.md", D(2024, 1, 22)),
        ("pm/20240122_bad_flag.md", D(2024, 1, 22)),
        ("pm/2023/11/06/cron.md", D(2023, 11, 6)),
        ("pm/2023-11/cron.md", D(2023, 11, 1)),
        ("pm/incident-42.md", None),
    ],
)
def test_date_in_file_name(path, expected):
    assert dates.name_date(path) == expected


def test_front_matter_keys_and_values():
    assert dates.front_matter_date({"title": "x", "date": D(2024, 2, 3)}) == D(2024, 2, 3)
    assert dates.front_matter_date({"Incident_Date": "5 March 2024", "date": "2025-01-01"}) == D(2024, 3, 5)
    assert dates.front_matter_date({"date": dt.datetime(2024, 2, 3, 10, 0)}) == D(2024, 2, 3)
    assert dates.front_matter_date({"date": "soon"}) is None
    assert dates.front_matter_date(None) is None


def test_resolve_order_and_source(tmp_path):
    content = {"front-matter": "2020-01-01", "text": "2021-01-01"}
    assert dates.resolve("2022-02-02-x.md", None, content, None) == (D(2020, 1, 1), "front-matter")
    content["front-matter"] = None
    assert dates.resolve("2022-02-02-x.md", None, content, None) == (D(2022, 2, 2), "file-name")
    assert dates.resolve("x.md", None, content, None) == (D(2021, 1, 1), "text")
    empty = {"front-matter": None, "text": None}
    path = tmp_path / "x.md"
    path.write_text("no date")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert dates.resolve("x.md", path, empty, None) == (None, None)
    assert dates.resolve("x.md", path, empty, "mtime") == (dt.date.fromtimestamp(1_700_000_000), "mtime")


def test_git_fallback_uses_the_first_commit(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }

    def git(*args, date):
        subprocess.run(
            ["git", "-C", str(repo), *args],
            check=True,
            capture_output=True,
            env={**env, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date},
        )

    git("init", "-q", date="2021-05-01T12:00:00+00:00")
    (repo / "pm.md").write_text("first")
    git("add", "pm.md", date="2021-05-01T12:00:00+00:00")
    git("commit", "-qm", "one", date="2021-05-01T12:00:00+00:00")
    (repo / "pm.md").write_text("second")
    git("commit", "-qam", "two", date="2022-07-09T12:00:00+00:00")
    empty = {"front-matter": None, "text": None}
    assert dates.resolve("pm.md", repo / "pm.md", empty, "git") == (D(2021, 5, 1), "git")
