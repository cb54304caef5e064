"""Issue 19's goals, as the issue states them, and the one line each benchmark ends with.

Every benchmark of issue 19 prints `verdict(GOAL, met, size)`: the issue's goal verbatim, then MET or NOT MET.
A run at another size than the goal's (--quick) says so: its MET is not the issue's.
"""

from __future__ import annotations

CHECK = "check 100k vs bare CSafeLoader ≤ 1.5×, memory ≤ 4× parsed data"
QUIZ = "quiz first question at 100k vs `import click` ≤ 2× warm"
STATS = "stats/due at 1M reviews ≤ 0.5 s"
ANKI = "anki 100k vs raw genanki ≤ 1.3×, < 1 GiB"

SIZES = {CHECK: 100_000, QUIZ: 100_000, STATS: 1_000_000, ANKI: 100_000}  # items, or reviews for STATS


def verdict(goal: str, met: bool, size: int) -> str:
    """'goal (issue 19): <goal>: MET' (or NOT MET), and the size measured when it is not the goal's."""
    line = f"goal (issue 19): {goal}: {'MET' if met else 'NOT MET'}"
    if size != SIZES[goal]:
        line += f" (measured at {size:,}, not at the goal's size: not the issue's verdict)"
    return line
