"""Korean renderings of a term, and the Korean term a translator should paste.

Input: the term's occurrences, its curated block (if any) and its
:class:`~glossary.model.KoreanReading` (strict reading, transcription of a
name, the rule that chose them). Output: a tuple of
:class:`~glossary.model.Rendering` with ``kind`` set, most trusted first,
exactly as English renderings are kept (:mod:`glossary.glosses`):

1. ``curated``       -- ``ko`` then ``ko_alt`` from ``terms.yaml``;
2. ``context``       -- hangul met beside the term in Korean texts: the hanja
   reading (kind ``reading``), a Korean translation (``translation``), the
   transcription of a name (``transcription``); quotes and a particle after
   them trimmed, variants differing only by spacing merged (the most frequent
   spacing kept), term-like renderings before clause-like paraphrases, then
   most frequent first;
3. ``transcription`` -- the Mandarin-to-hangul form of a name (외래어 표기법);
4. ``reading``       -- the strict Sino-Korean character reading; left out of
   a Chinese title or clause, whose character reading is not Korean.

:func:`preferred_korean` then picks ``Entry.ko``: curated ``ko`` > the most
frequent attested rendering (term-like first) > the transcription of a modern
person or current place > the reading; "" (and a note saying why) for a title
or clause that no text renders.

Hand-written: no library knows how Korean writers gloss Chinese terms; the
particle and ending lists below are the closed classes of Korean grammar
that matter here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from glossary.model import KoreanReading, Occurrence, Rendering, Term

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Compiled once: nospace runs several times per term and rendering, and re.sub's own cache lookup was most of it.
_SPACES = re.compile(r"\s+")
_QUOTES = "\"'“”‘’«»「」『』《》〈〉<>`´"
_CLOSING = "\"'”’»」』》〉>"
_OPENING = "\"'“‘«「『《〈<"
_NO_QUOTES = str.maketrans("", "", _QUOTES)
# Case particles and the quoting -이라는/-라는 that follow a quoted rendering:
# '신질 생산력'을, “중국의 꿈”이라는. Longest first, so 으로 is not read as 로.
_PARTICLES = (
    "이라는", "에서는", "으로는", "이라고", "라는", "라고", "에서", "으로", "에게", "에는", "와는", "과는",
    "을", "를", "이", "가", "은", "는", "의", "에", "로", "와", "과", "도", "만", "란", "이란",
)
_AFTER_QUOTE = re.compile(
    "[" + re.escape(_CLOSING) + "](?:" + "|".join(sorted(map(re.escape, _PARTICLES), key=len, reverse=True)) + r")?\s*$"
)
# Endings of verbs and sentences: a rendering ending so is a paraphrase, not a
# term (부자가 되어라, 함께 잘사는). Nouns rarely end in these syllable pairs, or in
# 는 (an adnominal or topic ending) after another syllable.
_CLAUSE_ENDINGS = re.compile(
    r"(?:하다|한다|된다|되다|이다|는다|어라|아라|여라|하라|하자|하고|하며|하여|해야|하는|되는|있는|없는|"
    r"라는|다는|하기|되기|합니다|입니다|습니다|세요|었다|았다|였다|[\uac00-\ud7a3]는)$"
)
# An object particle closing a word inside the rendering: the rendering is a
# verb phrase (새로운 질적 생산력을 촉진). A one-syllable stem before 을 is a
# noun (마을, 가을), not an object.
_INNER_OBJECT = re.compile(r"[\uac00-\ud7a3]{2}(?:을|를)\s")
_CLAUSE_WORDS = 5  # a rendering of this many words or more is a paraphrase


def nospace(text: str) -> str:
    """The form Korean renderings are merged on: no whitespace.

    >>> nospace("신질 생산력") == nospace("신질생산력")
    True
    """
    return _SPACES.sub("", text)


def is_korean(text: str | None) -> bool:
    """True when a rendering is Korean: it holds hangul.

    >>> is_korean("중국의 꿈"), is_korean("Two Sessions"), is_korean(None)
    (True, False, False)
    """
    return bool(text) and bool(_HANGUL.search(text))


def korean_text(gloss: str) -> str:
    """A Korean rendering as a term base holds it: no quotes, no particle after them, single spaces.

    When the rendering ends in a quoted span, the span is the term (이른바
    '내권' -> 내권: writers quote exactly the term). Digits and the middle
    dot stay (20차 당대회, 14·5 규획).

    >>> korean_text("'신질 생산력'을"), korean_text("“중국의 꿈”이라는"), korean_text("14·5  규획")
    ('신질 생산력', '중국의 꿈', '14·5 규획')
    >>> korean_text("이른바 ‘내권’이"), korean_text("‘신품질’ 생산력")
    ('내권', '신품질 생산력')
    """
    text, previous = gloss.strip(), None
    while text != previous:  # nested quotes: “‘쌍순환’”이
        previous = text
        match = _AFTER_QUOTE.search(text)
        if match and match.start() > 0:  # a closing quote, maybe a particle, and nothing after
            text = text[: match.start()]
            opening = max(text.rfind(q) for q in _OPENING)
            if opening > 0 and is_korean(text[opening + 1 :]):
                text = text[opening + 1 :]  # the quoted span is the term
        text = text.strip()
    text = text.translate(_NO_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def is_clause(text: str) -> bool:
    """True for a paraphrase (a verb phrase, a sentence), False for a term-like rendering.

    >>> is_clause("부자가 되어라"), is_clause("새로운 질적 생산력을 촉진"), is_clause("중국의 꿈")
    (True, True, False)
    """
    return bool(
        _CLAUSE_ENDINGS.search(text) or _INNER_OBJECT.search(text) or len(text.split()) >= _CLAUSE_WORDS
    )


def rendering_kind(text: str, reading: KoreanReading, gloss_kind: str | None = None) -> str | None:
    """What a Korean rendering is: ``reading``, ``transcription`` or ``translation``.

    The rendering itself decides first (the strict reading, the transcription
    of the name); then what the extractor saw (``gloss_kind``).

    >>> r = KoreanReading("시진핑", "습근평", "시진핑", "name:modern")
    >>> rendering_kind("습근평", r), rendering_kind("시진핑", r, "translation"), rendering_kind("국가주석", r)
    ('reading', 'transcription', None)
    """
    key = nospace(text)
    if reading.ko_hanja and key == nospace(reading.ko_hanja):
        return "reading"
    if reading.transcription and key == nospace(reading.transcription):
        return "transcription"
    if gloss_kind == "hangul":
        return "reading"  # read by the writer, in the usage of Korean (인류운명공동체)
    if gloss_kind in ("transcription", "name", "romanization"):
        return "transcription"
    if gloss_kind == "translation":
        return "translation"
    return None


# Administrative units Korean writers add to a transcribed place name when the
# bracket holds the bare name: 헤이룽장성(黑龍江), 후저우시(湖州).
_UNITS = {"성": "省", "시": "市", "구": "區区", "현": "縣县", "진": "鎮镇", "향": "鄕鄉乡", "주": "州", "군": "郡"}


def _trim_extra(text: str, trad: str, reading: KoreanReading) -> str:
    """The reading or transcription itself when the writer's text adds to it.

    What is added is a particle (이구환신을), an administrative unit the
    hanja lacks (헤이룽장성 for 黑龍江), whole words after it (시진핑
    국가주석, 이구환신 정책), or a place before it (중국 국무원, 저장한나 for
    漢納): the bracket glosses only the form it equals.

    >>> r = KoreanReading("헤이룽장", "흑룡강", "헤이룽장", "name:modern")
    >>> _trim_extra("헤이룽장성", "黑龍江", r), _trim_extra("흑룡강을", "黑龍江", r), _trim_extra("흑룡강성", "黑龍江省", r)
    ('헤이룽장', '흑룡강', '흑룡강성')
    >>> _trim_extra("헤이룽장 지역", "黑龍江", r)
    '헤이룽장'
    """
    forms = [f for f in (reading.ko_hanja, reading.transcription, reading.ko) if f]
    for form in forms:
        if text == form:
            return text
        if text.startswith(form):
            extra = text[len(form) :]
            if extra in _PARTICLES or (extra in _UNITS and trad[-1:] not in _UNITS[extra]) or extra[:1].isspace():
                return form
        before = text[: -len(form)] if text.endswith(form) else ""
        if len(form) >= 2 and before and (before[-1].isspace() or _HANGUL.match(before[-1])):
            # A place or company before the name (저장한나 for 漢納, 중국 국무원 for 國務院)
            return form
    return text


def context_korean(occurrences: Iterable[Occurrence], reading: KoreanReading) -> tuple[Rendering, ...]:
    """Korean renderings met beside a term, merged on spacing and counted.

    Term-like renderings come before clause-like paraphrases, then the most
    frequent first; each keeps the spacing most writers used (on a tie, the
    spaced form, as Korean spelling spaces words).

    >>> occ = [Occurrence("新質生産力", f, 1, gloss=g, gloss_kind="translation")
    ...        for f, g in (("a", "'신질 생산력'을"), ("b", "신질생산력"), ("c", "신질 생산력"))]
    >>> [(r.text, r.count, r.kind) for r in context_korean(occ, KoreanReading("신질생산력", "신질생산력"))]
    [('신질 생산력', 3, 'reading')]
    """
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    documents: dict[str, set[str]] = defaultdict(set)
    first_seen: dict[str, int] = {}
    for i, occ in enumerate(occurrences):
        if not is_korean(occ.gloss):
            continue
        text = _trim_extra(korean_text(occ.gloss), occ.term, reading)
        if not is_korean(text):
            continue
        key = nospace(text)
        forms[key][text] += 1
        kind = rendering_kind(text, reading, occ.gloss_kind)
        if kind:
            kinds[key][kind] += 1
        documents[key].add(occ.source)
        first_seen.setdefault(key, i)

    def label(spellings: Counter[str]) -> str:
        return max(spellings, key=lambda t: (spellings[t], t.count(" "), -len(t)))

    # The standard forms, the engine's preferred first: for a modern name the
    # official transcription, for a term its reading.
    standard = list(dict.fromkeys(nospace(f) for f in (reading.ko, reading.transcription, reading.ko_hanja) if f))

    def order(key: str) -> tuple[bool, int, int, int]:
        # On equal counts the standard form goes first: 추스 over 치우스 for 求是.
        rank = standard.index(key) if key in standard else len(standard)
        return (is_clause(label(forms[key])), -sum(forms[key].values()), rank, first_seen[key])

    return tuple(
        Rendering(
            label(forms[k]),
            "context",
            count=sum(forms[k].values()),
            documents=tuple(sorted(documents[k])),
            kind=kinds[k].most_common(1)[0][0] if kinds[k] else None,
        )
        for k in sorted(forms, key=order)
    )


def korean_renderings(
    term: Term | None, occurrences: Iterable[Occurrence], reading: KoreanReading, *, clause: bool = False
) -> tuple[Rendering, ...]:
    """Every Korean rendering of a term, most trusted first, without duplicates.

    ``clause`` leaves the character reading out (a Chinese title or clause).
    The same rendering from a less trusted source is evidence, not a second
    rendering: it is kept once, naming the other sources in ``also``.

    >>> r = KoreanReading("시진핑", "습근평", "시진핑", "name:modern")
    >>> occ = [Occurrence("習近平", "a", 1, gloss="시진핑", gloss_kind="transcription")]
    >>> [(x.text, x.source, x.also, x.kind) for x in korean_renderings(None, occ, r)]
    [('시진핑', 'context', ('transcription',), 'transcription'), ('습근평', 'reading', (), 'reading')]
    """
    out: list[Rendering] = []
    if term is not None:
        for text in (term.ko, *term.ko_alt) if term.ko else term.ko_alt:
            out.append(Rendering(text, "curated", kind=rendering_kind(text, reading)))
    out.extend(context_korean(occurrences, reading))
    if reading.transcription:
        out.append(Rendering(reading.transcription, "transcription", kind="transcription"))
    if reading.ko and reading.ko != reading.transcription and not clause:
        # the engine's reading in Korean usage when it is not the strict one (운명공동체 for 命運共同體)
        out.append(Rendering(reading.ko, "reading", kind="translation" if reading.rule == "term:usage" else "reading"))
    if reading.ko_hanja and not clause:
        out.append(Rendering(reading.ko_hanja, "reading", kind="reading"))
    unique: dict[str, Rendering] = {}
    for rendering in out:
        key = nospace(rendering.text)
        kept = unique.setdefault(key, rendering)
        if kept is rendering:
            continue
        also = kept.also if rendering.source in (kept.source, *kept.also) else (*kept.also, rendering.source)
        if rendering.source == "context":
            documents = tuple(sorted({*kept.documents, *rendering.documents}))
            kept = replace(kept, count=kept.count + rendering.count, documents=documents, kind=kept.kind or rendering.kind)
        unique[key] = replace(kept, also=also)
    return tuple(unique.values())


def preferred_korean(
    term: Term | None, renderings: tuple[Rendering, ...], reading: KoreanReading, *, clause: bool = False
) -> tuple[str, str | None]:
    """``Entry.ko`` and where it comes from (a source of KO_RENDERING_SOURCES, or None for "").

    Curated ``ko`` > the most frequent rendering the texts attest (term-like
    over clause-like) > the reading engine's ``ko``: the transcription of a
    modern person or current place, else the character reading; "" for a
    title or clause no text renders.

    >>> r = KoreanReading("시진핑", "습근평", "시진핑", "name:modern")
    >>> preferred_korean(None, korean_renderings(None, [], r), r)
    ('시진핑', 'transcription')
    """
    if term is not None and term.ko:
        return term.ko, "curated"
    attested = [r for r in renderings if r.count and (r.source == "context" or "context" in r.also)]
    if attested:
        # ``renderings`` is in trust order, ties already broken toward the standard form
        best = min(enumerate(attested), key=lambda ir: (is_clause(ir[1].text), -ir[1].count, ir[0]))[1]
        return best.text, "context"
    if clause or not reading.ko:
        return "", None
    # The engine's ``ko``: the transcription of a modern person or current
    # place (name:modern), else the reading as Korean writers print it.
    if reading.transcription and nospace(reading.ko) == nospace(reading.transcription):
        return reading.ko, "transcription"
    return reading.ko, "reading"


def ko_source(ko: str, renderings: Iterable[Rendering]) -> str | None:
    """Where an entry's ``ko`` comes from: the source of the rendering it is, or None.

    >>> ko_source("양회", [Rendering("양회", "context", 2, also=("reading",))])
    'context'
    """
    key = nospace(ko)
    for rendering in renderings:
        if key and nospace(rendering.text) == key:
            return rendering.source
    return None
