"""Extract stage: text -> :class:`~glossary.model.Occurrence` records.

What a terminologist does by eye, in order:

1. find runs of CJK ideographs with one fast regex (texts without hanzi cost
   one scan and nothing else);
2. for each run, find the bracket that holds it -- (), （）, [], <>, 《》, 〈〉,
   「」, 『』, 【】, nested or doubled -- or the bracket (or middle dot) that
   follows it with the rendering inside;
3. split the bracket into its parts: the term, other script forms (两会/兩會),
   an acronym (BRI), pinyin, labelled fields (``Chinese: …; pinyin: …``), an
   English title before a colon, a Korean paraphrase after a middle dot;
4. take the rendering (``gloss``) beside the bracket: quoted words, a
   capitalised name, or the noun phrase before the bracket cut at clause
   punctuation, determiners, possessives and verbs, sized by the length of
   the term, then checked against CC-CEDICT for which words render the term
   (qualifiers, stray conjuncts and clauses go; words of the term the cut
   left out come back); in Korean, the hangul words before the bracket,
   sized by the hanja reading when they are a reading;
5. say what the rendering is (``gloss_kind``): a translation, the hangul
   reading, a romanised reading, pinyin, or a hangul transcription of the
   Mandarin sound; and what the bracket held (``kind``): a term, a title,
   or other (a sentence, a single hanja glossing one syllable).

:func:`extract_corpus` then compares occurrences of the same term across the
corpus and trims renderings that carry stray words from their clause.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from glossary.model import Occurrence, Source

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u3007"
#: The prefilter, the only regex run over the whole text: one character, so
#: that the regex engine scans with its fast character-set loop (a ``+`` or
#: astral ranges make it several times slower), written as a negated set
#: (U+3400-U+9FFF and U+F900-U+FAFF), which measured fastest, faster than a
#: bare scan for brackets. The run is then extended with :data:`_HAN_RUN`.
_HAN_FIRST = re.compile("[^\x00-\u33ff\ua000-\uf8ff\ufb00-\U0010ffff]")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_HANGUL = "\uac00-\ud7a3"

OPENERS = "([<（《〈「『【［〔｛{≪"
CLOSERS = ")]>）》〉」』】］〕｝}≫"
PAIRS = dict(zip(OPENERS, CLOSERS))
_CLOSE_TO_OPEN = dict(zip(CLOSERS, OPENERS))

#: How far to look around a run for its bracket, and for the rendering.
_REACH = 400

#: Endings of Chinese document, law and book names.
_TITLE_ENDINGS = (
    "決定", "决定", "決議", "决议", "意見", "意见", "通知", "條例", "条例", "法", "規劃", "规划", "綱要", "纲要",
    "報告", "报告", "白皮書", "白皮书", "公報", "公报", "辦法", "办法", "規定", "规定", "方案", "計劃", "计划",
    "宣言", "章程", "經", "经", "建議", "建议", "文件", "協定", "协定", "聲明", "声明", "指引", "細則", "细则", "選集", "选集", "文選", "文选",
)

#: Words ending in 法 that are not laws.
_NOT_LAWS = ("方法", "看法", "做法", "說法", "说法", "想法", "手法", "用法", "技法", "立法", "司法", "執法", "执法", "守法", "違法", "违法")

_LABEL = re.compile(
    r"^(?P<label>chinese|simplified|simp\.?|traditional|trad\.?|pinyin|hanzi|hanja|characters?|zh|"
    r"lit\.?|literally|meaning|i\.e\.|korean|japanese|abbreviated|abbr\.?|short for|also|or|english)\s*[:.]?\s+",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,9}$")
_TONE_MARKS = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")

# English words, by the part they play at the edge of a rendering.
_DETERMINERS = frozenset(
    "the a an this that these those its their his her our my your such any each every some no another "
    "which whose what both either neither".split())
_PREPOSITIONS = frozenset(
    "of for to in on at by with from as into about through toward towards under over against between among "
    "within without via per amid despite including like upon onto beyond behind across around after before "
    "during since until than versus vs".split())
_NAMING = frozenset("called dubbed named termed known so-called labelled labeled titled coined".split())
_HARD = frozenset(
    "is are was were be been being am has have had will would shall should can could may might must do does did "
    "it we they he she i you who whom which there here said says say also".split()) | _NAMING
_CONNECTORS = frozenset("and of for the on in de to with a an".split())
_DET_PREP = _DETERMINERS | _PREPOSITIONS
#: Verbs that open verb-object policy terms (提高低收入群体收入), whose rendering starts with a gerund.
_VERB_HEADS = frozenset(
    "提高 扩大 擴大 取缔 取締 调节 調節 加强 加強 推进 推進 促进 促進 坚持 堅持 深化 完善 建设 建設 实施 實施 推动 推動 "
    "构建 構建 强化 強化 防范 防範 统筹 統籌 稳定 穩定 落实 落實 优化 優化 提升 降低 减少 減少 化解 打造 培育 保持 "
    "实现 實現 维护 維護 巩固 鞏固 加快 增强 增強 健全 规范 規範 整治 反对 反對 支持 鼓励 鼓勵 引导 引導".split())
_AUXILIARIES = frozenset("is are was were be been being am has have had will would shall should can could may might "
                         "must do does did not".split())
#: Possessives that belong inside names: the People's Bank of China.
_NAME_POSSESSIVES = frozenset("people's peoples' workers' women's children's".split())
_COMPARATIVES = frozenset("stronger greater higher deeper broader wider closer better bigger larger smaller lower "
                          "faster further".split())
_SUBORDINATORS = frozenset("though although because whereas while when where which who whom whose if unless whether "
                           "but yet so than".split())
_NO_END = _DETERMINERS | _PREPOSITIONS | _HARD | {"and", "or"}
_CLAUSE_WORDS = frozenset(
    "when while after before but and or if although though since because where how why so then yet once "
    "as at in on of for by with from to into under over amid despite during following unlike like whether "
    "however meanwhile moreover furthermore thus hence also still even only now today yesterday last next "
    "this that these those the a an its their his her our my your it we they he she i you".split())
#: Verbs that often stand right before a rendering in reports ("invoked new
#: quality productive forces"); with their inflections they end a noun phrase.
_VERB_STEMS = (
    "accept achieve add adopt advance advocate aim allow announce appear argue ask attract avoid back become begin "
    "believe blame boost bring build call cause champion change cite claim coin combat come consider continue "
    "counter create criticise criticize curb cut deepen defend deliver deny describe develop drive embrace "
    "emphasise emphasize enable encourage end endorse enforce ensure establish expand expect explain face favour "
    "favor follow force foster gain give grow hail halt help highlight hope impose improve include increase "
    "insist intend introduce invest invoke issue join keep label launch lead learn leave let lift limit list look "
    "lower maintain make mark mean mention move name need note offer open oppose order outline pass pay plan "
    "pledge point praise prefer prepare present press prevent produce promise promote propose protect prove "
    "provide publish pursue push put raise reach reaffirm receive recognise recognize reduce refer reflect "
    "reiterate reject release rely remain remove repeat replace report require resist restrict retain return "
    "reveal revive rule run say see seek sell send serve set share show sign speak spend stand start state "
    "stay step stop stress strengthen support suggest take talk target tell term tighten tout try turn "
    "underline underscore understand unveil urge use view vow want warn welcome widen win work write"
).split()
_VERBS = frozenset(
    w for stem in _VERB_STEMS
    for w in (stem, stem + "s", stem + "es", stem + "d", stem + "ed", stem[:-1] + "ed" if stem.endswith("e") else stem + "ed",
              stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else stem + "ing")
) | frozenset("built kept led set put sold cut made make makes making went go goes gave give gives took take takes "
              "sought seek seeks held hold holds brought bring brings saw see sees".split())
_VERB_STEMS_SET = frozenset(_VERB_STEMS)
#: Generic heads after a quoted rendering: the "dual circulation" strategy.
_GENERIC_HEADS = frozenset(
    "strategy policy policies initiative campaign concept slogan principle principles theory programme program "
    "plan model movement project idea phenomenon approach doctrine formula vision agenda line framework "
    "drive narrative discourse era measures measure efforts effort push reforms reform rules system mechanism "
    "principle pledge goal target mindset mentality logic model tactics".split())
_HONORIFICS = frozenset(
    "president premier chairman chairwoman secretary general minister vice mr mr. ms ms. mrs mrs. dr dr. "
    "professor prof prof. comrade director ambassador spokesperson spokesman governor mayor former late "
    "foreign defense defence state councilor leader party chief".split())

_WORD = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*['’]?|[^\w\s]|\t", re.UNICODE)

# Korean particles and endings that close a word after a rendering.
_PARTICLES = ("에서는", "에서", "으로", "이라는", "라는", "이라", "에게", "까지", "부터", "처럼", "보다",
              "은", "는", "이", "가", "을", "를", "에", "의", "와", "과", "로", "도", "만", "란", "이란")
#: Words that name what kind of thing follows, not part of its name: 스타트업 딥시크(深度求索).
_KO_APPOSITION = frozenset(
    "스타트업 기업 업체 회사 그룹 정부 당국 주석 국가주석 총리 부장 외교부장 교수 대변인 매체 관영 전문가 창업자 대표 의장 "
    "위원장 장관 대사 총서기 서기 시장 작가 소설가 감독 배우 선수 기자 특파원 연구원 부주석 총통 전 현".split())
_KO_BREAK = ("은", "는", "이", "가", "을", "를", "에", "와", "과", "로", "도", "며", "고", "다", "서", "한", "된", "인", "던")


# Patterns used per hit, compiled once.
_RE_DATE = re.compile(r"(?=.*[年月日])[\d〇零一二三四五六七八九十年月日号號\s]+")
_RE_NEXT_BRACKET = re.compile(rf"[ \t]?[(（]([^()（）{_HAN}\n]{{1,60}})[)）]")
_RE_LAW = re.compile(r"\b(?:Law|Act|Code)\b")
_RE_HAN_ONLY = re.compile(f"[{_HAN}]+")
_RE_COUPLET = re.compile(rf"[{_HAN}]+(?:\s*[,，]\s*[{_HAN}]+)+")
_RE_HAN_GAP = re.compile(rf"(?<=[{_HAN}、，])\s+(?=[{_HAN}、，])")
_RE_INNER_ROUND = re.compile(r"[()\[\]（）［］]")
_RE_INNER_TITLE = re.compile(r"[《》〈〉「」『』【】<>≪≫]")
_RE_TITLE_COLON = re.compile(rf"^([A-Za-z][^{_HAN}:：]*?)\s*[:：]\s*(.*[{_HAN}].*)$", re.DOTALL)
_RE_FIELDS = re.compile(r"\s*[;；|]\s*")
_RE_PIECES = re.compile(rf"\s*(?:,|，(?![^，]*[{_HAN}]{{6}})|/|／)\s*(?=\S)")
_RE_DOTS = re.compile(r"\s*[·・]\s*")
_RE_SENTENCE_PUNCT = re.compile("[，。！？；：]")
_RE_KO_WORDS = re.compile(rf"(?:[{_HANGUL}0-9]+\s+){{0,5}}[0-9]*[{_HANGUL}]+$")
_RE_KO_ORDINAL = re.compile(r"제\d+[차기회]")
_RE_QUOTE_HEAD = re.compile(r"[”’\"'»]\s+([A-Za-z]+)$")
_RE_HANGUL = re.compile(f"[{_HANGUL}]")
_RE_ORDINAL = re.compile(r"\d+(st|nd|rd|th)$")
_RE_ACRONYM_WORD = re.compile(r"[A-Z0-9]{2,6}s?")
_RE_NAME_WORD = re.compile(r"^[\w\-.&'’]+$")


@dataclass(frozen=True, slots=True)
class _Part:
    """One piece of a bracket: ``kind`` is han|latin|hangul|digits."""

    kind: str
    text: str
    label: str = ""


# --- entry points ---------------------------------------------------------


def extract_occurrences(text: str, source: str, encoding: str | None = None) -> Iterator[Occurrence]:
    """Yield every bracketed CJK term of a text, with its rendering.

    Pure and streaming: one pass of a CJK regex, the analysis runs per hit.

    >>> [(o.term, o.gloss, o.gloss_kind) for o in extract_occurrences(
    ...     "China's 2025 Two Sessions(兩會) and 이구환신(以舊換新) 정책", "a.txt")]
    [('兩會', 'Two Sessions', 'translation'), ('以舊換新', '이구환신', 'hangul')]
    """
    lines = _LineCounter(text)
    done = pos = 0
    search, extend = _HAN_FIRST.search, _HAN_RUN.match
    while True:
        match = search(text, pos)
        if match is None:
            return
        start = match.start()
        run = extend(text, start)
        if run is None:  # a symbol in the prefilter's range, not a hanzi (䷀ U+4DC0)
            pos = start + 1
            continue
        end = run.end()
        pos = max(end, done)
        if start < done:
            continue
        found, done = _analyse(text, start, end)
        pos = max(end, done)
        for occ_start, fields in found:
            line = lines.line_of(occ_start)
            context = _sentence(text, occ_start)
            yield Occurrence(source=source, line=line, context=context, encoding=encoding, **fields)


def extract_corpus(sources: Iterable[Source]) -> list[Occurrence]:
    """Extract every source, then let occurrences of one term agree on its rendering.

    A rendering that is another occurrence's rendering plus stray words on
    its left ("China's 2025 Two Sessions" beside "Two Sessions") is cut to
    the shorter one when the shorter one is met at least as often.

    >>> occs = extract_corpus([Source("a.txt", "China's big Two Sessions(兩會) and the Two Sessions (两会)")])
    >>> [o.gloss for o in occs]
    ['Two Sessions', 'Two Sessions']
    """
    occurrences: list[Occurrence] = []
    for src in sources:
        occurrences.extend(extract_occurrences(src.text, src.path, src.encoding))
    return agree_renderings(occurrences)


def agree_renderings(occurrences: list[Occurrence]) -> list[Occurrence]:
    """Cut renderings to a shorter one the same term has elsewhere (see :func:`extract_corpus`).

    >>> a = Occurrence("兩會", "a", 1, gloss="big Two Sessions", gloss_kind="translation")
    >>> b = replace(a, gloss="Two Sessions")
    >>> [o.gloss for o in agree_renderings([a, b])]
    ['Two Sessions', 'Two Sessions']
    """
    from glossary.normalize import merge_key

    key_of = cache(merge_key)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for occ in occurrences:
        if occ.gloss and occ.gloss_kind == "translation" and occ.kind != "other":
            seen[key_of(occ.term)][occ.gloss] += 1
    out = []
    for occ in occurrences:
        counts = seen.get(key_of(occ.term)) if occ.gloss and occ.gloss_kind == "translation" else None
        if counts and len(counts) > 1:
            better = _agreed(occ.gloss, counts)
            if better != occ.gloss:
                occ = replace(occ, gloss=better)
        out.append(occ)
    return out


def _agreed(gloss: str, counts: Counter[str]) -> str:
    mine = counts[gloss]
    best = gloss
    for other, n in counts.items():
        if other == gloss or len(other) >= len(best) or n < mine:
            continue
        if gloss.endswith(other) and not gloss[-len(other) - 1].isalnum():
            best = other  # a word suffix: the words before it are stray
        elif gloss.lower().endswith(other.lower()) and not gloss[-len(other) - 1].isalnum():
            best = gloss[-len(other):]
    return best


# --- line numbers and sentences ----------------------------------------------


class _LineCounter:
    """Line number of an offset, counting newlines only once along the text."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def line_of(self, offset: int) -> int:
        if offset < self.pos:  # rare: an occurrence before the last one
            return self.text.count("\n", 0, offset) + 1
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


