"""`quizgen quiz`: a spaced-repetition session in the terminal.

Interactive (stdin is a terminal): type an answer and Enter. At the answer prompt, `h` gives a hint,
`e` shows the English, `b` buries the card until tomorrow, `u` undoes the last answer and `q` quits.
After the verdict one key (no Enter): Enter keeps the rating, 1-4 changes it (the prompt shows when
each would bring the card back), `!` or `r` says "I was right", `e` shows the English, `u` undoes, `q` quits.

Scripted (stdin is not a terminal): one line per question, nothing else is asked.
  <answer>   the answer (--choices: the option number; --self: your rating 1-4; true/false: t or f)
  !N         re-rate the previous answer with N (1 Again, 2 Hard, 3 Good, 4 Easy)
  !          "I was right": the previous answer counts as right and is re-rated 3 Good
  u / b / h  undo the previous answer / bury this card until tomorrow / a hint
  q          end the session (so does the end of the input)
An empty line is an unanswered question (wrong, rated Again). Full-width ｑ ｕ ！ １-４ work too.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Sized
from pathlib import Path

import click

from quizgen.bank import Item, Selection
from quizgen.cli import cli, guards
from quizgen.cli.common import (
    bank_option,
    db_option,
    load_bank_fast,
    local,
    now_option,
    open_store,
    parse_now,
    plural,
    selection_options,
    until,
)
from quizgen.cli.terminal import Input, check_stdin_encoding, command_text, say
from quizgen.errors import QuizgenError, UsageError
from quizgen.quiz.cards import CardForm, parse_forms
from quizgen.quiz.deck import Deck, Queue, plan
from quizgen.quiz.scheduling import DEFAULT_RETENTION, Rating, Scheduler
from quizgen.quiz.session import (
    DEFAULT_BACKLOG,
    DEFAULT_NEW_PER_DAY,
    LEECH_LAPSES,
    Answered,
    AnswerMode,
    AskAgain,
    Question,
    Session,
    Summary,
)
from quizgen.quiz.store import StoreBusy, StoreReplaced

_RERATE_RE = re.compile(r"!\s*([1-4])")
_MISRATE_RE = re.compile(r"!\s*(\d+)")  # a re-rate with a number outside 1-4: never an answer
_RATING_HELP = "1 Again · 2 Hard · 3 Good · 4 Easy"
_OVERRULE = ("!", "r")


def day_start(now: dt.datetime) -> dt.datetime:
    """Local midnight at the start of `now`'s day, in UTC: the daily new-card limit resets then."""
    local_now = now.astimezone()
    return local_now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


def tomorrow(now: dt.datetime) -> dt.datetime:
    """Local midnight at the end of `now`'s day, in UTC: a buried card comes back then."""
    return day_start(now + dt.timedelta(days=1))


# --------------------------------------------------------------------------- the command


@cli.command()
@bank_option
@selection_options
@db_option
@now_option
@click.option("--new", "new_per_day", type=click.IntRange(min=0), default=DEFAULT_NEW_PER_DAY, show_default=True,
              help="New cards per day.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Ask at most this many cards.")
@click.option("--backlog", type=click.IntRange(min=0), default=DEFAULT_BACKLOG, show_default=True,
              help="Catch-up throttle: no new cards while more than this many are due.")
@click.option("--forms", "forms_text", metavar="FORMS", default="",
              help="Also ask these forms of each item, as cards of their own: cloze, truefalse (comma-separated) or all.")
@click.option("--lang", type=click.Choice(["ja", "both"]), default="both", show_default=True,
              help="ja: Japanese only (e shows the English); both: English under each Japanese line.")
@click.option("--cram", is_flag=True, help="Practise every selected card without changing the schedule.")
@click.option("--choices", is_flag=True, help="Multiple choice: pick 1-4.")
@click.option("--self", "self_graded", is_flag=True, help="Self-graded: see the answer, rate yourself 1-4.")
@click.option("--seed", type=int, default=None, help="Seed for the card order (deterministic sessions).")
@click.option("--retention", type=float, default=DEFAULT_RETENTION, show_default=True,
              help="Desired retention: the chance of recall FSRS aims for at each review (0.70-0.99).")
