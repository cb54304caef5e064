"""Anki note types (models) for quizgen decks: one per card form, each with a fixed model id.

The ids below are part of the published format: Anki recognises a note type on re-import by its id,
and updates a note in place only while its note type keeps the same field names and card names (its
"schema"). Tested with the real engine (test_anki.py): given a note type with the same id but a field
added or renamed, Anki's import makes a copy of the note type ("… +") and leaves every existing note
as it was (reported as a conflict); a note whose GUID exists under another note type is likewise left
alone. Only with both "Merge note types" and "Update notes: always" ticked would it update them. So a
changed card keeps its schema and changes only its templates and field contents (which Anki does
take); a card that needs other fields gets a new note type id, and new GUIDs.

| form            | model id      | name                           | cards per note                         |
|-----------------|---------------|--------------------------------|----------------------------------------|
| basic           | 1738201001    | quizgen 問答 (Q→A)             | 1                                      |
| reverse         | 1738201002    | quizgen 逆引き (reverse)       | 1 (description → name)                 |
| cloze           | 1738201003    | quizgen 穴埋め (cloze)         | one per deletion (the answer's blanks) |
| multiple-choice | 1738201005    | quizgen 選択 (multiple choice) | 1                                      |
| type-in         | 1738201006    | quizgen 入力 (type-in)         | 1                                      |

Retired: 1738201004, v1's type-in (its fields had an "also accepted" list; v2's has the expected form and
the counter after the box). Collections that have it keep it; quizgen never writes it again.

Fields hold finished, escaped HTML (notes.py, back.py); the templates only lay them out. The front is the
question with its English behind a toggle. The back is the answer, large (with furigana where it has
kanji), and its explanation; English, sources and quotes, the reports' disagreement and background from
outside the articles are each folded in a `<details>`. No JavaScript.
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
    CardForm.TYPE_IN: 1738201006,
    CardForm.MULTIPLE_CHOICE: 1738201005,
}

#: Ids quizgen once wrote and never writes again (never reuse them).
RETIRED_MODEL_IDS = {1738201004: "quizgen 入力 (type-in), v1"}

MODEL_NAMES: dict[CardForm, str] = {
    CardForm.BASIC: "quizgen 問答 (Q→A)",
    CardForm.REVERSE: "quizgen 逆引き (reverse)",
    CardForm.CLOZE: "quizgen 穴埋め (cloze)",
    CardForm.TYPE_IN: "quizgen 入力 (type-in)",
    CardForm.MULTIPLE_CHOICE: "quizgen 選択 (multiple choice)",
}

#: The explanation/disagreement/context/source block every item note ends with.
INFO_FIELDS = ("Explanation", "ExplanationEn", "Disagreement", "Context", "Source")

FIELDS: dict[CardForm, tuple[str, ...]] = {
    CardForm.BASIC: ("ID", "Question", "QuestionEn", "Answer", "AnswerEn", "Reading", *INFO_FIELDS),
    CardForm.TYPE_IN: ("ID", "Question", "QuestionEn", "Form", "Answer", "Unit", "AnswerEn", *INFO_FIELDS),
    CardForm.CLOZE: ("ID", "Text", "TextEn", "EnHint", *INFO_FIELDS),
    CardForm.MULTIPLE_CHOICE: ("ID", "Question", "QuestionEn", "Choices", "ChoicesEn", "Marked", "Answer", "AnswerEn",
                               *INFO_FIELDS),
    CardForm.REVERSE: ("ID", "Ask", "AskEn", "Term", "TermEn", "Reading", "Gloss", "GlossEn", "AskBack", "AskBackEn",
                       "Note", "Source"),
}

#: The field shown in Anki's browser "Sort Field" column.
SORT_FIELD: dict[CardForm, str] = {
    CardForm.BASIC: "Question", CardForm.TYPE_IN: "Question", CardForm.CLOZE: "Text",
    CardForm.MULTIPLE_CHOICE: "Question", CardForm.REVERSE: "AskBack",
}

#: The folded sections on the back: (label on the closed section, its English inside when opened).
SOURCES_LABEL = ("出典", "Sources")
DISAGREEMENT_LABEL = ("報道の違い", "The reports differ")
OUTSIDE_LABEL = (OUTSIDE_ARTICLES.ja, OUTSIDE_ARTICLES.en)


def _toggle(field: str, body: str | None = None) -> str:
    """The front's English: folded, shown only when `field` has text."""
    inner = body if body is not None else f"{{{{{field}}}}}"
    return (f'{{{{#{field}}}}}<details class="en"><summary>English</summary><div lang="en">{inner}</div></details>'
            f"{{{{/{field}}}}}")


def _fold(field: str, css: str, label: tuple[str, str]) -> str:
    """A folded section shown only when `field` has text: its Japanese label closed, the English one inside."""
    ja, en = label
    return (f'{{{{#{field}}}}}<details class="{css}"><summary lang="ja">{ja}</summary>'
            f'<div class="label-en" lang="en">{en}</div>{{{{{field}}}}}</details>{{{{/{field}}}}}')


