"""Extract stage: text -> :class:`~glossary.model.Occurrence` records.

What a terminologist does by eye, in order:

1. find runs of CJK ideographs with one fast regex (texts without hanzi cost
   one scan and nothing else);
2. for each run, find the bracket that holds it -- (), （）, [], <>, 《》, 〈〉,
   「」, 『』, 【】, nested or doubled -- or the bracket (or middle dot) that
   follows it with the rendering inside;
3. split the bracket into its parts: the term, other script forms (两会/兩會),
   an acronym (BRI), pinyin, labelled fields (``Chinese: …; pinyin: …``), an
   English title before a colon, a Korean paraphrase after a middle dot;
4. take the rendering (``gloss``) beside the bracket: quoted words, a
   capitalised name, or the noun phrase before the bracket cut at clause
   punctuation, determiners, possessives and verbs, sized by the length of
   the term, then checked against CC-CEDICT for which words render the term
   (qualifiers, stray conjuncts and clauses go; words of the term the cut
   left out come back); in Korean, the hangul words before the bracket,
   sized by the hanja reading when they are a reading;
5. say what the rendering is (``gloss_kind``): a translation, the hangul
   reading, a romanised reading, pinyin, or a hangul transcription of the
   Mandarin sound; and what the bracket held (``kind``): a term, a title,
   or other (a sentence, a single hanja glossing one syllable).

:func:`extract_corpus` then compares occurrences of the same term across the
corpus and trims renderings that carry stray words from their clause.

The modules follow the steps:

- :mod:`~glossary.extract.brackets` (2) and :mod:`~glossary.extract.parts` (3)
  find the bracket and type its contents;
- :mod:`~glossary.extract.english` and :mod:`~glossary.extract.korean` (4)
  collect the rendering beside it and choose its span, helped by the signals
  in :mod:`~glossary.extract.quotes`, :mod:`~glossary.extract.sound` (pinyin,
  readings, transcriptions), :mod:`~glossary.extract.wordclass` (function words,
  capitals, verbs), :mod:`~glossary.extract.lexicon` and
  :mod:`~glossary.extract.edges` (dictionary alignment);
- :mod:`~glossary.extract.kinds` (5) classifies what the bracket held;
- :mod:`~glossary.extract.choose` runs steps 2-5 for one hit;
- :mod:`~glossary.extract.agree` lets a term's occurrences agree across the corpus;
- :mod:`~glossary.extract.words` and :mod:`~glossary.extract.chars` hold the
  word tables and character classes.

Hand-written because no library extracts bracketed glosses: NLP toolkits
segment and tag one language at a time, while this stage must pair a CJK
term with the English or Korean words a writer put beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from glossary.extract.agree import agree_renderings
from glossary.extract.chars import CLOSERS, HAN_FIRST, HAN_RUN, OPENERS, PAIRS
from glossary.extract.choose import analyse
from glossary.extract.text import LineCounter, in_code_span, sentence_at
from glossary.model import Occurrence, Source

__all__ = ["CLOSERS", "OPENERS", "PAIRS", "agree_renderings", "extract_corpus", "extract_occurrences"]


def extract_occurrences(text: str, source: str, encoding: str | None = None) -> Iterator[Occurrence]:
    """Yield every bracketed CJK term of a text, with its rendering.

    Pure and streaming: one pass of a CJK regex, the analysis runs per hit.

    >>> [(o.term, o.gloss, o.gloss_kind) for o in extract_occurrences(
    ...     "China's 2025 Two Sessions(兩會) and 이구환신(以舊換新) 정책", "a.txt")]
    [('兩會', 'Two Sessions', 'translation'), ('以舊換新', '이구환신', 'hangul')]
    """
    lines = LineCounter(text)
    done = pos = 0
    search, extend = HAN_FIRST.search, HAN_RUN.match
    while True:
        match = search(text, pos)
        if match is None:
            return
        start = match.start()
        run = extend(text, start)
        if run is None:  # a symbol in the prefilter's range, not a hanzi (䷀ U+4DC0)
            pos = start + 1
            continue
        end = run.end()
        pos = max(end, done)
        if start < done:
            continue
        if in_code_span(text, start):  # `code(不是术语)`: code, not prose
            pos = text.find("`", end)
            pos = end if pos == -1 else pos + 1
            continue
        found, done = analyse(text, start, end)
        pos = max(end, done)
        for occ_start, fields in found:
            line = lines.line_of(occ_start)
            context = sentence_at(text, occ_start)
            yield Occurrence(source=source, line=line, context=context, encoding=encoding, **fields)


def extract_corpus(sources: Iterable[Source]) -> list[Occurrence]:
    """Extract every source, then let occurrences of one term agree on its rendering.

    A rendering that is another occurrence's rendering plus stray words on
    its left ("China's 2025 Two Sessions" beside "Two Sessions") is cut to
    the shorter one when the shorter one is met at least as often.

    >>> occs = extract_corpus([Source("a.txt", "China's big Two Sessions(兩會) and the Two Sessions (两会)")])
    >>> [o.gloss for o in occs]
    ['Two Sessions', 'Two Sessions']
    """
    occurrences: list[Occurrence] = []
    for src in sources:
        found = extract_occurrences(src.text, src.path, src.encoding)
        if src.locator:  # a document without lines: say where a person finds it (page, paragraph)
            from glossary.sources.document import locate

            found = locate(found, src)
        occurrences.extend(found)
    return agree_renderings(occurrences)
