"""The compiled dictionaries (glossary/data/dictionaries.sqlite) hold exactly the text sources."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest

from glossary import datastore, senses
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
    # ... and so does a change to senses.py, whose answers the file stores.
    assert meta["senses_sha256"] == hashlib.sha256(Path(senses.__file__).read_bytes()).hexdigest()
    assert datastore.stored_senses(0) is not None


def test_compact():
    # 14.5 MB of dictionaries, 0.9 MB of their senses cleaned (cedict_clean), 3.4 MB of pykakasi's words (kanwa).
    assert datastore.DATA_PATH.stat().st_size < 19_500_000


def test_stored_senses_are_what_clean_sense_says():
    # Every 29th line of CC-CEDICT (4,276 lines, all kinds of sense): the stored answer is the computed one.
    lines = datastore.cedict_lines()
    for n in range(0, len(lines), 29):
        raw = lines[n].split("\t", 3)[3].split("/")
        stored = datastore.stored_senses(n)
        assert len(stored) == len(raw)
        for sense, kept in zip(raw, stored):
            assert senses.from_stored(sense, kept) == senses.clean_sense(sense), (n, sense)


def test_a_table_made_by_another_senses_py_is_not_read(monkeypatch):
    from glossary import dictionary

    entries = dictionary.lookup_entries("國務院") + dictionary.lookup_entries("黑龍江")
    assert all(e.line >= 0 for e in entries)
    read = [dictionary._cleaned(e) for e in entries]
    other = {**datastore.meta(), "senses_sha256": "0" * 64}
    monkeypatch.setattr(datastore, "meta", lambda: other)
    datastore._senses_current.cache_clear()
    try:
        assert datastore.stored_senses(entries[0].line) is None
        with monkeypatch.context() as patch:
            calls = []
            real = senses.clean_sense
            patch.setattr(senses, "clean_sense", lambda raw: calls.append(raw) or real(raw))
            cleaned = [dictionary._cleaned(e) for e in entries]
        assert calls == [raw for e in entries for raw in e.senses]  # computed, not read
        assert cleaned == read
    finally:
        datastore._senses_current.cache_clear()


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
