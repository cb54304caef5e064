"""Review 3, the problems the first round left (issue 14): a regression test for each, written to fail before its
fix. Planted fixture banks where the bank's wording does not matter; the CLI as a teacher runs it."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from click.testing import CliRunner

from quizgen.bank import Bank, Lang, Text
from quizgen.bank.load import loads_bank
from quizgen.cli import cli
from quizgen.forms import timeline
from quizgen.generators.worksheet import (
    Exercise,
    Section,
    ShortQ,
    TimelineQ,
    Variant,
    Worksheet,
    WorksheetOptions,
    key_entries,
)
from quizgen.generators.worksheet.render import Part, render

DAY = dt.date(2025, 3, 1)
BANK = """
sources:
  - {id: "001", file: a.txt, headline: {ja: 見出し, en: Headline}, outlet: {ja: テスト新聞, en: Test Shimbun},
     published: 2025-03-29}
stories:
  - {id: s-one, title: {ja: 一, en: One}}
items:
"""
BYLINE = "2025年3月29日(水)11時20分"
BRICS = "ロシアが昨年BRICSの議長国を務めた際に中国から得た支援への謝意も表明しました。"


def event(id: str, when: str, quotes: list[str], evidence: str, what: str, how: str = "article-date") -> str:
    dating = ", ".join(f'"{q}"' for q in quotes)
    return f"""  - id: {id}
    category: positions
    kind: stance
    story: s-one
    prompt: {{ja: "出来事{id}は何か。", en: "What {id}?"}}
    answer: {{ja: "{what}", en: "answer {id}"}}
    explanation: {{ja: 説明。, en: Explanation.}}
    evidence: [{{article: "001", quote: "{evidence}"}}]
    when: "{when}"
    date_basis: {{how: {how}, article: "001", quotes: [{dating}]}}
    event: {{ja: "{what}の出来事", en: "event {id}"}}
"""


def sheet(bank: Bank, *sections: Section) -> Worksheet:
    return Worksheet(Text("t", "t"), WorksheetOptions(count=sum(len(s.questions) for s in sections)),
                     (Variant("A", sections),), ("001",), DAY)


def plain(html: str) -> str:
    import html as h

    html = re.sub(r"<style.*?</style>|<rt>.*?</rt>|<title>.*?</title>", "", html, flags=re.S)
    return re.sub(r"\s+", "", h.unescape(re.sub(r"<[^>]+>", "", html)))


def test_the_key_prints_each_quote_once_and_no_byline() -> None:
    """s3 key 問15: 「2025年のいま」 and the BRICS sentence twice, 「24日に…を発表」 beside 「24日に…を発表する」, and the
    byline 「2023年3月29日(水)11時20分」 shown as a quote."""
    bank = loads_bank(BANK + event("a", "2024", ["ロシアが昨年BRICSの議長国", "2025年のいま"], BRICS, "議長国")
                      + event("b", "2025", ["2025年のいま"], "北京で戦略対話を実施しました", "戦略対話", "stated")
                      + event("c", "2025-03-10", [BYLINE, "今年3月10日にも"], "今年3月10日にも、中国は仲介", "仲介"))
    events = timeline(bank.items)
    ws = sheet(bank, Section(Exercise.TIMELINE, 1, (TimelineQ(events),)),
               Section(Exercise.SHORT, 2, (ShortQ(bank.item_by_id["a"], None), ShortQ(bank.item_by_id["b"], None))))
    entries = key_entries(bank, ws, ws.variants[0])
    quotes = [(q.quote, q.see) for e in entries for line in e.lines for q in line.quotes]
    assert all(q != BYLINE for q, _ in quotes)
    assert ("今年3月10日にも", None) not in quotes  # held by the longer quote beside it
    printed = [q.quote for line in entries[0].lines for q in line.quotes if q.see is None]  # the timeline's section
    assert sorted(printed) == sorted(set(printed)), printed
    letter = {e.event.ja: line.label for e in events for line in entries[0].lines if line.answer == e.event}
    assert ("2025年のいま", Text(f"問1 {letter['議長国の出来事']}の引用と同じ",
                                f"as quoted under Q1 {letter['議長国の出来事']}")) in quotes
    assert (BRICS, Text(f"問1 {letter['議長国の出来事']}の引用と同じ",
                        f"as quoted under Q1 {letter['議長国の出来事']}")) not in quotes  # another section: printed
    key = plain(render(bank, ws, ws.variants[0], Part.KEY))
    assert BYLINE not in key and key.count("2025年のいま") == 2  # printed once, named once where it is referred to
    assert f"「2025年のいま」(問1{letter['議長国の出来事']}の引用と同じ)" in key
    assert key.count(BRICS) == 2  # once per section


def test_page_metadata_is_recognised() -> None:
    from quizgen.japanese.metadata import is_page_metadata

    for text in (BYLINE, "2024/07/16 18:45　更新 2024/07/16 21:02", "(北京=山田太郎)", "文:山田太郎", "山田太郎記者"):
        assert is_page_metadata(text), text
    for text in ("今年3月10日にも", "2023年3月29日に発表した", "2025年のいま", BRICS):
        assert not is_page_metadata(text), text
    assert Lang.JA  # the module is pure: no bank knowledge


PAPER = "ウクライナ危機を政治的に解決することに関する中国の立場"
FURIGANA_BANK = """
sources:
  - {id: "001", file: a.txt, headline: {ja: 見出し, en: Headline}, outlet: {ja: テスト新聞, en: Test Shimbun}}
