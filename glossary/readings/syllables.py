"""Readings stage, hangul syllables: jamo indices and the initial-sound law (두음법칙).

Input: one hangul syllable. Output: its jamo indices, or the syllable as read
at the start of a word (and back). Hand-written: the arithmetic of the
Unicode hangul block is three lines, and the law is a two-line rule.
"""

from __future__ import annotations

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
