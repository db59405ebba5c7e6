"""JSON lines of occurrences: the line made directly is the encoder's to the byte."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.model import Occurrence
from glossary.occurrences import occurrence_line, occurrence_record

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
