"""`quizgen.atomic.write_new`: the copies quizgen keeps for the user (an edit not saved, a review's drafts beside a file
another program changed, an undone draft the bank lost) are new files, whole, never written over anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.atomic import write_new

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)


@settings(max_examples=40, deadline=None)
@given(existing=st.lists(TEXT, max_size=4), text=TEXT)
def test_a_kept_copy_never_replaces_a_file_and_holds_its_text_whole(tmp_path_factory: pytest.TempPathFactory,
                                                                    existing: list[str], text: str) -> None:
    folder = tmp_path_factory.mktemp("keep")
    target = folder / "d.review-kept.yaml"
    before = [write_new(target, t) for t in existing]
    kept = write_new(target, text)
    assert kept not in before and kept.parent == folder and kept.name.startswith("d.review-kept")
    assert kept.read_bytes().decode("utf-8") == text  # byte for byte: a lone CR is kept, not read as a newline
    assert [p.read_bytes().decode("utf-8") for p in before] == existing  # nothing written over
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in [*before, kept])  # no temporary left


def test_a_link_at_the_name_is_not_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    (tmp_path / "d.edit.txt").symlink_to(victim)
    kept = write_new(tmp_path / "d.edit.txt", "edit")
    assert kept.name == "d.edit-2.txt" and victim.read_text(encoding="utf-8") == "mine"

