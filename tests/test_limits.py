"""Limits on hostile imports (issue 12): small limits set through the options keep these fast."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from glossary import limits
from glossary.export import read_export
from glossary.model import InputError


def test_limits_parse_and_refuse_bad_values() -> None:
    assert limits.parse("rows=5,xml-depth=7").xml_depth == 7
    for bad in ("rows", "rows=0", "rows=-1", "colour=3", "rows=many"):
        with pytest.raises(ValueError, match="bad limit"):
            limits.parse(bad)


def test_a_sheet_beyond_the_row_limit_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "big.csv"
    sheet.write_text("zh-Hant,en\n" + "".join(f"兩會,Two Sessions {i}\n" for i in range(50)), encoding="utf-8")
    with limits.override(rows=20), pytest.raises(InputError, match="more than 20 rows"):
        read_export(sheet)
    assert len(read_export(sheet)) >= 1


def test_an_xlsx_that_inflates_beyond_the_limit_is_refused_before_inflating(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 2_000_000 + b"</a>")
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buf.getvalue())
    assert path.stat().st_size < 20_000
    with limits.override(inflated_bytes=1_000_000), pytest.raises(InputError, match="inflates to 2000007 bytes"):
        read_export(path)


def test_an_import_beyond_the_file_limit_is_refused(tmp_path: Path) -> None:
    sheet = tmp_path / "a.csv"
    sheet.write_text("zh-Hant,en\n兩會,Two Sessions\n", encoding="utf-8")
    with limits.override(import_bytes=10), pytest.raises(InputError, match="more than the limit of 10 bytes"):
        read_export(sheet)


def test_deep_xml_is_one_clear_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.tbx"
    path.write_text('<?xml version="1.0"?>\n<tbx>\n' + "<x>\n" * 40 + "</x>" * 40 + "</tbx>\n", encoding="utf-8")
    with limits.override(xml_depth=30), pytest.raises(InputError, match=r"deep\.tbx:32: elements nested more than 30 deep"):
        read_export(path, "tbx")


def test_broken_xml_names_its_line_without_parser_flags(tmp_path: Path) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text('<?xml version="1.0"?>\n<tbx>\n<text>\n<body>\n</tbx>\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tbx:5: not well-formed XML") as info:
        read_export(path, "tbx")
    assert "XML_PARSE_HUGE" not in str(info.value)


def test_a_long_lookup_query_is_refused(tmp_path: Path) -> None:
    from glossary.index import build_index, lookup
    from glossary.model import Entry, LookupIndexError

    index = tmp_path / "g.sqlite"
    build_index([Entry("两会", "兩會", "两会", ko="양회")], index, inputs={})
    with limits.override(query_chars=1500), pytest.raises(LookupIndexError, match="more than the limit of 1500"):
        lookup("兩" * 1600, index)


# --- work linear in the input: results on hostile shapes (timings: scripts/check_reliability.py) ----


@pytest.mark.parametrize(
    ("text", "opener", "closer"),
    [
        ("Two Sessions (兩會) open", 13, 16),
        ("((兩會))", 0, 5),
        ("(a (b (c (兩會))))", 0, 15),
        ("(a (b (c (d (e (兩會))))))", 0, -1),  # deeper than prose nests: given up
        ("(兩會\n\nnext)", 0, -1),  # a blank line ends the bracket
        ("(兩會 [COVID])", 0, 11),
    ],
)
def test_bracket_matching_rows(text: str, opener: int, closer: int) -> None:
    from glossary.extract.brackets import find_closer

    assert find_closer(text, opener) == closer


def test_unclosed_brackets_by_the_thousand_find_nothing() -> None:
    from glossary.extract import extract_occurrences

    assert list(extract_occurrences("(兩" * 5000, "x.txt")) == []
    assert list(extract_occurrences("兩)" * 5000, "x.txt")) == []
    found = list(extract_occurrences("(兩" * 5000 + "\n\nthe Two Sessions (兩會) open", "x.txt"))
    assert [(o.term, o.line) for o in found] == [("兩會", 3)]


def test_pinyin_of_a_long_query_is_the_pinyin_of_its_parts() -> None:
    from glossary.readings import pinyin_reading

    assert pinyin_reading("兩重建設" * 300) == " ".join([pinyin_reading("兩重建設")] * 300)
