import pytest

from blamelint.config import Config, load_config
from blamelint.errors import ConfigError


def test_defaults_without_config(tmp_path):
    config = load_config(cwd=tmp_path)
    assert config.fail_on == "warning" and config.source is None


def test_pyproject_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.blamelint]\nfail-on = 'error'\nignore = ['hindsight']\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    config = load_config(cwd=sub)
    assert config.fail_on == "error" and config.ignore == ["hindsight"]
    assert config.source.endswith("pyproject.toml")


def test_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    assert load_config(cwd=tmp_path).source is None


def test_dot_file_wins_in_same_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.blamelint]\nfail-on = 'error'\n")
    (tmp_path / ".blamelint.toml").write_text("fail-on = 'note'\n")
    assert load_config(cwd=tmp_path).fail_on == "note"


@pytest.mark.parametrize(
    "body, words",
    [
        ("fail-on = 'sometimes'\n", ["fail-on", "error", "warning", "note", "never"]),
        ("colour = true\n", ["unknown key 'colour'", "allowed keys"]),
        ("severity = { blame = 'fatal' }\n", ["severity.blame"]),
        ("select = 'blame'\n", ["select"]),
    ],
)
def test_bad_values_name_file_key_and_allowed(tmp_path, body, words):
    (tmp_path / ".blamelint.toml").write_text(body)
    with pytest.raises(ConfigError) as err:
        load_config(cwd=tmp_path)
    message = str(err.value)
    assert ".blamelint.toml" in message
    for word in words:
        assert word in message


def test_invalid_toml(tmp_path):
    (tmp_path / ".blamelint.toml").write_text("fail-on = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(cwd=tmp_path)


def test_explicit_missing(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_config(str(tmp_path / "none.toml"), cwd=tmp_path)


def test_fingerprint_changes_with_settings():
    assert Config().fingerprint() == Config().fingerprint()
    assert Config().fingerprint() != Config(ignore=["blame"]).fingerprint()
