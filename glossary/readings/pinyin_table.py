"""pypinyin's answers without importing pypinyin: ``pinyin`` and ``lazy_pinyin`` for the NORMAL and TONE styles.

Input: ``data/pinyin_phrases.tsv.gz`` (``scripts/build_pinyin_phrases.py``:
pypinyin's single-character and phrase tables and each syllable in the
NORMAL style, from the installed pypinyin), as compiled into
``data/dictionaries.sqlite`` and read on demand (:mod:`glossary.datastore`). Output: the lists
``pypinyin.pinyin(text, style=..., heteronym=..., errors=...)`` and
``pypinyin.lazy_pinyin(text, style=...)`` return, for the sound signals of
extraction (:mod:`glossary.extract.sound`) and the pinyin checks of
:mod:`glossary.readings`.

Why hand-written: importing pypinyin reads its phrase dictionary from JSON,
copies it and trains a prefix set on it (about 0.3 s and 55 MB per process)
before the first term, and extraction asks it about a few dozen terms of a
corpus. This module reads the rows a text needs (a few pages of the
compiled file; the whole table in memory was 35 MB of every process) and follows
pypinyin 0.55's steps for the default converter: split the text into runs of
hanzi (its ``RE_HANS``) and other characters; cut each run by forward
maximum matching over the phrase table, strict (a piece is a phrase or one
character: ``pypinyin.seg.mmseg``, whose prefix set is a bisection of the
sorted phrases here); read a phrase from the phrase table, a character from
the character table (``errors`` for one it lacks); convert each syllable to
the style; drop repeated and empty readings. ``tests/test_pinyin_table.py``
compares every phrase and random texts with pypinyin; the file records the
version it was built from, and a different installed pypinyin is used
directly instead.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from enum import IntEnum
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any




class Style(IntEnum):
    """The two styles answered here, with pypinyin's ``Style`` values."""

    NORMAL = 0
    TONE = 1


NORMAL, TONE = Style.NORMAL, Style.TONE


class _Tables:
    """The compiled tables, read on demand from the datastore (a text touches a few pages)."""

    def __init__(self, version: str, re_hans: str) -> None:
        from glossary import datastore

        self.version = version
        self.re_hans = re.compile(re_hans)
        self.char = datastore.pinyin_char
        self.normal = datastore.pinyin_normal()
        self._starting = datastore.pinyin_phrases_starting

    def phrase(self, word: str) -> str | None:
        """The phrase table's readings of ``word``, or None."""
        return self._starting(word[0])[1].get(word) if word else None

    def is_prefix(self, word: str) -> bool:
        keys = self._starting(word[0])[0]
        i = bisect_left(keys, word)
        return i < len(keys) and keys[i].startswith(word)


def _installed_version() -> str | None:
    """pypinyin's ``__version__``, read from its ``__init__.py`` (importlib.metadata costs 20-100 ms)."""
    spec = find_spec("pypinyin")  # finds the package without running it
    if spec is None or spec.origin is None:
        return None
    m = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", Path(spec.origin).read_text(encoding="utf-8"), re.MULTILINE)
    return m.group(1) if m else None


@cache
def _tables() -> _Tables | None:
    """The tables, or None when the installed pypinyin is not the version they were built from."""
    from glossary import datastore

    meta = datastore.meta()
    if _installed_version() != meta["pinyin_version"]:
        return None
    return _Tables(meta["pinyin_version"], meta["pinyin_re_hans"])


def _cut(run: str, t: _Tables) -> list[str]:
    """pypinyin's strict forward maximum matching (``mmseg.Seg(no_non_phrases=True).cut``)."""
    out: list[str] = []
    remain = run
    while remain:
        last_valid_word = ""
        last_valid_index = 0
        for index in range(len(remain)):
            word = remain[:index + 1]
            if t.is_prefix(word):
                if t.phrase(word) is not None:
                    last_valid_word, last_valid_index = word, index + 1
            else:
                if last_valid_word:
                    out.append(last_valid_word)
                    remain = remain[last_valid_index:]
                else:
                    out.append(remain[0])
                    remain = remain[1:]
                break
        else:
            if last_valid_word:
                out.append(last_valid_word)
                remain = remain[last_valid_index:]
            else:
                out.extend(remain if t.phrase(remain) is None else [remain])
                break
    return out


