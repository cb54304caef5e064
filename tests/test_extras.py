"""A core install (`pip install .`, no extras) as its users meet it.

The `pdf` and `extract` extras are made missing here (their modules cannot be found or imported,
as in a venv without them); each command that needs one prints the pip line and exits 2, the others
work. A real fresh-venv install of the wheel is in test_packaging.py, and bench/install_size.py
measures every extra.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quizgen import extras
from quizgen.bank.cache import open_catalog
from quizgen.cli import cli
from quizgen.extract import nlp
from quizgen.extras import Extra

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
WORKSHEET_BANK = DATA / "worksheet"
PDF_NEEDS = ("PDF worksheets, and HTML ones with the Japanese font embedded, need the optional packages "
             "WeasyPrint and fontTools; install them with:  ")
# What only the extras bring: their own modules and the heavy packages they pull in (and the old font's matplotlib).
EXTRA_MODULES = (*(m for info in extras.EXTRAS.values() for m in info.modules),
                 "PIL", "pydyf", "cffi", "brotli", "tinycss2", "matplotlib", "numpy")


class _NotInstalled(importlib.abc.MetaPathFinder):
    """Makes the named top-level modules (and their submodules) unfindable, as in a venv without them."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name.split(".")[0] in self.names:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def _uninstall(monkeypatch: pytest.MonkeyPatch, *names: str, forget: tuple[str, ...] = ()) -> None:
    """Make `names` not installed; `forget` (and `names`) must be imported afresh."""
    for mod in [m for m in sys.modules if m.split(".")[0] in (*names, *forget)]:
        monkeypatch.delitem(sys.modules, mod)
    monkeypatch.setattr(sys, "meta_path", [_NotInstalled(names), *sys.meta_path])


@pytest.fixture
def core(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A core install: no pdf extra, no extract extra. Yields the pip line the pdf extra's message gives."""
    _uninstall(monkeypatch, *EXTRA_MODULES)
    nlp.load_analyzer.cache_clear()
    yield extras.install_line(Extra.PDF)
    nlp.load_analyzer.cache_clear()


def _run(*args: str, input: str = "") -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, list(args), input=input)
    assert res.exception is None or isinstance(res.exception, SystemExit), res.exception
    return res.exit_code, res.stdout, res.stderr


# --- the pip line -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("origin", "line"), [
    ({"url": "file:///src/quiz%20gen", "dir_info": {"editable": True}}, "pip install -e '/src/quiz gen[pdf]'"),
    ({"url": "file:///src/quizgen", "dir_info": {}}, "pip install '/src/quizgen[pdf]'"),
    ({"url": "file:///tmp/quizgen-0.1.0-py3-none-any.whl", "archive_info": {}},
     "pip install 'quizgen[pdf] @ file:///tmp/quizgen-0.1.0-py3-none-any.whl'"),
    ({"url": "https://example.org/quizgen.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}},
     "pip install 'quizgen[pdf] @ git+https://example.org/quizgen.git@abc123'"),
    ({}, "pip install 'quizgen[pdf]'"),
], ids=["editable checkout", "checkout", "wheel", "git", "index"])
def test_the_pip_line_names_where_quizgen_came_from(monkeypatch: pytest.MonkeyPatch, origin: dict[str, Any],
                                                    line: str) -> None:
    monkeypatch.setattr(extras, "_direct_url", lambda: origin)
    assert extras.install_line(Extra.PDF) == line


def test_this_checkout_gets_its_own_pip_line() -> None:
    from importlib import metadata

    origin = json.loads(metadata.distribution("quizgen").read_text("direct_url.json") or "{}")
    if not origin.get("dir_info", {}).get("editable"):
        pytest.skip("quizgen is not installed editable from a checkout here")
    assert extras.install_line(Extra.EXTRACT) == f"pip install -e '{ROOT}[extract]'"


def test_every_extra_is_declared_in_pyproject() -> None:
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {e.value for e in Extra} | {"all", "test"} == set(declared)
    assert declared["all"] == [f"quizgen[{','.join(e.value for e in Extra)}]"]
    assert declared["test"][0] == "quizgen[all]"


