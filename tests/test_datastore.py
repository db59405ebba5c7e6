"""The compiled dictionaries (glossary/data/dictionaries.sqlite) hold exactly the text sources."""

from __future__ import annotations

import gzip
import hashlib

import pytest

from glossary import datastore
from glossary.dictionary import DATA_PATH as CEDICT_PATH
from glossary.readings import parse_lines

HANJA_PATH = datastore.DATA_PATH.parent / "hanja.tsv"
PINYIN_PATH = datastore.DATA_PATH.parent / "pinyin_phrases.tsv.gz"


def _cedict_text_lines() -> list[str]:
    lines = gzip.decompress(CEDICT_PATH.read_bytes()).decode("utf-8").splitlines()
    return [line for line in lines if not line.startswith("#")]


def test_compiled_from_the_current_sources():
    # A change to cedict.tsv.gz or hanja.tsv needs `python scripts/build_datastore.py`.
    meta = datastore.meta()
    assert meta["schema_version"] == datastore.SCHEMA_VERSION
    assert meta["cedict_sha256"] == hashlib.sha256(CEDICT_PATH.read_bytes()).hexdigest()
    assert meta["hanja_sha256"] == hashlib.sha256(HANJA_PATH.read_bytes()).hexdigest()
    assert meta["pinyin_sha256"] == hashlib.sha256(PINYIN_PATH.read_bytes()).hexdigest()


def test_compact():
    assert datastore.DATA_PATH.stat().st_size < 15_000_000


def test_every_cedict_line_and_headword():
    lines = _cedict_text_lines()
    stored = datastore.cedict_lines()
    assert len(stored) == len(lines)
    assert [stored[n] for n in range(len(lines))] == lines
    expected: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        trad, simp, _ = line.split("\t", 2)
        for key in dict.fromkeys((trad, simp)):
            expected.setdefault(key, []).append(n)
    keys = datastore.cedict_keys()
    assert len(keys) == len(expected)
    for key, numbers in expected.items():
        found = keys[key]
        assert (found if isinstance(found, list) else [found]) == numbers, key


def test_every_hanja_line():
    expected = parse_lines(HANJA_PATH.read_text(encoding="utf-8"))
    stored = datastore.hanja_lines()
    assert len(stored) == len(expected)
    assert dict(stored.items()) == expected


def test_every_pinyin_row():
    text = gzip.decompress(PINYIN_PATH.read_bytes()).decode("utf-8")
    sections: dict[str, dict[str, str]] = {"c": {}, "p": {}, "n": {}}
    meta = {}
    for line in text.splitlines():
        if line.startswith("#! "):
            name, _, value = line[3:].partition("\t")
            meta[name] = value
        else:
            kind, key, value = line.split("\t")
            sections[kind][key] = value
    assert meta == {"version": datastore.meta()["pinyin_version"], "re_hans": datastore.meta()["pinyin_re_hans"]}
    assert datastore.pinyin_normal() == sections["n"]
    assert {ch: datastore.pinyin_char(ch) for ch in sections["c"]} == sections["c"]
    phrases: dict[str, str] = {}
    for first in {phrase[0] for phrase in sections["p"]}:
        keys, readings = datastore.pinyin_phrases_starting(first)
        assert keys == sorted(readings) and all(key[0] == first for key in keys)
        phrases.update(readings)
    assert phrases == sections["p"]


@pytest.mark.parametrize("missing", ["", "兩會兩會兩會", "abc", "가"])
def test_missing_keys(missing):
    assert missing not in datastore.cedict_keys()
    assert datastore.cedict_keys().get(missing) is None
    with pytest.raises(KeyError):
        datastore.hanja_lines()[missing]
    if missing:
        assert datastore.pinyin_char(missing[-1]) is None or missing == "兩會兩會兩會"
        assert missing not in datastore.pinyin_phrases_starting(missing[0])[1]


def test_a_forked_worker_opens_its_own_connection():
    import multiprocessing

    datastore.hanja_lines()["大"]  # the parent's connection is open
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        assert pool.apply(_line_of, ("率",)).split("\t")[2] == "률"


def _line_of(ch: str) -> str:
    return datastore.hanja_lines()[ch]


def test_lone_surrogates_are_in_no_dictionary() -> None:
    # Text decoded with surrogateescape carries them; SQLite cannot take them, and no key holds one.
    from glossary import extract, readings

    assert readings.hangul_reading("兩會\udcff") == "양회\udcff"
    assert readings.korean_reading("兩\udcff會").ko == "양\udcff회"
    found = [(o.term, o.gloss) for o in extract.extract_occurrences("Two Sessions (兩會) \udcff (兩\udcff會)", "a")]
    assert found[0] == ("兩會", "Two Sessions")
