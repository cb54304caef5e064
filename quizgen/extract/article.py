"""Reading an article file (with clear errors for bad input) and running every step of the extraction."""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import re
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.bank.data import to_data
from quizgen.bank.files import not_plain
from quizgen.bank.model import Bank, Entity, EntityType, Item, ItemKind, Source, Text
from quizgen.bank.names import id_problem
from quizgen.bank.placeholders import TODO_EN, UNKNOWN_OUTLET, is_placeholder
from quizgen.bank.records import dumps_yaml
from quizgen.errors import Problem, QuizgenError, UsageError
from quizgen.extract import candidates as cand
from quizgen.extract import references
from quizgen.extract.clutter import Cleaned, ClutterReason, clean
from quizgen.extract.dating import PageDate, Resolved, resolve
from quizgen.extract.distractors import Named, Pools
from quizgen.extract.drafts import Built, Context, build, listed_day, mask, prints_word, quote_spans, since
from quizgen.extract.facts import DOCUMENT_END, PERIPHERAL_DATE_PENALTY, Fact, Slot, broader, facts, key_of
from quizgen.extract.fingerprint import stamped
from quizgen.extract.lexicon import Lexicon, Mention
from quizgen.extract.nlp import Analyzer
from quizgen.extract.numbering import numbered
from quizgen.extract.ranking import LeftOut, Selection, default_size, select
from quizgen.extract.sentences import Sentence, split
from quizgen.japanese.normalise import normalise
from quizgen.japanese.titles import TITLES_AFTER_NAME
from quizgen.text import code_point, find_control, find_invisible, invisible_problem

MAX_BYTES = 200_000
"""The largest article extract reads: a news article is under 30 KB; extract's work and memory grow with the article
(200 KB: a few seconds and under 300 MB; 950 KB took 76 s and 3.5 GB, hostile pass 9 F2)."""
MAX_BLANKS_PER_ANSWER = 3
_HTML = re.compile(r"<\s*(!doctype|html|head|body|div|p|span|a\s|br|script|meta|table)\b", re.IGNORECASE)
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LETTER = re.compile(r"[A-Za-z\u3040-\u30ff\u3400-\u9fff]")


class ArticleError(QuizgenError):
    """The article file cannot be used: empty, not UTF-8, HTML, not Japanese, too large."""


def read_article(path: Path) -> str:
    """The article's text, or an ArticleError saying exactly what is wrong with the file."""
    if not path.exists():
        raise UsageError(f"article not found: {path}")
    if (why := not_plain(path)) is not None and not path.is_file():  # a folder, FIFO or device (too big: below)
        raise ArticleError(f"{path}: {why}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"{path}: the file is {size:,} bytes; quizgen extract reads one article of at most "
                           f"{MAX_BYTES:,} bytes (split it, or copy just the article's text)")
    data = path.read_bytes()
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = bom + exc.start  # the offset in the file, BOM included, so that the byte named is the byte there
        line_start = data.rfind(b"\n", 0, bad) + 1
        line, column = data.count(b"\n", 0, bad) + 1, len(data[max(line_start, bom):bad].decode("utf-8", "replace")) + 1
        raise ArticleError(f"{path}:{line}:{column}: not UTF-8 text (byte 0x{data[bad]:02x} "
                           f"at offset {bad} of the file); save the article as UTF-8") from exc
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty")
    if len(_HTML.findall(text)) >= 2:
        raise ArticleError(f"{path}: this looks like an HTML page, not plain text; "
                           "copy the article's text into a .txt file")
    letters = len(_LETTER.findall(text))
    japanese = len(_JA.findall(text))
    if japanese < 20 or japanese < 0.3 * letters:
        raise ArticleError(f"{path}: no Japanese article text found ({japanese} Japanese characters); "
                           "quizgen extract reads Japanese news articles")
    text = text.replace("\r\n", "\n")
    if (at := find_control(text)) is not None:  # an escape sequence would reach every draft, and the terminal
        raise ArticleError(f"{path}:{_place(text, at)}: control character {code_point(text[at])} in the article; "
                           "remove it (only tab and newline are allowed)")
    if (at := find_invisible(text)) is not None:  # the bank refuses it in every draft: refused here, once (F12)
        what, fix = invisible_problem(text[at]).split("; ", 1)
        raise ArticleError(f"{path}:{_place(text, at)}: {what} in the article; {fix}")
    return text


def _place(text: str, at: int) -> str:
    """'line:column' of the character at index `at`."""
    return f"{text.count(chr(10), 0, at) + 1}:{at - (text.rfind(chr(10), 0, at) + 1) + 1}"


