"""Hostile pass 17 (`/work/stage/hostile17/table.md` on the machine that ran it), its two causes left after the first
fixes, both UNCLEAR:

- `extract -o` over a drafts file the teacher had edited by hand and left with one YAML mistake kept the file, but
  said 「it is a YAML file that is not a drafts file (not every item in it is `draft: true`)」: a wrong reason, with no
  line, where review names the mistake at its line and column.
- A deck recipe with `select: {ids: []}` (every id taken out of the list) built a deck of the whole bank, rc 0.
"""

from __future__ import annotations

from pathlib import Path

from harness import DEV_ARTICLE, anki_with_recipe, drafts_workspace, run


def test_extract_over_a_drafts_file_with_a_yaml_mistake_names_the_line(tmp_path: Path) -> None:
    drafts = drafts_workspace(tmp_path)
    lines = drafts.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, x in enumerate(lines) if x.lstrip().startswith("ja: ") and not x.rstrip().endswith(":"))
    lines[at] = lines[at].replace("ja: ", "ja: '", 1)  # an unclosed quote, as a hand edit leaves one
    broken = "".join(lines)
    drafts.write_text(broken, encoding="utf-8")
    ran = run("extract", str(tmp_path / "cls" / "articles" / DEV_ARTICLE.name), "--bank", str(tmp_path / "cls"),
              "-o", str(drafts))
    err = ran.fails_cleanly()
    assert err.startswith(f"Error: will not write {drafts}: it does not read as YAML (line "), err
    assert "not every item" not in err and "fix the line and run extract again" in err
    line = int(err.split("(line ", 1)[1].split(",", 1)[0])
    assert at + 1 <= line <= at + 3, (at, err)  # the mistake's line, or where YAML noticed it just after
    assert drafts.read_text(encoding="utf-8") == broken


def test_a_recipe_whose_ids_list_is_empty_is_refused_not_the_whole_bank(bank: Path) -> None:
    ran = anki_with_recipe("r.yaml", "name: x\ndescription: {ja: d, en: d}\nselect: {ids: []}\n")
    assert ran.fails_cleanly().startswith("decks/r.yaml:3:15: select.ids: an empty list selects nothing; leave `ids` "
                                          "out to take every item"), ran.err
    assert not Path("out").exists() or not any(Path("out").iterdir())


def test_an_empty_exclude_list_still_excludes_nothing(bank: Path) -> None:
    ran = anki_with_recipe("r.yaml", "name: x\ndescription: {ja: d, en: d}\nselect: {exclude_tags: []}\n")
    assert ran.code == 0 and "Traceback" not in ran.err, ran