def _segments(text: str, t: _Tables) -> list[str]:
    """Runs of hanzi and of other characters (``simpleseg.simple_seg``), runs of hanzi cut into words."""
    runs: list[str] = []
    flag = None
    for ch in text:
        han = t.re_hans.match(ch) is not None
        if runs and han == flag:
            runs[-1] += ch
        else:
            runs.append(ch)
        flag = han
    if not runs:
        runs = [text]  # pypinyin cuts "" into [""]
    out: list[str] = []
    for run in runs:
        out.extend(_cut(run, t) if t.re_hans.match(run) else [run])
    return out


def _plain(text: str) -> bool:
    """Whether the NORMAL style leaves a string alone: no digit, nothing outside ASCII below U+2E80 (no tone mark)."""
    return not any(ch.isdigit() or not ch.isascii() and ord(ch) < 0x2E80 for ch in text)


def _style(syllable: str, style: int, t: _Tables) -> str | None:
    if style == TONE:
        return syllable
    found = t.normal.get(syllable)
    if found is None and _plain(syllable):
        return syllable
    return found  # None: a string the table does not know (from ``errors``): ask pypinyin


def _no_pinyin(chars: str, heteronym: bool, errors: str | Callable[[str], Any]) -> list[list[str]]:
    """``DefaultConverter.handle_nopinyin`` for ``errors`` "default" or a callable."""
    py = errors(chars) if callable(errors) else chars
    if not py:
        return []
    if isinstance(py, list):
        if isinstance(py[0], list):
            return py if heteronym else [[x[0]] for x in py]
        return [[i] for i in py]
    return [[py]]


def _dedup(items: list[list[str]]) -> list[list[str]]:
    """``pypinyin.utils._remove_dup_and_empty``."""
    out = []
    for item in items:
        kept: list[str] = []
        for x in item:
            if x and x not in kept:
                kept.append(x)
        out.append(kept or [""])
    return out


class _Unknown(Exception):
    """A string the compiled style table cannot convert: pypinyin itself decides."""


def _convert(word: str, style: int, heteronym: bool, errors: str | Callable[[str], Any], t: _Tables) -> list[list[str]]:
    if not t.re_hans.match(word):
        return _dedup(_no_pinyin(word, heteronym, errors))
    phrase = t.phrase(word)
    if phrase is not None:
        items = [option.split(",") for option in phrase.split(" ")]
    else:
        items = []
        for han in word:
            readings = t.char(han)
            items.extend([readings.split(",")] if readings is not None else _no_pinyin(han, heteronym, errors))
    converted = []
    for item in items:
        options = item if heteronym else item[:1]
        styled = [_style(x, style, t) for x in options]
        if None in styled:
            raise _Unknown(word)
        converted.append(styled)
    return _dedup(converted)


def pinyin(text: str, style: int = TONE, heteronym: bool = False,
           errors: str | Callable[[str], Any] = "default") -> list[list[str]]:
    """``pypinyin.pinyin(text, style=style, heteronym=heteronym, errors=errors)``, style NORMAL (0) or TONE (1).

    >>> pinyin("中心", heteronym=True), pinyin("重庆", style=NORMAL)
    ([['zhōng', 'zhòng'], ['xīn']], [['chong'], ['qing']])
    """
    if style not in (NORMAL, TONE) or not (callable(errors) or errors == "default"):
        raise ValueError("only the NORMAL and TONE styles and errors='default' or a callable are compiled")
    t = _tables()
    if t is not None:
        try:
            out: list[list[str]] = []
            for word in _segments(text, t):
                out.extend(_convert(word, style, heteronym, errors, t))
            return out
        except _Unknown:
            pass
    import pypinyin  # another pypinyin version, or a string only it can style

    return pypinyin.pinyin(text, style=pypinyin.Style(style), heteronym=heteronym, errors=errors)


def lazy_pinyin(text: str, style: int = NORMAL, errors: str | Callable[[str], Any] = "default") -> list[str]:
    """``pypinyin.lazy_pinyin(text, style=style, errors=errors)``: one reading per syllable.

    >>> lazy_pinyin("两会", style=TONE)
    ['liǎng', 'huì']
    """
    return [x for item in pinyin(text, style=style, errors=errors) for x in item]
