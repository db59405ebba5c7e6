"""Writing the index: entries -> ``out/glossary.sqlite`` (:func:`build_index`).

In: merged entries, the inputs they came from (for the freshness record) and
the folders walked. Out: the SQLite file of ``glossary/index.sql``, written
to a temporary file and moved into place. The build streams, so memory stays
flat in the number of entries: rows go to SQLite in batches, folded forms to
temporary tables sorted on disk, q-gram postings gathered as packed arrays and
spilled in chunks. Never on the lookup path: ``glossary.index`` imports it
on first use of ``build_index``.
"""

from __future__ import annotations

import json
import os
import unicodedata
from array import array
from collections import defaultdict
from functools import partial

from glossary.i18n import _
from glossary.index.fold import _grams, _words, fold_key
from glossary.index.records import _EN, _FIELD_CODE, SCHEMA_VERSION, _pack
from glossary.index.store import _folder_listings, _input_signature, sqlite3

# typing and dataclasses (which imports inspect) cost more than a whole lookup,
# so they are only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from typing import Any

    from glossary.model import Entry

#: Where a rendering met beside a term (``Entry.renderings_other``) is indexed.
_OTHER_KIND_FIELD = {
    "romanization": "ko_romanized", "pinyin": "pinyin", "hangul": "ko",
    "translation": "en", "transcription": "other",
}


def _entry_json(entry: Entry) -> dict[str, Any]:
    """The entry as ``lookup --json`` prints it: the shape of ``out/glossary.json``."""
    from glossary.export.jsondoc import entry_to_json

    return entry_to_json(entry)


def _mr_romanizer():  # noqa: ANN202
    """McCune-Reischauer romanisation from the readings stage, or None where it has none."""
    try:
        from glossary.readings import romanize

        romanize("한", system="mr")
    except (ImportError, ValueError, TypeError, KeyError, NotImplementedError):
        return None
    return lambda hangul: romanize(hangul, system="mr")


def _entry_forms(entry: Entry, mr: Any) -> Iterator[tuple[str, str]]:
    """(field, text) for every form of an entry worth finding it by."""
    for name in ("trad", "simp", "ja", "ko", "ko_hanja", "ko_romanized", "pinyin", "kana", "romaji"):
        if value := getattr(entry, name):
            yield name, value
    for rendering in entry.ko_renderings:  # 시진핑 and 습근평 both find 習近平
        yield ("ko_hanja" if rendering.source == "reading" else "ko"), rendering.text
    decomposed = unicodedata.normalize("NFD", entry.pinyin)
    if "u\u0308" in decomposed:  # ü is typed as v on most keyboards: lǜ -> lv
        yield "pinyin", decomposed.replace("u\u0308", "v")
    if mr is not None and entry.ko:
        yield "ko_mr", mr(entry.ko)
    for form in entry.forms:
        yield "form", form
    for abbrev in entry.abbrev:
        yield "abbrev", abbrev
    for rendering in entry.en:
        yield "en", rendering.text
    for kind, text in entry.renderings_other:
        yield _OTHER_KIND_FIELD.get(kind, "other"), text


def _weight(entry: Entry) -> int:
    """Ranks entries that share a form: approved first, then the most often seen."""
    return (1_000_000 if entry.status == "approved" else 0) + (1000 if entry.curated else 0) + len(entry.occurrences)


# Rows go to SQLite in batches of this many; nothing else is held per entry.
_BATCH = 2000

# The build streams: each entry is packed and stored as it comes, its folded
# forms and English words go to temporary tables, and SQLite sorts them on
# disk to number the forms and to gather the q-gram postings. Memory stays
# flat in the number of entries (a million-entry index needed 6 GB when every
# row, key and gram was kept in dicts until the end).
_STAGING = """
PRAGMA temp_store = FILE;
CREATE TEMP TABLE staged_keys (text TEXT NOT NULL, entry_id INTEGER NOT NULL, field INTEGER NOT NULL);
CREATE TEMP TABLE staged_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE staged_postings (gram TEXT NOT NULL, chunk INTEGER NOT NULL, ids BLOB NOT NULL);
CREATE TEMP TABLE staged_forms (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
"""