def quiz(bank_path: Path | None, selection: Selection, db_path: Path | None, now_text: str | None, new_per_day: int,
         limit: int | None, backlog: int, forms_text: str, lang: str, cram: bool, choices: bool, self_graded: bool,
         seed: int | None, retention: float) -> None:
    """Quiz yourself: due cards first, then new ones, scheduled with FSRS.

    Answer in Japanese (kanji, kana or both), romaji or English. After each answer one
    key: Enter keeps the rating (wrong: 1 Again, right: 3 Good, one letter off: 2 Hard),
    1-4 changes it, ! says "I was right", u undoes it, q ends the session (so do Ctrl-C
    and Ctrl-D). At the answer prompt: h hint, e English, b bury until tomorrow. Every
    answer is saved at once. A card failed 8 times is a leech: it is left out until
    `quizgen leeches --reset` brings it back.

    With input from a pipe or file, each line answers one question; "!N" re-rates
    the previous answer, "!" says it was right, "u" undoes it, "q" quits. Example:

        printf 'しゅうきんぺい\\n!4\\nputin\\nq\\n' | quizgen quiz --seed 1
    """
    if choices and self_graded:
        raise UsageError("--choices and --self cannot be used together")
    check_stdin_encoding()  # before the database is opened: no answer could be typed (UTF-16)
    try:
        forms = parse_forms(forms_text)
    except ValueError as exc:
        raise UsageError(f"--forms takes cloze, truefalse or all, not {exc}") from None
    mode = AnswerMode.CHOICES if choices else AnswerMode.SELF if self_graded else AnswerMode.TYPED
    scheduler = Scheduler(desired_retention=retention)
    fixed = parse_now(now_text) if now_text else None
    clock: Callable[[], dt.datetime] = (lambda: fixed) if fixed else (lambda: dt.datetime.now(dt.UTC))
    now = clock()
    rng = random.Random(seed)
    picked = load_bank_fast(bank_path).take(selection)
    deck = Deck(picked, forms)
    store = None if cram else open_store(db_path)
    try:
        due = store.due_ids(now) if store else []
        leeches = set(store.leeches(LEECH_LAPSES)) if store else set()
        held = leeches | (store.buried(now) if store else set())
        new_today = store.new_since(day_start(now)) if store else 0
        queue = plan(deck, due, store.reviewed if store else (lambda ids: set()), rng, new_today=new_today,
                     new_per_day=new_per_day, limit=limit, cram=cram, exclude=held, backlog=backlog)
        known = set(due) if store else set()
        if store:
            store.checked()  # the file's check, begun at open, beside the planning: refused before anything is asked
        session = Session(deck, list(queue.cards), store, scheduler, rng, clock, mode, known=known)
        _run(session, picked, Input(), _View(lang == "both"), queue, len(deck.members(leeches)))
    finally:
        if store:
            store.close()


class _View:
    """What the learner has asked to see: English under the Japanese (--lang both), or on request (e)."""

    def __init__(self, english: bool) -> None:
        self.english = english


def _run(session: Session, items: Sized, inp: Input, view: _View | None = None, plan: Queue | None = None,
         leeches: int = 0) -> None:
    view = view or _View(True)
    _header(session, items, plan, leeches)
    try:
        _loop(session, inp, view)
    except KeyboardInterrupt:  # Ctrl-C ends the session like q (README): the summary, exit status 0
        guards.interrupt_handled()
        click.echo()
    except _Unsaved:  # the session ends there: what was saved, then what was not (exit status 1)
        _show_summary(session.summary(), session.clock())
        raise
    _show_summary(session.summary(), session.clock())


