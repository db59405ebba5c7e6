"""glossary.readings.kana_lookup reads every text as pykakasi's own lookup does: pykakasi is the oracle."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary import normalize, readings
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
