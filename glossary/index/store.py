"""The index file's freshness record and its opening: inputs -> signature at build, file -> checked connection at lookup.

At build: the size, mtime and hash of every input (``_input_signature``) and
the listing of every input folder (``_folder_listings``), stored in ``meta``.
At lookup: ``_open`` opens the index read-only and raises
:class:`glossary.model.LookupIndexError` (one line saying what to do) when it
is missing, of another schema, damaged, or stale (an input changed, a text
appeared in or left a folder). Standard library only, as the rest of the
lookup path: only stat() unless a file's size or mtime changed.
"""

from __future__ import annotations

import json
import os

from glossary.i18n import _
from glossary.index.records import SCHEMA_VERSION

try:  # the C module alone: the sqlite3 package also imports datetime for adapters we never use
    import _sqlite3 as sqlite3
except ImportError:  # pragma: no cover - every CPython build with sqlite3 has it
    import sqlite3

# typing and dataclasses (which imports inspect) cost more than a whole lookup,
# so they are only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import Any


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


def _listing(folder: str, extensions: Iterable[str]) -> list[str]:
    """The text files under ``folder`` as the build walks it: sorted, no hidden names, each real folder once,
    no folder a build wrote.

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
                    if not os.path.isfile(os.path.join(child.path, "glossary.sqlite")):  # sources.BUILD_INDEX
                        todo.append(child.path)
                elif os.path.splitext(child.name)[1].lower() in wanted and child.is_file():
                    found.append(os.path.relpath(child.path, folder))
            except OSError:
                continue
    return sorted(found)


def _folder_listings(folders: Iterable[str], extensions: Iterable[str]) -> list[dict[str, Any]]:
    extensions = tuple(extensions)
    return [
        {"path": f, "abspath": os.path.abspath(f), "extensions": list(extensions), "files": _listing(f, extensions)}
        for f in sorted(set(folders))
    ]


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
