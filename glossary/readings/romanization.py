"""Readings stage, romanisation: hangul -> Revised Romanization or McCune-Reischauer.

Input: a hangul reading (or a Latin text and a term, for the matcher).
Output: its romanisation, by ko-pron, which applies sound changes across
syllables; or whether a Latin text romanises a term's reading.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from glossary.memo import persistent
from glossary.readings.hangul import hangul_reading
from glossary.readings.syllables import undo_dueum


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
