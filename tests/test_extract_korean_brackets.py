"""Two bracket patterns of Korean news (glossary/extract/choose.py), issue 15.

- an excerpt cut inside a bracket (``cut_bracket``): quoted or scraped news
  stops mid-bracket and marks the cut with an ellipsis (the pattern of
  par-0219 in the development set);
- one hanja naming a whole word (``word_of_its_own``): a dynasty or state,
  한(漢)과 당(唐)을 (par-0234..0237), against a prefix glossing one syllable,
  반(反)부정경쟁 (par-0164).

The sentences here are ours.
"""

from __future__ import annotations

import pytest

from glossary.extract import extract_occurrences


@pytest.mark.parametrize(
    ("text", "term", "gloss"),
    [
        ("상무위원으로는 리창(李强·63, 총리), 왕후닝(王滬寧·69, ..", "王滬寧", "왕후닝"),
        ("회의에는 딩쉐샹(丁薛祥·62 …\n다음 문단", "丁薛祥", "딩쉐샹"),
        ("The delegation was led by Wang Yi (王毅 ...", "王毅", "Wang Yi"),
    ],
)
def test_a_bracket_cut_by_an_ellipsis_still_holds_its_term(text: str, term: str, gloss: str) -> None:
    found = [o for o in extract_occurrences(text, "t") if o.term == term]
    assert [(o.term, o.gloss) for o in found] == [(term, gloss)]


@pytest.mark.parametrize(
    "cut",
    ["리창(李强·63, ..", "리창(李强·63 …", "Li Qiang (李强 ...", "Li Qiang (李强, premier…"],
)
def test_a_cut_bracket_reads_as_the_closed_one(cut: str) -> None:
    closed = cut.rstrip(" .…") + ")"
    fields = ("term", "gloss", "gloss_kind", "kind", "bracket")
    got = [tuple(getattr(o, f) for f in fields) for o in extract_occurrences(cut, "t")]
    assert got == [tuple(getattr(o, f) for f in fields) for o in extract_occurrences(closed, "t")]
    assert len(got) == 1


@pytest.mark.parametrize(
    "text",
    [
        "왕후닝(王滬寧·69, 상무위원",  # cut with no ellipsis: nothing says where the bracket ends
        "왕후닝(王滬寧·69, .. 상무위원",  # the line goes on after the dots
        "왕후닝(王滬寧·69, (상무위원) ..",  # another bracket after the opener
    ],
)
def test_no_ellipsis_at_the_line_end_no_term(text: str) -> None:
    assert [o.term for o in extract_occurrences(text, "t")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("진(秦)과 한(漢)은 통일 제국이었다.", [("秦", "진", True), ("漢", "한", True)]),
        ("송(宋)의 수도는 카이펑이었다.", [("宋", "송", True)]),
        ("원(元)에서 명(明)으로 왕조가 바뀌었다.", [("元", "원", True), ("明", "명", True)]),
        ("그는 반(反)부패 운동을 이끌었다.", [("反", "반", False)]),
        ("이른바 신(新)4대 발명이", [("新", "신", False)]),
        ("중국의 반(反) 간첩법은", [("反", "반", False)]),
        ("대외연락부(部)에서", [("部", "부", False)]),
    ],
)
def test_one_hanja_is_a_word_only_when_a_particle_closes_it(text: str, expected: list) -> None:
    # True: a term or name of the glossary (漢 is kind term, 秦 name: CC-CEDICT decides); False: ``other``
    assert [(o.term, o.gloss, o.kind != "other") for o in extract_occurrences(text, "t")] == expected


# A count before a numbered term is part of its rendering (issue 15: "digits kept: 20차 당대회").
@pytest.mark.parametrize(
    ("text", "term", "gloss"),
    [
        ("공산당은 20차 당대회(二十大)에서 지도부를 바꿨다.", "二十大", "20차 당대회"),
        ("이번 3중전회(三中全會)는 개혁을 다뤘다.", "三中全會", "3중전회"),
        ("지난 3차 회의(會議)에서", "會議", "회의"),  # no number in the term: the count stays out
    ],
)
def test_a_count_renders_the_number_of_the_term(text: str, term: str, gloss: str) -> None:
    assert [o.gloss for o in extract_occurrences(text, "t") if o.term == term] == [gloss]


# A title between the transcribed name and its bracket: the bracket annotates the name.
@pytest.mark.parametrize(
    ("text", "term", "gloss"),
    [
        ("행사에는 딩쉐샹 부총리(丁薛祥)가 참석했다.", "丁薛祥", "딩쉐샹"),
        ("왕이 외교부장(王毅)이 방한했다.", "王毅", "왕이"),
        ("시진핑 사상(習近平思想)을 학습했다.", "習近平思想", "시진핑 사상"),  # the name is part of the term
    ],
)
def test_a_title_between_name_and_bracket_is_left_out(text: str, term: str, gloss: str) -> None:
    assert [o.gloss for o in extract_occurrences(text, "t") if o.term == term] == [gloss]


# A quoted phrase heading the words before the bracket: the rendering is both.
@pytest.mark.parametrize(
    ("text", "term", "gloss"),
    [
        ("정부는 '하나의 중국' 원칙(一個中國原則)을 재확인했다.", "一個中國原則", "'하나의 중국' 원칙"),
        ("이른바 “두 개의 확립” 정신(兩個確立精神)이 강조됐다.", "兩個確立精神", "“두 개의 확립” 정신"),
        ("그는 '개혁'을 말하며 원칙(原則)을 지켰다.", "原則", "원칙"),  # long enough alone
    ],
)
def test_a_quoted_head_joins_the_rendering(text: str, term: str, gloss: str) -> None:
    assert [o.gloss for o in extract_occurrences(text, "t") if o.term == term] == [gloss]