class _Unsaved(QuizgenError):
    """A step of the session could not be saved (another program held the database's write lock, or put another
    file in its place): the session ends, saying what was lost and where the answers before it are (README,
    "quizgen quiz")."""

    def __init__(self, what: str, why: StoreBusy | StoreReplaced, saved: int) -> None:
        first = "It was the first answer of this session."
        if isinstance(why, StoreReplaced):  # hostile16 QV01: nothing is written into a file quizgen did not open
            before = first if not saved else \
                f"The {plural(saved, 'answer')} before it went into the file that was replaced."
            super().__init__(f"{what} was not saved: the review database {why.path} was replaced by another file while "
                             "the quiz ran (a sync tool? a restored backup?), and quizgen writes only into the file it "
                             f"opened. {before} Run the quiz again to go on with the file there now.")
            return
        before = first if not saved else \
            f"The {plural(saved, 'answer')} before it {'is' if saved == 1 else 'are'} saved."
        super().__init__(f"{what} was not saved: the review database {why.path} is busy (another program has held "
                         f"its write lock for {why.seconds} s). {before} Run the quiz again when the other program "
                         "is done; this card is asked again then.")


def _header(session: Session, items: Sized, plan: Queue | None, leeches: int) -> None:
    n_due = sum(1 for c in session.queue if c.id in session.known)
    n_new = session.remaining - n_due
    what = "cram: nothing is recorded" if session.cram else f"{n_due} due, {n_new} new"
    keys = "u undo · q quit" if not _interactive_keys(session) else "h hint · e English · b bury · u undo · q quit"
    say(f"{plural(session.remaining, 'card')} ({what}). "
        + ("Rate yourself 1-4." if session.mode is AnswerMode.SELF else
           "Pick 1-4." if session.mode is AnswerMode.CHOICES else
           "Answer in Japanese, kana, romaji or English.") + f" {keys}")
    if plan is not None and plan.held_new:
        say(f"Catching up: {plan.due} cards are due, so no new cards until at most the backlog limit are (--backlog).")
    if leeches:
        say(f"{plural(leeches, 'leech', 'leeches')} left out (failed {LEECH_LAPSES} times): see quizgen leeches.")
    if not session.remaining:
        say(_nothing_due(items))


def _interactive_keys(session: Session) -> bool:
    return session.mode is AnswerMode.TYPED


def _nothing_due(items: Sized) -> str:
    if not items:
        return "No items match the filters."
    return "Nothing is due and no new cards are left for today. Try --new N for more, or --cram to practise."


def _loop(session: Session, inp: Input, view: _View) -> None:
    shown: Question | None = None
    while (q := session.next()) is not None:
        if q is not shown:
            _show_question(q, session, view)
            shown = q
        line = _read_answer(q, session, inp)
        if line is None:
            return
        saved = len(session.history)
        try:
            action = _command(session, q, command_text(line), view) or _respond(q, session, inp, line, view)
        except (StoreBusy, StoreReplaced) as exc:
            answered = any(a.question is q for a in session.history)  # else the answer itself was not saved
            what = (f"your last change (a new rating, undo or bury) to 「{_card_name(q.item, 80)}」" if answered
                    else f"your answer to 「{_card_name(q.item, 80)}」")
            raise _Unsaved(what, exc, saved - answered) from None
        if action == "q":
            return
        if action in ("u", "b"):
            shown = None


def _read_answer(q: Question, session: Session, inp: Input) -> str | None:
    """The learner's line for `q`; None to end the session. Self mode at a terminal shows the answer first."""
    if q.mode is not AnswerMode.SELF or not inp.tty:
        return inp.read("> ")
    line = inp.read("Enter shows the answer (u undo, q quit) ")
    if line is None or command_text(line) == "q":
        return None
    if command_text(line) == "u":
        return line
    _show_answer(q, session, _View(True))
    rating = _read_rating(inp, "How well did you know it? " + _RATING_HELP + ": ")
    return None if rating is None or rating == "q" else rating


