"""Build ``glossary/data/pinyin_hangul.tsv``: every pinyin syllable in hangul.

The table is the Korean standard for Chinese, 외래어 표기법 (문교부 고시
제85-11호, 1986; 문화체육관광부 고시 제2017-14호) 제2장 표 5 "중국어의
주음 부호와 한글 대조표" and 제3장 제7절 "중국어의 표기" (제1항: tones are
not written; 제2항: after ㅈ ㅉ ㅊ, ㅑ ㅖ ㅛ ㅠ are written ㅏ ㅔ ㅗ ㅜ).
The standard gives one column of initials (성모) and one of finals (운모),
each with its hangul; a syllable is written by joining the two, which is
what this script does, cell by cell, for every syllable pypinyin knows
(its character dictionary lists 426 toneless syllables, a few outside the
standard's table: biang, fiao, interjections hm, hng, m, n, ng, ê).

Run: ``python scripts/build_pinyin_hangul.py`` (needs pypinyin); review the diff.
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "glossary" / "data" / "pinyin_hangul.tsv"

# 성모 (initials) -> initial jamo index (ㄱ0 ㄲ1 ㄴ2 ㄷ3 ㄸ4 ㄹ5 ㅁ6 ㅂ7 ㅃ8 ㅅ9 ㅆ10 ㅇ11 ㅈ12 ㅉ13 ㅊ14 ㅋ15 ㅌ16 ㅍ17 ㅎ18).
INITIALS = {
    "b": 7, "p": 17, "m": 6, "f": 17, "d": 3, "t": 16, "n": 2, "l": 5,
    "g": 0, "k": 15, "h": 18, "j": 12, "q": 14, "x": 9,
    "zh": 12, "ch": 14, "sh": 9, "r": 5, "z": 13, "c": 14, "s": 10, "": 11,
}  # fmt: skip

# Vowel jamo indices (ㅏ0 ㅐ1 ㅑ2 ㅒ3 ㅓ4 ㅔ5 ㅕ6 ㅖ7 ㅗ8 ㅘ9 ㅙ10 ㅚ11 ㅛ12 ㅜ13 ㅝ14 ㅞ15 ㅟ16 ㅠ17 ㅡ18 ㅢ19 ㅣ20).
A, EO, E, YA, YE, O, WA, YO, U, WO, WE, WI, YU, EU, I = 0, 4, 5, 2, 7, 8, 9, 12, 13, 14, 15, 16, 17, 18, 20
# Final consonant indices: none, ㄴ4, ㄹ8, ㅇ21.
NONE, N, L, NG = 0, 4, 8, 21

# 운모 (finals, in their spelling after a consonant) -> (vowel, final consonant, following syllables).
# Standalone forms (yi, wu, yu ...) are the same finals with the zero initial ㅇ.
FINALS = {
    "a": (A, NONE, ""), "o": (O, NONE, ""), "e": (EO, NONE, ""), "ê": (E, NONE, ""),
    "ai": (A, NONE, "이"), "ei": (E, NONE, "이"), "ao": (A, NONE, "오"), "ou": (EO, NONE, "우"),
    "an": (A, N, ""), "en": (EO, N, ""), "ang": (A, NG, ""), "eng": (EO, NG, ""), "er": (EO, L, ""),
    "i": (I, NONE, ""), "ia": (YA, NONE, ""), "io": (YO, NONE, ""), "ie": (YE, NONE, ""),
    "iao": (YA, NONE, "오"), "iou": (YU, NONE, ""), "ian": (YE, N, ""), "in": (I, N, ""),
    "iang": (YA, NG, ""), "ing": (I, NG, ""), "iong": (YU, NG, ""),
    "u": (U, NONE, ""), "ua": (WA, NONE, ""), "uo": (WO, NONE, ""), "uai": (WA, NONE, "이"),
    "uei": (U, NONE, "이"), "uan": (WA, N, ""), "uen": (U, N, ""), "uang": (WA, NG, ""),
    "ueng": (WO, NG, ""), "ong": (U, NG, ""),
    "ü": (WI, NONE, ""), "üe": (WE, NONE, ""), "üan": (WI, NONE, "안"), "ün": (WI, N, ""),
}  # fmt: skip

# Standalone finals differ from the finals after a consonant in two cells of the table:
# ㄨㄟ 웨이 (wei) but 구이 (gui), ㄨㄣ 원 (wen) but 둔 (dun).
STANDALONE = {"uei": (WE, NONE, "이"), "uen": (WO, N, "")}
# ㄋㄩㄝ 뉘에, ㄌㄩㄝ 뤼에: after n and l, üe is two syllables (after j q x it is 웨: 줴 췌 쉐).
NL_UE = (WI, NONE, "에")

# zhi chi shi ri zi ci si: the "empty" vowel is ㅡ (즈 츠 스 르 쯔 츠 쓰).
APICAL = {"zhi", "chi", "shi", "ri", "zi", "ci", "si"}

# 제2항: after ㅈ ㅉ ㅊ, the y-vowels are written plain (쟈 -> 자, 졔 -> 제, 죠 -> 조, 쥬 -> 주).
PLAIN = {YA: A, YE: E, YO: O, YU: U}

# y/w spellings -> finals.
ZERO = {
    "yi": "i", "ya": "ia", "yo": "io", "ye": "ie", "yao": "iao", "you": "iou", "yan": "ian",
    "yin": "in", "yang": "iang", "ying": "ing", "yong": "iong",
    "yu": "ü", "yue": "üe", "yuan": "üan", "yun": "ün",
    "wu": "u", "wa": "ua", "wo": "uo", "wai": "uai", "wei": "uei", "wan": "uan",
    "wen": "uen", "wang": "uang", "weng": "ueng", "wong": "ong",
}  # fmt: skip

# Interjections outside the table: syllabic nasals.
NASALS = {"m": "음", "n": "은", "ng": "응", "hm": "흠", "hng": "흥"}


def syllable(initial: int, vowel: int, final: int) -> str:
    """One hangul syllable from jamo indices."""
    return chr(0xAC00 + initial * 588 + vowel * 28 + final)


def split(pinyin: str) -> tuple[str, str]:
    """Initial and final (in its after-consonant spelling) of a toneless syllable."""
    pinyin = pinyin.replace("v", "ü")
    if pinyin in ZERO:
        return "", ZERO[pinyin]
    for initial in ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcs"):
        if pinyin.startswith(initial) and len(pinyin) > len(initial):
            final = pinyin[len(initial) :]
            if initial in "jqx" and final.startswith("u"):
                final = "ü" + final[1:]  # ju = jü
            final = {"iu": "iou", "ui": "uei", "un": "uen"}.get(final, final)
            return initial, final
    return "", pinyin


def transcribe_syllable(pinyin: str) -> str:
    """The hangul of one toneless pinyin syllable, by the standard's table."""
    if pinyin in NASALS:
        return NASALS[pinyin]
    initial, final = split(pinyin)
    if pinyin in APICAL:
        return syllable(INITIALS[initial], EU, NONE)
    if initial == "":
        vowel, coda, tail = STANDALONE.get(final, FINALS[final])
    elif final == "üe" and initial in ("n", "l"):
        vowel, coda, tail = NL_UE
    else:
        vowel, coda, tail = FINALS[final]
    code = INITIALS[initial]
    if code in (12, 13, 14):
        vowel = PLAIN.get(vowel, vowel)
    return syllable(code, vowel, coda) + tail


def syllables() -> list[str]:
    """Every toneless syllable in pypinyin's character dictionary."""
    from pypinyin import Style, pinyin_dict
    from pypinyin.style import convert

    found = set()
    for readings in pinyin_dict.pinyin_dict.values():
        for reading in readings.split(","):
            found.add(convert(reading, Style.NORMAL, strict=True).replace("ü", "v"))
    return sorted(found)


def main() -> None:
    """Write the table."""
    lines = [
        "# pinyin (toneless, ü as v)\thangul: 외래어 표기법 표 5 중국어의 주음 부호와 한글 대조표 + 제3장 제7절;"
        " built by scripts/build_pinyin_hangul.py"
    ]
    lines += [f"{p}\t{transcribe_syllable(p)}" for p in syllables()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(lines) - 1} syllables)")


if __name__ == "__main__":
    main()
