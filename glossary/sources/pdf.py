"""PDF: the text layer in reading order, with page and line of every line.

Read with pypdfium2 (PDFium, Apache-2.0/BSD-3, wheels carry the binary):
measured on a 101-page two-column report this reader takes twice the time
of poppler's ``pdftotext``, the pure-Python pdfminer.six twenty times
(``scripts/bench_documents.py``); PyMuPDF is AGPL and cannot be used.
PDFium gives text runs with their boxes; the layout is rebuilt here, since
no extractor does what a terminologist needs. Per page, in order:

1. runs -> lines, split at a column gutter (a vertical strip that no run of
   the body crosses), so two-column pages read left column then right
   instead of interleaving; full-width lines (titles) break the columns;
2. footnote markers (a raised, small run of digits: ``(商务部)¹``) dropped,
   so they never stick to a term; table cells far apart joined by a tab;
3. running headers and footers dropped: a line in the top or bottom band
   that repeats on other pages (digits ignored) or is a bare page number;

then along the whole text, across columns and pages:

4. a word hyphenated at a line end joined (``intelli-``/``gentization``,
   ``Xiao-``/``ping``), the hyphen kept for compounds (``trade-``/``in``,
   ``co-``/``fund``); a CJK term broken over a line end joined (``以舊``/``換新``);
   the continuation is moved up, so every line stays the line of its page;
5. spaces that justified text spreads between CJK characters removed
   (``( 減 稅 降 費 )`` -> ``(減稅降費)``);
6. paragraphs found by their vertical gaps, indents and short last lines:
   the lines of one paragraph are joined into one line of the text (the
   locator keeps each piece's page and line), and paragraphs are never joined.

A PDF without a text layer (a scan) or with a password is refused with one
line saying what to do. Pages are loaded and closed one at a time.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from statistics import median

from glossary.i18n import _
from glossary.model import InputError, Source
from glossary.sources.document import DocumentText

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_SPREAD = re.compile(f"(?<=[{_HAN}]) (?=[{_HAN}])|(?<=[(（\\[［]) (?=[{_HAN}])|(?<=[{_HAN}]) (?=[)）\\]］])")
_HAN_END = re.compile(f"[{_HAN}]$")
_HAN_START = re.compile(f"^[{_HAN}]+")
_WORD_START = re.compile(r"^([a-z][\w'’]*)")
_PAGE_NUMBER = re.compile(r"^[-–—(\[]?\s*(page\s+|p\.\s*)?(\d{1,4}|[ivxlc]{1,6})(\s*(/|of)\s*\d{1,4})?\s*[-–—)\]]?$",
                          re.IGNORECASE)
_MARKER = re.compile(r"^(\d{1,3}|[ivx]{1,4}|[*†‡§])$")
#: A hyphen at a line end is kept when the words around it make a compound:
#: a prefix that takes a hyphen, or a particle that forms one with the word before.
_HYPHEN_PREFIXES = frozenset("co non self anti multi cross well state long short high low "
                             "large small mid semi quasi one two three four five first second third".split())
_HYPHEN_SUFFIXES = frozenset("in up out on off based led level term scale wide owned run like free related "
                             "oriented making known driven building sized back down over".split())
#: Top and bottom bands of a page, as a share of its height, where running
#: headers, footers and page numbers live.
_BAND = 0.09


@dataclass(slots=True)
class _Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(slots=True)
class _Line:
    runs: list[_Run] = field(default_factory=list)
    column: int = 0  # 0: full width or single column; 1, 2: left and right column
    text: str = ""
    label: str = ""
    gap_before: bool = False  # a paragraph ends before this line

    @property
    def top(self) -> float:
        return max(r.top for r in self.runs)

    @property
    def bottom(self) -> float:
        return min(r.bottom for r in self.runs)

    @property
    def height(self) -> float:
        return median(r.height for r in self.runs)


def _open(path: Path):  # noqa: ANN202 - a pypdfium2 PdfDocument
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                _("{path}: encrypted PDF (it needs a password): save an unprotected copy, e.g. "
                  "`qpdf --decrypt --password=PASSWORD in.pdf out.pdf`, and read that").format(path=path),
                _("encrypted")) from exc
        raise InputError(_("{path}: not a readable PDF ({reason})").format(path=path, reason=exc), _("damaged")) from exc


def _clean_run(text: str) -> str:
    # PDFium marks a hyphen it judges a line-end hyphen as U+FFFE (or 0x02).
    return text.replace("\x02", "-").replace("\ufffe", "-").replace("\r", "").replace("\n", " ")


def _runs(textpage) -> list[_Run]:  # noqa: ANN001
    """The page's text in runs with their boxes: one per PDFium line, split only where needed.

    The text comes from one call for the whole page; each PDFium line's
    boxes from ``count_rects`` over its characters. A line is split into its
    boxes (each read by ``get_text_bounded``, which is slow: it scans the
    page) only when a box is far from the previous one (a gutter, a table
    cell) or raised and small (a footnote marker).
    """
    text = textpage.get_text_range()
    runs = []
    for match in _PDFIUM_LINE.finditer(text):
        start, end = match.span(1)
        if text[start:end].strip():
            count = textpage.count_rects(start, end - start)
            boxes = [textpage.get_rect(i) for i in range(count)]
            if boxes:
                runs.extend(_line_runs(textpage, text[start:end], boxes))
    return runs


#: A line of PDFium's page text: it ends at CR LF, or after a line-end hyphen
#: (U+FFFE), where PDFium joins the next line without a break.
_PDFIUM_LINE = re.compile("([^\r\ufffe]*\ufffe|[^\r\ufffe]+)(?:\r\n)?")


def _line_runs(textpage, text: str, boxes: list[tuple[float, float, float, float]]) -> list[_Run]:  # noqa: ANN001
    height = max(t - b for _, b, _, t in boxes)
    base = min(b for _, b, _, t in boxes if t - b > 0.75 * height) if height > 0 else 0
    split = any(
        (left - prev[2] > 2.5 * height)  # a gutter or a table cell between them
        or (bottom > base + 0.25 * height and top - bottom < 0.75 * height and right - left < 1.2 * height)
        for prev, (left, bottom, right, top) in zip([boxes[0], *boxes], boxes)
    )
    if not split:
        left = min(b[0] for b in boxes)
        return [_Run(left, min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes),
                     _clean_run(text))]
    runs = []
    for left, bottom, right, top in boxes:
        # PDFium takes every character that touches the box: shrink it a
        # little, or a neighbour run's first character comes along ("費) 費)").
        inset = min(1.0, (right - left) / 4)
        piece = _clean_run(textpage.get_text_bounded(left + inset, bottom, right - inset, top))
        if piece.strip():
            runs.append(_Run(left, bottom, right, top, piece))
    return runs


def _gutter(runs: list[_Run], width: float) -> tuple[float, float] | None:
    """The x-range of a column gutter: a strip in the middle that (almost) no run crosses."""
    if len(runs) < 8:
        return None
    size = int(width) + 1
    cover = [0] * size
    for r in runs:
        for x in range(max(0, int(r.left)), min(size, int(r.right) + 1)):
            cover[x] += 1
    lo_text = min(int(r.left) for r in runs)
    hi_text = max(int(r.right) for r in runs)
    span = hi_text - lo_text
    allowed = max(1, len(runs) // 25)  # full-width titles may cross it
    best: tuple[int, int] | None = None
    start = None
    for x in range(lo_text + int(span * 0.25), lo_text + int(span * 0.75) + 1):
        if cover[x] <= allowed:
            start = x if start is None else start
            if best is None or x - start > best[1] - best[0]:
                best = (start, x)
        else:
            start = None
    if best is None or best[1] - best[0] < 6:
        return None
    left = sum(r.right <= best[0] + 1 for r in runs)
    right = sum(r.left >= best[1] - 1 for r in runs)
    return (best[0], best[1]) if left >= 2 and right >= 1 else None


def _lines(runs: list[_Run], gutter: tuple[float, float] | None) -> list[_Line]:
    """Runs grouped into lines (per column), each line's runs in x order."""
    def column(r: _Run) -> int:
        if gutter is None or (r.left < gutter[0] - 3 and r.right > gutter[1] + 3):
            return 0  # one column, or a full-width line (a title) crossing the gutter
        return 1 if (r.left + r.right) / 2 < (gutter[0] + gutter[1]) / 2 else 2

    lines: list[_Line] = []
    for r in sorted(runs, key=lambda r: (-r.top, r.left)):
        col = column(r)
        middle = (r.top + r.bottom) / 2
        for line in reversed(lines[-12:]):
            if line.column == col and line.bottom - 0.5 <= middle <= line.top + 0.5:
                line.runs.append(r)
                break
        else:
            lines.append(_Line([r], col))
    for line in lines:
        line.runs.sort(key=lambda r: r.left)
    return lines


