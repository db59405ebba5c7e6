"""Readings stage, romanisation from ko-pron's tables: Revised Romanization and McCune-Reischauer of hangul words.

Input: a hangul reading, words separated by spaces. Output: the string
ko-pron's ``romanise`` gives per word, sound changes across syllables
applied (확률 -> hwangnyul). :mod:`glossary.readings.romanization` romanises
every word through :func:`romanize_word`; the merge (``Entry.ko_romanized``)
calls :func:`romanize` directly, with no per-term memo (8 µs a term).

Why hand-written: ko-pron compiles every word it is given as a regular
expression (``re.sub(word, ...)``, so each new word costs a compilation and
pushes a pattern out of ``re``'s cache) and walks generic code for six
systems and a dozen options; a build romanises every term. For a word of
hangul syllables alone, RR and MR with no options come down to ko-pron's
own tables: each syllable's vowel, then the junction of its final with the
next syllable's initial (``ko_pron.data.boundary``), after ko-pron's three
respellings of a final before 이/히 and of 밟. That is what this module
does, from ko-pron's data. A word that mixes hangul with anything else
(20차, G20정상회의, a bracket left in a rendering) is romanised run by run,
the other characters kept as written: ko-pron itself turns them into
spaces ("  cha" for 20차) and takes a bracket for regex syntax (re.error on
증감회)는). ``tests/test_romanization.py`` keeps
ko-pron as the oracle over thousands of real words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

#: ko-pron's index of each system in its tables.
_SYSTEMS = {"rr": 1, "mr": 3}
_FIRST = 0xAC00  # 가, the first syllable
# RR marks an ambiguous syllable boundary with a hyphen: 해운대 is haeundae, 정의 jeong-ui (ko-pron's rule).
_RR_BOUNDARY = re.compile("(.)…(.)")
_AMBIGUOUS = frozenset(("oe", "eo", "eu", "ae", "ui"))
#: Runs of hangul syllables and runs of anything else, in a word that mixes them.
_RUNS = re.compile("[가-힣]+|[^가-힣]+")


@cache
def _tables(system: int) -> tuple[list[str], dict[str, str]]:
    """The 21 vowels romanised, in syllable order; the junctions.

    A syllable's initial and final jamo are arithmetic on its code (Unicode
    composes hangul by formula), so only the vowels and junctions are read from
    ko-pron: no table per syllable is built (11,172 of each, 17 ms, which a
    single lookup paid for one word).
    """
    from ko_pron.data import boundary, vowels

    vowel_text = [vowels[chr(0x1161 + v)][system] for v in range(21)]
    junctions = {bound: row[system] for bound, row in boundary.items() if len(row) > system}
    return vowel_text, junctions

def _hyphen(m: re.Match[str]) -> str:
    a, b = m.group(1), m.group(2)
    return a + ("-" if a + b in _AMBIGUOUS else "") + b


@lru_cache(maxsize=65536)  # bounded: the words of an index of a million entries
def romanize_word(word: str, system: str = "rr") -> str:
    """One word (no spaces) as ko-pron romanises it.

    >>> romanize_word("확률"), romanize_word("확률", "mr"), romanize_word("정의")
    ('hwangnyul', 'hwangnyul', 'jeong-ui')
    """
    index = _SYSTEMS[system]
    if not word or not all("가" <= ch <= "힣" for ch in word):
        if not any("가" <= ch <= "힣" for ch in word):
            return word
        return "".join(romanize_word(run, system) if "가" <= run[0] <= "힣" else run for run in _RUNS.findall(word))
    vowel_text, junctions = _tables(index)
    codes = [ord(ch) - _FIRST for ch in word]
    initials = [chr(0x1100 + code // 588) for code in codes]
    try:
        parts = [junctions["-" + initials[0]]]  # before the first syllable: its initial alone
        last = len(codes) - 1
        for i, code in enumerate(codes):
            final = chr(0x11A7 + code % 28) if code % 28 else "Ø"
            if word[i] == "밟":
                final = "ᆸ"
            after = word[i + 1] if i < last else ""
            if after in ("이", "히") and final in ("ᇀ", "ᆴ"):
                final = "ᆾ"
            elif final == "ᆮ" and after == "이":
                final = "ᆽ"
            elif final == "ᆮ" and after == "히":
                final = "ᆾ"
            parts.append(vowel_text[code % 588 // 28] + junctions[f"{final}-{initials[i + 1] if i < last else 'Ø'}"])
    except KeyError:  # a junction ko-pron has no data for: let it say so
        from ko_pron import romanise

        return romanise(word, system)
    text = "".join(parts)
    if index == 1:
        for _ in range(2):  # overlapping boundaries (a…b…c) need a second pass, as in ko-pron
            text = _RR_BOUNDARY.sub(_hyphen, text)
    else:
        text = text.replace("swi", "shwi")
    return text


def romanize(hangul: str, system: str = "rr") -> str:
    """A hangul reading romanised word by word, spaces kept: :func:`glossary.readings.romanize` with no memo.

    >>> romanize("이용후생"), romanize("두 개의 세션", "mr")
    ('iyonghusaeng', 'tu kaeŭi sesyŏn')
    """
    if system not in _SYSTEMS:
        raise ValueError(f"unknown romanisation system: {system!r} (use 'rr' or 'mr')")
    return " ".join(romanize_word(w, system) for w in hangul.split(" "))