def _more(english: str, note: str = "") -> str:
    """The back's folded sections: English, sources, the reports' disagreement, background from outside."""
    info = note or (_fold("Source", "sources", SOURCES_LABEL) + _fold("Disagreement", "disagree", DISAGREEMENT_LABEL)
                    + _fold("Context", "context", OUTSIDE_LABEL))
    return (f'<div class="more"><details class="en"><summary>English</summary><div lang="en">{english}</div></details>'
            f"{info}</div>")


_EXPL = '{{#Explanation}}<div class="expl" lang="ja">{{Explanation}}</div>{{/Explanation}}'
_EXPL_EN = "{{#ExplanationEn}}<p>{{ExplanationEn}}</p>{{/ExplanationEn}}"
_PROMPT = '<div class="q prompt" lang="ja">{{Question}}</div><hr id="answer">'
_QUESTION_FRONT = '<div class="q" lang="ja">{{Question}}</div>' + _toggle("QuestionEn")
_ANSWER = '<div class="a" lang="ja">{{#Reading}}{{furigana:Reading}}{{/Reading}}{{^Reading}}{{Answer}}{{/Reading}}</div>'
_QA_EN = '<p class="q-en">{{QuestionEn}}</p><p class="a-en">{{AnswerEn}}</p>' + _EXPL_EN


def _wrap(form: CardForm, side: str, body: str) -> str:
    return f'<div class="qz qz-{form.value} qz-{side}">{body}</div>'


TEMPLATES: dict[CardForm, list[dict[str, str]]] = {
    CardForm.BASIC: [{
        "name": "問→答 Q→A",
        "qfmt": _wrap(CardForm.BASIC, "front", _QUESTION_FRONT),
        "afmt": _wrap(CardForm.BASIC, "back", _PROMPT + _ANSWER + _EXPL + _more(_QA_EN)),
    }],
    CardForm.TYPE_IN: [{
        "name": "入力 Type the answer",
        "qfmt": _wrap(CardForm.TYPE_IN, "front", '<div class="q" lang="ja">{{Question}}</div>'
                      '<div class="form">{{Form}}</div><div class="typein">{{type:Answer}}'
                      '{{#Unit}}<span class="unit">{{Unit}}</span>{{/Unit}}</div>' + _toggle("QuestionEn")),
        "afmt": _wrap(CardForm.TYPE_IN, "back", _PROMPT + '<div class="typein">{{type:Answer}}</div>'
                      '<div class="a" lang="ja">{{Answer}}{{Unit}}</div>' + _EXPL + _more(_QA_EN)),
    }],
    CardForm.CLOZE: [{
        "name": "穴埋め Cloze",
        "qfmt": _wrap(CardForm.CLOZE, "front", '<div class="q" lang="ja">{{furigana:cloze:Text}}</div>'
                      + _toggle("EnHint", "{{cloze:EnHint}}")),
        "afmt": _wrap(CardForm.CLOZE, "back", '<div class="q" lang="ja">{{furigana:cloze:Text}}</div><hr id="answer">'
                      + _EXPL + _more("{{#TextEn}}<p>{{TextEn}}</p>{{/TextEn}}" + _EXPL_EN)),
    }],
    CardForm.MULTIPLE_CHOICE: [{
        "name": "選択 Multiple choice",
        "qfmt": _wrap(CardForm.MULTIPLE_CHOICE, "front", '<div class="q" lang="ja">{{Question}}</div>{{Choices}}'
                      + _toggle("QuestionEn", "{{QuestionEn}}{{ChoicesEn}}")),
        "afmt": _wrap(CardForm.MULTIPLE_CHOICE, "back", _PROMPT + '{{Marked}}<div class="a" lang="ja">{{Answer}}</div>'
                      + _EXPL + _more('<p class="q-en">{{QuestionEn}}</p><p class="a-en">{{AnswerEn}}</p>' + _EXPL_EN)),
    }],
    CardForm.REVERSE: [
        {   # name -> description: not asked (a paragraph is no answer); no v2 note fills Ask, so no card
            "name": "→",
            "qfmt": _wrap(CardForm.REVERSE, "front", '{{#Ask}}<div class="q" lang="ja">{{Ask}}</div>{{/Ask}}'),
            "afmt": _wrap(CardForm.REVERSE, "back", '<div class="q prompt" lang="ja">{{Ask}}</div><hr id="answer">'
                          '<div class="expl" lang="ja">{{Gloss}}</div>'),
        },
        {
            "name": "←",
            "qfmt": _wrap(CardForm.REVERSE, "front", '{{#AskBack}}<div class="q" lang="ja">{{AskBack}}</div>'
                          + _toggle("AskBackEn") + "{{/AskBack}}"),
            "afmt": _wrap(CardForm.REVERSE, "back", '<div class="q prompt" lang="ja">{{AskBack}}</div><hr id="answer">'
                          '<div class="a" lang="ja">{{#Reading}}{{furigana:Reading}}{{/Reading}}{{^Reading}}{{Term}}'
                          "{{/Reading}}</div>"
                          + _more('<p class="q-en">{{AskBackEn}}</p><p class="a-en">{{TermEn}}</p>',
                                  _fold("Note", "sources", ("メモ", "Note")) + _fold("Source", "sources", SOURCES_LABEL))),
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
