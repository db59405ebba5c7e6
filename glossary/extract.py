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
   the term; in Korean, the hangul words before the bracket, sized by the
   hanja reading when they are a reading;
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
from dataclasses import dataclass, replace
from functools import cache

from glossary.model import Occurrence, Source

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u3007"
#: The prefilter: the only regex run over the whole text.
_HAN_RUN = re.compile(f"[{_HAN}]+")
_HAN_CHAR = re.compile(f"[{_HAN}]")
_HANGUL = "\uac00-\ud7a3"

OPENERS = "([<（《〈「『【［〔｛{"
CLOSERS = ")]>）》〉」』】］〕｝}"
PAIRS = dict(zip(OPENERS, CLOSERS))
_CLOSE_TO_OPEN = dict(zip(CLOSERS, OPENERS))

#: How far to look around a run for its bracket, and for the rendering.
_REACH = 400

#: Endings of Chinese document, law and book names.
_TITLE_ENDINGS = (
    "決定", "决定", "決議", "决议", "意見", "意见", "通知", "條例", "条例", "法", "規劃", "规划", "綱要", "纲要",
    "報告", "报告", "白皮書", "白皮书", "公報", "公报", "辦法", "办法", "規定", "规定", "方案", "計劃", "计划",
    "宣言", "章程", "協定", "协定", "聲明", "声明", "指引", "細則", "细则", "選集", "选集", "文選", "文选",
)

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
_CLAUSE_WORDS = frozenset(
    "when while after before but and or if although though since because where how why so then yet once "
    "as at in on of for by with from to into under over amid despite during following unlike like whether "
    "however meanwhile moreover furthermore thus hence also still even only now today yesterday last next "
    "this that these those the a an its their his her our my your it we they he she i you".split())
#: Verbs that often stand right before a rendering in reports ("invoked new
#: quality productive forces"); with their inflections they end a noun phrase.
_VERB_STEMS = (
    "adopt advance advocate aim announce boost build call champion cite coin combat create cut deepen "
    "describe develop embrace emphasize emphasise encourage endorse enforce ensure establish expand foster "
    "highlight hail implement improve introduce invoke keep launch lead list mention name note outline "
    "pledge pursue push promise promote propose put raise reaffirm refer reiterate release repeat replace "
    "revive sell set share stress strengthen support tout underline underscore unveil urge use vow want widen "
    "invest issue welcome warn reject oppose praise criticize criticise label term dub call"
).split()
_VERBS = frozenset(
    w for stem in _VERB_STEMS
    for w in (stem, stem + "s", stem + "es", stem + "d", stem + "ed", stem[:-1] + "ed" if stem.endswith("e") else stem + "ed",
              stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else stem + "ing")
) | frozenset("built kept led set put sold cut made make makes making went go goes gave give gives took take takes "
              "sought seek seeks held hold holds brought bring brings saw see sees".split())
#: Generic heads after a quoted rendering: the "dual circulation" strategy.
_GENERIC_HEADS = frozenset(
    "strategy policy policies initiative campaign concept slogan principle principles theory programme program "
    "plan model movement project idea phenomenon approach doctrine formula vision agenda line framework "
    "drive narrative discourse era".split())
_HONORIFICS = frozenset(
    "president premier chairman chairwoman secretary general minister vice mr mr. ms ms. mrs mrs. dr dr. "
    "professor prof prof. comrade director ambassador spokesperson spokesman governor mayor former late "
    "foreign defense defence state councilor leader party chief".split())
_ABBREV_DOTS = frozenset("u.s mr ms mrs dr st no vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec "
                         "prof gen lt col inc ltd co corp u.n u.k e.u".split())

_WORD = re.compile(r"[^\W_]+(?:[-'’.&][^\W_]+)*['’]?|[^\w\s]|\t", re.UNICODE)
_QUOTES_OPEN = "“‘\"'«「『"
_QUOTES_CLOSE = "”’\"'»」』"
_QUOTE_MATCH = {"”": "“", "’": "‘", '"': '"', "'": "'", "»": "«"}