@dataclass(frozen=True)
class Extraction:
    source: Source
    entities: tuple[Entity, ...]  # proposed new people
    items: tuple[Item, ...]  # the chosen drafts in the article's order, then (with --all) the rest, best first
    cleaned: Cleaned
    chosen: int  # how many of `items` are the default selection
    found: int  # every draft worth making (what --all keeps)
    new_source: bool = True  # the source is not in the bank yet: the drafts file carries it
    left_out: tuple[tuple[str, LeftOut], ...] = ()  # with --all: each draft outside the default and why

    @property
    def dropped(self) -> int:
        return max(0, self.found - len(self.items))

    def dumps(self, article_name: str) -> str:
        """The drafts as bank YAML (the source if new, proposed people, items), with a header on how to review them."""
        data: dict[str, object] = {"sources": [to_data(self.source)]} if self.new_source else {}
        if self.entities:
            data["entities"] = [to_data(e) for e in self.entities]
        data["items"] = [to_data(i) for i in self.items]
        more = len(self.items) - self.chosen
        kept = (f"# The {self.chosen} best drafts, one per key fact, in the article's order "
                f"({self.dropped} weaker ones left out; --all keeps every one).\n" if self.dropped and not more else
                f"# The {self.chosen} of the default selection in the article's order, then the {more} best weaker "
                f"ones ({self.dropped} more left out; --all keeps every one).\n" if self.dropped else
                f"# Every draft: first the {self.chosen} of the default selection in the article's order, "
                "then the rest, best first.\n")
        header = (f"# Draft questions extracted by `quizgen extract` from {article_name}.\n" + kept +
                  "# Every item is `draft: true`; `missing` lists what is still to write (English is optional).\n"
                  "# Review them with:  quizgen review THIS_FILE\n")
        body = dumps_yaml(data)
        return stamped(numbered(header, tuple(i.id for i in self.items)), body) + body


    def discarding(self, reasons: dict[str, str]) -> Extraction:
        """The extraction with the drafts `reasons` names written discarded, each with its reason (a decision made
        in review on another drafts file of the article)."""
        return dataclasses.replace(self, items=tuple(dataclasses.replace(i, discarded=reasons[i.id])
                                                     if i.id in reasons else i for i in self.items))

    def without(self, ids: set[str]) -> Extraction:
        """The extraction without the drafts `ids` (and the new people only they needed)."""
        items = tuple(i for i in self.items if i.id not in ids)
        used = {i.entity for i in items}
        chosen = sum(1 for i in self.items[: self.chosen] if i.id not in ids)
        return dataclasses.replace(self, items=items, entities=tuple(e for e in self.entities if e.id in used),
                                   chosen=chosen, found=self.found - (len(self.items) - len(items)))


def vetted(result: Extraction, article_name: str,
           refusals: Callable[[str], Sequence[Problem]]) -> tuple[Extraction, tuple[Problem, ...]]:
    """`result` without the drafts that `refusals` (the checks `quizgen review` runs on the drafts file's text)
    finds a problem in, and those problems: extract never writes a file review refuses to open."""
    left_out: list[Problem] = []
    repaired: set[str] = set()
    for _ in range(6):  # a draft left out can leave another's problem (a shared person): check again
        problems = refusals(result.dumps(article_name))
        ids = {i.id for i in result.items for p in problems if _names(p, i.id)}
        if not ids:
            break  # none, or none a draft's own: review names it
        fixable = {i.id: fields for i in result.items if i.id in ids and i.id not in repaired
                   and (fields := _spare_fields(i.id, [p for p in problems if _names(p, i.id)]))}
        if fixable:  # a timeline label or a false statement the checks refuse goes; the draft stays (newuser15)
            repaired |= set(fixable)
            result = dataclasses.replace(result, items=tuple(
                _spared(i, fixable[i.id]) if i.id in fixable else i for i in result.items))
            continue
        left_out += [p for p in problems if any(_names(p, i) for i in ids)]
        result = result.without(ids)
    return result, tuple(left_out)


_SPARE = ("event", "false_statement")  # what a draft can do without: its timeline label, its false statement


def _spared(item: Item, fields: tuple[str, ...]) -> Item:
    return dataclasses.replace(item, event=None if "event" in fields else item.event,
                               false_statement=None if "false_statement" in fields else item.false_statement)


def _spare_fields(item_id: str, problems: Sequence[Problem]) -> tuple[str, ...]:
    """The fields the draft can do without that hold all of its problems, or () when one lies elsewhere."""
    fields = [next((f for f in _SPARE if p.field.startswith(f"item {item_id}.{f}")), None) for p in problems]
    return () if None in fields else tuple(dict.fromkeys(f for f in fields if f is not None))


def _names(p: Problem, item_id: str) -> bool:
    return p.field == f"item {item_id}" or p.field.startswith((f"item {item_id}.", f"item {item_id}["))


def next_source_id(bank: Bank) -> str:
    numbers = [int(s.id) for s in bank.sources if s.id.isdigit()]
    return f"{(max(numbers) + 1) if numbers else 0:03d}"


def provisional_source(text: str, file_name: str, bank: Bank, source_id: str | None = None) -> Source:
    """A source for an article nobody registered (`quizgen add-article` asks for what this guesses): the first
    line as headline, the date of its date stamp, the outlet unknown (a placeholder no output prints)."""
    sid = _source_id(bank, source_id)
    cleaned = clean(text)
    headline = next((s.text for s in split(cleaned.lines)), file_name)
    body = {line.text.strip() for line in cleaned.lines}  # never the article's own text (a body pasted twice)
    clutter = tuple(dict.fromkeys(d.text for d in cleaned.dropped if d.text.strip() and d.text.strip() not in body
                                  and d.reason not in (ClutterReason.BLANK, ClutterReason.SOURCE_LINK,
                                                       ClutterReason.DATELINE, ClutterReason.REPEATED)))
    return Source(id=sid, file=file_name, headline=Text(headline, TODO_EN), outlet=UNKNOWN_OUTLET, clutter=clutter,
                  published=cleaned.dateline)


