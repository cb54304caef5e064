"""`quizgen topics`: what each filter can select, with counts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli

ANKI_BANK = Path(__file__).parent / "data" / "anki" / "bank"


def test_topics_lists_stories_categories_priorities_articles_and_tags_with_counts() -> None:
    res = CliRunner().invoke(cli, ["topics", "--bank", str(ANKI_BANK), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert res.output == """\
4 items, 3 core (1 draft not counted)

Stories (--story ID):
  moscow-summit  2023-03      2 items,  2 core  Xi Jinping's visit to Moscow
  peace-plan                  2 items,  1 core  China's peace plan

Categories (--category):
  dates        1 item,   1 core  Dates
  actors       1 item,   1 core  Actors
  positions    1 item,   1 core  Positions
  forums       1 item,   0 core  Forums

Priorities (--priority):
  core         3 items
  detail       1 item

Articles (--article ID):
  a1           2 items  Test Wire, “Chinese and Russian leaders meet in Moscow” (21 March 2023)
  a2           2 items  Test Daily, “<b>Breaking</b>: where the peace plan goes” (no date given)

Tags (--tag):
  peace-plan 2 · summit 2 · ukraine 1
"""


def test_topics_in_japanese_and_the_counts_match_what_the_filters_take(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["topics", "--bank", str(ANKI_BANK)])
    assert "  moscow-summit  2023-03      2 items,  2 core  習近平のモスクワ訪問" in res.output
    assert "  dates        1 item,   1 core  日付" in res.output
    stats = CliRunner().invoke(cli, ["stats", "--bank", str(ANKI_BANK), "--db", str(tmp_path / "r.db"),
                                     "--story", "moscow-summit", "--priority", "core"])
    assert stats.output.startswith("Cards: 0 studied, 2 new (2 selected)")


def test_a_bank_without_stories_or_tags_lists_what_it_has(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["topics", "--bank", str(Path(__file__).parent / "data" / "quiz" / "bank")])
    assert res.exit_code == 0
    assert "Stories" not in res.output and res.output.startswith("5 items, 0 core\n")


def test_topics_items_lists_every_live_item_for_worksheet_ids() -> None:
    res = CliRunner().invoke(cli, ["topics", "--bank", str(ANKI_BANK), "--lang", "en", "--items"])
    assert res.exit_code == 0, res.output
    tail = res.output.split("\nItems (worksheet --ids/--exclude):\n")[1]
    lines = tail.splitlines()
    assert len(lines) == 4  # the draft is not listed
    assert all(line.startswith("  ") and ("core" in line or "detail" in line) for line in lines)
