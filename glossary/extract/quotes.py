"""Signal: a quoted phrase (or title bracket) just before the bracket.

'common prosperity (共同富裕)', “involution” (内卷), <Data Security Law>
(数据安全法), the "dual circulation" strategy (双循环). Mismatched quotes are
accepted; apostrophes are not quotes.
"""

from __future__ import annotations


from glossary.extract.chars import RE_QUOTE_HEAD
from glossary.extract.words import GENERIC_HEADS


OPENING = "“‘\"'«〈《『「<≪"


CLOSING = "”’\"'»〉》』」>≫"


def is_apostrophe(text: str, k: int) -> bool:
    return text[k] in "'’" and 0 < k < len(text) - 1 and text[k - 1].isalnum() and text[k + 1].isalnum()


def opening_quote(tail: str, limit: int = 140) -> int:
    """Offset of the quote or title bracket that opens the words ending ``tail`` (or -1)."""
    lo = max(0, len(tail) - limit)
    for k in range(len(tail) - 1, lo - 1, -1):
        ch = tail[k]
        if ch in "()（）":
            return -1
        if ch in OPENING or ch in CLOSING:
            if is_apostrophe(tail, k) or (ch in "'’" and k > 0 and tail[k - 1] in "sS" and k == len(tail) - 1):
                continue
            if ch in OPENING and (k == 0 or not tail[k - 1].isalnum()) and k + 1 < len(tail) \
                    and not tail[k + 1].isspace():
                return k
            return -1
    return -1


def quoted_before(before: str, after: str, max_words: int = 12) -> str | None:
    """Words in quotes (or a title bracket) around or just before the bracket.

    'common prosperity (共同富裕)', “involution” (内卷), 〈… 의견(關於…意見)〉,
    <Data Security Law> (数据安全法); mismatched quotes are accepted.
    """
    tail = before.rstrip()
    head = after.lstrip(" ")
    if tail and tail[-1] in CLOSING and not is_apostrophe(tail, len(tail) - 1):
        k = opening_quote(tail[:-1], 140 if max_words <= 12 else 400)
        if k != -1:
            inner = tail[k + 1:-1].strip()
            if inner and len(inner.split()) <= max_words:
                return inner
    if head and head[0] in CLOSING:
        k = opening_quote(tail, 140 if max_words <= 12 else 400)
        if k != -1:
            inner = tail[k + 1:].strip()
            if inner and len(inner.split()) <= max_words:
                return inner
    # The "dual circulation" strategy (双循环): quoted words before a generic head noun.
    m = RE_QUOTE_HEAD.search(tail, max(0, len(tail) - 60))
    if m and m.group(1).lower() in GENERIC_HEADS:
        k = opening_quote(tail[:m.start()])
        if k != -1:
            inner = tail[k + 1:m.start()].strip()
            if inner and len(inner.split()) <= 8:
                return inner
    return None
