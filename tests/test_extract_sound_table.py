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


# ------------------------------------------- romanisation: the letters it never has

from glossary.readings import _fold_latin, _romanization_keys, romanization_matches, romanize  # noqa: E402

SYLLABLES = [chr(code) for code in range(0xAC00, 0xD7A4)]


def test_every_romanised_syllable_folds_to_the_roman_letters() -> None:
    for syllable in SYLLABLES:
        for system in ("rr", "mr"):
            assert set(_fold_latin(romanize(syllable, system))) <= sound.ROMAN_LETTERS, (syllable, system)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=5).map("".join), st.sampled_from(["rr", "mr"]))
def test_romanised_words_fold_to_the_roman_letters(word: str, system: str) -> None:
    """Sound changes across syllables (확률 hwangnyul) add no letter either."""
    assert set(_fold_latin(romanize(word, system))) <= sound.ROMAN_LETTERS


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(PHRASES), st.lists(st.sampled_from(CHARS), min_size=1, max_size=4).map("".join)))
def test_every_romanisation_key_of_a_hanzi_term_has_only_roman_letters(term: str) -> None:
    for key in _romanization_keys(term):
        assert set(key) <= sound.ROMAN_LETTERS, (term, key)


def _without_the_letter_check(latin: str, term: str) -> bool:
    """maybe_romanization as it was before ROMAN_LETTERS: first letter and length, then the reading's keys."""
    letters = sound.letters_of(latin)
    firsts, n = sound.roman_profile(term)
    if not letters or not firsts or letters[0] not in firsts or not 2 * n - 1 <= len(letters) <= 7 * n:
        return False
    return romanization_matches(latin, term)


@pytest.mark.parametrize(("latin", "term"), [
    ("I-yong Hu-seong", "利用厚生"), ("Iyonghusaeng", "利用厚生"), ("policy", "政策"), ("Jeongchaek", "政策"),
    ("free trade zone", "自由貿易區"), ("Jayu muyeok", "自由貿易"), ("chŏngch'aek", "政策"), ("5G", "5G"),
    ("Gyeongje", "經濟"), ("Kyŏngje", "經濟"), ("economy", "經濟"),
])
def test_maybe_romanization_answers_as_without_the_letter_check(latin: str, term: str) -> None:
    sound.maybe_romanization.cache_clear()
    assert sound.maybe_romanization(latin, term) is _without_the_letter_check(latin, term)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PHRASES), st.sampled_from(["rr", "mr"]), st.data())
def test_romanised_readings_pass_the_letter_check(term: str, system: str, data: st.DataObject) -> None:
    from glossary.readings import hangul_reading

    latin = romanize(hangul_reading(term), system)
    latin = data.draw(st.sampled_from([latin, latin.title(), latin.replace(" ", "-"), "the " + latin, latin + "x"]))
    sound.maybe_romanization.cache_clear()
    assert sound.maybe_romanization(latin, term) is _without_the_letter_check(latin, term)
