"""Step 1: find the bracket that holds a CJK run, or the one that closes it.

Brackets nest, double up ((兩會)), and mix kinds (《…(…)》); these scanners walk
out from the run within :data:`REACH` characters and stop at a blank line.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from glossary.extract.chars import CLOSE_TO_OPEN, CLOSERS, OPENERS, PAIRS


#: How far to look around a run for its bracket, and for the rendering.
REACH = 400


def find_opener(text: str, start: int) -> int:
    """Offset of the innermost unclosed opener left of ``start`` (or -1).

    Only the brackets and blank lines of the window are visited (their
    offsets are found once per text, :func:`_events`), at most
    :data:`_MOST_EVENTS` of them, so hostile lines cost little (see below).
    """
    if start and text[start - 1] in PAIRS:  # the usual case: "(兩會"
        return start - 1
    events = _events(text)
    pending: list[str] = []
    lo = max(0, start - REACH)
    k = bisect_left(events, start) - 1
    visited = 0
    while k >= 0:
        i = events[k]
        k -= 1
        if i < lo - 1:
            break
        ch = text[i]
        if ch == "\n":  # the first newline of a blank line inside the window
            return -1
        if i < lo:
            continue
        visited += 1
        if visited > _MOST_EVENTS or len(pending) > _DEEPEST:
            return -1
        if ch in CLOSE_TO_OPEN:
            if ch == ">" and i > 0 and text[i - 1] in "-=":
                continue
            pending.append(CLOSE_TO_OPEN[ch])
        elif pending:
            if pending[-1] == ch:
                pending.pop()
            elif ch in "<《〈「『【≪":  # an unmatched opener of another kind: skip it
                pass
            else:
                pending.pop()
        else:
            return i
    return -1


def find_closer(text: str, opener: int) -> int:
    """Offset of the closer matching ``text[opener]`` (or -1).

    Visits only the brackets and blank lines of the window, as :func:`find_opener`.
    """
    if _CLOSERS_CACHE[0] is not text:
        _CLOSERS_CACHE[:] = [text, {}]
    found = _CLOSERS_CACHE[1].get(opener)
    if found is None:
        found = _CLOSERS_CACHE[1][opener] = _find_closer(text, opener)
    return found


_CLOSERS_CACHE: list = [None, {}]  # [text, {opener: closer}]: the extractor asks twice for most openers


def _find_closer(text: str, opener: int) -> int:
    want = PAIRS[text[opener]]
    depth = 0
    hi = min(len(text), opener + REACH)
    open_ch = text[opener]
    inner: list[str] = []  # closers awaited for brackets of other kinds inside: ("zero [COVID]")
    events = _events(text)
    k = bisect_right(events, opener)
    visited = 0
    while k < len(events):
        i = events[k]
        k += 1
        if i >= hi:
            break
        ch = text[i]
        if ch == "\n":  # a blank line
            return -1
        visited += 1
        if visited > _MOST_EVENTS or depth > _DEEPEST or len(inner) > _DEEPEST:
            return -1
        if inner and ch == inner[-1]:
            inner.pop()
        elif ch in "[(（［" and ch != open_ch:
            inner.append(PAIRS[ch])
        elif ch == open_ch:
            depth += 1
        elif ch == want:
            if depth == 0:
                return i
            depth -= 1
        elif ch in CLOSERS and ch not in ">》〉」』】≫" and depth == 0 and open_ch not in "<《〈「『【≪":
            return -1  # a closer of another kind: the bracket is malformed
    return -1


#: A real bracket around a term holds a handful of brackets, nested two or
#: three deep. Past these bounds the line is not prose ("(兩" repeated 300,000
#: times) and the scan gives up, so its cost per run is bounded and a hostile
#: line is linear, not 400 characters per opener.
_MOST_EVENTS = 64
_DEEPEST = 4
_EVENT = re.compile("\n(?=\n)|[" + re.escape(OPENERS + CLOSERS) + "]")
_EVENTS_CACHE: list = [None, []]  # [text, offsets of its brackets and blank lines]


def _events(text: str) -> list[int]:
    """Sorted offsets of every bracket and of the first newline of every blank line, once per text."""
    if _EVENTS_CACHE[0] is not text:
        _EVENTS_CACHE[:] = [text, [m.start() for m in _EVENT.finditer(text)]]
    return _EVENTS_CACHE[1]


def in_title_bracket(text: str, opener: int, closer: int) -> bool:
    """Whether a bracket sits inside a title bracket: 『시진핑 국정운영을 말하다(習近平談治國理政)』."""
    outer = find_opener(text, opener)
    return outer != -1 and text[outer] in "《〈『「<≪" and text[closer + 1:closer + 2] == PAIRS[text[outer]]
