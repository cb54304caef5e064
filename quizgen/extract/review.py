"""`quizgen review`: decide on drafts one at a time, each decision written as it is made (library part).

A drafts file (written by `quizgen extract`) holds draft `items`, the proposed `entities` they need and,
for an article nobody registered, its `sources` entry. It is read through the bank's own reader and
validated together with the bank it extends.

Every decision is written at once, atomically, so an interrupted review (Ctrl-C, end of input, a crash)
loses nothing and resumes where it stopped:
- `accept` writes the item (no longer a draft), with the source and new people it needs, into
  `BANK/items/<article>.yaml`, then removes it from the drafts file. The bank is validated as it will
  be before anything is written. Should the second write not happen, `open_drafts` finds the item in
  the bank and drops it from the drafts file (it was accepted).
- `discard` keeps the draft in the drafts file with the reason (`discarded:`), so the record stays.
- `update` writes an edited draft back into the drafts file (editing never accepts).
- `undo_accept` takes an accepted item out of the bank and puts the draft back where it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import random
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgen.atomic import Links, scratch_path, write_bytes, write_new, write_text
from quizgen.bank.articles import ArticleFolders
from quizgen.bank.comments import header as comment_header
from quizgen.bank.comments import only_comments
from quizgen.bank.content import date_answer_problem
from quizgen.bank.files import Unread, bank_files, read_bank_file
from quizgen.bank.load import SECTIONS, bank_data, dumps_bank, loads_bank_files, loads_bank_parts, read_files
from quizgen.bank.located import LocMap, load_located, plain
from quizgen.bank.model import AnswerType, Bank, Category, Entity, EntityType, Item, ItemKind, Text, cloze_parts
from quizgen.bank.names import id_problem
from quizgen.bank.placeholders import TODO_EN
from quizgen.bank.records import display_path, dumps_yaml
from quizgen.errors import BankError, OutputError, Problem, QuizgenError, UsageError, describe_os_error
from quizgen.extract.drafts import placeholder_fields
from quizgen.extract.fingerprint import cut_off, foreign_comments
from quizgen.extract.lexicon import Mention, new_entity_id
from quizgen.extract.numbering import numbered, numbers_of
from quizgen.extract.session import bank_held
from quizgen.japanese.countries import SHORT_COUNTRY
from quizgen.japanese.normalise import normalise


@dataclass(frozen=True)
class Drafts:
    path: Path
    bank_dir: Path
    bank: Bank  # bank and drafts file, validated together
    records: Bank  # the drafts file's own sources, entities and items, as written in it
    header: str  # its comment lines, kept when it is written back
    articles: ArticleFolders | None = None
    stamp: str = ""  # the file's contents when read (a hash): a decision on a file changed since is refused

    @property
    def items(self) -> tuple[Item, ...]:
        """The items in the drafts file, in its order (discarded ones included)."""
        return self.records.items

    @property
    def pending(self) -> tuple[Item, ...]:
        """The drafts still to decide on: not discarded."""
        return tuple(i for i in self.records.items if i.draft and i.discarded is None)

    def item(self, item_id: str) -> Item:
        return next(i for i in self.records.items if i.id == item_id)

    @property
    def numbers(self) -> dict[str, int]:
        """Each draft's number (`g N`), by id: its place in the file when a review first read it, kept in the
        file's header, so it stays the same in every session however many drafts are decided (newuser3 #7)."""
        return numbers_of(numbered(self.header, tuple(i.id for i in self.items)))  # a header without: file order




@dataclass(frozen=True)
class Opened:
    drafts: Drafts
    recovered: int  # drafts the bank already holds as accepted items (an interrupted review, an extract run again)

    @property
    def discarded(self) -> int:
        """Drafts in the file a reviewer discarded (kept with their reasons)."""
        return len(self.drafts.items) - len(self.drafts.pending)


class BankUnread(BankError):
    """A bank file a decision reads cannot be read (a folder, bytes that are not UTF-8, not YAML): the bank is at fault,
    not the draft (hostile20: review named no file and advised editing or discarding the draft)."""


def _bank_texts(bank_dir: Path, file: Path) -> list[tuple[str, str]]:
    """Every bank file's text but the drafts file's own (when it lies inside the bank)."""
    inside = file.resolve().is_relative_to(bank_dir.resolve())
    texts, problems = read_files([p for p in bank_files(bank_dir) if not (inside and p.resolve() == file.resolve())])
    if problems:
        raise BankUnread(problems)
    return texts


def open_drafts(file: Path, bank_dir: Path, articles_dir: Path | None = None, written: str | None = None) -> Opened:
    """Load the drafts file with the bank (raises BankError listing every problem in either, located).

    Drafts that the bank already holds as accepted items (a review stopped between its two writes) are
    dropped from the drafts file, which is written back. `written`: the text a decision has just written to `file`,
    read instead of the file (and its stamp), so a write another program makes right after it is never the session's
    starting point (hostile25: the next decision wrote over it)."""
    if written is None and not file.is_file():
        raise UsageError(f"drafts file not found: {file}")
    if not bank_dir.is_dir():
        raise UsageError(f"bank folder not found: {bank_dir}")
    if written is None:
        read, problems = read_files([file])  # not UTF-8, unreadable: located problems, as for a bank file
        if problems:
            raise BankError(problems)
        text = read[0][0]
    else:
        text = written
    if only_comments(text) and text.strip():
        raise UsageError(f"{file} holds no drafts, only comments (every draft in it was decided); nothing to review")
    cut = cut_off(text)
    if cut is not None:  # hostile20: it was 「a bank file, not a drafts file」
        raise QuizgenError(f"{file} is {cut.said()} Review left it as it is; copy the whole file again, or make the "
                           "drafts again with `quizgen extract ARTICLE -o FILE`")
    texts = _bank_texts(bank_dir, file)
    articles = ArticleFolders.for_bank(bank_dir, articles_dir)
    header = comment_header(text)
    text, recovered = _without_accepted(text, str(file), texts)
    bank, parts = loads_bank_parts([*texts, (text, str(file))], articles)
    if any(not i.draft for i in parts[-1].items):  # an accepted item: the bank's own file (hostile8 L05)
        raise QuizgenError(f"{file} is a bank file, not a drafts file from extract; give review the file "
                         "`quizgen extract ARTICLE -o FILE` wrote")
    header = numbered(header, tuple(i.id for i in parts[-1].items))
    drafts = Drafts(file, bank_dir, bank, parts[-1], header, articles)
    if recovered:
        written = header + dumps_bank(drafts.records)
        write_text(file, written, Links.FOLLOW)
    stamp = _stamp(file) if written is None else _fingerprint(written.encode("utf-8"))
    return Opened(dataclasses.replace(drafts, stamp=stamp), recovered)


