"""glossary.readings.tables_romanization gives ko-pron's output, word for word: ko-pron is the oracle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ko_pron import romanise

from glossary import readings
from glossary.readings.tables_romanization import romanize, romanize_word

HANJA_TSV = Path(__file__).resolve().parent.parent / "glossary" / "data" / "hanja.tsv"


def _real_readings(step: int) -> list[str]:
    """Hangul readings of the hanja word dictionary's words, every ``step``-th distinct one."""
    found = []
    for line in HANJA_TSV.read_text(encoding="utf-8").split("\n"):
        if line and line[0] != "#":
            found += [pair.partition(" ")[2] for pair in line.split("\t")[5:]]
    return list(dict.fromkeys(r for r in found if r))[::step]


@pytest.mark.parametrize("system", ["rr", "mr"])
def test_real_words_as_ko_pron_romanises_them(system):
    words = _real_readings(60)
    assert len(words) > 3000
    wrong = [(w, romanise(w, system), romanize_word(w, system)) for w in words if romanize_word(w, system) != romanise(w, system)]
    assert wrong == []


@pytest.mark.parametrize("word", ["밟다", "같이", "굳이", "굳히다", "핥이", "정의", "해운대", "쉬다", "확률", "신라", "독립"])
@pytest.mark.parametrize("system", ["rr", "mr"])
def test_the_respelled_finals_and_boundaries(word, system):
    assert romanize_word(word, system) == romanise(word, system)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(0xAC00, 0xD7A3).map(chr), min_size=1, max_size=5).map("".join), st.sampled_from(["rr", "mr"]))
def test_any_syllables_as_ko_pron_romanises_them(word, system):
    try:
        expected = romanise(word, system)
    except ValueError:  # a junction ko-pron has no data for
        with pytest.raises(ValueError):
            romanize_word(word, system)
        return
    assert romanize_word(word, system) == expected


@pytest.mark.parametrize("text", ["양회", "두 개의 세션", "G20 정상회의", "", "  ", "시진핑 2기", "COVID-19"])
@pytest.mark.parametrize("system", ["rr", "mr"])
def test_whole_readings_as_the_readings_stage_romanises_them(text, system):
    assert romanize(text, system) == readings.romanize(text, system)


def test_an_unknown_system_is_refused():
    with pytest.raises(ValueError, match="unknown romanisation system"):
        romanize("양회", "yale")


@pytest.mark.parametrize("word, rr", [("20차", "20cha"), ("G20정상회의", "G20jeongsanghoe-ui"), ("5개년", "5gaenyeon"),
                                      ("증감회)는", "jeunggamhoe)neun"), ("국민-의힘", "gungmin-uihim")])
def test_a_word_mixing_hangul_with_other_characters_is_romanised_run_by_run(word, rr):
    # ko-pron turns the other characters into spaces ("  cha") and compiles the word as a regex (re.error on ")").
    assert romanize_word(word, "rr") == rr


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("가국확률의()[]*+?\\|.^$-20 A韓"), max_size=12), st.sampled_from(["rr", "mr"]))
def test_any_text_romanises_without_error_and_keeps_what_is_not_hangul(text, system):
    out = readings.romanize(text, system)
    assert [c for c in out if not c.isascii() and not "가" <= c <= "힣" and c not in "ŏŭ"] == [c for c in text if c == "韓"]
    assert not any("가" <= c <= "힣" for c in out)
