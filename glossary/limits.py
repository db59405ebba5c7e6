"""Limits on the work one input may cause, in one place, with their reasons.

Input: nothing (defaults), ``--limit NAME=N`` options, or the
``GLOSSARY_LIMITS`` environment variable (``name=n,name=n``), read when a
limit is first asked for, never at import time. Output: numbers the readers
and the term base check against.

A hostile or broken input (a sheet of a million rows, a zip that inflates to
gigabytes, a gigabyte text) must fail with one clear line, never hang the
tool or exhaust memory. Every
limit is far above what a real glossary or text needs; a user with a real
need raises it with ``--limit``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace

from glossary.i18n import _


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits; each field's comment says why it is that size."""

    #: Bytes of one document read whole (PDF, DOCX, ODT, HWPX, EPUB: their
    #: text is built in memory, about four times its size); the largest real
    #: report we met is 3 MB. Plain text, Markdown and HTML are not bounded:
    #: they are read in windows (``text_window``).
    text_bytes: int = 256 * 1024 * 1024
    #: Characters of a plain-text, Markdown or HTML file extracted at once: a
    #: bigger file is read and extracted in windows of about this size, cut
    #: at a blank line, else at a line end or a space far from any bracket,
    #: so memory stays flat (a few times this) whatever the file's size.
    text_window: int = 4 * 1024 * 1024
    #: terms.yaml: a term base of 50,000 blocks is about 10 MB.
    termbase_bytes: int = 32 * 1024 * 1024
    #: Characters of one value (a rendering, a note) written to or imported
    #: into terms.yaml. A note of a few paragraphs is a few thousand.
    scalar_chars: int = 10_000
    #: Characters of a rendering kept in ``seen`` (longer is a sentence, not a term).
    rendering_chars: int = 300
    #: Nesting of YAML collections in terms.yaml (three levels are used).
    yaml_depth: int = 32
    #: Import: bytes of the file, inflated bytes of an XLSX (zip) archive,
    #: rows of a sheet, nesting of an XML document.
    import_bytes: int = 128 * 1024 * 1024
    inflated_bytes: int = 512 * 1024 * 1024
    rows: int = 200_000
    xml_depth: int = 256
    #: Characters of a lookup or reading query: a long sentence, not a book.
    query_chars: int = 10_000


_DEFAULTS = Limits()
_current: Limits | None = None


def current() -> Limits:
    """The limits in force: defaults, then ``GLOSSARY_LIMITS``, then options.

    >>> current().rows >= 100_000
    True
    """
    global _current
    if _current is None:
        _current = parse(os.environ.get("GLOSSARY_LIMITS", ""), _DEFAULTS)
    return _current


def names() -> tuple[str, ...]:
    """Names accepted by ``--limit``.

    >>> "rows" in names()
    True
    """
    return tuple(f.name for f in fields(Limits))


def parse(spec: str, base: Limits | None = None) -> Limits:
    """``base`` with the ``name=n`` items of ``spec`` (comma-separated) applied.

    >>> parse("rows=10, scalar_chars=5").rows
    10
    """
    base = base or _DEFAULTS
    changes: dict[str, int] = {}
    for item in filter(None, (x.strip() for x in spec.split(","))):
        name, eq, value = item.partition("=")
        name = name.strip().replace("-", "_")
        if not eq or name not in names() or not value.strip().isdigit() or int(value) < 1:
            raise ValueError(
                _("bad limit {item!r}: use NAME=N with N a positive whole number, NAME one of {names}").format(
                    item=item, names=", ".join(names())
                )
            )
        changes[name] = int(value)
    return replace(base, **changes)


def set_limits(limits: Limits) -> None:
    """Put ``limits`` in force (the CLI's ``--limit`` options)."""
    global _current
    _current = limits


@contextmanager
def override(**changes: int) -> Iterator[Limits]:
    """Run a block with some limits changed (tests use small ones).

    >>> with override(rows=3):
    ...     current().rows
    3
    """
    global _current
    before = current()
    _current = replace(before, **changes)
    try:
        yield _current
    finally:
        _current = before