def check_writable(drafts: Drafts) -> None:
    """Refuse, before the first decision, a drafts file that cannot be replaced (on a read-only file system, in a
    folder without write permission, made immutable): every decision replaces it, and one taken there would reach
    the bank and not the file (hostile13 M2). The quiz checks its database before the first question the same way.
    The bank files an accept would write (BANK/items/<article>.yaml) are checked too: on a read-only bank the first
    accept failed after the teacher had read the draft and decided (hostile14 RV15).
    The probe is a decision's own write: a file is written back as it is, its bytes, permissions and time kept."""
    try:
        _probe(drafts.path)
    except (OutputError, OSError) as exc:
        raise QuizgenError(f"{drafts.path} cannot be written ({_why(exc)}), and review saves each decision in it as "
                           "it is made, so nothing was decided; make it writable, or copy it to a folder you can "
                           "write and review the copy") from exc
    for target in sorted({_target(drafts.bank_dir, i.articles[0]) for i in drafts.pending if i.articles}):
        try:
            _probe(target)
        except (OutputError, OSError) as exc:
            raise QuizgenError(f"{target} cannot be written ({_why(exc)}), and review moves each accepted draft into "
                               "it as it is accepted, so nothing was decided; make the bank writable, or copy the "
                               "bank to a folder you can write and give the copy with --bank") from exc


def _probe(path: Path) -> None:
    """Write `path` as a decision would: an existing file written back as it is (bytes, permissions and time kept);
    for a new one, a temporary file made and removed in the folder it would go in (no folder is made)."""
    if not path.exists():
        folder = path.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        with scratch_path(folder / path.name):
            return
    before = path.stat()
    write_bytes(path, path.read_bytes(), Links.FOLLOW)
    with contextlib.suppress(OSError):
        os.chmod(path, stat.S_IMODE(before.st_mode))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _why(exc: Exception) -> str:
    """What the system said of a failed write ('Read-only file system'), or the whole message where it said nothing."""
    cause = exc if isinstance(exc, OSError) else exc.__cause__
    return describe_os_error(cause) if isinstance(cause, OSError) else str(exc)


class HalfAccepted(QuizgenError):
    """An accepted item was written into the bank, but the drafts file could not be written after it: the message
    says what was saved where; `drafts` are the drafts as they now stand (the item no longer among them)."""

    def __init__(self, message: str, drafts: Drafts) -> None:
        super().__init__(message)
        self.drafts = drafts


def refusals(text: str, file: Path, bank_dir: Path) -> tuple[Problem, ...]:
    """The problems `open_drafts` would refuse a drafts file `file` holding `text` for, with the bank (none: it opens)."""
    try:
        loads_bank_files([*_bank_texts(bank_dir, file), (text, str(file))], ArticleFolders.for_bank(bank_dir, None))
    except BankError as exc:
        return exc.problems
    return ()


def gone(path: Path) -> str:
    """Whether the drafts file holds nothing any more: "deleted", "emptied" (nothing but white space: an editor or a
    sync tool that crashed while saving leaves it so) or "" (it holds something, or something else is in its place).
    A file gone so has nothing to lose: the session writes it again with all it holds (hostile16, 21, 22)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return "deleted"
    except OSError:  # a folder in its place
        return ""
    return "" if raw.strip() else "emptied"


def _stamp(file: Path) -> str:
    """What the drafts file holds now, as a hash ("" when it is `gone`: the session writes it again — hostile21: the 15
    drafts and a discard the session held were never written back; UNREADABLE when something else is in its place)."""
    if gone(file):
        return ""
    try:
        return _fingerprint(file.read_bytes())
    except OSError:  # a folder in its place: another program's doing, as a changed text is
        return UNREADABLE


UNREADABLE = "(unreadable)"


def _fingerprint(data: bytes) -> str:
    """A drafts file's stamp: what it holds, as a hash (the session compares it before each write)."""
    return hashlib.sha256(data).hexdigest()


def kept_name(path: Path, tag: str, suffix: str | None = None) -> Path:
    """The name of a copy kept beside the drafts file `path` for the teacher: `d.TAG.yaml` (d.review-kept.yaml,
    d.undone-ID.yaml, d.ID.edit.txt with `suffix`)."""
    return path.with_name(f"{path.stem}.{tag}{suffix or path.suffix or '.yaml'}")


class NotSaved(QuizgenError):
    """A decision that could not be written to the drafts file; `held`: the drafts with the decision made in memory
    only (an edit or a discard), for the session to keep beside the file (hostile24, 25: an edit typed in the form or
    the editor, and a discard's reason, were then in no file)."""

    def __init__(self, message: str, held: Drafts | None = None) -> None:
        super().__init__(message)
        self.held = held


class DraftsChanged(NotSaved):
    """A decision refused because another program changed the drafts file since the session read it."""


