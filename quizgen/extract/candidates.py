"""Step 3: find question candidates in a sentence — dates, numbers, actors, forums, meetings, positions.

Rule-based over the NLP backend's tokens and the bank's entity table. Each candidate
names its answer as a verbatim span of the sentence; `drafts.py` turns it into a question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from quizgen.extract.lexicon import Lexicon, Mention
from quizgen.extract.nlp import Token
from quizgen.extract.sentences import Sentence
from quizgen.model import AnswerType, Category, EntityType, ItemKind


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    category: Category
    kind: ItemKind
    answer: str  # as written in the sentence
    start: int  # answer span in the sentence
    end: int
    ask: str  # what the blank asks for: 人物, 国, 場所, 数, 日付, 語句 …
    rule: str  # which rule found it (for review and evaluation)
    question: str | None = None  # a wh-question (without the 記事N prefix); None: a fill-in-the-blank
    answer_type: AnswerType = AnswerType.TEXT
    entity: str | None = None
    new_person: Mention | None = None
    actors: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    when: str | None = None
    tags: tuple[str, ...] = field(default=())


# ---------------------------------------------------------------- patterns

_NUM = r"[0-9０-９]+(?:[.,][0-9０-９]+)?|[一二三四五六七八九十百千万]+"
_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_SLASH_DATE = re.compile(r"((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})")
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?!\d{0,2}日)")
_MONTH_DAY = re.compile(r"(?<![\d])(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<![\d/])((?:19|20)\d{2})年(?![\d]{0,2}月)")
_DAY = re.compile(r"(?<![月\d０-９/])(\d{1,2})日(?=に|には|、|から|まで|の)")
_REL_MONTH = re.compile(r"(?:(今年|昨年|来年|同年|前年|翌年)|(?<![\d年]))(\d{1,2})月(?![\d]{0,2}日)(?:上旬|中旬|下旬|初め|末)?")
_AGO = re.compile(rf"(?:約|およそ)?(?:{_NUM}|数)(?:年半?|か月|カ月|ヶ月|週間|日)ぶり")
# How long something has lasted: 「侵攻から2年半が過ぎ」「約1カ月にわたって」「約1時間にわたり」
_SPAN = re.compile(rf"(?:約|およそ)?(?:{_NUM})(?:年半|年|か月|カ月|ヶ月|週間|日間|時間)(?:半)?"
                   r"(?=が過ぎ|が経|がたち|にわたり|にわたって|にわたる|に及ぶ|続い)")
_ANNIV = re.compile(rf"(?:{_NUM})周年|(?<=創設)(?:{_NUM})年|(?<=設立)(?:{_NUM})年|(?<=建国)(?:{_NUM})年|"
                    rf"(?<=から)(?:{_NUM})年(?=という|の節目|を迎え|となる|にあたる)|(?<=戦後)(?:{_NUM})年")
_RELATIVE = re.compile(r"(今年の初め|今年初め|昨年末|昨年|今年|来年|先月|今月|来月|先週|今週|来週|前日|翌日|同日|"
                       r"[月火水木金土日]曜日?|(?:わずか)?数(?:日|週間|か月|カ月|年)(?:前|後)|年内|年末|年初|近年|当時)")
_COUNTERS = ("回目", "度目", "番目", "キロ", "カ国目", "隻",
             "つ", "項目", "カ国", "か国", "ヶ国", "カ国・地域", "か国・地域", "人", "回", "件", "億ドル", "万ドル", "ドル",
             "億円", "兆円", "円", "%", "％", "割", "機", "隻", "発", "万人", "億人", "日間", "時間", "年間", "週間",
             "カ月", "か月", "ヶ月", "キロ", "km", "トン", "倍", "位", "か所", "カ所", "国家", "周年", "年")
_COUNTER_RE = "|".join(re.escape(c) for c in sorted(_COUNTERS, key=len, reverse=True))
_QUANTITY = re.compile(rf"(?<![0-9０-９年月/.])(?:約|およそ|計|少なくとも)?((?:{_NUM})(?:[万億兆])?)({_COUNTER_RE})")
_FRACTION = re.compile(r"(?:約|およそ)?[0-9０-９一二三四五六七八九十]+分の[0-9０-９一二三四五六七八九十]+")
_ORDINAL = re.compile(r"第[0-9０-９一二三四五六七八九十]+(?=の|位|回|次|弾|期|位)")
_PUBLISHED = re.compile(r"(公開日|配信日|掲載日|更新日|投稿日)\s*[:：]\s*")

_REPORT = re.compile(
    r"(述べ|強調し|表明し|呼びかけ|批判し|懸念を示し|懸念を表明し|求め|指摘し|評価し|説明し|主張し|要請し|非難し|"
    r"示唆し|明らかにし|語っ|発表し|提案し|警告し|訴え|再確認し|合意し|一致し|支持し|反対し|歓迎し|明言し|"
    r"意向を示し|意思を示し|姿勢を示し|けん制し|牽制し|警戒し|望み|感謝し|称賛し|賞賛し)"
    r"(ました(?=$|[。、」]|が)|た(?=$|[。、」]|が|ものの|うえ)|ている(?=$|[。、」]|が|ものの)|ています|ており|ていた|、)")
# Reporting verbs in the present tense, as analysis pieces write them: 「…と分析する」「…と指摘する」「…とみている」.
_REPORT_NOW = re.compile(r"(指摘|分析|説明|強調|主張|警告|批判|反論|否定|予測|予想|警鐘を鳴ら|述べ|語|み|見)"
                         r"(する|している|す|る|ている)(?=$|[。」]|が|ものの)")
_MEETING_FORMAT = re.compile(r"(電話会談|ビデオ会談|ビデオ形式の会談|オンライン会談|首脳会談|外相会談|共同記者会見|記者会見|"
                             r"戦略対話|戦略安全保障協議|首脳会議|国賓訪問|公式訪問|国事訪問|会談|会見|会合|協議)")
_MEETING_WORD = re.compile(r"会談|会見|会合|対話|協議|訪問|首脳会議|サミット|訪ロ|訪中|会い|会っ")
_VISIT = re.compile(r"を(?:公式|国賓として)?(?:訪問|訪れ|歴訪)")
_FORUM_SUFFIX = re.compile(r"(機構|会議|理事会|サミット|フォーラム|同盟|連合|共同体|条約|協定|枠組み|イニシアティブ|"
                           r"構想|対話|協議)$")
_QUOTE = re.compile(r"「([^「」]{2,60})」")
_PAREN = re.compile(r"[（(][^（）()]{1,30}[）)]")
_QUOTE_END = re.compile(r"(だ|である|です)$")
_OPINION = re.compile(r"(でしょう|ましょう|ですね|ますね|なあ|思います|かなあ|でしょうか|よね|だな|分かります|伺えます|"
                      r"注目されます|目が離せません|解説して|見ていき)")
_ACTOR_TYPES = {EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP, EntityType.FORUM}
_SKIP_COUNTRIES = {"china", "russia"}  # the two protagonists: asking "which country?" about them is trivial


def candidates(sentence: Sentence, tokens: Sequence[Token], lexicon: Lexicon, *, previous_speaker: Mention | None = None,
               ) -> tuple[list[Candidate], Mention | None]:
    """All candidates in one sentence, and the speaker it names (for 同氏 in the next sentence)."""
    text = sentence.text
    if text.endswith(("?", "？")) or (_OPINION.search(text) and not _REPORT.search(text)
                                        and not _REPORT_NOW.search(text)):
        return [], previous_speaker
    known = lexicon.known(text, tokens)
    people = lexicon.new_people(text, tokens, known)
    things = lexicon.unknown_things(text, tokens, [*known, *people])
    known = [k for k in known if not any(t.start <= k.start and k.full_end <= t.end and (t.start, t.end) != (k.start, k.end)
                                         for t in things if t.type is EntityType.ORGANISATION)]
    mentions = sorted([*known, *people, *(t for t in things if t.entity != "")], key=lambda m: m.start)
    actors = tuple(dict.fromkeys(m.entity for m in mentions if m.entity and m.type in _ACTOR_TYPES))
    out: list[Candidate] = []
    out += _dates(sentence)
    out += _numbers(sentence)
    speaker, positions = _positions(sentence, tokens, mentions, previous_speaker)
    out += positions
    out += _actors(sentence, mentions)
    out += _forums(sentence, tokens, mentions)
    out += _meetings(sentence, mentions)
    out += _quoted(sentence)
    out += _phrases(sentence, tokens, mentions)
    out = [_with_actors(c, actors) for c in out]
    topic = next((m for m in mentions if m.type is EntityType.PERSON and text.startswith(("は", "が"), m.full_end)), None)
    return _dedupe(out), speaker or topic or previous_speaker


def _new(m: Mention) -> Mention | None:
    """The mention if it is a person the bank does not know (proposed as a new entity), else None."""
    return m if m.entity is None and m.type is EntityType.PERSON else None


def _with_actors(c: Candidate, actors: tuple[str, ...]) -> Candidate:
    from dataclasses import replace

    return replace(c, actors=tuple(a for a in actors if a != c.entity) if not c.actors else c.actors)


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per answer per sentence: wh-questions beat fill-in-the-blanks, earlier rules win ties."""
    best: dict[tuple[int, int], Candidate] = {}
    for c in cands:
        key = (c.start, c.end)
        if key not in best or (best[key].question is None and c.question is not None):
            best[key] = c
    seen: set[str] = set()
    out: list[Candidate] = []
    for c in sorted(best.values(), key=lambda c: (c.question is None, c.start)):
        name = f"{c.rule == 'speaker'}:{c.entity or c.answer}"
        if name not in seen:
            seen.add(name)
            out.append(c)
    return sorted(out, key=lambda c: (c.start, c.rule))


