"""Normalise CJK forms: traditional <-> simplified <-> Japanese, and the merge key.

Input: a CJK term as written. Output: its forms. Steps:

1. ``fold``: compatibility ideographs (U+F900-U+FAFF, U+2F800-U+2FA1F, common
   in Korean texts), Kangxi and supplementary radicals and full-width forms
   become their unified code points; variation selectors and spaces go;
   full-/half-width punctuation becomes one canonical mark.
2. ``standard_form``: Korean and Japanese character forms OpenCC leaves
   alone (硏 淸 竝 値 靑, ``data/char_forms.tsv``) become the standard
   traditional form (研 清 並 值 青);
3. ``merge_key``: the folded, standardised simplified form (OpenCC t2s is
   many-to-one, so it is safe to merge on): 新質生産力 and 新質生產力, 硏究
   and 研究 are one key.
4. ``traditional_form``: the traditional form seen in the texts (in its
   standard character forms), else s2t.
5. ``to_japanese``: OpenCC t2jp of the traditional form.

The form as written is kept by the caller (``Occurrence.term``); only keys
and conversions use the folded form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from pathlib import Path

# Punctuation met inside bracketed terms, mapped to one mark for the key.
# Middle dots of every width and script are one separator (一帶·一路).
_PUNCT = {
    "\u00b7": "·",  # MIDDLE DOT
    "\u30fb": "·",  # KATAKANA MIDDLE DOT
    "\uff65": "·",  # HALFWIDTH KATAKANA MIDDLE DOT
    "\u2027": "·",  # HYPHENATION POINT
    "\u2022": "·",  # BULLET
    "\u2219": "·",  # BULLET OPERATOR
    "\u3001": ",",  # IDEOGRAPHIC COMMA
    "\u3002": ".",  # IDEOGRAPHIC FULL STOP
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u300c": '"',
    "\u300d": '"',
    "\u300e": '"',
    "\u300f": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u30fc": "-",  # only between ideographs; Japanese terms here are kanji
    "\u3008": "<",
    "\u3009": ">",
    "\u300a": "<",
    "\u300b": ">",
}


def _needs_nfkc(code: int) -> bool:
    return (
        0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0x2F800 <= code <= 0x2FA1F  # ... supplement
        or 0x2F00 <= code <= 0x2FDF  # Kangxi radicals: ⼈ -> 人
        or 0x2E80 <= code <= 0x2EFF  # CJK radicals supplement (those with a mapping)
        or 0xFF01 <= code <= 0xFFEF  # full-width ASCII, half-width katakana
        or 0x3200 <= code <= 0x33FF  # enclosed and squared CJK: ㈜ -> (株)
    )


_SURROGATE = re.compile("([\ud800-\udfff]+)")


class _Converter:
    """An OpenCC converter that passes lone surrogates through unchanged.

    Why: OpenCC converts UTF-8, and a string decoded with ``surrogateescape``
    (stdin under a C locale, a file name) carries surrogates UTF-8 cannot hold.
    """

    #: ``text`` converted, the last 65,536 answers kept: a build converts each
    #: term several times (its traditional form, its simplified form until
    #: stable, its Japanese form), 320,000 calls for 85,000 distinct strings on
    #: 20,000 terms; bounded, so a million terms do not grow it.
    convert: Callable[[str], str]

    def __init__(self, config: str) -> None:
        import opencc

        self._convert = opencc.OpenCC(f"{config}.json").convert
        self.convert = lru_cache(maxsize=1 << 16)(self._converted)

    def _converted(self, text: str) -> str:
        try:
            return self._convert(text)
        except UnicodeEncodeError:
            parts = _SURROGATE.split(text)
            return "".join(p if i % 2 else self._convert(p) if p else p for i, p in enumerate(parts))


@cache
def _converter(config: str) -> _Converter:
    return _Converter(config)


def fold(text: str) -> str:
    """Fold variant code points and punctuation, and drop spaces, for keys.

    Why: Korean texts often carry compatibility ideographs (樂 U+F914) that
    look like the unified character but compare unequal.

    >>> fold("樂園") == "樂園"  # U+F914 -> U+6A02
    True
    >>> fold("一帶・一路（BRI）")
    '一帶·一路(BRI)'
    """
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
            continue  # variation selectors
        if _needs_nfkc(code):
            ch = unicodedata.normalize("NFKC", ch)
        ch = _PUNCT.get(ch, ch)
        if not ch.isspace():
            out.append(ch)
    return "".join(out)


_VARIANT_CODE_POINTS = re.compile("[\uf900-\ufaff\U0002f800-\U0002fa1f\u2f00-\u2fdf\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def fold_variants(text: str) -> str:
    """Unify variant ideographs only, keeping punctuation and spacing as written.

    >>> fold_variants("樂 園") == "樂 園"
    True
    """
    if not _VARIANT_CODE_POINTS.search(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
            continue
        if 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F or 0x2F00 <= code <= 0x2FDF:
            ch = unicodedata.normalize("NFKC", ch)
        out.append(ch)
    return "".join(out)


def _written(text: str) -> str:
    """A form to show: variant code points unified and spaces dropped, punctuation as written."""
    return "".join(fold_variants(text).split())


def to_simplified(text: str) -> str:
    """Simplified form (OpenCC t2s), converted until it is stable; punctuation kept.

    Why the repeat: t2s is not idempotent for a few characters (one traditional
    character becomes 苧, which t2s turns into 苎), and a merge key must be.

    >>> to_simplified("以舊換新"), to_simplified("改革、推進")
    ('以旧换新', '改革、推进')
    """
    text = _written(text)
    for _ in range(3):
        simplified = _converter("t2s").convert(text)
        if simplified == text:
            break
        text = simplified
    return text


def to_traditional(text: str) -> str:
    """Traditional form (OpenCC s2t).

    >>> to_traditional("两会")
    '兩會'
    """
    return _converter("s2t").convert(_written(text))


def to_japanese(text: str) -> str:
    """Japanese shinjitai form of a traditional term (OpenCC t2jp).

    >>> to_japanese("兩會")
    '両会'
    """
    return _converter("t2jp").convert(to_traditional(text))


@cache
def _char_forms() -> dict[str, str]:
    table = {}
    path = Path(__file__).parent / "data" / "char_forms.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, standard = line.split("\t")[:2]
            table[form] = standard
    return table


def standard_form(text: str) -> str:
    """Korean and Japanese character forms replaced by the standard traditional form.

    Why: Korean texts write 硏究, 淸算 and 新質生産力 where Chinese texts
    write 研究, 清算 and 新質生產力; OpenCC's t2s merges the last pair but
    not the others, and keeps the Korean form as the traditional one.
    Everything else is kept as written.

    >>> standard_form("硏究"), standard_form("淸算"), standard_form("新質生産力")
    ('研究', '清算', '新質生產力')
    """
    forms = _char_forms()
    if not any(ch in forms for ch in text):
        return text
    return "".join(forms.get(ch, ch) for ch in text)


def merge_key(text: str) -> str:
    """The key terms merge on: the simplified, folded form, in standard character forms.

    >>> merge_key("兩會") == merge_key("两会") == merge_key("兩 會")
    True
    >>> merge_key("改革、推進") == merge_key("改革，推进")
    True
    >>> merge_key("新質生産力") == merge_key("新質生產力"), merge_key("硏究") == merge_key("研究")
    (True, True)
    """
    return to_simplified(standard_form(fold(text)))


def is_simplified(text: str) -> bool:
    """True when a form is written in simplified characters only.

    A form of characters shared by both scripts (人民) counts as traditional.

    >>> is_simplified("两会"), is_simplified("兩會"), is_simplified("人民")
    (True, False, False)
    """
    text = fold_variants(text)
    return _converter("t2s").convert(text) == text and _converter("s2t").convert(text) != text


def traditional_form(seen_forms: Iterable[str]) -> str:
    """The traditional form to show: the most frequent one seen in the texts, else s2t.

    Why: OpenCC s2t must guess among one-to-many mappings (发 -> 發/髮); a
    traditional form a writer chose is better evidence. Forms are compared
    after unifying compatibility ideographs and dropping spaces; among the
    traditional forms, the most frequent wins, then the first seen. Korean
    and Japanese character forms give way to the standard ones (新質生産力
    -> 新質生產力), so a Korean text's term shows as Chinese texts write it.

    >>> traditional_form(["两会", "兩會"])
    '兩會'
    >>> traditional_form(["两会"])
    '兩會'
    >>> traditional_form(["新質生産力"]), traditional_form(["硏究"])
    ('新質生產力', '研究')
    """
    forms = ["".join(fold_variants(f).split()) for f in seen_forms]
    forms = [f for f in forms if f]
    if not forms:
        return ""
    # A form t2s changes is traditional (is_simplified would say no): one conversion per form.
    traditional = [f for f in forms if _converter("t2s").convert(f) != f]
    if not traditional:
        # Only shared-character forms (人民) or simplified ones: take the
        # shared form as is, else convert.
        shared = [f for f in forms if not is_simplified(f) and _converter("jp2t").convert(f) == f]
        if shared:
            return standard_form(Counter(shared).most_common(1)[0][0])
        return standard_form(_converter("s2t").convert(_converter("jp2t").convert(forms[0])))
    counts = Counter(traditional)
    best = max(counts.values())
    return standard_form(next(f for f in traditional if counts[f] == best))