NOT_SAVED = "(not saved)"  # the stamp of drafts held in memory only: they differ from the file (`held_text`)


def _unchanged(drafts: Drafts, held: Drafts | None = None) -> None:
    """Refuse to decide on a drafts file another program (another review) changed since it was read. A file deleted
    since is no refusal: the session holds all it held (its comments, drafts and decisions), and the decision writes
    it again, so nothing is lost (hostile16: it was refused as 「changed by another program」, the decision dropped)."""
    now = _stamp(drafts.path)
    if drafts.stamp and now and now != drafts.stamp:
        raise DraftsChanged(f"{drafts.path} was changed by another program (another review session?) since this "
                            "review read it, so nothing was decided; run `quizgen review` again to go on from the file "
                            "as it is now", held)


def _without_accepted(text: str, shown: str, bank_texts: list[tuple[str, str]]) -> tuple[str, int]:
    """The drafts file's text without the records the bank already holds (items, entities, sources)."""
    data, problems = load_located(text, shown)
    if problems or not isinstance(data, LocMap):
        return text, 0  # the bank's reader reports what is wrong
    bank, parts = loads_bank_parts(bank_texts)
    raw: dict[str, Any] = plain(data)
    _refuse_drafts_in_bank(shown, raw, bank_texts, parts)
    accepted = {i.id for i in bank.items if not i.draft}  # a draft the bank holds as a draft is no decision
    held = {"items": accepted, "entities": set(bank.entity_by_id), "sources": set(bank.source_by_id)}
    before = len(raw.get("items") or [])
    changed = False
    for key, ids in held.items():
        records = raw.get(key) or []
        kept = [r for r in records if not (isinstance(r, dict) and r.get("id") in ids)]
        if len(kept) != len(records):
            raw[key] = kept
            changed = True
    if not changed:
        return text, 0
    return dumps_yaml({k: v for k, v in raw.items() if v}), before - len(raw.get("items") or [])


def _refuse_drafts_in_bank(shown: str, raw: dict[str, Any], bank_texts: list[tuple[str, str]], parts: list[Bank]) -> None:
    """Refuse a drafts file whose drafts a bank file holds as drafts too (`extract -o` into the bank's articles folder,
    or the drafts copied into `items/` for `--include-drafts`): one of the two copies must go, and which is the
    teacher's to say (hostile24: review took them for accepted and emptied the drafts file, edits and discards
    with it)."""
    mine = {r.get("id") for r in raw.get("items") or [] if isinstance(r, dict)}
    where = _holding(mine, bank_texts, parts)
    if where:
        raise QuizgenError(f"the drafts of {shown} are in the bank as drafts too, in {', '.join(where)} (a copy of "
                           "them, or drafts of the same article made there by extract); nothing was changed. Remove "
                           f"that copy from the bank, or review it instead of {shown}")


def _holding(mine: set[Any], bank_texts: list[tuple[str, str]], parts: list[Bank]) -> list[str]:
    """The bank files (by shown name) that hold any of the drafts `mine` as drafts."""
    return [name for (_text, name), part in zip(bank_texts, parts, strict=True)
            if any(i.draft and i.id in mine for i in part.items)]


def copied_into_bank(drafts: Drafts) -> NotSaved | None:
    """The refusal of any decision while a bank file holds the session's drafts as drafts (copied there while the
    review ran: hostile28, `a` then said 「already in the bank (accepted in another review session)」, `u` blamed the
    drafts file for 14 duplicate ids, `y` the teacher's edit), or None. A bank that does not read is no refusal
    here: the decision says what is wrong with it."""
    try:
        bank_texts = _bank_texts(drafts.bank_dir, drafts.path)
    except BankError:
        return None
    copies = _copied_meanwhile(drafts, bank_texts)
    return _copy_refusal(drafts, copies) if copies else None


def _copy_refusal(drafts: Drafts, copies: list[str], held: Drafts | None = None) -> NotSaved:
    """The refusal of a decision while the bank holds a copy of the drafts; with `held`, the decision just typed is
    kept with the session's drafts beside the file (hostile29: 「so nothing was decided」 after 「破棄 1 件…判断はすべて
    d.review-kept.yaml にあります」 contradicted the closing line)."""
    done = (f"so this decision was not written to {drafts.path} (it is kept with this review's drafts, named above)"
            if held is not None else "so nothing was decided")
    return NotSaved(f"the drafts of {drafts.path} were put into the bank as drafts too while this review ran, in "
                    f"{', '.join(copies)}, {done}; remove that copy from the bank, then run `quizgen review` again",
                    held=held)


def _with_bank(drafts: Drafts, text: str, held: Drafts | None = None) -> Bank:
    """The bank with `text` as the drafts file's, validated (raises BankError); refused as `_copy_refusal` when a bank
    file holds the session's drafts as drafts (copied there while the review ran), `held` kept with the refusal."""
    bank_texts = _bank_texts(drafts.bank_dir, drafts.path)
    try:
        return loads_bank_files([*bank_texts, (text, str(drafts.path))], drafts.articles)
    except BankError as exc:
        if copies := _copied_meanwhile(drafts, bank_texts):
            raise _copy_refusal(drafts, copies, held) from exc
        raise


def _copied_meanwhile(drafts: Drafts, bank_texts: list[tuple[str, str]]) -> list[str]:
    """The bank files that hold the session's drafts as drafts now (copied there while the review ran: hostile27,
    a discard then ended the review on 15 「duplicate id」 lines, its reason in no file); [] when none, or when the
    bank alone does not read (the bank's reader says what is wrong)."""
    try:
        _bank, parts = loads_bank_parts(bank_texts)
    except BankError:
        return []
    return _holding({i.id for i in drafts.items}, bank_texts, parts)


