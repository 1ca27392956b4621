"""Rule data ships inside the wheel and is loaded from the installed package."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_rule_data_loads_from_installed_package_when_not_editable():
    import blamelint
    from blamelint.data import data_dir

    package = Path(blamelint.__file__).resolve().parent
    if package.is_relative_to(ROOT / "src"):
        pytest.skip("editable install: data comes from the checkout (CI installs the wheel)")
    assert data_dir().resolve() == (package / "_rules").resolve()
    assert (data_dir() / "cards" / "blame.yaml").is_file()


@pytest.mark.slow
def test_wheel_contains_rule_data(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stderr[-2000:]}")
    wheel = next(tmp_path.glob("blamelint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for card in (ROOT / "rules" / "cards").glob("*.yaml"):
        assert f"blamelint/_rules/cards/{card.name}" in names
    for data in (ROOT / "rules" / "data").glob("*.yaml"):
        assert f"blamelint/_rules/data/{data.name}" in names
    assert "blamelint/schemas/report.schema.json" in names
    assert "blamelint/schemas/audit.schema.json" in names
    models = ["blame"] + [
        f"veto/{p.name}" for p in (ROOT / "src" / "blamelint" / "models" / "veto").iterdir()
    ]
    assert len(models) == 4  # blame, and the vetoes of agentless-passive, hindsight and root-cause
    for model in models:
        for part in ("card.json", "meta.json", "config.cfg", "textcat/model", "vocab/strings.json"):
            assert f"blamelint/models/{model}/{part}" in names
