"""EPUB 2 and 3 books: the chapters of the spine in reading order, paragraph by paragraph.

An EPUB is a zip of XHTML files listed in the package document's spine
(``META-INF/container.xml`` names it). Each chapter is parsed on its own
(memory bounded by the largest chapter, not the book). Block elements
(``p``, headings, list items, table rows, captions) become paragraphs; note
references (``epub:type="noteref"``, a bare superscript number) are left
out so that a note number never sticks to a term. Locations: ``ch. 3, ¶ 12``
with chapters counted along the spine.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote

from glossary.i18n import _
from glossary.model import InputError, Source
from glossary.sources.archive import open_member, open_package, read_member
from glossary.sources.document import DocumentText

XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "figcaption", "caption",
           "pre", "tr", "div", "section", "article", "aside", "header", "footer", "td", "th", "table", "ul", "ol",
           "dl", "figure", "nav", "main", "body"}
_HIDDEN = {"script", "style", "head", "title", "rt", "rp"}


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _is_noteref(el) -> bool:  # noqa: ANN001
    if "noteref" in (el.get(EPUB_TYPE) or "") or el.get("role") == "doc-noteref":
        return True
    text = "".join(el.itertext()).strip()
    return _local(el.tag) == "sup" and len(text) <= 3 and all(c.isdigit() or c in "*†‡§" for c in text)


def _inline(el, parts: list[str]) -> None:  # noqa: ANN001
    if el.text:
        parts.append(el.text)
    for child in el:
        name = _local(child.tag)
        if name == "br":
            parts.append("\n")
        elif name and name not in _HIDDEN and not _is_noteref(child):
            if name in ("td", "th"):
                parts.append("\t")
            _inline(child, parts)
        if child.tail:
            parts.append(child.tail)


def _blocks(el, out: list[str]) -> None:  # noqa: ANN001
    """Paragraph texts of ``el``: leaf blocks whole, containers block by block."""
    has_block = any(_local(c.tag) in _BLOCKS and _local(c.tag) not in ("td", "th") for c in el)
    if not has_block or _local(el.tag) in ("p", "tr", "pre", "li", "dt", "dd", "figcaption", "caption"):
        parts: list[str] = []
        _inline(el, parts)
        out.append("".join(parts).strip("\t"))
        return
    if el.text and el.text.strip():
        out.append(el.text)
    for child in el:
        name = _local(child.tag)
        if name in _HIDDEN or not name:
            pass
        elif name in _BLOCKS:
            _blocks(child, out)
        elif not _is_noteref(child):
            parts = []
            _inline(child, parts)
            out.append("".join(parts))
        if child.tail and child.tail.strip():
            out.append(child.tail)


def _spine(zf, path: Path) -> list[str]:  # noqa: ANN001
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    container = etree.fromstring(read_member(zf, "META-INF/container.xml", path), parser)
    rootfile = next((el.get("full-path") for el in container.iter() if _local(el.tag) == "rootfile"), None)
    if not rootfile:
        raise InputError(_("{path}: not an EPUB book (no package document)").format(path=path), _("damaged"))
    opf = etree.fromstring(read_member(zf, rootfile, path), parser)
    base = posixpath.dirname(rootfile)
    items = {el.get("id"): el for el in opf.iter() if _local(el.tag) == "item"}
    chapters = []
    for ref in (el for el in opf.iter() if _local(el.tag) == "itemref"):
        item = items.get(ref.get("idref"))
        if item is None or ref.get("linear") == "no" or "nav" in (item.get("properties") or "").split():
            continue
        if "html" in (item.get("media-type") or ""):
            chapters.append(posixpath.normpath(posixpath.join(base, unquote(item.get("href", "")))))
    return chapters


def read_epub(path: Path) -> Source:
    """Read an EPUB book chapter by chapter along its spine.

    >>> from glossary.sources.epub import read_epub  # see tests/test_documents.py for real files
    """
    from lxml import etree

    doc = DocumentText()
    with open_package(path, "EPUB") as zf:
        for number, name in enumerate(_spine(zf, path), 1):
            with open_member(zf, name, path) as stream:
                parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
                root = etree.parse(stream, parser).getroot()
            body = next((el for el in root.iter() if _local(el.tag) == "body"), None)
            paras: list[str] = []
            if body is not None:
                _blocks(body, paras)
            count = 0
            for para in paras:
                if para.strip():
                    count += 1
                    doc.paragraph(para, f"ch. {number}, ¶ {count}")
    return doc.source(str(path), "epub")
