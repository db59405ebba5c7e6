"""Korean renderings of entries and the choice of the Korean term (glossary/korean.py, through merge_entries).

Every sentence here is written for the test; the patterns are the ones real
Korean news and report texts show (see ../shared/dev/extract).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.korean import (context_korean, is_clause, is_korean, ko_source, korean_renderings, korean_text,
                             preferred_korean)
from glossary.merge import merge_entries
from glossary.model import KoreanReading, Occurrence, Rendering, Term
from glossary.readings import korean_reading
from glossary.termbase import Termbase


def occ(term: str, gloss: str | None, gloss_kind: str | None = "hangul", source: str = "a.ko.txt",
        kind: str = "term") -> Occurrence:
    return Occurrence(term, source, 1, gloss=gloss, gloss_kind=gloss_kind if gloss else None, kind=kind)


def entry(occurrences: list[Occurrence], *terms: Term):  # noqa: ANN201
    (found,) = merge_entries(occurrences, Termbase(Path("terms.yaml") if terms else None, terms))
    return found


def korean(e) -> list[tuple[str, str, str | None, int]]:  # noqa: ANN001
    return [(r.text, r.source, r.kind, r.count) for r in e.ko_renderings]


# --- trimming what the writer printed around the rendering -------------------


@pytest.mark.parametrize(
    ("gloss", "text"),
    [
        ("'신질 생산력'을", "신질 생산력"),  # quoted, then the object particle
        ("“중국의 꿈”이라는", "중국의 꿈"),  # quoting -이라는
        ("‘쌍순환’으로", "쌍순환"),  # 으로, not 로
        ("「공동부유」는", "공동부유"),
        ("20차 당대회", "20차 당대회"),  # digits kept
        ("'14·5 규획'의", "14·5 규획"),  # the middle dot kept
        ("신품질  생산력", "신품질 생산력"),  # one space
        ("신품질 생산력’을", "신품질 생산력"),  # the opening quote was cut off before the rendering
        ("“‘쌍순환’”이", "쌍순환"),  # nested quotes
        ("이른바 ‘내권’이", "내권"),  # the quoted span is the term
        ("‘신품질’ 생산력", "신품질 생산력"),  # quotes inside a rendering go
        ("중국의 꿈", "중국의 꿈"),  # no quotes: nothing is cut (의 inside the rendering stays)
    ],
)
def test_quotes_and_the_particle_after_them_are_trimmed(gloss: str, text: str) -> None:
    assert korean_text(gloss) == text


KOREAN_GLOSS = st.text(alphabet=st.sampled_from(list("가나다신질생산력을를이의 ·14'‘’“”「」")), max_size=20)


@given(KOREAN_GLOSS)
def test_trimming_is_idempotent_and_only_cuts(gloss: str) -> None:
    text = korean_text(gloss)
    assert korean_text(text) == text
    assert text == text.strip() and "  " not in text
    bare = "".join(c for c in gloss if c not in " '‘’“”「」")
    assert text.replace(" ", "") in bare  # only cuts: never adds or reorders
    assert not set(text) & set("'‘’“”「」")


@given(st.lists(KOREAN_GLOSS, max_size=8))
def test_every_korean_occurrence_is_counted_once(glosses: list[str]) -> None:
    found = [occ("新質生產力", g, "translation", source=f"{i}.txt") for i, g in enumerate(glosses)]
    renderings = context_korean(found, KoreanReading("신질생산력", "신질생산력"))
    counted = [o for o in found if is_korean(korean_text(o.gloss or ""))]
    assert sum(r.count for r in renderings) == len(counted)
    assert len({r.text.replace(" ", "") for r in renderings}) == len(renderings)  # spacing variants merged


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("신품질 생산력", False),
        ("중국의 꿈", False),
        ("20차 당대회", False),
        ("품질 강국 건설 요강", False),
        ("마을 공동체 건설", False),  # 마을 is a noun, not an object
        ("먼저 부자가 되어라", True),  # an imperative
        ("새로운 질적 생산력을 촉진", True),  # an object inside: a verb phrase
        ("함께 잘사는", True),
        ("시장 진입 장벽을 낮추고 경쟁을 공정하게 하는 정책", True),
    ],
)
def test_term_like_and_clause_like_renderings(text: str, clause: bool) -> None:
    assert is_clause(text) is clause


# --- renderings and the Korean term, through merge_entries --------------------


def test_a_transcribed_name_is_the_korean_term_and_the_strict_reading_stays_beside_it() -> None:
    # 시진핑(習近平) 국가주석은 ... / 시진핑(习近平) 주석이 ...
    e = entry([
        occ("習近平", "시진핑", "transcription", kind="name"),
        occ("习近平", "시진핑", "transcription", source="b.ko.txt", kind="name"),
    ])
    assert (e.trad, e.ko, e.ko_hanja, e.kind) == ("習近平", "시진핑", "습근평", "name")
    assert korean(e)[0] == ("시진핑", "context", "transcription", 2)
    assert e.ko_renderings[0].documents == ("a.ko.txt", "b.ko.txt")
    assert ("습근평", "reading", "reading", 0) in korean(e)


@pytest.mark.parametrize(("term", "ko", "strict"), [("香港", "홍콩", "향항"), ("深度求索", "딥시크", "심도구색"),
                                                ("澳門", "마카오", "오문")])
def test_a_conventional_form_is_the_names_transcription_not_a_reading(term: str, ko: str, strict: str) -> None:
    """No text renders it: the form Korean writers print is labelled for what it is, a transcription."""
    e = entry([Occurrence(term, "a.en.txt", 1, kind="name")])
    assert (e.ko, ko_source(e.ko, e.ko_renderings)) == (ko, "transcription")
    assert korean(e) == [(ko, "transcription", "transcription", 0), (strict, "reading", "reading", 0)]


def test_a_korean_translation_in_quotes_is_kept_with_its_kind() -> None:
    # 정부는 '신품질 생산력(新質生産力)'을 강조했다. (産: the Korean and Japanese character form)
    e = entry([occ("新質生産力", "'신품질 생산력'을", "translation")])
    assert e.ko == "신품질 생산력"
    assert korean(e)[0] == ("신품질 생산력", "context", "translation", 1)
    assert e.ko_hanja == "신질생산력"


def test_the_attested_hanja_reading_is_a_context_rendering_of_kind_reading() -> None:
    # 정부는 이구환신(以舊換新) 보조금을 늘렸다.
    e = entry([occ("以舊換新", "이구환신")])
    assert (e.ko, e.ko_hanja) == ("이구환신", "이구환신")
    assert e.ko_renderings == (
        Rendering("이구환신", "context", 1, ("a.ko.txt",), also=("reading",), kind="reading"),
    )


def test_spacing_variants_are_one_rendering_with_the_most_frequent_spacing() -> None:
    e = entry([
        occ("新質生產力", "신품질 생산력", "translation"),
        occ("新質生產力", "신품질생산력", "translation", source="b.ko.txt"),
        occ("新質生產力", "‘신품질 생산력’은", "translation", source="c.ko.txt"),
        occ("新質生產力", "신질 생산력", "translation", source="c.ko.txt"),
    ])
    assert korean(e)[:2] == [("신품질 생산력", "context", "translation", 3), ("신질 생산력", "context", "reading", 1)]
    assert e.ko == "신품질 생산력"
    assert [r.text for r in e.ko_renderings].count("신질생산력") == 0  # the reading merged into the attested one


def test_a_curated_ko_wins_and_curated_alternatives_come_first() -> None:
    term = Term("內卷", ko="내권", ko_alt=("인벌루션",))
    e = entry([occ("內卷", "네이쥬안", "transcription"), occ("內卷", "네이쥬안", "transcription")], term)
    assert e.ko == "내권"
    assert korean(e) == [
        ("내권", "curated", "reading", 0), ("인벌루션", "curated", None, 0), ("네이쥬안", "context", "transcription", 2),
    ]
    assert e.ko_renderings[0].also == ("reading",)
    assert {"ko", "ko_alt"} <= set(e.curated)


def test_curated_alternatives_alone_leave_the_choice_to_the_texts() -> None:
    e = entry([occ("中國夢", "중국의 꿈", "translation")], Term("中國夢", ko_alt=("중국몽",)))
    assert e.ko == "중국의 꿈"
    assert [(r.text, r.source) for r in e.ko_renderings] == [("중국몽", "curated"), ("중국의 꿈", "context")]


def test_the_most_frequent_rendering_wins_and_a_curated_spelling_collects_the_counts() -> None:
    e = entry(
        [occ("兩會", "양회"), occ("兩會", "양회", source="b.ko.txt"), occ("兩會", "두 회의", "translation")],
        Term("兩會", ko_alt=("양 회",)),
    )
    assert e.ko == "양 회"  # the curated spelling of the rendering the texts use most
    assert korean(e)[0] == ("양 회", "curated", "reading", 2)


def test_a_term_like_rendering_wins_over_a_more_frequent_paraphrase() -> None:
    e = entry([
        occ("致富光榮", "부자가 되어라", "translation"),
        occ("致富光榮", "부자가 되어라", "translation", source="b.ko.txt"),
        occ("致富光榮", "치부 영광", "translation", source="c.ko.txt"),
    ])
    assert e.ko == "치부 영광"
    assert [r.text for r in e.ko_renderings][:2] == ["치부 영광", "부자가 되어라"]


def test_a_paraphrase_is_still_better_than_nothing() -> None:
    e = entry([occ("致富光榮", "부자가 되어라", "translation")])
    assert e.ko == "부자가 되어라"


def test_on_a_tie_the_standard_form_goes_first() -> None:
    # 내권(內卷) in one text, 인벌루션(內卷) in another: the reading is the standard form
    e = entry([occ("內卷", "인벌루션", "translation"), occ("內卷", "내권", source="b.ko.txt")])
    assert e.ko == "내권"


@pytest.mark.parametrize(
    ("term", "gloss", "ko"),
    [
        ("二十大", "20차 당대회", "20차 당대회"),
        ("十四五規劃", "'14·5 규획'을", "14·5 규획"),
        ("兩會", "양회를", "양회"),  # a particle after the reading itself is trimmed, quotes or not
        ("以舊換新", "이구환신을", "이구환신"),
        ("以舊換新", "이구환신 정책", "이구환신"),  # a generic head after the reading is no part of the term
    ],
)
def test_digits_are_kept_and_particles_trimmed(term: str, gloss: str, ko: str) -> None:
    assert entry([occ(term, gloss, "translation")]).ko == ko


def test_a_title_with_no_korean_rendering_has_no_korean_term_and_says_why() -> None:
    e = entry([occ("關於全面深化改革若干重大問題的決定", "Decision on Major Issues", "translation", kind="title")])
    assert (e.ko, e.ko_romanized, e.kind) == ("", "", "title")
    assert e.ko_hanja.startswith("관어전면심화개혁")  # the strict reading is still there, in its own field
    assert e.ko_renderings == ()  # a character reading of Chinese grammar is no Korean rendering
    assert "title" in (e.note or "")


def test_a_title_with_a_korean_rendering_takes_it() -> None:
    e = entry([occ("質量強國建設綱要", "품질 강국 건설 요강", "translation", kind="title")])
    assert e.ko == "품질 강국 건설 요강"
    assert e.note is None


def test_a_clause_gets_no_korean_term_and_a_curated_note_is_kept() -> None:
    clause = "堅持穩中求進、以進促穩"
    e = entry([occ(clause, "seek progress while keeping stability", "translation")], Term(clause, note="2025 slogan."))
    assert e.ko == ""
    assert e.note is not None and e.note.startswith("2025 slogan. ") and "clause" in e.note


def test_english_renderings_are_not_korean_ones() -> None:
    e = entry([occ("以舊換新", "trade-in scheme", "translation")])
    assert korean(e) == [("이구환신", "reading", "reading", 0)]
    assert e.ko == "이구환신"


def test_the_entry_is_a_name_when_its_occurrences_say_so() -> None:
    e = entry([occ("王毅", "왕이", "transcription", kind="name"), occ("王毅", None)])
    assert e.kind == "name"
    assert e.ko == "왕이"


def test_hangul_renderings_are_not_repeated_among_the_other_renderings() -> None:
    e = entry([occ("利用厚生", "I-yong Hu-seong", "romanization"), occ("利用厚生", "이용후생")])
    assert e.renderings_other == (("romanization", "I-yong Hu-seong"),)
    assert e.ko_renderings[0].source == "context"


# --- the choice against the reading contract (transcription of modern names) ----


MODERN = KoreanReading("헤이룽장", "흑룡강", "헤이룽장", "name:modern")
HISTORICAL = KoreanReading("정화", "정화", None, "name:historical")


def test_a_modern_name_with_no_korean_text_is_transcribed() -> None:
    renderings = korean_renderings(None, [], MODERN)
    assert [(r.text, r.source, r.kind) for r in renderings] == [
        ("헤이룽장", "transcription", "transcription"), ("흑룡강", "reading", "reading"),
    ]
    assert preferred_korean(None, renderings, MODERN) == ("헤이룽장", "transcription")


def test_a_historical_name_keeps_the_reading() -> None:
    assert preferred_korean(None, korean_renderings(None, [], HISTORICAL), HISTORICAL) == ("정화", "reading")


def test_a_unit_the_hanja_lacks_is_trimmed_from_a_place_name() -> None:
    # 헤이룽장성(黑龍江) 시찰: the bracket holds the bare name; 黑龍江省 keeps its 성
    found = context_korean([occ("黑龍江", "헤이룽장성", "transcription")], MODERN)
    assert [(r.text, r.kind) for r in found] == [("헤이룽장", "transcription")]
    kept = context_korean([occ("黑龍江省", "헤이룽장성", "transcription")], MODERN)
    assert [r.text for r in kept] == ["헤이룽장성"]


def test_texts_win_over_the_transcription() -> None:
    # an older Korean text writing the reading, twice: attested beats computed
    found = [occ("黑龍江", "흑룡강"), occ("黑龍江", "흑룡강", source="b.ko.txt")]
    renderings = korean_renderings(None, found, MODERN)
    assert preferred_korean(None, renderings, MODERN) == ("흑룡강", "context")
    assert [r.source for r in renderings] == ["context", "transcription"]


def test_an_empty_reading_is_a_clause() -> None:
    clause = KoreanReading("", "관어진일보전면심화개혁", None, "clause")
    assert preferred_korean(None, korean_renderings(None, [], clause, clause=True), clause) == ("", None)


def test_entries_follow_the_reading_engine() -> None:
    """Whatever the engine decides for a bare name, the entry takes it when no text says otherwise."""
    reading = korean_reading("習近平", kind="name", english=("Xi Jinping",))
    e = entry([occ("習近平", "Xi Jinping", "translation", kind="name")])
    assert (e.ko, e.ko_hanja) == (reading.ko, reading.ko_hanja)
    assert e.ko_hanja == "습근평"


def test_the_engine_reading_in_korean_usage_comes_before_the_strict_one() -> None:
    usage = KoreanReading("인류운명공동체", "인류명운공동체", None, "term")
    renderings = korean_renderings(None, [], usage)
    assert [(r.text, r.source) for r in renderings] == [("인류운명공동체", "reading"), ("인류명운공동체", "reading")]
    assert preferred_korean(None, renderings, usage) == ("인류운명공동체", "reading")


def test_a_job_title_after_a_transcribed_name_is_trimmed() -> None:
    xi = KoreanReading("시진핑", "습근평", "시진핑", "name:modern")
    found = context_korean([occ("習近平", "시진핑 국가주석", "transcription")], xi)
    assert [(r.text, r.kind) for r in found] == [("시진핑", "transcription")]


@pytest.mark.parametrize(
    ("term", "gloss", "reading", "text"),
    [
        ("漢納", "저장한나", KoreanReading("한나", "한납", "한나", "name:modern"), "한나"),  # the province before a company
        ("國務院", "중국 국무원", KoreanReading("국무원", "국무원", None, "name:institution"), "국무원"),
        ("習近平", "시진핑 국가주석", KoreanReading("시진핑", "습근평", "시진핑", "name:modern"), "시진핑"),
        ("黑龍江", "헤이룽장성", KoreanReading("헤이룽장", "흑룡강", "헤이룽장", "name:modern"), "헤이룽장"),
        ("國務院", "국무원의", KoreanReading("국무원", "국무원", None, "name:institution"), "국무원"),
        ("深度求索", "딥시크", KoreanReading("심도구색", "심도구색", None, "term"), "딥시크"),  # a translation: kept whole
        ("中國夢", "중국의 꿈", KoreanReading("중국몽", "중국몽", None, "term"), "중국의 꿈"),
    ],
)
def test_what_the_bracket_does_not_hold_is_cut_from_a_reading_or_transcription(
    term: str, gloss: str, reading: KoreanReading, text: str
) -> None:
    assert [r.text for r in context_korean([occ(term, gloss, "transcription")], reading)] == [text]


def test_on_a_tie_a_modern_name_takes_the_transcription_and_a_term_the_reading() -> None:
    xi = KoreanReading("시진핑", "습근평", "시진핑", "name:modern")
    found = [occ("習近平", "습근평"), occ("習近平", "시진핑", "transcription", source="b.ko.txt")]
    assert preferred_korean(None, korean_renderings(None, found, xi), xi) == ("시진핑", "context")
    qiushi = KoreanReading("추스", "구시", "추스", "name:modern")
    found = [occ("求是", "치우스", "transcription"), occ("求是", "추스", "transcription", source="b.ko.txt")]
    assert preferred_korean(None, korean_renderings(None, found, qiushi), qiushi) == ("추스", "context")


@pytest.mark.parametrize(("term", "ko", "strict"), [("人民幣", "위안화", "인민폐"), ("出口管制", "수출통제", "출구관제"),
                                                ("大數據", "빅데이터", "대수거")])
def test_a_korean_word_in_place_of_the_reading_is_a_translation(term: str, ko: str, strict: str) -> None:
    """The reading means something else in Korean (출구 'exit'): the word Korean writers print, labelled a translation."""
    from glossary.readings import is_hangul_reading

    e = entry([Occurrence(term, "a.en.txt", 1)])
    assert (e.ko, e.ko_hanja) == (ko, strict)
    assert korean(e) == [(ko, "reading", "translation", 0), (strict, "reading", "reading", 0)]
    assert not is_hangul_reading(ko, term) and is_hangul_reading(strict, term)


def test_a_usage_reading_stays_a_reading() -> None:
    e = entry([Occurrence("人類命運共同體", "a.en.txt", 1)])
    assert korean(e)[0] == ("인류운명공동체", "reading", "reading", 0)
