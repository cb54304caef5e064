"""Review 23 (five sheets a fresh strict teacher checked, issue 14), s4 問2: 「…報道はこの戦争を何と呼んだか」
(世界反ファシスト戦争) — the same report calls the war 第二次世界大戦 a paragraph later, and the key neither accepted
nor rejected that answer, so markers would disagree (reviews 21 and 22 said so too). The bank rejects it now, and
the key says 「不可: 第二次世界大戦」."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli


def test_the_key_rules_out_second_world_war_for_the_chinese_name_of_the_war(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["worksheet", "--ids", "a004-which-war,a001-china-may-consider-arms",
                                   "--types", "short", "--count", "2", "--seed", "1", "--format", "html",
                                   "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    key = (tmp_path / "worksheet-A-key.html").read_text(encoding="utf-8")
    grid = key.split("answer-grid", 1)[1].split("</table>", 1)[0]
    assert "不可:第二次世界大戦" in re.findall(r'<div class="g-rej">(.*?)</div>', grid)