#: Candidate sentence ends, checked one by one by :func:`_ends_sentence`.
_SENTENCE_MARK = re.compile("[.!?。！？\n\t]")
_NOT_ENDS = frozenset("u.s u.n u.k e.u mr ms mrs dr st no vs e.g i.e prof gen jan feb aug sept oct nov dec".split())


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the mark at ``text[i]`` ends a sentence (a blank line, a tab, 。, or a
    full stop before a space and a word that is not lowercase, not after U.S or an initial)."""
    ch = text[i]
    if ch in "。！？\t":
        return True
    if ch == "\n":
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        return j < len(text) and text[j] == "\n"
    j = i + 1
    while j < len(text) and text[j] in "\"”’')]":
        j += 1
    if j < len(text) and not text[j].isspace():
        return False
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j].islower():
        return False
    if ch == ".":
        k = i
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
            k -= 1
        word = text[k:i].lower()
        if word in _NOT_ENDS or (len(word) == 1 and text[k].isupper()):
            return False
    return True


def _sentence(text: str, pos: int) -> str:
    """The sentence around ``pos``: within its paragraph, cut at sentence ends."""
    lo = max(0, pos - 300)
    hi = min(len(text), pos + 300)
    start = lo
    for i in reversed([m.start() for m in _SENTENCE_MARK.finditer(text, lo, pos)]):
        if _ends_sentence(text, i) or text[i] == "\n" and _line_break_is_hard(text, i):
            start = i + 1
            break
    end = hi
    for m in _SENTENCE_MARK.finditer(text, pos, hi):
        i = m.start()
        if text[i] == "\n":
            if _ends_sentence(text, i) or _line_break_is_hard(text, i):
                end = i
                break
        elif _ends_sentence(text, i):
            end = i if text[i] == "\t" else i + 1
            break
    return " ".join(text[start:end].split())


_CONTINUES = frozenset("a an the of and or to in on for with by at from as that its their his her our".split())


def _line_break_is_hard(text: str, i: int) -> bool:
    """A line break ends a sentence unless the text is wrapped mid-sentence (PDF).

    A short line followed by a capitalised one is a heading over its text
    ("...at Home and Abroad" / "A briefing note..."), unless it ends in a word
    that cannot end a sentence ("the", "of").
    """
    before = text[max(0, i - 1):i]
    after = text[i + 1:i + 2]
    soft = before and after and (before.isalnum() or before in ",-") and (after.isalnum() or after in "(（")
    if soft and after.isupper():
        line = text[text.rfind("\n", 0, i) + 1:i]
        last = line.rsplit(None, 1)[-1].lower() if line.strip() else ""
        if len(line) < 70 and last not in _CONTINUES:
            return True
    return not soft


# --- finding the bracket ------------------------------------------------------


def _enclosing(text: str, start: int) -> int:
    """Offset of the innermost unclosed opener left of ``start`` (or -1).

    Only the brackets and blank lines of the window are visited: their
    offsets are found once per text (:func:`_bracket_events`), and at most
    ``_EVENTS`` of them are looked at, so the cost per run is bounded however
    many brackets a hostile line holds (a real sentence has a handful).
    """
    if start and text[start - 1] in PAIRS:  # the usual case: "(兩會"
        return start - 1
    from bisect import bisect_left

    events = _bracket_events(text)
    lo = max(0, start - _REACH)
    hi = bisect_left(events, start)
    pending: list[str] = []
    for k in range(hi - 1, max(bisect_left(events, lo), hi - _EVENTS) - 1, -1):
        i = events[k]
        ch = text[i]
        if ch == "\n":
            return -1
        if ch in _CLOSE_TO_OPEN:
            if ch == ">" and i > 0 and text[i - 1] in "-=":  # -> and =>: not a bracket
                continue
            pending.append(_CLOSE_TO_OPEN[ch])
        elif pending:
            if pending[-1] == ch:
                pending.pop()
            elif ch in "<《〈「『【≪":  # an unmatched opener of another kind: skip it
                pass
            else:
                pending.pop()
        else:
            return i
    return -1


_EVENTS = 64  # brackets looked at left of a run
_RE_BRACKET_OR_BREAK = re.compile(r"(?<=\n)\n|[" + re.escape(OPENERS + CLOSERS) + "]")


def _bracket_events(text: str) -> list[int]:
    """Offsets of every bracket and blank line (the second newline) of ``text``, cached for the text."""
    if _EVENTS_CACHE[0] is not text:
        _EVENTS_CACHE[:] = [text, [m.start() for m in _RE_BRACKET_OR_BREAK.finditer(text)]]
    return _EVENTS_CACHE[1]


_EVENTS_CACHE: list = [None, []]


def _closing(text: str, opener: int) -> int:
    """Offset of the closer matching ``text[opener]`` (or -1).

    The closer of every opener of one kind is found in one pass over the
    text (:func:`_closing_table`, cached for the text being analysed), so a
    line of 300,000 unclosed openers costs one pass, not 400 characters each.
    The rules: same-kind brackets nest; a blank line, or a closer of another
    kind before the bracket is closed, means the bracket is malformed; a closer
    further than ``_REACH`` characters away does not count.
    """
    open_ch = text[opener]
    if _CLOSING_CACHE[0] is not text:
        _CLOSING_CACHE[:] = [text, {}]
    tables = _CLOSING_CACHE[1]
    table = tables.get(open_ch)
    if table is None:
        table = tables[open_ch] = _closing_table(text, open_ch)
    closer = table.get(opener, -1)
    return closer if closer - opener < _REACH else -1


_CLOSING_CACHE: list = [None, {}]  # [text, {opener character: {opener offset: closer offset}}]


def _closing_table(text: str, open_ch: str) -> dict[int, int]:
    """Offsets of the matching closer of every ``open_ch`` of ``text`` that has one."""
    want = PAIRS[open_ch]
    lenient = open_ch in "<《〈「『【≪"  # a title bracket may hold closers of other kinds
    pending: list[int] = []  # openers not closed yet, innermost last
    malformed: set[int] = set()
    table: dict[int, int] = {}
    for match in re.finditer("\n(?=\n)|[" + re.escape(open_ch + CLOSERS) + "]", text):
        ch, i = match.group(), match.start()
        if ch == "\n":
            pending.clear()  # a blank line ends every open bracket: none of them closes
        elif ch == open_ch:
            pending.append(i)
        elif ch == want:
            if pending:
                opener = pending.pop()
                if opener not in malformed:
                    table[opener] = i
        elif pending and not lenient and ch not in ">》〉」』】≫":
            malformed.add(pending[-1])  # a closer of another kind inside the innermost bracket
    return table


def _analyse(text: str, start: int, end: int) -> tuple[list[tuple[int, dict]], int]:
    """Occurrences for the CJK run at ``text[start:end]``, and where to resume."""
    opener = _enclosing(text, start)
    if opener != -1:
        closer = _closing(text, opener)
        if closer != -1 and closer >= end:
            inner = (opener, closer)
            # Doubled or nested brackets: ((兩會)), (《政府工作報告》).
            while opener > 0 and text[opener - 1] in PAIRS and closer + 1 < len(text) \
                    and text[closer + 1] == PAIRS[text[opener - 1]]:
                opener, closer = opener - 1, closer + 1
            return _bracketed(text, opener, closer, inner), closer + 1
    return _glossed_after(text, start, end)


# --- the term inside the bracket -------------------------------------------------


def _repair(term: str) -> str:
    """Drop line breaks and stray spaces between hanzi (PDF text)."""
    if any(ch.isspace() for ch in term):
        term = _RE_HAN_GAP.sub("", term)
    return term


def _split(content: str) -> list[_Part]:
    """Split a bracket's content into labelled, script-typed parts."""
    content = content.strip()
    if _RE_HAN_ONLY.fullmatch(content):  # the usual case: (兩會)
        return [_Part("han", content)]
    # Nested brackets inside the content become separators: 中國共產黨(中共).
    content = _RE_INNER_ROUND.sub(",", content)
    content = _RE_INNER_TITLE.sub(",", content)
    title = _RE_TITLE_COLON.match(content)
    if title and len(title.group(1).split()) > 1 and not _LABEL.match(title.group(1) + " "):
        return [_Part("latin", title.group(1).strip(), "title")] + _split(title.group(2))
    parts: list[_Part] = []
    for field in _RE_FIELDS.split(content):
        for piece in _RE_PIECES.split(field):
            label = ""
            m = _LABEL.match(piece)
            if m:
                label = m.group("label").lower().rstrip(".:")
                piece = piece[m.end():]
            parts.extend(_typed(piece.strip(), label))
    return [p for p in parts if p.text]


