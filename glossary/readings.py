"""Readings of a CJK term: Korean hangul, its romanisation, pinyin, Japanese kana.

Input: a term in any script (traditional, simplified, Japanese, compatibility
ideographs). Output: strings. Heavy objects and data are loaded on first use.

The hangul reading is read the way a Korean dictionary prints it:

1. ``korean_form``: fold variant code points; convert simplified input to
   traditional (OpenCC s2t, 以旧换新 -> 以舊換新), and Chinese or Japanese
   variants to the form Korean dictionaries list (青 -> 靑, 体 -> 體);
2. ``segment`` each run of hanja into words of ``glossary/data/hanja.tsv``
   (compiled from libhangul's hanja.txt): fewest pieces, then fewest single
   characters, then longer pieces first; a leftover stretch may be read as
   the beginning of a longer word (樂觀 in 樂觀論);
3. read each word from the dictionary (polyphonic characters get the
   reading of the word they stand in: 音樂 -> 음악, 樂園 -> 낙원);
4. read characters left over from the character table, then apply the
   rules: the initial-sound law (두음법칙) at the start of every word,
   렬/률 -> 열/율 after a vowel or ㄴ, 不 -> 부 before ㄷ and ㅈ.

A curated ``ko`` in terms.yaml wins over all of this; the merge stage applies it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

from glossary import normalize
from glossary.memo import persistent
from glossary.model import KoreanReading

if TYPE_CHECKING:
    from glossary.names import NameClass

# ---------------------------------------------------------------- hangul jamo

_SBASE = 0xAC00
# Initial consonant indices used by the rules.
_G, _N, _D, _R, _O, _J = 0, 2, 3, 5, 11, 12
# Vowels before which ㄹ and ㄴ become ㅇ at the start of a word: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = frozenset({2, 3, 6, 7, 12, 17, 20})


def jamo(syllable: str) -> tuple[int, int, int]:
    """Initial, vowel and final indices of a hangul syllable; (-1, -1, -1) otherwise.

    >>> jamo("률")
    (5, 17, 8)
    """
    code = ord(syllable) - _SBASE if len(syllable) == 1 else -1
    if not 0 <= code < 11172:
        return (-1, -1, -1)
    return (code // 588, (code % 588) // 28, code % 28)


def _compose(initial: int, vowel: int, final: int) -> str:
    return chr(_SBASE + initial * 588 + vowel * 28 + final)


def dueum(syllable: str) -> str:
    """The syllable as it is read at the start of a word (두음법칙).

    >>> [dueum(s) for s in "녀량락률국"]
    ['여', '양', '낙', '율', '국']
    """
    initial, vowel, final = jamo(syllable)
    if initial == _R:
        return _compose(_O if vowel in _Y_VOWELS else _N, vowel, final)
    if initial == _N and vowel in _Y_VOWELS:
        return _compose(_O, vowel, final)
    return syllable


def undo_dueum(syllable: str) -> tuple[str, ...]:
    """Base syllables that the initial-sound law could have turned into this one.

    >>> undo_dueum("양"), undo_dueum("낙"), undo_dueum("국")
    (('량', '냥'), ('락',), ())
    """
    initial, vowel, final = jamo(syllable)
    if initial == _O and vowel in _Y_VOWELS:
        return (_compose(_R, vowel, final), _compose(_N, vowel, final))
    if initial == _N and vowel not in _Y_VOWELS:
        return (_compose(_R, vowel, final),)
    return ()


def _after_vowel_or_n(previous: str) -> bool:
    return jamo(previous)[2] in (0, 4)


# ------------------------------------------------------------ the dictionary


@dataclass(frozen=True, slots=True)
class CharEntry:
    """What the dictionary knows of one character and the words it starts."""

    initial: str  # base reading at the start of a word: 率 -> 솔
    medial: str  # base reading inside a word: 率 -> 률
    listed: tuple[str, ...]  # every reading libhangul lists
    simplified: bool  # OpenCC s2t converts it, so a term holding it may be simplified
    words: Mapping[str, str]  # words starting with the character -> reading
    variant: str | None = None  # the form Korean dictionaries use instead: 清 -> 淸

    keys: tuple[str, ...] = ()  # the words, sorted
    max_len: int = 0  # of the words

    def prefix_reading(self, hanzi: str) -> str | None:
        """Reading of ``hanzi`` where it begins a longer word, or None.

        A term missing from the dictionary is often the start of a longer
        word that is in it (樂觀 in 樂觀論), which fixes its reading.

        >>> load_dictionary().entry("電").prefix_reading("電話料")
        '전화요'
        """
        i = bisect_left(self.keys, hanzi)
        if i < len(self.keys) and self.keys[i] == hanzi:
            i += 1
        if i < len(self.keys) and self.keys[i].startswith(hanzi):
            return self.words[self.keys[i]][: len(hanzi)]
        return None


@dataclass(frozen=True)
class HanjaDictionary:
    """Word readings and per-character base readings, compiled from libhangul.

    ``lines`` maps a character to its raw line in ``hanja.tsv``; a line is
    parsed the first time the character is met, so loading costs one split
    of the file, not 230,000 dictionary insertions.
    """

    lines: Mapping[str, str]
    overrides: Mapping[str, str] = field(default_factory=dict)
    _parsed: dict[str, CharEntry | None] = field(default_factory=dict, compare=False, repr=False)

    def entry(self, ch: str) -> CharEntry | None:
        """The character's entry, or None when libhangul does not list it."""
        try:
            return self._parsed[ch]
        except KeyError:
            pass
        line = self.lines.get(ch)
        entry = None
        if line is not None:
            fields = line.split("\t")
            words = dict(f.split(" ") for f in fields[5:])
            keys = [f.partition(" ")[0] for f in fields[5:]]
            for word, reading in self.overrides.items():
                if word[0] == ch:
                    words[word] = reading
                    keys = sorted(words)
            flags, _, variant = fields[4].partition("=")
            entry = CharEntry(
                fields[1],
                fields[2],
                tuple(fields[3].split(",")),
                "s" in flags,
                words,
                variant or None,
                tuple(keys),
                max(map(len, keys), default=0),
            )
        self._parsed[ch] = entry
        return entry

    def word(self, hanzi: str) -> str | None:
        """Reading of a dictionary word, or None.

        >>> load_dictionary().word("確率")
        '확률'
        """
        entry = self.entry(hanzi[:1])
        return entry.words.get(hanzi) if entry and len(hanzi) > 1 else None


