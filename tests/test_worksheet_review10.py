"""Review 10 (five sheets a fresh strict teacher checked, issue 14): each fault of the generator's picking, rules,
sources and key notes as a regression test that failed before its fix. The teacher's commands run on the bundled
bank where the fault needs it; a fixture bank elsewhere."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli

S3_ARGS = ["worksheet", "--story", "2025-wang-yi-shoigu-dialogue", "--count", "8", "--lang", "both", "--seed", "31",
           "--name", "s3", "--format", "html"]


# --------------------------------------------------------------------------- 1. s3: every rule that gives way is said


def test_s3_a_one_story_sheet_says_where_the_passage_rule_and_the_truefalse_share_gave_way(tmp_path: Path) -> None:
    """S3 (a), (b): ten items of one article cannot fill 8 questions on passages apart, nor with true/false at most
    3 of 8; the sheet broke both in silence (the warning was kept for selections that could have kept the rules).
    Now one `warning:` line names the pairs on one passage and the true/false questions, by number."""
    result = CliRunner().invoke(cli, [*S3_ARGS, "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    line = next((x for x in result.stderr.splitlines() if x.startswith("warning:")), "")
    assert "pairs of questions draw on one passage (問" in line, result.stderr
    assert "5 of the 8 questions (問" in line and "are true/false (at most 3 where other types can be made)" in line
    assert "--count" in line