# --- worksheets without the pdf extra ----------------------------------------------------------------------------


def test_worksheet_pdf_without_the_extra_prints_the_pip_line_and_exits_2(core: str, tmp_path: Path) -> None:
    out = tmp_path / "ws"
    code, stdout, stderr = _run("worksheet", "--bank", str(WORKSHEET_BANK), "--count", "5", "--seed", "1",
                                "--format", "pdf", "-o", str(out))
    assert (code, stdout, stderr) == (2, "", f"Error: {PDF_NEEDS}{core}\n")
    assert not out.exists()  # asked before anything was written


def test_worksheet_docx_without_the_extra_prints_the_pip_line_and_exits_2(core: str, tmp_path: Path) -> None:
    out = tmp_path / "ws"
    code, stdout, stderr = _run("worksheet", "--bank", str(WORKSHEET_BANK), "--count", "5", "--seed", "1",
                                "--format", "docx", "-o", str(out))
    assert (code, stdout) == (2, "")
    assert stderr == ("Error: Word worksheets (--format docx) need the optional packages python-docx and lxml; install them "
                      f"with:  {extras.install_line(Extra.DOCX)}\n")
    assert not out.exists()  # asked before anything was written


NO_TEXT = ("note: the text of article 101 was not found, so questions from one passage of it are not kept apart: "
           "pass --articles DIR\n")  # the fixture bank has no article texts (review 9)


def test_worksheet_without_the_extra_writes_html_in_the_readers_fonts(core: str, tmp_path: Path) -> None:
    code, stdout, stderr = _run("worksheet", "--bank", str(WORKSHEET_BANK), "--count", "5", "--seed", "1",
                                "-o", str(tmp_path))
    assert code == 0, stderr
    # (a matching exercise of three pairs among the five questions: a point per pair)
    assert stdout == (f"wrote {tmp_path}/worksheet-A.html\nwrote {tmp_path}/worksheet-A-key.html\n"
                      "5 questions, 10 points, 1 version (A); seed 1 (rebuild the same sheets with --seed 1)\n")
    assert stderr == f"note: HTML only, in the reader's own Japanese fonts. {PDF_NEEDS}{core}\n{NO_TEXT}"
    html = (tmp_path / "worksheet-A.html").read_text(encoding="utf-8")
    assert "@font-face" not in html and "data:font" not in html
    assert 'font-family: "IPAexGothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic"' in html
    assert "問1" in html


def test_worksheet_html_without_the_extra_says_which_fonts(core: str, tmp_path: Path) -> None:
    code, _, stderr = _run("worksheet", "--bank", str(WORKSHEET_BANK), "--count", "5", "--seed", "1",
                           "--format", "html", "-o", str(tmp_path))
    assert code == 0
    assert stderr == f"note: the HTML uses the reader's own Japanese fonts. {PDF_NEEDS}{core}\n{NO_TEXT}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["worksheet-A-key.html", "worksheet-A.html"]


def test_a_broken_pdf_extra_gets_the_same_pip_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """WeasyPrint is there but one of its own packages is not: the same message, after the HTML is written."""
    pytest.importorskip("weasyprint")
    _uninstall(monkeypatch, "pydyf", forget=("weasyprint",))
    code, stdout, stderr = _run("worksheet", "--bank", str(WORKSHEET_BANK), "--count", "5", "--seed", "1",
                                "--format", "pdf", "-o", str(tmp_path))
    assert code == 2
    assert stdout == f"wrote {tmp_path}/worksheet-A.html\nwrote {tmp_path}/worksheet-A-key.html\n"
    assert stderr == f"Error: {PDF_NEEDS}{extras.install_line(Extra.PDF)}\n"


def test_build_without_the_extra_builds_the_rest_and_says_what_is_skipped(core: str, tmp_path: Path) -> None:
    code, stdout, _ = _run("build", "--bank", str(DATA / "anki" / "bank"), "-o", str(tmp_path))
    assert code == 0
    lines = stdout.splitlines()
    assert f"worksheet  skipped: {PDF_NEEDS}{core}" in lines
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert not [p for p in written if p.endswith(".pdf")]
    assert "worksheets/worksheet-A.html" in written and "worksheets/worksheet-B-key.html" in written
    assert {p.rsplit(".", 1)[-1] for p in written} >= {"apkg", "html", "xml", "txt", "tsv", "csv"}


