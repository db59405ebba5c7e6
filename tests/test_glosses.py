"""English renderings: sources, merging of variants, order of trust."""

from __future__ import annotations

import pytest

from glossary.glosses import (
    context_renderings,
    gloss_renderings,
    is_english,
    is_name_rendering,
    other_renderings,
    variant_key,
)
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


def test_romanisations_are_other_renderings_and_korean_is_not() -> None:
    others = other_renderings(
        [
            occ("I-yong Hu-seong", kind="romanization", term="利用厚生"),
            occ("gongtong fuyu", kind="pinyin", term="共同富裕"),
            occ("이구환신", kind="hangul", term="以舊換新"),
            occ("중국의 꿈", term="中國夢"),
            occ("Two Sessions"),
        ]
    )
    # hangul renderings are the entry's Korean renderings (tests/test_korean.py)
    assert others == (("romanization", "I-yong Hu-seong"), ("pinyin", "gongtong fuyu"))
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


BRI_SENSE = (
    "Belt and Road Initiative, Chinese government plan to provide finance and engineering expertise to build "
    "infrastructure across Eurasia and northeast Africa, unveiled in 2013"
)


def test_dictionary_sense_is_cut_to_its_name() -> None:
    renderings = gloss_renderings(None, [], "一帶一路")
    assert renderings[0] == Rendering(
        "Belt and Road Initiative", "dictionary", note=BRI_SENSE.partition(", ")[2], raw=BRI_SENSE
    )


@pytest.mark.parametrize(
    ("term", "first", "note_has"),
    [
        ("習近平", "Xi Jinping", "1953–"),
        ("國務院", "State Council", "PRC"),
        ("中共中央", "Central Committee of the Communist Party of China", "abbr. for 中國共產黨中央委員會"),
        ("張三李四", "any Tom, Dick or Harry", "lit. Zhang Three and Li Four"),
        ("黑龍江", "Heilongjiang Province", "capital Harbin"),
    ],
)
def test_dictionary_renderings_are_fit_to_paste(term: str, first: str, note_has: str) -> None:
    renderings = gloss_renderings(None, [], term)
    assert renderings[0].text == first and note_has in renderings[0].note
    assert renderings[0].raw is not None
    assert not any(c in r.text for r in renderings for c in "()[]|")
    assert "State Department" not in [r.text for r in renderings]


# (gloss as the extractor classed it, the term, the occurrence kind, is it the English name?)
@pytest.mark.parametrize(
    ("gloss", "term", "kind", "name"),
    [
        ("Heilongjiang", "黑龍江", "term", True),  # CC-CEDICT marks 黑龍江 a proper noun
        ("Heilongjiang", "黑龙江", "term", True),
        ("Xi Zhongxun", "习仲勋", "term", True),  # not in CC-CEDICT: surname 习 + given name
        ("Xi Zhongxun", "習仲勳", "term", True),
        ("Peng Zhen", "彭真", "term", True),
        ("Zhao Ziyang", "赵紫阳", "term", True),
        ("Ouyang Xiu", "歐陽修", "term", True),  # two-character surname
        ("Xi Jinping", "習近平", "term", True),
        ("Zhongnanhai", "中南海", "term", True),
        ("Shenzhen", "深圳", "name", True),
        ("neijuan", "內卷", "term", False),  # lower case: pinyin
        ("Neijuan", "內卷", "term", False),  # a common word's pinyin, capitalised at a sentence start
        ("Gongtong Fuyu", "共同富裕", "term", False),
        ("Tang Ping", "躺平", "term", False),
        ("Hukou", "戶口", "term", False),
        ("Xi Jinping", "彭真", "name", False),  # not the term's syllables
        ("Xi Jinping Thought", "習近平", "term", False),
    ],
)
def test_name_renderings_in_pinyin(gloss: str, term: str, kind: str, name: bool) -> None:
    assert is_name_rendering(gloss, term, kind=kind) is name


def test_a_name_the_texts_spell_in_pinyin_is_an_english_rendering() -> None:
    occurrences = [
        Occurrence("黑龍江", "a.txt", 1, gloss="Heilongjiang", gloss_kind="pinyin"),
        Occurrence("黑龙江", "b.txt", 4, gloss="Heilongjiang", gloss_kind="pinyin"),
    ]
    renderings = gloss_renderings(None, occurrences, "黑龍江")
    assert renderings[0] == Rendering("Heilongjiang", "context", count=2, documents=("a.txt", "b.txt"))
    assert [r.source for r in renderings[1:]] == ["dictionary"] * (len(renderings) - 1)
    assert other_renderings(occurrences) == ()
    pinyin = [Occurrence("內卷", "a.txt", 1, gloss="neijuan", gloss_kind="pinyin")]
    assert other_renderings(pinyin) == (("pinyin", "neijuan"),)
    assert all(r.source == "dictionary" for r in gloss_renderings(None, pinyin, "內卷"))


