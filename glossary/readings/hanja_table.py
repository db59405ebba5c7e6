"""The `hanja` package's character table, read without its YAML loader: character -> hangul syllable.

Input: the ``table.yml`` installed with the ``hanja`` package (27,497 lines
``"\\u4E00": "\\uC77C"``). Output: :func:`table`, the same mapping
``hanja.table.hanja_table`` holds, and :func:`translate`, what
``hanja.translate(text, "substitution")`` returns, for the readings stage
(:mod:`glossary.readings`), which asks the package for characters libhangul
does not list and for its character-by-character reading.

Why hand-written: importing ``hanja.impl`` parses the table with PyYAML at
import time (0.3-0.5 s and 30 MB per process, before the first term), while
every line of the file is one escaped code point mapped to another, which
one regex reads in 20 ms. Any line of another shape (a future release) and
the package's own loader is used instead, so the mapping is always the
package's. The initial-sound law is the package's own ``hanja.hangul.dooeum``
(that module does not load the table).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

#: One line of table.yml: an escaped BMP code point and its escaped reading.
_LINE = re.compile(r'^"\\u([0-9A-Fa-f]{4})": "\\u([0-9A-Fa-f]{4})"$', re.MULTILINE)


@cache
def table() -> dict[str, str]:
    """Character -> its hangul syllable, as ``hanja.table.hanja_table``.

    >>> table()["經"], table()["濟"]
    ('경', '제')
    """
    spec = find_spec("hanja")  # finds the package without running it
    folder = spec.submodule_search_locations if spec is not None else None
    path = Path(list(folder)[0]) / "table.yml" if folder else None
    if path is not None and path.is_file():
        text = path.read_text(encoding="utf-8")
        pairs = _LINE.findall(text)
        if len(pairs) == sum(1 for line in text.splitlines() if line.strip()):
            return {chr(int(a, 16)): chr(int(b, 16)) for a, b in pairs}
    from hanja.table import hanja_table  # another layout: the package's YAML loader

    return dict(hanja_table)


def translate(text: str) -> str:
    """``hanja.translate(text, "substitution")``: each listed character replaced by its syllable.

    A character after a non-letter takes the initial-sound law (리 -> 이 at
    the start of a word), as in the package, which reads left to right with
    the previous output character as context.

    >>> translate("大韓民國"), translate("歷史")
    ('대한민국', '역사')
    """
    from hanja.hangul import dooeum

    chars = table()
    out = []
    previous = " "
    for ch in text:
        reading = chars.get(ch)
        previous = dooeum(previous, reading) if reading is not None else ch
        out.append(previous)
    return "".join(out)
