"""Issue 17, round 27 (holdout_v25–v27's misses, seen after their untuned measurements): places the analyser does
not tag as places (a city after the word for a regional capital, a name with 市, 州, 地方 or 演習場, a city after the
part of its country), how people met or took part from afar (オンライン, テレビ会議方式), and the record total beside a
growth rate. Sentences made up for the rules, not the holdouts' own."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_extract_round24 import _all, _run  # made-up articles dated 2025-01-10

from quizgen.bank import Bank, Item, load_bank

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(DATA / "bank")


def _asked(items: list[Item] | tuple[Item, ...], answer: str) -> Item | None:
    return next((i for i in items if i.answer.ja == answer), None)


@pytest.mark.parametrize("body, place", [
    ("ロシア極東沿海州の州都ウラジーミロフカで9日、新しい港の起工式が開かれた。", "ウラジーミロフカ"),  # after 州都
    ("ロシア極東ハバロフスク地方で9日、中ロの合同演習が始まった。", "ハバロフスク地方"),  # a region and its 地方
    ("ロシア国防相は9日、東シベリアのブリヤート共和国にあるドゥルスン演習場を訪れた。", "ドゥルスン演習場"),  # a site
    ("ロシアの大統領は9日、南部ピャチゴルスクから会議に参加した。", "ピャチゴルスク"),  # after the part of the country
])
def test_a_place_the_analyser_does_not_tag_is_asked_as_a_place(bank: Bank, body: str, place: str) -> None:
    every = _all(body, bank)
    it = _asked(every, place)
    assert it is not None and it.kind.value == "place", [(i.answer.ja, i.kind.value) for i in every]
    assert "（　　）に入る場所はどこか" in it.prompt.ja


@pytest.mark.parametrize("body, fragment", [
    ("中国海軍は9日、南シナ海で演習を始めた。", "シナ海"),  # part of 南シナ海
    ("ロシア軍機は9日、北太平洋の上空を飛行した。", "太平洋"),  # part of 北太平洋
])
def test_part_of_a_place_name_is_never_asked(bank: Bank, body: str, fragment: str) -> None:
    assert _asked(_all(body, bank), fragment) is None


def test_the_capital_of_a_country_the_prompt_names_is_not_asked(bank: Bank) -> None:
    """首都（アスタナ）: world knowledge, not the news (the rule 首都（北京） had; kept for the new places)."""
    every = _all("両首脳は9日、カザフスタンの首都アスタナで開かれた会議に出席した。", bank)
    assert _asked(every, "アスタナ") is None, [i.answer.ja for i in every]


@pytest.mark.parametrize("body, mode, ask", [
    ("開幕式は両国の会場をオンラインで結ぶ形で行われた。", "オンライン", "形式"),
    ("両首脳は9日、それぞれテレビ会議方式で式典に参加した。", "テレビ会議方式", "形式"),
    ("両首脳は9日、オンラインで会談した。", "オンライン", "会談の形式"),
])
def test_how_people_met_from_afar_is_asked_as_the_form_not_a_place(bank: Bank, body: str, mode: str, ask: str) -> None:
    every = _all(body, bank)
    it = _asked(every, mode)
    assert it is not None, [i.answer.ja for i in every]
    assert f"（　　）に入る{ask}は何か" in it.prompt.ja and "場所" not in it.prompt.ja


def test_online_participation_that_is_no_meeting_is_not_asked_as_a_form(bank: Bank) -> None:
    """オンラインでの参加にとどめた: what someone limited themselves to, not how a meeting was held."""
    every = _all("大統領は9日の首脳会議には、オンラインでの参加にとどめた。", bank)
    it = _asked(every, "オンライン")
    assert it is None or it.kind.value != "meeting"


def test_the_record_total_is_the_count_its_sentence_gives(bank: Bank) -> None:
    """holdout_v27: 「前年比3割余り増え、過去最高の約1470億ドルに達した」 gave the growth; the teacher asked the total."""
    ex = _run("中国の税関統計によると、昨年の中ロ貿易額は前年比2割余り増え、過去最高の約980億ドルに達した。", bank)
    answers = [i.answer.ja for i in ex.items]
    assert "約980億ドル" in answers and "2割余り" not in answers, answers


def test_a_growth_clause_is_left_out_of_the_total_s_prompt(bank: Bank) -> None:
    """A growth and the total it reached are two facts: the total's prompt leaves the growth clause out (it would print
    the growth draft's answer), and the sentence reads on without it."""
    ex = _run("中国の税関統計によると、昨年の中ロ貿易額は前年比2割余り増え、約980億ドルに達した。", bank)
    growth, total = _asked(ex.items, "2割余り"), _asked(ex.items, "約980億ドル")
    assert growth is not None and total is not None, [i.answer.ja for i in ex.items]
    assert "2割余り" not in total.prompt.ja and "中ロ貿易額は（　　）に達した" in total.prompt.ja, total.prompt.ja


