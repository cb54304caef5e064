"""Why an edited draft was refused, said to the teacher in Japanese, with the fields to ask again (newuser5 #3: a
refusal in English threw away every field typed in the form).

`faults(problems, item_id)` reads the bank's located problems about one item (`item ID.answer.ja: year 2026 is …`)
and gives, per kind of problem, one plain sentence — which field, what is wrong, what to do — and the fields of the
review form that fix it. The form then asks only those again, every other typed value kept.
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


def faults(problems: Iterable[Problem], item_id: str) -> tuple[Fault, ...]:
    """The problems about item `item_id`, one `Fault` per kind (a year outside the article in four fields is one)."""
    years: dict[str, list[str]] = {}
    out: list[Fault] = []
    for p in problems:
        name = _field(p, item_id)
        if not name:
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
        fault = Fault(f"{FIELD_JA.get(name, name)}: {p.message}", (name,) if name in FIELD_JA else ())
        if fault not in out:
            out.append(fault)
    for year, fields in years.items():
        where = "・".join(FIELD_JA.get(f, f) for f in fields)
        out.insert(0, Fault(f"日付 {year}年 は記事にありません ({where}に出ています)。日付を戻すか、"
                            f"記事にない年は注(背景メモ context)に書いてください",
                            ("when", *fields, "context")))
    return tuple(out)


__all__ = ["FIELD_JA", "NO_WHEN", "Fault", "faults", "said"]