# ---------------------------------------------------------------- dates and numbers


def _dates(s: Sentence) -> list[Candidate]:
    text = s.text
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], kind: ItemKind, ask: str, rule: str, *, when: str | None = None,
            answer_type: AnswerType = AnswerType.DATE, accept: tuple[str, ...] = (), question: str | None = None,
            answer: str | None = None) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append((m.start(), m.end()))
        out.append(Candidate(s, Category.DATES, kind, answer or m.group(0), m.start(), m.end(), ask, rule,
                             question=question, answer_type=answer_type, when=when, accept=accept))

    pub = _PUBLISHED.search(text)
    for m in _FULL_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        add(m, ItemKind.DATE, "日付", "date", when=f"{y:04d}-{mo:02d}-{d:02d}", accept=(f"{y}/{mo}/{d}", f"{y}-{mo:02d}-{d:02d}"))
    for m in _SLASH_DATE.finditer(text):
        y, mo, d = (int(g) for g in m.groups())
        q = f"ページに記された{pub.group(1)}はいつか。" if pub else None
        add(m, ItemKind.DATE, "日付", "date", when=f"{y:04d}-{mo:02d}-{d:02d}", answer=f"{y}年{mo}月{d}日",
            accept=(m.group(0), f"{y}/{mo}/{d}", f"{y}-{mo:02d}-{d:02d}"), question=q)
    for m in _YEAR_MONTH.finditer(text):
        y, mo = int(m.group(1)), int(m.group(2))
        add(m, ItemKind.DATE, "年月", "date", when=f"{y:04d}-{mo:02d}")
    for m in _MONTH_DAY.finditer(text):
        add(m, ItemKind.DATE, "日付", "date")
    for m in _ANNIV.finditer(text):
        add(m, ItemKind.ANNIVERSARY, "数", "anniversary", answer_type=AnswerType.NUMBER)
    for m in _AGO.finditer(text):
        add(m, ItemKind.DURATION, "期間", "n-years-since", answer_type=AnswerType.NUMBER)
    for m in _YEAR.finditer(text):
        add(m, ItemKind.DATE, "年", "year", when=m.group(1))
    for m in _DAY.finditer(text):
        add(m, ItemKind.DATE, "日付", "day", answer_type=AnswerType.NUMBER)
    for m in _REL_MONTH.finditer(text):
        add(m, ItemKind.RELATIVE_DATE if m.group(1) else ItemKind.DATE, "時期", "partial-date",
            answer_type=AnswerType.TEXT)
    for m in _RELATIVE.finditer(text):
        if m.group(0) in ("近年", "当時") or len(text) < 8:
            continue
        add(m, ItemKind.RELATIVE_DATE, "時期", "relative-date", answer_type=AnswerType.TEXT)
    return out