# --------------------------------------------------------------------------- decisions


def _with(drafts: Drafts, records: Bank) -> tuple[str | None, Bank]:
    """The drafts file's text holding `records` (None: nothing left, the file goes), validated with the bank."""
    if not records.items:
        return None, records
    return drafts.header + dumps_bank(records), records


def held_text(drafts: Drafts) -> str | None:
    """The drafts file as this session holds it, when the file on disk no longer does (deleted, emptied, cut or replaced
    by another program, a folder in its place): None when it holds what the session last wrote, or the session holds
    no draft (hostile22: a `q` after the file was emptied or cut lost the drafts and decisions held)."""
    if not drafts.records.items:
        return None
    if not gone(drafts.path) and drafts.path.is_file() and _stamp(drafts.path) == drafts.stamp:
        return None
    return drafts.header + dumps_bank(drafts.records)


def keep_held(drafts: Drafts) -> tuple[str, Path] | None:
    """Write the drafts and decisions the session holds where the drafts file no longer holds them (`held_text`): the
    file again when it is `gone` ("again", the file), else a copy beside it, never over what another program wrote
    there ("beside", `d.review-kept.yaml`); None when the file holds them. Raises OSError."""
    text = held_text(drafts)
    if text is None:
        return None
    path = drafts.path
    if gone(path):
        write_text(path, text, Links.FOLLOW)
        return "again", path
    return "beside", write_new(kept_name(path, "review-kept"), text)


def _reopen(drafts: Drafts, written: str | None) -> Drafts:
    """The drafts as a decision left them: `written`, the text it wrote to the drafts file (None: it removed the file),
    read as written, never re-read from the file (see `open_drafts`)."""
    if written is None or only_comments(written):
        return dataclasses.replace(drafts, records=Bank(), stamp="")
    return open_drafts(drafts.path, drafts.bank_dir, _explicit(drafts), written).drafts



def _explicit(drafts: Drafts) -> Path | None:
    a = drafts.articles
    return a.folders[0] if a is not None and a.strict else None


def update(drafts: Drafts, item: Item) -> Drafts:
    """Write an edited draft (still a draft) back into the drafts file, validated with the bank."""
    records = dataclasses.replace(drafts.records, items=tuple(item if i.id == item.id else i for i in drafts.items))
    _unchanged(drafts, held=dataclasses.replace(drafts, records=records))
    text, _ = _with(drafts, records)
    assert text is not None
    held = dataclasses.replace(drafts, records=records, stamp=NOT_SAVED)
    _with_bank(drafts, text, held)
    try:
        write_text(drafts.path, text, Links.FOLLOW)
    except OutputError as exc:  # made unwritable meanwhile (hostile25: chattr +i lost the edit or the discard)
        raise NotSaved(str(exc), held=held) from exc
    try:
        return _reopen(drafts, text)
    except BankError:  # the bank or an article stopped reading right after the write (hostile25: the next decision
        # then blamed the drafts file): the drafts as written; the next decision names what stopped reading
        return dataclasses.replace(drafts, records=records, stamp=_fingerprint(text.encode("utf-8")))


def discard(drafts: Drafts, item_id: str, reason: str) -> Drafts:
    """Mark a draft discarded, with the reviewer's reason, in the drafts file."""
    reason = " ".join(reason.split()) or "(理由なし)"
    return update(drafts, dataclasses.replace(drafts.item(item_id), discarded=reason))


EDITED = "(edited item)"  # the shown file name of an item's text as it comes back from the editor


def rebuild(drafts: Drafts, item_id: str, edited_text: str) -> tuple[Item, str | None]:
    """The item `item_id` as the teacher edited it (its YAML text), validated in the drafts file with the bank, and
    the other id the text gave it, if it did (the item keeps `item_id`).

    Raises BankError if anything is wrong, located in the drafts file as it would be written."""
    edited, problems = load_located(edited_text, EDITED)
    if problems:
        raise BankError(problems)
    if not isinstance(edited, LocMap) or not isinstance(edited.get("id"), str):
        raise UsageError("the edited item must be a YAML mapping with an `id`")
    data = bank_data(drafts.records)
    # the id stays (hostile15: an edit that changed it was dropped whole, 「保存しました」 said): the draft's number,
    # its fingerprint and the bank's links hang on it; the caller tells the teacher
    data["items"] = [{**_english_left(plain(edited)), "id": item_id} if i["id"] == item_id else i
                     for i in data.get("items", [])]
    bank = _with_bank(drafts, dumps_yaml(data))  # hostile28: a copy of the drafts put into the bank meanwhile
    typed = edited["id"]
    return bank.item_by_id[item_id], (typed if typed != item_id else None)


_TEXT_FIELDS = ("prompt", "answer", "explanation", "statement", "false_statement", "cloze", "event")


def _english_left(item: dict[str, Any]) -> dict[str, Any]:
    """An edited draft with every text written in Japanese alone (`prompt: …` or `prompt: {ja: …}`) given the English
    placeholder a draft has until a reviewer writes it, and listed in `missing` (newuser11: a save was refused five
    times over 「prompt.en: required field is missing」 in a class that needs no English)."""
    out = dict(item)
    left: list[str] = []
    answer = out.get("answer")
    for name in _TEXT_FIELDS:
        value = out.get(name)
        if isinstance(value, str) or (isinstance(value, dict) and "ja" in value and "en" not in value):
            en = TODO_EN
            if name == "cloze":  # a cloze's English has its blank too
                en += f" [[{answer.get('en', TODO_EN) if isinstance(answer, dict) else TODO_EN}]]"
            out[name] = {"ja": value if isinstance(value, str) else value["ja"], "en": en}
            left.append(f"{name}.en")
    if isinstance(out.get("distractors"), list):
        listed = out["distractors"]
        out["distractors"] = [{"ja": d, "en": TODO_EN} if isinstance(d, str)
                              else {**d, "en": TODO_EN} if isinstance(d, dict) and "en" not in d else d for d in listed]
        if out["distractors"] != listed:
            left.append("distractors.en")
    if left:
        known = out.get("missing")
        out["missing"] = list(dict.fromkeys([*(known if isinstance(known, list) else []), *left]))
    return out


