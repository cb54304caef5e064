"""Answers in Latin letters: English spelling variants and the usual transliterations of names (pure).

`english_key` folds what a fair teacher of this quiz would not mark down: US or UK spelling
(dialog/dialogue, organization/organisation, defense/defence), singular or plural of an ordinary
word (chip/chips, country/countries), a leading "the", and the common ways of writing Russian and
Chinese names in English (Zelensky/Zelenskyy/Zelenskiy, Shoigu/Shoygu, Sergei/Sergey,
Peking/Beijing). Acronyms (BRICS, G20) are never folded, so BRIC stays wrong for BRICS.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quizgen.japanese.kana import fold_latin

__all__ = ["english_key", "is_latin"]

_WORD_RE = re.compile(r"[A-Za-z]+|[0-9]+")
_LATIN_RE = re.compile(r"[A-Za-z0-9 .,'’\-&/()]+")
# UK -> US spelling endings, longest first (applied to ordinary words of 5 letters or more).
_SPELLING = (("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ise", "ize"), ("yse", "yze"),
             ("logue", "log"), ("ence", "ense"), ("our", "or"), ("tre", "ter"), ("lled", "led"), ("lling", "ling"))
_SPELLING_KEEP = frozenset({"licence", "presence", "experience", "influence", "conference", "difference", "evidence",
                            "independence", "violence", "sentence", "science", "audience", "existence", "sequence",
                            "reference", "residence", "confidence", "intelligence", "consequence", "silence", "absence",
                            "rise", "wise", "precise", "concise", "premise", "promise", "exercise", "expertise",
                            "surprise", "enterprise", "compromise", "franchise", "otherwise", "paradise"})
# Established exonyms and transliterations: one spelling stands for the others.
_NAMES = {"peking": "beijing", "pekin": "beijing", "jidda": "jeddah", "jiddah": "jeddah", "jedda": "jeddah",
          "kiev": "kyiv", "moskva": "moscow", "pyongyang": "pyongyang", "mockba": "moscow"}
_IRREGULAR_PLURALS = {"people": "person", "men": "man", "women": "woman", "children": "child", "crises": "crisis",
                      "analyses": "analysis", "bases": "basis", "theses": "thesis"}
_NO_PLURAL = ("ss", "us", "is", "ics")  # press, status, crisis, economics: not plurals to fold


def is_latin(text: str) -> bool:
    """True for an answer written in Latin letters (and digits, spaces, light punctuation) only."""
    return bool(_LATIN_RE.fullmatch(fold_latin(unicodedata.normalize("NFKC", text)))) and any(c.isalpha() for c in text)


@lru_cache(maxsize=8192)
def english_key(text: str) -> str:
    """A comparison key for an English answer: spelling, number, "the" and name transliterations folded."""
    words = _WORD_RE.findall(fold_latin(unicodedata.normalize("NFKC", text)))
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(_fold_word(w) for w in words)


def _fold_word(word: str) -> str:
    if word.isdigit() or (word.isupper() and len(word) > 1):  # 20, BRICS, SCO: as written
        return word.lower()
    w = word.lower()
    w = _NAMES.get(w, w)
    w = _IRREGULAR_PLURALS.get(w, w)
    if len(w) >= 4 and not w.endswith(_NO_PLURAL):
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith(("ches", "shes", "xes", "sses")):
            w = w[:-2]
        elif w.endswith("s"):
            w = w[:-1]
    if len(w) >= 5 and w not in _SPELLING_KEEP:
        for uk, us in _SPELLING:
            if w.endswith(uk) and len(w) - len(uk) >= 2:
                w = w[: -len(uk)] + us
                break
    if len(w) >= 5:  # transliterations: Zelenskyy/Zelenskiy/Zelenskii, Shoygu/Shoigu, Sergey/Sergei
        w = re.sub(r"(.)\1+", r"\1", w.replace("y", "i"))
    return w
