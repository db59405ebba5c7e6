"""Extraction's memos (paragraphs, brackets, sentences, encoded lines) never change what is found (issue 14).

Each compares extraction with every memo warm (other texts, other orders,
the same passage elsewhere) with extraction from cold memos, field by field.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import glossary.extract as extract
import glossary.extract.choose as choose
import glossary.extract.text as text_module
import glossary.occurrences as occurrences
from glossary.extract import extract_occurrences
from glossary.occurrences import occurrence_line
from glossary.sources import read_source

PASSAGES = sorted((Path(__file__).parent / "data" / "extract").glob("*.txt"))
PARAGRAPHS = [p for path in PASSAGES for p in read_source(path).text.split("\n\n") if p.strip()]


def cold(text: str, source: str = "a.txt") -> list[tuple]:
    """The occurrences of ``text`` (and their JSON lines) with every memo of extraction emptied first."""
    for memo in (extract._paragraphs, choose._memo, text_module._sentences, occurrences._encoded):
        memo.clear()
    return warm(text, source)


def warm(text: str, source: str = "a.txt") -> list[tuple]:
    return [(dataclasses.astuple(o), occurrence_line(o)) for o in extract_occurrences(text, source)]


def test_every_passage_warm_is_the_passage_cold() -> None:
    expected = {path: cold(read_source(path).text, path.name) for path in PASSAGES}
    for path in PASSAGES:  # memos warm with every other passage
        warm(read_source(path).text, path.name)
    for path in reversed(PASSAGES):
        assert warm(read_source(path).text, path.name) == expected[path]


def test_a_passage_quoted_again_elsewhere_is_found_again_with_its_new_lines() -> None:
    passage = read_source(PASSAGES[0]).text
    alone = cold(passage)
    again = "Some other text first.\n\nAnd a second paragraph.\n\n" + passage
    found = warm(again)
    assert found == cold(again)
    assert [o[0][2] for o in found] == [o[0][2] + 4 for o in alone]  # the same occurrences, four lines down


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6), st.sampled_from(["\n\n", "\n\n\n", "\n \n\n"]))
def test_paragraphs_in_any_order_are_found_as_from_cold(paragraphs: list[str], gap: str) -> None:
    text = gap.join(paragraphs)
    expected = cold(text)
    warm(gap.join(reversed(paragraphs)))  # the same paragraphs, their neighbours changed
    assert warm(text) == expected


def test_a_translation_after_pinyin_in_the_next_paragraph_is_not_taken_from_memory() -> None:
    # The search for a translation after pinyin reads past the line: the paragraph is not remembered alone.
    first = "Young people call it tang ping (躺平),\n\n“lying flat,” a refusal of the rat race.\n"
    second = "Young people call it tang ping (躺平),\n\nand the phrase spread online.\n"
    expected = [cold(first), cold(second)]
    assert [warm(first), warm(second), warm(first)] == [expected[0], expected[1], expected[0]]


def test_the_case_of_the_next_paragraphs_first_letter_is_part_of_the_memory() -> None:
    paragraph = "The Two Sessions (兩會) opened in the U.S."
    texts = [paragraph + "\n\n" + rest for rest in ("the end.", "The end.", "  “the end.”", "")]
    expected = [cold(t) for t in texts]
    assert [warm(t) for t in texts + texts[::-1]] == expected + expected[::-1]
