"""The LMS importers as the tests read an export back, each following the real importer's own code.

**Moodle XML** (`moodle_tree`): Moodle reads the file with xmlize (lib/xmlize.php: PHP's xml parser over
libxml2, `xml_parse_into_struct`), and qformat_xml trims every value it takes (PHP `trim`). libxml2 2.9
hands an element's text to PHP in pieces (`libxml2_pieces`): each entity or character reference
(`&amp;`) is a piece of its own; a run of text that begins in ASCII is cut where its first non-ASCII
character begins; the rest of the run goes in pieces of at least 300 bytes; a CDATA section is one
piece. `tests/test_exports_php.py` checks these pieces against PHP's own parser when PHP is installed.
This reader then drops every piece that is only spaces, tabs or newlines, as PHP does with
XML_OPTION_SKIP_WHITE (xmlize's default), which is how issue 16 saw `外相 ‹ロシア> & {代表}` arrive as
`外相 ‹ロシア>& {代表}`: a text that survives this reader survives Moodle however xmlize is called.

**Short-answer grading** (`moodle_matches`): qtype_shortanswer's compare_string_with_wildcard (NFC on
both sides, the response trimmed by PHP `trim`, unescaped `*` a wildcard, case-insensitive), and no
other normalisation: Moodle does not fold width.

**Cloze** (`cloze_answers`): the embedded-answer regexes of qtype_multianswer.

**GIFT** (`read_gift`): qformat_gift's escapes, names, [format], answer section, ####feedback,
question-type detection (an empty answer section is an essay) and per-type parsing.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- Moodle XML through xmlize

_PHP_TRIM = " \t\n\r\0\x0b"
_TOKEN = re.compile(r"<\?.*?\?>|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<(?P<close>/)?(?P<tag>[A-Za-z_][\w.-]*)"
                    r"(?P<attrs>(?:\s+[\w:.-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>"
                    r"|(?P<text>[^<]+)", re.S)
_ATTR = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);")
_PREDEFINED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
BIG_BUFFER = 300  # libxml2's XML_PARSER_BIG_BUFFER_SIZE
_ASCII = "".join(chr(c) for c in range(128))


def libxml2_pieces(raw: str) -> list[str]:
    """The pieces in which libxml2 2.9 (SAX, as PHP uses it) delivers `raw`, text with references and no markup."""
    pieces: list[str] = []
    pos = 0
    for m in _REFERENCE.finditer(raw):
        pieces += _run_pieces(raw[pos:m.start()])
        pieces.append(_dereference(m.group(1)))
        pos = m.end()
    return pieces + _run_pieces(raw[pos:])


def _dereference(name: str) -> str:
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _PREDEFINED[name]


def _run_pieces(run: str) -> list[str]:
    """xmlParseCharData: an ASCII head in one piece (its fast path), the rest from the first non-ASCII
    character in pieces flushed once they reach 300 bytes (xmlParseCharDataComplex)."""
    head = len(run) - len(run.lstrip(_ASCII))
    pieces = [run[:head]] if head else []
    buf, size = [], 0
    for c in run[head:]:
        buf.append(c)
        size += len(c.encode("utf-8"))
        if size >= BIG_BUFFER:
            pieces.append("".join(buf))
            buf, size = [], 0
    return pieces + (["".join(buf)] if buf else [])


def _skip_white(pieces: list[str]) -> str:
    """What PHP keeps of the pieces with XML_OPTION_SKIP_WHITE: pieces of only spaces, tabs, newlines dropped."""
    return "".join(p for p in pieces if p.strip(" \t\n"))


def leaf_pieces(xml_text: str) -> list[list[str]]:
    """The pieces of every element without children, in document order (what the PHP check compares)."""
    out: list[list[str]] = []
    stack: list[tuple[list[str], list[int]]] = []
    for m in _TOKEN.finditer(xml_text.strip()):
        if m.group("text") is not None and stack:
            stack[-1][0].extend(libxml2_pieces(m.group("text")))
        elif m.group("cdata") is not None:
            stack[-1][0].append(m.group("cdata"))
        elif m.group("tag") and m.group("close"):
            pieces, children = stack.pop()
            if not children[0]:
                out.append(pieces)
            if stack:
                stack[-1][1][0] += 1
        elif m.group("tag"):
            if m.group("empty"):
                out.append([])
                if stack:
                    stack[-1][1][0] += 1
            else:
                stack.append(([], [0]))
    return out


def moodle_tree(xml_text: str) -> ET.Element:
    """The file as qformat_xml sees it, as an ElementTree: each element's text built from libxml2's pieces
    with whitespace-only pieces dropped, then PHP-trimmed. Only what our exporter writes is understood
    (elements, attributes, text, references, CDATA); anything else fails the test."""
    stack: list[ET.Element] = [ET.Element("#document")]
    pieces: list[list[str]] = [[]]
    for m in _TOKEN.finditer(xml_text.strip()):
        if m.group("text") is not None:
            pieces[-1] += libxml2_pieces(m.group("text"))
        elif m.group("cdata") is not None:
            pieces[-1].append(m.group("cdata"))
        elif m.group("tag") and m.group("close"):
            el = stack.pop()
            assert el.tag == m.group("tag"), f"</{m.group('tag')}> closes <{el.tag}>"
            el.text = _skip_white(pieces.pop()).strip(_PHP_TRIM)
        elif m.group("tag"):
            attrs = {a.group(1): html.unescape(a.group(2) if a.group(2) is not None else a.group(3))
                     for a in _ATTR.finditer(m.group("attrs"))}
            el = ET.SubElement(stack[-1], m.group("tag"), attrs)
            if m.group("empty"):
                el.text = ""
            else:
                stack.append(el)
                pieces.append([])
    assert len(stack) == 1 and len(stack[0]) == 1, "one root element, every element closed"
    return stack[0][0]


# --------------------------------------------------------------------------- Moodle's short-answer grader


def moodle_matches(pattern: str, response: str, usecase: bool = False) -> bool:
    """qtype_shortanswer_question::compare_string_with_wildcard(response, pattern, !usecase)."""
    pattern = unicodedata.normalize("NFC", pattern)
    response = unicodedata.normalize("NFC", response)
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = ".*".join(re.escape(b.replace("\\*", "*")) for b in bits)
    flags = re.DOTALL | (0 if usecase else re.IGNORECASE)
    return re.fullmatch(regexp, response.strip(_PHP_TRIM), flags) is not None


# --------------------------------------------------------------------------- cloze (qtype_multianswer)

# Moodle's ANSWER_ALTERNATIVE_REGEX, with its variable-width look-behind split in three.
_ALT = r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
_ANSWER = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW):(" + _ALT + "(~" + _ALT + r")*)\}", re.S)


def cloze_answers(questiontext: str) -> list[list[tuple[str, float]]]:
    """Every embedded SHORTANSWER's alternatives (answer, fraction), as Moodle stores them."""
    out = []
    for m in _ANSWER.finditer(questiontext):
        rest, alts = m.group(3), []
        while (a := re.match("~?" + _ALT, rest, re.S)):
            frac = 1.0 if a.group(1) == "=" else float(a.group(2)) / 100 if a.group(2) else 0.0
            ans = html.unescape(a.group(3)).replace("\\}", "}").replace("\\#", "#")
            alts.append((ans, frac))
            rest = rest[len(a.group(0)):]
        out.append(alts)
    return out


