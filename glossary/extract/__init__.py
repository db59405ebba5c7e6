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
from glossary.extract.english import AFTER_READS
from glossary.extract.text import _NOT_SPACE_NOR_QUOTE, LineCounter, in_code_span, sentence_at
from glossary.model import Occurrence, Source

__all__ = ["CLOSERS", "OPENERS", "PAIRS", "agree_renderings", "extract_corpus", "extract_occurrences"]


def extract_occurrences(text: str, source: str, encoding: str | None = None) -> Iterator[Occurrence]:
    """Yield every bracketed CJK term of a text, with its rendering.

    Pure and streaming: one pass of a CJK regex, the analysis runs per hit,
    remembered per paragraph (:func:`_paragraph`).

    >>> [(o.term, o.gloss, o.gloss_kind) for o in extract_occurrences(
    ...     "China's 2025 Two Sessions(兩會) and 이구환신(以舊換新) 정책", "a.txt")]
    [('兩會', 'Two Sessions', 'translation'), ('以舊換新', '이구환신', 'hangul')]
    """
    lines = LineCounter(text)
    state = [0, 0]  # where the scan resumes, and the end of the last bracket analysed
    search = HAN_FIRST.search
    while True:
        match = search(text, state[0])
        if match is None:
            return
        start = match.start()
        para, stop, key = _paragraph(text, start)
        found = _paragraphs.get(key) if key is not None and state[1] <= start else None
        base = lines.line_of(para)
        if found is None:
            reads = AFTER_READS[0]
            fresh = key is not None and state[1] <= start
            record: list[tuple[int, int, str, dict]] = []
            for occ_start, fields in _analysed_runs(text, state, stop):
                line = lines.line_of(occ_start)
                context = sentence_at(text, occ_start)
                if fresh:
                    record.append((occ_start - para, line - base, context, fields))
                yield Occurrence(source=source, line=line, context=context, encoding=encoding, **fields)
            if fresh and AFTER_READS[0] == reads:  # nothing read past the paragraph's last line
                if len(_paragraphs) >= _PARAGRAPH_MEMO:
                    del _paragraphs[next(iter(_paragraphs))]
                _paragraphs[key] = (record, state[0] - para, state[1] - para)
        else:
            record, resume, done = found
            for _, line, context, fields in record:
                yield Occurrence(source=source, line=base + line, context=context, encoding=encoding, **fields)
            state[0], state[1] = para + resume, para + done


def _analysed_runs(text: str, state: list[int], stop: int) -> Iterator[tuple[int, dict]]:
    """(offset, fields) of each occurrence of the CJK runs that start before ``stop``; ``state`` moves along.

    ``state`` is [where the scan resumes, the end of the last bracket analysed].
    """
    search, extend = HAN_FIRST.search, HAN_RUN.match
    pos, done = state
    while True:
        match = search(text, pos, stop)
        if match is None:
            state[0], state[1] = max(pos, min(stop, len(text))), done
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
            yield occ_start, fields


def _paragraph(text: str, start: int) -> tuple[int, int, tuple[str, str, bool] | None]:
    """The paragraph of the CJK run at ``start``: (its start, its end, its key in the memo, or None).

    Why: a passage quoted again (an agency story, a boilerplate paragraph)
    is analysed once. What the analysis of a paragraph's runs reads is the
    paragraph, from the blank line before it (every scan to the left stops
    there) to the blank line after it (every scan to the right stops at the
    end of its line, or at the blank line for a sentence), and, after that
    blank line, the spaces and the case of the first character (the
    sentence cut, :func:`~glossary.extract.text.sentence_at`). The one
    reader that may go further, the search for a translation after pinyin,
    counts its reads past a line break (``AFTER_READS``), and a paragraph it
    read past is not remembered. The key also says whether the paragraph
    opens the text. A long paragraph (over :data:`_PARAGRAPH_LONGEST`
    characters) has no key.
    """
    para = text.rfind("\n\n", 0, start)
    first = para == -1
    para = max(para, 0)
    stop = text.find("\n\n", start)
    if stop == -1:
        stop = len(text)
    if stop - para > _PARAGRAPH_LONGEST:
        return para, stop, None
    rest = _NOT_SPACE_NOR_QUOTE.search(text, stop)
    if rest is None:
        tail = text[stop:] + "$"
    else:
        tail = text[stop:rest.start()] + ("a" if rest.group().islower() else "A")
    return para, stop, (text[para:stop], tail, first)


#: Paragraphs remembered by :func:`extract_occurrences` (first in first out), and the longest remembered.
_PARAGRAPH_MEMO = 2048
_PARAGRAPH_LONGEST = 4000
_paragraphs: dict[tuple[str, str, bool], tuple[list[tuple[int, int, str, dict]], int, int]] = {}


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
