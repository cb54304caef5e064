"""Evaluate `quizgen extract`: recall of hand-made facts and a strict teacher's precision, per article.

Article sets (each ARTICLE.txt with ARTICLE.expected.tsv, written before the extractor ran on it;
ARTICLE.trivia.tsv lists what must not be asked; ARTICLE.meta.yaml holds the `quizgen add-article`
answers — headline, outlet, date — and without it the article is extracted unregistered):

  holdout_v30  seen: two short articles (about 770-780 characters) written by someone who never saw the code (Yang Jiechi
               and Lavrov sign the protocol completing the eastern border, July 2008; Medvedev's state visit to Beijing,
               May 2008), 16 facts each, answers before any run; measured once on 305214e, before any change for it
               (recall 9/32 = 28%, 53% with --all; precision 13/19 = 68% judged by a teacher who wrote no code); then
               its misses and verdicts read (a yearless date line left the Medvedev page with no date draft)
  holdout_v29  seen: two short articles (about 700-750 characters) written by someone who never saw the code (Jiang and
               Putin sign the Treaty of Good-Neighbourliness in Moscow, July 2001; Xi's first trip abroad as president,
               to Moscow, March 2013), 16 facts each, answers before any run; measured once on c3e11fb, before any change
               for it (recall 13/32 = 41%, 66% with --all; precision 15/22 = 68% judged by a teacher who wrote no code;
               two drafts refused by `quizgen check` when accepted); newuser15's article (the Xi trip); then its misses
               and verdicts read
  holdout_v28  seen: two short articles (about 700-800 characters) written by someone who never saw the code (the
               Gazprom-CNPC 30-year gas contract signed in Shanghai, May 2014; Xi gives Putin China's first Friendship
               Medal in Beijing, June 2018), 16 facts each, answers before any run; measured once on 98b9e40, before any
               change for it (recall 13/32 = 41%, 75% with --all; precision 15/18 = 83% judged by a teacher who wrote no
               code; the code before the place round, 1b61a98, made the same 18 drafts); then its misses read
  holdout_v27  seen: one short article (about 700 characters) written by someone who never saw the code (the
               first road bridge across the Amur between Blagoveshchensk and Heihe opens, June 2022), 16 facts,
               answers before any run; measured once on 46ca299, before any change for it (recall 5/16 = 31%, 56% with
               --all; precision 9/10 = 90% judged by a teacher who wrote no code); newuser14's article; then its misses read
  holdout_v26  seen: two short articles (about 700 characters, the size of the issue's) written by someone who
               never saw the code (Putin watches the Vostok-2018 exercise with Chinese troops, September 2018; Xi's state
               visit to Moscow and the upgrade to a comprehensive strategic partnership of a new era, June 2019), 16
               facts each, answers before any run; measured once on 91f864c, before any change for it (recall 13/32 =
               41%, 78% with --all; precision 15/20 = 75% judged by a teacher who wrote no code); then its misses read
  holdout_v25  seen: two articles written by someone who never saw the code (the Power of Siberia pipeline starts
               deliveries, December 2019; China and Russia veto a Security Council resolution tightening sanctions on
               North Korea, May 2022), answers before any run; measured once after hostile pass 27 and newuser12's
               fixes (recall 13/44 = 30%, precision 18/25 = 72% judged by a teacher who wrote no code); then its
               verdicts read
  holdout_v24  seen: two articles written by someone who never saw the code (the first China–Russia joint air patrol
               and South Korea's warning shots near Takeshima, July 2019; China abstains on the UN General Assembly's
               resolution a year into the invasion of Ukraine, February 2023), answers before any run; measured once
               after newuser11's fixes and hostile pass 23 (recall 8/44 = 18%, precision 13/19 = 68% judged by a teacher
               who wrote no code); then its verdicts read
  holdout_v23  seen: two articles written by someone who never saw the code (Medvedev meets Xi in Beijing, December
               2022; Chinese and Russian warships pass between Okinawa and Miyako together, August 2023), answers before
               any run; measured once after the holdout_v22 and subject rounds (recall 9/44 = 20%, precision 13/23 = 57%
               judged by a teacher who wrote no code); then its verdicts read
  holdout_v22  seen: two articles written by someone who never saw the code (Lavrov in Tunxi for the Afghanistan
               neighbours' meeting, March 2022; Wang Yi in Moscow with Lavrov and Putin, April 2025), answers before any
               run; measured once after the holdout_v21 rounds (recall 11/44 = 25%, precision 13/23 = 57% judged by a
               teacher who wrote no code); then its verdicts read
  holdout_v21  seen: two articles written by someone who never saw the code (the Xi–Putin phone call of 15 June 2022;
               Wang Yi and Lavrov in Vientiane at the ASEAN meetings, July 2024), answers before any run; measured once
               after the holdout_v20 rounds (recall 12/44 = 27%, precision 13/23 = 57% judged by a teacher who wrote no
               code); then its verdicts read
  holdout_v20  seen: two articles written by someone who never saw the code (Xi and Putin in Samarkand, September
               2022; Russia's Ocean-2024 exercise with China and Northern/Interaction-2024, September 2024), answers
               before any run; measured once after the holdout_v19 rounds (recall 10/44 = 23%, precision 14/25 = 56%
               judged by a teacher who wrote no code); then its verdicts read
  holdout_v19  seen: two articles written by someone who never saw the code (the Xi–Putin video call of 30 December
               2022; China's reaction to the Wagner mutiny and Rudenko's talks in Beijing, June 2023), answers before
               any run; measured once after the spokesperson and statement round (recall 15/44 = 34%, precision
               21/27 = 78% judged by a teacher who wrote no code); then its verdicts read
  holdout_v18  seen: two articles written by someone who never saw the code (Chinese and Russian bombers around Japan
               during the Quad summit in Tokyo, May 2022; Xi and Putin in Astana before the SCO summit, July 2024),
               answers before any run; measured once after the holdout_v17 fixes (recall 6/44 = 14%, precision
               17/21 = 81% judged by a teacher who wrote no code); then its verdicts read
  holdout_v17  seen: two articles written by someone who never saw the code (Xi Jinping's state visit to Moscow,
               March 2023; NATO's Washington summit declaration calling China a "decisive enabler", July 2024), answers
               before any run; measured once after the hostile-15 fixes (recall 18/44 = 41%, precision 21/34 = 62%
               judged by a teacher who wrote no code); then its verdicts read
  holdout_v16  seen: two articles written by someone who never saw the code (the G7 Hiroshima summit's demands on
               China, May 2023; Chinese premier Li Qiang in Moscow, August 2024), answers before any run; measured once
               after the hostile-14 fixes (recall 13/44 = 30%, precision 18/28 = 64% judged by a teacher who wrote no
               code); then its verdicts read
  holdout_v15  seen: two articles written by someone who never saw the code (the SCO summit in Tianjin, September
               2025; China's special envoy Li Hui meets Lavrov in Moscow, May 2023), answers before any run;
               measured once after the newuser7 fixes (recall 16/44 = 36%, precision 18/30 = 60% judged by a
               teacher who wrote no code); then its verdicts read
  holdout_v14  seen: two articles written by someone who never saw the code (Putin receives Wang Yi in the Kremlin,
               February 2023; the November 2025 Security Council vote on the US Gaza plan, China and Russia
               abstaining), answers before any run; measured once after round 25 (recall 16/44 = 36%, precision
               13/21 = 62% judged by a teacher who wrote no code, in one blind sheet with round 26's drafts); then
               its verdicts read
  holdout_v13  seen: two articles written by someone who never saw the code (the first China–Russia coast guard
               patrol in the North Pacific and the Arctic, October 2024; the Xi–Putin video call of 21 January 2025),
               answers before any run; measured once after round 25 (recall 12/44 = 27%, precision 9/25 = 36%
               judged by a teacher who wrote no code); then its verdicts read
  holdout_v12  seen: two articles written by someone who never saw the code (Russian pork exports to China in 2024;
               the September 2025 Security Council vote on the China–Russia draft to delay the Iran snapback),
               answers before any run; measured once after the extract23 round (recall 15/44 = 34%, precision
               11/28 = 39% judged by a teacher who wrote no code); then its verdicts read
  holdout_v11  seen: two articles written by someone who never saw the code (Russian prime minister Mishustin in
               Beijing, May 2023; the March 2023 Security Council vote on Russia's Nord Stream inquiry draft), answers
               before any run; measured once after the newuser3 fixes (recall 13/44 = 30%, precision 12/19 = 63%
               judged by a teacher who wrote no code); then its verdicts read
  holdout_v10  seen: two articles written by someone who never saw the code (Chinese defence minister Li Shangfu's
               April 2023 visit to Moscow; the February 2025 Security Council resolution on Ukraine that China and
               Russia voted for), answers before any run; measured once at the extract-v10 merge (recall 16/44 = 36%,
               precision 9/18 = 50% judged by a teacher who wrote no code); then its verdicts read
  holdout_v9   seen: two articles written by someone who never saw the code (the March 2024 China–Russia veto of a
               US Gaza ceasefire draft in the UN Security Council; the Joint Sea-2025 naval exercise off
               Vladivostok), answers before any run; measured once at the extract-v9 merge (recall 13/44 = 30%,
               precision 11/21 = 52% judged by a teacher who wrote no code); then its verdicts read
  holdout_v8   seen: two articles written by someone who never saw the code (2024 China–Russia–Iran naval drill in
               the Gulf of Oman; Russia's 2025 visa waiver for Chinese citizens), answers before any run; measured
               once at the extract-v8 merge (recall 13/44 = 30%, precision 16/22 = 73% judged by a teacher who wrote
               no code); then its verdicts read
  holdout_v7   seen: two articles written by someone who never saw the code (2023 Putin–Xi talks at the Belt and
               Road Forum in Beijing; 2025 joint China–Russia bomber flight near Japan), answers before any run;
               measured once at 45e3d75 (recall 10/44 = 23%, precision 10/18 = 56% judged by a teacher who wrote
               no code); then its verdicts read
  holdout_v6   seen: two articles written by someone who never saw the code (2024 bomber patrol near Alaska;
               2025 China–Russia–Iran talks in Beijing), answers before any run; measured once at dbffc89
               (recall 13/44 = 30%, precision 10/25 = 40% judged by a teacher who wrote no code); then its
               verdicts read and the news round made from them (extract-v7)
  holdout_v5   seen: two articles written by someone who never saw the code, answers before any run; measured
               once (recall 16/40, precision 9/24 judged by a teacher who wrote no code; the code before the
               precision round on the same articles, judged unlabelled by the same teacher: 19/40, 11/32), then
               one bug its judging found (所要日数は約20日 read as a date) fixed
  holdout_v4   seen: two articles written by someone who never saw the code, answers before any run; measured
               untuned once (see NOTES: judged by a teacher who wrote no code), then its judgements read and the
               causes the teacher named fixed (the precision round)
  holdout_v3   seen: two articles written after the extraction code, with their answers written before anyone
               ran it; measured untuned once (see NOTES), then three bugs its judging found were fixed
  holdout_v2   seen: three articles first measured untuned (see NOTES), then judged and looked at
  A new set of articles nobody has tuned on is labelled untuned (reported first) until anything is changed
  after looking at it.
  dev          tuned: one article the extractor was tuned on
  unseen, holdout   tuned: the previous release's test articles, tuned on then and since

Recall: the share of expected facts that some draft of the default output (about 20 drafts) proposes —
its answer or an accepted form equals the fact's answer or one of its accepted forms (after
quizgen.japanese.normalise) — with evidence overlapping the fact's quote. `--all` recall counts every draft.
Trivia: default drafts whose answer is something the article's trivia list says must not be asked.

Precision: every draft of the default output judged by hand as a strict teacher would, against the
article and the writing guide, in bench/extract_judgements.tsv (columns set, article, id, prompt, answer,
verdict, reason; verdict keep / light / discard). Precision = (keep + light) / drafts. A draft whose
prompt or answer changed since it was judged counts as unjudged; `--sheet FILE` writes the unjudged
drafts to FILE for judging (then append the judged rows to the judgements file).

Seeds (--seeds): recall against the bundled bank's items for the seed articles, as before.

Usage:  .venv/bin/python bench/eval_extract.py [--sets holdout_v4,holdout_v3,holdout_v2,dev,unseen,holdout] [--seeds]
                                              [--sheet FILE] [--why] [-v]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen import resources  # noqa: E402
from quizgen.bank import Bank, Item, Source, Text, load_bank, loads_bank, loads_bank_files  # noqa: E402
from quizgen.bank.articles import ArticleFolders  # noqa: E402
from quizgen.bank.load import dumps_bank  # noqa: E402
from quizgen.errors import BankError  # noqa: E402
from quizgen.extract.article import extract, provisional_source, read_article  # noqa: E402
from quizgen.extract.nlp import Analyzer, load_analyzer  # noqa: E402
from quizgen.japanese.normalise import normalise  # noqa: E402

DATA = ROOT / "tests" / "data" / "extract"
JUDGEMENTS = ROOT / "bench" / "extract_judgements.tsv"
SETS = {"holdout_v32": "seen", "holdout_v31": "seen", "holdout_v30": "seen", "holdout_v29": "seen", "holdout_v28": "seen",
        "holdout_v27": "seen", "holdout_v26": "seen", "holdout_v25": "seen", "holdout_v24": "seen", "holdout_v23": "seen",
        "holdout_v22": "seen",
        "holdout_v21": "seen",
        "holdout_v20": "seen",
        "holdout_v19": "seen",
        "holdout_v18": "seen", "holdout_v17": "seen",
        "holdout_v16": "seen",
        "holdout_v15": "seen", "holdout_v14": "seen", "holdout_v13": "seen", "holdout_v12": "seen", "holdout_v11": "seen",
        "holdout_v10": "seen", "holdout_v9": "seen", "holdout_v8": "seen", "holdout_v7": "seen",
        "holdout_v6": "seen", "holdout_v5": "seen", "holdout_v4": "seen", "holdout_v3": "seen", "holdout_v2": "seen",
        "dev": "tuned", "unseen": "tuned", "holdout": "tuned"}
LABELS = ("untuned", "seen", "tuned")  # the order of the table
NOTES = {
    "untuned": "untuned: never tuned on; its first measurement is the one to quote (CHANGELOG)",
    "seen": ("seen: measured untuned once, then looked at — holdout_v32 (28 drafts, recall 12/32 = 38%, precision 17/28 "
             "= 61% judged by a teacher who wrote no code), holdout_v31 (19 drafts, recall 13/32 = 41%, precision 12/19 "
             "= 63% judged by a teacher who wrote no code), holdout_v30 (19 drafts, recall 9/32 = 28%, precision 13/19 "
             "= 68% judged by a teacher who wrote no code), holdout_v29 (22 drafts, recall 13/32 = 41%, precision 15/22 "
             "= 68% judged by a teacher who wrote no code), holdout_v28 (18 drafts, recall 13/32 = 41%, precision 15/18 "
             "= 83% judged by a teacher who wrote no code), holdout_v27 (10 drafts, recall 5/16 = 31%, precision 9/10 "
             "= 90% judged by a teacher who wrote no code), holdout_v26 (20 drafts, recall 13/32 = 41%, precision 15/20 "
             "= 75% judged by a teacher who wrote no code), holdout_v25 (25 drafts, recall 13/44 = 30%, precision "
             "18/25 = 72% judged by a teacher who wrote no code), holdout_v24 (19 drafts, recall 8/44 = 18%, precision "
             "13/19 = 68% judged by a teacher who wrote no code), holdout_v23 (23 drafts, recall 9/44 = 20%, precision "
             "13/23 = 57% judged by a teacher who wrote no code), holdout_v22 (23 drafts, recall 11/44 = 25%, precision "
             "13/23 = 57% judged by a teacher who wrote no code), holdout_v21 (23 drafts, recall 12/44 = 27%, precision 13/23 = "
             "57% judged by a teacher who wrote no code), holdout_v20 (25 drafts, recall 10/44 = 23%, precision "
             "14/25 = 56% judged by a teacher who wrote no code), holdout_v19 (27 drafts, recall 15/44 = 34%, precision "
             "21/27 = 78% judged by a teacher who wrote no code), holdout_v18 (21 drafts, recall 6/44 = 14%, "
             "precision 17/21 = 81% judged by a teacher who wrote no code), holdout_v17 (34 drafts, recall 18/44 = 41%, "
             "precision 21/34 = 62% judged by a teacher who wrote no code), holdout_v16 (28 drafts, recall 13/44 = 30%, "
             "precision 18/28 = 64% judged by a teacher who wrote no code), holdout_v15 (30 drafts, recall 16/44 = 36%, "
             "precision 18/30 = 60% judged by a teacher who wrote no code), holdout_v14 (21 drafts, recall 16/44 = 36%, "
             "precision 13/21 = 62% judged by a teacher who wrote no code), holdout_v13 (25 drafts, recall 12/44 = 27%, "
             "precision 9/25 = 36% judged by a teacher who wrote no code), holdout_v12 (28 drafts, recall 15/44 = 34%, "
             "precision 11/28 = 39% judged by a teacher who wrote no code), holdout_v11 (19 drafts, recall 13/44 = 30%, "
             "precision 12/19 = 63% judged by a teacher who wrote no code), holdout_v10 (18 drafts, recall 16/44 = 36%, "
             "precision 9/18 = 50% judged by a teacher who wrote no code), holdout_v9 (21 drafts, recall 13/44 = 30%, "
             "precision 11/21 = 52% judged by a teacher who wrote no code), holdout_v8 (22 drafts, recall 13/44 = 30%, "
             "precision 16/22 = 73% judged by a teacher who wrote no code), holdout_v7 (18 drafts, recall 10/44 = 23%, "
             "precision 10/18 = 56% judged by a teacher who wrote no code), holdout_v6 (25 drafts, recall 13/44 = 30%, "
             "precision 10/25 = 40% judged by a teacher who wrote no code), holdout_v5 (24 drafts, recall 16/40 = 40%, "
             "precision 9/24 = 38% judged by a teacher who wrote no code), "
             "holdout_v4 (33 drafts, recall 14/40 = 35%, precision "
             "17/33 = 52% judged by a teacher who wrote no code; judged since by the engineer who changed the code), "
             "holdout_v3 with the fill (29 drafts, recall 14/36 = 39%, "
             "precision 23/29 = 79%; the code before the fill: 31 drafts, 15/36 = 42%, 25/31 = 81%), three bugs its "
             "judging found fixed since; holdout_v2 in the commit that added this evaluation (46 drafts, recall "
             "26/54 = 48%, precision 39/46 = 85%), fixes made from judging it since"),
}
VERDICTS = ("keep", "light", "discard")


@dataclasses.dataclass(frozen=True)
class Row:
    set: str
    article: str
    drafts: int
    expected: int
    hit: int
    hit_all: int
    drafts_all: int
    trivia: int
    problems: int  # what `quizgen check` says of the default drafts accepted as they are
    keep: int
    light: int
    discard: int
    unjudged: int
    seconds: float
    why: tuple[str, ...] = ()  # for each expected fact: "default", "never", or why only --all proposes it


def forms(bank: Bank, answer: str, accept: tuple[str, ...], entity: str | None) -> frozenset[str]:
    out = [answer, *accept]
    e = bank.entity_by_id.get(entity) if entity else None
    if e is not None:
        out += [e.ja, e.reading, *e.aliases]
    return frozenset(normalise(f) for f in out if str(f).strip())


def span(text: str, quote: str) -> tuple[int, int] | None:
    i = text.find(quote)
    return (i, i + len(quote)) if i >= 0 else None


def overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def source_for(path: Path, text: str, bank: Bank) -> Source:
    """The article as `quizgen add-article` registers it (from its meta.yaml), else unregistered."""
    meta_path = path.with_suffix(".meta.yaml")
    if not meta_path.is_file():
        return provisional_source(text, path.name, bank, "t1")
    meta: dict[str, Any] = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    return Source(id="t1", file=path.name, headline=Text(meta["headline"]["ja"], meta["headline"]["en"]),
                  outlet=Text(meta["outlet"]["ja"], meta["outlet"]["en"]), published=str(meta["published"]),
                  url=meta.get("url"))


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def judgements() -> dict[tuple[str, str, str], dict[str, str]]:
    return {(r["id"], r["prompt"], r["answer"]): r for r in read_tsv(JUDGEMENTS)}


def evaluate(set_name: str, path: Path, bank: Bank, analyse: Analyzer, judged: dict[tuple[str, str, str], dict[str, str]],
             unjudged: list[list[str]], verbose: bool) -> Row:
    text = read_article(path)
    source = source_for(path, text, bank)
    t0 = time.perf_counter()
    default = extract(text, source, bank, analyse)
    seconds = time.perf_counter() - t0
    every = extract(text, source, bank, analyse, keep_all=True)
    expected = read_tsv(path.with_suffix(".expected.tsv"))
    trivia = read_tsv(path.with_suffix(".trivia.tsv"))

    def info(items: tuple[Item, ...]) -> list[tuple[Item, frozenset[str], tuple[int, int] | None]]:
        return [(d, forms(bank, d.answer.ja, d.accept, d.entity), span(text, d.evidence[0].quote)) for d in items]

    drafts, drafts_all = info(default.items), info(every.items)
    reasons = dict(every.left_out)
    hit = hit_all = 0
    why: list[str] = []
    for row in expected:
        want = {normalise(f) for f in (row["answer"], *row["accept"].split("|")) if f.strip()}
        where = span(text, row["quote"])
        ok = any(f & want and overlaps(where, sp) for _d, f, sp in drafts)
        hit += ok
        found = [d for d, f, sp in drafts_all if f & want and overlaps(where, sp)]
        hit_all += bool(found)
        why.append("default" if ok else str(reasons.get(found[0].id, "?")) if found else "never")
        if verbose and not ok:
            print(f"    missed {path.stem}: {row['answer']}  ({row['note']}) [{why[-1]}]")
    bad = {normalise(f) for row in trivia for f in (row["answer"], *row["accept"].split("|")) if f.strip()}
    n_trivia = sum(1 for d, _f, _sp in drafts if normalise(d.answer.ja) in bad)
    counts = dict.fromkeys(VERDICTS, 0)
    missing = 0
    for d, _f, _sp in drafts:
        j = judged.get((d.id, d.prompt.ja, d.answer.ja))
        if j is None or j["verdict"] not in VERDICTS:
            missing += 1
            unjudged.append([set_name, path.stem, d.id, d.prompt.ja, d.answer.ja, "", ""])
        else:
            counts[j["verdict"]] += 1
    problems = check_accepted(bank, source, default.items, default.entities, path, verbose)
    return Row(set_name, path.stem, len(default.items), len(expected), hit, hit_all, len(every.items), n_trivia,
               problems, counts["keep"], counts["light"], counts["discard"], missing, seconds, tuple(why))


def check_accepted(bank: Bank, source: Source, items: tuple[Item, ...], entities: tuple[Any, ...], path: Path,
                   verbose: bool) -> int:
    """How many problems `quizgen check` (v2 rules, quotes and years against the article) reports when every
    default draft is accepted as it is (draft: false)."""
    accepted = [dataclasses.replace(i, draft=False) for i in items]
    extra = Bank(sources=(dataclasses.replace(source, file=path.name),), entities=entities, items=tuple(accepted))
    texts = [(p.read_text(encoding="utf-8"), str(p)) for p in sorted(resources.bank_dir().rglob("*.yaml"))]
    try:
        loads_bank_files([*texts, (dumps_bank(extra), "drafts.yaml")], ArticleFolders((path.parent,), strict=False))
    except BankError as exc:
        if verbose:
            for p in exc.problems:
                print(f"    check {path.stem}: {p.field}: {p.message}")
        return len(exc.problems)
    return 0


def pct(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "-"


def table(rows: list[Row]) -> None:
    print(f"{'label':<8} {'set':<12} {'article':<30} {'drafts':>6} {'recall':>12} {'--all':>12} {'trivia':>6} "
          f"{'check':>5} {'keep':>4} {'light':>5} {'disc':>4} {'precision':>10}")
    for label in LABELS:
        chosen = [r for r in rows if SETS[r.set] == label]
        if not chosen:
            continue
        sets = list(dict.fromkeys(r.set for r in chosen))
        for name in sets:
            of_set = [r for r in chosen if r.set == name]
            for r in of_set:
                _line(label, r.set, r.article, [r])
            if len(of_set) > 1:
                _line(label, f"= {name}", "", of_set)
        if len(sets) > 1:
            _line(label, "= all", "", chosen)
    print(f"extraction time per article: {max(r.seconds for r in rows):.2f}s at most")
    for label in LABELS:
        if label in NOTES and any(SETS[r.set] == label for r in rows):
            print(NOTES[label])


def _line(label: str, name: str, article: str, rows: list[Row]) -> None:
    """One row of the table: an article, or the sum of several."""
    d = sum(r.drafts for r in rows)
    h, e, ha = sum(r.hit for r in rows), sum(r.expected for r in rows), sum(r.hit_all for r in rows)
    k, li, di = sum(r.keep for r in rows), sum(r.light for r in rows), sum(r.discard for r in rows)
    unjudged = sum(r.unjudged for r in rows)
    prec = pct(k + li, k + li + di) + (f" ({unjudged}?)" if unjudged else "")
    print(f"{label:<8} {name:<12} {article:<30} {d:>6} {f'{h}/{e} {pct(h, e)}':>12} {f'{ha}/{e} {pct(ha, e)}':>12} "
          f"{sum(r.trivia for r in rows):>6} {sum(r.problems for r in rows):>5} {k:>4} {li:>5} {di:>4} {prec:>10}")


def why_table(rows: list[Row]) -> None:
    """Per set: how many expected facts the default proposes, how many only --all does (by why the default left
    them out: cap, score cut, same-sentence block, give-away…), and how many no draft proposes."""
    names = list(dict.fromkeys(r.set for r in rows))
    kinds = ["default", *sorted({w for r in rows for w in r.why} - {"default", "never"}), "never"]
    print(f"{'set':<12} " + " ".join(f"{k:>{max(7, len(k))}}" for k in kinds))
    for name in [*names, "= all"]:
        whys = [w for r in rows if name in (r.set, "= all") for w in r.why]
        print(f"{name:<12} " + " ".join(f"{whys.count(k):>{max(7, len(k))}}" for k in kinds))


def seeds(bank_dir: Path, articles: Path, analyse: Analyzer) -> None:
    """Recall against the bundled bank's items for the seed articles (each extracted as if new)."""
    meta = "\n".join((bank_dir / f).read_text(encoding="utf-8") for f in ("sources.yaml", "entities.yaml"))
    bank = loads_bank(meta, "sources+entities")
    raw: list[dict[str, Any]] = []
    for path in sorted((bank_dir / "items").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        raw.extend(i for i in data.get("items", []) if isinstance(i, dict) and not i.get("draft"))
    texts = {s.id: (articles / s.file).read_text(encoding="utf-8") for s in bank.sources if (articles / s.file).is_file()}
    for keep_all in (False, True):
        drafts: list[tuple[str, Item]] = []
        for s in bank.sources:
            if s.id in texts:
                drafts += [(s.id, d) for d in extract(read_article(articles / s.file), s, bank, analyse,
                                                      keep_all=keep_all).items]
        hit, total = _seed_recall(bank, raw, texts, drafts)
        print(f"seeds ({'--all' if keep_all else 'default'}): {len(texts)} articles, {len(drafts)} drafts, recall "
              f"{hit}/{total} = {pct(hit, total)} (against the bundled bank, which asks one distinctive element per "
              "sentence)")


def _seed_recall(bank: Bank, raw: list[dict[str, Any]], texts: dict[str, str],
                 drafts: list[tuple[str, Item]]) -> tuple[int, int]:
    hit = total = 0
    for i in raw:
        spans = [(str(e["article"]), span(texts.get(str(e["article"]), ""), str(e["quote"]))) for e in i["evidence"]]
        spans = [(a, sp) for a, sp in spans if sp is not None]
        if not spans:
            continue
        total += 1
        want = forms(bank, str(i["answer"]["ja"]), tuple(i.get("accept") or ()), i.get("entity"))
        hit += any(forms(bank, d.answer.ja, d.accept, d.entity) & want and
                   any(a == art and overlaps(sp, span(texts[art], d.evidence[0].quote)) for a, sp in spans)
                   for art, d in drafts)
    return hit, total


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--sheet", type=Path, default=None, help="write the unjudged default drafts here, to judge")
    ap.add_argument("--seeds", action="store_true", help="also measure recall on the seed articles")
    ap.add_argument("--why", action="store_true",
                    help="count, per set, the expected facts the default finds, only --all finds (and why the default "
                         "left them out), or no draft finds")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    bank = load_bank(resources.bank_dir())
    analyse = load_analyzer()
    judged = judgements()
    unjudged: list[list[str]] = []
    names = args.sets.split(",")
    if unknown := [n for n in names if n not in SETS]:
        ap.error(f"unknown set {', '.join(unknown)}; the sets are {', '.join(SETS)}")
    rows = [evaluate(name, path, bank, analyse, judged, unjudged, args.verbose)
            for name in names for path in sorted((DATA / name).glob("*.txt"))
            if path.with_suffix(".expected.tsv").is_file()]
    if not rows:
        ap.error(f"no article with an .expected.tsv in {', '.join(names)}")
    table(rows)
    if args.why:
        why_table(rows)
    if args.seeds:
        articles = resources.default_articles_dir()
        if articles is None:
            print("seeds: the seed articles are not found (set QUIZGEN_ARTICLES)")
        else:
            seeds(resources.bank_dir(), articles, analyse)
    if unjudged:
        print(f"{len(unjudged)} default drafts are not judged yet" + ("" if args.sheet else " (--sheet FILE lists them)"))
        if args.sheet:
            with args.sheet.open("w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh, delimiter="\t", lineterminator="\n")
                w.writerow(["set", "article", "id", "prompt", "answer", "verdict", "reason"])
                w.writerows(unjudged)
            print(f"wrote them to {args.sheet}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
