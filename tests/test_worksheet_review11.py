"""Issue 14, teacher review 11: what its findings asked of the generator."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen import resources
from quizgen.bank import DateHow, load_bank
from quizgen.cli import cli
from quizgen.generators.worksheet.key import date_source


def test_a_date_counted_from_a_page_the_item_does_not_cite_names_that_page() -> None:
    """s1/s3/s5: the 2025 phone call is cited from the summary page ①, but its year is counted from 「2023年2月、
    …侵攻から1年」 on another page. The key said 「記事中の年(2023年)の2年後として計算」 beside ① only, and ① has no
    such year: the page counted from must be named, as a page whose date dates an item is."""
    bank = load_bank(resources.bank_dir())
    item = next(i for i in bank.items if i.id == "a000-invasion-anniversary-phone-call")
    assert item.date_basis is not None and item.date_basis.how is DateHow.COUNTED
    assert item.date_basis.article not in item.articles
    src = date_source(bank, item)
    assert src is not None and "2023年3月18日" in src.ja  # the summary page of 2023-03-18 that writes 2023年2月


def test_a_date_counted_from_a_cited_page_needs_no_extra_name() -> None:
    bank = load_bank(resources.bank_dir())
    counted = [i for i in bank.items if i.date_basis is not None and i.date_basis.how is DateHow.COUNTED
               and i.date_basis.article in i.articles]
    assert counted
    assert all(date_source(bank, i) is None for i in counted)


def test_the_swap_warning_counts_only_statements_printed_false(tmp_path: Path) -> None:
    """s4: 「2 true/false questions (問4, 問6) have false statements that swap the actors」 — both were printed as
    true statements, which swap nothing."""
    res = CliRunner().invoke(cli, ["worksheet", "--story", "2025-wang-yi-shoigu-dialogue", "--furigana", "--count", "8",
                                   "--seed", "41", "--format", "html", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "swap the actors" not in res.output
