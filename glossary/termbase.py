"""Read, validate and update ``terms.yaml``, the curated term base.

Input: the path of ``terms.yaml``. Output: a :class:`Termbase` of
:class:`~glossary.model.Term` records, or a :class:`~glossary.model.TermbaseError`
naming file, line and what is wrong.

Updating (``extract --add``, ``import``) never rewrites the user's text: the
file is parsed to find where each block and each tool-maintained field sits
(a multi-line quoted or block scalar is one unit), and only those lines are
replaced or new blocks inserted. Every other line -- comments, curated
fields, order, spacing, CRLF line endings, a byte-order mark -- stays byte
for byte. :func:`write_termbase` is the one way the file is written: it parses
the new text back, validates it as ``build`` would, checks that every user
line and every curated field survived, and only then replaces the file
atomically, under a lock, so two runs cannot interleave.

Hand-written because no YAML library round-trips a file byte for byte (ruamel's
round-trip mode re-indents and re-quotes), and a loader would build objects for
tags and expand aliases; the parser here reads libyaml's event stream.
"""

from __future__ import annotations

import codecs
import difflib
import gc
import hashlib
import os
import re
import stat
from collections import namedtuple
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossary.i18n import N_, _, os_reason
from glossary.model import STATUSES, Entry, Rendering, Term, TermbaseError

#: Fields a person writes. A value here overrides what the tool computes.
CURATED_FIELDS = ("en", "en_alt", "ko", "ko_alt", "simp", "ja", "pinyin", "abbrev", "note", "status")
#: Fields the tool keeps up to date from the texts; they are rewritten by ``extract --add``.
TOOL_FIELDS = ("seen", "count", "sources")
_STRING_FIELDS = {"en", "ko", "simp", "ja", "pinyin", "abbrev", "note", "status"}

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KEY_CHARS = re.compile(
    r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff1c\uff1e-\uff20\uff3b-\uff40\uff5b-\uff65\u00b7\u30fb、· \t\-:：]+$"
)


@dataclass(frozen=True, slots=True)
class Termbase:
    """The curated terms, and where they came from."""

    path: Path | None
    terms: tuple[Term, ...] = ()
    sha256: str | None = None

    def by_key(self) -> dict[str, Term]:
        """Terms by merge key (the simplified form)."""
        from glossary.normalize import merge_key

        return {merge_key(t.simp or t.key): t for t in self.terms}


@dataclass
class AddReport:
    """What an update of ``terms.yaml`` did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    diff: str = ""


def is_cjk_key(key: str) -> bool:
    """True when ``key`` is a CJK term: Han characters, maybe with CJK punctuation.

    >>> is_cjk_key("兩會"), is_cjk_key("Two Sessions")
    (True, False)
    """
    return bool(_HAN.search(key)) and bool(_KEY_CHARS.match(key))


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


def _load_terms(text: str, path: Path) -> tuple[Term, ...]:
    """Parse, validate and check that no two blocks are one term."""
    with _no_gc():
        return _check_one_term_each(tuple(_validate(_parse(text, path), path)), path)


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


# --- parsing ------------------------------------------------------------------
#
# terms.yaml is parsed from the event stream of libyaml (PyYAML's C parser),
# not by a YAML loader: a loader would build Python objects for tags
# (``!!python/...``), expand aliases (an alias bomb), recurse as deep as the
# input nests (a crash), and forget where each value sits. Here only plain
# data is accepted, nesting is bounded, and every node keeps its first and
# last line, which the writer needs to replace a field without touching its
# neighbours (a quoted note running over three lines is one unit). Plain
# scalars are resolved by the YAML 1.2 core schema: ``no`` is text, ``3`` a
# number.

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")
_TAG = "tag:yaml.org,2002:"
#: First characters of plain scalars that may be something other than text.
_MAYBE_NOT_TEXT = frozenset("0123456789+-.~nNtTfF")


class _Lines:
    """Where each key of a mapping sits, as ruamel's ``lc``: ``key(name) -> (line, column)``, 0-based."""

    __slots__ = ("where",)

    def __init__(self) -> None:
        self.where: dict[Any, tuple[int, int]] = {}

    def key(self, name: Any) -> tuple[int, int]:
        return self.where[name]


class _Map(dict):
    """A mapping read from terms.yaml, with the line of each key in ``lc``."""

    __slots__ = ("lc",)


@dataclass(slots=True)
class _Node:
    """One node of the document: its value and the lines it spans (0-based, inclusive)."""

    kind: str  # "scalar", "seq" or "map"
    value: Any  # scalar: the Python value; seq: [_Node]; map: [(_Node, _Node)]
    line: int
    column: int
    last: int
    flow: bool = False
    pending: Any = None  # a map's key waiting for its value