_TWO_DATES = ("今月、大統領に就任したロシアのプーチン氏は、最初の外国訪問先として中国を訪れ、9日、北京の人民大会堂で"
              "習近平国家主席と会談した。")


def test_an_event_never_opens_with_the_sentence_s_other_date(bank: Bank) -> None:
    """holdout_v29: 「今月、…を訪れ、22日、…会談」 gave the event 「2013年3月、…」, which `quizgen check` refuses (the timeline
    prints the date beside the event); every draft of the sentence was refused when accepted."""
    every = _all(_TWO_DATES, bank)
    events = [i.event.ja for i in every if i.event is not None]
    assert events, [i.answer.ja for i in every]
    assert not any(e.startswith("2025年") for e in events), events


def test_a_month_made_coarse_is_not_printed_twice(bank: Bank) -> None:
    """The day masked to its month in a sibling's prompt, where 今月 before it prints that month already, goes with its comma:
    never 「2025年1月、…を訪れ、2025年1月、北京の…」."""
    every = _all(_TWO_DATES, bank)
    prompts = [i.prompt.ja for i in every if i.answer.ja != "2025年1月9日"]
    assert prompts and not any(p.count("2025年1月、") > 1 for p in prompts), prompts


def test_the_speaker_set_off_by_a_comma_is_who_said_it(bank: Bank) -> None:
    """holdout_v29: 「会談で習主席は、中国とロシアは互いに最も重要な戦略的パートナーだと強調しました」 asked 「…と強調したのは
    どこか」 → 中国とロシア (the subject of what was said, and both sides: a wrong answer); the pair is no blank either."""
    every = _all("習近平国家主席は9日、モスクワでプーチン大統領と会談した。"
                 "会談で習主席は、中国とロシアは互いに最も重要な協力相手だと強調した。", bank)
    answers = [i.answer.ja for i in every]
    assert "中国とロシア" not in answers, answers
    assert "互いに最も重要な協力相手" in answers, answers


def test_a_name_the_analyser_splits_runs_to_its_honorific(bank: Bank) -> None:
    """holdout_v29: 「歌手の彭麗媛さん」 was read 彭 + 麗 + 媛 and asked 「（　　）媛さん」 → 彭麗."""
    every = _all("習近平国家主席は9日、モスクワに到着した。今回の訪問には、習主席の妻で歌手の彭麗媛さんも同行している。", bank)
    answers = [i.answer.ja for i in every]
    assert "彭麗" not in answers and "彭麗媛" in answers, answers


@pytest.mark.parametrize("sentence, count", [
    ("協定は前文と12条からなり、有効期間は10年。", "12条"),  # how many articles
    ("協定は前文と12条からなり、有効期間は10年。", "10年"),  # a term the text sets
    ("期限が来ても、どちらかが通告しなければ、3年ずつ自動的に延長される。", "3年"),  # the renewal term
])
def test_a_treaty_s_terms_are_counts(bank: Bank, sentence: str, count: str) -> None:
    """holdout_v29: 「条約は前文と25条からなり、有効期間は20年」 and 「5年ずつ自動的に延長」 gave no draft at all."""
    every = _all("中国とロシアは9日、モスクワで新しい協定に署名した。" + sentence, bank)
    assert count in [i.answer.ja for i in every], [i.answer.ja for i in every]


