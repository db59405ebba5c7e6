"""The lookup index: entries -> SQLite (``build_index``) -> hits (``lookup``).

Input: merged entries. Output: ``out/glossary.sqlite`` and, for a query in any
form, a ranked list of :class:`Hit`. The schema is ``glossary/index.sql``.

A query is folded the way every form was folded at build time
(:func:`fold_key`: lower case, no tone marks, no spaces, hyphens or
punctuation), then tried in tiers, each an indexed query, never a full scan:

1. exact: the folded form equals a folded form of an entry;
2. prefix: a range scan over the sorted forms;
3. substring: intersect the q-gram postings of the query, rarest first, until
   few enough forms are left to check by their text; English words through FTS5;
4. computed, when 1-3 found nothing and the query is hanja: the forms the
   tool computes for it (hangul, simplified, pinyin); only then are the heavy
   libraries imported;
5. fuzzy, when 1-3 found nothing: the q-gram count filter over forms of
   about the same length (candidates from the rarest grams only, so a gram
   that most forms share is never counted whole), then a bounded edit
   distance; English word by word against the vocabulary of the renderings.

One module per concern:

- :mod:`~glossary.index.records`: the fields, match kinds, :class:`Hit`, the packed entry JSON;
- :mod:`~glossary.index.fold`: folding to keys, q-grams, the bounded edit distance;
- :mod:`~glossary.index.store`: the freshness record, opening and checking the file;
- :mod:`~glossary.index.build`: writing the index (:func:`build_index`);
- :mod:`~glossary.index.tiers`: the search tiers over an open index;
- :mod:`~glossary.index.search`: one lookup, tier after tier (:func:`lookup`);
- :mod:`~glossary.index.output`: the block a translator reads (:func:`format_hits`).

This package is on the path of every ``glossary lookup``, so its modules
import only small standard modules at import time; ``glossary.model``
(dataclasses of the whole pipeline) is imported on the build and error paths
only, and :mod:`~glossary.index.build` is imported on first use of
``build_index``.
"""

from __future__ import annotations

from glossary.index.fold import _edit_distance, fold_key  # noqa: F401 - _edit_distance: tests check it
from glossary.index.output import format_hits
from glossary.index.records import FIELD_ALIASES, FIELD_CHOICES, FIELDS, MATCH_KINDS, SCHEMA_VERSION, Hit
from glossary.index.search import SHORT_QUERY, computed_hit, lookup

__all__ = [
    "FIELDS", "FIELD_ALIASES", "FIELD_CHOICES", "MATCH_KINDS", "SCHEMA_VERSION", "SHORT_QUERY",
    "Hit", "build_index", "computed_hit", "fold_key", "format_hits", "lookup",
]


def __getattr__(name: str) -> object:
    """``build_index`` from :mod:`glossary.index.build`, imported on first use so a lookup never loads the writer."""
    if name == "build_index":
        from glossary.index.build import build_index

        return build_index
    raise AttributeError(f"module 'glossary.index' has no attribute {name!r}")
