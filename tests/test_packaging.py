"""`pip install .` gives a quizgen that finds its bank, recipes and templates outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (whl,) = out.glob("quizgen-*.whl")
    return whl


def test_wheel_bundles_bank_recipes_and_templates(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("question_bank", "decks", "templates"):
        bundled = [n for n in names if n.startswith(f"quizgen/_data/{folder}/")]
        in_repo = [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        assert len(bundled) == len(in_repo) > 0, folder
    assert "quizgen/py.typed" in names
    assert "quizgen-0.1.0.dist-info/licenses/LICENSE" in names  # the MIT text pyproject's `license` names


def test_installed_quizgen_checks_its_bundled_bank(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("QUIZGEN_ARTICLES", None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([sys.executable, "-c", "import quizgen.resources as r; print(r.bank_dir())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip().startswith(str(site)), where.stdout
    result = subprocess.run([sys.executable, "-m", "quizgen", "check"], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")