@pytest.mark.parametrize("sentence, wrong", [
    ("他方は国連憲章51条などに従い援助を提供すると定めた。", "51条"),  # which article, not how many
    ("協定の第3条は国境の画定を定めた。", "3条"),
])
def test_which_article_is_no_count(bank: Bank, sentence: str, wrong: str) -> None:
    every = _all("中国とロシアは9日、モスクワで新しい協定に署名した。" + sentence, bank)
    assert wrong not in [i.answer.ja for i in every]


def test_a_place_that_prints_half_the_answer_is_left_out_of_its_prompt(bank: Bank) -> None:
    """holdout_v29's teacher: 「…とともに上海で「（上海協力機構）」を発足させた」 gives 上海 away; drop 「上海で」."""
    every = _all("中国とロシアは9日、中央アジアの4か国とともに上海で「上海協力機構」を発足させた。", bank)
    it = _asked(every, "上海協力機構")
    assert it is not None, [i.answer.ja for i in every]
    assert "上海" not in it.prompt.ja.replace("（　　）", ""), it.prompt.ja
    assert "とともに「（　　）」を発足させた" in it.prompt.ja


def test_a_place_qualified_by_its_region_stays(bank: Bank) -> None:
    """中国北部の天津で: leaving 天津で out would leave 「中国北部の」 hanging."""
    every = _all("上海協力機構の首脳会議は9日、中国北部の天津で開かれ、「天津宣言」を採択した。", bank)
    it = _asked(every, "天津宣言")
    assert it is None or "中国北部の天津で" in it.prompt.ja, it.prompt.ja if it else None


def test_an_initiative_is_asked_as_one(bank: Bank) -> None:
    """holdout_v29's teacher: 「ミサイル防衛構想」 was asked 「（　　）に入る会議・枠組みは何か」."""
    every = _all("中国とロシアは9日、アメリカが進める新しい宇宙防衛構想に反対する共同声明を出した。", bank)
    it = _asked(every, "宇宙防衛構想")
    assert it is not None, [i.answer.ja for i in every]
    assert "（　　）に入る構想は何か" in it.prompt.ja


@pytest.mark.parametrize("headline, event", [
    # newuser15: 【2013年 習近平国家主席】 named a person, no event
    ("ミシュスチン首相 就任後初の外国訪問で北京へ 李強首相と会談", "ミシュスチン首相 就任後初の外国訪問で北京へ"),
    ("ロシア ショイグ国防相 就任後初めて北京を訪問 董軍国防相と会談", "ロシア ショイグ国防相 就任後初めて北京を訪問"),
    ("中ロとイラン オマーン湾で海軍合同演習", "中ロとイラン オマーン湾で海軍合同演習"),  # as before
    ("中ロ首脳会談", "中ロ首脳会談"),
])
def test_a_headline_s_name_with_its_title_is_joined_to_what_they_did(headline: str, event: str) -> None:
    from quizgen.extract.article import headline_event

    assert headline_event(headline) == event


def test_no_person_the_bank_knows_only_from_much_later_pages_is_a_distractor() -> None:
    """newuser15: ゼレンスキー (known from the 2023-2025 seed pages) offered as a wrong answer in a story of 2013."""
    import datetime as dt

    from quizgen import resources
    from quizgen.extract.distractors import _known_only_after

    bundled = load_bank(resources.bank_dir())
    zelensky = bundled.entity_by_id["zelensky"]
    assert _known_only_after(zelensky, bundled, dt.date(2013, 3, 23))
    assert not _known_only_after(zelensky, bundled, dt.date(2023, 3, 23))
    every = _run_with(bundled, "2013-03-23", "習近平国家主席は22日、モスクワに到着した。"
                      "今回の訪問には、習主席の妻で歌手の王麗華さんも同行している。")
    people = [i for i in every if i.kind.value == "person"]
    assert people and not any(d.ja == "ゼレンスキー" for i in people for d in i.distractors), \
        [(i.answer.ja, [d.ja for d in i.distractors]) for i in people]


def _run_with(bank: Bank, published: str, body: str) -> list[Item]:
    import dataclasses

    from quizgen.bank import Text
    from quizgen.extract.article import extract, provisional_source
    from quizgen.extract.nlp import load_analyzer

    text = f"{published.replace('-', '年', 1).replace('-', '月', 1)}日 5:00\n{body}\n"
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "headline"),
                              published=published)
    return list(extract(text, src, bank, load_analyzer(), keep_all=True).items)


