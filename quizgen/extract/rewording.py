"""One sentence, four forms: a reworded prompt or true statement carried to the other forms that print it, and to
the explanation that repeats it.

A draft prints its sentence four times: the prompt (the sentence with a blank （　　）, then the question
「（　　）に入る…か。」), the true statement (the blank filled), the cloze (the statement with the filled part as
[[…]]) and the false statement (the statement with the filled part swapped). When the teacher rewords one,
`carried` derives the others from it, for the review to show and confirm (never written silently).
"""

from __future__ import annotations

import re

from quizgen.bank.model import Item, cloze_parts

_BLANK = re.compile(r"[（(][\s　]*[）)]")


def _fill(item: Item) -> str:
    """What fills the blank in the item's statement: its cloze's blank (習氏 where the answer is 習近平), else the answer."""
    if item.cloze is not None:
        blanks = [part for part, blank in cloze_parts(item.cloze.ja) if blank]
        if len(blanks) == 1:
            return blanks[0]
    return item.answer.ja


def _sentence_of(prompt: str) -> tuple[str, str, str] | None:
    """A blank prompt's sentence as (before the blank, after it, the question that follows it: 「（　　）に入る…か。」);
    None when the prompt has no blank or its sentence does not end before the question."""
    first = _BLANK.search(prompt)
    if first is None:
        return None
    before, rest = prompt[: first.start()], prompt[first.end():]
    second = _BLANK.search(rest)
    if second is None:
        return before, rest, ""
    end = rest.rfind("。", 0, second.start())
    if end < 0 or _BLANK.search(rest, second.end()):
        return None
    return before, rest[: end + 1], rest[end + 1:]


def _once(text: str, part: str) -> bool:
    return bool(part) and text.count(part) == 1


def _swap(item: Item, fill: str) -> tuple[str, str] | None:
    """What the false statement swapped in the true one (true part, false part), or None."""
    if item.statement is None or item.false_statement is None:
        return None
    true, false = item.statement.ja, item.false_statement.ja
    if _once(true, fill):
        pre, post = true.split(fill)
        if false.startswith(pre) and false.endswith(post) and len(false) > len(pre) + len(post):
            return fill, false[len(pre): len(false) - len(post)]
    start = 0
    while start < min(len(true), len(false)) and true[start] == false[start]:
        start += 1
    end = 0
    while end < min(len(true), len(false)) - start and true[-1 - end] == false[-1 - end]:
        end += 1
    part = true[start: len(true) - end]
    return (part, false[start: len(false) - end]) if part else None


def _statement(field: str, text: str, fill: str) -> str | None:
    """The true statement of a reworded `field` whose blank `fill` fills (None: none can be derived)."""
    if field == "prompt":
        parts = _sentence_of(text)
        statement = parts[0] + fill + parts[1] if parts is not None else None
    else:
        statement = text if field == "statement" else None
    return statement if statement is not None and _once(statement, fill) else None


_NUMERAL = re.compile(r"[0-9０-９〇一二三四五六七八九十百千万億兆]")


def shape(answer: str) -> str:
    """What an answer is, as far as a swapped-in wrong one must match it: a dated day or month (a year and more),
    a number, or words."""
    if re.search(r"[0-9０-９]{4}年[0-9０-９]{1,2}月", answer):
        return "date"
    return "number" if _NUMERAL.search(answer) else "words"


def _explanation(item: Item, old_fill: str, statement: str) -> str | None:
    """The explanation once the sentence reads `statement` (newuser7 #5: the key printed the old wording, its 【…】
    cue and old dates): the part of it that is the old sentence — the old prompt's sentence filled (its cue with
    it), the old true statement, or the quote — becomes the new statement; None if it holds none of them."""
    olds: list[str] = []
    parts = _sentence_of(item.prompt.ja)
    if parts is not None:
        olds.append(parts[0] + old_fill + parts[1])
    olds += [t.ja for t in (item.statement,) if t is not None] + [e.quote for e in item.evidence]
    text = item.explanation.ja
    for old in sorted({o.strip() for o in olds if o.strip()}, key=len, reverse=True):
        if old in text:  # a cue the explanation kept before the old sentence is not printed twice (newuser8 #8)
            return re.sub(r"(【[^【】]*】)\1", r"\1", text.replace(old, statement, 1))
    return None