def _command(session: Session, q: Question, cmd: str, view: _View) -> str | None:
    """q, u, b, h, e, ! or !N: what was done, or None when `cmd` is an answer."""
    if cmd in ("q", "u", "b"):
        if cmd == "u":
            _undo(session)
        elif cmd == "b":
            _bury(session)
        return cmd
    if cmd in ("h", "e") and q.mode is not AnswerMode.SELF:
        _hint(session, q) if cmd == "h" else _english(q)
        return cmd
    if cmd in _OVERRULE[:1]:
        _overrule(session)
        return "!"
    if (m := _RERATE_RE.fullmatch(cmd)) is not None:
        _rerate(session, int(m.group(1)))
        return "!"
    if (m := _MISRATE_RE.fullmatch(cmd)) is not None:
        say(f"  !N re-rates the previous answer with 1 Again, 2 Hard, 3 Good or 4 Easy, not {m.group(1)}; "
            "nothing was recorded.")
        return "!"
    return None


def _respond(q: Question, session: Session, inp: Input, line: str, view: _View) -> str:
    """Judge or grade `line`, show the verdict, and (at a terminal) take the learner's next step: "", "q" or "u"."""
    cmd = command_text(line)
    try:
        if q.mode is AnswerMode.SELF:
            if cmd not in ("1", "2", "3", "4"):
                say(f"  Rate yourself: {_RATING_HELP}.")
                return ""
            if not inp.tty:
                _show_answer(q, session, view)
            a = session.grade(int(cmd))
        else:
            a = session.answer(line)
    except AskAgain as exc:  # e.g. "7" in choices mode
        say(f"  {exc}")
        return ""
    _show_verdict(a, session, view, scripted=not inp.tty)
    if inp.tty and q.mode is not AnswerMode.SELF:
        return _after_answer(session, inp, a)
    return ""


def _read_rating(inp: Input, prompt: str) -> str | None:
    while True:
        key = inp.key(prompt)
        if key is None:
            return None
        cmd = command_text(key)
        if cmd in ("1", "2", "3", "4", "q"):
            return cmd
        say(f"  {_RATING_HELP}, or q to quit.")


def _after_answer(session: Session, inp: Input, a: Answered) -> str:
    """Interactive only, one key: Enter keeps the rating, 1-4 changes it, ! or r "I was right", e English,
    u undoes, q quits."""
    while True:
        key = inp.key(_rating_prompt(session, a))
        if key is None:
            return "q"
        cmd = command_text(key)
        if cmd == "":
            return ""
        if cmd in ("q", "u"):
            if cmd == "u":
                _undo(session)
            return cmd
        if cmd in ("1", "2", "3", "4"):
            a = _rerate(session, int(cmd)) or a
            return ""
        if cmd in _OVERRULE:
            a = _overrule(session) or a
            return ""
        if cmd == "e":
            _english_after(a)
            continue
        say("  Press Enter, 1-4, ! (I was right), e, u or q.")


def _rating_prompt(session: Session, a: Answered) -> str:
    preview = session.preview(a)
    choices = " · ".join(f"{int(r)} {r.label}" + (f" {_short(preview[r])}" if r in preview else "") for r in Rating)
    right = "" if a.correct and not a.overruled else " · ! I was right"
    return f"[Enter] keep {int(a.rating)} {a.rating.label} · {choices}{right} · u undo · q quit "


def _short(delta: dt.timedelta) -> str:
    """10m, 5h, 3d, 2mo, 1y: an interval as the rating prompt shows it."""
    secs = delta.total_seconds()
    if secs < 3600:
        return f"{max(1, round(secs / 60))}m"
    if secs < 86400:
        return f"{round(secs / 3600)}h"
    days = secs / 86400
    return f"{round(days)}d" if days < 60 else f"{round(days / 30)}mo" if days < 365 else f"{days / 365:.1f}y"


def _undo(session: Session) -> None:
    q = session.undo()
    if q is None:
        say("  Nothing to undo.")
    else:
        say(f"  ↶ Undone{'' if session.cram else ' (its review is withdrawn)'}: asking again.")


