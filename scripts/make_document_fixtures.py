#!/usr/bin/env python3
"""Write the document fixtures of tests/data/documents/ with real producers.

The plain texts ``report.en.txt`` and ``brief.ko.txt`` (our own sentences,
with the bracket patterns of real think-tank and news texts) are laid out as
Flat OpenDocument (.fodt) and converted by LibreOffice itself, so the PDF,
DOCX and ODT files are what Writer users actually send:

- ``<name>.pdf`` / ``.docx`` / ``.odt``: one column, running header and page
  number footer;
- ``<name>.2col.pdf``: two justified, hyphenated columns (LibreOffice's
  automatic hyphenation with Debian's ``hyphen-en-us``), large type so the
  text runs over several pages;
- ``features.docx`` / ``.odt`` / ``.pdf``: a table, a footnote, an endnote,
  a text box and tracked changes (an insertion kept, a deletion dropped);
- ``<name>.hwpx``: the OWPML package layout (KS X 6101) written by hand,
  since no free producer of Hangul files exists;
- ``<name>.epub``: an EPUB 3 package, one chapter per part of the text;
- ``scanned.pdf``: a page image only (pdftoppm's rendering of a page), as a
  scanner gives; ``locked.pdf``: the report encrypted with a user password.

Usage: ``python scripts/make_document_fixtures.py [OUTDIR]`` (default
tests/data/documents). Needs soffice (libreoffice-writer), pdftoppm
(poppler-utils), fonts-noto-cjk, hyphen-en-us and pypdf (for locked.pdf).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "tests" / "data" / "documents"

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"'
)


def paragraphs(path: Path) -> list[str]:
    """The paragraphs of a plain text: blocks between blank lines."""
    return [" ".join(block.split("\n")) for block in path.read_text(encoding="utf-8").split("\n\n") if block.strip()]


def fodt(paras: list[str], *, lang: str, columns: int = 1, size: str = "11pt", header: str = "",
         body_extra: str = "") -> str:
    """A Flat ODT document: the first paragraph a heading, the rest body text."""
    country = "KR" if lang == "ko" else "US"
    columns_xml = (f'<style:columns fo:column-count="{columns}" fo:column-gap="0.8cm"/>' if columns > 1 else "")
    hyphen = 'fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"'
    styles = f"""
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK KR" svg:font-family="'Noto Serif CJK KR'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.25cm"/>
  <style:text-properties style:font-name="Noto Serif CJK KR" style:font-name-asian="Noto Serif CJK KR"
    fo:font-size="{size}" style:font-size-asian="{size}" fo:language="en" fo:country="US"
    style:language-asian="{lang}" style:country-asian="{country}" {hyphen}/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:text-properties fo:font-size="16pt" fo:font-weight="bold" fo:hyphenate="false"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
    fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm">{columns_xml}</style:page-layout-properties>
  <style:header-style/><style:footer-style/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p>{escape(header)}</text:p></style:header>
  <style:footer><text:p><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>"""
    body = [f'<text:h text:style-name="Title" text:outline-level="1">{escape(paras[0])}</text:h>']
    body += [f'<text:p text:style-name="Body">{escape(p)}</text:p>' for p in paras[1:]]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>{styles}\n'
            f'<office:body><office:text>\n' + "\n".join(body) + body_extra + "\n</office:text></office:body></office:document>\n")


#: A document with everything Word and Writer users put around their text.
FEATURES = """
<text:tracked-changes>
 <text:changed-region text:id="ct1"><text:insertion><office:change-info>
  <dc:creator>Editor</dc:creator><dc:date>2025-03-12T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>
 <text:changed-region text:id="ct2"><text:deletion><office:change-info>
  <dc:creator>Editor</dc:creator><dc:date>2025-03-12T10:01:00</dc:date></office:change-info>
  <text:p>the outdated slogan of the Chinese Dream (中国梦)</text:p></text:deletion></text:changed-region>
