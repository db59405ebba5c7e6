"""Mandarin in hangul: the Korean standard's transcription of Chinese (외래어 표기법).

Input: pinyin syllables (with tone marks, tone numbers or none). Output: hangul.

Korean writers print a modern Chinese person or a current place by its
Mandarin sound, not by its Sino-Korean reading: 習近平 시진핑 (not 습근평),
北京 베이징 (not 북경). The spelling is fixed by the standard, 외래어 표기법
(문교부 고시 제85-11호, 1986) 표 5 "중국어의 주음 부호와 한글 대조표" and
제3장 제7절: one hangul spelling per syllable, tones not written, and after
ㅈ ㅉ ㅊ the y-vowels ㅑ ㅖ ㅛ ㅠ written ㅏ ㅔ ㅗ ㅜ (jia 자, jie 제, qiu 추).

The table is data, ``glossary/data/pinyin_hangul.tsv`` (every syllable
pypinyin knows, built from the standard by ``scripts/build_pinyin_hangul.py``);
this module only splits pinyin into syllables and looks each one up. It is
hand-written because the table is small and fixed by the standard, and
pypinyin (which gives the syllables) knows nothing of Korean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA_PATH = Path(__file__).parent / "data" / "pinyin_hangul.tsv"


@cache
def syllable_table() -> dict[str, str]:
    """Toneless pinyin syllable (ü written v) -> hangul, from the shipped table.

    >>> syllable_table()["zhong"], syllable_table()["lve"]
    ('중', '뤼에')
    """
    table = {}
    for line in DATA_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pinyin, hangul = line.split("\t")[:2]
            table[pinyin] = hangul
    return table


_TONE_NUMBER = re.compile(r"[1-5]$")


def toneless(syllable: str) -> str:
    """A pinyin syllable without tone, lower case, ü as v: ``Lǚ`` -> ``lv``.

    >>> toneless("Jìn"), toneless("lu:4"), toneless("nǚ"), toneless("Xi2")
    ('jin', 'lv', 'nv', 'xi')
    """
    s = _TONE_NUMBER.sub("", syllable.strip().lower()).replace("u:", "v")
    s = unicodedata.normalize("NFD", s)
    # Keep the diaeresis of ü (U+0308) and the circumflex of ê (U+0302); drop the tone marks.
    s = "".join(ch for ch in s if not unicodedata.combining(ch) or ch in "\u0308\u0302")
    s = unicodedata.normalize("NFC", s)
    return s.replace("ü", "v")


def transcribe_syllable(syllable: str) -> str | None:
    """One pinyin syllable in hangul, or None when it is not a Mandarin syllable.

    >>> transcribe_syllable("píng"), transcribe_syllable("zi"), transcribe_syllable("xyz")
    ('핑', '쯔', None)
    """
    s = toneless(syllable)
    table = syllable_table()
    if s in table:
        return table[s]
    if s.endswith("r") and s[:-1] in table and s != "er":
        return table[s[:-1]] + "얼"  # erhua: 兒 merged into the syllable (wanr)
    return None


def transcribe(pinyin_syllables: str | Iterable[str]) -> str:
    """Mandarin in hangul, by the Korean standard: syllables joined without spaces.

    Takes a string of space-separated syllables (``xí jìn píng``) or an
    iterable of syllables. Anything that is not a syllable is kept as is.

    >>> transcribe("xí jìn píng"), transcribe(["Mao2", "Ze2", "dong1"]), transcribe("hēi lóng jiāng")
    ('시진핑', '마오쩌둥', '헤이룽장')
    """
    if isinstance(pinyin_syllables, str):
        pinyin_syllables = pinyin_syllables.split()
    out = []
    for syllable in pinyin_syllables:
        hangul = transcribe_syllable(syllable)
        out.append(hangul if hangul is not None else syllable)
    return "".join(out)
