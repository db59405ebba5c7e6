"""Readings stage, the hangul reading: hanja -> 경제, as a Korean dictionary prints it.

Input: a term in any script. Output: its strict Sino-Korean reading
(``ko_hanja``), and the matchers that tell whether a hangul text spells it.

1. ``korean_form``: fold variant code points; convert simplified input to
   traditional (OpenCC s2t, 以旧换新 -> 以舊換新), and Chinese or Japanese
   variants to the form Korean dictionaries list (青 -> 靑, 体 -> 體);
2. ``segment`` each run of hanja into words of the dictionary
   (:mod:`glossary.readings.hanja_dictionary`): fewest pieces, then fewest
   single characters, then longer pieces first; a leftover stretch may be
   read as the beginning of a longer word (樂觀 in 樂觀論);
3. read each word from the dictionary (polyphonic characters get the
   reading of the word they stand in: 音樂 -> 음악, 樂園 -> 낙원);
4. read characters left over from the character table, then apply the
   rules: the initial-sound law (두음법칙) at the start of every word,
   렬/률 -> 열/율 after a vowel or ㄴ, 不 -> 부 before ㄷ and ㅈ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from glossary import normalize
from glossary.memo import persistent
from glossary.readings.hanja_dictionary import HanjaDictionary, load_dictionary
from glossary.readings.syllables import _D, _J, _after_vowel_or_n, dueum, jamo, undo_dueum
from glossary.readings.tables import _data_text, _overrides


_HANZI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af〇"
_HANZI_RUN = re.compile(f"[{_HANZI}]+")
_NOT_HANZI_RUN = re.compile(f"[^{_HANZI}]+")


def _is_hanzi(ch: str) -> bool:
    return _HANZI_RUN.match(ch) is not None


def korean_form(text: str, dictionary: HanjaDictionary | None = None) -> str:
    """The form a Korean dictionary lists: traditional, unified code points.

    Simplified input is converted phrase by phrase (OpenCC s2t), Japanese
    shinjitai character by character (jp2t), only where a character is not
    already a Korean hanja, so traditional input is never touched.

    >>> korean_form("以旧换新"), korean_form("両会")
    ('以舊換新', '兩會')
    """
    d = dictionary or load_dictionary()
    text = normalize.fold_variants(text)
    hanzi = "".join(_HANZI_RUN.findall(text))
    entries = [d.entry(ch) for ch in hanzi]
    if all(e is not None and not e.simplified and not e.variant for e in entries):
        return text  # already the Korean form: the common case, kept fast
    if any(e is None or e.simplified for e in entries) and normalize.is_simplified(text):
        text = normalize._converter("s2t").convert(text)
    out = []
    for ch in text:
        if _is_hanzi(ch):
            entry = d.entry(ch)
            if entry is None:
                for config in ("jp2t", "s2t"):
                    alt = normalize._converter(config).convert(ch)
                    if d.entry(alt) is not None:
                        ch, entry = alt, d.entry(alt)
                        break
            if entry is not None and entry.variant and d.entry(entry.variant) is not None:
                ch = entry.variant
        out.append(ch)
    text = "".join(out)
    for ch, form in _CONTEXT_FORMS.items():
        if ch in text:
            text = "".join(
                form if c == ch and not _in_word(text, i, d) else c for i, c in enumerate(text)
            )
    return text


# Characters both scripts write whose modern Chinese sense is another
# character's: 台 stands for 臺 (台灣 is a variant spelling of 臺灣, read 대만),
# except in the dictionary's own 台-words (天台 천태).
_CONTEXT_FORMS = {"台": "臺"}


def _in_word(text: str, i: int, d: HanjaDictionary) -> bool:
    """Whether position ``i`` lies inside a dictionary word of ``text`` spelled as written."""
    for j in range(max(0, i - 4), i + 1):
        for k in range(i + 1, min(len(text), j + 8) + 1):
            if k - j > 1 and d.word(text[j:k]) is not None:
                return True
    return False


def segment(hanzi: str, dictionary: HanjaDictionary | None = None) -> list[str]:
    """Split a run of hanja into dictionary words and single characters.

    Fewest pieces, then fewest single characters, then fewest pieces that are
    only the beginning of a dictionary word; among equals, longer pieces come
    first (Korean compounds are more often word + suffix than prefix + word).

    >>> segment("女性勞動者")
    ['女性', '勞動者']
    """
    return [piece for piece, _ in _segment(hanzi, dictionary or load_dictionary())]


# Segmentation cost: pieces first, then single characters (word beginnings
# count as single characters), then word beginnings; packed into one int.
_PIECE, _SINGLE, _PREFIX = 1 << 20, 1 << 10, 1


def _segment(hanzi: str, d: HanjaDictionary) -> list[tuple[str, str | None]]:
    """Pieces with their dictionary reading (None for a single character)."""
    n = len(hanzi)
    whole = d.word(hanzi)
    if whole is not None:
        return [(hanzi, whole)]
    cost = [0] * (n + 1)
    cut = [n] * (n + 1)
    readings: list[str | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        entry = d.entry(hanzi[i])
        best, best_j, best_reading = cost[i + 1] + _PIECE + _SINGLE, i + 1, None
        if entry is not None:
            words = entry.words
            # Longer pieces first; a later piece must be strictly cheaper.
            for j in range(min(n, i + entry.max_len), i + 1, -1):
                reading = words.get(hanzi[i:j])
                if reading is not None and cost[j] + _PIECE <= best:
                    if cost[j] + _PIECE < best or best_reading is None:
                        best, best_j, best_reading = cost[j] + _PIECE, j, reading
            if best % _PIECE >= _SINGLE:
                # Single characters left: try beginnings of longer words.
                for j in range(min(n, i + entry.max_len - 1), i + 1, -1):
                    c = cost[j] + _PIECE + _SINGLE + _PREFIX
                    if c < best:
                        reading = entry.prefix_reading(hanzi[i:j])
                        if reading is not None:
                            best, best_j, best_reading = c, j, _end_as_suffix(hanzi[i:j], reading, d)
        cost[i], cut[i], readings[i] = best, best_j, best_reading
    pieces, i = [], 0
    while i < n:
        pieces.append((hanzi[i : cut[i]], readings[i]))
        i = cut[i]
    return pieces


def _end_as_suffix(hanzi: str, reading: str, d: HanjaDictionary) -> str:
    """A word beginning's reading, with its last syllable read as inside a word.

    電話料 is the beginning of 電話料金, read 전화+요금; on its own the 料
    closes the word: 전화료.
    """
    last = reading[-1]
    entry = d.entry(hanzi[-1])
    if hanzi[-1] == "不":
        last = "불"  # 부 only before ㄷ and ㅈ (行不得 행부득), which the reader decides
    elif entry is not None:
        for base in undo_dueum(last):
            if base in entry.listed:
                last = base
                break
        if last in ("렬", "률") and _after_vowel_or_n(reading[-2]):
            last = "열" if last == "렬" else "율"
    return reading[:-1] + last


def _char_reading(ch: str, initial: bool, d: HanjaDictionary) -> str:
    entry = d.entry(ch)
    if entry is not None:
        return entry.initial if initial else entry.medial
    # Characters libhangul does not list: the hanja package's table, read without
    # its YAML loader (glossary.readings.hanja_table; call site changed by xperf for start-up).
    from glossary.readings.hanja_table import table

    return table().get(ch, ch)


# Numerals open a word of their own in counted abbreviations (六穩六保 육온육보,
# 四個全面), unless they follow another numeral (五六 오륙).
_NUMERALS = frozenset("一二三四五六七八九十百千萬兩零")


# Bound nouns of counting keep their first sound after a number (한글 맞춤법 제10항
# 붙임 1, 제11항: 의존 명사 년 냥 리): 數十年來 수십년래, not 수십연래.
_COUNTERS = frozenset("年兩両里輛")
_COUNTED = _NUMERALS | frozenset("數幾億兆")


def _read_run(hanzi: str, d: HanjaDictionary, inside: bool = False) -> list[str]:
    """Syllables of a run of hanja; ``inside`` when it continues a word (1800年, 그레고리曆)."""
    pieces = _segment(hanzi, d)
    syllables: list[str] = []
    for k, (piece, reading) in enumerate(pieces):
        if reading is not None:
            if k == 0 and inside or k > 0 and piece[0] in _COUNTERS and pieces[k - 1][0][-1] in _COUNTED:
                reading = _medial_start(piece, reading, d)
            syllables.extend(reading)
            continue
        if k == 0 and inside:
            syllables.append(_char_reading(piece, False, d))
            continue
        prev_single = k > 0 and pieces[k - 1][1] is None
        next_single = k + 1 < len(pieces) and pieces[k + 1][1] is None
        prev_char = pieces[k - 1][0][-1] if k > 0 else ""
        # A lone character after a word is a suffix (進化論 -> 진화론); a run
        # of characters, or one opening the term, starts a word (一國 兩制).
        starts_word = not prev_single and (k == 0 or next_single)
        if piece in _NUMERALS and prev_char not in _NUMERALS and k + 1 < len(pieces):
            starts_word = True
        syllable = _char_reading(piece, starts_word, d)
        if starts_word:
            syllable = dueum(syllable)
        elif syllable in ("렬", "률") and syllables and _after_vowel_or_n(syllables[-1]):
            syllable = "열" if syllable == "렬" else "율"
        syllables.append(syllable)
    if len(hanzi) == 3 and pieces[0][0] == "金" and syllables[0] == "금" and d.word(hanzi[1:]) is None:
        # A Korean name: 金 + a given name that is no word (金大中 김대중, 金泳三 김영삼).
        # Names whose given name starts with a word (金正恩) are in hangul_overrides.tsv.
        syllables[0] = "김"
    # 不 is 부 before ㄷ and ㅈ (不動産, 不正), also where it ends a piece:
    # 猶爲不足 may split as 猶 爲不 足, but 不足 is still 부족.
    if "不" in hanzi:
        end = 0
        for piece, _ in pieces:
            end += len(piece)
            if piece[-1] == "不" and end < len(syllables) and syllables[end - 1] == "불":
                if jamo(syllables[end])[0] in (_D, _J):
                    syllables[end - 1] = "부"
    return syllables


def hangul_reading(hanzi: str, dictionary: HanjaDictionary | None = None) -> str:
    """Sino-Korean reading in hangul, as a Korean dictionary prints it.

    Characters that are not hanja (spaces, hangul, Latin) are kept.

    >>> hangul_reading("以舊換新")
    '이구환신'
    >>> hangul_reading("一國兩制"), hangul_reading("不動産"), hangul_reading("以旧换新")
    ('일국양제', '부동산', '이구환신')
    """
    if dictionary is None:
        return _shipped_reading(hanzi)
    return _read(hanzi, dictionary)


def usage_reading(trad: str, *, translations: bool = True) -> str | None:
    """The form Korean writers use where it departs from the strict reading, else None.

    From ``data/usage_readings.tsv``, also inside longer terms: a reading
    Korean usage prefers (命運共同體 운명공동체), or, in rows marked
    ``translation``, the Korean word writers print for it (人民幣 위안화,
    出口 수출, 信息 정보, where the reading 인민폐, 출구, 신식 means something
    else or nothing in Korean). ``translations=False``: the readings alone.
    The korean-entries stage offers it as a Korean rendering, while
    ``ko_hanja`` stays strict.

    >>> usage_reading("人類命運共同體"), usage_reading("以舊換新"), usage_reading("離岸人民幣")
    ('인류운명공동체', None, '역외위안화')
    >>> usage_reading("人民幣", translations=False) is None
    True
    """
    table = _usage_rows(translations)
    text = korean_form(trad)
    if not any(word in text for word in table):
        return None
    reading = _read(text, _usage_dictionary(translations))
    return reading if reading != hangul_reading(trad) else None


def usage_translates(trad: str) -> bool:
    """Whether the usage form of a term holds a Korean word of a ``translation`` row (위안화 for 人民幣).

    >>> usage_translates("離岸人民幣"), usage_translates("人類命運共同體")
    (True, False)
    """
    text = korean_form(trad)
    return any(word in text for word in _usage_rows(True)) and \
        usage_reading(trad) != usage_reading(trad, translations=False)


@cache
def _usage_rows(translations: bool) -> dict[str, str]:
    """word -> hangul of ``usage_readings.tsv``; the ``translation`` rows only when asked."""
    rows = {}
    for line in _data_text("usage_readings.tsv").split("\n"):
        if line and not line.startswith("#"):
            word, hangul, *kind = line.split("\t")
            if translations or kind != ["translation"]:
                rows[korean_form(word)] = hangul  # as the text is read: 房地產 is looked up as 房地産
    return rows


@cache
def _usage_dictionary(translations: bool = True) -> HanjaDictionary:
    d = load_dictionary()
    return HanjaDictionary(d.lines, {**d.overrides, **_usage_rows(translations)})


# Texts repeat their terms: one reading per distinct term and process.
@persistent  # outside the memo, so every result of a build reaches the cache file
@lru_cache(maxsize=65536)
def _shipped_reading(hanzi: str) -> str:
    return _read(hanzi, load_dictionary())


def _read(hanzi: str, d: HanjaDictionary) -> str:
    text = korean_form(hanzi, d)
    whole = d.word(text)
    if whole is not None:
        return whole  # a dictionary word: most terms
    out: list[str] = []
    for run, is_run in _runs(text):
        # Hanja glued to a numeral or to hangul continue that word: no
        # initial-sound law (1800年에 1800년에, 그레고리曆 그레고리력).
        inside = bool(out) and bool(out[-1]) and (out[-1][-1].isdigit() or "가" <= out[-1][-1] <= "힣")
        out.append("".join(_read_run(run, d, inside)) if is_run else run)
    return "".join(out)


def _medial_start(word: str, reading: str, d: HanjaDictionary) -> str:
    """A word's reading with its first syllable as read inside a word (연도 -> 년도 after 2024)."""
    entry = d.entry(word[0])
    for base in undo_dueum(reading[0]):
        if entry is not None and base in entry.listed:
            return base + reading[1:]
    return reading


