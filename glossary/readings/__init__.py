"""Readings of a CJK term: Korean hangul, its romanisation, pinyin, Japanese kana.

Input: a term in any script (traditional, simplified, Japanese, compatibility
ideographs). Output: strings. Heavy objects and data are loaded on first use.

The modules, in the order a reading is made:

- :mod:`~glossary.readings.syllables`: jamo of a hangul syllable, the
  initial-sound law (두음법칙) and its inverse;
- :mod:`~glossary.readings.hanja_dictionary`: the word dictionary (libhangul's
  words, per-character readings at the start of and inside a word);
- :mod:`~glossary.readings.hangul`: the strict hangul reading ``ko_hanja``
  (Korean character forms, segmentation into dictionary words, the rules)
  and the matcher for hangul readings met in texts;
- :mod:`~glossary.readings.preferred`: the preferred Korean form ``ko``
  (names transcribed by the Korean standard, historical names and
  institutions read, clauses left empty);
- :mod:`~glossary.readings.romanization`, :mod:`~glossary.readings.pinyin`,
  :mod:`~glossary.readings.kana`: the Latin and Japanese readings and their matchers;
- :mod:`~glossary.readings.forms`: every form at once and the ``READERS`` registry;
- :mod:`~glossary.readings.tables`: the small override tables of ``glossary/data/``.

A curated ``ko`` in terms.yaml wins over all of this; the merge stage applies it.
Every name other modules and tests use is re-exported here.
"""

from __future__ import annotations

from glossary.readings.forms import READERS, reading_forms
from glossary.readings.hangul import (
    _CONTEXT_FORMS,
    _HANZI,
    _HANZI_RUN,
    _NOT_HANZI_RUN,
    _NUMERALS,
    _char_reading,
    _end_as_suffix,
    _in_word,
    _is_hanzi,
    _medial_start,
    _read,
    _read_run,
    _runs,
    _segment,
    _shipped_reading,
    _usage_dictionary,
    hangul_reading,
    is_hangul_reading,
    korean_form,
    segment,
    sino_korean_number,
    usage_reading,
)
from glossary.readings.hanja_dictionary import CharEntry, HanjaDictionary, load_dictionary, parse_lines
from glossary.readings.kana import _is_kanji, _kakasi, _kanji_on, kana_reading, release_kakasi
from glossary.readings.pinyin import _fold_pinyin, is_pinyin, pinyin_reading
from glossary.readings.preferred import (
    _JAPANESE_SUFFIXES,
    _headed_by_name,
    _korean_reading,
    is_transcription,
    japanese_name,
    korean_reading,
    transcribe_name,
)
from glossary.readings.romanization import _fold_latin, _romanise_word, _romanization_keys, romanization_matches, romanize
from glossary.readings.syllables import _after_vowel_or_n, _compose, dueum, jamo, undo_dueum
from glossary.readings.tables import _data_text, _longest_override, _overrides

__all__ = [
    "READERS",
    "CharEntry",
    "HanjaDictionary",
    "dueum",
    "hangul_reading",
    "is_hangul_reading",
    "is_pinyin",
    "is_transcription",
    "jamo",
    "japanese_name",
    "kana_reading",
    "korean_form",
    "korean_reading",
    "load_dictionary",
    "parse_lines",
    "pinyin_reading",
    "reading_forms",
    "release_kakasi",
    "romanization_matches",
    "romanize",
    "segment",
    "sino_korean_number",
    "transcribe_name",
    "undo_dueum",
    "usage_reading",
]
