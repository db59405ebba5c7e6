"""JSON lines of occurrences: the line made directly is the encoder's to the byte."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Occurrence
from glossary.jsonenc import encoder
from glossary.occurrences import occurrence_from_row, occurrence_line, occurrence_record, occurrence_row

TEXT = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\"\\\n\t\x00\u2028兩會양회"), max_size=12)
MAYBE = st.none() | TEXT


@settings(max_examples=300, deadline=None)
@given(term=st.text(min_size=1, max_size=6), source=TEXT, line=st.integers(0, 10**9), context=TEXT, gloss=MAYBE,
       gloss_kind=MAYBE, abbrev=MAYBE, pinyin=MAYBE, variants=st.lists(TEXT, max_size=3), kind=TEXT, bracket=TEXT,
       encoding=MAYBE, location=MAYBE)
def test_the_line_is_the_encoders(term: str, source: str, line: int, context: str, gloss: str | None,
                                  gloss_kind: str | None, abbrev: str | None, pinyin: str | None, variants: list[str],
                                  kind: str, bracket: str, encoding: str | None, location: str | None) -> None:
    occ = Occurrence(term, source, line, context=context, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev,
                     pinyin=pinyin, variants=tuple(variants), kind=kind, bracket=bracket, encoding=encoding,
                     location=location)
    assert occurrence_line(occ) == json.dumps(occurrence_record(occ), ensure_ascii=False)


def test_a_lone_surrogate_is_escaped_as_the_encoder_does() -> None:
    occ = Occurrence("兩會", "a.txt", 1, context="bad \udcff byte")
    assert occurrence_line(occ) == json.dumps(occurrence_record(occ), ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(term=st.text(min_size=1, max_size=6), source=TEXT, line=st.integers(0, 10**9), context=TEXT, gloss=MAYBE,
       gloss_kind=MAYBE, abbrev=MAYBE, pinyin=MAYBE, variants=st.lists(TEXT, max_size=3), kind=TEXT, bracket=TEXT,
       encoding=MAYBE, location=MAYBE)
def test_a_row_reads_back_as_the_occurrence(term: str, source: str, line: int, context: str, gloss: str | None,
                                            gloss_kind: str | None, abbrev: str | None, pinyin: str | None,
                                            variants: list[str], kind: str, bracket: str, encoding: str | None,
                                            location: str | None) -> None:
    # The build's cache keeps occurrences as rows of JSON: every field comes back, in its place.
    occ = Occurrence(term, source, line, context=context, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev,
                     pinyin=pinyin, variants=tuple(variants), kind=kind, bracket=bracket, encoding=encoding,
                     location=location)
    assert occurrence_from_row(json.loads(encoder(",", ":")(occurrence_row(occ)))) == occ


_ROW = occurrence_row(Occurrence("兩會", "a.txt", 3))


@pytest.mark.parametrize("bad", [_ROW[:-1], [*_ROW, None], [3, *_ROW[1:]], [*_ROW[:2], "3", *_ROW[3:]], {"term": "兩會"}])
def test_a_row_that_is_no_occurrence_is_refused(bad) -> None:
    # A damaged cache row: the build reads the text again (pipeline._with_kept catches these two).
    with pytest.raises((ValueError, TypeError)):
        occurrence_from_row(bad)
