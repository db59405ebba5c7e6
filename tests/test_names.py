"""Tests for glossary/names.py: person, place, organisation; modern or historical."""

from __future__ import annotations

import pytest

from glossary import names
from glossary.names import classify, split_admin_suffix


@pytest.mark.parametrize(
    ("trad", "category", "era"),
    [
        # modern persons: CC-CEDICT life dates after 1911
        ("習近平", "person", "modern"),
        ("毛澤東", "person", "modern"),
        ("鄧小平", "person", "modern"),
        ("袁世凱", "person", "modern"),  # 1859-1916: lived into modern times
        ("魯迅", "person", "modern"),
        # modern persons CC-CEDICT lacks: a surname and a given name that is no word
        ("李強", "person", "modern"),
        ("丁薛祥", "person", "modern"),
        ("何立峰", "person", "modern"),
        ("歐陽明高", "person", "modern"),  # compound surname
        # historical persons
        ("孔子", "person", "historical"),  # 551-479 BC
        ("鄭和", "person", "historical"),  # 1371-1433
        ("秦始皇", "person", "historical"),
        ("李鴻章", "person", "historical"),  # 1823-1901
        ("關羽", "person", "historical"),  # "Guan Yu (-219)": only the year of death
        ("呂布", "person", "historical"),  # "Lü Bu (-198)"
        # another name of a person the dictionary describes under the main name
        ("孫文", "person", "modern"),  # "the original name of 孫中山 …" (1866-1925)
        ("墨翟", "person", "historical"),  # "original name of Mozi 墨子"
        ("趙子龍", "person", "historical"),  # "courtesy name of Zhao Yun 趙雲" (-229), not a modern 자오쯔룽
        # current places
        ("北京", "place", "modern"),
        ("黑龍江", "place", "modern"),  # "see 黑龍江省": the reference is followed
        ("深圳", "place", "modern"),
        ("重慶", "place", "modern"),
        ("天安門", "place", "modern"),
        ("黃河", "place", "modern"),
        # historical places
        ("長安", "place", "historical"),  # ancient name of Xi'an
        # organisations
        ("國務院", "institution", ""),
        ("外交部", "institution", ""),
        ("中央委員會", "institution", ""),
        ("國家發展和改革委員會", "institution", ""),
        ("人民日報", "institution", ""),
        # firms: CC-CEDICT names internet firms by their service ("Internet portal and search
        # engine", "video hosting platform", "app"), car makers by "car make"
        ("百度", "company", "modern"),
        ("優酷", "company", "modern"),
        ("快手", "company", "modern"),
        ("華為", "company", "modern"),
        ("微博", "term", ""),  # also "microblog": a name only when a text says so
        # firms of another country: never by the Mandarin sound
        ("馬自達", "foreign", "modern"),  # "Mazda, Japanese car make"
        ("雪佛萊", "foreign", "modern"),  # "Chevrolet, US car make"
        # foreign persons keep the reading
        ("金正恩", "foreign", "modern"),
        ("安倍晉三", "japanese", "modern"),  # by the Japanese kana table
        # terms
        ("以舊換新", "term", ""),
        ("一帶一路", "term", ""),  # capitalised in CC-CEDICT, but no person or place
        ("中國", "term", ""),
        ("全過程", "term", ""),  # 全 is a surname, 過程 a word
        ("高質量", "term", ""),
        ("高鐵站", "term", ""),
        ("汪洋", "term", ""),  # a common word first (vast ocean), without a text saying it is a name
        ("開封", "term", ""),  # also "to open"
    ],
)
def test_classify(trad: str, category: str, era: str) -> None:
    found = classify(trad)
    assert (found.category, found.era) == (category, era)


@pytest.mark.parametrize(
    "trad",
    [
        "關於進一步全面深化改革、推進中國式現代化的決定",  # punctuation and 的
        "人與自然和諧共生",  # 與 between words
        "關於…的決定",
        "習近平新時代中國特色社會主義思想",  # long, no dictionary word
    ],
)
def test_clauses(trad: str) -> None:
    assert classify(trad).category == "clause"


