"""Paragraphs of a document -> one :class:`Source` with its locator; occurrences -> their location.

Every reader of a format without lines (PDF, DOCX, HWPX, ODT, EPUB) hands
its paragraphs here, each piece with a label a person can find again
("¶ 12", "table 1, row 2", "p. 3, l. 14"). A paragraph is one line of the
text, and paragraphs are separated by a blank line, which the extractor
treats as a hard break: a paragraph ending "…라고 밝혔다" and a caption
"(사진: 新華社)" after it stay two sentences, and the lines of a PDF
paragraph (wrapped by the typesetter, not the author) read as one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from glossary.model import Occurrence, Source

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]*\t[ \t\u00a0\u2000-\u200a\u202f\u3000]*|"
                     r"[ \u00a0\u2000-\u200a\u202f\u3000]+")
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _tidy(text: str) -> str:
    """One line: invisible characters out, runs of spaces one space, a tab kept as a tab."""
    text = text.translate(_INVISIBLE).replace("\r", " ").replace("\n", " ")
    return _SPACES.sub(lambda m: "\t" if "\t" in m.group(0) else " ", text).strip()


class DocumentText:
    """Collects paragraphs with their labels.

    >>> doc = DocumentText()
    >>> doc.paragraph("양회(兩會)가 열렸다", "¶ 1"); doc.paragraph("(사진: 新華社)", "¶ 2")
    >>> src = doc.source("a.docx", "docx"); src.text, src.location(src.text.index("新華社"))
    ('양회(兩會)가 열렸다\\n\\n(사진: 新華社)', '¶ 2')
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.spans: list[tuple[int, str]] = []
        self.paragraphs = self.tables = self.boxes = 0  # numbered as a reader counts them

    def body(self, text: str) -> None:
        """A body paragraph, labelled ``¶ n``; an empty one is not counted."""
        if text.strip():
            self.paragraphs += 1
            self.paragraph(text, f"¶ {self.paragraphs}")

    def text_boxes(self, boxes: Iterable[list[str]]) -> None:
        """Text boxes (frames), each a list of paragraphs, labelled ``text box n``."""
        for box in boxes:
            self.boxes += 1
            for para in box:
                self.paragraph(para, f"text box {self.boxes}")

    def table(self, rows: Iterable[str]) -> None:
        """One table, each row's text (cells joined by tabs) labelled ``table t, row n``."""
        self.tables += 1
        for n, row in enumerate(rows, 1):
            self.paragraph(row, f"table {self.tables}, row {n}")

    def notes(self, notes: Iterable[tuple[str, list[str]]]) -> None:
        """Notes after the body: (label, paragraphs), "footnote 1"."""
        for label, paras in notes:
            for para in paras:
                self.paragraph(para, label)

    def paragraph(self, text: str, label: str) -> None:
        """Add one paragraph; line breaks inside it become spaces; an empty one is dropped."""
        self.pieces([(text, label)])

    def pieces(self, pieces: Iterable[tuple[str, str]]) -> None:
        """Add one paragraph made of labelled pieces (the lines of a PDF paragraph), joined by spaces."""
        started = False
        for text, label in pieces:
            text = _tidy(text)
            if not text:
                continue
            if not started:
                if self.parts:
                    self._add("\n\n")
                started = True
            elif not self.parts[-1].endswith("\t"):
                self._add(" ")
            self.spans.append((self.size, label))
            self._add(text)

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def source(self, path: str, fmt: str) -> Source:
        """The collected text as a Source whose locator maps offsets to the labels."""
        return Source(path=path, text="".join(self.parts), encoding=None, format=fmt, locator=tuple(self.spans))


def top_blocks(stream: Any, top: Callable[[Any], bool], tag: str | None = None) -> Iterator[Any]:
    """The top-level blocks of one XML part of a package, one at a time: memory flat in the part's size.

    lxml's ``iterparse`` gives each element when it ends (only ``tag``
    elements, when given); those whose parent passes ``top`` (the parent may
    be None at the root) are handed to the caller, then cleared and dropped
    with the finished blocks before them. The DOCX, ODT and HWPX readers
    share this walk.
    """
    from lxml import etree

    options = {"tag": tag} if tag else {}
    for _, el in etree.iterparse(stream, events=("end",), resolve_entities=False, no_network=True, **options):
        parent = el.getparent()
        if top(parent):
            yield el
            el.clear()
            while parent is not None and el.getprevious() is not None:
                del parent[0]


def locate(occurrences: Iterable[Occurrence], source: Source) -> Iterator[Occurrence]:
    """Give each occurrence of a located source its ``location`` ("p. 3, l. 12").

    The extractor gives the line (here: the paragraph); the term is found in
    it, the n-th time for its n-th occurrence there, and its offset looked up
    in the locator. A term written differently in the text (spaces repaired)
    gets the paragraph's start.

    >>> doc = DocumentText(); doc.pieces([("the Two Sessions", "p. 1, l. 1"), ("(兩會) met", "p. 1, l. 2")])
    >>> src = doc.source("a.pdf", "pdf")
    >>> [o.location for o in locate([Occurrence("兩會", "a.pdf", 1)], src)]
    ['p. 1, l. 2']
    """
    starts = [0]
    seen: dict[tuple[int, str], int] = {}
    for occ in occurrences:
        while len(starts) < occ.line:
            nl = source.text.find("\n", starts[-1])
            starts.append(len(source.text) if nl == -1 else nl + 1)
        start = starts[occ.line - 1]
        end = source.text.find("\n", start)
        end = len(source.text) if end == -1 else end
        at = seen.get((occ.line, occ.term), start)
        found = source.text.find(occ.term, at, end)
        if found == -1:
            found = start
        else:
            seen[(occ.line, occ.term)] = found + len(occ.term)
        yield replace(occ, location=source.location(found))