</text:tracked-changes>
<text:p text:style-name="Body">The editor added <text:change-start text:change-id="ct1"/>the phrase dual carbon goals (双碳)<text:change-end text:change-id="ct1"/> and removed <text:change text:change-id="ct2"/> from this sentence.</text:p>
<text:p text:style-name="Body">The report cites the Ministry of Commerce (商务部)<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>See the notice on large-scale equipment renewal (大规模设备更新), March 2024.</text:p></text:note-body></text:note> on vouchers.</text:p>
<text:p text:style-name="Body">Sources are listed at the end.<text:note text:id="edn1" text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>Xinhua News Agency (新华社) reporting, 12 March 2025.</text:p></text:note-body></text:note></text:p>
<table:table table:name="Terms">
 <table:table-column table:number-columns-repeated="3"/>
 <table:table-row><table:table-cell><text:p>Term</text:p></table:table-cell><table:table-cell><text:p>Chinese</text:p></table:table-cell><table:table-cell><text:p>Korean</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell><text:p>lying flat (躺平)</text:p></table:table-cell><table:table-cell><text:p>躺平</text:p></table:table-cell><table:table-cell><text:p>탕핑(躺平)</text:p></table:table-cell></table:table-row>
 <table:table-row><table:table-cell><text:p>Chinese path to modernization (中国式现代化)</text:p></table:table-cell><table:table-cell><text:p>中国式现代化</text:p></table:table-cell><table:table-cell><text:p>중국식 현대화(中國式現代化)</text:p></table:table-cell></table:table-row>
</table:table>
<text:p text:style-name="Body"><draw:frame draw:name="Box1" text:anchor-type="as-char" svg:width="12cm" svg:height="2cm"><draw:text-box><text:p>Box: the Greater Bay Area (大湾区) plan.</text:p></draw:text-box></draw:frame></text:p>
<text:p text:style-name="Body">The last paragraph names the Politburo (中央政治局).</text:p>
"""


def soffice(src: Path, fmt: str, out: Path) -> Path:
    """Convert with LibreOffice headless; return the written file."""
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
             "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=180,
        )
        produced = Path(tmp) / (src.stem + "." + fmt.split(":")[0])
        shutil.move(produced, out)
    return out


def hwpx(paras: list[str], out: Path, *, table: list[list[str]] | None = None, footnote: str = "",
         header: str = "", box: str = "") -> Path:
    """An HWPX (OWPML) package: mimetype, version.xml, META-INF, Contents/header.xml, section0.xml.

    ``header`` is a running header (an ``hp:header`` control in the first
    paragraph), ``box`` a text box (``hp:rect`` > ``hp:drawText``) after the table.
    """
    hp = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'

    def para(text: str, extra: str = "") -> str:
        return f'<hp:p paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>{escape(text)}</hp:t>{extra}</hp:run></hp:p>'

    body = [para(p) for p in paras]
    if footnote:
        note = (f'<hp:ctrl><hp:footNote number="1"><hp:subList>{para(footnote)}</hp:subList></hp:footNote></hp:ctrl>')
        body[1] = body[1].replace("</hp:t>", "</hp:t>" + note, 1)
    if header:
        ctrl = f'<hp:ctrl><hp:header applyPageType="BOTH"><hp:subList>{para(header)}</hp:subList></hp:header></hp:ctrl>'
        body[0] = body[0].replace("<hp:t>", ctrl + "<hp:t>", 1)
    if box:
        body.append(f'<hp:p><hp:run><hp:rect><hp:drawText><hp:subList>{para(box)}</hp:subList></hp:drawText>'
                    '</hp:rect></hp:run></hp:p>')
    if table:
        rows = "".join(
            "<hp:tr>" + "".join(f"<hp:tc><hp:subList>{para(cell)}</hp:subList></hp:tc>" for cell in row) + "</hp:tr>"
            for row in table)
        body.insert(2, f'<hp:p><hp:run><hp:tbl rowCnt="{len(table)}" colCnt="{len(table[0])}">{rows}</hp:tbl></hp:run></hp:p>')
    section = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><hs:sec {hp}>' + "".join(body) + "</hs:sec>"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")  # stored, first, as OCF requires
        z.writestr("version.xml", '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1" micro="0" buildNumber="1" application="glossary fixtures"/>')
        z.writestr("META-INF/container.xml", '<?xml version="1.0" encoding="UTF-8"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>')
        z.writestr("Contents/content.hpf", '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/" version=""><opf:manifest><opf:item id="header" href="Contents/header.xml" media-type="application/xml"/><opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/></opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>')
        z.writestr("Contents/header.xml", '<?xml version="1.0" encoding="UTF-8"?><hh:head xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" version="1.4" secCnt="1"/>')
        z.writestr("Contents/section0.xml", section)
    return out


def epub(paras: list[str], out: Path, *, title: str, lang: str) -> Path:
    """An EPUB 3 package: the heading and first half in chapter 1, the rest in chapter 2."""
    half = 1 + (len(paras) - 1) // 2
    chapters = [paras[:half], paras[half:]]
    files = []
    for n, chapter in enumerate(chapters, 1):
        body = "".join(f"<p>{escape(p)}</p>\n" for p in chapter)
        files.append((f"ch{n}.xhtml", f'<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{n}</title></head><body><section>\n{body}</section></body></html>\n'))
    manifest = "".join(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>' for n, (name, _) in enumerate(files, 1))
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(1, len(files) + 1))
    opf = (f'<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
           f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">glossary-{out.stem}</dc:identifier>'
           f'<dc:title>{escape(title)}</dc:title><dc:language>{lang}</dc:language></metadata>'
           f'<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>{manifest}</manifest>'
           f'<spine>{spine}</spine></package>')
    nav = ('<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
           '<head><title>nav</title></head><body><nav epub:type="toc"><ol><li><a href="ch1.xhtml">1</a></li><li><a href="ch2.xhtml">2</a></li></ol></nav></body></html>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
        z.writestr("OEBPS/content.opf", opf)
        z.writestr("OEBPS/nav.xhtml", nav)
        for name, xhtml in files:
            z.writestr(f"OEBPS/{name}", xhtml)
    return out


def scanned_pdf(pdf: Path, out: Path) -> Path:
    """A PDF holding only the image of ``pdf``'s first page (no text layer), like a scan."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "60", "-gray", "-f", "1", "-l", "1", str(pdf), f"{tmp}/p"], check=True)
        pgm = next(Path(tmp).glob("p*.pgm")).read_bytes()
    # P5 header: magic, width, height, maxval, then the bytes.
    fields = pgm.split(maxsplit=4)
    width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
    image = zlib.compress(pixels)
    content = f"q {width * 72 / 60:.2f} 0 0 {height * 72 / 60:.2f} 0 0 cm /Im0 Do Q".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width * 72 / 60:.2f} {height * 72 / 60:.2f}] "
        f"/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".encode(),
        f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
        f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(image)} >>\nstream\n".encode() + image + b"\nendstream",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
    ]
    data = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(data))
        data += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    data += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    data += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    out.write_bytes(bytes(data))
    return out