def _join_runs(line: _Line) -> str:
    height = line.height
    base = median(r.bottom for r in line.runs)
    parts: list[str] = []
    prev: _Run | None = None
    for r in line.runs:
        raised = r.bottom > base + 0.25 * height and r.height < 0.75 * height
        if raised and _MARKER.match(r.text.strip()):
            continue  # a footnote marker
        if prev is not None:
            gap = r.left - prev.right
            if gap > 4 * height:  # table cells, a tab stop (justified text stretches spaces less)
                parts.append("\t")
            elif gap > 0.4 * height and not parts[-1].endswith(" ") and not r.text.startswith(" "):
                parts.append(" ")
        parts.append(r.text)
        prev = r
    return _SPREAD.sub("", "".join(parts).strip()).replace("\t ", "\t").replace(" \t", "\t")


def _reading_order(lines: list[_Line]) -> list[_Line]:
    """Top to bottom; between full-width lines, the left column before the right."""
    out: list[_Line] = []
    band: list[_Line] = []
    for line in sorted(lines, key=lambda l: -l.top):
        if line.column == 0:
            out.extend(sorted(band, key=lambda l: (l.column, -l.top)))
            band = []
            out.append(line)
        else:
            band.append(line)
    out.extend(sorted(band, key=lambda l: (l.column, -l.top)))
    return out


