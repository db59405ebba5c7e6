"""One lookup: query -> ranked :class:`Hit` list (:func:`lookup`), tier after tier.

In: a query in any form, the index path, a limit, an optional field. Out:
the hits, exact first, then prefix, substring, fuzzy; a hanja query in no
entry answers with the forms the tool computes for it (:func:`computed_hit`,
the only lookup path that imports the heavy libraries). Errors of the index
(missing, stale, damaged) are raised as :class:`glossary.model.LookupIndexError`.
"""

from __future__ import annotations

import json
import os

from glossary.i18n import _
from glossary.index.fold import _is_hanja, fold_key
from glossary.index.records import FIELDS, Hit, _field_code, _unpack
from glossary.index.store import _index_error, _open, sqlite3
from glossary.index.tiers import _Searcher

# typing costs more than a whole lookup, so it is only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def lookup(
    query: str, path: os.PathLike[str] | str, *, limit: int = 10, field: str | None = None
) -> list[Hit]:
    """Find entries by any of their forms: exact, then prefix, substring, fuzzy.

    A hanja query that is in no entry (not even inside a longer form) still
    answers first, with the forms the
    tool computes for it (``match == "computed"``, ``entry["in_glossary"]`` is
    False). Raises :class:`glossary.model.LookupIndexError` when the index is
    missing, stale or damaged.

    >>> import tempfile, pathlib
    >>> from glossary.index import build_index
    >>> from glossary.model import Entry
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "glossary.sqlite"
    >>> build_index([Entry("以旧换新", "以舊換新", "以旧换新", ko="이구환신")], target, inputs={})
    >>> [(h.entry["simp"], h.match, h.field) for h in lookup("이구 환신", target)]
    [('以旧换新', 'exact', 'ko')]
    """
    path = os.fspath(path)
    if len(query) > 1000:  # the limits module is only imported for a long query (fast path)
        from glossary.limits import current

        if len(query) > current().query_chars:
            raise _index_error(
                _("the query has {count} characters, more than the limit of {limit} (raise it with --limit query_chars=N)").format(
                    count=len(query), limit=current().query_chars
                )
            )
    code = _field_code(field)
    key = fold_key(query)
    con = _open(path)
    import zlib

    try:
        return _lookup(con, query, key, limit, code)
    except (sqlite3.DatabaseError, zlib.error, ValueError, KeyError, TypeError, IndexError) as exc:
        # A tampered row (a bad zlib blob, JSON that is not an entry) is damage, not a bug.
        raise _index_error(
            _("{path} is damaged ({reason}); run `glossary build` to rebuild it").format(path=path, reason=exc)
        ) from None
    finally:
        con.close()


#: Latin queries this short match only at the start of a form (no substring tier).
SHORT_QUERY = 2


def _lookup(con: sqlite3.Connection, query: str, key: str, limit: int, code: int | None) -> list[Hit]:
    if not key or limit < 1:
        return []
    searcher = _Searcher(con, code, limit)
    found: dict[int, tuple[str, int, float]] = {}
    computed: list[Hit] = []

    def take(kind: str, hits: list[tuple[int, int, float]]) -> None:
        for entry_id, field_code, score in hits:
            if len(found) + len(computed) >= limit:
                return
            found.setdefault(entry_id, (kind, field_code, score))

    # Each tier runs only while the hits so far do not fill the limit; after
    # an exact hit, longer forms that start with the query still help (兩會 ->
    # 兩會期間), but a substring search (the costly q-gram tier) does not.
    # Two Latin letters occur inside the romanized and pinyin forms of most
    # entries ("an" in "yang hoe", "yi jiu huan xin"): only forms that start
    # with them are answers; inside words they are noise.
    short_latin = key.isascii() and len(key.replace(" ", "")) <= SHORT_QUERY
    for kind, tier in (("exact", searcher.exact), ("prefix", searcher.prefix), ("substring", searcher.substring)):
        if kind == "substring" and short_latin:
            continue
        if len(found) < limit and not (kind == "substring" and "exact" in {k for k, _, _ in found.values()}):
            take(kind, tier(key, query))
    if not found:
        if code is None and _is_hanja(key):
            computed.append(computed_hit(key))
        take("fuzzy", searcher.fuzzy(key, query))
    entries = dict(
        con.execute("SELECT id, json FROM entries WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(found)),))
    )
    hits = [Hit(_unpack(entries[i]), kind, FIELDS[c], score) for i, (kind, c, score) in found.items()]
    return computed + hits


def computed_hit(hanzi: str) -> Hit:
    """The forms the tool computes for a hanja term that is in no entry.

    Imports OpenCC and ko_pron (the romanisation) and reads the readings'
    tables (the compiled pinyin and hanja tables, not pypinyin or hanja) and
    CC-CEDICT: the only lookup path that does; not the export package. The
    English is CC-CEDICT's, cleaned (:mod:`glossary.senses`).

    >>> computed_hit("經濟").entry["ko"], computed_hit("國務院").entry["en"]
    ('경제', ['State Council'])
    """
    from glossary import normalize, readings
    from glossary.dictionary import dictionary_renderings
    from glossary.model import rendering_json

    # The forms a build gives a term seen so (glossary.merge): a form t2s changes
    # is traditional, Korean and Japanese character forms give way to the
    # standard ones, the simplified form is that of the traditional one. OpenCC's
    # s2t (46 ms to load) is needed only for a simplified query.
    trad = normalize.traditional_form([hanzi])
    simp = normalize.to_simplified(trad)
    korean = readings.korean_reading(trad)  # 習近平 -> 시진핑 beside the strict 습근평
    try:
        romanized = readings.romanize(korean.ko) if korean.ko else ""
    except (ImportError, ValueError):  # no romaniser installed: the other forms still answer
        romanized = ""
    english = dictionary_renderings(trad)
    entry = {
        "key": simp, "trad": trad, "simp": simp, "ja": "", "ko": korean.ko, "ko_hanja": korean.ko_hanja,
        "ko_romanized": romanized,
        "pinyin": readings.pinyin_reading(simp), "kana": "", "romaji": "", "en": [r.text for r in english],
        "renderings": [rendering_json(r) for r in english],
        "renderings_other": [], "abbrev": [], "forms": [hanzi], "kind": "term", "status": "computed",
        "note": None, "curated": [], "sources": [],
        "occurrences": [], "in_glossary": False,
    }
    return Hit(entry, "computed", "simp" if hanzi == simp != trad else "trad", 1.0)