# Korean particles and endings that close a word after a rendering.
_PARTICLES = ("에서는", "에서", "으로", "이라는", "라는", "이라", "에게", "까지", "부터", "처럼", "보다",
              "은", "는", "이", "가", "을", "를", "에", "의", "와", "과", "로", "도", "만", "란", "이란")
_KO_BREAK = ("은", "는", "이", "가", "을", "를", "에", "와", "과", "로", "도", "며", "고", "다", "서", "한", "된", "인", "던")


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
    done = 0
    for match in _HAN_RUN.finditer(text):
        start, end = match.span()
        if start < done:
            continue
        found, done = _analyse(text, start, end)
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


_SENTENCE_END = re.compile(r"(?:[.!?](?=[\"”’')\]]*\s)|[。！？]|\n\s*\n|\t)")


def _is_sentence_end(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "。！？\t":
        return True
    if ch == "\n":
        return True
    if ch == ".":
        word = re.search(r"([\w.]+)$", text[max(0, i - 12):i])
        if word and (word.group(1).lower() in _ABBREV_DOTS or len(word.group(1)) == 1):
            return False
        nxt = text[i + 1:i + 4].lstrip("\"”’') ]")
        return not nxt or not nxt[0].islower()
    return True


def _sentence(text: str, pos: int) -> str:
    """The sentence around ``pos``: within its paragraph, cut at sentence ends."""
    lo = max(0, pos - 600)
    hi = min(len(text), pos + 600)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, pos):
        if m.group().startswith("\n") or _is_sentence_end(text, m.start()):
            start = m.end()
    line_start = text.rfind("\n", lo, pos)
    if line_start >= start and _line_break_is_hard(text, line_start):
        start = line_start + 1
    end = hi
    for m in _SENTENCE_END.finditer(text, pos, hi):
        if m.group().startswith("\n") or _is_sentence_end(text, m.start()):
            end = m.end() if m.group()[0] in ".!?。！？" else m.start()
            break
    line_end = text.find("\n", pos, end)
    if line_end != -1 and _line_break_is_hard(text, line_end):
        end = line_end
    return " ".join(text[start:end].split())


def _line_break_is_hard(text: str, i: int) -> bool:
    """A line break ends a sentence unless the text is wrapped mid-sentence (PDF)."""
    before = text[max(0, i - 1):i]
    after = text[i + 1:i + 2]
    return not (before and after and (before.isalnum() or before in ",-") and (after.isalnum() or after in "(（"))


# --- finding the bracket ------------------------------------------------------


def _enclosing(text: str, start: int) -> int:
    """Offset of the innermost unclosed opener left of ``start`` (or -1)."""
    pending: list[str] = []
    lo = max(0, start - _REACH)
    i = start - 1
    while i >= lo:
        ch = text[i]
        if ch == "\n" and i > 0 and text[i - 1] == "\n":
            return -1
        if ch in _CLOSE_TO_OPEN:
            if ch == ">" and i > 0 and text[i - 1] in "-=":
                i -= 1
                continue
            pending.append(_CLOSE_TO_OPEN[ch])
        elif ch in PAIRS:
            if pending:
                if pending[-1] == ch:
                    pending.pop()
                elif ch in "<《〈「『【":  # an unmatched opener of another kind: skip it
                    pass
                else:
                    pending.pop()
            else:
                return i
        i -= 1
    return -1


def _closing(text: str, opener: int) -> int:
    """Offset of the closer matching ``text[opener]`` (or -1)."""
    want = PAIRS[text[opener]]
    depth = 0
    hi = min(len(text), opener + _REACH)
    open_ch = text[opener]
    i = opener + 1
    while i < hi:
        ch = text[i]
        if ch == "\n" and text[i + 1:i + 2] == "\n":
            return -1
        if ch == open_ch:
            depth += 1
        elif ch == want:
            if depth == 0:
                return i
            depth -= 1
        elif ch in CLOSERS and ch not in ">》〉」』】" and depth == 0 and open_ch not in "<《〈「『【":
            return -1  # a closer of another kind: the bracket is malformed
        i += 1
    return -1


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
        term = re.sub(rf"(?<=[{_HAN}、，])\s+(?=[{_HAN}、，])", "", term)
    return term


