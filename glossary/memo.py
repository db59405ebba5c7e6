"""Results kept across builds: readings and glosses computed once per term, occurrences once per file, per version.

Input: a pure function of one term (``hangul_reading``, ``kana_reading``,
``literal_rendering``...) marked with :func:`persistent`, and, while a build
runs, a cache file opened with :func:`cache_file` (``out/.glossary-cache.sqlite``).
Output: the function's result, from the file when this version of the tool
already computed it for that term, else computed and added to the file.

Why: a build spends most of its time on per-term work (pykakasi, ko-pron,
pypinyin, the CC-CEDICT literal gloss), and a glossary is rebuilt again and
again over a corpus that grows by a few texts. The key of every result is
the function, the term and a version: a hash of the package's code, its
data files and the versions of the libraries that compute readings, so a
new release, a changed dictionary or an edited override table starts a
fresh cache. Outside :func:`cache_file` a marked function is only its
in-process memo. Values are stored as JSON (no pickle: the file is data).

The same file keeps each text's extraction (:func:`stored_file`,
:func:`keep_file`; encoded by :mod:`glossary.pipeline`), keyed by its path and
a digest of its bytes: a rebuild reads again only the texts that changed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache, wraps
from pathlib import Path
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Libraries whose version changes a reading, or what a document reads as (a file's kept occurrences).
_LIBRARIES = ("opencc", "pykakasi", "pypinyin", "ko-pron", "hanja", "pypdfium2", "lxml", "charset-normalizer")
_SCHEMA = "CREATE TABLE IF NOT EXISTS memo (fn TEXT, arg TEXT, value TEXT, PRIMARY KEY (fn, arg)) WITHOUT ROWID"
#: One file's extraction (:func:`stored_file`): a row per path, replaced when the file's bytes change.
_FILES_SCHEMA = "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, digest TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID"

# While a build runs: "con" (the cache file, or None), "pending" (new (fn, arg, value) rows), "seen"
# (hashes of the (fn, arg) computed in this build), "spill" (a temporary file of earlier new rows, or None),
# "stored" (the file's results by function, read on first use: :func:`_stored`), "files" (new
# (path, digest, value) rows of :func:`keep_file`, held only when the spill file cannot be written).
_active: dict[str, Any] = {}
# The build's writers run in threads of their own (glossary.fanout), and call marked functions
# (a Korean term's reading, the index's romanisation): the connections are opened with
# check_same_thread=False. Safe: fan_out runs one thread at a time, so no two use a connection at once.
#: New results kept in memory before they go to the spill file: memory stays flat in the number of terms.
_SPILL_ROWS = 4096


@cache
def version() -> str:
    """Hash of everything a per-term result depends on: code, data, library versions.

    >>> len(version())
    16
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.rglob("*.py"), *(package / "data").glob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            # The compiled dictionaries carry their sources' hashes: read those, not 12 MB.
            if path.name == "dictionaries.sqlite":
                from glossary import datastore

                digest.update(json.dumps(datastore.meta(), sort_keys=True).encode())
            else:
                digest.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name}={installed(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    return digest.hexdigest()[:16]


#: The records of glossary.model a cached result may hold, by class name.
_RECORDS = ("Rendering", "KoreanReading")


# A tuple of strings (a kana reading and its romaji) is stored as its parts joined by a separator
# no reading holds; any other value as tagged JSON.
_PARTS = "\x1f"


def _encode(value: Any) -> str:
    if isinstance(value, str):
        return "s" + value  # most results are one string: no JSON
    if (isinstance(value, tuple) and value and all(isinstance(v, str) and _PARTS not in v for v in value)):
        return "t" + _PARTS.join(value)
    tag, encode = _json_encoder()
    return "j" + encode(tag(value))


@cache
def _json_encoder() -> tuple[Callable[[Any], Any], Callable[[Any], str]]:
    """The tagging of :func:`_encode` (records and tuples as one-key objects) and the JSON encoder, built once.

    Why once: a cold build encodes some 60,000 values; looking up the record
    classes and their fields on every call was a third of the time.
    """
    from glossary import model
    from glossary.jsonenc import encoder

    fields = {getattr(model, name): (name, tuple(getattr(model, name).__dataclass_fields__)) for name in _RECORDS}

    def tag(v: Any) -> Any:
        record = fields.get(type(v))
        if record is not None:
            name, names = record
            return {name: {f: tag(getattr(v, f)) for f in names}}
        if isinstance(v, tuple):
            return {"tuple": [tag(x) for x in v]}
        return v

    return tag, encoder(",", ":")


def _decode(text: str) -> Any:
    kind = text[:1]
    if kind == "s":
        return text[1:]
    if kind == "t":
        return tuple(text[1:].split(_PARTS))
    return _json_decoder()(text[1:])


@cache
def _json_decoder() -> Callable[[str], Any]:
    """json.loads turning the tags of :func:`_encode` back into tuples and records as it reads (innermost first)."""
    from glossary import model

    records = {name: getattr(model, name) for name in _RECORDS}

    def untag(obj: dict[str, Any]) -> Any:
        if len(obj) == 1:
            (name, inner), = obj.items()
            if name == "tuple":
                return tuple(inner)
            record = records.get(name)
            if record is not None and isinstance(inner, dict):
                return record(**inner)
        return obj

    return json.JSONDecoder(object_hook=untag).decode


def persistent(func: F) -> F:
    """Mark a pure function (arguments and result: strings, numbers, tuples, renderings) as kept in the build's cache.

    Put it above an in-process memo (``lru_cache``), so that a result the
    memo already holds still reaches the cache file.

    >>> @persistent
    ... def shout(text: str) -> str:
    ...     return text.upper()
    >>> shout("two sessions")
    'TWO SESSIONS'
    """
    name = f"{func.__module__}.{func.__qualname__}"

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        pending = _active.get("pending")
        if pending is None or _active["pid"] != os.getpid():  # none open, or a forked worker: not ours
            return func(*args, **kwargs)
        if not kwargs and len(args) == 1 and isinstance(args[0], str):
            key = args[0]  # the usual call: one term
        else:
            from glossary.jsonenc import encoder

            key = encoder(",", ":")([args, kwargs] if kwargs else args)
        seen = _active["seen"]
        mark = hash((name, key))
        if mark in seen:
            return func(*args, **kwargs)  # computed earlier in this build: the memo under it has it
        stored = _stored(name)
        if stored is not None:
            found = stored.get(key)
            if found is not None:
                return _decode(found)
        value = func(*args, **kwargs)
        seen.add(mark)
        pending.append((name, key, _encode(value)))
        if len(pending) >= _SPILL_ROWS:
            _spill()
        return value

    if hasattr(func, "cache_clear"):  # an in-process memo under it
        wrapper.cache_clear = func.cache_clear  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


@contextmanager
def cache_file(folder: os.PathLike[str] | str) -> Iterator[None]:
    """Keep the marked functions' results in ``folder/.glossary-cache.sqlite`` while the block runs.

    A cache of another version, or a damaged one, is replaced. New results are written when the
    block ends without an error (the folder is created then, not before: a
    failed build leaves nothing behind); a cache that cannot be read or
    written is left alone, and the build only runs slower.
    """
    import sqlite3

    path = cache_path(folder)
    con = None
    if path.is_file():
        try:
            con = sqlite3.connect(path, check_same_thread=False)
            found = con.execute("SELECT version FROM meta").fetchone()
            if found is None or found[0] != version():
                con.close()
                con = None
                path.unlink()
        except (OSError, sqlite3.Error):  # damaged: start a new one
            if con is not None:
                con.close()
            con = None
            try:
                path.unlink()
            except OSError:
                pass
    _active.update(con=con, pending=[], seen=set(), spill=None, stored={}, files=[], pid=os.getpid(), path=path)
    try:
        yield
        commit()
    finally:
        spill = _active.get("spill")
        con = _active.get("con")
        _active.clear()
        if con is not None:
            con.close()
        if spill is not None:
            spill[1].close()
            try:
                os.unlink(spill[0])
            except OSError:
                pass


def commit() -> None:
    """Write the new results of the open cache file now (:func:`cache_file` writes the rest when it ends).

    The build calls it once its outputs are written, before the cache is
    carried into the new output set (:func:`glossary.build.write_build`).
    Outside :func:`cache_file`, or after :func:`drop_new`, it does nothing;
    a cache that cannot be written is left alone.

    >>> commit()
    """
    import sqlite3

    if not _active or _active.get("dropped"):
        return
    pending, spill, files = _active["pending"], _active["spill"], _active["files"]
    if not (pending or spill or files):
        return
    con, path = _active["con"], _active["path"]
    try:
        if con is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            con = _active["con"] = sqlite3.connect(path, check_same_thread=False)
            con.executescript(_SCHEMA + "; CREATE TABLE IF NOT EXISTS meta (version TEXT);")
            con.execute("DELETE FROM meta")
            con.execute("INSERT INTO meta VALUES (?)", (version(),))
        if spill is not None:
            spill[1].close()
            con.execute("ATTACH DATABASE ? AS spill", (spill[0],))
            con.execute("INSERT OR REPLACE INTO memo SELECT fn, arg, value FROM spill.memo")
            con.execute(_FILES_SCHEMA)
            con.execute("INSERT OR REPLACE INTO files SELECT path, digest, value FROM spill.files")
            con.commit()
            con.execute("DETACH DATABASE spill")
            try:
                os.unlink(spill[0])
            except OSError:
                pass
            _active["spill"] = None
        con.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?)", pending)
        con.execute(_FILES_SCHEMA)
        con.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", files)
        con.commit()
        pending.clear()
        files.clear()
    except (OSError, sqlite3.Error):
        pass


def _stored(name: str) -> dict[str, str] | None:
    """The cache file's results of one function, term -> encoded value, read whole on its first lookup.

    Why: a build looks up every term of its corpus, and a cache file holds the
    terms of the builds before it, mostly the same: one scan per function
    reads them in a few milliseconds where one query per term took 16 us each
    (most of a warm build's merge). Kept while the build runs; the encoded
    values are small (6 MB at 20k terms) and decoded only when asked for.
    """
    tables = _active["stored"]
    if name not in tables:
        con = _active.get("con")
        rows: dict[str, str] | None = None
        if con is not None:
            import sqlite3

            try:
                rows = dict(con.execute("SELECT arg, value FROM memo WHERE fn = ?", (name,)))
            except sqlite3.Error:  # damaged: the build only runs slower
                rows = None
        tables[name] = rows
    return tables[name]


def caching() -> bool:
    """Whether a :func:`cache_file` block is open in this process (not in a worker forked from it).

    >>> caching()
    False
    """
    return _active.get("pending") is not None and _active["pid"] == os.getpid()


def drop_new() -> None:
    """Keep nothing new of this build: the :func:`cache_file` block ends without writing (a build that writes nothing).

    >>> drop_new()
    """
    if caching():
        _active["dropped"] = True


def _own_con():  # noqa: ANN202 - sqlite3 is imported on use
    """The cache file's connection, if one is open and this process opened it (not a forked worker)."""
    con = _active.get("con")
    return con if con is not None and _active["pid"] == os.getpid() else None


def file_digests() -> dict[str, str]:
    """Path -> digest of every file whose extraction the cache keeps (empty when no cache is open, or in a worker).

    >>> file_digests()
    {}
    """
    con = _own_con()
    if con is None:
        return {}
    import sqlite3

    try:
        return dict(con.execute("SELECT path, digest FROM files"))
    except sqlite3.Error:  # no such table yet, or damaged: every file is extracted
        return {}


def stored_file(path: str, digest: str) -> str | None:
    """The kept extraction of the file at ``path`` whose bytes have ``digest``, or None.

    Why: a glossary is rebuilt again and again over the same texts (a term
    base edited, a text added), and extraction, PDF and Word reading
    included, is most of the work of a corpus; a file whose bytes, path and
    version of the tool are unchanged gives the same occurrences. The value
    is what :func:`keep_file` was given.
    """
    con = _own_con()
    if con is None:
        return None
    import sqlite3

    try:
        row = con.execute("SELECT value FROM files WHERE path = ? AND digest = ?", (path, digest)).fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def keep_file(path: str, digest: str, value: str) -> None:
    """Keep a file's extraction for the next build (written with the rest when the build's block ends).

    A no-op when no cache is open, or in a forked worker.
    """
    if not caching():
        return
    import sqlite3

    try:  # to the spill file at once: a file's lines are megabytes, not to be held until the build ends
        spill = _spill_file()
        spill.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", (path, digest, value))
        spill.commit()
    except (OSError, sqlite3.Error):
        _active["files"].append((path, digest, value))  # held instead: the cache only costs memory


def _spill_file():  # noqa: ANN202 - sqlite3 is imported on use
    """This build's spill file (a temporary SQLite file of new rows), created on first use."""
    import sqlite3
    import tempfile

    if _active["spill"] is None:
        fd, name = tempfile.mkstemp(prefix="glossary-memo-", suffix=".sqlite")
        os.close(fd)
        spill = sqlite3.connect(name, check_same_thread=False)
        spill.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; " + _SCHEMA + "; " + _FILES_SCHEMA)
        _active["spill"] = (name, spill)
    return _active["spill"][1]


def _spill() -> None:
    """Move the new results held in memory to this build's spill file."""
    import sqlite3

    try:
        spill = _spill_file()
        spill.executemany("INSERT OR REPLACE INTO memo VALUES (?, ?, ?)", _active["pending"])
        spill.commit()
    except (OSError, sqlite3.Error):
        return  # keep them in memory: the cache only runs slower
    _active["pending"] = []


def cache_path(folder: os.PathLike[str] | str) -> Path:
    """Where :func:`cache_file` keeps the cache of an output folder.

    >>> cache_path("out").as_posix()
    'out/.glossary-cache.sqlite'
    """
    return Path(folder) / ".glossary-cache.sqlite"
