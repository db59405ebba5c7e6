"""Export the glossary for CAT tools, spreadsheets and scripts, and read it back.

Formats (keys of :data:`WRITERS`, the CLI's ``--format`` choices):

* ``tbx2`` TBX-Basic 2008 ``martif`` -- OmegaT 3.6, translate-toolkit (Weblate),
  memoQ, Trados MultiTerm: what ``glossary build`` writes as ``glossary.tbx``;
* ``tbx``  TBX-Basic v3 (ISO 30042:2019, DCA) -- the standard, for the tools
  that read it (``glossary.tbx3.tbx``);
* ``csv``  one column per language, UTF-8 with BOM -- memoQ, Phrase, Trados, LibreOffice;
* ``xlsx`` the same table as a workbook, every cell text -- Excel, LibreOffice;
* ``tsv``  OmegaT glossary for one language pair (``.txt``, which OmegaT loads);
* ``json`` every field, for scripts.

:data:`OUTPUTS` is the one list of what ``glossary build`` writes: file name,
format, options and who reads it.

A writer is ``(entries, binary file, ExportOptions) -> None`` and streams:
memory does not grow with the number of entries. A reader is
``(data: bytes, where: str) -> list[Entry]`` and reads our files and other
tools'; :func:`read_export` picks it from the content or the extension.
There is no TSV reader: an OmegaT glossary holds one language pair, too little
to rebuild an entry. Output is deterministic: entries sorted by key, fixed
columns, no timestamps unless a date is given.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from glossary.export.common import ExportOptions, UnknownLanguage, normalize_lang, normalize_langs, sharing_contexts
from glossary.export.jsondoc import entry_from_json, entry_to_json, read_json, write_json
from glossary.export.tables import read_csv, read_xlsx, write_csv, write_csv_xlsx, write_tsv, write_xlsx
from glossary.export.tbx import read_tbx, write_tbx, write_tbx2, write_tbx_pair
from glossary.i18n import gettext, os_reason
from glossary.model import Entry, InputError, OutputError

__all__ = [
    "OUTPUTS",
    "READERS",
    "WRITERS",
    "ExportOptions",
    "Output",
    "UnknownLanguage",
    "detect_format",
    "entry_from_json",
    "entry_to_json",
    "normalize_lang",
    "normalize_langs",
    "read_export",
    "write_export",
    "write_outputs",
]

Writer = Callable[[Iterable[Entry], BinaryIO, ExportOptions], None]
Reader = Callable[..., list[Entry]]

WRITERS: dict[str, Writer] = {
    "csv": write_csv,
    "tsv": write_tsv,
    "tbx": write_tbx,
    "tbx2": write_tbx2,
    "xlsx": write_xlsx,
    "json": write_json,
}


@dataclass(frozen=True)
class Output:
    """One file ``glossary build`` writes into its output folder."""

    name: str  # file name: "glossary.tbx"
    format: str  # key of WRITERS
    purpose: str  # who opens it (the README's table says it to users)
    options: ExportOptions = field(default_factory=ExportOptions)


#: What ``glossary build`` writes, in this order (the lookup index comes after).
#: ``glossary.tbx`` is the 2008 form because that is what the translators'
#: tools read (OmegaT 3.6 and translate-toolkit reject TBX v3); the TSV files
#: are named ``.txt``, an extension OmegaT loads from a project's glossary folder.
OUTPUTS: tuple[Output, ...] = (
    Output("glossary.csv", "csv", "memoQ, Phrase, Trados, LibreOffice (all-text filter)"),
    Output("glossary.xlsx", "xlsx", "Excel, LibreOffice, pandas: every cell text, as written"),
    Output("glossary.tbx", "tbx2", "OmegaT, translate-toolkit and Weblate, memoQ, Trados MultiTerm (TBX-Basic 2008)"),
    Output("glossary.tbx3.tbx", "tbx", "tools that read TBX v3 (ISO 30042:2019, TBX-Basic DCA)"),
    Output("glossary.en-ko.txt", "tsv", "OmegaT, English -> Korean project", ExportOptions(pair=("en", "ko"))),
    Output("glossary.ko-en.txt", "tsv", "OmegaT, Korean -> English project", ExportOptions(pair=("ko", "en"))),
    Output("glossary.json", "json", "scripts: every field"),
)


def _read_tbx_any(data: bytes, where: str, skipped: list[str] | None = None) -> list[Entry]:
    import io

    return read_tbx(io.BytesIO(data), where, skipped)


READERS: dict[str, Reader] = {
    "csv": read_csv,
    "xlsx": read_xlsx,
    "tbx": _read_tbx_any,
    "tbx2": _read_tbx_any,  # one reader: v3 and v2 share the structure
    "json": read_json,
}

_EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".tbx": "tbx", ".tsv": "tsv", ".txt": "tsv"}


def detect_format(path: Path, data: bytes) -> str:
    """The format of a file, from its content first, then its extension.

    >>> detect_format(Path("x.xml"), b'<?xml version="1.0"?><martif type="TBX">')
    'tbx2'
    >>> detect_format(Path("x.csv"), "\\ufeffzh-Hant,ko".encode())
    'csv'
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"<"):
        import re

        m = re.search(rb"<(?:\w+:)?(tbx|martif)\b", head)
        if m:
            return "tbx" if m[1] == b"tbx" else "tbx2"
        raise InputError(gettext("{path}: XML but not TBX (no <tbx> or <martif> root)").format(path=path))
    if head.startswith((b"[", b"{")) and path.suffix.lower() != ".csv":
        return "json"
    return _EXTENSIONS.get(path.suffix.lower(), "csv")


