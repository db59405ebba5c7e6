"""Step 2 and 3 for Korean: the hangul rendering before a bracket, and its span.

A quoted phrase, the reading (as many syllables as hanzi, spacing ignored),
a transcription of the Mandarin sound, or a translation: hangul words back
to a particle or an apposition noun (스타트업 딥시크), sized by the term.
"""

from __future__ import annotations

import re

from glossary.extract.chars import HANGUL, RE_KO_ORDINAL, RE_KO_WORDS
from glossary.extract.quotes import quoted_before
from glossary.extract.sound import is_transcription, korean_kind, maybe_reading, near_reading, reading_of, same_syllable, syllables_of
from glossary.extract.words import PLACE_SUFFIXES, KO_APPOSITION, KO_BREAK, KO_COUNTRIES, PARTICLES


#: The characters a match of RE_KO_WORDS is made of, matched on the reversed text: the run that ends it.
_KO_RUN = re.compile(rf"[{HANGUL}0-9+·\s]*")
_CHUNK = re.compile(r"\S+")


def korean_words_at_end(text: str) -> re.Match | None:
    """``RE_KO_WORDS.search(text)``, the hangul words that end a text, searched only where they can start.

    A match is made of hangul, digits, ``+``, ``·`` and spaces, and holds at
    most six words: it starts in the run of those characters that ends the
    text, at or after the sixth word from its end. Searching from there finds
    the same match; searching the whole text tried every start before it,
    each failing only after backtracking over five words (9 us a bracket).

    >>> korean_words_at_end("그는 말했다. 중국 정부의 새로운 경제 정책 방향과 목표").group()
    '정부의 새로운 경제 정책 방향과 목표'
    """
    start = len(text) - _KO_RUN.match(text[::-1]).end()
    words = [m.start() for m in _CHUNK.finditer(text, start)]
    if len(words) > 6:
        start = words[-6]
    return RE_KO_WORDS.search(text, start)


def korean_gloss(before: str, term: str, after: str) -> tuple[str | None, str | None, None]:
    """Hangul rendering before a bracket in a Korean text."""

    quoted = quoted_before(before, after)
    if quoted:
        quoted = trim_quoted_korean(quoted, term)
        return quoted, korean_kind(quoted, term), None
    tail = before.rstrip()
    m = korean_words_at_end(tail[-80:])
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
            if len(joined) == n and (maybe_reading(span, term) or near_reading(span, term)):
                return span, "hangul", None
            if len(joined) > n and maybe_reading(joined[-n:], term) and k == 1:
                return joined[-n:], "hangul", None
            break
    if is_transcription(words[-1], term):
        return words[-1], "transcription", None
    if len(words) >= 2 and is_transcription("".join(words[-2:]), term):
        return " ".join(words[-2:]), "transcription", None
    if len(words) >= 2 and is_transcription(words[-2], term):
        # (korean, issue 15) a title between the name and its bracket: 딩쉐샹 부총리(丁薛祥)
        return words[-2], "transcription", None
    part = transcribed_part(words[-1], term)
    if part:
        return part, "transcription", None
    # A translation: back over words while the rendering is shorter than the
    # term, or while a word matches the reading of the first hanzi (중국의 꿈).
    first = reading_of(term[0]) if term else ""
    # A rendering that starts with the reading of the first hanzi, within the
    # clause: '인민의 더 나은 삶에 대한 동경(人民對美好生活的嚮往)'.
    for k in range(2, len(words) + 1):
        word = words[-k]
        if len(word) >= 3 and word.endswith(("이", "가", "은", "는", "을", "를")) or word.endswith(("다", "고", "며")):
            break
        if first and same_start(word, first) and sum(map(len, words[-k:])) <= 3 * n:
            return " ".join(words[-k:]), korean_kind(" ".join(words[-k:]), term), None
    take = 1
    total = len(words[-1])
    for k in range(2, min(4, len(words)) + 1):
        word = words[-k]
        if first and same_start(word, first) and word.endswith("의"):
            take = k
            break
        if word in KO_COUNTRIES and not any(ch in term for ch in KO_COUNTRIES[word]):
            break  # 중국 공업정보화부(工業和信息化部): the country is no part of the name
        if total < n and not word.endswith(KO_BREAK) and word not in KO_APPOSITION \
                or RE_KO_ORDINAL.fullmatch(word) or counted_by(word, term):
            take = k
            total += len(word)
            continue
        break
    span = " ".join(words[-take:])
    if total < n:
        span = with_quoted_head(tail, words[-take:]) or span
    return span, korean_kind(span, term), None


