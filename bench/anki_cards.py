"""Rendered-card measurement: how much a student sees on each card, and phone-width screenshots to look at.

    .venv/bin/python bench/anki_cards.py                      # the shipped decks from the bundled bank
    .venv/bin/python bench/anki_cards.py --shots out/anki-shots --sample 12
    .venv/bin/python bench/anki_cards.py --bank DIR --decks DIR --json

Every recipe is built (fixed time, so the run is repeatable), imported into a fresh collection with the
real Anki engine (the `anki` package), and every card rendered as Anki renders it. The visible text of a
side is what a student sees before tapping anything: the HTML without its <style>, with the inside of
each <details> left out (its <summary> label stays: it is on screen), tags stripped and entities
decoded, whitespace runs counted as one space. A type-in box counts as nothing. The report gives the
median, 95th percentile and maximum visible length of fronts and backs, and the longest backs.
Goal (issue 13): 95% of backs <= 300 visible characters, none over 600.

With --shots DIR, a sample of cards (seeded; the longest back always among them) is written as HTML
pages at a phone's width and, where Debian's `chromium` is installed, screenshotted headless at 390x844
(front; back; back with every section opened; night mode). Without chromium the HTML pages are still
written and the script says so.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NOW = dt.datetime(2025, 3, 1, 9, 0, tzinfo=dt.UTC)
BACK_GOAL, BACK_LIMIT, SHARE = 300, 600, 0.95
PHONE = (390, 844)

_STYLE = re.compile(r"<style>.*?</style>", re.S)
_DETAILS = re.compile(r"<details\b[^>]*>\s*(<summary\b[^>]*>.*?</summary>)?.*?</details>", re.S)
_TAGS = re.compile(r"<[^>]+>")
_TYPE = re.compile(r"\[\[type:(?:[^\]]*:)?([^\]]+)\]\]")


def visible_text(side_html: str) -> str:
    """What a student sees of a rendered side before opening anything (module docstring)."""
    text = _STYLE.sub("", side_html)
    text = _TYPE.sub("", text)
    for _ in range(3):  # details inside details
        text = _DETAILS.sub(lambda m: f" {m.group(1) or ''} ", text)
    text = _TAGS.sub(" ", text.replace("<rt>", " <rt>"))
    return " ".join(html.unescape(text).split())


@dataclass(frozen=True)
class Rendered:
    card_id: int
    note_id: str  # the note's ID field (the item id)
    note_type: str
    ord: int
    deck: str
    question: str
    answer: str
    typed: str  # the text of the note's typed answer, if its card has a type box ('' if not)

    @property
    def front_len(self) -> int:
        return len(visible_text(self.question))

    @property
    def back_len(self) -> int:
        return len(visible_text(self.answer))


@contextlib.contextmanager
def build_and_import(bank_dir: Path | None, decks_dir: Path | None, work: Path) -> Iterator[tuple[Any, list[Path]]]:
    """Build every recipe into `work` and import them all into a fresh collection (yields it, then closes it)."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    from quizgen import resources
    from quizgen.bank import load_bank
    from quizgen.generators.anki import build_decks, load_recipes, recipe_files

    bank = load_bank(bank_dir or resources.bank_dir())
    recipes = load_recipes(recipe_files(decks_dir or resources.decks_dir()), bank)
    paths = [b.path for b in build_decks(bank, recipes, work / "decks", NOW)]
    col = Collection(str(work / "collection.anki2"))
    try:
        for p in paths:
            opts = ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False)
            col.import_anki_package(ImportAnkiPackageRequest(package_path=str(p), options=opts))
        yield col, paths
    finally:
        col.close()


def render_all(col: Any) -> list[Rendered]:
    out = []
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        note = card.note()
        q, a = card.question(), card.answer()
        m = _TYPE.search(q)
        out.append(Rendered(cid, note["ID"] if "ID" in note else str(note.id), card.note_type()["name"], card.ord,
                            col.decks.name(card.did), q, a, note[m.group(1)] if m and m.group(1) in note else ""))
    return out


def percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(cards: list[Rendered]) -> dict[str, Any]:
    fronts, backs = [c.front_len for c in cards], [c.back_len for c in cards]
    within = sum(b <= BACK_GOAL for b in backs) / len(backs)
    return {
        "cards": len(cards),
        "front": {"median": statistics.median(fronts), "p95": percentile(fronts, SHARE), "max": max(fronts)},
        "back": {"median": statistics.median(backs), "p95": percentile(backs, SHARE), "max": max(backs)},
        "backs_within_goal": round(within, 4),
        "backs_over_limit": sum(b > BACK_LIMIT for b in backs),
        "goal_met": within >= SHARE and max(backs) <= BACK_LIMIT,
        "longest_backs": [(c.note_id, c.ord, c.back_len) for c in sorted(cards, key=lambda c: -c.back_len)[:5]],
    }


