"""Records shared by every stage, and the exception types.

Stages enrich records with :func:`dataclasses.replace`; every collection is a
tuple, so records hash, compare and sort.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields
from typing import Any

#: What a rendering beside a term is (``gloss_kind``).
GLOSS_KINDS = ("translation", "hangul", "romanization", "pinyin", "transcription", "name")

#: What a bracketed CJK span is (``kind``).
#: ``name`` is a person, place, dynasty, company or medium; ``other`` (a whole
#: quoted sentence, a hanja glossing one syllable) never enters the term base.
OCCURRENCE_KINDS = ("term", "name", "title", "other")

#: Where an English rendering comes from, most trusted first.
RENDERING_SOURCES = ("curated", "context", "dictionary", "literal")

#: Where a Korean rendering comes from, most trusted first: the term base, a
#: Korean text, the Mandarin-to-hangul transcription of a name (외래어 표기법),
#: the Sino-Korean character reading.
KO_RENDERING_SOURCES = ("curated", "context", "transcription", "reading")

#: ``status`` of a term in ``terms.yaml``.
STATUSES = ("candidate", "approved", "rejected")


class GlossaryError(Exception):
    """Base class of every error the CLI turns into one message and exit 2."""


class InputError(GlossaryError):
    """An input file cannot be read: missing, binary, undecodable.

    ``reason`` is the short why for a folder walk's skip report
    ("no text layer", "not supported"); the message is the full line.
    """

    def __init__(self, message: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason or message.split(": ", 1)[-1]


class TermbaseError(GlossaryError):
    """``terms.yaml`` is missing or invalid; the message names file and line."""


class OutputError(GlossaryError):
    """An output file cannot be written."""


class LookupIndexError(GlossaryError):
    """The lookup index is missing, stale or corrupt."""


@dataclass(frozen=True, slots=True)
class Source:
    """One decoded input text.

    ``text`` keeps the original line structure, so a character offset maps
    back to a 1-based line number.
    """

    path: str
    text: str
    encoding: str | None = None
    format: str = "text"  # a key of glossary.sources.READERS: text, markdown, html, pdf, docx, ...
    #: Where the text is in the document as its reader sees it, for formats
    #: without lines (PDF page and line, Word paragraph, EPUB chapter): sorted
    #: (offset, label) spans; the text from ``offset`` on is at ``label`` until
    #: the next span. Empty for plain text, where the line number says it all.
    locator: tuple[tuple[int, str], ...] = ()
    #: The file line ``text`` starts on: 1, but for the windows of a big
    #: text after the first (:func:`glossary.sources.iter_windows`).
    line: int = 1

    def location(self, offset: int) -> str | None:
        """The label a person finds ``text[offset]`` by ("p. 3, l. 12", "¶ 4"), or None for plain text.

        >>> Source("a.pdf", "x y", locator=((0, "p. 1, l. 1"), (2, "p. 1, l. 2"))).location(2)
        'p. 1, l. 2'
        """
        if not self.locator:
            return None
        i = bisect_right(self.locator, (offset, "\uffff")) - 1
        return self.locator[max(i, 0)][1]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One bracketed (or bracket-glossed) CJK term met in a text.

    >>> Occurrence(term="兩會", source="a.txt", line=3).gloss is None
    True
    """

    term: str  # the CJK form as written (line breaks and stray spaces repaired)
    source: str  # path of the text
    line: int  # 1-based line of the term
    context: str = ""  # the sentence around it
    gloss: str | None = None  # the rendering beside it, trimmed to the equivalent
    gloss_kind: str | None = None  # one of GLOSS_KINDS, or None
    abbrev: str | None = None  # an acronym inside the bracket: "BRI"
    pinyin: str | None = None  # pinyin inside the bracket
    variants: tuple[str, ...] = ()  # other script forms inside the bracket: 两会/兩會
    kind: str = "term"  # one of OCCURRENCE_KINDS
    bracket: str = "()"  # the bracket pair that held the term or the rendering
    encoding: str | None = None  # of the source file, where known
    location: str | None = None  # where in a document without lines: "p. 3, l. 12", "¶ 4" (Source.location)

    @property
    def place(self) -> str:
        """Where a person finds it: ``a.txt:3``, or ``a.pdf (p. 3, l. 12)`` in a document without lines.

        >>> Occurrence("兩會", "a.pdf", 5, location="p. 2, l. 7").place
        'a.pdf (p. 2, l. 7)'
        """
        return f"{self.source} ({self.location})" if self.location else f"{self.source}:{self.line}"

    def to_json(self) -> dict[str, Any]:
        """Plain dict for JSONL output (``trad``/``simp`` are added by the caller)."""
        # Field by field: dataclasses.asdict deep-copies every value, and this runs for
        # every occurrence of every export and of the index.
        data = {name: getattr(self, name) for name in _OCCURRENCE_FIELDS}
        data["variants"] = list(self.variants)
        if self.location is None:  # plain text: the line says where
            del data["location"]
        return data


