"""Update terms.yaml: refresh the tool's fields, add new terms, import another glossary's entries.

In: the path and :class:`~glossary.termbase.records.TermUpdate` records
(``extract --add``) or :class:`~glossary.model.Entry` records
(``import``). Out: an :class:`~glossary.termbase.records.AddReport` (added,
updated, skipped with the reason, the diff of a dry run); the file is
changed through :func:`~glossary.termbase.write.write_termbase` only.
Curated fields, comments and order are never changed; rejected terms are
left alone; running twice changes nothing the second time.
"""

from __future__ import annotations

import codecs
import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from glossary.i18n import _
from glossary.model import Entry, Term
from glossary.termbase.layout import _Block, _block, _line_ending, _Plan, split_lines
from glossary.termbase.parse import _compose
from glossary.termbase.read import BlockTerms, _check_one_term_each, _decode, _merge_key, _no_gc, _read_bytes
from glossary.termbase.records import (
    _CURATED_UPDATE_FIELDS,
    TOOL_FIELDS,
    AddReport,
    TermUpdate,
    _field_value,
    _read_back,
)
from glossary.termbase.render import _HEADER, _render_fields, _scalar
from glossary.termbase.validate import is_cjk_key
from glossary.termbase.write import _clean_temporaries, _locked, write_termbase


def update_termbase(
    path: Path,
    updates: Iterable[TermUpdate],
    *,
    dry_run: bool = False,
    fill_missing: bool = False,
    tool_fields: bool = True,
) -> AddReport:
    """Add new terms as candidates and refresh tool-maintained fields on known ones.

    Never changes a curated field, a comment or the order of blocks; rejected
    terms are left alone. Running it twice with the same updates changes
    nothing the second time. With ``fill_missing`` (``import``), curated
    fields an existing block lacks are filled in; with ``tool_fields=False``
    the ``seen``/``count``/``sources`` of existing blocks are kept as they are.
    Every change goes through :func:`write_termbase`, which checks the result
    before anything is written.
    """

    with _locked(path), _no_gc():
        _clean_temporaries(path)
        data = _read_bytes(path, required=False) or b""
        old = _decode(data, path)
        lines = split_lines(old)
        eol = _line_ending(lines)
        blocks: dict[str, _Block] = {}
        read = BlockTerms(path)

        def each(key_node: Any, value: Any) -> None:  # one block at a time: the nodes of a big file are 200 MB
            read(key_node, value)
            if isinstance(key_node.value, str):
                blocks[key_node.value] = _block(key_node, value, lines)

        doc = _compose(old, path, each=each) if old.strip() else None
        terms = _check_one_term_each(read.finish(doc), path)
        root_block = doc is not None and doc.kind == "map" and not doc.flow
        del doc
        known = {_merge_key(t.simp or t.key): t for t in terms}
        report = AddReport()
        plan = _Plan(lines)
        new_blocks: list[TermUpdate] = []
        expected: dict[str, dict[str, Any]] = {}  # key -> fields the result must read back with
        done: set[str] = set()
        for upd in sorted(updates, key=lambda u: u.key):
            if _merge_key(upd.key) in done:
                continue  # one update per term: the first of 兩會 and 两会
            done.add(_merge_key(upd.key))
            upd = _bounded(upd)
            term = known.get(_merge_key(upd.key))
            if term is None:
                new_blocks.append(upd)
                continue
            if term.status == "rejected":
                report.skipped.append((term.key, _("rejected in the term base")))
                continue
            block = blocks[term.key]
            if block.fixed:
                if _tool_values(term) != _tool_values_of(upd) and tool_fields or (fill_missing and _missing(term, upd)):
                    report.skipped.append((term.key, _("its block is written on one line; left as written")))
                continue
            fill = _missing(term, upd) if fill_missing else set()
            refresh = tool_fields and _tool_values(term) != _tool_values_of(upd)
            if not fill and not refresh:
                continue
            _refresh_block(plan, block, upd, fill, refresh, eol)
            report.updated.append(term.key)
            expected[term.key] = {
                **({name: _read_back(getattr(upd, name)) for name in fill}),
                **(_tool_values_of(upd) if refresh else {}),
            }
        if new_blocks:
            _insertions(plan, new_blocks, terms, blocks, eol)
            report.added.extend(u.key for u in new_blocks)
            for upd in new_blocks:
                expected[upd.key] = {
                    **{name: _read_back(getattr(upd, name)) for name in _CURATED_UPDATE_FIELDS if _read_back(getattr(upd, name))},
                    "status": "candidate",
                    **_tool_values_of(upd),
                }
        new = plan.text()
        if not old and new:
            new = _HEADER.replace("\n", eol) + new
        if dry_run:  # the diff is what a dry run shows; a real run need not pay for it
            report.diff = "".join(
                difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), str(path), str(path))
            )
        if new != old:
            reuse = _reusable(plan, blocks, terms, expected)
            # The writer's fast check needs a block mapping keyed at column 0 (what the tool writes).
            block_style = root_block and all(lines[b.start][:1] not in (" ", "\t", "{", "[", "?") for b in blocks.values())
            write_termbase(
                path, old, new, bom=data.startswith(codecs.BOM_UTF8), kept=plan.kept_lines(), old_terms=terms,
                expected=expected, dry_run=dry_run, reuse=reuse,
                moved={at: term.line - 1 for at, (_, term) in reuse.items()} if block_style else None,
            )
        return report


