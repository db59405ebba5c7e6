"""Compile libhangul's hanja.txt into the reading data under glossary/data/.

Input: Debian ``libhangul-data``'s ``/usr/share/libhangul/hanja/hanja.txt``
(``reading:hanja:comment`` lines, BSD licence). Output:
``glossary/data/hanja.tsv``, UTF-8, one line per character, sorted:

- the base (etymological, pre-두음법칙) reading the character most often has
  at the start of a word and inside one, counted over the word list, and
  every reading libhangul gives it;
- the multi-character words it starts, each with the reading a Korean
  dictionary prints for the word on its own (initial-sound law applied,
  률/율 chosen).

One line per character lets the reader load the file with one split and
parse a character's words only when a term needs them.

Why pick one reading per word: hanja.txt is an input-method table, so it
lists spellings a user might type (녀성 and 여성 for 女性, 고뱃상 and 고배상
for 高排床); a reading engine needs the one a dictionary prints.

Run: ``python scripts/build_hanja_dict.py [path/to/hanja.txt]``.
The functions are reused by ``scripts/eval_readings.py`` for its leave-out.
"""

from __future__ import annotations

import math
import subprocess
import sys
import unicodedata
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.normalize import is_simplified  # noqa: E402
from glossary.readings import dueum, jamo, undo_dueum  # noqa: E402

SOURCE = Path("/usr/share/libhangul/hanja/hanja.txt")
# Unihan variant links (Debian ``unicode-data``); optional at build time.
UNIHAN_VARIANTS = Path("/usr/share/unicode/Unihan_Variants.txt.bz2")
UNIHAN_READINGS = Path("/usr/share/unicode/Unihan_Readings.txt.bz2")

# Chinese (Taiwan/OpenCC) and Japanese forms -> the form Korean dictionaries
# (KS X 1001) list. Unihan links none of these pairs: they are separate
# unified code points for one character (清/淸, 青/靑, 產/産), or a variant
# whose reading differs in libhangul (鬥 두 / 鬪 투: Korean reads 鬥 as 투).
KOREAN_FORMS = {
    "清": "淸",
    "青": "靑",
    "真": "眞",
    "為": "爲",
    "偽": "僞",
    "眾": "衆",
    "產": "産",
    "鬥": "鬪",
    "闘": "鬪",
    "説": "說",
    "税": "稅",
    "黄": "黃",
    "温": "溫",
    "呉": "吳",
    "衞": "衛",
    "録": "錄",
    "鈎": "鉤",
    "兑": "兌",
    "内": "內",
    "羣": "群",
    "綫": "線",
    "麪": "麵",
    "牀": "床",
    "况": "況",
    "却": "卻",
    "吿": "告",
    "敎": "教",
    "晩": "晚",
    "既": "旣",
    "鄉": "鄕",
    "凉": "涼",
    "冲": "沖",
    "册": "冊",
    "瀬": "瀨",
    "緒": "緖",
    "戸": "戶",
    "揺": "搖",
    "醖": "醞",
    "强": "強",
    "虚": "虛",
    "曽": "曾",
    "黒": "黑",
}

DATA = ROOT / "glossary" / "data"

# 렬, 률: read 열, 율 after a vowel or ㄴ.
RYEOL = {"렬", "률"}
YEOL = {"열", "율"}


def is_cjk(ch: str) -> bool:
    """True for a CJK unified or compatibility ideograph."""
    return unicodedata.name(ch, "").startswith("CJK")


