"""`quizgen review`'s edit form: a draft field by field (Enter keeps a field, - clears an optional one, < goes back
one), what a typed answer brings with it (the blank moved, the kind, the forms that repeat the sentence), and the date;
nothing is saved unless confirmed (`quizgen.cli.review.Session.save_form`)."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

import click

from quizgen.bank.model import EntityType, Text
from quizgen.cli.review_show import as_printed
from quizgen.cli.terminal import (
    ask,
    at_terminal,
    line_editing,
    yes_no,
)
from quizgen.text import terminal_safe as safe

if TYPE_CHECKING:
    from quizgen.bank import Bank, Item
    from quizgen.extract.review import Kind



def field_limit(field: str) -> int:
    """How long a text typed for `field` may be (the bank's limit for it; a list's is each element's)."""
    from quizgen.bank.limits import LIMITS, OTHER

    return LIMITS.get(field, OTHER) if field not in ("accept", "distractors") else OTHER



_FORM: tuple[tuple[str, str, bool], ...] = (
    ("prompt", "問", False), ("answer", "答", False), ("accept", "別解 (、区切り)", True),
    ("distractors", "選択肢 (誤答、/区切り)", True), ("statement", "正文", True), ("false_statement", "誤文", True),
    ("cloze", "穴埋め ([[答]]を含む)", True), ("explanation", "解説", False),
)



_NAMED: dict[str, tuple[str, ...]] = {
    "問": ("prompt",), "答": ("answer", "kind"), "別解": ("accept",), "選択肢": ("distractors",), "誤答": ("distractors",),
    "正文": ("statement",), "誤文": ("false_statement",), "穴埋め": ("cloze",), "解説": ("explanation",),
    "日付": ("when",), "年表": ("when",), "注": ("context",),
}
"""The fields `e 問 選択肢` edits by the names a card prints (newuser16: the whole form, 11-13 fields, for every draft
whose question or wrong answers needed a word changed)."""


def fields_named(words: str) -> tuple[str, ...] | None:
    """The form's fields `words` names (「問 選択肢」, 「問、選択肢」), or None when a word names none."""
    out: list[str] = []
    for word in re.split(r"[\s　、,，/]+", words.strip()):
        if word and word not in _NAMED:
            return None
        out += _NAMED.get(word, ())
    return tuple(dict.fromkeys(out)) or None


FORM_HELP = "  項目ごとに編集: Enter でそのまま、- で削除 (任意の項目)、< で前の項目へ (保存するかの質問からも)"
FORM_HELP_TTY = ("  項目ごとに編集: 今の文が入っています。直してから Enter (そのままなら Enter)、"
                 "Ctrl-U で消して - で削除 (任意の項目)、< で前の項目へ (保存するかの質問からも)")
"""The form's help at a terminal, where each line starts as the field's text (`terminal.ask`'s `prefill`)."""
FORM_PIPED = ("\n  (出力が端末ではなくパイプかファイルなので、項目は今の文で始まらず、矢印キーも使えません。"
              "直す項目は全部入力してください。今の文で始めるには、出力を | tee などに送らずに実行してください)")
"""Added to the help when the keyboard is a terminal but the output is not (newuser12: `review | tee`)."""



class Unfinished(click.Abort):
    """The form left (end of input, Ctrl-C) before its save: `partial` holds what was typed, to keep (hostile20)."""

    def __init__(self, partial: Item) -> None:
        super().__init__()
        self.partial = partial



def form_text(item: Item, edited: Item) -> str:
    """The form's fields that `edited` changes from `item`, a line each as the form shows them ('' for none)."""
    lines = [f"{label}: {_field_text(edited, name) or '(削除)'}" for name, label, _ in _FORM
             if _field_text(edited, name) != _field_text(item, name)]
    if edited.when != item.when:
        lines.append(f"日付: {edited.when or '(削除)'}")
    return "".join(f"{line}\n" for line in lines)



def form(item: Item, bank: Bank, only: tuple[str, ...] | None = None, resume: bool = False) -> Item:
    """The item as the teacher edits it, one field at a time (Japanese; English stays as it is). A new answer
    re-decides the item's `entity` (see `relink`). `only`: just these fields, asked again after a refusal (the
    date, the 注 `context`, any of the form's), every other field as `item` has it. `resume`: `<` at the save
    question: the form again from its end (the 日付 and 年表 where the item has them, else its last field), `<`
    going further back. Left before its end: `Unfinished`, with what was typed."""
    changes: dict[str, object] = {}
    try:
        return _form(item, bank, only, resume, changes)
    except Unfinished:
        raise
    except (click.Abort, EOFError):
        raise Unfinished(dataclasses.replace(item, **changes)) from None  # type: ignore[arg-type]



def _form(item: Item, bank: Bank, only: tuple[str, ...] | None, resume: bool, changes: dict[str, object]) -> Item:
    from quizgen.extract import review as rv

    asked = [f for f in _FORM if only is None or f[0] in only or (f[0] == "accept" and "kind" in only)]
    kind: Kind | None = None
    if not resume:
        click.echo(FORM_HELP_TTY if line_editing() else FORM_HELP + (FORM_PIPED if at_terminal() else ""))
        kind = _ask_fields(item, asked, changes, only is None or "kind" in only, bank)  # the kind before the 別解
    elif item.when is None and item.event is None:  # no date to go back to: the last field
        kind = _ask_fields(item, asked, changes, True, bank, start=len(asked) - 1)
    while only is None or "when" in only:  # the date: at the form's end, or asked again after a refusal
        dated = _dated_fields(dataclasses.replace(item, event=changes.get("event", item.event)))  # type: ignore[arg-type]
        if dated is not _BACK:
            changes.update(dated)
            break
        # `<` at the date goes back to the form's last field, as at any other (newuser9: it was a bad date)
        if asked:
            kind = _ask_fields(item, asked, changes, only is None, bank, start=len(asked) - 1) or kind
    if only is not None and "context" in only:
        changes.update(_context(item))
    if only is not None and "statement" not in only and ("prompt" in changes or "answer" in changes):
        _carry_some(item, changes)
    if "answer" in changes:
        changes.update(relink(item, changes["answer"], bank))  # type: ignore[arg-type]
    edited = dataclasses.replace(item, **changes) if changes else item  # type: ignore[arg-type]
    if edited.answer.ja in edited.accept:  # newuser12: the new answer was left among its own accepted answers
        edited = dataclasses.replace(edited, accept=tuple(a for a in edited.accept if a != edited.answer.ja))
    return rv.with_kind(edited, kind) if kind is not None else edited



def _carry_some(item: Item, changes: dict[str, object]) -> None:
    """`e 問`: the reworded question (or new answer) offered to the true statement and the cloze, as the whole form
    does at its 正文, and the forms that keep the old wording named (newuser17: they did, and nothing said so)."""
    _carry(item, "prompt", changes, set(changes))
    left = [_CARRIED_JA[n] for n in ("statement", "cloze") if n not in changes and getattr(item, n) is not None]
    if left:
        click.echo(safe(f"  ! {'・'.join(left)}は前の文のままです (直すなら e {' '.join(left)})"))


def _ask_fields(item: Item, fields: list[tuple[str, str, bool]], changes: dict[str, object], kinds: bool,
                bank: Bank, start: int = 0) -> Kind | None:
    """Ask each of `fields` in turn, from `start`, into `changes` (`<` goes back one); `kinds`: ask the kind after the
    answer."""
    typed: set[str] = set()  # the fields typed (not carried from another's rewording)
    kind: Kind | None = None
    k = start
    back = False  # the last field was left with `<`
    while k < len(fields):
        name, label, optional = fields[k]
        if name == "accept" and kinds and not back:  # right after the answer: what kind of question it is
            try:
                kind = _kind_and_stale(item, changes, typed, bank)
            except _GoBack:  # newuser10: `<` at 種類 was refused, so the question could not be reached again
                k, back = max(0, k - 1), True
                continue
        _carry_prompt(item, name, changes, typed)
        now = _field_text(item, name, changes)
        click.echo(safe(f"  {label}: {now or '(なし)'}"))
        value = ask("    →", field_limit(name), prompt_suffix=" ", prefill=now).strip()
        if now and (value.endswith("<") or value.endswith("＜")) and value[:-1].strip() == now.strip():
            value = "<"  # `<` typed after the field's own text (at a terminal it is there already)
        back = value in ("<", "＜")  # back to 別解 from 選択肢 asks 別解, not the kind again (newuser10)
        k = max(0, k - 1) if back else k + 1
        if not value or value in ("<", "＜") or value == now.strip():  # unchanged (or the prefilled text kept)
            continue
        if not _take(item, (name, label, optional), value, changes, typed):
            k -= 1  # refused, said why: asked again
    return kind



def _take(item: Item, field: tuple[str, str, bool], value: str, changes: dict[str, object], typed: set[str]) -> bool:
    """Put the value typed for `field` (name, label, optional) into `changes`; False when it is refused (said why)."""
    name, label, optional = field
    if value == "-":
        if not optional:  # newuser7 #5: - at 解説 kept the old text in silence
            click.echo(safe(f"    {label}は消せない項目です。書き直すか、Enter でそのまま"))
            return False
        changes[name] = () if name in ("accept", "distractors") else None
        return True
    if name != "cloze" and _cloze_marks(value):
        return False
    parsed = _parsed(item, name, value)
    if parsed is not None:
        changes[name] = parsed
        typed.add(name)
        if name in ("statement", "answer"):
            _carry_typed(item, name, changes, typed)
    return True



def say_misfits(item: Item, edited: Item) -> None:
    """What of `edited` no longer fits its changed answer or date, said before the save question."""
    from quizgen.extract import review as rv
    from quizgen.extract.faults import NO_WHEN

    misfits = rv.misfits(item, edited)
    if item.when is not None and edited.when is None and rv.asks_a_date(edited):
        misfits += (f"日付を消しました。{NO_WHEN}",)  # round 25: said before saving, not only on [a]
    for line in misfits:
        click.echo(safe(f"  ! {line}"))
    if misfits:
        click.echo("  ([e]でもう一度直せます)")



def save_or_back(label: str) -> str:
    """The save question: "y", "n" or "<" (back to the form's last field); anything else asks again, so an extra
    Enter never decides (newuser4 #8)."""
    while True:
        value = ask(f"{label} [y/n]", 8, prompt_suffix=": ").strip().lower()
        if value in ("y", "yes", "ｙ"):
            return "y"
        if value in ("n", "no", "ｎ"):
            return "n"
        if value in ("<", "＜"):
            return "<"
        click.echo("  y (はい) か n (いいえ) で答えてください (< で前の項目へ)", err=True)



def _carry_typed(item: Item, name: str, changes: dict[str, object], typed: set[str]) -> None:
    """What a typed field brings with it: a reworded true statement to the other forms (`_carry`); a new answer that
    the question's sentence prints, the blank moved there (the old answer written back), when the teacher says yes."""
    from quizgen.extract.rewording import moved_blank

    if name == "statement":
        _carry(item, "statement", changes, typed)
        return
    answer = _new_answer(item, changes)
    moved = moved_blank(item, answer) if answer is not None and "prompt" not in typed else None
    if moved is not None:
        click.echo(safe(f"  「{answer}」は問の文中にあります。空欄をそこへ移すと:\n    問   {moved}"))
        if yes_no("    この問にしますか (元の答は文に戻ります)?"):
            changes["prompt"] = _typed(item, "prompt", moved)
            typed.add("prompt")



def _carry_prompt(item: Item, name: str, changes: dict[str, object], typed: set[str]) -> None:
    """At the true statement, once the answer is known: a reworded question or a new answer fills its blank."""
    if name == "statement" and ("prompt" in changes or _new_answer(item, changes) is not None):
        _carry(item, "prompt", changes, typed)



class _GoBack(Exception):
    """`<` typed where a field asks a number (the kind): back to the field before it."""



def _kind_and_stale(item: Item, changes: dict[str, object], typed: set[str], bank: Bank) -> Kind | None:
    """The kind asked once the answer is known, and what the old answer made dropped or offered for removal
    (`_GoBack` when the teacher typed `<` at it)."""
    answer = changes.get("answer", item.answer)
    assert isinstance(answer, Text)
    kind = ask_kind(item, answer)
    changes.update(_stale(item, answer, kind, typed, bank))
    if "accept" not in changes and "accept" not in typed:
        changes.update(_unfit_accepted(item, answer, bank))
    return kind



_STALE = (("accept", "別解"), ("distractors", "選択肢"), ("false_statement", "誤文"), ("event", "年表"))



def _stale(item: Item, answer: Text, kind: Kind | None, typed: set[str], bank: Bank) -> dict[str, object]:
    """The texts made from the old answer, dropped once the answer takes another shape (a date made a span: 30日),
    the kind changes (newuser5 #6: 「2025年9月26日以内に…」) or the old answer named a person and the new one names
    none (newuser13: ネベンジャ → 人道的影響 kept the other ambassadors as its choices; SCO → BRICS keeps the forums):
    the accepted spellings, choices, false statement and a 年表 text that names the old answer. Said in the form; each
    can be written anew. The date stays (the sentence's fact still happened then, and a year the texts print may come
    from it)."""
    from quizgen.extract.rewording import shape

    entity = bank.entity_by_id.get(item.entity) if item.entity else None
    unnamed = (entity is not None and entity.type is EntityType.PERSON and answer.ja != item.answer.ja
               and not any(e.type is EntityType.PERSON and e.is_named(answer) for e in bank.entities))
    if shape(answer.ja) == shape(item.answer.ja) and (kind is None or kind.kind is item.kind) and not unnamed:
        return {}
    out: dict[str, object] = {}
    for name, _label in _STALE:
        value = getattr(item, name)
        if name in typed or not value or (name == "event" and item.answer.ja not in value.ja):
            continue
        out[name] = () if name in ("accept", "distractors") else None
    if out:
        said = "・".join(label for name, label in _STALE if name in out)
        why = "答えが変わった" if answer.ja != item.answer.ja else "問いの種類が変わった"  # newuser8 #8: the kind alone
        click.echo(safe(f"  ! {why}ので、前の答え「{item.answer.ja}」から作った{said}を外しました (新しく書けます)"))
    return out



def _unfit_accepted(item: Item, answer: Text, bank: Bank) -> dict[str, object]:
    """A new answer of the same kind (国際情勢 for 中ロの協力が重要): the 別解 that are no spelling or reading of it,
    as the quiz judges a typed answer (中ロの協力が重要だ), offered for removal, never kept in silence (newuser7 #6);
    the ones that are (こくさいじょうせい) stay."""
    from quizgen.quiz.judge import judge

    if answer.ja == item.answer.ja or not item.accept:
        return {}
    kept = tuple(a for a in item.accept if judge(a, answer.ja, answer_type=item.answer_type.value,
                                                 readings=bank.readings).correct)
    if len(kept) == len(item.accept):
        return {}
    gone = "、".join(a for a in item.accept if a not in kept)
    click.echo(safe(f"  ! 別解「{gone}」は新しい答え「{answer.ja}」の書き方・読みではありません"))
    return {"accept": kept} if yes_no("    外しますか?") else {}



def _context(item: Item) -> dict[str, object]:
    """The 注 (`context`: a note the key and a card's back print, where a year from outside the article goes)."""
    now = item.context.ja if item.context else "(なし)"
    click.echo(safe(f"  注 (背景メモ。解答・カード裏のみ。例: 期限は2026年4月18日): {now}"))
    value = ask("    →", field_limit("context"), prompt_suffix=" ", prefill=item.context.ja if item.context else "").strip()
    if value == "-":
        return {"context": None}
    if item.context is not None and value == item.context.ja.strip():
        return {}
    return {"context": _typed(item, "context", value)} if value else {}



_WHEN = re.compile(r"^([0-9]{4})(?:[-/年]([0-9]{1,2})月?(?:[-/]([0-9]{1,2})日?|([0-9]{1,2})日)?)?$")



_BACK: dict[str, object] = {}  # `<` typed at the date: back to the form's last field (`_dated_fields`)



def _dated_fields(item: Item) -> dict[str, object]:
    """The item's date (`when`, the 日付 a key and the timeline print) and its 年表 text, as the teacher edits them:
    Enter keeps, - removes the date (and with it the date's basis and the 年表 entry), `<` goes back (`_BACK`: to the
    form's last field from the date; to the date from the 年表)."""
    from quizgen.bank import Text
    from quizgen.bank.placeholders import TODO_EN

    if item.when is None and item.event is None:
        return {}
    while True:
        when = _ask_when(item)
        if when is None:
            return _BACK
        if when == "-":
            return {"when": None, "date_basis": None, "event": None}
        changes = _new_when(item, when)
        click.echo(safe(f"  年表の出来事: {item.event.ja if item.event is not None else '(なし)'}"))
        shown = item.event.ja if item.event is not None else ""
        value = ask("    →", field_limit("event"), prompt_suffix=" ", prefill=shown).strip()
        if not _goes_back(value, shown):
            break
    if value == "-":
        changes["event"] = None
    elif value:
        same = item.event is not None and value == item.event.ja
        changes["event"] = Text(value, item.event.en if same and item.event is not None else TODO_EN)
    return changes



def _ask_when(item: Item) -> str | None:
    """The date typed at the form's 日付 (YYYY, YYYY-MM or YYYY-MM-DD; "" for Enter, "-" for none), or None for `<`."""
    click.echo(safe(f"  日付 (年表; 2021-10, 2023-04-18 の形。- で日付なし): {item.when or '(なし)'}"))
    while True:
        value = ask("    →", 12, prompt_suffix=" ", prefill=item.when or "").strip()
        if _goes_back(value, item.when or ""):
            return None
        m = _WHEN.match(value.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
        if not value or value == "-":
            return value
        if m:
            return "-".join([m.group(1)] + [f"{int(g):02d}" for g in (m.group(2), m.group(3) or m.group(4)) if g])
        click.echo("    2021, 2021-10, 2021-10-05 (または 2021年10月5日) の形で (Enter: そのまま)")



def _new_when(item: Item, when: str) -> dict[str, object]:
    """The changes a typed date makes: none for Enter or the same date; else the date, read as the item's date was
    (its basis: how, and the quotes that showed it) with the item's sentences added to the quotes, or stated by those
    sentences where it had none. hostile19: the sentence alone (「…国家主席は16日、…会談した」) became the basis, though
    the page's date line had shown the year and month, so even 2024-05 was refused."""
    from quizgen.bank.model import DateBasis, DateHow

    if not when or when == item.when:
        return {}
    old = item.date_basis
    article = old.article if old is not None else item.evidence[0].article
    sentences = tuple(e.quote for e in item.evidence if e.article == article)
    basis = DateBasis(DateHow.STATED, article, sentences) if old is None else \
        dataclasses.replace(old, quotes=tuple(dict.fromkeys((*old.quotes, *sentences))))
    return {"when": when, "date_basis": basis}



def _goes_back(value: str, shown: str) -> bool:
    """`<` (or `＜`), alone or typed after the field's own text (at a terminal it is there already)."""
    return value in ("<", "＜") or (bool(shown) and value[-1:] in ("<", "＜") and value[:-1].strip() == shown.strip())



def ask_kind(item: Item, answer: Text) -> Kind | None:
    """The kind of question the teacher picks by number (None: as it is). An answer that does not fit the item's
    kind (南アフリカ for a date) is said at once, with the kinds it fits."""
    from quizgen.extract import review as rv

    current = rv.kind_of(item)
    fits = rv.fitting_kinds(answer)
    offered = "  ".join(f"{n}.{k.label}" for n, k in enumerate(rv.KINDS, start=1) if k.kind in {f.kind for f in fits})
    problem = rv.kind_problem(answer, current)
    if problem is not None:
        click.echo(safe(f"  ! 「{answer.ja}」は「{current.label}」の答えになりません ({problem})。"
                        f"合う種類を番号で選んでください: {offered}"))
    else:
        click.echo(safe(f"  種類: {current.label} ({current.kind.value})。変えるなら番号: {offered}"))
    while True:
        value = ask("    →", 4, prompt_suffix=" ").strip()
        if value in ("<", "＜"):
            raise _GoBack  # back to the 答 (newuser10)
        if not value:
            if problem is not None:
                click.echo("    種類はそのままです (このままでは採用できません)")
            return None
        n = int(value) if value.isdigit() else 0
        if 1 <= n <= len(rv.KINDS) and rv.KINDS[n - 1].kind in {f.kind for f in fits}:
            return rv.KINDS[n - 1]
        click.echo(safe(f"    番号で: {offered} (Enter: そのまま、<: 答へ戻る)"))



def relink(item: Item, answer: Text, bank: Bank) -> dict[str, object]:
    """The `entity` (and English answer) of `item` once its answer is `answer`: kept while the answer is one of
    the entity's names; otherwise dropped, and an entity the new answer names is offered instead. A new person the
    old answer named, whose reading was still to ask, is dropped too: accepting neither asks for it nor adds them."""
    from quizgen.bank import Text
    from quizgen.bank.placeholders import is_placeholder
    from quizgen.extract import review as rv

    current = bank.entity_by_id.get(item.entity) if item.entity else None
    entity = current if current is not None and current.is_named(answer) else None
    if current is not None and entity is None:
        click.echo(safe(f"  「{answer.ja}」は{current.ja} ({current.id}) の名前ではないので、entity のリンクを外しました"))
    for other in (e for e in bank.entities if entity is None and e.is_named(answer)):
        if click.confirm(safe(f"  「{answer.ja}」は登録済みの {other.ja} ({other.id}) ですか? entity としてつなぎます"),
                         default=True):
            entity = other
    changes: dict[str, object] = {"entity": entity.id if entity is not None else None}
    gone = rv.readings_gone(item, answer)
    if gone:  # a new person the old answer named: not asked for on accepting, never added (newuser5 #4)
        names = "・".join(gone)
        click.echo(safe(f"  「{answer.ja}」は{names}ではないので、{names}の読みは聞きません (人物として登録しません)"))
        changes["missing"] = tuple(m for m in item.missing if not any(m.startswith(f"reading of {n}") for n in gone))
    if entity is not None and is_placeholder(answer.en) and not is_placeholder(entity.en):
        changes["answer"] = Text(answer.ja, entity.en)
    return changes



def _cloze_marks(value: str) -> bool:
    """Whether a field other than the cloze was given the cloze's [[ ]] (hostile23: the answer 「[[北京]]」 made the
    cloze 「［[[北京］]]」); said so, for the field to be asked again."""
    if "[[" in value or "]]" in value:
        click.echo("    [[ ]] は穴埋めの印です。この欄には使えません (穴埋めは「穴埋め」の欄で)")
        return True
    return False



def _parsed(item: Item, name: str, value: str) -> object | None:
    """The value typed for the field `name`, as the item holds it (None: not taken, said why)."""
    if name == "accept":
        return tuple(a.strip() for a in re.split(r"[、,]", value) if a.strip())
    if name == "distractors":
        old = {d.ja: d.en for d in item.distractors}
        return tuple(Text(d.strip(), old.get(d.strip(), "TODO: translate")) for d in re.split(r"[/／]", value) if d.strip())
    if name == "cloze" and "[[" not in value:
        click.echo("    [[ ]] がないので穴埋めは変えません")
        return None
    return _typed(item, name, value)



def _typed(item: Item, name: str, value: str) -> Text:
    """The text typed for the field `name` (its English kept when the Japanese is unchanged, else to translate)."""
    from quizgen.bank.placeholders import TODO_EN, is_placeholder

    old_text: Text | None = getattr(item, name)
    if old_text is not None and value == old_text.ja:
        return old_text
    blank = f" [[{item.answer.ja if is_placeholder(item.answer.en) else item.answer.en}]]" if name == "cloze" else ""
    return Text(value, f"{TODO_EN}{blank}")



_CARRIED_JA = {"prompt": "問", "statement": "正文", "false_statement": "誤文", "cloze": "穴埋め", "explanation": "解説"}



def _new_answer(item: Item, changes: dict[str, object]) -> str | None:
    answer = changes.get("answer")
    return answer.ja if isinstance(answer, Text) and answer.ja != item.answer.ja else None



def _carry(item: Item, field: str, changes: dict[str, object], typed: set[str]) -> None:
    """Offer the teacher's rewording of `field` (問 or 正文) to the other forms that print the sentence (newuser4 #8:
    one sentence typed four times): each derived text shown, set only when the teacher says yes; a form the teacher
    typed this time is left as typed."""
    from quizgen.extract.rewording import carried

    text = changes.get(field, getattr(item, field))
    assert isinstance(text, Text)
    new_answer = _new_answer(item, changes)
    derived = {k: v for k, v in carried(item, field, text.ja, new_answer).items() if k not in typed}
    if not derived:
        return
    what = f"{_CARRIED_JA[field]}の書き換え" if field in changes else f"答の変更 (「{new_answer}」)"
    click.echo(safe(f"  {what}を他の形にも:"))
    for name, new in derived.items():
        click.echo(safe(f"    {_CARRIED_JA[name]:<4} {as_printed(new) if name == 'cloze' else new}"))
    if yes_no("    この書き換えを使いますか (このあと各項目で直せます)?"):
        changes.update({name: _typed(item, name, new) for name, new in derived.items()})



def _field_text(item: Item, name: str, changes: dict[str, object] | None = None) -> str:
    value: Any = (changes or {}).get(name, getattr(item, name))
    if name == "accept":
        return "、".join(value)
    if name == "distractors":
        return " / ".join(d.ja for d in value)
    return "" if value is None else str(value.ja)
