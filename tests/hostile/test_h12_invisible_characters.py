"""Hostile pass 12: `check` refused bidi controls and zero-width spaces but took every other invisible character —
Unicode tag characters (U+E0000–E007F, "ASCII smuggling"), invisible operators U+2061–2064, ZWNJ/ZWJ, the soft
hyphen, U+180E, Hangul fillers, interlinear annotation U+FFF9–FFFB… — and they reached GIFT, Moodle XML, CSV and
Anki unchanged. The bank (and `add-article`/`extract`, which read articles) now refuses every format character
(Unicode category Cf), the tag block and the default-ignorable fillers, located as before; variation selectors
(a kanji's variant form, an emoji's) and a ZWJ between two emoji, which show as part of what they follow, stay."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from harness import ARTICLES, GOOD, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.text import INVISIBLE_RE, find_invisible

OLD = "prompt: {ja: 北京で王毅氏と戦略対話を行ったのは誰か。,"  # line 5; the value starts at column 18
NOT_SHOWN = "it does not show, so the text is not what it looks like"
TABLE = ["\U000e0041", "\U000e0001", "\U000e007f", "\u2061", "\u2062", "\u2063", "\u2064", "\u200c", "\u200d",
         "\u00ad", "\u180e", "\u115f", "\u1160", "\u3164", "\uffa0", "\u034f", "\ufff9", "\ufffa", "\ufffb",
         "\U0001d173", "\U0001d17a"]
FILLERS = "\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0"


def _name(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}{' ' + name if name else ''}"


def _check(bank: Path, text: str) -> tuple[int, str]:
    items = bank / "items.yaml"
    original = (GOOD / "items.yaml").read_text(encoding="utf-8")
    assert OLD in original
    items.write_text(original.replace(OLD, OLD.replace("北京で王毅氏と", text)), encoding="utf-8")
    res = run("check", "--bank", "bank")
    assert "Traceback" not in res.err
    return res.code, res.err


@pytest.mark.parametrize("char", TABLE, ids=lambda c: f"U+{ord(c):04X}")
def test_check_refuses_each_invisible_character_the_pass_named(bank: Path, char: str) -> None:
    assert _check(bank, f"北京で{char}王毅氏と") == (1, (
        f"bank/items.yaml:5:18: items[0].prompt.ja: invisible formatting character {_name(char)} at character 4; "
        f"remove it ({NOT_SHOWN})\n1 problem in the question bank\n"))


@pytest.mark.parametrize("text", ["北京で葛\U000e0100城の王毅氏と", "北京で辻\ufe00の王毅氏と", "北京で❤\ufe0fの王毅氏と",
                                  "北京で👨\u200d👩\u200d👧の王毅氏と", "北京で👍🏻\u200d🔥の王毅氏と"])
def test_variation_selectors_and_an_emoji_joiner_are_kept(bank: Path, text: str) -> None:
    assert _check(bank, text)[0] == 0


def test_every_format_character_of_this_pythons_unicode_is_refused() -> None:
    """`INVISIBLE_RE` is written out (computing it from the Unicode data at import took 0.16 s); this keeps it equal to
    the category: a Python with newer Unicode data that adds a format character fails here until it is added."""
    for code in range(0x110000):
        char = chr(code)
        invisible = unicodedata.category(char) == "Cf" or 0xE0000 <= code <= 0xE007F or char in FILLERS
        assert (INVISIBLE_RE.fullmatch(char) is not None) == invisible, _name(char)
    for code in [*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]:
        assert find_invisible(f"葛{chr(code)}") is None


# text around the character under test holds no invisible one of its own (Lo has the Hangul fillers U+115F, U+1160,
# U+3164: hostile22's run drew U+115F before it, and the product rightly named that one first)
_TEXT = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Zs"), max_codepoint=0x9FFF,
                              blacklist_characters="".join(FILLERS)), max_size=12)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=_TEXT, after=_TEXT, char=st.sampled_from(sorted({*TABLE, *FILLERS, "\u200b", "\u2060", "\U000e0000"})))
def test_any_text_with_one_invisible_character_is_refused_at_its_place(bank: Path, before: str, after: str,
                                                                        char: str) -> None:
    before, after = (unicodedata.normalize("NFC", t).strip().replace(" ", "") for t in (before, after))
    code, err = _check(bank, f"北京{before}{char}{after}で")
    assert code == 1
    assert err.startswith("bank/items.yaml:5:18: items[0].prompt.ja: invisible formatting "
                          f"character {_name(char)} at character {3 + len(before)}; "), err


def test_add_article_refuses_one_with_its_line_and_column(bank: Path, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(ARTICLES / sorted(p.name for p in ARTICLES.glob("*.txt"))[0], article)
    lines = article.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1][:3] + "\U000e0041" + lines[1][3:]
    article.write_text("".join(lines), encoding="utf-8")
    res = run("add-article", str(article), "--bank", str(bank), "--headline", "x", "--outlet", "", "--date", "2024-05-16",
              "--url", "")
    assert res.code == 1 and res.err == (f"Error: {article}:2:4: invisible formatting character U+E0041 TAG LATIN "
                                         f"CAPITAL LETTER A in the article; remove it ({NOT_SHOWN})\n"), res.err