# --------------------------------------------------------------------------- screenshots


def page(side_html: str, *, night: bool, back: bool, typed: str = "", col: Any = None, opened: bool = False) -> str:
    """A rendered side as the reviewer shows it: in a `.card` body (night mode classes as Anki sets them),
    the type box as an input (front) or as Anki's comparison of a correct typed answer (back)."""
    body = side_html
    if typed and col is not None:
        box = col.compare_answer(typed, typed) if back else '<input type="text" id="typeans">'
        body = _TYPE.sub(lambda _m: box, body)
    if opened:
        body = body.replace("<details ", "<details open ")
    classes = "card card1" + (" nightMode night_mode" if night else "")
    return (f'<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">'
            f"</head><body class=\"{classes}\" style=\"margin:12px\">{body}</body></html>")


def chromium() -> str | None:
    return next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)


def screenshot(browser: str, html_path: Path, png: Path, height: int = PHONE[1]) -> None:
    with tempfile.TemporaryDirectory(prefix="quizgen-chromium-") as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                        "--hide-scrollbars", f"--window-size={PHONE[0]},{height}", f"--screenshot={png}",
                        html_path.as_uri()], check=True, capture_output=True, timeout=60)


def shoot(cards: list[Rendered], col: Any, out: Path, sample: int, seed: int) -> list[Path]:
    """Write the sample's pages into `out` and screenshot them where chromium is installed; the PNGs written."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    longest = max(cards, key=lambda c: c.back_len)
    chosen = [longest, *rng.sample([c for c in cards if c is not longest], min(sample - 1, len(cards) - 1))]
    browser = chromium()
    pngs = []
    for n, c in enumerate(chosen):
        stem = f"{n:02d}-{re.sub(r'[^a-z0-9-]+', '-', c.note_id.lower())}-{c.ord}"
        views = {"front": page(c.question, night=False, back=False, typed=c.typed, col=col),
                 "back": page(c.answer, night=False, back=True, typed=c.typed, col=col),
                 "back-open": page(c.answer, night=False, back=True, typed=c.typed, col=col, opened=True)}
        if n < 3:
            views["back-night"] = page(c.answer, night=True, back=True, typed=c.typed, col=col)
            views["back-open-night"] = page(c.answer, night=True, back=True, typed=c.typed, col=col, opened=True)
        for view, text in views.items():
            path = out / f"{stem}-{view}.html"
            path.write_text(text, encoding="utf-8")
            if browser:
                png = path.with_suffix(".png")
                screenshot(browser, path, png, 2400 if "open" in view else PHONE[1])
                pngs.append(png)
    return pngs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bank", type=Path, default=None, help="question bank folder (default: the bundled bank)")
    ap.add_argument("--decks", type=Path, default=None, help="deck recipes folder (default: the bundled decks/)")
    ap.add_argument("--shots", type=Path, default=None, help="write the sample's pages and screenshots here")
    ap.add_argument("--sample", type=int, default=12, help="how many cards to screenshot (default 12)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-cards-") as tmp, \
            build_and_import(args.bank, args.decks, Path(tmp)) as (col, paths):
        cards = render_all(col)
        result = summary(cards)
        if args.shots is not None:
            pngs = shoot(cards, col, args.shots, args.sample, args.seed)
            result["screenshots"] = [str(p) for p in pngs] or f"chromium not installed: HTML pages in {args.shots}"
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"decks: {', '.join(p.name for p in paths)}; {result['cards']} cards rendered with the anki engine")
        for side in ("front", "back"):
            s = result[side]
            print(f"  {side:5}  visible characters: median {s['median']}, 95th percentile {s['p95']}, max {s['max']}")
        print(f"  backs <= {BACK_GOAL}: {result['backs_within_goal']:.1%} (goal {SHARE:.0%}); "
              f"over {BACK_LIMIT}: {result['backs_over_limit']} (goal 0) -> {'met' if result['goal_met'] else 'NOT met'}")
        print("  longest backs: " + ", ".join(f"{i}#{o} {n}" for i, o, n in result["longest_backs"]))
        if "screenshots" in result:
            shots = result["screenshots"]
            print(f"  screenshots: {len(shots)} in {args.shots}" if isinstance(shots, list) else f"  {shots}")
    return 0 if result["goal_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