def _page_lines(page) -> tuple[list[_Line], float, int]:  # noqa: ANN001
    """The lines of one page in reading order, the page height, and its character count."""
    textpage = page.get_textpage()
    try:
        chars = textpage.count_chars()
        runs = _runs(textpage)
    finally:
        textpage.close()
    width, height = page.get_size()
    lines = _reading_order(_lines(runs, _gutter(runs, width)))
    for line in lines:
        line.text = _join_runs(line)
    return [line for line in lines if line.text], height, chars


def _band_key(line: _Line, height: float) -> str | None:
    """For a line in the top or bottom band: its text with digits masked; else None."""
    if line.bottom > height * (1 - _BAND):
        return "top:" + re.sub(r"\d+", "#", line.text)
    if line.top < height * _BAND:
        return "bottom:" + re.sub(r"\d+", "#", line.text)
    return None


def _paragraph_gaps(lines: list[_Line]) -> None:
    """Mark lines that start a paragraph.

    Three signs, as typesetters make them: a vertical gap well above the
    page's usual line spacing, a first-line indent, or a short line ending a
    sentence before this one.
    """
    if not lines:
        return
    size = median(max(r.height for r in line.runs) for line in lines)
    gaps = [prev.bottom - line.top for prev, line in zip(lines, lines[1:]) if prev.column == line.column]
    usual = median(gaps) if gaps else 0.0
    left = {c: min(line.runs[0].left for line in lines if line.column == c) for c in {l.column for l in lines}}
    right = {c: max(line.runs[-1].right for line in lines if line.column == c) for c in left}
    for prev, line in zip(lines, lines[1:]):
        short_end = prev.runs[-1].right < right[prev.column] - 3 * size and prev.text.endswith(
            (".", "。", "!", "?", ":", "다", "”", '"'))
        if prev.column != line.column:  # a column ends; its paragraph may go on at the top of the next
            line.gap_before = short_end
            continue
        gap = prev.bottom - line.top
        indented = line.runs[0].left > left[line.column] + size and prev.runs[0].left < left[line.column] + size / 2
        if gap > usual + 0.3 * size or gap < -size or indented or short_end:
            line.gap_before = True


def _keep_hyphen(before: str, word: str, vocabulary: set[str]) -> bool:
    """Whether a hyphen at a line end belongs to the word: the document decides, then the word shapes.

    The joined word met elsewhere in the document ("presented") says the
    hyphen was the typesetter's; the hyphenated form met elsewhere
    ("trade-in") says it is the author's. Otherwise a prefix that takes a
    hyphen ("co-", "self-") or a particle that makes a compound ("-in",
    "-based") keeps it.
    """
    head = re.split(r"[^\w]", before)[-1].lower()
    tail = word.lower()
    if head + tail in vocabulary:
        return False
    if f"{head}-{tail}" in vocabulary:
        return True
    return head in _HYPHEN_PREFIXES or tail in _HYPHEN_SUFFIXES or head[-1:].isdigit()


_TOKEN = re.compile(r"^(\S+)\s*")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")


