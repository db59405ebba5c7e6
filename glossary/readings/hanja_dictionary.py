"""Readings stage, the word dictionary: hanja words and characters -> base readings.

Input: a character or a word of hanja. Output: its :class:`CharEntry` (the
character's readings at the start of and inside a word, and the words it
starts) or a word's reading. The data is ``glossary/data/hanja.tsv``
(compiled from libhangul's hanja.txt), read from ``dictionaries.sqlite``
one character at a time, plus ``hangul_overrides.tsv``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache

from glossary.readings.tables import _data_text


class WordReadings(Mapping[str, str]):
    """The words one character starts -> their readings, kept as the sorted ``word reading`` fields of its line.

    Why not a dict: a dict holds a key and a value object per word (about
    250 bytes with the sorted key list), and a build meets most of the
    230,000 words of the characters of its terms (45 MB); one string per word
    is a third of that. The fields sort as their words do (a space sorts
    before every character of a word), so a word is found by bisection.

    >>> WordReadings(["確率 확률", "確立 확립"]).get("確率")
    '확률'
    """

    __slots__ = ("_fields",)

    def __init__(self, fields: list[str]) -> None:
        self._fields = fields  # "word reading", sorted

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override] - one bisection
        """The reading of ``word``, or ``default``."""
        probe = word + " "
        fields = self._fields
        i = bisect_left(fields, probe)
        if i < len(fields) and fields[i].startswith(probe):
            return fields[i][len(probe):]
        return default

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        return (f.partition(" ")[0] for f in self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def prefix_reading(self, hanzi: str) -> str | None:
        """Reading of the first word after ``hanzi`` that starts with it, cut to its length (:meth:`CharEntry.prefix_reading`)."""
        fields = self._fields
        i = bisect_left(fields, hanzi)  # "hanzi reading" itself sorts before the longer words
        if i < len(fields) and fields[i].partition(" ")[0] == hanzi:
            i += 1
        if i < len(fields):
            word, _, reading = fields[i].partition(" ")
            if word.startswith(hanzi):
                return reading[: len(hanzi)]
        return None


@dataclass(frozen=True, slots=True)
class CharEntry:
    """What the dictionary knows of one character and the words it starts."""

    initial: str  # base reading at the start of a word: 率 -> 솔
    medial: str  # base reading inside a word: 率 -> 률
    listed: tuple[str, ...]  # every reading libhangul lists
    simplified: bool  # OpenCC s2t converts it, so a term holding it may be simplified
    words: WordReadings  # words starting with the character -> reading
    variant: str | None = None  # the form Korean dictionaries use instead: 清 -> 淸

    max_len: int = 0  # of the words

    @property
    def keys(self) -> tuple[str, ...]:
        """The words, sorted."""
        return tuple(self.words)

    def prefix_reading(self, hanzi: str) -> str | None:
        """Reading of ``hanzi`` where it begins a longer word, or None.

        A term missing from the dictionary is often the start of a longer
        word that is in it (樂觀 in 樂觀論), which fixes its reading.

        >>> load_dictionary().entry("電").prefix_reading("電話料")
        '전화요'
        """
        return self.words.prefix_reading(hanzi)


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
            words = fields[5:]  # sorted by word in the file (tests/test_readings.py checks it)
            mine = {word: reading for word, reading in self.overrides.items() if word[0] == ch}
            if mine:
                merged = dict(f.split(" ") for f in words)
                merged.update(mine)
                words = [f"{word} {merged[word]}" for word in sorted(merged)]
            flags, _, variant = fields[4].partition("=")
            entry = CharEntry(
                fields[1],
                fields[2],
                tuple(fields[3].split(",")),
                "s" in flags,
                WordReadings(words),
                variant or None,
                max((f.index(" ") for f in words), default=0),
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
