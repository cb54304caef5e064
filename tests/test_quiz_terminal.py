"""The quiz as a learner uses it in a terminal (a real pseudo-terminal) and in scripts: single-key rating, "I was
right", leeches, bury, hints, the English on request, forms, colours, wrapping, explained verdicts."""

from __future__ import annotations

import datetime as dt
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fsrs import Card

from quizgen.cli import cli
from quizgen.cli.terminal import display_width, wrap
from quizgen.quiz.scheduling import Rating, Scheduler
from quizgen.quiz.session import LEECH_LAPSES
from quizgen.quiz.store import Store

BANK = Path(__file__).parent / "data" / "quiz" / "bank"
NOW = "2025-03-01T09:00"
T0 = dt.datetime(2025, 3, 1, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QUIZGEN_DB", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def run(args: list[str], input: str, db: Path, now: str = NOW, **kw: object) -> Result:
    base = ["--bank", str(BANK), "--now", now, "--db", str(db)]
    return CliRunner().invoke(cli, [args[0], *base, *args[1:]], input=input, catch_exceptions=False, **kw)  # type: ignore[arg-type]


def ratings(db: Path) -> list[tuple[str, Rating, bool | None]]:
    with Store(db) as store:
        return [(r.item_id, r.rating, r.correct) for r in store.reviews()]


# --------------------------------------------------------------------------- a real terminal


class _Pty:
    """`quizgen quiz` on a pseudo-terminal, typed at as a person types."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        master, slave = pty.openpty()
        env = {**os.environ, "QUIZGEN_CACHE_DIR": str(tmp_path / "cache"), "TZ": "UTC", "NO_COLOR": "1",
               "COLUMNS": "200", "LINES": "50", "TERM": "dumb"}
        self.proc = subprocess.Popen([sys.executable, "-m", "quizgen", "quiz", "--bank", str(BANK), *args],
                                     stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
        os.close(slave)
        self.fd = master
        self.seen = ""

    def expect(self, text: str, timeout: float = 30) -> str:
        end = time.monotonic() + timeout
        while text not in self.seen:
            left = end - time.monotonic()
            assert left > 0, f"never saw {text!r}; screen so far:\n{self.seen[-2000:]}"
            if select.select([self.fd], [], [], left)[0]:
                try:
                    self.seen += os.read(self.fd, 4096).decode("utf-8", "replace")
                except OSError:  # the process ended
                    break
        assert text in self.seen, self.seen[-2000:]
        before, _, self.seen = self.seen.partition(text)
        return before

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode("utf-8"))

    def close(self) -> int:
        code = self.proc.wait(30)
        os.close(self.fd)
        return code


def test_a_rating_is_one_key_without_enter_and_full_width_commands_work(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    t = _Pty(tmp_path, "--db", str(db), "--seed", "1", "--now", NOW, "--limit", "3")
    t.expect("> ")
    t.type("12\r")  # right: 12項目
    t.expect("[Enter] keep 3 Good · 1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 8d · u undo · q quit ")
    t.type("４")  # one key (full-width, from an IME), no Enter: Easy
    t.expect("Re-rated 12項目: 4 Easy")
    t.expect("> ")
    t.type("2023年3月20日\r")  # the next answer is not glued to the rating (was "42023年…")
    t.expect("✓ Right")
    t.expect("quit ")
    t.type("\r")  # Enter keeps 3 Good
    t.expect("> ")
    t.type("上海きょうりょく\r")  # wrong (half the name)
    t.expect("✗ Wrong")
    t.expect("! I was right")
    t.type("!")
    t.expect("✓ You were right: counted as right, re-rated 3 Good")
    t.expect("> ")
    t.type("ｑ\r")  # full-width q ends the session
    t.expect("Session over: 3 cards, 3 answers, 3 right (100%).")
    assert t.close() == 0
    assert ratings(db) == [("t-peace-plan-points", Rating.EASY, True), ("t-summit-date", Rating.GOOD, True),
                           ("t-forum", Rating.GOOD, True)]


# --------------------------------------------------------------------------- scripted sessions


def test_i_was_right_counts_in_the_summary_and_in_stats(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    res = run(["quiz", "--seed", "1", "--limit", "1"], "12個\n!\n", db)
    assert "✗ Wrong — you answered '12個' (right number, wrong counter)" in res.output
    assert "> !\n  ✓ You were right: counted as right, re-rated 3 Good → next in 10 min" in res.output
    assert "Session over: 1 card, 1 answer, 1 right (100%)." in res.output
    assert "Accuracy by category:\n  Positions  100% (1/1)  立場" in run(["stats"], "", db).output


def test_wrong_verdicts_say_why(tmp_path: Path) -> None:
    res = run(["quiz", "--cram", "--seed", "1"], "たぶん12\n2023年3月\nSCO、BRICS\n習近平大統領\n習近平\n", tmp_path / "r.db")
    out = res.output
    assert "✗ Wrong — you answered 'たぶん12' (hedged: give one answer, without たぶん, かな or ?)" in out
    assert "✗ Wrong — you answered '2023年3月' (day missing)" in out
    assert "✗ Wrong — you answered 'SCO、BRICS' (two answers: give one)" in out
    assert "✗ Wrong — you answered '習近平大統領' (wrong title)" in out
    assert "✗ Wrong — you answered '習近平' (that is another question's answer)" in out


def test_a_typo_is_almost_and_rated_hard(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    res = run(["quiz", "--seed", "1", "--limit", "3"], "12\n2023/3/20\nShanghai Cooperation Organisaton\n", db)
    assert "✓ Almost: Shanghai Cooperation Organisation (one letter off, rated Hard)" in res.output
    assert ratings(db)[-1] == ("t-forum", Rating.HARD, True)


def test_leeches_are_left_out_listed_and_reset(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    sched = Scheduler(fuzz=False)
    with Store(db) as store:
        for n in range(LEECH_LAPSES + 1):
            at = T0 - dt.timedelta(days=20 - n)

            def again(prev: Card | None, at: dt.datetime = at) -> Card:
                return sched.review(prev or sched.new_card("t-host", at), 1, at)

            store.add_review("t-host", Rating.AGAIN, at, again, correct=False)
    res = run(["quiz", "--seed", "1", "--new", "0"], "", db)
    assert "1 leech left out (failed 8 times): see quizgen leeches." in res.output
    assert "t-host" not in res.output and "0 cards" in res.output
    listing = run(["leeches"], "", db).output
    assert listing.startswith("1 leech (failed 8 times or more; left out of the quiz).\n  t-host ")
    assert "8 lapses" in listing
    assert "Leeches: 1 (failed 8 times, left out of the quiz; see quizgen leeches)" in run(["stats"], "", db).output
    bad = run(["leeches", "--reset", "t-forum"], "", db)
    assert (bad.exit_code, bad.output) == (2, "Error: not a leech: t-forum (quizgen leeches lists them)\n")
    assert run(["leeches", "--reset", "t-host"], "", db).output == "Reset t-host: it is asked again when due.\n"
    back = run(["quiz", "--seed", "1", "--new", "0"], "q\n", db)
    assert back.output.startswith("1 card (1 due, 0 new).")


def test_a_card_failed_in_session_after_session_becomes_a_leech(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    out = ""
    for day in range(4):
        out = run(["quiz", "--seed", "1", "--limit", "1", "--new", "1"], "x\n" * 5, db,
                  now=f"2025-03-0{day + 1}T09:00").output
        if "Leech" in out:
            break
    assert "⚠ Leech: failed 8 times. Left out from now on; quizgen leeches --reset t-peace-plan-points brings it back." in out
    assert "New leeches (1): t-peace-plan-points" in out


def test_bury_hides_a_card_until_tomorrow(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    res = run(["quiz", "--seed", "1", "--limit", "2"], "b\n2023/3/20\n", db)
    assert "> b\n  Buried until tomorrow (2025-03-02 00:00): 中国が提案したウクライナ和平案は何項目から…\n" in res.output
    assert "Session over: 1 card, 1 answer, 1 right (100%). 1 buried." in res.output
    later = run(["quiz", "--seed", "1", "--new", "10"], "q\n", db, now="2025-03-01T18:00").output
    assert later.startswith("4 cards (1 due, 3 new).")  # the buried card is not among them
    tomorrow = run(["quiz", "--seed", "1", "--new", "10"], "q\n", db, now="2025-03-02T09:00").output
    assert tomorrow.startswith("5 cards (1 due, 4 new).")


def test_hint_english_and_japanese_only_display(tmp_path: Path) -> None:
    res = run(["quiz", "--cram", "--seed", "1", "--lang", "ja", "--limit", "1"], "h\ne\n12\n", tmp_path / "r.db")
    out = res.output
    assert "How many points" not in out.split("> e")[0]  # --lang ja: no English until asked
    assert "> h\n  Hint: reading starts じ… · 1… (4 characters)\n" in out
    assert "> e\n  How many points does China's Ukraine peace plan have?\n" in out
    assert "  Answer: 12項目(じゅうにこうもく)\n" in out


def test_missed_cards_are_listed_at_the_end(tmp_path: Path) -> None:
    res = run(["quiz", "--seed", "1", "--limit", "2"], "13\n2023/3/20\n", tmp_path / "r.db")
    assert "Missed (1):\n  中国が提案したウクライナ和平案は何項目から… → 12項目\n" in res.output


def test_forms_ask_cloze_and_true_false_as_cards_of_their_own(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    res = run(["quiz", "--seed", "4", "--category", "forums", "--forms", "cloze,truefalse"],
              "t\nしゃんはいきょうりょくきこう\nSCO\nq\n", db)
    assert res.output.startswith("3 cards (0 due, 3 new).")
    assert "  中国とロシアは［＿＿＿］でともに協力している。\n" in res.output
    assert "  ○か×か: 中国とロシアはともに" in res.output
    assert sorted(i for i, _, _ in ratings(db)) == ["t-forum", "t-forum#cloze", "t-forum#truefalse"]
    bad = run(["quiz", "--forms", "essay"], "", db)
    assert (bad.exit_code, bad.output) == (2, "Error: --forms takes cloze, truefalse or all, not essay\n")


def test_an_item_asked_as_true_false_is_a_true_false_card_under_its_own_id(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    tf_bank = ["--bank", str(BANK.parent / "truefalse")]
    res = run(["quiz", *tf_bank, "--seed", "4", "--lang", "ja"], "らぶろふ\nはい\nq\n", db)
    assert res.output.startswith("2 cards (0 due, 2 new).")
    assert ("[2] 立場 Positions · true/false · new · 2 left\n"
            "  ○か×か: 2024年の報道によれば、中国はロシアに直接的な軍事支援を行っている。\n"
            "> はい\n✗ Wrong — you answered 'はい'\n"
            "  True/false: × 誤り (false)\n"
            "  正しくは: 2024年の報道によれば、中国はロシアへの直接的な軍事支援を控えている。\n"
            "  中国は紛争における中立を主張している。\n") in res.output  # its yes/no question and answer are not shown
    assert ratings(db) == [("t-lavrov", Rating.GOOD, True), ("t-no-military-support", Rating.AGAIN, False)]
    # --forms adds no second card to it (no cloze, no "#truefalse"); the other item gets its forms
    res = run(["quiz", *tf_bank, "--forms", "all", "--cram"], "q\n", db)
    assert res.output.startswith("3 cards (cram: nothing is recorded).")


def test_catch_up_throttle(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    run(["quiz", "--seed", "1", "--new", "3"], "12\n2023/3/20\nSCO\n", db)
    res = run(["quiz", "--seed", "1", "--backlog", "2"], "q\n", db, now="2025-03-10T09:00")
    assert res.output.startswith("3 cards (3 due, 0 new).")
    assert "Catching up: 3 cards are due, so no new cards until at most the backlog limit are (--backlog)." in res.output


def test_no_color_turns_colours_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    coloured = run(["quiz", "--cram", "--seed", "1", "--limit", "1"], "12\n", tmp_path / "r.db", color=True).output
    assert "\x1b[32m\x1b[1m✓ Right" in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    plain = run(["quiz", "--cram", "--seed", "1", "--limit", "1"], "12\n", tmp_path / "r.db", color=True).output
    assert "\x1b" not in plain and "✓ Right" in plain


def test_wrapping_keeps_words_whole_and_never_starts_a_line_with_closing_punctuation() -> None:
    text = "  Article 004 ends with “Reference(s): Top Chinese diplomat holds strategic dialogue with Russia's Shoigu”."
    lines = wrap(text, 40)
    assert all(display_width(ln) <= 40 for ln in lines) and all(ln.startswith("  ") for ln in lines)
    assert " ".join(ln.strip() for ln in lines) == text.strip()
    ja = "  記事001には「中国は停戦案を提示しているものの、西側諸国からはあまり歓迎されていない。」とある。"
    lines = wrap(ja, 30)
    assert all(display_width(ln) <= 34 for ln in lines)  # closing marks (。」) may hang over
    assert not any(re.match(r"\s*[。、」]", ln) for ln in lines)
    assert "".join(ln.strip() for ln in lines) == ja.strip()
