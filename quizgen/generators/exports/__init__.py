"""Exports teachers import elsewhere: Moodle XML, GIFT, Quizlet and Kahoot (.xlsx, and CSV).

    >>> exp = export(bank, ExportFormat.GIFT, rng=random.Random(0))
    >>> write_export(exp, Path("out/quizgen.gift.txt"))

`export` is pure (the text, counts per question type, and warnings for whatever a
format cannot express); `write_export` writes atomically; `build_default` is the
`quizgen build` step that writes every format to `out/`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from pathlib import Path

from quizgen.atomic import write_bytes
from quizgen.bank.model import Bank, Item, Lang, Selection
from quizgen.bank.placeholders import refuse as refuse_placeholders
from quizgen.generators.exports import gift, kahoot, moodle, quizlet
from quizgen.generators.exports.common import Export, ExportFormat, ExportWarning, Plan, QuestionKind, plan

#: One renderer per format: a new format without one fails `test_every_format_has_a_renderer`, never falls
#: through to another format's output.
RENDERERS: dict[ExportFormat, Callable[[Bank, Plan, Lang], Export]] = {
    ExportFormat.MOODLE_XML: moodle.render,
    ExportFormat.GIFT: gift.render,
    ExportFormat.QUIZLET_CSV: lambda _bank, p, lang: quizlet.render(p, lang),
    ExportFormat.KAHOOT_XLSX: lambda _bank, p, lang: kahoot.render_xlsx(p, lang),
    ExportFormat.KAHOOT_CSV: lambda _bank, p, lang: kahoot.render_csv(p, lang),
}

__all__ = [
    "DEFAULT_SEED",
    "Export",
    "ExportFormat",
    "ExportWarning",
    "Lang",
    "QuestionKind",
    "build_default",
    "default_path",
    "export",
    "write_export",
]

DEFAULT_SEED = 0


def export(bank: Bank, fmt: ExportFormat, *, rng: random.Random, items: Sequence[Item] | None = None,
           lang: Lang = Lang.JA) -> Export:
    """Render `items` (default: every non-draft item) of `bank` in `fmt`.

    `rng` decides choice order, which of an item's true/false statements is asked and
    which pairs a matching question uses; the same seed gives the same file.
    """
    chosen = Selection().apply(bank) if items is None else tuple(items)
    refuse_placeholders(bank, chosen, lang)  # a TODO text is never printed to students
    p = plan(bank, chosen, rng)
    return RENDERERS[fmt](bank, p, lang)


def default_path(fmt: ExportFormat, out_dir: Path = Path("out")) -> Path:
    return out_dir / f"quizgen{fmt.suffix}"


def write_export(exp: Export, path: Path) -> Path:
    """Write atomically (Kahoot's CSV with a UTF-8 BOM so Excel reads the Japanese)."""
    return write_bytes(path, exp.content)


def planned_default(out_dir: Path) -> list[Path]:
    """The files `build_default` writes."""
    return [default_path(fmt, out_dir) for fmt in ExportFormat]


def build_default(bank: Bank, out_dir: Path, now: dt.datetime) -> list[Path]:
    """`quizgen build`: every format of every non-draft item to `out_dir`, seed DEFAULT_SEED.

    `now` is not needed: nothing in these files depends on the time.
    """
    paths = []
    for fmt in ExportFormat:
        exp = export(bank, fmt, rng=random.Random(DEFAULT_SEED))
        paths.append(write_export(exp, default_path(fmt, out_dir)))
    return paths