def _reusable(plan: _Plan, blocks: dict[str, _Block], terms: tuple[Term, ...],
              expected: dict[str, dict[str, Any]]) -> dict[int, tuple[int, Term]]:
    """The blocks the update leaves byte for byte, for the writer's check: new key line -> (new last line, term)."""
    reuse: dict[int, tuple[int, Term]] = {}
    for term in terms:
        block = blocks.get(term.key)
        if block is None or term.key in expected or block.start != term.line - 1:
            continue
        at = plan.unchanged(block.start, block.end)
        if at is not None:
            reuse[at] = (at + block.end - 1 - block.start, term)
    return reuse


def _tool_values(term: Term) -> dict[str, Any]:
    return {"seen": _field_value(term, "seen"), "count": term.count, "sources": term.sources}


def _tool_values_of(upd: TermUpdate) -> dict[str, Any]:
    return {"seen": tuple((r.text, r.count) for r in upd.seen), "count": upd.count, "sources": tuple(upd.sources)}


def _missing(term: Term, upd: TermUpdate) -> set[str]:
    """Curated fields ``upd`` has and ``term`` lacks."""
    return {name for name in _CURATED_UPDATE_FIELDS if _read_back(getattr(upd, name)) and not getattr(term, name, None)}


def _bounded(upd: TermUpdate) -> TermUpdate:
    """``upd`` without renderings longer than the limit (a sentence, not a rendering)."""
    from dataclasses import replace

    from glossary.limits import current

    limit = current().rendering_chars
    if all(len(r.text) <= limit for r in upd.seen):
        return upd
    return replace(upd, seen=tuple(r for r in upd.seen if len(r.text) <= limit))


def _refresh_block(plan: _Plan, block: _Block, upd: TermUpdate, fill: set[str], refresh: bool, eol: str) -> None:
    """Replace the tool-maintained fields of one block and add the missing curated ones."""
    pad = " " * block.indent
    at: int | None = None
    if refresh:
        for f in block.fields:
            if f.name in TOOL_FIELDS:
                # A comment or blank line between the tool's lines is the user's: keep it.
                comments = [
                    i for i in range(f.start + 1, f.end)
                    if i not in f.inside and (plan.lines[i].lstrip().startswith("#") or not plan.lines[i].strip())
                ]
                plan.drop(f.start, f.end, keep=comments)
                if at is None:
                    at = f.start
    if at is None:
        tool_starts = [f.start for f in block.fields if f.name in TOOL_FIELDS]
        at = tool_starts[0] if tool_starts and not refresh else block.end
    new: list[str] = []
    if fill:
        new += _render_fields(upd, pad, eol, only=fill, tool=False)
    if refresh:
        new += _render_fields(upd, pad, eol, only=set(), curated=False)
    plan.insert(at, new)