def _data_text(name: str) -> str:
    return (Path(__file__).parent / "data" / name).read_text(encoding="utf-8")


def parse_lines(text: str) -> dict[str, str]:
    """Index the lines of ``hanja.tsv`` by their character ('#' lines are comments)."""
    return {line[0]: line for line in text.split("\n") if line and line[0] != "#"}


@cache
def load_dictionary() -> HanjaDictionary:
    """The shipped reading dictionary (about 230,000 words), loaded once.

    >>> load_dictionary().entry("率").medial
    '률'
    """
    overrides = {}
    for line in _data_text("hangul_overrides.tsv").split("\n"):
        if line and not line.startswith("#"):
            word, reading = line.split("\t")[:2]
            overrides[word] = reading
    # The lines are read on demand from data/dictionaries.sqlite (compiled from
    # hanja.tsv by scripts/build_datastore.py), one character at a time.
    from glossary.datastore import hanja_lines

    return HanjaDictionary(hanja_lines(), overrides)


# ------------------------------------------------------------ hangul reading


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
    # its YAML loader (glossary.hanja_table; call site changed by xperf for start-up).
    from glossary.hanja_table import table

    return table().get(ch, ch)


# Numerals open a word of their own in counted abbreviations (六穩六保 육온육보,
# 四個全面), unless they follow another numeral (五六 오륙).
_NUMERALS = frozenset("一二三四五六七八九十百千萬兩零")