def _runs(text: str) -> Iterable[tuple[str, bool]]:
    """Runs of hanja (True) and of other characters (False), in order."""
    pos = 0
    for m in _HANZI_RUN.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], False
        yield m.group(), True
        pos = m.end()
    if pos < len(text):
        yield text[pos:], False


_DIGITS = "영일이삼사오육칠팔구"


def sino_korean_number(digits: str) -> str:
    """Read Arabic digits the Sino-Korean way, as texts mix them with hangul (3중전회).

    >>> sino_korean_number("3"), sino_korean_number("20"), sino_korean_number("14"), sino_korean_number("105")
    ('삼', '이십', '십사', '백오')
    """
    n = int(digits)
    if n == 0 or n >= 10000:
        return "".join(_DIGITS[int(d)] for d in digits)
    out = []
    for value, unit in ((1000, "천"), (100, "백"), (10, "십"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out.append(("" if d == 1 and unit else _DIGITS[d]) + unit)
    return "".join(out)


def is_hangul_reading(hangul_text: str, hanzi: str) -> bool:
    """True when a hangul text spells the Korean reading of the hanja term.

    Spacing and hyphens are ignored; each syllable may also be the form
    without the initial-sound law (녀성) or the hanja package's
    character-by-character reading, since texts write those too.

    >>> is_hangul_reading("일국 양제", "一國兩制"), is_hangul_reading("일국량제", "一國兩制")
    (True, True)
    >>> is_hangul_reading("양회", "一國兩制")
    False
    """
    hangul_text = re.sub(r"[0-9]+", lambda m: sino_korean_number(m.group()), hangul_text)
    text = "".join(ch for ch in hangul_text if "가" <= ch <= "힣")
    if not text or len(text) != len(hangul_text.replace(" ", "").replace("-", "").replace("·", "")):
        return False
    reading = hangul_reading(hanzi).replace(" ", "")
    if len(reading) != len(text):
        return False
    if text == reading or text == (usage_reading(hanzi, translations=False) or "").replace(" ", ""):
        return True  # the strict reading, or the one Korean usage prefers (운명공동체)
    per_char = None  # the hanja package's reading, only if a syllable needs it: read on first need
    for i, syl in enumerate(text):
        if syl in {reading[i], *undo_dueum(reading[i]), dueum(reading[i])}:
            continue
        if per_char is None:
            from glossary.readings.hanja_table import translate  # hanja.translate(..., "substitution"), its table read fast (xperf)

            per_char = translate(korean_form(hanzi)).replace(" ", "")
        if len(per_char) != len(reading) or syl not in {per_char[i], dueum(per_char[i]), *undo_dueum(per_char[i])}:
            return False
    return True