# the country written before a person (中国の習近平国家主席, ロシアのプーチン大統領)
_COUNTRY_BEFORE = re.compile(r"(中国|ロシア|米国|アメリカ|日本|ウクライナ|北朝鮮|韓国|インド|イラン|英国|イギリス|フランス|ドイツ"
                             r"|ベラルーシ|カザフスタン|トルコ|ブラジル|南アフリカ)の$")


_GLOSSED_TITLE = re.compile(r"[(（][^()（）]{1,20}[)）](" + "|".join(TITLES_AFTER_NAME) + ")")


def _people(text: str, known: Sequence[Mention], full_names: dict[str, str]) -> tuple[tuple[int, int, str], ...]:
    """The people of a sentence named without a title, (start, end, person); adds to `full_names` each person's
    first mention with one, with the country before it (中国の習近平国家主席 … 習氏は: a prompt lifted alone says
    who 習氏 is)."""
    for m in known:
        title = m.title or ((g := _GLOSSED_TITLE.match(text, m.end)) and g.group(1))  # 習近平(シージンピン)国家主席
        if m.type is EntityType.PERSON and m.entity and title:
            country = _COUNTRY_BEFORE.search(text[:m.start])
            full_names.setdefault(m.entity, f"{country.group(1) + 'の' if country else ''}{text[m.start:m.end]}{title}")
    return tuple((m.start, m.full_end, m.entity) for m in known  # 習氏, プーチン氏; not プーチン政権
                 if m.type is EntityType.PERSON and m.entity and not m.title and text[:m.full_end].endswith("氏"))


def body_sentences(cleaned: Cleaned) -> list[Sentence]:
    """The sentences of an article's text, page clutter and headings left out: what `extract` drafts from."""
    return [s for s in split(cleaned.lines) if not s.heading]


def extract(text: str, source: Source, bank: Bank, analyse: Analyzer, *, limit: int | None = None,
            keep_all: bool = False) -> Extraction:
    """Run the steps: clutter -> sentences -> candidates -> key facts -> selection -> drafts.

    `limit` is how many drafts to keep at most (None: the default for the article's fact-bearing sentences,
    `quizgen.extract.ranking.default_size`): the default selection, then, where it holds fewer, the best facts it
    left out only for their score or its size (`_weaker`); `keep_all` adds every other draft worth making after them, best first.
    """
    if limit is not None and limit < 1:
        raise UsageError(f"the number of drafts to keep must be at least 1, not {limit}")
    asked_for = limit  # --max N: the default selection, then the best weaker facts up to N (newuser7 #7)
    cleaned = clean(text, source.clutter)
    sentences = body_sentences(cleaned)
    if not sentences:
        removed = cleaned.report()
        raise ArticleError(f"{source.file}: no sentence is left after removing page clutter and headings"
                           + (f"; left out:\n{textwrap.indent(removed, '  ')}" if removed else ""))
    page = PageDate.of(text, source.published)
    lexicon = Lexicon(bank)
    found: list[Fact] = []
    every: list[cand.Candidate] = []
    speaker: Mention | None = None
    carried: dict[int, Resolved] = {}
    last: Resolved | None = None
    named: list[set[str]] = []  # the entities each sentence names
    full_names: dict[str, str] = {}  # person -> their first mention with a title (中国の習近平国家主席)
    short_names: dict[int, tuple[tuple[int, int, str], ...]] = {}  # sentence start -> people named without a title
    before: dict[int, str] = {}  # the headline and the sentences before each sentence
    told = source.headline.ja
    for order, s in enumerate(sentences):
        if last is not None:
            carried[s.start] = last
        before[s.start] = told
        told += "\n" + s.text
        quoted = quote_spans(s.text)  # 「6月24日の出来事に関連し…」と: a day someone spoke of is not the day 同日 means
        days = [r for r in resolve(s.text, page, source.id) if r.day is not None
                and not any(a <= r.start < b for a, b in quoted) and not since(s.text, r) and not listed_day(s.text, r)]
        last = days[-1] if days else last  # holdout_v20: not a day counted from, one before the news, nor a list's
        tokens = analyse(s.text)
        got, speaker = cand.candidates(s, tokens, lexicon, previous_speaker=speaker, page=page, article=source.id)
        known = lexicon.known(s.text, tokens)
        short_names[s.start] = _people(s.text, known, full_names)
        named.append({f"entity:{m.entity}" for m in known if m.entity} |
                     {key_of(c) for c in got if c.kind in _ACTOR_KINDS and not c.mentions})
        every.extend(got)
        found.extend(facts(got, tokens, bank, order))
    found = follow_ups(_same_people(found), page)
    figures = {f.key for f in found if headline_figure(f, source.headline.ja)}
    found = [dataclasses.replace(f, score=HEADLINE_FIGURE_SCORE) if f.key in figures else f for f in found]
    if limit is None:
        limit = default_size(len({f.sentence_start for f in found}))
    allowed = page.years
    lead = sentences[0].text
    label = event_label(source.headline.ja, page, lead=lead)
    event = headline_event(source.headline.ja) or lead_event(lead)
    cued = {f.key for f in found  # 習氏 in the cue gives 習近平 away too; the lead's place is asked as the headline's is
            if _in_label(f, f"{label}{event}") and not headline_fact(f)}
    main = main_actors(named)
    ctx = Context(source.id, page, label, pools(every, bank, page), bank, carried, before, told,
                  anchor=cue_phrase("", event), topics=carried_topics(sentences), full_names=full_names,
                  short_names=short_names)
    picked = select(found, limit, compatible=lambda a, b: _compatible(a, b, allowed),
                    separate=lambda a, b: _hides(a, b, allowed),
                    given=lambda f: f.key not in figures and (f.key in cued
                                     or (f.key in main and not headline_fact(f) and not _forum_once(f))
                                     or (_in_headline(f, source.headline.ja, bank) and not headline_fact(f))
                                     or broader(f.candidate, main) or ctx.references(f) is None))
    if label and _asks_the_month((*picked.chosen, *picked.rest), page):  # newuser5 #5: 【2025年9月 …】 beside 2025年9月26日
        ctx = dataclasses.replace(ctx, label=event_label(source.headline.ja, page, month=False, lead=lead))
    every_chosen = [build(f, _masks(f, picked.chosen, allowed), ctx) for f in picked.chosen]
    kept = apart(every_chosen, [f.score for f in picked.chosen])
    built = list(kept)
    why: list[tuple[str, LeftOut]] = []
    if keep_all:  # the drafts `apart` left out come first among the rest
        printed = [b for b in every_chosen if b not in kept]
        rest = [build(f, {}, ctx) for f in picked.rest]
        built += printed + rest
        why = [(b.item.id, LeftOut.PRINTED) for b in printed] + [(b.item.id, r) for b, r in zip(rest, picked.why, strict=True)]
    elif asked_for is not None and len(kept) < asked_for:
        built += _weaker(picked, ctx, kept, asked_for - len(kept))
    items = unique_prompts([b.item for b in built])
    entities = {b.entity.id: b.entity for b in built if b.entity is not None}
    used = {i.entity for i in items}
    return Extraction(source, tuple(e for e in entities.values() if e.id in used), tuple(items), cleaned,
                      chosen=min(len(kept), len(items)), found=len(picked.chosen) + len(picked.rest),
                      new_source=source.id not in bank.source_by_id, left_out=tuple(why))


