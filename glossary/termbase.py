"""Read, validate and update ``terms.yaml``, the curated term base.

Input: the path of ``terms.yaml``. Output: a :class:`Termbase` of
:class:`~glossary.model.Term` records, or a :class:`~glossary.model.TermbaseError`
naming file, line and what is wrong.

Updating (``extract --add``, ``import``) never rewrites the user's text: the
file is parsed to find where each block and each tool-maintained field sits,
and only those lines are replaced or new blocks inserted. Every other line --
comments, curated fields, order, spacing -- stays byte for byte. The write is
atomic and holds a lock, so two runs cannot interleave.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.i18n import N_, _, os_reason
from glossary.model import STATUSES, Entry, Rendering, Term, TermbaseError

#: Fields a person writes. A value here overrides what the tool computes.
CURATED_FIELDS = ("en", "en_alt", "ko", "ko_alt", "simp", "ja", "pinyin", "abbrev", "note", "status")
#: Fields the tool keeps up to date from the texts; they are rewritten by ``extract --add``.
TOOL_FIELDS = ("seen", "count", "sources")
_STRING_FIELDS = {"en", "ko", "simp", "ja", "pinyin", "abbrev", "note", "status"}

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KEY_CHARS = re.compile(
    r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    r"\u3000-\u303f\uff00-\uffef\u00b7\u30fb、·\s\-:：]+$"
)


@dataclass(frozen=True, slots=True)
class Termbase:
    """The curated terms, and where they came from."""

    path: Path | None
    terms: tuple[Term, ...] = ()
    sha256: str | None = None

    def by_key(self) -> dict[str, Term]:
        """Terms by merge key (the simplified form)."""
        from glossary.normalize import merge_key

        return {merge_key(t.simp or t.key): t for t in self.terms}


@dataclass
class AddReport:
    """What an update of ``terms.yaml`` did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    diff: str = ""


def is_cjk_key(key: str) -> bool:
    """True when ``key`` is a CJK term: Han characters, maybe with CJK punctuation.

    >>> is_cjk_key("兩會"), is_cjk_key("Two Sessions")
    (True, False)
    """
    return bool(_HAN.search(key)) and bool(_KEY_CHARS.match(key))


def read_termbase(path: Path, *, required: bool = True) -> Termbase:
    """Read and validate a term base.

    A missing file is an error when ``required`` (the user named it), else an
    empty term base.

    >>> read_termbase(Path("no-such-terms.yaml"), required=False).terms
    ()
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if required:
            raise TermbaseError(_("{path}: no such file").format(path=path)) from None
        return Termbase(path=None)
    except OSError as exc:
        raise TermbaseError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TermbaseError(_("{path}: not UTF-8 text (byte {offset})").format(path=path, offset=exc.start)) from None
    terms = tuple(_validate(_parse(text, path), path))
    return Termbase(path=path, terms=terms, sha256=hashlib.sha256(data).hexdigest())


def _parse(text: str, path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import DuplicateKeyError
    from ruamel.yaml.error import MarkedYAMLError

    try:
        return YAML(typ="rt").load(text)
    except DuplicateKeyError as exc:
        first = exc.context_mark.line + 1 if exc.context_mark else "?"
        line = exc.problem_mark.line + 1 if exc.problem_mark else "?"
        key = re.search(r'duplicate key "(.*?)"', str(exc.problem))
        name = key.group(1) if key else "?"
        raise TermbaseError(
            _("{path}:{line}: duplicate key {key} (first at line {first})").format(
                path=path, line=line, key=name, first=first
            )
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else "?"
        raise TermbaseError(
            _("{path}:{line}: YAML syntax error: {problem}").format(path=path, line=line, problem=exc.problem or exc.context)
        ) from None
    except Exception as exc:  # ruamel raises a few unmarked errors (e.g. bad characters)
        raise TermbaseError(_("{path}: YAML error: {problem}").format(path=path, problem=exc)) from None


def _validate(data: Any, path: Path) -> Iterator[Term]:
    from ruamel.yaml.comments import CommentedMap

    if data is None:
        return
    if not isinstance(data, CommentedMap):
        raise TermbaseError(_("{path}:1: the term base must be a mapping of terms, one block per term").format(path=path))
    for key, value in data.items():
        line = data.lc.key(key)[0] + 1
        if not isinstance(key, str) or not is_cjk_key(key):
            raise TermbaseError(
                _("{path}:{line}: key {key!r} is not a CJK term (key each block by its traditional form)").format(
                    path=path, line=line, key=key
                )
            )
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise TermbaseError(
                _("{path}:{line}: {key}: expected a mapping of fields, got {got}").format(
                    path=path, line=line, key=key, got=_type(value)
                )
            )
        yield _term(key, value, line, path)


def _type(value: Any) -> str:
    """How a YAML value reads in a message."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("true/false")
    for kind, name in ((str, N_("text")), (int, N_("a number")), (float, N_("a number")), (list, N_("a list")), (dict, N_("a mapping"))):
        if isinstance(value, kind):
            return _(name)
    return type(value).__name__


