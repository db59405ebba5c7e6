"""Signals: does a Latin or hangul span spell the sound of the term?

Pinyin (gongtong fuyu for 共同富裕), a romanised Korean reading (gongdong
buyu), the hangul reading (공동부유) or a hangul transcription of the Mandarin
sound (시진핑 for 習近平). The matchers of :mod:`glossary.readings` are exact but
slow, so each candidate is first checked against a cheap per-term profile
(possible first letters, length range) computed once per term.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from glossary.extract.chars import HAN_CHAR
from glossary.extract.words import CHOSEONG, OTHER_READINGS, PINYIN_INITIAL, ROMAN_FIRST


UNMARK = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüŏŭ", "aaaaeeeeiiiioooouuuuvvvvvou")


NOT_LETTER = re.compile("[^a-z]+")


def letters_of(text: str) -> str:
    return NOT_LETTER.sub("", text.lower().translate(UNMARK))


@cache
def pinyin_profile(term: str) -> tuple[frozenset[str], int, int]:
    from pypinyin import Style, pinyin

    options = pinyin(term, style=Style.NORMAL, heteronym=True, errors=lambda chars: [["?"] for _ in chars])
    firsts = frozenset(o[:1].replace("ü", "v") for o in options[0]) if options else frozenset()
    lo = sum(min(len(o) for o in opts) for opts in options)
    hi = sum(max(len(o) for o in opts) for opts in options)
    return firsts, lo, hi


@lru_cache(maxsize=65536)
def maybe_pinyin(latin: str, term: str) -> bool:
    letters = letters_of(latin)
    if not letters or not latin.replace("-", " ").replace("'", " ").replace("’", " ").replace(" ", "").isalpha():
        return False
    firsts, lo, hi = pinyin_profile(term)
    if letters[0] not in firsts or not lo <= len(letters) <= hi:
        return False
    from glossary.readings import is_pinyin

    return is_pinyin(latin, term)


@cache
def roman_profile(term: str) -> tuple[str, int]:
    reading = reading_of(term)
    code = ord(reading[0]) - 0xAC00 if reading else -1
    if not 0 <= code < 11172:
        return "", 0
    return ROMAN_FIRST[code // 588], len(reading)


@lru_cache(maxsize=65536)
def maybe_romanization(latin: str, term: str) -> bool:
    letters = letters_of(latin)
    firsts, n = roman_profile(term)
    if not letters or not firsts or letters[0] not in firsts or not 2 * n - 1 <= len(letters) <= 7 * n:
        return False
    from glossary.readings import romanization_matches

    return romanization_matches(latin, term)


@lru_cache(maxsize=65536)
def maybe_reading(hangul: str, term: str) -> bool:
    if len(hangul.replace(" ", "")) != len(term):
        return False
    from glossary.readings import is_hangul_reading

    return is_hangul_reading(hangul, term)


@cache
def reading_of(term: str) -> str:
    from glossary.readings import hangul_reading

    return hangul_reading(term)


def syllables_of(hangul: str) -> list[tuple[int, int, int] | None]:
    """(initial, vowel, final) of each hangul syllable; None for anything else."""
    out: list[tuple[int, int, int] | None] = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        out.append((code // 588, (code % 588) // 28, code % 28) if 0 <= code < 11172 else None)
    return out


def same_syllable(a: tuple[int, int, int] | None, b: tuple[int, int, int] | None) -> bool:
    """Equal syllables, or equal but for the initial sound law (ㄹ/ㄴ/ㅇ: 력/역, 녀/여)."""
    if a is None or b is None:
        return a is b
    return a == b or (a[1:] == b[1:] and a[0] in (2, 5, 11) and b[0] in (2, 5, 11))


def near_reading(hangul: str, term: str) -> bool:
    """The reading, with a second reading for one hanzi the reading table lacks.

    설비 갱신 for 設備更新 (更 경/갱) is still the reading.
    """
    syllables = hangul.replace(" ", "")
    if len(syllables) != len(term) or not any(ch in OTHER_READINGS for ch in term):
        return False
    reading = reading_of(term)
    if len(reading) != len(term):
        return False
    for i, (a, b) in enumerate(zip(syllables_of(syllables), syllables_of(reading))):
        if not same_syllable(a, b) and syllables[i] not in OTHER_READINGS.get(term[i], ""):
            return False
    return True


def korean_kind(hangul: str, term: str) -> str:
    """What a hangul rendering is: the reading, a transcription or a translation."""
    if maybe_reading(hangul, term) or near_reading(hangul, term):
        return "hangul"
    if is_transcription(hangul, term):
        return "transcription"
    return "translation"


@cache
def pinyin_initials(term: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    out = []
    for syl in pinyin(term, style=Style.NORMAL):
        s = syl[0]
        ini = next((i for i in ("zh", "ch", "sh") if s.startswith(i)), s[:1] if s[:1] not in "aeiouv" else "")
        out.append(PINYIN_INITIAL.get(ini, "ㅇ"))
    return tuple(out)


def is_transcription(hangul: str, term: str) -> bool:
    """Whether hangul spells the Mandarin sound of the term: 시진핑 for 習近平.

    Each pinyin syllable becomes one hangul syllable starting with the
    matching consonant, optionally followed by one starting with ㅇ (a glide
    or a vowel: 쥬안, 마오).
    """
    syls = [ch for ch in hangul if "\uac00" <= ch <= "\ud7a3"]
    if not syls or len(syls) != len(hangul.replace(" ", "")) or not all(HAN_CHAR.match(c) for c in term):
        return False
    if not (len(term) <= len(syls) <= 2 * len(term)):
        return False
    initials = [CHOSEONG[(ord(c) - 0xAC00) // 588] for c in syls]
    wanted = pinyin_initials(term)
    if len(wanted) != len(term):
        return False

    if maybe_reading(hangul, term) or near_reading(hangul, term):
        return False
    if len(term) >= 3 and len(syls) >= 2 and all(
            same_syllable(a, b) for a, b in zip(syllables_of("".join(syls[:2])), syllables_of(reading_of(term[:2])))):
        return False  # starts with the reading: 중앙후이진 (中央匯金) is half reading, half sound

    def fits(i: int, j: int) -> bool:
        if i == len(wanted):
            return j == len(initials)
        if j >= len(initials) or initials[j] not in wanted[i]:
            return False
        return fits(i + 1, j + 1) or (j + 1 < len(initials) and initials[j + 1] == "ㅇ" and fits(i + 1, j + 2))

    return fits(0, 0)