def test_a_plan_s_actor_carries_to_the_next_sentence_with_no_subject(bank: Bank) -> None:
    """newuser15: 「習主席は23日、…で講演する予定です。このあとアフリカの…を訪れ、…首脳会議にも出席します。」 was drafted
    with no subject (「…する予定です」 was read as a state, whose topic the next sentence does not carry)."""
    every = _all("習近平国家主席は22日、モスクワに到着した。習主席は23日、大学で講演する予定です。"
                 "このあとアフリカのタンザニアを訪れ、南アフリカで開かれるBRICS首脳会議にも出席します。", bank)
    it = _asked(every, "BRICS")
    assert it is not None, [i.answer.ja for i in every]
    assert "習主席は、" in it.prompt.ja and "このあと" not in it.prompt.ja, it.prompt.ja


def test_a_draft_whose_timeline_label_the_checks_refuse_keeps_its_question(bank: Bank, tmp_path: Path) -> None:
    """newuser15: extract left out the summit's date and place — the lead's two drafts — printing 「left out a draft the
    bank's checks refuse: item …event.ja: begins with its date」, a fault the teacher could do nothing about. A draft
    the checks refuse only for what it can do without (its timeline label, its false statement) keeps its question."""
    import dataclasses
    import shutil

    from quizgen.bank import Text
    from quizgen.extract.article import vetted
    from quizgen.extract.review import refusals

    ex = _run("習近平国家主席は9日、モスクワでプーチン大統領と会談した。", bank)
    dated = next(i for i in ex.items if i.event is not None)
    assert dated.event is not None
    broken = dataclasses.replace(dated, event=Text("2025年1月、" + dated.event.ja, dated.event.en))
    ex = dataclasses.replace(ex, items=tuple(broken if i.id == dated.id else i for i in ex.items))
    bank_dir = tmp_path / "bank"
    shutil.copytree(DATA / "bank", bank_dir)
    drafts = bank_dir / "drafts" / "a.yaml"
    kept, refused = vetted(ex, "a.txt", lambda text: refusals(text, drafts, bank_dir))
    assert dated.id in [i.id for i in kept.items] and not refused, [p.message for p in refused]
    assert next(i for i in kept.items if i.id == dated.id).event is None


def test_the_readme_s_summary_of_the_untuned_sets_is_what_their_table_says() -> None:
    """README's first section: 「on the three newest sets of articles nobody tuned on, A–B% of the drafts were usable …,
    and they held C–D% of the facts a teacher listed」 — the range of the three first rows of the untuned table."""
    import re

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [r for r in readme.splitlines() if re.match(r"\| \*{0,2}`holdout_v\d+/`", r)][:3]
    assert len(rows) == 3
    recall = [int(re.search(r"= \*{0,2}(\d+)%", r).group(1)) for r in rows]  # type: ignore[union-attr]
    precision = [int(re.search(r"\| \*{0,2}(\d+)%\*{0,2} \|$", r).group(1)) for r in rows]  # type: ignore[union-attr]
    flat = re.sub(r"\s+", " ", readme)
    assert (f"on the three newest sets of articles nobody tuned on, {min(precision)}–{max(precision)}% of the drafts were "
            f"usable after at most a light edit, and they held {min(recall)}–{max(recall)}% of the facts a teacher "
            "listed") in flat, (recall, precision)


def test_a_page_dated_without_its_year_dates_its_days_from_the_registered_date(bank: Bank) -> None:
    """holdout_v30: a broadcaster's page dated 「5月23日 19時26分」 (no year) drafted no date at all — 23日, 今月7日 and
    今月12日 had no basis `quizgen check` could verify, so none was asked and the prompts printed them as written."""
    import dataclasses

    from quizgen.bank import Text
    from quizgen.extract.article import extract, provisional_source
    from quizgen.extract.nlp import load_analyzer

    text = ("5月9日 19時26分\n 今月7日に就任したロシアの大統領は9日、北京を訪れ、習近平国家主席と会談しました。\n")
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "headline"),
                              published="2025-05-09")
    items = extract(text, src, bank, load_analyzer(), keep_all=True).items
    dates = [i for i in items if i.answer.ja == "2025年5月9日"]
    assert dates, [i.answer.ja for i in items]
    assert any("2025年5月7日に就任した" in i.prompt.ja for i in items), [i.prompt.ja for i in items]