HEADLINE_FIGURE_SCORE = 100  # the figure the headline states, drafted from the body: first of all
_FIGURE = re.compile(r"([0-9０-９][0-9０-９.,]*(?:[万億兆][0-9０-９]*)*)([^0-9０-９\s、。,.万億兆]{1,3})")


def figure_value(text: str) -> tuple[float, str] | None:
    """A figure's value and its unit: 3.9万トン and 3万9000トン are both (39000, トン)."""
    m = _FIGURE.fullmatch(unicodedata.normalize("NFKC", re.sub(r"^(?:約|およそ|計)", "", text)))
    if m is None:
        return None
    value, part = 0.0, ""
    for ch in m.group(1).replace(",", "") + "_":
        if ch in "万億兆_":
            value += (float(part) if part else (1.0 if ch != "_" else 0.0)) * {"万": 1e4, "億": 1e8, "兆": 1e12, "_": 1}[ch]
            part = ""
        else:
            part += ch
    return value, m.group(2)


def headline_figure(f: Fact, headline: str) -> bool:
    """Whether a count of the body is the figure the headline states (中国向け3.9万トン: 3万9000トンだった): the
    news itself, asked first though the headline prints it."""
    mine = figure_value(f.candidate.answer) if f.candidate.rule == "number" else None
    if mine is None or mine[0] == 0:
        return False
    for m in _FIGURE.finditer(unicodedata.normalize("NFKC", headline)):
        other = figure_value(m.group(0))
        if other is not None and other[0] == mine[0] and m.group(2).startswith(mine[1]):
            return True
    return False


FOLLOW_UP_DAYS = 7  # a day this close to the page's date, after the story's own, is a reaction to the news


def follow_ups(found: list[Fact], page: PageDate) -> list[Fact]:
    """The facts with the days of the story's follow-ups scored down: the story's date is the first day the
    article writes; a later sentence's day within FOLLOW_UP_DAYS of the page's date (ロシア国防省は（25日）、…と
    発表した; 同師は（12日）、…拒否した) dates an announcement or a reaction to it, not the news."""
    if page.published is None:
        return found
    days = [f for f in found if f.candidate.date is not None and f.candidate.date.day is not None]
    if not days:
        return found
    first = min(f.order for f in days)
    out: list[Fact] = []
    for f in found:
        d = f.candidate.date
        if d is not None and d.day is not None and d.month is not None and f.order > first:
            try:
                gap = abs((dt.date(d.year, d.month, d.day) - page.published).days)
            except ValueError:
                gap = FOLLOW_UP_DAYS + 1
            if gap <= FOLLOW_UP_DAYS:
                f = dataclasses.replace(f, score=f.score - PERIPHERAL_DATE_PENALTY)
        out.append(f)
    return out


