"""OpenDocument text (.odt, LibreOffice Writer): paragraphs, headings, lists, tables, frames, notes.

``content.xml`` is parsed with lxml's ``iterparse`` one top-level block at a
time (memory flat in the file's size). Inline markup is walked by hand
because ODF spells spaces, tabs and line breaks as elements (``text:s
text:c="3"``, ``text:tab``, ``text:line-break``). Note citations (the "1" of
a footnote) are left out of the text, so they never stick to a term; the
note bodies follow the body. Tracked changes are read as accepted: the
deleted text lives in ``text:tracked-changes``, which is skipped.
Locations: ``¶ 12``, ``table 1, row 2``, ``text box 1``, ``footnote 1``.
"""

from __future__ import annotations

from pathlib import Path

from glossary.model import Source
from glossary.sources.archive import open_member, open_package
from glossary.sources.document import DocumentText, top_blocks

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_SKIP = {TEXT + "tracked-changes", TEXT + "note-citation", OFFICE + "annotation", TEXT + "bookmark-ref",
         TEXT + "soft-page-break", OFFICE + "forms", TEXT + "sequence-decls", TEXT + "variable-decls"}
_PARAGRAPHS = {TEXT + "p", TEXT + "h"}
_CONTAINERS = {TEXT + "list", TEXT + "list-item", TEXT + "list-header", TEXT + "section",
               TEXT + "index-body", TEXT + "table-of-content", TEXT + "alphabetical-index", TEXT + "illustration-index"}


class _State:
    def __init__(self) -> None:
        self.notes: list[tuple[str, list[str]]] = []


def _inline(el, parts: list[str], frames: list[list[str]], state: _State) -> None:  # noqa: ANN001
    if el.text:
        parts.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in _SKIP:
            if tag == TEXT + "s":
                parts.append(" " * int(child.get(TEXT + "c", "1")))
            elif tag == TEXT + "tab":
                parts.append("\t")
            elif tag == TEXT + "line-break":
                parts.append("\n")
            elif tag == TEXT + "note":
                kind = child.get(TEXT + "note-class", "footnote")
                citation = "".join(child.findtext(TEXT + "note-citation") or "").strip()
                body = child.find(TEXT + "note-body")
                state.notes.append((f"{kind} {citation}", _texts(body, state) if body is not None else []))
            elif tag == DRAW + "text-box":
                frames.append(_texts(child, state))
            else:
                _inline(child, parts, frames, state)
        if child.tail:
            parts.append(child.tail)


def _texts(el, state: _State) -> list[str]:  # noqa: ANN001
    """Texts of the paragraphs inside a note body, a cell or a text box (in order)."""
    out: list[str] = []
    for child in el:
        if child.tag in _PARAGRAPHS:
            parts: list[str] = []
            frames: list[list[str]] = []
            _inline(child, parts, frames, state)
            out.append("".join(parts))
            for frame in frames:
                out.extend(frame)
        elif child.tag in _CONTAINERS:
            out.extend(_texts(child, state))
    return out


def _block(el, doc: DocumentText, state: _State) -> None:  # noqa: ANN001
    tag = el.tag
    if tag in _PARAGRAPHS:
        parts: list[str] = []
        frames: list[list[str]] = []
        _inline(el, parts, frames, state)
        doc.body("".join(parts))
        doc.text_boxes(frames)
    elif tag == TABLE + "table":
        rows = [r for r in el.iter(TABLE + "table-row") if next(r.iterancestors(TABLE + "table")) is el]
        doc.table("\t".join(" ".join(t for t in _texts(c, state) if t.strip())
                            for c in row if c.tag == TABLE + "table-cell").rstrip("\t") for row in rows)
    elif tag in _CONTAINERS:
        for child in el:
            _block(child, doc, state)


def read_odt(path: Path) -> Source:
    """Read an .odt file: the body in order, then its footnotes and endnotes.

    >>> from glossary.sources.odt import read_odt  # see tests/test_documents.py for real files
    """
    doc = DocumentText()
    state = _State()
    with open_package(path, "ODT") as zf, open_member(zf, "content.xml", path) as stream:
        for el in top_blocks(stream, lambda parent: parent is not None and parent.tag == OFFICE + "text"):
            if el.tag not in _SKIP:
                _block(el, doc, state)
    doc.notes(state.notes)
    return doc.source(str(path), "odt")