def restore(drafts: Drafts, item: Item) -> Drafts:
    """Undo an edit or a discard: the draft as it was."""
    return update(drafts, item)


def accepted(item: Item, english: dict[str, str] | None = None) -> Item:
    """The item as a bank item: not a draft; English texts from `english` (field -> text) where given; its
    `missing` list recomputed (placeholders left, and whatever else the reviewer must still do)."""
    english = {k: v.strip() for k, v in (english or {}).items() if v.strip()}
    changes: dict[str, Any] = {"draft": False, "discarded": None}
    for path, value in english.items():
        fname, _, lang = path.partition(".")
        current: Text | None = getattr(item, fname, None)
        if lang != "en" or current is None or (fname == "cloze" and "[[" not in value):
            continue
        changes[fname] = Text(current.ja, value)
    tags = tuple(t for t in item.tags if t != "draft" and not t.startswith("rule-"))
    out = dataclasses.replace(item, **changes, tags=tags)
    others = tuple(m for m in item.missing if not m.endswith(".en") and not m.startswith("reading of "))
    return dataclasses.replace(out, missing=(*placeholder_fields(out), *others))


def still_missing(item: Item) -> tuple[str, ...]:
    """English fields that are still placeholders."""
    return placeholder_fields(item)


@dataclass(frozen=True)
class Outcome:
    drafts: Drafts
    target: Path
    item: Item  # as accepted


def accept(drafts: Drafts, item: Item, english: dict[str, str] | None = None, person: Entity | None = None) -> Outcome:
    """Move `item` (accepted) into BANK/items/<article>.yaml with the source and new people it needs; then
    take it out of the drafts file. `person` is a new person the reviewer named for it (see `new_person`)."""
    _unchanged(drafts)
    decided = accepted(item, english)
    target = _target(drafts.bank_dir, decided.articles[0])
    with bank_held(drafts.bank_dir):  # another session's accept into the same bank file waits (hostile8 G12)
        return _accept(drafts, item, decided, target, person)


def _accept(drafts: Drafts, item: Item, decided: Item, target: Path, person: Entity | None) -> Outcome:
    """`accept` while the bank is held: the bank is read as it is now, so what another session moved into it
    meanwhile (an item, the people and source it needs) is neither moved twice nor kept in this drafts file."""
    bank_texts = _bank_texts(drafts.bank_dir, drafts.path)
    now = loads_bank_files(bank_texts)
    if decided.id in now.item_by_id:
        raise UsageError(f"{decided.id} is already in the bank (accepted in another review session)")
    records = drafts.records
    entities = (*records.entities, *([person] if person is not None else []))
    needed = {decided.entity, *decided.actors}
    moving = Bank(sources=tuple(s for s in records.sources if s.id in decided.articles and s.id not in now.source_by_id),
                  entities=tuple(e for e in entities if e.id in needed and e.id not in now.entity_by_id),
                  items=(decided,))
    header, existing = _existing(target)
    target_text = header + dumps_yaml(_appended(existing, bank_data(moving)))
    rest = Bank(sources=tuple(s for s in records.sources if s not in moving.sources and s.id not in now.source_by_id),
                entities=tuple(e for e in records.entities if e not in moving.entities and e.id not in now.entity_by_id),
                items=tuple(i for i in records.items if i.id != item.id and i.id not in now.item_by_id))
    file_text, _ = _with(drafts, rest)
    texts = [(t, n) for t, n in bank_texts if Path(n).resolve() != target.resolve()]
    texts.append((target_text, str(target)))
    if file_text is not None:
        texts.append((file_text, str(drafts.path)))
    loads_bank_files(texts, drafts.articles)  # the bank as it will be, before anything is written
    write_text(target, target_text, Links.FOLLOW)
    try:
        if file_text is None and foreign_comments(drafts.header):  # the last draft left: the teacher's notes stay
            write_text(drafts.path, drafts.header, Links.FOLLOW)  # (hostile15: the file went, and they with it)
        elif file_text is None:
            drafts.path.unlink()
        else:
            write_text(drafts.path, file_text, Links.FOLLOW)
    except (OutputError, OSError) as exc:  # the accept is in the bank: say so, and where the draft still is
        raise HalfAccepted(f"{decided.id} was accepted into {target}, but {drafts.path} could not be written "
                           f"({_why(exc)}), "
                           "so the draft is still in it; the next `quizgen review` of that file drops it, as the bank "
                           "holds it", dataclasses.replace(drafts, records=rest)) from exc
    written = file_text if file_text is not None else (drafts.header if foreign_comments(drafts.header) else None)
    return Outcome(_reopen(drafts, written), target, decided)


def _target(bank_dir: Path, article: str) -> Path:
    """BANK/items/<article>.yaml, where accepted items go; never a file outside the bank (ids are checked, and so is this)."""
    target = bank_dir / "items" / f"{article}.yaml"
    if id_problem(article) is not None or not target.resolve().is_relative_to(bank_dir.resolve()):
        raise UsageError(f"accepted items of article {article!r} would be written outside the bank, to {target}")
    return target


def undo_accept(drafts: Drafts, accepted_item: Item, target: Path, original: Item, position: int) -> Drafts:
    """Take an accepted item out of the bank file `target` and put the draft `original` back at `position`.

    The source and any new person that moved with it stay in the bank (other items may use them)."""
    _unchanged(drafts)
    with bank_held(drafts.bank_dir):
        return _undo_accept(drafts, accepted_item, target, original, position)


