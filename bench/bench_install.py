"""Install size and package count of quizgen's core and of each extra, in fresh venvs, against the 0.1.0 set.

Every row is `pip install '<this checkout>[extra]'` into a new empty venv, from a local wheelhouse
(`--no-index --find-links`), so the rows are repeatable; the wheelhouse itself comes from the
usual index (pip's cache). The baseline, installed in the same run, is the dependency set of
quizgen 0.1.0 (WeasyPrint and japanize-matplotlib in the core). Size is the apparent size of every
file the install adds (byte code included), in MB of 10^6 bytes; packages count the
distributions installed, quizgen included.

Then, as a user would: in the core venv `quizgen worksheet --format pdf` must print the pip line
and exit 2; that very line is run (against the wheelhouse), and the worksheet PDF it then makes
must embed IPAexGothic. In the [pdf] venv the PDF is made directly and checked the same way
(pypdf, from the environment running this script). Goal: core < 25% of the baseline.

    python bench/bench_install.py [--quick]     # --quick: baseline, core and [pdf] only
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

ROOT = Path(__file__).resolve().parent.parent
# quizgen 0.1.0's dependencies (pyproject.toml before issue 20), installed beside quizgen's core
BEFORE = ("click>=8.1", "pyyaml>=6.0", "jinja2>=3.1", "genanki>=0.13,<0.14", "fsrs>=6.0,<7", "platformdirs>=4.0",
          "weasyprint>=62", "japanize-matplotlib==1.1.3")
HEAVY = ("matplotlib", "numpy", "weasyprint", "fonttools", "pillow", "sudachipy", "sudachidict-core")


@dataclass(frozen=True)
class Row:
    name: str
    megabytes: float
    packages: int
    heavy: tuple[str, ...]  # which of HEAVY are installed


def pip(python: Path | None, *args: str) -> None:
    target = ["--python", str(python)] if python else []
    subprocess.run([sys.executable, "-m", "pip", *target, *args, "-q", "--disable-pip-version-check"], check=True)


def tree_bytes(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() or p.is_symlink())


def fresh_venv(where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    return where / "bin" / "python"


def distributions(python: Path) -> list[str]:
    out = subprocess.run([str(python), "-c", "import importlib.metadata as m\n"
                          "for d in m.distributions(): print(d.metadata['Name'].lower().replace('_', '-'))"],
                         capture_output=True, text=True, check=True).stdout
    return sorted(set(out.split()))


def install(name: str, venv: Path, wheelhouse: Path, empty: int, *requirements: str) -> Row:
    python = fresh_venv(venv)
    pip(python, "install", "--no-index", "--find-links", str(wheelhouse), *requirements)
    names = distributions(python)
    size = (tree_bytes(venv) - empty) / 1e6
    row = Row(name, size, len(names), tuple(h for h in HEAVY if h in names))
    print(f"{row.name:<16} {row.megabytes:7.1f} MB  {row.packages:3d} packages  heavy: {', '.join(row.heavy) or 'none'}",
          flush=True)
    return row


def embedded_fonts(pdf: Path) -> set[str]:
    """Base names of the fonts embedded (with a font file) in `pdf`."""
    names = set()
    for page in PdfReader(pdf).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        for ref in cast(DictionaryObject, resources["/Font"].get_object()).values():
            font = cast(DictionaryObject, ref.get_object())
            for desc in cast(ArrayObject, font.get("/DescendantFonts", ArrayObject([font]))):
                descriptor = cast(DictionaryObject, desc.get_object()).get("/FontDescriptor")
                keys = cast(DictionaryObject, descriptor.get_object()) if descriptor is not None else {}
                if any(k in keys for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(font["/BaseFont"]).lstrip("/"))
    return names


def worksheet_pdf(venv: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZGEN_CACHE_DIR": ""}
    return subprocess.run([str(venv / "bin" / "quizgen"), "worksheet", "-n", "8", "--seed", "1", "--format", "pdf",
                           "-o", str(out)], capture_output=True, text=True, env=env, cwd=out.parent)


def check_pdf(label: str, venv: Path, out: Path) -> None:
    res = worksheet_pdf(venv, out)
    assert res.returncode == 0, res.stderr
    fonts = embedded_fonts(out / "worksheet-A.pdf")
    assert fonts and all(re.fullmatch(r"[A-Z]{6}\+IPAexGothic", f) for f in fonts), fonts
    print(f"{label}: worksheet-A.pdf embeds {', '.join(sorted(fonts))}", flush=True)


def core_asks_for_the_extra(core: Path, wheelhouse: Path, tmp: Path) -> None:
    """Core: --format pdf prints the pip line and exits 2; running that line makes the PDF work."""
    res = worksheet_pdf(core, tmp / "core-ws")
    assert res.returncode == 2 and not (tmp / "core-ws").exists(), (res.returncode, res.stderr)
    print(f"core: quizgen worksheet --format pdf -> exit {res.returncode}: {res.stderr.strip()}", flush=True)
    line = res.stderr.rsplit("install them with:  ", 1)[1].strip()
    args = shlex.split(line)
    assert args[:2] == ["pip", "install"], line
    pip(core / "bin" / "python", *args[1:], "--no-index", "--find-links", str(wheelhouse))
    check_pdf(f"core + `{line}`", core, tmp / "core-ws")


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="quizgen-install-") as name:
        tmp = Path(name)
        wheelhouse = tmp / "wheelhouse"
        print("building the wheelhouse (from the package index / pip's cache) ...", flush=True)
        pip(None, "wheel", "-w", str(wheelhouse), "hatchling", *BEFORE, f"{ROOT}[all]")
        empty = tree_bytes(fresh_venv(tmp / "empty").parent.parent)
        rows = [install("0.1.0 (baseline)", tmp / "before", wheelhouse, empty, str(ROOT), *BEFORE),
                install("core", tmp / "core", wheelhouse, empty, str(ROOT)),
                install("[pdf]", tmp / "pdf", wheelhouse, empty, f"{ROOT}[pdf]")]
        if not quick:
            rows += [install("[extract]", tmp / "extract", wheelhouse, empty, f"{ROOT}[extract]"),
                     install("[all]", tmp / "all", wheelhouse, empty, f"{ROOT}[all]")]
        check_pdf("[pdf]", tmp / "pdf", tmp / "pdf-ws")
        core_asks_for_the_extra(tmp / "core", wheelhouse, tmp)
    base = rows[0]
    print("\n| install | size | packages | vs 0.1.0 |\n|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r.name} | {r.megabytes:.0f} MB | {r.packages} | {r.megabytes / base.megabytes:.0%} |")
    core = rows[1]
    ratio = core.megabytes / base.megabytes
    print(f"\ncore vs 0.1.0: {ratio:.2f}x the size (goal < 0.25), {core.packages} vs {base.packages} packages; "
          f"heavy packages in the core: {', '.join(core.heavy) or 'none'}")
    return 0 if ratio < 0.25 and not core.heavy else 1


if __name__ == "__main__":
    raise SystemExit(main())
