"""Why an edited draft was refused, said to the teacher in Japanese, with the fields to ask again (newuser5 #3: a
refusal in English threw away every field typed in the form).

`faults(problems, item_id)` reads the bank's located problems about one item (`item ID.answer.ja: year 2026 is …`)
and gives, per kind of problem, one plain sentence — which field, what is wrong, what to do — and the fields of the
review form that fix it. The form then asks only those again, every other typed value kept. A problem of the date's
basis (`date_basis`: how the article gives the date, which the form never shows) is said of the 日付 it makes wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.errors import Problem

FIELD_JA = {"prompt": "問", "answer": "答", "accept": "別解", "distractors": "選択肢", "statement": "正文",
            "false_statement": "誤文", "cloze": "穴埋め", "explanation": "解説", "event": "年表", "when": "日付",
            "context": "注", "entity": "人物のリンク"}
_YEAR = re.compile(r"^year (\d{4}) is neither in the cited article")
_NO_WHEN = re.compile(r"^a date answer needs `when`")
# round 25: a date answer whose date was removed (a 注 written instead) was refused in English, the form asking the
# answer alone again and again — say what to do, and ask the date, the question and its answer with its kind
NO_WHEN = ("答が日付の問いには日付 (年表の日付) が要ります。日付を戻すか、日付を問わない問いにするなら"
           "問と答を書き直し、種類を日付以外 (出来事・語句など) に変えてください")


# hostile19: a new date the article's quotes do not show was refused with the bank's lines (「! date_basis: stated: the
# quotes do not show the year 2024; …」), naming no field of the form, and the form then asked nothing again
DATE_TAIL = "記事のとおりの日付に直すか、元の日付に戻してください (記事にない日付は注 (背景メモ context) に書けます)"
_NOT_SHOWN = re.compile(r"^(?:stated: )?the quotes do not show the (?:year (\d+)|month (\d+)月|day (\d+)日)")
_COUNTED_FROM = re.compile(r"^article-date: (\S+) on a page published (\S+) is (\d+), not (\d+)")
_PAGE_MONTH = re.compile(r"^article-date: the quotes have no 今年.* the page's month \('([^']*)'\)")
_SUM = re.compile(r"^counted: (\d+) ([+-]) (\d+) = (\d+), not (\d+)")


@dataclass(frozen=True)
class Fault:
    """One reason the edit was refused: `say`, in Japanese; `ask`, the form's fields to ask again."""

    say: str
    ask: tuple[str, ...]


def said(problem: Problem) -> str | None:
    """A problem the teacher can fix in the form, said in Japanese (None: say the bank's own words)."""
    return NO_WHEN if _NO_WHEN.match(problem.message) else None


def _field(problem: Problem, item_id: str) -> str:
    """The item's top-level field a problem is about (`item a001-x.answer.ja` → `answer`), or ''."""
    head = f"item {item_id}."
    if not problem.field.startswith(head):
        return ""
    return re.split(r"[.\[]", problem.field[len(head):], maxsplit=1)[0]


def _date_reason(problem: Problem, name: str, shown: list[str]) -> str | None:
    """Why the item's date does not follow from its basis (`date_basis`: how the article gives it), in Japanese; a year,
    month or day the quotes do not show is added to `shown` instead (said once for all). None: not such a problem."""
    message = problem.message
    if name == "date_basis" and (m := _NOT_SHOWN.match(message)):
        year, month, day = m.groups()
        shown.append(f"{year}年" if year else f"{month}月" if month else f"{day}日")
        return ""
    if name == "when" and (m := _COUNTED_FROM.match(message)):
        word, published, counted, year = m.groups()
        return f"根拠の「{word}」は記事の日付 {published} から数えて {counted}年 です (日付は {year}年)"
    if name != "date_basis":
        return None
    if m := _PAGE_MONTH.match(message):
        return f"根拠の文に今年・昨年などの語がないので、日付は記事の日付の月 ({m.group(1)}) です"
    if m := _SUM.match(message):
        start, sign, years, total, year = m.groups()
        return f"根拠の数え方では {start}年 {sign} {years}年 = {total}年 です (日付は {year}年)"
    return f"日付の根拠 (date_basis): {message}"


def _date_fault(reasons: list[str], shown: list[str]) -> Fault:
    """The one fault of a date the article does not give: which field (日付), why, and the date asked again."""
    order = {"年": 0, "月": 1, "日": 2}
    parts = sorted(dict.fromkeys(shown), key=lambda part: order[part[-1]])
    said = [f"{'・'.join(parts)} は根拠の文 (記事の引用) に書かれていません"] if parts else []
    return Fault(f"日付が記事と合いません: {'。'.join([*said, *(r for r in reasons if r)])}。{DATE_TAIL}",
                 ("when", "context"))


#: The bank's own words for a problem the form's teacher fixes, in Japanese (hostile24: 「! 穴埋め: mark each blank
#: with [[...]]」 for an empty 「[[]]」, in English and not saying the blank was empty).
_MESSAGE_JA = {
    "mark each blank with [[...]]": "空欄がありません。答にする語を [[ ]] で囲んでください (空の [[]] や、"
                                    "逆向きの ]]…[[ は空欄になりません)",
    "a blank holds [[ or ]]: one pair of brackets per blank": "[[ ]] の中にまた [[ か ]] があります。空欄は [[ ]] 一組で"
                                                              "囲んでください",
}


def faults(problems: Iterable[Problem], item_id: str) -> tuple[Fault, ...]:
    """The problems about item `item_id`, one `Fault` per kind (a year outside the article in four fields is one; a
    date its basis does not give, however many ways, is one)."""
    years: dict[str, list[str]] = {}
    out: list[Fault] = []
    dates: list[str] = []
    shown: list[str] = []
    for p in problems:
        name = _field(p, item_id)
        if not name:
            continue
        reason = _date_reason(p, name, shown)
        if reason is not None:
            dates.append(reason)
            continue
        if _NO_WHEN.match(p.message):
            out.append(Fault(NO_WHEN, ("when", "prompt", "answer", "kind")))
            continue
        found = _YEAR.match(p.message)
        if found:
            fields = years.setdefault(found.group(1), [])
            if name not in fields:
                fields.append(name)
            continue
        message = _MESSAGE_JA.get(p.message, p.message)
        fault = Fault(f"{FIELD_JA.get(name, name)}: {message}", (name,) if name in FIELD_JA else ())
        if fault not in out:
            out.append(fault)
    for year, fields in years.items():
        where = "・".join(FIELD_JA.get(f, f) for f in fields)
        # newuser12: 「日付 2022年 は記事にありません」 for a year the tool itself read from 「昨年」 — say where it comes from
        out.insert(0, Fault(f"{where}の {year}年 は記事の文に書かれていません (「昨年」「来年」などから読んだ年は、日付とその"
                            f"根拠があるときだけ書けます)。日付を戻すか、{where}から {year}年 を消すか、記事にない年は注"
                            "(背景メモ context)に書いてください",
                            ("when", *fields, "context")))
    if dates:
        out.insert(0, _date_fault(dates, shown))
    return tuple(out)


__all__ = ["DATE_TAIL", "FIELD_JA", "NO_WHEN", "Fault", "faults", "said"]
