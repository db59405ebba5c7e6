"""The word dictionary of the readings stage (glossary/readings/hanja_dictionary.py) over the shipped hanja.tsv."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.readings.hanja_dictionary import HanjaDictionary, WordReadings, load_dictionary, parse_lines

HANJA_PATH = Path(__file__).parent.parent / "glossary" / "data" / "hanja.tsv"
LINES = parse_lines(HANJA_PATH.read_text(encoding="utf-8"))
CHARS = sorted(ch for ch, line in LINES.items() if line.count("\t") > 5)


def _old_entry(line: str, overrides: dict[str, str]) -> tuple[dict[str, str], tuple[str, ...]]:
    """The words and sorted keys as the dictionary parsed them into a dict before (the reference)."""
    fields = line.split("\t")
    words = dict(f.split(" ") for f in fields[5:])
    keys = [f.partition(" ")[0] for f in fields[5:]]
    for word, reading in overrides.items():
        if word[0] == line[0]:
            words[word] = reading
            keys = sorted(words)
    return words, tuple(keys)


def _old_prefix_reading(words: dict[str, str], keys: tuple[str, ...], hanzi: str) -> str | None:
    i = bisect_left(keys, hanzi)
    if i < len(keys) and keys[i] == hanzi:
        i += 1
    if i < len(keys) and keys[i].startswith(hanzi):
        return words[keys[i]][: len(hanzi)]
    return None


def test_every_line_sorts_its_words_as_fields() -> None:
    """What the bisection relies on: each line's words sorted, unique, holding no character below the space."""
    for line in LINES.values():
        fields = line.split("\t")[5:]
        words = [f.partition(" ")[0] for f in fields]
        assert words == sorted(words) and len(set(words)) == len(words), line[0]
        assert fields == sorted(fields), line[0]
        assert all(f.count(" ") == 1 and min(f.partition(" ")[0]) > " " for f in fields), line[0]


def test_every_word_reads_as_the_dict_did() -> None:
    d = load_dictionary()
    for ch in CHARS:
        words, keys = _old_entry(LINES[ch], dict(d.overrides))
        entry = d.entry(ch)
        assert entry is not None
        assert dict(entry.words.items()) == words, ch
        assert entry.keys == keys and entry.max_len == max(map(len, keys)), ch
        assert all(entry.words.get(w) == r for w, r in words.items()), ch


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CHARS), st.data())
def test_prefix_readings_as_the_dict_gave_them(ch: str, data: st.DataObject) -> None:
    d = load_dictionary()
    words, keys = _old_entry(LINES[ch], dict(d.overrides))
    word = data.draw(st.sampled_from(keys))
    hanzi = word[: data.draw(st.integers(1, len(word)))] + data.draw(st.sampled_from(["", "", "中", "國", "的"]))
    entry = d.entry(ch)
    assert entry is not None
    assert entry.prefix_reading(hanzi) == _old_prefix_reading(words, keys, hanzi)
    assert entry.words.get(hanzi) == words.get(hanzi)
    assert (hanzi in entry.words) == (hanzi in words)


def test_an_override_adds_and_replaces_words() -> None:
    d = HanjaDictionary(LINES, {"確率論": "확률론", "確率": "확율"})
    entry = d.entry("確")
    assert entry is not None
    assert entry.words["確率"] == "확율" and entry.words["確率論"] == "확률론"
    assert list(entry.words) == sorted(entry.words)


@pytest.mark.parametrize(("word", "reading"), [("確率", "확률"), ("經濟", "경제"), ("兩會", None), ("確", None)])
def test_word(word: str, reading: str | None) -> None:
    assert load_dictionary().word(word) == reading


def test_word_readings_mapping() -> None:
    words = WordReadings(["確率 확률", "確立 확립"])
    assert len(words) == 2 and "確立" in words and "確" not in words
    assert words == {"確率": "확률", "確立": "확립"}
    with pytest.raises(KeyError):
        words["確"]
