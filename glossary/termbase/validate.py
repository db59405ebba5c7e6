"""Check parsed terms.yaml data and turn each block into a :class:`~glossary.model.Term`.

In: the plain data :func:`~glossary.termbase.parse._parse` returns, and the
path. Out: :class:`~glossary.model.Term` records, one per block, or a
:class:`~glossary.model.TermbaseError` naming file, line, term and field
(an unknown field gets a "did you mean"). Also :func:`is_cjk_key`, the rule
for what may key a block, which ``import`` applies too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glossary.i18n import N_, _
from glossary.model import STATUSES, Rendering, Term, TermbaseError
from glossary.termbase.parse import _Map
from glossary.termbase.records import CURATED_FIELDS, TOOL_FIELDS


_STRING_FIELDS = {"en", "ko", "simp", "ja", "pinyin", "abbrev", "note", "status"}

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KEY_CHARS = re.compile(
    r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
    r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff1c\uff1e-\uff20\uff3b-\uff40\uff5b-\uff65\u00b7\u30fb、· \t\-:：]+$"
)


def is_cjk_key(key: str) -> bool:
    """True when ``key`` is a CJK term: Han characters, maybe with CJK punctuation.

    >>> is_cjk_key("兩會"), is_cjk_key("Two Sessions")
    (True, False)
    """
    return bool(_HAN.search(key)) and bool(_KEY_CHARS.match(key))


def _validate(data: Any, path: Path) -> Iterator[Term]:
    if data is None:
        return
    if not isinstance(data, _Map):
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
