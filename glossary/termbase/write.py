"""Replace terms.yaml by new text, only after checking that nothing the user wrote is lost.

In: the path, the old and new text, the user's lines to keep, the terms
before and the fields expected to change. Out: the file replaced
atomically (or nothing, on a dry run), or a
:class:`~glossary.model.TermbaseError` naming the term and the reason,
with nothing written. Also the lock beside the file (``_locked``) under
which an update runs, and the clean-up of temporary files a killed run left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from glossary.i18n import _
from glossary.model import Term, TermbaseError
from glossary.termbase.layout import split_lines
from glossary.termbase.read import _load_terms
from glossary.termbase.records import _COMPARED_FIELDS, _field_value


def write_termbase(
    path: Path,
    old: str,
    new: str,
    *,
    bom: bool = False,
    kept: list[str] | None = None,
    old_terms: tuple[Term, ...] = (),
    expected: dict[str, dict[str, Any]] | None = None,
    dry_run: bool = False,
    reuse: dict[int, tuple[int, Term]] | None = None,
) -> None:
    """Replace ``terms.yaml`` by ``new``, after checking it; the one way the tool writes the file.

    The check: ``new`` parses, passes the validator ``build`` uses, every
    line in ``kept`` (the user's lines) is still there, in order, byte for
    byte, every term of ``old_terms`` is still there with the same fields
    except those named in ``expected``, and every field in ``expected``
    reads back exactly as given. Anything else is a :class:`TermbaseError`
    naming the term and the reason, and nothing is written. The file keeps
    its byte-order mark; the write is atomic (call it under the lock).
    ``reuse``: the blocks the update left byte for byte (new key line ->
    new last line, term), which the check parses but need not rebuild
    (:func:`~glossary.termbase.read._load_terms`).
    """
    try:
        new_terms = _load_terms(new, path, reuse)
    except TermbaseError as exc:
        raise TermbaseError(
            _("{path}: the update was not written, it would make the file invalid: {reason}").format(path=path, reason=exc)
        ) from None
    _check_kept(path, kept if kept is not None else split_lines(old), split_lines(new))
    expected = expected or {}
    by_key = {t.key: t for t in new_terms}
    same = {term.key for _, term in (reuse or {}).values()}
    for term in old_terms:
        now = by_key.get(term.key)
        if now is None:
            raise _not_written(path, term.key, _("the block would disappear"))
        if term.key in same:
            continue  # read back from the same bytes at the same place (checked by _load_terms)
        changes = expected.get(term.key, {})
        for name in _COMPARED_FIELDS:
            want = changes[name] if name in changes else _field_value(term, name)
            if _field_value(now, name) != want:
                raise _not_written(path, term.key, _("{field} would read back changed").format(field=name))
    for key, changes in expected.items():
        now = by_key.get(key)
        if now is None:
            raise _not_written(path, key, _("the new block would not read back"))
        for name, want in changes.items():
            if _field_value(now, name) != want:
                raise _not_written(
                    path, key, _("{field} would read back as {got!r}, not {want!r}").format(
                        field=name, got=_field_value(now, name), want=want
                    )
                )
    if len(new_terms) != len(old_terms) + len(set(expected) - {t.key for t in old_terms}):
        raise _not_written(path, "?", _("the number of blocks would not add up"))
    if dry_run:
        return
    _atomic_write_text(path, ("\ufeff" if bom else "") + new)


def _not_written(path: Path, key: str, reason: str) -> TermbaseError:
    return TermbaseError(_("{path}: {key}: the update was not written: {reason}").format(path=path, key=key, reason=reason))


def _check_kept(path: Path, kept: list[str], new_lines: list[str]) -> None:
    """Every kept line, in order, in the new lines (a missing final line break aside)."""
    it = iter(new_lines)
    for number, line in enumerate(kept, 1):
        bare = line.rstrip("\r\n\x85\u2028\u2029")
        for candidate in it:
            if candidate == line or (candidate.rstrip("\r\n") == bare and bare == line):
                break
        else:
            raise TermbaseError(
                _("{path}: the update was not written: your line {line!r} would be lost").format(path=path, line=bare[:80])
            )


def _atomic_write_text(path: Path, text: str) -> None:
    from glossary.fileio import atomic_write

    atomic_write(path, text.encode("utf-8"))


def _clean_temporaries(path: Path) -> None:
    """Remove ``.terms.yaml.*.tmp`` files a killed run left (under the lock, no writer is running)."""
    for tmp in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def _locked(path: Path):  # noqa: ANN202 - a context manager
    """Hold an exclusive lock beside ``path`` (``.terms.yaml.lock``) while updating it."""
    from glossary.fileio import exclusive_lock

    return exclusive_lock(path.with_name(f".{path.name}.lock"), TermbaseError, shown=path)
