"""What `quizgen review` shows of a draft: its texts, each once — a text that only repeats another shown one is
said by what it repeats (「正文  (穴埋めの［］を埋めた文)」) — and the question around its blank in the list."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import click

from quizgen.bank.model import Text
from quizgen.text import common_ends, shorten
from quizgen.text import terminal_safe as safe

if TYPE_CHECKING:
    from quizgen.bank import Bank, Item
    from quizgen.extract.review import Drafts
    from quizgen.generators.worksheet.exercises import Question
    from quizgen.generators.worksheet.leaks import Leak



_BLANK = re.compile(r"[（(][\s　]*[）)]")



def around_blank(prompt: str, limit: int) -> str:
    """`prompt` cut to about `limit` characters around its first blank （　　） (a prompt without one: its start)."""
    if len(prompt) <= limit:
        return prompt
    m = _BLANK.search(prompt)
    if m is None or m.end() <= limit - 1:
        return shorten(prompt, limit)
    start = max(0, min(m.start() - limit // 2, len(prompt) - limit + 1))
    return "…" + shorten(prompt[start + 1:], limit - 1)



def as_asked(bank: Bank, item: Item) -> Question | None:
    """`item` as a worksheet asks it when it is not true/false only: a short answer; otherwise its true statement."""
    import random

    from quizgen.bank.model import Lang
    from quizgen.generators.worksheet.choose import simple_question
    from quizgen.generators.worksheet.exercises import Exercise

    return (simple_question(Exercise.SHORT, bank, item, random.Random(0), Lang.JA)
            or simple_question(Exercise.TRUEFALSE, bank, item, random.Random(0), Lang.JA, want_true=True))



_WHERE_JA = {"prompt": "問", "choice": "選択肢", "statement": "正文", "cloze": "穴埋め", "note": "注",
             "source list": "出典欄", "headline": "見出し", "event": "年表"}



def clash_ja(leak: Leak) -> str:
    """A worksheet give-away said in one short Japanese phrase: 「a005-x の問に「プーチン」(a005-y の答え)」."""
    from quizgen.generators.worksheet.leaks import LeakKind

    if leak.kind is LeakKind.SAME_ANSWER:
        return f"{leak.giver} と {leak.taker} は答えが同じ (「{leak.form}」)"
    if leak.kind is LeakKind.LURE:
        return f"{leak.giver} に「{leak.form}」({leak.taker} で不可とする答え)"
    giver = "出典欄" if leak.giver.startswith("the source list") else f"{leak.giver} の{_WHERE_JA.get(leak.where, leak.where)}"
    return f"{giver}に「{leak.form}」({leak.taker} の答え)"



def named_items(items: list[Item]) -> str:
    return "、".join(f"{o.id} (答 {o.answer.ja})" for o in items)



def show(drafts: Drafts, item: Item, n: int, total: int, shared: list[Item] | None = None,
         clashes: list[str] | None = None, *, whole: bool = False) -> None:
    """A draft as the reviewer sees it — every field a sheet, key or deck prints —, every text escaped (a control
    character cannot drive the terminal); `shared`: the accepted items from its sentence; `clashes`: what would
    keep it off a worksheet beside the accepted items (`Session.giveaways`). A text that repeats another shown
    text is said by what it repeats (newuser10: one sentence read seven times a draft), unless `whole`."""
    from quizgen.citations import date_label, dated
    from quizgen.extract import review as rv

    lines = [f"── {n}/{total} ── {item.kind.value} ({item.category.value})  {item.id}",
             f"問    {item.prompt.ja}", f"答    {item.answer.ja}" + (f"   別解: {'、'.join(item.accept)}" if item.accept else "")]
    if item.distractors:
        lines.append(f"選択肢 {' / '.join(d.ja for d in item.distractors)}  (誤答)")
    if item.statement is not None:
        lines.append(f"正文  {item.statement.ja if whole else _stated(item)}")
    if item.false_statement is not None:
        lines.append(f"誤文  {item.false_statement.ja if whole else _falsified(item)}")
    if item.cloze is not None:
        lines.append(f"穴埋め {as_printed(item.cloze.ja) if whole else _clozed(item)}")
    when = dated(drafts.bank, item)
    if when is not None:
        lines.append(f"日付  {when.ja}")
    if item.event is not None and item.when is not None:
        lines.append(f"年表  {date_label(item.when).ja}: {item.event.ja}")
    lines.append(f"解説  {_explained(item)}")
    if item.context is not None:
        lines.append(f"注    {item.context.ja}  (解答・カード裏のみ)")
    lines.append(f"根拠  「{item.evidence[0].quote}」")
    checks = [f"新しい人物 {e.ja}(読み {e.reading})" for e in rv.proposed_people(drafts, item)]
    checks += [f"読み不明 {name}" for name in rv.unknown_readings(item)]
    checks += [f"採用済みの {named_items(shared)} と同じ文"] if shared else []
    checks += [f"ワークシートで答えが見える: {'; '.join(clashes)}"] if clashes else []
    if checks:
        lines.append(f"要確認 {' / '.join(checks)}")
    click.echo("")
    click.echo(click.style(safe(lines[0]), bold=True))
    click.echo(safe("\n".join(lines[1:])))



def _stated(item: Item) -> str:
    """The true statement, or 「(穴埋めの［］を埋めた文)」 when it is the cloze sentence with its blanks filled."""
    from quizgen.bank.model import cloze_parts

    assert item.statement is not None
    text = item.statement.ja
    if item.cloze is not None and "".join(part for part, _ in cloze_parts(item.cloze.ja)).strip() == text.strip():
        return "(穴埋めの［］を埋めた文)"
    return text



_CHANGE_MOST = 24  # a false statement that changes at most this many characters of the true one is shown as the change



def _falsified(item: Item) -> str:
    """The false statement, or what it changes in the true one (「正文の「A」→「B」」) when that is short."""
    assert item.false_statement is not None
    false = item.false_statement.ja
    true = item.statement.ja if item.statement is not None else ""
    if not true:
        return false
    head, tail = common_ends(true, false)
    while head > 0 and _script(true[head - 1]) in (_script(true[head:head + 1]), _script(false[head:head + 1])):
        head -= 1  # 2024年5月1（6日）: the whole number, the whole word
    while tail > 0 and _script(true[-tail]) in (_script(true[-tail - 1:len(true) - tail]),
                                                 _script(false[-tail - 1:len(false) - tail])):
        tail -= 1
    old, new = true[head:len(true) - tail], false[head:len(false) - tail]
    if not old or not new or len(old) > _CHANGE_MOST or len(new) > _CHANGE_MOST:
        return false
    return f"正文の「{old}」→「{new}」"



def _script(ch: str) -> str:
    """Which kind of character `ch` is (a digit, kanji, katakana, hiragana, a Latin letter, else ""), for cutting a
    change at word edges."""
    if not ch:
        return "-"
    if ch.isdigit():
        return "digit"
    if "\u4e00" <= ch <= "\u9fff" or ch in "々〆":
        return "kanji"
    if "\u30a1" <= ch <= "\u30fa" or ch == "ー":
        return "katakana"
    if "\u3041" <= ch <= "\u3096":
        return "hiragana"
    return "latin" if ch.isascii() and ch.isalpha() else ""



_CUE = re.compile(r"^【[^】]*】")
_ASKED = re.compile(r"（[\s　]*）に入る[^。]*[か？?]。?$")



def _clozed(item: Item) -> str:
    """The cloze sentence as the sheet prints it, or 「(問の文と同じ、空欄は［答］)」 when it is the question's own
    sentence (its cue and its 「（　　）に入る…か。」 left aside) with the answer as its one blank."""
    from quizgen.bank.model import cloze_parts

    assert item.cloze is not None
    parts = cloze_parts(item.cloze.ja)
    blanks = [part for part, blank in parts if blank]
    sentence = _ASKED.sub("", _CUE.sub("", item.prompt.ja)).strip()
    asked = _CUE.sub("", "".join("（　　）" if blank else part for part, blank in parts)).strip()
    if blanks == [item.answer.ja] and re.sub(r"（[\s　]*）", "（　　）", sentence) == asked:
        return f"(問の文と同じ、空欄は［{item.answer.ja}］)"
    return as_printed(item.cloze.ja)



def as_printed(text: str) -> str:
    """A cloze text as the sheet prints it, each blank shown with what fills it: 「…自治区［ガザ地区］の病院…」."""
    from quizgen.bank.model import cloze_parts

    return "".join(f"［{part}］" if blank else part for part, blank in cloze_parts(text))



def _explained(item: Item) -> str:
    """The explanation (what the key and a card's back print), or which shown text it repeats."""
    text = item.explanation.ja
    for label, other in (("正文", item.statement), ("根拠", Text(item.evidence[0].quote, ""))):
        if other is not None and text.strip() == other.ja.strip():
            return f"({label}と同じ)"
    return text
