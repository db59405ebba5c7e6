"""Readings stage, the word dictionary: hanja words and characters -> base readings.

Input: a character or a word of hanja. Output: its :class:`CharEntry` (the
character's readings at the start of and inside a word, and the words it
starts) or a word's reading. The data is ``glossary/data/hanja.tsv``
(compiled from libhangul's hanja.txt), read from ``dictionaries.sqlite``
one character at a time, plus ``hangul_overrides.tsv``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from glossary.readings.tables import _data_text


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
