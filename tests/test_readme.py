"""README's command examples stay true: every command shown after a `$ ` prompt is run, and its output must be
exactly what README shows under it.

Each fenced block holding `$ ` lines runs in a fresh folder, one command after another (a quiz and then
`quizgen stats` share the review history), with the bundled bank, SOURCE_DATE_EPOCH fixed (a command may set
its own), TZ=UTC, and these paths as README uses them: `../shared/seeds` (the seed articles, from
$QUIZGEN_ARTICLES or beside the checkout), `tests/` (this repository's), and `bank/` + `articles/` (a broken
bank for the `quizgen check` example). Standard error is compared too, after standard output.

Not run: blocks without a `$ ` prompt (set-up commands such as `make demo`, command synopses, the interactive
`quizgen quiz` of the quickstart) and blocks after a `<!-- readme: not run -->` line.

When the bank or an output changes on purpose, refresh README from real runs and review the diff:

    python tests/test_readme.py --update        (or: make readme)
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DATA = ROOT / "tests" / "data"
EPOCH = "1764144000"
NOT_RUN = "<!-- readme: not run -->"


@dataclass(frozen=True)
class Command:
    line: int  # 0-based index in README of its `$ ` line
    command: str
    expected: tuple[str, ...]  # the lines README shows under it (trailing blank lines dropped)


@dataclass(frozen=True)
class Session:
    commands: tuple[Command, ...]

    @property
    def name(self) -> str:
        return self.commands[0].command


def sessions(text: str) -> list[Session]:
    """Every fenced block of `text` that shows commands after `$ ` prompts, with the output under each."""
    lines = text.split("\n")
    out: list[Session] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        skipped = i > 0 and lines[i - 1].strip() == NOT_RUN
        starts = [j for j in range(i + 1, end) if lines[j].startswith("$ ")]
        if starts and not skipped:
            bounds = [*starts, end]
            out.append(Session(tuple(Command(s, lines[s][2:], _trimmed(lines[s + 1:e]))
                                     for s, e in itertools.pairwise(bounds))))
        i = end + 1
    return out


def _trimmed(lines: list[str]) -> tuple[str, ...]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return tuple(lines)


def _seeds() -> Path | None:
    env = os.environ.get("QUIZGEN_ARTICLES")
    for cand in ([Path(env)] if env else []) + [ROOT.parent / "shared" / "seeds"]:
        if cand.is_dir():
            return cand.resolve()
    return None


def _folder(tmp: Path) -> Path:
    """The folder README's commands run in, with the paths they name."""
    work = tmp / "work"
    (work / "bank").mkdir(parents=True)
    for name in ("sources", "entities"):
        shutil.copy(DATA / "bank_good" / f"{name}.yaml", work / "bank" / f"{name}.yaml")
    shutil.copy(DATA / "bank_bad" / "many_problems.yaml", work / "bank" / "items.yaml")
    (work / "articles").symlink_to(DATA / "articles")
    (work / "tests").symlink_to(ROOT / "tests")
    (work / "question_bank" / "drafts").mkdir(parents=True)
    seeds = _seeds()
    if seeds is not None:
        (tmp / "shared").mkdir()
        (tmp / "shared" / "seeds").symlink_to(seeds)
    return work


def run(session: Session) -> list[tuple[str, ...]]:
    """The output of each command of `session`, run as README shows it."""
    with tempfile.TemporaryDirectory(prefix="quizgen-readme-") as tmp:
        work = _folder(Path(tmp))
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "TZ": "UTC", "QUIZGEN_DB": str(Path(tmp) / "reviews.sqlite3"),
               "QUIZGEN_CACHE_DIR": "", "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
               "COLUMNS": "80", "NO_COLOR": "1"}
        for name in ("QUIZGEN_BANK", "QUIZGEN_ARTICLES", "EDITOR"):
            env.pop(name, None)
        outputs = []
        for c in session.commands:
            res = subprocess.run(["bash", "-c", c.command], cwd=work, env=env, capture_output=True, text=True,
                                 timeout=300)
            outputs.append(_trimmed((res.stdout + res.stderr).split("\n")))
        return outputs


def _needs(session: Session) -> str | None:
    """Why `session` cannot run on this machine (None: it can)."""
    text = " ".join(c.command for c in session.commands)
    if "shared/seeds" in text and _seeds() is None:
        return "the seed articles are not here (set QUIZGEN_ARTICLES)"
    if "quizgen extract" in text and importlib.util.find_spec("sudachipy") is None:
        return "quizgen extract needs the [extract] extra"
    if re.search(r"quizgen (build|worksheet)", text):
        from quizgen.errors import DependencyError
        from quizgen.generators.worksheet.pdf import load_weasyprint

        try:
            load_weasyprint()
        except DependencyError:
            return "PDFs need WeasyPrint's system libraries"
    return None


SESSIONS = sessions(README.read_text(encoding="utf-8"))


def test_readme_shows_command_sessions() -> None:
    assert len(SESSIONS) >= 8, [s.name for s in SESSIONS]


@pytest.mark.parametrize("session", SESSIONS, ids=[s.name[:60] for s in SESSIONS])
def test_readme_command_output_is_what_the_command_prints(session: Session) -> None:
    why = _needs(session)
    if why:
        pytest.skip(why)
    for c, got in zip(session.commands, run(session), strict=True):
        assert "\n".join(got) == "\n".join(c.expected), (
            f"README line {c.line + 1}: `{c.command}` prints something else; if that is intended, refresh README "
            "with `python tests/test_readme.py --update` and review the diff")


def update() -> int:
    """Rewrite README's outputs from real runs (`python tests/test_readme.py --update`)."""
    text = README.read_text(encoding="utf-8")
    lines = text.split("\n")
    changed = 0
    for session in reversed(SESSIONS):  # from the end, so earlier line numbers stay valid
        why = _needs(session)
        if why:
            print(f"not refreshed ({why}): {session.name}")
            continue
        for c, got in reversed(list(zip(session.commands, run(session), strict=True))):
            if got != c.expected:
                start = c.line + 1
                lines[start:start + len(c.expected)] = list(got)
                changed += 1
                print(f"refreshed: {c.command}")
    README.write_text("\n".join(lines), encoding="utf-8")
    print(f"{changed} command outputs refreshed in {README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        raise SystemExit("usage: python tests/test_readme.py --update")
    raise SystemExit(update())
