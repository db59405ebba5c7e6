"""The lookup index: entries -> SQLite (``build_index``) -> hits (``lookup``).

Input: merged entries. Output: ``out/glossary.sqlite`` and, for a query in any
form, a ranked list of :class:`Hit`. The schema is ``glossary/index.sql``.

A query is folded the way every form was folded at build time
(:func:`fold_key`: lower case, no tone marks, no spaces, hyphens or
punctuation), then tried in tiers, each an indexed query, never a full scan:

1. exact: the folded form equals a folded form of an entry;
2. prefix: a range scan over the sorted forms;
3. substring: intersect the q-gram postings of the query, then check; English
   words through FTS5;
4. computed, when 1-3 found nothing and the query is hanja: the forms the
   tool computes for it (hangul, simplified, pinyin); only then are the heavy
   libraries imported;
5. fuzzy, when 1-3 found nothing: the q-gram count filter over forms of
   about the same length, then a bounded edit distance; English word by word
   against the vocabulary of the renderings.

This module is on the path of every ``glossary lookup``, so it imports only
small standard modules at import time; ``glossary.model`` (dataclasses of the
whole pipeline) is imported on the build and error paths only.
"""

from __future__ import annotations

import json
import os
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, namedtuple

from glossary.i18n import _, pgettext

try:  # the C module alone: the sqlite3 package also imports datetime for adapters we never use
    import _sqlite3 as sqlite3
except ImportError:  # pragma: no cover - every CPython build with sqlite3 has it
    import sqlite3

# typing and dataclasses (which imports inspect) cost more than a whole lookup,
# so they are only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from typing import Any

    from glossary.model import Entry

#: Bumped whenever the tables or the folding change; an index of another
#: version is stale.
SCHEMA_VERSION = "3"

#: Every indexed field, in the order exact matches are ranked. ``keys.field``
#: stores the position in this tuple.
FIELDS = (
    "trad", "simp", "ja", "form", "ko", "ko_hanja", "abbrev", "en",
    "ko_romanized", "ko_mr", "pinyin", "kana", "romaji", "other",
)

#: Other names accepted by ``lookup(field=...)`` and ``--field``.
FIELD_ALIASES = {
    "traditional": "trad", "simplified": "simp", "japanese": "ja", "hangul": "ko", "hanja": "ko_hanja",
    "rr": "ko_romanized", "romanized": "ko_romanized", "mr": "ko_mr",
    "english": "en", "abbreviation": "abbrev",
}

FIELD_CHOICES = FIELDS + tuple(FIELD_ALIASES)

#: Where a rendering met beside a term (``Entry.renderings_other``) is indexed.
_OTHER_KIND_FIELD = {
    "romanization": "ko_romanized", "pinyin": "pinyin", "hangul": "ko",
    "translation": "en", "transcription": "other",
}

MATCH_KINDS = ("exact", "prefix", "substring", "fuzzy", "computed")

_FIELD_CODE = {name: code for code, name in enumerate(FIELDS)}
_EN = _FIELD_CODE["en"]
_TOP = "\U0010ffff"  # sorts after every folded form: the end of a prefix range
_PREFIX_SCAN = 2000  # forms read for a prefix or substring tier, shortest kept
_FUZZY_VERIFY = 3000  # candidates checked by edit distance at most, most grams shared first
_FUZZY_ROUNDS = (100, 500, _FUZZY_VERIFY)  # ... fetched in rounds of these cumulative sizes


class Hit(namedtuple("Hit", "entry match field score")):
    """One entry found by :func:`lookup`, with how it matched.

    An immutable record like the frozen dataclasses of ``glossary.model``,
    built on a named tuple because ``dataclasses`` imports ``inspect``, which
    alone costs a third of a lookup's start-up.

    - ``entry``: the entry JSON (dict, see ``_entry_json``)
    - ``match``: one of MATCH_KINDS
    - ``field``: one of FIELDS, the form that matched
    - ``score``: 0..1, higher is better; ranks hits within a kind

    >>> Hit({"trad": "兩會"}, "exact", "trad", 1.0).to_json()["match"]
    {'kind': 'exact', 'field': 'trad', 'score': 1.0}
    """

    __slots__ = ()
    entry: dict[str, Any]
    match: str
    field: str
    score: float

    def to_json(self) -> dict[str, Any]:
        """The entry JSON with a ``match`` object (kind, field, score)."""
        return {**self.entry, "match": {"kind": self.match, "field": self.field, "score": round(self.score, 3)}}


# --- folding -----------------------------------------------------------------


def fold_key(text: str) -> str:
    """Fold a form or a query to its index key.

    Lower case; tone marks and other accents dropped from Latin letters only
    (kana keep their voicing marks); compatibility ideographs and full-width
    letters folded (NFKC); spaces, hyphens, apostrophes and punctuation
    dropped. One key then covers "liǎng huì", "lianghui" and "Liang-hui", or
    "이구 환신" and "이구환신".

    >>> fold_key("Yǐjiù Huànxīn"), fold_key("이구 환신"), fold_key("trade-in")
    ('yijiuhuanxin', '이구환신', 'tradein')
    """
    text = unicodedata.normalize("NFKC", text).lower()
    if text.isascii():
        return "".join(ch for ch in text if ch.isalnum())
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if out and out[-1].isascii():  # a mark on a Latin letter: drop it
                continue
            out.append(ch)
        elif ch.isalnum():
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _words(text: str) -> list[str]:
    """Folded words of an English text, as the FTS5 unicode61 tokenizer splits them."""
    return [w for w in (fold_key(part) for part in "".join(c if c.isalnum() else " " for c in text).split()) if w]