def _numbers(s: Sentence) -> list[Candidate]:
    out: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in _SPAN.finditer(s.text):
        taken.append((m.start(), m.end()))
        bare = re.sub(r"^(約|およそ)", "", m.group(0))
        out.append(Candidate(s, Category.DATES, ItemKind.DURATION, m.group(0), m.start(), m.end(), "期間", "duration",
                             answer_type=AnswerType.NUMBER, accept=(bare,) if bare != m.group(0) else ()))
    for m in _QUANTITY.finditer(s.text):
        if m.group(2) in ("年", "周年") or re.match(r"(19|20)\d\d$", m.group(1)):
            continue  # years and anniversaries are dates
        if m.group(2) == "国家" and not s.text.startswith("解決", m.end()):
            continue
        if any(a < m.end() and m.start() < b for a, b in taken) or s.text.startswith("ぶり", m.end()):
            continue
        bare = f"{m.group(1)}{m.group(2)}"
        out.append(Candidate(s, Category.POSITIONS, ItemKind.NUMBER, m.group(0), m.start(), m.end(), "数", "number",
                             answer_type=AnswerType.NUMBER,
                             accept=tuple(dict.fromkeys(a for a in (bare, m.group(1)) if a != m.group(0)))))
    for m in (*_FRACTION.finditer(s.text), *_ORDINAL.finditer(s.text)):
        bare = re.sub(r"^(約|およそ)", "", m.group(0))
        out.append(Candidate(s, Category.POSITIONS, ItemKind.NUMBER, m.group(0), m.start(), m.end(), "数", "number",
                             answer_type=AnswerType.TEXT, accept=(bare,) if bare != m.group(0) else ()))
    return out