def _read_run(hanzi: str, d: HanjaDictionary, inside: bool = False) -> list[str]:
    """Syllables of a run of hanja; ``inside`` when it continues a word (1800年, 그레고리曆)."""
    pieces = _segment(hanzi, d)
    syllables: list[str] = []
    for k, (piece, reading) in enumerate(pieces):
        if reading is not None:
            if k == 0 and inside:
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


def korean_reading(trad: str, *, kind: str | None = None, english: tuple[str, ...] = ()) -> KoreanReading:
    """The Korean forms of a term with no text around it: preferred ``ko``, strict ``ko_hanja``.

    ``kind`` is the occurrence kind when known (``name``, ``term``, ``title``);
    ``english`` the English renderings met beside it (``Xi Jinping``), a hint
    that it is a name. ``ko`` follows the Korean standard for Chinese names
    (see :mod:`glossary.names`): the Mandarin transcription for a modern
    person or a current place (its administrative suffix in hanja: 광둥성),
    the reading for a historical one and for organisations, the Korean usage
    or the reading for a term, "" for a Chinese clause or title.

    >>> korean_reading("以舊換新")
    KoreanReading(ko='이구환신', ko_hanja='이구환신', transcription=None, rule='term')
    >>> korean_reading("習近平")
    KoreanReading(ko='시진핑', ko_hanja='습근평', transcription='시진핑', rule='name:modern')
    >>> korean_reading("廣東省").ko, korean_reading("孔子").ko, korean_reading("國務院").rule
    ('광둥성', '공자', 'name:institution')
    """
    return _korean_reading(trad, kind, tuple(english))


# Texts repeat their terms: one answer per distinct term, kind and English.
@lru_cache(maxsize=65536)
def _korean_reading(trad: str, kind: str | None, english: tuple[str, ...]) -> KoreanReading:
    from glossary import names

    form = normalize.standard_form(normalize.fold_variants(trad.strip()))
    if normalize.is_simplified(form):
        form = normalize.to_traditional(form)
    strict = hangul_reading(form)
    found = names.classify(form, kind=kind, english=english)
    if found.category == "clause":
        return KoreanReading(ko="", ko_hanja=strict, transcription=None, rule="clause")
    if found.transcribed:
        transcription = transcribe_name(found)
        ko = found.korean or transcription
        return KoreanReading(ko=ko, ko_hanja=strict, transcription=transcription, rule="name:modern")
    if found.category == "japanese":
        japanese = japanese_name(form)
        return KoreanReading(ko=japanese or strict, ko_hanja=strict, transcription=japanese, rule="name:foreign")
    if found.category == "foreign":
        return KoreanReading(ko=strict, ko_hanja=strict, transcription=None, rule="name:foreign")
    if found.category in ("person", "place") or found.era == "historical":
        return KoreanReading(ko=strict, ko_hanja=strict, transcription=None, rule="name:historical")
    if found.category == "institution":
        headed = _headed_by_name(form)
        ko = headed or usage_reading(form) or strict
        return KoreanReading(ko=ko, ko_hanja=strict, transcription=headed, rule="name:institution")
    headed = _headed_by_name(form)
    if headed is not None:
        return KoreanReading(ko=headed, ko_hanja=strict, transcription=headed, rule="term")
    return KoreanReading(ko=usage_reading(form) or strict, ko_hanja=strict, transcription=None, rule="term")


# Japanese administrative suffixes, read in hanja after the name (千葉県 지바현, 東京都 도쿄도).
_JAPANESE_SUFFIXES = ("県", "府", "都", "市", "町", "村", "区")