def _bury(session: Session) -> None:
    until_when = tomorrow(session.clock())
    card = session.bury(until_when)
    if session.cram:
        say("  Skipped.")
    else:
        say(f"  Buried until tomorrow ({local(until_when)}): {_card_name(card.item)}")


def _card_name(item: Item, width: int = 44) -> str:
    """The card's Japanese prompt, cut to about `width` columns."""
    from quizgen.cli.terminal import display_width

    prompt = item.prompt.ja
    if display_width(prompt) <= width:
        return prompt
    while display_width(prompt) > width - 1:
        prompt = prompt[:-1]
    return prompt + "…"


def _rerate(session: Session, rating: int) -> Answered | None:
    try:
        a = session.rerate(rating)
    except AskAgain as exc:
        say(f"  {exc}")
        return None
    say(f"  Re-rated {session.expected(a.question)}: {int(a.rating)} {a.rating.label}{_next(a, session)}")
    _leech_note(a)
    return a


def _overrule(session: Session) -> Answered | None:
    try:
        a = session.overrule()
    except AskAgain as exc:
        say(f"  {exc}")
        return None
    say(f"  ✓ You were right: counted as right, re-rated {int(a.rating)} {a.rating.label}{_next(a, session)}")
    return a


def _hint(session: Session, q: Question) -> None:
    from quizgen.quiz.answers import hint

    say(f"  Hint: {hint(session.bank_for(q.item), q.card)}")


def _english(q: Question) -> None:
    for line in _prompt_lines(q, english=True)[1:]:
        say(line)


def _english_after(a: Answered) -> None:
    item = a.question.item
    true = item.statement if a.question.statement is not None else None  # a true/false card: its true statement
    say(f"  {(true or item.answer).en}")
    say(f"  {item.explanation.en}")
    if item.context is not None:
        from quizgen.citations import outside_note

        say(f"  {outside_note(item.context).en}")


# --------------------------------------------------------------------------- display


def _show_question(q: Question, session: Session, view: _View) -> None:
    item = q.item
    tag = "new" if q.is_new else "again" if q.is_repeat else "review"
    form = "" if q.form is CardForm.ANSWER else f" · {q.form.label}"
    left = session.left
    say()
    say(f"[{q.number}] {item.category.label.ja} {item.category.label.en}{form} · {tag} · {left} left", dim=True)
    for n, line in enumerate(_prompt_lines(q, view.english)):
        say(line, bold=n == 0)
    if q.choice is not None:
        for n, opt in enumerate(q.choice.options, 1):
            say(f"   {n}) {opt.ja}" + (f"  ({opt.en})" if view.english and opt.en != opt.ja else ""))


def _prompt_lines(q: Question, english: bool) -> list[str]:
    """The question as shown: Japanese first, then (when `english`) the English."""
    item = q.item
    if q.statement is not None:
        lines = [f"  ○か×か: {q.statement.statement.ja}", f"  True or false: {q.statement.statement.en}"]
    elif q.form is CardForm.CLOZE and item.cloze is not None:
        lines = [f"  {_blanked(item.cloze.ja)}", f"  {_blanked(item.cloze.en)}"]
    else:
        lines = [f"  {item.prompt.ja}", f"  {item.prompt.en}"]
    return lines if english else lines[:1]


def _blanked(text: str) -> str:
    from quizgen.bank.model import CLOZE_RE

    return CLOZE_RE.sub("［＿＿＿］", text)


def _answer_line(item: Item, english: bool) -> str:
    reading = f"({item.reading})" if item.reading else ""
    en = f" · {item.answer.en}" if english and item.answer.en != item.answer.ja else ""
    return f"{item.answer.ja}{reading}{en}"