# A CJK part may carry digits and plus signs glued to it (中国制造2025,
# 2+2对话, 人工智能+行动, 人工智能+) and quotes around an inner name
# (高质量共建"一带一路").
_SEGMENT = re.compile(
    rf"(?P<han>(?:\d+[+＋])*\d*[{_HAN}](?:[{_HAN}、，〇\d\s\"“”‘’]*[{_HAN}\"”’])?"
    rf"(?:[+＋][{_HAN}]+)*\d*[+＋]?)"
    rf"|(?P<hangul>[{_HANGUL}](?:[{_HANGUL}\s]*[{_HANGUL}])?)"
    r"|(?P<latin>[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ0-9\s'’\-.&]*[A-Za-zÀ-ɏ0-9.])?)"
    r"|(?P<digits>\d+)"
)


def _typed(piece: str, label: str) -> list[_Part]:
    whole = piece.strip(" \t\n.·・:")
    piece = piece.strip(" \t\n'\"“”‘’.·・:")
    # keep a closing quote that closes a quote inside the piece: 共建"一带一路"
    if whole.endswith(("\"", "”")) and whole.startswith(piece) and (
        piece.count("\"") % 2 == 1 or piece.count("“") > piece.count("”")
    ):
        piece += whole[len(piece)]
    if not piece:
        return []
    if label in ("lit", "literally", "meaning", "i.e", "english"):
        return [_Part("latin", piece, "lit")]
    parts = []
    for piece2 in _RE_DOTS.split(piece):
        for m in _SEGMENT.finditer(piece2):
            parts.append(_Part(m.lastgroup or "", m.group().strip(), label))
    return parts


def _latin_role(text: str, term: str, label: str) -> str:
    """What a Latin part of a bracket is: abbrev, pinyin, romanization or translation."""

    if label in ("lit", "title"):
        return "translation"
    if label == "pinyin" or _TONE_MARKS.search(text):
        return "pinyin"
    if _ACRONYM.match(text) and " " not in text:
        return "abbrev"
    if term and _maybe_pinyin(text, term):
        return "pinyin"
    if term and _maybe_romanization(text, term):
        return "romanization"
    return "translation"


def _kind_of(term: str, bracket: str, has_latin_title: bool, content: str = "") -> str:
    if bracket in ("《》", "〈〉", "『』", "≪≫") or has_latin_title:
        return "title"
    if _RE_SENTENCE_PUNCT.search(content or term) or len(term) > 20:
        return "other"
    if len(term) >= 2 and term.endswith(("經", "经")) and term not in ("神經", "神经", "經經"):
        return "title"  # classics and scriptures: 書經, 道德經
    if len(term) >= 4 and term.endswith(_TITLE_ENDINGS) and (
            len(term) >= 5 or bracket in ("<>", "「」") or term.endswith("文件")
            or term.endswith("法") and not term.endswith(_NOT_LAWS)):
        return "title"
    return "term"


def _bracketed(text: str, opener: int, closer: int, inner: tuple[int, int]) -> list[tuple[int, dict]]:
    """Occurrences for a bracket holding CJK: term(s) inside, rendering outside."""
    content = text[inner[0] + 1:inner[1]]
    parts = _split(content)
    han = [p for p in parts if p.kind == "han" and not _RE_DATE.fullmatch(p.text)]
    if not han:
        return []
    term = _repair(han[0].text)
    variants = []
    extra_terms = []
    for p in han[1:]:
        other = _repair(p.text)
        if other == term:
            continue
        if len(other) == len(term) and p.label not in ("lit",) and _same_term(other, term):
            variants.append(other)
        else:
            extra_terms.append((other, p.text))
    bracket = text[inner[0]] + text[inner[1]]
    outer = text[opener] + text[closer]
    abbrev = pinyin = None
    inside_gloss: tuple[str, str] | None = None
    title_gloss = None
    hangul_inside = None
    for p in parts:
        if p.kind == "latin":
            role = _latin_role(p.text, term, p.label)
            if role == "abbrev" and abbrev is None:
                abbrev = p.text
            elif role == "pinyin" and pinyin is None:
                pinyin = p.text
            elif p.label == "title":
                title_gloss = p.text
            elif inside_gloss is None and role in ("translation", "romanization"):
                inside_gloss = (p.text.strip("'\"‘’“”"), role)
        elif p.kind == "hangul" and hangul_inside is None and len(p.text.replace(" ", "")) >= 2:
            hangul_inside = p.text
    kind = _kind_of(term, bracket, title_gloss is not None, content)
    if kind == "term" and text[inner[1] + 1:inner[1] + 2] in "》〉』」>≫" and bracket in ("()", "（）", "[]") \
            and _in_title_bracket(text, inner[0], inner[1]):
        kind = "title"
    gloss: str | None = None
    gloss_kind: str | None = None
    before = _text_before(text, opener)
    after = text[closer + 1:closer + 120]
    korean = _is_korean_context(before, after)
    if title_gloss:
        gloss, gloss_kind = title_gloss, "translation"
    elif kind == "other" and len(term) > 8:
        gloss, gloss_kind = None, None
    elif korean:
        gloss, gloss_kind, pin = _korean_gloss(before, term, after)
        if gloss is None and hangul_inside:
            gloss, gloss_kind = hangul_inside, _korean_kind(hangul_inside, term)
        if gloss and len(term) == 1 and gloss_kind == "hangul":
            kind = "other"
    else:
        gloss, gloss_kind, pin = _english_gloss(before, term, after)
        if pin and not pinyin:
            pinyin = pin
    if gloss is None and inside_gloss is not None:
        gloss, gloss_kind = inside_gloss
    if gloss is None and not korean:
        m = _RE_NEXT_BRACKET.match(after)
        if m and m.group(1).strip():  # 「共同富裕」 (common prosperity)
            gloss = _clean_gloss(m.group(1))
            gloss_kind = _with_kind(gloss, term, "")[1]
    if gloss is None and hangul_inside:
        gloss, gloss_kind = hangul_inside, _korean_kind(hangul_inside, term)
    if kind == "term" and gloss and term.endswith("法") and not term.endswith(_NOT_LAWS) \
            and (gloss.endswith("법") or _RE_LAW.search(gloss)):
        kind = "title"  # a law named as such: Law on Deputies (代表法), 데이터 보안법(數據安全法)
    if korean and gloss_kind == "translation" and kind == "term" and gloss and gloss.endswith("다") \
            and len(term) >= 5:
        kind = "other"  # a quoted sentence: '청년이 강하면 나라가 강하다(青年強則國家強)'
    term_at = max(text.find(han[0].text, inner[0]), inner[0])
    if extra_terms and len(extra_terms) + 1 == len(han):
        found = _parallel(text, inner, before, after, han, korean, outer)
        if found:
            return found
        whole = content.strip(" '\"‘’“”")
        if all(p.kind == "han" for p in parts) and all(len(p.text) >= 3 for p in han) \
                and _RE_COUPLET.fullmatch(whole):
            # One slogan in two halves with one rendering: (以史爲鑑, 面向未來).
            term, extra_terms, kind = _repair(whole), [], "other"
    fields = dict(term=term, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev, pinyin=pinyin,
                  variants=tuple(variants), kind=kind, bracket=bracket if kind == "title" else outer)
    found = [(term_at, fields)]
    for other, written in extra_terms:
        at = text.find(written, inner[0], inner[1])
        found.append((at if at != -1 else term_at, dict(term=other, kind=_kind_of(other, bracket, False),
                                                        bracket=outer)))
    return found


def _same_term(a: str, b: str) -> bool:
    """Two script forms of one term (两会/兩會), not two terms (碳達峰·碳中和)."""
    from glossary.normalize import merge_key

    return merge_key(a) == merge_key(b)


def _parallel(text: str, inner: tuple[int, int], before: str, after: str, han: list[_Part], korean: bool,
              bracket: str) -> list[tuple[int, dict]]:
    """Several terms in one bracket with as many renderings before it.

    '탄소 정점·탄소 중립(碳達峰·碳中和)': each term gets its own rendering.
    """
    pieces = re.split(r"\s*[·・/]\s*|\s*,\s*(?:and\s+)?|\s+and\s+", before.rstrip())
    if len(pieces) < len(han):
        return []
    pieces = pieces[-len(han):]
    found = []
    pos = inner[0]
    for k, (part, piece) in enumerate(zip(han, pieces)):
        term = _repair(part.text)
        if k == 0:
            gloss, gloss_kind, _ = (_korean_gloss if korean else _english_gloss)(piece, term, "")
        else:
            gloss = _clean_gloss(piece) if not korean else piece.strip()
            gloss_kind = _korean_kind(gloss, term) if korean else _with_kind(gloss, term, "")[1]
        pos = text.find(part.text, pos)
        found.append((pos, dict(term=term, gloss=gloss, gloss_kind=gloss_kind, kind=_kind_of(term, "()", False),
                                bracket=bracket)))
    return found


def _in_title_bracket(text: str, opener: int, closer: int) -> bool:
    """Whether a bracket sits inside a title bracket: 『시진핑 국정운영을 말하다(習近平談治國理政)』."""
    outer = _enclosing(text, opener)
    return outer != -1 and text[outer] in "《〈『「<≪" and text[closer + 1:closer + 2] == PAIRS[text[outer]]