def japanese_name(trad: str) -> str | None:
    """A Japanese person or place in hangul, by the Korean standard's kana table (安倍晉三 아베 신조).

    The kana come from pykakasi (machine-made: a rare name may be misread);
    a person's family and given names are written apart, an administrative
    suffix in hanja.

    >>> japanese_name("安倍晉三"), japanese_name("千葉縣")
    ('아베 신조', '지바현')
    """
    from glossary.transcription import transcribe_kana

    ja = normalize.to_japanese(trad)
    suffix = ""
    if len(ja) > 2 and ja.endswith(_JAPANESE_SUFFIXES):
        ja, suffix = ja[:-1], hangul_reading(trad[-1])
    parts = [p["hira"] for p in _kakasi().convert(ja) if p["hira"]]
    if not parts or any(not transcribe_kana(p) or not all("가" <= c <= "힣" for c in transcribe_kana(p)) for p in parts):
        return None
    joiner = "" if suffix or len(parts) == 1 else " "
    return joiner.join(transcribe_kana(p) for p in parts) + suffix


def _headed_by_name(form: str) -> str | None:
    """A term or organisation headed by a modern name: the name as Korean writers print it, the rest read.

    毛澤東思想 마오쩌둥 사상, 北京大學 베이징 대학, 上海合作組織 상하이 합작조직.
    """
    from glossary import names

    head = names.name_head(form) if len(form) > 2 else None
    if head is None:
        return None
    name, rest = head
    rest_reading = korean_reading(rest)
    if rest_reading.rule not in ("term", "name:institution"):
        return None
    return f"{name.korean or transcribe_name(name)} {rest_reading.ko}"


def is_transcription(hangul_text: str, hanzi: str) -> bool:
    """True when a hangul text is the Mandarin transcription of a term (시진핑 for 習近平).

    A sign, in a Korean text, that the term is a modern name. Spacing and
    middle dots are ignored; the standard's spelling and the Korean form
    :func:`korean_reading` gives (홍콩) both count.

    >>> is_transcription("시진핑", "習近平"), is_transcription("헤이룽장 성", "黑龍江省"), is_transcription("습근평", "習近平")
    (True, True, False)
    """
    from glossary.names import name_pinyin
    from glossary.transcription import transcribe

    text = re.sub(r"[\s·ㆍ・-]", "", hangul_text)
    if not text:
        return False
    form = normalize.standard_form(normalize.fold_variants(hanzi.strip()))
    if normalize.is_simplified(form):
        form = normalize.to_traditional(form)
    found = korean_reading(form, kind="name")
    candidates = {transcribe(name_pinyin(form)), (found.transcription or "").replace(" ", ""), found.ko.replace(" ", "")}
    return text in candidates - {"", found.ko_hanja.replace(" ", "")}


def transcribe_name(found: NameClass) -> str:
    """Hangul of a classified name: the proper part by the Mandarin table, the suffix by its reading.

    >>> from glossary.names import classify
    >>> transcribe_name(classify("深圳市")), transcribe_name(classify("香港特別行政區"))
    ('선전시', '홍콩특별행정구')
    """
    from glossary.names import conventional_form, name_pinyin
    from glossary.transcription import transcribe

    proper = found.proper or ""
    suffix = hangul_reading(found.suffix) if found.suffix else ""
    if found.suffix and conventional_form(proper) is not None:
        return conventional_form(proper)[0] + suffix  # 香港特別行政區 홍콩특별행정구
    pinyin = found.pinyin or name_pinyin(proper)
    if len(pinyin.split()) != len(proper):
        pinyin = name_pinyin(proper)
    return transcribe(pinyin) + suffix


def usage_reading(trad: str) -> str | None:
    """The reading Korean writers use where it departs from the strict one, else None.

    From ``data/usage_readings.tsv`` (命運共同體 운명공동체, also inside longer
    terms); the korean-entries stage offers it as a Korean rendering, while
    ``ko_hanja`` stays strict.

    >>> usage_reading("人類命運共同體"), usage_reading("以舊換新")
    ('인류운명공동체', None)
    """
    table = _overrides("usage_readings.tsv")
    text = korean_form(trad)
    if not any(word in text for word in table):
        return None
    reading = _read(text, _usage_dictionary())
    return reading if reading != hangul_reading(trad) else None