def test_a_long_institution_is_no_clause() -> None:
    assert classify("全國人民代表大會常務委員會").category == "institution"


def test_title_kind() -> None:
    assert classify("中國共產黨章程修正案", kind="title").category == "clause"
    assert classify("求是", kind="title").korean == "치우스"  # a journal, printed by convention


def test_kind_term_does_not_guess_from_surnames() -> None:
    assert classify("丁薛祥", kind="term").category == "term"
    assert classify("丁薛祥", kind="name").category == "person"
    assert classify("汪洋", kind="name").category == "person"  # the text says it is a name


@pytest.mark.parametrize(
    ("trad", "english", "category", "proper", "suffix"),
    [
        ("習仲勳", ("Xi Zhongxun",), "person", "習仲勳", ""),
        ("廣東省", ("Guangdong Province",), "place", "廣東", "省"),
        ("義烏市", ("Yiwu City",), "place", "義烏", "市"),
    ],
)
def test_english_beside_the_term(
    trad: str, english: tuple[str, ...], category: str, proper: str, suffix: str
) -> None:
    found = names.english(trad, "term", english)
    assert found is not None
    assert (found.category, found.era, found.proper, found.suffix) == (category, "modern", proper, suffix)


@pytest.mark.parametrize(
    ("trad", "english"),
    [
        ("躺平", ("tangping",)),  # pinyin as the English of a term, not capitalised
        ("內卷", ("Involution",)),  # capitalised, but not the pinyin
        ("戶口", ("Hukou",)),  # one capitalised word matching the pinyin: no sign of a name
        ("高鐵", ("Gaotie",)),  # ... even after a surname character
        ("共同富裕", ("Gongtong Fuyu",)),  # capitalised pinyin of a term
        ("高質量發展", ("Gao Zhiliang Fazhan",)),  # too long for a surname and a given name
    ],
)
def test_english_that_is_no_name(trad: str, english: tuple[str, ...]) -> None:
    assert names.english(trad, "term", english) is None


@pytest.mark.parametrize(
    ("trad", "expected"),
    [
        ("廣東省", ("廣東", "省")),
        ("深圳市", ("深圳", "市")),
        ("西藏自治區", ("西藏", "自治區")),
        ("浦東新區", ("浦東", "新區")),
        ("香港特別行政區", ("香港", "特別行政區")),
        ("城市", ("城市", "")),  # one character left: no suffix
    ],
)
def test_split_admin_suffix(trad: str, expected: tuple[str, str]) -> None:
    assert split_admin_suffix(trad) == expected


def test_data_tables_are_clean() -> None:
    table = names.surnames()
    assert len(table) > 300
    assert all(len(s) in (1, 2) for s in table)
    for trad, (korean, what) in ((k, names.conventional_form(k)) for k in ("香港", "澳門", "求是")):
        assert all("가" <= ch <= "힣" for ch in korean) and what in names.CATEGORIES


@pytest.mark.parametrize(
    ("sense", "category"),
    [
        ("Lizi, Chinese video-sharing app", "company"),
        ("Lizi (Chinese social networking website)", "company"),
        ("Lizi, online payment platform", "company"),
        ("Lizi, Chinese car make", "company"),
        ("Lizi, Japanese car make", "foreign"),
        ("Lizi, US search engine", "foreign"),
        ("Lizi, a river in Sichuan", "place"),
    ],
)
def test_a_firm_by_what_it_offers(sense: str, category: str) -> None:
    # Senses written for this test, in CC-CEDICT's manner.
    found = names._classify_sense(sense, "Li4 zi5", "例子")
    assert found is not None and found.category == category


