"""The build's outputs as one transaction: a reader sees the whole old set or the whole new set.

Input: entries, the output folder (``out/``), what was read. Output: the
files of :data:`BUILD_FILES` and the lookup index, in ``out/``.

Steps: every file is written into a staging folder beside ``out/``
(``.out.staging-PID``, same filesystem), all of them and the index in one
pass over the entries, which the merge makes as they are read
(:func:`glossary.fanout.fan_out`: memory holds a batch of entries); then the staging folder and
``out/`` are exchanged in one atomic step (``renameat2(RENAME_EXCHANGE)`` on
Linux), and the old set, now in the staging folder's place, is removed. Where
the system cannot exchange two folders, ``out/`` is renamed aside and the
staging folder renamed in its place (two renames; a build killed between them
is rolled back by the next run). When ``out/`` holds files the build does not
write (a folder of the user's), the folder is left in place and each file is
moved in with an atomic rename, the index last. A failed or interrupted
build removes its staging folder; stale ones of a killed run are removed by
the next build. Builds into one folder take turns (a lock beside it).

Hand-written: the standard library has atomic file replacement, not an
atomic exchange of folders.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from glossary.export import OUTPUTS, Output
from glossary.i18n import _, os_reason
from glossary.model import Entry, OutputError

#: What ``glossary build`` writes besides the index: file name -> export
#: format (a key of ``glossary.export.WRITERS``), from
#: :data:`glossary.export.OUTPUTS`, the one list of the build's outputs (with
#: each file's options): add a file there and the transaction carries it.
BUILD_FILES: dict[str, str] = {o.name: o.format for o in OUTPUTS}
#: The lookup index, written last.
INDEX_FILE = "glossary.sqlite"
#: Files that live in ``out/`` from one build to the next and are carried
#: into the new set: the per-term cache (``glossary.memo.cache_path``).
KEPT_FILES = (".glossary-cache.sqlite",)


def build_outputs(out: Path) -> list[Path]:
    """Every path a build into ``out`` writes, the index last.

    >>> [p.name for p in build_outputs(Path("out"))][-1]
    'glossary.sqlite'
    """
    return [out / name for name in BUILD_FILES] + [out / INDEX_FILE]


def check_output_folder(out: Path, inputs: Iterable[str]) -> None:
    """Refuse an output folder that is a file, or that would overwrite or hold an input.

    >>> check_output_folder(Path("no-such-folder"), ["seeds/a.txt"])
    """
    if out.exists() and not out.is_dir():
        raise OutputError(_("--out {path}: not a folder (it is a file)").format(path=out))
    real_out = os.path.realpath(out)
    targets = {os.path.realpath(p) for p in build_outputs(out)}
    for name in inputs:
        real = os.path.realpath(name)
        if real in targets:
            raise OutputError(_("--out {path}: the build would overwrite the input {input}").format(path=out, input=name))
        if real.startswith(real_out + os.sep):
            raise OutputError(
                _("--out {path}: the folder holds the input {input}; write the glossary into another folder").format(
                    path=out, input=name
                )
            )


def write_build(
    entries: Iterable[Entry], out: Path, *, inputs: dict[str, str], folders: Iterable[str] = (),
    before_swap: Callable[[], None] | None = None,
) -> list[Path]:
    """Write every output of a build into ``out`` as one transaction; return the paths written.

    ``entries``: a list (sorted by key here), or a stream in key order that
    is read once (:class:`glossary.pipeline.EntryStream`): every file and
    the index are written in one pass over it (:func:`glossary.fanout.fan_out`),
    so memory holds a batch of entries. ``before_swap`` runs once every file
    is written, before the kept files (the cache) are carried into the new set.
    """
    from glossary.export import output_writers
    from glossary.export.common import forget_contexts, sharing_contexts
    from glossary.fanout import fan_out

    out = Path(out)
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(_("{path}: cannot write: {reason}").format(path=out, reason=os_reason(exc))) from None
    if isinstance(entries, Sequence):
        entries = sorted(entries, key=lambda e: e.key)
    with _locked(parent / f".{out.name}.lock"):
        clean_stale(out)
        staging = parent / f".{out.name}.staging-{os.getpid()}"
        try:
            staging.mkdir()
            json_output = next((o for o in OUTPUTS if o.format == "json" and o.options.langs is None), None)
            writers = output_writers(staging, [o for o in OUTPUTS if o is not json_output])
            index = partial(_write_index, staging=staging, json_output=json_output, inputs=inputs,
                            folders=tuple(folders))
            with _no_cycle_collection(), sharing_contexts():  # each entry's context sentences chosen once for every file
                fan_out(_in_key_order(entries), [*writers, index], between=forget_contexts)
            if before_swap is not None:
                before_swap()
            _carry_kept(out, staging)
            _sync_folder(staging)
            _swap_in(staging, out)
        except OSError as exc:
            raise OutputError(_("{path}: cannot write: {reason}").format(path=out, reason=os_reason(exc))) from None
        finally:
            _remove(staging)
    return build_outputs(out)


def _in_key_order(entries: Iterable[Entry]) -> Iterator[Entry]:
    """``entries``, checked to come in key order as they pass (the TBX ids and the JSON list rely on it)."""
    last = None
    for entry in entries:
        if last is not None and entry.key < last:
            raise ValueError(f"entries out of key order: {entry.key!r} after {last!r}")
        last = entry.key
        yield entry


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused while the outputs are written (and the entries made, as they are read).

    Why: making and writing an entry makes and drops a few dozen containers, none of
    them in a reference cycle, so reference counting frees them all (the
    cycles left when the block ends are openpyxl's workbook and the like: 253
    objects after writing 18 entries, 565 after 20,000); the collector's passes
    meanwhile walk the whole heap again and again, the entries of a large
    build included: 8 % of the CPU time of writing 20,000 entries. The
    collector runs as before once the block ends.
    """
    import gc

    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _write_index(
    entries: Iterable[Entry], *, staging: Path, json_output: Output | None, inputs: dict[str, str],
    folders: tuple[str, ...]
) -> None:
    """The lookup index of ``entries`` in ``staging`` and, with ``json_output``, that JSON file, in one pass.

    Each entry's object is converted once (``entry_to_json``), written to
    the JSON file and handed to the index as it is
    (:func:`glossary.export.jsondoc.written_json`), instead of the index
    converting every entry a second time or reading the file back. The
    entries are read once: the index and the JSON writer take each in turn
    (``tee``, which holds at most one).
    """
    from itertools import tee

    from glossary.export.jsondoc import written_json
    from glossary.fileio import atomic_output
    from glossary.index import build_index

    if json_output is None:
        build_index(entries, staging / INDEX_FILE, inputs=inputs, folders=folders)
        return
    for_index, for_json = tee(entries)
    with atomic_output(staging / json_output.name) as fh:
        objects = written_json(for_json, fh, json_output.options)
        build_index(for_index, staging / INDEX_FILE, inputs=inputs, folders=folders, entry_json=objects)
        for _ in objects:  # the index stops taking them at an object not its entry's: the file is written whole
            pass