def test_extract_without_the_extra_prints_the_pip_line_and_exits_2(core: str, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("2023年3月21日、習近平国家主席はモスクワを訪問した。\n", encoding="utf-8")
    code, stdout, stderr = _run("extract", str(article), "--bank", str(WORKSHEET_BANK))
    assert (code, stdout) == (2, "")
    assert stderr == ("Error: quizgen extract needs the optional Japanese NLP packages SudachiPy and sudachidict-core; "
                      f"install them with:  {extras.install_line(Extra.EXTRACT)}\n")


def test_core_commands_work_without_any_extra(core: str, tmp_path: Path) -> None:
    anki = ["--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks")]
    quiz_bank = ["--bank", str(DATA / "quiz" / "bank"), "--db", str(tmp_path / "r.db"), "--now", "2025-03-01T09:00"]
    runs: list[tuple[list[str], str]] = [
        (["check", "--bank", str(WORKSHEET_BANK)], ""),
        (["anki", *anki, "-o", str(tmp_path)], ""),
        (["export", "--bank", str(WORKSHEET_BANK), "-f", "gift", "-o", str(tmp_path / "x.gift.txt")], ""),
        (["quiz", *quiz_bank, "--seed", "1"], "12\nq\n"),
        (["stats", *quiz_bank], ""),
        (["due", *quiz_bank], ""),
    ]
    for args, stdin in runs:
        code, _, stderr = _run(*args, input=stdin)
        assert code == 0, (args, stderr)


# --- nothing of an extra is imported by the core's commands ------------------------------------------------------

_PROBE = """
import json, sys
from quizgen.cli import cli
extra = {extra!r}
seen = {{"start-up": sorted(m for m in extra if m in sys.modules)}}
for name in cli.list_commands(None):  # commands load on demand: list them all
    cli.main([name, "--help"], standalone_mode=False)
seen["--help"] = sorted(m for m in extra if m in sys.modules)
for args, stdin in {runs!r}:
    sys.stdin = __import__("io").StringIO(stdin)
    try:
        cli.main(args, standalone_mode=False)
    except SystemExit:
        pass
    seen[args[0]] = sorted(m for m in extra if m in sys.modules)
print("SEEN " + json.dumps(seen))
"""


def test_core_commands_never_import_an_extra(tmp_path: Path) -> None:
    """With every extra installed (as here), the core's commands still import none of them."""
    quiz_bank = ["--bank", str(DATA / "quiz" / "bank"), "--db", str(tmp_path / "r.db"), "--now", "2025-03-01T09:00"]
    runs = [(["check", "--bank", str(WORKSHEET_BANK)], ""),
            (["quiz", *quiz_bank, "--seed", "1"], "12\nq\n"),
            (["stats", *quiz_bank], ""),
            (["due", *quiz_bank], ""),
            (["anki", "--bank", str(DATA / "anki" / "bank"), "--decks", str(DATA / "anki" / "decks"), "-o", str(tmp_path)],
             ""),
            (["export", "--bank", str(WORKSHEET_BANK), "-f", "gift", "-o", str(tmp_path / "x.gift.txt")], "")]
    code = _PROBE.format(extra=EXTRA_MODULES, runs=runs)
    # The quiz's bank cache is built first: computing the readings it stores uses SudachiPy when it is there
    # (quizgen/bank/readings.py); a command then reads the cache and imports nothing of [extract].
    open_catalog(DATA / "quiz" / "bank", tmp_path / "cache")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QUIZGEN_CACHE_DIR": str(tmp_path / "cache"), "TZ": "UTC"})
    assert "SEEN " in res.stdout, res.stderr
    seen = json.loads(res.stdout.split("SEEN ", 1)[1])
    assert list(seen) == ["start-up", "--help", "check", "quiz", "stats", "due", "anki", "export"]
    assert all(mods == [] for mods in seen.values()), seen