entities:
  - {id: paper, type: document, ja: "ウクライナ危機を政治的に解決することに関する中国の立場",
     reading: うくらいなききをせいじてきにかいけつすることにかんするちゅうごくのたちば, en: China's Position}
  - {id: sco, type: organisation, ja: 上海協力機構, reading: しゃんはいきょうりょくきこう, en: SCO}
  - {id: beijing, type: place, ja: 北京, reading: ぺきん, en: Beijing}
items:
  - id: a
    category: positions
    kind: stance
    prompt: {ja: "中国が発表した文書は何か。", en: "Which paper?"}
    answer: {ja: "立場文書", en: "a position paper"}
    explanation: {ja: 説明。, en: Explanation.}
    evidence: [{article: "001",
                quote: "24日に「ウクライナ危機を政治的に解決することに関する中国の立場」を発表し、北京で上海協力機構を語った"}]
"""


def test_no_furigana_over_everyday_words_in_the_keys_quotes() -> None:
    """s1 key 問10: the quote of the position paper's title had きき over 危機, せいじてき, かいけつ, かん over 関
    and たちば over 立場, which the README says never happens; a hard name in the same quote keeps its reading."""
    bank = loads_bank(FURIGANA_BANK)
    ws = Worksheet(Text("t", "t"), WorksheetOptions(count=1, furigana=True),
                   (Variant("A", (Section(Exercise.SHORT, 1, (ShortQ(bank.item_by_id["a"], None),)),)),), ("001",), DAY)
    key = render(bank, ws, ws.variants[0], Part.KEY)
    quote = key.split('<div class="quote', 1)[1].split("</div>", 1)[0]
    assert "<rt>しゃんはいきょうりょくきこう</rt>" in quote
    for reading in ("きき", "せいじてき", "かいけつ", "かん", "たちば", "ちゅうごく", "ぺきん"):
        assert f"<rt>{reading}</rt>" not in quote, reading


def test_one_rule_for_everyday_words_in_every_output() -> None:
    """The rule had two owners (anki/notes.py:_COMMON_WORDS, worksheet/render.py:EVERYDAY) that disagreed: the
    worksheet put ruby over 北京 and 立場, Anki over neither. Both now ask `japanese.furigana.ruby`."""
    from quizgen.generators.anki.notes import _furigana_syntax
    from quizgen.generators.worksheet.render import Furigana
    from quizgen.japanese.furigana import ruby

    bank = loads_bank(FURIGANA_BANK)
    sheet = Furigana(bank, True)
    for e in bank.entities:
        on_sheet = [r for _, r in sheet.parts(e.ja) if r]
        in_anki = _furigana_syntax(e.ja, e.reading, e.type)
        expected = ruby(e.ja, e.reading or "", e.type)
        assert bool(on_sheet) == bool(in_anki) == (expected is not None), e.ja
    assert ruby(PAPER, bank.entity_by_id["paper"].reading or "", "document") is None
    assert ruby("北京", "ぺきん", "place") is None and ruby("北京", "ぺきん") is not None
    assert ruby("時間稼ぎ作戦", "じかんかせぎさくせん") == (("時間稼", "じかんかせ"), ("ぎ", None), ("作戦", None))


def test_types_asked_for_but_impossible_get_one_warning_line(tmp_path: Path) -> None:
    """s5: matching and timeline were asked for, none could be made, and two notes among the written files said
    so. Now one line on standard error, before the files, naming both types and why."""
    items = "".join(f"""  - id: q{n}
    category: positions
    kind: stance
    prompt: {{ja: "問い{n}の答えは何か。", en: "Question {n}?"}}
    answer: {{ja: "答え{'一二三四五'[n]}号", en: "answer {n}"}}
    explanation: {{ja: 説明。, en: Explanation.}}
    evidence: [{{article: "001", quote: "文{n}。"}}]
""" for n in range(5))
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "bank.yaml").write_text(BANK.replace("stories:\n  - {id: s-one, title: {ja: 一, en: One}}\n", "") + items,
                                    encoding="utf-8")
    res = CliRunner().invoke(cli, ["worksheet", "--bank", str(bank), "--types", "short,matching,timeline",
                                   "--count", "3", "--seed", "1", "-o", str(tmp_path / "out"), "--format", "html"])
    assert res.exit_code == 0, res.output
    warnings = [line for line in res.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: --types asked for matching and timeline, but the sheet has neither (matching: fewer than 3 people "
        "with a title are left that no other question on the sheet names with that title; timeline: fewer than 3 "
        "events with distinct dates are left that no other question on the sheet dates); it is filled with the other "
        "types"]
    assert "note: no matching" not in res.stderr


def pdf_lines_at_widths(text: str) -> list[str]:
    """The lines pdfplumber reads from a PDF that sets `text` in the sheet's font in boxes 7 to 15 characters wide."""
    import io

    import pdfplumber

    from quizgen.generators.worksheet.fonts import file_font_css, font_path
    from quizgen.generators.worksheet.pdf import render_pdf

    boxes = "".join(f'<div lang="ja" style="width: {w}em">{text}</div><p>-</p>' for w in range(7, 16))
    html = (f"<html><head><style>{file_font_css(font_path())} body {{ font-family: IPAexGothic; font-size: 12pt }}"
            f"</style></head><body>{boxes}</body></html>")
    with pdfplumber.open(io.BytesIO(render_pdf(html))) as pdf:
        return [line for page in pdf.pages for line in (page.extract_text() or "").splitlines()]


def test_no_line_breaks_inside_a_katakana_word_and_the_pdf_text_stays_clean() -> None:
    """s5 問5: the line broke inside 「モスク/ワ」. At every width from 7 to 15 characters no line of the PDF ends
    inside a katakana word, and the text read back from it has no joiner in it."""
    lines = pdf_lines_at_widths("プーチン大統領は習近平国家主席のモスクワ訪問を要請しました。サウジアラビアとイランの国交正常化を"
                                "モスクワで")
    kata = "[\u30a1-\u30fa\u30fc]"
    split = [(a, b) for a, b in itertools.pairwise(lines) if re.search(f"{kata}$", a) and re.match(kata, b)]
    assert split == []
    assert not any("\u2060" in line for line in lines)
    assert sum(line.count("モスクワ") for line in lines) == 2 * 9
