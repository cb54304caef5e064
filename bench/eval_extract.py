"""Evaluate `quizgen extract` against the hand-made bank.

Recall: share of the bank's (non-draft) items for the seed articles such that some draft
  (a) cites evidence that overlaps the item's evidence in the article text, and
  (b) proposes the same answer (after quizgen.japanese.normalise, via either side's accepted forms).
Precision: 40 random drafts (seeded) judged by hand in bench/extract_precision_sample.tsv
  (column `keep`: y = a strict teacher keeps it after at most a light edit, n = not).
  Run with --new-sample to write a fresh, unjudged sample sheet.

Unseen articles (--unseen [DIR], default tests/data/extract/unseen): articles that neither the
  rules nor the entity table were built from, each ARTICLE.txt with a hand-made ARTICLE.expected.tsv
  (columns answer, accept (|-separated), quote, note) written before extract was ever run on it.
  Recall is the share of expected facts that some draft proposes (answer or an accepted form) with
  evidence overlapping the quote; precision is hand-judged in bench/extract_unseen_precision_sample.tsv.

Usage:  .venv/bin/python bench/eval_extract.py [--articles DIR] [--bank DIR] [--unseen [DIR]] [--new-sample] [-v]

Baseline (printed in the same run): the "every known-entity mention" extractor, i.e. only
the `entity` rule, to show what the other rules add.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen import resources  # noqa: E402
from quizgen.bank import (  # noqa: E402
    Bank,
    Item,
    loads_bank,
)
from quizgen.errors import BankError  # noqa: E402
from quizgen.extract import REVIEW_BATCH  # noqa: E402
from quizgen.extract.article import extract, read_article  # noqa: E402
from quizgen.extract.nlp import load_analyzer  # noqa: E402
from quizgen.extract.ranking import rule_of  # noqa: E402
from quizgen.japanese.normalise import normalise  # noqa: E402

SAMPLE = ROOT / "bench" / "extract_precision_sample.tsv"
SAMPLE_CAPPED = ROOT / "bench" / "extract_precision_capped.tsv"
UNSEEN_BEFORE = ROOT / "bench" / "extract_unseen_precision_before.tsv"
UNSEEN_DIR = ROOT / "tests" / "data" / "extract" / "unseen"
SAMPLE_SIZE = 40
SEED = 8


@dataclasses.dataclass(frozen=True)
class BankItem:
    id: str
    answers: frozenset[str]  # normalised accepted forms
    spans: tuple[tuple[str, int, int], ...]  # (article, start, end)


def load_reference(bank_dir: Path) -> tuple[Bank, list[dict[str, Any]]]:
    """Sources + entities as a Bank, and the raw items (the bank may be mid-edit: items are read leniently)."""
    meta = "\n".join((bank_dir / f).read_text(encoding="utf-8") for f in ("sources.yaml", "entities.yaml"))
    bank = loads_bank(meta, "sources+entities")
    raw: list[dict[str, Any]] = []
    for path in sorted((bank_dir / "items").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        raw.extend(i for i in data.get("items", []) if isinstance(i, dict) and not i.get("draft"))
    return bank, raw


def accepted_forms(bank: Bank, answer: str, accept: list[str], entity: str | None) -> frozenset[str]:
    forms = [answer, *accept]
    e = bank.entity_by_id.get(entity) if entity else None
    if e is not None:
        forms += [e.ja, e.reading, *e.aliases]
    return frozenset(normalise(str(f)) for f in forms if str(f).strip())


def spans(texts: dict[str, str], evidence: list[tuple[str, str]]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for art, quote in evidence:
        text = texts.get(art, "")
        i = text.find(quote)
        while i >= 0:
            out.append((art, i, i + len(quote)))
            i = text.find(quote, i + 1)
    return tuple(out)


def overlaps(a: tuple[tuple[str, int, int], ...], b: tuple[tuple[str, int, int], ...]) -> bool:
    return any(x[0] == y[0] and x[1] < y[2] and y[1] < x[2] for x in a for y in b)


def _recall(reference: list[BankItem], draft_info: list[tuple[Item, frozenset[str], tuple[tuple[str, int, int], ...]]],
            rules: set[str] | None = None, ids: set[str] | None = None) -> tuple[int, list[BankItem]]:
    """How many reference items some draft (of `rules`, among `ids`) asks about, and the ones missed."""
    hit, missed = 0, []
    for r in reference:
        ok = any(overlaps(r.spans, sp) and (normalise(d.answer.ja) in r.answers or r.answers & forms)
                 for d, forms, sp in draft_info
                 if (rules is None or rule_of(d) in rules) and (ids is None or d.id in ids))
        hit += ok
        if not ok:
            missed.append(r)
    return hit, missed


def _extract_seeds(bank: Bank, articles: Path, texts: dict[str, str]) -> tuple[list[Item], set[str], float]:
    """Every seed article's drafts (each extracted as if new to the bank), the ids --max keeps, the time taken."""
    analyse = load_analyzer()
    drafts: list[Item] = []
    capped: set[str] = set()  # ids of the drafts `quizgen extract --max REVIEW_BATCH` keeps
    t0 = time.perf_counter()
    for s in bank.sources:
        if s.id not in texts:
            continue
        others = dataclasses.replace(bank, sources=tuple(x for x in bank.sources if x.id != s.id))
        ex = extract(read_article(articles / s.file), s.file, others, analyse, source_id=s.id)
        drafts.extend(ex.items)
        capped |= {d.id for d in ex.items[:REVIEW_BATCH]}  # drafts come best first: --max N keeps the first N
    return drafts, capped, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=resources.default_articles_dir())
    ap.add_argument("--bank", type=Path, default=resources.bank_dir())
    ap.add_argument("--new-sample", action="store_true")
    ap.add_argument("--unseen", type=Path, nargs="?", const=UNSEEN_DIR, default=None, metavar="DIR",
                    help="measure on unseen articles with hand-made answer lists instead of the seeds")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.unseen is not None:
        return unseen(args)
    if args.articles is None:
        print("seed articles not found: pass --articles DIR")
        return 2
    try:
        bank, raw_items = load_reference(args.bank)
    except BankError as exc:
        print(exc.report())
        return 1
    texts = {s.id: (args.articles / s.file).read_text(encoding="utf-8") for s in bank.sources
             if (args.articles / s.file).is_file()}
    reference = [
        BankItem(str(i["id"]), accepted_forms(bank, str(i["answer"]["ja"]), list(i.get("accept") or []), i.get("entity")),
                 spans(texts, [(str(e["article"]), str(e["quote"])) for e in i["evidence"]]))
        for i in raw_items
    ]
    reference = [r for r in reference if r.spans]
    drafts, capped, elapsed = _extract_seeds(bank, args.articles, texts)
    draft_info = [(d, accepted_forms(bank, d.answer.ja, list(d.accept), d.entity),
                   spans(texts, [(ev.article, ev.quote) for ev in d.evidence])) for d in drafts]
    hit, missed = _recall(reference, draft_info)
    hit_capped, _ = _recall(reference, draft_info, ids=capped)
    base, _ = _recall(reference, draft_info, rules={"entity"})
    n = len(reference)
    per_rule = Counter(rule_of(d) for d in drafts)
    print(f"articles: {len(texts)}  bank items with evidence: {n}  drafts: {len(drafts)}  "
          f"extraction time: {elapsed:.2f}s")
    print(f"recall:   {hit}/{n} = {hit / n:.1%}   (baseline, known-entity blanks only: {base}/{n} = {base / n:.1%}; "
          f"ratio {hit / max(base, 1):.2f}x)")
    print(f"recall with a cap (--max {REVIEW_BATCH}, {len(capped)} drafts): {hit_capped}/{n} = "
          f"{hit_capped / n:.1%}   (default, every draft: {hit / n:.1%})")
    print("drafts by rule: " + ", ".join(f"{k}={v}" for k, v in per_rule.most_common()))
    if args.verbose:
        for r in missed:
            print("  missed:", r.id, sorted(r.answers)[:3])
    print(f"capped output (--max {REVIEW_BATCH}):", end=" ")
    precision(SAMPLE_CAPPED, [d for d in drafts if d.id in capped], args.new_sample)
    print("every draft (--all), sample judged before the unseen-article changes:", end=" ")
    precision(SAMPLE, drafts, args.new_sample)
    return 0


