"""Sources stage: input files -> decoded :class:`~glossary.model.Source` records.

The only package that reads input files. One reader per format family,
chosen from the :data:`READERS` registry by extension (:data:`FORMATS`) or,
for a file named directly, by its first bytes:

- ``text``, ``markdown``, ``html`` (:mod:`.text`, :mod:`.markdown`,
  :mod:`.html`): encodings detected, line ``n`` of the text is line ``n`` of
  the file;
- ``pdf`` (:mod:`.pdf`): the text layer in reading order, page and line;
- ``docx``, ``odt``, ``hwpx``, ``epub`` (zip packages of XML, opened with
  bounds against hostile archives by :mod:`.archive`): paragraph, table row,
  note or chapter.

Readers of documents without lines give each paragraph (PDF: each line) a
label a person finds it by (``Source.locator``: "p. 3, l. 12", "¶ 4"), and
keep paragraph ends hard (:mod:`.document`). Formats that cannot be read
(:data:`UNSUPPORTED`) are refused with what would read them; a folder walk
skips them and says so (:class:`Skipped`, :func:`skipped_summary`).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from glossary.i18n import N_, _, ngettext, os_reason
from glossary.model import InputError, Source
from glossary.sources.html import html_to_text
from glossary.sources.markdown import markdown_to_text
from glossary.sources.text import LEGACY_CODECS, decode_bytes, plausibility

__all__ = ["FORMATS", "LEGACY_CODECS", "READERS", "STREAMED", "UNSUPPORTED", "Skipped", "decode_bytes",
           "html_to_text", "iter_sources", "iter_windows", "list_sources", "markdown_to_text", "plausibility", "read_source", "skipped_summary"]


def _read_text(path: Path, fmt: str = "text") -> Source:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from exc
    if fmt == "text" and data.startswith((b"%PDF-", b"PK\x03\x04", _OLE)):
        kind, hint = _sniff(path, data[:8])
        raise InputError(_("{path}: {kind}, not text: {hint}").format(path=path, kind=kind, hint=hint),
                         _("not supported"))
    text, encoding = decode_bytes(data, str(path))
    if fmt == "text" and re.match(r"\s*(<!doctype html|<html[\s>])", text[:500], re.IGNORECASE):
        fmt = "html"
    if fmt == "html":
        text = html_to_text(text)
    elif fmt == "markdown":
        text = markdown_to_text(text)
    return Source(path=str(path), text=text, encoding=encoding, format=fmt)


def _pdf(path: Path) -> Source:
    from glossary.sources.pdf import read_pdf

    return read_pdf(path)


def _docx(path: Path) -> Source:
    from glossary.sources.docx import read_docx

    return read_docx(path)


def _odt(path: Path) -> Source:
    from glossary.sources.odt import read_odt

    return read_odt(path)


def _hwpx(path: Path) -> Source:
    from glossary.sources.hwpx import read_hwpx

    return read_hwpx(path)


def _epub(path: Path) -> Source:
    from glossary.sources.epub import read_epub

    return read_epub(path)


#: Format name -> reader. Each reader takes a path and returns a Source
#: (or raises InputError naming the file); heavy libraries load on first use.
READERS: dict[str, Callable[[Path], Source]] = {
    "text": _read_text,
    "markdown": lambda p: _read_text(p, "markdown"),
    "html": lambda p: _read_text(p, "html"),
    "pdf": _pdf,
    "docx": _docx,
    "odt": _odt,
    "hwpx": _hwpx,
    "epub": _epub,
}

#: Extensions picked up when a directory is walked, and the format they mean.
FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".pdf": "pdf",
    ".docx": "docx", ".docm": "docx",
    ".odt": "odt",
    ".hwpx": "hwpx",
    ".epub": "epub",
}

#: Formats people have that are not read, with what to do instead.
UNSUPPORTED = {
    ".hwp": (N_("HWP 5 binary document"), N_("open it in Hangul and save it as HWPX "
                                            "(File > Save As > HWPX), then read the .hwpx")),
    ".doc": (N_("Word 97-2003 document"), N_("save it as .docx, e.g. `soffice --headless --convert-to docx FILE`")),
    ".rtf": (N_("RTF document"), N_("save it as .docx, e.g. `soffice --headless --convert-to docx FILE`")),
    ".pptx": (N_("PowerPoint presentation"), N_("not supported: export the slides as PDF and read that")),
    ".ppt": (N_("PowerPoint presentation"), N_("not supported: export the slides as PDF and read that")),
    ".xlsx": (N_("Excel workbook"), N_("not supported: to add a glossary table use `glossary import`")),
    ".xls": (N_("Excel workbook"), N_("not supported: save it as .xlsx and use `glossary import`")),
    ".odp": (N_("OpenDocument presentation"), N_("not supported: export it as PDF and read that")),
    ".ods": (N_("OpenDocument spreadsheet"), N_("not supported: save it as .xlsx and use `glossary import`")),
    ".pages": (N_("Apple Pages document"), N_("export it as .docx or PDF and read that")),
    ".mobi": (N_("Kindle book"), N_("convert it to EPUB (e.g. with Calibre) and read that")),
    ".azw3": (N_("Kindle book"), N_("convert it to EPUB (e.g. with Calibre) and read that")),
}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_KINDS = (  # a member or mimetype that tells what a zip package is
    ("word/document.xml", "docx"), ("application/vnd.oasis.opendocument.text", "odt"),
    ("application/epub+zip", "epub"), ("application/hwp+zip", "hwpx"), ("Contents/section0.xml", "hwpx"),
    ("ppt/presentation.xml", ".pptx"), ("xl/workbook.xml", ".xlsx"),
    ("application/vnd.oasis.opendocument.presentation", ".odp"),
    ("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
)


def _sniff(path: Path, head: bytes) -> tuple[str, str]:
    """What a file is by its first bytes: (what it is, what would read it), for messages."""
    if head.startswith(b"%PDF-"):
        return _("a PDF document"), _("name it with the extension .pdf")
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        if kind in READERS:
            return (_("a {kind} document").format(kind=kind.upper()),
                    _("name it with the extension .{ext}").format(ext=kind))
        if kind in UNSUPPORTED:
            return _(UNSUPPORTED[kind][0]), _(UNSUPPORTED[kind][1])
        return _("a zip archive"), _("unpack it and read the files inside")
    if head == _OLE:
        return (_("an OLE compound document (HWP 5, Word 97-2003 or Excel 97-2003)"),
                _("save it as HWPX or .docx and read that"))
    return _("a binary file"), _("not a format glossary reads")


def _zip_kind(path: Path) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100].decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    for marker, kind in _ZIP_KINDS:
        if marker == mimetype or marker in names:
            return kind
    return None


def _format_of(path: Path) -> str:
    """The reader for a file: by extension, else by content (a .pdf named report.bin)."""
    suffix = path.suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in UNSUPPORTED:
        kind, hint = UNSUPPORTED[suffix]
        raise InputError(_("{path}: {kind}: {hint}").format(path=path, kind=_(kind), hint=_(hint)),
                         _("not supported"))
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as exc:
        raise InputError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from exc
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        if kind in READERS:
            return kind
    return "text"


def read_source(path: Path) -> Source:
    """Read and decode one input file into a :class:`Source`.

    The format comes from the extension (:data:`FORMATS`), else from the
    content (a PDF or an Office package under another name, an HTML doctype).

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write("양회(兩會)가 열렸다".encode("cp949"))
    >>> src = read_source(Path(f.name)); os.unlink(f.name)
    >>> src.text, src.encoding
    ('양회(兩會)가 열렸다', 'cp949')
    """
    from glossary.limits import current

    path = Path(path)
    try:
        st = os.stat(path)
    except OSError as exc:
        if os.path.islink(path):
            reason = _("a symbolic link loop") if exc.errno == errno.ELOOP else _("a symbolic link to nothing")
            raise InputError(_("{path}: {reason}").format(path=path, reason=reason)) from None
        if exc.errno == errno.ENOENT:
            raise InputError(_("{path}: no such file or directory").format(path=path)) from None
        raise InputError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(_("{path}: is a directory, not a text file").format(path=path))
    limit = current().text_bytes
    if st.st_size > limit:
        raise InputError(
            _("{path}: {size} bytes, more than the limit of {limit} (raise it with --limit text_bytes=N)").format(
                path=path, size=st.st_size, limit=limit
            )
        )
    return READERS[_format_of(path)](path)


#: Formats a big file of which is read in windows (:mod:`.stream`) rather than whole.
STREAMED = ("text", "markdown", "html")


def iter_windows(path: Path) -> Iterator[Source]:
    """Read one input file as :class:`Source` records: the whole text, or windows of a big one.

    A plain-text, Markdown or HTML file larger than ``limits.text_window``
    bytes comes in windows of about that many characters, each with the
    file line it starts on (``Source.line``), cut where no occurrence can
    be lost or doubled (:mod:`.stream`); memory stays flat in the file's
    size, whatever it is. Any other file is :func:`read_source`.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write("양회(兩會)가 열렸다".encode("utf-8"))
    >>> [(s.text, s.line) for s in iter_windows(Path(f.name))]; os.unlink(f.name)
    [('양회(兩會)가 열렸다', 1)]
    """
    from glossary.limits import current

    path = Path(path)
    window = current().text_window
    try:
        st = os.stat(path)
    except OSError:
        st = None  # read_source says why
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size <= window:
        yield read_source(path)
        return
    fmt = _format_of(path)
    if fmt not in STREAMED:
        yield read_source(path)
        return
    if fmt == "text":
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith((b"%PDF-", b"PK\x03\x04", _OLE)):
            yield read_source(path)  # says what it is
            return
    from glossary.sources.stream import stream_source

    yield from stream_source(path, fmt, window)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file a folder walk did not read, and why ("not supported", "no text layer")."""

    path: str
    reason: str

    @property
    def kind(self) -> str:
        """The extension, or the file name when it has none: ".pptx"."""
        return Path(self.path).suffix.lower() or Path(self.path).name