def plain(html_text: str) -> str:
    """What a reader sees of our HTML: paragraphs and <br> as line breaks, entities decoded."""
    s = re.sub(r"<br>\n?", "\n", html_text)
    s = re.sub(r"</p>\n?<p>", "\n", s).removeprefix("<p>").removesuffix("</p>")
    return html.unescape(s)

# --------------------------------------------------------------------------- GIFT (qformat_gift)

_ESCAPES = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;",
            "\\~": "&&126;", "\\n": "&&010"}
_CHARS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&010": "\n"}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(s: str) -> str:
    s = s.replace("\\\\", "&&092;")
    for esc, ph in _ESCAPES.items():
        s = s.replace(esc, ph)
    return s.replace("&&092;", "\\")


def _post(s: str) -> str:
    for ph, ch in _CHARS.items():
        s = s.replace(ph, ch)
    return s


def _with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if end > 0 and text[1:end] in ("moodle", "html", "plain", "markdown"):
            fmt, text = text[1:end], text[end + 1:]
    return _post(text).strip(_PHP_TRIM), fmt


@dataclass
class GiftQuestion:
    category: str | None
    name: str
    qtype: str
    text: str
    format: str
    general_feedback: str
    answers: list[tuple[str, float]] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    correct: bool | None = None
    idnumber: str = ""
    tags: list[str] = field(default_factory=list)