def _show_answer(q: Question, session: Session, view: _View) -> None:
    from quizgen.citations import citation, dated, outside_note

    item = q.item
    bank = session.bank_for(item)
    if q.form is not CardForm.ANSWER:
        say(f"  {q.form.label.capitalize()}: {session.expected(q)}")
    if q.statement is not None and (correct := q.statement.correction) is not None:
        say(f"  正しくは: {correct.ja}" + (f" · {correct.en}" if view.english else ""))
    if not item.truefalse:  # an item asked as true/false: its yes/no question was not asked
        say(f"  Answer: {_answer_line(item, view.english)}")
    when = dated(bank, item)
    if when is not None:
        say(f"  Date: {when.ja} · {when.en}" if view.english else f"  Date: {when.ja}")
    say(f"  {item.explanation.ja}")
    if view.english:
        say(f"  {item.explanation.en}")
    if item.context is not None:
        note = outside_note(item.context)
        say(f"  {note.en if view.english else note.ja}")
    for line in citation(bank, item).ja.splitlines():
        say(f"  Source: {line}", dim=True)


_REASONS = {"reading": "by its reading", "mixed": "kana and kanji", "variant": "another spelling",
            "title": "title set aside", "same-role": "same role", "both-forms": "both forms", "any-order": "any order",
            "particle": "の or な added"}
_WHY_WRONG = {"hedged": "hedged: give one answer, without たぶん, かな or ?", "multiple": "two answers: give one",
              "wrong-title": "wrong title", "other-answer": "that is another question's answer",
              "wrong-counter": "right number, wrong counter", "empty": "no answer"}


def _why_wrong(a: Answered) -> str:
    v = a.verdict
    if v is None:
        return ""
    if v.reason.value == "incomplete":
        return f"{v.detail or 'a part'} missing"
    if v.reason.value == "extra":
        return f"the {v.detail} is wrong" if v.detail else "more than was asked"
    if v.detail == "weekday":
        return "wrong weekday"
    return _WHY_WRONG.get(v.reason.value, "")


def _show_verdict(a: Answered, session: Session, view: _View, scripted: bool = True) -> None:
    q = a.question
    if q.mode is not AnswerMode.SELF:
        if a.verdict is not None and a.verdict.almost:
            say("✓ Almost", fg="yellow", bold=True, end=f": {a.verdict.matched} (one letter off, rated Hard)")
        elif a.correct:
            note = _REASONS.get(a.verdict.reason.value, "") if a.verdict else ""
            say("✓ Right", fg="green", bold=True, end=f" ({note})" if note else "")
        else:
            typed = f" — you answered {a.answer!r}" if a.answer.strip() else ""
            why = _why_wrong(a)
            say("✗ Wrong", fg="red", bold=True, end=typed + (f" ({why})" if why else ""))
        _show_answer(q, session, view)
    if scripted or q.mode is AnswerMode.SELF:
        say(f"  Rated {int(a.rating)} {a.rating.label}{_next(a, session)}")
    _leech_note(a)


def _leech_note(a: Answered) -> None:
    if a.leech:
        say(f"  ⚠ Leech: failed {a.lapses} times. Left out from now on; quizgen leeches --reset {a.question.card.id} "
            "brings it back.", fg="yellow")


def _next(a: Answered, session: Session) -> str:
    if a.review is None:
        return " (cram: not recorded)"
    return f" → next {until(a.review.due, session.clock())} ({local(a.review.due)})"


def _show_summary(s: Summary, now: dt.datetime) -> None:
    say()
    acc = f" ({s.accuracy:.0%})" if s.accuracy is not None else ""
    say(f"Session over: {plural(s.cards, 'card')}, {plural(s.answered, 'answer')},"
        f" {s.correct} right{acc}." + (f" {s.remaining} not reached." if s.remaining else "")
        + (f" {s.buried} buried." if s.buried else ""))
    if s.missed:
        say(f"Missed ({len(s.missed)}):")
        for card in s.missed:
            say(f"  {_card_name(card.item)} → {card.item.answer.ja}")
    if s.leeches:
        say(f"New leeches ({len(s.leeches)}): " + ", ".join(c.id for c in s.leeches))
    if s.next_due is not None:
        say(f"Next card due {local(s.next_due)} ({until(s.next_due, now)}); {s.due_within_day} due within a day.")
