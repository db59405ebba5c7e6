"""Occurrences as JSON lines: what ``glossary extract --format jsonl`` prints and ``build --occurrences`` reads.

Input: :class:`~glossary.model.Occurrence` records, or a JSONL file of them.
Output: one JSON object per occurrence (its fields plus ``trad`` and
``simp``), or the records again. Extraction is per document and pure, so an
archive too big for one machine can be extracted elsewhere (one process per
file, a Dask or Spark cluster: ``scripts/dask_extract.py``) and merged here.
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossary.model import InputError, Occurrence

_FIELDS = {f.name: f for f in fields(Occurrence)}
_REQUIRED = ("term", "source", "line")


def occurrence_record(occ: Occurrence) -> dict[str, Any]:
    """The JSON object of one occurrence: ``term``, ``trad``, ``simp``, then every field.

    >>> occurrence_record(Occurrence("两会", "a.txt", 3))["trad"]
    '兩會'
    """
    trad, simp = _script_forms(occ.term)
    record: dict[str, Any] = {"term": occ.term, "trad": trad, "simp": simp}
    record.update(occ.to_json())
    return record


def occurrence_line(occ: Occurrence) -> str:
    """The JSON line of one occurrence, ``json.dumps(occurrence_record(occ), ensure_ascii=False)``, made directly.

    Why: ``extract --format jsonl`` writes one per occurrence, and building
    the record dict for the encoder cost as much as the encoding; the
    strings go through the encoder's own C function, so the line is the
    same to the byte (a test compares them on arbitrary occurrences).

    >>> occurrence_line(Occurrence("两会", "a.txt", 3, variants=("兩會",)))[:60]
    '{"term": "两会", "trad": "兩會", "simp": "两会", "source": "a.txt"'
    """
    trad, simp = _script_forms(occ.term)
    s = _string
    if type(occ.line) is not int:  # noqa: E721 (a bool or an int subclass: the encoder's own way)
        return json.dumps(occurrence_record(occ), ensure_ascii=False)
    line = (f'{{"term": {s(occ.term)}, "trad": {s(trad)}, "simp": {s(simp)}, "source": {s(occ.source)}, '
            f'"line": {int.__repr__(occ.line)}, "context": {s(occ.context)}, "gloss": {_value(occ.gloss)}, '
            f'"gloss_kind": {_value(occ.gloss_kind)}, "abbrev": {_value(occ.abbrev)}, '
            f'"pinyin": {_value(occ.pinyin)}, "variants": [{", ".join(map(s, occ.variants))}], '
            f'"kind": {s(occ.kind)}, "bracket": {s(occ.bracket)}, "encoding": {_value(occ.encoding)}')
    if occ.location is not None:
        line += f', "location": {s(occ.location)}'
    return line + "}"


_string = json.encoder.encode_basestring  # what json.dumps(..., ensure_ascii=False) uses for a str


def _value(value: str | None) -> str:
    return "null" if value is None else _string(value)


@lru_cache(maxsize=65536)  # per distinct term: a corpus quotes a few thousand terms many times each
def _script_forms(term: str) -> tuple[str, str]:
    """(traditional, simplified) forms of a term (OpenCC, two conversions)."""
    from glossary.normalize import to_simplified, to_traditional

    return to_traditional(term), to_simplified(term)


def occurrence_from_record(record: dict[str, Any]) -> Occurrence:
    """The occurrence a JSON object describes; ``trad``/``simp`` and unknown keys are ignored.

    >>> occurrence_from_record({"term": "兩會", "source": "a.txt", "line": 3, "variants": ["两会"]}).variants
    ('两会',)
    """
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    missing = [name for name in _REQUIRED if name not in record]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}")
    if not isinstance(record["term"], str) or not record["term"]:
        raise ValueError("term is not a string")
    if not isinstance(record["line"], int) or isinstance(record["line"], bool):
        raise ValueError("line is not a number")
    values = {name: record[name] for name in _FIELDS if name in record}
    if "variants" in values:
        values["variants"] = tuple(values["variants"] or ())
    for name in _SHARED:  # one object for each path and kind, not one per occurrence
        value = values.get(name)
        if type(value) is str:
            values[name] = sys.intern(value)
    return Occurrence(**values)


#: The fields of a row (:func:`occurrence_row`), in the order of the record's own.
ROW_FIELDS = tuple(_FIELDS)
_VARIANTS = ROW_FIELDS.index("variants")


def occurrence_row(occ: Occurrence) -> list[Any]:
    """One occurrence as a JSON array of its fields in :data:`ROW_FIELDS` order: the build's cache keeps them so.

    Why not the JSON line: a warm build reads back every occurrence of every
    text it keeps, and one array of arrays a file is a single call of json's
    C decoder, without the keys, the ``trad``/``simp`` forms (recomputed from
    the term) or a dict per occurrence.

    >>> occurrence_row(Occurrence("兩會", "a.txt", 3, variants=("两会",)))[:9]
    ['兩會', 'a.txt', 3, '', None, None, None, None, ['两会']]
    """
    row = [getattr(occ, name) for name in ROW_FIELDS]
    row[_VARIANTS] = list(occ.variants)
    return row


def occurrence_from_row(row: list[Any]) -> Occurrence:
    """The occurrence :func:`occurrence_row` wrote (the row is reused).

    ValueError or TypeError for a row that is not one: a damaged cache row.

    >>> o = Occurrence("兩會", "a.txt", 3, gloss="Two Sessions", variants=("两会",), location="p. 2")
    >>> occurrence_from_row(occurrence_row(o)) == o
    True
    """
    if len(row) != len(ROW_FIELDS) or type(row[0]) is not str or type(row[1]) is not str or type(row[2]) is not int:
        raise ValueError("not an occurrence row")  # term, source, line: as occurrence_from_record requires
    row[_VARIANTS] = tuple(row[_VARIANTS])
    for i in _SHARED_AT:  # one object for each path and kind, as occurrence_from_record makes
        if type(row[i]) is str:
            row[i] = sys.intern(row[i])
    return Occurrence(*row)


#: Fields whose few values repeat on every occurrence (a file's path, a kind): JSON
#: gives a new string each time. Interned, the 200,000 occurrences a warm build of
#: 100,000 terms reads back from its cache take 83 MB instead of 128.
_SHARED = ("source", "gloss_kind", "kind", "bracket", "encoding")
_SHARED_AT = tuple(ROW_FIELDS.index(name) for name in _SHARED)


def read_occurrences(path: Path) -> list[Occurrence]:
    """Every occurrence of a JSONL file (blank lines skipped); a bad line is an :class:`InputError`.

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "occ.jsonl"
    >>> _ = f.write_text('{"term": "兩會", "source": "a.txt", "line": 3}\\n', encoding="utf-8")
    >>> [o.term for o in read_occurrences(f)]
    ['兩會']
    """
    out = []
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    out.append(occurrence_from_record(json.loads(line)))
                except (ValueError, TypeError) as exc:
                    raise InputError(f"{path}:{number}: not an occurrence record ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read occurrences: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 JSON lines") from None
    return out