# ---------------------------------------------------------------- actors, forums, meetings

_ASK = {
    EntityType.PERSON: ("人物", ItemKind.PERSON, Category.ACTORS),
    EntityType.COUNTRY: ("国", ItemKind.COUNTRY, Category.ACTORS),
    EntityType.PLACE: ("場所", ItemKind.PLACE, Category.FORUMS),
    EntityType.ORGANISATION: ("組織", ItemKind.ORGANISATION, Category.FORUMS),
    EntityType.FORUM: ("会議・枠組み", ItemKind.FORUM, Category.FORUMS),
    EntityType.GROUP: ("国・勢力", ItemKind.ORGANISATION, Category.ACTORS),
    EntityType.DOCUMENT: ("文書・提案", ItemKind.DOCUMENT, Category.POSITIONS),
    EntityType.EVENT: ("出来事", ItemKind.EVENT, Category.DATES),
}


def _actors(s: Sentence, mentions: Sequence[Mention]) -> list[Candidate]:
    out: list[Candidate] = []
    both = {m.entity for m in mentions} >= _SKIP_COUNTRIES
    for m in mentions:
        if m.type is EntityType.COUNTRY and m.entity in _SKIP_COUNTRIES and (
                both and not re.match(r"(への依存|に依存|だ。)", s.text[m.full_end:m.full_end + 4])):
            continue  # 中国 and ロシア side by side: asking which one is a coin toss
        if m.type in (EntityType.DOCUMENT, EntityType.EVENT) and len(m.surface) < 4:
            continue
        ask, kind, cat = _ASK[m.type]
        out.append(Candidate(s, cat, kind, m.surface, m.start, m.end, ask, "entity", entity=m.entity,
                             new_person=_new(m)))
        if m.type is EntityType.PERSON and m.title and m.title not in ("首脳",):
            name = m.surface
            out.append(Candidate(s, Category.ACTORS, ItemKind.ROLE, m.title, m.end, m.end + len(m.title), "肩書", "title",
                                 question=f"{name}の肩書は何と書かれているか。", actors=(m.entity,) if m.entity else ()))
        role = _role_before(s.text, m)
        if m.type is EntityType.PERSON and role:
            r_start = s.text.rfind(role, 0, m.start)
            out.append(Candidate(s, Category.ACTORS, ItemKind.ROLE, role, r_start, r_start + len(role), "肩書", "role-phrase",
                                 question=f"{m.surface}の肩書・役職は何と紹介されているか。",
                                 actors=(m.entity,) if m.entity else ()))
    return out