def _undo_accept(drafts: Drafts, accepted_item: Item, target: Path, original: Item, position: int) -> Drafts:
    header, existing = _existing(target)
    existing["items"] = [i for i in existing.get("items") or [] if i.get("id") != accepted_item.id]
    target_text = header + dumps_yaml({k: v for k, v in existing.items() if v})
    items = list(drafts.items)  # none when the last accept took the file away (`_reopen`); all when it was deleted
    items.insert(min(position, len(items)), original)
    records = dataclasses.replace(drafts.records, items=tuple(items))
    file_text = drafts.header + dumps_bank(records)
    texts = [(t, n) for t, n in _bank_texts(drafts.bank_dir, drafts.path) if Path(n).resolve() != target.resolve()]
    loads_bank_files([*texts, (target_text, str(target)), (file_text, str(drafts.path))], drafts.articles)
    before = _bytes_or_none(drafts.path)
    write_text(drafts.path, file_text, Links.FOLLOW)  # the draft first: if the second write fails, open_drafts keeps the bank's
    try:
        write_text(target, target_text, Links.FOLLOW)
    except (OutputError, OSError):  # the bank file cannot be written (made read-only or immutable meanwhile): the
        _put_back(drafts.path, before)  # drafts file as it was, so nothing was undone (hostile23: it was left
        raise  # changed, and the end of the review took the session's own write for another program's)
    return _reopen(drafts, file_text)


def _bytes_or_none(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _put_back(path: Path, before: bytes | None) -> None:
    with contextlib.suppress(OutputError, OSError):
        if before is None:
            path.unlink()
        else:
            write_bytes(path, before, Links.FOLLOW)


def still_accepted(target: Path, item_id: str) -> bool:
    """Whether the bank file an accept wrote still holds the accepted item (False: another program deleted, emptied,
    damaged or replaced the file since)."""
    try:
        _header, existing = _existing(target)
    except (BankError, OSError):
        return False
    return any(isinstance(i, dict) and i.get("id") == item_id for i in existing.get("items") or [])


def lone_draft_text(drafts: Drafts, original: Item) -> str:
    """A drafts file holding the one draft `original` (with the entities and sources the session's drafts file holds):
    where an accepted draft goes when `u` cannot take it out of a bank that no longer holds it (hostile23: the draft
    was then nowhere, neither in the bank nor in a drafts file)."""
    header = (f"# A draft accepted in `quizgen review` of {drafts.path.name}, then undone after another program had\n"
              "# taken it out of the bank. Put the bank back, then review it with:  quizgen review THIS_FILE\n")
    return header + dumps_bank(dataclasses.replace(drafts.records, items=(original,)))


def new_person(item: Item, name: str, reading: str, article: str) -> tuple[Item, Entity]:
    """A person the reviewer named a reading for (張暁剛 → ちょうぎょうごう): the entity, and the item linked to it."""
    mention = Mention(name, 0, len(name), EntityType.PERSON, None, reading=reading)
    entity = Entity(id=new_entity_id(mention), type=EntityType.PERSON, ja=name, reading=reading, en=TODO_EN,
                    aliases=(f"{name}氏",), note=Text("quizgen review で追加した人物", "Added in quizgen review"))
    missing = tuple(m for m in item.missing if not m.startswith(f"reading of {name}"))
    return dataclasses.replace(item, entity=entity.id, missing=missing), entity


def confirm_person(drafts: Drafts, entity: Entity, reading: str | None, english: str | None) -> Drafts:
    """The reviewer's confirmation of a proposed person: the reading (and English name) they give."""
    _unchanged(drafts)
    changed = dataclasses.replace(entity, reading=reading or entity.reading,
                                  en=english.strip() if english and english.strip() else entity.en)
    if changed == entity:
        return drafts
    records = dataclasses.replace(drafts.records, entities=tuple(changed if e.id == entity.id else e
                                                                 for e in drafts.records.entities))
    text = drafts.header + dumps_bank(records)
    loads_bank_files([*_bank_texts(drafts.bank_dir, drafts.path), (text, str(drafts.path))], drafts.articles)
    write_text(drafts.path, text, Links.FOLLOW)
    return _reopen(drafts, text)


def proposed_people(drafts: Drafts, item: Item) -> tuple[Entity, ...]:
    """The new people (proposed in the drafts file, not yet in the bank) that accepting `item` adds."""
    ids = {item.entity, *item.actors}
    return tuple(e for e in drafts.records.entities if e.id in ids)


def unknown_readings(item: Item) -> tuple[str, ...]:
    """Names whose reading nobody could be sure of ("reading of 張暁剛 (…)" in `missing`)."""
    return tuple(m.removeprefix("reading of ").split(" ")[0] for m in item.missing if m.startswith("reading of "))


def readings_gone(item: Item, answer: Text) -> tuple[str, ...]:
    """The names whose reading `item` still asks for (`unknown_readings`) that the new `answer` no longer names."""
    return tuple(name for name in unknown_readings(item) if name not in answer.ja)


# --------------------------------------------------------------------------- what kind of question


@dataclass(frozen=True)
class Kind:
    """What kind of question a draft is, as a teacher picks it: the item's `kind`, with the `answer_type` and
    `category` that go with it (as `extract` sets them)."""

    label: str  # Japanese, as the review offers it
    kind: ItemKind
    answer_type: AnswerType
    category: Category


KINDS: tuple[Kind, ...] = (
    Kind("日付", ItemKind.DATE, AnswerType.DATE, Category.DATES),
    Kind("数", ItemKind.NUMBER, AnswerType.NUMBER, Category.POSITIONS),
    Kind("期間・年数", ItemKind.DURATION, AnswerType.NUMBER, Category.DATES),
    Kind("周年", ItemKind.ANNIVERSARY, AnswerType.NUMBER, Category.DATES),
    Kind("人物", ItemKind.PERSON, AnswerType.TEXT, Category.ACTORS),
    Kind("役職", ItemKind.ROLE, AnswerType.TEXT, Category.ACTORS),
    Kind("国", ItemKind.COUNTRY, AnswerType.TEXT, Category.ACTORS),
    Kind("組織", ItemKind.ORGANISATION, AnswerType.TEXT, Category.FORUMS),
    Kind("場所", ItemKind.PLACE, AnswerType.TEXT, Category.FORUMS),
    Kind("会議・枠組み", ItemKind.FORUM, AnswerType.TEXT, Category.FORUMS),
    Kind("会談の形式", ItemKind.MEETING, AnswerType.TEXT, Category.FORUMS),
    Kind("出来事", ItemKind.EVENT, AnswerType.TEXT, Category.DATES),
    Kind("文書・提案", ItemKind.DOCUMENT, AnswerType.TEXT, Category.POSITIONS),
    Kind("語句・立場", ItemKind.STANCE, AnswerType.TEXT, Category.POSITIONS),
)
"""The kinds a review offers, by number (1-based)."""

_NUMERAL = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万億兆]")