def _insertions(
    plan: _Plan, new: list[TermUpdate], existing: tuple[Term, ...], blocks: dict[str, _Block], eol: str
) -> None:
    """Where new blocks go: in key order when the file is sorted by key, else at the end."""
    lines = plan.lines
    rendered = {u.key: [f"{_scalar(u.key)}:{eol}", f"  status: candidate{eol}", *_render_fields(u, "  ", eol)] for u in new}
    keys = [t.key for t in sorted(existing, key=lambda t: t.line)]
    in_order = keys == sorted(keys)
    tail = [eol] if lines and lines[-1].strip() else []
    from bisect import bisect_right

    for key in sorted(rendered):
        index = bisect_right(keys, key) if in_order else len(keys)
        if index >= len(keys):
            plan.insert(len(lines), [*tail, *rendered[key]], order=1)
            tail = [eol]
            continue
        start = pos = blocks[keys[index]].start
        # The comments that introduce the next block -- not a "#" line inside the value before it (a block scalar).
        floor = blocks[keys[index - 1]].end if index > 0 else 0
        while pos > floor and lines[pos - 1].lstrip().startswith("#"):
            pos -= 1
        if pos == 0:  # comments that open the file are its header, not the first block's
            pos = start
        plan.insert(pos, [*rendered[key], eol], order=1)


def add_entries(path: Path, entries: Iterable[Entry], *, dry_run: bool = False) -> AddReport:
    """Import entries read from another glossary (CSV, XLSX, TBX) as candidates.

    New terms get their English and their Korean (curated or context
    renderings -- a partner glossary's terms are curated; dictionary and
    literal glosses, transcriptions and readings are recomputed, so they are
    not copied: the preferred Korean as ``ko`` when it is attested, the
    other attested ones as ``ko_alt``), the acronym and the note. A file with
    a Korean term but no Korean renderings (an older export) gives ``ko`` only when it differs
    from the computed reading (then it is an override). Existing terms only
    gain fields they lack: a curated field is never overwritten.
    """
    from glossary.limits import current
    from glossary.readings import hangul_reading

    updates = []
    refused: list[tuple[str, str]] = []
    limit = current().scalar_chars
    for entry in entries:
        key = (entry.trad or entry.simp or "").strip()
        if not is_cjk_key(key):
            refused.append((key, _("not a CJK term (a key is Han characters only, without Latin letters, digits or =)")))
            continue
        english = [r.text for r in entry.en if r.source in {"curated", "context"}]
        attested = [r.text for r in entry.ko_renderings if r.source in {"curated", "context"}]
        ko = entry.ko if entry.ko in attested else None  # a computed preferred term is recomputed
        if entry.ko and not entry.ko_renderings and entry.ko.replace(" ", "") != hangul_reading(entry.trad).replace(" ", ""):
            ko = entry.ko
        update = TermUpdate(
            key=key,
            en=english[0] if english else None,
            en_alt=tuple(english[1:]),
            ko=ko,
            ko_alt=tuple(t for t in dict.fromkeys(attested) if t != ko),
            abbrev=entry.abbrev[0] if entry.abbrev else None,
            note=entry.note,
        )
        too_long = [
            name for name in _CURATED_UPDATE_FIELDS
            if any(len(v) > limit for v in (getattr(update, name) or ()) if isinstance(v, str))
            or (isinstance(getattr(update, name), str) and len(getattr(update, name)) > limit)
        ]
        if too_long:
            refused.append((key, _("{field} longer than {limit} characters (raise it with --limit scalar_chars=N)").format(
                field=too_long[0], limit=limit)))
            continue
        updates.append(update)
    report = update_termbase(path, updates, dry_run=dry_run, fill_missing=True, tool_fields=False)
    report.skipped[:0] = refused
    return report
