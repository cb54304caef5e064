"""`quizgen add-article`, `quizgen extract` and `quizgen check` on a new article, as a teacher runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from quizgen.bank import Lang, load_bank
from quizgen.cli import cli

pytest.importorskip("sudachipy")

DATA = Path(__file__).parent / "data" / "extract"
DEV = DATA / "dev" / "putin-beijing-2024-05.txt"


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    shutil.copytree(DATA / "articles", tmp_path / "articles")
    shutil.copy(DEV, tmp_path / DEV.name)
    return tmp_path


def add(work: Path, keys: str = "\n共同通信\n\n\n", *args: str) -> str:
    r = CliRunner().invoke(cli, ["add-article", str(work / DEV.name), "--bank", str(work / "bank"), *args], input=keys)
    assert r.exit_code == 0, r.output
    return r.output


def test_add_article_asks_once_copies_the_text_and_registers_the_source(work: Path) -> None:
    out = add(work)
    assert "見出し (headline) [中露首脳が会談、関係深化の共同声明に署名　プーチン氏、5期目初の外遊で訪中]: " in out
    assert "日付 YYYY-MM-DD (date) [2024-05-16]: " in out  # the page's date stamp is offered
    assert "registered article 001: 共同通信「中露首脳が会談、関係深化の共同声明に署名　プーチン氏、5期目初の外遊で訪中」" \
           "(2024-05-16)" in out
    copy = work / "bank" / "articles" / DEV.name
    assert copy.read_bytes() == DEV.read_bytes()
    source = load_bank(work / "bank").source_by_id["001"]
    assert (source.file, source.outlet.ja, source.published, source.url) == (DEV.name, "共同通信", "2024-05-16", None)
    assert source.outlet.en == "TODO: translate"  # English is optional


def test_add_article_takes_every_answer_as_an_option_and_checks_them(work: Path) -> None:
    base = ["add-article", str(work / DEV.name), "--bank", str(work / "bank"), "--headline", "見出し"]
    r = CliRunner().invoke(cli, [*base, "--outlet", "共同通信", "--date", "16 May", "--url", ""])
    assert r.exit_code == 2 and "Error: the date must be YYYY-MM-DD (like 2024-05-16), not '16 May'" in r.output
    r = CliRunner().invoke(cli, [*base, "--outlet", "共同通信", "--date", "2024-02-30", "--url", ""])
    assert r.exit_code == 2 and "Error: the date 2024-02-30 names no day of the calendar (day is out of range for " \
        "month); check the month and day the page gives" in r.output  # hostile 8, F09: it blamed the form
    r = CliRunner().invoke(cli, base, input="-\n2024-5-16\n2024-05-16\nnot a url\nhttps://example.com/a\n")
    assert r.exit_code == 0, r.output
    assert "the date must be YYYY-MM-DD" in r.output and "the address must be a web address" in r.output
    source = load_bank(work / "bank").source_by_id["001"]
    assert (source.outlet.ja, source.url) == ("不明(要確認)", "https://example.com/a")  # -: unknown outlet
    r = CliRunner().invoke(cli, [*base, "--outlet", "x", "--date", "2024-05-16", "--url", ""])
    assert r.exit_code == 2 and "is already registered as article 001" in r.output


def test_check_finds_the_registered_article_by_default(work: Path) -> None:
    add(work)
    r = CliRunner().invoke(cli, ["extract", str(work / "bank" / "articles" / DEV.name), "--bank", str(work / "bank"),
                                 "-o", str(work / "bank" / "drafts.yaml")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["check", "--bank", str(work / "bank")])
    assert r.exit_code == 0, r.output
    assert "quotes of 1 of 2 sources checked against" in r.output
    # an edited quote that is not in the article is caught without --articles
    drafts = work / "bank" / "drafts.yaml"
    drafts.write_text(drafts.read_text(encoding="utf-8").replace("訪問にはラブロフ外相らが同行した。",
                                                                 "訪問にはショイグ氏らが同行した。"), encoding="utf-8")
    r = CliRunner().invoke(cli, ["check", "--bank", str(work / "bank")])
    assert r.exit_code == 1 and "quote not found verbatim in article 001" in r.output
    # with --articles, the seeds come from there and the new article from the bank's folder
    drafts.unlink()
    r = CliRunner().invoke(cli, ["check", "--bank", str(work / "bank"), "--articles", str(work / "articles")])
    assert r.exit_code == 0, r.output


def test_extract_of_a_registered_article_uses_its_date_and_outlet(work: Path) -> None:
    add(work)
    out = work / "drafts.yaml"
    r = CliRunner().invoke(cli, ["extract", str(work / DEV.name), "--bank", str(work / "bank"), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "not registered" not in r.output and f"next:  quizgen review {out}" in r.output
    assert "line 10: photo caption or credit: 写真:会談前に握手する" in r.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert "sources" not in data  # the source is in the bank already
    items = data["items"]
    assert 10 <= len(items) <= 20 and all(i["draft"] is True for i in items)
    assert all(i["evidence"][0]["article"] == "001" for i in items)
    assert any(i["answer"]["ja"] == "2024年5月16日" for i in items)


def test_extract_of_an_unregistered_article_says_how_to_register_it(work: Path) -> None:
    r = CliRunner().invoke(cli, ["extract", str(work / "articles" / "new_article.txt"), "--bank", str(work / "bank")])
    assert r.exit_code == 0, r.output
    assert "note: new_article.txt is not registered in the bank: its outlet is unknown and its date was taken " \
           "from the text (2024-07-04)." in r.output
    assert "id: '001'" in r.output and "draft: true" in r.output and "不明(要確認)" in r.output


def test_extract_all_and_max(work: Path) -> None:
    out = work / "d.yaml"
    runner = CliRunner()
    r = runner.invoke(cli, ["extract", str(DEV), "--bank", str(work / "bank"), "-o", str(out)])
    n = len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"])
    assert r.exit_code == 0 and f"wrote {n} drafts for article 001 to {out}" in r.output and ", --all adds up to " in r.output
    runner.invoke(cli, ["extract", str(DEV), "--bank", str(work / "bank"), "-o", str(out), "--all"])
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"]) > n
    runner.invoke(cli, ["extract", str(DEV), "--bank", str(work / "bank"), "-o", str(out), "--max", "5"])
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["items"]) == 5


@pytest.mark.parametrize(("args", "message"), [
    (["--max", "5", "--all"], "Error: use either --max N or --all, not both\n"),
    (["--max", "0"], "Error: Invalid value for '--max': 0 is not in the range x>=1.\n"),
])
def test_extract_cap_options_bad_use(work: Path, args: list[str], message: str) -> None:
    r = CliRunner().invoke(cli, ["extract", str(DEV), "--bank", str(work / "bank"), *args])
    assert r.exit_code == 2 and r.output.endswith(message), r.output


@pytest.mark.parametrize(("content", "tail"), [
    (b"", ": the file is empty"),
    (b"\xff\xfe\x00", ":1:1: not UTF-8 text (byte 0xff at offset 0 of the file); save the article as UTF-8"),
])
def test_extract_bad_input_exits_1_with_a_message(work: Path, content: bytes, tail: str) -> None:
    path = work / "bad.txt"
    path.write_bytes(content)
    r = CliRunner().invoke(cli, ["extract", str(path), "--bank", str(work / "bank")])
    assert r.exit_code == 1
    assert r.output == f"Error: {path}{tail}\n"


def test_extract_missing_article_is_a_usage_error(work: Path) -> None:
    r = CliRunner().invoke(cli, ["extract", str(work / "nope.txt"), "--bank", str(work / "bank")])
    assert (r.exit_code, r.output) == (2, f"Error: article not found: {work / 'nope.txt'}\n")


def test_extract_long_line_is_a_message_not_a_sudachi_error(work: Path) -> None:
    path = work / "long.txt"
    path.write_text("中露首脳" * 16_000, encoding="utf-8")  # 192,000 bytes in one line, under the size limit
    r = CliRunner().invoke(cli, ["extract", str(path), "--bank", str(work / "bank")])
    assert r.exit_code == 1 and "no sentence is left after removing page clutter and headings" in r.output
    assert "Input is too long" not in r.output and isinstance(r.exception, SystemExit)  # a message, not a traceback


# ---------------------------------------------------------------- placeholders never reach learners


@pytest.mark.parametrize("command", [
    ["worksheet", "--lang", "en", "--count", "1", "--format", "html"],
    ["export", "--format", "gift", "--lang", "en"],
    ["timeline", "--lang", "both"],
])
def test_outputs_in_english_refuse_items_whose_english_is_a_placeholder(work: Path, command: list[str]) -> None:
    from quizgen.bank.placeholders import find

    bank_dir = work / "bank"
    add(work)
    out = work / "drafts.yaml"
    CliRunner().invoke(cli, ["extract", str(work / DEV.name), "--bank", str(bank_dir), "-o", str(out)])
    items = yaml.safe_load(out.read_text(encoding="utf-8"))["items"]
    first = next(k for k, i in enumerate(items) if i.get("when"))
    keys = "s\n" * first + "a\nq\n"
    r = CliRunner().invoke(cli, ["review", str(out), "--bank", str(bank_dir)], input=keys)
    assert r.exit_code == 0, r.output
    bank = load_bank(bank_dir)
    (accepted,) = [i for i in bank.items if i.articles == ("001",)]
    assert find(bank, [accepted], Lang.JA) == []  # Japanese is complete
    r = CliRunner().invoke(cli, [*command, "--bank", str(bank_dir), "--article", "001", "-o", str(work / "out")]
                           if command[0] != "timeline" else [*command, "--bank", str(bank_dir), "--article", "001"])
    assert r.exit_code == 1, r.output
    assert f"item {accepted.id}: prompt.en" in r.output
    assert "still hold placeholders in the chosen language" in r.output


def test_an_unknown_outlet_is_refused_in_japanese_too(work: Path) -> None:
    from quizgen.bank.placeholders import find

    add(work, "\n-\n\n\n")  # - at the outlet (ニュースポート offered): unknown
    out = work / "drafts.yaml"
    CliRunner().invoke(cli, ["extract", str(work / DEV.name), "--bank", str(work / "bank"), "-o", str(out)])
    CliRunner().invoke(cli, ["review", str(out), "--bank", str(work / "bank")], input="a\nq\n")
    bank = load_bank(work / "bank")
    (accepted,) = [i for i in bank.items if i.articles == ("001",)]
    assert find(bank, [accepted], Lang.JA) == [f"item {accepted.id}: source 001 outlet.ja"]
    r = CliRunner().invoke(cli, ["worksheet", "--bank", str(work / "bank"), "--article", "001", "--count", "1",
                                 "--format", "html", "-o", str(work / "ws")])
    assert r.exit_code == 1 and "source 001 outlet.ja" in r.output and not (work / "ws").exists()


def test_add_article_suggests_the_outlet_the_page_names(tmp_path: Path) -> None:
    """みなと新報 is on the page's first line and in its copyright line: Enter takes it."""
    article = DATA / "holdout_v3" / "xi-moscow-victory-day-2025-05.txt"
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    r = CliRunner().invoke(cli, ["add-article", str(article), "--bank", str(tmp_path / "bank")], input="\n\n\n\n")
    assert r.exit_code == 0, r.output
    assert "媒体 (outlet; -: 不明) [みなと新報]:" in r.output
    assert "registered article 001: みなと新報「" in r.output


