"""Optional features and the extras that install them: the one owner of "which pip line to run".

A core install (`pip install .`) checks the bank, runs the quiz, stats and due, builds Anki decks,
LMS exports and HTML worksheets. Three features need more, installed as extras (pyproject.toml):

- `pdf`: WeasyPrint (PDF worksheets) and fontTools (the Japanese font embedded in stand-alone HTML);
- `extract`: SudachiPy and its core dictionary (`quizgen extract`), and OpenCC; the quiz uses them too, when the
  bank is cached (readings and glyph forms of every accepted spelling), and does without them.
- `docx`: python-docx (worksheets as Word files a teacher can edit: `quizgen worksheet --format docx`).

Packages are looked up without being imported (`importlib.util.find_spec`), so asking costs nothing
at start-up. The install line names where quizgen was installed from (PEP 610's direct_url.json):
quizgen is installed from a checkout or a wheel, and a bare `pip install 'quizgen[pdf]'` would ask
the package index for a project of that name.
"""

from __future__ import annotations

import importlib.util
import json
import shlex
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import unquote, urlparse

from quizgen.errors import MissingExtraError

DISTRIBUTION = "quizgen"


class Extra(StrEnum):
    PDF = "pdf"
    EXTRACT = "extract"
    DOCX = "docx"


@dataclass(frozen=True)
class ExtraInfo:
    needs: str  # what needs it and which packages, as the user reads it
    modules: tuple[str, ...]  # import names that must all be present


EXTRAS: dict[Extra, ExtraInfo] = {
    Extra.PDF: ExtraInfo("PDF worksheets, and HTML ones with the Japanese font embedded, need the optional packages "
                         "WeasyPrint and fontTools",
                         ("weasyprint", "fontTools")),
    Extra.EXTRACT: ExtraInfo("quizgen extract needs the optional Japanese NLP packages SudachiPy and sudachidict-core",
                             ("sudachipy", "sudachidict_core")),
    Extra.DOCX: ExtraInfo("Word worksheets (--format docx) need the optional packages python-docx and lxml", ("docx",)),
}


def has_module(name: str) -> bool:
    """True if `name` can be imported (found on the path), without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # a missing parent package, or a module without a spec
        return False


def missing(extra: Extra) -> tuple[str, ...]:
    """The import names of `extra` that are not installed."""
    return tuple(m for m in EXTRAS[extra].modules if not has_module(m))


def error(extra: Extra) -> MissingExtraError:
    """The error for a missing `extra`: what needs it, and the pip line that installs it."""
    return MissingExtraError(f"{EXTRAS[extra].needs}; install them with:  {install_line(extra)}")


def require(extra: Extra) -> None:
    """Raise MissingExtraError unless every package of `extra` is installed."""
    if missing(extra):
        raise error(extra)


def install_line(extra: Extra) -> str:
    """The pip command that adds `extra` to this quizgen, from where it was installed.

    `pip install -e '/src/quizgen[pdf]'` for an editable checkout, `pip install '/src/quizgen[pdf]'` for a
    checkout, `pip install 'quizgen[pdf] @ file:///…/quizgen-0.1.0-py3-none-any.whl'` for a wheel or a VCS URL,
    and `pip install 'quizgen[pdf]'` when quizgen came from a package index (or cannot tell).
    """
    origin = _direct_url()
    url = str(origin.get("url", ""))
    if "dir_info" in origin and url.startswith("file:"):
        path = unquote(urlparse(url).path)
        editable = "-e " if origin["dir_info"].get("editable") else ""
        return f"pip install {editable}{shlex.quote(f'{path}[{extra}]')}"
    requirement = f"{DISTRIBUTION}[{extra}]"
    if "vcs_info" in origin:
        vcs = origin["vcs_info"]
        commit = f"@{vcs['commit_id']}" if vcs.get("commit_id") else ""
        requirement += f" @ {vcs.get('vcs', 'git')}+{url}{commit}"
    elif url:
        requirement += f" @ {url}"
    return f"pip install {shlex.quote(requirement)}"


def _direct_url() -> dict[str, Any]:
    """PEP 610's record of where the installed quizgen came from ({} for an index, or when not installed)."""
    from importlib import metadata  # only when an error is being written: it is not free to import

    try:
        text = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
        data = json.loads(text) if text else {}
    except (metadata.PackageNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
