"""The compiled pypinyin tables answer as pypinyin does (glossary/readings/pinyin_table.py, data/pinyin_phrases.tsv.gz)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

from glossary.readings import pinyin_table

ROOT = Path(__file__).resolve().parent.parent
PHRASES = sorted(PHRASES_DICT)
CHARS = sorted(chr(code) for code in PINYIN_DICT)


def test_the_file_is_built_from_the_installed_pypinyin() -> None:
    """Fails when pypinyin changes: rebuild with scripts/build_pinyin_phrases.py."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pinyin_phrases.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert pinyin_table._tables() is not None


@pytest.mark.parametrize("style", [Style.NORMAL, Style.TONE])
def test_every_phrase_reads_as_in_pypinyin(style: Style) -> None:
    for phrase in PHRASES:
        assert pinyin_table.pinyin(phrase, style=int(style), heteronym=True) == pinyin(
            phrase, style=style, heteronym=True), phrase


def _question_marks(chars: str) -> list[list[str]]:
    return [["?"] for _ in chars]


texts = st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(CHARS),
                           st.sampled_from(["·", " ", "5G", "２", "A", "ü", "〇", "", "\n", "々"]),
                           st.characters()), max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts, st.sampled_from([Style.NORMAL, Style.TONE]), st.booleans())
def test_texts_read_as_in_pypinyin(text: str, style: Style, heteronym: bool) -> None:
    assert pinyin_table.pinyin(text, style=int(style), heteronym=heteronym) == pinyin(
        text, style=style, heteronym=heteronym)
    assert pinyin_table.pinyin(text, style=int(style), heteronym=heteronym, errors=_question_marks) == pinyin(
        text, style=style, heteronym=heteronym, errors=_question_marks)
    assert pinyin_table.lazy_pinyin(text, style=int(style)) == lazy_pinyin(text, style=style)


@pytest.mark.parametrize(("text", "expected"), [
    ("习近平", [["xi"], ["jin"], ["ping"]]),
    ("重庆", [["chong"], ["qing"]]),
    ("银行行长", [["yin"], ["hang"], ["hang"], ["zhang"]]),
])
def test_real_terms(text: str, expected: list[list[str]]) -> None:
    assert pinyin_table.pinyin(text, style=pinyin_table.NORMAL) == expected


def test_reading_a_term_does_not_import_pypinyin() -> None:
    code = ("import sys; from glossary.readings.pinyin_table import pinyin; print(pinyin('共同富裕', style=0)[0],"
            " 'pypinyin' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["['gong']", "False"]