@pytest.mark.parametrize(("article", "outlet"), [
    ("holdout_v3/xi-moscow-victory-day-2025-05.txt", "みなと新報"),  # みなと新報デジタル ＞ …, © みなと新報社
    ("holdout_v2/brics-kazan-2024-10.txt", "東都新聞"),
    ("holdout_v3/power-of-siberia-2-2025-09.txt", "ビジネス潮流オンライン"),
    ("unseen/web_naval_drill.txt", "毎朝新聞"),  # ホーム > 国際 > アジア, © 2024 毎朝新聞社
    ("holdout/tv_gas_pipeline.txt", "NHKニュース"),  # a masthead on the second line
    ("unseen/wire_kazan.txt", "共同通信"),  # only its dateline 【カザン共同】 names the writer (newuser7 #1)
    ("dev/putin-beijing-2024-05.txt", "共同通信"),  # a portal's page: © 2024 ニュースポート/共同通信
])
def test_the_outlet_a_page_names(article: str, outlet: str | None) -> None:
    from quizgen.japanese.outlets import outlet_named

    assert outlet_named((DATA / article).read_text(encoding="utf-8")) == outlet


_PORTAL = """そよかぜニュース　＞　国際　＞　欧州

港町で新しい橋が開通　市長「交流の要に」
{stamp}

【リスボン{short}】ポルトガルの港町で4日、新しい橋が開通した。市長は式典で「交流の要になる」と述べた。

© 2021 そよかぜニュース{holder}　記事・写真の無断転載を禁じます
"""


