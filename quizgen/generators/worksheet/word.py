"""Worksheets as Word files a teacher can edit (python-docx, the `docx` extra): the same header, sections,
questions, answer spaces, key and answer sheet as the HTML and PDF, as ordinary paragraphs and tables.

Furigana are real Word ruby (`w:ruby`), so Word shows and edits them as its own. Each question is kept on
one page (keep-with-next, keep-lines-together). The text is set in Yu Gothic (游ゴシック), which Word has on
Windows and macOS; python-docx is imported only here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizgen import atomic, extras
from quizgen.bank.model import Bank, Lang, Text
from quizgen.forms import Cloze
from quizgen.generators.worksheet.exercises import (
    ChoiceQ,
    ClozeQ,
    MatchingQ,
    Question,
    ShortQ,
    TimelineQ,
    TrueFalseQ,
)
from quizgen.generators.worksheet.key import KeyEntry, NamedReport, context_note, disagreement_note, key_entries
from quizgen.generators.worksheet.render import Furigana, Part, shown_sources, supporting
from quizgen.generators.worksheet.sheet import Section, Variant, Worksheet

__all__ = ["FONT", "docx_bytes", "write_docx"]

FONT = "Yu Gothic"
FONT_JA = "游ゴシック"
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
_ANSWER_LINE = "＿" * 22  # a line to write a short answer on
_BLANK = "（　　　　　　）"


_NOT_ACCEPTED = {Lang.JA: "不可:", Lang.EN: "Not accepted: ", Lang.BOTH: "不可 / Not accepted: "}
"""How the answer grid heads the near answers the bank rules out (`KeyEntry.rejected`), as the PDF key's
`inline_label` does."""

class _Writer:
    """One Word document of a worksheet version, written paragraph by paragraph."""

    def __init__(self, bank: Bank, ws: Worksheet, variant: Variant, part: Part) -> None:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        self.bank, self.ws, self.variant = bank, ws, variant
        self.lang = ws.lang
        self.furi = Furigana(bank, ws.options.furigana)
        self.qn, self.Pt, self.Mm = qn, Pt, Mm
        self.doc = docx.Document()
        sec = self.doc.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        w, h = ws.options.paper.size_mm
        sec.page_width, sec.page_height = Mm(w), Mm(h)
        sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Mm(16)
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(ws.options.paper.font_pt)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), FONT_JA)
        self.letters = ws.letters()
        self.sources = shown_sources(bank, ws, variant, part)
        self._page_numbers(sec)

    def _page_numbers(self, sec: Any) -> None:
        """「1 / 3」 centred in the footer of every page (Word's PAGE and NUMPAGES fields)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml import OxmlElement

        p = sec.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for k, field in enumerate(("PAGE", "NUMPAGES")):
            if k:
                p.add_run(" / ")
            simple = OxmlElement("w:fldSimple")
            simple.set(self.qn("w:instr"), field)
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            simple.append(run)
            p._p.append(simple)

    def marks(self, articles: Sequence[str]) -> str:
        """The 出典 marks of a question (出典②③), in the order of the source list."""
        order = list(self.sources)
        found = "".join(self.sources[a].mark for a in sorted({a for a in articles if a in self.sources}, key=order.index))
        return f"　{'source ' if self.lang is Lang.EN else '出典'}{found}" if found else ""

    def mark_run(self, p: Any, articles: Sequence[str]) -> None:
        text = self.marks(articles)
        if text:
            p.add_run(text).font.size = self.Pt(8)

    # ------------------------------------------------------------------ text

    def t(self, text: Text) -> str:
        return text.en if self.lang is Lang.EN else text.ja

    def en_of(self, text: Text) -> str | None:
        """The English a bilingual document prints with `text`: none where it is the Japanese (BRICS / BRICS, review
        10 s3(d)) or missing, as the PDF (`tx` in macros.html.j2)."""
        return text.en if self.lang is Lang.BOTH and text.en and text.en != text.ja else None

    def inline(self, text: Text) -> str:
        """`text` on one line, a bilingual document's English after the Japanese (`tx_inline`): 「○(正しい) ○ (true)」."""
        en = self.en_of(text)
        return f"{self.t(text)} {en}" if en else self.t(text)

    def inline_label(self, ja: str, en: str) -> str:
        """A label on the line of what follows it: 「日付 / Date: 」 (`inline_label`), not 「日付: Date: 」 (review 10)."""
        return {Lang.JA: ja, Lang.EN: en, Lang.BOTH: f"{ja.rstrip(':')} / {en}"}[self.lang]

    def note(self, text: Text, *, size: float = 8.5, indent: float = 6) -> None:
        """A key's note: the Japanese, and a bilingual key's English as a smaller paragraph beneath (the PDF's `.en`
        line): the Word key dropped every English explanation, 「Correct: …」 line and date (review 10, s3(g))."""
        self.para(self.t(text), size=size, indent=indent)
        en = self.en_of(text)
        if en:
            self.para(en, size=size - 0.5, indent=indent)

    def label(self, ja: str, en: str) -> str:
        return {Lang.JA: ja, Lang.EN: en, Lang.BOTH: f"{ja} {en}"}[self.lang]

    def para(self, text: str = "", *, size: float | None = None, keep: bool = True, indent: float = 0) -> Any:
        p = self.doc.add_paragraph()
        p.paragraph_format.keep_with_next = keep
        p.paragraph_format.keep_together = True
        p.paragraph_format.space_after = self.Pt(2)
        if indent:
            p.paragraph_format.left_indent = self.Mm(indent)
        if text:
            self.add(p, text, size=size)
        return p

    def add(self, p: Any, text: str, *, size: float | None = None, ruby: bool = True, underline: bool = False) -> None:
        """Japanese text with ruby over the hard names (when furigana are on)."""
        for seg, reading in (self.furi.parts(text) if ruby and self.lang is not Lang.EN else [(text, None)]):
            if reading is None:
                run = p.add_run(seg)
                run.underline = underline
                if size:
                    run.font.size = self.Pt(size)
            else:
                self._ruby(p, seg, reading, size or self.ws.options.paper.font_pt)

    def _ruby(self, p: Any, base: str, reading: str, size: float) -> None:
        from docx.oxml import OxmlElement

        qn = self.qn

        def el(tag: str, **attrs: str) -> Any:
            e = OxmlElement(tag)
            for k, v in attrs.items():
                e.set(qn(k), v)
            return e

        def run(text: str, half_points: int) -> Any:
            r = el("w:r")
            rpr = el("w:rPr")
            rpr.append(el("w:sz", **{"w:val": str(half_points)}))
            r.append(rpr)
            t = el("w:t")
            t.text = text
            r.append(t)
            return r

        base_hp = round(size * 2)
        ruby = el("w:ruby")
        pr = el("w:rubyPr")
        pr.append(el("w:rubyAlign", **{"w:val": "center"}))
        pr.append(el("w:hps", **{"w:val": str(max(8, round(base_hp * 0.55)))}))
        pr.append(el("w:hpsRaise", **{"w:val": str(base_hp - 2)}))
        pr.append(el("w:hpsBaseText", **{"w:val": str(base_hp)}))
        pr.append(el("w:lid", **{"w:val": "ja-JP"}))
        ruby.append(pr)
        rt = el("w:rt")
        rt.append(run(reading, max(8, round(base_hp * 0.55))))
        ruby.append(rt)
        rb = el("w:rubyBase")
        rb.append(run(base, base_hp))
        ruby.append(rb)
        outer = el("w:r")
        outer.append(ruby)
        p._p.append(outer)

    def text(self, p: Any, text: Text, *, size: float | None = None, ruby: bool = True) -> None:
        self.add(p, self.t(text), size=size, ruby=ruby)
        self.english(p, text)

    def english(self, p: Any, text: Text) -> None:
        """A bilingual document's English of `text` on a line of its own in `p`, where it differs from the Japanese."""
        en = self.en_of(text)
        if en:
            p.add_run("\n" + en).font.size = self.Pt(8.5)

    # ------------------------------------------------------------------ header

    def header(self, part: Part) -> None:
        o = self.ws.options
        title = self.ws.title.en if self.lang is Lang.EN else self.ws.title.ja
        if o.exam or o.time_limit:
            limit = ""
            if o.time_limit:
                limit = f"Time: {o.time_limit} min" if self.lang is Lang.EN else f"制限時間 {o.time_limit}分"
            self.para("　".join(x for x in (o.exam, limit) if x))
        word = {Part.SHEET: self.label("問題用紙", "Questions") if o.answer_sheet else "",
                Part.KEY: self.label("解答", "Answer key"), Part.ANSWERS: self.label("解答用紙", "Answer sheet")}[part]
        version = f"Version {self.variant.label}" if self.lang is Lang.EN else f"版 {self.variant.label}"
        h = self.doc.add_heading(level=1)
        h.add_run(f"{title}{'　' + word if word else ''}　［{version}］")
        if part is Part.KEY:
            label = self.variant.label
            en = f"{'This key is' if self.lang is Lang.EN else 'Answer key'} for version {label} only."  # as the PDF
            self.para(self.label(f"この解答は版{label}専用です。", en))
            self.para(self._meta(), size=8)
        elif part is Part.SHEET and o.answer_sheet:
            self.para(self.label("解答はすべて解答用紙に記入しなさい。", "Write every answer on the answer sheet."))
        else:
            self.fields()

    def _meta(self) -> str:
        """「問題数 8・満点 8点・作成日 2026-01-01・seed 31」 under the key's heading, as the PDF key prints it."""
        ws, seed = self.ws, self.ws.options.seed
        ja = (f"問題数 {ws.count}・満点 {ws.total}点・作成日 {ws.created.isoformat()}"
              + (f"・seed {seed}" if seed is not None else ""))
        en = (f"{ws.count} questions · {ws.total} points · created {ws.created.isoformat()}"
              + (f" · seed {seed}" if seed is not None else ""))
        return {Lang.JA: ja, Lang.EN: en, Lang.BOTH: f"{ja} / {en}"}[self.lang]

    def fields(self) -> None:
        table = self.doc.add_table(rows=2, cols=6)
        table.style = "Table Grid"
        date = "" if self.lang is Lang.EN else "　　年　　月　　日"
        cells = [self.label("クラス", "Class"), "", self.label("番号", "No."), "", self.label("氏名", "Name"), "",
                 self.label("日付", "Date"), date, "", "", self.label("得点", "Score"), f"/ {self.ws.total}"]
        for k, text in enumerate(cells):
            table.cell(k // 6, k % 6).text = text
        self.para(keep=False)

    # ------------------------------------------------------------------ the sheet

    def section_head(self, index: int, section: Section) -> None:
        pts = ""
        if self.ws.shows_points:
            label = self.ws.points_label(section)
            pts = "　" + (label.en if self.lang is Lang.EN else label.ja)
        h = self.doc.add_heading(level=2)
        h.add_run(f"{_ROMAN[index]}　{self.inline(section.type.label)}{pts}")
        h.paragraph_format.keep_with_next = True
        instr = section.type.instructions_for(self.ws.options.answer_sheet)
        self.text(self.para(), Text(instr.ja.replace("□に", "［　］に"), instr.en))  # Word's box is ［　］

    def question(self, n: int, q: Question) -> None:
        qno = f"Q{n}　" if self.lang is Lang.EN else f"問{n}　"
        sheet_only = not self.ws.options.answer_sheet
        match q:
            case ShortQ(item=item):
                self._prompt(qno, item.prompt, q.note, supporting(self.bank, item))
                if sheet_only:
                    self.para(f"{self.label('答', 'Answer')}　{_ANSWER_LINE}", indent=40)
            case ChoiceQ(mc=mc):
                self._prompt(qno, mc.item.prompt, q.note, supporting(self.bank, mc.item))
                self._lettered(mc.options, ruby=False)  # readings over one option would mark it
            case TrueFalseQ(tf=tf):
                self._prompt(qno + ("［　　］　" if sheet_only else ""), tf.statement, q.note, supporting(self.bank, tf.item))
            case ClozeQ(cz=cz):
                self._cloze(qno, cz)
                self._note(q.note)
            case MatchingQ():
                self.para(qno)
                self._matching(q, sheet_only)
            case TimelineQ(shown=shown):
                self.para(qno)
                self._lettered([e.event for e in shown], marks=[e.articles for e in shown])
                if sheet_only:
                    boxes = "→".join("［　　］" for _ in shown)
                    self.para(f"{self.label('古い', 'oldest')} {boxes} {self.label('新しい', 'newest')}", indent=10)
        self.para(keep=False)

    def _lettered(self, texts: Sequence[Text], *, ruby: bool = True, marks: Sequence[Sequence[str]] = ()) -> None:
        """Lettered lines (options, timeline events), each ending in its 出典 marks where `marks` gives them."""
        for k, text in enumerate(texts):
            p = self.para(f"{self.letters[k]}　", indent=10)
            self.add(p, self.t(text), ruby=ruby)
            if k < len(marks):
                self.mark_run(p, marks[k])
            self.english(p, text)  # the bilingual sheet's options lost their English (review 10, s3(g))

    def _matching(self, q: MatchingQ, sheet_only: bool) -> None:
        table = self.doc.add_table(rows=max(len(q.lefts), len(q.rights)), cols=4)
        for k, left in enumerate(q.lefts):
            row = table.rows[k].cells
            row[0].text = f"({k + 1}) {self.t(left.left)}{self.marks([left.article])}{self._en_line(left.left)}"
            row[1].text = "［　　］" if sheet_only else ""
        for k, right in enumerate(q.rights):  # the titles and the decoys
            row = table.rows[k].cells
            row[2].text = self.letters[k]
            row[3].text = self.t(right.right) + self._en_line(right.right)

    def _en_line(self, text: Text) -> str:
        en = self.en_of(text)
        return f"\n{en}" if en else ""

    def _prompt(self, qno: str, prompt: Text, note: Text | None, articles: Sequence[str] = ()) -> None:
        p = self.para(qno)
        self.add(p, self.t(prompt))
        self.mark_run(p, articles)
        self.english(p, prompt)
        self._note(note)

    def _note(self, note: Text | None) -> None:
        if note is not None:
            self.text(self.para(indent=10), context_note(note), size=8.5)

    def _cloze(self, qno: str, cz: Cloze) -> None:
        p = self.para(qno)
        k = 0
        for seg, blank in cz.parts("en" if self.lang is Lang.EN else "ja"):
            if blank:
                k += 1
                one = len(cz.blanks("en" if self.lang is Lang.EN else "ja")) == 1
                p.add_run(("（　　）" if one else f"（{k}）") if self.ws.options.answer_sheet else _BLANK).underline = True
            else:
                self.add(p, seg)
        self.mark_run(p, supporting(self.bank, cz.item))
        if self.lang is Lang.BOTH:  # the English with its blanks as text, as the PDF prints it
            en = "".join("(　)" if blank else seg for seg, blank in cz.parts("en"))
            p.add_run("\n" + en).font.size = self.Pt(8.5)

    def sheet(self) -> None:
        self.header(Part.SHEET)
        for index, section in enumerate(self.variant.sections):
            self.section_head(index, section)
            for n, q in section.numbered():
                self.question(n, q)
        self.source_list(self.label("この問題で扱う記事", "Articles used"))

    def source_list(self, heading: str) -> None:
        self.doc.add_heading(heading, level=3)
        for s in self.sources.values():
            relay = f" {self.t(s.relay)}" if s.relay is not None else ""
            reports = "".join(f"; {self.t(r.name)}{' ' + r.url if r.url else ''}" for r in s.reports)
            p = self.para(f"{s.mark} {self.t(s.label)}{relay}{' ' + s.url if s.url else ''}{reports}", size=8, keep=False)
            if self.lang is Lang.BOTH and s.name_en:
                p.add_run("\n" + s.name_en).font.size = self.Pt(7.5)

    # ------------------------------------------------------------------ key and answer sheet

    def key(self) -> None:
        self.header(Part.KEY)
        entries = key_entries(self.bank, self.ws, self.variant)
        self.doc.add_heading(self.label("解答一覧", "Answers at a glance"), level=2)
        table = self.doc.add_table(rows=1 + len(entries), cols=4)
        table.style = "Table Grid"
        heads = [self.label("問", "Q"), self.label("解答", "Answer"), self.label("別解", "Also accept"),
                 self.label("配点", "Pts")]
        for k, h in enumerate(heads):
            table.cell(0, k).text = h
        for r, e in enumerate(entries, start=1):
            sep = ", " if self.lang is Lang.EN else "、"
            alts = sep.join(e.alternatives)
            if e.rejected:  # 「不可: 軍事支援」 below the 別解, as the PDF's grid has it
                alts = "\n".join(x for x in (alts, _NOT_ACCEPTED[self.lang] + sep.join(e.rejected)) if x)
            for k, text in enumerate((str(e.number), self.inline(e.answer), alts, str(e.points))):
                table.cell(r, k).text = text
        self.para(self.label(f"満点 {self.ws.total}点", f"Total {self.ws.total}"), keep=False)
        self.doc.add_page_break()  # type: ignore[no-untyped-call]
        self.doc.add_heading(self.label("解説と出典", "Explanations and sources"), level=2)
        for e in entries:
            self._key_entry(e)
        self.source_list(self.label("出典", "Sources"))

    def _key_entry(self, e: KeyEntry) -> None:
        self.para(f"{'Q' if self.lang is Lang.EN else '問'}{e.number}　{self.inline(e.answer)}")
        self._key_lines(e)
        self._key_notes(e)
        self.para(keep=False)

    def _key_lines(self, e: KeyEntry) -> None:
        for line in e.lines:
            if line.label or len(e.lines) > 1:
                self.para(f"{line.label} {self.inline(line.answer) if len(e.lines) > 1 else ''}".strip(), indent=6)
            if line.detail is not None:  # 正しくは:… under a false statement (Correct: …); a timeline event's date
                self.note(line.detail, size=9)
            for quote in line.quotes:
                mark = self.sources[quote.article].mark if quote.article in self.sources else ""
                see = f"({self.t(quote.see)})" if quote.see is not None else ""
                self.para(f"{mark}「{quote.text}」{see}", size=8.5, indent=10)

    def _key_notes(self, e: KeyEntry) -> None:
        """The scoring rule, date and notes under an entry, each with a bilingual key's English (`note`)."""
        if e.scoring:
            self.note(e.scoring)
        if e.dated:
            self.para(self._dated(e), size=8.5, indent=6)
        if e.explanation:
            self.note(e.explanation)
        for r in e.named:
            self.para(self._named(r), size=8.5, indent=6)
        if e.context:
            self.note(context_note(e.context))
        if e.disagreement:
            self.note(disagreement_note(e.disagreement, e.differs, bilingual=self.lang is Lang.BOTH))

    def _mark(self, article: str | None) -> str:
        return self.sources[article].mark if article is not None and article in self.sources else ""

    def _dated(self, e: KeyEntry) -> str:
        """「日付:2023年3月10日 日付の出典:③ニューズウィーク日本版…」, as the HTML key prints it."""
        line = f"{self.inline_label('日付:', 'Date: ')}{self.inline(e.dated)}" if e.dated else ""
        if e.date_source is not None:
            mark = self._mark(e.date_article)
            line += (f"　{self.inline_label('日付の出典:', 'date from: ')}{mark + ' ' if mark else ''}"
                     f"{self.inline(e.date_source)}")
        return line

    def _named(self, r: NamedReport) -> str:
        """「東京新聞の報道:③が紹介」: an outlet the notes name, and the listed page that relays it."""
        mark = self._mark(r.article)
        text = " ".join("".join(mark if piece is None else piece for piece in part)
                        for part in r.wording(self.lang) if part)
        return f"{text} {r.url}" if r.url else text

    def answers(self) -> None:
        self.header(Part.ANSWERS)
        for index, section in enumerate(self.variant.sections):
            self.doc.add_heading(f"{_ROMAN[index]}　{self.inline(section.type.label)}", level=2)
            table = self.doc.add_table(rows=len(section.questions), cols=2)
            table.style = "Table Grid"
            for r, (n, q) in enumerate(section.numbered()):
                table.cell(r, 0).text = f"Q{n}" if self.lang is Lang.EN else f"問{n}"
                table.cell(r, 1).text = _answer_cell(q)
            self.para(keep=False)


def _answer_cell(q: Question) -> str:
    match q:
        case ClozeQ(cz=cz):
            n = len(cz.blanks("ja"))
            return "　".join(("" if n == 1 else f"({k + 1}) ") + "＿＿＿＿＿＿＿＿" for k in range(n))  # one width
        case MatchingQ(lefts=lefts):
            return "　".join(f"({k + 1}) ［　　］" for k in range(len(lefts)))
        case TimelineQ(shown=shown):
            return " → ".join("［　　］" for _ in shown)
        case ShortQ():
            return ""
        case ChoiceQ() | TrueFalseQ():
            return "［　　］"
    raise AssertionError(f"no answer cell for {type(q).__name__}")


def docx_bytes(bank: Bank, ws: Worksheet, variant: Variant, part: Part) -> bytes:
    """One document of one version as a .docx file's bytes."""
    import io

    extras.require(extras.Extra.DOCX)
    w = _Writer(bank, ws, variant, part)
    {Part.SHEET: w.sheet, Part.KEY: w.key, Part.ANSWERS: w.answers}[part]()
    buf = io.BytesIO()
    w.doc.save(buf)
    return buf.getvalue()


def write_docx(bank: Bank, ws: Worksheet, variant: Variant, part: Part, path: Path) -> Path:
    return atomic.write_bytes(path, docx_bytes(bank, ws, variant, part))