def _join(prev: _Piece, line: _Piece, vocabulary: set[str]) -> None:
    """Join a word hyphenated or a CJK term broken over the line end between two lines.

    The first token of the next line (with the punctuation stuck to it) moves
    up to the line it continues, so each line keeps its place on the page.
    """
    if line.gap_before or not (m := _TOKEN.match(line.text)):
        return
    token, rest = m.group(1), line.text[m.end():]
    if prev.text.endswith("-") and prev.text[-2:-1].isalpha() and (w := _WORD_START.match(token)):
        keep = _keep_hyphen(prev.text[:-1], re.match(r"[\w'’]+", w.group(1)).group(0), vocabulary)
        prev.text = (prev.text if keep else prev.text[:-1]) + token
        line.text = rest
    elif _HAN_END.search(prev.text) and _HAN_START.match(token):
        prev.text += token
        line.text = rest


@dataclass(slots=True)
class _Piece:
    """A line once its page is closed: what the text and the locator need, not the boxes."""

    text: str
    column: int
    gap_before: bool
    key: str | None  # band key of a line in the top or bottom band (see _band_key)
    label: str = ""


def _pieces(lines: list[_Line], height: float) -> list[_Piece]:
    """One page's lines, paragraph starts marked, reduced to pieces (page numbers dropped)."""
    keys = [_band_key(line, height) for line in lines]
    kept = [(line, key) for line, key in zip(lines, keys) if not (key and _PAGE_NUMBER.match(line.text))]
    _paragraph_gaps([line for line, key in kept if not key])
    # A header or footer stands alone (gap_before); whether the line after it
    # starts a paragraph is known once repeated headers are dropped (read_pdf).
    return [_Piece(line.text, line.column, line.gap_before or bool(key), key) for line, key in kept]


#: Pages looked at together before any is written out, to learn the running
#: headers and footers; later pages are judged as they come.
_LEARN_PAGES = 4


def _pages(path: Path) -> Iterator[list[_Piece]]:
    """Each page's pieces, the page loaded, laid out and closed before the next."""
    pdf = _open(path)
    chars = 0
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                lines, height, count = _page_lines(page)
            finally:
                page.close()
            chars += count
            yield _pieces(lines, height)
    finally:
        pdf.close()
    if chars == 0:
        raise InputError(
            _("{path}: no text layer (a scanned PDF?): run OCR on it first, e.g. "
              "`ocrmypdf --language kor+eng in.pdf out.pdf`, and read the result").format(path=path),
            _("no text layer"))


def read_pdf(path: Path) -> Source:
    """Read the text layer of a PDF, page by page, in reading order (see the module docstring).

    Streaming: a page is laid out and closed before the next is loaded, and
    written out once the first pages have shown the running headers, so the
    working memory is a few pages whatever the page count.

    >>> from glossary.sources.pdf import read_pdf  # see tests/test_documents.py for real files
    """
    pages = _pages(path)
    learned = list(islice(pages, _LEARN_PAGES))
    seen = Counter(key for pieces in learned for key in {p.key for p in pieces} if key)
    vocabulary = {w.lower() for pieces in learned for p in pieces for w in _WORDS.findall(p.text.rstrip("-"))}
    doc = DocumentText()
    paragraph: list[_Piece] = []
    for number, pieces in enumerate(chain(learned, pages), 1):
        if number > _LEARN_PAGES:
            seen.update({p.key for p in pieces if p.key})
            vocabulary.update(w.lower() for p in pieces for w in _WORDS.findall(p.text.rstrip("-")))
        # A band line met on another page too is a running header or footer.
        kept: list[_Piece] = []
        for piece in pieces:
            if piece.key and seen[piece.key] >= 2:
                continue
            if kept and kept[-1].key:  # after a header kept (met on one page only)
                piece.gap_before = True
            kept.append(piece)
        columns = {p.column for p in kept}
        counts: Counter[int] = Counter()
        for piece in kept:
            counts[piece.column] += 1
            where = f"col. {piece.column}, " if piece.column and columns - {0} else ""
            piece.label = f"p. {number}, {where}l. {counts[piece.column]}"
            if not paragraph:
                piece.gap_before = True
            else:
                _join(paragraph[-1], piece, vocabulary)
            if piece.gap_before:
                doc.pieces((p.text, p.label) for p in paragraph)
                paragraph = []
            if piece.text:
                paragraph.append(piece)
    doc.pieces((p.text, p.label) for p in paragraph)
    return doc.source(str(path), "pdf")
