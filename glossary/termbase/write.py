"""Replace terms.yaml by new text, only after checking that nothing the user wrote is lost.

In: the path, the old and new text, the user's lines to keep, the terms
before and the fields expected to change. Out: the file replaced
atomically (or nothing, on a dry run), or a
:class:`~glossary.model.TermbaseError` naming the term and the reason,
with nothing written. Also the lock beside the file (``_locked``) under
which an update runs, and the clean-up of temporary files a killed run left.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    moved: dict[int, int] | None = None,
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
    (:func:`~glossary.termbase.read._load_terms`); ``moved``: where each
    of them was in the old file (new key line -> old key line), given when
    the file is a block mapping keyed at column 0, for :func:`_load_terms_fast`.
    """
    try:
        new_terms = _load_terms_fast(old, new, path, reuse, moved) if reuse and moved else None
        if new_terms is None:
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


def _load_terms_fast(old: str, new: str, path: Path, reuse: dict[int, tuple[int, Term]],
                     moved: dict[int, int]) -> tuple[Term, ...] | None:
    """The terms of ``new``, checked without building the blocks the update left as they were; None if unsure.

    The whole new text is parsed by libyaml at C speed (``raw_parse``: every
    event, no Python objects), so its syntax is checked end to end. The
    rest of the text -- the new and changed blocks, with the comments
    between blocks -- is parsed, built and validated piece by piece, each
    piece from a block boundary to the next kept block. A kept block has the
    same bytes, starts at column 0 after a complete value as before, and so
    reads as it did; each piece starts with a key at column 0, so it cannot
    continue the block before it; and that nothing was absorbed across a
    boundary is checked by counting: the new text must have exactly as many
    parse events more than the old one as its pieces have more than the old
    pieces they replaced. Anything unexpected (an error, a count that
    differs) returns None, and the caller runs the full check, which also
    gives an error its right line. Why: the full check rebuilt 50,000
    unchanged blocks, half the time of an update.
    """
    import yaml
    from dataclasses import replace

    from glossary.termbase.read import _check_one_term_each

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None or not hasattr(loader, "raw_parse"):
        return None
    new_lines, old_lines = split_lines(new), split_lines(old)
    kept_new = sorted((start, last) for start, (last, _term) in reuse.items())
    kept_old = sorted((moved[start], moved[start] + last - start) for start, last in kept_new)
    pieces_new = list(_pieces(new_lines, kept_new))
    pieces_old = list(_pieces(old_lines, kept_old))
    for _start, piece in pieces_new:  # each piece starts at a boundary: its first content is a key at column 0
        if piece[0][:1] in (" ", "\t"):
            return None
    try:
        events = _events(new) - _events(old)
        changed = sum(_events("".join(piece)) for _, piece in pieces_new) - sum(_events("".join(piece)) for _, piece in pieces_old)
        if events != changed:
            return None
        terms = [term if term.line == start + 1 else replace(term, line=start + 1) for start, (_, term) in reuse.items()]
        for start, piece in pieces_new:
            terms.extend(replace(t, line=t.line + start) for t in _load_terms("".join(piece), path))
    except (TermbaseError, yaml.YAMLError):
        return None
    return _check_one_term_each(tuple(sorted(terms, key=lambda t: t.line)), path)


def _events(text: str) -> int:
    """Parse events of a text but the stream's and, if any, its document's and mapping's (C speed)."""
    import yaml

    loader = yaml.CSafeLoader(text)
    try:
        count = loader.raw_parse()
    finally:
        loader.dispose()
    return count - 6 if count > 2 else count - 2


def _pieces(lines: list[str], kept: list[tuple[int, int]]) -> Iterator[tuple[int, list[str]]]:
    """The runs of lines outside the kept spans (first and last line, inclusive) that hold more than
    blank lines and comments (those parse to nothing): (first line, lines from the first that is content)."""
    at = 0
    for start, last in [*kept, (len(lines), len(lines))]:
        first = next((i for i in range(at, start) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
        if first is not None:
            yield first, lines[first:start]
        at = last + 1


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
