"""Step 1: find the bracket that holds a CJK run, or the one that closes it.

Brackets nest, double up ((兩會)), and mix kinds (《…(…)》); these scanners walk
out from the run within :data:`REACH` characters and stop at a blank line.
"""

from __future__ import annotations

import re

from glossary.extract.chars import CLOSE_TO_OPEN, CLOSERS, OPENERS, PAIRS


#: How far to look around a run for its bracket, and for the rendering.
REACH = 400


def find_opener(text: str, start: int) -> int:
    """Offset of the innermost unclosed opener left of ``start`` (or -1).

    Only the brackets and blank lines of the window are visited (found by
    one regex over the window, :data:`_EVENT`), at most :data:`_MOST_EVENTS`
    of them, so hostile lines cost little (see below).
    """
    if start and text[start - 1] in PAIRS:  # the usual case: "(兩會"
        return start - 1
    pending: list[str] = []
    lo = max(0, start - REACH)
    floor = max(0, lo - 1)  # the character before the window: a blank line just outside stops the scan too
    visited = 0
    hi = start
    size = _SLICE
    # The window is read backwards a slice at a time (each twice the last), so a line dense with
    # brackets costs the few events visited, not a list of the whole window.
    # Each slice's regex may look one character past it (the lookahead of a
    # blank line's first newline); ``start`` is a hanzi, so the first needs nothing.
    while hi > floor:
        a = max(floor, hi - size)
        size *= 2
        events = [i for i in map(_start, _EVENT.finditer(text, a, min(len(text), hi + 1))) if i < hi]
        for i in reversed(events):
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
        hi = a
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
    search = _EVENT.search
    visited = 0
    m = search(text, opener + 1)
    while m is not None:
        i = m.start()
        if i >= hi:
            break
        m = search(text, i + 1)
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
#: How many characters of the window :func:`find_opener` reads first, from the run backwards.
_SLICE = 24
_start = re.Match.start
_DEEPEST = 4
#: What the scanners visit: a bracket, or the first newline of a blank line. Found
#: in the window of each run, not over the whole text: most brackets of a text
#: are nowhere near a hanzi (listing them all cost as much as the bare scan).
_EVENT = re.compile("\n(?=\n)|[" + re.escape(OPENERS + CLOSERS) + "]")


def in_title_bracket(text: str, opener: int, closer: int) -> bool:
    """Whether a bracket sits inside a title bracket: 『시진핑 국정운영을 말하다(習近平談治國理政)』."""
    outer = find_opener(text, opener)
    return outer != -1 and text[outer] in "《〈『「<≪" and text[closer + 1:closer + 2] == PAIRS[text[outer]]
