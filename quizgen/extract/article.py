"""Reading an article file (with clear errors for bad input) and running every step of the extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from quizgen.bank.model import Bank, Category, Entity, Evidence, Item, ItemKind, Source, Text
from quizgen.bank.names import id_problem
from quizgen.bank.records import dumps_yaml, to_data
from quizgen.errors import QuizgenError, UsageError
from quizgen.extract import candidates as cand
from quizgen.extract.clutter import Cleaned, ClutterReason, clean
from quizgen.extract.drafts import TODO_EN, new_person_entity, to_item, unique_prompts
from quizgen.extract.lexicon import Lexicon, Mention
from quizgen.extract.nlp import Analyzer
from quizgen.extract.ranking import rank
from quizgen.extract.sentences import Sentence, split

MAX_BYTES = 1_000_000
MAX_BLANKS_PER_ANSWER = 3
_HTML = re.compile(r"<\s*(!doctype|html|head|body|div|p|span|a\s|br|script|meta|table)\b", re.IGNORECASE)
_JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LETTER = re.compile(r"[A-Za-z\u3040-\u30ff\u3400-\u9fff]")


class ArticleError(QuizgenError):
    """The article file cannot be used: empty, not UTF-8, HTML, not Japanese, too large."""


def read_article(path: Path) -> str:
    """The article's text, or an ArticleError saying exactly what is wrong with the file."""
    if not path.is_file():
        raise UsageError(f"article not found: {path}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleError(f"{path}: the file is {size:,} bytes; quizgen extract reads one article of at most "
                           f"{MAX_BYTES:,} bytes (split it, or copy just the article's text)")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                           "save the article as UTF-8") from exc
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
    return text.replace("\r\n", "\n")


@dataclass(frozen=True)
class Extraction:
    source: Source
    entities: tuple[Entity, ...]  # proposed new people
    items: tuple[Item, ...]  # drafts, best first (see quizgen.extract.ranking)
    cleaned: Cleaned
    found: int = 0  # drafts found before the cap; found - len(items) were dropped

    @property
    def dropped(self) -> int:
        return max(0, self.found - len(self.items))

    def dumps(self, article_name: str) -> str:
        """The drafts as bank YAML (sources, entities, items), with a header saying how to review them."""
        data: dict[str, object] = {"sources": [to_data(self.source)]}
        if self.entities:
            data["entities"] = [to_data(e) for e in self.entities]
        data["items"] = [to_data(i) for i in self.items]
        kept = (f"# The best {len(self.items)} of {self.found} drafts by quality score, best first "
                f"({self.dropped} dropped; without --max every draft is kept).\n" if self.dropped else
                "# Drafts are ordered best first (by quality score).\n")
        header = (f"# Draft questions extracted by `quizgen extract` from {article_name}.\n" + kept +
                  "# Every item is `draft: true`; `missing` lists what a reviewer must still add (English texts).\n"
                  "# Review them with:  quizgen review THIS_FILE\n")
        return header + dumps_yaml(data)


def next_source_id(bank: Bank) -> str:
    numbers = [int(s.id) for s in bank.sources if s.id.isdigit()]
    return f"{(max(numbers) + 1) if numbers else 0:03d}"


def extract(text: str, file_name: str, bank: Bank, analyse: Analyzer, source_id: str | None = None,
            max_drafts: int | None = None) -> Extraction:
    """Run the steps: clutter -> sentences -> candidates -> draft items -> ranking.

    Drafts come best first; with `max_drafts`, only the best `max_drafts` are kept (None keeps all).
    """
    if max_drafts is not None and max_drafts < 1:
        raise UsageError(f"the number of drafts to keep must be at least 1, not {max_drafts}")
    sid = _source_id(bank, source_id)
    cleaned = clean(text)
    sentences = split(cleaned.lines)
    if not sentences:
        raise ArticleError(f"{file_name}: nothing is left after removing page clutter")
    lexicon = Lexicon(bank)
    found: list[cand.Candidate] = []
    speaker: Mention | None = None
    for s in sentences:
        got, speaker = cand.candidates(s, analyse(s.text), lexicon, previous_speaker=speaker)
        found.extend(got)
    items, entities = _drafts(found, sid, bank)
    items.extend(_source_credits(cleaned, sentences, sid, lexicon, bank))
    items = unique_prompts(items)
    n_found = len(items)
    items = list(rank(items, bank, max_drafts).kept)
    used = {i.entity for i in items}
    headline = next((s.text for s in sentences), file_name)
    clutter = tuple(dict.fromkeys(d.text for d in cleaned.dropped
                                  if d.reason not in (ClutterReason.BLANK, ClutterReason.SOURCE_LINK) and d.text.strip()))
    source = Source(id=sid, file=file_name, headline=Text(headline, TODO_EN),
                    outlet=Text("不明(要確認)", "TODO: unknown outlet (check)"), clutter=clutter,
                    published=cleaned.dateline)
    return Extraction(source, tuple(e for e in entities.values() if e.id in used), tuple(items), cleaned, n_found)