_OCCURRENCE_FIELDS = tuple(f.name for f in fields(Occurrence))


@dataclass(frozen=True, slots=True)
class Rendering:
    """An equivalent of a term in one language, with where it came from.

    >>> Rendering("Two Sessions", "context", count=3).source
    'context'
    """

    text: str
    source: str  # one of RENDERING_SOURCES
    count: int = 0  # how often the texts use it (context renderings)
    documents: tuple[str, ...] = ()  # where the texts use it
    also: tuple[str, ...] = ()  # less trusted sources that give the same rendering: ("dictionary",)
    note: str | None = None  # what was moved out of the text: "1953-, PRC politician", "abbr. for ..."
    raw: str | None = None  # a dictionary rendering's sense as the dictionary prints it (JSON only)
    kind: str | None = None  # Korean renderings: "reading" | "translation" | "transcription"


def rendering_json(r: Rendering) -> dict[str, Any]:
    """One rendering as ``out/glossary.json`` and the index write it; ``note``,
    ``raw`` (the dictionary's sense as printed) and ``kind`` (of a Korean
    rendering) only where there are any.

    >>> rendering_json(Rendering("State Council", "dictionary", note="PRC", raw="(PRC) State Council"))["raw"]
    '(PRC) State Council'
    """
    data: dict[str, Any] = {"text": r.text, "source": r.source, "count": r.count,
                            "documents": list(r.documents), "also": list(r.also)}
    if r.note:
        data["note"] = r.note
    if r.raw:
        data["raw"] = r.raw
    if r.kind:
        data["kind"] = r.kind
    return data


@dataclass(frozen=True, slots=True)
class KoreanReading:
    """The Korean forms of a term computed with no text around it.

    ``ko`` is what a Korean writer prints when nothing else is known: the
    Mandarin-to-hangul transcription for a modern person or a current place
    (시진핑, 베이징), the character reading for a term (이구환신), "" for a
    whole Chinese clause or title. ``ko_hanja`` is always the strict reading.

    >>> KoreanReading("시진핑", "습근평", "시진핑", "name:modern").ko_hanja
    '습근평'
    """

    ko: str
    ko_hanja: str
    transcription: str | None = None  # Mandarin-to-hangul (외래어 표기법), names only
    rule: str = "term"  # "name:modern" | "name:historical" | "name:institution" | "term" | "term:usage" | "clause"


@dataclass(frozen=True, slots=True)
class Term:
    """One curated block of ``terms.yaml``, keyed by its traditional form.

    Fields left ``None`` are computed by the tool; a value given here
    overrides the computed one.
    """

    key: str  # traditional form, the YAML key
    en: str | None = None  # preferred English
    en_alt: tuple[str, ...] = ()  # alternative English renderings
    ko: str | None = None  # preferred Korean (hangul), curated
    ko_alt: tuple[str, ...] = ()  # alternative Korean renderings, curated
    simp: str | None = None
    ja: str | None = None
    pinyin: str | None = None
    abbrev: str | None = None
    note: str | None = None
    status: str = "candidate"
    # Tool-maintained fields (refreshed by ``extract --add``):
    seen: tuple[Rendering, ...] = ()  # context renderings with counts and documents
    count: int = 0
    sources: tuple[str, ...] = ()
    line: int = 0  # where the block starts in the file, for messages


@dataclass(frozen=True, slots=True)
class Entry:
    """One merged glossary entry: every form, reading and rendering of a term."""

    key: str  # simplified form, the merge key: "两会"
    trad: str  # "兩會"
    simp: str  # "两会"
    ja: str = ""  # Japanese form: "両会"
    ko: str = ""  # preferred Korean term as Korean writers print it: "양회", "시진핑" (may be "" for a title)
    ko_hanja: str = ""  # strict Sino-Korean character reading: "양회", "습근평"
    ko_renderings: tuple[Rendering, ...] = ()  # every Korean equivalent, most trusted first
    ko_romanized: str = ""  # Revised Romanization: "yanghoe"
    pinyin: str = ""  # with tone marks: "liǎng huì"
    kana: str = ""  # of the Japanese form (machine-generated)
    romaji: str = ""
    en: tuple[Rendering, ...] = ()  # preferred first
    abbrev: tuple[str, ...] = ()  # "BRI"
    forms: tuple[str, ...] = ()  # every CJK form met in the texts
    renderings_other: tuple[tuple[str, str], ...] = ()  # (kind, text): romanisations, pinyin, hangul met beside the term
    kind: str = "term"
    status: str = "candidate"
    note: str | None = None
    curated: tuple[str, ...] = ()  # names of fields taken from terms.yaml
    occurrences: tuple[Occurrence, ...] = field(default=(), compare=False)

    @property
    def sources(self) -> tuple[str, ...]:
        """Sorted paths of the texts the term was met in."""
        return tuple(sorted({o.source for o in self.occurrences}))

    @property
    def preferred_en(self) -> str | None:
        """The English rendering to offer first, or None."""
        return self.en[0].text if self.en else None
