"""`quizgen review`: go through the drafts of an article and decide on each, in Japanese.

Every decision is written as it is made (see `quizgen.extract.review`): Ctrl-C or the end of input
stops the review with nothing lost, and `quizgen review FILE` resumes at the first undecided draft.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quizgen import resources
from quizgen.atomic import write_new
from quizgen.cli import cli, guards
from quizgen.cli.common import ARTICLES_FOLDER, bank_flag, bank_option, path_kind, stripped
from quizgen.cli.review_form import Unfinished, field_limit, form, form_text, save_or_back, say_misfits
from quizgen.cli.review_show import around_blank, as_asked, clash_ja, named_items, show
from quizgen.cli.terminal import (
    ask,
    check_stdin_encoding,
    drop_typed_ahead,
    editor_streams,
    japanese_refusals,
    prepare_stdin,
    yes_no,
)
from quizgen.errors import BankError, OutputError, QuizgenError, UsageError, describe_os_error
from quizgen.text import not_utf8, shell_word
from quizgen.text import terminal_safe as safe

if TYPE_CHECKING:
    from quizgen.bank import Entity, Item
    from quizgen.extract.review import Drafts

KEYS = ("[a]採用 [e]編集 [e 問]問だけ編集 [b 語句]空欄を移す [y]YAMLで編集 [d]破棄 [s]保留 [u]取り消し [l]一覧 "
        "[g 番号]移動 [v]全項目 [q]終了  番号(例 1,3-5)でまとめて採用")
HELP = """  a  採用 accept: 問題として問題集(bank)に入れる
  e  編集 edit: 項目ごとに直す(Enterでそのまま)。保存しても採用にはならない
  e 問 選択肢  その項目だけ編集 (問 答 別解 選択肢 正文 誤文 穴埋め 解説 日付 注)
  b 13か国  空欄を移す blank: 問の文の「13か国」を空欄にして、元の答を文に戻す。正文・穴埋め・解説も作り直し、
     前の答えの別解・選択肢・誤文は外す (保存しても採用にはならない)
  y  YAMLで編集: $EDITOR で開く。保存せずに閉じると何も変わらない
  d  破棄 discard: 理由を書いて下書きに残す
  s  保留 skip: 後で決める
  u  取り消し undo: 直前の判断を元に戻す
  l  一覧 list: 下書きを番号つきで (問は空欄のまわり。決定済みはそう書く)
  g 27  移動 go: 27番の下書きを表示 (採用はしない)。番号はファイルごとに決まり、次の回も同じ
  v  全項目 view: 正文・穴埋め・日付・年表・解説・根拠も表示する / 短い表示に戻す
  1,3-5  その番号の下書きをまとめて採用
  q  終了 quit: 判断はその都度保存済み。続きは同じコマンドで"""
_GO = re.compile(r"^[gｇ]\s*([0-9０-９]+)$")
_BLANK = re.compile(r"^[bｂ][\s　]+(\S.*)$")
_SOME = re.compile(r"^[eｅ][\s　]+(\S.*)$")  # e 問 選択肢: those fields only
_LARGE = 10 ** 9  # past every draft number: a number typed longer than that is only "out of range"


def _number(digits: str) -> int:
    """A draft number as typed; a line of thousands of digits (hostile16: past Python's 4,300-digit limit for int())
    is just out of range."""
    digits = digits.strip()
    return int(digits) if len(digits) <= 9 else _LARGE


_NUMBERS = re.compile(r"^a?\s*(\d+(?:\s*-\s*\d+)?(?:\s*[,、，\s]\s*\d+(?:\s*-\s*\d+)?)*)$")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@bank_option
@click.option("--articles", type=ARTICLES_FOLDER, default=None,
              help="Folder of the article files, to check every quote verbatim (BANK/articles is always read).")
@click.option("--english", is_flag=True, help="On accepting, also ask for the English texts (optional otherwise).")
@click.option("--undo-accept", "undo_id", metavar="ID", default=None, callback=stripped,
              help="Take the accepted item ID out of the bank and put it back into FILE as a draft.")
def review(file: Path, bank_path: Path | None, articles: Path | None, english: bool, undo_id: str | None) -> None:
    """Decide on each draft in FILE: accept, edit, discard with a reason, skip, undo.

    Accepted items lose `draft: true` and move, with their article's source entry and any new
    people, into BANK/items/<article>.yaml at once; discarded drafts stay in FILE with the reason.
    Every decision is saved as it is made, so Ctrl-C or the end of input loses nothing: run the
    same command to go on. New people and unknown readings are asked for on accepting. English is
    optional (--english asks for it); outputs in English refuse items whose English is missing.
    At a terminal, keys typed before a draft is shown are dropped, so none decides a draft unseen.

    --undo-accept ID takes an accepted item back out of the bank, at any time: it goes back into
    FILE as a draft (its source and people stay in the bank), to decide on again.
    """
    from quizgen.extract.session import held

    what = path_kind(file)
    if what not in (None, "a file"):
        raise UsageError(f"{file} is {what}, not a drafts file; give the file `quizgen extract -o` wrote")
    bank_dir = bank_path or resources.bank_dir()
    with held(file):  # one session per drafts file: a second is refused at once, naming this one
        if undo_id is not None:
            _undo_accept(bank_dir, undo_id, file, articles)
            click.echo(f"続きは:  quizgen review {shell_word(str(file))}{bank_flag(bank_path)}")
        else:
            _session(file, bank_dir, bank_path, articles, english)


def _session(file: Path, bank_dir: Path, bank_path: Path | None, articles: Path | None, english: bool) -> None:
    from quizgen.extract import review as rv

    opened = rv.open_drafts(file, bank_dir, articles)
    session = Session(opened.drafts, english, articles, decided=_decided(opened.recovered, opened.discarded))
    if not opened.drafts.pending:
        left = len(opened.drafts.items)
        click.echo(f"no drafts left to decide in {file}" + (f" ({left} discarded, kept with their reasons)" if left else ""))
        return
    rv.check_writable(opened.drafts)  # before the first draft is shown: no decision is taken that cannot be saved
    check_stdin_encoding()  # nor one that cannot be typed (UTF-16)
    try:
        _run_keeping(session)
    except (click.Abort, KeyboardInterrupt, EOFError):
        click.echo("")
        if guards.interrupted():  # Ctrl-C: 128 + SIGINT
            click.echo("中断しました (interrupted)。" + session.tally() + "。すべての判断は保存済みです。")
            click.echo(f"続きは:  quizgen review {shell_word(str(session.kept or file))}{bank_flag(bank_path)}")
            raise click.exceptions.Exit(130) from None
        # the end of input (Ctrl-D, or a script's last line): the session stops like `q`, every decision kept
        click.echo("入力が終わりました (end of input)。" + session.tally() + "。すべての判断は保存済みです。")
        click.echo(f"続きは:  quizgen review {shell_word(str(session.kept or file))}{bank_flag(bank_path)}")
        return
    except QuizgenError:  # a decision refused (the file changed under the session): the rest is saved
        click.echo("")
        click.echo(session.tally() + (f"。判断はすべて {session.kept} にあります。" if session.kept else
                                      "。それまでの判断は保存済みです。"))
        click.echo(f"続きは:  quizgen review {shell_word(str(session.kept or file))}{bank_flag(bank_path)}")
        raise
    except OSError as exc:  # hostile17: the drafts file became a folder during the session; the decision is not saved
        click.echo("")
        click.echo(session.tally() + "。それまでの判断は保存済みです。")
        raise QuizgenError(f"the last decision was not saved: {exc.filename or file} could not be written "
                           f"({describe_os_error(exc)})") from exc
    click.echo("")
    rest_at = f"。残りの下書きは {session.kept or file} にあります。"
    click.echo(session.tally() + rest_at if session.drafts.pending else session.tally() + "。")


# the keys refused at once while the bank holds a copy of the drafts (`d` and `e` ask first, then keep what was typed)
_DECISIONS = frozenset({"a", "y", "u"})

_ARTICLE_FAULT = re.compile(r"article (.+?): ")  # 「source 001.file: article class/articles/x.txt: not UTF-8 text」


def _item_of(field: str) -> str | None:
    """The item id a problem's field names ("item a001-date-80f0bf.answer.ja" -> a001-date-80f0bf), or None."""
    m = re.match(r"item ([^.\[\s]+)", field)
    return m.group(1) if m else None


def _run_keeping(session: Session) -> None:
    """`session.run()`, and on any way out, the drafts and decisions it holds written where the drafts file no longer
    holds them: the file again when it was deleted or emptied, else a copy beside it, never over what another program
    wrote there (hostile22: `q` after the file was emptied or cut, or a decision refused, lost them)."""
    try:
        session.run()
    finally:
        _keep_held(session)


def _keep_held(session: Session) -> None:
    from quizgen.extract import review as rv

    try:
        kept = rv.keep_held(session.drafts)
    except (OutputError, OSError) as exc:  # the drafts file's folder takes nothing (hostile26: what was typed was lost)
        why = str(exc) if isinstance(exc, OutputError) else describe_os_error(exc)
        _keep_elsewhere(session, why)
        return
    if kept is None:
        return
    how, path = kept
    if how == "beside":
        session.kept = path
        why = "に判断を保存できませんでした" if session.unsaved else "は別のプログラムに変えられていました"
        click.echo(safe(f"\n  ! {session.drafts.path} {why}。このレビューの下書きと判断は {path} に残しました (元のファイル"
                        "はそのまま)"))
    else:
        click.echo(safe(f"\n  ! {path} はレビュー中に消されたか空になりました。下書きと判断を書き直しました"))


def _keep_elsewhere(session: Session, why: str) -> None:
    """The session's drafts and decisions, when nothing can be written beside the drafts file: in the current folder,
    else on the screen to copy (hostile26: the file and its folder made unwritable lost the edit just typed)."""
    from quizgen.extract import review as rv

    text = rv.held_text(session.drafts) or ""
    path = session.drafts.path
    try:
        kept = write_new(Path.cwd() / rv.kept_name(path, "review-kept").name, text)
    except OSError as exc:
        click.echo(safe(f"\n  ! 下書きと判断を書き残せませんでした ({why}; {describe_os_error(exc)})。"
                        "このレビューの下書きと判断 (YAML):"))
        click.echo(safe(text.rstrip("\n")))
        click.echo("  (ここまで。写しておいてください)")
        return
    session.kept = kept
    click.echo(safe(f"\n  ! {path} の隣には書けませんでした ({why})。このレビューの下書きと判断は {kept} に残しました"))


def _decided(accepted: int, discarded: int) -> str:
    """What the drafts file held besides the drafts to decide on: 「 (ほかに採用済み 7 件・破棄済み 2 件)」 (the accepted
    ones are in the bank: an extract run again, or a review stopped between its two writes)."""
    parts = [f"採用済み {accepted} 件"] * bool(accepted) + [f"破棄済み {discarded} 件"] * bool(discarded)
    return f" (ほかに{'・'.join(parts)})" if parts else ""


def _undo_accept(bank_dir: Path, item_id: str, file: Path, articles: Path | None) -> None:
    from quizgen.bank.articles import ArticleFolders
    from quizgen.bank.withdraw import withdraw

    if not item_id.strip():  # hostile15 A13: 「no accepted item  in the bank」
        raise UsageError("--undo-accept was given an empty id; give the id of an accepted item")
    if not bank_dir.is_dir():
        raise UsageError(f"bank folder not found: {bank_dir}")
    done = withdraw(bank_dir, item_id, file, ArticleFolders.for_bank(bank_dir, articles))
    click.echo(safe(f"{item_id} (答 {done.item.answer.ja}) を問題集から外し、下書きとして {file} に戻しました "
                    f"({done.bank_file} から)。"))


@dataclass
class Decision:
    kind: str  # accept | discard | edit
    original: Item  # the draft before the decision
    position: int  # its index in the drafts file
    accepted: Item | None = None
    target: Path | None = None


@dataclass
class Session:
    drafts: Drafts
    english: bool
    articles: Path | None = None  # --articles, for the article texts (sentences)
    texts: dict[str, str] | None = None  # the article texts by source id, read once
    order: list[str] = field(default_factory=list)  # the pending drafts' ids, numbered from 1
    history: list[Decision] = field(default_factory=list)
    at: int = 0
    decided: str = ""  # what the file held already decided, said with the count (`_decided`)
    kept: Path | None = None  # where the session's drafts went when the drafts file was changed under it (`_keep_held`)
    unsaved: bool = False  # a decision was refused for the bank, not for a change to the drafts file (`_keep_held`)
    undone: list[Path] = field(default_factory=list)  # the files of accepted drafts the bank lost, undone (`kept_apart`)
    counts: dict[str, int] = field(default_factory=lambda: {"accept": 0, "discard": 0, "edit": 0})
    full: bool = False  # every text of each card (`v` toggles), not the short card

    def __post_init__(self) -> None:
        self.order = _by_number(self.drafts.numbers)

    def tally(self) -> str:
        apart = safe(f" (取り消した下書きは {'、'.join(map(str, self.undone))} に)") if self.undone else ""  # hostile24
        return (f"採用 {self.counts['accept']} 件、破棄 {self.counts['discard']} 件、"
                f"未決定 {len(self.drafts.pending)} 件{apart}")

    def pending_ids(self) -> set[str]:
        return {i.id for i in self.drafts.pending}

    def run(self) -> None:
        click.echo(f"{len(self.drafts.pending)} 件の下書き{self.decided}。{KEYS}")
        while True:
            pending = self.pending_ids()
            todo = [k for k in range(self.at, len(self.order)) if self.order[k] in pending]
            if not todo:
                return
            self.at = todo[0]
            item = self.drafts.item(self.order[self.at])
            show(self.drafts, item, self.at + 1, len(self.order), self.sharing(item), self.giveaways(item),
                 short=not self.full)
            drop_typed_ahead()  # a key pressed while the last decision was saved never decides this draft
            prepare_stdin()
            if not self.command(item, click.prompt("  >", default="", show_default=False, prompt_suffix=" ").strip()):
                return

    def command(self, item: Item, choice: str) -> bool:
        """Act on one command; False ends the review."""
        if choice == "q":
            return False
        from quizgen.extract import review as rv

        gone = self._gone()  # deleted or emptied while this review ran
        try:
            decides = choice in _DECISIONS or _NUMBERS.match(choice) is not None
            if decides and (copied := rv.copied_into_bank(self.drafts)) is not None:
                raise copied
            self.act(item, choice)
        except rv.NotSaved as exc:  # the review ends (run it again); an edit or a discard refused so is kept
            if exc.held is not None:  # with the session's drafts, beside the changed file (`_keep_held`)
                self.drafts = exc.held
                self.unsaved = not isinstance(exc, rv.DraftsChanged)
                if choice == "d":  # the discard is in the copy, which the closing lines name
                    self.counts["discard"] += 1
                click.echo(safe("  ! この判断はこのレビューの下書きとともに別のファイルに残します (下の行)"))
            raise
        if gone and not self._gone():  # the decision wrote it again (`review.update`): nothing was lost
            click.echo(f"  ! {self.drafts.path} was {gone} while this review ran; it is written again with every "
                       "draft and decision (none is lost)")
        return True

    def _gone(self) -> str:
        """Whether the drafts file this session read holds nothing now: "deleted", "emptied" (hostile16, 21) or ""."""
        from quizgen.extract import review as rv

        return rv.gone(self.drafts.path) if self.drafts.stamp else ""

    def act(self, item: Item, choice: str) -> None:
        actions: dict[str, Callable[[Item], None]] = {
            "a": self.accept, "e": self.edit_form, "y": self.edit_yaml, "d": self.discard, "s": self.skip,
            "u": lambda _i: self.undo(), "l": lambda _i: self.listing(), "?": lambda _i: click.echo(HELP),
            "v": lambda _i: self.toggle_full(),
        }
        numbers = _NUMBERS.match(choice)
        go = _GO.match(choice)
        blank = _BLANK.match(choice)
        some = _SOME.match(choice)
        if some:
            self.edit_some(item, some.group(1))
        elif blank:
            self.move_blank(item, blank.group(1).strip())
        elif go:
            if (n := _number(go.group(1))) == _LARGE:
                click.echo(f"  {go.group(1)[:20]}…: ない番号です ([l]で一覧)")
            else:
                self.go(n)
        elif numbers:
            self.accept_numbers(numbers.group(1))
        elif choice in actions:
            actions[choice](item)
        elif not_utf8(choice):
            click.echo("  ? That line is not UTF-8 text (is the terminal set to Shift_JIS or EUC-JP?); type one of " + KEYS)
        else:
            click.echo("  ? " + KEYS)

    def toggle_full(self) -> None:
        """`v`: every text of each card from now on (the statements, cloze, date, timeline, explanation, quote), or the
        short card again."""
        self.full = not self.full
        click.echo("  全項目を表示します ([v]で短い表示に戻す)" if self.full else "  短い表示に戻します ([v]で全項目)")

    # ------------------------------------------------------------------ decisions

    def position(self, item: Item) -> int:
        return next(k for k, i in enumerate(self.drafts.items) if i.id == item.id)

    def accept(self, item: Item) -> None:
        from quizgen.extract import review as rv

        position = self.position(item)
        original = item
        try:
            item, person = self.people(item)
            texts = self.ask_english(item) if self.english else {}
            outcome = rv.accept(self.drafts, item, texts, person)
        except rv.HalfAccepted as exc:  # in the bank, not out of the drafts file: counted, and the error says where
            self.drafts = exc.drafts
            self.counts["accept"] += 1
            raise
        except BankError as exc:
            if self.bank_refused(exc, "採用できません。", "[a] で採用し"):  # hostile18, 20: the draft is not at fault
                return
            _problems(exc, item.id)
            click.echo("  採用できません。[e]で直すか [d]で破棄してください。")
            return
        self.drafts = outcome.drafts
        self.history.append(Decision("accept", original, position, outcome.item, outcome.target))
        self.counts["accept"] += 1
        click.echo(f"  ✓ 採用 → {outcome.target}")
        shared = self.sharing(outcome.item)
        if shared:
            click.echo(safe(f"  ! 採用済みの {named_items(shared)} と同じ文からの問題です。ワークシートはほかに問題が"
                            "ないときだけ同じ文から2問 (記述・選択・穴埋め) 出します ([u]で取り消せます)"))
        clashes = self.giveaways(outcome.item)
        if clashes:
            click.echo(safe(f"  ! ワークシートで答えが見えてしまいます: {'; '.join(clashes)}。worksheet はこれらを同じシートに"
                            "出しません ([u]で取り消せます)"))

    def giveaways(self, item: Item) -> list[str]:
        """What keeps the accepted `item` off a worksheet beside the other accepted items of its articles, by the
        worksheet's own leak checker (`LeakChecker`), each asked as the sheet asks it (a short answer; a
        true/false statement for an item asked so): one's prompt shows another's answer, or its year and month;
        both have one answer; the source list shows its answer. Drafts of one sentence are said apart (`sharing`)."""
        from quizgen.bank.model import Lang
        from quizgen.generators.worksheet.leaks import LeakChecker, LeakKind

        bank = self.drafts.bank
        if self.texts is None:
            self.sharing(item)
        checker = LeakChecker(bank, Lang.JA, self.texts)
        asked = as_asked(bank, item)
        if asked is None:
            return []
        out = [clash_ja(leak) for leak in checker.in_sources(asked, item.articles)]
        for other in bank.items:
            if other.draft or other.id == item.id or not set(other.articles) & set(item.articles):
                continue
            theirs = as_asked(bank, other)
            if theirs is None:
                continue
            leaks = [k for k in checker.between(asked, theirs) if k.kind is not LeakKind.SAME_SENTENCE]
            out += [clash_ja(leak) for leak in leaks[:1]]
        return list(dict.fromkeys(out))

    def sharing(self, item: Item) -> list[Item]:
        """The accepted items drawn from the same sentence of the article as `item` (the worksheet's own test,
        `leaks.same_sentence`: a worksheet sets two of them only when it has nothing else)."""
        from quizgen.cli.worksheet import article_texts
        from quizgen.generators.worksheet.leaks import same_sentence

        bank = self.drafts.bank
        if self.texts is None:
            self.texts = article_texts(bank, self.drafts.bank_dir, self.articles) or {}
        return [o for o in bank.items if not o.draft and o.id != item.id and set(o.articles) & set(item.articles)
                and same_sentence(item, o, self.texts) is not None]

    def people(self, item: Item) -> tuple[Item, Entity | None]:
        """Confirm the new people the item brings (their readings), and ask for readings nobody knew."""
        from quizgen.extract import review as rv

        for person in rv.proposed_people(self.drafts, item):
            click.echo(safe(f"  新しい人物: {person.ja} (読み {person.reading}) — 読みは正しいですか?"))
            reading = ask("  読み (Enter: このまま)", field_limit("reading")).strip()
            en = ask("  英語名 (Enter: 後で)", field_limit("en")).strip() if self.english else ""
            if reading and not re.fullmatch(r"[\u3041-\u309f\u30fc]+", reading):
                click.echo("  読みはひらがなで。このままにします。")
                reading = ""
            self.drafts = rv.confirm_person(self.drafts, person, reading or None, en or None)
            item = self.drafts.item(item.id)
        entity = None
        for name in rv.unknown_readings(item):
            reading = ask(safe(f"  「{name}」の読み (ひらがな。Enter: 読みなしで採用)"), field_limit("reading")).strip()
            if reading and re.fullmatch(r"[\u3041-\u309f\u30fc]+", reading):
                item, entity = rv.new_person(item, name, reading, item.articles[0])
        return item, entity

    def ask_english(self, item: Item) -> dict[str, str]:
        from quizgen.extract import review as rv

        out: dict[str, str] = {}
        for path in rv.still_missing(item):
            if path == "distractors.en":
                continue
            out[path] = ask(f"  {path} (Enter: 後で)", field_limit(path.partition(".")[0]))
        return out

    def accept_numbers(self, spec: str) -> None:
        """Accept the drafts numbered in `spec` (「1-3, 5」); numbers past the last draft are named in one line
        (hostile15 A26: 「99-1」 printed 84 lines, and 「1-99999999999」 would have listed every number)."""
        wanted: list[int] = []
        outside: list[str] = []
        last = len(self.order)
        for part in re.split(r"[,、，\s]+", spec.strip()):
            lo, _, hi = part.partition("-")
            if lo.strip():
                a, b = sorted((_number(lo), _number(hi or lo)))
                if a < 1 or b > last:
                    shown = re.sub(r"\s+", "", part)
                    outside.append(shown if len(shown) <= 24 else f"{shown[:20]}…")
                wanted += range(max(a, 1), min(b, last) + 1)
        if outside:
            click.echo(f"  {', '.join(outside)}: 番号は 1〜{last} です (それより外の番号は飛ばしました)")
        for n in dict.fromkeys(wanted):
            if self.order[n - 1] not in self.pending_ids():
                click.echo(f"  {n}: {self.status(n)}")
                continue
            item = self.drafts.item(self.order[n - 1])
            click.echo(safe(f"  {n}: {item.answer.ja}"))
            self.accept(item)

    def go(self, n: int) -> None:
        """Show draft `n` next (nothing is decided)."""
        if not 1 <= n <= len(self.order) or self.order[n - 1] not in self.pending_ids():
            said = self.status(n)
            if said == "採用済み":  # newuser14 quit and found --undo-accept in the README, three times, to fix one
                said += (f"。直すには q で終えてから quizgen review {shell_word(str(self.drafts.path))} --bank "
                         f"{shell_word(str(self.drafts.bank_dir))} --undo-accept {self.order[n - 1]} で下書きに戻します")
            click.echo(safe(f"  {n}: {said} ([l]で一覧)"))
            return
        self.at = n - 1

    def status(self, n: int) -> str:
        """What became of draft number `n`, which is not to decide on (accepted, discarded, or no such number)."""
        item_id = self.order[n - 1] if 1 <= n <= len(self.order) else ""
        if not item_id:
            return "ない番号です"
        here = next((i for i in self.drafts.items if i.id == item_id), None)
        if here is not None and here.discarded is not None:
            return f"破棄済み ({here.discarded})"
        return "採用済み" if item_id in self.drafts.bank.item_by_id else "このファイルにありません"

    def bank_refused(self, exc: BankError, not_taken: str, again: str) -> bool:
        """Say so when a decision is refused for the bank, not the draft (False: the draft's own refusal): the bank
        folder, or its file of an article the drafts quote, gone during the session (`bank_gone`), or a bank file that
        no longer reads or holds nothing, named as `check` names it (hostile20: 「! (file): not a regular file」 and
        「[e]で直すか [d]で破棄してください」; hostile22: an emptied one ended the review). `not_taken`: 「採用できません。」;
        `again`: 「[a] で採用し」."""
        from quizgen.extract import review as rv

        gone = self.bank_gone(exc)
        if gone is not None:
            click.echo(safe(f"  ! {gone}{not_taken}元に戻してから、もう一度 {again}てください。"))
            return True
        if not (isinstance(exc, rv.BankUnread) or self.bank_side(exc)):
            return False
        for p in exc.problems:
            click.echo(safe(f"  ! {p}"))
        articles = [m.group(1) for p in exc.problems if (m := _ARTICLE_FAULT.match(p.message)) and p.field.endswith(".file")]
        if articles and len(articles) == len(exc.problems):  # hostile24: the article text, not the bank file naming it
            what = f"記事のファイル {'、'.join(dict.fromkeys(articles))}"
        else:
            what = f"バンクのファイル {'、'.join(dict.fromkeys(p.file for p in exc.problems))}"
        click.echo(safe(f"  ! 下書きではなく、{what} が読めません (レビューの途中で変わったようです)。"
                        f"{not_taken}そのファイルを直してから、もう一度 {again}てください。"))
        return True

    def bank_side(self, exc: BankError) -> bool:
        """Whether every problem of a refusal is in a bank file, none in the drafts file (hostile22: a bank file emptied
        or cut during the session ended the review at `d`, the discard and its reason lost)."""
        from quizgen.bank.records import display_path

        mine = {str(self.drafts.path), display_path(self.drafts.path)}
        drafts = {i.id for i in self.drafts.items}  # a draft checked where the accept would write it is the draft's own
        return bool(exc.problems) and all(p.file and p.file not in mine and _item_of(p.field) not in drafts
                                          for p in exc.problems)

    def bank_gone(self, exc: BankError) -> str | None:
        """What of the bank went away during the session, when that is why a decision is refused (the folder, or
        the file of an article the drafts quote); None when the refusal is the draft's own."""
        if not self.drafts.bank_dir.is_dir():
            return f"バンクのフォルダ {self.drafts.bank_dir} が見つかりません (レビューの途中で移動されたか削除されました)。"
        lost = sorted({m.group(1) for p in exc.problems if (m := re.search(r"unknown article '([^']+)'", p.message))
                       and m.group(1) in self.drafts.bank.source_by_id})
        if lost:
            return (f"バンクから記事 {', '.join(lost)} の出典が消えました (レビューの途中でバンクのファイルが削除されたか"
                    "変更されました)。")
        return None

    def discard(self, item: Item) -> None:
        from quizgen.extract import review as rv

        reason = ask("  破棄の理由 (例: 重複 / 些末 / 答えが不適切 / 文脈不足)", field_limit("discarded"))
        position = self.position(item)
        try:
            self.drafts = rv.discard(self.drafts, item.id, reason)
        except BankError as exc:  # hostile19: the bank folder, or its file of the article, gone meanwhile
            if not self.bank_refused(exc, "破棄は保存されていません。", "[d] で破棄し"):
                raise
            return
        self.history.append(Decision("discard", item, position))
        self.counts["discard"] += 1
        click.echo("  ✗ 破棄 (理由とともに下書きに残しました)")

    def skip(self, _item: Item) -> None:
        self.at += 1

    def undo(self) -> None:
        from quizgen.extract import review as rv

        if not self.history:
            click.echo("  取り消す判断がありません")
            return
        last = self.history.pop()
        if last.kind == "accept" and self.kept_apart(last):  # the bank lost it: whatever the drafts file holds now
            return  # (hostile24: with that file changed too, the undo was refused and the draft was nowhere)
        try:
            if last.kind == "accept":
                assert last.accepted is not None and last.target is not None
                self.drafts = rv.undo_accept(self.drafts, last.accepted, last.target, last.original, last.position)
            else:
                self.drafts = rv.restore(self.drafts, last.original)
        except OutputError as exc:  # hostile23: a bank file made unwritable meanwhile ended the review
            click.echo(safe(f"  ! {exc}。取り消しは保存されていません。書けるようにしてから、もう一度 [u] で"
                            "取り消してください。"))
            self.history.append(last)
            return
        except BankError as exc:  # hostile20/21: the bank gone was 20-40 「unknown article」 blaming the drafts, for the
            # undo of an accept and (hostile21) of a discard or an edit alike
            if not self.bank_refused(exc, "取り消しは保存されていません。", "[u] で取り消し"):
                raise
            self.history.append(last)  # not undone: `u` can undo it once the bank is back
            return
        if last.kind in self.counts:
            self.counts[last.kind] -= 1
        self.at = self.order.index(last.original.id) if last.original.id in self.order else self.at
        click.echo(safe(f"  ↺ 取り消しました: {last.original.answer.ja}"))

    def kept_apart(self, last: Decision) -> bool:
        """An accepted draft the bank no longer holds (another program deleted, emptied or replaced its bank file) put
        back as a draft in a file of its own, as the drafts file cannot take it while the bank lacks what it needs
        (hostile23: refused, the draft was nowhere). False when the bank still holds it: `u` can undo it later."""
        from quizgen.extract import review as rv

        assert last.accepted is not None and last.target is not None
        if rv.still_accepted(last.target, last.accepted.id):
            return False
        path = self.drafts.path
        try:
            kept = write_new(rv.kept_name(path, f"undone-{last.original.id}"),
                             rv.lone_draft_text(self.drafts, last.original))
        except OSError as exc:
            click.echo(safe(f"  ! 下書きを書き残せませんでした ({describe_os_error(exc)})。取り消しは保存されていません。"))
            self.history.append(last)
            return True
        self.counts["accept"] -= 1
        self.undone.append(kept)
        click.echo(safe(f"  ↺ 取り消しました: {last.original.answer.ja}。ただしバンクの {last.target} には、もう"
                        f"この問題がありません (レビューの途中で別のプログラムが消したか変えました)。下書きは {kept} に"
                        "残しました。バンクを元に戻してから quizgen review でそのファイルを見てください。"))
        return True

    def listing(self) -> None:
        """Every draft of the file by its number (the same in every session), the decided ones said so."""
        pending = self.pending_ids()
        for n, item_id in enumerate(self.order, start=1):
            if item_id in pending:
                item = self.drafts.item(item_id)
                click.echo(safe(f"  {n:>2}. {item.answer.ja} — {around_blank(item.prompt.ja, 60)}"))
            elif item_id:
                click.echo(safe(f"  {n:>2}. [{self.status(n)}]"))

    # ------------------------------------------------------------------ editing

    def edit_some(self, item: Item, words: str) -> None:
        """`e 問 選択肢`: the form for those fields only (newuser16 walked 11-13 fields to change one)."""
        from quizgen.cli.review_form import fields_named

        only = fields_named(words)
        if only is None:
            click.echo(safe(f"  「{words}」: 項目の名前で (問 答 別解 選択肢 正文 誤文 穴埋め 解説 日付 注)。例: e 問 選択肢"))
            return
        self.edit_form(item, only)

    def edit_form(self, item: Item, only: tuple[str, ...] | None = None) -> None:
        """Field by field: Enter keeps a field, '-' clears an optional one. Nothing is saved unless confirmed. A save
        the bank refuses is said in Japanese and only the fields at fault are asked again, the typed ones kept.
        `only`: just these fields (`e 問 選択肢`)."""
        try:
            with japanese_refusals():  # hostile20: a line the form refused was said in English
                saved = self.save_form(item, form(item, self.drafts.bank, only=only))
        except BankError as exc:
            _problems(exc, item.id)
            click.echo("  編集は保存されませんでした。下書きは変わりません。")
            return
        except click.Abort as exc:
            click.echo("\n  編集を取り消しました。下書きは変わりません。")
            typed = form_text(item, exc.partial) if isinstance(exc, Unfinished) else ""
            if typed:  # hostile20 (LOST): what the form had typed went with the end of input
                self._keep_edit(item, typed, "[e] で打ち直してください")
            raise
        if saved:
            self.history.append(Decision("edit", item, self.position(item)))
            self.counts["edit"] += 1
            click.echo("  保存しました (まだ下書きです。[a]で採用)")

    def move_blank(self, item: Item, word: str) -> None:
        """`b 語句`: the blank moved to a word of the question's sentence in one line (`review.reblank`), saved as an
        edit (still a draft), the draft shown again to accept."""
        from quizgen.extract import review as rv

        moved = rv.reblank(item, word, self.drafts.bank, random.Random(f"{item.id}:{word}"))
        if moved is None:
            from quizgen.extract.rewording import blanked_sentence

            click.echo(safe(f"  「{word}」は問の文に1度だけ出る語ではないので、空欄を移せません ([e]で問と答を直せます)"
                            if blanked_sentence(item) else
                            "  この問は空欄のある文ではないので、空欄を移せません ([e]で問と答を直せます)"))
            return
        click.echo(safe(f"  空欄を「{word}」へ移します: {moved.item.prompt.ja}"))
        if moved.dropped:
            click.echo(safe(f"  前の答え「{item.answer.ja}」の{'・'.join(moved.dropped)}は外しました (新しく書くなら [e])"))
        self.save_edit(item, lambda: rv.update(self.drafts, moved.item))

    def save_form(self, item: Item, edited: Item) -> bool:
        """Save `edited` once the teacher says y; a refusal asks the fields at fault again (`again`) and tries anew.
        False: nothing to save, or the teacher said n."""
        from quizgen.extract import review as rv
        from quizgen.extract.faults import faults

        while True:
            if edited == item:
                click.echo("  変更なし")
                return False
            say_misfits(item, edited)
            try:
                choice = save_or_back("  この内容で保存しますか (下書きのまま)?")
            except (click.Abort, EOFError):
                raise Unfinished(edited) from None
            if choice == "<":  # newuser9: the form's last field, to fix what the check above names
                edited = form(edited, self.drafts.bank, resume=True)
                continue
            if choice == "n":
                click.echo("  保存しませんでした。下書きは変わりません。")
                return False
            try:
                self.drafts = rv.update(self.drafts, edited)
                return True
            except BankError as exc:
                found = faults(exc.problems, item.id)
                fields = tuple(dict.fromkeys(f for x in found for f in x.ask))
                if not fields:  # nothing the form can ask: said as the bank says it, never the same save again,
                    self._keep_edit(item, form_text(item, edited), "[e] で打ち直してください")  # what was typed kept
                    if self.bank_refused(exc, "編集は保存されていません。", "[e] で編集し"):  # hostile25: a bank file
                        return False  # or an article that stopped reading, named (the edit was in no file)
                    raise
                for fault in found:
                    click.echo(safe(f"  ! {fault.say}"))
                click.echo("  まだ保存していません。入力した内容はそのままです。問題の項目だけもう一度聞きます:")
                edited = self.again(item, edited, fields)

    def again(self, item: Item, edited: Item, fields: tuple[str, ...]) -> Item:
        """`edited` with `fields` asked again (Enter keeps what was typed); a date the teacher removed or changed is
        offered back first (its basis and 年表 text with it; then nothing else is asked, and the save is tried again),
        and asked again when it is not taken back (hostile19: a refused date was never asked, so `y` was refused
        again and again)."""
        changed = (edited.when, edited.event) != (item.when, item.event)
        if "when" in fields and changed and item.when is not None and yes_no(safe(f"  日付を元の {item.when} に戻しますか?")):
            return dataclasses.replace(edited, when=item.when, date_basis=item.date_basis, event=item.event)
        asked = form(edited, self.drafts.bank, tuple(f for f in fields if f != "when" or changed))
        if asked.when == item.when and asked.when != edited.when:  # the date typed back: its own basis
            asked = dataclasses.replace(asked, date_basis=item.date_basis)
        return asked

    def edit_yaml(self, item: Item) -> None:
        from quizgen.bank.comments import comments
        from quizgen.bank.data import to_data
        from quizgen.bank.records import dumps_yaml
        from quizgen.extract import review as rv

        original = dumps_yaml(to_data(item))
        got = self._edited(item, original)
        if got is None:
            return
        text, edited, typed = got
        notes = "".join(f"# ({item.id} の編集にあった注) {c.text[1:].strip()}\n" for c in comments(text) or ())
        if notes:  # hostile15: a note typed in the editor was dropped while 「保存しました」 was said
            self.drafts = dataclasses.replace(self.drafts, header=self.drafts.header + notes)
        if typed is not None:
            click.echo(safe(f"  id は変えられません (番号・出典との結びつきが id にあるため)。{typed} ではなく元の "
                            f"{item.id} のまま、ほかの編集を保存します。"))
        self.save_edit(item, lambda: rv.update(self.drafts, dataclasses.replace(edited, draft=True)))

    def _edited(self, item: Item, text: str) -> tuple[str, Item, str | None] | None:
        """The draft as edited in $EDITOR: (the text, the item, another id the text gave it), or None when nothing is
        to be saved (said why). A text that does not make a valid draft is shown with its problems and, at the
        teacher's word, opened again as it was written (hostile16: one YAML mistake threw the whole edit away)."""
        from quizgen.extract import review as rv

        shown = text
        while True:
            written = self._editor(shown)
            if isinstance(written, bool):
                return None
            if written is None:
                click.echo("  保存せずにエディタが閉じられました。" + ("下書きは変わりません。" if shown == text else
                                                               "書きかけの編集は捨て、下書きは元のままです。"))
                return None
            try:
                edited, typed = rv.rebuild(self.drafts, item.id, written)
                return written, edited, typed
            except rv.NotSaved:  # the bank took a copy of the drafts meanwhile: the review ends, the edit kept
                self._keep_edit(item, written, "コピーをバンクから除いてから [y] で貼り付けてください")
                raise
            except QuizgenError as exc:
                _problems(exc, item.id)
            try:
                again = yes_no("  書いた内容のまま、もう一度エディタで直しますか (n: 編集を捨てて下書きは元のまま)")
            except (click.Abort, EOFError):  # hostile18 (LOST): the edit went with the editor's temporary file
                self._keep_edit(item, written)
                raise
            if not again:
                click.echo("  編集は保存されませんでした。下書きは変わりません。")
                return None
            shown = written

    def _keep_edit(self, item: Item, written: str, how: str = "直してから [y] で貼り付けてください") -> None:
        """The edit the session ends on, kept beside the drafts file as text (not .yaml: no bank reads it) and said;
        where no file can be written there, shown on the screen (hostile20: a folder gone read-only lost it)."""
        from quizgen.extract import review as rv

        name = rv.kept_name(self.drafts.path, f"{item.id}.edit", ".txt")
        try:
            kept = write_new(name, written)
        except OSError as exc:
            click.echo(safe(f"\n  ! 編集は下書きに保存されていません (書いた内容を {name} に残せませんでした: "
                            f"{describe_os_error(exc)})。下書き {item.id} は元のままです。書いた内容:"))
            click.echo(safe(written.rstrip("\n")))
            click.echo("  (ここまで。写しておいてください)")
            return
        click.echo(safe(f"\n  編集は下書きに保存されていません。書いた内容は {kept} に残しました "
                        f"(下書き {item.id} は元のまま。{how})"))

    def _editor(self, text: str) -> str | bool | None:
        """What the teacher saved in $EDITOR from `text`: None when the editor was left without saving, False when it
        failed (said why)."""
        try:
            with editor_streams() as keys:  # never the piped decisions: the editor would read them as keys
                return _edited_in_editor(text)
        except _TooBig as exc:
            click.echo(f"  ! エディタが保存したファイルは {exc.size:,} バイトで、1つの下書きとしては大きすぎます "
                       f"(上限 {EDIT_BYTES:,} バイト: 貼り付けの誤りでは)。編集は保存されていません。下書きはそのままです")
        except _NotAFile as exc:  # hostile17: an editor that left a FIFO there made review wait for ever
            click.echo(safe(f"  ! エディタが閉じたとき、渡したファイル {exc.path} は{exc.what}になっていました。"
                            "編集は保存されていません。下書きはそのままです"))
        except click.ClickException as exc:  # the editor exited non-zero (vim's :cq), was killed or is missing
            click.echo(safe(f"  ! {exc.format_message()}。編集は保存されていません。下書きはそのままです "
                            "($EDITOR を確かめてください)"))
            if not keys:
                click.echo("  (標準入力が端末ではなく、エディタに渡せる端末もないため、エディタの入力は /dev/null でした。"
                           "y は端末で使ってください)")
        except OSError as exc:  # the editor removed (or moved, or replaced) the file it was given: hostile14 RE4
            click.echo(safe(f"  ! エディタが閉じたとき、渡したファイル {exc.filename} を読めませんでした "
                            f"({describe_os_error(exc)}: 消されたか、別の名前で保存されました)。編集は保存されていません。"
                            "下書きはそのままです (渡されたファイルに上書き保存してください)"))
        except UnicodeDecodeError as exc:  # the editor saved in another encoding (Shift_JIS, EUC-JP)
            click.echo(f"  ! エディタが保存したファイルは UTF-8 ではありません (byte 0x{exc.object[exc.start]:02x} "
                       f"at offset {exc.start})。編集は保存されていません。下書きはそのままです (UTF-8 で保存してください)")
        return False

    def save_edit(self, item: Item, write: Callable[[], Drafts]) -> None:
        try:
            self.drafts = write()
        except BankError as exc:
            _problems(exc, item.id)
            click.echo("  編集は保存されませんでした。下書きは変わりません。")
            return
        self.history.append(Decision("edit", item, self.position(item)))
        self.counts["edit"] += 1
        click.echo("  保存しました (まだ下書きです。[a]で採用)")


EDIT_BYTES = 2**20  # 1 MiB: one draft in YAML is a few kilobytes; more is a paste gone wrong, never read back


class _TooBig(Exception):
    """What the editor saved is larger than one draft can be (EDIT_BYTES)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class _NotAFile(Exception):
    """What the editor left in place of the file it was given is not a regular file (a FIFO, a folder, a link)."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(path, what)
        self.path, self.what = path, what


def _edited_in_editor(text: str) -> str | None:
    """`text` edited in $EDITOR (click's editor, on a temporary .yaml file of our own): what was saved, or None when
    the file was left unsaved (its time unchanged, as click.edit says). Only a regular file is read back: opening a
    FIFO the editor left there would wait for a writer that never comes (hostile17)."""
    import stat
    import tempfile

    fd, name = tempfile.mkstemp(prefix="editor-", suffix=".yaml")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        before = path.stat().st_mtime_ns
        click.edit(filename=name)
        st = os.lstat(path)  # gone: FileNotFoundError, said by the caller (hostile14 RE4)
        if not stat.S_ISREG(st.st_mode):
            what = ("FIFO (名前付きパイプ)" if stat.S_ISFIFO(st.st_mode) else "フォルダ" if stat.S_ISDIR(st.st_mode)
                    else "リンク" if stat.S_ISLNK(st.st_mode) else "通常のファイル以外のもの")
            raise _NotAFile(path, what)
        if st.st_mtime_ns == before:
            return None
        if st.st_size > EDIT_BYTES:  # hostile18: 21.5 MB saved (a paste gone wrong) rewrote the drafts file
            raise _TooBig(st.st_size)
        with path.open("rb") as fh:
            return fh.read().decode("utf-8")  # another encoding: UnicodeDecodeError, said by the caller
    finally:
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()


def _problems(exc: QuizgenError, item_id: str) -> None:
    from quizgen.extract.faults import said
    from quizgen.extract.review import EDITED

    if isinstance(exc, BankError):
        mine = [p for p in exc.problems if item_id in p.field or item_id in p.message] or list(exc.problems)
        for p in mine[:8]:
            where = f"{p.line}行{p.column}列目: " if p.file == EDITED else ""  # hostile16: a YAML typo, found
            click.echo(safe(f"  ! {where}{said(p) or f'{p.field}: {p.message}'}"))  # round 25: a date answer without its date
    else:
        click.echo(safe(f"  ! {exc}"))


def _by_number(numbers: dict[str, int]) -> list[str]:
    """The draft ids by number, from 1 ("" for a number no draft has)."""
    order = [""] * max(numbers.values(), default=0)
    for item_id, n in numbers.items():
        order[n - 1] = item_id
    return order