def carried(item: Item, field: str, text: str, answer: str | None = None) -> dict[str, str]:
    """The other forms of `item` once the teacher rewrote its `field` ("prompt" or "statement") as `text`: field ->
    its new Japanese text, for each form the item has that can be derived and would change. `answer`: the new
    answer, when the teacher changed it (it then fills the blank)."""
    old_fill = _fill(item)
    fill = answer if answer is not None else old_fill
    statement = _statement(field, text, fill)
    if statement is None:
        return {}
    out: dict[str, str] = {}
    if field == "prompt" and item.statement is not None:
        out["statement"] = statement
    if item.cloze is not None:
        out["cloze"] = statement.replace(fill, f"[[{fill}]]")
    swap = _swap(item, old_fill)
    if swap is not None:
        true_part, false_part = swap
        if answer is not None and true_part == old_fill:
            true_part = fill  # a new answer: the false part stays what the old one was swapped for, if it fits
        fits = answer is None or shape(false_part) == shape(fill)  # never 「2025年9月26日以内に」 for 30日 (newuser5 #6)
        if fits and _once(statement, true_part) and false_part != true_part:
            out["false_statement"] = statement.replace(true_part, false_part)
    explanation = _explanation(item, old_fill, statement)
    if explanation is not None:
        out["explanation"] = explanation
    if field == "statement":
        old = _sentence_of(item.prompt.ja)
        if old is not None:
            pre, post = statement.split(fill)
            out["prompt"] = f"{pre}（　　）{post}{old[2]}"
    current = {"prompt": item.prompt, "statement": item.statement, "cloze": item.cloze,
               "false_statement": item.false_statement, "explanation": item.explanation}
    return {k: v for k, v in out.items() if (t := current[k]) is None or t.ja != v}


_ASKED = re.compile(r"^（　　）に入る.{1,12}?は(?:誰|どこ|いつ|何)か。$")


def blanked_sentence(item: Item) -> bool:
    """Whether the item's question is a sentence with a blank and 「（　　）に入る…か。」 after it: where a blank can move."""
    parts = _sentence_of(item.prompt.ja)
    return parts is not None and _ASKED.match(parts[2]) is not None


def moved_blank(item: Item, answer: str) -> str | None:
    """The prompt with its blank moved to `answer`, a word its sentence prints once (newuser11: moving a blank meant
    typing the whole question again): the old answer written back into the sentence, the new one blanked, and the
    question after it asking for 語句; None when the prompt is no blanked sentence or `answer` is not in it once."""
    parts = _sentence_of(item.prompt.ja)
    if parts is None or not answer or answer == item.answer.ja or not _ASKED.match(parts[2]):
        return None
    before, after, _asked = parts
    if answer == _fill(item) or (before + after).count(answer) == 0:  # newuser12: グローバルサウス → グローバル・サウス,
        return None  # the blank's own words (or a word the blank holds part of): nothing moves
    sentence = before + _fill(item) + after
    if not _once(sentence, answer) or not _a_word_there(sentence, answer):
        return None
    pre, post = sentence.split(answer)
    return f"{pre}（　　）{post}（　　）に入る語句は何か。"


def narrowed_blank(item: Item, answer: str) -> str | None:
    """The prompt with its blank narrowed to `answer`, a part of what fills it that the sentence prints nowhere else
    (newuser14: 州都ブラゴベシチェンスク → ブラゴベシチェンスク was refused, the word being the blank's own): the rest of
    the old answer written back, the question after it asking for 語句; None otherwise."""
    parts = _sentence_of(item.prompt.ja)
    fill = _fill(item)
    if parts is None or not blanked_sentence(item) or not answer or answer == fill or answer not in fill:
        return None
    before, after, _asked = parts
    if not _once(before + fill + after, answer) or not _a_word_there(fill, answer):
        return None
    at = fill.index(answer)
    return f"{before}{fill[:at]}（　　）{fill[at + len(answer):]}{after}（　　）に入る語句は何か。"


_MARKS = set("[]［］()（）【】「」『』")
_KANA = re.compile(r"[\u3041-\u309f]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc\uff66-\uff9f]")  # not ・


def _a_word_there(sentence: str, answer: str) -> bool:
    """Whether `answer` can be the blank where the sentence prints it (hostile23: 「ー」 gave 「プ（　　）チン」, 「は」 and
    「、」 were offered, 「[[北京]]」 gave a cloze of broken brackets, and a blank went into a 【…】 heading): no
    brackets or quote marks, not a lone kana or punctuation, not inside a katakana word, not inside 【…】."""
    if _MARKS & set(answer) or not any(ch.isalnum() for ch in answer):
        return False
    if len(answer) == 1 and (_KANA.match(answer) or _KATAKANA.match(answer)):
        return False
    pre, post = sentence.split(answer)
    if pre.rfind("【") > pre.rfind("】"):
        return False
    return not ((pre and _KATAKANA.match(pre[-1]) and _KATAKANA.match(answer[0]))
                or (post and _KATAKANA.match(post[0]) and _KATAKANA.match(answer[-1])))


__all__ = ["blanked_sentence", "carried", "moved_blank", "narrowed_blank", "shape"]