def _same_people(found: list[Fact]) -> list[Fact]:
    """A new person named later by the surname alone (山添博史 … 山添氏) is the same person: one key, the full
    name as the answer and the surname accepted."""
    full = sorted({f.candidate.new_person.surface for f in found if f.candidate.new_person is not None}, key=len)
    out: list[Fact] = []
    for f in found:
        person = f.candidate.new_person
        longer = next((n for n in reversed(full) if person is not None and n != person.surface
                       and n.startswith(person.surface)), None) if person is not None else None
        if longer is None or person is None:
            out.append(f)
            continue
        c = dataclasses.replace(f.candidate, accept=(*f.candidate.accept, f.candidate.answer), answer=longer,
                                new_person=dataclasses.replace(person, surface=longer))
        out.append(dataclasses.replace(f, candidate=c, key=normalise(longer)))
    return out


MAIN_ACTOR = 3  # a name in this many sentences is one of the article's main actors
LEAD_ACTOR = 2  # …and so is one the lead names and a later sentence names again
_ACTOR_KINDS = frozenset({ItemKind.PERSON, ItemKind.COUNTRY, ItemKind.PLACE, ItemKind.ORGANISATION})


def main_actors(named: Sequence[set[str]]) -> frozenset[str]:
    """The keys (`quizgen.extract.facts.key_of`) of the article's main actors, from the names each sentence
    holds: those its lead names and a later sentence names again, and those named in MAIN_ACTOR sentences. A
    blank on one of them, like one on a name its headline prints (`_in_headline`), is obvious to anyone who
    read the story (ロシアの（　　）大統領 in a report on Putin's visit, （　　）に続いてベトナムを訪問 for
    平壌): such drafts come with `--all` only."""
    count: dict[str, int] = {}
    for seen in named:
        for e in seen:
            count[e] = count.get(e, 0) + 1
    lead = named[0] if named else set()
    return frozenset(e for e, n in count.items() if n >= MAIN_ACTOR or (e in lead and n >= LEAD_ACTOR))


def _forum_once(f: Fact) -> bool:
    """Whether a main actor may still be asked (once, like any answer): a forum or an organisation the story
    turns on (（上海協力機構）の首脳会議に合わせ, …と発表したのは（防衛省）), which a card read on its own does not
    give away as a leader's name under their title does (ロシアの（　　）大統領)."""
    c = f.candidate
    return (c.kind in (ItemKind.FORUM, ItemKind.ORGANISATION) and c.rule in ("entity", "forum")
            and not re.match(r"[^、。「」]{0,6}[（(][^）)]*[A-Za-zＡ-Ｚ]", c.sentence.text[c.end:]))  # …首脳会議（G7広島
    # サミット）: its short name; クレムリン（大統領府） only explains it


def headline_fact(f: Fact) -> bool:
    """Whether the fact is where the lead's event took place (会合を（北京）で開いた): the headline's own fact,
    asked though the headline prints it — the headline names the story, the draft asks what happened there."""
    return f.order == 0 and f.slot is Slot.WHERE and f.candidate.date is None


def _in_headline(f: Fact, headline: str, bank: Bank) -> bool:
    """Whether the headline prints the fact's answer, under any of its names (習氏 for 習近平)."""
    c = f.candidate
    if c.date is not None or c.kind not in _ACTOR_KINDS:
        return False
    known = bank.entity_by_id.get(c.entity) if c.entity else None
    names = (c.answer, *c.accept, *((known.ja, *known.aliases) if known is not None else ()))
    key = normalise(headline)
    return any(len(normalise(n)) >= 2 and normalise(n) in key for n in names)


def _compatible(a: Fact, b: Fact, allowed: frozenset[int]) -> bool:
    """Two facts of one sentence may both be asked only when neither prompt prints the other's answer: each can
    be masked in the other's prompt, or lies outside what the other's wh-question quotes. Otherwise the drafts
    give each other away (the teacher's worst kind of pair): one draft per sentence."""
    return _hides(a, b, allowed) and _hides(b, a, allowed)


def _hides(f: Fact, g: Fact, allowed: frozenset[int]) -> bool:
    """Whether the prompt of `f` leaves out the answer of `g`, a fact of the same sentence: `g` can be masked
    (`quizgen.extract.drafts.mask`), or lies outside the spans a wh-question of `f` quotes."""
    if mask(g, allowed) is not None:
        return True
    c, o = f.candidate, g.candidate
    quoted = [p for p in c.parts if isinstance(p, tuple)] if c.parts else [(0, len(c.sentence.text))]
    return not any(a < o.end and o.start < b for a, b in quoted)


def _in_label(f: Fact, label: str) -> bool:
    """Whether the context cue, printed on the article's other drafts, prints the fact's answer (カザン of
    【中ロ首脳、カザンで会談】)."""
    key = normalise(label)
    return any(len(form) >= 2 and (prints_word(key, form) or _parts_printed(key, form))
               for a in (f.candidate.answer, *f.candidate.accept) for form in (normalise(a),))


# a particle joining two words of an answer (制裁強化の決議案, 中国へのパイプライン), not one inside a kana word
_JOINS = re.compile(r"(?<![\u3041-\u309f])(?:への|との|からの|での|の|へ|と|から|や)(?![\u3041-\u309f])")
_WORDY = re.compile(r"[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z]{2,}")


