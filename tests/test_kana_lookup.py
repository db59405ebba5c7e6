"""glossary.readings.kana_lookup reads every text as pykakasi's own lookup does: pykakasi is the oracle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import datastore, normalize, readings
from glossary.readings import kana_lookup

HANJA_TSV = Path(__file__).resolve().parent.parent / "glossary" / "data" / "hanja.tsv"
EXTRA = ["人類命運共同體", "港人治港", "共同富裕", "経済", "両会", "中華人民共和国全国人民代表大会", "一帯一路",
         "見る", "食べ物", "取り締まり", "葛\U000e0100城", "々", "〆切", "碳達峰", "ABC経済"]


def _japanese_forms(step: int) -> list[str]:
    words = []
    for line in HANJA_TSV.read_text(encoding="utf-8").split("\n"):
        if line and line[0] != "#":
            words += [pair.partition(" ")[0] for pair in line.split("\t")[5:]]
    return [normalize.to_japanese(w) for w in list(dict.fromkeys(words))[::step]] + EXTRA


def _both(texts: list[str]) -> tuple[list, list]:
    kakasi = readings._kakasi()
    kana_lookup.uninstall()
    theirs = [kakasi.convert(t) for t in texts]
    assert kana_lookup.install()
    ours = [kakasi.convert(t) for t in texts]
    return ours, theirs


def test_installs_over_the_checked_pykakasi():
    assert kana_lookup.install()
    from pykakasi import kanji

    assert kanji.JConv.convert.__wrapped__ is kana_lookup._convert


def test_real_words_read_as_pykakasi_reads_them():
    texts = _japanese_forms(80)
    assert len(texts) > 2900
    ours, theirs = _both(texts)
    assert [(t, o) for t, o, e in zip(texts, ours, theirs) if o != e] == []


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("経済社会発展改革開放国家治理現代化人民民主共同富裕大中小日本語見る食べ物々〆あいうカナ"),
               min_size=1, max_size=8))
def test_any_text_reads_as_pykakasi_reads_it(text):
    ours, theirs = _both([text])
    assert ours == theirs


@pytest.mark.parametrize("japanese", ["経済", "両会", "港人治港", "共富"])
def test_kana_readings_unchanged(japanese):
    kana_lookup.uninstall()
    expected = readings.kana_reading(japanese)
    kana_lookup.install()
    assert readings.kana_reading(japanese) == expected


def _pickled_words() -> dict:
    import pickle

    return pickle.loads(kana_lookup.kanwa_path().read_bytes())


def test_the_stored_words_are_pykakasis():
    # dictionaries.sqlite holds the installed pykakasi's word dictionary, every kanji, word and reading
    # in its order (a different pykakasi: see the next test).
    if not kana_lookup._words_stored():
        pytest.skip("another pykakasi than the one dictionaries.sqlite was built with")
    theirs = _pickled_words()
    assert int(datastore.meta()["kanwa_kanji"]) == len(theirs) > 6000
    stored = kana_lookup.StoredKanwa()
    for code, words in theirs.items():
        ours = stored.get(code, None)
        assert list(ours) == list(words), chr(code)
        assert ours == words, chr(code)
    assert stored.get(ord("a"), None) is None and stored.get(ord("経"), None)["経済"] == [("けいざい", None)]


def _fresh_kakasi():
    readings.release_kakasi()
    return readings._kakasi()


def test_pykakasi_reads_the_stored_words_and_not_its_pickle():
    from pykakasi import kanji

    kakasi = _fresh_kakasi()
    try:
        assert isinstance(kanji.Kanwa._shared_state["_jisyo_table"], kana_lookup.StoredKanwa)
        assert kakasi.convert("経済")[0]["hira"] == "けいざい"
    finally:
        readings.release_kakasi()


def test_another_pykakasi_dictionary_is_loaded_from_its_own_pickle(monkeypatch):
    from pykakasi import kanji

    words = ("経済", "両会", "港人治港", "取り締まり")
    _fresh_kakasi()
    expected = [readings.kana_reading(w) for w in words]  # from the stored words
    other = {**datastore.meta(), "kanwa_sha256": "0" * 64}
    monkeypatch.setattr(datastore, "meta", lambda: other)
    kana_lookup._words_stored.cache_clear()
    try:
        kakasi = _fresh_kakasi()
        assert isinstance(kanji.Kanwa._shared_state["_jisyo_table"], dict)  # pykakasi's own, loaded whole
        assert kakasi.convert("経済")[0]["hira"] == "けいざい"
        assert [readings.kana_reading(w) for w in words] == expected
    finally:
        readings.release_kakasi()
        kana_lookup._words_stored.cache_clear()


def test_a_run_meeting_many_kanji_loads_the_pickle_whole():
    shared = {"_jisyo_table": None}
    stored = shared["_jisyo_table"] = kana_lookup.StoredKanwa(shared, whole_after=3)
    first = [stored.get(ord(ch), None) for ch in "経済発"]
    assert shared["_jisyo_table"] is stored and all(first)
    later = stored.get(ord("展"), None)  # the fourth kanji: pykakasi's pickle, whole, in pykakasi's state
    whole = shared["_jisyo_table"]
    assert isinstance(whole, dict) and len(whole) > 6000
    assert later == whole[ord("展")] and [whole[ord(ch)] for ch in "経済発"] == first
