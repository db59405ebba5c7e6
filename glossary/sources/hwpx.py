"""Hangul .hwpx (OWPML, KS X 6101): body paragraphs, tables, text boxes, footnotes, endnotes.

HWPX is the zip of XML that Hangul (한글) writes by default since 2021:
``Contents/section0.xml``, ``section1.xml``... hold the text as ``hp:p`` >
``hp:run`` > ``hp:t``; tables (``hp:tbl`` > ``hp:tr`` > ``hp:tc``), text
boxes (``hp:drawText``) and notes (``hp:ctrl`` > ``hp:footNote`` /
``hp:endNote``) sit inside runs, each holding its own paragraphs in an
``hp:subList``. Sections are parsed with ``iterparse`` one paragraph at a
time. No library reads HWPX (python-hwpx needs the whole file in memory
and pulls in a GUI stack), hence this module. HWP 5 binary files (.hwp) are
not read: see :data:`glossary.sources.UNSUPPORTED`.
Locations: ``¶ 12``, ``table 1, row 2``, ``text box 1``, ``footnote 1``.
"""

from __future__ import annotations

import re
from pathlib import Path

from glossary.model import Source
from glossary.sources.archive import open_member, open_package
from glossary.sources.document import DocumentText, top_blocks

HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
_SUBLIST_OWNERS = {HP + "tbl", HP + "footNote", HP + "endNote", HP + "drawText"}
#: Controls whose paragraphs are page furniture or notes to the editor, never read:
#: running headers and footers, hidden comments.
_SKIPPED = {HP + "header", HP + "footer", HP + "hiddenComment"}
_CHARS = {HP + "tab": "\t", HP + "lineBreak": "\n", HP + "nbSpace": " ", HP + "fwSpace": " ", HP + "hyphen": "-"}


class _State:
    def __init__(self) -> None:
        self.notes: list[tuple[str, list[str]]] = []
        self.footnote = self.endnote = 0


def _t(el, parts: list[str]) -> None:  # noqa: ANN001 - an hp:t with mixed content (tabs, breaks)
    if el.text:
        parts.append(el.text)
    for child in el:
        parts.append(_CHARS.get(child.tag, ""))
        if child.tail:
            parts.append(child.tail)


def _paragraph(p, state: _State, tables: list, boxes: list) -> str:  # noqa: ANN001
    """A paragraph's own text; tables, boxes and notes inside it go to the lists."""
    parts: list[str] = []
    for el in p.iter():
        if el is p:
            continue
        # Text of nested paragraphs (cells, notes, boxes) is read with its owner.
        if any((a.tag in _SUBLIST_OWNERS or a.tag in _SKIPPED) for a in el.iterancestors()
               if a is not p and _below(a, p)):
            continue
        if el.tag == HP + "t":
            _t(el, parts)
        elif el.tag == HP + "tbl":
            tables.append(el)
        elif el.tag == HP + "drawText":
            boxes.append(_sublist(el, state))
        elif el.tag in (HP + "footNote", HP + "endNote"):
            kind = "footnote" if el.tag == HP + "footNote" else "endnote"
            setattr(state, kind, getattr(state, kind) + 1)
            state.notes.append((f"{kind} {getattr(state, kind)}", _sublist(el, state)))
    return "".join(parts)


def _below(a, p) -> bool:  # noqa: ANN001
    return any(x is p for x in a.iterancestors())


def _sublist(el, state: _State) -> list[str]:  # noqa: ANN001
    out = []
    for sub in el.iter(HP + "subList"):
        if next(sub.iterancestors(*_SUBLIST_OWNERS)) is not el:
            continue
        for p in sub:
            if p.tag == HP + "p":
                out.append(_paragraph(p, state, [], []))
    return out


def _block(p, doc: DocumentText, state: _State) -> None:  # noqa: ANN001
    tables: list = []
    boxes: list[list[str]] = []
    doc.body(_paragraph(p, state, tables, boxes))
    for tbl in tables:
        rows = [r for r in tbl.iter(HP + "tr") if next(r.iterancestors(HP + "tbl")) is tbl]
        doc.table("\t".join(" ".join(t for t in _sublist_cell(c, state) if t.strip()) for c in row if c.tag == HP + "tc")
                  for row in rows)
    doc.text_boxes(boxes)


def _sublist_cell(tc, state: _State) -> list[str]:  # noqa: ANN001
    sub = tc.find(HP + "subList")
    return [] if sub is None else [_paragraph(p, state, [], []) for p in sub if p.tag == HP + "p"]


def _top(parent) -> bool:  # noqa: ANN001 - a paragraph of a section (or the root), not of a cell or note
    return parent is None or parent.tag == HP + "p" or parent.tag.endswith("}sec")


def _sections(names: list[str]) -> list[str]:
    found = [(int(m.group(1)), n) for n in names if (m := re.fullmatch(r"Contents/section(\d+)\.xml", n))]
    return [n for _, n in sorted(found)]


def read_hwpx(path: Path) -> Source:
    """Read an .hwpx file: every section's paragraphs, tables and boxes in order, then the notes.

    >>> from glossary.sources.hwpx import read_hwpx  # see tests/test_documents.py for real files
    """
    doc = DocumentText()
    state = _State()
    with open_package(path, "HWPX") as zf:
        sections = _sections(zf.namelist())
        if not sections:
            from glossary.i18n import _
            from glossary.model import InputError

            raise InputError(_("{path}: not an HWPX document (no Contents/section0.xml)").format(path=path),
                             _("damaged"))
        for name in sections:
            with open_member(zf, name, path) as stream:
                for el in top_blocks(stream, _top, tag=HP + "p"):
                    _block(el, doc, state)
    doc.notes(state.notes)
    return doc.source(str(path), "hwpx")
