"""Hostile pass 20 (`/work/stage/hostile20/table.md` on the machine that ran it), its UNCLEAR MESSAGE causes:

- cause 2: review `u` (undo an accept) after the bank folder, or the article's bank file, was deleted ended the
  review with 20-40 「e.yaml:25:14: item ….article: unknown article '001'」, blaming the drafts file; nothing said the
  bank had gone (a discard in the same place says so since hostile19).
- cause 3: review `a` after `sources.yaml` became a folder, or the article's bank file bytes that are not UTF-8, said
  「! (file): not a regular file (a folder)…」 naming no file, and 「[e]で直すか [d]で破棄してください」, as if the draft
  were at fault.
- cause 6: a drafts file cut short inside a draft (a partial copy) was 「not a drafts file」 to `extract -o` and 「a bank
  file」 to `review`: the draft cut before its `draft: true` read as a bank item.
- cause 7: review `e`, the 日付 field: the spaces around a pasted date (or the full-width ones an IME leaves) counted
  against its 12 characters, and the refusal was in English in the Japanese form.
- cause 8: `check` of a bank whose `sources.yaml` was emptied (or holds `sources: []`) gave 157 「unknown article」,
  and for `sources: []` none named sources.yaml.
- cause 9: `--tag a/b` (or |, ・, ／) suggested a value already typed (「did you mean 'peace-plan'?」).
- cause 10: add-article took `-` typed at the headline prompt as the headline 「-」, in silence.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from harness import DEV_ARTICLE, EXTRACT, Ran, command, drafts_workspace, run, script_editor

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _no_editor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "true")  # a `y` read out of turn opens nothing


def _drafts(drafts: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]
    return items


# --------------------------------------------------------------------------- cause 2: undo after the bank went away

GONE = {"folder": "rm -rf cls", "file": "rm -f cls/items/001.yaml"}


@pytest.mark.parametrize("gone", ["folder", "file"])
def test_an_undo_after_the_bank_went_away_says_so_and_the_review_goes_on(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         gone: str) -> None:
    """Pass 20: 20-40 「unknown article」 lines blaming the drafts. Since pass 23 (the draft was then nowhere: refused,
    and the bank no longer held it) the draft is kept in a drafts file of its own (`test_h23_lost.py`)."""
    drafts = drafts_workspace(tmp_path)
    script_editor(tmp_path, monkeypatch, f'cd "{tmp_path}" && {GONE[gone]}')  # the bank goes while the editor is open
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="a\ny\nu\nq\n")
    assert ran.fails_cleanly(0) == "", ran  # the review went on to `q`
    assert "unknown article" not in ran.out and "unknown entity" not in ran.out, ran.out
    kept = tmp_path / "drafts.undone-a001-date-80f0bf.yaml"
    assert f"下書きは {kept} に残しました。" in ran.out and "採用 0 件、破棄 0 件" in ran.out, ran.out[-600:]
    assert "- id: a001-date-80f0bf" in kept.read_text(encoding="utf-8")
    assert _drafts(drafts)[0]["id"] != "a001-date-80f0bf"  # not put back into the drafts file the bank cannot check


# --------------------------------------------------------------------------- cause 3: accept, a bank file unreadable

UNREAD = {"folder": ('rm -f cls/sources.yaml && mkdir cls/sources.yaml', "cls/sources.yaml",
                     "not a regular file (a folder); only plain text files are read"),
          "not-utf8": ("printf '\\377\\376 garbage' > cls/items/001.yaml", "cls/items/001.yaml",
                       "not UTF-8 text (invalid start byte); save the file as UTF-8")}


@pytest.mark.parametrize("fault", ["folder", "not-utf8"])
def test_an_accept_refused_for_a_bank_file_names_the_file_not_the_draft(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        fault: str) -> None:
    drafts = drafts_workspace(tmp_path)
    before = drafts.read_text(encoding="utf-8")
    script, shown, message = UNREAD[fault]
    script_editor(tmp_path, monkeypatch, f'cd "{tmp_path}" && {script}')
    ran = run("review", str(drafts), "--bank", "cls", input="y\na\nq\n")
    assert ran.fails_cleanly(0) == "", ran
    assert (f"  ! {shown}:1:1: (file): {message}\n"
            f"  ! 下書きではなく、バンクのファイル {shown} が読めません (レビューの途中で変わったようです)。採用できません。"
            "そのファイルを直してから、もう一度 [a] で採用してください。\n") in ran.out, ran.out
    assert "[e]で直すか" not in ran.out
    assert drafts.read_text(encoding="utf-8") == before  # the draft stays undecided


def test_a_discard_refused_for_a_bank_file_names_the_file_and_the_review_goes_on(tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = drafts_workspace(tmp_path)
    before = drafts.read_text(encoding="utf-8")
    script, shown, message = UNREAD["folder"]
    script_editor(tmp_path, monkeypatch, f'cd "{tmp_path}" && {script}')
    ran = run("review", str(drafts), "--bank", "cls", input="y\nd\n重複\nq\n")
    assert ran.fails_cleanly(0) == "", ran
    assert (f"  ! {shown}:1:1: (file): {message}\n"
            f"  ! 下書きではなく、バンクのファイル {shown} が読めません (レビューの途中で変わったようです)。破棄は保存されて"
            "いません。そのファイルを直してから、もう一度 [d] で破棄してください。\n") in ran.out, ran.out
    assert drafts.read_text(encoding="utf-8") == before


# --------------------------------------------------------------------------- cause 6: a drafts file cut inside a draft


def _cut(drafts: Path) -> tuple[str, int, int]:
    """Cut the drafts file inside its second draft, before its `draft: true` (as a partial copy leaves it): the draft's
    id, the line it begins on and the file's last line."""
    lines = drafts.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [k for k, line in enumerate(lines) if line.startswith("- id: ")]
    second = starts[1]
    end = next(k for k in range(second, len(lines)) if lines[k] == "  draft: true\n")
    drafts.write_text("".join(lines[:end]), encoding="utf-8")  # its last line is `end` (1-based)
    return lines[second][len("- id: "):].strip(), second + 1, end


