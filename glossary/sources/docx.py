"""Word .docx (Office Open XML): body paragraphs, tables, text boxes, footnotes, endnotes.

Read straight from the package's XML with lxml (python-docx sees neither
footnotes nor text boxes, and loads the whole document). ``document.xml`` is
parsed with ``iterparse`` one body block at a time, so memory stays flat in
the file's size. Tracked changes are read as accepted: inserted runs
(``w:ins``, ``w:moveTo``) are text, deleted ones (``w:del``, ``w:delText``,
``w:moveFrom``) are not. A text box is written twice by Word (DrawingML and
a VML fallback); only the first is read. Footnote reference marks carry no
text, so a note number is never glued to a term. Locations: ``¶ 12`` for
body paragraphs (counted as a reader sees them: empty ones not counted),
``table 1, row 2``, ``text box 1``, ``footnote 3``, ``endnote 1``.
"""

from __future__ import annotations

from pathlib import Path

from glossary.model import Source
from glossary.sources.archive import open_member, open_package
from glossary.sources.document import DocumentText, top_blocks

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Elements whose text is not in the document as accepted.
_DROPPED = {W + "del", W + "moveFrom", W + "delText", W + "instrText", MC_FALLBACK,
            W + "footnoteReference", W + "endnoteReference", W + "rPr", W + "pPr"}
_CHARS = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-", W + "softHyphen": ""}


def _runs(el, parts: list[str], boxes: list[list[str]]) -> None:  # noqa: ANN001 - lxml element
    """Text of a paragraph's runs into ``parts``; text boxes into ``boxes``."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _DROPPED:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in _CHARS:
            parts.append(_CHARS[tag])
        elif tag == W + "txbxContent":
            boxes.append(_paragraphs(child))
        else:
            _runs(child, parts, boxes)


def _paragraphs(el) -> list[str]:  # noqa: ANN001
    """Texts of the paragraphs anywhere below ``el`` (a text box, a cell, a note)."""
    out: list[str] = []
    for p in el.iter(W + "p"):
        if any(a.tag in _DROPPED for a in p.iterancestors()):
            continue
        parts: list[str] = []
        _runs(p, parts, [])
        out.append("".join(parts))
    return out


def _block(el, doc: DocumentText) -> None:  # noqa: ANN001
    tag = el.tag
    if tag == W + "p":
        parts: list[str] = []
        boxes: list[list[str]] = []
        _runs(el, parts, boxes)
        doc.body("".join(parts))
        doc.text_boxes(boxes)
    elif tag == W + "tbl":
        rows = [r for r in el.iter(W + "tr") if next(r.iterancestors(W + "tbl")) is el]
        doc.table("\t".join(" ".join(p for p in _paragraphs(c) if p.strip()) for c in row if c.tag == W + "tc")
                  for row in rows)
    elif tag == W + "sdt":  # a content control: its blocks are body blocks
        for content in el.iter(W + "sdtContent"):
            for child in content:
                _block(child, doc)
            break


def _notes(zf, name: str, kind: str, path: Path, doc: DocumentText) -> None:  # noqa: ANN001
    from lxml import etree

    if name not in zf.namelist():
        return
    number = 0
    with open_member(zf, name, path) as stream:
        for _, note in etree.iterparse(stream, events=("end",), tag=W + kind, resolve_entities=False, no_network=True):
            if note.get(W + "type") in (None, "normal"):
                number += 1
                for para in _paragraphs(note):
                    doc.paragraph(para, f"{kind} {number}")
            note.clear()


def read_docx(path: Path) -> Source:
    """Read a .docx file: body, tables and text boxes in order, then footnotes and endnotes.

    >>> from glossary.sources.docx import read_docx  # see tests/test_documents.py for real files
    """
    doc = DocumentText()
    with open_package(path, "DOCX") as zf, open_member(zf, "word/document.xml", path) as stream:
        for el in top_blocks(stream, lambda parent: parent is not None and parent.tag == W + "body"):
            _block(el, doc)
        _notes(zf, "word/footnotes.xml", "footnote", path, doc)
        _notes(zf, "word/endnotes.xml", "endnote", path, doc)
    return doc.source(str(path), "docx")
