"""`quizgen build`: every output from one bank, each step a generator's `build_default`.

A step is `module:function` with the signature
`(bank: Bank, out_dir: Path, now: datetime) -> list[Path]`; it is imported only
when it runs. A step whose module is not there yet is reported, not fatal.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgen.atomic import check_targets, ensure_folder, sweep_build_temps
from quizgen.bank.model import Bank
from quizgen.errors import DependencyError, QuizgenError, UsageError

STEPS: tuple[tuple[str, str], ...] = (
    ("anki", "quizgen.generators.anki:build_default"),
    ("worksheet", "quizgen.generators.worksheet:build_default"),
    ("export", "quizgen.generators.exports:build_default"),
)

StepFn = Callable[[Bank, Path, dt.datetime], list[Path]]


@dataclass(frozen=True)
class StepResult:
    name: str
    paths: tuple[Path, ...] = ()
    skipped: str | None = None  # why nothing (or not everything) was built


STEP_NAMES = tuple(name for name, _target in STEPS)


def build_all(bank: Bank, out_dir: Path, now: dt.datetime, only: tuple[str, ...] = (),
              starting: Callable[[str], None] | None = None) -> list[StepResult]:
    """Run every step (or those named in `only`) into `out_dir`; a bank with nothing to build is an error.
    `starting(name)` is told of each step before it runs. The temp folders of builds that were killed are removed
    first."""
    for name in only:
        if name not in STEP_NAMES:
            raise UsageError(f"unknown build step {name!r} (the steps are {', '.join(STEP_NAMES)})")
    if not bank.live_items():
        raise QuizgenError(f"nothing to build: all {len(bank.items)} items of the bank are drafts "
                           "(accept them with quizgen review first)")
    ensure_folder(out_dir)
    check_targets(path for name, target in STEPS if not only or name in only for path in _planned(target, out_dir))
    sweep_build_temps()  # a killed build's temp folder goes with the next build, whatever it makes
    results = []
    for name, target in STEPS:
        if only and name not in only:
            continue
        if starting is not None:
            starting(name)
        module, func = target.split(":")
        try:
            fn: StepFn = getattr(importlib.import_module(module), func)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            results.append(StepResult(name, skipped="not available in this version"))
            continue
        try:
            results.append(StepResult(name, tuple(fn(bank, out_dir, now))))
        except DependencyError as exc:
            results.append(StepResult(name, getattr(exc, "paths", ()), skipped=str(exc)))
    return results


def _planned(target: str, out_dir: Path) -> list[Path]:
    """The files a step will write (its module's `planned_default(out_dir)`), checked before any step runs: a link or
    a FIFO where the last step would write must not be found after the first has written."""
    module = target.split(":")[0]
    try:
        plan = getattr(importlib.import_module(module), "planned_default", None)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return []
    return plan(out_dir) if plan is not None else []
