"""glossary: Korean-English terminology for texts about China.

The pipeline, one module per stage:

1. ``sources``   files -> decoded text (encodings, HTML, Markdown)
2. ``extract``   text -> occurrences of bracketed CJK terms and their renderings
3. ``normalize`` traditional / simplified / Japanese forms; the merge key
4. ``readings``  hangul, romanisation, pinyin, kana
5. ``termbase``  read, validate and update terms.yaml
6. ``glosses``   English renderings: curated, context, dictionary, literal
7. ``merge``     occurrences + term base -> entries
8. ``export``    CSV, TSV, TBX, XLSX, JSON writers and readers
9. ``index``     the SQLite lookup index

Nothing heavy is imported here, so ``glossary lookup`` starts fast.
"""

__version__ = "0.1.0"