_ROLE_BEFORE = re.compile(r"([\u30a0-\u30ff\u4e00-\u9fffA-Za-z・]{2,24}?)(?:の|である|で|を務める)$")


def _role_before(text: str, m: Mention) -> str | None:
    """`ロシア連邦安全保障会議書記のセルゲイ・ショイグ氏`, `トップ外交官である王毅氏`: the role phrase before a name."""
    head = text[max(0, m.start - 30):m.start]
    rm = _ROLE_BEFORE.search(head)
    if not rm:
        return None
    role = rm.group(1)
    for cut in ("中国の", "ロシアの", "の"):
        if cut in role:
            role = role.split(cut)[-1]
    return role if any(role.endswith(t) for t in ("書記", "外交官", "トップ", "大臣", "長官", "研究員", "教授", "代表",
                                                   "報道官", "大使", "議長", "顧問", "特使", "補佐官")) else None


def _forums(s: Sentence, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Candidate]:
    """Organisations and formats of meeting the bank does not know: noun compounds ending in 機構, 会議, 対話 …"""
    out: list[Candidate] = []
    covered = [(m.start, m.full_end) for m in mentions]
    for start, end, phrase in _noun_chunks(s.text, tokens):
        if len(phrase) < 4 or not _FORUM_SUFFIX.search(phrase) or any(a <= start and end <= b for a, b in covered):
            continue
        if phrase in ("首脳会談", "会談", "対話", "協議", "会議", "首脳会議"):
            continue
        out.append(Candidate(s, Category.FORUMS, ItemKind.FORUM, phrase, start, end, "会議・枠組み", "forum"))
    return out


def _meetings(s: Sentence, mentions: Sequence[Mention]) -> list[Candidate]:
    text = s.text
    if not _MEETING_WORD.search(text):
        return []
    out: list[Candidate] = []
    for fm in _MEETING_FORMAT.finditer(text):
        if fm.group(0) in ("会談", "会見", "会合", "協議") and not re.search(r"(形式|電話|ビデオ|オンライン|共同)", text):
            continue
        out.append(Candidate(s, Category.FORUMS, ItemKind.MEETING, fm.group(0), fm.start(), fm.end(), "会談の形式",
                             "meeting-format"))
    for p in mentions:
        after = text[p.full_end:p.full_end + 8]
        if p.type in (EntityType.PLACE, EntityType.COUNTRY) and (after.startswith(("で", "での")) or _VISIT.match(after)):
            ask = "訪問先" if _VISIT.match(after) else "場所"
            kind = ItemKind.PLACE if p.type is EntityType.PLACE else ItemKind.COUNTRY
            out.append(Candidate(s, Category.ACTORS if ask == "訪問先" else Category.FORUMS, kind, p.surface, p.start,
                                 p.end, ask, "meeting-place", entity=p.entity))
        elif p.type is EntityType.PERSON and re.match(r"(と|との)", after):
            out.append(Candidate(s, Category.ACTORS, ItemKind.MEETING, p.surface, p.start, p.end, "人物", "met-whom",
                                 entity=p.entity, new_person=_new(p)))
    return out