def clean_stale(out: Path) -> None:
    """Remove what a killed build left beside ``out``; put back an ``out`` renamed aside.

    Called under the lock, so no other build is running into ``out``.
    """
    parent = out.absolute().parent
    prefix = f".{out.name}."
    try:
        names = os.listdir(parent)
    except OSError:
        return
    aside = sorted(n for n in names if n.startswith(prefix + "old-"))
    if aside and not out.exists():
        os.replace(parent / aside.pop(), out)  # killed between the two renames: roll back
    for name in names:
        if name.startswith((prefix + "staging-", prefix + "old-")) and (parent / name).exists():
            _remove(parent / name)
    if out.is_dir():  # temporaries of an older version, written inside out/
        for name in os.listdir(out):
            if name.startswith(".glossary.") and name.endswith(".tmp"):
                _remove(out / name)


def _carry_kept(out: Path, staging: Path) -> None:
    """Link (or copy) the files a build keeps from ``out`` into the staging set."""
    for name in KEPT_FILES:
        if (out / name).is_file():
            try:
                os.link(out / name, staging / name)
            except OSError:
                shutil.copy2(out / name, staging / name)


def _swap_in(staging: Path, out: Path) -> None:
    ours = {p.name for p in build_outputs(out)} | set(KEPT_FILES)
    if not out.exists():
        os.rename(staging, out)
        return
    if set(os.listdir(out)) - ours:  # the user's folder: move each file in, the index last
        for name in [*BUILD_FILES, INDEX_FILE]:
            os.replace(staging / name, out / name)
        return
    if _exchange(staging, out):
        return  # staging now holds the old set; the caller removes it
    aside = out.absolute().parent / f".{out.name}.old-{os.getpid()}"
    os.rename(out, aside)
    os.rename(staging, out)
    _remove(aside)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2``); False where the system cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, ImportError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()
    except OSError:
        pass


def _locked(lock_path: Path):  # noqa: ANN202 - a context manager
    from glossary.fileio import exclusive_lock

    return exclusive_lock(lock_path, OutputError)