def _split(content: str) -> list[_Part]:
    """Split a bracket's content into labelled, script-typed parts."""
    content = content.strip()
    # Nested brackets inside the content become separators: 中國共產黨(中共).
    content = re.sub(r"[()\[\]（）［］]", ",", content)
    content = re.sub(r"[《》〈〉「」『』【】<>]", "", content)
    title = re.match(rf"^([A-Za-z][^{_HAN}:：]*?)\s*[:：]\s*(.*[{_HAN}].*)$", content, re.DOTALL)
    if title and len(title.group(1).split()) > 1 and not _LABEL.match(title.group(1) + " "):
        return [_Part("latin", title.group(1).strip(), "title")] + _split(title.group(2))
    parts: list[_Part] = []
    for field in re.split(r"\s*[;；|]\s*", content):
        for piece in re.split(r"\s*(?:,|，(?![^，]*[{_HAN}]{6})|/|／)\s*(?=\S)".replace("{_HAN}", _HAN), field):
            label = ""
            m = _LABEL.match(piece)
            if m:
                label = m.group("label").lower().rstrip(".:")
                piece = piece[m.end():]
            parts.extend(_typed(piece.strip(), label))
    return [p for p in parts if p.text]


_SEGMENT = re.compile(
    rf"(?P<han>[{_HAN}](?:[{_HAN}、，〇\d\s]*[{_HAN}])?\+?)"
    rf"|(?P<hangul>[{_HANGUL}](?:[{_HANGUL}\s]*[{_HANGUL}])?)"
    r"|(?P<latin>[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ0-9\s'’\-.&]*[A-Za-zÀ-ɏ0-9.])?)"
    r"|(?P<digits>\d+)"
)


def _typed(piece: str, label: str) -> list[_Part]:
    piece = piece.strip(" \t\n'\"“”‘’.·・:")
    if not piece:
        return []
    if label in ("lit", "literally", "meaning", "i.e", "english"):
        return [_Part("latin", piece, "lit")]
    parts = []
    for piece2 in re.split(r"\s*[·・]\s*", piece):
        for m in _SEGMENT.finditer(piece2):
            parts.append(_Part(m.lastgroup or "", m.group().strip(), label))
    return parts


def _latin_role(text: str, term: str, label: str) -> str:
    """What a Latin part of a bracket is: abbrev, pinyin, romanization or translation."""
    from glossary.readings import is_pinyin, romanization_matches

    if label in ("lit", "title"):
        return "translation"
    if label == "pinyin" or _TONE_MARKS.search(text):
        return "pinyin"
    if _ACRONYM.match(text) and " " not in text:
        return "abbrev"
    if term and is_pinyin(text, term):
        return "pinyin"
    if term and romanization_matches(text, term):
        return "romanization"
    return "translation"


def _kind_of(term: str, bracket: str, has_latin_title: bool, content: str = "") -> str:
    if bracket in ("《》", "〈〉", "『』") or has_latin_title:
        return "title"
    if re.search("[，。！？；：]", content or term) or len(term) > 20:
        return "other"
    if len(term) >= 4 and term.endswith(_TITLE_ENDINGS) and (len(term) >= 5 or bracket in ("<>", "「」")):
        return "title"
    return "term"