class Progress(Protocol):
    """What :func:`iter_sources` reports to while it reads (see :mod:`glossary.progress`)."""

    def start(self, files: int, total_bytes: int) -> None: ...  # noqa: D102
    def advance(self, path: str, size: int) -> None: ...  # noqa: D102


def list_sources(paths: Iterable[Path], skipped: list[Skipped] | None = None) -> list[tuple[Path, bool]]:
    """The files a read will visit, each with whether it was named directly.

    Folders are walked recursively in sorted order; hidden files and folders,
    and a build's output folder (:data:`BUILD_INDEX`), are passed over; other
    files whose extension no reader takes are put in
    ``skipped`` as "not supported".
    """
    out: list[tuple[Path, bool]] = []
    seen: set[tuple[int, int]] = set()  # (device, inode) of every folder and file met: each real path once
    for path in paths:
        path = Path(path)
        if path.is_dir():
            out.extend((child, False) for child in _walk(path, path, skipped, seen))
        else:
            try:
                st = os.stat(path)
                if stat.S_ISREG(st.st_mode):
                    if (st.st_dev, st.st_ino) in seen:
                        continue  # named twice, or inside a folder named too
                    seen.add((st.st_dev, st.st_ino))
            except OSError:
                pass  # read_source says why
            out.append((path, True))
    return out


