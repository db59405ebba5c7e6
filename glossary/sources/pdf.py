"""PDF: the text layer in reading order, with page and line of every line.

Read with pypdfium2 (PDFium, Apache-2.0/BSD-3, wheels carry the binary):
measured on a 100-page report it reads at about the speed of poppler's
``pdftotext``, where the pure-Python pdfminer.six is 20-40 times slower
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
from dataclasses import dataclass, field
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


def _runs(textpage) -> list[_Run]:  # noqa: ANN001
    runs = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        # PDFium takes every character that touches the box: shrink it a
        # little, or a neighbour run's first character comes along ("費) 費)").
        inset = min(1.0, (right - left) / 4)
        text = textpage.get_text_bounded(left + inset, bottom, right - inset, top)
        text = text.replace("\x02", "-").replace("\ufffe", "-").replace("\r", "").replace("\n", " ")
        if text.strip():
            runs.append(_Run(left, bottom, right, top, text))
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


def _join_broken(lines: list[_Line]) -> list[_Line]:
    """Join words hyphenated and CJK terms broken over line ends (see the module docstring).

    The first token of the next line (with the punctuation stuck to it) moves
    up to the line it continues, so each line keeps its place on the page.
    """
    vocabulary = {w.lower() for line in lines for w in _WORDS.findall(line.text.rstrip("-"))}
    out: list[_Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and not line.gap_before and (m := _TOKEN.match(line.text)):
            token, rest = m.group(1), line.text[m.end():]
            if prev.text.endswith("-") and prev.text[-2:-1].isalpha() and (w := _WORD_START.match(token)):
                keep = _keep_hyphen(prev.text[:-1], re.match(r"[\w'’]+", w.group(1)).group(0), vocabulary)
                prev.text = (prev.text if keep else prev.text[:-1]) + token
                line.text = rest
            elif _HAN_END.search(prev.text) and _HAN_START.match(token):
                prev.text += token
                line.text = rest
        if line.text:
            out.append(line)
    return out


def read_pdf(path: Path) -> Source:
    """Read the text layer of a PDF, page by page, in reading order (see the module docstring).

    >>> from glossary.sources.pdf import read_pdf  # see tests/test_documents.py for real files
    """
    pdf = _open(path)
    pages: list[tuple[list[_Line], float]] = []
    chars = 0
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                lines, height, count = _page_lines(page)
            finally:
                page.close()
            chars += count
            pages.append((lines, height))
    finally:
        pdf.close()
    if chars == 0:
        raise InputError(
            _("{path}: no text layer (a scanned PDF?): run OCR on it first, e.g. "
              "`ocrmypdf --language kor+eng in.pdf out.pdf`, and read the result").format(path=path),
            _("no text layer"))
    # Running headers and footers: band lines that come back on other pages.
    repeats = Counter(key for lines, height in pages for key in {_band_key(l, height) for l in lines} if key)
    threshold = 2 if len(pages) <= 4 else max(2, len(pages) // 3)
    doc = DocumentText()
    flow: list[_Line] = []
    for number, (lines, height) in enumerate(pages, 1):
        kept = []
        for line in lines:
            key = _band_key(line, height)
            if key and (repeats[key] >= threshold or _PAGE_NUMBER.match(line.text)):
                continue
            kept.append(line)
        _paragraph_gaps(kept)
        for i, line in enumerate(kept):  # a header or footer kept (met on one page only) stands alone
            if _band_key(line, height):
                line.gap_before = True
                if i + 1 < len(kept):
                    kept[i + 1].gap_before = True
        columns = {line.column for line in kept}
        counts: Counter[int] = Counter()
        for line in kept:
            counts[line.column] += 1
            if columns - {0}:
                where = f"col. {line.column}, " if line.column else ""
                line.label = f"p. {number}, {where}l. {counts[line.column]}"
            else:
                line.label = f"p. {number}, l. {counts[0]}"
        if kept:
            kept[0].gap_before = kept[0].gap_before or not flow
        flow.extend(kept)
    paragraph: list[tuple[str, str]] = []
    for line in _join_broken(flow):
        if line.gap_before and paragraph:
            doc.pieces(paragraph)
            paragraph = []
        paragraph.append((line.text, line.label))
    doc.pieces(paragraph)
    return doc.source(str(path), "pdf")