def _bracketed(text: str, opener: int, closer: int, inner: tuple[int, int]) -> list[tuple[int, dict]]:
    """Occurrences for a bracket holding CJK: term(s) inside, rendering outside."""
    content = text[inner[0] + 1:inner[1]]
    parts = _split(content)
    han = [p for p in parts if p.kind == "han"]
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
            extra_terms.append(other)
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
    if kind == "term" and bracket in ("()", "（）", "[]") and _in_title_bracket(text, inner[0], inner[1]):
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
    if gloss is None and hangul_inside:
        gloss, gloss_kind = hangul_inside, _korean_kind(hangul_inside, term)
    if korean and gloss_kind == "translation" and kind == "term" and gloss and gloss.endswith("다") \
            and len(term) >= 5:
        kind = "other"  # a quoted sentence: '청년이 강하면 나라가 강하다(青年強則國家強)'
    term_at = text.find(han[0].text, inner[0])
    if extra_terms and len(extra_terms) + 1 == len(han):
        found = _parallel(text, inner, before, after, han, korean, outer)
        if found:
            return found
    fields = dict(term=term, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev, pinyin=pinyin,
                  variants=tuple(variants), kind=kind, bracket=bracket if kind == "title" else outer)
    found = [(term_at, fields)]
    for other in extra_terms:
        found.append((term_at, dict(term=other, kind=_kind_of(other, bracket, False), bracket=outer)))
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
    return outer != -1 and text[outer] in "《〈『「<" and text[closer + 1:closer + 2] == PAIRS[text[outer]]


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
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE) if len(text.split()) > 1 else text
    return text


# --- the rendering beside the bracket -----------------------------------------------


def _text_before(text: str, opener: int) -> str:
    """The text before a bracket, within its paragraph.

    A line break inside a sentence (wrapped or PDF text) becomes a space; one
    after a short line (a heading, a table row) becomes a tab, a hard stop.
    """
    lo = max(0, opener - 300)
    chunk = text[lo:opener]
    para = chunk.rfind("\n\n")
    if para != -1:
        chunk = chunk[para + 2:]
    if "\n" not in chunk:
        return chunk
    lines = chunk.split("\n")
    out = lines[0]
    for prev, line in zip(lines, lines[1:]):
        short = len(prev.strip()) < 40 and not prev.rstrip().endswith((",", "-"))
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


def _korean_kind(hangul: str, term: str) -> str:
    from glossary.readings import is_hangul_reading

    if is_hangul_reading(hangul, term):
        return "hangul"
    if _is_transcription(hangul, term):
        return "transcription"
    return "translation"


def _korean_gloss(before: str, term: str, after: str) -> tuple[str | None, str | None, None]:
    """Hangul rendering before a bracket in a Korean text."""
    from glossary.readings import is_hangul_reading

    quoted = _quoted_before(before, after)
    if quoted:
        return quoted, _korean_kind(quoted, term), None
    tail = before.rstrip()
    m = re.search(rf"(?:[{_HANGUL}0-9]+\s+){{0,5}}[0-9]*[{_HANGUL}]+$", tail)
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
            if len(joined) == n and is_hangul_reading(span, term):
                return span, "hangul", None
            if len(joined) > n and is_hangul_reading(joined[-n:], term) and k == 1:
                return joined[-n:], "hangul", None
            break
    if _is_transcription(words[-1], term):
        return words[-1], "transcription", None
    if len(words) >= 2 and _is_transcription("".join(words[-2:]), term):
        return " ".join(words[-2:]), "transcription", None
    # A translation: back over words while the rendering is shorter than the
    # term, or while a word matches the reading of the first hanzi (중국의 꿈).
    first = _reading(term[0]) if term else ""
    take = 1
    total = len(words[-1])
    for k in range(2, min(4, len(words)) + 1):
        word = words[-k]
        if first and _same_start(word, first) and word.endswith("의"):
            take = k
            break
        if total < n and not word.endswith(_KO_BREAK) or re.fullmatch(r"제\d+[차기회]", word):
            take = k
            total += len(word)
            continue
        break
    span = " ".join(words[-take:])
    return span, _korean_kind(span, term), None