def test_a_dateline_after_a_paragraph_s_indent_is_no_part_of_the_sentence(bank: Bank) -> None:
    """holdout_v30: 「 【北京=本社特派員】中国の…」 (a space before the dateline) put the dateline into the lead's prompt."""
    every = _all(" 【北京=本社特派員】中国の外相は9日、北京でロシアの外相と会談した。", bank)
    assert every and not any("特派員" in i.prompt.ja for i in every), [i.prompt.ja for i in every]


@pytest.mark.parametrize("sentence, name, not_name", [
    ("中国の楊潔篪(ようけつち)外相は9日、モスクワを訪れた。", "楊潔篪", "楊潔"),  # 楊 + 潔 + 篪 before a reading
    ("中国の張軍国連大使は9日、決議案に反対した。", "張軍", "張"),  # 張 + 軍 before a title
])
def test_a_name_the_analyser_splits_runs_to_its_reading_or_title(bank: Bank, sentence: str, name: str,
                                                                 not_name: str) -> None:
    answers = [i.answer.ja for i in _all(sentence, bank)]
    assert name in answers and not_name not in answers, answers


def test_a_name_never_runs_into_its_title(bank: Bank) -> None:
    """金総書記: 金 + 総 + 書記; 総 begins the title, the name is 金 alone (no 「金総」)."""
    answers = [i.answer.ja for i in _all("北朝鮮の金総書記は9日、ロシアの大統領と会談した。", bank)]
    assert "金総" not in answers, answers


def test_a_day_dated_by_a_yearless_date_line_passes_the_bank_s_checks_once_accepted(bank: Bank, tmp_path: Path) -> None:
    """The same page's date draft, accepted as it is, is one `quizgen check` verifies: the basis quotes the date line
    (「5月9日 19時26分」) and the clause, the year is the registered date's."""
    import dataclasses

    from quizgen.bank import Text
    from quizgen.bank.articles import ArticleFolders
    from quizgen.bank.load import dumps_bank, loads_bank_files
    from quizgen.bank.model import Bank as BankModel
    from quizgen.extract.article import extract, provisional_source
    from quizgen.extract.nlp import load_analyzer

    text = "5月9日 19時26分\n ロシアの大統領は9日、北京を訪れ、習近平国家主席と会談しました。\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    src = dataclasses.replace(provisional_source(text, "a.txt", bank), headline=Text("見出し", "headline"),
                              published="2025-05-09")
    ex = extract(text, src, bank, load_analyzer())
    dated = [dataclasses.replace(i, draft=False) for i in ex.items if i.answer.ja == "2025年5月9日"]
    assert dated and dated[0].date_basis is not None
    extra = BankModel(sources=(dataclasses.replace(src, outlet=Text("架空新聞", "A paper")),), entities=ex.entities,
                      items=tuple(dated))
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in sorted((DATA / "bank").rglob("*.yaml"))]
    loads_bank_files([*texts, (dumps_bank(extra), "drafts.yaml")], ArticleFolders((tmp_path,), strict=False))


def test_same_after_a_gloss_that_goes_reads_what_the_gloss_named(bank: Bank) -> None:
    """holdout_v30's teacher: 「ロシアは（　　）とウスリー川の合流点にあるタラバロフ島(同・銀竜島)」 — the blank's gloss
    (中国名・黒竜江) is left out of the prompt, so 「同」 hangs; it reads 「(中国名・銀竜島)」."""
    every = _all("議定書によると、ロシアはアムール川(中国名・黒竜江)とウスリー川の合流点にあるタラバロフ島(同・銀竜島)を"
                 "中国に引き渡す。", bank)
    it = _asked(every, "アムール川")
    assert it is not None, [i.answer.ja for i in every]
    assert "(中国名・銀竜島)" in it.prompt.ja and "(同・" not in it.prompt.ja, it.prompt.ja