class _Scalar(namedtuple("_Scalar", "value line column last")):
    """A scalar node: its value and the lines it spans (a tuple: a term base has a million of them)."""

    __slots__ = ()
    kind = "scalar"
    flow = False


_new_scalar = tuple.__new__


def _parse(text: str, path: Path) -> _Map | None:
    """The document as plain Python data (``_Map``, list, str, int...), or None when empty."""
    root = _compose(text, path)
    return None if root is None else _data(root, path)


def _compose(text: str, path: Path) -> _Node | None:
    import yaml

    from glossary.limits import current

    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    depth_limit = current().yaml_depth
    stack: list[_Node] = []
    root: _Node | None = None
    scalar_event, end_events = yaml.ScalarEvent, (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    starts = {yaml.SequenceStartEvent: "seq", yaml.MappingStartEvent: "map"}
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is scalar_event:  # the common case first
                start, end = event.start_mark, event.end_mark
                line = start.line
                last = end.line if end.column > 0 or end.line == line else end.line - 1
                value = event.value
                if event.tag is not None or (not event.style and (not value or value[0] in _MAYBE_NOT_TEXT)):
                    value = _scalar_value(event, path)
                if last < line:
                    last = line
                node = _new_scalar(_Scalar, (value, line, start.column, last))
                if stack:  # attach to the parent (inlined: this runs once per scalar)
                    parent = stack[-1]
                    if parent.kind == "seq":
                        parent.value.append(node)
                    elif parent.pending is None:
                        parent.pending = node
                    else:
                        parent.value.append((parent.pending, node))
                        parent.pending = None
                    if last > parent.last:
                        parent.last = last
                elif root is None:
                    root = node
                continue
            if kind in end_events:
                node = stack.pop()
                if node.flow:
                    node.last = max(node.last, event.end_mark.line)
                if stack and node.last > stack[-1].last:
                    stack[-1].last = node.last
                continue
            if kind in starts:
                line = event.start_mark.line
                name = starts[kind]
                if event.tag not in (None, "!", _TAG + name):
                    raise _tag_error(event.tag, path, line)
                node = _Node(name, [], line, event.start_mark.column, line, flow=bool(event.flow_style))
                if len(stack) >= depth_limit:
                    raise TermbaseError(
                        _("{path}:{line}: nested more than {limit} levels deep").format(
                            path=path, line=line + 1, limit=depth_limit
                        )
                    )
                if stack:
                    _attach(stack[-1], node)
                elif root is None:
                    root = node
                stack.append(node)
                continue
            if event is None or kind is yaml.StreamEndEvent:
                break
            if kind is yaml.AliasEvent:
                raise TermbaseError(
                    _("{path}:{line}: alias *{name}: aliases are not allowed in the term base; write the value out").format(
                        path=path, line=event.start_mark.line + 1, name=event.anchor
                    )
                )
            if kind is yaml.DocumentStartEvent and root is not None:
                raise TermbaseError(
                    _("{path}:{line}: a second YAML document (---); the term base is one document").format(
                        path=path, line=event.start_mark.line + 1
                    )
                )
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc).splitlines()[0]
        if mark is not None:
            raise TermbaseError(
                _("{path}:{line}: YAML syntax error: {problem}").format(path=path, line=mark.line + 1, problem=problem)
            ) from None
        raise TermbaseError(_("{path}: YAML error: {problem}").format(path=path, problem=problem)) from None
    finally:
        loader.dispose()
    return root


def _attach(parent: _Node, node: _Node) -> None:
    if parent.kind == "seq":
        parent.value.append(node)
    elif parent.pending is None:
        parent.pending = node
    else:
        parent.value.append((parent.pending, node))
        parent.pending = None
    if node.last > parent.last:  # a block collection ends on the last line of its last child
        parent.last = node.last


def _tag_error(tag: str, path: Path, line: int) -> TermbaseError:
    shown = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag
    return TermbaseError(
        _("{path}:{line}: tag {tag}: tags are not allowed in the term base; write plain text, numbers and lists").format(
            path=path, line=line + 1, tag=shown
        )
    )


