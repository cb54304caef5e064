"""Issue 17, round 25: general rules about Japanese news sentences for precision on unseen articles — a two-digit
year of the page's recent past written in full, 同連合 resolved, a subject's も read as は, a moment on two clocks
asked on Japan's alone, a region that holds the story's country never a blank, a minor official below the key facts,
a date of background and a statement's date kept out, no prompt broken by a growth rate left out; and review says in
Japanese what to do when a date answer loses its date. Sentences made up for the rules they test."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract_round24 import _all, _run  # made-up articles dated 2025-01-10

from quizgen.bank import Bank, load_bank
from quizgen.errors import Problem
from quizgen.extract import references
from quizgen.extract.faults import NO_WHEN, faults

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _resolve(text: str, answer: str, before: str = "") -> str | None:
    at = text.index(answer)
    found = references.resolve(text, (at, at + len(answer)), before, frozenset(), "", 2025)
    return None if found is None else references.apply(text, found)


def test_a_two_digit_year_of_the_recent_past_is_written_in_full() -> None:
    """「23年の農産品貿易額」 stayed 23年 where the article wrote 2023 nowhere in full; a span (10年の節目) stays."""
    assert _resolve("大使は、23年の水産物貿易額が過去最高だったと述べた。", "過去最高") == \
        "大使は、2023年の水産物貿易額が過去最高だったと述べた。"
    assert _resolve("白書は18年に公表された。", "白書") == "白書は2018年に公表された。"
    span = "協会は10年の節目を迎え、10年にわたり協力してきた。"
    assert _resolve(span, "協力") == span
    assert _resolve("計画は40年の完成を目指す。", "完成") == "計画は40年の完成を目指す。"  # not a past year: no guess


def test_same_union_is_resolved_to_the_union_named_before_or_no_draft() -> None:
    said = "同連合の代表は会合で、輸出の伸びを強調した。"
    assert _resolve(said, "会合", "全国漁業者連合によると、輸出は増えた。") == \
        "全国漁業者連合の代表は会合で、輸出の伸びを強調した。"
    assert _resolve(said, "会合", "輸出は増えた。") is None


def test_a_subject_s_mo_reads_as_wa_on_a_card() -> None:
    """「中国の耿爽国連次席大使も」: the card shows no sentence before it, so も asks "who else?"."""
    assert _resolve("ベトナムの大使も深い遺憾を表明した。", "大使") == "ベトナムの大使は深い遺憾を表明した。"
    assert _resolve("マレーシアも反対し、タイは棄権した。", "マレーシア") == "マレーシアは反対し、タイは棄権した。"
    kept = "2024年3月1日には国連の事務総長も出席する会合が開かれる。"
    assert _resolve(kept, "会合") == kept  # も inside a clause, not the sentence's subject


def test_a_moment_on_two_clocks_is_asked_on_japan_s_alone(bank: Bank) -> None:
    ex = _run("経済制裁は、アメリカ東部時間の11日午後8時、日本時間の12日午前9時に発動される見通しです。", bank, keep_all=True)
    asked = {i.answer.ja: i.prompt.ja for i in ex.items[:ex.chosen] if i.kind.value == "date"}
    assert "2025年1月11日" not in asked  # the other clock's date gives Japan's away, a day apart
    assert dict(ex.left_out)[next(i.id for i in ex.items if i.answer.ja == "2025年1月11日")] == "give-away"
    assert "経済制裁は、日本時間の（　　）午前9時に発動される見通しです。" in asked["2025年1月12日"]


def test_a_region_that_holds_the_story_s_country_is_no_blank(bank: Bank) -> None:
    body = ("ロシアは中国への小麦の輸出を増やした。中国はロシア産小麦の最大の買い手となった。"
            "ロシアは食料輸出でもアジアへの傾斜を強める。ロシア産ガスの欧州向け輸出は激減した。")
    answers = [i.answer.ja for i in _run(body, bank).items]
    assert "アジア" not in answers  # 中国 fits the blank as well
    assert "アジア" in [i.answer.ja for i in _all(body, bank)]  # with --all still


def test_a_minor_official_comes_below_the_key_facts(bank: Bank) -> None:
    ex = _run("ロシアの養豚業者連合によると、2024年の豚肉輸出は24万トンだった。同連合のイワノフ代表は2024年11月の会合で、"
              "中国向けの伸びを強調した。フランスのデュボワ国連大使は反論した。中国の王国連大使も反論した。", bank, keep_all=True)
    chosen = [i.answer.ja for i in ex.items[:ex.chosen]]
    assert "24万トン" in chosen
    scores = {i.answer.ja: n for n, i in enumerate(ex.items)}
    assert scores["イワノフ"] > scores["24万トン"]


def test_a_date_of_background_is_kept_out_beside_the_news_s_date(bank: Bank) -> None:
    """安保理は（27日）…が（昨年9月）に爆破された事件を巡り…否決した: the vote's day is the fact."""
    items = _run("国連安全保障理事会は9日、海底ケーブルが昨年9月に切断された事件を巡り、国際調査を求める決議案を否決した。",
                 bank).items
    answers = [i.answer.ja for i in items]
    assert "2025年1月9日" in answers and "2024年9月" not in answers


