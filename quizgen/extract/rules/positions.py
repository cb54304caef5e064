"""Candidate rules for positions: who said what (speaker + reporting verb, 同氏 resolved to the previous
speaker), what was said (the stance before the verb), and key terms the article puts in 「」.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen.bank.model import Category, EntityType, ItemKind
from quizgen.extract.lexicon import Mention
from quizgen.extract.nlp import Token
from quizgen.extract.rules.candidate import Candidate, Part, unknown_person
from quizgen.extract.rules.phrases import chunk_ending_at
from quizgen.extract.sentences import Sentence

_REPORT = re.compile(
    r"(述べ|強調し|表明し|呼びかけ|批判し|懸念を示し|懸念を表明し|求め|指摘し|評価し|説明し|主張し|要請し|非難し|"
    r"示唆し|明らかにし|語っ|発表し|提案し|警告し|訴え|再確認し|合意し|一致し|支持し|反対し|歓迎し|明言し|"
    r"意向を示し|意思を示し|姿勢を示し|考えを示し|応じ|けん制し|牽制し|警戒し|望み|感謝し|称賛し|賞賛し|反対す|支持す)"
    r"(ました(?=$|[。、」]|が)|た(?=$|[。、」]|が|ものの|うえ)|ている(?=$|[。、」]|が|ものの)|ています|ており|ていた|、|"
    r"る(?=(?:立場|考え|方針|姿勢)を|と(?:明記|確認|表明|強調)))")  # …に反対する立場を盛り込んだ, …に反対すると明記した
# Reporting verbs in the present tense, as analysis pieces write them: 「…と分析する」「…と指摘する」「…とみている」.
_REPORT_NOW = re.compile(r"(指摘|分析|説明|強調|主張|警告|批判|反論|否定|予測|予想|警鐘を鳴ら|述べ|語|み|見)"
                         r"(する|している|す|る|ている)(?=$|[。」]|が|ものの)")
_QUOTE = re.compile(r"「([^「」]{2,60})」")
_PAREN = re.compile(r"[（(][^（）()]{1,30}[）)]")
_QUOTE_END = re.compile(r"(だ|である|です)$")
_DOCUMENT = re.compile(r"(声明|宣言|条約|協定|憲章|文書|計画|構想|覚書|議定書|決議|白書)$")
_DOCUMENT_TOPIC = re.compile(r"(?:[^、。「」]{0,20}?(?:共同)?(?:声明|宣言|条約|協定|憲章|文書|決議))は、?")


def reports(text: str) -> bool:
    """Whether the sentence has a reporting verb (past or present tense)."""
    return bool(_REPORT.search(text) or _REPORT_NOW.search(text))


def positions(s: Sentence, tokens: Sequence[Token], mentions: Sequence[Mention], previous: Mention | None,
              ) -> tuple[Mention | None, list[Candidate]]:
    text = s.text
    out: list[Candidate] = []
    speaker_found: Mention | None = None
    found = [(vm, "ている" if vm.group(2).startswith("てい") else "た") for vm in _REPORT.finditer(text)]
    found += [(vm, vm.group(2)) for vm in _REPORT_NOW.finditer(text) if _present_ok(text, vm)]
    for vm, ending in sorted(found, key=lambda f: f[0].start()):
        stem_end = vm.end(1)
        speaker, topic_end = _speaker(text, mentions, vm.start(), previous)
        if speaker is None and topic_end == 0 and (said := _DOCUMENT_TOPIC.match(text)) is not None:
            topic_end = said.end()  # 宣言は、…に反対すると明記した: what a document states, no one to ask for (holdout_v32)
        if speaker is None and topic_end == 0:
            continue
        speaker_found = speaker or speaker_found
        stripped = re.sub(r"^[、 ]*(?:それぞれ|ともに|いずれも)?[、 ]*", "", text[topic_end:stem_end])
        predicate_at = stem_end - len(stripped)
        here = speaker is not None and speaker in mentions  # 同氏は…: the name is in an earlier sentence
        if speaker is not None and here and 4 <= stem_end - predicate_at <= 90:
            out.append(_who(s, mentions, speaker, (predicate_at, stem_end), ending))
        content = text[topic_end:vm.start()]
        for answer, a_start in _stance_answers(text, tokens, topic_end, vm.start(), content):
            out.append(Candidate(s, Category.POSITIONS, ItemKind.STANCE, answer, a_start, a_start + len(answer), "語句",
                                 "stance", actors=(speaker.entity,) if speaker is not None and speaker.entity else ()))
    return speaker_found, out


# how an actor voted: 中国は（棄権）した, 日本は（賛成）した, インドなどが（棄権）に回った, ロシアは（反対）票を投じた
_VOTE = re.compile(r"(?:は|も|が)(賛成|反対|棄権)(?=(?:し|に回っ|票を投じ)(?:た|ました)|を選んだ)")
_VOTERS = (EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP)


def votes(s: Sentence, mentions: Sequence[Mention]) -> list[Candidate]:
    """How a country voted, where the sentence names it as the topic right before its vote (the position a teacher asks
    first: holdout_v24's teacher listed 「中国は棄権した」 as China's vote, and no rule asked it)."""
    out = []
    for m in _VOTE.finditer(s.text):
        voter = next((x for x in mentions if x.full_end == m.start() and x.type in _VOTERS), None)
        others = {"賛成", "反対", "棄権"} - {m.group(1)}
        if voter is not None and not all(o in s.text for o in others):  # the other two printed: guessed by elimination
            out.append(Candidate(s, Category.POSITIONS, ItemKind.STANCE, m.group(1), m.start(1), m.end(1), "語句", "vote",
                                 actors=(voter.entity,) if voter.entity else ()))
    return out


_ORG_TYPES = (EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP, EntityType.FORUM)
_JOINED = re.compile(r"^(?:と|や|、|及び|および|・)$")


def _who(s: Sentence, mentions: Sequence[Mention], speaker: Mention, predicate: tuple[int, int], ending: str) -> Candidate:
    """「…と述べたのは誰か」: the speaker, with every actor the subject names (中国とロシアは → 中国とロシア).

    A title after the name stays in the question (…と強調した中国外務省の報道官は誰か), and so does the
    adverbial before the subject (会談後の共同記者発表で、…と述べたのは誰か)."""
    text = s.text
    group = [speaker]
    for m in sorted(mentions, key=lambda m: -m.start):
        first = group[0]
        same_kind = m.type is first.type or (m.type in _ORG_TYPES and first.type in _ORG_TYPES)
        if m.full_end <= first.start and same_kind and _JOINED.match(text[m.full_end:first.start]):
            group.insert(0, m)
    start, end = group[0].start, speaker.end
    person = speaker.type is EntityType.PERSON
    before = text[:start]
    parts: list[Part]
    if before.endswith("の") and person and speaker.title and len(group) == 1:
        cut = max(before.rfind(c) for c in "、。") + 1
        parts = [predicate, ending, (cut, start), f"{speaker.title}は誰か。"]
    else:
        lead = before.rstrip("、 ")
        parts = [(0, len(lead)), "、"] if lead.endswith(("で", "に", "では", "には", "後")) else []
        parts += [predicate, ending, "のは誰か。" if person else "のはどこか。"]
    names = [m.surface for m in group]
    listed = tuple(a for a in dict.fromkeys(["と".join(names), "と".join(reversed(names)), "、".join(names)])
                   if a != text[start:end]) if len(group) > 1 else ()
    one = len(group) == 1
    return Candidate(s, Category.POSITIONS, ItemKind.STANCE, text[start:end], start, end,
                     "人物" if person else "国・組織", "speaker", parts=tuple(parts),
                     entity=speaker.entity if one else None, new_person=unknown_person(speaker) if one else None,
                     accept=listed, title=speaker.title if one else None, mentions=() if one else tuple(group),
                     actors=() if one else tuple(m.entity for m in group if m.entity))


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


# a topic は after a noun (米政府は、 国務省は): whoever comes after it with が is inside what the topic said
_TOPIC = re.compile(r"(?<=[\u4e00-\u9fff\u30a1-\u30fcA-Za-z0-9）)])は(?=、|[\u4e00-\u9fff\u30a1-\u30fc])")


def _topic_around(unquoted: str, m: Mention, at: int, verb_at: int) -> int | None:
    """Whether a topic は stands before `m` or between it and the verb: the end of one before it, 0 for one after."""
    for t in _TOPIC.finditer(unquoted):
        if t.start() < m.start:
            return t.end()
        if at <= t.start() < verb_at:
            return 0
    return None


# X が + a verb that ends a clause describing the noun right after it: X is that clause's subject, not the sentence's
_RELATIVE = re.compile(r"が[\u4e00-\u9fff\u3041-\u309f]{1,8}?(?:する|した|している|していた|進める|進めている|"
                       r"んだ|った|いた|えた|めた|けた|れた|せた)"  # 米国と旧ソ連が結んだ条約 (holdout_v31)
                       r"(?=[\u4e00-\u9fff\u30a1-\u30fa])")


def _speaker(text: str, mentions: Sequence[Mention], verb_at: int, previous: Mention | None) -> tuple[Mention | None, int]:
    """The topic (X は / X が) nearest before the verb that names an entity; 同氏 refers to the previous speaker.

    X が after a topic the lexicon does not know (米政府は、中国が…と警告しており) is the subject of what was
    said, not the speaker: then (None, the end of that topic), and nobody is asked for."""
    best: tuple[Mention | None, int] = (None, 0)
    quoted = [(q.start(), q.end()) for q in re.finditer(r"「[^「」]*」", text)]
    unquoted = re.sub(r"「[^「」]*」", lambda q: "＿" * len(q.group(0)), text)
    for particle in ("は", "が"):
        for m in mentions:
            if m.full_end >= verb_at:
                break
            paren = _PAREN.match(text, m.full_end)  # ガブエフ氏（ロシア・ユーラシアセンター所長）は
            at = paren.end() if paren else m.full_end
            if any(a < m.start < b for a, b in quoted) or (particle == "が" and _RELATIVE.match(text, at)):
                continue  # 「日本は…備える必要がある」と強調した, 日本が計画する放出について…懸念を表明した: not the speaker
            if particle == "が" and text.startswith("が", at) and (topic := _topic_around(unquoted, m, at, verb_at)) is not None:
                return None, topic  # 米政府は、中国が…と警告 / 中国が…と米政府は警告: 中国 is who was warned of
            if text.startswith(particle, at) and m.type in _SPEAKERS and not _set_off(text, best[0], best[1]):
                best = (m, at + 1)
        if best[0] is not None:
            break
    if best[0] is None and previous is not None:
        dm = re.search(r"(同氏|同外相|同大統領|同主席|彼)は", text[:verb_at])
        if dm:
            return previous, dm.end()
    return best


_SIDE = r"(?:中国|ロシア|中ロ|中露)"
_THE_PAIR = re.compile(rf"{_SIDE}(?:と|や|、|・){_SIDE}(?:両国|の両国)?")


_SPEAKERS = (EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANISATION, EntityType.GROUP, EntityType.FORUM)


def _set_off(text: str, person: Mention | None, topic_end: int) -> bool:
    """Whether a person is the topic set off by a comma (習主席は、…): they speak, and a topic after it is the subject of
    what they said (習主席は、中国とロシアは…だと強調した: holdout_v29 asked it of 中国とロシア)."""
    return person is not None and person.type is EntityType.PERSON and text.startswith("は、", topic_end - 1)


def _stance_answers(text: str, tokens: Sequence[Token], lo: int, verb_at: int, content: str) -> list[tuple[str, int]]:
    """What was said: the noun phrase before を/に/への + the verb, or the clause before と."""
    out: list[tuple[str, int]] = []
    before = text[lo:verb_at]
    if before.endswith(("と", "との")):  # …に対抗すべきだとの考えを示し: the clause is what was said
        clause = re.sub(r"(?:だ|である)$", "", before[:-2] if before.endswith("との") else before[:-1])
        cuts = list(re.finditer(r"(?<![でにて])[はが](?![ないず])|、", clause))
        cut = cuts[-1].start() if cuts else -1
        answer = clause[cut + 1:] if cut >= 0 else clause
        answer = answer.strip("「」 ")
        if 3 <= len(answer) <= 30 and answer.count("「") == answer.count("」"):
            out.append((answer, text.find(answer, lo)))
        subject = re.search(r"(?<![でにて「])[がは](?![ないず])", clause)
        if subject is not None and "「" not in clause[:subject.start()]:
            chunk = chunk_ending_at(text, tokens, lo + subject.start())  # ウクライナ危機の政治的解決が…と述べた
            if chunk and len(chunk[0]) >= 6 and not _THE_PAIR.fullmatch(chunk[0]):
                out.append(chunk)  # not 習主席は、（中国とロシア）は…だと強調: the two sides, a coin toss (holdout_v29)
    else:
        particle_at = verb_at
        if before.endswith(("を", "に")):
            particle_at = verb_at - 1
        elif before.endswith(("への", "での")):
            particle_at = verb_at - 2
        chunk = chunk_ending_at(text, tokens, particle_at)
        if chunk:
            out.append(chunk)
    return [(a, i) for a, i in out if i >= 0]


def quoted(s: Sentence) -> list[Candidate]:
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
            head = answer.partition("という")[0]
            if head != answer and len(head) >= 2 and piece == body:
                answer = head  # 「同盟関係という新たな高い水準」: the key word, not the whole phrase to recall
            if not 2 <= len(answer) <= 30 or (piece != body and answer.endswith(("は", "が", "を", "に", "で", "と", "も"))):
                continue  # 「…連携強化は、」 is half a sentence, not an answer
            document = bool(_DOCUMENT.search(answer))
            out.append(Candidate(s, Category.POSITIONS, ItemKind.DOCUMENT if document else ItemKind.STANCE, answer, at,
                                 at + len(answer), "文書" if document else "語句", "quoted",
                                 accept=(piece,) if piece != answer else ()))
    return out