@pytest.mark.parametrize(("stamp", "short", "holder", "outlet"), [
    ("2021年06月05日08時10分配信　時事通信", "時事", "/時事通信", "時事通信"),  # all three name the writer
    ("2021年06月05日08時10分配信", "共同", "", "共同通信"),  # only the dateline: 共同 is 共同通信
    ("2021年06月05日08時10分配信", "=ロイター", "", "ロイター通信"),
    ("2021年06月05日08時10分配信", "", "/AFP通信", "AFP通信"),  # only the copyright's last name
    ("2021年06月05日 8:10", "", "", "そよかぜニュース"),  # the site wrote it: its own name
])
def test_the_outlet_offered_is_the_one_that_wrote_the_story(stamp: str, short: str, holder: str,
                                                             outlet: str) -> None:
    """newuser7 #1: a portal (ニュースのしおり) carrying a wire story (「…配信　時事通信」, 【モスクワ時事】, © …/時事通信)
    was offered as the outlet."""
    from quizgen.japanese.outlets import outlet_named

    assert outlet_named(_PORTAL.format(stamp=stamp, short=short, holder=holder)) == outlet


@pytest.mark.parametrize(("stamp", "date"), [
    ("2021年06月05日08時10分配信　時事通信", "2021-06-05"),  # newuser7 #2: the outlet after the stamp hid it
    ("2021年6月5日", "2021-06-05"),
    ("2021/06/05(土) 8:10", "2021-06-05"),
    ("2021-06-05 配信", "2021-06-05"),
    ("令和3年6月5日 8時10分 公開", "2021-06-05"),
    ("2021年6月31日 8時10分", ""),  # no day of the calendar: none offered
    ("式典は2021年6月4日に開かれた。", ""),  # a sentence's date is the story's, not the page's
])
def test_add_article_offers_the_pages_date_stamp(tmp_path: Path, stamp: str, date: str) -> None:
    page = tmp_path / "portal.txt"
    page.write_text(_PORTAL.format(stamp=stamp, short="時事", holder=""), encoding="utf-8")
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    r = CliRunner().invoke(cli, ["add-article", str(page), "--bank", str(tmp_path / "bank")], input="\n\n\n\n")
    assert r.exit_code == 0, r.output
    assert "見出し (headline) [港町で新しい橋が開通　市長「交流の要に」]:" in r.output
    assert "媒体 (outlet; -: 不明) [時事通信]:" in r.output
    assert (f"日付 YYYY-MM-DD (date) [{date}]:" if date else "日付 YYYY-MM-DD (date): ") in r.output, r.output
    assert f"({date or '日付なし'})" in r.output