def test_a_date_that_only_dates_what_was_said_is_no_key_fact(bank: Bank) -> None:
    ex = _run("全国漁業者連合の山田会長は昨年11月の会合で「輸出はすべて中国向けで伸びた」と語った。", bank, keep_all=True)
    assert "2024年11月" not in [i.answer.ja for i in ex.items[:ex.chosen]]


def test_a_growth_rate_left_out_breaks_no_prompt(bank: Bank) -> None:
    """「伸び率は26.3%増だった23年から」: the year's draft read 「伸び率はだった2023年から」."""
    items = _all("中国とロシアの貿易は2024年に過去最高となった。ただ伸び率は26.3%増だった23年から大きく鈍化した。", bank)
    assert items and not any("はだった" in i.prompt.ja for i in items)


def test_review_says_in_japanese_what_a_date_answer_without_its_date_needs() -> None:
    problem = Problem("drafts.yaml", 3, 1, "item a001-date-1.answer.ja",
                      "a date answer needs `when` (the resolved date) and its `date_basis`")
    found = faults([problem], "a001-date-1")
    assert [f.say for f in found] == [NO_WHEN] and "日付を戻すか" in NO_WHEN and "種類を日付以外" in NO_WHEN
    assert found[0].ask == ("when", "prompt", "answer", "kind")


def test_review_a_date_answer_without_its_date_is_said_in_japanese_and_can_become_a_words_question(tmp_path: Path) -> None:
    """Removing the date of a date draft saved, then [a] was refused in English (「a date answer needs `when`…」) and
    nothing in the form said how to get out; now both say it in Japanese, and the teacher makes it a 語句 question."""
    pytest.importorskip("sudachipy")
    import shutil

    from click.testing import CliRunner

    from quizgen.cli import cli

    article = DATA / "holdout_v12" / "unsc-iran-snapback-china-russia-draft-2025-09.txt"
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    shutil.copy(article, tmp_path / article.name)
    bank_dir, drafts_file = str(tmp_path / "bank"), str(tmp_path / "drafts.yaml")
    assert CliRunner().invoke(cli, ["add-article", str(tmp_path / article.name), "--bank", bank_dir, "--headline",
                                    "国連安保理 中ロ提出のイラン制裁延期案を否決", "--outlet", "あさぎり放送",
                                    "--date", "2025-09-27", "--url", ""]).exit_code == 0
    assert CliRunner().invoke(cli, ["extract", str(tmp_path / article.name), "--bank", bank_dir, "-o",
                                    drafts_file]).exit_code == 0
    import yaml

    items = yaml.safe_load((tmp_path / "drafts.yaml").read_text(encoding="utf-8"))["items"]
    at = next(n for n, i in enumerate(items, 1) if i["answer"]["ja"] == "2025年9月26日")
    keys = f"g {at}\ne\n" + "\n" * 9 + "-\ny\na\n"  # the date removed and saved; then [a]
    keys += ("e\n国連安保理が2025年9月26日に否決したのは、イランに対する国連制裁の再発動を半年間延期する（　　）だ。"
             "（　　）に入る語句は何か。\n決議案\n14\n-\n-\ny\n\n-\n\n\n\ny\na\nq\n")
    # made a 語句 question: prompt, answer, kind 14, no 別解 or choices, the rewording carried to 正文 and 穴埋め, no 誤文
    r = CliRunner().invoke(cli, ["review", drafts_file, "--bank", bank_dir], input=keys)
    assert r.exit_code == 0, r.output
    assert f"! 日付を消しました。{NO_WHEN}" in r.output
    assert f"  ! {NO_WHEN}\n  採用できません。" in r.output and "a date answer needs" not in r.output
    assert "採用 1 件" in r.output, r.output[-1500:]
