"""Kana folding and romaji canonicalisation (pure; katakana folding by jaconv).

Readings are never guessed: a typed reading is only ever compared with a hiragana
reading the bank supplies, by :func:`reads_as`. Typed romaji goes through
:func:`romaji_key`, which folds Hepburn and kunrei spellings, macrons, long
vowels, doubled consonants (っ) and ``n'`` into one key, so ``shuukinpei``,
``shū kinpei`` and ``syukinpei`` all meet ``しゅうきんぺい``: romaji is written
with and without long-vowel marks. Typed kana goes through :func:`kana_key`,
which keeps the length of every vowel: ``ぷうちん`` meets ``ぷーちん``, but
``ぷちん`` is another word.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "fold_kana",
    "fold_latin",
    "is_kana",
    "is_romaji",
    "kana_key",
    "kana_to_romaji",
    "reading_key",
    "reading_keys",
    "reads_as",
    "romaji_key",
]

_HIRA_RE = re.compile(r"[\u3041-\u3096\u30fc]+")
_ROMAJI_RE = re.compile(r"[a-z' ]+")

# Latin letters that do not decompose under NFD.
_LATIN_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def fold_kana(text: str) -> str:
    """Katakana to hiragana (ヴ→ゔ, ヶ→ゖ, ヽ→ゝ), by jaconv; everything else unchanged."""
    import jaconv  # imported on first use: the quiz's start-up never folds kana

    return str(jaconv.kata2hira(text))


_ACCENTED_RE = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")  # the letters fold_latin decomposes


def fold_latin(text: str) -> str:
    """Drop accents from Latin letters only (é→e, ō→o), never from kana (が stays が)."""
    text = text.translate(_LATIN_SPECIAL)
    if _ACCENTED_RE.search(text) is None:  # most texts (all Japanese ones): nothing to decompose
        return text
    out: list[str] = []
    for ch in text:
        if "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
            out.append("".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)))
        else:
            out.append(ch)
    return "".join(out)


def is_kana(text: str) -> bool:
    """True for a non-empty string of hiragana (and ー) only."""
    return bool(_HIRA_RE.fullmatch(text))


def is_romaji(text: str) -> bool:
    """True when ``text`` (already lower-cased, accents folded) could be romaji."""
    return bool(_ROMAJI_RE.fullmatch(text)) and any(c.isalpha() for c in text)


# --- kana -> kunrei-style romaji -------------------------------------------------

_ROWS = {
    "": "あいうえお",
    "k": "かきくけこ",
    "s": "さしすせそ",
    "t": "たちつてと",
    "n": "なにぬねの",
    "h": "はひふへほ",
    "m": "まみむめも",
    "r": "らりるれろ",
    "g": "がぎぐげご",
    "z": "ざじずぜぞ",
    "d": "だぢづでど",
    "b": "ばびぶべぼ",
    "p": "ぱぴぷぺぽ",
}
_SYLLABLES: dict[str, str] = {kana: cons + vowel for cons, row in _ROWS.items() for kana, vowel in zip(row, "aiueo", strict=True)}
_SYLLABLES.update(
    {
        "や": "ya",
        "ゆ": "yu",
        "よ": "yo",
        "わ": "wa",
        "ゐ": "i",
        "ゑ": "e",
        "を": "o",
        "ん": "n",
        "ぢ": "zi",
        "づ": "zu",
        "ゔ": "vu",
        "ゕ": "ka",
        "ゖ": "ka",
        "ぁ": "a",
        "ぃ": "i",
        "ぅ": "u",
        "ぇ": "e",
        "ぉ": "o",
        "ゎ": "wa",
    }
)
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL_V = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


def kana_to_romaji(kana: str) -> str:
    """Hiragana to kunrei-style romaji (きゃ→kya, し→si, ふぁ→fa); っ and ー are dropped.

    Dropping っ and ー loses nothing that :func:`romaji_key` would keep, since
    it collapses doubled letters and long vowels anyway.
    """
    out: list[str] = []
    i = 0
    while i < len(kana):
        ch = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        base = _SYLLABLES.get(ch)
        if base is None:  # っ, ー and anything unknown
            i += 1
            continue
        if nxt in _SMALL_Y and len(base) == 2 and base.endswith("i"):
            out.append(base[0] + "y" + _SMALL_Y[nxt])  # きゃ -> kya, じゃ -> zya
            i += 2
        elif nxt == "ぇ" and base in ("si", "ti", "zi"):
            out.append(base[0] + "ye")  # しぇ -> sye (she), ちぇ -> tye (che)
            i += 2
        elif nxt in _SMALL_V and len(base) == 2 and base[0] in "fhtdwv":
            cons = "f" if ch == "ふ" else base[0]
            out.append(cons + _SMALL_V[nxt])  # ふぁ -> fa, てぃ -> ti, ゔぁ -> va
            i += 2
        else:
            out.append(base)
            i += 1
    return "".join(out)


# --- romaji canonical key ---------------------------------------------------------

_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"n'", "n"),
        (r"[^a-z]", ""),
        (r"t(?=ch)", ""),  # matcha: っち
        (r"shi", "si"),
        (r"chi", "ti"),
        (r"tsu", "tu"),
        (r"ji", "zi"),
        (r"dzu", "zu"),
        (r"fu", "hu"),
        (r"di", "zi"),
        (r"du", "zu"),
        (r"wo", "o"),
        (r"sh", "sy"),
        (r"ch", "ty"),
        (r"j", "zy"),
        (r"dy", "zy"),
        (r"m(?=[bpm])", "n"),  # shimbun -> sinbun
        (r"oh(?![aiueoy])", "o"),  # passport Hepburn: Ohno
        (r"ou", "o"),
        (r"ei", "e"),  # long vowels written out
        (r"(.)\1+", r"\1"),  # long vowels, っ and nn
    )
)


def romaji_key(text: str) -> str:
    """Canonical romaji: ``Shū Kinpei``, ``shuukinpei`` and ``syukinpei`` share one key.

    ``text`` may be romaji (any case, macrons, spaces, hyphens, ``n'``) or hiragana.
    """
    text = fold_latin(text.lower())
    if is_kana(text):
        text = kana_to_romaji(text)
    for pattern, repl in _REWRITES:
        text = pattern.sub(repl, text)
    return text


# --- kana canonical key (vowel length kept) ----------------------------------------

_SAME_SOUND = str.maketrans({"ぢ": "じ", "づ": "ず", "を": "お", "ゐ": "い", "ゑ": "え", "ゕ": "か", "ゖ": "か"})
_VOWEL_KANA = dict(zip("aiueo", "あいうえお", strict=True))
_VOWEL_OF: dict[str, str] = {k: _VOWEL_KANA[r[-1]] for k, r in _SYLLABLES.items() if r[-1] in _VOWEL_KANA}
_VOWEL_OF.update({"ゃ": "あ", "ゅ": "う", "ょ": "お"})


def kana_key(kana: str) -> str:
    """Hiragana as it sounds, with the length of every vowel kept: ー is the vowel it lengthens
    (ぷーちん = ぷうちん, ぜれんすきー = ぜれんすきい), a long o or e is the same with う/お or い/え
    (とうきょう = とおきょお = とーきょー, けいざい = けーざい), and ぢ/じ, づ/ず, を/お are one sound each.
    Nothing is dropped: ぷちん is not ぷーちん, きて is not きって."""
    out: list[str] = []
    for ch in kana.translate(_SAME_SOUND):
        vowel = _VOWEL_OF.get(out[-1]) if out else None
        long_vowel = (ch == "ー" and vowel) or (ch, vowel) in (("う", "お"), ("い", "え"))
        out.append(vowel if long_vowel and vowel else ch)
    return "".join(out)


def reading_key(typed: str) -> str:
    """The key a typed reading (normalised: hiragana or lower-case romaji) is compared by: :func:`kana_key` for
    kana, :func:`romaji_key` for romaji. The two never meet: one is hiragana, the other ASCII."""
    return kana_key(typed) if is_kana(typed) else romaji_key(typed)


def reading_keys(kana: str) -> tuple[str, str]:
    """Both keys of a hiragana reading, for looking up whichever a learner types."""
    return kana_key(kana), romaji_key(kana)


def reads_as(typed: str, kana: str) -> bool:
    """Does ``typed`` (normalised kana or romaji) say the hiragana reading ``kana``? Kana must keep its
    long vowels and っ; romaji may leave them out."""
    return reading_key(typed) in reading_keys(kana)
