"""`quizgen export` and the `quizgen build` step, as a teacher runs them; plus the real bank."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from lms_readers import moodle_tree

from quizgen import resources
from quizgen.bank import Selection, load_bank
from quizgen.cli import cli
from quizgen.generators.exports import ExportFormat, Lang, build_default, export

FIXTURE = Path(__file__).parent / "data" / "exports" / "bank"
BANK = ["--bank", str(FIXTURE)]


def run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, [*args], catch_exceptions=False)
    return res.exit_code, res.stdout, res.stderr


def test_writes_the_default_path_and_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("export", *BANK, "--format", "moodle-xml")
    assert code == 0
    assert out == ("wrote out/quizgen.moodle.xml: 5 multichoice, 5 truefalse, 6 shortanswer, 1 matching, 3 cloze "
                   "from 7 items (2 warnings)\n")
    assert err == ("warning: moodle-xml: few-distractors (multichoice): skipped: only 1 distinct distractor; "
                   "four options need 3\n"
                   "warning: moodle-xml: matching@001 (matching): skipped: article 001 names only 1 distinct "
                   "person–title pair; a matching question needs 3\n")
    ET.parse(tmp_path / "out" / "quizgen.moodle.xml")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")], "no temporary files left"


def test_filters_seed_and_output_file(tmp_path: Path) -> None:
    target = tmp_path / "dates.gift.txt"
    code, out, err = run("export", *BANK, "-f", "gift", "--category", "dates", "--seed", "3", "-o", str(target))
    assert (code, err.count("warning:")) == (0, 2)
    assert out == f"wrote {target}: 1 multichoice, 1 truefalse, 2 shortanswer from 2 items (2 warnings)\n"
    text = target.read_text(encoding="utf-8")
    assert "::sco-founding-mc::" in text and "::few-distractors-sa::" in text and "markup-author" not in text
    run("export", *BANK, "-f", "gift", "--category", "dates", "--seed", "3", "-o", str(tmp_path / "again.txt"))
    assert (tmp_path / "again.txt").read_text(encoding="utf-8") == text


def test_standard_output(tmp_path: Path) -> None:
    code, out, err = run("export", *BANK, "-f", "quizlet-csv", "--article", "001", "-o", "-")
    assert code == 0
    assert [r[1] for r in csv.reader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE)] == [
        "2001年", "3日間", "多極化した世界を支持し、一方的な制裁と内政干渉に反対し、地域の安全保障を加盟国自身で守り、"
        "経済協力を深め、国際秩序の公正化を目指すという、長く詳しい立場の説明", "外相",
        "はい(主張している)"]  # an item asked as true/false: its yes/no question and answer
    assert err == "quizlet-csv: 5 cards from 5 items\n"


@pytest.mark.parametrize(("args", "message"), [
    ((), "Error: Missing option '-f' / '--format'. Choose from:\n\tmoodle-xml,\n\tgift,\n\tquizlet-csv,\n"
         "\tkahoot-xlsx,\n\tkahoot-csv\n"),
    (("-f", "pdf"), "Error: Invalid value for '-f' / '--format': 'pdf' is not one of "
                    "'moodle-xml', 'gift', 'quizlet-csv', 'kahoot-xlsx', 'kahoot-csv'.\n"),
    (("-f", "gift", "--article", "009"), "Error: --article 009: no such article; the bank has 000, 001\n"),
    (("-f", "gift", "--tag", "no-such-tag"), "Error: --tag no-such-tag: no such tag; `quizgen topics` lists every one\n"),
    (("-f", "gift", "--story", "no-such-story"), "Error: --story no-such-story: no such story; the bank has none\n"),
    (("-f", "gift", "--priority", "urgent"),
     "Error: Invalid value for '--priority': 'urgent' is not one of 'core', 'detail'.\n"),
    (("-f", "gift", "--lang", "fr"), "Error: Invalid value for '--lang': 'fr' is not one of 'ja', 'en', 'both'.\n"),
    (("-f", "gift", "--seed", "x"), "Error: Invalid value for '--seed': 'x' is not a valid integer.\n"),
])
def test_bad_options_exit_2_with_a_clear_message(args: tuple[str, ...], message: str) -> None:
    code, out, err = run("export", *BANK, *args)
    assert (code, out) == (2, "")
    assert err.endswith(message)
    assert "Traceback" not in err


@pytest.mark.parametrize(("args", "message"), [
    (("--category", "forums"), "Error: no items match --category forums; "
                               "`quizgen topics` shows how many items each filter holds\n"),
    (("--priority", "core", "--article", "000"), "Error: no items match --priority core --article 000; "
                                                  "`quizgen topics` shows how many items each filter holds\n"),
])
def test_a_selection_of_nothing_is_an_error_not_an_empty_file(args: tuple[str, ...], message: str,
                                                              tmp_path: Path) -> None:
    code, out, err = run("export", *BANK, "-f", "gift", *args, "-o", str(tmp_path / "x.gift.txt"))
    assert (code, out, err) == (1, "", message)
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_a_folder(tmp_path: Path) -> None:
    code, _, err = run("export", *BANK, "-f", "gift", "-o", str(tmp_path))
    assert (code, err) == (2, f"Error: -o {tmp_path}: is a folder; give a file name\n")


def test_help_lists_formats() -> None:
    code, out, _ = run("export", "--help")
    assert code == 0 and "moodle-xml|gift|quizlet-csv|kahoot-xlsx|kahoot-csv" in out and "--seed" in out


def test_build_step_writes_every_format(tmp_path: Path) -> None:
    bank = load_bank(FIXTURE)
    paths = build_default(bank, tmp_path, dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    assert [p.name for p in paths] == ["quizgen.moodle.xml", "quizgen.gift.txt", "quizgen.quizlet.tsv",
                                       "quizgen.kahoot.xlsx", "quizgen.kahoot.csv"]
    assert all(p.stat().st_size > 0 for p in paths)
    again = build_default(bank, tmp_path / "b", dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    assert [p.read_bytes() for p in paths] == [p.read_bytes() for p in again], "reproducible"


# --------------------------------------------------------------------------- the real bank


@pytest.fixture(scope="module")
def real():  # type: ignore[no-untyped-def]
    bank = load_bank(resources.bank_dir())
    if not Selection().apply(bank):
        pytest.skip("the real bank has no items yet")
    return bank


@pytest.mark.parametrize("lang", list(Lang))
def test_real_bank_every_item_in_every_format(real, lang: Lang) -> None:  # type: ignore[no-untyped-def]
    from lms_readers import read_gift

    items = Selection().apply(real)
    ids = {i.id for i in items if not i.truefalse}  # a short-answer question each; true/false-only: a -tf one
    tf_ids = {i.id for i in items if i.truefalse}
    assert tf_ids and ids
    xml = export(real, ExportFormat.MOODLE_XML, rng=random.Random(0), lang=lang)
    names = [q.findtext("name/text") for q in moodle_tree(xml.text) if q.get("type") != "category"]
    assert len(names) == len(set(names)) == xml.total
    assert {n.removesuffix("-sa") for n in names if n and n.endswith("-sa")} == ids
    assert tf_ids <= {n.removesuffix("-tf") for n in names if n and n.endswith("-tf")}
    gift = export(real, ExportFormat.GIFT, rng=random.Random(0), lang=lang)
    gnames = [q.name for q in read_gift(gift.text)]
    assert len(gnames) == len(set(gnames)) == gift.total
    assert {n.removesuffix("-sa") for n in gnames if n.endswith("-sa")} == ids
    assert tf_ids <= {n.removesuffix("-tf") for n in gnames if n.endswith("-tf")}
    quizlet = export(real, ExportFormat.QUIZLET_CSV, rng=random.Random(0), lang=lang)
    assert len(quizlet.text.splitlines()) == len(items)
    kahoot = export(real, ExportFormat.KAHOOT_CSV, rng=random.Random(0), lang=lang)
    assert kahoot.total + len(kahoot.warnings) == len(items)


def test_every_format_has_a_renderer() -> None:
    from quizgen.generators.exports import RENDERERS
    from quizgen.generators.exports.common import ExportFormat

    assert set(RENDERERS) == set(ExportFormat)  # a new format cannot fall through to another's output
