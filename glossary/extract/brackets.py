"""Step 1: find the bracket that holds a CJK run, or the one that closes it.

Brackets nest, double up ((兩會)), and mix kinds (《…(…)》); these scanners walk
out from the run within :data:`REACH` characters and stop at a blank line.
"""

from __future__ import annotations


from glossary.extract.chars import CLOSERS, CLOSE_TO_OPEN, PAIRS


#: How far to look around a run for its bracket, and for the rendering.
REACH = 400


def find_opener(text: str, start: int) -> int:
    """Offset of the innermost unclosed opener left of ``start`` (or -1)."""
    if start and text[start - 1] in PAIRS:  # the usual case: "(兩會"
        return start - 1
    pending: list[str] = []
    lo = max(0, start - REACH)
    i = start - 1
    while i >= lo:
        ch = text[i]
        if ch == "\n" and i > 0 and text[i - 1] == "\n":
            return -1
        if ch in CLOSE_TO_OPEN:
            if ch == ">" and i > 0 and text[i - 1] in "-=":
                i -= 1
                continue
            pending.append(CLOSE_TO_OPEN[ch])
        elif ch in PAIRS:
            if pending:
                if pending[-1] == ch:
                    pending.pop()
                elif ch in "<《〈「『【≪":  # an unmatched opener of another kind: skip it
                    pass
                else:
                    pending.pop()
            else:
                return i
        i -= 1
    return -1


def find_closer(text: str, opener: int) -> int:
    """Offset of the closer matching ``text[opener]`` (or -1)."""
    want = PAIRS[text[opener]]
    depth = 0
    hi = min(len(text), opener + REACH)
    open_ch = text[opener]
    inner: list[str] = []  # closers awaited for brackets of other kinds inside: ("zero [COVID]")
    i = opener + 1
    while i < hi:
        ch = text[i]
        if ch == "\n" and text[i + 1:i + 2] == "\n":
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
        i += 1
    return -1


def in_title_bracket(text: str, opener: int, closer: int) -> bool:
    """Whether a bracket sits inside a title bracket: 『시진핑 국정운영을 말하다(習近平談治國理政)』."""
    outer = find_opener(text, opener)
    return outer != -1 and text[outer] in "《〈『「<≪" and text[closer + 1:closer + 2] == PAIRS[text[outer]]