def _field_line(value: Any, name: str, default: int) -> int:
    try:
        return value.lc.key(name)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return default


def _term(key: str, value: dict[str, Any], line: int, path: Path) -> Term:
    known = set(CURATED_FIELDS) | set(TOOL_FIELDS)
    for name in value:
        if name not in known:
            where = _field_line(value, name, line)
            hint = difflib.get_close_matches(str(name), sorted(known), n=1)
            if hint:
                message = _("{path}:{line}: {key}: unknown field {name!r} (did you mean {hint!r}?)")
            else:
                message = _("{path}:{line}: {key}: unknown field {name!r}")
            raise TermbaseError(message.format(path=path, line=where, key=key, name=name, hint=hint[0] if hint else ""))

    def fail(name: str, expected: str) -> TermbaseError:
        where = _field_line(value, name, line)
        return TermbaseError(
            _("{path}:{line}: {key}: {name} must be {expected}, got {got}").format(
                path=path, line=where, key=key, name=name, expected=_(expected), got=_type(value[name])
            )
        )

    fields: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        if name in value and value[name] is not None:
            if not isinstance(value[name], str) or isinstance(value[name], bool):
                raise fail(name, N_("text"))
            fields[name] = value[name].strip()
    if "status" in fields and fields["status"] not in STATUSES:
        where = _field_line(value, "status", line)
        raise TermbaseError(
            _("{path}:{line}: {key}: status must be one of {choices}, got {got!r}").format(
                path=path, line=where, key=key, choices=", ".join(STATUSES), got=fields["status"]
            )
        )
    for name in ("en_alt", "ko_alt"):
        alternatives = value.get(name)
        if alternatives is not None:
            if isinstance(alternatives, str):
                alternatives = [alternatives]
            if not isinstance(alternatives, list) or not all(isinstance(x, str) for x in alternatives):
                raise fail(name, N_("a list of text"))
            fields[name] = tuple(x.strip() for x in alternatives if x.strip())
    for name in ("ko", "ko_alt"):
        for text in (fields.get(name) or ()) if name == "ko_alt" else [fields.get("ko") or ""]:
            if text and not _HANGUL.search(text):
                where = _field_line(value, name, line)
                raise TermbaseError(
                    _("{path}:{line}: {key}: {name} must be Korean (hangul), got {got!r}").format(
                        path=path, line=where, key=key, name=name, got=text
                    )
                )
    seen = value.get("seen")
    if seen is not None:
        if not isinstance(seen, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in seen.items()):
            raise fail("seen", N_("a mapping of rendering: count"))
        fields["seen"] = tuple(Rendering(k, "context", count=v) for k, v in seen.items())
    if value.get("count") is not None:
        if not isinstance(value["count"], int) or isinstance(value["count"], bool):
            raise fail("count", N_("a whole number"))
        fields["count"] = value["count"]
    sources = value.get("sources")
    if sources is not None:
        if not isinstance(sources, list) or not all(isinstance(x, str) for x in sources):
            raise fail("sources", N_("a list of paths"))
        fields["sources"] = tuple(sources)
    if "ko" in fields and not fields["ko"]:
        del fields["ko"]
    return Term(key=key, line=line, **fields)


# --- updating -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TermUpdate:
    """What the tool found for one term: fields it may write into ``terms.yaml``.

    ``seen``, ``count`` and ``sources`` are tool-maintained and refreshed on
    existing entries; the curated fields (``en``, ``en_alt``, ``ko``,
    ``abbrev``, ``note``) are only written into a new entry, or into an
    existing entry that lacks them when ``fill_missing`` is set (``import``).
    """

    key: str  # traditional form
    seen: tuple[Rendering, ...] = ()
    count: int = 0
    sources: tuple[str, ...] = ()
    en: str | None = None
    en_alt: tuple[str, ...] = ()
    ko: str | None = None
    abbrev: str | None = None
    note: str | None = None


