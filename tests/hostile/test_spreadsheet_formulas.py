"""Issue 18, cause 8: bank text that a spreadsheet would run as a formula (`= + - @` first).

Kahoot's .xlsx: every cell is a text cell with Excel's quote prefix, the text kept exactly. The CSV
files (Kahoot's, Quizlet's): such a cell gets a leading `'` (OWASP's advice against CSV injection).
"""

from __future__ import annotations

import csv
import io
import random
import re
import zipfile

import openpyxl

from quizgen.bank import Bank, Category, Evidence, Item, ItemKind, Source, Text
from quizgen.generators.exports import ExportFormat, export

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "=1+1"]


def hostile_bank() -> Bank:
    src = Source("000", "000.txt", Text("見出し", "Headline"), Text("媒体", "Outlet"))
    prompt, answer, *wrong = HOSTILE
    item = Item("x", Category.POSITIONS, ItemKind.STANCE, Text(prompt, prompt), Text(answer, answer),
                Text("説明", "Explanation"), (Evidence("000", "引用"),), distractors=tuple(Text(w, w) for w in wrong))
    return Bank(sources=(src,), items=(item,))


def test_kahoot_xlsx_cells_are_text_never_formulas() -> None:
    data = export(hostile_bank(), ExportFormat.KAHOOT_XLSX, rng=random.Random(0)).content
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml, "no formula anywhere"
    ws = openpyxl.load_workbook(io.BytesIO(data))["Sheet1"]
    row = [ws.cell(9, c) for c in range(2, 7)]
    assert sorted(str(c.value) for c in row) == sorted(HOSTILE)  # exactly the bank's text: Kahoot shows it as written
    assert all(c.data_type == "s" and c.quotePrefix for c in row)
    cells = re.findall(r'<c r="[B-F]9"[^>]*>', xml)
    assert len(cells) == 5 and all('t="inlineStr"' in c or 't="s"' in c for c in cells)


def test_kahoot_csv_cells_are_neutralised() -> None:
    exp = export(hostile_bank(), ExportFormat.KAHOOT_CSV, rng=random.Random(0))
    _, row = list(csv.reader(io.StringIO(exp.content.decode("utf-8-sig"), newline="")))
    assert sorted(row[:5]) == sorted("'" + h for h in HOSTILE)
    assert row[5] in ("20", "30", "60") and row[6] in ("1", "2", "3", "4")


def test_quizlet_cells_are_neutralised() -> None:
    text = export(hostile_bank(), ExportFormat.QUIZLET_CSV, rng=random.Random(0)).text
    assert text == f"'{HOSTILE[0]}\t'{HOSTILE[1]}\n"
