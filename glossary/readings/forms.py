"""Readings stage, every form at once: the registry of readers and ``reading --json``.

Input: a term. Output: all its forms and readings, or one reader per language tag.
"""

from __future__ import annotations

from collections.abc import Callable

from glossary import normalize
from glossary.readings.hangul import hangul_reading
from glossary.readings.kana import kana_reading
from glossary.readings.pinyin import pinyin_reading
from glossary.readings.preferred import korean_reading
from glossary.readings.romanization import romanize


def reading_forms(text: str) -> dict[str, str]:
    """Every form and reading of a term, for ``glossary reading --json``.

    >>> forms = reading_forms("两会")
    >>> forms["trad"], forms["hangul"], forms["romanization"], forms["pinyin"], forms["kana"]
    ('兩會', '양회', 'yanghoe', 'liǎng huì', 'りょうかい')
    >>> forms = reading_forms("北京")
    >>> forms["ko"], forms["ko_hanja"], forms["transcription"], forms["rule"]
    ('베이징', '북경', '베이징', 'name:modern')
    """
    trad = normalize.traditional_form([text])
    ja = normalize.to_japanese(trad)
    hangul = hangul_reading(trad)
    kana, romaji = kana_reading(ja)
    korean = korean_reading(trad)
    from glossary.names import name_pinyin
    from glossary.transcription import transcribe

    return {
        "trad": trad,
        "simp": normalize.to_simplified(text),
        "ja": ja,
        "ko": korean.ko,
        "ko_hanja": korean.ko_hanja,
        "rule": korean.rule,
        "transcription": korean.transcription or transcribe(name_pinyin(trad)),
        "hangul": hangul,
        "romanization": romanize(hangul, "rr"),
        "mr": romanize(hangul, "mr"),
        "pinyin": pinyin_reading(text),
        "kana": kana,
        "romaji": romaji,
    }


READERS: dict[str, Callable[[str], object]] = {
    "ko": hangul_reading,
    "ko-Latn": lambda hanzi: romanize(hangul_reading(hanzi)),
    "zh-Latn-pinyin": pinyin_reading,
    "ja": kana_reading,
}