def test_a_name_the_extractor_classed_as_a_name_is_an_english_rendering() -> None:
    found = context_renderings([Occurrence("蔡英文", "a.txt", 1, gloss="Tsai Ing-wen", gloss_kind="name", kind="name")])
    assert [r.text for r in found] == ["Tsai Ing-wen"]


def test_a_dictionary_sense_never_outranks_the_texts() -> None:
    # the texts say "State Council" once and a rarer form twice: both before CC-CEDICT
    occurrences = [occ("State Council of China", term="國務院"), occ("State Council of China", term="國務院"),
                   occ("Chinese cabinet", term="國務院")]
    renderings = gloss_renderings(None, occurrences, "國務院")
    sources = [r.source for r in renderings]
    assert sources == sorted(sources, key=["curated", "context", "dictionary", "literal"].index)
    assert [r.text for r in renderings] == ["State Council of China", "Chinese cabinet", "State Council"]


def test_the_dictionary_note_stays_with_the_texts_rendering() -> None:
    renderings = gloss_renderings(None, [occ("Xi Jinping", term="習近平")], "習近平")
    assert renderings[0].source == "context" and renderings[0].also == ("dictionary",)
    assert renderings[0].note.startswith("1953–; PRC politician")
    assert renderings[0].raw.startswith("Xi Jinping (1953–), PRC politician")


def test_literal_only_after_every_other_source() -> None:
    renderings = gloss_renderings(None, [occ("common prosperity", term="共同富裕")], "共同富裕")
    assert [r.source for r in renderings] == ["context", "literal"]
    alone = gloss_renderings(None, [], "共同富裕")
    assert [(r.text, r.source) for r in alone] == [("common + prosperous", "literal")]


def test_the_same_rendering_from_another_source_is_evidence_not_a_second_rendering() -> None:
    renderings = gloss_renderings(None, [occ("Belt and Road Initiative", term="一帶一路")], "一帶一路")
    assert renderings == (
        Rendering("Belt and Road Initiative", "context", count=1, documents=("a.txt",), also=("dictionary",),
                  note=BRI_SENSE.partition(", ")[2], raw=BRI_SENSE),
    )


def test_a_name_gets_no_literal_gloss() -> None:
    name = [Occurrence("习仲勋", "a.txt", 1, gloss="Xi Zhongxun", gloss_kind="pinyin")]
    assert [(r.text, r.source) for r in gloss_renderings(None, name, "習仲勳")] == [("Xi Zhongxun", "context")]
    assert [r.source for r in gloss_renderings(None, [], "習仲勳", is_name=True)] == []
    assert [r.source for r in gloss_renderings(None, [], "習仲勳")] == ["literal"]


def test_note_and_raw_round_trip_through_json() -> None:
    from glossary.export.jsondoc import entry_from_json, entry_to_json
    from glossary.merge import build_entry

    entry = build_entry("国务院", [occ("State Council", term="国务院")], None)
    data = entry_to_json(entry)
    [rendering] = data["renderings"]
    assert (rendering["note"], rendering["raw"]) == ("PRC", "(PRC) State Council")
    assert entry_from_json(data).en == entry.en
    assert "note" not in entry_to_json(build_entry("两会", [occ("Two Sessions")], None))["renderings"][0]


def test_name_renderings_from_the_texts():
    """A name as the text writes it is a rendering: English beside English ones, hangul as a transcription."""
    from glossary.glosses import context_renderings, other_renderings
    from glossary.model import Occurrence

    occ = [Occurrence("习仲勋", "a.txt", 1, gloss="Xi Zhongxun", gloss_kind="name"),
           Occurrence("習仲勳", "b.txt", 1, gloss="시중쉰", gloss_kind="name")]
    assert [r.text for r in context_renderings(occ)] == ["Xi Zhongxun"]
    assert other_renderings(occ) == ()  # the hangul is a Korean rendering (glossary/korean.py)
    from glossary.korean import context_korean
    from glossary.readings import korean_reading

    assert [(r.text, r.kind) for r in context_korean(occ, korean_reading("習仲勳"))] == [("시중쉰", "transcription")]
