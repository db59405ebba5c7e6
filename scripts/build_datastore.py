#!/usr/bin/env python3
"""Compile the shipped dictionaries into ``glossary/data/dictionaries.sqlite``.

Usage: python scripts/build_datastore.py [--check]

Input: ``glossary/data/cedict.tsv.gz`` (``scripts/build_cedict.py``),
``glossary/data/hanja.tsv`` (``scripts/build_hanja_dict.py``) and
``glossary/data/pinyin_phrases.tsv.gz`` (``scripts/build_pinyin_phrases.py``),
the reviewable text forms that stay in git. Output: one SQLite file that
:mod:`glossary.datastore` reads page by page, so a text with a few terms
touches a few pages instead of loading 230,000 words and 124,000 entries.

Layout (schema below):

- ``cedict_blocks``: the CC-CEDICT lines in file order, 128 per block,
  deflated (a block is about 10 KB of text, 4 KB deflated; a lookup inflates one);
- ``cedict_clean``: for each block of ``cedict_blocks``, what
  ``glossary.senses.clean_sense`` makes of every sense of its lines (one JSON
  list a line, ``glossary.senses.to_stored``, a line each), deflated with that block's
  lines as the preset dictionary (most renderings are pieces of their raw
  sense: 0.9 MB, where deflating it alone takes 2 MB); it is read only while
  ``meta``'s ``senses_sha256`` is the sha256 of ``glossary/senses.py``, and
  every stored answer is checked against ``clean_sense`` as it is written;
- ``cedict_keys``: every headword (traditional and simplified) -> its line
  number (an integer) or line numbers (space-separated text);
- ``hanja``: one row per character, its ``hanja.tsv`` line; lines over 200
  bytes (characters that start many words: 大 starts 2,000) deflated;
- ``pinyin_chars``, ``pinyin_phrases``, ``pinyin_normal``: the ``c``, ``p``
  and ``n`` lines of ``pinyin_phrases.tsv.gz`` (pypinyin's character table,
  phrase table and NORMAL style of each syllable), one row each; its ``#!``
  lines (pypinyin's version and hanzi pattern) in ``meta`` as
  ``pinyin_version`` and ``pinyin_re_hans``;
- ``kanwa``: pykakasi's word dictionary (its ``kanwadict4.db``, a pickled
  dict of every kanji's code -> the words it starts -> their readings), one
  row per kanji, its words pickled as pykakasi pickles them and deflated
  (2.8 MB; the pickle is 9.7 MB and 96 MB once loaded whole), so that a kana
  reading loads the kanji it meets (:mod:`glossary.readings.kana_lookup`).
  Pickled, not JSON: the readings stay the tuples pykakasi made, which the
  cycle collector stops tracking, where JSON's lists would be walked by
  every collection after; ``meta``'s ``kanwa_sha256``
  is the sha256 of the pickle it was made from, and the table is read only
  while that is the installed pykakasi's; every row is checked against the
  pickle as it is written;
- ``meta``: the CC-CEDICT header fields, its notice, the longest headword,
  and the sha256 of each source file and of ``glossary/senses.py``, so a
  test can tell the compiled file is current (``tests/test_datastore.py``).

The output is deterministic: same inputs, same bytes (``VACUUM``, fixed
page size, no timestamps). ``--check`` exits 1 when the file is stale.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import pickle
import sqlite3
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary import senses  # noqa: E402 - the checkout's package, not an installed one

DATA = ROOT / "glossary" / "data"
OUT = DATA / "dictionaries.sqlite"
SOURCES = {"cedict": DATA / "cedict.tsv.gz", "hanja": DATA / "hanja.tsv", "pinyin": DATA / "pinyin_phrases.tsv.gz"}
#: Lines per deflated CC-CEDICT block: smaller blocks inflate faster, larger compress better.
BLOCK_LINES = 128
#: hanja.tsv lines longer than this (bytes) are stored deflated.
DEFLATE_OVER = 200
#: Bumped when the layout changes; glossary.datastore checks it.
SCHEMA_VERSION = "4"

SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE cedict_blocks (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE cedict_clean (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE cedict_keys (key TEXT PRIMARY KEY, lines NOT NULL) WITHOUT ROWID;
CREATE TABLE hanja (ch TEXT PRIMARY KEY, line NOT NULL) WITHOUT ROWID;
CREATE TABLE pinyin_chars (ch TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pinyin_phrases (phrase TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pinyin_normal (syllable TEXT PRIMARY KEY, normal TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE kanwa (code INTEGER PRIMARY KEY, words BLOB NOT NULL);
"""


def source_hashes() -> dict[str, str]:
    """sha256 of each source file and of the sense cleaner, as recorded in ``meta``."""
    files = {**SOURCES, "senses": Path(senses.__file__)}
    return {f"{name}_sha256": hashlib.sha256(path.read_bytes()).hexdigest() for name, path in files.items()}


def _cleaned_block(lines: list[str]) -> bytes:
    """The cleaned senses of one block's lines, deflated against the lines themselves."""
    stored = []
    for line in lines:
        row = []
        for raw in line.split("\t", 3)[3].split("/"):
            cleaned = senses.clean_sense(raw)
            row.append(senses.to_stored(raw, cleaned))
            if senses.from_stored(raw, row[-1]) != cleaned:
                raise ValueError(f"{raw!r}: the stored form does not give clean_sense's answer back")
        stored.append(row)
    packer = zlib.compressobj(9, zdict="\n".join(lines).encode("utf-8"))
    data = "\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in stored).encode("utf-8")
    return packer.compress(data) + packer.flush()


