"""The XLSX writer's hand-written body rows are the bytes openpyxl writes for the same cells.

``glossary.export.tables.write_xlsx`` lets openpyxl write the workbook and
the header row and writes the body rows itself; the oracle here is the
whole sheet written by openpyxl, cell by cell, as the writer did before.
"""

from __future__ import annotations

import io
import tempfile
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.export.common import FORMULA_TRIGGERS, ExportOptions, xml_text
from glossary.export.tables import _XLSX_ILLEGAL, _deterministic_zip, write_xlsx
from glossary.model import Entry, Rendering


def _openpyxl_xlsx(rows: list[list[str]]) -> bytes:
    """Every row through openpyxl's own cells: the first bold, formula-like cells quote-prefixed."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("glossary")
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    for n, row in enumerate(rows):
        cells = []
        for value in row:
            value = _XLSX_ILLEGAL.sub("", xml_text(value))
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            if value[:1] in FORMULA_TRIGGERS:
                cell.quotePrefix = True
            if n == 0:
                cell.font = bold
            cells.append(cell)
        ws.append(cells)
    with tempfile.TemporaryFile() as tmp:
        wb.save(tmp)
        tmp.seek(0)
        out = io.BytesIO()
        _deterministic_zip(tmp, out, None)
    return out.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "=1+1", "+82", "-", "@x", "\tx", "\rx", "a\r\nb", " lead", "trail ", "&<>\"'",
                     "兩會", "𠀀", "\x00\x1b", "\ufffe", "한국어"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=6))
def test_body_rows_are_the_bytes_openpyxl_writes(rows):
    from glossary.export import tables

    header = ["zh-Hant", "ko", "en"]
    original = tables._rows
    tables._rows = lambda entries, options: iter([header, *rows])  # the cells alone, no entries to make them
    try:
        buf = io.BytesIO()
        write_xlsx([], buf, ExportOptions())
    finally:
        tables._rows = original
    ours = _members(buf.getvalue())
    theirs = _members(_openpyxl_xlsx([header, *rows]))
    assert ours.keys() == theirs.keys()
    for name in ours:
        if name != "xl/worksheets/sheet1.xml":  # column widths are the writer's own
            assert ours[name] == theirs[name], name
    sheet = ours["xl/worksheets/sheet1.xml"]
    oracle = theirs["xl/worksheets/sheet1.xml"]
    assert sheet[sheet.index(b"<sheetData>"):] == oracle[oracle.index(b"<sheetData>"):]


def test_a_glossary_reads_back_from_the_spliced_sheet(tmp_path):
    from glossary.export import read_export, write_export

    entries = [Entry(key="两会", trad="兩會", simp="两会", ko="양회", en=(Rendering("=Two Sessions", "context", 2),)),
               Entry(key="经济", trad="經濟", simp="经济", ko="경제", note=" spaced & <odd> ")]
    write_export(entries, tmp_path / "g.xlsx", "xlsx")
    back = read_export(tmp_path / "g.xlsx")
    assert [(e.trad, e.ko, [r.text for r in e.en], e.note) for e in back] == [
        ("兩會", "양회", ["=Two Sessions"], None), ("經濟", "경제", [], " spaced & <odd> ")]
