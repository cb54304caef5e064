"""Anki note types (models) for quizgen decks: one per card form, each with a fixed model id.

The ids below are part of the published format: Anki recognises a note type on
re-import by its id, so changing one would make students' collections grow a
second copy of the note type. Never change or reuse them; add new ones instead.

| form            | model id      | name                           | cards per note                        |
|-----------------|---------------|--------------------------------|---------------------------------------|
| basic           | 1738201001    | quizgen 問答 (Q→A)             | 1                                     |
| reverse         | 1738201002    | quizgen 逆引き (reverse)       | 1, or 2 when the reverse is unambiguous |
| cloze           | 1738201003    | quizgen 穴埋め (cloze)         | one per blank (Anki cloze model)      |
| type-in         | 1738201004    | quizgen 入力 (type-in)         | 1                                     |
| multiple-choice | 1738201005    | quizgen 選択 (multiple choice) | 1                                     |

The cloze model's English hint (EnHint) is a second cloze field, numbered like
the Japanese text when both have the same number of blanks.

Fields hold finished, escaped HTML (see notes.py); the templates only lay
them out. English is behind a <details> toggle on the front and shown on the back.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import genanki

from quizgen.citations import OUTSIDE_ARTICLES
from quizgen.generators.anki.recipes import CardForm
from quizgen.resources import templates_dir

MODEL_IDS: dict[CardForm, int] = {
    CardForm.BASIC: 1738201001,
    CardForm.REVERSE: 1738201002,
    CardForm.CLOZE: 1738201003,
    CardForm.TYPE_IN: 1738201004,
    CardForm.MULTIPLE_CHOICE: 1738201005,
}

MODEL_NAMES: dict[CardForm, str] = {
    CardForm.BASIC: "quizgen 問答 (Q→A)",
    CardForm.REVERSE: "quizgen 逆引き (reverse)",
    CardForm.CLOZE: "quizgen 穴埋め (cloze)",
    CardForm.TYPE_IN: "quizgen 入力 (type-in)",
    CardForm.MULTIPLE_CHOICE: "quizgen 選択 (multiple choice)",
}

#: The explanation/disagreement/context/source block every item-based back ends with.
INFO_FIELDS = ("Explanation", "ExplanationEn", "Disagreement", "Context", "Source")

FIELDS: dict[CardForm, tuple[str, ...]] = {
    CardForm.BASIC: ("ID", "Question", "QuestionEn", "Answer", "AnswerEn", "Reading", *INFO_FIELDS),
    CardForm.TYPE_IN: ("ID", "Question", "QuestionEn", "Answer", "AnswerEn", "Accepted", *INFO_FIELDS),
    CardForm.CLOZE: ("ID", "Text", "TextEn", "EnHint", *INFO_FIELDS),
    CardForm.MULTIPLE_CHOICE: ("ID", "Question", "QuestionEn", "Choices", "ChoicesEn", "Marked", "Answer", "AnswerEn",
                               *INFO_FIELDS),
    CardForm.REVERSE: ("ID", "Ask", "AskEn", "Term", "TermEn", "Reading", "Gloss", "GlossEn", "AskBack", "AskBackEn",
                       "Note", "Source"),
}

#: The field shown in Anki's browser "Sort Field" column.
SORT_FIELD: dict[CardForm, str] = {
    CardForm.BASIC: "Question", CardForm.TYPE_IN: "Question", CardForm.CLOZE: "Text",
    CardForm.MULTIPLE_CHOICE: "Question", CardForm.REVERSE: "Ask",
}

_EN_TOGGLE = ('{{#%s}}<details class="en"><summary>English</summary><div lang="en">{{%s}}</div></details>{{/%s}}')


def _toggle(field: str) -> str:
    return _EN_TOGGLE % (field, field, field)


_INFO = """
{{#Explanation}}<div class="box expl"><div class="label">解説 · Explanation</div><div lang="ja">{{Explanation}}</div>
<div class="en" lang="en">{{ExplanationEn}}</div></div>{{/Explanation}}
{{#Disagreement}}<div class="box disagree"><div class="label">記事によって描き方が異なる · The articles differ</div>
{{Disagreement}}</div>{{/Disagreement}}
{{#Context}}<div class="box context"><div class="label">""" + f"{OUTSIDE_ARTICLES.ja} · {OUTSIDE_ARTICLES.en}" + """</div>
{{Context}}</div>{{/Context}}
{{#Source}}<div class="box source"><div class="label">出典 · Source</div>{{Source}}</div>{{/Source}}
<div class="id">{{ID}}</div>"""

_QUESTION_BACK = ('<div class="q" lang="ja">{{Question}}</div>'
                  '{{#QuestionEn}}<div class="en" lang="en">{{QuestionEn}}</div>{{/QuestionEn}}')

#: The note, source and id every reverse card's back ends with.
_REVERSE_INFO = ('{{#Note}}<div class="box expl"><div class="label">メモ · Note</div>{{Note}}</div>{{/Note}}'
                 '{{#Source}}<div class="box source"><div class="label">出典 · Source</div>{{Source}}</div>'
                 '{{/Source}}<div class="id">{{ID}}</div>')

_QUESTION_FRONT = '<div class="q" lang="ja">{{Question}}</div>' + _toggle("QuestionEn")


def _wrap(form: CardForm, body: str) -> str:
    return f'<div class="qz qz-{form.value}">{body}</div>'


TEMPLATES: dict[CardForm, list[dict[str, str]]] = {
    CardForm.BASIC: [{
        "name": "問→答 Q→A",
        "qfmt": _wrap(CardForm.BASIC, _QUESTION_FRONT),
        "afmt": _wrap(CardForm.BASIC, _QUESTION_BACK + '<hr id="answer"><div class="a" lang="ja">{{Answer}}</div>'
                      '{{#Reading}}<div class="reading">{{Reading}}</div>{{/Reading}}'
                      '<div class="en" lang="en">{{AnswerEn}}</div>' + _INFO),
    }],
    CardForm.TYPE_IN: [{
        "name": "入力 Type the answer",
        "qfmt": _wrap(CardForm.TYPE_IN, _QUESTION_FRONT + "<p>{{type:Answer}}</p>"),
        "afmt": _wrap(CardForm.TYPE_IN, _QUESTION_BACK + '<hr id="answer"><p>{{type:Answer}}</p>'
                      '<div class="a" lang="ja">{{Answer}}</div><div class="en" lang="en">{{AnswerEn}}</div>'
                      '{{#Accepted}}<div class="reading">ほかに正解とする表記 · Also accepted: {{Accepted}}</div>{{/Accepted}}'
                      + _INFO),
    }],
    CardForm.CLOZE: [{
        "name": "穴埋め Cloze",
        "qfmt": _wrap(CardForm.CLOZE, '<div class="q" lang="ja">{{cloze:Text}}</div>{{#EnHint}}<details class="en">'
                      '<summary>English</summary><div lang="en">{{cloze:EnHint}}</div></details>{{/EnHint}}'),
        "afmt": _wrap(CardForm.CLOZE, '<div class="q" lang="ja">{{cloze:Text}}</div><hr id="answer">'
                      '{{#TextEn}}<div class="en" lang="en">{{TextEn}}</div>{{/TextEn}}' + _INFO),
    }],
    CardForm.MULTIPLE_CHOICE: [{
        "name": "選択 Multiple choice",
        "qfmt": _wrap(CardForm.MULTIPLE_CHOICE, '<div class="q" lang="ja">{{Question}}</div>{{Choices}}'
                      '{{#QuestionEn}}<details class="en"><summary>English</summary><div lang="en">{{QuestionEn}}'
                      "{{ChoicesEn}}</div></details>{{/QuestionEn}}"),
        "afmt": _wrap(CardForm.MULTIPLE_CHOICE, _QUESTION_BACK + '<hr id="answer">{{Marked}}'
                      '<div class="a" lang="ja">正解 {{Answer}}</div><div class="en" lang="en">Answer: {{AnswerEn}}</div>'
                      + _INFO),
    }],
    CardForm.REVERSE: [
        {
            "name": "→",
            "qfmt": _wrap(CardForm.REVERSE, '<div class="q" lang="ja">{{Ask}}</div>' + _toggle("AskEn")),
            "afmt": _wrap(CardForm.REVERSE, '<div class="q" lang="ja">{{Ask}}</div><div class="en" lang="en">{{AskEn}}</div>'
                          '<hr id="answer"><div class="a" lang="ja">{{Gloss}}</div>'
                          '<div class="en" lang="en">{{GlossEn}}</div>' + _REVERSE_INFO),
        },
        {
            "name": "←",
            "qfmt": _wrap(CardForm.REVERSE, '{{#AskBack}}<div class="q" lang="ja">{{AskBack}}</div>'
                          + _toggle("AskBackEn") + "{{/AskBack}}"),
            "afmt": _wrap(CardForm.REVERSE, '<div class="q" lang="ja">{{AskBack}}</div>'
                          '<div class="en" lang="en">{{AskBackEn}}</div><hr id="answer">'
                          '<div class="a" lang="ja">{{Term}}</div>'
                          '{{#Reading}}<div class="reading">{{Reading}}</div>{{/Reading}}'
                          '<div class="en" lang="en">{{TermEn}}</div>' + _REVERSE_INFO),
        },
    ],
}


@cache
def card_css() -> str:
    return (templates_dir() / "anki" / "cards.css").read_text(encoding="utf-8")


def make_note_type(form: CardForm, css: str | None = None) -> genanki.Model:
    """A fresh genanki.Model for `form` (genanki mutates models while writing, so never share one between builds)."""
    fields = FIELDS[form]
    templates: list[dict[str, Any]] = [dict(t) for t in TEMPLATES[form]]
    return genanki.Model(
        MODEL_IDS[form],
        MODEL_NAMES[form],
        fields=[{"name": f} for f in fields],
        templates=templates,
        css=card_css() if css is None else css,
        model_type=genanki.Model.CLOZE if form is CardForm.CLOZE else genanki.Model.FRONT_BACK,
        sort_field_index=fields.index(SORT_FIELD[form]),
    )
