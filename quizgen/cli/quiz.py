"""`quizgen quiz`: a spaced-repetition session in the terminal.

Interactive (stdin is a terminal): type an answer and Enter; after the verdict,
Enter keeps the derived rating, 1-4 overrides it, `u` undoes, `q` quits.

Scripted (stdin is not a terminal): one line per question, nothing else is asked.
  <answer>   the answer (--choices: the option number; --self: your rating 1-4)
  !N         re-rate the previous answer with N (1 Again, 2 Hard, 3 Good, 4 Easy)
  u          undo the previous answer; its question is asked again
  q          end the session (so does the end of the input)
An empty line is an unanswered question (wrong, rated Again).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from quizgen.bank import Bank, Item, Selection
from quizgen.cli import cli
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
from quizgen.errors import UsageError
from quizgen.quiz.scheduling import DEFAULT_RETENTION, Scheduler
from quizgen.quiz.session import DEFAULT_NEW_PER_DAY, Answered, AnswerMode, AskAgain, Question, Session, Summary, build_queue
from quizgen.text import terminal_safe

_RERATE_RE = re.compile(r"!\s*([1-4])")
_RATING_HELP = "1 Again · 2 Hard · 3 Good · 4 Easy"


def day_start(now: dt.datetime) -> dt.datetime:
    """Local midnight at the start of `now`'s day, in UTC: the daily new-card limit resets then."""
    local = now.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)


# --------------------------------------------------------------------------- input


class _Input:
    """Reads lines from a terminal (with line editing) or, scripted, from stdin; None at the end.

    A line that is not UTF-8 (a Shift_JIS terminal, piped bytes) is refused with a message and read again;
    a closed stdin is the end of the input.
    """

    def __init__(self) -> None:
        stdin = sys.stdin
        self.closed = stdin is None
        self.tty = not self.closed and stdin.isatty()
        if not self.closed:
            with contextlib.suppress(AttributeError, ValueError):  # a replaced stdin may not reconfigure
                # undecodable bytes arrive as lone surrogates
                stdin.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
        if self.tty:
            with contextlib.suppress(ImportError):  # Windows has no readline
                import readline  # noqa: F401  (line editing for input(); wide characters erase correctly)

    def read(self, prompt: str) -> str | None:
        while True:
            line = self._read(prompt)
            if line is None or not _SURROGATE_RE.search(line):
                return line
            click.echo(_NOT_UTF8)

    def _read(self, prompt: str) -> str | None:
        if self.closed:
            return None
        if self.tty:
            try:
                return input(prompt)
            except EOFError:
                click.echo()
                return None
        line = sys.stdin.readline()
        if not line:
            return None
        line = line.rstrip("\r\n")
        click.echo(prompt + terminal_safe(_SURROGATE_RE.sub("\ufffd", line)))
        return line


def _say(text: str = "", *, end: str = "", **style: Any) -> None:
    """Print one line: file-borne text made harmless (`terminal_safe`), then styled unless NO_COLOR is set;
    `end` follows unstyled."""
    text = terminal_safe(text)
    if style and not os.environ.get("NO_COLOR"):
        text = click.style(text, **style)
    click.echo(text + terminal_safe(end))


_SURROGATE_RE = re.compile("[\udc80-\udcff]")
_NOT_UTF8 = ("  That line is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?). "
             "Nothing was recorded; type the answer again.")


# --------------------------------------------------------------------------- the command


@cli.command()
@bank_option
@selection_options
@db_option
@now_option
@click.option("--new", "new_per_day", type=click.IntRange(min=0), default=DEFAULT_NEW_PER_DAY, show_default=True,
              help="New cards per day.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Ask at most this many cards.")
@click.option("--cram", is_flag=True, help="Practise every selected card without changing the schedule.")
@click.option("--choices", is_flag=True, help="Multiple choice: pick 1-4.")
@click.option("--self", "self_graded", is_flag=True, help="Self-graded: see the answer, rate yourself 1-4.")
@click.option("--seed", type=int, default=None, help="Seed for the card order (deterministic sessions).")
@click.option("--retention", type=float, default=DEFAULT_RETENTION, show_default=True,
              help="Desired retention: the chance of recall FSRS aims for at each review (0.70-0.99).")
