"""glossary: Korean-English terminology for texts about China.

The pipeline, one module per stage:

1. ``sources``   files -> decoded text (encodings, HTML, Markdown, PDF, DOCX, HWPX, ODT, EPUB)
2. ``extract``   text -> occurrences of bracketed CJK terms and their renderings
3. ``normalize`` traditional / simplified / Japanese forms; the merge key
4. ``readings``  hangul, romanisation, pinyin, kana
5. ``termbase``  read, validate and update terms.yaml
6. ``glosses``   English renderings: curated, context, dictionary, literal;
   ``korean``    Korean renderings (curated, context, transcription, reading)
   and the Korean term a translator pastes
7. ``merge``     occurrences + term base -> entries (``pipeline`` runs 1-7)
8. ``export``    CSV, TSV, TBX, XLSX, JSON writers and readers
9. ``index``     the SQLite lookup index

Around them: ``model`` (records and errors), ``dictionary`` (CC-CEDICT),
``senses`` (CC-CEDICT senses cleaned into renderings fit to paste),
``names`` and ``transcription`` (Chinese names in Korean: 習近平 시진핑),
``fileio`` (atomic writes), ``build`` (a build's outputs as one
transaction) and ``fanout`` (its writers over one pass of the entries),
``i18n``/``locales`` (Korean and English interface), ``cli`` and
``launcher`` (the command line).

The public functions below are imported on first use, so importing the
package stays cheap and ``glossary lookup`` starts fast:

>>> import glossary
>>> glossary.hangul_reading("以舊換新")
'이구환신'
"""

from __future__ import annotations

__version__ = "0.1.0"

_PUBLIC = {
    "run_pipeline": "glossary.pipeline",
    "read_source": "glossary.sources",
    "iter_sources": "glossary.sources",
    "extract_occurrences": "glossary.extract",
    "extract_corpus": "glossary.extract",
    "merge_key": "glossary.normalize",
    "to_simplified": "glossary.normalize",
    "to_traditional": "glossary.normalize",
    "hangul_reading": "glossary.readings",
    "korean_reading": "glossary.readings",
    "romanize": "glossary.readings",
    "pinyin_reading": "glossary.readings",
    "kana_reading": "glossary.readings",
    "read_termbase": "glossary.termbase",
    "update_termbase": "glossary.termbase",
    "gloss_renderings": "glossary.glosses",
    "korean_renderings": "glossary.korean",
    "merge_entries": "glossary.merge",
    "write_export": "glossary.export",
    "read_export": "glossary.export",
    "build_index": "glossary.index",
    "lookup": "glossary.index",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> object:
    """Import a public function from its stage module the first time it is used."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'glossary' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)
