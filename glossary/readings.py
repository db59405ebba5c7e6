"""Readings of a CJK term: Korean hangul, its romanisation, pinyin, Japanese kana.

Input: a term (traditional form for Korean, Japanese form for kana).
Output: strings. Heavy objects are built on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache


def hangul_reading(hanzi: str) -> str:
    """Sino-Korean reading in hangul.

    >>> hangul_reading("以舊換新")
    '이구환신'
    """
    import hanja

    return hanja.translate(hanzi, "substitution")


def romanize(hangul: str, system: str = "rr") -> str:
    """Romanise a hangul reading: ``rr`` (Revised Romanization) or ``mr``.

    >>> romanize("이용후생")
    'iyonghusaeng'
    """
    import koroman

    return koroman.romanize(hangul)


def pinyin_reading(hanzi: str) -> str:
    """Pinyin with tone marks, syllables separated by spaces.

    >>> pinyin_reading("两会")
    'liǎng huì'
    """
    from pypinyin import pinyin

    return " ".join(s[0] for s in pinyin(hanzi))


@cache
def _kakasi():  # noqa: ANN202
    import pykakasi

    return pykakasi.kakasi()


def kana_reading(japanese: str) -> tuple[str, str]:
    """Hiragana and Hepburn romaji of a Japanese form (machine-generated).

    >>> kana_reading("経済")
    ('けいざい', 'keizai')
    """
    parts = _kakasi().convert(japanese)
    return "".join(p["hira"] for p in parts), " ".join(p["hepburn"] for p in parts)


READERS: dict[str, Callable[[str], object]] = {
    "ko": hangul_reading,
    "zh-Latn-pinyin": pinyin_reading,
    "ja": kana_reading,
}


# --- TEMP (extract branch): replaced by the readings branch ---
# Simple versions of the reading matchers the extractor calls, so the extract
# branch runs before the readings branch is merged. Same signatures.

_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_ROMAN_INITIAL = ["g|k", "kk|gg|k", "n|l", "d|t", "tt|dd|t", "r|l|n|", "m", "b|p", "pp|bb|p", "s|sh",
                  "ss|s", "", "j|ch|z", "jj|tch|j", "ch|c|j", "k|kh", "t|th", "p|ph", "h"]
_ROMAN_FINAL = ["", "k|g", "k|kk", "k|ks", "n", "n|nj", "n|nh", "t|d", "l|r", "k|lg", "m|lm", "l|lb",
                "l|ls", "l|lt", "p|lp", "l|lh", "m", "p|b", "p|ps", "t|s", "t|ss", "ng", "t|j", "t|ch",
                "k", "t", "p", "t|h"]


def _syllables(hangul: str) -> list[tuple[int, int, int] | None]:
    out: list[tuple[int, int, int] | None] = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        out.append((code // 588, (code % 588) // 28, code % 28) if 0 <= code < 11172 else None)
    return out


def _same_syllable(a: tuple[int, int, int] | None, b: tuple[int, int, int] | None) -> bool:
    if a is None or b is None:  # a hanzi the reading table lacks: any syllable
        return True
    if a == b:
        return True
    # Initial sound law (두음법칙): ㄹ/ㄴ/ㅇ alternate at the start of a word.
    liquid = {5, 2, 11}  # ㄹ ㄴ ㅇ
    return a[1:] == b[1:] and a[0] in liquid and b[0] in liquid


def is_hangul_reading(hangul_text: str, hanzi: str) -> bool:
    """Whether the hangul is the Sino-Korean reading of the hanzi (spacing ignored).

    >>> is_hangul_reading("신질 생산력", "新質生産力"), is_hangul_reading("중국의 꿈", "中國夢")
    (True, False)
    """
    text = "".join(ch for ch in hangul_text if not ch.isspace())
    reading = hangul_reading(hanzi)
    if not text or len(text) != len(reading):
        return False
    return all(_same_syllable(a, b) for a, b in zip(_syllables(text), _syllables(reading)))


def _strip_marks(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFD", text.lower().replace("ü", "v"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def romanization_matches(latin_text: str, hanzi: str) -> bool:
    """Whether Latin letters spell the Korean reading (RR, MR or ad hoc).

    Consonants must match the reading syllable by syllable; vowels are free,
    so hand-made spellings pass.

    >>> romanization_matches("I-yong Hu-seong", "利用厚生"), romanization_matches("Two Sessions", "兩會")
    (True, False)
    """
    import re

    latin = re.sub(r"[\s'’\-]", "", _strip_marks(latin_text))
    if not latin.isalpha() or not latin.isascii():
        return False
    parts = []
    for syl in _syllables(hangul_reading(hanzi)):
        if syl is None:
            return False
        ini, _, fin = syl
        parts.append(f"(?:{_ROMAN_INITIAL[ini]})[aeiouwy]+(?:{_ROMAN_FINAL[fin]})")
    return re.fullmatch("".join(parts), latin) is not None


def is_pinyin(latin_text: str, hanzi: str) -> bool:
    """Whether Latin letters are the pinyin of the hanzi (tones, spaces, capitals free).

    >>> is_pinyin("gòngtóng fùyù", "共同富裕"), is_pinyin("tang ping", "躺平"), is_pinyin("common", "共同")
    (True, True, False)
    """
    import re

    from pypinyin import Style, pinyin

    latin = re.sub(r"[\s'’\-]", "", _strip_marks(latin_text))
    if not latin.isalpha() or not latin.isascii():
        return False
    options = pinyin(hanzi, style=Style.NORMAL, heteronym=True, v_to_u=False)
    pattern = "".join("(?:" + "|".join(re.escape(o.replace("ü", "v")) for o in opts) + ")" for opts in options)
    return re.fullmatch(pattern, latin) is not None