def parse_hanja_txt(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Words -> readings (in file order) and characters -> readings.

    Lines whose hanja mix in hangul (ㄱ字집) or whose reading does not have one
    syllable per character (place names with 洞 dropped) are skipped.
    """
    words: dict[str, list[str]] = defaultdict(list)
    chars: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        reading, hanzi, _comment = line.split(":", 2)
        if not all(map(is_cjk, hanzi)) or len(reading) != len(hanzi):
            continue
        if not all("가" <= s <= "힣" for s in reading):
            continue
        hanzi = unicodedata.normalize("NFC", hanzi)
        table = chars if len(hanzi) == 1 else words
        if reading not in table[hanzi]:
            table[hanzi].append(reading)
    return dict(words), dict(chars)


def base_syllables(hanzi: str, reading: str, chars: dict[str, list[str]]) -> list[str]:
    """Per character, the base reading behind each surface syllable.

    The initial-sound law is undone at the start of the word and where a
    word inside a longer one may start (國際聯合 국제연합: 聯 is 련), and
    열/율 after a vowel or ㄴ; the second syllable is read as written (差異
    차이: 異 is 이 there, though libhangul also lists 리 for it).

    >>> base_syllables("女性", "여성", {"女": ["녀", "여"], "性": ["성"]})
    ['녀', '성']
    >>> base_syllables("比率", "비율", {"比": ["비"], "率": ["률", "솔", "율"]})
    ['비', '률']
    """
    out = []
    for k, (ch, syl) in enumerate(zip(hanzi, reading)):
        known = chars.get(ch, [])
        base = syl
        if k != 1 or (syl in YEOL and jamo(reading[k - 1])[2] in (0, 4)):
            for cand in undo_dueum(syl):
                if cand in known:
                    base = cand
                    break
        out.append(base)
    return out


def reading_penalty(hanzi: str, reading: str, chars: dict[str, list[str]]) -> int:
    """How far a listed reading is from what a dictionary would print."""
    penalty = 0
    first = reading[0]
    if dueum(first) != first:
        penalty += 10
    for i in range(1, len(reading)):
        prev_final = jamo(reading[i - 1])[2]
        syl = reading[i]
        after_vowel_n = prev_final in (0, 4)
        if syl in RYEOL and after_vowel_n:
            penalty += 5
        if syl in YEOL and not after_vowel_n and ("렬" in chars.get(hanzi[i], ()) or "률" in chars.get(hanzi[i], ())):
            penalty += 5
    for ch, syl in zip(hanzi, reading):
        known = set(chars.get(ch, ()))
        if known and syl not in known and not (set(undo_dueum(syl)) & known):
            penalty += 3  # 사이시옷 spellings (고뱃상) and typos
    return penalty


def _same_reading(a: str, b: str, chars: dict[str, list[str]], hanzi: str) -> bool:
    """Equal up to the initial-sound law and 렬/률 (a word read inside a longer one)."""
    return base_syllables(hanzi, a, chars) == base_syllables(hanzi, b, chars)


def choose_readings(words: dict[str, list[str]], chars: dict[str, list[str]]) -> dict[str, str]:
    """One reading per word.

    Order: fewest rule violations; then the reading the longer words that
    contain this one give it (復興 is 부흥 in 文藝復興, 復興運動, so not 복흥);
    then the most usual character readings. A single listed reading that
    breaks the initial-sound law (屢說 루설) is corrected (누설).
    """
    usage: Counter[tuple[str, str]] = Counter()
    for hanzi, readings in words.items():
        for reading in readings:
            usage.update(zip(hanzi, base_syllables(hanzi, reading, chars)))
    by_bigram: dict[str, list[str]] = defaultdict(list)
    for hanzi, readings in words.items():
        if len(readings) == 1:
            for p in range(len(hanzi) - 1):
                by_bigram[hanzi[p : p + 2]].append(hanzi)
    chosen = {}
    for hanzi, readings in words.items():
        if len(readings) == 1:
            reading = readings[0]
            chosen[hanzi] = dueum(reading[0]) + reading[1:]
            continue
        support: Counter[str] = Counter()
        for longer in set(by_bigram.get(hanzi[:2], ())):
            if longer == hanzi:
                continue
            start = longer.find(hanzi)
            while start >= 0:
                part = words[longer][0][start : start + len(hanzi)]
                for r in readings:
                    if _same_reading(part, r, chars, hanzi):
                        support[r] += 1
                start = longer.find(hanzi, start + 1)

        def score(reading: str, hanzi: str = hanzi, support: Counter[str] = support) -> tuple[int, int, float]:
            common = sum(math.log1p(usage[pair]) for pair in zip(hanzi, base_syllables(hanzi, reading, chars)))
            return (reading_penalty(hanzi, reading, chars), -support[reading], -common)

        chosen[hanzi] = min(readings, key=score)
    return chosen


def char_table(
    words: dict[str, str], chars: dict[str, list[str]], fallback: dict[str, str] | None = None
) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """Base reading of each character at the start of a word and inside one.

    Counted over the chosen word readings; a character met in no word takes
    its ``fallback`` reading (Unihan's preferred one) when libhangul lists it
    too, else libhangul's first reading.
    """
    initial: dict[str, Counter[str]] = defaultdict(Counter)
    medial: dict[str, Counter[str]] = defaultdict(Counter)
    printed: dict[str, Counter[str]] = defaultdict(Counter)
    for hanzi, reading in words.items():
        bases = base_syllables(hanzi, reading, chars)
        initial[hanzi[0]][bases[0]] += 1
        for ch, base in zip(hanzi[1:], bases[1:]):
            medial[ch][base] += 1
        for ch, syl in zip(hanzi[1:], reading[1:]):
            printed[ch][syl] += 1
    table = {}
    for ch in set(chars) | set(initial) | set(medial):
        listed = tuple(chars.get(ch, ()))
        preferred = (fallback or {}).get(ch)
        default = preferred if preferred and (not listed or preferred in listed) else (listed[0] if listed else None)
        both = initial[ch] + medial[ch]
        overall = both.most_common(1)[0][0] if both else default
        if overall is None:
            continue
        # A character needs a few words before its position statistics beat
        # its overall reading.
        ini = initial[ch].most_common(1)[0][0] if sum(initial[ch].values()) >= 3 else overall
        med = medial[ch].most_common(1)[0][0] if sum(medial[ch].values()) >= 3 else overall
        # A ㄹ/ㄴ reading words hardly ever print inside them is not a base reading:
        # libhangul lists 리 for 異, but words write 이 (差異 차이, 大同小異
        # 대동소이) all but in a name (智異山 지리산).
        if med != dueum(med) and printed[ch][med] * 20 < printed[ch][dueum(med)]:
            med = dueum(med)
        table[ch] = (ini, med, listed or (overall,))
    return table


def unihan_readings(path: Path = UNIHAN_READINGS) -> dict[str, str]:
    """Preferred hangul reading of each character in Unihan's kHangul field.

    The reading flagged E (taught in schools) comes first, then the first one
    listed. Used only for characters that no libhangul word shows in use.
    """
    import bz2

    out: dict[str, str] = {}
    if not path.exists():
        return out
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[1] != "kHangul":
                continue
            values = [v.split(":") for v in parts[2].split()]
            preferred = [r for r, flags in values if "E" in flags] or [values[0][0]]
            out[chr(int(parts[0][2:], 16))] = preferred[0]
    return out


# Japanese shinjitai that are also Chinese characters with a reading of their
# own in Chinese texts (芸 운 in 芸芸, 予 여 in 給予, 台 태 in 三台): never
# replaced by the kyujitai form (藝, 豫, 臺) they stand for in Japanese.
JAPANESE_KEEP = frozenset("予台欠缶虫芸斗余弁")


def unihan_variants(path: Path = UNIHAN_VARIANTS) -> dict[str, set[str]]:
    """Z- and semantic variants of each character, both ways (empty without the file)."""
    import bz2

    links: dict[str, set[str]] = defaultdict(set)
    if not path.exists():
        return links
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) < 3 or parts[1] not in ("kZVariant", "kSemanticVariant", "kSpecializedSemanticVariant"):
                continue
            a = chr(int(parts[0][2:], 16))
            for item in parts[2].split():
                b = chr(int(item.split("<")[0][2:], 16))
                links[a].add(b)
                links[b].add(a)
    return links


def korean_variants(
    words: dict[str, str], chars: dict[str, list[str]], table: dict[str, tuple[str, str, tuple[str, ...]]]
) -> dict[str, str]:
    """Character -> the variant Korean dictionaries use for it, where that is another one.

    A character maps to a variant (hand table, Unihan, OpenCC tw2t/hk2t/jp2t)
    that starts or holds far more libhangul words and reads the same at the
    start of a word and inside one (于 우 is not 於 어, 机 궤 is not 機 기);
    the hand table is trusted when the variant has more words.
    """
    import opencc

    count: Counter[str] = Counter(ch for w in words for ch in w)
    converters = [opencc.OpenCC(f"{c}.json") for c in ("tw2t", "hk2t", "jp2t")]
    links = unihan_variants()
    out = {}
    # Japanese shinjitai -> the kyujitai Korean dictionaries list (体 -> 體,
    # 穏 -> 穩, 専 -> 專): a shinjitai is rare in Korean words, and where it
    # has a Korean reading of its own (体 분, 専 부) that is not the one meant.
    t2jp = opencc.OpenCC("t2jp.json")
    shinjitai: dict[str, list[str]] = defaultdict(list)
    for ch in table:
        jp = t2jp.convert(ch)
        if jp != ch and len(jp) == 1 and jp not in JAPANESE_KEEP:
            shinjitai[jp].append(ch)
    for ch in set(chars) | set(count) | set(links) | set(KOREAN_FORMS) | set(shinjitai):
        if ch in shinjitai:
            kyujitai = max(shinjitai[ch], key=lambda c: (count[c], c))
            if count[kyujitai] > 5 * count[ch]:
                out[ch] = kyujitai
                continue
        if ch in KOREAN_FORMS:
            if count[KOREAN_FORMS[ch]] > count[ch]:
                out[ch] = KOREAN_FORMS[ch]
            continue
        candidates = set(links.get(ch, ())) | {conv.convert(ch) for conv in converters}
        candidates.discard(ch)
        if ch in table:
            candidates = {c for c in candidates if table.get(c, ("",))[:2] == table[ch][:2]}
        best = max(candidates, key=lambda c: (count[c], c), default=None)
        if best is None or count[best] < 5 or count[best] <= 3 * count[ch]:
            continue
        out[ch] = best
    return out


def format_lines(
    words: dict[str, str], table: dict[str, tuple[str, str, tuple[str, ...]]], variants: dict[str, str] | None = None
) -> dict[str, str]:
    """One line per character: its readings, a flag, then the words it starts.

    ``char<TAB>initial<TAB>medial<TAB>listed<TAB>flag<TAB>word reading<TAB>...``;
    flag ``s`` marks characters OpenCC s2t converts (a term holding one may be
    simplified), ``=X`` a character read as its Korean variant X, ``-`` none.
    """
    starting: dict[str, list[str]] = defaultdict(list)
    for hanzi in sorted(words):
        starting[hanzi[0]].append(f"{hanzi} {words[hanzi]}")
    variants = variants or {}
    lines = {}
    for ch in sorted(set(table) | set(starting) | set(variants)):
        ini, med, listed = table.get(ch, ("", "", ()))
        if not ini and ch in variants and variants[ch] in table:
            ini, med, listed = table[variants[ch]]
        flag = ("s" if is_simplified(ch) else "") + (f"={variants[ch]}" if ch in variants else "")
        flag = flag or "-"
        lines[ch] = "\t".join([ch, ini, med, ",".join(listed), flag, *starting.get(ch, ())])
    return lines


def write_lines(lines: dict[str, str], version: str) -> None:
    """Write glossary/data/hanja.tsv."""
    with open(DATA / "hanja.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(
            f"# libhangul-data {version} hanja.txt, BSD-3-Clause (see README.md); built by scripts/build_hanja_dict.py\n"
        )
        f.write(
            "# Modified: also holds readings and variant links derived from Unicode Unihan data (notice in README.md)\n"
        )
        f.write(
            "# char, base reading word-initially, inside a word, readings listed, flag (s: simplified, =X: Korean form X), then 'word reading' pairs\n"
        )
        for ch in sorted(lines):
            f.write(lines[ch] + "\n")


_KANA = {
    "a": "あ",
    "i": "い",
    "u": "う",
    "e": "え",
    "o": "お",
    "ka": "か",
    "ki": "き",
    "ku": "く",
    "ke": "け",
    "ko": "こ",
    "sa": "さ",
    "shi": "し",
    "su": "す",
    "se": "せ",
    "so": "そ",
    "ta": "た",
    "chi": "ち",
    "tsu": "つ",
    "te": "て",
    "to": "と",
    "na": "な",
    "ni": "に",
    "nu": "ぬ",
    "ne": "ね",
    "no": "の",
    "ha": "は",
    "hi": "ひ",
    "fu": "ふ",
    "he": "へ",
    "ho": "ほ",
    "ma": "ま",
    "mi": "み",
    "mu": "む",
    "me": "め",
    "mo": "も",
    "ya": "や",
    "yu": "ゆ",
    "yo": "よ",
    "ra": "ら",
    "ri": "り",
    "ru": "る",
    "re": "れ",
    "ro": "ろ",
    "wa": "わ",
    "wo": "を",
    "ga": "が",
    "gi": "ぎ",
    "gu": "ぐ",
    "ge": "げ",
    "go": "ご",
    "za": "ざ",
    "ji": "じ",
    "zu": "ず",
    "ze": "ぜ",
    "zo": "ぞ",
    "da": "だ",
    "de": "で",
    "do": "ど",
    "ba": "ば",
    "bi": "び",
    "bu": "ぶ",
    "be": "べ",
    "bo": "ぼ",
    "pa": "ぱ",
    "pi": "ぴ",
    "pu": "ぷ",
    "pe": "ぺ",
    "po": "ぽ",
    "kya": "きゃ",
    "kyu": "きゅ",
    "kyo": "きょ",
    "gya": "ぎゃ",
    "gyu": "ぎゅ",
    "gyo": "ぎょ",
    "sha": "しゃ",
    "shu": "しゅ",
    "sho": "しょ",
    "ja": "じゃ",
    "ju": "じゅ",
    "jo": "じょ",
    "cha": "ちゃ",
    "chu": "ちゅ",
    "cho": "ちょ",
    "nya": "にゃ",
    "nyu": "にゅ",
    "nyo": "にょ",
    "hya": "ひゃ",
    "hyu": "ひゅ",
    "hyo": "ひょ",
    "bya": "びゃ",
    "byu": "びゅ",
    "byo": "びょ",
    "pya": "ぴゃ",
    "pyu": "ぴゅ",
    "pyo": "ぴょ",
    "mya": "みゃ",
    "myu": "みゅ",
    "myo": "みょ",
    "rya": "りゃ",
    "ryu": "りゅ",
    "ryo": "りょ",
}


def romaji_to_hiragana(romaji: str) -> str | None:
    """Hiragana for a Hepburn reading as Unihan writes it (KOU, SHUTSU, CHUU).

    >>> romaji_to_hiragana("KOU"), romaji_to_hiragana("SHUTSU"), romaji_to_hiragana("NIN")
    ('こう', 'しゅつ', 'にん')
    """
    text, out, i = romaji.lower(), [], 0
    while i < len(text):
        if text[i] == "n" and (i + 1 == len(text) or text[i + 1] not in "aiueoy"):
            out.append("ん")
            i += 1
            continue
        if i + 1 < len(text) and text[i] == text[i + 1] and text[i] not in "aiueon":
            out.append("っ")
            i += 1
            continue
        for size in (3, 2, 1):
            kana = _KANA.get(text[i : i + size])
            if kana:
                out.append(kana)
                i += size
                break
        else:
            return None
    return "".join(out)


def _modern(romaji: str) -> bool:
    # Unihan also lists historical kana spellings (KAU for こう, KUWA for か).
    return not (
        romaji.endswith(("AU", "EU", "IU", "HU")) or "KUWA" in romaji or "GUWA" in romaji or "YU" in romaji[1:2]
    )


# On'yomi Chinese compounds use where Unihan lists another first (治 JI CHI).
ON_PREFERRED = {
    "治": "ち",
    "台": "たい",
    "内": "ない",
    "大": "だい",
    "行": "こう",
    "正": "せい",
    "生": "せい",
    "明": "めい",
    "平": "へい",
}


def kanji_on_readings(path: Path = UNIHAN_READINGS) -> dict[str, str]:
    """Kanji -> its first modern on'yomi in hiragana, from Unihan kJapaneseOn."""
    import bz2

    out: dict[str, str] = {}
    if not path.exists():
        return out
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[1] != "kJapaneseOn":
                continue
            values = parts[2].split()
            modern = [v for v in values if _modern(v)] or values
            kana = romaji_to_hiragana(modern[0])
            if kana:
                out[chr(int(parts[0][2:], 16))] = kana
    out.update(ON_PREFERRED)
    return out


def write_kanji_on(table: dict[str, str]) -> None:
    """Write glossary/data/kanji_on.tsv."""
    with open(DATA / "kanji_on.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Modified from Unicode Unihan kJapaneseOn (notice in README.md): first modern on'yomi, in hiragana;"
            " built by scripts/build_hanja_dict.py\n"
        )
        for ch in sorted(table):
            f.write(f"{ch}\t{table[ch]}\n")


def debian_version() -> str:
    """Version of the installed libhangul-data package, or 'unknown'."""
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "libhangul-data"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


@cache
def _unihan_readings() -> dict[str, str]:
    return unihan_readings()


def build(path: Path = SOURCE) -> dict[str, str]:
    """The lines of hanja.tsv, built from hanja.txt."""
    raw_words, chars = parse_hanja_txt(path)
    return build_lines(choose_readings(raw_words, chars), chars)


def build_lines(words: dict[str, str], chars: dict[str, list[str]]) -> dict[str, str]:
    """The lines of hanja.tsv for a chosen word list (the eval passes one with words left out)."""
    table = char_table(words, chars, _unihan_readings())
    return format_lines(words, table, korean_variants(words, chars, table))


def main() -> None:
    """Build both files from the path given (default: Debian's)."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    lines = build(path)
    write_lines(lines, debian_version())
    write_kanji_on(kanji_on_readings())
    print(f"{sum(line.count(chr(9)) - 4 for line in lines.values())} words, {len(lines)} characters -> {DATA}")


if __name__ == "__main__":
    main()