def _scalar_value(event: Any, path: Path) -> Any:
    """The value of a scalar: text, unless plain and a YAML 1.2 null, bool, int or float."""
    value, tag = event.value, event.tag
    if tag in (None, "!"):
        if event.style or tag == "!":  # quoted or block: text (plain is None, or "" from libyaml)
            return value
        tag = _resolve(value)
        if tag == _TAG + "str":
            return value
    name = tag[len(_TAG):] if tag.startswith(_TAG) else None
    try:
        if name == "str":
            return value
        if name == "null" and _NULL.match(value):
            return None
        if name == "bool" and value in _BOOL:
            return _BOOL[value]
        if name == "int" and _INT.match(value):
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if name == "float" and _FLOAT.match(value):
            return float(value.replace(".inf", "inf").replace(".Inf", "inf").replace(".INF", "inf").replace(".nan", "nan").replace(".NaN", "nan").replace(".NAN", "nan"))
    except ValueError:
        pass
    raise _tag_error(tag, path, event.start_mark.line)


def _resolve(value: str) -> str:
    """The YAML 1.2 core-schema tag of a plain scalar.

    >>> _resolve("no"), _resolve("3"), _resolve("~"), _resolve("1.5e3")
    ('tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:float')
    """
    if _NULL.match(value):
        return _TAG + "null"
    if value in _BOOL:
        return _TAG + "bool"
    if _INT.match(value):
        return _TAG + "int"
    if _FLOAT.match(value):
        return _TAG + "float"
    return _TAG + "str"


def _data(node: _Node, path: Path) -> Any:
    """Plain Python data of a node; mappings keep their keys' lines; duplicate keys are an error."""
    if node.kind == "scalar":
        return node.value
    if node.kind == "seq":
        return [_data(child, path) for child in node.value]
    out = _Map()
    out.lc = _Lines()
    for key_node, value_node in node.value:
        if key_node.kind != "scalar":
            raise TermbaseError(
                _("{path}:{line}: a key must be text, not a list or mapping").format(path=path, line=key_node.line + 1)
            )
        key = key_node.value
        if key in out:
            first = out.lc.key(key)[0] + 1
            raise TermbaseError(
                _("{path}:{line}: duplicate key {key} (first at line {first})").format(
                    path=path, line=key_node.line + 1, key=key, first=first
                )
            )
        out[key] = _data(value_node, path)
        out.lc.where[key] = (key_node.line, key_node.column)
    return out


def _validate(data: Any, path: Path) -> Iterator[Term]:
    if data is None:
        return
    if not isinstance(data, _Map):
        raise TermbaseError(_("{path}:1: the term base must be a mapping of terms, one block per term").format(path=path))
    for key, value in data.items():
        line = data.lc.key(key)[0] + 1
        if not isinstance(key, str) or not is_cjk_key(key):
            raise TermbaseError(
                _("{path}:{line}: key {key!r} is not a CJK term (key each block by its traditional form)").format(
                    path=path, line=line, key=key
                )
            )
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise TermbaseError(
                _("{path}:{line}: {key}: expected a mapping of fields, got {got}").format(
                    path=path, line=line, key=key, got=_type(value)
                )
            )
        yield _term(key, value, line, path)


