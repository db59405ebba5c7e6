"""Tests for glossary/dictionary.py over the shipped CC-CEDICT data."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.dictionary import (
    DATA_PATH,
    cedict_version,
    clean_sense,
    dictionary_renderings,
    dictionary_senses,
    is_name_entry,
    literal_gloss,
    literal_rendering,
    lookup_entries,
    segment_words,
)
from glossary.model import Rendering


def test_data_file_is_compact_and_attributed():
    assert DATA_PATH.stat().st_size < 10_000_000
    with gzip.open(DATA_PATH, "rt", encoding="utf-8") as f:
        header = [next(f) for _ in range(40)]
    text = "".join(header)
    assert "MDBG" in text and "creativecommons.org/licenses/by-sa/4.0" in text
    assert cedict_version().startswith("2025-")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("兩會", "National People's Congress and Chinese People's Political Consultative Conference"),
        ("两会", "National People's Congress and Chinese People's Political Consultative Conference"),
        ("一帶一路", "Belt and Road Initiative"),
        ("一带一路", "Belt and Road Initiative"),
        ("共同體", "community"),
        ("富裕", "prosperous"),
        ("富裕", "well-to-do"),
        ("逆", "to go against"),
        ("治理", "governance"),
        ("王", "king or monarch"),
        ("全國人大", "National People's Congress"),
        ("會", "can"),
        ("會", "to have the skill"),
        ("求索", "to search for something"),
    ],
)
def test_dictionary_senses_contain(term, expected):
    assert expected in dictionary_senses(term)


@pytest.mark.parametrize(
    ("term", "unwanted"),
    [
        ("王", "surname Wang"),  # surname sense of a common word
        ("富裕", "see 富裕縣"),  # county of the capitalised entry 富裕 [Fu4 yu4]
        ("富裕", "Fuyu"),
        ("社會", "CL:"),  # classifier list
        ("改革", "CL:"),
        ("會", "Taiwan pr."),  # pronunciation note
        ("的", "also pr."),
        ("舊", "opposite:"),
        ("全國人大", "|"),  # 全國人民代表大會|全国人民代表大会[...] made plain text
        ("全國人大", "["),
    ],
)
def test_dictionary_senses_drop_noise(term, unwanted):
    senses = dictionary_senses(term)
    assert senses
    assert not any(unwanted in s for s in senses), senses


@pytest.mark.parametrize(
    ("term", "name_sense"),
    [("王", "surname Wang"), ("富", "surname Fu"), ("國", "surname Guo")],
)
def test_surname_senses_kept_for_names(term, name_sense):
    assert name_sense not in dictionary_senses(term)
    assert dictionary_senses(term, is_name=True)[0] == name_sense.removeprefix("surname ")


@pytest.mark.parametrize(
    ("term", "name", "word"),
    [("小米", "Xiaomi", "millet"), ("吉利", "Geely", "auspicious"), ("聯想", "Lenovo", "to associate")],
)
def test_a_name_is_not_also_its_common_word(term, name, word):
    """A firm named with a common word: its name has the name's senses only, the word the word's."""
    assert dictionary_senses(term, is_name=True) == (name,)
    assert word in dictionary_senses(term) and name not in dictionary_senses(term)


def test_a_name_without_a_proper_noun_entry_keeps_the_common_senses():
    assert dictionary_senses("共同富裕", is_name=True) == dictionary_senses("共同富裕")


@pytest.mark.parametrize(
    ("trad", "simp"),
    [("兩會", "两会"), ("一帶一路", "一带一路"), ("社會", "社会"), ("現代化", "现代化"), ("決定", "决定"), ("共同體", "共同体")],
)
def test_traditional_and_simplified_agree(trad, simp):
    assert dictionary_senses(trad) == dictionary_senses(simp)
    assert literal_gloss(trad + "治理") == literal_gloss(simp + "治理")


@pytest.mark.parametrize("term", ["以舊換新", "正風反腐", "先富促共富", "深度求索", "兩重建設", "", "   ", "abc"])
def test_no_entry_gives_no_senses(term):
    assert dictionary_senses(term) == ()
    assert dictionary_renderings(term) == ()


def test_variant_entry_means_its_target():
    # 一點兒 is only "erhua variant of 一點|一点[yi1 dian3]".
    assert dictionary_senses("一點兒") == dictionary_senses("一點")


def test_compatibility_ideographs_are_folded():
    assert dictionary_senses("\uf914園") == dictionary_senses("樂園")  # U+F914 樂


def test_dictionary_renderings():
    renderings = dictionary_renderings("兩會")
    assert renderings == (
        Rendering("National People's Congress and Chinese People's Political Consultative Conference", "dictionary"),
    )


@pytest.mark.parametrize(
    ("term", "expected"),
    [("兩會", True), ("一帶一路", True), ("北京", True), ("諸葛", True), ("王", False), ("富裕", False), ("以舊換新", False)],
)
def test_is_name_entry(term, expected):
    assert is_name_entry(term) is expected


def test_lookup_prefers_the_headword_as_written():
    # 局 (office) is written 局 in both scripts; 侷 (narrow) simplifies to 局.
    assert lookup_entries("局")[0].senses[0] == "office"
    assert lookup_entries("侷")[0].senses == ("narrow",)


@pytest.mark.parametrize(
    ("term", "words"),
    [
        ("共同富裕", ("共同", "富裕")),
        ("社會治理", ("社會", "治理")),
        ("社会治理", ("社会", "治理")),
        ("人類命運共同體", ("人類", "命運", "共同體")),
        ("以舊換新", ("以", "舊", "換新")),
        ("減稅降費", ("減稅", "降", "費")),
        ("百年大變局", ("百年", "大", "變局")),  # ties go to the longest last word
        ("強化宏觀政策民生導向", ("強化", "宏觀", "政策", "民生", "導向")),
        ("兩會", ("兩會",)),
        ("推進、中國式", ("推進", "、", "中國式")),
        ("共同 富裕", ("共同", " ", "富裕")),
    ],
)
def test_segment_words(term, words):
    assert segment_words(term) == words


@pytest.mark.parametrize(
    ("term", "gloss"),
    [
        ("共同富裕", "common + prosperous"),
        ("社會治理", "society + govern"),
        ("社会治理", "society + govern"),
        ("人類命運共同體", "humanity + fate + community"),
        ("以舊換新", "use + old + replace with something new"),
        ("百年大變局", "hundred years + big + changing circumstances"),
        ("正風反腐", "straight + wind + anti-corruption"),  # 正 read zheng4 in context, not zheng1
        ("民生保障", "people's livelihood + ensure"),
        ("推進中國式現代化", "impel + Chinese style + modernization"),
        ("深化改革、推進中國式現代化", "deepen + reform; impel + Chinese style + modernization"),
    ],
)
def test_literal_gloss(term, gloss):
    assert literal_gloss(term) == gloss


@pytest.mark.parametrize(
    "term",
    [
        "兩會",  # a dictionary word: its senses apply, not a literal gloss
        "一帶一路",
        "逆",
        "共同",
        "",
        "、",
        "abc",
        "\U0002a6a5\U0002a6a6",  # rare CJK Extension B characters CC-CEDICT lacks
    ],
)
def test_no_literal_gloss(term):
    assert literal_gloss(term) is None
    assert literal_rendering(term) is None


def test_literal_rendering_is_marked_literal():
    assert literal_rendering("共同富裕") == Rendering("common + prosperous", "literal")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("CL:個|个[ge4]", None),
        ("variant of 週|周[zhou1]", None),
        ("old variant of 綫|线[xian4]", None),
        ("see 富裕縣|富裕县[Fu4 yu4 Xian4]", None),
        ("used in 葡萄[pu2 tao5]", None),
        ("also pr. [di4] or [di5] in poetry and songs", None),
        ("surname Wang", None),
        ("a taxi; a cab (abbr. for 的士[di1 shi4])", "a taxi; a cab"),
        ("(bound form) a moment (Taiwan pr. [hui3])", "a moment"),
        ("to search for sth", "to search for something"),
    ],
)
def test_clean_sense(raw, clean):
    assert clean_sense(raw) == clean


CJK = st.text(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
        st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
        st.sampled_from("兩會一帶路共同富裕社會治理、，· 　ab1"),
    ),
    max_size=24,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(CJK, st.text(max_size=12)))
def test_segment_words_joins_back(term):
    words = segment_words(term)
    assert "".join(words) == term
    assert all(words)


@settings(max_examples=100, deadline=None)
@given(st.one_of(CJK, st.text(max_size=12)))
def test_glosses_never_fail(term):
    gloss = literal_gloss(term)
    assert gloss is None or gloss.strip()
    assert all(s.strip() for s in dictionary_senses(term))


def _pypinyin_readings(text: str) -> tuple[str, ...]:
    """What ``dictionary._readings`` computed with pypinyin itself before it read the compiled tables."""
    from pypinyin import Style, pinyin

    from glossary.dictionary import _simplified

    syllables = pinyin(_simplified(text), style=Style.TONE3, neutral_tone_with_five=True,
                       errors=lambda chars: ["?"] * len(chars))
    flat = tuple(s[0] for s in syllables)
    return flat if len(flat) == len(text) else ("?",) * len(text)


def test_tone_marks_are_pypinyins() -> None:
    from pypinyin.phonetic_symbol import phonetic_symbol

    from glossary import dictionary

    assert {**dictionary._TONE_MARKS, **dictionary._TONE_MARKS_2} == phonetic_symbol


def test_every_syllable_styles_as_in_pypinyin() -> None:
    """Every reading in pypinyin's tables, TONE -> TONE3 with 5 for the neutral tone, as pypinyin converts it."""
    from pypinyin import Style
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT
    from pypinyin.converter import UltimateConverter

    from glossary import dictionary

    syllables = {s for v in PINYIN_DICT.values() for s in v.split(",")}
    syllables |= {s for v in PHRASES_DICT.values() for item in v for s in item}
    assert len(syllables) > 1000
    converter = UltimateConverter(neutral_tone_with_five=True)
    for s in sorted(syllables):
        assert dictionary._tone3(s) == converter.convert_style("", s, style=Style.TONE3, strict=True), s


@pytest.mark.parametrize(("text", "expected"), [
    ("會計", ("kuai4", "ji4")),
    ("進一步", ("jin4", "yi2", "bu4")),
    ("綠色", ("lv4", "se4")),
    ("朋友們", ("peng2", "you3", "men5")),
    ("3D打印", ("?", "?", "da3", "yin4")),
])
def test_readings_in_context(text: str, expected: tuple[str, ...]) -> None:
    from glossary import dictionary

    assert dictionary._readings(text) == expected == _pypinyin_readings(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["會計", "進一步", "綠色", "朋友", "們", "嗯", "呣", "欸", "行", "長", "·", " ", "A", "５", "々",
                                 "〇", "中華人民共和國", "了"]) | st.characters(), max_size=5).map("".join))
def test_readings_match_pypinyin(text: str) -> None:
    from glossary import dictionary

    assert dictionary._readings(text) == _pypinyin_readings(text)


def test_literal_gloss_does_not_import_pypinyin() -> None:
    import subprocess
    import sys

    code = ("import sys; from glossary.dictionary import literal_gloss; print(literal_gloss('共同富裕') is not None,"
            " 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
