"""The signals extraction weighs, one function each (glossary/extract/*)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.extract.choose import Candidate, choose_rendering, next_cell, previous_cell, weight
from glossary.extract.kinds import is_clause, is_proper_name, name_kinds
from glossary.extract.korean import transcribed_part
from glossary.extract.quotes import quoted_before
from glossary.extract.sound import is_transcription, maybe_pinyin
from glossary.extract.text import in_code_span, strip_aside, unmark_emphasis


@pytest.mark.parametrize(("before", "quoted"), [
    ("the slogan “dual circulation” ", "dual circulation"),
    ("the ‘Chinese dream’", "Chinese dream"),
    ("the “dual circulation” strategy ", "dual circulation"),
    ("China’s policy ", None),  # an apostrophe is not a quote
])
def test_quoted_before(before, quoted):
    assert quoted_before(before, "") == quoted


@pytest.mark.parametrize(("latin", "term", "expected"), [
    ("gongtong fuyu", "共同富裕", True),
    ("tǎngpíng", "躺平", True),
    ("common prosperity", "共同富裕", False),
])
def test_maybe_pinyin(latin, term, expected):
    assert maybe_pinyin(latin, term) is expected


@pytest.mark.parametrize(("hangul", "term", "expected"), [
    ("시진핑", "習近平", True),
    ("후허하오터", "呼和浩特", True),
    ("습근평", "習近平", False),  # the hanja reading, not the sound
])
def test_is_transcription(hangul, term, expected):
    assert is_transcription(hangul, term) is expected


@pytest.mark.parametrize(("word", "term", "part"), [
    ("지린성", "吉林", "지린"),
    ("지린성", "吉林省", None),  # the term has 省: nothing to cut
    ("우시", "無錫", None),  # the whole word already
])
def test_transcribed_part(word, term, part):
    assert transcribed_part(word, term) == part


@pytest.mark.parametrize(("term", "expected"), [
    ("邓小平", True), ("上海", True), ("华为", True), ("人民日报", True),
    ("国务院", False), ("春节", False), ("大跃进", False), ("中共中央", False), ("两会", False),
])
def test_is_proper_name(term, expected):
    assert is_proper_name(term) is expected


def test_name_kinds_leaves_titles_and_others():
    assert name_kinds("邓小平文选", "title", "Selected Works", "translation") == ("title", "translation")


@pytest.mark.parametrize(("pieces", "expected"), [
    (["整合科技资源", "引领未来产业", "加快形成新生产力"], True),
    (["推进高水平开放", "加快建设贸易强国"], True),
    (["碳达峰", "碳中和"], False),
    (["全过程人民民主", "中国式现代化"], False),
    (["稳增长", "调结构", "惠民生"], False),
])
def test_is_clause(pieces, expected):
    assert is_clause(pieces) is expected


@pytest.mark.parametrize(("before", "rest", "acronym"), [
    ("The Central Military Commission (CMC) ", "The Central Military Commission", "CMC"),
    ("the Two Centenaries[2]", "the Two Centenaries", None),
    ("the capital (Beijing) ", "the capital (Beijing) ", None),  # a word in brackets, not an acronym
])
def test_strip_aside(before, rest, acronym):
    assert strip_aside(before) == (rest, acronym)


@pytest.mark.parametrize(("text", "expected"), [
    ("a *new* idea", "a “new” idea"),
    ("snake_case_name stays", "snake_case_name stays"),
    ("2 * 3 * 4", "2 * 3 * 4"),
])
def test_unmark_emphasis(text, expected):
    assert unmark_emphasis(text) == expected


def test_in_code_span():
    text = "see `f(术语)` and (两会)"
    assert in_code_span(text, text.index("术"))
    assert not in_code_span(text, text.index("两"))


def test_table_cells():
    row = "| Two Sessions | 两会 | 3 |"
    assert previous_cell(row, row.index("两")) == "Two Sessions"
    assert next_cell("| 两会 | 3.5 |", 4) is None  # a number is not a rendering


def test_weights_order_a_terminologist_reads():
    beside = Candidate("taoguang yanghui", "pinyin", "beside")
    inside = Candidate("hide one's light", "translation", "inside")
    english = Candidate("keeping a low profile", "translation", "beside")
    assert choose_rendering([beside, inside], "en") is inside
    assert choose_rendering([english, inside], "en") is english
    # a Korean reading inside beats a paraphrase beside, not in an English text
    reading = Candidate("양회", "hangul", "inside-hangul")
    paraphrase = Candidate("2개의 회의", "translation", "beside")
    assert choose_rendering([paraphrase, reading], "ko") is reading
    assert weight(reading, "en") < weight(paraphrase, "en")
    assert choose_rendering([], "en") is None


@given(st.lists(st.sampled_from([
    Candidate("a", "translation", "beside"), Candidate("b", "pinyin", "beside"),
    Candidate("c", "translation", "inside"), Candidate("d", "hangul", "inside-hangul"),
    Candidate("e", "translation", "next-bracket"), Candidate("f", "translation", "title"),
]), min_size=1, max_size=6), st.sampled_from(["en", "ko"]))
def test_choice_is_a_maximum(candidates, lang):
    best = choose_rendering(candidates, lang)
    assert best in candidates
    assert all(weight(c, lang) <= weight(best, lang) for c in candidates)
