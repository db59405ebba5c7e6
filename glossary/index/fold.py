"""Folding forms to index keys, their q-grams, and a bounded edit distance.

In: a form or a query (any script). Out: its folded key (:func:`fold_key`),
the folded words of an English text, the q-grams the postings are keyed by,
and the optimal string alignment distance the fuzzy tier checks with. Build
and lookup fold alike, so any change here is a schema change
(``SCHEMA_VERSION``). Hand-written: the q-gram filter and the banded distance
are a few lines each, and a library would cost the lookup its start-up.
"""

from __future__ import annotations

import unicodedata


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

    Only the band of cells within ``bound`` of the diagonal is computed: the
    fuzzy tier checks hundreds of candidates per query.

    >>> _edit_distance("sesions", "sessions", 2), _edit_distance("hwnasin", "hwansin", 2), _edit_distance("ab", "xyz", 1)
    (1, 1, 2)
    """
    la, lb = len(a), len(b)
    over = bound + 1
    if abs(la - lb) > bound:
        return over
    prev2: list[int] = []
    prev = [j if j <= bound else over for j in range(lb + 1)]
    for i in range(1, la + 1):
        ca = a[i - 1]
        cur = [over] * (lb + 1)
        cur[0] = best = i if i <= bound else over
        for j in range(max(1, i - bound), min(lb, i + bound) + 1):
            cb = b[j - 1]
            value = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < value:
                value = prev[j] + 1
            if cur[j - 1] + 1 < value:
                value = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < value:
                value = prev2[j - 2] + 1
            cur[j] = value
            if value < best:
                best = value
        if best > bound:
            return over
        prev2, prev = prev, cur
    return min(prev[lb], over)