def _kanwa_rows() -> tuple[list[tuple[int, bytes]], str]:
    """pykakasi's word dictionary, a row per kanji, checked; and the sha256 of the pickle it comes from."""
    from glossary.readings.kana_lookup import kanwa_path

    data = kanwa_path().read_bytes()
    table = pickle.loads(data)
    rows = []
    for code, words in sorted(table.items()):
        stored = zlib.compress(pickle.dumps(words, protocol=5), 9)
        back = pickle.loads(zlib.decompress(stored))
        if back != words or list(back) != list(words):
            raise ValueError(f"kanwa {code}: the stored words do not give pykakasi's back")
        rows.append((code, stored))
    return rows, hashlib.sha256(data).hexdigest()


def _cedict_rows() -> tuple[list[str], list[str]]:
    text = gzip.decompress(SOURCES["cedict"].read_bytes()).decode("utf-8")
    lines = text.splitlines()
    body = next(n for n, line in enumerate(lines) if not line.startswith("#"))
    return lines[:body], lines[body:]


def _pinyin_tables(con: sqlite3.Connection) -> dict[str, str]:
    """The c, p and n lines of pinyin_phrases.tsv.gz into their tables; its #! lines, for meta."""
    rows: dict[str, list[tuple[str, str]]] = {"c": [], "p": [], "n": []}
    meta = {}
    for line in gzip.decompress(SOURCES["pinyin"].read_bytes()).decode("utf-8").split("\n"):
        if line.startswith("#! "):
            name, _, value = line[3:].partition("\t")
            meta[f"pinyin_{name}"] = value
        elif line:
            kind, key, value = line.split("\t")
            rows[kind].append((key, value))
    for kind, table in (("c", "pinyin_chars"), ("p", "pinyin_phrases"), ("n", "pinyin_normal")):
        con.executemany(f"INSERT INTO {table} VALUES (?, ?)", sorted(rows[kind]))
    return meta


def build(out: Path = OUT) -> None:
    """Write the compiled file to ``out`` (atomically)."""
    tmp = out.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript("PRAGMA page_size=4096; PRAGMA journal_mode=OFF;" + SCHEMA)
    header, lines = _cedict_rows()
    meta = dict(line[3:].partition("=")[::2] for line in header if line.startswith("#! "))
    meta["cedict_notice"] = "\n".join(line[2:] for line in header if not line.startswith("#! "))
    keys: dict[str, list[int]] = {}
    for n, line in enumerate(lines):
        trad, simp, _ = line.split("\t", 2)
        for key in (trad, simp) if simp != trad else (trad,):
            keys.setdefault(key, []).append(n)
    blocks = [lines[start : start + BLOCK_LINES] for start in range(0, len(lines), BLOCK_LINES)]
    con.executemany(
        "INSERT INTO cedict_blocks VALUES (?, ?)",
        ((b, zlib.compress("\n".join(block).encode("utf-8"), 9)) for b, block in enumerate(blocks)),
    )
    con.executemany(
        "INSERT INTO cedict_clean VALUES (?, ?)", ((b, _cleaned_block(block)) for b, block in enumerate(blocks))
    )
    con.executemany(
        "INSERT INTO cedict_keys VALUES (?, ?)",
        ((k, v[0] if len(v) == 1 else " ".join(map(str, v))) for k, v in sorted(keys.items())),
    )
    meta["cedict_lines"] = str(len(lines))
    meta["cedict_block_lines"] = str(BLOCK_LINES)
    meta["cedict_longest"] = str(max(map(len, keys)))
    hanja_rows = []
    hanja_header = []
    for line in SOURCES["hanja"].read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        if line[0] == "#":
            hanja_header.append(line)
            continue
        data = line.encode("utf-8")
        hanja_rows.append((line[0], zlib.compress(data, 9) if len(data) > DEFLATE_OVER else line))
    con.executemany("INSERT INTO hanja VALUES (?, ?)", sorted(hanja_rows))
    meta["hanja_header"] = "\n".join(hanja_header)
    meta["hanja_chars"] = str(len(hanja_rows))
    meta.update(_pinyin_tables(con))
    kanwa, meta["kanwa_sha256"] = _kanwa_rows()
    con.executemany("INSERT INTO kanwa VALUES (?, ?)", kanwa)
    meta["kanwa_kanji"] = str(len(kanwa))
    meta["schema_version"] = SCHEMA_VERSION
    meta.update(source_hashes())
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)


def is_current(path: Path = OUT) -> bool:
    """Whether ``path`` was compiled from the source files as they are now."""
    if not path.exists():
        return False
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(con.execute("SELECT name, value FROM meta"))
    finally:
        con.close()
    from glossary.readings.kana_lookup import kanwa_path

    kanwa = hashlib.sha256(kanwa_path().read_bytes()).hexdigest()
    return all(meta.get(k) == v for k, v in source_hashes().items()) and meta.get("schema_version") == SCHEMA_VERSION \
        and meta.get("kanwa_sha256") == kanwa


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the compiled file is current")
    args = parser.parse_args()
    if args.check:
        ok = is_current()
        print(f"{OUT}: {'current' if ok else 'stale: run python scripts/build_datastore.py'}")
        return 0 if ok else 1
    build()
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
