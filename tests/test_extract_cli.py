"""`quizgen extract` and `quizgen review` as a user runs them."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quizgen.bank import load_bank
from quizgen.cli import cli

pytest.importorskip("sudachipy")

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    shutil.copytree(DATA / "articles", tmp_path / "articles")
    return tmp_path


def _extract(work: Path, out: Path) -> None:
    r = CliRunner().invoke(cli, ["extract", str(work / "articles" / "new_article.txt"), "--bank", str(work / "bank"),
                                 "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "wrote" in r.output and "1 new people proposed" in r.output
    assert "line 9: source/image credit link: さらに読む ⇒出典/画像元: https://example.com/news/2024/07/04/sco" in r.output


def test_extract_writes_drafts_that_check_validates_inside_the_bank(work: Path) -> None:
    out = work / "bank" / "drafts" / "001.yaml"
    _extract(work, out)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["sources"][0]["id"] == "001" and data["sources"][0]["file"] == "new_article.txt"
    assert all(i["draft"] is True and i["missing"] for i in data["items"])
    r = CliRunner().invoke(cli, ["check", "--bank", str(work / "bank"), "--articles", str(work / "articles")])
    assert r.exit_code == 0, r.output
    first = r.output.splitlines()[0]  # the proposed person (トカエフ) is the 11th entity
    assert first.startswith("ok: 1 item, 11 entities, 2 sources, 0 disagreements, ") and first.endswith(" drafts")


def test_extract_prints_to_stdout_without_output(work: Path) -> None:
    r = CliRunner().invoke(cli, ["extract", str(work / "articles" / "seed.txt"), "--bank", str(work / "bank"),
                                 "--source-id", "x1"])
    assert r.exit_code == 0, r.output
    assert "id: x1" in r.output and "draft: true" in r.output


@pytest.mark.parametrize(("content", "tail"), [
    (b"", "the file is empty"),
    (b"\xff\xfe\x00", "not UTF-8 text (byte 0xff at offset 0); save the article as UTF-8"),
])
def test_extract_bad_input_exits_1_with_a_message(work: Path, content: bytes, tail: str) -> None:
    path = work / "bad.txt"
    path.write_bytes(content)
    r = CliRunner().invoke(cli, ["extract", str(path), "--bank", str(work / "bank")])
    assert r.exit_code == 1
    assert r.output == f"Error: {path}: {tail}\n"


def test_extract_missing_article_is_a_usage_error(work: Path) -> None:
    r = CliRunner().invoke(cli, ["extract", str(work / "nope.txt"), "--bank", str(work / "bank")])
    assert (r.exit_code, r.output) == (2, f"Error: article not found: {work / 'nope.txt'}\n")


def test_review_accepts_skips_and_moves_items_into_the_bank(work: Path) -> None:
    drafts = work / "drafts.yaml"
    _extract(work, drafts)
    n = len(yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"])
    # accept the first (with an English prompt), skip the second, accept the third (no English), then quit
    keys = "a\nWhat date is shown as the publication date?\n\n\n\ns\na\n\n\n\n\nq\n"
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank"), "--articles",
                                 str(work / "articles")], input=keys)
    assert r.exit_code == 0, r.output
    assert f"[1/{n}]" in r.output and "問: 次の文の" in r.output and "根拠: 「" in r.output
    assert f"accepted 2 items into {work / 'bank' / 'items' / '001.yaml'}; {n - 2} drafts left in {drafts}" in r.output
    bank = load_bank(work / "bank", work / "articles")  # the bank alone, with the accepted items, is valid
    accepted = [i for i in bank.items if i.articles == ("001",)]
    assert len(accepted) == 2 and not any(i.draft for i in accepted)
    assert accepted[0].prompt.en == "What date is shown as the publication date?"
    assert "prompt.en" not in accepted[0].missing and "prompt.en" in accepted[1].missing
    assert bank.source_by_id["001"].file == "new_article.txt"
    left = yaml.safe_load(drafts.read_text(encoding="utf-8"))
    assert "sources" not in left and len(left["items"]) == n - 2
    # the rest of the drafts still validate together with the bank
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank")], input="q\n")
    assert r.exit_code == 0 and f"nothing accepted; {n - 2} drafts stay in {drafts}" in r.output


def test_review_accepting_a_new_person_moves_the_entity_too(work: Path) -> None:
    drafts = work / "drafts.yaml"
    _extract(work, drafts)
    items = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"]
    idx = next(k for k, i in enumerate(items) if i.get("entity") == "new-tokaehu")
    keys = "s\n" * idx + "a\n\n\n\n\nq\n"
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank")], input=keys)
    assert r.exit_code == 0, r.output
    bank = load_bank(work / "bank")
    assert bank.entity_by_id["new-tokaehu"].reading == "とかえふ"


def test_review_edit_inline(work: Path) -> None:
    drafts = work / "drafts.yaml"
    _extract(work, drafts)
    keys = "e\n習近平国家主席がアスタナでプーチン大統領と会談したのはいつか。\n2024年7月3日\n2024/07/03, 7月3日\n\n\n\n\nq\n"
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank"), "--inline"], input=keys)
    assert r.exit_code == 0, r.output
    (item,) = [i for i in load_bank(work / "bank").items if i.articles == ("001",)]
    assert item.prompt.ja == "習近平国家主席がアスタナでプーチン大統領と会談したのはいつか。"
    assert item.accept == ("2024/07/03", "7月3日")


def test_review_edit_in_editor(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = work / "drafts.yaml"
    _extract(work, drafts)
    editor = work / "editor.py"
    editor.write_text("import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
                      "p.write_text(p.read_text(encoding='utf-8').replace('次の文の', '次の文(編集済み)の'), "
                      "encoding='utf-8')\n", encoding="utf-8")
    first = yaml.safe_load(drafts.read_text(encoding="utf-8"))["items"][0]["prompt"]["ja"]
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank")], input="e\n\n\n\n\nq\n")
    assert r.exit_code == 0, r.output
    (item,) = [i for i in load_bank(work / "bank").items if i.articles == ("001",)]
    assert item.prompt.ja == first.replace("次の文の", "次の文(編集済み)の") != first


def test_review_edit_that_breaks_the_yaml_is_a_located_error(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = work / "drafts.yaml"
    _extract(work, drafts)
    before = drafts.read_bytes()
    editor = work / "editor.py"
    editor.write_text("import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('id: [unclosed\\n', encoding='utf-8')\n",
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank")], input="e\n")
    assert r.exit_code == 1 and "(edited item):2:1: (document): YAML syntax error" in r.output, r.output
    assert isinstance(r.exception, SystemExit)  # a message, not a traceback
    assert drafts.read_bytes() == before


def test_review_with_a_non_utf8_bank_file_says_where_without_a_traceback(work: Path) -> None:
    drafts = work / "drafts.yaml"
    _extract(work, drafts)
    (work / "bank" / "broken.yaml").write_bytes("items: []\n# 中".encode("shift_jis"))
    r = CliRunner().invoke(cli, ["review", str(drafts), "--bank", str(work / "bank")], input="q\n")
    assert r.exit_code == 1
    assert "broken.yaml:2:3: (file): not UTF-8 text (invalid start byte); save the file as UTF-8" in r.output
    assert isinstance(r.exception, SystemExit)  # a clean exit, not an uncaught UnicodeDecodeError


def test_review_missing_file(work: Path) -> None:
    r = CliRunner().invoke(cli, ["review", str(work / "none.yaml"), "--bank", str(work / "bank")])
    assert (r.exit_code, r.output) == (2, f"Error: drafts file not found: {work / 'none.yaml'}\n")


UNSEEN = DATA / "unseen" / "wire_kazan.txt"


def test_extract_keeps_every_draft_best_first_and_max_keeps_the_best_n(work: Path) -> None:
    out = work / "drafts.yaml"
    r = CliRunner().invoke(cli, ["extract", str(UNSEEN), "--bank", str(work / "bank"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "kept the best" not in r.output
    found = len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"])
    assert found > 40
    r = CliRunner().invoke(cli, ["extract", str(UNSEEN), "--bank", str(work / "bank"), "-o", str(out), "--all"])
    assert r.exit_code == 0 and "kept the best" not in r.output
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"]) == found
    r = CliRunner().invoke(cli, ["extract", str(UNSEEN), "--bank", str(work / "bank"), "-o", str(out), "--max", "40"])
    assert f"kept the best 40 of {found} drafts; {found - 40} dropped (without --max every draft is kept)" in r.output
    assert f"# The best 40 of {found} drafts by quality score, best first ({found - 40} dropped; " \
           "without --max every draft is kept)." in out.read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(UNSEEN), "--bank", str(work / "bank"), "-o", str(out), "--max", "5"])
    assert r.exit_code == 0 and f"kept the best 5 of {found} drafts; {found - 5} dropped" in r.output
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"]) == 5
    (work / "bank" / "drafts").mkdir()
    shutil.move(out, work / "bank" / "drafts" / "001.yaml")
    shutil.copy(UNSEEN, work / "articles")  # the capped drafts still validate, quotes checked verbatim
    r = CliRunner().invoke(cli, ["check", "--bank", str(work / "bank"), "--articles", str(work / "articles")])
    assert r.exit_code == 0 and r.output.startswith("ok: 1 item, "), r.output


@pytest.mark.parametrize(("args", "message"), [
    (["--max", "5", "--all"], "Error: use either --max N or --all, not both\n"),
    (["--max", "0"], "Error: Invalid value for '--max': 0 is not in the range x>=1.\n"),
])
def test_extract_cap_options_bad_use(work: Path, args: list[str], message: str) -> None:
    r = CliRunner().invoke(cli, ["extract", str(UNSEEN), "--bank", str(work / "bank"), *args])
    assert r.exit_code == 2 and r.output.endswith(message), r.output