@cache
def _usage_dictionary() -> HanjaDictionary:
    d = load_dictionary()
    return HanjaDictionary(d.lines, {**d.overrides, **_overrides("usage_readings.tsv")})


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
    if text == reading or text == (usage_reading(hanzi) or "").replace(" ", ""):
        return True  # the strict reading, or the one Korean usage prefers (운명공동체)
    per_char = None  # the hanja package's reading, only if a syllable needs it: read on first need
    for i, syl in enumerate(text):
        if syl in {reading[i], *undo_dueum(reading[i]), dueum(reading[i])}:
            continue
        if per_char is None:
            from glossary.hanja_table import translate  # hanja.translate(..., "substitution"), its table read fast (xperf)

            per_char = translate(korean_form(hanzi)).replace(" ", "")
        if len(per_char) != len(reading) or syl not in {per_char[i], dueum(per_char[i]), *undo_dueum(per_char[i])}:
            return False
    return True


# ---------------------------------------------------------- romanisation


@persistent  # outside the memo, so every result of a build reaches the cache file
@lru_cache(maxsize=65536)
def romanize(hangul: str, system: str = "rr") -> str:
    """Romanise a hangul reading: ``rr`` (Revised Romanization) or ``mr`` (McCune-Reischauer).

    Sound changes across syllables are applied (확률 -> hwangnyul); word
    spacing is kept. Uses ko-pron, which writes both systems.

    >>> romanize("이용후생"), romanize("확률", "mr")
    ('iyonghusaeng', 'hwangnyul')
    """
    if system not in ("rr", "mr"):
        raise ValueError(f"unknown romanisation system: {system!r} (use 'rr' or 'mr')")
    words = hangul.split(" ")
    return " ".join(_romanise_word(w, system) for w in words)


@lru_cache(maxsize=65536)  # bounded: an index of a million entries romanises a million words
def _romanise_word(word: str, system: str) -> str:
    if not any("가" <= ch <= "힣" for ch in word):
        return word
    from ko_pron import romanise

    return romanise(word, system)


def _fold_latin(text: str) -> str:
    """Latin text folded so RR, MR and ad-hoc spellings of one reading compare equal."""
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(ch for ch in text if "a" <= ch <= "z")
    for old, new in (
        ("ae", "e"),
        ("eo", "o"),
        ("eu", "u"),
        ("e", "o"),
        ("sh", "s"),
        ("ch", "j"),
        ("k", "g"),
        ("t", "d"),
        ("p", "b"),
        ("r", "l"),
        ("wo", "o"),
    ):
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def romanization_matches(latin_text: str, hanzi: str) -> bool:
    """True when a Latin text renders the Korean reading of a hanja term.

    Accepts RR and McCune-Reischauer, with or without sound changes, and
    ad-hoc spellings: capitals, hyphens, spaces, apostrophes and breves are
    free, and the vowel spellings eo/o/ae/e are not told apart.

    >>> romanization_matches("I-yong Hu-seong", "利用厚生")
    True
    >>> romanization_matches("Iyonghusaeng", "利用厚生"), romanization_matches("liyong housheng", "利用厚生")
    (True, False)
    """
    folded = _fold_latin(latin_text)
    if not folded or not any(ch.isalpha() for ch in latin_text):
        return False
    return folded in _romanization_keys(hanzi)


@cache
def _romanization_keys(hanzi: str) -> frozenset[str]:
    reading = hangul_reading(hanzi).replace(" ", "")
    variants = {reading}
    if reading:
        variants.add(
            "".join(s for s in reading[:1]) + "".join(undo_dueum(s)[0] if undo_dueum(s) else s for s in reading[1:])
        )
        base = "".join((undo_dueum(s) or (s,))[0] for s in reading)
        variants.add(base)
    keys = set()
    for v in variants:
        for system in ("rr", "mr"):
            keys.add(_fold_latin(romanize(v, system)))
            keys.add(_fold_latin("".join(_romanise_word(s, system) for s in v)))
    return frozenset(keys)


