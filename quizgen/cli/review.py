"""`quizgen review`: go through the drafts of an article and decide on each, in Japanese.

Every decision is written as it is made (see `quizgen.extract.review`): Ctrl-C or the end of input
stops the review with nothing lost, and `quizgen review FILE` resumes at the first undecided draft.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quizgen import resources
from quizgen.bank.model import Text
from quizgen.cli import cli, guards
from quizgen.cli.common import ARTICLES_FOLDER, bank_flag, bank_option, path_kind, stripped
from quizgen.cli.terminal import (
    ask,
    at_terminal,
    check_stdin_encoding,
    drop_typed_ahead,
    editor_streams,
    japanese_refusals,
    prepare_stdin,
    yes_no,
)
from quizgen.errors import BankError, OutputError, QuizgenError, UsageError, describe_os_error
from quizgen.text import common_ends, not_utf8, shell_word, shorten
from quizgen.text import terminal_safe as safe

if TYPE_CHECKING:
    from quizgen.bank import Bank, Entity, Item
    from quizgen.extract.review import Drafts, Kind
    from quizgen.generators.worksheet.exercises import Question
    from quizgen.generators.worksheet.leaks import Leak

KEYS = ("[a]採用 [e]編集 [y]YAMLで編集 [d]破棄 [s]保留 [u]取り消し [l]一覧 [g 番号]移動 [q]終了  "
        "番号(例 1,3-5)でまとめて採用")
HELP = """  a  採用 accept: 問題として問題集(bank)に入れる
  e  編集 edit: 項目ごとに直す(Enterでそのまま)。保存しても採用にはならない
  y  YAMLで編集: $EDITOR で開く。保存せずに閉じると何も変わらない
  d  破棄 discard: 理由を書いて下書きに残す
  s  保留 skip: 後で決める
  u  取り消し undo: 直前の判断を元に戻す
  l  一覧 list: 下書きを番号つきで (問は空欄のまわり。決定済みはそう書く)
  g 27  移動 go: 27番の下書きを表示 (採用はしない)。番号はファイルごとに決まり、次の回も同じ
  1,3-5  その番号の下書きをまとめて採用
  q  終了 quit: 判断はその都度保存済み。続きは同じコマンドで"""
_GO = re.compile(r"^[gｇ]\s*([0-9０-９]+)$")
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
        click.echo(session.tally() + "。それまでの判断は保存済みです。")
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

    text = rv.held_text(session.drafts)
    if text is None:
        return
    path = session.drafts.path
    try:
        if path.is_dir() or (path.exists() and path.read_bytes().strip()):
            kept = session.kept = _new_file(path.with_name(f"{path.stem}.review-kept{path.suffix or '.yaml'}"), text)
            click.echo(safe(f"\n  ! {path} は別のプログラムに変えられていました。このレビューの下書きと判断は {kept} に"
                            "残しました (元のファイルはそのまま)"))
        else:
            from quizgen.atomic import Links, write_text

            write_text(path, text, Links.FOLLOW)
            click.echo(safe(f"\n  ! {path} はレビュー中に消されたか空になりました。下書きと判断を書き直しました"))
    except OSError as exc:
        click.echo(safe(f"\n  ! 下書きと判断を書き残せませんでした ({describe_os_error(exc)})"))


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
    counts: dict[str, int] = field(default_factory=lambda: {"accept": 0, "discard": 0, "edit": 0})

    def __post_init__(self) -> None:
        self.order = _by_number(self.drafts.numbers)

    def tally(self) -> str:
        return (f"採用 {self.counts['accept']} 件、破棄 {self.counts['discard']} 件、"
                f"未決定 {len(self.drafts.pending)} 件")

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
            show(self.drafts, item, self.at + 1, len(self.order), self.sharing(item), self.giveaways(item))
            drop_typed_ahead()  # a key pressed while the last decision was saved never decides this draft
            prepare_stdin()
            if not self.command(item, click.prompt("  >", default="", show_default=False, prompt_suffix=" ").strip()):
                return

    def command(self, item: Item, choice: str) -> bool:
        """Act on one command; False ends the review."""
        if choice == "q":
            return False
        gone = self._gone()  # deleted or emptied while this review ran
        self.act(item, choice)
        if gone and not self._gone():  # the decision wrote it again (`review.update`): nothing was lost
            click.echo(f"  ! {self.drafts.path} was {gone} while this review ran; it is written again with every "
                       "draft and decision (none is lost)")
        return True

    def _gone(self) -> str:
        """Whether the drafts file this session read holds nothing now: "deleted", "emptied" (hostile16, 21) or ""."""
        if not self.drafts.stamp:
            return ""
        try:
            return "" if self.drafts.path.read_bytes().strip() else "emptied"
        except FileNotFoundError:
            return "deleted"
        except OSError:
            return ""

    def act(self, item: Item, choice: str) -> None:
        actions: dict[str, Callable[[Item], None]] = {
            "a": self.accept, "e": self.edit_form, "y": self.edit_yaml, "d": self.discard, "s": self.skip,
            "u": lambda _i: self.undo(), "l": lambda _i: self.listing(), "?": lambda _i: click.echo(HELP),
        }
        numbers = _NUMBERS.match(choice)
        go = _GO.match(choice)
        if go:
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
            click.echo(safe(f"  ! 採用済みの {_named(shared)} と同じ文からの問題です。ワークシートは同じ文から1問しか"
                            "出しません ([u]で取り消せます)"))
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
        asked = _as_asked(bank, item)
        if asked is None:
            return []
        out = [_clash_ja(leak) for leak in checker.in_sources(asked, item.articles)]
        for other in bank.items:
            if other.draft or other.id == item.id or not set(other.articles) & set(item.articles):
                continue
            theirs = _as_asked(bank, other)
            if theirs is None:
                continue
            leaks = [k for k in checker.between(asked, theirs) if k.kind is not LeakKind.SAME_SENTENCE]
            out += [_clash_ja(leak) for leak in leaks[:1]]
        return list(dict.fromkeys(out))

    def sharing(self, item: Item) -> list[Item]:
        """The accepted items drawn from the same sentence of the article as `item` (the worksheet's own test,
        `leaks.same_sentence`: a worksheet never sets two of them)."""
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
            reading = ask("  読み (Enter: このまま)", _limit("reading")).strip()
            en = ask("  英語名 (Enter: 後で)", _limit("en")).strip() if self.english else ""
            if reading and not re.fullmatch(r"[\u3041-\u309f\u30fc]+", reading):
                click.echo("  読みはひらがなで。このままにします。")
                reading = ""
            self.drafts = rv.confirm_person(self.drafts, person, reading or None, en or None)
            item = self.drafts.item(item.id)
        entity = None
        for name in rv.unknown_readings(item):
            reading = ask(safe(f"  「{name}」の読み (ひらがな。Enter: 読みなしで採用)"), _limit("reading")).strip()
            if reading and re.fullmatch(r"[\u3041-\u309f\u30fc]+", reading):
                item, entity = rv.new_person(item, name, reading, item.articles[0])
        return item, entity

    def ask_english(self, item: Item) -> dict[str, str]:
        from quizgen.extract import review as rv

        out: dict[str, str] = {}
        for path in rv.still_missing(item):
            if path == "distractors.en":
                continue
            out[path] = ask(f"  {path} (Enter: 後で)", _limit(path.partition(".")[0]))
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
            click.echo(f"  {n}: {self.status(n)} ([l]で一覧)")
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
        files = "、".join(dict.fromkeys(p.file for p in exc.problems))
        click.echo(safe(f"  ! 下書きではなく、バンクのファイル {files} が読めません (レビューの途中で変わったようです)。"
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

        reason = ask("  破棄の理由 (例: 重複 / 些末 / 答えが不適切 / 文脈不足)", _limit("discarded"))
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
            if last.kind == "accept" and self.kept_apart(last):
                return
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
            kept = _new_file(path.with_name(f"{path.stem}.undone-{last.original.id}{path.suffix or '.yaml'}"),
                             rv.lone_draft_text(self.drafts, last.original))
        except OSError as exc:
            click.echo(safe(f"  ! 下書きを書き残せませんでした ({describe_os_error(exc)})。取り消しは保存されていません。"))
            self.history.append(last)
            return True
        self.counts["accept"] -= 1
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

    def edit_form(self, item: Item) -> None:
        """Field by field: Enter keeps a field, '-' clears an optional one. Nothing is saved unless confirmed. A save
        the bank refuses is said in Japanese and only the fields at fault are asked again, the typed ones kept."""
        try:
            with japanese_refusals():  # hostile20: a line the form refused was said in English
                saved = self.save_form(item, form(item, self.drafts.bank))
        except BankError as exc:
            _problems(exc, item.id)
            click.echo("  編集は保存されませんでした。下書きは変わりません。")
            return
        except click.Abort as exc:
            click.echo("\n  編集を取り消しました。下書きは変わりません。")
            typed = _form_text(item, exc.partial) if isinstance(exc, _Unfinished) else ""
            if typed:  # hostile20 (LOST): what the form had typed went with the end of input
                self._keep_edit(item, typed, "[e] で打ち直してください")
            raise
        if saved:
            self.history.append(Decision("edit", item, self.position(item)))
            self.counts["edit"] += 1
            click.echo("  保存しました (まだ下書きです。[a]で採用)")

    def save_form(self, item: Item, edited: Item) -> bool:
        """Save `edited` once the teacher says y; a refusal asks the fields at fault again (`again`) and tries anew.
        False: nothing to save, or the teacher said n."""
        from quizgen.extract import review as rv
        from quizgen.extract.faults import faults

        while True:
            if edited == item:
                click.echo("  変更なし")
                return False
            _say_misfits(item, edited)
            try:
                choice = _save_or_back("  この内容で保存しますか (下書きのまま)?")
            except (click.Abort, EOFError):
                raise _Unfinished(edited) from None
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
                if not fields:  # nothing the form can ask: said as the bank says it, never the same save again
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
        name = self.drafts.path.with_name(f"{self.drafts.path.stem}.{item.id}.edit.txt")
        try:
            kept = _new_file(name, written)
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


def _new_file(path: Path, text: str) -> Path:
    """Write `text` to `path`, or to `NAME-2.txt`, `NAME-3.txt`… when something is there: never over an earlier kept
    edit, never through a link (hostile19: a second kept edit replaced the first, and a link was written through)."""
    for n in range(1, 1000):
        target = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return target
    raise FileExistsError(errno.EEXIST, "too many kept edits", str(path))


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


def _limit(field: str) -> int:
    """How long a text typed for `field` may be (the bank's limit for it; a list's is each element's)."""
    from quizgen.bank.limits import LIMITS, OTHER

    return LIMITS.get(field, OTHER) if field not in ("accept", "distractors") else OTHER


_BLANK = re.compile(r"[（(][\s　]*[）)]")


def around_blank(prompt: str, limit: int) -> str:
    """`prompt` cut to about `limit` characters around its first blank （　　） (a prompt without one: its start)."""
    if len(prompt) <= limit:
        return prompt
    m = _BLANK.search(prompt)
    if m is None or m.end() <= limit - 1:
        return shorten(prompt, limit)
    start = max(0, min(m.start() - limit // 2, len(prompt) - limit + 1))
    return "…" + shorten(prompt[start + 1:], limit - 1)


def _as_asked(bank: Bank, item: Item) -> Question | None:
    """`item` as a worksheet asks it when it is not true/false only: a short answer; otherwise its true statement."""
    import random

    from quizgen.bank.model import Lang
    from quizgen.generators.worksheet.choose import simple_question
    from quizgen.generators.worksheet.exercises import Exercise

    return (simple_question(Exercise.SHORT, bank, item, random.Random(0), Lang.JA)
            or simple_question(Exercise.TRUEFALSE, bank, item, random.Random(0), Lang.JA, want_true=True))


_WHERE_JA = {"prompt": "問", "choice": "選択肢", "statement": "正文", "cloze": "穴埋め", "note": "注",
             "source list": "出典欄", "headline": "見出し", "event": "年表"}


def _clash_ja(leak: Leak) -> str:
    """A worksheet give-away said in one short Japanese phrase: 「a005-x の問に「プーチン」(a005-y の答え)」."""
    from quizgen.generators.worksheet.leaks import LeakKind

    if leak.kind is LeakKind.SAME_ANSWER:
        return f"{leak.giver} と {leak.taker} は答えが同じ (「{leak.form}」)"
    if leak.kind is LeakKind.LURE:
        return f"{leak.giver} に「{leak.form}」({leak.taker} で不可とする答え)"
    giver = "出典欄" if leak.giver.startswith("the source list") else f"{leak.giver} の{_WHERE_JA.get(leak.where, leak.where)}"
    return f"{giver}に「{leak.form}」({leak.taker} の答え)"


def _named(items: list[Item]) -> str:
    return "、".join(f"{o.id} (答 {o.answer.ja})" for o in items)


def show(drafts: Drafts, item: Item, n: int, total: int, shared: list[Item] | None = None,
         clashes: list[str] | None = None, *, whole: bool = False) -> None:
    """A draft as the reviewer sees it — every field a sheet, key or deck prints —, every text escaped (a control
    character cannot drive the terminal); `shared`: the accepted items from its sentence; `clashes`: what would
    keep it off a worksheet beside the accepted items (`Session.giveaways`). A text that repeats another shown
    text is said by what it repeats (newuser10: one sentence read seven times a draft), unless `whole`."""
    from quizgen.citations import date_label, dated
    from quizgen.extract import review as rv

    lines = [f"── {n}/{total} ── {item.kind.value} ({item.category.value})  {item.id}",
             f"問    {item.prompt.ja}", f"答    {item.answer.ja}" + (f"   別解: {'、'.join(item.accept)}" if item.accept else "")]
    if item.distractors:
        lines.append(f"選択肢 {' / '.join(d.ja for d in item.distractors)}  (誤答)")
    if item.statement is not None:
        lines.append(f"正文  {item.statement.ja if whole else _stated(item)}")
    if item.false_statement is not None:
        lines.append(f"誤文  {item.false_statement.ja if whole else _falsified(item)}")
    if item.cloze is not None:
        lines.append(f"穴埋め {_cloze(item.cloze.ja) if whole else _clozed(item)}")
    when = dated(drafts.bank, item)
    if when is not None:
        lines.append(f"日付  {when.ja}")
    if item.event is not None and item.when is not None:
        lines.append(f"年表  {date_label(item.when).ja}: {item.event.ja}")
    lines.append(f"解説  {_explained(item)}")
    if item.context is not None:
        lines.append(f"注    {item.context.ja}  (解答・カード裏のみ)")
    lines.append(f"根拠  「{item.evidence[0].quote}」")
    checks = [f"新しい人物 {e.ja}(読み {e.reading})" for e in rv.proposed_people(drafts, item)]
    checks += [f"読み不明 {name}" for name in rv.unknown_readings(item)]
    checks += [f"採用済みの {_named(shared)} と同じ文"] if shared else []
    checks += [f"ワークシートで答えが見える: {'; '.join(clashes)}"] if clashes else []
    if checks:
        lines.append(f"要確認 {' / '.join(checks)}")
    click.echo("")
    click.echo(click.style(safe(lines[0]), bold=True))
    click.echo(safe("\n".join(lines[1:])))


def _stated(item: Item) -> str:
    """The true statement, or 「(穴埋めの［］を埋めた文)」 when it is the cloze sentence with its blanks filled."""
    from quizgen.bank.model import cloze_parts

    assert item.statement is not None
    text = item.statement.ja
    if item.cloze is not None and "".join(part for part, _ in cloze_parts(item.cloze.ja)).strip() == text.strip():
        return "(穴埋めの［］を埋めた文)"
    return text


_CHANGE_MOST = 24  # a false statement that changes at most this many characters of the true one is shown as the change


def _falsified(item: Item) -> str:
    """The false statement, or what it changes in the true one (「正文の「A」→「B」」) when that is short."""
    assert item.false_statement is not None
    false = item.false_statement.ja
    true = item.statement.ja if item.statement is not None else ""
    if not true:
        return false
    head, tail = common_ends(true, false)
    while head > 0 and _script(true[head - 1]) in (_script(true[head:head + 1]), _script(false[head:head + 1])):
        head -= 1  # 2024年5月1（6日）: the whole number, the whole word
    while tail > 0 and _script(true[-tail]) in (_script(true[-tail - 1:len(true) - tail]),
                                                 _script(false[-tail - 1:len(false) - tail])):
        tail -= 1
    old, new = true[head:len(true) - tail], false[head:len(false) - tail]
    if not old or not new or len(old) > _CHANGE_MOST or len(new) > _CHANGE_MOST:
        return false
    return f"正文の「{old}」→「{new}」"


def _script(ch: str) -> str:
    """Which kind of character `ch` is (a digit, kanji, katakana, hiragana, a Latin letter, else ""), for cutting a
    change at word edges."""
    if not ch:
        return "-"
    if ch.isdigit():
        return "digit"
    if "\u4e00" <= ch <= "\u9fff" or ch in "々〆":
        return "kanji"
    if "\u30a1" <= ch <= "\u30fa" or ch == "ー":
        return "katakana"
    if "\u3041" <= ch <= "\u3096":
        return "hiragana"
    return "latin" if ch.isascii() and ch.isalpha() else ""


_CUE = re.compile(r"^【[^】]*】")
_ASKED = re.compile(r"（[\s　]*）に入る[^。]*[か？?]。?$")


def _clozed(item: Item) -> str:
    """The cloze sentence as the sheet prints it, or 「(問の文と同じ、空欄は［答］)」 when it is the question's own
    sentence (its cue and its 「（　　）に入る…か。」 left aside) with the answer as its one blank."""
    from quizgen.bank.model import cloze_parts

    assert item.cloze is not None
    parts = cloze_parts(item.cloze.ja)
    blanks = [part for part, blank in parts if blank]
    sentence = _ASKED.sub("", _CUE.sub("", item.prompt.ja)).strip()
    asked = _CUE.sub("", "".join("（　　）" if blank else part for part, blank in parts)).strip()
    if blanks == [item.answer.ja] and re.sub(r"（[\s　]*）", "（　　）", sentence) == asked:
        return f"(問の文と同じ、空欄は［{item.answer.ja}］)"
    return _cloze(item.cloze.ja)


def _cloze(text: str) -> str:
    """A cloze text as the sheet prints it, each blank shown with what fills it: 「…自治区［ガザ地区］の病院…」."""
    from quizgen.bank.model import cloze_parts

    return "".join(f"［{part}］" if blank else part for part, blank in cloze_parts(text))


def _explained(item: Item) -> str:
    """The explanation (what the key and a card's back print), or which shown text it repeats."""
    text = item.explanation.ja
    for label, other in (("正文", item.statement), ("根拠", Text(item.evidence[0].quote, ""))):
        if other is not None and text.strip() == other.ja.strip():
            return f"({label}と同じ)"
    return text


_FORM: tuple[tuple[str, str, bool], ...] = (
    ("prompt", "問", False), ("answer", "答", False), ("accept", "別解 (、区切り)", True),
    ("distractors", "選択肢 (誤答、/区切り)", True), ("statement", "正文", True), ("false_statement", "誤文", True),
    ("cloze", "穴埋め ([[答]]を含む)", True), ("explanation", "解説", False),
)


FORM_HELP = "  項目ごとに編集: Enter でそのまま、- で削除 (任意の項目)、< で前の項目へ (保存するかの質問からも)"
FORM_HELP_TTY = ("  項目ごとに編集: 今の文が入っています。直してから Enter (そのままなら Enter)、"
                 "Ctrl-U で消して - で削除 (任意の項目)、< で前の項目へ (保存するかの質問からも)")
"""The form's help at a terminal, where each line starts as the field's text (`terminal.ask`'s `prefill`)."""


class _Unfinished(click.Abort):
    """The form left (end of input, Ctrl-C) before its save: `partial` holds what was typed, to keep (hostile20)."""

    def __init__(self, partial: Item) -> None:
        super().__init__()
        self.partial = partial


def _form_text(item: Item, edited: Item) -> str:
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
    going further back. Left before its end: `_Unfinished`, with what was typed."""
    changes: dict[str, object] = {}
    try:
        return _form(item, bank, only, resume, changes)
    except _Unfinished:
        raise
    except (click.Abort, EOFError):
        raise _Unfinished(dataclasses.replace(item, **changes)) from None  # type: ignore[arg-type]


def _form(item: Item, bank: Bank, only: tuple[str, ...] | None, resume: bool, changes: dict[str, object]) -> Item:
    from quizgen.extract import review as rv

    asked = [f for f in _FORM if only is None or f[0] in only or (f[0] == "accept" and "kind" in only)]
    kind: Kind | None = None
    if not resume:
        click.echo(FORM_HELP_TTY if at_terminal() else FORM_HELP)
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
    if "answer" in changes:
        changes.update(relink(item, changes["answer"], bank))  # type: ignore[arg-type]
    edited = dataclasses.replace(item, **changes) if changes else item  # type: ignore[arg-type]
    return rv.with_kind(edited, kind) if kind is not None else edited


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
        value = ask("    →", _limit(name), prompt_suffix=" ", prefill=now).strip()
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


def _say_misfits(item: Item, edited: Item) -> None:
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


def _save_or_back(label: str) -> str:
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
    changes.update(_stale(item, answer, kind, typed))
    if "accept" not in changes and "accept" not in typed:
        changes.update(_unfit_accepted(item, answer, bank))
    return kind


_STALE = (("accept", "別解"), ("distractors", "選択肢"), ("false_statement", "誤文"), ("event", "年表"))


def _stale(item: Item, answer: Text, kind: Kind | None, typed: set[str]) -> dict[str, object]:
    """The texts made from the old answer, dropped once the answer takes another shape (a date made a span: 30日) or
    the kind changes (newuser5 #6: 「2025年9月26日以内に…」): the accepted spellings, choices, false statement and a
    年表 text that names the old answer. Said in the form; each can be written anew. The date stays (the sentence's
    fact still happened then, and a year the texts print may come from it)."""
    from quizgen.extract.rewording import shape

    if shape(answer.ja) == shape(item.answer.ja) and (kind is None or kind.kind is item.kind):
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
    value = ask("    →", _limit("context"), prompt_suffix=" ", prefill=item.context.ja if item.context else "").strip()
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
        value = ask("    →", _limit("event"), prompt_suffix=" ", prefill=shown).strip()
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


def _by_number(numbers: dict[str, int]) -> list[str]:
    """The draft ids by number, from 1 ("" for a number no draft has)."""
    order = [""] * max(numbers.values(), default=0)
    for item_id, n in numbers.items():
        order[n - 1] = item_id
    return order


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
        click.echo(safe(f"    {_CARRIED_JA[name]:<4} {_cloze(new) if name == 'cloze' else new}"))
    if yes_no("    この書き換えを使いますか (このあと各項目で直せます)?"):
        changes.update({name: _typed(item, name, new) for name, new in derived.items()})


def _field_text(item: Item, name: str, changes: dict[str, object] | None = None) -> str:
    value: Any = (changes or {}).get(name, getattr(item, name))
    if name == "accept":
        return "、".join(value)
    if name == "distractors":
        return " / ".join(d.ja for d in value)
    return "" if value is None else str(value.ja)
