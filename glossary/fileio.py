"""Atomic output: a file is either written whole or not at all.

Used by the modules that write (termbase, export, index). Data is written to
a temporary file in the target's folder and moved over the target with
:func:`os.replace`, so a crash or a full disk never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from glossary.i18n import _, os_reason
from glossary.model import OutputError


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """Open a binary temp file that replaces ``path`` when the block succeeds.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> with atomic_output(target) as fh:
    ...     _ = fh.write(b"ok")
    >>> target.read_bytes()
    b'ok'
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(_("{path}: cannot write: {reason}").format(path=path, reason=os_reason(exc))) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise OutputError(_("{path}: cannot write: {reason}").format(path=path, reason=os_reason(exc))) from None
    except BaseException:
        _remove(tmp)
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_output(path) as fh:
        fh.write(data)


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


@contextmanager
def exclusive_lock(lock_path: Path, error: type[Exception] = OutputError, shown: Path | None = None) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``lock_path`` (created if missing) while the block runs.

    Writers of one file or folder take turns: ``extract --add`` on terms.yaml,
    builds into one ``out/``. A lock that cannot be taken is ``error``
    naming ``shown`` (default: the lock file).

    >>> import tempfile, pathlib
    >>> with exclusive_lock(pathlib.Path(tempfile.mkdtemp()) / ".x.lock"):
    ...     pass
    """
    try:
        fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as exc:
        raise error(
            _("{path}: cannot lock for writing: {reason}").format(path=shown or lock_path, reason=os_reason(exc))
        ) from None
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # Windows
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        yield
    finally:
        os.close(fd)