def iter_sources(paths: Iterable[Path], *, skipped: list[Skipped] | None = None,
                 progress: Progress | None = None) -> Iterator[Source]:
    """Read every file named, walking directories recursively in sorted order.

    In directories only the extensions of :data:`FORMATS` are read and hidden
    files and folders are skipped; a file named explicitly is read whatever
    its extension, and one that cannot be read is an error. A walked file
    that cannot be read (a scan without text, an encrypted PDF, a damaged
    package) goes into ``skipped`` with its reason when a list is given, and
    stops the read otherwise. One file at a time, so memory stays flat.

    >>> list(iter_sources([]))
    []
    """
    files = list_sources(paths, skipped)
    sizes = [_size(p) for p, _ in files] if progress is not None else []
    if progress is not None:
        progress.start(len(files), sum(sizes))
    for n, (path, named) in enumerate(files):
        try:
            source = read_source(path)
        except InputError as exc:
            if named or skipped is None:
                raise
            skipped.append(Skipped(str(path), exc.reason))
            source = None
        if source is not None:
            yield source  # the caller extracts it before asking for the next one
        if progress is not None:
            progress.advance(str(path), sizes[n])


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


#: A folder holding this file is a build's output folder (``glossary.build.INDEX_FILE``): a walk passes
#: over it, so that ``glossary build .`` does not read its own glossary (``glossary.en-ko.txt``) next time.
BUILD_INDEX = "glossary.sqlite"


def _walk(folder: Path, root: Path, skipped: list[Skipped] | None, seen: set) -> Iterator[Path]:
    """Files under ``folder``: each real folder and file once (symbolic link loops, links back up,
    two links to one file), regular files only (a FIFO would block the read forever); not the
    folders a build wrote (:data:`BUILD_INDEX`)."""
    try:
        st = os.stat(folder)
        children = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise InputError(_("{path}: cannot read: {reason}").format(path=folder, reason=os_reason(exc))) from exc
    if (st.st_dev, st.st_ino) in seen:  # a symbolic link back up the tree
        return
    seen.add((st.st_dev, st.st_ino))
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            st = os.stat(child)
        except OSError as exc:
            if skipped is not None and child.is_symlink():
                reason = _("a symbolic link loop") if exc.errno == errno.ELOOP else _("a symbolic link to nothing")
                skipped.append(Skipped(str(child), reason))
            continue
        if stat.S_ISDIR(st.st_mode):
            if not os.path.isfile(child / BUILD_INDEX):
                yield from _walk(child, root, skipped, seen)
        elif not stat.S_ISREG(st.st_mode):
            if skipped is not None:
                skipped.append(Skipped(str(child), _("not a regular file; not opened")))
        elif (st.st_dev, st.st_ino) in seen:
            continue
        elif child.suffix.lower() in FORMATS:
            seen.add((st.st_dev, st.st_ino))
            yield child
        elif skipped is not None:
            skipped.append(Skipped(str(child), _("not supported")))


def skipped_summary(skipped: list[Skipped]) -> str:
    """One line: how many files a walk skipped, by kind and reason.

    >>> skipped_summary([Skipped("a.pptx", "not supported"), Skipped("b/c.pptx", "not supported"),
    ...                  Skipped("d.pdf", "no text layer")])
    'skipped 3 files: 2 .pptx (not supported), 1 .pdf (no text layer)'
    """
    from glossary.locales import format_number

    groups = Counter((s.kind, s.reason) for s in skipped)
    items = ", ".join(
        # TRANSLATORS: one group of "skipped 3 files: 2 .pptx (not supported), ..."
        _("{count} {kind} ({reason})").format(count=format_number(n), kind=kind, reason=reason)
        for (kind, reason), n in sorted(groups.items(), key=lambda item: (-item[1], item[0]))
    )
    return ngettext("skipped {count} file: {items}", "skipped {count} files: {items}", len(skipped)).format(
        count=format_number(len(skipped)), items=items)
