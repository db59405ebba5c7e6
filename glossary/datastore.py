"""The compiled dictionaries on disk, read page by page: CC-CEDICT, the hanja word dictionary, pypinyin's tables.

Input: ``data/dictionaries.sqlite`` (built by ``scripts/build_datastore.py``
from ``cedict.tsv.gz``, ``hanja.tsv``, ``pinyin_phrases.tsv.gz`` and pykakasi's
word dictionary). Output:
the same raw lines and fields those files hold, one headword or one
character at a time, behind the mapping and sequence interfaces
:mod:`glossary.dictionary` and :mod:`glossary.readings` already index:
:func:`cedict_keys` (headword -> line number or numbers), :func:`cedict_lines`
(line number -> line), :func:`stored_senses` (line number -> what
:func:`glossary.senses.clean_sense` makes of its senses, computed when the
file was built), :func:`hanja_lines` (character -> line), and for
:mod:`glossary.readings.pinyin_table` :func:`pinyin_char`,
:func:`pinyin_phrases_starting` and :func:`pinyin_normal`; for
:mod:`glossary.readings.kana_lookup`, pykakasi's words of one kanji
(:func:`kanwa_words`).

Why hand-written, and why SQLite: loading the text files costs 1.5 s and
230 MB before the first term (pypinyin's tables alone 35 MB); opening this file costs a millisecond, and a
text with a few terms reads a few 4 KB pages (SQLite memory-maps nothing it
does not touch). The standard library has no sorted on-disk map; SQLite's
B-tree is one, well kept and read-only here (``immutable=1``: no locks, no
journal, safe on a read-only install). A connection belongs to one process:
a forked worker opens its own.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import zlib
from array import array
from collections.abc import Iterator, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path

try:  # the C module alone: the sqlite3 package also imports datetime
    import _sqlite3 as sqlite3
except ImportError:  # pragma: no cover
    import sqlite3

#: The compiled file (``scripts/build_datastore.py``).
DATA_PATH = Path(__file__).parent / "data" / "dictionaries.sqlite"
#: The layout this module reads; the build script writes the same number.
SCHEMA_VERSION = "4"

_connections: dict[int, sqlite3.Connection] = {}


def _db() -> sqlite3.Connection:
    """This process's read-only connection to the compiled file."""
    pid = os.getpid()
    con = _connections.get(pid)
    if con is None:
        if not DATA_PATH.exists():
            raise FileNotFoundError(f"{DATA_PATH} is missing: run python scripts/build_datastore.py")
        uri = "file:" + str(DATA_PATH).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
        con = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, check_same_thread=False)
        _connections.clear()  # a parent's connection is not used after fork
        _connections[pid] = con
    return con


@cache
def meta() -> dict[str, str]:
    """The compiled file's metadata: CC-CEDICT header fields, source hashes, sizes.

    >>> meta()["schema_version"]
    '4'
    """
    return dict(_db().execute("SELECT name, value FROM meta"))


