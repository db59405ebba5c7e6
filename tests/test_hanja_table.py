"""The hanja package's table read without PyYAML is the package's table (glossary/readings/hanja_table.py)."""

from __future__ import annotations

import subprocess
import sys

import hanja
from hanja.table import hanja_table
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.readings import hanja_table as fast

CHARS = sorted(hanja_table)


def test_table_is_the_packages_table() -> None:
    assert fast.table() == hanja_table


def test_a_table_of_another_layout_falls_back_to_the_packages_loader(monkeypatch, tmp_path) -> None:
    (tmp_path / "hanja").mkdir()
    (tmp_path / "hanja" / "table.yml").write_text('"\\u4E00": "\\uC77C"\n一: 일\n', encoding="utf-8")
    spec = type("Spec", (), {"submodule_search_locations": [str(tmp_path / "hanja")]})()
    monkeypatch.setattr(fast, "find_spec", lambda name: spec)
    fast.table.cache_clear()
    try:
        assert fast.table() == hanja_table  # the odd line is not guessed at: the package decides
    finally:
        fast.table.cache_clear()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CHARS), st.sampled_from(list("리녀렬률라 가a1,·(")),
                          st.characters()), max_size=10).map("".join))
def test_translate_is_the_packages_substitution(text: str) -> None:
    assert fast.translate(text) == hanja.translate(text, "substitution")


def test_reading_a_word_does_not_load_pyyaml() -> None:
    code = ("import sys; from glossary.readings.hanja_table import translate; print(translate('歷史'),"
            " 'yaml' in sys.modules, 'hanja.impl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["역사", "False", "False"]
