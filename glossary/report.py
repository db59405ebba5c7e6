"""Reports for people: occurrences as an aligned text table.

Input: records. Output: a string. Column widths count display cells, so a
hanzi or hangul syllable (East Asian wide) takes two columns, and the table
stays aligned in a terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from glossary.i18n import pgettext
from glossary.model import Occurrence

#: Widest a cell may be, in display columns; longer cells end with "…".
MAX_CELL = 48

HEADER = ("term", "rendering", "gloss_kind", "kind", "source:line")


def _header() -> tuple[str, ...]:
    """:data:`HEADER` in the interface language (literal calls, so ``pybabel extract`` finds them)."""
    return (
        pgettext("extract column", "term"), pgettext("extract column", "rendering"),
        pgettext("extract column", "gloss_kind"), pgettext("extract column", "kind"),
        pgettext("extract column", "source:line"),
    )


def display_width(text: str) -> int:
    """Terminal columns a string takes: wide and full-width characters count 2.

    >>> display_width("兩會"), display_width("양회"), display_width("Two")
    (4, 4, 3)
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _fit(text: str, limit: int = MAX_CELL) -> str:
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = display_width(ch)
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _kinds() -> dict[str, str]:
    """Names of the gloss kinds and occurrence kinds in the interface language."""
    return {
        "translation": pgettext("rendering kind", "translation"), "hangul": pgettext("rendering kind", "hangul"),
        "romanization": pgettext("rendering kind", "romanization"), "pinyin": pgettext("rendering kind", "pinyin"),
        "transcription": pgettext("rendering kind", "transcription"),
        "term": pgettext("occurrence kind", "term"), "title": pgettext("occurrence kind", "title"),
        "other": pgettext("occurrence kind", "other"),
    }


def format_occurrence_table(occurrences: Iterable[Occurrence]) -> str:
    """Aligned table of term, rendering, gloss kind, kind and source:line.

    One line per occurrence under a header; "-" where there is no rendering.

    >>> print(format_occurrence_table([Occurrence("兩會", "a.txt", 3, gloss="Two Sessions",
    ...                                            gloss_kind="translation")]), end="")
    term  rendering     gloss_kind   kind  source:line
    兩會  Two Sessions  translation  term  a.txt:3
    """
    rows = [_header()]
    kinds = _kinds()
    for occ in occurrences:
        rows.append((
            _fit(occ.term.replace("\n", " ")),
            _fit((occ.gloss or "-").replace("\n", " ").replace("\t", " ")),
            kinds.get(occ.gloss_kind, occ.gloss_kind) if occ.gloss_kind else "-",
            kinds.get(occ.kind, occ.kind),
            occ.place,
        ))
    if len(rows) == 1:
        return ""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(HEADER))]
    lines = []
    for row in rows:
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
