"""`quizgen add-article` offers the page's headline, not a line of its furniture (issue 17: on holdout_v30's
broadcaster page the offer was the promotion 「地震関連ニュース(中国・四川省)はこちら」, and a teacher who pressed
Enter registered it, and every draft's cue was built from it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quizgen.cli import cli
from quizgen.extract.register import guess

DATA = Path(__file__).parent / "data" / "extract"
HEADLINE = "港の祭りに過去最多の人出 3日間で12万人"


def _page(above: str) -> str:
    return (f"{above}\n{HEADLINE}\n2025年9月27日 10時26分\n\n"
            "みなと市の港まつりは27日、3日間の日程を終え、過去最多の12万人が訪れました。\n\n© みなと新報社\n")


@pytest.mark.parametrize("above", [
    "▶ 地震関連ニュース(中国・四川省)はこちら",  # a promotion
    "地震関連ニュースはこちら",
    "ログイン | 会員登録(無料)",  # the reader's account
    "ログイン　有料会員になる（月額980円〜）",
    "ニュース トップ｜社会｜政治｜経済｜国際",  # a menu
    "ライブ配信　番組表　アプリで読む",  # a menu of short words
    "はやて放送 ニュースウェブ",  # mastheads
    "みなと放送 NEWSネット",
    "[はてなブックマーク] [メールで送る]",
])
def test_the_headline_offered_is_not_the_pages_furniture(above: str) -> None:
    assert guess(_page(above)).headline == HEADLINE


@pytest.mark.parametrize("headline", [
    "中ロ首脳、カザンで会談　BRICS拡大後初の首脳会議",  # two parts set apart by a wide space
    "韓国軍　ロシア軍機に警告射撃　竹島周辺で「領空侵犯」　中ロ爆撃機が共同飛行",
    "中国とロシアが北京で戦略対話 ウクライナ危機や国連80年を協議",
    "ロシアとインターネット",
])
def test_a_headline_of_several_parts_is_still_a_headline(headline: str) -> None:
    assert guess(f"{headline}\n2025年9月27日 10時26分\n\nみなと市の港まつりは27日、終わりました。\n").headline == headline


def test_every_test_page_offers_its_registered_headline() -> None:
    """Each test page with a registered headline (its meta.yaml) offers that headline: 58 pages of 12 outlets' shapes."""
    pages = sorted(DATA.glob("*/*.meta.yaml"))
    assert len(pages) >= 50
    wrong = [(p.stem, guess(p.with_name(p.name.replace(".meta.yaml", ".txt")).read_text(encoding="utf-8")).headline)
             for p in pages
             if guess(p.with_name(p.name.replace(".meta.yaml", ".txt")).read_text(encoding="utf-8")).headline
             != yaml.safe_load(p.read_text(encoding="utf-8"))["headline"]["ja"]]
    assert wrong == []


def test_add_article_offers_the_broadcaster_pages_headline(tmp_path: Path) -> None:
    """holdout_v30's page, registered as a teacher does, pressing Enter at every question but the date."""
    shutil.copytree(DATA / "bank", tmp_path / "bank")
    page = DATA / "holdout_v30" / "medvedev-beijing-state-visit-2008-05.txt"
    r = CliRunner().invoke(cli, ["add-article", str(page), "--bank", str(tmp_path / "bank")], input="\n\n2008-05-23\n\n")
    assert r.exit_code == 0, r.output
    assert "見出し (headline) [メドベージェフ大統領が初訪中 米のミサイル防衛に懸念の共同声明]:" in r.output
