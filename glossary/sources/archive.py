"""Zip packages (DOCX, ODT, HWPX, EPUB), opened with bounds against hostile archives.

Office documents, Hangul's HWPX and EPUB books are zip files of XML. A zip
can claim small sizes and inflate to gigabytes (a "zip bomb"), or hold
millions of entries; these helpers refuse both before and while reading, so
a hostile file costs a bounded amount of memory and time. Members are
streamed (``ZipFile.open``), never read whole, so the XML parsers above them
run in memory flat in the document's size.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO

from glossary.i18n import _
from glossary.model import InputError

# Fixed bounds of any zip package, not settings of glossary/limits.py (whose
# limits a user raises with --limit): no real document comes near them.
#: Entries in one package. A Word file has a few dozen, a long EPUB book a few
#: hundred (a file per chapter and image); 10,000 is far beyond any real one.
MAX_ENTRIES = 10_000
#: Bytes all members may inflate to, together. 1 GiB of XML is some 300,000
#: printed pages, more than any document a person sends; a bomb is far larger.
MAX_INFLATED = 1 << 30
#: Inflated/compressed size of one member. Text XML compresses 5-20 times,
#: a padded table perhaps 100 times; bombs compress 1,000 times and more.
MAX_RATIO = 400


def open_package(path: Path, kind: str) -> zipfile.ZipFile:
    """Open a zip package, refusing one that is not a zip or is out of bounds.

    ``kind`` names the format for messages ("DOCX", "EPUB").
    """
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(_("{path}: not a valid {kind} file (not a zip package)").format(path=path, kind=kind),
                         _("damaged")) from exc
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        zf.close()
        raise InputError(_("{path}: {kind} package with {count} entries, more than the {limit} allowed").format(
            path=path, kind=kind, count=len(infos), limit=MAX_ENTRIES), _("too many entries"))
    total = sum(info.file_size for info in infos)
    if total > MAX_INFLATED:
        zf.close()
        raise InputError(_("{path}: {kind} package would inflate to {size} MB, more than the {limit} MB allowed").format(
            path=path, kind=kind, size=total >> 20, limit=MAX_INFLATED >> 20), _("too large"))
    return zf


class _Bounded(io.RawIOBase):
    """A member stream that stops at its declared size and at :data:`MAX_RATIO`."""

    def __init__(self, raw: IO[bytes], limit: int, where: str) -> None:
        self.raw, self.limit, self.where, self.count = raw, limit, where, 0

    def readable(self) -> bool:  # noqa: D102
        return True

    def readinto(self, buffer: bytearray) -> int:  # noqa: D102
        data = self.raw.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise InputError(_("{where}: inflates beyond its declared size (a hostile archive)").format(
                where=self.where), _("hostile archive"))
        buffer[:len(data)] = data
        return len(data)

    def close(self) -> None:  # noqa: D102
        self.raw.close()
        super().close()


def open_member(zf: zipfile.ZipFile, name: str, path: Path) -> IO[bytes]:
    """Stream one member, bounded; a missing member is an :class:`InputError` naming it."""
    try:
        info = zf.getinfo(name)
    except KeyError as exc:
        raise InputError(_("{path}: damaged package: {member} is missing").format(path=path, member=name),
                         _("damaged")) from exc
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        raise InputError(_("{path}: {member} is compressed {ratio} times, like a zip bomb").format(
            path=path, member=name, ratio=info.file_size // info.compress_size), _("hostile archive"))
    return io.BufferedReader(_Bounded(zf.open(info), info.file_size, f"{path}: {name}"))


def read_member(zf: zipfile.ZipFile, name: str, path: Path) -> bytes:
    """A small member (a manifest, a mimetype) read whole, bounded like :func:`open_member`."""
    with open_member(zf, name, path) as stream:
        return stream.read()
