"""The compiled pinyin table answers as pypinyin would (glossary/data/pinyin_syllables.tsv)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin
from pypinyin.constants import RE_HANS
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

from glossary.extract import sound
from glossary.readings import is_pinyin

CHARS = sorted(ch for code, _ in pinyin_dict.items() if RE_HANS.match(ch := chr(code)))
PHRASES = sorted(phrases_dict)


def test_table_covers_every_reading_of_the_installed_pypinyin() -> None:
    """Fails when pypinyin changes: rebuild with scripts/build_pinyin_syllables.py."""
    for code, readings in pinyin_dict.items():
        ch = chr(code)
        if RE_HANS.match(ch):
            assert {to_normal(r) for r in readings.split(",")} <= set(sound.pinyin_syllables_of(ch)), ch
    for phrase, readings in phrases_dict.items():
        for ch, options in zip(phrase, readings):
            if RE_HANS.match(ch):
                assert {to_normal(r) for r in options} <= set(sound.pinyin_syllables_of(ch)), (phrase, ch)


terms = st.one_of(st.sampled_from(PHRASES), st.lists(st.sampled_from(CHARS), min_size=1, max_size=4).map("".join))


def test_characters_pypinyin_does_not_read_as_hanzi_are_not_listed() -> None:
    assert sound.pinyin_syllables_of("A") == sound.pinyin_syllables_of("、") == sound.pinyin_syllables_of("\U0010fffd") == ()
    assert sound.possible_syllables("人工智能+") is None


@settings(max_examples=300, deadline=None)
@given(terms)
def test_profile_and_initials_match_pypinyin(term: str) -> None:
    options = pinyin(term, style=Style.NORMAL, heteronym=True, errors=lambda chars: [["?"] for _ in chars])
    firsts = frozenset(o[:1].replace("ü", "v") for o in options[0])
    lo = sum(min(len(o) for o in opts) for opts in options)
    hi = sum(max(len(o) for o in opts) for opts in options)
    assert sound.pinyin_profile(term) == (firsts, lo, hi)
    initials = tuple(sound._initial(syl[0]) for syl in pinyin(term, style=Style.NORMAL))
    assert sound.pinyin_initials(term) == initials
    assert all(set(a) <= set(b) for a, b in zip(initials, sound.possible_initials(term)))


@settings(max_examples=300, deadline=None)
@given(terms, st.data())
def test_may_spell_never_refuses_pinyin(term: str, data: st.DataObject) -> None:
    """The table's quick refusal only ever refuses what is_pinyin refuses."""
    readings = [data.draw(st.sampled_from(sound.pinyin_syllables_of(ch))) for ch in term]
    latin = data.draw(st.sampled_from([" ".join(readings), "".join(readings).title(), " ".join(readings[::-1]),
                                       "common " + readings[0], readings[0][:-1] or "x"]))
    if not sound._may_spell(latin, term):
        assert not is_pinyin(latin, term)


@settings(max_examples=300, deadline=None)
@given(terms, st.data())
def test_known_pinyin_is_what_is_pinyin_says(term: str, data: st.DataObject) -> None:
    readings = [data.draw(st.sampled_from(sound.pinyin_syllables_of(ch))) for ch in term]
    latin = data.draw(st.sampled_from([" ".join(readings), "".join(readings).upper(), " ".join(readings[::-1]),
                                       readings[0] + "-" + "".join(readings[1:]), "12", "x" + readings[0]]))
    known = sound._known_pinyin(latin, term)
    if known is not None:
        assert known is is_pinyin(latin, term)


@pytest.mark.parametrize(("latin", "term", "expected"), [
    ("Xi Jinping", "習近平", True),
    ("gongtong fuyu", "共同富裕", True),
    ("common prosperity", "共同富裕", False),
    ("xin zhi sheng chan li", "新質生產力", True),  # every character has one reading: no pypinyin
    ("Wang Yi", "王毅", True),
    ("Wang Yi", "王岐山", False),
    ("new productive forces", "新質生產力", False),
])
def test_maybe_pinyin_on_real_glosses(latin: str, term: str, expected: bool) -> None:
    assert sound.maybe_pinyin(latin, term) is expected