def test_a_suggested_outlet_can_be_left_unknown(tmp_path: Path) -> None:
    article = DATA / "holdout_v3" / "xi-moscow-victory-day-2025-05.txt"
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    r = CliRunner().invoke(cli, ["add-article", str(article), "--bank", str(tmp_path / "bank")], input="\n-\n\n\n")
    assert r.exit_code == 0 and "registered article 001: 不明(要確認)「" in r.output, r.output


_PAGE = """はるかぜ日報 電子版　　トップ　＞　政治　＞　地方
この記事は会員限定です

市長、新庁舎の建設を表明　来年度に着工
2025年6月3日 10:00

山川市長は3日、新庁舎を建設すると表明した。

はるかぜ日報社の著作権その他の権利を侵害する行為を禁じます。© Harukaze Nippo, Inc.
"""


def _offered(tmp_path: Path, text: str) -> Result:
    """`add-article` of a page holding `text`, every suggestion taken with Enter (what it offered is in the output)."""
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    r = CliRunner().invoke(cli, ["add-article", str(page), "--bank", str(tmp_path / "bank")], input="\n\n\n\n")
    assert r.exit_code == 0, r.output
    return r


def test_add_article_suggests_the_headline_after_a_breadcrumb_and_the_japanese_outlet(tmp_path: Path) -> None:
    """newuser4 #1, #2: the breadcrumb 「すずかけ経済新聞 電子版　　トップ　＞　国際　＞　ロシア・中国」 was offered as the
    headline, and 「Suzukake」 (from © Suzukake Keizai Shimbun) as the outlet beside 「すずかけ経済新聞社の著作権…」."""
    from quizgen.japanese.outlets import outlet_named

    r = _offered(tmp_path, _PAGE)
    assert "見出し (headline) [市長、新庁舎の建設を表明　来年度に着工]:" in r.output, r.output
    assert "媒体 (outlet; -: 不明) [はるかぜ日報]:" in r.output, r.output
    # the romanised holder alone never wins over a masthead that reads as an outlet's name
    assert outlet_named("はるかぜ日報 電子版　　トップ　＞　政治\n本文。\n© Harukaze Nippo, Inc.") == "はるかぜ日報 電子版"
    assert outlet_named("本文。\n記事の著作権ははるかぜ日報社に帰属します。") == "はるかぜ日報"


