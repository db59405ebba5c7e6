"""Signals: does a Latin or hangul span spell the sound of the term?

Pinyin (gongtong fuyu for 共同富裕), a romanised Korean reading (gongdong
buyu), the hangul reading (공동부유) or a hangul transcription of the Mandarin
sound (시진핑 for 習近平). The matchers of :mod:`glossary.readings` are exact but
slow, so each candidate is first checked against a cheap per-term profile
(possible first letters, length range) computed once per term.
"""

from __future__ import annotations

import re
from array import array
from functools import cache, lru_cache
from pathlib import Path

from glossary.extract.chars import HAN_CHAR, RE_HAN_ONLY
from glossary.extract.words import CHOSEONG, OTHER_READINGS, PINYIN_INITIAL, ROMAN_FIRST


#: Memo sizes: per distinct term, and per (text beside a bracket, term). Bounded, so
#: memory stays flat on a corpus of a million distinct terms; a corpus repeats its
#: common terms often and soon, which a bounded memo still catches.
PER_TERM = 16384
PER_SPAN = 8192


UNMARK = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüŏŭ", "aaaaeeeeiiiioooouuuuvvvvvou")


NOT_LETTER = re.compile("[^a-z]+")


#: Every ASCII byte but a-z, deleted from ASCII text by :func:`letters_of`.
_NOT_LETTER_BYTES = bytes(b for b in range(128) if not ord("a") <= b <= ord("z"))


def letters_of(text: str) -> str:
    """The letters a-z of a text, lowercased, tone marks and breves dropped: "Xí Jìnpíng" -> "xijinping".

    ASCII text (most spans beside a bracket) has no marks to drop, and deleting
    bytes is a third of the cost of the regex; both pinyin and romanisation
    checks ask this of every span.
    """
    if text.isascii():
        return text.lower().encode().translate(None, _NOT_LETTER_BYTES).decode()
    return NOT_LETTER.sub("", text.lower().translate(UNMARK))


@lru_cache(maxsize=PER_TERM)
def pinyin_profile(term: str) -> tuple[frozenset[str], int, int]:
    """The first letters the term's pinyin may start with and its length range, from pypinyin's readings."""
    one = only_syllables(term)
    if one is not None:  # what pypinyin would say, without importing it
        return (frozenset({one[0][:1].replace("ü", "v")}) if one else frozenset()), sum(map(len, one)), sum(map(len, one))
    from glossary.readings.pinyin_table import Style, pinyin  # pypinyin's answer, without loading it

    options = pinyin(term, style=Style.NORMAL, heteronym=True, errors=lambda chars: [["?"] for _ in chars])
    firsts = frozenset(o[:1].replace("ü", "v") for o in options[0]) if options else frozenset()
    lo = sum(min(map(len, opts)) for opts in options)
    hi = sum(max(map(len, opts)) for opts in options)
    return firsts, lo, hi


@lru_cache(maxsize=PER_SPAN)
def maybe_pinyin(latin: str, term: str) -> bool:
    letters = letters_of(latin)
    if not letters or not latin.replace("-", " ").replace("'", " ").replace("’", " ").replace(" ", "").isalpha():
        return False
    if not _may_be_pinyin(letters, term) or not _may_spell(latin, term):
        return False  # not even against every reading the characters have: no need for pypinyin
    firsts, lo, hi = pinyin_profile(term)
    if letters[0] not in firsts or not lo <= len(letters) <= hi:
        return False
    known = _known_pinyin(latin, term)
    if known is not None:
        return known
    from glossary.readings import is_pinyin

    return is_pinyin(latin, term)


def _folded_latin(latin: str) -> str:
    from glossary.readings import _fold_latin

    return _fold_latin(latin)