# ---------------------------------------------------------------- positions


def _positions(s: Sentence, tokens: Sequence[Token], mentions: Sequence[Mention], previous: Mention | None,
               ) -> tuple[Mention | None, list[Candidate]]:
    text = s.text
    out: list[Candidate] = []
    speaker_found: Mention | None = None
    found = [(vm, "ている" if vm.group(2).startswith("てい") else "た") for vm in _REPORT.finditer(text)]
    found += [(vm, vm.group(2)) for vm in _REPORT_NOW.finditer(text) if _present_ok(text, vm)]
    for vm, ending in sorted(found, key=lambda f: f[0].start()):
        stem_end = vm.end(1)
        speaker, topic_end = _speaker(text, mentions, vm.start(), previous)
        if speaker is None:
            continue
        speaker_found = speaker
        predicate = text[topic_end:stem_end].lstrip("、 ")
        if 4 <= len(predicate) <= 90:
            ask = "人物" if speaker.type is EntityType.PERSON else "国・組織"
            out.append(Candidate(s, Category.POSITIONS, ItemKind.STANCE, speaker.surface, speaker.start, speaker.end, ask,
                                 "speaker", question=f"{predicate}{ending}のは誰か。" if speaker.type is EntityType.PERSON
                                 else f"{predicate}{ending}のはどこか。", entity=speaker.entity,
                                 new_person=_new(speaker)))
        content = text[topic_end:vm.start()]
        for answer, a_start in _stance_answers(text, tokens, topic_end, vm.start(), content):
            out.append(Candidate(s, Category.POSITIONS, ItemKind.STANCE, answer, a_start, a_start + len(answer), "語句",
                                 "stance", actors=(speaker.entity,) if speaker.entity else ()))
    return speaker_found, out


def _present_ok(text: str, vm: re.Match[str]) -> bool:
    """A present-tense reporting verb only after a quotation or clause marked with と (「…」と指摘する, …とみている)."""
    stem, ending = vm.group(1), vm.group(2)
    if stem in ("み", "見", "語", "述べ"):
        if (stem, ending) not in (("み", "ている"), ("見", "ている"), ("み", "る"), ("語", "る"), ("述べ", "る"),
                                  ("述べ", "ている"), ("語", "っている")):
            return False
    elif ending in ("る", "す") and stem != "警鐘を鳴ら":
        return False
    return text[:vm.start()].endswith(("と", "」と", "とも")) or stem == "警鐘を鳴ら"


def _speaker(text: str, mentions: Sequence[Mention], verb_at: int, previous: Mention | None) -> tuple[Mention | None, int]:
    """The topic (X は / X が) nearest before the verb that names an entity; 同氏 refers to the previous speaker."""
    best: tuple[Mention | None, int] = (None, 0)
    quoted = [(q.start(), q.end()) for q in re.finditer(r"「[^「」]*」", text)]
    for particle in ("は", "が"):
        for m in mentions:
            if m.full_end >= verb_at:
                break
            if any(a < m.start < b for a, b in quoted):
                continue  # 「日本は…備える必要がある」と強調した: 日本 is not the speaker
            paren = _PAREN.match(text, m.full_end)  # ガブエフ氏（ロシア・ユーラシアセンター所長）は
            at = paren.end() if paren else m.full_end
            if text.startswith(particle, at) and m.type in (
                    EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP, EntityType.FORUM):
                best = (m, at + 1)
        if best[0] is not None:
            break
    if best[0] is None and previous is not None:
        dm = re.search(r"(同氏|同外相|同大統領|同主席|彼)は", text[:verb_at])
        if dm:
            return previous, dm.end()
    return best