def precision(path: Path, drafts: list[Item], new_sample: bool) -> None:
    if new_sample or not path.exists():
        rng = random.Random(SEED)
        sample = rng.sample(drafts, min(SAMPLE_SIZE, len(drafts)))
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["id", "rule", "prompt", "answer", "keep", "note"])
            for d in sample:
                w.writerow([d.id, rule_of(d), d.prompt.ja, d.answer.ja, "", ""])
        print(f"wrote a new precision sample: {path} (judge the `keep` column y/n)")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    judged = [r for r in rows if r["keep"].strip().lower() in ("y", "n")]
    if judged:
        kept = sum(r["keep"].strip().lower() == "y" for r in judged)
        print(f"precision: {kept}/{len(judged)} = {kept / len(judged):.1%}   (hand-judged sample {path.name})")
    else:
        print("precision: not judged yet")


def unseen(args: argparse.Namespace) -> int:
    """Recall against the hand-made answer lists of articles the extractor was not built from."""
    from quizgen.bank import load_bank

    bank = load_bank(args.bank)
    analyse = load_analyzer()
    articles = sorted(p for p in args.unseen.glob("*.txt") if p.with_suffix(".expected.tsv").is_file())
    if not articles:
        print(f"no ARTICLE.txt with ARTICLE.expected.tsv in {args.unseen}")
        return 2
    total = hits = hits_capped = 0
    all_drafts: list[Item] = []
    capped_drafts: list[Item] = []
    for n, path in enumerate(articles):
        text = read_article(path)
        ex = extract(text, path.name, bank, analyse, source_id=f"u{n}")
        drafts = list(ex.items)
        all_drafts.extend(drafts)
        kept = {d.id for d in drafts[:REVIEW_BATCH]}  # drafts come best first: --max N keeps the first N
        capped_drafts.extend(d for d in drafts if d.id in kept)
        with path.with_suffix(".expected.tsv").open(encoding="utf-8") as fh:
            expected = list(csv.DictReader(fh, delimiter="\t"))
        info = [(accepted_forms(bank, d.answer.ja, list(d.accept), d.entity),
                 spans({"a": text}, [("a", ev.quote) for ev in d.evidence]), d.id in kept) for d in drafts]
        got = got_capped = 0
        for row in expected:
            want = {normalise(f) for f in (row["answer"], *row["accept"].split("|")) if f.strip()}
            where = spans({"a": text}, [("a", row["quote"])])
            ok = any(forms & want and overlaps(where, sp) for forms, sp, _k in info)
            got += ok
            got_capped += any(forms & want and overlaps(where, sp) for forms, sp, k in info if k)
            if args.verbose and not ok:
                print(f"  missed {path.stem}: {row['answer']}  ({row['note']})")
        total += len(expected)
        hits += got
        hits_capped += got_capped
        print(f"{path.name}: drafts {len(drafts)}  recall {got}/{len(expected)} = {got / len(expected):.1%}  "
              f"with --max {REVIEW_BATCH}: {got_capped}/{len(expected)} = {got_capped / len(expected):.1%}")
    print(f"unseen recall (--all): {hits}/{total} = {hits / total:.1%}   drafts: {len(all_drafts)}")
    print(f"unseen recall (--max {REVIEW_BATCH}): {hits_capped}/{total} = {hits_capped / total:.1%}   "
          f"drafts: {len(capped_drafts)}")
    per_rule = Counter(rule_of(d) for d in all_drafts)
    print("drafts by rule: " + ", ".join(f"{k}={v}" for k, v in per_rule.most_common()))
    name = args.unseen.resolve().name  # unseen -> bench/extract_unseen_precision_sample.tsv, and so on
    print(f"capped output (--max {REVIEW_BATCH}):", end=" ")
    precision(ROOT / "bench" / f"extract_{name}_precision_sample.tsv", capped_drafts, args.new_sample)
    print("every draft (--all):", end=" ")
    precision(ROOT / "bench" / f"extract_{name}_precision_all.tsv", all_drafts, args.new_sample)
    if name == "unseen" and UNSEEN_BEFORE.exists():
        print("before the unseen-article changes (all drafts, no cap):", end=" ")
        precision(UNSEEN_BEFORE, [], False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