def quiz(bank_path: Path | None, selection: Selection, db_path: Path | None, now_text: str | None, new_per_day: int,
         limit: int | None, cram: bool, choices: bool, self_graded: bool, seed: int | None, retention: float) -> None:
    """Quiz yourself: due cards first, then new ones, scheduled with FSRS.

    Answer in Japanese (kanji or kana), romaji or English. After each answer, Enter
    keeps the rating (wrong: 1 Again, right: 3 Good), 1-4 changes it, u undoes it,
    q ends the session (so do Ctrl-C and Ctrl-D). Every answer is saved at once.

    With input from a pipe or file, each line answers one question; "!N" re-rates
    the previous answer, "u" undoes it, "q" quits. Example:

        printf 'しゅうきんぺい\\n!4\\nputin\\nq\\n' | quizgen quiz --seed 1
    """
    if choices and self_graded:
        raise UsageError("--choices and --self cannot be used together")
    mode = AnswerMode.CHOICES if choices else AnswerMode.SELF if self_graded else AnswerMode.TYPED
    scheduler = Scheduler(desired_retention=retention)
    fixed = parse_now(now_text) if now_text else None
    clock: Callable[[], dt.datetime] = (lambda: fixed) if fixed else (lambda: dt.datetime.now(dt.UTC))
    now = clock()
    rng = random.Random(seed)
    bank = load_bank_fast(bank_path)
    items = selection.take(bank)
    store = None if cram else open_store(db_path)
    try:
        cards = store.current() if store else {}
        new_today = store.new_since(day_start(now)) if store else 0
        queue = build_queue(items, cards, now, rng, new_today=new_today, new_per_day=new_per_day, limit=limit, cram=cram)
        session = Session(bank, list(queue), store, scheduler, rng, clock, mode, known=set(cards))
        _run(session, items, _Input())
    finally:
        if store:
            store.close()


def _run(session: Session, items: tuple[Item, ...], inp: _Input) -> None:
    n_due = sum(1 for i in session.queue if i.id in session.known)
    n_new = session.remaining - n_due
    what = "cram: nothing is recorded" if session.cram else f"{n_due} due, {n_new} new"
    _say(f"{plural(session.remaining, 'card')} ({what}). "
               + ("Rate yourself 1-4." if session.mode is AnswerMode.SELF else
                  "Pick 1-4." if session.mode is AnswerMode.CHOICES else
                  "Answer in Japanese, kana, romaji or English.") + " u undo · q quit")
    if not session.remaining:
        _say(_nothing_due(items))
    try:
        _loop(session, inp)
    except KeyboardInterrupt:
        _say()
    _show_summary(session.summary(), session.clock())


def _nothing_due(items: tuple[Item, ...]) -> str:
    if not items:
        return "No items match the filters."
    return "Nothing is due and no new cards are left for today. Try --new N for more, or --cram to practise."


def _loop(session: Session, inp: _Input) -> None:
    shown: Question | None = None
    while (q := session.next()) is not None:
        if q is not shown:
            _show_question(q, session)
            shown = q
        line = _read_answer(q, session, inp)
        if line is None:
            return
        action = _command(session, line.strip().lower()) or _respond(q, session, inp, line)
        if action == "q":
            return
        if action == "u":
            shown = None


def _read_answer(q: Question, session: Session, inp: _Input) -> str | None:
    """The learner's line for `q`; None to end the session. Self mode at a terminal shows the answer first."""
    if q.mode is not AnswerMode.SELF or not inp.tty:
        return inp.read("> ")
    line = inp.read("Enter shows the answer (u undo, q quit) ")
    if line is None or line.strip().lower() == "q":
        return None
    if line.strip().lower() == "u":
        return line
    _show_answer(q, session.bank)
    rating = _read_rating(inp, "How well did you know it? " + _RATING_HELP + ": ")
    return None if rating is None or rating == "q" else rating


def _command(session: Session, cmd: str) -> str | None:
    """q (quit), u (undo) or !N (re-rate the last answer): what was done, or None when `cmd` is an answer."""
    if cmd in ("q", "u"):
        if cmd == "u":
            _undo(session)
        return cmd
    if (m := _RERATE_RE.fullmatch(cmd)) is not None:
        _rerate(session, int(m.group(1)))
        return "!"
    return None


def _respond(q: Question, session: Session, inp: _Input, line: str) -> str:
    """Judge or grade `line`, show the verdict, and (at a terminal) take the learner's next step: "", "q" or "u"."""
    cmd = line.strip().lower()
    try:
        if q.mode is AnswerMode.SELF:
            if cmd not in ("1", "2", "3", "4"):
                _say(f"  Rate yourself: {_RATING_HELP}.")
                return ""
            if not inp.tty:
                _show_answer(q, session.bank)
            a = session.grade(int(cmd))
        else:
            a = session.answer(line)
    except AskAgain as exc:  # e.g. "7" in choices mode
        _say(f"  {exc}")
        return ""
    _show_verdict(a, session)
    if inp.tty and q.mode is not AnswerMode.SELF:
        return _after_answer(session, inp, a)
    return ""