# ---------------------------------------------------------------- pinyin


@cache
def _overrides(name: str) -> dict[str, str]:
    table = {}
    for line in _data_text(name).split("\n"):
        if line and not line.startswith("#"):
            key, value = line.split("\t")[:2]
            table[key] = value
    return table


@cache
def _longest_override(name: str) -> int:
    """Length of the longest phrase of an override table."""
    return max(map(len, _overrides(name)), default=0)


@persistent  # outside the memo, so every result of a build reaches the cache file
@lru_cache(maxsize=65536)
def pinyin_reading(hanzi: str) -> str:
    """Pinyin with tone marks, syllables separated by spaces.

    pypinyin reads the simplified form; an override table fixes phrases its
    segmentation gets wrong (兩重建設 is not 两 + 重建 + 设).

    >>> pinyin_reading("两会"), pinyin_reading("兩重建設")
    ('liǎng huì', 'liǎng zhòng jiàn shè')
    """
    from glossary.pinyin_table import Style, lazy_pinyin  # pypinyin's answer from its compiled tables (xperf)

    simp = normalize.to_simplified(hanzi)
    overrides = _overrides("pinyin_overrides.tsv")
    out: list[str] = []
    i = 0
    rest = ""
    longest = _longest_override("pinyin_overrides.tsv")  # only slices that can be a phrase: linear in the query
    while i < len(simp):
        for j in range(min(len(simp), i + longest), i + 1, -1):
            if simp[i:j] in overrides:
                if rest:
                    out.extend(lazy_pinyin(rest, style=Style.TONE))
                    rest = ""
                out.append(overrides[simp[i:j]])
                i = j
                break
        else:
            rest += simp[i]
            i += 1
    if rest:
        out.extend(lazy_pinyin(rest, style=Style.TONE))
    return " ".join(s for s in " ".join(out).split())


def _fold_pinyin(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).replace("v", "u")
    return "".join(ch for ch in text if "a" <= ch <= "z")


def is_pinyin(latin_text: str, hanzi: str) -> bool:
    """True when a Latin text is the pinyin of a term, with or without tones.

    Spacing, capitals, apostrophes and tone numbers are free; every reading a
    character can have is accepted.

    >>> is_pinyin("Yidai Yilu", "一帶一路"), is_pinyin("yī dài yī lù", "一带一路"), is_pinyin("ildae illo", "一帶一路")
    (True, True, False)
    """
    from glossary.pinyin_table import Style, pinyin  # pypinyin's answer from its compiled tables (xperf)

    target = _fold_pinyin(latin_text)
    if not target or re.search(r"[^\W\d_\s'’\-·]", latin_text) is None:
        return False
    simp = normalize.to_simplified(hanzi)
    options = [{_fold_pinyin(s) for s in syls} for syls in pinyin(simp, style=Style.NORMAL, heteronym=True)]
    whole = _fold_pinyin(pinyin_reading(hanzi))
    if target == whole:
        return True
    if len(options) != len(simp):  # non-hanzi characters grouped by pypinyin
        return False
    reach = {0}
    for opts in options:
        reach = {i + len(o) for i in reach for o in opts if o and target.startswith(o, i)}
        if not reach:
            return False
    return len(target) in reach


# --------------------------------------------------------- Japanese kana


@cache
def _kakasi():  # noqa: ANN202 - pykakasi has no type hints
    import pykakasi

    return pykakasi.kakasi()


@cache
def _kanji_on() -> dict[str, str]:
    table = {}
    for line in _data_text("kanji_on.tsv").split("\n"):
        if line and not line.startswith("#"):
            ch, kana = line.split("\t")
            table[ch] = kana
    return table