def test_extract_over_a_cut_drafts_file_says_it_is_cut_and_where(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    draft, start, end = _cut(drafts)
    cut = drafts.read_text(encoding="utf-8")
    err = run("extract", str(tmp_path / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(tmp_path / "cls"),
              "-o", str(drafts)).fails_cleanly()
    assert err == (f"Error: will not write {drafts}: it is a drafts file cut off at its line {end}, inside draft {draft} "
                   f"(which begins on line {start} and has no `draft: true`): a copy or a save that stopped? What it "
                   "holds would be lost; copy the whole file again, or give another file name\n"), err
    assert drafts.read_text(encoding="utf-8") == cut


def test_review_of_a_cut_drafts_file_says_it_is_cut_and_where(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    draft, start, end = _cut(drafts)
    cut = drafts.read_text(encoding="utf-8")
    err = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="q\n").fails_cleanly()
    assert err == (f"Error: {drafts} is a drafts file cut off at its line {end}, inside draft {draft} (which begins on "
                   f"line {start} and has no `draft: true`): a copy or a save that stopped? Review left it as it is; "
                   "copy the whole file again, or make the drafts again with `quizgen extract ARTICLE -o FILE`\n"), err
    assert drafts.read_text(encoding="utf-8") == cut


# --------------------------------------------------------------------------- cause 7: the form's 日付, spaces around


def _edit_date(drafts: Path, keys: str) -> Ran:
    """review `e` on draft 1 (a date draft of the dev article, 2024-05-16): Enter through the nine fields before the
    date, then `keys`."""
    assert _drafts(drafts)[0]["when"] == "2024-05-16"
    return run("review", str(drafts), "--bank", str(drafts.parent / "cls"), input="e\n" + "\n" * 9 + keys)


@pytest.mark.parametrize("typed", ["2024年5月16日　　　", "   2024-05-16   ", "\u3000" * 3 + "2024-05" + "\u3000" * 3],
                         ids=["ime-spaces", "pasted", "month"])
def test_the_spaces_around_a_typed_date_are_not_counted(tmp_path: Path, typed: str) -> None:
    drafts = drafts_workspace(tmp_path)
    ran = _edit_date(drafts, f"{typed}\n\ny\nq\n")
    assert ran.fails_cleanly(0) == "", ran  # nothing refused
    if "05-16" in typed or "16日" in typed:
        assert "  変更なし\n" in ran.out, ran.out
    else:
        assert "保存しました (まだ下書きです。[a]で採用)" in ran.out, ran.out
        assert _drafts(drafts)[0]["when"] == "2024-05"


def test_a_date_too_long_is_refused_in_japanese(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    ran = _edit_date(drafts, "2024-05-16T10:00\n\n\nq\n")
    assert ran.fails_cleanly(0) == "  16文字です。この項目は12文字までなので、短くして入力し直してください。\n", ran.err
    assert "  変更なし\n" in ran.out


def test_a_field_of_the_form_with_an_invisible_character_is_refused_in_japanese(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    before = drafts.read_text(encoding="utf-8")
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="e\n問\u200bい\n" + "\n" * 30 + "q\n")
    assert ran.err.startswith("  見えない書式文字 U+200B ZERO WIDTH SPACE (2文字目) が入っています (表示されないので、見た目"
                              "と違う文になります)。消して入力し直してください。\n"), ran.err
    assert drafts.read_text(encoding="utf-8") == before


def test_a_discard_reason_is_still_refused_in_english(tmp_path: Path) -> None:
    """Only the form's refusals are Japanese; the discard reason's stay as the README quotes them (hostile pass 2)."""
    drafts = drafts_workspace(tmp_path)
    ran = run("review", str(drafts), "--bank", str(tmp_path / "cls"), input="d\n" + "理" * 2001 + "\n重複\nq\n")
    assert ran.err == "  That is 2,001 characters, more than the 2,000 it may have; type a shorter one.\n", ran.err


# --------------------------------------------------------------------------- cause 8: sources.yaml emptied


def _bundled_bank(sources: str) -> None:
    shutil.copytree(ROOT / "question_bank", "hb")
    Path("hb/sources.yaml").write_text(sources, encoding="utf-8")


@pytest.mark.parametrize("sources", ["", "# 出典はあとで\n"], ids=["empty", "only-a-comment"])
def test_an_emptied_sources_file_is_the_one_problem(sources: str) -> None:
    _bundled_bank(sources)
    err = run("check", "--bank", "hb").fails_cleanly()
    assert err == ("hb/sources.yaml:1:1: (document): the file is empty; add records to it or delete it\n"
                   "1 problem in the question bank\n"), err


def test_a_sources_section_with_nothing_under_it_is_the_one_problem() -> None:
    _bundled_bank("sources:\n#  - id: '000'\n")
    err = run("check", "--bank", "hb").fails_cleanly()
    assert err == ("hb/sources.yaml:1:1: sources: nothing is written under it; write the list of sources under it, or "
                   "remove the file\n1 problem in the question bank\n"), err


def test_an_empty_list_of_sources_is_named_once() -> None:
    _bundled_bank("sources: []\n")
    err = run("check", "--bank", "hb").fails_cleanly()
    assert err == ("hb/sources.yaml:1:10: sources: the list is empty and no other file of the bank lists a source, yet "
                   "157 references name articles ('000', '001', '002', '003' and '004'): list each article's source "
                   "here\n1 problem in the question bank\n"), err


def test_an_empty_list_beside_a_bank_that_lists_the_records_elsewhere_is_no_problem() -> None:
    shutil.copytree(ROOT / "question_bank", "hb")
    Path("hb/more-sources.yaml").write_text("sources: []\n", encoding="utf-8")  # as entities_a.yaml's `entities: []`
    assert run("check", "--bank", "hb").code == 0


# --------------------------------------------------------------------------- cause 9: other joins in a filter option


@pytest.mark.parametrize("sep", ["/", "|", "・", "／"])
def test_two_tags_joined_by_a_slash_a_bar_or_a_middle_dot_are_named(sep: str) -> None:
    err = run("export", "-f", "gift", "-o", "x.gift", "--tag", f"ukraine{sep}peace-plan").fails_cleanly(2)
    assert err == (f"Error: --tag ukraine{sep}peace-plan: no such tag; it holds 2 tags, 'ukraine' and 'peace-plan': "
                   "give --tag once per tag (--tag ukraine --tag peace-plan)\n"), err
    assert not Path("x.gift").exists()


def test_two_stories_joined_by_a_full_width_slash_are_named() -> None:
    err = run("export", "-f", "gift", "-o", "x.gift", "--story", "2024-lavrov-beijing／2023-02-peace-plan").fails_cleanly(2)
    assert err == ("Error: --story 2024-lavrov-beijing／2023-02-peace-plan: no such story; it holds 2 stories, "
                   "'2024-lavrov-beijing' and '2023-02-peace-plan': give --story once per story (--story "
                   "2024-lavrov-beijing --story 2023-02-peace-plan)\n"), err


# --------------------------------------------------------------------------- cause 10: `-` at add-article's headline


def test_a_dash_at_the_headline_prompt_is_asked_again(tmp_path: Path) -> None:
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    ran = run("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls"), input="-\n中露首脳が会談\n-\n2024-05-16\n\n")
    assert ran.fails_cleanly(0) == ("  - は媒体の「不明」に使う記号です。見出しは必須です (出典にいつも印刷されます)。"
                                    "記事の見出しを入力してください\n"), ran.err
    source = yaml.safe_load((tmp_path / "cls" / "items" / "001.yaml").read_text(encoding="utf-8"))["sources"][0]
    assert source["headline"]["ja"] == "中露首脳が会談", source


def test_a_dash_alone_at_the_headline_prompt_never_registers(tmp_path: Path) -> None:
    """The hostile pass's keys (`-` at the headline and at the outlet, the date, Enter): `-` is no headline."""
    shutil.copytree(EXTRACT / "bank", tmp_path / "cls")
    res = subprocess.run(command("add-article", str(DEV_ARTICLE), "--bank", str(tmp_path / "cls")),
                         input="-\n-\n2024-05-16\n\n", capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 2 and "Traceback" not in res.stderr, res
    assert not (tmp_path / "cls" / "items" / "001.yaml").exists()