def locked_pdf(pdf: Path, out: Path) -> Path:
    """``pdf`` encrypted with a user password (AES-256), as a protected report is sent."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(pdf))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    with out.open("wb") as f:
        writer.write(f)
    return out


KO_TABLE = [["용어", "한자"], ["탕핑", "탕핑(躺平)"], ["중국식 현대화", "중국식 현대화(中國式現代化)"]]
KO_FOOTNOTE = "상무부(商務部) 발표 자료 참조."
KO_HEADER = "중국 경제 동향(中國經濟動向) 브리프"
KO_BOX = "상자: 웨강아오 대만구(粵港澳大灣區) 계획."


def main(argv: list[str]) -> int:
    """Write every fixture into OUTDIR."""
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, lang, header in (("report.en", "en", "Briefing Note · March 2025"),
                                   ("brief.ko", "ko", "중국 경제 동향 브리프")):
            paras = paragraphs(DEFAULT_OUT / f"{name}.txt")
            flat = work / f"{name}.fodt"
            flat.write_text(fodt(paras, lang=lang, header=header), encoding="utf-8")
            for fmt in ("pdf", "docx", "odt"):
                soffice(flat, fmt, out / f"{name}.{fmt}")
            two = work / f"{name}.2col.fodt"
            two.write_text(fodt(paras, lang=lang, columns=2, size="20pt", header=header), encoding="utf-8")
            soffice(two, "pdf", out / f"{name}.2col.pdf")
            epub(paras, out / f"{name}.epub", title=paras[0], lang=lang)
        ko = paragraphs(DEFAULT_OUT / "brief.ko.txt")
        hwpx(ko, out / "brief.ko.hwpx")
        hwpx(ko, out / "features.ko.hwpx", table=KO_TABLE, footnote=KO_FOOTNOTE, header=KO_HEADER, box=KO_BOX)
        flat = work / "features.fodt"
        flat.write_text(fodt(["Features of office documents"], lang="en", body_extra=FEATURES), encoding="utf-8")
        for fmt in ("docx", "odt", "pdf"):
            soffice(flat, fmt, out / f"features.{fmt}")
        scanned_pdf(out / "report.en.pdf", out / "scanned.pdf")
        locked_pdf(out / "report.en.pdf", out / "locked.pdf")
    for path in sorted(out.iterdir()):
        print(f"{path.stat().st_size:>8}  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