def _is_kanji(ch: str) -> bool:
    return _is_hanzi(ch) or ch in "々〆"


# Called once per entry, so no in-process memo (scripts/eval_readings.py also
# calls it again with the override table patched out); kept across builds.
@persistent
def kana_reading(japanese: str) -> tuple[str, str]:
    """Hiragana and Hepburn romaji of a Japanese form (machine-generated).

    pykakasi reads compounds it knows; a kanji it reads on its own gets its
    on'yomi instead of pykakasi's native reading (港人治港 is こうじんちこう,
    not こうじんおさむみなと), since Chinese policy terms are read in on'yomi.
    An override table holds compounds checked by hand (共富 きょうふ, not ともとみ).

    >>> kana_reading("経済"), kana_reading("両会")
    (('けいざい', 'keizai'), ('りょうかい', 'ryoukai'))
    """
    japanese = normalize.fold(japanese)
    overrides = _overrides("kana_overrides.tsv")
    on = _kanji_on()
    parts: list[tuple[str, str]] = []

    def romaji(kana: str) -> str:
        return "".join(p["hepburn"] for p in _kakasi().convert(kana))

    def convert(text: str) -> None:
        for p in _kakasi().convert(text):
            orig, hira = p["orig"], p["hira"]
            if len(orig) == 1 and _is_kanji(orig) and orig in on:
                parts.append((on[orig], romaji(on[orig])))
            elif hira == "" and orig:
                # pykakasi drops kanji it does not know (碳, 厲): read each one.
                kana = "".join(on.get(ch, "") for ch in orig)
                parts.append((kana, romaji(kana)))
            else:
                parts.append((hira, p["hepburn"]))

    i, rest = 0, ""
    while i < len(japanese):
        for j in range(len(japanese), i, -1):
            if japanese[i:j] in overrides:
                if rest:
                    convert(rest)
                    rest = ""
                kana = overrides[japanese[i:j]]
                parts.append((kana, romaji(kana)))
                i = j
                break
        else:
            rest += japanese[i]
            i += 1
    if rest:
        convert(rest)
    return "".join(k for k, _ in parts), " ".join(r for _, r in parts if r)


# ------------------------------------------------------------- all forms


def reading_forms(text: str) -> dict[str, str]:
    """Every form and reading of a term, for ``glossary reading --json``.

    >>> forms = reading_forms("两会")
    >>> forms["trad"], forms["hangul"], forms["romanization"], forms["pinyin"], forms["kana"]
    ('兩會', '양회', 'yanghoe', 'liǎng huì', 'りょうかい')
    >>> forms = reading_forms("北京")
    >>> forms["ko"], forms["ko_hanja"], forms["transcription"], forms["rule"]
    ('베이징', '북경', '베이징', 'name:modern')
    """
    trad = normalize.traditional_form([text])
    ja = normalize.to_japanese(trad)
    hangul = hangul_reading(trad)
    kana, romaji = kana_reading(ja)
    korean = korean_reading(trad)
    from glossary.names import name_pinyin
    from glossary.transcription import transcribe

    return {
        "trad": trad,
        "simp": normalize.to_simplified(text),
        "ja": ja,
        "ko": korean.ko,
        "ko_hanja": korean.ko_hanja,
        "rule": korean.rule,
        "transcription": korean.transcription or transcribe(name_pinyin(trad)),
        "hangul": hangul,
        "romanization": romanize(hangul, "rr"),
        "mr": romanize(hangul, "mr"),
        "pinyin": pinyin_reading(text),
        "kana": kana,
        "romaji": romaji,
    }


READERS: dict[str, Callable[[str], object]] = {
    "ko": hangul_reading,
    "ko-Latn": lambda hanzi: romanize(hangul_reading(hanzi)),
    "zh-Latn-pinyin": pinyin_reading,
    "ja": kana_reading,
}
