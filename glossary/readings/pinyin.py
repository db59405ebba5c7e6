"""Readings stage, pinyin: hanzi -> pinyin with tone marks, by pypinyin and an override table.

Input: a term (or a Latin text and a term, for the matcher). Output: its
pinyin, or whether a Latin text is its pinyin.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from glossary import normalize
from glossary.memo import persistent
from glossary.readings.tables import _longest_override, _overrides


@persistent  # outside the memo, so every result of a build reaches the cache file
@lru_cache(maxsize=65536)
def pinyin_reading(hanzi: str) -> str:
    """Pinyin with tone marks, syllables separated by spaces.

    pypinyin reads the simplified form; an override table fixes phrases its
    segmentation gets wrong (兩重建設 is not 两 + 重建 + 设).

    >>> pinyin_reading("两会"), pinyin_reading("兩重建設")
    ('liǎng huì', 'liǎng zhòng jiàn shè')
    """
    from glossary.readings.pinyin_table import Style, lazy_pinyin  # pypinyin's answer from its compiled tables (xperf)

    simp = normalize.to_simplified(hanzi)
    overrides = _overrides("pinyin_overrides.tsv")
    out: list[str] = []
    i = 0
    rest = ""
    longest = _longest_override("pinyin_overrides.tsv")  # only slices that can be a phrase: linear in the query
    while i < len(simp):
        for j in range(min(len(simp), i + longest), i + 1, -1):
            if simp[i:j] in overrides:
                if rest:
                    out.extend(lazy_pinyin(rest, style=Style.TONE))
                    rest = ""
                out.append(overrides[simp[i:j]])
                i = j
                break
        else:
            rest += simp[i]
            i += 1
    if rest:
        out.extend(lazy_pinyin(rest, style=Style.TONE))
    return " ".join(s for s in " ".join(out).split())


def _fold_pinyin(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).replace("v", "u")
    return "".join(ch for ch in text if "a" <= ch <= "z")


def is_pinyin(latin_text: str, hanzi: str) -> bool:
    """True when a Latin text is the pinyin of a term, with or without tones.

    Spacing, capitals, apostrophes and tone numbers are free; every reading a
    character can have is accepted.

    >>> is_pinyin("Yidai Yilu", "一帶一路"), is_pinyin("yī dài yī lù", "一带一路"), is_pinyin("ildae illo", "一帶一路")
    (True, True, False)
    """
    from glossary.readings.pinyin_table import Style, pinyin  # pypinyin's answer from its compiled tables (xperf)

    target = _fold_pinyin(latin_text)
    if not target or re.search(r"[^\W\d_\s'’\-·]", latin_text) is None:
        return False
    simp = normalize.to_simplified(hanzi)
    options = [{_fold_pinyin(s) for s in syls} for syls in pinyin(simp, style=Style.NORMAL, heteronym=True)]
    whole = _fold_pinyin(pinyin_reading(hanzi))
    if target == whole:
        return True
    if len(options) != len(simp):  # non-hanzi characters grouped by pypinyin
        return False
    reach = {0}
    for opts in options:
        reach = {i + len(o) for i in reach for o in opts if o and target.startswith(o, i)}
        if not reach:
            return False
    return len(target) in reach
