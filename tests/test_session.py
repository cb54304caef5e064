"""quizgen.quiz.session: queue building, judging, derived ratings, re-rating, undo, learning steps, cram."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizgen.bank import Bank, load_bank
from quizgen.quiz.cards import CardKey, QuizCard
from quizgen.quiz.scheduling import Rating, Scheduler, State
from quizgen.quiz.session import (
    LEECH_LAPSES,
    MAX_REPEATS,
    AnswerMode,
    AskAgain,
    Session,
    build_queue,
    choice_index,
    derived_rating,
    plan_queue,
    truth_value,
)
from quizgen.quiz.store import CurrentCard, Store

BANK_DIR = Path(__file__).parent / "data" / "quiz" / "bank"
T0 = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(BANK_DIR)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "r.db")


def session(bank: Bank, store: Store | None, mode: AnswerMode = AnswerMode.TYPED, seed: int = 1,
            ids: tuple[str, ...] = ()) -> Session:
    items: list[QuizCard | CardKey] = [QuizCard(bank.item_by_id[i]) for i in ids] if ids else \
        [QuizCard(i) for i in bank.items]
    return Session(bank, items, store, Scheduler(fuzz=False), random.Random(seed), lambda: T0, mode)


def current_card(item_id: str, due: dt.datetime) -> CurrentCard:
    return CurrentCard(item_id, 1, due, State.REVIEW, "{}")


def test_due_cards_come_first_then_new_up_to_the_daily_allowance(bank: Bank) -> None:
    items = bank.items
    cards = {"t-host": current_card("t-host", T0 - dt.timedelta(days=1)),
             "t-forum": current_card("t-forum", T0 + dt.timedelta(days=1))}
    q = build_queue(items, cards, T0, random.Random(0), new_per_day=2)
    assert q[0].id == "t-host"
    assert len(q) == 3 and all(i.id not in cards for i in q[1:])
    assert [i.id for i in build_queue(items, cards, T0, random.Random(0), new_today=2, new_per_day=2)] == ["t-host"]
    assert len(build_queue(items, cards, T0, random.Random(0), new_per_day=10)) == 4  # t-forum is not due
    assert len(build_queue(items, cards, T0, random.Random(0), limit=2)) == 2


def test_queue_order_is_seeded(bank: Bank) -> None:
    def ids(seed: int) -> list[str]:
        return [i.id for i in build_queue(bank.items, {}, T0, random.Random(seed))]

    assert ids(3) == ids(3)
    assert len({tuple(ids(s)) for s in range(10)}) > 1


def test_cram_takes_everything(bank: Bank) -> None:
    cards = {i.id: current_card(i.id, T0 + dt.timedelta(days=9)) for i in bank.items}
    assert build_queue(bank.items, cards, T0, random.Random(0)) == ()
    assert len(build_queue(bank.items, cards, T0, random.Random(0), cram=True)) == len(bank.items)


def test_derived_rating() -> None:
    assert derived_rating(True) is Rating.GOOD
    assert derived_rating(False) is Rating.AGAIN


@pytest.mark.parametrize(("text", "want"), [("1", 0), ("4", 3), ("２", 1), (" c ", 2), ("B", 1), ("2)", 1),
                                            ("5", None), ("0", None), ("e", None), ("", None), ("12項目", None)])
def test_choice_index(text: str, want: int | None) -> None:
    assert choice_index(text, 4) == want


@given(st.text())
def test_choice_index_is_none_or_in_range(text: str) -> None:
    got = choice_index(text, 4)
    assert got is None or 0 <= got < 4


def test_typed_answers_are_judged_and_committed(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-visitor", "t-peace-plan-points"))
    assert s.next() is not None
    a = s.answer("shuukinpei")  # romaji for the reading しゅうきんぺい
    assert (a.correct, a.rating) == (True, Rating.GOOD)
    assert store.count() == 1  # committed before the next question
    s.next()
    b = s.answer("13")
    assert (b.correct, b.rating) == (False, Rating.AGAIN)
    assert [(r.item_id, r.rating, r.correct, r.answer, r.mode) for r in store.reviews()] == [
        ("t-visitor", Rating.GOOD, True, "shuukinpei", "typed"), ("t-peace-plan-points", Rating.AGAIN, False, "13", "typed")]


def test_another_items_answer_is_wrong_but_this_items_aliases_are_not_others(bank: Bank) -> None:
    s = session(bank, None)
    visitor = bank.item_by_id["t-visitor"]
    assert "プーチン" in s.others(visitor)
    assert "習近平" not in s.others(visitor)
    q = s.next()
    assert q is not None


def test_learning_cards_come_back_and_undo_restores_the_queue(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-host", "t-forum"))
    q1 = s.next()
    assert q1 is not None and q1.item.id == "t-host" and q1.is_new
    s.answer("lavrov")  # wrong: Again, due in 1 minute, so it is asked again this session
    assert [i.id for i in s.queue] == ["t-forum", "t-host"]
    s.rerate(Rating.EASY)  # now a review card, due in days: not asked again
    assert [i.id for i in s.queue] == ["t-forum"]
    assert store.current()["t-host"].state is State.REVIEW
    q2 = s.next()
    assert q2 is not None and q2.item.id == "t-forum"
    again = s.undo()  # undo while t-forum is waiting: t-host is asked again, t-forum goes back
    assert again is not None and again.item.id == "t-host"
    assert store.current() == {} and store.count() == 0
    assert s.next() is again
    s.answer("ぷーちん")
    assert [i.id for i in s.queue] == ["t-forum", "t-host"]  # Good from new: learning step in 10 min
    q = s.next()
    assert q is not None and q.item.id == "t-forum"
    s.answer("SCO")
    q = s.next()
    assert q is not None and q.item.id == "t-host" and q.is_repeat and not q.is_new
    s.answer("Putin")  # second Good: graduates to review, not asked again
    q = s.next()
    assert q is not None and q.item.id == "t-forum"  # its own learning step
    s.answer("上海協力機構")
    assert s.next() is None
    summary = s.summary()
    assert (summary.answered, summary.correct, summary.cards, summary.remaining) == (4, 4, 2, 0)
    assert summary.next_due == min(c.due for c in store.current().values()) > T0 + dt.timedelta(days=1)
    assert [r.prior_state for r in store.reviews() if r.item_id == "t-host"] == [State.NEW, State.LEARNING]


def test_undo_with_nothing_answered_and_rerate_with_nothing(bank: Bank) -> None:
    s = session(bank, None)
    assert s.undo() is None
    with pytest.raises(AskAgain, match="nothing to re-rate yet"):
        s.rerate(3)
    s.next()
    s.answer("x")
    with pytest.raises(AskAgain, match=r"a rating is 1 \(Again\), 2 \(Hard\), 3 \(Good\) or 4 \(Easy\), not 7"):
        s.rerate(7)


def test_cram_writes_nothing_and_retries_wrong_answers(bank: Bank, store: Store) -> None:
    s = session(bank, None, ids=("t-host",))
    s.next()
    a = s.answer("ラブロフ")
    assert a.review is None and not a.correct
    assert [i.id for i in s.queue] == ["t-host"]
    s.next()
    s.answer("プーチン大統領")
    assert s.next() is None
    assert s.summary().next_due is None
    assert store.count() == 0


def test_choices_mode(bank: Bank, store: Store) -> None:
    s = session(bank, store, AnswerMode.CHOICES, ids=("t-peace-plan-points",))
    q = s.next()
    assert q is not None and q.choice is not None and len(q.choice.options) == 4
    with pytest.raises(AskAgain, match="type a number from 1 to 4"):
        s.answer("9")
    wrong = next(n for n in range(4) if n != q.choice.answer_index)
    a = s.answer(str(wrong + 1))
    assert not a.correct and a.answer == q.choice.options[wrong].ja
    assert store.reviews()[0].mode == "choices"


def test_choices_mode_falls_back_to_typed_without_enough_distractors(bank: Bank) -> None:
    s = session(bank, None, AnswerMode.CHOICES, ids=("t-forum",))  # forum pool: SCO, BRICS, G20, UNSC -> 3 distractors
    q = s.next()
    assert q is not None and q.mode is AnswerMode.CHOICES
    s2 = Session(Bank(bank.sources, bank.entities[:1], bank.items[:1]), [QuizCard(bank.items[0])], None, Scheduler(fuzz=False),
                 random.Random(0), lambda: T0, AnswerMode.CHOICES)
    q2 = s2.next()
    assert q2 is not None and q2.mode is AnswerMode.TYPED and q2.choice is None


def test_self_graded(bank: Bank, store: Store) -> None:
    s = session(bank, store, AnswerMode.SELF, ids=("t-forum",))
    s.next()
    with pytest.raises(AskAgain, match="self-graded mode: rate with 1-4"):
        s.answer("SCO")
    a = s.grade(Rating.HARD)
    assert (a.correct, a.rating) == (True, Rating.HARD)
    assert store.reviews()[0].mode == "self"


# --------------------------------------------------------------------------- no loops (issue 15)


def _answer_until_done(s: Session, typed: str, cap: int = 200) -> int:
    answers = 0
    while answers < cap and s.next() is not None:
        s.answer(typed)
        answers += 1
    return answers


def test_a_card_failed_again_and_again_comes_back_at_most_twice_in_a_session(bank: Bank, store: Store) -> None:
    """The looping session: two cards failed every time came back every 10 minutes, 200 answers on 2 cards."""
    s = session(bank, store, ids=("t-host", "t-visitor"))
    assert _answer_until_done(s, "wrong") == 2 * (1 + MAX_REPEATS) == 6
    assert s.summary().answered == 6


def test_the_looping_session_ends_on_the_command_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from quizgen.cli import cli

    res = CliRunner().invoke(cli, ["quiz", "--bank", str(BANK_DIR), "--db", str(tmp_path / "r.db"), "--now",
                                   "2025-03-01T09:00", "--seed", "1", "--limit", "2"], input="x\n" * 200,
                             env={"QUIZGEN_CACHE_DIR": ""}, catch_exceptions=False)
    assert "Session over: 2 cards, 6 answers, 0 right (0%)." in res.output


def test_eight_lapses_make_a_leech_that_is_left_out(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-host",))
    s.next()
    s.answer("wrong")  # the first answer: not a lapse
    for n in range(1, LEECH_LAPSES + 1):
        if not s.queue and s._current is None:  # the session's repeats are used up: a new sitting
            s.queue.append(QuizCard(bank.item_by_id["t-host"]))
            s._asks.clear()
        q = s.next()
        assert q is not None
        a = s.answer("wrong")
        assert a.lapses == n and a.leech == (n >= LEECH_LAPSES)
    assert s.next() is None  # a leech does not come back
    assert store.lapses() == {"t-host": LEECH_LAPSES}
    assert s.summary().leeches == (QuizCard(bank.item_by_id["t-host"]),)
    queue = build_queue(bank.items, store.current(), T0 + dt.timedelta(days=30), random.Random(0),
                        exclude={"t-host"}, new_per_day=0)
    assert "t-host" not in [c.id for c in queue]


def test_i_was_right_counts_as_right_and_rates_good(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-forum",))
    s.next()
    a = s.answer("上海協力")  # judged wrong
    assert not a.correct and a.rating is Rating.AGAIN
    b = s.overrule()
    assert (b.correct, b.rating, b.overruled) == (True, Rating.GOOD, True)
    assert s.summary().correct == 1
    assert [(r.rating, r.correct) for r in store.reviews()] == [(Rating.GOOD, True)]
    with pytest.raises(AskAgain, match="already counts as right"):
        s.overrule()


def test_one_typo_is_right_but_rated_hard(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-forum",))
    s.next()
    a = s.answer("Shanghai Cooperation Organisaton")
    assert a.correct and a.rating is Rating.HARD and a.verdict is not None and a.verdict.almost


def test_bury_skips_the_card_until_the_given_time(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-host", "t-forum"))
    q = s.next()
    assert q is not None and q.card.id == "t-host"
    s.bury(T0 + dt.timedelta(hours=15))
    q = s.next()
    assert q is not None and q.card.id == "t-forum"
    assert store.buried(T0) == {"t-host"} and store.count() == 0
    assert s.summary().buried == 1


def test_the_countdown_never_grows_by_answering(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-host", "t-forum", "t-visitor"))
    shown = []
    while s.next() is not None:
        shown.append(s.left)
        s.answer("wrong")
    assert shown == sorted(shown, reverse=True) and shown[0] == 3


def test_interval_preview_gives_each_rating_its_wait(bank: Bank, store: Store) -> None:
    s = session(bank, store, ids=("t-host",))
    s.next()
    a = s.answer("プーチン")
    preview = s.preview(a)
    assert list(preview) == list(Rating)
    assert preview[Rating.AGAIN] < preview[Rating.GOOD] < preview[Rating.EASY]
    assert a.review is not None and a.review.due - T0 == preview[Rating.GOOD]


def test_cloze_and_true_false_are_cards_of_their_own(bank: Bank, store: Store) -> None:
    import dataclasses

    from quizgen.bank.model import Text
    from quizgen.quiz.cards import CardForm, cards_for

    item = dataclasses.replace(bank.item_by_id["t-forum"], cloze=Text("中ロは[[上海協力機構]]に加盟している。", "x [[SCO]]"),
                               statement=Text("中ロは上海協力機構に加盟している。", "t"),
                               false_statement=Text("中ロはNATOに加盟している。", "f"))
    cards = cards_for([item], tuple(CardForm))
    assert [c.id for c in cards] == ["t-forum", "t-forum#cloze", "t-forum#truefalse"]
    s = Session(bank, list(cards[1:]), store, Scheduler(fuzz=False), random.Random(1), lambda: T0)
    q = s.next()
    assert q is not None and q.form is CardForm.CLOZE
    assert s.answer("しゃんはいきょうりょくきこう").correct
    q = s.next()
    assert q is not None and q.statement is not None
    with pytest.raises(AskAgain, match="answer t"):
        s.answer("maybe")
    assert s.answer("○" if q.statement.is_true else "×").correct
    assert [r.item_id for r in store.reviews()] == ["t-forum#cloze", "t-forum#truefalse"]


def test_an_item_asked_as_true_false_has_its_true_false_card_as_its_main_card(store: Store) -> None:
    from quizgen.quiz.cards import CardForm, cards_for, main_card

    tf_bank = load_bank(BANK_DIR.parent / "truefalse")
    item = tf_bank.item_by_id["t-no-military-support"]
    assert [(c.id, c.form) for c in cards_for(tf_bank.items, tuple(CardForm))] == [
        ("t-no-military-support", CardForm.TRUEFALSE),  # the item's id: a history kept under it goes on
        ("t-lavrov", CardForm.ANSWER), ("t-lavrov#truefalse", CardForm.TRUEFALSE)]
    assert main_card(item) == QuizCard(item, CardForm.TRUEFALSE)
    # a card reviewed before the item was asked as true/false is due: it comes back as the true/false card
    (card,) = build_queue([item], {item.id: current_card(item.id, T0 - dt.timedelta(days=1))}, T0, random.Random(0))
    assert (card.id, card.form) == (item.id, CardForm.TRUEFALSE)
    words = {True: ["t", "T", "true", "True", "ＴＲＵＥ", "○", "〇", "はい", "正", "正しい", "y", "yes"],
             False: ["f", "F", "false", "False", "×", "x", "いいえ", "誤", "誤り", "n", "no"]}
    shown = set()
    for seed in range(8):  # both statements are asked, and every spelling of true and false is judged by its truth
        s = Session(tf_bank, [main_card(item)], None, Scheduler(fuzz=False), random.Random(seed), lambda: T0)
        q = s.next()
        assert q is not None and q.statement is not None and q.card.id == item.id
        shown.add(q.statement.is_true)
        assert all(s.judge(q, w)[0] is (truth is q.statement.is_true) for truth, ws in words.items() for w in ws)
    assert shown == {True, False}
    s = Session(tf_bank, [main_card(item)], store, Scheduler(fuzz=False), random.Random(0), lambda: T0)
    q = s.next()
    assert q is not None and q.statement is not None
    assert s.answer("○" if q.statement.is_true else "×").correct
    assert [r.item_id for r in store.reviews()] == [item.id]


@pytest.mark.parametrize(("text", "want"), [("t", True), ("○", True), ("はい", True), ("Ｔ", True), ("f", False),
                                            ("×", False), ("いいえ", False), ("x", False), ("maybe", None), ("", None)])
def test_truth_value(text: str, want: bool | None) -> None:
    assert truth_value(text) is want


def test_catch_up_throttle_holds_new_cards_back_while_the_backlog_is_big(bank: Bank) -> None:
    cards = {i.id: current_card(i.id, T0 - dt.timedelta(days=1)) for i in bank.items[:3]}
    plan = plan_queue(bank.items, cards, T0, random.Random(0), backlog=2)
    assert plan.held_new and plan.due == 3 and {c.id for c in plan.cards} == set(cards)
    plan = plan_queue(bank.items, cards, T0, random.Random(0), backlog=3)
    assert not plan.held_new and len(plan.cards) == len(bank.items)


def test_an_invisible_character_typed_with_an_answer_is_no_part_of_it(bank: Bank) -> None:
    """Hostile pass 14: 「外\u200b相」 or a bidi control before the answer was judged Wrong with no word why."""
    s = session(bank, None, ids=("t-visitor",))
    q = s.next()
    assert q is not None
    assert s.judge(q, "shuukinpei")[0]
    assert s.judge(q, "shuu\u200bkinpei")[0] and s.judge(q, "\u202eshuukinpei")[0]
    assert not s.judge(q, "\u200b")[0]