def kind_of(item: Item) -> Kind:
    """The item's kind as `KINDS` offers it (its own answer type and category kept)."""
    base = next(k for k in KINDS if k.kind is item.kind)
    return dataclasses.replace(base, answer_type=item.answer_type, category=item.category)


def kind_problem(answer: Text, kind: Kind) -> str | None:
    """Why `answer` cannot answer a question of `kind` (a date without a year, a number without a numeral), or None.
    Dates by the bank's own rule (`date_answer_problem`)."""
    if kind.kind is ItemKind.DATE or kind.answer_type is AnswerType.DATE:
        return date_answer_problem(answer)
    if kind.answer_type is AnswerType.NUMBER and not _NUMERAL.search(answer.ja):
        return f"number answer 「{answer.ja}」 holds no number"
    if kind.category is Category.DATES and kind.kind is not ItemKind.EVENT:
        return date_answer_problem(answer, year=False)
    return None


def fitting_kinds(answer: Text) -> tuple[Kind, ...]:
    """The kinds of `KINDS` that `answer` can answer."""
    return tuple(k for k in KINDS if kind_problem(answer, k) is None)


def with_kind(item: Item, kind: Kind) -> Item:
    """`item` as a question of `kind`: its kind, answer type and category."""
    return dataclasses.replace(item, kind=kind.kind, answer_type=kind.answer_type, category=kind.category)


# what a moved blank asks, by the kind guessed for its word (`reblank`)
_ASKS = {ItemKind.DATE: "日付はいつか", ItemKind.NUMBER: "数は何か", ItemKind.PERSON: "人物は誰か",
         ItemKind.COUNTRY: "国はどこか", ItemKind.PLACE: "場所はどこか", ItemKind.ORGANISATION: "組織は何か",
         ItemKind.FORUM: "会議・枠組みは何か"}
_KIND_OF_ENTITY = {EntityType.PERSON: ItemKind.PERSON, EntityType.COUNTRY: ItemKind.COUNTRY,
                   EntityType.ORGANISATION: ItemKind.ORGANISATION, EntityType.PLACE: ItemKind.PLACE,
                   EntityType.FORUM: ItemKind.FORUM}


@dataclass(frozen=True)
class Reblanked:
    """A draft whose blank `reblank` moved, and the Japanese labels of what it dropped as made for the old answer."""

    item: Item
    dropped: tuple[str, ...]


def reblank(item: Item, word: str, bank: Bank, rng: random.Random) -> Reblanked | None:
    """The draft asking `word`, a word its question's sentence prints once, in place of its answer (newuser13: 8 of
    the 11 questions kept needed a new blank, each through the whole form, about 20 keys): the blank moved there and
    the old answer written back (`moved_blank`; or narrowed to a part of the old answer, `narrowed_blank`), the
    question asking for the word's kind, the true statement, cloze
    and explanation made anew from the sentence, the kind guessed from the word (a date, a number, a registered
    entity's type, a country the tool knows by name, else 語句・立場), the entity the word names linked. What
    was made for the old answer goes: its
    accepted spellings, choices, false statement and a 年表 text that names it, and a reading still asked for a person
    the new answer does not name; new choices are drawn (`rng`) where the word is an exact count (13か国: 12か国,
    14か国, 15か国) or a registered entity (other forums, other countries), none that the question prints. None where
    the sentence does not print `word` once as a word. Pure."""
    from quizgen.extract.distractors import Pools, choose
    from quizgen.extract.rewording import carried, moved_blank, narrowed_blank

    moved = moved_blank(item, word) or narrowed_blank(item, word)
    if moved is None:
        return None
    entity = next((e for e in bank.entities if e.is_named(Text(word, ""))), None)
    kind = _guessed(item, Text(word, ""), entity)
    moved = moved.removesuffix("（　　）に入る語句は何か。") + f"（　　）に入る{_ASKS.get(kind.kind, '語句は何か')}。"
    derived = carried(item, "prompt", moved, word)
    texts: dict[str, Any] = {name: Text(value, TODO_EN + (f" [[{word}]]" if name == "cloze" else ""))
                             for name, value in derived.items() if name != "false_statement"}
    old = {"accept": (item.accept, "別解"), "distractors": (item.distractors, "選択肢"),
           "false_statement": (item.false_statement, "誤文"),
           "event": (item.event if item.event is not None and item.answer.ja in item.event.ja else None, "年表")}
    dropped = tuple(label for value, label in old.values() if value)
    answer = Text(word, entity.en if entity is not None and entity.en else TODO_EN)
    exact = kind.answer_type is AnswerType.NUMBER and not _ROUGH.search(word)
    named = entity is not None or kind.kind is ItemKind.COUNTRY
    drawn = choose(kind.kind, word, (), moved, Pools(), bank, rng,
                   entity_type=entity.type if entity is not None else None).texts if exact or named else ()
    out = dataclasses.replace(
        item, answer=answer, prompt=Text(moved, TODO_EN), accept=(), distractors=drawn if len(drawn) >= 3 else (),
        false_statement=None,
        event=None if old["event"][0] is not None else item.event, entity=entity.id if entity is not None else None,
        missing=tuple(m for m in item.missing if not (m.startswith("reading of ")
                                                      and m.removeprefix("reading of ").split(" ")[0] not in word)),
        **texts)
    return Reblanked(with_kind(out, kind), dropped)