def _same_start(word: str, reading: str) -> bool:
    from glossary.readings import is_hangul_reading

    return bool(word) and bool(reading) and (word[0] == reading[0] or is_hangul_reading(word[0], reading))


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
    from glossary.readings import is_hangul_reading

    if is_hangul_reading(hangul, term):
        return False

    def fits(i: int, j: int) -> bool:
        if i == len(wanted):
            return j == len(initials)
        if j >= len(initials) or initials[j] not in wanted[i]:
            return False
        return fits(i + 1, j + 1) or (j + 1 < len(initials) and initials[j + 1] == "ㅇ" and fits(i + 1, j + 2))

    return fits(0, 0)


_OPENING = "“‘\"'«〈《『「<"
_CLOSING = "”’\"'»〉》』」>"
_TITLE_CLOSE = {"〉": "〈", "》": "《", "』": "『", "」": "「", ">": "<"}


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
    m = re.search(r"[”’\"'»]\s+([A-Za-z]+)$", tail)
    if m and m.group(1).lower() in _GENERIC_HEADS:
        k = _opening_quote(tail[:m.start()])
        if k != -1:
            inner = tail[k + 1:m.start()].strip()
            if inner and len(inner.split()) <= 8:
                return inner
    return None


def _english_gloss(before: str, term: str, after: str) -> tuple[str | None, str | None, str | None]:
    """English-side rendering before a bracket: (gloss, gloss_kind, pinyin)."""
    from glossary.readings import is_pinyin, romanization_matches

    n = len(term)
    quoted = _quoted_before(before, after)
    if quoted:
        gloss = _clean_gloss(quoted)
        return _with_kind(gloss, term, after)
    tokens = [(m.group(), m.start()) for m in _WORD.finditer(before[-250:])]
    offset = len(before) - len(before[-250:])
    if not tokens:
        return None, None, None
    # Latin forms of the reading: the last k words spelling pinyin or the Korean reading.
    words: list[tuple[str, int]] = []
    for tok, pos in reversed(tokens):
        if not (tok[0].isalpha() and tok.isascii() or _TONE_MARKS.search(tok)):
            break
        words.insert(0, (tok, pos))
        if len(words) > n + 1:
            break
    for k in range(len(words), 0, -1):
        span = before[offset + words[-k][1]:].strip()
        if is_pinyin(span, term):
            return _after_pinyin(span, after)
        if romanization_matches(span, term):
            return span, "romanization", None
    start = _phrase_start(tokens, n, term)
    if start is None:
        return None, None, None
    gloss = before[offset + tokens[start][1]:].strip().rstrip("'\"“”‘’ ")
    gloss = gloss.strip(" ,;:")
    if not gloss or not any(ch.isalpha() for ch in gloss):
        return None, None, None
    return _with_kind(gloss, term, after)


def _with_kind(gloss: str, term: str, after: str) -> tuple[str | None, str | None, str | None]:
    from glossary.readings import is_pinyin, romanization_matches

    if is_pinyin(gloss, term):
        return _after_pinyin(gloss, after)
    if romanization_matches(gloss, term):
        return gloss, "romanization", None
    if re.search(f"[{_HANGUL}]", gloss):
        return gloss, _korean_kind(gloss, term), None
    return gloss, "translation", None


_AFTER_PINYIN = re.compile(
    r"^\s*[,—–-]?\s*(?:or|meaning|literally|lit\.|i\.e\.,?|that is,?)?\s*[“\"‘']([^”\"’']{1,80}?)[.,]?[”\"’']")


def _after_pinyin(pinyin: str, after: str) -> tuple[str, str, str | None]:
    """``tang ping (躺平), or "lying flat."``: the translation follows the bracket."""
    m = _AFTER_PINYIN.match(after)
    if m:
        return _clean_gloss(m.group(1)), "translation", pinyin
    return pinyin, "pinyin", pinyin


def _is_capital(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and bool(re.match(r"\d+(st|nd|rd|th)$", tok)))