def _number(con: sqlite3.Connection, source: str, table: str, column: str, lengths: str) -> None:
    """Copy the distinct texts ``source`` selects (as ``t``) into ``table``, ids in (length, text) order,
    and the first id of each length into ``lengths``.

    SQLite's length() counts characters and its binary order is code-point
    order, as Python's len and sort are.
    """
    con.execute(f"INSERT INTO {table} SELECT row_number() OVER (ORDER BY length(t), t), t FROM ({source})")  # noqa: S608
    con.execute(f"INSERT INTO {lengths} SELECT length({column}), min(id) FROM {table} GROUP BY length({column})")  # noqa: S608


def build_index(
    entries: Iterable[Entry],
    path: os.PathLike[str] | str,
    *,
    inputs: Mapping[str, str],
    folders: Iterable[str] = (),
    extensions: Iterable[str] = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"),
    entry_json: Iterable[dict[str, Any]] | None = None,
) -> None:
    """Write the lookup index of ``entries`` to ``path``, atomically.

    The index is built in a temporary file beside ``path`` and moved over it
    with ``os.replace``, so a lookup never meets a half-written index.
    ``inputs`` maps every input file (texts, ``terms.yaml``) to its sha256;
    lookup refuses the index once one of them changes. ``folders`` are the
    folders the texts were found in: their listing is recorded, so a text
    added to one (or removed) is noticed too. ``entry_json``, where given,
    is the entry JSON of each entry in the same order (the build reads it back
    from the ``glossary.json`` it has just written, so ``entry_to_json`` runs
    once per entry); an object whose ``key`` is not its entry's is not used,
    nor any after it: those entries are converted here.

    >>> import tempfile, pathlib
    >>> from glossary.index import lookup
    >>> from glossary.model import Entry, Rendering
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "glossary.sqlite"
    >>> build_index([Entry("两会", "兩會", "两会", ko="양회", en=(Rendering("Two Sessions", "curated"),))], target, inputs={})
    >>> lookup("two sessions", target)[0].entry["trad"]
    '兩會'
    """
    from glossary.model import OutputError

    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        if os.path.exists(tmp):
            os.unlink(tmp)
        con = sqlite3.connect(tmp)
        try:
            _write_tables(con, entries, inputs, _folder_listings(folders, extensions), entry_json)
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        raise OutputError(_("{path}: cannot write the lookup index: {reason}").format(path=path, reason=exc)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _write_tables(
    con: sqlite3.Connection,
    entries: Iterable[Entry],
    inputs: Mapping[str, str],
    folders: list[dict[str, Any]] = (),
    entry_json: Iterable[dict[str, Any]] | None = None,
) -> None:
    from importlib.resources import files

    # A small page cache while the entries come in (appended rows need few pages, and the
    # build's writers run beside this loop), a large one for the sorting and joining after it.
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4000;")
    con.executescript(files("glossary").joinpath("index.sql").read_text(encoding="utf-8"))
    con.executescript(_STAGING)
    mr = _mr_romanizer()
    from glossary.jsonenc import encoder

    compact = encoder(",", ":")  # json.dumps(..., separators=(",", ":")) without its per-call set-up
    entry_rows: list[tuple[int, str, int, bytes]] = []
    key_rows: list[tuple[str, int, int]] = []
    english_rows: list[tuple[str, int]] = []
    count = 0
    given = iter(entry_json) if entry_json is not None else None

    def flush() -> None:
        con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", entry_rows)
        con.executemany("INSERT INTO staged_keys VALUES (?, ?, ?)", key_rows)
        con.executemany("INSERT INTO english (text, entry_id) VALUES (?, ?)", english_rows)
        con.executemany(
            "INSERT OR IGNORE INTO staged_words VALUES (?)", ((w,) for text, _ in english_rows for w in _words(text))
        )
        entry_rows.clear(), key_rows.clear(), english_rows.clear()

    for count, entry in enumerate(entries, 1):
        data = next(given, None) if given is not None else None
        if data is None or data.get("key") != entry.key:
            data, given = _entry_json(entry), None
        entry_rows.append((count, entry.key, _weight(entry), _pack(data, compact)))
        seen: set[tuple[str, int]] = set()
        folded: dict[str, str] = {}  # an entry's forms repeat (trad, simp, ja, forms): fold each once
        for name, text in _entry_forms(entry, mr):
            if (key := folded.get(text)) is None:
                key = folded[text] = fold_key(text)
            if key and (key, code := _FIELD_CODE[name]) not in seen:
                seen.add((key, code))
                key_rows.append((key, count, code))
            if name == "en":
                english_rows.append((text, count))
        if len(entry_rows) >= _BATCH:
            flush()
    flush()
    con.execute("PRAGMA cache_size=-32000")
    con.execute("CREATE INDEX temp.staged_keys_text ON staged_keys (text)")
    _number(con, "SELECT DISTINCT text AS t FROM staged_keys", "forms", "text", "form_lengths")
    con.execute(
        "INSERT INTO keys SELECT DISTINCT f.id, s.entry_id, s.field FROM staged_keys s JOIN forms f ON f.text = s.text "
        "ORDER BY 1, 2, 3"
    )
    # English phrases are searched word by word (FTS5, the word vocabulary),
    # so their long Latin strings stay out of the q-gram postings.
    # The forms to gram, copied once: read by id ranges (_iterate), a query with the IN (...) in it
    # would gather the keys again for every range.
    con.execute(
        f"INSERT INTO staged_forms SELECT id, text FROM forms WHERE id IN (SELECT form_id FROM keys WHERE field != {_EN})"
    )
    _write_postings(con, "SELECT id, text FROM staged_forms", "grams")
    _number(con, "SELECT word AS t FROM staged_words", "words", "word", "word_lengths")
    _write_postings(con, "SELECT id, word FROM words", "word_grams")
    con.execute("INSERT INTO english (english) VALUES ('optimize')")
    meta = {
        "schema_version": SCHEMA_VERSION,
        "inputs": json.dumps(dict(sorted(inputs.items())), ensure_ascii=False),
        "input_signature": json.dumps(_input_signature(inputs), ensure_ascii=False),
        "input_folders": json.dumps(list(folders), ensure_ascii=False),
        "entries": str(count),
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    con.executescript("DROP TABLE temp.staged_keys; DROP TABLE temp.staged_words; DROP TABLE temp.staged_postings; "
                      "DROP TABLE temp.staged_forms;")


# Postings are gathered in memory as packed arrays (4 bytes an id) up to this
# many ids, then spilled to a temporary table in chunks; texts come in id
# order, so each gram's chunks, joined in order, are its sorted posting.
_POSTINGS_HELD = 8_000_000


def _write_postings(con: sqlite3.Connection, query: str, table: str) -> None:
    """The q-gram postings of every (id, text) the query selects, packed into ``table``."""
    new_ids = partial(array, "I")
    held: defaultdict[str, array] = defaultdict(new_ids)
    count = chunks = 0

    def spill() -> None:
        nonlocal held, count, chunks
        con.executemany("INSERT INTO staged_postings VALUES (?, ?, ?)", ((g, chunks, a.tobytes()) for g, a in held.items()))
        held, count, chunks = defaultdict(new_ids), 0, chunks + 1

    for text_id, text in _iterate(con, query):
        for gram in set(_grams(text, padded=True)):
            held[gram].append(text_id)
        count += len(text)
        if count >= _POSTINGS_HELD:
            spill()
    insert = f"INSERT INTO {table} (gram, ids) VALUES (?, ?)"  # noqa: S608
    if not chunks:
        con.executemany(insert, ((g, held[g].tobytes()) for g in sorted(held)))
        return
    spill()
    rows = con.execute("SELECT gram, ids FROM staged_postings ORDER BY gram, chunk")
    joined: list[tuple[str, bytes]] = []
    gram, parts = None, []
    for g, blob in rows:
        if g != gram and gram is not None:
            joined.append((gram, b"".join(parts)))
            parts = []
        gram = g
        parts.append(blob)
        if len(joined) >= _BATCH:
            con.executemany(insert, joined)
            joined = []
    if gram is not None:
        joined.append((gram, b"".join(parts)))
    con.executemany(insert, joined)
    con.execute("DELETE FROM staged_postings")


def _iterate(con: sqlite3.Connection, query: str) -> Iterator[tuple[int, str]]:
    """Rows of ``query`` by id ranges, so reading and inserting never share one open statement."""
    last = 0
    while True:
        rows = con.execute(f"SELECT * FROM ({query}) WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH * 10)).fetchall()  # noqa: S608
        if not rows:
            return
        yield from rows
        last = rows[-1][0]