#: Closing quotes and the opening quote each one closes.
_QUOTE_PAIRS = {"’": "‘", "”": "“", "'": "'", '"': '"', "」": "「", "』": "『"}


def with_quoted_head(tail: str, words: list[str]) -> str | None:
    """(korean, issue 15) A quoted phrase and the words after it, when the words alone are too short.

    '하나의 중국' 원칙(一個中國原則): the quoted phrase is the rendering's head,
    the noun after it its end; the quotes stay (the entries stage drops them).

    >>> with_quoted_head("중국은 '하나의 중국' 원칙", ["원칙"])
    "'하나의 중국' 원칙"
    >>> with_quoted_head("중국은 하나의 원칙", ["원칙"]) is None
    True
    """
    found = re.search(r"\s+".join(map(re.escape, words)) + r"$", tail)
    if found is None:
        return None
    rest = tail[: found.start()].rstrip()
    opening = _QUOTE_PAIRS.get(rest[-1:])
    if opening is None:
        return None
    start = rest.rfind(opening, max(0, len(rest) - 40), len(rest) - 1)
    if start == -1 or not RE_KO_WORDS.fullmatch(rest[start + 1 : -1].strip()):
        return None
    return rest[start:] + " " + " ".join(words)


#: A count before the rendering (20차, 3기): part of it when the term holds a number too.
_KO_COUNT = re.compile(r"\d+[차기회]")
_NUMBERS = frozenset("0123456789一二三四五六七八九十百千兩〇零")


def counted_by(word: str, term: str) -> bool:
    """(korean, issue 15) Whether ``word`` is the count of a numbered term: 20차 in 20차 당대회(二十大).

    The Korean rendering spells the term's number in digits, so a term of
    three hanzi may take four words' worth of hangul; a count before a term
    with no number in it is not its rendering (3차 회의(會議)).

    >>> counted_by("20차", "二十大"), counted_by("3차", "會議"), counted_by("20년", "二十大")
    (True, False, False)
    """
    return _KO_COUNT.fullmatch(word) is not None and any(ch in _NUMBERS for ch in term)


def trim_quoted_korean(quoted: str, term: str) -> str:
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
    first = reading_of(term[0])
    if first and same_start(words[0], first):
        return quoted  # the clause renders the whole term: '애국자가 다스리는 홍콩(愛國者治港)'
    for k in range(topic + 1, len(words)):
        if first and same_start(words[k], first):
            return " ".join(words[k:])
    return " ".join(words[topic + 1:])


def same_start(word: str, reading: str) -> bool:
    return bool(word) and bool(reading) and same_syllable(syllables_of(word[0])[0], syllables_of(reading[0])[0])


def korean_words_after(words: list[str], n: int) -> str:
    out: list[str] = []
    total = 0
    for word in words[:4]:
        if total >= n:
            break
        out.append(word)
        total += len(word)
    if out:
        last = out[-1]
        for particle in PARTICLES:
            if last.endswith(particle) and len(last) - len(particle) >= 2:
                out[-1] = last[: -len(particle)]
                break
    return " ".join(out)


def transcribed_part(word: str, term: str) -> str | None:
    """The part of a hangul word that transcribes the term, when the word has more.

    A place name with its class noun the term lacks: 헤이룽장성(黑龍江) -> 헤이룽장 (省 is not
    in the hanja); a name inside a compound the bracket annotates only in part:
    저장한나(漢納)신소재 -> 한나.

    >>> transcribed_part("헤이룽장성", "黑龍江"), transcribed_part("저장한나", "漢納"), transcribed_part("양회", "兩會")
    ('헤이룽장', '한나', None)
    """
    n = len(term)
    if len(word) <= n:
        return None
    if word[-1] in PLACE_SUFFIXES and not term.endswith(PLACE_SUFFIXES[word[-1]]) \
            and is_transcription(word[:-1], term):
        return word[:-1]
    for size in range(min(2 * n, len(word) - 2), n - 1, -1):
        if is_transcription(word[-size:], term):
            return word[-size:]
    return None
