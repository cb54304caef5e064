"""The Moodle reader model checked against PHP's own xml parser (libxml2, the code path of Moodle's xmlize),
and, when a Moodle checkout is at hand, the export imported by Moodle's real importer.

Needs `php` with the xml extension (`apt-get install php-cli php-xml`); skipped otherwise. No Moodle
code is needed for the first checks: tests/php/xmlize_pieces.php calls PHP's parser with the options
xmlize sets and prints the pieces each text arrives in and the values xml_parse_into_struct builds.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from lms_readers import leaf_pieces, moodle_tree
from lms_roundtrip import special_bank

from quizgen.bank import load_bank
from quizgen.generators.exports import ExportFormat, export

HERE = Path(__file__).parent
PHP = shutil.which("php")


def _php_has_xml() -> bool:
    if PHP is None:
        return False
    res = subprocess.run([PHP, "-r", "echo function_exists('xml_parser_create') ? 'yes' : 'no';"],
                         capture_output=True, text=True, check=False)
    return res.stdout == "yes"


pytestmark = pytest.mark.skipif(not _php_has_xml(), reason="needs php with the xml extension (php-cli php-xml)")


def php_read(xml_text: str) -> dict[str, list[list[str]] | list[str]]:
    assert PHP is not None
    res = subprocess.run([PHP, str(HERE / "php" / "xmlize_pieces.php")], input=xml_text, capture_output=True,
                         text=True, check=True)
    out: dict[str, list[list[str]] | list[str]] = json.loads(res.stdout)
    return out


def entity_style(xml_text: str) -> str:
    """The same file written with entities instead of CDATA (as quizgen wrote it before issue 16)."""
    return ET.tostring(ET.fromstring(xml_text), encoding="unicode")


@pytest.fixture(scope="module")
def exports() -> list[str]:
    fixture = load_bank(HERE / "data" / "exports" / "bank")
    return [export(bank, ExportFormat.MOODLE_XML, rng=random.Random(0)).text
            for bank in (fixture, special_bank(random.Random(16), 300))]


def test_the_model_cuts_texts_into_the_pieces_php_hands_over(exports: list[str]) -> None:
    """libxml2 2.9 via PHP: a piece per entity, a cut where ASCII meets Japanese, 300-byte pieces, CDATA whole.
    Checked on the CDATA files quizgen writes and on the same files written with entities."""
    for text in exports:
        for xml_text in (text, entity_style(text)):
            assert leaf_pieces(xml_text) == php_read(xml_text)["pieces"]


def test_every_text_reaches_xmlize_whole(exports: list[str]) -> None:
    """The values xml_parse_into_struct builds, with XML_OPTION_SKIP_WHITE off (qformat_xml's call) and on
    (xmlize's default), are the texts the model reader reads from quizgen's file."""
    for text in exports:
        model = [el.text or "" for el in moodle_tree(text).iter() if len(el) == 0]
        php = php_read(text)
        assert php["struct0"] == model
        assert php["struct1"] == model


# --------------------------------------------------------------------------- Moodle's real importer (optional)

MOODLE_DIR = os.environ.get("MOODLE_DIR")


@pytest.mark.skipif(not MOODLE_DIR, reason="set MOODLE_DIR to a Moodle checkout to run Moodle's own importers")
@pytest.mark.parametrize("fmt", [ExportFormat.MOODLE_XML, ExportFormat.GIFT])
def test_moodles_own_importer_reads_every_spelling(fmt: ExportFormat, tmp_path: Path) -> None:
    """Moodle's qformat_xml / qformat_gift readquestions(), xmlize and the short-answer grader, run by
    tests/php/moodle_import.php against the Moodle tree in MOODLE_DIR: every question imports with its type,
    and every accepted spelling (and every IME width of it) is graded right."""
    assert PHP is not None and MOODLE_DIR is not None
    bank = special_bank(random.Random(16), 300)
    exp = export(bank, fmt, rng=random.Random(0))
    path = tmp_path / f"quizgen{fmt.suffix}"
    path.write_bytes(exp.content)
    checks = tmp_path / "checks.json"
    from lms_roundtrip import typed_forms

    from quizgen.bank import Selection

    want = {f"{i.id}-sa": sorted({f for a in bank.accepted(i) if a.strip() and (fmt is ExportFormat.MOODLE_XML
                                                                                 or "->" not in a)
                                  for f in (a.strip(), *typed_forms(a.strip()))})
            for i in Selection().apply(bank)}
    checks.write_text(json.dumps(want, ensure_ascii=False), encoding="utf-8")
    res = subprocess.run([PHP, str(HERE / "php" / "moodle_import.php"), MOODLE_DIR, fmt.value, str(path), str(checks)],
                         capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr[-3000:]
    report = json.loads(res.stdout)
    assert report["errors"] == [] and report["essays"] == 0
    assert report["graded_right"] == report["checked"] > 0, report["wrong"][:10]
