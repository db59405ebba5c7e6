"""What the index stores and what a lookup returns: fields, match kinds, :class:`Hit`, packed entries.

In: the names of the indexed forms (``FIELDS``, with the aliases ``--field``
accepts) and an entry JSON to store. Out: field codes (the position in
``FIELDS``, stored in ``keys.field``), the ``Hit`` record, and the deflated
entry JSON of the ``entries`` table (``_pack`` / ``_unpack``). Shared by the
build and the lookup side; standard library only.
"""

from __future__ import annotations

import json
from collections import namedtuple

# typing and dataclasses (which imports inspect) cost more than a whole lookup,
# so they are only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

#: Bumped whenever the tables or the folding change; an index of another
#: version is stale.
SCHEMA_VERSION = "4"

#: Every indexed field, in the order exact matches are ranked. ``keys.field``
#: stores the position in this tuple.
FIELDS = (
    "trad", "simp", "ja", "form", "ko", "ko_hanja", "abbrev", "en",
    "ko_romanized", "ko_mr", "pinyin", "kana", "romaji", "other",
)

#: Other names accepted by ``lookup(field=...)`` and ``--field``.
FIELD_ALIASES = {
    "traditional": "trad", "simplified": "simp", "japanese": "ja", "hangul": "ko", "hanja": "ko_hanja",
    "rr": "ko_romanized", "romanized": "ko_romanized", "mr": "ko_mr",
    "english": "en", "abbreviation": "abbrev",
}

FIELD_CHOICES = FIELDS + tuple(FIELD_ALIASES)

MATCH_KINDS = ("exact", "prefix", "substring", "fuzzy", "computed")

_FIELD_CODE = {name: code for code, name in enumerate(FIELDS)}
_EN = _FIELD_CODE["en"]


class Hit(namedtuple("Hit", "entry match field score")):
    """One entry found by :func:`lookup`, with how it matched.

    An immutable record like the frozen dataclasses of ``glossary.model``,
    built on a named tuple because ``dataclasses`` imports ``inspect``, which
    alone costs a third of a lookup's start-up.

    - ``entry``: the entry JSON (dict, see ``_entry_json``)
    - ``match``: one of MATCH_KINDS
    - ``field``: one of FIELDS, the form that matched
    - ``score``: 0..1, higher is better; ranks hits within a kind

    >>> Hit({"trad": "兩會"}, "exact", "trad", 1.0).to_json()["match"]
    {'kind': 'exact', 'field': 'trad', 'score': 1.0}
    """

    __slots__ = ()
    entry: dict[str, Any]
    match: str
    field: str
    score: float

    def to_json(self) -> dict[str, Any]:
        """The entry JSON with a ``match`` object (kind, field, score)."""
        return {**self.entry, "match": {"kind": self.match, "field": self.field, "score": round(self.score, 3)}}


def _field_code(field: str | None) -> int | None:
    if field is None:
        return None
    name = FIELD_ALIASES.get(field, field)
    if name not in _FIELD_CODE:
        raise ValueError(f"unknown field {field!r}; choose from {', '.join(FIELD_CHOICES)}")
    return _FIELD_CODE[name]


# Entries are stored as compact JSON, deflated with a preset dictionary: the
# keys and usual values of an entry, which a single entry is too short to
# teach zlib. That makes the stored JSON 4 times smaller (the largest table of
# a 100,000-entry index). The dictionary is fixed: changing it is a schema change.
_ZDICT = json.dumps(
    {
        "key": "", "trad": "", "simp": "", "ja": "", "ko": "", "ko_romanized": "", "pinyin": "", "kana": "",
        "romaji": "", "en": [], "renderings": [{"text": "", "source": "curated", "count": 0, "documents": []},
                                               {"text": "", "source": "context", "count": 1, "documents": []},
                                               {"text": "", "source": "dictionary", "count": 0, "documents": []},
                                               {"text": "", "source": "literal", "count": 0, "documents": []}],
        "renderings_other": [{"kind": "romanization", "text": ""}], "abbrev": [], "forms": [], "kind": "term",
        "status": "candidate", "note": None, "curated": [], "sources": ["seeds/"],
        "occurrences": [{"source": "seeds/", "line": 1, "context": ""}],
    },
    ensure_ascii=False, separators=(",", ":"),
).encode()


def _pack(data: dict[str, Any], dumps: Any = None) -> bytes:
    """The stored form of an entry JSON; ``dumps``: ``json.dumps(..., ensure_ascii=False, separators=(",", ":"))``
    or a function giving the same text (the build passes :func:`glossary.jsonenc.encoder`'s)."""
    import zlib

    if dumps is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = dumps(data)
    packer = zlib.compressobj(9, zdict=_ZDICT)
    # "replace", as glossary.json is written: a lone surrogate (of undecodable text) becomes "?" in both.
    return packer.compress(text.encode("utf-8", "replace")) + packer.flush()


def _unpack(blob: bytes) -> dict[str, Any]:
    import zlib

    return json.loads(zlib.decompressobj(zdict=_ZDICT).decompress(blob))