def _parts_printed(cue: str, answer: str) -> bool:
    """Whether every word of an answer of two or more words joined by particles is printed by the cue (holdout_v25's
    teacher: 【北朝鮮への制裁強化決議案】 gives 「制裁強化の決議案」 away, 【ロシアから中国へ初のガスパイプライン】
    「中国へのパイプライン」)."""
    parts = [p for p in _JOINS.split(answer) if p]
    return len(parts) >= 2 and all(_WORDY.fullmatch(p) and p in cue for p in parts)


def _masks(f: Fact, chosen: Sequence[Fact], allowed: frozenset[int]) -> dict[tuple[int, int], str]:
    """What `f`'s prompt hides of the other chosen facts of its sentence (the selection made sure each can be
    hidden): a name reduced to its title, a date to its month, a place before で left out."""
    out: dict[tuple[int, int], str] = {}
    for g in chosen:
        if g is not f and g.sentence_start == f.sentence_start and (hide := mask(g, allowed)) is not None:
            out[hide[0]] = hide[1]
    return out


# A column's title asks or announces a reading, it names no event: 「…は何を意味するか」「…を読む」「…とは」
_NOT_AN_EVENT = re.compile(r"(か|を読む|を読み解く|とは|の実像|の真相|を考える|のゆくえ|の行方)$|^(論考|解説|社説|コラム)")
_HEADLINE_PART = re.compile(r"[\u3000\s]+")


def _asks_the_month(found: Sequence[Fact], page: PageDate) -> bool:
    """Whether a draft of the article asks a day of the page's month (the cue's month would print its year and month,
    which a worksheet counts as giving it away)."""
    published = page.published
    return published is not None and any(
        d is not None and d.day is not None and (d.year, d.month) == (published.year, published.month)
        for d in (f.candidate.date for f in found))


def event_label(headline: str, page: PageDate, month: bool = True, lead: str = "") -> str:
    """The context cue for prompts that name no year: 【2024年5月 中露首脳の会談】 — the page's month (where the
    article writes its year) and the event its headline names (`headline_event`; 「中国、朝ロ条約に「コメントせず」」
    is a headline, not an event: 【2024年6月】), else the event the `lead` sentence is about (`lead_event`). No cue
    without a date. `month=False`: the year alone (【2025年 …】,
    where a draft asks a day of the page's month, which the month would give away)."""
    published = page.published
    if published is None or published.year not in page.years:
        return ""
    event = headline_event(headline) or lead_event(lead)
    when = f"{published.year}年{published.month}月" if month else f"{published.year}年"
    return cue_phrase(when, event)


def cue_phrase(when: str, event: str) -> str:
    """The context cue before a prompt: 【2024年5月 中露首脳の会談】, 【2024年6月】 without an event, 【中ロ首脳、カザンで会談】
    without a time; "" with neither. A label naming the event and its time, never an attribution to the page (「記事
    「…」によると」 would make every card commentary on a web page, which the bank's own prompts never are)."""
    if not when and not event:
        return ""
    return f"【{' '.join(p for p in (when, event) if p)}】"


# Who a headline's first clause names before what they did: 中ロとイラン, ロシア, 中ロ爆撃機 (no particle of a predicate)
_TITLED = re.compile(r"[^でをにへがはも「」『』、]{1,8}?(?:" + "|".join(map(re.escape, TITLES_AFTER_NAME)) + r"|氏)")
_ACTORS_ONLY = re.compile(r"[^でをにへがはも「」『』]{1,6}|" + _TITLED.pattern)  # ロシア, 中ロとイラン; a name with its title
# (newuser15: 【習近平国家主席】 named a person, no event)


def headline_event(headline: str) -> str:
    """The event a headline names, for the context cue: its first clause when it is one (中ロ貿易 of 「中ロ貿易、24年は
    最高更新も伸び鈍化」, with が as の), joined to the next when the first only names who acted (「ロシア、中国人のビザ
    免除を開始」「中ロとイラン オマーン湾で海軍合同演習」: 「ロシア」 alone names no event); never a clause with a
    quotation, nor a column's title."""
    headline = re.sub(r"^(?:【[^】]{1,8}】|［[^］]{1,8}］|\[[^\]]{1,8}\])\s*", "", headline.strip())  # 【解説】
    parts = _HEADLINE_PART.split(headline) if headline else [""]
    part = parts[0]
    first, _comma, second = part.partition("、")
    second = second.split("、")[0]
    if _ACTORS_ONLY.fullmatch(first) and second and not re.search(r"[はも「『]", second):
        event = f"{first}、{second}"  # ロシア、中国人のビザ免除を開始
    elif _ACTORS_ONLY.fullmatch(part) and len(parts) > 1 and not re.search(r"[はも「『、]", parts[1]):
        joined = 1  # 中ロとイラン オマーン湾で海軍合同演習 (a broadcaster's space for the comma); ロシア ラブロフ外相
        while joined < len(parts) and _ACTORS_ONLY.fullmatch(parts[joined]) and joined + 1 < len(parts) \
                and not re.search(r"[はも「『、]", parts[joined + 1]):
            joined += 1  # 侵攻後初の中国訪問: who, then what they did
        event = " ".join(parts[:joined + 1])
    else:
        event = first if len(first) >= 4 else "" if second else part
    event = _without_quoted_name(event)
    if "「" in event or "『" in event:
        event = ""
    subject, ga, rest = event.partition("が")
    if ga and not re.search(r"[をにでへと]", rest) and re.search(r"[\u30a1-\u30fa\u4e00-\u9fff]$", event):
        event = f"{subject}の{rest}"  # 中露首脳が会談 -> 中露首脳の会談 (but not 爆撃機の日本周辺を共同飛行)
    if is_placeholder(event) or len(event) > 30 or _NOT_AN_EVENT.search(event):
        event = ""  # a column's title names no event: the month alone is the cue
    return event


