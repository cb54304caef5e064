"""Step 4: candidate -> draft bank item (natural Japanese, answer, accepted forms, explanation, evidence).

English fields are left as clearly marked placeholders (`TODO_EN`) and listed in the
item's `missing` field, so `quizgen check` accepts a draft and a reviewer sees what to add.
No draft names its article (the bank shows sources from `evidence`); a draft dated by a year its
sentence states gets `when` with a `stated` date basis. A relative date (今年5月, 先月) stays as the
article writes it: the bank refuses it as an item until the reviewer resolves it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from quizgen.bank.model import Bank, DateBasis, DateHow, Entity, EntityType, Evidence, Item, ItemKind, Role, Text
from quizgen.extract.candidates import Candidate
from quizgen.extract.lexicon import Mention, new_entity_id

TODO_EN = "TODO: translate"
BLANK = "（　　）"
_KANA_RE = re.compile(r"^[\u3041-\u309f\u30fc]+$")
_WHO = {"人物"}
_WHERE = {"国", "場所", "訪問先", "組織", "国・組織", "国・勢力"}
_WHEN = {"日付", "年", "年月", "時期"}
_CANONICAL = {EntityType.PERSON, EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANISATION}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def prompt_ja(c: Candidate) -> str:
    if c.question is not None:
        return c.question
    text = c.sentence.text
    blanked = text[:c.start] + BLANK + text[c.end:]
    verb = "誰か" if c.ask in _WHO else "どこか" if c.ask in _WHERE else "いつか" if c.ask in _WHEN else "何か"
    return f"次の文の{BLANK}に入る{c.ask}は{verb}。「{blanked}」"


def answer_en(c: Candidate, bank: Bank) -> str | None:
    """The English answer where it is known for sure: a known entity, or a full date."""
    if c.entity and c.entity in bank.entity_by_id and bank.entity_by_id[c.entity].type in _CANONICAL:
        return bank.entity_by_id[c.entity].en
    if c.when and re.fullmatch(r"\d{4}-\d{2}-\d{2}", c.when):
        y, m, d = (int(x) for x in c.when.split("-"))
        return f"{d} {_MONTHS[m - 1]} {y}"
    if c.when and re.fullmatch(r"\d{4}", c.when) and c.answer == f"{c.when}年":
        return c.when
    return None


def draft_id(c: Candidate, article: str) -> str:
    """Stable id from the article, the sentence position and the answer (never from the wording of the question)."""
    digest = hashlib.sha1(f"{c.sentence.start}:{c.start}:{c.answer}:{c.rule}".encode()).hexdigest()[:6]
    slug = re.sub(r"[^a-z0-9]+", "-", article.lower()).strip("-") or "x"
    return f"a{slug}-{c.kind.value}-{digest}"


def new_person_entity(m: Mention, article: str) -> Entity | None:
    """A proposed entity for a person the bank does not know, with the NLP reading (hiragana)."""
    reading = (m.reading or "").replace("・", "")
    if not _KANA_RE.match(reading):
        return None
    aliases = [f"{m.surface}氏"]
    roles: tuple[Role, ...] = ()
    if m.title:
        aliases.insert(0, f"{m.surface}{m.title}")
        roles = (Role(article=article, ja=m.title, en=TODO_EN, quote=f"{m.surface}{m.title}"),)
    if "・" in m.surface:
        aliases.append(m.surface.split("・")[-1])
    return Entity(id=new_entity_id(m), type=EntityType.PERSON, ja=m.surface, reading=reading, en=TODO_EN,
                  aliases=tuple(dict.fromkeys(a for a in aliases if a != m.surface)), roles=roles,
                  note=Text("quizgen extract が提案した新しい人物(読みは形態素解析による。要確認)",
                            "Proposed by quizgen extract (reading from the morphological analyser: check it)"))


def to_item(c: Candidate, article: str, bank: Bank, entity: Entity | None = None) -> Item:
    """One draft item for candidate `c` from article `article`. `entity` is a proposed new person, if any."""
    text = c.sentence.text
    missing = ["prompt.en", "explanation.en", "cloze.en"]
    en = answer_en(c, bank)
    if en is None:
        missing.insert(1, "answer.en")
    if entity is not None:
        missing.append(f"entity {entity.id}.en")
    entity_id = entity.id if entity is not None else c.entity
    known = bank.entity_by_id.get(c.entity) if c.entity else None
    if known is not None and known.type not in _CANONICAL:
        known = None  # 「ウクライナ危機」 is not a spelling of 「ロシアのウクライナ侵攻」: keep the article's words
    answer_ja = known.ja if known is not None else c.answer
    accept = tuple(dict.fromkeys(a for a in (c.answer, *c.accept) if a != answer_ja))
    named = f"(=「{known.ja}」)" if known is not None and known.ja != c.answer else ""
    explanation = f"本文に「{text}」とある{named}。"
    cloze = text[:c.start] + f"[[{c.answer}]]" + text[c.end:]
    dated = bool(c.when and c.kind is ItemKind.DATE and c.when[:4] in text)  # a timeline event
    return Item(
        id=draft_id(c, article),
        category=c.category,
        kind=c.kind,
        prompt=Text(prompt_ja(c), TODO_EN),
        answer=Text(answer_ja, en or TODO_EN),
        explanation=Text(explanation, TODO_EN),
        evidence=(Evidence(article=article, quote=text),),
        answer_type=c.answer_type,
        accept=accept,
        entity=entity_id,
        actors=tuple(a for a in c.actors if a in bank.entity_by_id and a != entity_id),
        tags=("draft", f"rule-{c.rule}"),
        cloze=Text(cloze, f"{TODO_EN} [[{en or c.answer}]]"),
        when=c.when if dated else None,
        event=Text(text, TODO_EN) if dated else None,
        date_basis=DateBasis(DateHow.STATED, article, (text,)) if dated else None,
        draft=True,
        missing=tuple(missing),
    )


def unique_prompts(items: Iterable[Item]) -> list[Item]:
    """Drop drafts whose prompt repeats an earlier one (the bank forbids one prompt with two answers)."""
    seen: set[str] = set()
    out: list[Item] = []
    for it in items:
        if it.prompt.ja in seen:
            continue
        seen.add(it.prompt.ja)
        out.append(it)
    return out