def _grams(text: str, *, padded: bool) -> list[str]:
    r"""q-grams of a folded form: bigrams for CJK, kana and hangul, trigrams for Latin.

    Padded grams mark the start (Latin) and the end of the form, so a short
    form still has grams and a typo at either end costs no more than one in
    the middle.

    >>> _grams("两会", padded=True), _grams("bri", padded=True)
    (['两会', '会\x03'], ['\x02br', 'bri', 'ri\x03'])
    """
    if text.isascii():
        q, s = 3, ("\x02" + text + "\x03" if padded else text)
    else:
        q, s = 2, (text + "\x03" if padded else text)
    return [s[i : i + q] for i in range(len(s) - q + 1)]


def _gram_size(text: str) -> int:
    return 3 if text.isascii() else 2


def _is_hanja(text: str) -> bool:
    """True when every character is a CJK ideograph."""
    return bool(text) and all(
        0x3400 <= (c := ord(ch)) <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3FFFF for ch in text
    )


def _edit_distance(a: str, b: str, bound: int) -> int:
    """Optimal string alignment distance (a swap of neighbours costs 1), or bound + 1 beyond the bound.

    Only the band of cells within ``bound`` of the diagonal is computed: the
    fuzzy tier checks hundreds of candidates per query.

    >>> _edit_distance("sesions", "sessions", 2), _edit_distance("hwnasin", "hwansin", 2), _edit_distance("ab", "xyz", 1)
    (1, 1, 2)
    """
    la, lb = len(a), len(b)
    over = bound + 1
    if abs(la - lb) > bound:
        return over
    prev2: list[int] = []
    prev = [j if j <= bound else over for j in range(lb + 1)]
    for i in range(1, la + 1):
        ca = a[i - 1]
        cur = [over] * (lb + 1)
        cur[0] = best = i if i <= bound else over
        for j in range(max(1, i - bound), min(lb, i + bound) + 1):
            cb = b[j - 1]
            value = prev[j - 1] + (ca != cb)
            if prev[j] + 1 < value:
                value = prev[j] + 1
            if cur[j - 1] + 1 < value:
                value = cur[j - 1] + 1
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb and prev2[j - 2] + 1 < value:
                value = prev2[j - 2] + 1
            cur[j] = value
            if value < best:
                best = value
        if best > bound:
            return over
        prev2, prev = prev, cur
    return min(prev[lb], over)


# --- entry JSON --------------------------------------------------------------


def _entry_json(entry: Entry) -> dict[str, Any]:
    """The entry as ``lookup --json`` prints it: the shape of ``out/glossary.json``."""
    from glossary.export.jsondoc import entry_to_json

    return entry_to_json(entry)


# --- build -------------------------------------------------------------------

# Entries are stored as compact JSON, deflated with a preset dictionary: the
# keys and usual values of an entry, which a single entry is too short to
# teach zlib. That makes the stored JSON 4 times smaller (the largest table of
# a 100,000-entry index). The dictionary is fixed: changing it is a schema change.
_ZDICT = json.dumps(
    {
        "key": "", "trad": "", "simp": "", "ja": "", "ko": "", "ko_romanized": "", "pinyin": "", "kana": "",
        "romaji": "", "en": [], "renderings": [{"text": "", "source": "curated", "count": 0, "documents": []},
                                               {"text": "", "source": "context", "count": 1, "documents": []},
                                               {"text": "", "source": "dictionary", "count": 0, "documents": []},
                                               {"text": "", "source": "literal", "count": 0, "documents": []}],
        "renderings_other": [{"kind": "romanization", "text": ""}], "abbrev": [], "forms": [], "kind": "term",
        "status": "candidate", "note": None, "curated": [], "sources": ["seeds/"],
        "occurrences": [{"source": "seeds/", "line": 1, "context": ""}],
    },
    ensure_ascii=False, separators=(",", ":"),
).encode()


def _pack(data: dict[str, Any]) -> bytes:
    import zlib

    packer = zlib.compressobj(9, zdict=_ZDICT)
    return packer.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()) + packer.flush()


def _unpack(blob: bytes) -> dict[str, Any]:
    import zlib

    return json.loads(zlib.decompressobj(zdict=_ZDICT).decompress(blob))


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


