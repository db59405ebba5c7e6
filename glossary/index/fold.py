"""Folding forms to index keys, their q-grams, and a bounded edit distance.

In: a form or a query (any script). Out: its folded key (:func:`fold_key`),
the folded words of an English text, the q-grams the postings are keyed by,
and the optimal string alignment distance the fuzzy tier checks with. Build
and lookup fold alike, so any change here is a schema change
(``SCHEMA_VERSION``). Hand-written: the q-gram filter and the bit-parallel distance
are a few lines each, and a library would cost the lookup its start-up.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold_key(text: str) -> str:
    """Fold a form or a query to its index key.

    Lower case; tone marks and other accents dropped from Latin letters only
    (kana keep their voicing marks); compatibility ideographs and full-width
    letters folded (NFKC); spaces, hyphens, apostrophes and punctuation
    dropped. One key then covers "liǎng huì", "lianghui" and "Liang-hui", or
    "이구 환신" and "이구환신".

    >>> fold_key("Yǐjiù Huànxīn"), fold_key("이구 환신"), fold_key("trade-in")
    ('yijiuhuanxin', '이구환신', 'tradein')
    """
    text = unicodedata.normalize("NFKC", text).lower()
    if text.isascii():
        return text if text.isalnum() else text.translate(_ASCII_DROP)
    if text.isalnum() and min(text) >= "\u3000":
        # Hangul, kana and han only (the forms of most entries): NFKC left
        # them composed and no mark in them sits on a Latin letter, so the
        # walk below would give them back unchanged.
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if out and out[-1].isascii():  # a mark on a Latin letter: drop it
                continue
            out.append(ch)
        elif ch.isalnum():
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


#: ASCII characters that are not letters or digits, for str.translate.
_ASCII_DROP = dict.fromkeys(i for i in range(128) if not chr(i).isalnum())


def _words(text: str) -> list[str]:
    """Folded words of an English text, as the FTS5 unicode61 tokenizer splits them."""
    return [w for w in (fold_key(part) for part in "".join(c if c.isalnum() else " " for c in text).split()) if w]


def _grams(text: str, *, padded: bool) -> list[str]:
    r"""q-grams of a folded form: bigrams for CJK, kana and hangul, trigrams for Latin.

    Padded grams mark the start (Latin) and the end of the form, so a short
    form still has grams and a typo at either end costs no more than one in
    the middle.

    >>> _grams("两会", padded=True), _grams("bri", padded=True)
    (['两会', '会\x03'], ['\x02br', 'bri', 'ri\x03'])
    """
    if text.isascii():
        q, s = 3, ("\x02" + text + "\x03" if padded else text)
    else:
        q, s = 2, (text + "\x03" if padded else text)
    return [s[i : i + q] for i in range(len(s) - q + 1)]


def _gram_size(text: str) -> int:
    return 3 if text.isascii() else 2


def _is_hanja(text: str) -> bool:
    """True when every character is a CJK ideograph."""
    return bool(text) and all(
        0x3400 <= (c := ord(ch)) <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3FFFF for ch in text
    )


def _edit_distance(a: str, b: str, bound: int) -> int:
    """Optimal string alignment distance (a swap of neighbours costs 1), or bound + 1 beyond the bound.

    Bit-parallel (Hyyrö 2003, the OSA extension of Myers' algorithm): one
    column of the distance table is a pair of bit vectors (the vertical +1
    and -1 steps), and each character of ``b`` updates the whole column in a
    few integer operations, so a comparison costs a few dozen operations
    instead of a cell per pair of characters. The fuzzy tier checks up to
    thousands of candidates per query. It stops as soon as the distance can
    no longer come back within ``bound`` (each column moves the last row by
    at most one).

    >>> _edit_distance("sesions", "sessions", 2), _edit_distance("hwnasin", "hwansin", 2), _edit_distance("ab", "xyz", 1)
    (1, 1, 2)
    """
    la, lb = len(a), len(b)
    over = bound + 1
    if abs(la - lb) > bound:
        return over
    if not a or not b:
        return la or lb
    peq, full, last = _pattern(a)
    vp, vn, d0, pm_old, dist, left = full, 0, 0, 0, la, lb
    for ch in b:
        pm = peq.get(ch, 0)
        transposed = (((~d0) & pm) << 1) & pm_old
        d0 = ((((pm & vp) + vp) ^ vp) | pm | vn | transposed) & full
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        if hp & last:
            dist += 1
        elif hn & last:
            dist -= 1
        left -= 1
        if dist - left > bound:
            return over
        hp = (hp << 1) | 1
        vp = ((hn << 1) | ~(d0 | hp)) & full
        vn = hp & d0
        pm_old = pm
    return dist if dist <= bound else over


@lru_cache(maxsize=16)
def _pattern(a: str) -> tuple[dict[str, int], int, int]:
    """For each character of ``a``, the bit mask of its positions; all positions; the last one.

    Kept for the next comparison: the fuzzy tier compares one query with
    every candidate.
    """
    peq: dict[str, int] = {}
    bit = 1
    for ch in a:
        peq[ch] = peq.get(ch, 0) | bit
        bit <<= 1
    return peq, bit - 1, bit >> 1
