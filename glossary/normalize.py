"""Normalise CJK forms: traditional <-> simplified <-> Japanese, and the merge key.

Input: a CJK term as written. Output: its forms. The merge key is the
simplified form (OpenCC t2s is many-to-one, so it is safe to merge on), after
folding CJK compatibility ideographs (U+F900-U+FAFF, common in Korean texts)
to their unified code points and full-width punctuation to half-width.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache


@cache
def _converter(config: str):  # noqa: ANN202 - opencc has no type hints
    import opencc

    return opencc.OpenCC(f"{config}.json")


def fold(text: str) -> str:
    """Fold compatibility ideographs and full-width punctuation; drop spaces.

    >>> fold("樂園") == "樂園"  # U+F914 -> U+6A02
    True
    """
    out = []
    for ch in text:
        code = ord(ch)
        if 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F or 0xFF01 <= code <= 0xFF5E:
            ch = unicodedata.normalize("NFKC", ch)
        if not ch.isspace():
            out.append(ch)
    return "".join(out)


def to_simplified(text: str) -> str:
    """Simplified form (OpenCC t2s) of a folded term.

    >>> to_simplified("以舊換新")
    '以旧换新'
    """
    return _converter("t2s").convert(fold(text))


def to_traditional(text: str) -> str:
    """Traditional form (OpenCC s2t).

    >>> to_traditional("两会")
    '兩會'
    """
    return _converter("s2t").convert(fold(text))


def to_japanese(text: str) -> str:
    """Japanese shinjitai form of a traditional term (OpenCC t2jp).

    >>> to_japanese("兩會")
    '両会'
    """
    return _converter("t2jp").convert(to_traditional(text))


def merge_key(text: str) -> str:
    """The key terms merge on: the simplified, folded form.

    >>> merge_key("兩會") == merge_key("两会")
    True
    """
    return to_simplified(text)


def traditional_form(seen: Iterable[str]) -> str:
    """The traditional form: one seen in the texts when there is one, else OpenCC s2t.

    >>> traditional_form(["两会", "兩會"]), traditional_form(["两会"])
    ('兩會', '兩會')
    """
    forms = [fold(f) for f in seen]
    for form in forms:
        if form == to_traditional(form):
            return form
    return to_traditional(forms[0]) if forms else ""