def update_termbase(
    path: Path, updates: Iterable[TermUpdate], *, dry_run: bool = False, fill_missing: bool = False
) -> AddReport:
    """Add new terms as candidates and refresh tool-maintained fields on known ones.

    Never changes a curated field, a comment or the order of blocks; rejected
    terms are left alone. Running it twice with the same updates changes
    nothing the second time.
    """
    from glossary.normalize import merge_key

    with _locked(path):
        old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        termbase = Termbase(path, tuple(_validate(_parse(old, path), path))) if old.strip() else Termbase(path)
        known = termbase.by_key()
        lines = old.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        report = AddReport()
        edits: list[tuple[int, int, list[str]]] = []  # (start, end, replacement) on `lines`
        new_blocks: list[TermUpdate] = []
        blocks = _block_spans(lines, termbase.terms)
        new_keys: set[str] = set()
        for upd in sorted(updates, key=lambda u: u.key):
            term = known.get(merge_key(upd.key))
            if term is None:
                if merge_key(upd.key) not in new_keys:  # 兩會 and 两会 make one block
                    new_keys.add(merge_key(upd.key))
                    new_blocks.append(upd)
                continue
            if term.status == "rejected":
                report.skipped.append((term.key, _("rejected in the term base")))
                continue
            start, end = blocks[term.key]
            replacement = _refresh_block(lines[start:end], term, upd, fill_missing)
            if replacement != lines[start:end]:
                edits.append((start, end, replacement))
                report.updated.append(term.key)
        if new_blocks:
            edits.extend(_insertions(lines, new_blocks, termbase.terms))
            report.added.extend(u.key for u in new_blocks)
        # Apply from the bottom up so earlier line numbers stay valid; at one
        # position a block's refresh comes before a new block inserted above it.
        for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
            lines[start:end] = replacement
        new = "".join(lines) if edits or new_blocks else old
        if not old and new:
            new = _HEADER + new
        report.diff = "".join(
            difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), str(path), str(path))
        )
        if new != old and not dry_run:
            _parse(new, path)  # never write a file we could not read back
            _atomic_write_text(path, new)
        return report


_HEADER = """\
# Curated term base for `glossary`. Schema: see the top of the project's terms.yaml
# or README ("terms.yaml"). One block per term, keyed by its traditional form.
"""


