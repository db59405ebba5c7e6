"""Tests for glossary/transcription.py: the Mandarin-to-hangul table of 외래어 표기법."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from glossary.transcription import syllable_table, toneless, transcribe, transcribe_kana, transcribe_syllable

ROOT = Path(__file__).resolve().parent.parent


# Cells of 표 5 (중국어의 주음 부호와 한글 대조표), one class of the table per block.
@pytest.mark.parametrize(
    ("pinyin", "hangul"),
    [
        # initials (성모) before a
        *zip(
            "ba pa ma fa da ta na la ga ka ha zha cha sha za ca sa".split(),
            "바 파 마 파 다 타 나 라 가 카 하 자 차 사 짜 차 싸".split(),
        ),
        # the apical vowel: 즈 츠 스 르 쯔 츠 쓰
        *zip("zhi chi shi ri zi ci si".split(), "즈 츠 스 르 쯔 츠 쓰".split()),
        # finals standing alone (운모 단독)
        *zip(
            "a o e ê ai ei ao ou an en ang eng er".split(),
            "아 오 어 에 아이 에이 아오 어우 안 언 앙 엉 얼".split(),
        ),
        *zip(
            "yi ya yo ye yao you yan yin yang ying yong".split(),
            "이 야 요 예 야오 유 옌 인 양 잉 융".split(),
        ),
        *zip("wu wa wo wai wei wan wen wang weng".split(), "우 와 워 와이 웨이 완 원 왕 웡".split()),
        *zip("yu yue yuan yun".split(), "위 웨 위안 윈".split()),
        # 제2항: after ㅈ ㅉ ㅊ, ㅑ ㅖ ㅛ ㅠ are written ㅏ ㅔ ㅗ ㅜ ...
        *zip(
            "jia jie jiao jiu jian jiang jiong qia qie qiao qiu qian qiang qiong".split(),
            "자 제 자오 주 젠 장 중 차 체 차오 추 첸 창 충".split(),
        ),
        # ... but not after ㅅ (x) or other initials
        *zip("xia xie xiao xiu xian xiang xiong liu niu".split(), "샤 셰 샤오 슈 셴 샹 슝 류 뉴".split()),
        # ü after j q x (written u) and after n l
        *zip("ju qu xu nü lü lv".split(), "쥐 취 쉬 뉘 뤼 뤼".split()),
        *zip("jue que xue nüe lüe".split(), "줴 췌 쉐 뉘에 뤼에".split()),
        *zip("juan quan xuan jun qun xun".split(), "쥐안 취안 쉬안 쥔 췬 쉰".split()),
        # uei and uen after a consonant: 우이, 운 (standing alone 웨이, 원)
        *zip("dui gui hui zhui rui sui".split(), "두이 구이 후이 주이 루이 쑤이".split()),
        *zip("dun lun sun zhun kun".split(), "둔 룬 쑨 준 쿤".split()),
        # uo, ong, ian, ie, ou after a consonant
        *zip("guo duo luo zhuo suo huo".split(), "궈 둬 뤄 줘 쒀 훠".split()),
        *zip("dong zhong long gong song rong".split(), "둥 중 룽 궁 쑹 룽".split()),
        *zip("bian dian tian nian lian mian".split(), "볜 뎬 톈 녠 롄 몐".split()),
        *zip("bie die tie nie lie mie".split(), "볘 뎨 톄 녜 례 몌".split()),
        *zip("dou zhou shou rou".split(), "더우 저우 서우 러우".split()),
        *zip("bo po mo fo".split(), "보 포 모 포".split()),
        *zip("gua zhuan chuan shuang".split(), "과 좐 촨 솽".split()),
    ],
)
def test_standard_table(pinyin: str, hangul: str) -> None:
    assert transcribe_syllable(pinyin) == hangul


# Names as Korean media print them (the list).
@pytest.mark.parametrize(
    ("pinyin", "hangul"),
    [
        ("xí jìn píng", "시진핑"),
        ("máo zé dōng", "마오쩌둥"),
        ("dèng xiǎo píng", "덩샤오핑"),
        ("wáng yì", "왕이"),
        ("lǐ qiáng", "리창"),
        ("běi jīng", "베이징"),
        ("shàng hǎi", "상하이"),
        ("hēi lóng jiāng", "헤이룽장"),
        ("shēn zhèn", "선전"),
        ("chóng qìng", "충칭"),
        ("xī zàng", "시짱"),
        ("tiān jīn", "톈진"),
        ("guǎng dōng", "광둥"),
        ("sì chuān", "쓰촨"),
        ("xīn jiāng", "신장"),
        ("xí zhòng xūn", "시중쉰"),
        ("hú jǐn tāo", "후진타오"),
        ("jiāng zé mín", "장쩌민"),
        ("Zhou1 En1 lai2", "저우언라이"),
        ("Ha1 er3 bin1", "하얼빈"),
        ("wu lu mu qi", "우루무치"),
    ],
)
def test_names(pinyin: str, hangul: str) -> None:
    assert transcribe(pinyin) == hangul


@pytest.mark.parametrize(
    ("syllable", "bare"),
    [("Jìn", "jin"), ("lu:4", "lv"), ("nǚ", "nv"), ("lüè", "lve"), ("Xi2", "xi"), ("ê", "ê"), ("shang5", "shang")],
)
def test_toneless(syllable: str, bare: str) -> None:
    assert toneless(syllable) == bare


def test_not_a_syllable_is_kept() -> None:
    assert transcribe_syllable("xyz") is None
    assert transcribe("běi jīng 2025") == "베이징2025"
    assert transcribe_syllable("wanr") == "완얼"  # erhua


def test_table_covers_every_syllable_pypinyin_knows() -> None:
    from pypinyin import Style, pinyin_dict
    from pypinyin.style import convert

    table = syllable_table()
    seen = {
        convert(reading, Style.NORMAL, strict=True).replace("ü", "v")
        for readings in pinyin_dict.pinyin_dict.values()
        for reading in readings.split(",")
    }
    assert len(table) >= 400
    assert seen <= set(table)
    assert all(1 <= len(h) <= 3 and all("가" <= ch <= "힣" for ch in h) for h in table.values())


def test_table_is_what_the_builder_writes() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_pinyin_hangul as build
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    table = syllable_table()
    assert {p: build.transcribe_syllable(p) for p in table} == table


# 외래어 표기법 표 4 (일본어의 가나와 한글 대조표): plain initials at the start of a word,
# aspirated inside; ん ㄴ, っ ㅅ; long vowels not written.
@pytest.mark.parametrize(
    ("kana", "hangul"),
    [
        ("とうきょう", "도쿄"),
        ("きょうと", "교토"),
        ("おおさか", "오사카"),
        ("ほっかいどう", "홋카이도"),
        ("さっぽろ", "삿포로"),
        ("にいがた", "니가타"),
        ("けいおう", "게이오"),  # えい is written
        ("まつもと", "마쓰모토"),
        ("たかいち", "다카이치"),
        ("ちば", "지바"),
        ("シンゾウ", "신조"),  # katakana too
    ],
)
def test_japanese_kana(kana: str, hangul: str) -> None:
    assert transcribe_kana(kana) == hangul
