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
         clashes: list[str] | None = None, *, whole: bool = False, short: bool = False) -> None:
    """A draft as the reviewer sees it — every field a sheet, key or deck prints —, every text escaped (a control
    character cannot drive the terminal); `shared`: the accepted items from its sentence; `clashes`: what would
    keep it off a worksheet beside the accepted items (`Session.giveaways`). A text that repeats another shown
    text is said by what it repeats (newuser10: one sentence read seven times a draft), unless `whole`. `short`: the
    question, its answers, its wrong answers and false statement, the quote (newuser17: the page's words, to judge
    the rewording by), what to check, and a line naming the texts `v` shows (newuser16: reading cost more than
    anything else, and it asked for a card of the question alone)."""
    from quizgen.extract import review as rv

    lines = [f"── {n}/{total} ── {_kind_ja(item)}  {item.id}",  # newuser17: 「person (actors)」 was English noise
             f"問    {item.prompt.ja}", f"答    {item.answer.ja}" + (f"   別解: {'、'.join(item.accept)}" if item.accept else "")]
    lines.append(f"選択肢 {' / '.join(d.ja for d in item.distractors)}  (誤答)" if item.distractors else
                 "選択肢 なし (ワークシートの選択式には同じ種類の語から選ばれる)")
    if short:
        if item.false_statement is not None:
            lines.append(f"誤文  {_falsified(item)}")
        lines.append(f"根拠  「{item.evidence[0].quote}」")  # newuser17: the page's words, to judge the rewording by
        rest = _rest_named(drafts, item)
        if rest:
            lines.append(f"      [v] {rest}も表示")
    else:
        lines += _texts(drafts, item, whole)
    checks = [f"新しい人物 {e.ja}(読み {e.reading})" for e in rv.proposed_people(drafts, item)]
    checks += [f"読み不明 {name}" for name in rv.unknown_readings(item)]
    checks += [f"採用済みの {named_items(shared)} と同じ文"] if shared else []
    checks += [f"ワークシートで答えが見える: {'; '.join(clashes)}"] if clashes else []
    if checks:
        lines.append(f"要確認 {' / '.join(checks)}")
    click.echo("")
    click.echo(click.style(safe(lines[0]), bold=True))
    click.echo(safe("\n".join(lines[1:])))


def _kind_ja(item: Item) -> str:
    """The draft's kind as the form offers it (人物, 日付, 語句・立場), else its English name."""
    from quizgen.extract import review as rv

    return next((k.label for k in rv.KINDS if k.kind is item.kind), item.kind.value)


def _rest_named(drafts: Drafts, item: Item) -> str:
    """The texts a short card leaves for `v`: 「正文・穴埋め・日付・年表・解説」."""
    from quizgen.citations import dated

    names = [name for name, there in (("正文", item.statement), ("穴埋め", item.cloze),
                                      ("日付", dated(drafts.bank, item)), ("年表", item.event and item.when),
                                      ("解説", True), ("注", item.context)) if there]
    return "・".join(names)


def _texts(drafts: Drafts, item: Item, whole: bool) -> list[str]:
    """A full card's lines after the wrong answers: the statements, the cloze, the date, the timeline, the
    explanation, the note and the quote."""
    from quizgen.citations import date_label, dated

    lines: list[str] = []
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
    lines.append(f"解説  {item.explanation.ja if whole else _explained(item)}")
    if item.context is not None:
        lines.append(f"注    {item.context.ja}  (解答・カード裏のみ)")
    lines.append(f"根拠  「{item.evidence[0].quote}」")  # in full: the page's words (newuser16 could not follow 根拠 → 解説)
    return lines



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
    """The explanation (what the key and a card's back print), or which shown text it repeats, or what it changes in
    the true statement when that is short (「正文の「国家主席」→「胡錦濤国家主席」」: the name another draft asks)."""
    text = item.explanation.ja
    for label, other in (("正文", item.statement), ("根拠", Text(item.evidence[0].quote, ""))):
        if other is not None and text.strip() == other.ja.strip():
            return f"({label}と同じ)"
    return (changes("正文", item.statement.ja, text) if item.statement is not None else None) or text