_QUOTED_NAME = re.compile(r"「([^「」]{1,15})」")
_EVENT_NOUN = re.compile(r"(?:演習|会談|訪問|首脳会議|サミット|会議|対話|宣言|声明|条約|協定)$")


def _without_quoted_name(event: str) -> str:
    """A headline's clause with the name it quotes left out, so the cue names the event without asking its name away
    (holdout_v32: 「中ロ初の大規模合同軍事演習「平和の使命2005」始まる」 and 「中ロ首脳「多極化世界」宣言に署名」 gave no cue
    but the year): what comes before the name where that is an event (中ロ初の大規模合同軍事演習), else the clause
    around it (中ロ首脳、宣言に署名). A quoted statement (「…続ける」) stays, and the caller drops the clause."""
    m = _QUOTED_NAME.search(event)
    if m is None or len(_QUOTED_NAME.findall(event)) > 1 or re.search(r"[るたいすだうく]$", m.group(1)):
        return event
    before, after = event[:m.start()].rstrip("、 "), event[m.end():].lstrip("、 ")
    if len(before) >= 6 and _EVENT_NOUN.search(before):
        return before
    if before and after and _ACTORS_ONLY.fullmatch(before) and not re.match(r"[はがをにでへとのも]", after):
        return f"{before}、{after}"
    return event


# the lead's topic, when it is a meeting or a visit: its short name in brackets (主要7か国首脳会議（G7広島サミット）は)
# or the name itself (上海協力機構首脳会議は)
_EVENT_END = r"(?:首脳会議|サミット|首脳会談|外相会談|会談|合同演習|演習|訪問|総会|フォーラム|会合|対話)"
_LEAD_SHORT = re.compile(r"[（(]([^（）()、。「」]{2,15}" + _EVENT_END + r")[）)]は")
_LEAD_NAME = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・])([\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9・]{2,15}"
                        + _EVENT_END + r")は")


def carried_topics(sentences: Sequence[Sentence]) -> dict[int, str]:
    """Who each sentence that names no one is about (by its start): the topic the sentence before it in its
    paragraph starts with, carried over sentences that name no one either (holdout_v16, untuned: 「宣言は「…」と
    明記。ウクライナとの直接対話などを通じ、…支持するよう
    促した。」 was drafted with no subject; its card reads 「宣言は、ウクライナとの…」 now)."""
    out: dict[int, str] = {}
    last: str | None = None
    line = None
    for s in sentences:
        if s.line != line:
            last, line = None, s.line
        if references.lacks_subject(s.text):
            if last is not None:
                out[s.start] = last  # and the next sentence without a subject too
        else:
            last = references.topic(s.text)
    return out


def lead_event(lead: str) -> str:
    """The event the article's first sentence is about, for the context cue where the headline names none
    (holdout_v16, untuned: 「G7、中国に「ロシアへの働きかけ」要求…」 gave every prompt the bare cue 【2023年】; its lead
    reads 「…開かれた主要7か国首脳会議（G7広島サミット）は、…」): the short name it gives its topic in brackets, else the
    topic itself when it names a meeting, a visit or an exercise; "" otherwise."""
    head = lead.split("、", 1)[0] + "、" if "、" in lead else lead
    m = _LEAD_SHORT.search(head) or _LEAD_NAME.search(head)
    return m.group(1) if m is not None else ""


def pools(cands: Sequence[cand.Candidate], bank: Bank, page: PageDate) -> Pools:
    """What the article names, dates and counts, as distractors for its own drafts."""
    named: dict[str, Named] = {}
    numbers: list[str] = []
    for c in cands:
        if c.rule in ("number", "anniversary", "n-years-since", "duration"):
            numbers.append(c.answer)
            continue
        etype = _type_of(c, bank)
        if etype is None or c.mentions:
            continue
        if _quoted(c.sentence.text, c.start):
            continue  # 駆逐艦「包頭」: a ship's name, not the place
        known = bank.entity_by_id.get(c.entity) if c.entity else None
        ja, en = (known.ja, known.en) if known is not None and known.type is etype else (c.answer, TODO_EN)
        if ja not in named or (named[ja].title is None and c.title):  # the title the article gives the name somewhere
            named[ja] = Named(ja, en, etype, c.title)
    names = list(named)
    for ja in names:  # ガブエフ beside アレクサンドル・ガブエフ, 山添 beside 山添博史: one person
        if any(other != ja and (other.endswith(ja) or other.startswith(ja)) for other in names):
            named.pop(ja, None)
    dates = tuple(dict.fromkeys((r.year, r.month, r.day) for c in cands if c.date is not None for r in (c.date,)))
    return Pools(tuple(named.values()), dates, tuple(dict.fromkeys(numbers)))


