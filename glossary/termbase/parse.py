"""Parse terms.yaml from libyaml's event stream into plain data that remembers its lines.

In: the text of terms.yaml and its path (for messages). Out: :func:`_parse`
gives plain Python data (``_Map`` with each key's line in ``lc``, lists,
str, int, float, bool, None); :func:`_compose` gives the ``_Node``/``_Scalar``
tree with every node's first and last line, which the writer's layout
(:mod:`glossary.termbase.layout`) needs. Errors are a
:class:`~glossary.model.TermbaseError` naming file and line.

Not a YAML loader: a loader would build Python objects for tags
(``!!python/...``), expand aliases (an alias bomb), recurse as deep as the
input nests (a crash), and forget where each value sits. Here only plain
data is accepted, nesting is bounded, and every node keeps its first and
last line, so the writer can replace a field without touching its
neighbours (a quoted note running over three lines is one unit). Plain
scalars are resolved by the YAML 1.2 core schema: ``no`` is text, ``3`` a
number.
"""

from __future__ import annotations

import re
from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary.i18n import _
from glossary.model import TermbaseError



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


#: The value of a top-level block :func:`_compose` was told to pass over
#: (``reuse``): parsed by libyaml, not built into nodes.
REUSED = object()


def _compose(text: str, path: Path, reuse: dict[int, Any] | None = None,
             each: Callable[[Any, Any], None] | None = None) -> _Node | None:
    """The node tree of the document, or None when it is empty.

    ``each``, when given, is called with every (key, value) pair of a
    top-level mapping as soon as its value is complete, and the pair is not
    kept in the tree: a caller that turns blocks into terms one by one never
    holds the nodes of the whole file (50,000 blocks: 200 MB of nodes).

    ``reuse`` (the writer's check of an update) maps the 0-based key line of
    top-level blocks the update left byte for byte as they were to nothing
    in particular: their values are parsed by libyaml like the rest, but
    not built into nodes; each becomes a ``_Scalar`` whose value is
    :data:`REUSED` and whose lines are the lines the parser saw the value
    span, for the caller to compare with where the old block ended.
    """
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
                        if reuse is not None and line in reuse and len(stack) == 1:
                            node = _skip_value(get_event, start.column, line, path)
                            parent.value.append((parent.pending, node))
                            parent.pending = None
                            last = node.last
                            if each is not None:
                                each(*parent.value.pop())
                    else:
                        parent.value.append((parent.pending, node))
                        parent.pending = None
                        if each is not None and len(stack) == 1:
                            each(*parent.value.pop())
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
                if each is not None and len(stack) == 1:
                    top = stack[0]
                    if top.kind == "map" and top.value and top.value[-1][1] is node:
                        each(*top.value.pop())
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


def _skip_value(get_event: Any, column: int, line: int, path: Path) -> _Scalar:
    """Parse one value without building it: a ``_Scalar`` of :data:`REUSED` with the lines it spans.

    The lines are counted as :func:`_compose` counts them. Aliases are
    still refused (the value is checked as it is read, not trusted); tags
    were checked when the old file was read, and the bytes are the same.
    """
    import yaml

    scalar_event, end_events = yaml.ScalarEvent, (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    flows: list[bool] = []  # the open collections: flow style or not
    last = line
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            start, end = event.start_mark, event.end_mark
            end_line = end.line if end.column > 0 or end.line == start.line else end.line - 1
            last = max(last, start.line, end_line)
        elif kind in starts:
            flows.append(bool(event.flow_style))
            last = max(last, event.start_mark.line)
        elif kind in end_events:
            if flows.pop():
                last = max(last, event.end_mark.line)
        elif kind is yaml.AliasEvent:
            raise TermbaseError(
                _("{path}:{line}: alias *{name}: aliases are not allowed in the term base; write the value out").format(
                    path=path, line=event.start_mark.line + 1, name=event.anchor
                )
            )
        else:  # the document ended where a value was due: not what the old file held
            return _new_scalar(_Scalar, (None, line, column, -1))
        if not flows:
            return _new_scalar(_Scalar, (REUSED, line, column, last))


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