def _glossed_after(text: str, start: int, end: int) -> tuple[list[tuple[int, dict]], int]:
    """A CJK run outside brackets: keep it when a rendering follows it.

    ``以旧换新 (trade-in)``, ``以舊換新(이구환신)``, ``雙循環·이중순환``.
    """
    j = end
    while j < len(text) and text[j] in " \u3000":
        j += 1
    if j >= len(text):
        return [], end
    term = _repair(text[start:end])
    ch = text[j]
    if ch in "·・" and j + 1 < len(text) and "\uac00" <= text[j + 1] <= "\ud7a3":
        m = re.match(rf"[{_HANGUL}]+(?:\s[{_HANGUL}]+)*", text[j + 1:j + 60])
        words = m.group().split() if m else []
        gloss = _korean_words_after(words, len(term))
        if not gloss:
            return [], end
        return [(start, dict(term=term, gloss=gloss, gloss_kind=_korean_kind(gloss, term),
                             kind="term", bracket="·"))], j + 1 + len(gloss)
    if ch not in "([（［":
        return [], end
    closer = _closing(text, j)
    if closer == -1:
        return [], end
    content = text[j + 1:closer]
    if _HAN_CHAR.search(content) or not content.strip():
        return [], end
    parts = _split(content)
    gloss = gloss_kind = abbrev = pinyin = None
    for p in parts:
        if p.kind == "latin":
            role = _latin_role(p.text, term, p.label)
            if role == "abbrev" and abbrev is None:
                abbrev = p.text
            elif role == "pinyin" and pinyin is None:
                pinyin = p.text
            elif gloss is None and role in ("translation", "romanization"):
                gloss, gloss_kind = _clean_gloss(p.text), role
        elif p.kind == "hangul" and gloss is None:
            gloss, gloss_kind = p.text, _korean_kind(p.text, term)
    if gloss is None and pinyin:
        gloss, gloss_kind = pinyin, "pinyin"
    if gloss is None and abbrev is None:
        return [], end
    bracket = text[j] + text[closer]
    return [(start, dict(term=term, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev, pinyin=pinyin,
                         kind=_kind_of(term, bracket, False), bracket=bracket))], closer + 1