_KIND_TYPE = {ItemKind.PERSON: EntityType.PERSON, ItemKind.COUNTRY: EntityType.COUNTRY, ItemKind.PLACE: EntityType.PLACE,
              ItemKind.ORGANISATION: EntityType.ORGANISATION, ItemKind.FORUM: EntityType.FORUM,
              ItemKind.DOCUMENT: EntityType.DOCUMENT, ItemKind.EVENT: EntityType.EVENT}


def _quoted(text: str, at: int) -> bool:
    return text[:at].count("「") > text[:at].count("」")


def _type_of(c: cand.Candidate, bank: Bank) -> EntityType | None:
    known = bank.entity_by_id.get(c.entity) if c.entity else None
    if known is not None:
        return known.type
    if c.new_person is not None:
        return EntityType.PERSON
    if c.rule == "quoted" and DOCUMENT_END.search(c.answer):
        return EntityType.DOCUMENT
    return _KIND_TYPE.get(c.kind) if c.rule in ("entity", "forum", "meeting-place", "place", "named") else None


def _source_id(bank: Bank, source_id: str | None) -> str:
    """The new article's source id: `source_id`, or the next free number; it must be new to the bank."""
    sid = source_id or next_source_id(bank)
    if (problem := id_problem(sid)) is not None:
        raise UsageError(f"{{source_id}} {problem}", names=["source_id"])
    if sid in bank.source_by_id:
        raise UsageError(f"source id {sid!r} is already in the bank ({bank.source_by_id[sid].file}); "
                         "pass another {source_id}", names=["source_id"])
    return sid


_NAME_GOES_ON = r"[0-9a-z\u30a1-\u30fa\u30fc\u4e00-\u9fff]"  # after a word inside a longer name


def _weaker(picked: Selection, ctx: Context, kept: Sequence[Built], more: int) -> list[Built]:
    """Up to `more` drafts of the facts the default left out only for their score or its size (`--max N`, the
    middle way between the default and `--all`, newuser7 #7), best first, those of a sentence no draft asks yet
    before the others: none whose answer holds or is held by one a draft asks already, whose prompt prints
    another's answer or whose answer another prompt prints."""
    out: list[Built] = []
    weaker = [f for f, why in zip(picked.rest, picked.why, strict=True) if why in (LeftOut.SCORE, LeftOut.CAP)]
    drafted = {b.item.evidence[0].quote for b in kept}
    for f in sorted(weaker, key=lambda f: f.candidate.sentence.text in drafted):  # a sentence not asked yet first:
        if len(out) >= more:  # a sheet asks one question per sentence
            break
        b = build(f, {}, ctx)
        mine = normalise(b.item.answer.ja)
        if any(mine in (theirs := normalise(o.item.answer.ja)) or theirs in mine or _prints(o.item.prompt.ja, b.item)
               or _prints(b.item.prompt.ja, o.item) for o in (*kept, *out)):
            continue
        out.append(b)
    return out


def apart(built: Sequence[Built], scores: Sequence[int]) -> list[Built]:
    """The drafts without answers other drafts give away: a draft whose answer two other prompts print is left
    out (中国の企業（2社） when 「2社は…」 opens other prompts), then, best first, one whose answer the prompt of a
    better draft prints, unless that draft is of its sentence and its own prompt hides that draft's answer (a
    one-way pair, `quizgen.extract.ranking.one_way`). A date is not given away by another prompt that prints it:
    two events of one day are two facts. The rest keep the article's order."""
    n = len(built)

    def given(i: int, by: Sequence[int], one_way: bool = False) -> bool:
        return built[i].item.kind is not ItemKind.DATE and any(
            _prints(built[j].item.prompt.ja, built[i].item)
            and not (one_way and _one_way(built[i].item, built[j].item)) for j in by if j != i)

    widely = {i for i in range(n) if sum(given(i, [j]) for j in range(n)) >= 2}
    kept: list[int] = []
    for i in sorted(range(n), key=lambda i: -scores[i]):
        if i not in widely and not given(i, kept, one_way=True):
            kept.append(i)
    return [built[i] for i in sorted(kept)]


def _one_way(item: Item, by: Item) -> bool:
    """Whether `by`, a draft of the same sentence, prints `item`'s answer while `item`'s prompt hides `by`'s (the
    selection's one-way pair, `quizgen.extract.ranking.one_way`): `item` is its own fact, the leak check keeps
    the two off one sheet."""
    return item.evidence[0].quote == by.evidence[0].quote and not _prints(item.prompt.ja, by)


def _prints(prompt: str, item: Item) -> bool:
    """Whether `prompt` prints the item's answer as a word (ガルピヤ is not printed by ガルピヤ3, 欧州 not by
    欧州連合)."""
    key = normalise(prompt)
    return any(len(form) >= 2 and prints_word(key, form) and re.search(re.escape(form) + _NAME_GOES_ON, key) is None
               for a in (item.answer.ja, *item.accept) for form in (normalise(a),))


def unique_prompts(items: Sequence[Item]) -> list[Item]:
    """Drop drafts whose prompt repeats an earlier one (the bank forbids one prompt with two answers)."""
    seen: set[str] = set()
    out: list[Item] = []
    for it in items:
        if it.prompt.ja in seen:
            continue
        seen.add(it.prompt.ja)
        out.append(it)
    return out
