"""A regular expression compiled the first time it is used.

Why: compiling a character class walks every code point of its ranges in
Python (CPython's ``re._compiler._optimize_charset``), so a class of the CJK
ideographs costs 1.5-2 ms to compile. The sense cleaner's 36 patterns run
only when the senses stored in ``dictionaries.sqlite`` are stale, yet
compiled at import they cost every build that reads a dictionary sense
about 30 ms (a ``glossary build`` of the seeds takes 0.8 s).
:class:`LazyPattern` compiles on the first attribute asked for, then keeps
the compiled pattern's methods as its own attributes, so a later
``.search`` costs what a compiled pattern's does. (The extraction's own
patterns are nearly all used by any real text, so they stay compiled at
import.)

For patterns used through their methods only (``.search``, ``.sub``, ...):
``re.sub(pattern, ...)``, ``isinstance(pattern, re.Pattern)`` and
``match.re is pattern`` want the compiled object, so a pattern used that way
stays a ``re.compile``.
"""

from __future__ import annotations

import re
from typing import Any

#: What a compiled pattern offers; each becomes an attribute of the lazy one once compiled.
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, done on first use.

    >>> year = LazyPattern(r"\\d{4}")
    >>> "search" in vars(year)
    False
    >>> year.search("born 1953").group(), "search" in vars(year)
    ('1953', True)
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:  # only for what the instance does not hold yet
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and the like probing: not a use
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"
