"""Tests for glossary/readings/: hangul, romanisation, pinyin, kana."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary.normalize import to_japanese
from glossary.readings import (
    READERS,
    dueum,
    hangul_reading,
    is_hangul_reading,
    is_transcription,
    korean_reading,
    is_pinyin,
    kana_reading,
    korean_form,
    load_dictionary,
    pinyin_reading,
    reading_forms,
    romanization_matches,
    romanize,
    segment,
    undo_dueum,
    usage_reading,
)

POLICY_TERMS = Path(__file__).parent / "data" / "policy_terms.tsv"
POLICY_KANA = Path(__file__).parent / "data" / "policy_terms_kana.tsv"


def policy_rows(path: Path = POLICY_TERMS) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, hangul = line.split("\t")[:2]
            rows.append((term, hangul))
    return rows


# The done-when line, then cases the hanja package gets wrong.
@pytest.mark.parametrize(
    ("hanzi", "hangul"),
    [
        ("以舊換新", "이구환신"),
        ("兩重建設", "양중건설"),
        ("利用厚生", "이용후생"),
        ("確率", "확률"),
        ("比率", "비율"),
        ("不動産", "부동산"),
        ("音樂", "음악"),
        ("女性勞動者", "여성노동자"),
        ("一國兩制", "일국양제"),
        ("樂園", "낙원"),
        ("不正", "부정"),
        ("分裂", "분열"),
        ("旋律", "선율"),
        ("陳列", "진열"),
        ("進化論", "진화론"),
        ("投票率", "투표율"),
        ("新女性", "신여성"),
        ("逆", "역"),
        ("六穩六保", "육온육보"),
        ("五六", "오륙"),
        ("中華民族偉大復興", "중화민족위대부흥"),
        ("艱苦奮鬥", "간고분투"),  # Chinese 鬥, Korean 鬪
        ("綠水青山", "녹수청산"),  # Chinese 青, Korean 靑
        ("金大中", "김대중"),  # 金 is 김 in a name
        ("金正恩", "김정은"),
        ("金融", "금융"),
        ("金融團", "금융단"),
        ("猶爲不足", "유위부족"),
    ],
)
def test_hangul_reading(hanzi: str, hangul: str) -> None:
    assert hangul_reading(hanzi) == hangul


@pytest.mark.parametrize(
    "forms",
    [
        ("以舊換新", "以旧换新"),
        ("兩會", "两会", "両会"),
        ("一帶一路", "一带一路", "一帯一路"),
        ("樂園", "\uf914\u5712", "乐园"),  # compatibility ideograph U+F914
        ("新質生產力", "新质生产力", "新質生産力"),
    ],
)
def test_every_script_reads_the_same(forms: tuple[str, ...]) -> None:
    assert len({hangul_reading(f) for f in forms}) == 1


@pytest.mark.parametrize(("hanzi", "hangul"), policy_rows())
def test_policy_terms(hanzi: str, hangul: str) -> None:
    # The list holds what Korean media print: the usage reading where there is one.
    assert (usage_reading(hanzi) or hangul_reading(hanzi)) == hangul.replace(" ", "")


def test_policy_term_list_is_large_and_clean() -> None:
    rows = policy_rows()
    assert len(rows) >= 150
    assert len({term for term, _ in rows}) == len(rows)
    assert all(all("가" <= ch <= "힣" for ch in hangul) for _, hangul in rows)


def test_non_hanja_characters_are_kept() -> None:
    assert hangul_reading("中國製造2025") == "중국제조2025"
    assert hangul_reading("兩會 期間") == "양회 기간"


@pytest.mark.parametrize(
    ("hanzi", "pieces"),
    [
        ("女性勞動者", ["女性", "勞動者"]),
        ("一國兩制", ["一國", "兩", "制"]),
        ("少年會", ["少年會"]),
    ],
)
def test_segment(hanzi: str, pieces: list[str]) -> None:
    assert segment(korean_form(hanzi)) == pieces


@pytest.mark.parametrize(
    ("syllable", "initial"),
    [("녀", "여"), ("량", "양"), ("락", "낙"), ("률", "율"), ("렬", "열"), ("뇌", "뇌"), ("국", "국")],
)
def test_dueum(syllable: str, initial: str) -> None:
    assert dueum(syllable) == initial
    if initial != syllable:
        assert syllable in undo_dueum(initial)


def test_dictionary_picks_the_dictionary_spelling() -> None:
    d = load_dictionary()
    # hanja.txt lists 녀성/여성, 비률/비율, 복흥/부흥: the printed one is kept.
    assert (d.word("女性"), d.word("比率"), d.word("復興")) == ("여성", "비율", "부흥")
    assert d.word("經") is None  # single characters are not words


@pytest.mark.parametrize(
    ("hangul", "rr", "mr"),
    [
        ("이용후생", "iyonghusaeng", "iyonghusaeng"),
        ("확률", "hwangnyul", "hwangnyul"),
        ("일국양제", "ilgugyangje", "ilgugyangje"),
        ("공동부유", "gongdongbuyu", "kongdongbuyu"),
        ("양중건설", "yangjunggeonseol", "yangjunggŏnsŏl"),
        ("양회 기간", "yanghoe gigan", "yanghoe kigan"),
    ],
)
def test_romanize(hangul: str, rr: str, mr: str) -> None:
    assert romanize(hangul) == rr
    assert romanize(hangul, "mr") == mr


def test_romanize_rejects_unknown_system() -> None:
    with pytest.raises(ValueError, match="romanisation system"):
        romanize("양회", "yale")


@pytest.mark.parametrize(
    ("latin", "hanzi", "expected"),
    [
        ("I-yong Hu-seong", "利用厚生", True),
        ("iyonghusaeng", "利用厚生", True),
        ("Iyong Husaeng", "利用厚生", True),
        ("Il-dae Il-lo", "一帶一路", True),
        ("ilttae illo", "一帶一路", True),
        ("Kongdong Puyu", "共同富裕", True),
        ("Gongdong Buyu", "共同富裕", True),
        ("hwangnyul", "確率", True),
        ("hwak-ryul", "確率", True),
        ("Yanghoe", "兩會", True),
        ("Ilguk Yangje", "一國兩制", True),
        ("Il-guk Ryang-je", "一國兩制", True),
        ("Yidai Yilu", "一帶一路", False),
        ("common prosperity", "共同富裕", False),
        ("Two Sessions", "兩會", False),
        ("", "兩會", False),
    ],
)
def test_romanization_matches(latin: str, hanzi: str, expected: bool) -> None:
    assert romanization_matches(latin, hanzi) is expected


@pytest.mark.parametrize(
    ("latin", "hanzi", "expected"),
    [
        ("yī dài yī lù", "一帶一路", True),
        ("Yidai Yilu", "一带一路", True),
        ("yi4 dai4 yi1 lu4", "一帶一路", True),
        ("liǎng huì", "兩會", True),
        ("Liang Hui", "两会", True),
        ("gòngtóng fùyù", "共同富裕", True),
        ("liǎng zhòng jiàn shè", "兩重建設", True),
        ("Xi'an", "西安", True),
        ("Gongdong Buyu", "共同富裕", False),
        ("Ildae Illo", "一帶一路", False),
        ("Belt and Road", "一帶一路", False),
    ],
)
def test_is_pinyin(latin: str, hanzi: str, expected: bool) -> None:
    assert is_pinyin(latin, hanzi) is expected


@pytest.mark.parametrize(
    ("hangul", "hanzi", "expected"),
    [
        ("양회", "兩會", True),
        ("량회", "兩會", True),  # without the initial-sound law
        ("여성 노동자", "女性勞動者", True),
        ("녀성로동자", "女性勞動者", True),
        ("음락", "音樂", True),  # the hanja package's per-character reading
        ("일국-양제", "一國兩制", True),
        ("양안", "兩會", False),
        ("양회의", "兩會", False),
        ("Two Sessions", "兩會", False),
    ],
)
def test_is_hangul_reading(hangul: str, hanzi: str, expected: bool) -> None:
    assert is_hangul_reading(hangul, hanzi) is expected


@pytest.mark.parametrize(
    ("hanzi", "pinyin"),
    [
        ("两会", "liǎng huì"),
        ("兩重建設", "liǎng zhòng jiàn shè"),
        ("两重建设", "liǎng zhòng jiàn shè"),
        ("以舊換新", "yǐ jiù huàn xīn"),
        ("一帶一路", "yī dài yī lù"),
        ("共同富裕", "gòng tóng fù yù"),
    ],
)
def test_pinyin_reading(hanzi: str, pinyin: str) -> None:
    assert pinyin_reading(hanzi) == pinyin


@pytest.mark.parametrize(
    ("japanese", "kana"),
    [
        ("経済", "けいざい"),
        ("両会", "りょうかい"),
        ("共富", "きょうふ"),
        ("一帯一路", "いったいいちろ"),
        ("共同富裕", "きょうどうふゆう"),
    ],
)
def test_kana_reading(japanese: str, kana: str) -> None:
    assert kana_reading(japanese)[0] == kana


@pytest.mark.parametrize(("term", "kana"), policy_rows(POLICY_KANA))
def test_kana_of_policy_terms(term: str, kana: str) -> None:
    assert kana_reading(to_japanese(term))[0] == kana


def test_kana_reads_lone_kanji_in_onyomi() -> None:
    # pykakasi alone: こうじんおさむみなと; 碳 is dropped.
    assert kana_reading("港人治港") == ("こうじんちこう", "koujin chi kou")
    assert kana_reading("碳")[0] == "たん"


def test_reading_forms_has_every_form() -> None:
    forms = reading_forms("习近平")
    assert forms == {
        "trad": "習近平",
        "simp": "习近平",
        "ja": "習近平",
        "ko": "시진핑",
        "ko_hanja": "습근평",
        "rule": "name:modern",
        "transcription": "시진핑",
        "hangul": "습근평",
        "romanization": "seupgeunpyeong",
        "mr": "sŭpkŭnp'yŏng",
        "pinyin": "xí jìn píng",
        "kana": "しゅうきんぺい",
        "romaji": "shuu kinpei",
    }
    assert reading_forms("两会")["ko"] == reading_forms("两会")["hangul"] == "양회"


def test_readers_registry() -> None:
    assert READERS["ko"]("兩會") == "양회"
    assert READERS["ja"]("両会")[0] == "りょうかい"


hanja_chars = st.text(
    alphabet=st.sampled_from("一國兩制女性勞動者確率比率不動産音樂利用厚生以舊換新"), min_size=1, max_size=8
)


@given(hanja_chars)
def test_one_syllable_per_character(hanzi: str) -> None:
    reading = hangul_reading(hanzi)
    assert len(reading) == len(hanzi)
    assert all("가" <= ch <= "힣" for ch in reading)
    assert is_hangul_reading(reading, hanzi)
    assert romanization_matches(romanize(reading), hanzi)


# ---------------------------------------------------------------- korean_reading


@pytest.mark.parametrize(
    ("trad", "ko", "ko_hanja", "rule"),
    [
        # modern persons: the Mandarin transcription (외래어 표기법)
        ("習近平", "시진핑", "습근평", "name:modern"),
        ("毛澤東", "마오쩌둥", "모택동", "name:modern"),
        ("鄧小平", "덩샤오핑", "등소평", "name:modern"),
        ("王毅", "왕이", "왕의", "name:modern"),
        ("李強", "리창", "이강", "name:modern"),
        ("習仲勳", "시중쉰", "습중훈", "name:modern"),
        ("胡錦濤", "후진타오", "호금도", "name:modern"),
        ("江澤民", "장쩌민", "강택민", "name:modern"),
        ("习近平", "시진핑", "습근평", "name:modern"),  # simplified input
        # current places, the administrative suffix in hanja
        ("北京", "베이징", "북경", "name:modern"),
        ("上海", "상하이", "상해", "name:modern"),
        ("黑龍江", "헤이룽장", "흑룡강", "name:modern"),
        ("深圳", "선전", "심수", "name:modern"),
        ("重慶", "충칭", "중경", "name:modern"),  # polyphone: chóng, from the dictionary
        ("西藏", "시짱", "서장", "name:modern"),
        ("天津", "톈진", "천진", "name:modern"),
        ("廣東", "광둥", "광동", "name:modern"),
        ("四川", "쓰촨", "사천", "name:modern"),
        ("新疆", "신장", "신강", "name:modern"),
        ("廣東省", "광둥성", "광동성", "name:modern"),
        ("深圳市", "선전시", "심수시", "name:modern"),
        # landforms: the place transcribed, the common noun read (and 台 the everyday 臺)
        ("長江三角洲", "창장삼각주", "장강삼각주", "name:modern"),
        ("西沙群島", "시사군도", "서사군도", "name:modern"),
        ("遼東半島", "랴오둥반도", "요동반도", "name:modern"),
        ("四川盆地", "쓰촨분지", "사천분지", "name:modern"),
        ("臺灣海峽", "대만해협", "대만해협", "name:modern"),
        ("台灣海峽", "대만해협", "대만해협", "name:modern"),
        ("台灣省", "대만성", "대만성", "name:modern"),
        ("朝鮮半島", "한반도", "조선반도", "name:modern"),  # convention
        # conventions
        ("香港", "홍콩", "향항", "name:modern"),
        ("澳門", "마카오", "오문", "name:modern"),
        ("求是", "치우스", "구시", "name:modern"),
        # historical persons and places keep the reading
        ("孔子", "공자", "공자", "name:historical"),
        ("鄭和", "정화", "정화", "name:historical"),
        ("秦始皇", "진시황", "진시황", "name:historical"),
        ("長安", "장안", "장안", "name:historical"),
        ("趙子龍", "조자룡", "조자룡", "name:historical"),  # another name of 趙雲 (-229)
        ("孫文", "쑨원", "손문", "name:modern"),  # another name of 孫中山 (1866-1925)
        ("刘强东", "류창둥", "유강동", "name:modern"),  # simplified input with 强, a Korean form too
        # organisations keep the reading
        ("國務院", "국무원", "국무원", "name:institution"),
        ("外交部", "외교부", "외교부", "name:institution"),
        # terms; Korean usage in ko, the strict reading in ko_hanja
        ("以舊換新", "이구환신", "이구환신", "term"),
        ("人類命運共同體", "인류운명공동체", "인류명운공동체", "term"),
        ("台灣", "대만", "대만", "name:modern"),  # 台 the everyday spelling of 臺: the convention row of 臺灣
        # a Chinese clause: no ko at all
        ("關於進一步全面深化改革、推進中國式現代化的決定", "", "관어진일보전면심화개혁、추진중국식현대화적결정", "clause"),
    ],
)
def test_korean_reading(trad: str, ko: str, ko_hanja: str, rule: str) -> None:
    found = korean_reading(trad)
    assert (found.ko, found.ko_hanja, found.rule) == (ko, ko_hanja, rule)
    assert found.ko_hanja == hangul_reading(trad)  # always the strict reading
    assert (found.transcription is not None) == (rule == "name:modern")


# Terms and organisations headed by a modern name: the name transcribed, the rest read.
@pytest.mark.parametrize(
    ("trad", "ko"),
    [
        ("毛澤東思想", "마오쩌둥 사상"),
        ("鄧小平理論", "덩샤오핑 이론"),
        ("天安門事件", "톈안먼 사건"),
        ("北京大學", "베이징 대학"),
        ("深圳經濟特區", "선전 경제특구"),
        ("香港國家安全法", "홍콩 국가안전법"),  # the convention for the head
        ("香港特別行政區", "홍콩특별행정구"),  # ... also before a suffix
        ("中國夢", "중국몽"),  # 中國 is no place name in Korean
        ("長安街", "장안가"),  # a historical head is read
    ],
)
def test_terms_headed_by_a_name(trad: str, ko: str) -> None:
    assert korean_reading(trad).ko == ko


def test_korean_reading_uses_the_english_and_the_kind() -> None:
    assert korean_reading("阿凡提", kind="name").ko == "아판티"  # a name nothing else knows
    assert korean_reading("阿凡提").ko == "아범제"
    assert korean_reading("汪洋").ko == "왕양"
    assert korean_reading("習仲勳", english=("Xi Zhongxun",)).transcription == "시중쉰"
    assert korean_reading("中國共產黨章程修正案", kind="title").rule == "clause"


# Places abroad and foreign persons: never Mandarin; the reading (right for Korean names).
@pytest.mark.parametrize(
    ("trad", "ko"),
    [
        ("平壤", "평양"),
        ("釜山", "부산"),
        ("金正恩", "김정은"),
        ("首爾", "서울"),
        ("內蒙古", "네이멍구"),  # Inner Mongolia is in China
        ("延吉", "옌지"),  # ... and so is a Korean autonomous prefecture
        # Japanese persons and places: the kana table of 외래어 표기법
        ("安倍晉三", "아베 신조"),
        ("千葉縣", "지바현"),
        ("東京", "도쿄"),
        ("大阪", "오사카"),
    ],
)
def test_names_abroad(trad: str, ko: str) -> None:
    assert korean_reading(trad).ko == ko


@pytest.mark.parametrize(
    ("hangul", "hanzi", "expected"),
    [
        ("시진핑", "習近平", True),
        ("시 진핑", "习近平", True),
        ("헤이룽장성", "黑龍江省", True),
        ("홍콩", "香港", True),
        ("습근평", "習近平", False),
        ("이구환신", "以舊換新", False),
        ("네이쥐안", "內卷", True),  # a transcribed common noun is a transcription too
    ],
)
def test_is_transcription(hangul: str, hanzi: str, expected: bool) -> None:
    assert is_transcription(hangul, hanzi) is expected


def test_usage_reading() -> None:
    assert usage_reading("命運共同體") == "운명공동체"
    assert usage_reading("人類命運共同體") == "인류운명공동체"
    assert usage_reading("以舊換新") is None
    assert hangul_reading("命運共同體") == "명운공동체"  # strict


# Polyphonic characters, read by the words they stand in.
@pytest.mark.parametrize(
    ("hanzi", "hangul"),
    [
        ("台灣", "대만"),
        ("台北", "대북"),
        ("舞台", "무대"),
        ("天台", "천태"),  # a word of its own spelled 台
        ("規則", "규칙"),
        ("然則", "연즉"),
        ("貿易", "무역"),
        ("容易", "용이"),
        ("投降", "투항"),
        ("降落", "강락"),
        ("音樂", "음악"),
        ("快樂", "쾌락"),
        ("樂山樂水", "요산요수"),
        ("遊說", "유세"),
        ("說明", "설명"),
        ("效率", "효율"),
        ("率先", "솔선"),
        ("銀行", "은행"),
        ("行動", "행동"),
        ("制度", "제도"),
        ("忖度", "촌탁"),
        ("恢復", "회복"),
        ("復興", "부흥"),
    ],
)
def test_polyphonic_characters(hanzi: str, hangul: str) -> None:
    assert hangul_reading(hanzi) == hangul


# The substitution cases of the hanja package's own test suite (tests/test_basic.py),
# and Korean text with hanja and numerals in it (국한문 혼용).
@pytest.mark.parametrize(
    ("text", "hangul"),
    [
        ("韓國語", "한국어"),
        ("한국어", "한국어"),
        ("利用해", "이용해"),
        ("連結된", "연결된"),
        ("1800年에", "1800년에"),  # no initial-sound law after a numeral
        ("그레고리曆", "그레고리력"),  # nor inside a word hangul begins
        ("系列", "계열"),
        ("大韓民國은 民主共和國이다.", "대한민국은 민주공화국이다."),
        ("2024年度", "2024년도"),
        ("第20次 黨大會", "제20차 당대회"),
        ("女性 勞動者", "여성 노동자"),  # after a space, a new word: 여
        ("數十年來", "수십년래"),  # a bound noun of counting after a number keeps ㄴ (hanja.txt: 年 is 년 after a numeral in 141 of 141 words)
        ("數年來", "수년래"),
        ("近年來", "근년래"),
    ],
)
def test_mixed_text(text: str, hangul: str) -> None:
    assert hangul_reading(text) == hangul
