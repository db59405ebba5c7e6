"""The document readers (glossary/sources/: pdf, docx, odt, hwpx, epub) on real files.

The fixtures in tests/data/documents/ were made by real producers
(LibreOffice for PDF, DOCX and ODT; see scripts/make_document_fixtures.py)
from the plain texts beside them, our own sentences with the bracket
patterns of real reports. One test re-makes them through LibreOffice when
soffice is installed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from glossary.extract import extract_corpus
from glossary.model import InputError, Occurrence
from glossary.sources import Skipped, iter_sources, read_source, skipped_summary
from glossary.sources.document import DocumentText, locate

DOCS = Path(__file__).parent / "data" / "documents"
ROOT = Path(__file__).resolve().parent.parent


def occurrences(path: Path) -> list[Occurrence]:
    return extract_corpus([read_source(path)])


def keyed(occs: list[Occurrence]) -> Counter:
    return Counter((o.term, o.gloss, o.gloss_kind, o.kind) for o in occs)


CONVERTED = ["report.en.pdf", "report.en.2col.pdf", "report.en.docx", "report.en.odt", "report.en.epub",
             "brief.ko.pdf", "brief.ko.2col.pdf", "brief.ko.docx", "brief.ko.odt", "brief.ko.hwpx", "brief.ko.epub"]


@pytest.mark.parametrize("name", CONVERTED)
def test_every_format_gives_the_occurrences_of_the_plain_text(name: str) -> None:
    text = DOCS / (name.split(".")[0] + "." + name.split(".")[1] + ".txt")
    assert keyed(occurrences(DOCS / name)) == keyed(occurrences(text))


@pytest.mark.parametrize(
    ("name", "term", "gloss", "location"),
    [
        ("report.en.pdf", "以旧换新", "equipment upgrading and consumer goods trade-in", "p. 1, l. 6"),
        ("report.en.pdf", "内卷", "involution", "p. 1, l. 11"),
        ("report.en.2col.pdf", "两会", "Two Sessions", "p. 1, col. 1, l. 6"),
        ("report.en.2col.pdf", "新质生产力", "new quality productive forces", "p. 1, col. 2, l. 1"),
        ("report.en.2col.pdf", "深圳", "Shenzhen", "p. 2, col. 1, l. 23"),  # after "Shen-"
        ("brief.ko.2col.pdf", "以舊換新", "이구환신", "p. 1, col. 1, l. 7"),
        ("brief.ko.docx", "習近平", "시진핑", "¶ 4"),
        ("brief.ko.hwpx", "脫鉤", "탈동조화", "¶ 8"),
        ("brief.ko.odt", "共同富裕", "공동부유", "¶ 6"),
        ("report.en.epub", "王毅", "Wang Yi", "ch. 2, ¶ 3"),
        ("report.en.docx", "内卷", "involution", "¶ 5"),
    ],
)
def test_terms_renderings_and_locations(name: str, term: str, gloss: str, location: str) -> None:
    found = [o for o in occurrences(DOCS / name) if o.term == term]
    assert [(o.gloss, o.location) for o in found] == [(gloss, location)]
    assert found[0].place == f"{DOCS / name} ({location})"


def test_plain_text_has_no_location() -> None:
    occ = occurrences(DOCS / "report.en.txt")[0]
    assert occ.location is None and occ.place.endswith("report.en.txt:3")
    assert "location" not in occ.to_json()


# --- PDF layout -------------------------------------------------------------


def test_two_column_pdf_reads_column_by_column_without_running_header() -> None:
    src = read_source(DOCS / "report.en.2col.pdf")
    paragraphs = src.text.split("\n\n")
    assert "Briefing Note" not in src.text  # the running header of both pages
    assert not any(p.strip().isdigit() for p in paragraphs)  # page numbers
    slogan = next(p for p in paragraphs if p.startswith("The slogan"))
    assert slogan == ("The slogan of common prosperity, or gongtong fuyu (共同富裕), appeared less often than "
                      "in 2022. In its place the report stressed high-quality development (高质量发展) and "
                      "the dual circulation (双循环) strategy.")
    assert len(paragraphs) == 8  # title + seven paragraphs, none joined to the next


@pytest.mark.parametrize(
    "word",
    ["intelligentization", "prosperity", "presented", "decoupling", "involution", "trade-in", "co-fund",
     "high-quality", "(減稅降費)", "(新质生产力)"],
)
def test_two_column_pdf_joins_hyphenated_and_spread_words(word: str) -> None:
    words = read_source(DOCS / "report.en.2col.pdf").text.split()
    assert any(w.strip(',."') == word or w.startswith(word) for w in words)


def test_cjk_term_broken_over_a_line_end_is_joined() -> None:
    # LibreOffice breaks 以舊換 / 新 at the column edge in the one-column Korean PDF.
    src = read_source(DOCS / "brief.ko.pdf")
    assert "이구환신(以舊換新)" in src.text
    assert "글로벌발전이니셔티브(全球發展倡議)" in src.text


def test_paragraph_ends_are_hard_breaks() -> None:
    for name in ("brief.ko.pdf", "brief.ko.2col.pdf", "brief.ko.docx", "brief.ko.hwpx", "brief.ko.odt"):
        caption = [o for o in occurrences(DOCS / name) if o.term == "新華社"]
        assert [o.context for o in caption] == ["(사진: 新華社)"], name


def test_footnote_marker_is_not_glued_to_the_term() -> None:
    src = read_source(DOCS / "features.pdf")
    assert "Ministry of Commerce (商务部) on vouchers." in src.text
    assert "Sources are listed at the end." in src.text  # the endnote mark "i" dropped


def test_scanned_pdf_says_to_run_ocr() -> None:
    with pytest.raises(InputError, match=r"scanned\.pdf: no text layer .*ocrmypdf") as err:
        read_source(DOCS / "scanned.pdf")
    assert err.value.reason == "no text layer"


def test_encrypted_pdf_says_so() -> None:
    with pytest.raises(InputError, match=r"locked\.pdf: encrypted PDF .*qpdf --decrypt") as err:
        read_source(DOCS / "locked.pdf")
    assert err.value.reason == "encrypted"


# --- office documents -----------------------------------------------------------


@pytest.mark.parametrize("name", ["features.docx", "features.odt"])
def test_office_tables_notes_boxes_and_tracked_changes(name: str) -> None:
    found = {(o.term, o.gloss): o.location for o in occurrences(DOCS / name)}
    assert found[("双碳", "phrase dual carbon goals")] == "¶ 2"  # a tracked insertion, kept
    assert not any(term == "中国梦" for term, _ in found)  # a tracked deletion, dropped
    assert found[("躺平", "lying flat")] == "table 1, row 2"
    assert found[("中國式現代化", "중국식 현대화")] == "table 1, row 3"
    assert found[("大湾区", "Greater Bay Area")] == "text box 1"
    assert found[("大规模设备更新", "large-scale equipment renewal")] == "footnote 1"
    assert found[("新华社", "Xinhua News Agency")].startswith("endnote ")
    text = read_source(DOCS / name).text
    assert "(商务部) on vouchers" in text  # the note citation is not in the body text
    assert text.count("Greater Bay Area") == 1  # Word writes a text box twice (DrawingML + VML)


def test_hwpx_body_table_and_footnote() -> None:
    found = {(o.term, o.gloss): o.location for o in occurrences(DOCS / "features.ko.hwpx")}
    assert found[("兩會", "양회")] == "¶ 2"
    assert found[("躺平", "탕핑")] == "table 1, row 2"
    assert found[("中國式現代化", "중국식 현대화")] == "table 1, row 3"
    assert found[("商務部", "상무부")] == "footnote 1"
    assert found[("粵港澳大灣區", "웨강아오 대만구")] == "text box 1"
    assert "中國經濟動向" not in read_source(DOCS / "features.ko.hwpx").text  # the running header


# --- what cannot be read ------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "bomb.docx", {"word/document.xml": b"<a>" + b" " * 50_000_000 + b"</a>"})
    with pytest.raises(InputError, match=r"bomb\.docx: word/document\.xml is compressed \d+ times, like a zip bomb"):
        read_source(path)


def test_too_many_entries_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary.sources import archive

    monkeypatch.setattr(archive, "MAX_ENTRIES", 5)
    path = _zip(tmp_path / "many.epub", {f"x{i}.xhtml": b"<p/>" for i in range(6)})
    with pytest.raises(InputError, match=r"many\.epub: EPUB package with 6 entries, more than the 5 allowed"):
        read_source(path)


def test_member_inflating_past_its_declared_size_is_stopped(tmp_path: Path) -> None:
    from glossary.sources.archive import _Bounded

    stream = io.BufferedReader(_Bounded(io.BytesIO(b"x" * 100), 10, "evil.odt: content.xml"))
    with pytest.raises(InputError, match="inflates beyond its declared size"):
        stream.read()


def test_damaged_package_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match=r"broken\.docx: not a valid DOCX file"):
        read_source(path)


@pytest.mark.parametrize(
    ("name", "source", "message"),
    [
        ("old.hwp", None, r"old\.hwp: HWP 5 binary document: open it in Hangul and save it as HWPX"),
        ("old.doc", None, r"old\.doc: Word 97-2003 document: save it as \.docx"),
        ("deck.pptx", None, r"deck\.pptx: PowerPoint presentation: not supported"),
        ("draft.txt", "brief.ko.docx", r"draft\.txt: a DOCX document, not text: name it with the extension \.docx"),
        ("scan.txt", "report.en.pdf", r"scan\.txt: a PDF document, not text: name it with the extension \.pdf"),
    ],
)
def test_file_named_directly_says_what_it_is_and_what_would_read_it(
        tmp_path: Path, name: str, source: str | None, message: str) -> None:
    path = tmp_path / name
    path.write_bytes((DOCS / source).read_bytes() if source else b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(InputError, match=message):
        read_source(path)


def test_content_decides_when_the_extension_says_nothing(tmp_path: Path) -> None:
    path = tmp_path / "report-final"
    path.write_bytes((DOCS / "brief.ko.docx").read_bytes())
    assert read_source(path).format == "docx"


def test_folder_walk_reads_every_format_and_reports_the_rest(tmp_path: Path) -> None:
    for name in ("report.en.2col.pdf", "brief.ko.docx", "brief.ko.hwpx", "report.en.odt", "brief.ko.epub",
                 "report.en.txt", "scanned.pdf", "locked.pdf"):
        shutil.copy(DOCS / name, tmp_path / name)
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    (tmp_path / "deck.pptx").write_bytes(b"PK\x03\x04")
    skipped: list[Skipped] = []
    formats = [s.format for s in iter_sources([tmp_path], skipped=skipped)]
    assert formats == ["docx", "epub", "hwpx", "pdf", "odt", "text"]
    assert skipped_summary(skipped) == ("skipped 4 files: 2 .pptx (not supported), 1 .pdf (encrypted), "
                                        "1 .pdf (no text layer)")


# --- locations -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("pieces", "term", "location"),
    [
        ([("the Two Sessions", "p. 1, l. 1"), ("(兩會) met", "p. 1, l. 2")], "兩會", "p. 1, l. 2"),
        ([("兩會 and 兩會", "¶ 1")], "兩會", "¶ 1"),
        ([("a", "p. 4, l. 30"), ("b (兩會)", "p. 5, l. 1")], "兩會", "p. 5, l. 1"),
    ],
)
def test_locate(pieces: list[tuple[str, str]], term: str, location: str) -> None:
    doc = DocumentText()
    doc.pieces(pieces)
    src = doc.source("a.pdf", "pdf")
    assert [o.location for o in locate([Occurrence(term, "a.pdf", 1)], src)] == [location]


def test_locate_counts_repeated_terms_in_a_paragraph() -> None:
    doc = DocumentText()
    doc.pieces([("兩會 first", "p. 1, l. 1"), ("兩會 again", "p. 1, l. 2")])
    doc.paragraph("兩會 third", "p. 1, l. 4")
    src = doc.source("a.pdf", "pdf")
    occs = [Occurrence("兩會", "a.pdf", 1), Occurrence("兩會", "a.pdf", 1), Occurrence("兩會", "a.pdf", 3)]
    assert [o.location for o in locate(occs, src)] == ["p. 1, l. 1", "p. 1, l. 2", "p. 1, l. 4"]


# --- the producers themselves ---------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed: apt-get install libreoffice-writer")
def test_fixtures_regenerated_by_libreoffice_read_the_same(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_document_fixtures as make
    finally:
        sys.path.pop(0)
    paras = make.paragraphs(DOCS / "report.en.txt")
    flat = tmp_path / "report.en.fodt"
    flat.write_text(make.fodt(paras, lang="en", columns=2, size="20pt", header="Running head"), encoding="utf-8")
    try:
        pdf = make.soffice(flat, "pdf", tmp_path / "report.en.2col.pdf")
        docx = make.soffice(flat, "docx", tmp_path / "report.en.docx")
    except subprocess.SubprocessError as exc:  # pragma: no cover - a broken LibreOffice install
        pytest.skip(f"soffice failed: {exc}")
    want = keyed(occurrences(DOCS / "report.en.txt"))
    assert keyed(occurrences(docx)) == want
    got = keyed(occurrences(pdf))
    assert sum((got & want).values()) >= 0.98 * sum(want.values())
    assert "Running head" not in read_source(pdf).text


# --- properties -------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORD = st.text(alphabet=st.sampled_from(list("abcXYZ양회이구환신兩會以舊換新 ,.()")), min_size=1, max_size=30)
_PARAGRAPHS = st.lists(_WORD.filter(lambda t: t.strip()), min_size=1, max_size=6)


def _docx(path: Path, paragraphs: list[str]) -> Path:
    from xml.sax.saxutils import escape

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    return _zip(path, {"[Content_Types].xml": b"<Types/>",
                       "word/document.xml": f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'.encode()})


def _odt(path: Path, paragraphs: list[str]) -> Path:
    from xml.sax.saxutils import escape

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    return _zip(path, {"mimetype": b"application/vnd.oasis.opendocument.text",
                       "content.xml": f"<office:document-content {ns}><office:body><office:text>{body}"
                                      f"</office:text></office:body></office:document-content>".encode()})


@settings(max_examples=40, deadline=None)
@given(paragraphs=_PARAGRAPHS, kind=st.sampled_from(["docx", "odt"]))
def test_paragraphs_come_back_one_per_line_with_their_number(
        tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str], kind: str) -> None:
    path = (_docx if kind == "docx" else _odt)(tmp_path_factory.mktemp("p") / f"a.{kind}", paragraphs)
    src = read_source(path)
    expected = [" ".join(p.split()) for p in paragraphs]
    assert src.text.split("\n\n") == expected
    offset = 0
    for n, para in enumerate(expected, 1):
        assert src.location(offset) == src.location(offset + len(para) - 1) == f"¶ {n}"
        offset += len(para) + 2


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(st.tuples(_WORD, st.sampled_from(["p. 1, l. 1", "p. 1, l. 2", "p. 2, l. 1"])), max_size=8))
def test_every_offset_of_a_piece_is_located_at_its_label(pieces: list[tuple[str, str]]) -> None:
    doc = DocumentText()
    doc.pieces(pieces)
    src = doc.source("a.pdf", "pdf")
    for start, label in src.locator:
        assert src.location(start) == label
    assert all(src.text[start] != " " for start, _ in src.locator)


@pytest.mark.parametrize(
    ("first", "second", "joined", "rest"),
    [
        ("the leader Deng Xiao-", "ping (邓小平) said", "the leader Deng Xiaoping", "(邓小平) said"),
        ("a push toward intelli-", "gentization (智能化)", "a push toward intelligentization", "(智能化)"),
        ("consumer goods trade-", "in programme (以旧换新)", "consumer goods trade-in", "programme (以旧换新)"),
        ("expected to co-", "fund the subsidies", "expected to co-fund", "the subsidies"),
        ('against "decou-', 'pling" (脱钩).', 'against "decoupling"', "(脱钩)."),
        ("소비재 이구환신(以舊換", "新) 정책을", "소비재 이구환신(以舊換新)", "정책을"),
        ("a well-known slogan -", "and more", "a well-known slogan -", "and more"),  # a dash, not a hyphen
        ("the Two Sessions", "(两会) met", "the Two Sessions", "(两会) met"),
    ],
)
def test_words_broken_over_a_line_end(first: str, second: str, joined: str, rest: str) -> None:
    from glossary.sources.pdf import _join, _Piece

    prev, line = _Piece(first, 1, False, None), _Piece(second, 1, False, None)
    _join(prev, line, vocabulary=set())
    assert (prev.text, line.text) == (joined, rest)


def test_the_document_decides_a_line_end_hyphen() -> None:
    from glossary.sources.pdf import _join, _Piece

    prev, line = _Piece("the plan was pre-", 1, False, None), _Piece("sented today", 1, False, None)
    _join(prev, line, vocabulary={"presented"})
    assert prev.text == "the plan was presented"
    prev, line = _Piece("a new e-", 1, False, None), _Piece("commerce law", 1, False, None)
    _join(prev, line, vocabulary={"e-commerce"})
    assert prev.text == "a new e-commerce"


def test_epub_note_references_stay_out_of_the_text(tmp_path: Path) -> None:
    chapter = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" '
               'xmlns:epub="http://www.idpf.org/2007/ops"><body><section><h1>One</h1>'
               '<p>The Two Sessions<a epub:type="noteref" href="#n1">1</a> (两会) met.</p>'
               '<p>Dual circulation<sup>2</sup> (双循环) again.</p>'
               '<aside epub:type="footnote" id="n1"><p>Also called the NPC and CPPCC (全国两会).</p></aside>'
               '</section></body></html>')
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><manifest>'
           '<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/></manifest>'
           '<spine><itemref idref="c1"/></spine></package>')
    container = ('<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
                 '<rootfiles><rootfile full-path="OPS/book.opf"/></rootfiles></container>')
    path = _zip(tmp_path / "book.epub", {"mimetype": b"application/epub+zip", "META-INF/container.xml": container.encode(),
                                         "OPS/book.opf": opf.encode(), "OPS/text/one.xhtml": chapter.encode()})
    found = [(o.term, o.gloss, o.location) for o in occurrences(path)]
    assert found == [("两会", "Two Sessions", "ch. 1, ¶ 2"), ("双循环", "Dual circulation", "ch. 1, ¶ 3"),
                     ("全国两会", "NPC and CPPCC", "ch. 1, ¶ 4")]