@lru_cache(maxsize=PER_TERM)
def roman_profile(term: str) -> tuple[str, int]:
    reading = reading_of(term)
    code = ord(reading[0]) - 0xAC00 if reading else -1
    if not 0 <= code < 11172:
        return "", 0
    return ROMAN_FIRST[code // 588], len(reading)


#: Every letter a romanised hangul reading keeps once folded (readings._fold_latin: k -> g, t -> d,
#: p -> b, r -> l, e -> o, ch -> j): in RR and McCune-Reischauer, for every syllable and across
#: syllables (tests/test_extract_sound_table.py checks all 11,172 syllables and random words).
ROMAN_LETTERS = frozenset("abdghijlmnosuwy")
#: What folding keeps as it is, so one in the text is one in the folded text (the quick test): the
#: letters f, q, v, x, z, and a c before a letter other than h or at the end (folding turns only ch into j).
#: "policy", "economic": most English words are ruled out without folding them.
_NEVER_ROMAN = re.compile("[fqvxzFQVXZ]|[cC](?:[a-gi-zA-GI-Z]|$)")


@lru_cache(maxsize=PER_SPAN)
def maybe_romanization(latin: str, term: str) -> bool:
    letters = letters_of(latin)
    if not letters:
        return False
    if RE_HAN_ONLY.fullmatch(term) and (_NEVER_ROMAN.search(latin) or not ROMAN_LETTERS.issuperset(_folded_latin(latin))):
        # "policy", "free trade": a letter no romanised reading has (c, f, q, v, x, z once
        # folded), so no reading of the term needs computing. A term of hanzi alone reads as
        # hangul (and unknown hanzi, kept), whose romanisations fold to ROMAN_LETTERS.
        return False
    firsts, n = roman_profile(term)
    if not letters or not firsts or letters[0] not in firsts or not 2 * n - 1 <= len(letters) <= 7 * n:
        return False
    from glossary.readings import romanization_matches

    return romanization_matches(latin, term)


def spells_nothing_longer(latin: str, term: str) -> bool:
    """Whether no longer span ending in ``latin`` can be the term's pinyin or its romanised reading.

    Both tests only get stricter as words are added on the left: the letters
    grow past the longest pinyin of every reading the characters have
    (:func:`_may_be_pinyin`), and a letter no romanised reading keeps stays in
    the span (:data:`_NEVER_ROMAN`, for a term of hanzi alone). So
    :func:`glossary.extract.english.english_gloss` stops looking further left
    once this holds: a third of its spans on a corpus of varied text.

    >>> spells_nothing_longer("new quality productive forces", "新质生产力"), spells_nothing_longer("forces", "新质生产力")
    (True, False)
    """
    if not RE_HAN_ONLY.fullmatch(term) or not _NEVER_ROMAN.search(latin):
        return False
    profile = _possible_profile(term)
    return profile is not None and len(letters_of(latin)) > profile[2]


@lru_cache(maxsize=PER_SPAN)
def maybe_reading(hangul: str, term: str) -> bool:
    if len(hangul.replace(" ", "")) != len(term):
        return False
    from glossary.readings import is_hangul_reading

    return is_hangul_reading(hangul, term)


@lru_cache(maxsize=PER_TERM)
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


def _fits(initials: list[str], wanted: tuple[str, ...], i: int = 0, j: int = 0) -> bool:
    """Whether hangul initials spell, syllable by syllable, consonants allowed for each character.

    From character ``i`` and initial ``j`` on. Recursive at module level: a
    recursive inner function is a reference cycle (it holds the cell that holds
    it), two per call left to the cycle collector.
    """
    if i == len(wanted):
        return j == len(initials)
    if j >= len(initials) or initials[j] not in wanted[i]:
        return False
    return _fits(initials, wanted, i + 1, j + 1) or (
        j + 1 < len(initials) and initials[j + 1] == "ㅇ" and _fits(initials, wanted, i + 1, j + 2))


@cache
def _syllable_table() -> tuple[list[tuple[str, ...]], dict[int, array]]:
    """Character -> every toneless pinyin syllable pypinyin can give it (data/pinyin_syllables.tsv).

    Kept as the list of distinct syllable sets and, per plane of 65,536 code
    points, an array of 2-byte indexes into it (0: not listed): about 0.3 MB,
    where a dict of 42,000 one-character keys takes 7 MB.
    """
    groups: list[tuple[str, ...]] = [()]
    planes: dict[int, array] = {}
    path = Path(__file__).resolve().parent.parent / "data" / "pinyin_syllables.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            syllables, chars = line.split("\t")
            groups.append(tuple(syllables.split()))
            for ch in chars:
                plane = planes.get(ord(ch) >> 16)
                if plane is None:
                    plane = planes[ord(ch) >> 16] = array("H", bytes(2 * 65536))
                plane[ord(ch) & 0xFFFF] = len(groups) - 1
    return groups, planes


def pinyin_syllables_of(ch: str) -> tuple[str, ...]:
    """Every toneless syllable pypinyin may read a character as (平: beng bing pian ping); () if it has none."""
    groups, planes = _syllable_table()
    plane = planes.get(ord(ch) >> 16)
    return groups[plane[ord(ch) & 0xFFFF]] if plane is not None else ()


def _initial(syllable: str) -> str:
    """The hangul consonants a pinyin syllable's initial may be transcribed with (zhong -> ㅈㅉ)."""
    ini = next((i for i in ("zh", "ch", "sh") if syllable.startswith(i)), syllable[:1] if syllable[:1] not in "aeiouv" else "")
    return PINYIN_INITIAL.get(ini, "ㅇ")


def possible_syllables(term: str) -> tuple[tuple[str, ...], ...] | None:
    """Per character, every syllable pypinyin may read it as, alone or in a phrase; None when one is not listed.

    A superset of what :func:`pinyin_profile` and :func:`pinyin_initials` get
    from pypinyin, without importing it (about 0.35 s and 60 MB): most
    renderings are translations, ruled out by this alone. Not memoised: a
    tuple of the per-character memo's answers, asked once per term by its
    memoised callers (a memo of it hit 7 % on varied text and held 16,000 terms).

    >>> possible_syllables("習近平")  # 平 is also read bēng, bìng, pián
    (('xi',), ('jin',), ('beng', 'bing', 'pian', 'ping'))
    """
    options = tuple(map(pinyin_syllables_of, term))
    return options if all(options) else None


@lru_cache(maxsize=PER_TERM)
def only_syllables(term: str) -> tuple[str, ...] | None:
    """The term's syllables when each character has only one in pypinyin's dictionaries (共同富裕), else None.

    pypinyin can then give nothing else, so its answer is known without it.

    >>> only_syllables("新質生產力"), only_syllables("共同富裕")  # 共 is also read hóng
    (('xin', 'zhi', 'sheng', 'chan', 'li'), None)
    """
    options = possible_syllables(term)
    if options is None or any(len(o) != 1 for o in options):
        return None
    return tuple(o[0] for o in options)


def _may_be_pinyin(letters: str, term: str) -> bool:
    """The first-letter and length check of :func:`maybe_pinyin`, against every reading each character has."""
    profile = _possible_profile(term)
    if profile is None:
        return True
    firsts, lo, hi = profile
    return letters[0] in firsts and lo <= len(letters) <= hi


@lru_cache(maxsize=PER_TERM)
def _possible_profile(term: str) -> tuple[frozenset[str], int, int] | None:
    """First letters and length range of every reading the term's characters have; None when one is not listed."""
    options = possible_syllables(term)
    if options is None:
        return None
    firsts = frozenset(o[:1].replace("ü", "v") for o in options[0]) if options else frozenset()
    lo = sum(min(map(len, opts)) for opts in options)
    hi = sum(max(map(len, opts)) for opts in options)
    return firsts, lo, hi


def _override_applies(simp: str) -> bool:
    """Whether a phrase of pinyin_overrides.tsv occurs in the term, so pinyin_reading reads it from there."""
    from glossary.readings import _longest_override, _overrides

    overrides, longest = _overrides("pinyin_overrides.tsv"), _longest_override("pinyin_overrides.tsv")
    return any(simp[i:j] in overrides for i in range(len(simp)) for j in range(i + 2, min(len(simp), i + longest) + 1))


def _known_pinyin(latin: str, term: str) -> bool | None:
    """What :func:`glossary.readings.is_pinyin` says, when the table knows it: None when it does not.

    It does when each simplified character has one syllable and no override
    phrase applies: the term's pinyin is then those syllables (王毅 wang yi).
    """
    from glossary import normalize
    from glossary.readings import _fold_pinyin

    simp = normalize.to_simplified(term)
    one = only_syllables(simp)
    if one is None or _override_applies(simp):
        return None
    target = _fold_pinyin(latin)
    if not target or re.search(r"[^\W\d_\s'’\-·]", latin) is None:
        return False
    return target == "".join(map(_fold_pinyin, one))


def _may_spell(latin: str, term: str) -> bool:
    """False only when :func:`glossary.readings.is_pinyin` must say False, found without pypinyin.

    is_pinyin accepts the term's pinyin reading or any string of the
    characters' readings; both are strings of the syllables listed for the
    simplified characters, unless an override phrase of pinyin_reading applies.
    """
    from glossary import normalize
    from glossary.readings import _fold_pinyin

    simp = normalize.to_simplified(term)
    options = possible_syllables(simp)
    if options is None or _override_applies(simp):
        return True
    target = _fold_pinyin(latin)
    reach = {0}
    for opts in options:
        reach = {i + len(f) for i in reach for f in map(_fold_pinyin, opts) if f and target.startswith(f, i)}
        if not reach:
            return False
    return len(target) in reach


@lru_cache(maxsize=PER_TERM)
def possible_initials(term: str) -> tuple[str, ...] | None:
    """Per character, the consonants any of its readings may start with: a superset of :func:`pinyin_initials`."""
    options = possible_syllables(term)
    if options is None:
        return None
    return tuple("".join(dict.fromkeys("".join(_initial(o) for o in opts))) for opts in options)


@lru_cache(maxsize=PER_TERM)
def pinyin_initials(term: str) -> tuple[str, ...]:
    """Per character, the hangul consonants that may transcribe the initial of pypinyin's reading."""
    one = only_syllables(term)
    if one is not None:  # what pypinyin would say, without importing it
        return tuple(map(_initial, one))
    from glossary.readings.pinyin_table import Style, pinyin  # pypinyin's answer, without loading it

    return tuple(_initial(syl[0]) for syl in pinyin(term, style=Style.NORMAL))


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
    possible = possible_initials(term)
    if possible is not None and not _fits(initials, possible):
        return False  # not even against every reading the characters have: no need for pypinyin
    wanted = pinyin_initials(term)
    if len(wanted) != len(term):
        return False

    if maybe_reading(hangul, term) or near_reading(hangul, term):
        return False
    if len(term) >= 3 and len(syls) >= 2 and all(
            same_syllable(a, b) for a, b in zip(syllables_of("".join(syls[:2])), syllables_of(reading_of(term[:2])))):
        return False  # starts with the reading: 중앙후이진 (中央匯金) is half reading, half sound

    return _fits(initials, wanted)
