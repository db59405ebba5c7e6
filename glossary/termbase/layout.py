"""Where each block and field sits in the file's lines, and a plan of line edits.

In: the file's text (split as YAML splits lines) and the node tree of
:func:`~glossary.termbase.parse._compose`. Out: ``_Block``/``_Field``
spans (0-based lines; a multi-line scalar is one unit), the file's line
ending, and ``_Plan``: lines to drop and lines to insert, applied to give
the new text while every other line stays byte for byte.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from glossary.termbase.parse import _Node
from glossary.termbase.records import TOOL_FIELDS


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
    inside: frozenset[int] = frozenset()  # lines inside a multi-line scalar (shared when none: 450,000 fields)


@dataclass(slots=True)
class _Block:
    key: str
    start: int
    end: int  # exclusive: after the last line of the value
    indent: int
    fixed: bool  # written on one line (flow style, a scalar): the user's layout, left alone
    fields: list[_Field] = field(default_factory=list)


_NONE: frozenset[int] = frozenset()


def _blocks(doc: _Node | None, lines: list[str]) -> dict[str, _Block]:
    """Where each block and each of its fields sits, from the parsed nodes."""
    if doc is None or doc.kind != "map":
        return {}
    return {key_node.value: _block(key_node, value, lines) for key_node, value in doc.value}


def _block(key_node: _Node, value: _Node, lines: list[str]) -> _Block:
    """Where one top-level block and each of its fields sits."""
    key = key_node.value
    if value.kind == "map" and not value.flow:
        indent = value.value[0][0].column if value.value else 2
        block = _Block(key, key_node.line, value.last + 1, indent, False)
        for name_node, field_value in value.value:
            inside = _NONE
            if name_node.value in TOOL_FIELDS and field_value.last > field_value.line:  # only their comments are kept
                inside = frozenset(
                    i for node in _walk_nodes(field_value) if node.kind == "scalar" and node.last > node.line
                    for i in range(node.line + 1, node.last + 1)
                )
            block.fields.append(_Field(str(name_node.value), name_node.line, field_value.last + 1, inside))
        return block
    empty = value.kind == "scalar" and value.value is None and value.line == key_node.line and _bare_key(lines[key_node.line])
    return _Block(key, key_node.line, max(key_node.line, value.last) + 1, 2, not empty)


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
        self._starts: list[int] | None = None

    def drop(self, start: int, end: int, keep: Iterable[int] = ()) -> None:
        self.drops.update(set(range(start, end)) - set(keep))

    def insert(self, before: int, new: list[str], order: int = 0) -> None:
        self.inserts.setdefault(before, []).append((order, new))

    def text(self) -> str:
        out: list[str] = []
        lines = self.lines
        if lines and (self.inserts.get(len(lines))) and not lines[-1].endswith(("\n", "\r", "\x85", "\u2028", "\u2029")):
            lines = [*lines[:-1], lines[-1] + _line_ending(lines)]
        at = 0  # copy the unchanged runs between edits in one slice: a big file has few edits
        for i in self._edits():
            out.extend(lines[at:i])
            for _order, new in sorted(self.inserts.get(i, ()), key=lambda x: x[0]):
                out.extend(new)
            if i < len(lines) and i not in self.drops:
                out.append(lines[i])
            at = i + 1
        out.extend(lines[at:])
        return "".join(out)

    def _edits(self) -> list[int]:
        return sorted(self.drops | self.inserts.keys())

    def unchanged(self, start: int, end: int) -> int | None:
        """Where old lines ``start..end-1`` begin in :meth:`text`, when they are all kept with nothing
        inserted between them (and the last line keeps its ending); else None."""
        if self._starts is None:
            self._starts = self._shifts()
        edits, shifts = self._starts
        k = bisect_left(edits, start)
        if k < len(edits) and edits[k] == start:
            if start in self.drops:
                return None
            k += 1  # lines inserted before the first line: it moves, it does not change
        if k < len(edits) and edits[k] < end:
            return None  # a line dropped, or lines inserted, inside
        if end >= len(self.lines) and self.inserts.get(len(self.lines)):
            return None  # text() may give the last line an ending
        k = bisect_right(edits, start)
        return start + (shifts[k - 1] if k else 0)

    def _shifts(self) -> tuple[list[int], list[int]]:
        """The edit positions, sorted, and how far each moves the old lines after it (cumulative)."""
        edits = self._edits()
        shifts = []
        shift = 0
        for i in edits:
            for _order, new in self.inserts.get(i, ()):
                shift += len(split_lines("".join(new)))
            if i in self.drops:
                shift -= 1
            shifts.append(shift)
        return edits, shifts

    def kept_lines(self) -> list[str]:
        return [line for i, line in enumerate(self.lines) if i not in self.drops]
