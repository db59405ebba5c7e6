"""Read terms.yaml from disk: bytes within the limit, UTF-8, parsed, validated, one block per term.

In: the path of terms.yaml (and whether it must exist). Out: a
:class:`~glossary.termbase.records.Termbase` with the terms and the file's
SHA-256, or a :class:`~glossary.model.TermbaseError`. The pieces
(:func:`_read_bytes`, :func:`_decode`, :func:`_load_terms`,
:func:`_check_one_term_each`) are shared with the updater and the writer,
which read the file the same way ``build`` does.
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossary.i18n import _, os_reason
from glossary.model import Term, TermbaseError
from glossary.termbase.parse import _compose
from glossary.termbase.records import Termbase
from glossary.termbase.validate import _validate


def read_termbase(path: Path, *, required: bool = True) -> Termbase:
    """Read and validate a term base.

    A missing file is an error when ``required`` (the user named it), else an
    empty term base. Two blocks that are one term (兩會 and 两会) are an error
    naming both lines.

    >>> read_termbase(Path("no-such-terms.yaml"), required=False).terms
    ()
    """
    data = _read_bytes(path, required=required)
    if data is None:
        return Termbase(path=None)
    text = _decode(data, path)
    terms = _load_terms(text, path)
    return Termbase(path=path, terms=terms, sha256=hashlib.sha256(data).hexdigest())


def _read_bytes(path: Path, *, required: bool) -> bytes | None:
    """The bytes of terms.yaml; None when it is absent and not required."""
    from glossary.limits import current

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            kind = _("a folder") if stat.S_ISDIR(st.st_mode) else _("not a regular file")
            raise TermbaseError(_("{path}: cannot read: {reason}").format(path=path, reason=kind))
        limit = current().termbase_bytes
        if st.st_size > limit:
            raise TermbaseError(
                _("{path}: {size} bytes, more than the limit of {limit} (raise it with --limit termbase_bytes=N)").format(
                    path=path, size=st.st_size, limit=limit
                )
            )
        with open(path, "rb") as fh:
            return fh.read(limit + 1)
    except FileNotFoundError:
        if os.path.islink(path):
            raise TermbaseError(_("{path}: a symbolic link to nothing").format(path=path)) from None
        if required:
            raise TermbaseError(_("{path}: no such file").format(path=path)) from None
        return None
    except OSError as exc:
        raise TermbaseError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from None


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TermbaseError(_("{path}: not UTF-8 text (byte {offset})").format(path=path, offset=exc.start)) from None


def _load_terms(text: str, path: Path, reuse: dict[int, tuple[int, Term]] | None = None) -> tuple[Term, ...]:
    """Parse, validate and check that no two blocks are one term.

    ``reuse`` (the writer's check of an update) maps the 0-based key line of
    each block the update left as it was to the 0-based line its value must
    end on and its term as read from the old file. The whole text is still
    parsed by libyaml, so the structure of the file is checked end to end;
    a reused block is not built into nodes and validated again, but must
    sit where it did (its key on that line, its value ending on that line,
    its bytes unchanged, which the caller ensures); it then reads back as it
    did. Why: rebuilding and validating 50,000 unchanged blocks was most
    of an update's time and memory.
    """
    terms = BlockTerms(path, reuse)
    with _no_gc():
        root = _compose(text, path, reuse, each=terms)
        return _check_one_term_each(terms.finish(root), path)


class BlockTerms:
    """Turns the top-level blocks :func:`~glossary.termbase.parse._compose` hands over into terms, one by one.

    Each block's plain data is built, validated and dropped in turn, so
    neither the nodes nor the data of the whole file sit in memory.
    """

    def __init__(self, path: Path, reuse: dict[int, tuple[int, Term]] | None = None) -> None:
        self.path, self.reuse = path, reuse
        self.terms: list[Term] = []
        self.lines: dict[Any, int] = {}  # key -> 0-based line, for duplicate keys

    def __call__(self, key_node: Any, value: Any) -> None:
        from dataclasses import replace

        from glossary.termbase.parse import REUSED, _data, _Node

        path = self.path
        if key_node.kind == "scalar" and key_node.value in self.lines:
            raise TermbaseError(
                _("{path}:{line}: duplicate key {key} (first at line {first})").format(
                    path=path, line=key_node.line + 1, key=key_node.value, first=self.lines[key_node.value] + 1
                )
            )
        reuse = self.reuse
        if reuse is not None and (value.value is REUSED or (key_node.kind == "scalar" and key_node.line in reuse)):
            last, term = reuse[key_node.line]
            if value.value is not REUSED or value.last != last or key_node.value != term.key:
                raise TermbaseError(
                    _("{path}:{line}: {key}: the block would not read back as it was").format(
                        path=path, line=key_node.line + 1, key=term.key
                    )
                )
            self.terms.append(term if term.line == key_node.line + 1 else replace(term, line=key_node.line + 1))
        else:
            one = _Node("map", [(key_node, value)], key_node.line, key_node.column, value.last)
            self.terms.extend(_validate(_data(one, path), path))
        if key_node.kind == "scalar":
            self.lines[key_node.value] = key_node.line

    def finish(self, root: Any) -> tuple[Term, ...]:
        """All the terms, once :func:`_compose` has returned ``root`` (what it kept: not a mapping, or nothing)."""
        from glossary.termbase.parse import _data

        if root is None or root.kind != "map":
            return tuple(_validate(None if root is None else _data(root, self.path), self.path))
        return tuple(self.terms)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    A term base is a million small objects and no cycles: the collector, run
    again and again as they pile up, costs more than the parse itself (50,000
    blocks: 9 s instead of 3).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _check_one_term_each(terms: tuple[Term, ...], path: Path) -> tuple[Term, ...]:
    first: dict[str, Term] = {}
    for term in terms:
        key = _merge_key(term.simp or term.key)
        if key in first:
            other = first[key]
            raise TermbaseError(
                _("{path}:{line}: {key} is the same term as {other} (line {first}); merge the two blocks into one").format(
                    path=path, line=term.line, key=term.key, other=other.key, first=other.line
                )
            )
        first[key] = term
    return terms


@lru_cache(maxsize=262144)
def _merge_key(key: str) -> str:
    """The normalize module's merge key, memoised: an update checks every key twice."""
    from glossary.normalize import merge_key

    return merge_key(key)