def _stance_answers(text: str, tokens: Sequence[Token], lo: int, verb_at: int, content: str) -> list[tuple[str, int]]:
    """What was said: the noun phrase before を/に/への + the verb, or the clause before と."""
    out: list[tuple[str, int]] = []
    before = text[lo:verb_at]
    if before.endswith("と"):
        clause = before[:-1]
        cuts = list(re.finditer(r"(?<![でにて])[はが](?![ないず])|、", clause))
        cut = cuts[-1].start() if cuts else -1
        answer = clause[cut + 1:] if cut >= 0 else clause
        answer = answer.strip("「」 ")
        if 3 <= len(answer) <= 30 and answer.count("「") == answer.count("」"):
            out.append((answer, text.find(answer, lo)))
    else:
        particle_at = verb_at
        if before.endswith(("を", "に")):
            particle_at = verb_at - 1
        elif before.endswith(("への", "での")):
            particle_at = verb_at - 2
        chunk = _chunk_ending_at(text, tokens, particle_at)
        if chunk:
            out.append(chunk)
    return [(a, i) for a, i in out if i >= 0]


def _quoted(s: Sentence) -> list[Candidate]:
    """Key terms and short statements the article puts in 「」: 「時間稼ぎ作戦」, 「誤った選択だ」 (asked without だ).

    A long quotation gives its first and last clauses instead (「第三国を対象としたものではなく、…無関係だ」).
    """
    out: list[Candidate] = []
    for m in _QUOTE.finditer(s.text):
        body = m.group(1)
        if body.startswith(("http", "次の")) or len(s.text) - len(m.group(0)) < 4:
            continue  # a link, or a heading that is only the quotation (■「非対称な依存」): nothing to go on
        pieces = [(body, m.start(1))] if len(body) <= 30 else []
        if len(body) > 30 or "、" in body:
            first, _, _ = body.partition("、")
            last = body.rsplit("、", 1)[-1]
            pieces += [(first, m.start(1)), (last, m.end(1) - len(last))] if "、" in body else []
        for piece, at in dict.fromkeys(pieces):
            answer = _QUOTE_END.sub("", piece) if len(_QUOTE_END.sub("", piece)) >= 2 else piece
            if not 2 <= len(answer) <= 30 or (piece != body and answer.endswith(("は", "が", "を", "に", "で", "と", "も"))):
                continue  # 「…連携強化は、」 is half a sentence, not an answer
            out.append(Candidate(s, Category.POSITIONS, ItemKind.STANCE, answer, at, at + len(answer), "語句", "quoted",
                                 accept=(piece,) if piece != answer else ()))
    return out


# ---------------------------------------------------------------- key phrases