@pytest.mark.parametrize(("text", "said"), [
    ("ロシアのラブロフ外相は北京を訪れ、中国の王毅外相と会談した。両外相はウクライナ情勢について意見を交わした。\n",
     "its outlet is unknown and its date is unknown."),
    ("ロシアのラブロフ外相は9日、北京を訪れ、中国の王毅外相と会談した。両外相は昨年7月の合意を確認した。\n",
     "its outlet is unknown and its date is unknown, so 「9日」「昨年7月」 are not resolved."),
])
def test_extract_of_an_undated_article_names_its_own_relative_dates(work: Path, text: str, said: str) -> None:
    """hostile10: the note said 「16日」「昨年」 "are not resolved" of an article that has neither."""
    article = work / "undated.txt"
    article.write_text(text, encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(article), "--bank", str(work / "bank"), "-o", str(work / "d.yaml")])
    assert r.exit_code == 0, r.output
    assert f"note: undated.txt is not registered in the bank: {said}\n" in r.output
    assert "16日" not in r.output


_MENUS = """とうよう日日新聞デジタル
トップ　速報　政治　経済　国際　社会　スポーツ　オピニオン　地域
ログイン　会員登録(初月無料)
番組表　アプリ

国際 ＞ アジア・太平洋

中ロ首脳、侵攻後初の対面会談　サマルカンド

2022年9月16日 5時00分（最終更新 9月16日 8時47分）

ロシアのプーチン大統領と中国の習近平国家主席は15日、会談した。
"""


def test_add_article_skips_menus_of_spaced_labels_site_links_and_a_one_step_breadcrumb(tmp_path: Path) -> None:
    """newuser10: add-article offered the menu 「トップ　速報　政治　経済…」 as the headline, and no date for a stamp
    with 「（最終更新 …）」 after it."""
    r = _offered(tmp_path, _MENUS)
    assert "見出し (headline) [中ロ首脳、侵攻後初の対面会談　サマルカンド]:" in r.output, r.output
    assert "日付 YYYY-MM-DD (date) [2022-09-16]:" in r.output
