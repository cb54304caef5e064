"""`pip install .` gives a quizgen that finds its bank, recipes, templates and font outside the source tree,
and the core install is light: no matplotlib, numpy, WeasyPrint or fontTools (issue 20)."""

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
    for folder in ("question_bank", "decks", "templates", "fonts"):
        bundled = [n for n in names if n.startswith(f"quizgen/_data/{folder}/")]
        in_repo = [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        assert len(bundled) == len(in_repo) > 0, folder
    assert "quizgen/py.typed" in names
    assert "quizgen-0.1.0.dist-info/licenses/LICENSE" in names  # the MIT text pyproject's `license` names
    # the font's licence, beside the font and in the metadata (License-Expression: MIT AND IPA)
    assert "quizgen-0.1.0.dist-info/licenses/fonts/IPA_Font_License_Agreement_v1.0.txt" in names
    metadata = zipfile.ZipFile(wheel).read("quizgen-0.1.0.dist-info/METADATA").decode()
    assert "License-Expression: MIT AND IPA" in metadata


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


@pytest.mark.slow
def test_core_install_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    """`pip install` of the wheel alone: no heavy packages; worksheet --format pdf names the pip line and exits 2."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    listed = subprocess.run([str(python), "-c", "import importlib.metadata as m; "
                             "print(sorted(d.metadata['Name'].lower() for d in m.distributions()))"],
                            capture_output=True, text=True, check=True).stdout
    for heavy in ("matplotlib", "numpy", "weasyprint", "fonttools", "pillow", "japanize-matplotlib", "sudachipy"):
        assert f"'{heavy}'" not in listed, listed
    env = {**os.environ, "QUIZGEN_CACHE_DIR": ""}
    env.pop("QUIZGEN_ARTICLES", None)
    quizgen = str(venv / "bin" / "quizgen")
    pdf = subprocess.run([quizgen, "worksheet", "--format", "pdf", "-o", str(tmp_path / "ws")], cwd=tmp_path, env=env,
                         capture_output=True, text=True)
    assert (pdf.returncode, pdf.stdout) == (2, "")
    assert pdf.stderr == ("Error: PDF worksheets, and HTML ones with the Japanese font embedded, need the optional "
                          "packages WeasyPrint and fontTools; install them with:  "
                          f"pip install 'quizgen[pdf] @ {wheel.as_uri()}'\n")
    assert not (tmp_path / "ws").exists()
    html = subprocess.run([quizgen, "worksheet", "-n", "5", "--seed", "1", "-o", str(tmp_path / "ws")], cwd=tmp_path,
                          env=env, capture_output=True, text=True)
    assert html.returncode == 0, html.stderr
    assert sorted(p.name for p in (tmp_path / "ws").iterdir()) == ["worksheet-A-key.html", "worksheet-A.html"]