def _read_rating(inp: _Input, prompt: str) -> str | None:
    while True:
        line = inp.read(prompt)
        if line is None:
            return None
        cmd = line.strip().lower()
        if cmd in ("1", "2", "3", "4", "q"):
            return cmd
        _say(f"  {_RATING_HELP}, or q to quit.")


def _after_answer(session: Session, inp: _Input, a: Answered) -> str:
    """Interactive only: Enter keeps the rating, 1-4 changes it, u undoes, q quits."""
    while True:
        line = inp.read(f"[Enter] keep {int(a.rating)} {a.rating.label} · change: {_RATING_HELP} · u undo · q quit ")
        if line is None:
            return "q"
        cmd = line.strip().lower().lstrip("!")
        if cmd == "":
            return ""
        if cmd in ("q", "u"):
            if cmd == "u":
                _undo(session)
            return cmd
        if cmd in ("1", "2", "3", "4"):
            _rerate(session, int(cmd))
            return ""
        _say("  Press Enter, 1-4, u or q.")


def _undo(session: Session) -> None:
    q = session.undo()
    if q is None:
        _say("  Nothing to undo.")
    else:
        _say(f"  ↶ Undone{'' if session.cram else ' (its review is withdrawn)'}: asking again.")


def _rerate(session: Session, rating: int) -> None:
    try:
        a = session.rerate(rating)
    except AskAgain as exc:
        _say(f"  {exc}")
        return
    _say(f"  Re-rated {a.question.item.answer.ja}: {int(a.rating)} {a.rating.label}{_next(a, session)}")


# --------------------------------------------------------------------------- display


def _show_question(q: Question, session: Session) -> None:
    item = q.item
    tag = "new" if q.is_new else "again" if q.is_repeat else "review"
    left = session.remaining
    _say()
    _say(f"[{q.number}] {item.category.label.ja} {item.category.label.en} · {tag}" + (f" · {left} more" if left else ""),
         dim=True)
    _say(f"  {item.prompt.ja}", bold=True)
    _say(f"  {item.prompt.en}")
    if q.choice is not None:
        for n, opt in enumerate(q.choice.options, 1):
            _say(f"   {n}) {opt.ja}" + (f"  ({opt.en})" if opt.en != opt.ja else ""))


def _answer_line(item: Item) -> str:
    reading = f"({item.reading})" if item.reading else ""
    en = f" · {item.answer.en}" if item.answer.en != item.answer.ja else ""
    return f"{item.answer.ja}{reading}{en}"


def _show_answer(q: Question, bank: Bank) -> None:
    from quizgen.citations import citation, dated, outside_note

    item = q.item
    _say(f"  Answer: {_answer_line(item)}")
    when = dated(bank, item)
    if when is not None:
        _say(f"  Date: {when.ja} · {when.en}")
    _say(f"  {item.explanation.ja}")
    _say(f"  {item.explanation.en}")
    if item.context is not None:
        _say(f"  {outside_note(item.context).en}")
    for line in citation(bank, item).ja.splitlines():
        _say(f"  Source: {line}", dim=True)


_REASONS = {"reading": "by its reading", "title": "title set aside", "same-role": "same role", "typo": "one typo forgiven",
            "both-forms": "both forms"}


def _show_verdict(a: Answered, session: Session) -> None:
    q = a.question
    if q.mode is not AnswerMode.SELF:
        if a.correct:
            note = _REASONS.get(a.verdict.reason.value, "") if a.verdict else ""
            _say("✓ Right", fg="green", bold=True, end=f" ({note})" if note else "")
        else:
            typed = f" — you answered {a.answer!r}" if a.answer.strip() else ""
            _say("✗ Wrong", fg="red", bold=True, end=typed)
        _show_answer(q, session.bank)
    _say(f"  Rated {int(a.rating)} {a.rating.label}{_next(a, session)}")


def _next(a: Answered, session: Session) -> str:
    if a.review is None:
        return " (cram: not recorded)"
    return f" → next {until(a.review.due, session.clock())} ({local(a.review.due)})"


def _show_summary(s: Summary, now: dt.datetime) -> None:
    _say()
    acc = f" ({s.accuracy:.0%})" if s.accuracy is not None else ""
    _say(f"Session over: {plural(s.cards, 'card')}, {plural(s.answered, 'answer')},"
               f" {s.correct} right{acc}." + (f" {s.remaining} not reached." if s.remaining else ""))
    if s.next_due is not None:
        _say(f"Next card due {local(s.next_due)} ({until(s.next_due, now)}); {s.due_within_day} due within a day.")