def read_gift(source: str) -> list[GiftQuestion]:
    out: list[GiftQuestion] = []
    category: str | None = None
    for lines in _blocks(source):
        comments = "".join(ln.strip(_PHP_TRIM) + "\n" for ln in lines if ln.strip(_PHP_TRIM).startswith("//"))
        lines = [" " if ln.strip(_PHP_TRIM).startswith("//") else ln for ln in lines]
        text = "\n".join(lines).strip(_PHP_TRIM)
        if not text:
            continue
        text = _pre(text)
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip(_PHP_TRIM)
            continue
        out.append(_question(text, comments, category))
    return out


def _blocks(source: str) -> list[list[str]]:
    """The lines of each block (questions are separated by blank lines)."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in source.split("\n"):
        if line.strip(_PHP_TRIM) == "":
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def _question(text: str, comments: str, category: str | None) -> GiftQuestion:
    assert text.startswith("::"), text
    end = text.index("::", 2)
    name, text = _post(text[2:end]), text[end + 2:].strip(_PHP_TRIM)
    start, finish = text.find("{"), text.find("}")
    assert start >= 0 and finish > start, f"{name}: braces"
    answertext = text[start + 1:finish].strip(_PHP_TRIM)
    blank = "" if text.endswith("}") else "_____"  # the missing-word form
    qtext = text[:start] + blank + text[finish + 1:]
    gf = ""
    if "####" in answertext:
        k = answertext.rindex("####")
        gf, answertext = answertext[k + 4:], answertext[:k].strip(_PHP_TRIM)
    qtext, fmt = _with_format(qtext)
    gf, _ = _with_format(gf, fmt)
    m = re.search(r"\[id:((?:\\]|[^]\x00-\x1f])+)]", comments)
    q = GiftQuestion(category, name, "", qtext, fmt, gf, idnumber=m.group(1).strip(_PHP_TRIM) if m else "",
                     tags=[t.strip(_PHP_TRIM) for t in re.findall(r"\[tag:((?:\\]|[^]<>`\x00-\x1f])+)]", comments)])
    _read_answers(q, answertext, fmt)
    return q


def _read_answers(q: GiftQuestion, answertext: str, fmt: str) -> None:
    """The question type and its answers, pairs or truth, from the text between the braces."""
    if answertext == "":
        q.qtype = "essay"
    elif answertext.startswith("#"):
        q.qtype = "numerical"
    elif "~" in answertext:
        q.qtype = "multichoice"
        parts = answertext.replace("=", "~=").split("~")
        parts = [p for p in parts if p.strip(_PHP_TRIM)] if not parts[0].strip(_PHP_TRIM) else parts
        q.answers += [_weighted(p.strip(_PHP_TRIM), fmt, 0.0) for p in parts]
    elif "=" in answertext and "->" in answertext:
        q.qtype = "match"
        for p in [p for p in answertext.split("=") if p.strip(_PHP_TRIM)]:
            p = p.strip(_PHP_TRIM)
            k = p.index("->")
            q.pairs.append((_with_format(p[:k].strip(_PHP_TRIM), fmt)[0], _post(p[k + 2:]).strip(_PHP_TRIM)))
    elif answertext.split("#", 1)[0].strip(_PHP_TRIM) in ("T", "TRUE", "F", "FALSE"):
        q.qtype = "truefalse"
        q.correct = answertext.split("#", 1)[0].strip(_PHP_TRIM) in ("T", "TRUE")
    else:
        q.qtype = "shortanswer"
        q.answers += [_weighted(p.strip(_PHP_TRIM), fmt, 1.0) for p in answertext.split("=") if p.strip(_PHP_TRIM)]


def _weighted(p: str, fmt: str, weight: float) -> tuple[str, float]:
    """One answer with its weight: `=` full marks, `%50%` half, else `weight`; feedback after `#` dropped."""
    if p.startswith("="):
        weight, p = 1.0, p[1:]
    elif _WEIGHT.match(p):
        weight, p = float(p[1:p.index("%", 1)]) / 100, p[p.index("%", 1) + 1:]
    return _with_format(p.split("#", 1)[0].strip(_PHP_TRIM), fmt)[0], weight