def _source_id(bank: Bank, source_id: str | None) -> str:
    """The new article's source id: `source_id`, or the next free number; it must be new to the bank."""
    sid = source_id or next_source_id(bank)
    if (problem := id_problem(sid)) is not None:
        raise UsageError(f"{{source_id}} {problem}", names=["source_id"])
    if sid in bank.source_by_id:
        raise UsageError(f"source id {sid!r} is already in the bank ({bank.source_by_id[sid].file}); "
                         "pass another {source_id}", names=["source_id"])
    return sid


def _drafts(found: list[cand.Candidate], sid: str, bank: Bank) -> tuple[list[Item], dict[str, Entity]]:
    """The candidates as draft items (at most MAX_BLANKS_PER_ANSWER blanks per answer), and the new people they name."""
    entities: dict[str, Entity] = {}
    items: list[Item] = []
    per_answer: dict[tuple[bool, str], int] = {}
    for c in found:
        key = (c.question is None, c.entity or c.answer)
        per_answer[key] = per_answer.get(key, 0) + 1
        if c.question is None and per_answer[key] > MAX_BLANKS_PER_ANSWER:
            continue  # the fifth 「（　）に入る国は」 about the same country teaches nothing new
        entity = None
        if c.new_person is not None:
            entity = new_person_entity(c.new_person, sid)
            if entity is not None:
                entity = entities.setdefault(entity.id, entity)
        item = to_item(c, sid, bank, entity)
        if c.new_person is not None and entity is None:  # no reading from the analyser (王緝思): say so
            item = replace(item, missing=(*item.missing, f"entity for {c.new_person.surface} (no reading found)"))
        items.append(item)
    return items, entities


_CREDIT_NAME = re.compile(r"⇒\s*(.+?)出典")
_DOMAIN = re.compile(r"https?://(?:www\.)?([a-z0-9-]+)\.")


def _source_credits(cleaned: Cleaned, sentences: tuple[Sentence, ...], sid: str, lexicon: Lexicon,
                    bank: Bank) -> list[Item]:
    """「さらに読む ⇒中日新聞出典/画像元: URL」: ask which outlet the passage before the credit comes from."""
    out: list[Item] = []
    lower = {form.lower(): eid for form, (eid, _t) in lexicon.forms.items()}
    for d in cleaned.dropped:
        if d.reason is not ClutterReason.SOURCE_LINK:
            continue
        named = _CREDIT_NAME.search(d.text)
        domain = _DOMAIN.search(d.text)
        name = named.group(1).strip() if named and named.group(1).strip() else None
        if name and len(name) % 2 == 0 and name[: len(name) // 2] == name[len(name) // 2:]:
            name = name[: len(name) // 2]  # 「アジア経済研究所アジア経済研究所」
        entity = lexicon.forms[name][0] if name and name in lexicon.forms else (
            lower.get(domain.group(1)) if domain else None)
        if entity is None and name is None:
            continue
        before = [s for s in sentences if s.line < d.number and not s.heading]
        if not before:
            continue
        passage = before[-1].text
        e = bank.entity_by_id.get(entity) if entity else None
        answer = e.ja if e is not None else str(name)
        prompt = f"「{passage}」という部分の出典として挙げられているのはどこか。"
        out.append(Item(
            id=f"a{sid.lower()}-source-{d.number}", category=Category.ACTORS, kind=ItemKind.ORGANISATION,
            prompt=Text(prompt, TODO_EN), answer=Text(answer, e.en if e is not None else TODO_EN),
            explanation=Text(f"本文のこの部分の後に「{d.text.strip()}」とある。", TODO_EN),
            evidence=(Evidence(sid, d.text.strip()),), entity=entity, tags=("draft", "rule-source"),
            draft=True, missing=("prompt.en", "explanation.en") if e is not None else
            ("prompt.en", "answer.en", "explanation.en")))
    return out
