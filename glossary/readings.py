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
