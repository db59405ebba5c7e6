"""English renderings: sources, merging of variants, order of trust."""

from __future__ import annotations

import pytest

from glossary.glosses import context_renderings, gloss_renderings, is_english, other_renderings, variant_key
from glossary.model import Occurrence, Rendering, Term


def occ(gloss: str | None, kind: str | None = "translation", source: str = "a.txt", term: str = "兩會") -> Occurrence:
    return Occurrence(term, source, 1, gloss=gloss, gloss_kind=kind)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Two Sessions", "two sessions"),
        ("the Two Sessions", "Two Sessions"),
        ("‘Two Sessions’", "Two Sessions"),
        ("'common prosperity'", "common prosperity"),
        ("a community of shared future", "community of shared futures"),
        ("policies", "policy"),
    ],
)
def test_variants_merge(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize(("a", "b"), [("Two Sessions", "Two Session Meetings"), ("process", "proces"), ("DeepSeek", "Deep Seek")])
def test_different_renderings_stay_apart(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


def test_context_counts_documents_and_order() -> None:
    found = context_renderings(
        [
            occ("NPC and CPPCC", source="b.txt"),
            occ("Two Sessions", source="a.txt"),
            occ("the two sessions", source="b.txt"),
            occ("Two Sessions", source="a.txt"),
            occ("I-yong Hu-seong", kind="romanization"),
            occ("양회", kind="hangul"),
            occ(None, kind=None),
        ]
    )
    assert found == (
        Rendering("Two Sessions", "context", count=3, documents=("a.txt", "b.txt")),
        Rendering("NPC and CPPCC", "context", count=1, documents=("b.txt",)),
    )


def test_romanisations_and_korean_are_not_english() -> None:
    others = other_renderings(
        [
            occ("I-yong Hu-seong", kind="romanization", term="利用厚生"),
            occ("gongtong fuyu", kind="pinyin", term="共同富裕"),
            occ("이구환신", kind="hangul", term="以舊換新"),
            occ("중국의 꿈", term="中國夢"),
            occ("Two Sessions"),
        ]
    )
    assert others == (
        ("romanization", "I-yong Hu-seong"),
        ("pinyin", "gongtong fuyu"),
        ("hangul", "이구환신"),
        ("ko", "중국의 꿈"),
    )
    assert not is_english("중국의 꿈")


def test_curated_first_then_context_dictionary_literal() -> None:
    renderings = gloss_renderings(
        Term("兩會", en="Two Sessions", en_alt=("NPC and CPPCC sessions",)),
        [occ("Two Sessions"), occ("two sessions", source="b.txt"), occ("annual sessions")],
        "兩會",
    )
    assert [r.source for r in renderings][:3] == ["curated", "curated", "context"]
    assert renderings[0] == Rendering("Two Sessions", "curated", count=2, documents=("a.txt", "b.txt"), also=("context",))
    assert "dictionary" in [r.source for r in renderings]


def test_dictionary_sense_is_cut_to_its_name() -> None:
    renderings = gloss_renderings(None, [], "一帶一路")
    assert renderings[0] == Rendering("Belt and Road Initiative", "dictionary")


def test_literal_only_after_every_other_source() -> None:
    renderings = gloss_renderings(None, [occ("common prosperity", term="共同富裕")], "共同富裕")
    assert [r.source for r in renderings] == ["context", "literal"]
    alone = gloss_renderings(None, [], "共同富裕")
    assert [(r.text, r.source) for r in alone] == [("common + prosperous", "literal")]


def test_the_same_rendering_from_another_source_is_evidence_not_a_second_rendering() -> None:
    renderings = gloss_renderings(None, [occ("Belt and Road Initiative", term="一帶一路")], "一帶一路")
    assert renderings == (
        Rendering("Belt and Road Initiative", "context", count=1, documents=("a.txt",), also=("dictionary",)),
    )


def test_name_renderings_from_the_texts():
    """A name as the text writes it is a rendering: English beside English ones, hangul as a transcription."""
    from glossary.glosses import context_renderings, other_renderings
    from glossary.model import Occurrence

    occ = [Occurrence("习仲勋", "a.txt", 1, gloss="Xi Zhongxun", gloss_kind="name"),
           Occurrence("習仲勳", "b.txt", 1, gloss="시중쉰", gloss_kind="name")]
    assert [r.text for r in context_renderings(occ)] == ["Xi Zhongxun"]
    assert other_renderings(occ) == (("transcription", "시중쉰"),)