class CedictKeys(Mapping[str, "int | list[int]"]):
    """Headword -> line number (one entry) or list of line numbers, read on demand.

    >>> keys = cedict_keys()
    >>> "兩會" in keys, "兩會兩會" in keys
    (True, False)
    """

    def __getitem__(self, key: str) -> int | list[int]:
        found = _cedict_key(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: object = None) -> object:  # noqa: D102 - Mapping.get, one query
        found = _cedict_key(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _cedict_key(key) is not None

    def __iter__(self) -> Iterator[str]:
        return (key for (key,) in _db().execute("SELECT key FROM cedict_keys ORDER BY key"))

    def __len__(self) -> int:
        return _db().execute("SELECT count(*) FROM cedict_keys").fetchone()[0]


def _cedict_key(key: str) -> int | list[int] | None:
    found = _keys_starting(key[0]).get(key) if key else None
    return found if found is None or isinstance(found, int) else [int(n) for n in found.split()]


# Headwords are read a first character at a time: segmenting a term probes
# every substring of it, and one range query per character (a few dozen
# headwords, a few hundred for 中 or 大) is cheaper than a query per probe.
# 4,096 characters: 8,000 random dictionary words touch 3,700 first characters,
# and a miss is one indexed range query; 16,384 held nearly every first character.
# The rows are kept as SQLite gives them (a line number, or the numbers as one string, split
# when looked up): most headwords of a character are never looked up.
_SURROGATE, _SURROGATE_END = "\ud800", "\ue000"


def _after(ch: str) -> str:
    """The least string after every string that starts with ``ch``: the end of a range query by first character."""
    return chr(ord(ch) + 1) if ord(ch) < 0x10FFFF else "\U0010ffff\U0010ffff"


@lru_cache(maxsize=4096)
def _keys_starting(ch: str) -> dict[str, int | str]:
    if _SURROGATE <= ch < _SURROGATE_END:
        return {}  # no headword holds a lone surrogate, and SQLite cannot take one (surrogateescape text)
    end = _after(ch)
    return dict(_db().execute("SELECT key, lines FROM cedict_keys WHERE key >= ? AND key < ?", (ch, end)))


class CedictLines(Sequence[str]):
    """Line number -> the CC-CEDICT line, ``trad<TAB>simp<TAB>pinyin<TAB>senses``; its block inflated once."""

    def __getitem__(self, n: int) -> str:  # type: ignore[override] - no slices needed
        number, at = divmod(n, _block_lines())
        data, starts = _cedict_block(number)
        return data[starts[at] : starts[at + 1] - 1].decode("utf-8")

    def __len__(self) -> int:
        return int(meta()["cedict_lines"])


@cache
def _block_lines() -> int:
    return int(meta()["cedict_block_lines"])


# A block inflated once is kept as its UTF-8 text with where each line starts
# (about 10 KB a block, 12 MB for all of CC-CEDICT), and a line is decoded when
# asked for (a microsecond). Kept as lists of strings, a block took four times
# that, so only 64 recent blocks were kept, and a cold build of 20,000 terms
# inflated 5,900 blocks for the 1,200 it touched (0.6 s).
_cedict_blocks: dict[int, tuple[bytes, array]] = {}


def _cedict_block(number: int) -> tuple[bytes, array]:
    """Block ``number``'s lines as one UTF-8 text, and the offset where each starts (one more past the end)."""
    found = _cedict_blocks.get(number)
    if found is None:
        row = _db().execute("SELECT data FROM cedict_blocks WHERE id = ?", (number,)).fetchone()
        if row is None:
            raise IndexError(number)
        data = zlib.decompress(row[0])
        found = _cedict_blocks[number] = (data, _line_starts(data))
    return found


def _line_starts(data: bytes) -> array:
    """Where each line of ``data`` starts, and one past its end as if it ended with a newline.

    >>> list(_line_starts(b"ab\\ncd"))
    [0, 3, 6]
    """
    starts = array("I", [0])
    while (end := data.find(b"\n", starts[-1])) >= 0:
        starts.append(end + 1)
    starts.append(len(data) + 1)
    return starts


# A block of cleaned senses is inflated once (about 100 us, its lines' block
# being its preset dictionary) and kept as one JSON text a line, with where
# each line starts: 5 KB a block, 5 MB for all of CC-CEDICT, where decoded
# they would take 48 MB; a line is decoded when asked for (a few us).
_clean_blocks: dict[int, tuple[bytes, array]] = {}


def _clean_line(n: int) -> bytes:
    number, at = divmod(n, _block_lines())
    found = _clean_blocks.get(number)
    if found is None:
        row = _db().execute("SELECT data FROM cedict_clean WHERE id = ?", (number,)).fetchone()
        if row is None:
            raise IndexError(n)
        unpacker = zlib.decompressobj(zdict=_cedict_block(number)[0])  # the block's lines, as the build deflated it
        data = unpacker.decompress(row[0]) + unpacker.flush()
        found = _clean_blocks[number] = (data, _line_starts(data))
    data, starts = found
    return data[starts[at] : starts[at + 1] - 1]


@cache
def _senses_current() -> bool:
    """Whether the stored cleaned senses were made by ``glossary/senses.py`` as it is now."""
    source = Path(__file__).parent / "senses.py"
    try:
        digest = hashlib.sha256(source.read_bytes()).hexdigest()
    except OSError:  # pragma: no cover - an install without sources: clean at run time
        return False
    return meta().get("senses_sha256") == digest and meta().get("schema_version") == SCHEMA_VERSION


def stored_senses(n: int) -> list[object] | None:
    """Line ``n``'s senses as ``clean_sense`` cleaned them at data-build time (``senses.to_stored`` form).

    None when the stored table is not that of the installed ``senses.py``
    (edited since the file was built): then the caller cleans them itself.

    >>> from glossary import senses
    >>> n = cedict_keys()["兩會"]
    >>> raw = cedict_lines()[n].split("\t")[3].split("/")
    >>> [senses.from_stored(r, s) == senses.clean_sense(r) for r, s in zip(raw, stored_senses(n))]
    [True]
    """
    if not _senses_current():
        return None
    return json.loads(_clean_line(n))  # type: ignore[no-any-return]


@cache
def cedict_keys() -> CedictKeys:
    """Every CC-CEDICT headword, traditional and simplified, as a lazy mapping."""
    return CedictKeys()


@cache
def cedict_lines() -> CedictLines:
    """The CC-CEDICT entry lines, in file order, as a lazy sequence.

    >>> cedict_lines()[cedict_keys()["兩會"]].split("\\t")[2]
    'Liang3 hui4'
    """
    return CedictLines()


class HanjaLines(Mapping[str, str]):
    """Character -> its ``hanja.tsv`` line, read on demand (the lines the readings stage parses)."""

    def __getitem__(self, ch: str) -> str:
        line = _hanja_line(ch)
        if line is None:
            raise KeyError(ch)
        return line

    def get(self, ch: str, default: object = None) -> object:  # noqa: D102 - Mapping.get, one query
        line = _hanja_line(ch)
        return default if line is None else line

    def __contains__(self, ch: object) -> bool:
        return isinstance(ch, str) and _hanja_line(ch) is not None

    def __iter__(self) -> Iterator[str]:
        return (ch for (ch,) in _db().execute("SELECT ch FROM hanja ORDER BY ch"))

    def __len__(self) -> int:
        return int(meta()["hanja_chars"])


def _hanja_line(ch: str) -> str | None:
    # Not memoised here: the readings stage parses each line once and keeps the result.
    if _SURROGATE <= ch < _SURROGATE_END:
        return None  # as in _keys_starting
    row = _db().execute("SELECT line FROM hanja WHERE ch = ?", (ch,)).fetchone()
    if row is None:
        return None
    value = row[0]
    return value if isinstance(value, str) else zlib.decompress(value).decode("utf-8")


@cache
def hanja_lines() -> HanjaLines:
    """Every character of ``hanja.tsv`` -> its line, as a lazy mapping.

    >>> hanja_lines()["率"].split("\\t")[1:3]
    ['솔', '률']
    """
    return HanjaLines()


@lru_cache(maxsize=16384)
def pinyin_char(ch: str) -> str | None:
    """pypinyin's readings of one character (comma-separated, tone marks, its order), or None.

    >>> pinyin_char("重")
    'zhòng,chóng,tóng'
    """
    if _SURROGATE <= ch < _SURROGATE_END:
        return None  # as in _keys_starting
    row = _db().execute("SELECT readings FROM pinyin_chars WHERE ch = ?", (ch,)).fetchone()
    return None if row is None else row[0]


# Phrases are read a first character at a time, as headwords are: pypinyin's segmenter probes
# every prefix of a run of hanzi, and a character starts a few dozen phrases at most.
@lru_cache(maxsize=4096)
def pinyin_phrases_starting(ch: str) -> tuple[list[str], dict[str, str]]:
    """The phrases of pypinyin's table that start with ``ch``, sorted, and each one's readings.

    Readings: a syllable per space, alternatives comma-separated.

    >>> keys, readings = pinyin_phrases_starting("两")
    >>> readings["两个"], keys == sorted(keys)
    ('liǎng gè', True)
    """
    if _SURROGATE <= ch < _SURROGATE_END:
        return [], {}
    end = _after(ch)
    rows = _db().execute("SELECT phrase, readings FROM pinyin_phrases WHERE phrase >= ? AND phrase < ?", (ch, end))
    found = dict(rows)
    return sorted(found), found


def kanwa_words(code: int) -> dict[str, list[tuple[str, list[str] | None]]] | None:
    """pykakasi's words that start with the kanji ``code``: word -> [(kana, okurigana or None), ...], or None.

    The table was made from the pickle whose sha256 is ``meta()["kanwa_sha256"]``
    (:mod:`glossary.readings.kana_lookup` reads it only while that is the installed one).
    Each row is pickled as pykakasi's own dictionary is: this file is part of
    the installed package, trusted as its modules are.

    >>> kanwa_words(ord("経"))["経済"]
    [('けいざい', None)]
    """
    row = _db().execute("SELECT words FROM kanwa WHERE code = ?", (code,)).fetchone()
    return None if row is None else pickle.loads(zlib.decompress(row[0]))  # type: ignore[no-any-return]


@cache
def pinyin_normal() -> dict[str, str]:
    """Each syllable of pypinyin's tables -> its NORMAL style (1,559 rows, read whole).

    >>> pinyin_normal()["lǘ"]
    'lv'
    """
    return dict(_db().execute("SELECT syllable, normal FROM pinyin_normal"))