def _input_signature(inputs: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """Path, size, mtime_ns and sha256 of the bytes of each input, for the freshness check.

    The pipeline's own hashes (stored as given, in ``meta.inputs``) may be of
    the decoded text; lookup compares bytes, so the bytes are hashed here once.
    A hash of None or "" means the file was absent (an optional terms.yaml):
    it must stay absent.
    """
    signature = []
    for name, digest in sorted(inputs.items()):
        item: dict[str, Any] = {"path": name, "abspath": os.path.abspath(name), "absent": not digest}
        if digest:
            try:
                st = os.stat(name)
                item.update(size=st.st_size, mtime_ns=st.st_mtime_ns, sha256=_file_sha256(name))
            except OSError:
                item.update(size=None, mtime_ns=None, sha256=None)
        signature.append(item)
    return signature


def _file_sha256(path: str) -> str:
    import hashlib

    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


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
"""


def _number(con: sqlite3.Connection, source: str, table: str, column: str, lengths: str) -> None:
    """Copy the distinct texts ``source`` selects (as ``t``) into ``table``, ids in (length, text) order,
    and the first id of each length into ``lengths``.

    SQLite's length() counts characters and its binary order is code-point
    order, as Python's len and sort are.
    """
    con.execute(f"INSERT INTO {table} SELECT row_number() OVER (ORDER BY length(t), t), t FROM ({source})")  # noqa: S608
    con.execute(f"INSERT INTO {lengths} SELECT length({column}), min(id) FROM {table} GROUP BY length({column})")  # noqa: S608


def _listing(folder: str, extensions: Iterable[str]) -> list[str]:
    """The text files under ``folder`` as the build walks it: sorted, no hidden names, each real folder once.

    Standard library only, as the rest of the lookup path, so ``lookup`` can
    notice a text added to a folder since the build.
    """
    wanted = {e.lower() for e in extensions}
    found: list[str] = []
    seen: set[tuple[int, int]] = set()
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            st = os.stat(current)
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            children = list(os.scandir(current))
        except OSError:
            continue
        for child in children:
            if child.name.startswith("."):
                continue
            try:
                if child.is_dir():
                    todo.append(child.path)
                elif os.path.splitext(child.name)[1].lower() in wanted and child.is_file():
                    found.append(os.path.relpath(child.path, folder))
            except OSError:
                continue
    return sorted(found)


def build_index(
    entries: Iterable[Entry],
    path: os.PathLike[str] | str,
    *,
    inputs: Mapping[str, str],
    folders: Iterable[str] = (),
    extensions: Iterable[str] = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"),
) -> None:
    """Write the lookup index of ``entries`` to ``path``, atomically.

    The index is built in a temporary file beside ``path`` and moved over it
    with ``os.replace``, so a lookup never meets a half-written index.
    ``inputs`` maps every input file (texts, ``terms.yaml``) to its sha256;
    lookup refuses the index once one of them changes. ``folders`` are the
    folders the texts were found in: their listing is recorded, so a text
    added to one (or removed) is noticed too.

    >>> import tempfile, pathlib
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
            _write_tables(con, entries, inputs, _folder_listings(folders, extensions))
            con.commit()
        finally:
            con.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        raise OutputError(_("{path}: cannot write the lookup index: {reason}").format(path=path, reason=exc)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _folder_listings(folders: Iterable[str], extensions: Iterable[str]) -> list[dict[str, Any]]:
    extensions = tuple(extensions)
    return [
        {"path": f, "abspath": os.path.abspath(f), "extensions": list(extensions), "files": _listing(f, extensions)}
        for f in sorted(set(folders))
    ]


def _write_tables(
    con: sqlite3.Connection, entries: Iterable[Entry], inputs: Mapping[str, str], folders: list[dict[str, Any]] = ()
) -> None:
    from importlib.resources import files

    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-32000;")
    con.executescript(files("glossary").joinpath("index.sql").read_text(encoding="utf-8"))
    con.executescript(_STAGING)
    mr = _mr_romanizer()
    entry_rows: list[tuple[int, str, int, bytes]] = []
    key_rows: list[tuple[str, int, int]] = []
    english_rows: list[tuple[str, int]] = []
    count = 0

    def flush() -> None:
        con.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", entry_rows)
        con.executemany("INSERT INTO staged_keys VALUES (?, ?, ?)", key_rows)
        con.executemany("INSERT INTO english (text, entry_id) VALUES (?, ?)", english_rows)
        con.executemany(
            "INSERT OR IGNORE INTO staged_words VALUES (?)", ((w,) for text, _ in english_rows for w in _words(text))
        )
        entry_rows.clear(), key_rows.clear(), english_rows.clear()

    for count, entry in enumerate(entries, 1):
        entry_rows.append((count, entry.key, _weight(entry), _pack(_entry_json(entry))))
        seen: set[tuple[str, int]] = set()
        for name, text in _entry_forms(entry, mr):
            if (key := fold_key(text)) and (key, code := _FIELD_CODE[name]) not in seen:
                seen.add((key, code))
                key_rows.append((key, count, code))
            if name == "en":
                english_rows.append((text, count))
        if len(entry_rows) >= _BATCH:
            flush()
    flush()
    con.execute("CREATE INDEX temp.staged_keys_text ON staged_keys (text)")
    _number(con, "SELECT DISTINCT text AS t FROM staged_keys", "forms", "text", "form_lengths")
    con.execute(
        "INSERT INTO keys SELECT DISTINCT f.id, s.entry_id, s.field FROM staged_keys s JOIN forms f ON f.text = s.text "
        "ORDER BY 1, 2, 3"
    )
    # English phrases are searched word by word (FTS5, the word vocabulary),
    # so their long Latin strings stay out of the q-gram postings.
    _write_postings(con, f"SELECT id, text FROM forms WHERE id IN (SELECT form_id FROM keys WHERE field != {_EN})", "grams")
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
    con.executescript("DROP TABLE temp.staged_keys; DROP TABLE temp.staged_words; DROP TABLE temp.staged_postings;")


# Postings are gathered in memory as packed arrays (4 bytes an id) up to this
# many ids, then spilled to a temporary table in chunks; texts come in id
# order, so each gram's chunks, joined in order, are its sorted posting.
_POSTINGS_HELD = 8_000_000


def _write_postings(con: sqlite3.Connection, query: str, table: str) -> None:
    """The q-gram postings of every (id, text) the query selects, packed into ``table``."""
    held: dict[str, array] = {}
    count = chunks = 0

    def spill() -> None:
        nonlocal held, count, chunks
        con.executemany("INSERT INTO staged_postings VALUES (?, ?, ?)", ((g, chunks, a.tobytes()) for g, a in held.items()))
        held, count, chunks = {}, 0, chunks + 1

    for text_id, text in _iterate(con, query):
        for gram in set(_grams(text, padded=True)):
            ids = held.get(gram)
            if ids is None:
                ids = held[gram] = array("I")
            ids.append(text_id)
        count += len(text)
        if count >= _POSTINGS_HELD:
            spill()
    insert = f"INSERT INTO {table} VALUES (?, ?)"  # noqa: S608
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


# --- open and check ----------------------------------------------------------


def _index_error(message: str) -> Exception:
    from glossary.model import LookupIndexError

    return LookupIndexError(message)


def _open(path: str) -> sqlite3.Connection:
    """Open the index read-only, after checking it exists, is ours and is fresh."""
    if not os.path.isfile(path):
        raise _index_error(
            _("no lookup index at {path}; run `glossary build` to create it (or give --index FILE)").format(path=path)
        )
    uri = "file:" + path.replace("%", "%25").replace("?", "%3f").replace("#", "%23") + "?mode=ro"
    try:
        con = sqlite3.connect(uri, uri=True)
        meta = dict(con.execute("SELECT name, value FROM meta"))
    except sqlite3.DatabaseError as exc:
        raise _index_error(
            _("{path} is not a glossary index or is damaged ({reason}); run `glossary build` to rebuild it").format(
                path=path, reason=exc
            )
        ) from None
    if meta.get("schema_version") != SCHEMA_VERSION:
        con.close()
        raise _index_error(
            _(
                "{path} was built by another version of glossary (index schema {found}, expected {expected}); "
                "run `glossary build` to rebuild it"
            ).format(path=path, found=meta.get("schema_version"), expected=SCHEMA_VERSION)
        )
    try:
        changed = _changed_input(json.loads(meta.get("input_signature", "[]"))) or _changed_folder(
            json.loads(meta.get("input_folders", "[]"))
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        con.close()
        raise _index_error(
            _("{path} is damaged (its record of the inputs is unreadable); run `glossary build` to rebuild it").format(
                path=path
            )
        ) from None
    if changed:
        con.close()
        raise _index_error(
            _("{path} is stale: {change} since it was built; run `glossary build` to rebuild it").format(
                path=path, change=changed
            )
        )
    return con


def _changed_folder(folders: list[dict[str, Any]]) -> str | None:
    """Describe the first text added to or removed from an input folder, or None."""
    for item in folders:
        now = _listing(item["abspath"], item["extensions"])
        if now != item["files"]:
            added = sorted(set(now) - set(item["files"]))
            name = os.path.join(item["path"], (added or sorted(set(item["files"]) - set(now)))[0])
            return (_("{path} appeared") if added else _("{path} was removed")).format(path=name)
    return None


def _changed_input(signature: list[dict[str, Any]]) -> str | None:
    """Describe the first input that changed since the build, or None.

    stat() only; a file is hashed only when its size or mtime differ.
    """
    for item in signature:
        try:
            st = os.stat(item["abspath"])
        except OSError:
            if not item["absent"]:
                return _("{path} was removed").format(path=item["path"])
            continue
        if item["absent"]:
            return _("{path} appeared").format(path=item["path"])
        if st.st_size == item["size"] and st.st_mtime_ns == item["mtime_ns"]:
            continue
        try:
            if _file_sha256(item["abspath"]) == item["sha256"]:
                continue
        except OSError:
            pass
        return _("{path} changed").format(path=item["path"])
    return None


# --- lookup ------------------------------------------------------------------


def _field_code(field: str | None) -> int | None:
    if field is None:
        return None
    name = FIELD_ALIASES.get(field, field)
    if name not in _FIELD_CODE:
        raise ValueError(f"unknown field {field!r}; choose from {', '.join(FIELD_CHOICES)}")
    return _FIELD_CODE[name]


class _Searcher:
    """The tiers of one lookup over an open index."""

    def __init__(self, con: sqlite3.Connection, field: int | None, limit: int) -> None:
        self.con = con
        self.field = field
        # Forms whose entries are read for a prefix or substring tier: a form
        # has one entry or a few; with --field many forms are of other fields.
        self.forms_wanted = limit * (3 if field is None else 30)

    def _keys(self, form_ids: Iterable[int]) -> list[tuple[int, int, int, int]]:
        """(form id, entry id, field, weight) of the given forms, in the wanted field."""
        rows = self.con.execute(
            "SELECT k.form_id, k.entry_id, k.field, e.weight FROM keys k JOIN entries e ON e.id = k.entry_id "
            "WHERE k.form_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(form_ids)),),
        ).fetchall()
        return [row for row in rows if self.field is None or row[2] == self.field]

    def _forms(self, form_ids: Iterable[int]) -> dict[int, str]:
        return dict(
            self.con.execute(
                "SELECT id, text FROM forms WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(form_ids)),)
            )
        )

    def exact(self, key: str, query: str) -> list[tuple[int, int, float]]:
        row = self.con.execute("SELECT id FROM forms WHERE text = ?", (key,)).fetchone()
        if row is None:
            return []
        found = sorted(self._keys([row[0]]), key=lambda r: (r[2], -r[3], r[1]))
        return [(entry_id, code, 1.0) for _, entry_id, code, _ in found]

    def prefix(self, key: str, query: str) -> list[tuple[int, int, float]]:
        rows = self.con.execute(
            "SELECT id, text FROM forms WHERE text > ? AND text < ? LIMIT ?", (key, key + _TOP, _PREFIX_SCAN)
        ).fetchall()
        return self._ranked(dict(rows), key, base=0.5)

    def _ranked(self, texts: dict[int, str], key: str, base: float) -> list[tuple[int, int, float]]:
        """Hits for matching forms, shorter forms (closer to the query) first."""
        shortest = sorted(texts, key=lambda i: (len(texts[i]), texts[i]))[: self.forms_wanted]
        out = []
        for form_id, entry_id, code, weight in self._keys(shortest):
            out.append((entry_id, code, base + 0.4 * len(key) / len(texts[form_id]), weight))
        out.sort(key=lambda r: (-r[2], r[1], -r[3], r[0]))
        return [(entry_id, code, score) for entry_id, code, score, _ in out]

    def _posting(self, table: str, gram: str) -> array:
        row = self.con.execute(f"SELECT ids FROM {table} WHERE gram = ?", (gram,)).fetchone()  # noqa: S608
        ids = array("I")
        if row is not None:
            ids.frombytes(row[0])
        return ids

    def substring(self, key: str, query: str) -> list[tuple[int, int, float]]:
        hits = self._gram_substring(key)
        if self.field in (None, _EN) and key.isascii():
            hits += self._english(_fts_words(query), base=0.3)
        return hits

    def _gram_substring(self, key: str) -> list[tuple[int, int, float]]:
        q = _gram_size(key)
        if len(key) < q:
            candidates: set[int] = set()
            for (blob,) in self.con.execute("SELECT ids FROM grams WHERE gram > ? AND gram < ?", (key, key + _TOP)):
                ids = array("I")
                ids.frombytes(blob)
                candidates.update(ids)
        else:
            postings = sorted((self._posting("grams", g) for g in set(_grams(key, padded=False))), key=len)
            candidates = set(postings[0])
            for ids in postings[1:]:
                if not candidates:
                    break
                candidates.intersection_update(ids)
        # Smaller ids are shorter forms: check the shortest first, a bounded number.
        ordered = sorted(candidates)[:_PREFIX_SCAN]
        texts = {i: t for i, t in self._forms(ordered).items() if key in t and not t.startswith(key)}
        return self._ranked(texts, key, base=0.3)

    def _english(self, match: str, base: float) -> list[tuple[int, int, float]]:
        if not match:
            return []
        rows = self.con.execute(
            "SELECT e.entry_id, e.text, n.weight FROM english e JOIN entries n ON n.id = e.entry_id "
            "WHERE english MATCH ? ORDER BY rank LIMIT ?",
            (match, _PREFIX_SCAN),
        ).fetchall()
        out = [(entry_id, _EN, base + 0.3 / max(1, len(_words(text))), weight) for entry_id, text, weight in rows]
        out.sort(key=lambda r: (-r[2], -r[3], r[0]))
        return [(entry_id, code, score) for entry_id, code, score, _ in out]

    def _near(self, key: str, grams_table: str, lengths_table: str, bound: int) -> list[tuple[int, int]]:
        """(id, distance) of forms (or words) within ``bound`` edits of ``key``.

        q-gram count filter: one edit destroys at most q of the query's grams,
        so a form within ``bound`` edits shares at least
        ``len(grams) - q * bound`` of them. Only forms of a length within the
        bound are counted: their ids form one range, cut out of each posting by
        bisection.
        """
        q = _gram_size(key)
        grams = set(_grams(key, padded=True))
        need = len(grams) - q * bound
        if need < 1:
            return []
        low = self.con.execute(
            f"SELECT min(first_id) FROM {lengths_table} WHERE length >= ?", (len(key) - bound,)  # noqa: S608
        ).fetchone()[0]
        high = self.con.execute(
            f"SELECT min(first_id) FROM {lengths_table} WHERE length > ?", (len(key) + bound,)  # noqa: S608
        ).fetchone()[0]
        if low is None:
            return []
        high = high or 2**32
        counts: Counter[int] = Counter()
        for gram in grams:
            ids = self._posting(grams_table, gram)
            counts.update(ids[bisect_left(ids, low) : bisect_left(ids, high)])
        # Candidates are checked most shared grams first, in rounds. A form
        # sharing c grams is at least ceil((len(grams) - c) / q) edits away, so
        # once `want` forms are found nearer than that bound, no later
        # candidate can rank before them: stop (ties at the bound are still checked).
        want = self.forms_wanted if grams_table == "grams" else 1
        table, column = ("forms", "text") if grams_table == "grams" else ("words", "word")
        near: list[tuple[int, int]] = []
        checked = 0
        for size in _FUZZY_ROUNDS:
            ranked = [(i, n) for i, n in counts.most_common(size)[checked:] if n >= need]
            if not ranked:
                break
            texts = dict(self.con.execute(
                f"SELECT id, {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",  # noqa: S608
                (json.dumps([i for i, _ in ranked]),),
            ))
            for i, n in ranked:
                floor = -(-(len(grams) - n) // q)
                if sum(d < floor for _, d in near) >= want:
                    return sorted(near, key=lambda r: r[1])
                if (d := _edit_distance(key, texts[i], bound)) <= bound:
                    near.append((i, d))
            if len(ranked) < size - checked:
                break  # fewer candidates than the round asked for: none are left
            checked = size
        return sorted(near, key=lambda r: r[1])

    def fuzzy(self, key: str, query: str) -> list[tuple[int, int, float]]:
        out = []
        if bound := _typo_bound(key):
            near = dict(self._near(key, "grams", "form_lengths", bound))
            for form_id, entry_id, code, weight in self._keys(near):
                out.append((entry_id, code, 0.25 * (1 - near[form_id] / (len(key) + 1)), weight))
            out.sort(key=lambda r: (-r[2], r[1], -r[3], r[0]))
        hits = [(entry_id, code, score) for entry_id, code, score, _ in out]
        if self.field in (None, _EN) and key.isascii():
            hits += self._english(self._corrected_words(query), base=0.0)
        return hits

    def _corrected_words(self, query: str) -> str:
        """An FTS5 query: each word of the query, or the vocabulary words a typo away."""
        groups = []
        for word in _words(query):
            if self.con.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone():
                groups.append(f'"{word}"')
                continue
            near = self._near(word, "word_grams", "word_lengths", _typo_bound(word)) if _typo_bound(word) else []
            if not near:
                return ""
            best = near[0][1]
            words = self.con.execute(
                "SELECT word FROM words WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([i for i, d in near if d == best]),),
            ).fetchall()
            groups.append("(" + " OR ".join(f'"{w}"' for (w,) in words) + ")")
        return " AND ".join(groups)


def _fts_words(query: str) -> str:
    """An FTS5 query for every word of the query, the last one as a prefix.

    Folded words are letters and digits only, so they are safe inside FTS5
    double quotes.

    >>> _fts_words("Two Sess")
    '"two" AND "sess"*'
    """
    parts = [f'"{word}"' for word in _words(query)]
    if parts:
        parts[-1] += "*"
    return " AND ".join(parts)


def _typo_bound(key: str) -> int:
    """How many typos a query of this length may carry and still be recognised."""
    if key.isascii():
        return 2 if len(key) >= 8 else 1 if len(key) >= 4 else 0
    return 1 if len(key) >= 3 else 0


def lookup(
    query: str, path: os.PathLike[str] | str, *, limit: int = 10, field: str | None = None
) -> list[Hit]:
    """Find entries by any of their forms: exact, then prefix, substring, fuzzy.

    A hanja query that is in no entry (not even inside a longer form) still
    answers first, with the forms the
    tool computes for it (``match == "computed"``, ``entry["in_glossary"]`` is
    False). Raises :class:`glossary.model.LookupIndexError` when the index is
    missing, stale or damaged.

    >>> import tempfile, pathlib
    >>> from glossary.model import Entry
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "glossary.sqlite"
    >>> build_index([Entry("以旧换新", "以舊換新", "以旧换新", ko="이구환신")], target, inputs={})
    >>> [(h.entry["simp"], h.match, h.field) for h in lookup("이구 환신", target)]
    [('以旧换新', 'exact', 'ko')]
    """
    path = os.fspath(path)
    if len(query) > 1000:  # the limits module is only imported for a long query (fast path)
        from glossary.limits import current

        if len(query) > current().query_chars:
            raise _index_error(
                _("the query has {count} characters, more than the limit of {limit} (raise it with --limit query_chars=N)").format(
                    count=len(query), limit=current().query_chars
                )
            )
    code = _field_code(field)
    key = fold_key(query)
    con = _open(path)
    import zlib

    try:
        return _lookup(con, query, key, limit, code)
    except (sqlite3.DatabaseError, zlib.error, ValueError, KeyError, TypeError, IndexError) as exc:
        # A tampered row (a bad zlib blob, JSON that is not an entry) is damage, not a bug.
        raise _index_error(
            _("{path} is damaged ({reason}); run `glossary build` to rebuild it").format(path=path, reason=exc)
        ) from None
    finally:
        con.close()


#: Latin queries this short match only at the start of a form (no substring tier).
SHORT_QUERY = 2


def _lookup(con: sqlite3.Connection, query: str, key: str, limit: int, code: int | None) -> list[Hit]:
    if not key or limit < 1:
        return []
    searcher = _Searcher(con, code, limit)
    found: dict[int, tuple[str, int, float]] = {}
    computed: list[Hit] = []

    def take(kind: str, hits: list[tuple[int, int, float]]) -> None:
        for entry_id, field_code, score in hits:
            if len(found) + len(computed) >= limit:
                return
            found.setdefault(entry_id, (kind, field_code, score))

    # Each tier runs only while the hits so far do not fill the limit; after
    # an exact hit, longer forms that start with the query still help (兩會 ->
    # 兩會期間), but a substring search (the costly q-gram tier) does not.
    # Two Latin letters occur inside the romanized and pinyin forms of most
    # entries ("an" in "yang hoe", "yi jiu huan xin"): only forms that start
    # with them are answers; inside words they are noise.
    short_latin = key.isascii() and len(key.replace(" ", "")) <= SHORT_QUERY
    for kind, tier in (("exact", searcher.exact), ("prefix", searcher.prefix), ("substring", searcher.substring)):
        if kind == "substring" and short_latin:
            continue
        if len(found) < limit and not (kind == "substring" and "exact" in {k for k, _, _ in found.values()}):
            take(kind, tier(key, query))
    if not found:
        if code is None and _is_hanja(key):
            computed.append(computed_hit(key))
        take("fuzzy", searcher.fuzzy(key, query))
    entries = dict(
        con.execute("SELECT id, json FROM entries WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(found)),))
    )
    hits = [Hit(_unpack(entries[i]), kind, FIELDS[c], score) for i, (kind, c, score) in found.items()]
    return computed + hits


def computed_hit(hanzi: str) -> Hit:
    """The forms the tool computes for a hanja term that is in no entry.

    Imports OpenCC, hanja, pypinyin and CC-CEDICT: the only lookup path that
    does. The English is CC-CEDICT's, cleaned (:mod:`glossary.senses`).

    >>> computed_hit("經濟").entry["ko"], computed_hit("國務院").entry["en"]
    ('경제', ['State Council'])
    """
    from glossary import normalize, readings
    from glossary.dictionary import dictionary_renderings
    from glossary.export.jsondoc import _rendering_json

    trad, simp = normalize.to_traditional(hanzi), normalize.to_simplified(hanzi)
    korean = readings.korean_reading(trad)  # 習近平 -> 시진핑 beside the strict 습근평
    try:
        romanized = readings.romanize(korean.ko) if korean.ko else ""
    except (ImportError, ValueError):  # no romaniser installed: the other forms still answer
        romanized = ""
    english = dictionary_renderings(trad)
    entry = {
        "key": simp, "trad": trad, "simp": simp, "ja": "", "ko": korean.ko, "ko_hanja": korean.ko_hanja,
        "ko_romanized": romanized,
        "pinyin": readings.pinyin_reading(simp), "kana": "", "romaji": "", "en": [r.text for r in english],
        "renderings": [_rendering_json(r) for r in english],
        "renderings_other": [], "abbrev": [], "forms": [hanzi], "kind": "term", "status": "computed",
        "note": None, "curated": [], "sources": [],
        "occurrences": [], "in_glossary": False,
    }
    return Hit(entry, "computed", "trad" if hanzi == trad else "simp", 1.0)


# --- output ------------------------------------------------------------------

_STYLE = {"head": "1", "label": "2", "exact": "32", "prefix": "36", "substring": "36", "fuzzy": "33", "computed": "35"}
_LABEL_WIDTH = 6  # columns of the longest label: "pinyin", "abbrev"; 일본어 in Korean
_ENGLISH_SHOWN = 5  # renderings listed; dictionary senses can run to a dozen
_SEEN_SHOWN = 3  # places listed under "seen"; the rest are counted


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLE[style]}m{text}\x1b[0m" if color and text else text


def _width(text: str) -> int:
    """Terminal columns of ``text``: hangul and hanzi take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _more(count: int) -> str:
    return " " + _("(+{count} more)").format(count=f"{count:,}") if count > 0 else ""


def _names() -> dict[str, dict[str, str]]:
    """The words of the lookup block in the interface language, by what they name.

    Literal ``pgettext`` calls, so ``pybabel extract`` finds every word; the
    context tells apart the label "ko" (한글) from the field "ko".
    """
    return {
        "label": {
            "ko": pgettext("lookup label", "ko"), "hanja": pgettext("lookup label", "hanja"),
            "ko_alt": pgettext("lookup label", "ko alt"), "pinyin": pgettext("lookup label", "pinyin"),
            "ja": pgettext("lookup label", "ja"), "en": pgettext("lookup label", "en"),
            "abbrev": pgettext("lookup label", "abbrev"), "also": pgettext("lookup label", "also"),
            "note": pgettext("lookup label", "note"), "seen": pgettext("lookup label", "seen"),
        },
        "source": {
            "curated": pgettext("rendering source", "curated"), "context": pgettext("rendering source", "context"),
            "dictionary": pgettext("rendering source", "dictionary"), "literal": pgettext("rendering source", "literal"),
            "transcription": pgettext("rendering source", "transcription"),
            "reading": pgettext("rendering source", "reading"),
        },
        "kind": {
            "translation": pgettext("rendering kind", "translation"), "hangul": pgettext("rendering kind", "hangul"),
            "romanization": pgettext("rendering kind", "romanization"), "pinyin": pgettext("rendering kind", "pinyin"),
            "transcription": pgettext("rendering kind", "transcription"),
        },
        "match": {
            "exact": pgettext("match", "exact"), "prefix": pgettext("match", "prefix"),
            "substring": pgettext("match", "substring"), "fuzzy": pgettext("match", "fuzzy"),
        },
        "field": {
            "trad": pgettext("field", "trad"), "simp": pgettext("field", "simp"), "ja": pgettext("field", "ja"),
            "form": pgettext("field", "form"), "ko": pgettext("field", "ko"), "ko_hanja": pgettext("field", "ko_hanja"),
            "abbrev": pgettext("field", "abbrev"),
            "en": pgettext("field", "en"), "ko_romanized": pgettext("field", "ko_romanized"),
            "ko_mr": pgettext("field", "ko_mr"), "pinyin": pgettext("field", "pinyin"), "kana": pgettext("field", "kana"),
            "romaji": pgettext("field", "romaji"), "other": pgettext("field", "other"),
        },
    }


def _entry_lines(entry: dict[str, Any], names: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """(label, value) rows of an entry block, empty values left out."""
    def joined(*parts: str) -> str:
        return "  ".join(dict.fromkeys(p for p in parts if p))

    def source(r: dict[str, Any]) -> str:
        count = f" ×{r['count']:,}" if r.get("count", 0) > 1 else ""
        also = "".join(f", {names['source'].get(a, a)}" for a in r.get("also", ()))
        return f" [{names['source'].get(r['source'], r['source'])}{count}{also}]" if r["source"] else ""

    renderings = entry.get("renderings") or [{"text": t, "source": "", "count": 0} for t in entry.get("en", [])]
    english = "; ".join(r["text"] + source(r) for r in renderings[:_ENGLISH_SHOWN]) + _more(len(renderings) - _ENGLISH_SHOWN)
    # Korean: the preferred term with its source, the strict reading beside it
    # when it differs, then every other Korean rendering.
    ko, hanja = entry.get("ko", ""), entry.get("ko_hanja", "")
    korean = entry.get("ko_renderings") or []
    preferred = next((r for r in korean if fold_key(r["text"]) == fold_key(ko)), None) if ko else None
    ko_line = joined(ko + (source(preferred) if preferred else ""), entry.get("ko_romanized", ""))
    others = [
        r for r in korean
        if r is not preferred and not (r["source"] == "reading" and fold_key(r["text"]) == fold_key(hanja))
    ]
    ko_alt = "; ".join(r["text"] + source(r) for r in others[:_ENGLISH_SHOWN]) + _more(len(others) - _ENGLISH_SHOWN)
    shown = {fold_key(entry.get(name) or "") for name in ("trad", "simp", "ko", "ko_hanja", "ko_romanized", "pinyin")}
    shown.update(fold_key(r["text"]) for r in korean)
    other = "; ".join(
        f"{o['text']} [{names['kind'].get(o['kind'], o['kind'])}]"
        for o in entry.get("renderings_other", [])
        if o["kind"] != "translation" and fold_key(o["text"]) not in shown
    )
    places = [f"{o['source']} ({o['location']})" if o.get("location") else f"{o['source']}:{o['line']}"
              for o in entry.get("occurrences", [])]
    # the entry keeps a few places with a sentence; "count" is how often the texts use it
    seen = ", ".join(places[:_SEEN_SHOWN]) + _more(max(entry.get("count", 0), len(places)) - min(len(places), _SEEN_SHOWN))
    return [
        (names["label"][label], value)
        for label, value in (
            ("ko", ko_line),
            ("hanja", hanja if fold_key(hanja) != fold_key(ko) else ""),
            ("ko_alt", ko_alt),
            ("pinyin", entry.get("pinyin", "")),
            ("ja", joined(entry.get("ja", "") if entry.get("ja") not in (entry.get("trad"), entry.get("simp")) else "",
                          entry.get("kana", ""), entry.get("romaji", ""))),
            ("en", english),
            ("abbrev", ", ".join(entry.get("abbrev", []))),
            ("also", other),
            ("note", entry.get("note") or ""),
            ("seen", seen),
        )
        if value
    ]


def format_hits(hits: list[Hit], *, color: bool = False) -> str:
    """A compact block per hit: forms, readings, English with sources, where seen.

    Labels are aligned; ``color`` adds ANSI colours (the CLI asks for them only
    when standard output is a terminal). Labels and match names are in the
    interface language (:mod:`glossary.i18n`), padded by display width, since
    a hangul syllable takes two columns.

    >>> print(format_hits([Hit({"trad": "兩會", "simp": "两会", "ko": "양회", "en": ["Two Sessions"]}, "exact", "ko", 1.0)]))
    兩會 · 两会  exact ko
      ko      양회
      en      Two Sessions
    <BLANKLINE>
    """
    names = _names()
    blocks = []
    for hit in hits:
        entry = hit.entry
        head = " · ".join(dict.fromkeys(f for f in (entry.get("trad"), entry.get("simp")) if f)) or entry.get("key", "")
        if hit.match == "computed":
            how = _("computed: not in the glossary")
        else:
            # TRANSLATORS: how a lookup hit matched: "exact ko" = the hangul reading matched exactly.
            how = _("{match} {field}").format(
                match=names["match"].get(hit.match, hit.match), field=names["field"].get(hit.field, hit.field)
            )
        lines = [f"{_paint(head, 'head', color)}  {_paint(how, hit.match, color)}"]
        lines += [
            f"  {_paint(label + ' ' * (_LABEL_WIDTH - _width(label)), 'label', color)}  {value}"
            for label, value in _entry_lines(entry, names)
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