_CHANGES_MOST = 3  # a text that differs from one shown above in at most this many places is shown as those changes


def changes(label: str, shown: str, text: str) -> str | None:
    """`text` said as its changes to `shown`, a text printed above it under `label` (「解説の「2008年5月」→「今月」、
    「2008年5月23日」→「23日」」: the quote beside its explanation, the dates as the article writes them), or None when
    they differ in more than _CHANGES_MOST places, a change is longer than _CHANGE_MOST characters, or the changes are
    more than a third of the text: then the text reads better whole (newuser15: reading was the main cost)."""
    shown, text = shown.strip(), text.strip()
    if not shown or shown == text:
        return None
    pairs = [(shown[i1:i2], text[j1:j2]) for i1, i2, j1, j2 in change_spans(shown, text)]
    if (not pairs or len(pairs) > _CHANGES_MOST or any(not old or not new or len(old) > _CHANGE_MOST
                                                      or len(new) > _CHANGE_MOST for old, new in pairs)
            or 3 * sum(len(new) for _old, new in pairs) > len(text)):
        return None
    return f"({label}と同じ文、ただし" + "、".join(f"「{old}」→「{new}」" for old, new in pairs) + ")"


def change_spans(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Where `b` differs from `a`, as (i1, i2, j1, j2): a[i1:i2] became b[j1:j2], each widened to whole words, in order
    and apart; what lies outside them is the same in both."""
    import difflib

    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        i1, i2, j1, j2 = _to_word_edges(a, b, i1, i2, j1, j2)
        if spans and (i1 <= spans[-1][1] or j1 <= spans[-1][3]):
            last = spans[-1]
            spans[-1] = [min(i1, last[0]), max(i2, last[1]), min(j1, last[2]), max(j2, last[3])]
        else:
            spans.append([i1, i2, j1, j2])
    return [(i1, i2, j1, j2) for i1, i2, j1, j2 in spans]


def _to_word_edges(a: str, b: str, i1: int, i2: int, j1: int, j2: int) -> tuple[int, int, int, int]:
    """A change a[i1:i2] -> b[j1:j2] widened over the shared characters around it to whole words (a date or number
    with its 年, 月 and 日, a run of kanji or katakana): 「国家主席」→「胡錦濤国家主席」, not 「」→「胡錦濤」; a word
    only one side has takes the word beside it (「2008年5月23日」→「23日」)."""
    def kinds(*chars: str) -> set[str]:
        return {_word_kind(c) for c in chars if c} - {""}

    while i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1] and _word_kind(a[i1 - 1]) in kinds(a[i1:i1 + 1], b[j1:j1 + 1]):
        i1, j1 = i1 - 1, j1 - 1
    while (i2 < len(a) and j2 < len(b) and a[i2] == b[j2]
           and _word_kind(a[i2]) in kinds(a[i2 - 1:i2] if i2 > i1 else "", b[j2 - 1:j2] if j2 > j1 else "")):
        i2, j2 = i2 + 1, j2 + 1
    if i1 == i2 or j1 == j2:  # one side is empty: take the next word, or else the one before
        kind = _word_kind(a[i2]) if i2 < len(a) and j2 < len(b) else ""
        while kind and i2 < len(a) and j2 < len(b) and a[i2] == b[j2] and _word_kind(a[i2]) == kind:
            i2, j2 = i2 + 1, j2 + 1
        for _word in range(2):  # a particle takes the word it follows: 「大統領は」→「大統領は23日」
            kind = "" if i1 < i2 and j1 < j2 and _word_kind(a[i1]) != "hiragana" else \
                _word_kind(a[i1 - 1]) if i1 > 0 and j1 > 0 else ""
            while kind and i1 > 0 and j1 > 0 and a[i1 - 1] == b[j1 - 1] and _word_kind(a[i1 - 1]) == kind:
                i1, j1 = i1 - 1, j1 - 1
    return i1, i2, j1, j2


def _word_kind(ch: str) -> str:
    """`_script`, with a date's or number's 年, 月, 日 and 万, 億 counted as its digits."""
    return "digit" if ch and ch in "年月日万億兆" else _script(ch)