def _phrase_start(tokens: list[tuple[str, int]], n: int, term: str) -> int | None:
    """Index of the first token of the rendering that ends the token list."""
    last = tokens[-1][0]
    if not (last[0].isalnum()):
        return None
    if last.lower() in _DETERMINERS | _PREPOSITIONS | _HARD | {"and", "or"}:
        return None
    allow_digits = any(ch.isdigit() for ch in term)
    if re.fullmatch(r"[A-Z0-9]{2,6}s?", last) and len(tokens) > 1 and tokens[-2][0][:1].islower() \
            and tokens[-2][0].lower() not in _DETERMINERS | _PREPOSITIONS | _HARD:
        return _noun_phrase_start(tokens, n, allow_digits)
    if _is_capital(last) or (last[0].isdigit() and allow_digits):
        return _name_start(tokens, n, allow_digits)
    return _noun_phrase_start(tokens, n, allow_digits)


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
        if not _is_capital(tok) or not re.match(r"^[\w\-.&'’]+$", tok) or tok.lower() in _CLAUSE_WORDS:
            return False
        if _possessive(tok):  # the People's Bank, National People's Congress; not China's
            before = tokens[k - 1][0] if k > 0 else ""
            return before.lower() == "the" or (_is_capital(before) and before.lower() not in _CLAUSE_WORDS
                                               and not _possessive(before))
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
    if n <= 4 and len(names) >= 2:
        k = 0
        while k < len(names) - 1 and names[k].lower().rstrip(".") in _HONORIFICS:
            k += 1
        if k and len(names) - k <= 3:
            start += k
    return start


def _is_verbish_ing(tok: str) -> bool:
    return len(tok) > 5 and tok.lower().endswith("ing") and tok.isalpha()


def _weight(tok: str) -> int:
    """Content words a token stands for: a compound like whole-process counts twice."""
    return 2 if "-" in tok.strip("-") else 1


def _noun_phrase_start(tokens: list[tuple[str, int]], n: int, allow_digits: bool) -> int | None:
    """A lowercase noun phrase, cut at the first boundary once long enough for the term.

    ``need`` is how many content words a term of ``n`` hanzi usually takes in
    English (one per two hanzi, at most four); determiners, prepositions,
    verbs and possessives end the phrase once it is that long.
    """
    need = min((n + 1) // 2, 4)
    content = 0
    start = len(tokens) - 1
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i][0]
        low = tok.lower()
        if not tok[0].isalnum() or any(ch.isdigit() for ch in tok) and not allow_digits or low in _HARD:
            break
        if low in ("one's", "one’s"):
            i -= 1
            continue
        if _possessive(tok) and (tok[0].isupper() or content >= need):
            break
        if low in _DETERMINERS:
            if content >= need:
                break
            i -= 1
            continue
        if low in _PREPOSITIONS:
            if content >= need and not (low == "of" and i > 0 and _is_verbish_ing(tokens[i - 1][0])
                                        and (i < 2 or tokens[i - 2][0].lower() in _DETERMINERS | _PREPOSITIONS)):
                break
            i -= 1
            continue
        if low in ("and", "or"):
            if i > 0 and tokens[i - 1][0] in (",", ";"):
                break
            i -= 1
            continue
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        if content >= min(need, 2) and nxt not in ("and", "or") and (
                low in _VERBS or _is_verbish_ing(tok) or low.endswith("ed") and len(low) > 4):
            prev = tokens[i - 1][0].lower() if i > 0 else ""
            if low.endswith("ed") and nxt in _PREPOSITIONS:
                pass  # a participle inside the phrase: "policies focused on people's livelihoods"
            elif nxt in _DETERMINERS or (low in _VERBS and not low.endswith(("ing", "ed"))):
                break  # a verb with its object: "building a modern industrial system"
            elif not (i == 0 or not prev[:1].isalnum() or prev in _DETERMINERS | _PREPOSITIONS):
                break
        if tok[0].isupper() and content >= need and low in _CLAUSE_WORDS | _DETERMINERS:
            break
        if content >= max(need * 3, 8):
            break
        content += _weight(tok)
        start = i
        i -= 1
    if content == 0:
        return None
    return start