def _type(value: Any) -> str:
    """How a YAML value reads in a message."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    for kind, name in ((str, N_("text")), (int, N_("a number")), (float, N_("a number")), (list, N_("a list")), (dict, N_("a mapping"))):
        if isinstance(value, kind):
            return _(name)
    return type(value).__name__


def _field_line(value: Any, name: str, default: int) -> int:
    try:
        return value.lc.key(name)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return default


def _term(key: str, value: dict[str, Any], line: int, path: Path) -> Term:
    known = set(CURATED_FIELDS) | set(TOOL_FIELDS)
    for name in value:
        if name not in known:
            where = _field_line(value, name, line)
            hint = difflib.get_close_matches(str(name), sorted(known), n=1)
            if hint:
                message = _("{path}:{line}: {key}: unknown field {name!r} (did you mean {hint!r}?)")
            else:
                message = _("{path}:{line}: {key}: unknown field {name!r}")
            raise TermbaseError(message.format(path=path, line=where, key=key, name=name, hint=hint[0] if hint else ""))

    def fail(name: str, expected: str) -> TermbaseError:
        where = _field_line(value, name, line)
        return TermbaseError(
            _("{path}:{line}: {key}: {name} must be {expected}, got {got}").format(
                path=path, line=where, key=key, name=name, expected=_(expected), got=_type(value[name])
            )
        )

    fields: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        if name in value and value[name] is not None:
            if not isinstance(value[name], str) or isinstance(value[name], bool):
                raise fail(name, N_("text"))
            fields[name] = value[name].strip()
    if "status" in fields and fields["status"] not in STATUSES:
        where = _field_line(value, "status", line)
        raise TermbaseError(
            _("{path}:{line}: {key}: status must be one of {choices}, got {got!r}").format(
                path=path, line=where, key=key, choices=", ".join(STATUSES), got=fields["status"]
            )
        )
    for name in ("en_alt", "ko_alt"):
        alternatives = value.get(name)
        if alternatives is not None:
            if isinstance(alternatives, str):
                alternatives = [alternatives]
            if not isinstance(alternatives, list) or not all(isinstance(x, str) for x in alternatives):
                raise fail(name, N_("a list of text"))
            fields[name] = tuple(x.strip() for x in alternatives if x.strip())
    for name in ("ko", "ko_alt"):
        for text in (fields.get(name) or ()) if name == "ko_alt" else [fields.get("ko") or ""]:
            if text and not _HANGUL.search(text):
                where = _field_line(value, name, line)
                raise TermbaseError(
                    _("{path}:{line}: {key}: {name} must be Korean (hangul), got {got!r}").format(
                        path=path, line=where, key=key, name=name, got=text
                    )
                )
    seen = value.get("seen")
    if seen is not None:
        if not isinstance(seen, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in seen.items()):
            raise fail("seen", N_("a mapping of rendering: count"))
        fields["seen"] = tuple(Rendering(k, "context", count=v) for k, v in seen.items())
    if value.get("count") is not None:
        if not isinstance(value["count"], int) or isinstance(value["count"], bool):
            raise fail("count", N_("a whole number"))
        fields["count"] = value["count"]
    sources = value.get("sources")
    if sources is not None:
        if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
            raise fail("sources", N_("a list of paths"))
        fields["sources"] = tuple(sources)
    if "ko" in fields and not fields["ko"]:
        del fields["ko"]
    return Term(key=key, line=line, **fields)


# --- updating -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermUpdate:
    """What the tool found for one term: fields it may write into ``terms.yaml``.

    ``seen``, ``count`` and ``sources`` are tool-maintained and refreshed on
    existing entries; the curated fields (``en``, ``en_alt``, ``ko``,
    ``abbrev``, ``note``) are only written into a new entry, or into an
    existing entry that lacks them when ``fill_missing`` is set (``import``).
    """

    key: str  # traditional form
    seen: tuple[Rendering, ...] = ()
    count: int = 0
    sources: tuple[str, ...] = ()
    en: str | None = None
    en_alt: tuple[str, ...] = ()
    ko: str | None = None
    ko_alt: tuple[str, ...] = ()
    abbrev: str | None = None
    note: str | None = None


def update_termbase(
    path: Path,
    updates: Iterable[TermUpdate],
    *,
    dry_run: bool = False,
    fill_missing: bool = False,
    tool_fields: bool = True,
) -> AddReport:
    """Add new terms as candidates and refresh tool-maintained fields on known ones.

    Never changes a curated field, a comment or the order of blocks; rejected
    terms are left alone. Running it twice with the same updates changes
    nothing the second time. With ``fill_missing`` (``import``), curated
    fields an existing block lacks are filled in; with ``tool_fields=False``
    the ``seen``/``count``/``sources`` of existing blocks are kept as they are.
    Every change goes through :func:`write_termbase`, which checks the result
    before anything is written.
    """

    with _locked(path), _no_gc():
        _clean_temporaries(path)
        data = _read_bytes(path, required=False) or b""
        old = _decode(data, path)
        doc = _compose(old, path) if old.strip() else None
        terms = _check_one_term_each(tuple(_validate(None if doc is None else _data(doc, path), path)), path)
        known = {_merge_key(t.simp or t.key): t for t in terms}
        lines = split_lines(old)
        eol = _line_ending(lines)
        blocks = _blocks(doc, lines)
        del doc  # only the line numbers are needed now: the nodes of a big file are hundreds of MB
        report = AddReport()
        plan = _Plan(lines)
        new_blocks: list[TermUpdate] = []
        expected: dict[str, dict[str, Any]] = {}  # key -> fields the result must read back with
        done: set[str] = set()
        for upd in sorted(updates, key=lambda u: u.key):
            if _merge_key(upd.key) in done:
                continue  # one update per term: the first of 兩會 and 两会
            done.add(_merge_key(upd.key))
            upd = _bounded(upd)
            term = known.get(_merge_key(upd.key))
            if term is None:
                new_blocks.append(upd)
                continue
            if term.status == "rejected":
                report.skipped.append((term.key, _("rejected in the term base")))
                continue
            block = blocks[term.key]
            if block.fixed:
                if _tool_values(term) != _tool_values_of(upd) and tool_fields or (fill_missing and _missing(term, upd)):
                    report.skipped.append((term.key, _("its block is written on one line; left as written")))
                continue
            fill = _missing(term, upd) if fill_missing else set()
            refresh = tool_fields and _tool_values(term) != _tool_values_of(upd)
            if not fill and not refresh:
                continue
            _refresh_block(plan, block, upd, fill, refresh, eol)
            report.updated.append(term.key)
            expected[term.key] = {
                **({name: _read_back(getattr(upd, name)) for name in fill}),
                **(_tool_values_of(upd) if refresh else {}),
            }
        if new_blocks:
            _insertions(plan, new_blocks, terms, blocks, eol)
            report.added.extend(u.key for u in new_blocks)
            for upd in new_blocks:
                expected[upd.key] = {
                    **{name: _read_back(getattr(upd, name)) for name in _CURATED_UPDATE_FIELDS if _read_back(getattr(upd, name))},
                    "status": "candidate",
                    **_tool_values_of(upd),
                }
        new = plan.text()
        if not old and new:
            new = _HEADER.replace("\n", eol) + new
        if dry_run:  # the diff is what a dry run shows; a real run need not pay for it
            report.diff = "".join(
                difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), str(path), str(path))
            )
        if new != old:
            write_termbase(
                path, old, new, bom=data.startswith(codecs.BOM_UTF8), kept=plan.kept_lines(), old_terms=terms,
                expected=expected, dry_run=dry_run,
            )
        return report


def write_termbase(
    path: Path,
    old: str,
    new: str,
    *,
    bom: bool = False,
    kept: list[str] | None = None,
    old_terms: tuple[Term, ...] = (),
    expected: dict[str, dict[str, Any]] | None = None,
    dry_run: bool = False,
) -> None:
    """Replace ``terms.yaml`` by ``new``, after checking it; the one way the tool writes the file.

    The check: ``new`` parses, passes the validator ``build`` uses, every
    line in ``kept`` (the user's lines) is still there, in order, byte for
    byte, every term of ``old_terms`` is still there with the same fields
    except those named in ``expected``, and every field in ``expected``
    reads back exactly as given. Anything else is a :class:`TermbaseError`
    naming the term and the reason, and nothing is written. The file keeps
    its byte-order mark; the write is atomic (call it under the lock).
    """
    try:
        new_terms = _load_terms(new, path)
    except TermbaseError as exc:
        raise TermbaseError(
            _("{path}: the update was not written, it would make the file invalid: {reason}").format(path=path, reason=exc)
        ) from None
    _check_kept(path, kept if kept is not None else split_lines(old), split_lines(new))
    expected = expected or {}
    by_key = {t.key: t for t in new_terms}
    for term in old_terms:
        now = by_key.get(term.key)
        if now is None:
            raise _not_written(path, term.key, _("the block would disappear"))
        changes = expected.get(term.key, {})
        for name in _COMPARED_FIELDS:
            want = changes[name] if name in changes else _field_value(term, name)
            if _field_value(now, name) != want:
                raise _not_written(path, term.key, _("{field} would read back changed").format(field=name))
    for key, changes in expected.items():
        now = by_key.get(key)
        if now is None:
            raise _not_written(path, key, _("the new block would not read back"))
        for name, want in changes.items():
            if _field_value(now, name) != want:
                raise _not_written(
                    path, key, _("{field} would read back as {got!r}, not {want!r}").format(
                        field=name, got=_field_value(now, name), want=want
                    )
                )
    if len(new_terms) != len(old_terms) + len(set(expected) - {t.key for t in old_terms}):
        raise _not_written(path, "?", _("the number of blocks would not add up"))
    if dry_run:
        return
    _atomic_write_text(path, ("\ufeff" if bom else "") + new)


def _not_written(path: Path, key: str, reason: str) -> TermbaseError:
    return TermbaseError(_("{path}: {key}: the update was not written: {reason}").format(path=path, key=key, reason=reason))


def _check_kept(path: Path, kept: list[str], new_lines: list[str]) -> None:
    """Every kept line, in order, in the new lines (a missing final line break aside)."""
    it = iter(new_lines)
    for number, line in enumerate(kept, 1):
        bare = line.rstrip("\r\n\x85\u2028\u2029")
        for candidate in it:
            if candidate == line or (candidate.rstrip("\r\n") == bare and bare == line):
                break
        else:
            raise TermbaseError(
                _("{path}: the update was not written: your line {line!r} would be lost").format(path=path, line=bare[:80])
            )


#: Term fields compared before and after an update (everything but where the block sits).
_COMPARED_FIELDS = tuple(f for f in Term.__dataclass_fields__ if f != "line")
_CURATED_UPDATE_FIELDS = ("en", "en_alt", "ko", "ko_alt", "abbrev", "note")


def _field_value(term: Term, name: str) -> Any:
    value = getattr(term, name)
    if name == "seen":
        return tuple((r.text, r.count) for r in value)
    return value


def _read_back(value: Any) -> Any:
    """How a curated value given to the writer reads back (strings are stripped)."""
    if isinstance(value, tuple):
        return tuple(x.strip() for x in value if x and x.strip())
    if isinstance(value, str):
        return value.strip() or None
    return value


def _tool_values(term: Term) -> dict[str, Any]:
    return {"seen": _field_value(term, "seen"), "count": term.count, "sources": term.sources}


def _tool_values_of(upd: TermUpdate) -> dict[str, Any]:
    return {"seen": tuple((r.text, r.count) for r in upd.seen), "count": upd.count, "sources": tuple(upd.sources)}


def _missing(term: Term, upd: TermUpdate) -> set[str]:
    """Curated fields ``upd`` has and ``term`` lacks."""
    return {name for name in _CURATED_UPDATE_FIELDS if _read_back(getattr(upd, name)) and not getattr(term, name, None)}


def _bounded(upd: TermUpdate) -> TermUpdate:
    """``upd`` without renderings longer than the limit (a sentence, not a rendering)."""
    from dataclasses import replace

    from glossary.limits import current

    limit = current().rendering_chars
    if all(len(r.text) <= limit for r in upd.seen):
        return upd
    return replace(upd, seen=tuple(r for r in upd.seen if len(r.text) <= limit))


_HEADER = """\
# Curated term base for `glossary`. Schema: see the top of the project's terms.yaml
# or README ("terms.yaml"). One block per term, keyed by its traditional form.
"""

#: What YAML (libyaml, ruamel) counts as a line break; str.splitlines also
#: splits on \v, \f and \x1c-\x1e, which YAML reads as ordinary characters.
_LINE = re.compile(r"[^\r\n\x85\u2028\u2029]*(?:\r\n|[\r\n\x85\u2028\u2029]|$)")


def split_lines(text: str) -> list[str]:
    r"""Lines with their endings, split where YAML sees a line break.

    >>> split_lines("a\r\nb\u2028c\x0bd")
    ['a\r\n', 'b\u2028', 'c\x0bd']
    """
    lines = _LINE.findall(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _line_ending(lines: list[str]) -> str:
    """The file's line ending: CRLF when most lines end so."""
    crlf = sum(line.endswith("\r\n") for line in lines)
    return "\r\n" if crlf * 2 > len(lines) else "\n"


@dataclass(slots=True)
class _Field:
    name: str
    start: int  # 0-based line of the key
    end: int  # exclusive
    inside: set[int] = field(default_factory=set)  # lines inside a multi-line scalar


@dataclass(slots=True)
class _Block:
    key: str
    start: int
    end: int  # exclusive: after the last line of the value
    indent: int
    fixed: bool  # written on one line (flow style, a scalar): the user's layout, left alone
    fields: list[_Field] = field(default_factory=list)


def _blocks(doc: _Node | None, lines: list[str]) -> dict[str, _Block]:
    """Where each block and each of its fields sits, from the parsed nodes."""
    if doc is None or doc.kind != "map":
        return {}
    out: dict[str, _Block] = {}
    for key_node, value in doc.value:
        key = key_node.value
        if value.kind == "map" and not value.flow:
            indent = value.value[0][0].column if value.value else 2
            block = _Block(key, key_node.line, value.last + 1, indent, False)
            for name_node, field_value in value.value:
                inside = set()
                if name_node.value in TOOL_FIELDS and field_value.last > field_value.line:  # only their comments are kept
                    for node in _walk_nodes(field_value):
                        if node.kind == "scalar" and node.last > node.line:
                            inside.update(range(node.line + 1, node.last + 1))
                block.fields.append(_Field(str(name_node.value), name_node.line, field_value.last + 1, inside))
        else:
            empty = value.kind == "scalar" and value.value is None and value.line == key_node.line and _bare_key(lines[key_node.line])
            block = _Block(key, key_node.line, max(key_node.line, value.last) + 1, 2, not empty)
        out[key] = block
    return out


def _bare_key(line: str) -> bool:
    """True for a key line with nothing after the colon but a comment: ``兩會:   # note``."""
    return bool(re.match(r"""^(?:[^\s#'"][^#]*?|"[^"]*"|'[^']*'):[ \t]*(?:#.*)?\s*$""", line))


def _walk_nodes(node: _Node) -> Iterator[_Node]:
    yield node
    if node.kind == "seq":
        for child in node.value:
            yield from _walk_nodes(child)
    elif node.kind == "map":
        for k, v in node.value:
            yield k
            yield from _walk_nodes(v)


class _Plan:
    """Edits to the lines of the file: lines dropped, lines inserted before a line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.drops: set[int] = set()
        self.inserts: dict[int, list[tuple[int, list[str]]]] = {}

    def drop(self, start: int, end: int, keep: Iterable[int] = ()) -> None:
        self.drops.update(set(range(start, end)) - set(keep))

    def insert(self, before: int, new: list[str], order: int = 0) -> None:
        self.inserts.setdefault(before, []).append((order, new))

    def text(self) -> str:
        out: list[str] = []
        lines = self.lines
        if lines and (self.inserts.get(len(lines))) and not lines[-1].endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
            lines = [*lines[:-1], lines[-1] + _line_ending(lines)]
        for i in range(len(lines) + 1):
            for _order, new in sorted(self.inserts.get(i, ()), key=lambda x: x[0]):
                out.extend(new)
            if i < len(lines) and i not in self.drops:
                out.append(lines[i])
        return "".join(out)

    def kept_lines(self) -> list[str]:
        return [line for i, line in enumerate(self.lines) if i not in self.drops]


def _refresh_block(plan: _Plan, block: _Block, upd: TermUpdate, fill: set[str], refresh: bool, eol: str) -> None:
    """Replace the tool-maintained fields of one block and add the missing curated ones."""
    pad = " " * block.indent
    at: int | None = None
    if refresh:
        for f in block.fields:
            if f.name in TOOL_FIELDS:
                # A comment or blank line between the tool's lines is the user's: keep it.
                comments = [
                    i for i in range(f.start + 1, f.end)
                    if i not in f.inside and (plan.lines[i].lstrip().startswith("#") or not plan.lines[i].strip())
                ]
                plan.drop(f.start, f.end, keep=comments)
                if at is None:
                    at = f.start
    if at is None:
        tool_starts = [f.start for f in block.fields if f.name in TOOL_FIELDS]
        at = tool_starts[0] if tool_starts and not refresh else block.end
    new: list[str] = []
    if fill:
        new += _render_fields(upd, pad, eol, only=fill, tool=False)
    if refresh:
        new += _render_fields(upd, pad, eol, only=set(), curated=False)
    plan.insert(at, new)


def _scalar(text: str) -> str:
    r"""A YAML scalar for ``text``: plain when it can only read back as that text, else double-quoted.

    Nothing in a value can break a line or change its type: line breaks of
    every kind (\n, \r, U+0085, U+2028, U+2029), control and format
    characters are escaped; words YAML reads as true/false/null, numbers,
    and anything with YAML punctuation (``: ``, ``#``, quotes, a leading
    ``=`` or ``-``) are quoted.

    >>> _scalar("Two Sessions"), _scalar("yes"), _scalar("a: b"), _scalar("=SUM(A1)")
    ('Two Sessions', '"yes"', '"a: b"', '"=SUM(A1)"')
    >>> _scalar("line\u2028break"), _scalar('say "hi"')
    ('"line\\Lbreak"', '"say \\"hi\\""')
    """
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


#: Plain scalars the writer emits: a letter first, then letters, digits,
#: spaces and harmless punctuation, no trailing space.
_PLAIN = re.compile(r"[^\W\d_](?:[\w .'’()/&+-]*[\w.)’'])?")
#: Words some YAML readers (1.1) take for booleans, nulls or numbers.
_YAML_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "nan", "inf"}
_NEEDS_ESCAPE = re.compile(
    r'["\\\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff\ud800-\udfff]'
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def _render_fields(
    upd: TermUpdate, pad: str, eol: str = "\n", *, only: set[str] | None = None, tool: bool = True, curated: bool = True
) -> list[str]:
    """Lines of the fields of ``upd``: curated ones (all, or those in ``only``), then the tool's."""
    out: list[str] = []
    if curated:
        wanted = set(_CURATED_UPDATE_FIELDS) if not only else only
        en = _read_back(upd.en)
        if en and "en" in wanted:
            out.append(f"{pad}en: {_scalar(en)}{eol}")
        en_alt = _read_back(upd.en_alt)
        if en_alt and "en_alt" in wanted:
            out.append(f"{pad}en_alt:{eol}")
            out.extend(f"{pad}  - {_scalar(x)}{eol}" for x in en_alt)
        ko = _read_back(upd.ko)
        if ko and "ko" in wanted:
            out.append(f"{pad}ko: {_scalar(ko)}{eol}")
        ko_alt = _read_back(upd.ko_alt)
        if ko_alt and "ko_alt" in wanted:
            out.append(f"{pad}ko_alt:{eol}")
            out.extend(f"{pad}  - {_scalar(x)}{eol}" for x in ko_alt)
        for name in ("abbrev", "note"):
            value = _read_back(getattr(upd, name))
            if value and name in wanted:
                out.append(f"{pad}{name}: {_scalar(value)}{eol}")
    if tool:
        if upd.seen:
            out.append(f"{pad}seen:{eol}")
            out.extend(f"{pad}  {_scalar(r.text)}: {r.count}{eol}" for r in upd.seen)
        if upd.count:
            out.append(f"{pad}count: {upd.count}{eol}")
        if upd.sources:
            out.append(f"{pad}sources:{eol}")
            out.extend(f"{pad}  - {_scalar(s)}{eol}" for s in upd.sources)
    return out


def _insertions(
    plan: _Plan, new: list[TermUpdate], existing: tuple[Term, ...], blocks: dict[str, _Block], eol: str
) -> None:
    """Where new blocks go: in key order when the file is sorted by key, else at the end."""
    lines = plan.lines
    rendered = {u.key: [f"{_scalar(u.key)}:{eol}", f"  status: candidate{eol}", *_render_fields(u, "  ", eol)] for u in new}
    keys = [t.key for t in sorted(existing, key=lambda t: t.line)]
    in_order = keys == sorted(keys)
    tail = [eol] if lines and lines[-1].strip() else []
    from bisect import bisect_right

    for key in sorted(rendered):
        index = bisect_right(keys, key) if in_order else len(keys)
        if index >= len(keys):
            plan.insert(len(lines), [*tail, *rendered[key]], order=1)
            tail = [eol]
            continue
        start = pos = blocks[keys[index]].start
        while pos > 0 and lines[pos - 1].lstrip().startswith("#"):  # the comments that introduce the next block
            pos -= 1
        if pos == 0:  # comments that open the file are its header, not the first block's
            pos = start
        plan.insert(pos, [*rendered[key], eol], order=1)


def _atomic_write_text(path: Path, text: str) -> None:
    from glossary.fileio import atomic_write

    atomic_write(path, text.encode("utf-8"))


def _clean_temporaries(path: Path) -> None:
    """Remove ``.terms.yaml.*.tmp`` files a killed run left (under the lock, no writer is running)."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``path`` (``.terms.yaml.lock``) while updating it."""
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as exc:
        raise TermbaseError(_("{path}: cannot lock for writing: {reason}").format(path=path, reason=os_reason(exc))) from None
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        yield
    finally:
        os.close(fd)


def add_entries(path: Path, entries: Iterable[Entry], *, dry_run: bool = False) -> AddReport:
    """Import entries read from another glossary (CSV, XLSX, TBX) as candidates.

    New terms get their English and their Korean (curated or context
    renderings -- a partner glossary's terms are curated; dictionary and
    literal glosses, transcriptions and readings are recomputed, so they are
    not copied: the preferred Korean as ``ko`` when it is attested, the
    other attested ones as ``ko_alt``), the acronym and the note. A file with
    a Korean term but no Korean renderings (an older export) gives ``ko`` only when it differs
    from the computed reading (then it is an override). Existing terms only
    gain fields they lack: a curated field is never overwritten.
    """
    from glossary.limits import current
    from glossary.readings import hangul_reading

    updates = []
    refused: list[tuple[str, str]] = []
    limit = current().scalar_chars
    for entry in entries:
        key = (entry.trad or entry.simp or "").strip()
        if not is_cjk_key(key):
            refused.append((key, _("not a CJK term (a key is Han characters only, without Latin letters, digits or =)")))
            continue
        english = [r.text for r in entry.en if r.source in {"curated", "context"}]
        attested = [r.text for r in entry.ko_renderings if r.source in {"curated", "context"}]
        ko = entry.ko if entry.ko in attested else None  # a computed preferred term is recomputed
        if entry.ko and not entry.ko_renderings and entry.ko.replace(" ", "") != hangul_reading(entry.trad).replace(" ", ""):
            ko = entry.ko
        update = TermUpdate(
            key=key,
            en=english[0] if english else None,
            en_alt=tuple(english[1:]),
            ko=ko,
            ko_alt=tuple(t for t in dict.fromkeys(attested) if t != ko),
            abbrev=entry.abbrev[0] if entry.abbrev else None,
            note=entry.note,
        )
        too_long = [
            name for name in _CURATED_UPDATE_FIELDS
            if any(len(v) > limit for v in (getattr(update, name) or ()) if isinstance(v, str))
            or (isinstance(getattr(update, name), str) and len(getattr(update, name)) > limit)
        ]
        if too_long:
            refused.append((key, _("{field} longer than {limit} characters (raise it with --limit scalar_chars=N)").format(
                field=too_long[0], limit=limit)))
            continue
        updates.append(update)
    report = update_termbase(path, updates, dry_run=dry_run, fill_missing=True, tool_fields=False)
    report.skipped[:0] = refused
    return report