def read_export(
    path: Path, fmt: str | None = None, *, skipped: list[str] | None = None, separator: str = " | "
) -> list[Entry]:
    """Read entries from an export -- ours or another tool's -- in any format
    of :data:`READERS`, detected from the content and extension unless given.

    ``skipped`` collects what was left out (a TBX concept or a table row
    with no Chinese term);
    ``separator`` is the one a CSV/XLSX was written with.
    A missing, unreadable or malformed file raises :class:`InputError`
    naming the file and the problem.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "g.json"
    >>> write_export([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], p, "json")
    >>> [e.ko for e in read_export(p)]
    ['양회']
    """
    from glossary.limits import current

    path = Path(path)
    limit = current().import_bytes
    try:
        if path.stat().st_size > limit:
            raise InputError(gettext("{path}: more than the limit of {limit} bytes (raise it with --limit import_bytes=N)").format(
                path=path, limit=limit))
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(gettext("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from None
    fmt = fmt or detect_format(path, data)
    reader = READERS.get(fmt)
    if reader is None:
        raise InputError(
            gettext("{path}: cannot import {format} files; use one of {choices}").format(
                path=path, format=fmt, choices=", ".join(sorted(READERS))
            )
        )
    if reader is _read_tbx_any:
        return reader(data, str(path), skipped)
    if fmt in ("csv", "xlsx"):
        return reader(data, str(path), separator, skipped)
    return reader(data, str(path))


def write_export(
    entries: Iterable[Entry], path: Path | None, fmt: str, options: ExportOptions | None = None
) -> None:
    """Write ``entries`` in format ``fmt`` to ``path``, or to standard output
    when ``path`` is None.

    A list (or tuple) of entries is sorted by key first; an iterator is
    written in its own order, streaming. The file is written atomically: to a
    temporary file in the same folder, then moved over ``path``, so a failure
    leaves no half-written file. An unwritable path raises :class:`OutputError`.

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "sub" / "g.tsv"
    >>> write_export([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], p, "tsv",
    ...              ExportOptions(pair=("zh-Hant", "ko")))
    >>> p.read_text(encoding="utf-8")
    '兩會\\t양회\\t\\n'
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise OutputError(
            gettext("unknown format {format!r}; use one of {choices}").format(format=fmt, choices=", ".join(sorted(WRITERS)))
        )
    options = options or ExportOptions()
    if options.langs:
        normalize_langs(options.langs)  # a bad tag fails before any file is touched
    if isinstance(entries, Sequence):
        entries = sorted(entries, key=lambda e: e.key)
    if path is None:
        out = sys.stdout.buffer
        writer(entries, out, options)
        out.flush()
        return
    from glossary.fileio import atomic_output

    with atomic_output(Path(path)) as fh:
        writer(entries, fh, options)


#: Formats written together in one pass when the build writes both with the same options: the
#: writer of the pair, given the first format's file, then the second's.
PAIRS: dict[tuple[str, str], Callable[[Iterable[Entry], BinaryIO, BinaryIO, ExportOptions], None]] = {
    ("csv", "xlsx"): write_csv_xlsx,
    ("tbx2", "tbx"): write_tbx_pair,
}


def write_outputs(entries: Sequence[Entry], folder: Path, outputs: Iterable[Output] = OUTPUTS) -> None:
    """Write each of ``outputs`` into ``folder``, as :func:`write_export` would, one file after the other.

    The formats of a pair of :data:`PAIRS` with the same options are written
    together, in one pass: CSV and XLSX share their rows, the two TBX forms
    their concepts (which differ only in element names), so each is made
    once; and each entry's context sentences are chosen once for all
    (:func:`glossary.export.common.sharing_contexts`). Same bytes as one
    writer per file.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> write_outputs([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], folder)
    >>> sorted(p.name for p in folder.iterdir()) == sorted(o.name for o in OUTPUTS)
    True
    """
    in_order = sorted(entries, key=lambda e: e.key)
    writers = output_writers(folder, outputs)
    with sharing_contexts():  # each entry's context sentences chosen once for every file
        for write in writers:
            write(in_order)


def output_writers(folder: Path, outputs: Iterable[Output] = OUTPUTS) -> list[Callable[[Iterable[Entry]], None]]:
    """The writers of ``outputs`` into ``folder``: one per file (:func:`write_export`), or per pair of :data:`PAIRS`.

    Each takes the entries in key order and reads them once, so the build
    can run them all over one stream (:func:`glossary.fanout.fan_out`). Each
    file is written atomically.
    """
    from functools import partial

    from glossary.fileio import atomic_output

    outputs = list(outputs)
    partner: dict[int, Output] = {}  # id of the first output of a pair -> the second
    for first, second in PAIRS:
        a = next((o for o in outputs if o.format == first and id(o) not in partner), None)
        b = next((o for o in outputs if o.format == second and a is not None and o.options == a.options), None)
        if a is not None and b is not None:
            partner[id(a)] = b
    done = {id(b) for b in partner.values()}

    def pair(output: Output, second: Output, entries: Iterable[Entry]) -> None:
        if output.options.langs:
            normalize_langs(output.options.langs)  # a bad tag fails before any file is touched
        with atomic_output(folder / output.name) as fh1, atomic_output(folder / second.name) as fh2:
            PAIRS[(output.format, second.format)](entries, fh1, fh2, output.options)

    writers: list[Callable[[Iterable[Entry]], None]] = []
    for output in outputs:
        if id(output) in done:
            continue
        second = partner.get(id(output))
        if second is None:
            writers.append(partial(write_export, path=folder / output.name, fmt=output.format, options=output.options))
        else:
            writers.append(partial(pair, output, second))
    return writers
