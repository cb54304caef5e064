"""The layout cannot rot: imports point down the layers of docs/architecture.md, and only the CLI speaks click.

The layer list is read from docs/architecture.md (the block between `<!-- layers` and `<!-- /layers -->`),
so the page and this test cannot disagree. Every import counts, including those inside functions and
under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen.cli.common import FLAGS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "quizgen"
DOC = ROOT / "docs" / "architecture.md"


@dataclass(frozen=True)
class Unit:
    name: str
    layer: int
    paths: tuple[str, ...]  # files, or folders ending in "/", relative to the repository


def read_layers(doc: str) -> list[Unit]:
    """`N. name: path path | name: path` lines of the layers block: units of one layer are split by `|`."""
    block = doc.split("<!-- layers", 1)[1].split("<!-- /layers -->", 1)[0]
    units = []
    for line in block.splitlines():
        m = re.fullmatch(r"(\d+)\. (.+)", line.strip())
        if m is None:
            continue
        for part in m.group(2).split("|"):
            name, _, paths = part.partition(":")
            units.append(Unit(name.strip(), int(m.group(1)), tuple(paths.split())))
    return units


UNITS = read_layers(DOC.read_text(encoding="utf-8"))


def unit_of(path: str) -> Unit | None:
    """The unit whose path holds `path` most closely (a file, or the longest folder)."""
    best: tuple[int, Unit] | None = None
    for unit in UNITS:
        for p in unit.paths:
            if path == p or (p.endswith("/") and path.startswith(p)):
                length = len(p) + (1000 if path == p else 0)
                if best is None or length > best[0]:
                    best = (length, unit)
    return best[1] if best else None


def module_path(module: str) -> str | None:
    """quizgen.bank.model -> quizgen/bank/model.py (a package -> its __init__.py); None outside quizgen."""
    parts = module.split(".")
    if parts[0] != "quizgen":
        return None
    base = ROOT.joinpath(*parts)
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py").relative_to(ROOT).as_posix()
    if (base / "__init__.py").is_file():
        return (base / "__init__.py").relative_to(ROOT).as_posix()
    return None


@dataclass(frozen=True)
class Import:
    file: str
    line: int
    module: str  # the module imported (for `from a import b`, a.b when b is a module, else a)


def imports_of(rel: str, source: str) -> list[Import]:
    """Every import in `source`, the text of the module at `rel` (e.g. quizgen/bank/model.py)."""
    package = rel[: -len(".py")].replace("/", ".")
    package = package[: -len(".__init__")] if rel.endswith("/__init__.py") else package.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source, rel)):
        if isinstance(node, ast.Import):
            out += [Import(rel, node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from .x import y
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for a in node.names:
                sub = f"{base}.{a.name}"
                out.append(Import(rel, node.lineno, sub if module_path(sub) else base))
    return out


def library_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def library_sources() -> dict[str, str]:
    return {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in library_files()}


def violations(sources: dict[str, str]) -> list[str]:
    """What breaks the layers in `sources` (path -> module text)."""
    out = []
    for rel, source in sources.items():
        mine = unit_of(rel)
        assert mine is not None, f"{rel} is on no layer of docs/architecture.md"
        for imp in imports_of(rel, source):
            if imp.module.split(".")[0] == "click" and mine.name != "cli":
                out.append(f"{imp.file}:{imp.line}: imports click: only quizgen/cli/ may")
            target = module_path(imp.module)
            theirs = unit_of(target) if target else None
            if theirs is None or theirs == mine:
                continue
            if theirs.layer > mine.layer:
                out.append(f"{imp.file}:{imp.line}: imports {imp.module}: {mine.name} (layer {mine.layer}) "
                           f"may not import {theirs.name} (layer {theirs.layer}, above it)")
            elif theirs.layer == mine.layer:
                out.append(f"{imp.file}:{imp.line}: imports {imp.module}: {mine.name} and {theirs.name} share "
                           f"layer {mine.layer} and never import each other; move what both need down a layer")
    return out


def test_every_import_points_down_and_click_stays_in_the_cli() -> None:
    problems = violations(library_sources())
    assert not problems, "\n".join(problems)


def test_the_layers_cover_every_module_and_name_only_what_exists() -> None:
    assert [u for u in UNITS if u.layer == 1], "the layers block of docs/architecture.md was not found"
    for path in library_files():
        assert unit_of(path.relative_to(ROOT).as_posix()) is not None, f"{path} is on no layer"
    for unit in UNITS:
        for p in unit.paths:
            assert (ROOT / p).exists(), f"docs/architecture.md names {p}, which does not exist"


@pytest.mark.parametrize(("planted", "expected"), [
    ("from quizgen.forms import distractors\n",
     "imports quizgen.forms: bank (layer 3) may not import forms (layer 4, above it)"),
    ("from quizgen.quiz.judge import judge\n",
     "imports quizgen.quiz.judge: bank (layer 3) may not import quiz (layer 5, above it)"),
    ("import click\n", "imports click: only quizgen/cli/ may"),
])
def test_a_planted_upward_import_is_caught(planted: str, expected: str) -> None:
    """The check itself works: an import planted at the top of bank/model.py is reported."""
    rel = "quizgen/bank/model.py"
    found = violations({rel: planted + (ROOT / rel).read_text(encoding="utf-8")})
    assert found == [f"{rel}:1: {expected}"]


def test_a_sideways_import_is_caught() -> None:
    rel = "quizgen/generators/exports/common.py"
    found = violations({rel: "from quizgen.quiz.judge import judge\n"})
    assert found == [f"{rel}:1: imports quizgen.quiz.judge: exports and quiz share layer 5 and never import each other; "
                     "move what both need down a layer"]


def test_every_parameter_a_library_error_names_has_a_flag() -> None:
    """A message's {name} must be one the CLI can spell (cli/common.py:FLAGS)."""
    named = set()
    for path in library_files():
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "names" and isinstance(node.value, ast.List | ast.Tuple):
                named |= {e.value for e in node.value.elts if isinstance(e, ast.Constant)}
    assert named and named <= set(FLAGS), named - set(FLAGS)
