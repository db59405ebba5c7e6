"""Tests for glossary/normalize.py: forms and the merge key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.normalize import (
    fold,
    fold_variants,
    is_simplified,
    merge_key,
    standard_form,
    to_japanese,
    to_simplified,
    to_traditional,
    traditional_form,
)

cjk = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=8)


@pytest.mark.parametrize(
    ("written", "simplified"),
    [
        ("以舊換新", "以旧换新"),
        ("兩會", "两会"),
        ("一帶一路", "一带一路"),
        ("人類命運共同體", "人类命运共同体"),
        ("經濟", "经济"),
        ("两会", "两会"),
        ("薴", "苎"),  # t2s gives 苧, and t2s of 苧 is 苎: the key must be stable
    ],
)
def test_to_simplified(written: str, simplified: str) -> None:
    assert to_simplified(written) == simplified


@pytest.mark.parametrize(
    ("written", "traditional"),
    [("两会", "兩會"), ("以旧换新", "以舊換新"), ("一带一路", "一帶一路"), ("共同富裕", "共同富裕")],
)
def test_to_traditional(written: str, traditional: str) -> None:
    assert to_traditional(written) == traditional


@pytest.mark.parametrize(
    ("written", "japanese"),
    [("兩會", "両会"), ("两会", "両会"), ("一帶一路", "一帯一路"), ("經濟", "経済")],
)
def test_to_japanese(written: str, japanese: str) -> None:
    assert to_japanese(written) == japanese


@pytest.mark.parametrize(
    ("variant", "unified"),
    [
        ("\uf914\u5712", "樂園"),  # compatibility ideograph 樂 U+F914
        ("\uf9bf", "樂"),  # another compatibility 樂 (U+F9BF)
        ("\uf96b\u6c11", "參民"),  # 參 U+F96B
        ("\u2f08\u6c11", "人民"),  # Kangxi radical ⼈
        ("\u6e05\ufe00", "清"),  # variation selector dropped
    ],
)
def test_fold_unifies_variant_code_points(variant: str, unified: str) -> None:
    assert fold(variant) == unified
    assert fold_variants(variant) == unified


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("一帶・一路", "一帶·一路"),
        ("一帶‧一路", "一帶·一路"),
        ("以舊換新（BRI）", "以舊換新(BRI)"),
        ("兩 會", "兩會"),
        ("「兩會」", '"兩會"'),
        ("減稅、降費", "減稅,降費"),
    ],
)
def test_fold_normalises_punctuation_and_spaces(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize(
    "forms",
    [
        ("兩會", "两会", "\u5169\u6703", "兩 會"),
        ("樂園", "\uf914\u5712", "乐园"),
        ("一帶·一路", "一带・一路", "一帶‧一路"),
    ],
)
def test_merge_key_joins_forms(forms: tuple[str, ...]) -> None:
    assert len({merge_key(f) for f in forms}) == 1


def test_merge_key_keeps_different_terms_apart() -> None:
    assert merge_key("兩會") != merge_key("兩岸")


@pytest.mark.parametrize(
    ("seen", "expected"),
    [
        (["两会"], "兩會"),
        (["两会", "兩會"], "兩會"),
        (["\uf914\u5712"], "樂園"),  # seen compatibility form, unified
        (["乾隆", "干隆"], "乾隆"),  # the seen traditional form, not s2t's guess
        (["人民"], "人民"),
        (["両会"], "兩會"),
        (["臺灣", "台灣", "台灣"], "台灣"),  # most frequent traditional form
        ([], ""),
    ],
)
def test_traditional_form(seen: list[str], expected: str) -> None:
    assert traditional_form(seen) == expected


@pytest.mark.parametrize(("text", "expected"), [("两会", True), ("兩會", False), ("人民", False), ("以旧换新", True)])
def test_is_simplified(text: str, expected: bool) -> None:
    assert is_simplified(text) is expected


def test_forms_pass_lone_surrogates_through() -> None:
    # A string decoded with surrogateescape must not crash OpenCC, which converts UTF-8.
    assert to_simplified("\ud800兩會\udfff") == "\ud800两会\udfff"
    assert to_traditional("两\udcff会") == "兩\udcff會"


@given(cjk)
def test_to_simplified_is_idempotent(text: str) -> None:
    once = to_simplified(text)
    assert to_simplified(once) == once


@given(st.text(max_size=12))
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(cjk)
def test_merge_key_of_traditional_equals_key_of_simplified(text: str) -> None:
    assert merge_key(to_traditional(text)) == merge_key(to_simplified(to_traditional(text)))


# Korean and Japanese character forms and the standard traditional form.
@pytest.mark.parametrize(
    ("korean", "standard"),
    [
        ("新質生産力", "新質生產力"),
        ("反面敎師", "反面教師"),
        ("硏究", "研究"),
        ("淸算", "清算"),
        ("竝行", "並行"),
        ("價値", "價值"),
        ("卽時", "即時"),
        ("敍事", "敘事"),
        ("靑年", "青年"),
        ("眞理", "真理"),
        ("爲人民服務", "為人民服務"),
        ("富國强兵", "富國強兵"),  # 强: the Korean form, and also the simplified character
        ("障碍物", "障礙物"),
        ("脚本", "腳本"),
    ],
)
def test_character_forms(korean: str, standard: str) -> None:
    assert merge_key(korean) == merge_key(standard)
    assert traditional_form([korean]) == standard
    assert standard_form(standard) == standard


@pytest.mark.parametrize(
    ("form", "other"),
    [
        ("强國", "強國"),
        ("內卷", "内卷"),
        ("說明", "説明"),
    ],
)
def test_forms_opencc_already_merges(form: str, other: str) -> None:
    assert merge_key(form) == merge_key(other)


@pytest.mark.parametrize("kept", ["余", "着", "台灣", "予以", "稅收", "妳", "乾隆", "余光中", "党", "会"])
def test_characters_with_a_sense_of_their_own_are_kept(kept: str) -> None:
    assert standard_form(kept) == kept


@given(cjk)
def test_standard_form_is_idempotent_and_char_for_char(text: str) -> None:
    once = standard_form(text)
    assert standard_form(once) == once
    assert len(once) == len(text)