_ROUGH = re.compile(r"約|およそ|最大|最小|以上|以下|超|余り|あまり|近く|前後|程度")  # no ±1 choices for 約3200人


def _guessed(item: Item, answer: Text, entity: Entity | None) -> Kind:
    """The kind of question a moved blank asks (`reblank`): a date or a number as the word is one, a registered
    entity's type, the item's own kind where it is no actor's (a document, a stance), else 語句・立場."""
    fits = {k.kind: k for k in fitting_kinds(answer)}
    if ItemKind.DATE in fits and date_answer_problem(answer) is None:
        return fits[ItemKind.DATE]
    if re.search(r"[0-9０-９]", answer.ja) and ItemKind.NUMBER in fits:  # not 一帯一路
        own = fits.get(item.kind)
        return own if own is not None and own.answer_type is AnswerType.NUMBER else fits[ItemKind.NUMBER]
    if entity is not None and (kind := _KIND_OF_ENTITY.get(entity.type)) in fits:
        return fits[kind]
    if answer.ja in SHORT_COUNTRY and ItemKind.COUNTRY in fits:  # アメリカ where the bank has no entity for it (bcheck)
        return fits[ItemKind.COUNTRY]
    if item.kind in (ItemKind.DOCUMENT, ItemKind.STANCE, ItemKind.EVENT, ItemKind.MEETING) and item.kind in fits:
        return fits[item.kind]
    return next(k for k in KINDS if k.kind is ItemKind.STANCE)


def asks_a_date(item: Item) -> bool:
    """Whether the item's answer is a date (its kind or answer type): the bank wants its `when` for it."""
    return item.kind is ItemKind.DATE or item.answer_type is AnswerType.DATE


def misfits(before: Item, after: Item) -> tuple[str, ...]:
    """What no longer fits an item whose answer the reviewer changed (said in Japanese before it is saved): a cloze
    blank another answer fills, choices, a false statement or accepted spellings made for the old answer, an
    unchanged prompt (newuser3 #6: 答=展望 was saved with the blank [[国防協力]])."""
    if normalise(before.answer.ja) == normalise(after.answer.ja):
        return ()
    new, old = after.answer.ja, before.answer.ja
    answers = {normalise(a) for a in (new, *after.accept)}
    out: list[str] = []
    if after.prompt.ja == before.prompt.ja:
        out.append(f"問は前の答え「{old}」の問いのままです")
    if after.cloze is not None:
        blanks = [part for part, blank in cloze_parts(after.cloze.ja) if blank]
        wrong = [b for b in blanks if normalise(b) not in answers]
        if wrong and len(blanks) == 1:
            out.append(f"穴埋めの空欄 [[{wrong[0]}]] は新しい答え「{new}」と合いません")
    if after.distractors and after.distractors == before.distractors:
        out.append(f"選択肢 {' / '.join(d.ja for d in after.distractors)} は前の答え「{old}」に合わせたものです")
    if any(normalise(d.ja) in answers for d in after.distractors):
        out.append(f"選択肢に新しい答え「{new}」があります")
    if after.false_statement is not None and after.false_statement == before.false_statement:
        out.append(f"誤文は前の答え「{old}」を入れ替えた文です")
    if after.accept and after.accept == before.accept:
        out.append(f"別解 {'、'.join(after.accept)} は前の答え「{old}」のものです")
    return tuple(out)


def _existing(target: Path) -> tuple[str, dict[str, Any]]:
    """What a bank file holds now (its leading comments, and its data read by the bank's reader)."""
    if not target.exists():
        return "", {}
    text = read_bank_file(target)
    if isinstance(text, Unread):  # hostile20: a bank file gone bad during a review (a sync conflict's bytes)
        raise BankError([Problem(display_path(target), text.line, text.column, "(file)", text.message)])
    header = comment_header(text)
    data, problems = load_located(text, str(target))
    if problems:
        raise BankError(problems)
    return header, plain(data) if isinstance(data, LocMap) else {}


def _appended(existing: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`existing` with each section of `new` added at its end, sections in the bank files' order."""
    merged = {**existing, **{k: [*(existing.get(k) or []), *v] for k, v in new.items()}}
    return {k: merged[k] for k in SECTIONS if merged.get(k)}


__all__ = ["KINDS", "NOT_SAVED", "BankUnread", "Drafts", "DraftsChanged", "Kind", "NotSaved",
           "Opened", "Outcome", "Reblanked", "accept", "asks_a_date",
           "confirm_person", "copied_into_bank",
           "discard", "fitting_kinds", "gone", "keep_held", "kept_name", "kind_of", "kind_problem", "lone_draft_text",
           "misfits", "new_person",
           "open_drafts", "proposed_people", "readings_gone", "reblank", "rebuild", "restore",
           "still_accepted", "still_missing", "undo_accept", "unknown_readings", "update", "with_kind"]
