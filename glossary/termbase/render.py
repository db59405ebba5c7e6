"""Write YAML lines for the fields of a :class:`~glossary.termbase.records.TermUpdate`.

In: a term update, the indent and the file's line ending. Out: lines of
YAML text (``_render_fields``), and ``_scalar``, which quotes a value only
when it could read back as something else; ``_HEADER`` opens a new file.
Hand-written because a YAML dumper re-emits the whole document; here a
few lines are made to slot into the user's file.
"""

from __future__ import annotations

import re

from glossary.termbase.records import _CURATED_UPDATE_FIELDS, TermUpdate, _read_back


_HEADER = """\
# Curated term base for `glossary`. Schema: see the top of the project's terms.yaml
# or README ("terms.yaml"). One block per term, keyed by its traditional form.
"""


def _scalar(text: str) -> str:
    r"""A YAML scalar for ``text``: plain when it can only read back as that text, else double-quoted.

    Nothing in a value can break a line or change its type: line breaks of
    every kind (\n, \r, U+0085, U+2028, U+2029), control and format
    characters are escaped; words YAML reads as true/false/null, numbers,
    and anything with YAML punctuation (``: ``, ``#``, quotes, a leading
    ``=`` or ``-``) are quoted.

    >>> _scalar("Two Sessions"), _scalar("yes"), _scalar("a: b"), _scalar("=SUM(A1)")
    ('Two Sessions', '"yes"', '"a: b"', '"=SUM(A1)"')
    >>> _scalar("line\u2028break"), _scalar('say "hi"')
    ('"line\\Lbreak"', '"say \\"hi\\""')
    """
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


#: Plain scalars the writer emits: a letter first, then letters, digits,
#: spaces and harmless punctuation, no trailing space.
_PLAIN = re.compile(r"[^\W\d_](?:[\w .'’()/&+-]*[\w.)’'])?")
#: Words some YAML readers (1.1) take for booleans, nulls or numbers.
_YAML_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false", "null", "nan", "inf"}
_NEEDS_ESCAPE = re.compile(
    r'["\\\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff\ud800-\udfff]'
)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def _render_fields(
    upd: TermUpdate, pad: str, eol: str = "\n", *, only: set[str] | None = None, tool: bool = True, curated: bool = True
) -> list[str]:
    """Lines of the fields of ``upd``: curated ones (all, or those in ``only``), then the tool's."""
    out: list[str] = []
    if curated:
        wanted = set(_CURATED_UPDATE_FIELDS) if not only else only
        for name in ("en", "en_alt", "ko", "ko_alt", "abbrev", "note"):  # the order of a block
            value = _read_back(getattr(upd, name))
            if not value or name not in wanted:
                continue
            if name.endswith("_alt"):  # a list
                out.append(f"{pad}{name}:{eol}")
                out.extend(f"{pad}  - {_scalar(x)}{eol}" for x in value)
            else:
                out.append(f"{pad}{name}: {_scalar(value)}{eol}")
    if tool:
        if upd.seen:
            out.append(f"{pad}seen:{eol}")
            out.extend(f"{pad}  {_scalar(r.text)}: {r.count}{eol}" for r in upd.seen)
        if upd.count:
            out.append(f"{pad}count: {upd.count}{eol}")
        if upd.sources:
            out.append(f"{pad}sources:{eol}")
            out.extend(f"{pad}  - {_scalar(s)}{eol}" for s in upd.sources)
    return out