def _clean_gloss(text: str) -> str:
    text = re.sub(r"^(?:lit\.|literally|i\.e\.,?|meaning|or)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = text.strip(" '\"“”‘’.,;:")
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an") and not any(w.lower() in _HARD for w in words):
        text = text[len(words[0]):].lstrip()  # but a quoted clause keeps it: "the East is rising ..."
    return text


# --- reading matchers, behind cheap per-term prefilters -------------------------
#
# The matchers of glossary.readings are exact but slow (they run pypinyin and
# the hanja table); a rendering candidate is first checked against a profile
# of the term (possible first letters, length range), computed once per term,
# so that nearly every English phrase is turned down without calling them.

_UNMARK = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüŏŭ", "aaaaeeeeiiiioooouuuuvvvvvou")


_NOT_LETTER = re.compile("[^a-z]+")


def _letters(text: str) -> str:
    return _NOT_LETTER.sub("", text.lower().translate(_UNMARK))


@cache
def _pinyin_profile(term: str) -> tuple[frozenset[str], int, int]:
    from pypinyin import Style, pinyin

    options = pinyin(term, style=Style.NORMAL, heteronym=True, errors=lambda chars: [["?"] for _ in chars])
    firsts = frozenset(o[:1].replace("ü", "v") for o in options[0]) if options else frozenset()
    lo = sum(min(len(o) for o in opts) for opts in options)
    hi = sum(max(len(o) for o in opts) for opts in options)
    return firsts, lo, hi


@lru_cache(maxsize=65536)
def _maybe_pinyin(latin: str, term: str) -> bool:
    letters = _letters(latin)
    if not letters or not latin.replace("-", " ").replace("'", " ").replace("’", " ").replace(" ", "").isalpha():
        return False
    firsts, lo, hi = _pinyin_profile(term)
    if letters[0] not in firsts or not lo <= len(letters) <= hi:
        return False
    from glossary.readings import is_pinyin

    return is_pinyin(latin, term)


#: Latin letters a romanised syllable may start with, by initial consonant.
_ROMAN_FIRST = ["gk", "kg", "n", "dt", "td", "rln", "m", "bp", "pb", "s", "s", "aeiouwy", "jc", "jt", "cj", "k",
                "t", "p", "h"]


@cache
def _roman_profile(term: str) -> tuple[str, int]:
    reading = _reading(term)
    code = ord(reading[0]) - 0xAC00 if reading else -1
    if not 0 <= code < 11172:
        return "", 0
    return _ROMAN_FIRST[code // 588], len(reading)


@lru_cache(maxsize=65536)
def _maybe_romanization(latin: str, term: str) -> bool:
    letters = _letters(latin)
    firsts, n = _roman_profile(term)
    if not letters or not firsts or letters[0] not in firsts or not 2 * n - 1 <= len(letters) <= 7 * n:
        return False
    from glossary.readings import romanization_matches

    return romanization_matches(latin, term)


@lru_cache(maxsize=65536)
def _maybe_reading(hangul: str, term: str) -> bool:
    if len(hangul.replace(" ", "")) != len(term):
        return False
    from glossary.readings import is_hangul_reading

    return is_hangul_reading(hangul, term)


# --- the rendering beside the bracket -----------------------------------------------


def _text_before(text: str, opener: int) -> str:
    """The text before a bracket, within its paragraph.

    A line break inside a sentence (wrapped or PDF text) becomes a space; one
    after a short line (a heading, a table row) becomes a tab, a hard stop.
    """
    lo = max(0, opener - 200)
    chunk = text[lo:opener]
    para = chunk.rfind("\n\n")
    if para != -1:
        chunk = chunk[para + 2:]
    if "\n" not in chunk:
        return chunk
    lines = chunk.split("\n")
    out = lines[0]
    for prev, line in zip(lines, lines[1:]):
        short = len(prev.strip()) < 40 and not prev.rstrip().endswith((",", "-")) or "\t" in prev
        out += ("\t" if short or prev.rstrip().endswith((".", ":", "!", "?")) else " ") + line
    return out


def _is_korean_context(before: str, after: str) -> bool:
    tail = before.rstrip(" '\"‘’“”「『")
    if tail:
        ch = tail[-1]
        if "\uac00" <= ch <= "\ud7a3":
            return True
        if ch.isascii() and ch.isalnum():
            return False
    head = after.lstrip(" '\"‘’“”」』")
    return bool(head) and "\uac00" <= head[0] <= "\ud7a3" and not re.match(r"\s", after[:1] or "x")


@cache
def _reading(term: str) -> str:
    from glossary.readings import hangul_reading

    return hangul_reading(term)


def _syllables(hangul: str) -> list[tuple[int, int, int] | None]:
    """(initial, vowel, final) of each hangul syllable; None for anything else."""
    out: list[tuple[int, int, int] | None] = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        out.append((code // 588, (code % 588) // 28, code % 28) if 0 <= code < 11172 else None)
    return out


def _same_syllable(a: tuple[int, int, int] | None, b: tuple[int, int, int] | None) -> bool:
    """Equal syllables, or equal but for the initial sound law (ㄹ/ㄴ/ㅇ: 력/역, 녀/여)."""
    if a is None or b is None:
        return a is b
    return a == b or (a[1:] == b[1:] and a[0] in (2, 5, 11) and b[0] in (2, 5, 11))


#: Common hanja with a second (or third) reading that reading tables often miss.
_OTHER_READINGS = {
    "更": "경갱", "不": "불부", "樂": "락낙악요", "率": "률율솔", "北": "북배", "金": "금김", "復": "복부",
    "行": "행항", "說": "설세열", "度": "도탁", "讀": "독두", "易": "역이", "惡": "악오", "便": "편변",
    "車": "거차", "見": "견현", "切": "절체", "參": "참삼", "殺": "살쇄", "狀": "상장", "洞": "동통",
    "宅": "택댁", "省": "성생", "識": "식지", "索": "색삭", "塞": "색새", "數": "수삭", "暴": "폭포",
    "拓": "척탁", "宿": "숙수", "降": "강항", "茶": "다차", "布": "포보", "則": "칙즉", "沈": "침심",
    "推": "추퇴", "畫": "화획", "差": "차치", "糖": "당탕", "怒": "노로", "泌": "비필",
}


def _near_reading(hangul: str, term: str) -> bool:
    """The reading, with a second reading for one hanzi the reading table lacks.

    설비 갱신 for 設備更新 (更 경/갱) is still the reading.
    """
    syllables = hangul.replace(" ", "")
    if len(syllables) != len(term) or not any(ch in _OTHER_READINGS for ch in term):
        return False
    reading = _reading(term)
    if len(reading) != len(term):
        return False
    for i, (a, b) in enumerate(zip(_syllables(syllables), _syllables(reading))):
        if not _same_syllable(a, b) and syllables[i] not in _OTHER_READINGS.get(term[i], ""):
            return False
    return True


def _korean_kind(hangul: str, term: str) -> str:
    """What a hangul rendering is: the reading, a transcription or a translation."""
    if _maybe_reading(hangul, term) or _near_reading(hangul, term):
        return "hangul"
    if _is_transcription(hangul, term):
        return "transcription"
    return "translation"


def _korean_gloss(before: str, term: str, after: str) -> tuple[str | None, str | None, None]:
    """Hangul rendering before a bracket in a Korean text."""

    quoted = _quoted_before(before, after)
    if quoted:
        quoted = _trim_quoted_korean(quoted, term)
        return quoted, _korean_kind(quoted, term), None
    tail = before.rstrip()
    m = _RE_KO_WORDS.search(tail[-80:])
    if not m or (len(tail) != len(before) and len(term) == 1):
        return None, None, None
    words = m.group().split()
    n = len(term)
    # A reading: as many syllables as the term has hanzi, spacing ignored.
    joined = ""
    for k in range(1, len(words) + 1):
        span = " ".join(words[-k:])
        joined = words[-k] + joined
        if len(joined) >= n:
            if len(joined) == n and (_maybe_reading(span, term) or _near_reading(span, term)):
                return span, "hangul", None
            if len(joined) > n and _maybe_reading(joined[-n:], term) and k == 1:
                return joined[-n:], "hangul", None
            break
    if _is_transcription(words[-1], term):
        return words[-1], "transcription", None
    if len(words) >= 2 and _is_transcription("".join(words[-2:]), term):
        return " ".join(words[-2:]), "transcription", None
    # A translation: back over words while the rendering is shorter than the
    # term, or while a word matches the reading of the first hanzi (중국의 꿈).
    first = _reading(term[0]) if term else ""
    # A rendering that starts with the reading of the first hanzi, within the
    # clause: '인민의 더 나은 삶에 대한 동경(人民對美好生活的嚮往)'.
    for k in range(2, len(words) + 1):
        word = words[-k]
        if len(word) >= 3 and word.endswith(("이", "가", "은", "는", "을", "를")) or word.endswith(("다", "고", "며")):
            break
        if first and _same_start(word, first) and sum(map(len, words[-k:])) <= 3 * n:
            return " ".join(words[-k:]), _korean_kind(" ".join(words[-k:]), term), None
    take = 1
    total = len(words[-1])
    for k in range(2, min(4, len(words)) + 1):
        word = words[-k]
        if first and _same_start(word, first) and word.endswith("의"):
            take = k
            break
        if total < n and not word.endswith(_KO_BREAK) and word not in _KO_APPOSITION \
                or _RE_KO_ORDINAL.fullmatch(word):
            take = k
            total += len(word)
            continue
        break
    span = " ".join(words[-take:])
    return span, _korean_kind(span, term), None


def _trim_quoted_korean(quoted: str, term: str) -> str:
    """Cut a quoted clause to the words that render the term.

    "대만 문제는 중국의 핵심 이익 중의 핵심(核心利益中的核心)": from the word that
    starts with the reading of the first hanzi (핵심); failing that, after the
    first topic or subject word ("한중 관계는 이사할 수 없는 이웃").
    """
    words = quoted.split()
    if len(words) <= 2 or not term:
        return quoted
    topic = next((k for k, w in enumerate(words[:-1]) if len(w) >= 3 and w.endswith(("은", "는"))), None)
    if topic is None:
        return quoted  # a phrase, not a clause: '늑대 전사 외교(戰狼外交)'
    first = _reading(term[0])
    if first and _same_start(words[0], first):
        return quoted  # the clause renders the whole term: '애국자가 다스리는 홍콩(愛國者治港)'
    for k in range(topic + 1, len(words)):
        if first and _same_start(words[k], first):
            return " ".join(words[k:])
    return " ".join(words[topic + 1:])


def _same_start(word: str, reading: str) -> bool:
    return bool(word) and bool(reading) and _same_syllable(_syllables(word[0])[0], _syllables(reading[0])[0])


def _korean_words_after(words: list[str], n: int) -> str:
    out: list[str] = []
    total = 0
    for word in words[:4]:
        if total >= n:
            break
        out.append(word)
        total += len(word)
    if out:
        last = out[-1]
        for particle in _PARTICLES:
            if last.endswith(particle) and len(last) - len(particle) >= 2:
                out[-1] = last[: -len(particle)]
                break
    return " ".join(out)


# Initial consonants of a hangul transcription for each pinyin initial
# (국립국어원 외래어 표기법, Chinese): index into ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ.
_PINYIN_INITIAL = {
    "zh": "ㅈㅉ", "ch": "ㅊ", "sh": "ㅅㅆ", "b": "ㅂㅃ", "p": "ㅍ", "m": "ㅁ", "f": "ㅍㅎ", "d": "ㄷㄸ", "t": "ㅌ",
    "n": "ㄴ", "l": "ㄹㄴ", "g": "ㄱㄲ", "k": "ㅋ", "h": "ㅎ", "j": "ㅈㅉ", "q": "ㅊ", "x": "ㅅㅆ", "r": "ㄹㅇ",
    "z": "ㅉㅈ", "c": "ㅊㅉ", "s": "ㅆㅅ", "y": "ㅇ", "w": "ㅇ", "": "ㅇ",
}
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


@cache
def _pinyin_initials(term: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    out = []
    for syl in pinyin(term, style=Style.NORMAL):
        s = syl[0]
        ini = next((i for i in ("zh", "ch", "sh") if s.startswith(i)), s[:1] if s[:1] not in "aeiouv" else "")
        out.append(_PINYIN_INITIAL.get(ini, "ㅇ"))
    return tuple(out)


def _is_transcription(hangul: str, term: str) -> bool:
    """Whether hangul spells the Mandarin sound of the term: 시진핑 for 習近平.

    Each pinyin syllable becomes one hangul syllable starting with the
    matching consonant, optionally followed by one starting with ㅇ (a glide
    or a vowel: 쥬안, 마오).
    """
    syls = [ch for ch in hangul if "\uac00" <= ch <= "\ud7a3"]
    if not syls or len(syls) != len(hangul.replace(" ", "")) or not all(_HAN_CHAR.match(c) for c in term):
        return False
    if not (len(term) <= len(syls) <= 2 * len(term)):
        return False
    initials = [_CHOSEONG[(ord(c) - 0xAC00) // 588] for c in syls]
    wanted = _pinyin_initials(term)
    if len(wanted) != len(term):
        return False

    if _maybe_reading(hangul, term) or _near_reading(hangul, term):
        return False
    if len(term) >= 3 and len(syls) >= 2 and all(
            _same_syllable(a, b) for a, b in zip(_syllables("".join(syls[:2])), _syllables(_reading(term[:2])))):
        return False  # starts with the reading: 중앙후이진 (中央匯金) is half reading, half sound

    def fits(i: int, j: int) -> bool:
        if i == len(wanted):
            return j == len(initials)
        if j >= len(initials) or initials[j] not in wanted[i]:
            return False
        return fits(i + 1, j + 1) or (j + 1 < len(initials) and initials[j + 1] == "ㅇ" and fits(i + 1, j + 2))

    return fits(0, 0)


_OPENING = "“‘\"'«〈《『「<≪"
_CLOSING = "”’\"'»〉》』」>≫"


def _is_apostrophe(text: str, k: int) -> bool:
    return text[k] in "'’" and 0 < k < len(text) - 1 and text[k - 1].isalnum() and text[k + 1].isalnum()


def _opening_quote(tail: str, limit: int = 140) -> int:
    """Offset of the quote or title bracket that opens the words ending ``tail`` (or -1)."""
    lo = max(0, len(tail) - limit)
    for k in range(len(tail) - 1, lo - 1, -1):
        ch = tail[k]
        if ch in "()（）":
            return -1
        if ch in _OPENING or ch in _CLOSING:
            if _is_apostrophe(tail, k) or (ch in "'’" and k > 0 and tail[k - 1] in "sS" and k == len(tail) - 1):
                continue
            if ch in _OPENING and (k == 0 or not tail[k - 1].isalnum()) and k + 1 < len(tail) \
                    and not tail[k + 1].isspace():
                return k
            return -1
    return -1


def _quoted_before(before: str, after: str) -> str | None:
    """Words in quotes (or a title bracket) around or just before the bracket.

    'common prosperity (共同富裕)', “involution” (内卷), 〈… 의견(關於…意見)〉,
    <Data Security Law> (数据安全法); mismatched quotes are accepted.
    """
    tail = before.rstrip()
    head = after.lstrip(" ")
    if tail and tail[-1] in _CLOSING and not _is_apostrophe(tail, len(tail) - 1):
        k = _opening_quote(tail[:-1])
        if k != -1:
            inner = tail[k + 1:-1].strip()
            if inner and len(inner.split()) <= 12:
                return inner
    if head and head[0] in _CLOSING:
        k = _opening_quote(tail)
        if k != -1:
            inner = tail[k + 1:].strip()
            if inner and len(inner.split()) <= 12:
                return inner
    # The "dual circulation" strategy (双循环): quoted words before a generic head noun.
    m = _RE_QUOTE_HEAD.search(tail, max(0, len(tail) - 60))
    if m and m.group(1).lower() in _GENERIC_HEADS:
        k = _opening_quote(tail[:m.start()])
        if k != -1:
            inner = tail[k + 1:m.start()].strip()
            if inner and len(inner.split()) <= 8:
                return inner
    return None


def _english_gloss(before: str, term: str, after: str) -> tuple[str | None, str | None, str | None]:
    """English-side rendering before a bracket: (gloss, gloss_kind, pinyin)."""

    n = len(term)
    quoted = _quoted_before(before, after)
    if quoted:
        gloss = _clean_gloss(quoted)
        return _with_kind(gloss, term, after)
    tokens = [(m.group(), m.start()) for m in _WORD.finditer(before, max(0, len(before) - 130))]
    if not tokens:
        return None, None, None
    # Latin forms of the reading: the last k words spelling pinyin or the Korean
    # reading. Shortest first; stop once longer than any reading of the term.
    letters = 0
    for tok, pos in reversed(tokens):
        if not (tok[0].isalpha() and (tok.isascii() or _TONE_MARKS.search(tok))):
            break
        letters += len(tok)
        if letters > 7 * n:
            break
        if letters >= n:
            span = before[pos:].strip()
            if _maybe_pinyin(span, term):
                return _after_pinyin(span, after, before)
            if _maybe_romanization(span, term):
                gloss, kind, _ = _after_pinyin(span, after)
                return (gloss, kind, None) if kind == "translation" else (span, "romanization", None)
    start = _phrase_start(tokens, n, term)
    if start is None:
        return None, None, None
    start = _trim_by_dictionary(tokens, _extend_by_dictionary(tokens, start, term), term)
    start = _extend_by_head(tokens, start, term)
    end = len(before)
    if start < len(tokens) - 1 and _generic_tail(tokens, term):  # the biomanufacturing sector (生物制造)
        end = tokens[-2][1] + len(tokens[-2][0])
    gloss = before[tokens[start][1]:end].strip().rstrip("'\"“”‘’ ")
    if '"' in gloss or "“" in gloss or "”" in gloss:
        gloss = " ".join(gloss.replace('"', "").replace("“", "").replace("”", "").split())
    gloss = gloss.strip(" ,;:")
    if not gloss or not any(ch.isalpha() for ch in gloss):
        return None, None, None
    return _with_kind(gloss, term, after)


def _with_kind(gloss: str, term: str, after: str) -> tuple[str | None, str | None, str | None]:
    if _maybe_pinyin(gloss, term):
        return _after_pinyin(gloss, after)
    if _maybe_romanization(gloss, term):
        return gloss, "romanization", None
    if _RE_HANGUL.search(gloss):
        return gloss, _korean_kind(gloss, term), None
    return gloss, "translation", None


_AFTER_PINYIN = re.compile(
    r"^\s*[,—–-]?\s*(?:or|meaning|literally|lit\.|i\.e\.,?|that is,?)?\s*[“\"‘']"
    rf"([^”\"’'()\[\]{_HAN}]{{1,80}}?)[.,]?[”\"’']")


_ADVERBS = frozenset("sometimes often usually commonly widely also still now generally variously".split())
_KNOWN_AS = re.compile(r",?\s+(?:known|referred to|rendered)\s+(?:in\s+Chinese\s+)?as\s*$|,?\s+(?:called|dubbed|termed)\s*$")


def _after_pinyin(pinyin: str, after: str, before: str = "") -> tuple[str, str, str | None]:
    """Pinyin beside the bracket, and a translation near it when the text gives one.

    ``tang ping (躺平), or "lying flat."``: the translation follows the bracket;
    ``the trade-in scheme known as yijiu huanxin (以旧换新)``: it precedes the pinyin.
    """
    m = _AFTER_PINYIN.match(after)
    if m:
        return _clean_gloss(m.group(1)), "translation", pinyin
    head = before.rstrip()[: -len(pinyin)] if before.rstrip().endswith(pinyin) else ""
    m = _KNOWN_AS.search(head)
    if m:
        tokens = [(t.group(), t.start()) for t in _WORD.finditer(head, 0, m.start())]
        passive = any(t.lower() in _HARD or t.lower().endswith("ly") or t.lower() in _ADVERBS for t, _ in tokens[-2:])
        start = _phrase_start(tokens, max(2, len(pinyin.split())), "") if tokens and not passive else None
        if start is not None:
            return head[tokens[start][1]:m.start()].strip(" ,"), "translation", pinyin
    return pinyin, "pinyin", pinyin


def _is_capital(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and bool(_RE_ORDINAL.match(tok)))


def _phrase_start(tokens: list[tuple[str, int]], n: int, term: str) -> int | None:
    """Index of the first token of the rendering that ends the token list."""
    last = tokens[-1][0]
    if not (last[0].isalnum()):
        return None
    if last.lower() in _NO_END:
        return None
    allow_digits = any(ch.isdigit() for ch in term) or _numbers_agree(tokens[-3:], term)
    if _RE_ACRONYM_WORD.fullmatch(last) and len(tokens) > 1 and tokens[-2][0][:1].islower() \
            and tokens[-2][0].lower() not in _NO_END:
        return _noun_phrase_start(tokens, n, allow_digits, term)
    if _is_capital(last) or (last[0].isdigit() and allow_digits):
        start = _name_start(tokens, n, allow_digits)
        names = sum(1 for t, _ in tokens[start:] if t[0].isalnum())
        if names < min((n + 1) // 2, 4) and start > 1 and tokens[start - 1][0].lower() in ("the", "of"):
            # A name inside a longer phrase: centenary goal of the People's Liberation Army.
            longer = _noun_phrase_start(tokens, n, allow_digits, term)
            if longer is not None and longer < start:
                return longer
        return start
    return _noun_phrase_start(tokens, n, allow_digits, term)


_CJK_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _numbers_agree(tokens: list[tuple[str, int]], term: str) -> bool:
    """A number before the bracket spells the term's numerals: 1992 Consensus (九二共识)."""
    digits = "".join(ch for ch in term.translate(_CJK_DIGITS) if ch.isdigit())
    return len(digits) >= 2 and any(t.isdigit() and digits in t for t, _ in tokens)


def _possessive(tok: str) -> bool:
    return tok.endswith(("'s", "’s", "s'", "s’"))


def _name_start(tokens: list[tuple[str, int]], n: int, allow_digits: bool) -> int:
    """A capitalised name: Belt and Road Initiative, Two Sessions, Peng Zhen."""
    i = len(tokens) - 1
    start = i
    if tokens[i][0].lower() in _CLAUSE_WORDS:
        return i

    def name_word(k: int) -> bool:
        tok = tokens[k][0]
        if not _is_capital(tok) or not _RE_NAME_WORD.match(tok) or tok.lower() in _CLAUSE_WORDS:
            return False
        if _possessive(tok):  # the People's Bank, National People's Congress; not China's, the EU's
            return tok.lower().replace("’", "'") in _NAME_POSSESSIVES
        return True

    while i > 0:
        prev = tokens[i - 1][0]
        if name_word(i - 1):
            i -= 1
            start = i
            continue
        if prev.isdigit() and allow_digits:
            i -= 1
            start = i
            continue
        if prev == "." and i >= 2 and tokens[i - 2][0] in ("No", "Art", "Vol", "Doc"):
            i -= 2  # Document No. 9
            start = i
            continue
        # Lowercase connectors inside a name: Belt and Road, Thought on Socialism with ... for a New Era.
        k = i - 1
        while k >= 0 and i - k <= 2 and tokens[k][0] in _CONNECTORS:
            k -= 1
        if k < i - 1 and k >= 0 and name_word(k):
            i = k
            start = i
            continue
        break
    # Titles before a personal name: President Xi Jinping -> Xi Jinping.
    names = [t for t, _ in tokens[start:]]
    if n <= 3 and len(names) >= 2:  # Chinese personal names have two or three hanzi
        k = 0
        while k < len(names) - 1 and names[k].lower().rstrip(".") in _HONORIFICS:
            k += 1
        if k and len(names) - k <= 3:
            start += k
    return start


#: Nouns in -ing, not verbs: "early warning system", "social housing".
_ING_NOUNS = frozenset(
    "warning building housing funding training spending lending banking shipping manufacturing marketing planning "
    "financing pricing policing understanding meeting reading offering opening landing setting timing thinking "
    "wellbeing being beijing nanjing chongqing xinjiang qinghai shaoxing kunming harbin".split())
_VERBS = _VERBS - _ING_NOUNS


def _is_verbish_ing(tok: str) -> bool:
    return len(tok) > 5 and tok.lower().endswith("ing") and tok.isalpha() and tok.lower() not in _ING_NOUNS


def _verbish_after_to(tok: str, phrase: list[tuple[str, int]]) -> bool:
    """Whether a word after "to" is a verb (to attract ...), not a noun (to lips and teeth).

    A phrase with "one's" is a verb phrase rendering on its own: hide one's
    capabilities and bide one's time.
    """
    low = tok.lower()
    if any(t.lower() in ("one's", "one’s") for t, _ in phrase):
        return False
    if low in _VERB_STEMS_SET:
        return True
    return tok.islower() and not low.endswith(("s", "tion", "ment", "ness", "ity", "ism", "ance", "ence", "ship"))


def _weight(tok: str) -> int:
    """Content words a token stands for: a compound like whole-process counts twice."""
    return 2 if "-" in tok.strip("-") else 1


def _noun_phrase_start(tokens: list[tuple[str, int]], n: int, allow_digits: bool, term: str = "") -> int | None:
    """A lowercase noun phrase, cut at the first boundary once long enough for the term.

    ``need`` is how many content words a term of ``n`` hanzi usually takes in
    English (one per two hanzi, at most four); determiners, prepositions,
    verbs and possessives end the phrase once it is that long.
    """
    need = min((n + 1) // 2, 4)
    verb_term = term[:2] in _VERB_HEADS
    content = 0
    start = len(tokens) - 1
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i][0]
        low = tok.lower()
        if tok in "\"”" and content < need and i > 0:
            # Quoted words inside the phrase: "appropriately loose" monetary policy.
            k = next((k for k in range(i - 1, max(-1, i - 12), -1) if tokens[k][0] in "\"“"), None)
            if k is not None:
                content += sum(_weight(t) for t, _ in tokens[k + 1:i] if t[0].isalnum())
                start = k + 1
                i = k - 1
                continue
        if not tok[0].isalnum() or any(ch.isdigit() for ch in tok) and not (allow_digits or _RE_ORDINAL.match(tok)) \
                or low in _HARD:
            break
        if low in _SUBORDINATORS:
            break
        if low in ("one's", "one’s"):
            i -= 1
            continue
        if _possessive(tok) and (tok[0].isupper() or content >= need):
            if not (content < need and tok.lower().replace("’", "'") in _NAME_POSSESSIVES):
                break
        if low in _DETERMINERS:
            if content >= need:
                if verb_term and i > 0 and tokens[i - 1][0].lower().endswith("ing") and len(tokens[i - 1][0]) > 4:
                    start = i - 1  # a verb-object term: raising the incomes of low-income groups (提高低收入群体收入)
                break
            i -= 1
            continue
        if low in _PREPOSITIONS:
            if content >= need and not (low == "of" and i > 0 and _is_verbish_ing(tokens[i - 1][0])
                                        and (i < 2 or tokens[i - 2][0].lower() in _DET_PREP)):
                break
            i -= 1
            continue
        if low in ("and", "or"):
            if i > 0 and tokens[i - 1][0] in (",", ";") or i + 1 < len(tokens) and tokens[i + 1][0] in _PREPOSITIONS:
                break  # a list, or coordinated clauses: "in the Gobi desert and by distributed solar"
            i -= 1
            continue
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        before = tokens[i - 1][0].lower() if i > 0 else ""
        if content >= need and before == "to" and _verbish_after_to(tok, tokens[i:]) \
                or content >= min(need, 2) and before in _AUXILIARIES:
            break  # a verb: "to attract new energy vehicle", "is building ultra-high-voltage lines"
        if content >= need and (low.endswith("ed") and len(low) > 4 or low in _COMPARATIVES) \
                and nxt not in _PREPOSITIONS and nxt not in ("and", "or"):
            break  # an adjective that qualifies, not names: "the shortened negative list"
        if content >= min(need, 2) and nxt not in ("and", "or") and (
                low in _VERBS or _is_verbish_ing(tok) or low.endswith(("ed", "ing")) and len(low) > 4 and (
                    low.endswith("ed") or nxt in _DETERMINERS)):
            prev = tokens[i - 1][0].lower() if i > 0 else ""
            if verb_term and low.endswith("ing"):
                start = i  # the gerund renders the verb of the term: banning illegal incomes (取缔非法收入)
                break
            if nxt in _DETERMINERS:
                break  # a verb with its object: "building a modern industrial system"
            if low.endswith("ed") and nxt in _PREPOSITIONS or prev == "to" and low in _VERB_STEMS_SET:
                pass  # a participle or an infinitive inside the phrase: "policies focused on", "plan to boost"
            elif low in _VERBS and not low.endswith(("ing", "ed")):
                if nxt != "to":
                    break  # "prefer domestic circulation", "run by"; but "plan to boost": a noun
            elif not (i == 0 or not prev[:1].isalnum() or prev in _DET_PREP):
                break
        if tok[0].isupper() and content >= need and low in _CLAUSE_WORDS:
            break
        if content >= max(need * 3, 8):
            break
        content += _weight(tok)
        start = i
        i -= 1
    if content == 0:
        return None
    return start


# --- dictionary correspondence: which English words render the term ------------

#: Words CC-CEDICT senses use that say nothing about meaning.
_SENSE_STOP = frozenset(
    "the a an of to and or for in on at by with from as be is are one one's oneself sb sth something somebody "
    "etc abbr bound form literary classifier used esp e.g. i.e. also variant see old archaic".split())
#: Demonyms and their countries match each other: Chinese ~ 中国 (China).
_DEMONYMS = {"chinese": "china", "sino": "china", "korean": "korea", "japanese": "japan", "american": "america",
             "russian": "russia", "taiwanese": "taiwan", "european": "europe", "african": "africa",
             "asian": "asia", "indian": "india", "british": "britain"}
#: Hanzi that join the words of a term and need no English word: 的, 与, 和.
_JOINING_HANZI = frozenset("的之与與和及、，")
#: Qualifiers a writer puts before a rendering that are not part of it (unless the term says so: 新 = new).
_QUALIFIERS = frozenset(
    "new newly revised latest recent current ambitious controversial powerful so-called unofficial sweeping "
    "massive huge tighter stricter looser more further fresh long-awaited much-touted landmark flagship existing "
    "former proposed planned nationwide countrywide updated amended expanded beefed-up vaunted notorious "
    "sprawling fledgling ongoing upcoming renewed same similar other various several many numerous certain own "
    "entire growing rising mounting increasing continued continuing perceived alleged apparent possible potential "
    "eventual rapid strong big large vast broad significant important crucial critical key national local modest "
    "home-grown homegrown official emerging".split())
#: Nouns a writer adds around a rendering (a debt swap programme) that belong to it only when the term says so
#: (战略 strategy, 计划 plan, 工程 project, 制度 system).
_GENERIC_NOUNS = frozenset(
    "sector sectors strategy strategies plan plans programme programmes program programs initiative initiatives "
    "policy policies campaign campaigns project projects system systems drive agenda framework".split())
#: Generic nouns that are part of a set phrase rendering a word of the term: action plan (行动).
_GENERIC_COMPOUNDS = frozenset(("action plan", "action plans", "work plan"))
#: Hanzi that open a term with a preposition or a verb: 为基层减负, 因地制宜.
_LEAD_HANZI = frozenset("为為因以依按据據对對向从從减減扩擴降稳穩促防去补補抓破")
#: Adverbs that may come before a term's verb: 全方位扩大国内需求.
_LEAD_ADVERBS = ("全方位", "全面", "大力", "进一步", "進一步", "持续", "持續", "积极", "積極", "切实", "切實", "着力", "不断", "不斷")
#: Multi-word prepositions that render a leading 因/依/按: according to local conditions (因地制宜).
_LEAD_PREPOSITIONS = frozenset("according due owing thanks".split())
_ADJECTIVE_ENDINGS = ("ous", "ful", "ive", "-growing", "-running", "-standing", "-awaited", "-touted")
_CUT_PREPOSITIONS = frozenset("at to into onto about".split())
_CUT_DETERMINERS = frozenset("a an the its their his her".split())


@lru_cache(maxsize=65536)
def _lemma(word: str) -> str:
    """A crude English lemma for matching against dictionary senses: Subsidies -> subsidy, China's -> china."""
    w = word.lower().replace("’", "'").strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    w = _DEMONYMS.get(w, w)
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "xes", "ches", "shes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        elif w.endswith("ing") and len(w) > 5:
            w = w[:-3]
        elif w.endswith("ed") and len(w) > 5:
            w = w[:-2]
        elif w.endswith("ly") and len(w) > 5:
            w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def _akin(a: str, b: str) -> bool:
    """Two lemmas of one word family: childcare ~ child, reunification ~ reunify, security ~ secure."""
    if a == b:
        return True
    p = 0
    for x, y in zip(a, b):
        if x != y:
            break
        p += 1
    return p >= 6 or p >= 5 and p == min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """English lemmas of a term's dictionary words, in two tiers.

    ``words`` holds the senses of each content word of the term (and of the
    whole term, under key -1); ``chars`` those of its single hanzi, consulted
    only for an English word no whole word matches (single hanzi have many
    senses, and "national" should render 国家安全, not the 国 of 中国).
    Each tier lists (word index, lemma index of its senses); ``cache``
    remembers the answer per English word.
    """

    size: int
    words: tuple[tuple[int, tuple[frozenset, dict]], ...]
    chars: tuple[tuple[int, tuple[frozenset, dict]], ...]
    cache: dict = field(default_factory=dict, compare=False)  # (word, strong) -> keys

    @property
    def segments(self) -> range:
        return range(self.size)

    def keys(self, word: str, strong: bool = False) -> frozenset:
        """Which parts of the term an English word renders (word indexes; a lemma for whole-term senses).

        ``strong``: by the senses of the term's words only, not of its single hanzi.
        """
        found = self.cache.get((word, strong))
        if found is None:
            found = self.cache[word, strong] = self._keys(word, strong)
        return found

    def _keys(self, word: str, strong: bool) -> frozenset:
        if "-" in word.strip("-"):  # involution-style, visa-free: what its parts render
            return frozenset().union(*(self.keys(part, strong) for part in word.split("-") if part))
        lemma = _lemma(word)
        if len(lemma) < 2 or lemma in _SENSE_STOP:
            return frozenset()
        for tier in (self.words,) if strong else (self.words, self.chars):
            found = {("w", lemma) if seg == -1 else seg for seg, index in tier if _in_index(lemma, index)}
            if found:
                return frozenset(found)
        return frozenset()


def _in_index(lemma: str, index: tuple[frozenset, dict]) -> bool:
    short, prefixes = index
    if len(lemma) < 5:
        return lemma in short
    if len(lemma) <= 6 and lemma[:4] in short:  # joint ~ join
        return True
    return any(_akin(lemma, other) for other in prefixes.get(lemma[:5], ()))


@lru_cache(maxsize=16384)
def _word_index(word: str) -> tuple[frozenset, dict]:
    """Lemmas of a word's senses: the short ones, and the longer ones by their first five letters."""
    lemmas = _word_lemmas(word)
    prefixes: dict[str, list[str]] = defaultdict(list)
    for lemma in lemmas:
        if len(lemma) >= 5:
            prefixes[lemma[:5]].append(lemma)
    return frozenset(x for x in lemmas if len(x) < 5), dict(prefixes)


_RE_SENSE_WORD = re.compile(r"[a-z][a-z'’]*")


def _sense_lemmas(senses: Iterable[str]) -> set[str]:
    words = set(_RE_SENSE_WORD.findall("\n".join(senses).lower())) - _SENSE_STOP
    return {_lemma(w) for w in words if len(w) > 1}


@lru_cache(maxsize=16384)
def _word_lemmas(word: str) -> frozenset[str]:
    """English lemmas of the CC-CEDICT senses of one word, and of the words its senses point to (abbr. for 企業)."""
    from glossary.dictionary import lookup_entries

    senses = [sense for entry in lookup_entries(word) for sense in entry.senses if not sense.startswith("CL:")]
    if len(word) == 1:
        senses = senses[:16]  # a hanzi's common senses come first; the rest only add noise
    refs = {ref for ref in _HAN_RUN.findall("\n".join(senses)) if ref != word}
    for ref in list(refs)[:3]:
        senses += [x for entry in lookup_entries(ref)[:2] for x in entry.senses[:6]]
    return frozenset(_sense_lemmas(senses))


@lru_cache(maxsize=8192)
def _sense_text(term: str) -> str:
    """The CC-CEDICT senses of the whole term, lowercased, one per line."""
    from glossary.dictionary import lookup_entries

    return "\n".join(sense for entry in lookup_entries(term) for sense in entry.senses).lower()


@lru_cache(maxsize=8192)
def _lexicon(term: str) -> _Lexicon:
    from glossary.dictionary import segment_words

    words = [w for w in segment_words(term) if _HAN_CHAR.match(w) and w not in _JOINING_HANZI]
    by_word = [(seg, _word_index(w)) for seg, w in enumerate(words)]
    if len(words) > 1:
        by_word.append((-1, _word_index(term)))
    by_char = [(seg, _word_index(ch)) for seg, w in enumerate(words) if len(w) > 1 for ch in w]
    return _Lexicon(len(words), tuple(by_word), tuple(by_char))


def _is_verb(word: str) -> bool:
    """A finite verb or participle that opens a clause: praised, met, added."""
    low = word.lower()
    return low in _VERBS or low in _IRREGULAR_PAST or low.endswith("ed") and len(low) > 4


_IRREGULAR_PAST = frozenset("met told urged sent spent won lost found got began ran drew threw wrote".split())


def _is_qualifier(word: str) -> bool:
    low = word.lower()
    return low in _QUALIFIERS or low in _GENERIC_NOUNS or low.endswith(_ADJECTIVE_ENDINGS) or low.startswith(("un", "non-")) and len(low) > 7


def _trim_by_dictionary(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Move the start of a rendering right past words that do not render the term.

    Three cuts, each kept only when what is left still carries the term:
    a clause before "at a"/"to its" (praised private entrepreneurs at a
    symposium); a conjunct or "X of the" head adding no word of the term that
    the rest lacks (humanoid robots and embodied intelligence); leading
    qualifiers the dictionary does not find in the term (a new nationwide
    childcare subsidy). Quoted spans and capitalised names are left whole.
    """
    span = tokens[start:]
    if len(span) < 2 or any(t in "\"“”" for t, _ in span):
        return start
    words = [t.lower() for t, _ in span]
    if all(t[:1].isupper() or w in _DET_PREP or w in _CONNECTORS or not t[0].isalnum()
           for (t, _), w in zip(span, words)):
        return start  # a name: Five Principles of Peaceful Coexistence
    if not (_is_qualifier(span[0][0]) or any(
            w in ("and", "or", ",") or w in _PREPOSITIONS or w in _CUT_PREPOSITIONS and nxt in _CUT_DETERMINERS
            for w, nxt in zip(words, words[1:]))):
        return start  # nothing to cut: the dictionary is not consulted
    lex = _lexicon(term)
    if not lex.segments:
        return start
    keys = [lex.keys(t) if t[0].isalnum() else frozenset() for t, _ in span]

    def content(i: int) -> bool:
        tok = span[i][0]
        return tok[0].isalnum() and tok.lower() not in _DET_PREP and tok.lower() not in ("and", "or")

    def content_word(tok: str) -> bool:
        return tok.lower() not in _CONNECTORS

    def covered(lo: int, hi: int) -> set:
        out: set = set()
        for k in keys[lo:hi]:
            out |= k
        return out

    cut = 0
    # 1. A clause before a preposition and determiner: "met foreign executives at a roundtable".
    for i in range(len(span) - 2, 0, -1):
        if span[i][0] in _CUT_PREPOSITIONS and span[i + 1][0].lower() in _CUT_DETERMINERS \
                and i + 2 < len(span) and span[i + 2][0][:1].islower() and covered(i + 2, len(span)) \
                and any(_is_verb(t) for t, _ in tokens[max(0, start - 2):start + i]):
            cut = i + 2
            break
    # 2. A conjunct, or a head before "of the", whose words that render the term
    # all recur in the rest: "Party building and ... governance of the Party".
    # A list with one item per hanzi is one rendering (亲诚惠容).
    listed = _RE_HAN_ONLY.fullmatch(term) and 3 <= len(term) == 1 + sum(w in ("and", ",") for w in words)
    strong = [lex.keys(t, strong=True) if k else k for (t, _), k in zip(span, keys)]
    for i in range(len(span) - 1, cut, -1):
        if listed:
            break
        prev = span[i - 1][0].lower()
        boundary = prev in ("and", "or", ",") or prev == "the" and i >= 2 and span[i - 2][0].lower() == "of"
        p = i - 1
        while p > cut and span[p][0].lower() in _DETERMINERS:
            p -= 1
        if span[p][0].lower() in _PREPOSITIONS and content(i) and p > cut and not any(strong[cut:i]) \
                and not (span[i][0][:1].isupper() and span[p - 1][0][:1].isupper()):
            rest = {k for k in covered(i, len(span)) if isinstance(k, int)}
            if len(rest) == lex.size or span[p][0].lower() == "of" and 2 * len(rest) >= lex.size:
                cut = i  # a head the term does not name: mass production of humanoid robots (人形机器人)
                break
        if not boundary:
            continue
        j = i
        while j < len(span) - 1 and span[j][0].lower() in _DETERMINERS:
            j += 1
        if not content(j):
            continue
        if span[j][0][:1].isupper() and i >= 2 and span[i - 2][0][:1].isupper():
            continue  # inside a name: Belt and Road, National Development and Reform Commission
        rest = covered(j, len(span))
        if not rest:
            continue
        lemmas = [_lemma(t) for (t, _), k in zip(span[j:], keys[j:]) if k]
        keys_left = strong[cut:i] if prev in ("and", "or", ",") else keys[cut:i]
        if span[j][0][:1].isupper() and all(t[:1].isupper() for t, _ in span[j:] if t[0].isalnum() and content_word(t)) \
                and not any(t[:1].isupper() for t, _ in span[cut:i]) \
                and 2 * len({k for k in rest if isinstance(k, int)}) >= lex.size:
            cut = j  # lowercase words before a name that renders the term: small groups and the Central Financial Commission
            break
        found = {k for k in rest if isinstance(k, int)}
        # Runs of parts no word renders (具身 of 具身智能 is one run): each needs a word of its own.
        missing = sum(1 for n in range(lex.size) if n not in found and (n == 0 or n - 1 in found))
        spare = sum(1 for n in range(j, len(span)) if content(n) and not keys[n])
        if missing > spare:
            continue  # the rest cannot render the whole term: social ethics reform and anti-corruption (正風反腐)
        if all(any(_akin(_lemma(t), other) for other in lemmas)
               for (t, _), k in zip(span[cut:i], keys_left) if k):
            cut = j
            break
    # 3. Leading qualifiers that the term does not contain.
    while cut < len(span) - 1 and content(cut) and not keys[cut] and span[cut][0][:1].islower():
        rest = covered(cut + 1, len(span))
        if not rest or not _is_qualifier(span[cut][0]):
            break
        if len({k for k in rest if isinstance(k, int)}) < lex.size and span[cut][0].lower() not in _QUALIFIERS \
                and not (span[cut][0].lower() in _GENERIC_NOUNS and sum(map(content, range(cut + 1, len(span)))) >= 2):
            break  # but "project whitelist mechanism (白名单制度)": a generic noun before a rendering of two words  # "comprehensive national security outlook": it may render what the rest lacks
        nxt = cut + 1
        while nxt < len(span) and not content(nxt) and span[nxt][0].lower() not in ("and", "or"):
            nxt += 1
        if nxt >= len(span) or not content(nxt):
            break
        cut = nxt
    if cut == 0:
        return start
    while cut < len(span) and not content(cut):
        cut += 1
    if cut >= len(span):
        return start
    return start + cut


def _extend_by_dictionary(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Move the start of a rendering left over words that render parts of the term it lacks.

    The noun-phrase rules stop at words that look like verbs or at
    possessives; the dictionary shows when they still belong: "joint combat
    readiness patrols (联合战备警巡)", "China's National Security in the New
    Era (新时代的中国国家安全)". A comma list with one item per hanzi is one
    rendering: "amity, sincerity, mutual benefit and inclusiveness (亲诚惠容)".
    """
    if start == 0 or any(t in "\"“”" for t, _ in tokens[start:]):
        return start
    prev = tokens[start - 1][0]
    of = prev == "of" and start >= 2 and tokens[start - 2][0][0].isalpha()
    if not of and (not (prev[0].isalnum() or prev == ",") or prev.lower() in _DET_PREP or prev.lower() in _HARD):
        return start
    if prev == ",":
        return _extend_list(tokens, start, term)
    if tokens[start][0][:1].isupper() and not (_possessive(prev) and prev[:1].isupper()):
        return start  # a name grows only by a possessive: China's National Security in the New Era
    low = prev.lower()
    if low in ("and", "or") or any(ch.isdigit() for ch in prev) and not any(ch.isdigit() for ch in term):
        return start
    verb_term = term[:2] in _VERB_HEADS
    if (low in _VERBS or _is_verb(prev)) and not verb_term and not (
            start >= 2 and tokens[start - 2][0][:1].islower() and tokens[start - 2][0].lower() not in _NO_END
            and not _is_verb(tokens[start - 2][0])):
        return start  # a verb before the rendering, not a word of it: "promotes cross-border data flows"
    lex = _lexicon(term)
    if not lex.segments:
        return start
    have: set = set()
    for tok, _ in tokens[start:]:
        if tok[0].isalnum():
            have |= lex.keys(tok)
    name = tokens[start][0][:1].isupper()
    k = start - 1
    if of:  # the rule of law (法治), strategy of invigorating China ... (科教兴国战略)
        head = tokens[start - 2][0]
        phrase = f"{head} of {tokens[start][0]}".lower()
        if head.lower() in _NO_END or not ({key for key in lex.keys(head, strong=True) if isinstance(key, int)} - have
                                           or phrase in _sense_text(term)):
            return start
        start -= 2
        k = start - 1
        have |= lex.keys(head)
    while k >= 0:
        tok = tokens[k][0]
        low = tok.lower()
        if not tok[0].isalnum() or low in _DET_PREP or low in _HARD or low in _SUBORDINATORS:
            break
        if _possessive(tok) and not (name and tok[:1].isupper()):
            break
        new = {key for key in lex.keys(tok) if isinstance(key, int) and key not in have}
        if not new and not name and k > 0 and tokens[k - 1][0][0].isalpha() and not _possessive(tok) \
                and tokens[k - 1][0].lower() not in _NO_END and tokens[k - 1][0].lower() not in _VERBS \
                and {key for key in lex.keys(tokens[k - 1][0]) if isinstance(key, int)} - have:
            start = k  # one word the dictionary lacks between words of the term: joint combat readiness
            k -= 1
            continue
        if not new or _possessive(tok) and 0 in new:
            break  # "China's Ministry of Commerce (中国商务部)": the country comes first in both languages
        if (low in _VERBS or low in _VERB_STEMS_SET or _is_verbish_ing(tok)) and not verb_term and not (
                k > 0 and tokens[k - 1][0][0].isalnum() and lex.keys(tokens[k - 1][0]) - have - lex.keys(tok)):
            break  # a verb, unless a word of the term precedes it too: "joint combat readiness patrols"
        have |= new
        start = k
        k -= 1
        if name and k >= 1 and tokens[k][0] == "and" and tokens[k - 1][0][:1].isupper() \
                and {key for key in lex.keys(tokens[k - 1][0]) if isinstance(key, int)} - have:
            k -= 1  # The Taiwan Question and China's Reunification ...
    if name and start >= 2 and tokens[start - 1][0] == "The" and tokens[start - 2][0][0].isalnum():
        start -= 1  # a title's article, capitalised in the middle of a sentence
    return start


def _extend_list(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Items of a comma list before the rendering, when the list renders the term item by item."""
    n = len(term)
    span = [t.lower() for t, _ in tokens[start:]]
    if not 3 <= n <= 6 or not _RE_HAN_ONLY.fullmatch(term) or "and" not in span or len(span) > 8:
        return start
    items = 1 + sum(1 for w in span if w in ("and", ","))
    k = start - 1
    first = start
    while k >= 1 and tokens[k][0] == "," and items < n:
        j = k - 1
        words = 0
        while j >= 0 and tokens[j][0][0].isalpha() and tokens[j][0][:1].islower() and words < 3:
            low = tokens[j][0].lower()
            if low in _DET_PREP or low in _HARD or low in _VERBS or low in ("and", "or"):
                break
            words += 1
            j -= 1
        if not words:
            return start
        items += 1
        first = j + 1
        k = j
    if items != n or k >= 0 and tokens[k][0] == ",":
        return start
    return first


def _generic_tail(tokens: list[tuple[str, int]], term: str) -> bool:
    """Whether the last word is a generic noun the term does not render: "debt swap programme (债务置换)".

    Kept when the term has a word or hanzi for it: "One Belt, One Road strategy (一带一路战略)".
    """
    if len(tokens) < 2 or len(term) < 2:
        return False
    last, prev = tokens[-1][0], tokens[-2][0]
    if last not in _GENERIC_NOUNS or not prev[0].isalnum() or prev[:1].isupper() or prev.lower() in _NO_END \
            or f"{prev} {last}".lower() in _GENERIC_COMPOUNDS or any(t in "\"“”" for t, _ in tokens[-8:]):
        return False
    if len(tokens) >= 3 and "-" in prev and tokens[-3][0].lower() in _NO_END:
        return False  # a hyphenated noun keeps its head: the trade-in programme (以旧换新)
    lex = _lexicon(term)
    if not lex.segments or lex.keys(last):
        return False
    # The noun may render a last word of the term nothing else renders: national development strategy (国家发展大局).
    covered = {k for tok, _ in tokens[-6:-1] if tok[0].isalnum() for k in lex.keys(tok)}
    return lex.size - 1 in covered or _ends_with_verb(term)


@lru_cache(maxsize=8192)
def _ends_with_verb(term: str) -> bool:
    """Whether the term's last dictionary word is a verb ("to manufacture" for 制造), so no English noun renders it."""
    from glossary.dictionary import lookup_entries, segment_words

    words = [w for w in segment_words(term) if _HAN_CHAR.match(w) and w not in _JOINING_HANZI]
    if not words:
        return False
    senses = [x for entry in lookup_entries(words[-1]) for x in entry.senses if not x.startswith("CL:")]
    return any(x.startswith("to ") for x in senses[:3])


@lru_cache(maxsize=8192)
def _term_leads_with_verb(term: str) -> bool:
    """Whether the term opens with a verb or preposition (after an adverb): 为基层减负, 全方位扩大国内需求."""
    for adverb in _LEAD_ADVERBS:
        if term.startswith(adverb) and len(term) > len(adverb) + 1:
            term = term[len(adverb):]
            break
    return term[:2] in _VERB_HEADS or term[0] in _LEAD_HANZI


def _extend_by_head(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Move the start left over a head or verb the term names but the noun-phrase rules left out.

    A head before "of (the)"/"for" whose words render parts of the term the
    rest lacks: "second phase of the Korea-China free trade agreement
    (中韩自贸协定第二阶段谈判)"; a verb or preposition when the term opens
    with one: "ease the burden on grassroots cadres (为基层减负)",
    "according to local conditions (因地制宜)".
    """
    if start < 2 or any(t in "\"“”" for t, _ in tokens[start:]):
        return start
    j = start - 1
    if tokens[j][0].lower() == "the" and tokens[j - 1][0] == "of":
        j -= 1
    head = tokens[j][0] in ("of", "for")
    if not head and not _term_leads_with_verb(term):
        return start  # nothing to look up: the common case
    lex = _lexicon(term)
    if not lex.segments:
        return start
    if head:
        have = {k for t, _ in tokens[start:] if t[0].isalnum() for k in lex.keys(t) if isinstance(k, int)}
        run = []
        k = j - 1
        while k >= 0 and len(run) < 4:
            tok = tokens[k][0]
            low = tok.lower()
            if not tok[0].isalpha() or not tok[:1].islower() or low in _NO_END or low in _SUBORDINATORS \
                    or (_is_verb(tok) or low in _VERBS) and not (k == j - 1 and low.isalpha() and not low.endswith("ed")):
                break
            run.append(k)
            k -= 1
        first = None
        for k in run:
            if {x for x in lex.keys(tokens[k][0], strong=True) if isinstance(x, int)} - have:
                first = k
        if first is not None:
            return first
    if not _term_leads_with_verb(term):
        return start
    prev = tokens[start - 1][0].lower()
    if prev == "to" and start >= 2 and tokens[start - 2][0].lower() in _LEAD_PREPOSITIONS:
        return start - 2  # according to local conditions (因地制宜)
    j = start - 1 if prev in ("the", "a", "an") else start
    if j >= 2:
        verb = tokens[j - 1][0]
        low = verb.lower()
        if verb.isalpha() and verb.islower() and low not in _NO_END and not low.endswith(("ed", "ing")) \
                and (tokens[j - 2][0].lower() == "to" or lex.keys(verb, strong=True)):
            return j - 1  # to ease the burden on grassroots cadres (为基层减负), and expand domestic demand
    return start