def _block_spans(lines: list[str], terms: tuple[Term, ...]) -> dict[str, tuple[int, int]]:
    """Line span [start, end) of each term's block; trailing blank and comment lines excluded."""
    starts = sorted((t.line - 1, t.key) for t in terms)
    spans = {}
    for i, (start, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        spans[key] = (start, end)
    return spans


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _refresh_block(block: list[str], term: Term, upd: TermUpdate, fill_missing: bool) -> list[str]:
    """Rewrite the tool-maintained fields of one block; keep every other line."""
    head = block[0]
    if re.search(r":\s*\{", head) or (len(block) == 1 and re.search(r":\s*[^\s#]", head)):
        return block  # a flow-style block is the user's layout: leave it as written
    body = block[1:]
    field_indent = min((_indent(x) for x in body if x.strip() and not x.lstrip().startswith("#")), default=2) or 2
    kept: list[str] = []
    insert_at: int | None = None
    i = 0
    while i < len(body):
        line = body[i]
        match = re.match(r"^( *)([A-Za-z_]+)\s*:", line)
        if match and len(match.group(1)) == field_indent and match.group(2) in TOOL_FIELDS:
            i += 1
            # The field's value: more-indented lines, and the comments and blank
            # lines between them (a comment there is the user's: keep it).
            end = i
            while end < len(body):
                if body[end].strip() and not body[end].lstrip().startswith("#") and _indent(body[end]) <= field_indent:
                    break
                end += 1
            while end > i and (not body[end - 1].strip() or body[end - 1].lstrip().startswith("#")):
                end -= 1
            kept.extend(x for x in body[i:end] if x.lstrip().startswith("#"))
            if insert_at is None:
                insert_at = len(kept)
            i = end
            continue
        kept.append(line)
        i += 1
    pad = " " * field_indent
    curated: list[str] = []
    if fill_missing:
        curated = _render_fields(upd, pad, skip={n for n in CURATED_FIELDS if getattr(term, n, None)}, tool=False)
    tool = _render_fields(upd, pad, skip=set(), tool=True, curated=False)
    if insert_at is None:
        insert_at = len(kept)
        while insert_at > 0 and (not kept[insert_at - 1].strip() or kept[insert_at - 1].lstrip().startswith("#")):
            insert_at -= 1
    return [head, *kept[:insert_at], *curated, *tool, *kept[insert_at:]]


def _scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when it reads back the same, else double-quoted.

    >>> _scalar("Two Sessions"), _scalar("yes"), _scalar("a: b")
    ('Two Sessions', '"yes"', '"a: b"')
    """
    import json

    from ruamel.yaml import YAML

    yaml11_words = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~"}
    if text and text == text.strip() and text.lower() not in yaml11_words and "\n" not in text and not re.search(r":\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`]", text):
        try:
            if YAML(typ="safe", pure=True).load(text) == text:
                return text
        except Exception:  # noqa: BLE001 - anything the parser rejects gets quoted
            pass
    return json.dumps(text, ensure_ascii=False)


def _render_fields(upd: TermUpdate, pad: str, *, skip: set[str], tool: bool = True, curated: bool = True) -> list[str]:
    out: list[str] = []
    if curated:
        if upd.en and "en" not in skip:
            out.append(f"{pad}en: {_scalar(upd.en)}\n")
        if upd.en_alt and "en_alt" not in skip:
            out.append(f"{pad}en_alt:\n")
            out.extend(f"{pad}  - {_scalar(x)}\n" for x in upd.en_alt)
        for name in ("ko", "abbrev", "note"):
            value = getattr(upd, name)
            if value and name not in skip:
                out.append(f"{pad}{name}: {_scalar(value)}\n")
    if tool:
        if upd.seen:
            out.append(f"{pad}seen:\n")
            out.extend(f"{pad}  {_scalar(r.text)}: {r.count}\n" for r in upd.seen)
        if upd.count:
            out.append(f"{pad}count: {upd.count}\n")
        if upd.sources:
            out.append(f"{pad}sources:\n")
            out.extend(f"{pad}  - {_scalar(s)}\n" for s in upd.sources)
    return out


def _insertions(
    lines: list[str], new: list[TermUpdate], existing: tuple[Term, ...]
) -> list[tuple[int, int, list[str]]]:
    """Where new blocks go: in key order when the file is sorted by key, else at the end."""
    rendered = {
        u.key: [f"{_scalar(u.key)}:\n", "  status: candidate\n", *_render_fields(u, "  ", skip=set())] for u in new
    }
    keys = [t.key for t in sorted(existing, key=lambda t: t.line)]
    spans = _block_spans(lines, existing)
    tail = ["\n"] if lines and lines[-1].strip() else []
    out: list[tuple[int, int, list[str]]] = []
    for key in sorted(rendered):
        after = [k for k in keys if k > key] if keys == sorted(keys) else []
        if not after:
            out.append((len(lines), len(lines), [*tail, *rendered[key]]))
            tail = ["\n"]
            continue
        start = pos = spans[after[0]][0]
        while pos > 0 and lines[pos - 1].lstrip().startswith("#"):  # the comments that introduce the next block
            pos -= 1
        if pos == 0:  # comments that open the file are its header, not the first block's
            pos = start
        out.append((pos, pos, [*rendered[key], "\n"]))
    # several blocks at one position: keep them in key order
    return [(p, p, [line for _, q, block in out if q == p for line in block]) for p in dict.fromkeys(p for p, _, _ in out)]


def _atomic_write_text(path: Path, text: str) -> None:
    from glossary.fileio import atomic_write

    atomic_write(path, text.encode("utf-8"))


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside ``path`` (``.terms.yaml.lock``) while updating it."""
    lock_path = path.with_name(f".{path.name}.lock")
    try:
        fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
    except OSError as exc:
        raise TermbaseError(_("{path}: cannot lock for writing: {reason}").format(path=path, reason=os_reason(exc))) from None
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


def add_entries(path: Path, entries: Iterable[Entry], *, dry_run: bool = False) -> AddReport:
    """Import entries read from another glossary (CSV, XLSX, TBX) as candidates.

    New terms get their English (curated or context renderings; dictionary
    and literal glosses are recomputed, so they are not copied), a Korean
    reading only when it differs from the computed one (then it is an
    override), the acronym and the note. Existing terms only gain fields they
    lack: a curated field is never overwritten.
    """
    from glossary.readings import hangul_reading

    updates = []
    for entry in entries:
        english = [r.text for r in entry.en if r.source in {"curated", "context"}]
        ko = entry.ko if entry.ko and entry.ko.replace(" ", "") != hangul_reading(entry.trad).replace(" ", "") else None
        updates.append(
            TermUpdate(
                key=entry.trad or entry.simp,
                en=english[0] if english else None,
                en_alt=tuple(english[1:]),
                ko=ko,
                abbrev=entry.abbrev[0] if entry.abbrev else None,
                note=entry.note,
            )
        )
    return update_termbase(path, updates, dry_run=dry_run, fill_missing=True)