@pytest.mark.parametrize(
    ("trad", "kind", "english", "ko"),
    [
        ("百度", None, (), "바이두"),  # by the Mandarin sound, as Korean writers print Chinese firms
        ("微博", "name", ("Weibo",), "웨이보"),
        ("美團", "name", ("Meituan",), "메이퇀"),  # no dictionary entry: the text said it is a name
        ("字節跳動", None, (), "바이트댄스"),  # known by a brand of its own (name_overrides.tsv)
        ("深度求索", None, (), "딥시크"),
        ("微博", None, (), "미박"),  # "microblog", with no text saying it is the firm
        ("阿里巴巴集團", None, (), "알리바바 집단"),  # a firm heading a term: its name as printed, the rest read
        ("華為技術有限公司", None, (), "화웨이 기술유한공사"),
    ],
)
def test_korean_form_of_a_firm(trad: str, kind: str | None, english: tuple[str, ...], ko: str) -> None:
    from glossary.readings import korean_reading

    assert korean_reading(trad, kind=kind, english=english).ko == ko


# Foreign countries and international organisations: their Korean name, never a reading of the characters.
@pytest.mark.parametrize(("term", "ko", "strict"), [
    ("俄罗斯", "러시아", "아라사"), ("欧洲", "유럽", "구주"), ("联合国", "유엔", "연합국"), ("东盟", "아세안", "동맹"),
    ("秘鲁", "페루", "비로"), ("美联储", "연준", "미련저"),
])
def test_a_foreign_name_is_printed_by_its_own_name(term, ko, strict):
    from glossary.readings import korean_reading

    reading = korean_reading(term)
    assert (reading.ko, reading.ko_hanja) == (ko, strict)


def test_every_row_of_the_convention_table_is_what_its_term_reads():
    """A row shadowed by another rule, or written in a form the reading never meets, would be dead."""
    from importlib.resources import files

    from glossary.normalize import to_simplified
    from glossary.readings import korean_reading

    rows = [line.split("\t") for line in files("glossary").joinpath("data/name_overrides.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(rows) > 100
    wrong = [(trad, ko, form, korean_reading(form).ko) for trad, ko, _ in rows for form in {trad, to_simplified(trad)}
             if korean_reading(form).ko != ko]
    assert not wrong


@pytest.mark.parametrize(("term", "ko"), [("聯合國安理會", "유엔 안보리"), ("东盟国家", "아세안 국가"),
                                           ("欧盟委员会", "유럽연합 위원회")])
def test_a_convention_heads_a_term(term, ko):
    from glossary.readings import korean_reading

    assert korean_reading(term).ko == ko


@pytest.mark.parametrize(("term", "strict", "english"), [("白俄", "백아", "Belarus"), ("费城", "비성", "Philadelphia"),
                                                         ("巴新", "파신", "Papua New Guinea")])
def test_a_name_the_dictionary_gives_in_another_language_is_no_chinese_person(term, strict, english):
    """白 and 費 are surnames, but CC-CEDICT knows 白俄 as Belarus: no 바이어, with or without the text's English."""
    from glossary.readings import korean_reading

    assert classify(term).category != "person"
    assert korean_reading(term).ko == strict
    assert korean_reading(term, kind="name", english=(english,)).ko == strict


def test_a_person_by_surname_is_still_transcribed():
    from glossary.readings import korean_reading

    assert korean_reading("孟晚舟").ko == "멍완저우"
    assert korean_reading("任正非", kind="name", english=("Ren Zhengfei",)).ko == "런정페이"


@pytest.mark.parametrize(("term", "ko"), [("長三角", "창장삼각주"), ("台海", "대만해협")])
def test_an_abbreviated_place_is_printed_as_its_full_name(term, ko):
    from glossary.readings import korean_reading

    assert names.abbreviation_of(names.classify(term).proper or term) is not None
    assert korean_reading(term).ko == ko


def test_a_term_headed_by_a_name_reads_a_rest_that_is_only_guessed_a_person():
    """九龍 (Kowloon) heads 九龍金床, but 金床 is no person because 金 is a surname: the whole is read."""
    from glossary.readings import korean_reading

    assert korean_reading("九龍金床").ko == "구룡금상"
    assert korean_reading("北京上海").ko == "베이징 상하이"  # two places the dictionary knows
