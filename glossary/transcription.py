"""Mandarin in hangul: the Korean standard's transcription of Chinese (외래어 표기법).

Input: pinyin syllables (with tone marks, tone numbers or none). Output: hangul.

Korean writers print a modern Chinese person or a current place by its
Mandarin sound, not by its Sino-Korean reading: 習近平 시진핑 (not 습근평),
北京 베이징 (not 북경). The spelling is fixed by the standard, 외래어 표기법
(문교부 고시 제85-11호, 1986) 표 5 "중국어의 주음 부호와 한글 대조표" and
제3장 제7절: one hangul spelling per syllable, tones not written, and after
ㅈ ㅉ ㅊ the y-vowels ㅑ ㅖ ㅛ ㅠ written ㅏ ㅔ ㅗ ㅜ (jia 자, jie 제, qiu 추).

The table is data, ``glossary/data/pinyin_hangul.tsv`` (every syllable
pypinyin knows, built from the standard by ``scripts/build_pinyin_hangul.py``);
this module only splits pinyin into syllables and looks each one up. It is
hand-written because the table is small and fixed by the standard, and
pypinyin (which gives the syllables) knows nothing of Korean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

DATA_PATH = Path(__file__).parent / "data" / "pinyin_hangul.tsv"


@cache
def syllable_table() -> dict[str, str]:
    """Toneless pinyin syllable (ü written v) -> hangul, from the shipped table.

    >>> syllable_table()["zhong"], syllable_table()["lve"]
    ('중', '뤼에')
    """
    table = {}
    for line in DATA_PATH.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pinyin, hangul = line.split("\t")[:2]
            table[pinyin] = hangul
    return table


_TONE_NUMBER = re.compile(r"[1-5]$")


def toneless(syllable: str) -> str:
    """A pinyin syllable without tone, lower case, ü as v: ``Lǚ`` -> ``lv``.

    >>> toneless("Jìn"), toneless("lu:4"), toneless("nǚ"), toneless("Xi2")
    ('jin', 'lv', 'nv', 'xi')
    """
    s = _TONE_NUMBER.sub("", syllable.strip().lower()).replace("u:", "v")
    s = unicodedata.normalize("NFD", s)
    # Keep the diaeresis of ü (U+0308) and the circumflex of ê (U+0302); drop the tone marks.
    s = "".join(ch for ch in s if not unicodedata.combining(ch) or ch in "\u0308\u0302")
    s = unicodedata.normalize("NFC", s)
    return s.replace("ü", "v")


def transcribe_syllable(syllable: str) -> str | None:
    """One pinyin syllable in hangul, or None when it is not a Mandarin syllable.

    >>> transcribe_syllable("píng"), transcribe_syllable("zi"), transcribe_syllable("xyz")
    ('핑', '쯔', None)
    """
    s = toneless(syllable)
    table = syllable_table()
    if s in table:
        return table[s]
    if s.endswith("r") and s[:-1] in table and s != "er":
        return table[s[:-1]] + "얼"  # erhua: 兒 merged into the syllable (wanr)
    return None


def transcribe(pinyin_syllables: str | Iterable[str]) -> str:
    """Mandarin in hangul, by the Korean standard: syllables joined without spaces.

    Takes a string of space-separated syllables (``xí jìn píng``) or an
    iterable of syllables. Anything that is not a syllable is kept as is.

    >>> transcribe("xí jìn píng"), transcribe(["Mao2", "Ze2", "dong1"]), transcribe("hēi lóng jiāng")
    ('시진핑', '마오쩌둥', '헤이룽장')
    """
    if isinstance(pinyin_syllables, str):
        pinyin_syllables = pinyin_syllables.split()
    out = []
    for syllable in pinyin_syllables:
        hangul = transcribe_syllable(syllable)
        out.append(hangul if hangul is not None else syllable)
    return "".join(out)


# ------------------------------------------------------------- Japanese
#
# 외래어 표기법 표 4 "일본어의 가나와 한글 대조표" and 제3장 제3절: voiceless
# k t ch are ㄱ ㄷ ㅈ at the start of a word and ㅋ ㅌ ㅊ inside it; つ is 쓰;
# ん is a final ㄴ and っ a final ㅅ; long vowels are not written (東京
# とうきょう 도쿄, 大阪 おおさか 오사카).

_KANA = {
    "あ": "아", "い": "이", "う": "우", "え": "에", "お": "오",
    "か": "카", "き": "키", "く": "쿠", "け": "케", "こ": "코",
    "さ": "사", "し": "시", "す": "스", "せ": "세", "そ": "소",
    "た": "타", "ち": "치", "つ": "쓰", "て": "테", "と": "토",
    "な": "나", "に": "니", "ぬ": "누", "ね": "네", "の": "노",
    "は": "하", "ひ": "히", "ふ": "후", "へ": "헤", "ほ": "호",
    "ま": "마", "み": "미", "む": "무", "め": "메", "も": "모",
    "や": "야", "ゆ": "유", "よ": "요",
    "ら": "라", "り": "리", "る": "루", "れ": "레", "ろ": "로",
    "わ": "와", "ゐ": "이", "ゑ": "에", "を": "오",
    "が": "가", "ぎ": "기", "ぐ": "구", "げ": "게", "ご": "고",
    "ざ": "자", "じ": "지", "ず": "즈", "ぜ": "제", "ぞ": "조",
    "だ": "다", "ぢ": "지", "づ": "즈", "で": "데", "ど": "도",
    "ば": "바", "び": "비", "ぶ": "부", "べ": "베", "ぼ": "보",
    "ぱ": "파", "ぴ": "피", "ぷ": "푸", "ぺ": "페", "ぽ": "포",
    "きゃ": "캬", "きゅ": "큐", "きょ": "쿄", "ぎゃ": "갸", "ぎゅ": "규", "ぎょ": "교",
    "しゃ": "샤", "しゅ": "슈", "しょ": "쇼", "じゃ": "자", "じゅ": "주", "じょ": "조",
    "ちゃ": "차", "ちゅ": "추", "ちょ": "초", "にゃ": "냐", "にゅ": "뉴", "にょ": "뇨",
    "ひゃ": "햐", "ひゅ": "휴", "ひょ": "효", "びゃ": "뱌", "びゅ": "뷰", "びょ": "뵤",
    "ぴゃ": "퍄", "ぴゅ": "퓨", "ぴょ": "표", "みゃ": "먀", "みゅ": "뮤", "みょ": "묘",
    "りゃ": "랴", "りゅ": "류", "りょ": "료",
}  # fmt: skip
# Aspirated initials written plain at the start of a word: ㅋ->ㄱ, ㅌ->ㄷ, ㅊ->ㅈ.
_PLAIN_INITIAL = {15: 0, 16: 3, 14: 12}
_O_ROW = frozenset("おこそとのほもよろごぞどぼぽょ")
_U_ROW = frozenset("うくすつぬふむゆるぐずづぶぷゅ")
_I_ROW = frozenset("いきしちにひみりぎじぢびぴ")


def _with_final(syllable: str, final: int) -> str:
    code = ord(syllable) - 0xAC00
    return chr(0xAC00 + code - code % 28 + final) if code % 28 == 0 else syllable


def _long_vowel(previous: str, ch: str) -> bool:
    """Whether ``ch`` only lengthens the vowel before it: おう, おお, うう (とうきょう 도쿄)."""
    if ch == "う":
        return previous in _O_ROW or previous in _U_ROW
    return ch == "お" and previous in _O_ROW or ch == "い" and previous in _I_ROW  # 新潟 にいがた 니가타


def transcribe_kana(kana: str) -> str:
    """Japanese kana in hangul, by the Korean standard (one word).

    >>> transcribe_kana("とうきょう"), transcribe_kana("おおさか"), transcribe_kana("あべ"), transcribe_kana("しんぞう")
    ('도쿄', '오사카', '아베', '신조')
    >>> transcribe_kana("きしだ"), transcribe_kana("ほっかいどう"), transcribe_kana("ちば")
    ('기시다', '홋카이도', '지바')
    """
    kana = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in kana)  # katakana -> hiragana
    out: list[str] = []
    i = 0
    previous = ""
    while i < len(kana):
        ch = kana[i]
        pair = kana[i : i + 2]
        if ch == "ん" and out:
            out[-1] = _with_final(out[-1], 4)
        elif ch == "っ" and out:
            out[-1] = _with_final(out[-1], 19)
        elif ch == "ー" or previous and _long_vowel(previous[-1], ch):
            pass  # a long vowel: not written
        elif pair in _KANA:
            out.append(_KANA[pair])
            previous = pair
            i += 2
            continue
        elif ch in _KANA:
            out.append(_KANA[ch])
        else:
            out.append(ch)
        previous = ch
        i += 1
    if out:
        code = ord(out[0]) - 0xAC00
        if 0 <= code < 11172 and code // 588 in _PLAIN_INITIAL:
            out[0] = chr(0xAC00 + _PLAIN_INITIAL[code // 588] * 588 + code % 588)
    return "".join(out)