# Nouns too general to be worth a blank on their own.
_GENERIC_WORDS = """
状況 方向 関係 動き 形 ポイント 可能性 姿勢 意見 問題 必要 必要性 一方 今後 現在 時点 場合 結果 面 点 側 中心 前 後 間 際
両国 両首脳 首脳 国 各国 自国 当事者 今回 次 全て すべて 全体 取り組み 努力 役割 立場 考え 考え方 話 段階 意味 方法 分野
前者 後者 以来 自身 同氏 同国 話題 行方 重要 一段 一層 大国 国際 地域 世界 情勢 事項 対応 影響 能力 方針 目的 双方
協力 会談 記者団 枠組み 首脳ら 首都 詳細 具体策 発言 声明 会議 首脳会議
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
_PHRASE_BEFORE = frozenset("をにでへやがとの)）")
_KANJI_OR_KATAKANA = re.compile(r"[\u30a1-\u30fa\u4e00-\u9fff]")


def _phrases(s: Sentence, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Candidate]:
    """Content noun phrases of a sentence (what a reading-comprehension blank would ask for)."""
    if len(s.text) < 15:
        return []
    out: list[Candidate] = []
    covered = [(m.start, m.full_end) for m in mentions]
    spans: set[tuple[int, int]] = set()
    for start, end, _phrase in _noun_chunks(s.text, tokens):
        spans.add((start, end))
        joined = _chunk_ending_at(s.text, tokens, end)
        if joined and joined[1] < start:
            spans.add((joined[1], end))
    for start, end in sorted(spans):
        phrase = s.text[start:end]
        if (len(phrase) < 2 or len(phrase) > 20 or phrase in _GENERIC or not _KANJI_OR_KATAKANA.search(phrase)
                or any(a <= start and end <= b for a, b in covered) or re.search(r"\d", phrase)):
            continue
        if all(tok.surface in _GENERIC or tok.pos[0] != "名詞" for tok in tokens if start <= tok.start < end):
            continue
        if s.text[start - 1:start].isdigit() or any(
                m.type is EntityType.PERSON and start <= m.start and m.end <= end for m in mentions):
            continue  # 「5月の…」 cut after a number; a phrase holding a person's name (the entity rule asks for it)
        rest = phrase
        for m in mentions:
            if start <= m.start and m.end <= end:
                rest = rest.replace(m.surface, "")
        if not rest.strip("のとや・、"):
            continue  # 「中国とロシア」: only names, which the entity rule already asks for
        after = s.text[end:end + 1]
        if after not in _PHRASE_BEFORE or (len(phrase) < 3 and after != "を") or (after == "の" and len(phrase) < 5):
            continue  # a phrase before し/する/な/は is usually a predicate or a topic, not a fact to ask for
        inside = [t for t in tokens if start <= t.start < end]
        if inside and all(t.is_place for t in inside):  # a place the bank does not know yet (アスタナ)
            kind = ItemKind.COUNTRY if all(t.pos[3] == "国" for t in inside) else ItemKind.PLACE
            out.append(Candidate(s, Category.FORUMS, kind, phrase, start, end, "国" if kind is ItemKind.COUNTRY
                                 else "場所", "place"))
            continue
        out.append(Candidate(s, Category.POSITIONS, ItemKind.STANCE, phrase, start, end, "語句", "phrase"))
    return out


# ---------------------------------------------------------------- noun chunks


def _is_chunk_token(t: Token) -> bool:
    return (t.pos[0] in ("名詞", "接頭辞", "接尾辞", "形状詞") or t.surface in ("・",)) and t.pos[1] != "数詞" \
        and t.surface not in ("こと", "もの", "ため", "よう", "中", "上", "これ", "それ")


def _noun_chunks(text: str, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        if not _is_chunk_token(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and _is_chunk_token(tokens[j]):
            j += 1
        out.append((tokens[i].start, tokens[j - 1].end, text[tokens[i].start:tokens[j - 1].end]))
        i = j
    return out


def _chunk_ending_at(text: str, tokens: Sequence[Token], pos: int) -> tuple[str, int] | None:
    """The noun phrase that ends at `pos`, joined over の/と/や between nouns and 形状詞+な (緊密な交流)."""
    idx = next((k for k, t in enumerate(tokens) if t.end == pos), None)
    if idx is None or not _is_chunk_token(tokens[idx]):
        return None
    k = idx
    while k > 0:
        prev = tokens[k - 1]
        if _is_chunk_token(prev):
            k -= 1
        elif prev.surface in ("の", "と", "や", "な") and k > 1 and _is_chunk_token(tokens[k - 2]) and (
                prev.surface != "な" or tokens[k - 2].pos[0] == "形状詞" or "形状詞可能" in tokens[k - 2].pos[2]):
            if len(text[tokens[k - 2].start:pos]) > 20:
                break
            k -= 2
        elif prev.surface == "の" and k > 2 and tokens[k - 2].surface in ("へ", "から", "で", "と") and \
                _is_chunk_token(tokens[k - 3]) and len(text[tokens[k - 3].start:pos]) <= 20:
            k -= 3  # 停戦への支持, 中国からの支援
        else:
            break
    start = tokens[k].start
    phrase = text[start:pos]
    if len(phrase) < 2 or phrase in ("支持", "支援", "懸念", "意向", "意思", "姿勢"):
        return None
    return phrase, start
