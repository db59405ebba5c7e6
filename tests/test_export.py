"""Tests for glossary/export: every writer, every reader, round trips, goldens."""

from __future__ import annotations

import csv
import dataclasses
import difflib
import importlib.machinery
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from glossary.export import (
    READERS,
    WRITERS,
    ExportOptions,
    UnknownLanguage,
    entry_from_json,
    entry_to_json,
    normalize_lang,
    read_export,
    write_export,
)
from glossary.export.common import (
    MAX_CONTEXTS,
    guard_formula,
    join_cell,
    korean_terms,
    pick_contexts,
    sample_occurrences,
    split_cell,
    unguard_formula,
    xml_text,
)
from glossary.export.tables import tsv_rows
from glossary.export.tbx import TBX_NS, concept_id
from glossary.model import KO_RENDERING_SOURCES, Entry, InputError, Occurrence, OutputError, Rendering

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"
SHARED_TBX = Path(__file__).resolve().parents[2] / "shared" / "tbx"
GOLDEN_FORMATS = ("csv", "tsv", "tbx", "tbx2", "json")
ROUND_TRIP_FORMATS = ("csv", "xlsx", "tbx", "tbx2", "json")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(entries, fmt: str, options: ExportOptions | None = None) -> bytes:
    buf = io.BytesIO()
    WRITERS[fmt](sorted(entries, key=lambda e: e.key), buf, options or ExportOptions())
    return buf.getvalue()


def cleaned(entry: Entry, fmt: str) -> Entry:
    """What a format can hold of ``entry``: no XML-forbidden characters
    outside JSON; TBX keeps no empty rendering."""
    if fmt == "json":
        return entry

    def clean(value):
        if isinstance(value, str):
            return xml_text(value)
        if isinstance(value, tuple):
            return tuple(clean(v) for v in value)
        if dataclasses.is_dataclass(value):
            return dataclasses.replace(value, **{f.name: clean(getattr(value, f.name)) for f in dataclasses.fields(value)
                                                 if f.name != "occurrences"})
        return value

    out = clean(entry)
    if fmt.startswith("tbx"):
        out = dataclasses.replace(out, en=tuple(r for r in out.en if r.text.strip()),
                                  ko_renderings=tuple(r for r in out.ko_renderings if r.text.strip()))
    return out


def contexts(entry: Entry) -> list[tuple[str, int, str]]:
    return sorted((o.source, o.line, o.context) for o in entry.occurrences if o.context.strip())


# --- golden files --------------------------------------------------------------


@pytest.mark.parametrize("fmt", GOLDEN_FORMATS)
def test_golden(fmt, mini_entries, update_golden):
    path = GOLDEN / f"mini.{fmt}"
    got = render(mini_entries, fmt)
    if update_golden:
        path.write_bytes(got)
    want = path.read_bytes()
    if got != want:
        diff = difflib.unified_diff(
            want.decode("utf-8", "replace").splitlines(), got.decode("utf-8", "replace").splitlines(),
            f"golden/mini.{fmt}", "rendered", lineterm="",
        )
        pytest.fail("export differs from the golden file (pytest --update-golden to accept):\n" + "\n".join(diff))


def test_golden_files_exist():
    missing = [fmt for fmt in GOLDEN_FORMATS if not (GOLDEN / f"mini.{fmt}").is_file()]
    assert not missing, f"run pytest --update-golden: missing tests/golden/mini.{missing}"


@pytest.mark.parametrize("fmt", sorted(set(WRITERS) - {"xlsx"}))
def test_output_is_deterministic_and_order_free(fmt, mini_entries):
    assert render(mini_entries, fmt) == render(list(reversed(mini_entries)), fmt)


def test_xlsx_is_deterministic(mini_entries, tmp_path):
    write_export(mini_entries, tmp_path / "a.xlsx", "xlsx")
    write_export(list(reversed(mini_entries)), tmp_path / "b.xlsx", "xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    core = zipfile.ZipFile(tmp_path / "a.xlsx").read("docProps/core.xml")
    assert b"created" not in core  # no timestamp unless a date is given


# --- round trips ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", ROUND_TRIP_FORMATS)
def test_round_trip_mini(fmt, mini_entries, tmp_path):
    path = tmp_path / f"g.{fmt}"
    write_export(mini_entries, path, fmt)
    back = {e.key: e for e in read_export(path)}
    assert sorted(back) == sorted(e.key for e in mini_entries)
    for entry in mini_entries:
        want = cleaned(entry, fmt)
        assert back[entry.key] == want
        assert back[entry.key].sources == tuple(sorted(xml_text(s) for s in entry.sources)) or fmt == "json"
    if fmt.startswith("tbx") or fmt == "json":  # the chosen context sentences, with their source and line
        for entry in mini_entries:
            kept = dataclasses.replace(entry, occurrences=sample_occurrences(entry))
            clean = (lambda t: t) if fmt == "json" else xml_text
            assert contexts(back[entry.key]) == [(clean(s), n, clean(c)) for s, n, c in contexts(kept)]
            assert back[entry.key].sources == entry.sources or fmt != "json"


# Text that breaks naive writers: separators, quotes, escapes, formula
# triggers, markup, CJK, whitespace at the ends, newlines.
HOSTILE = st.lists(
    st.sampled_from(list("ab 兩會양회|;,\\'\"=+-@<>&]:()×\t\r\n") + ["]]>", "<!--", "\u3000", "😀", " | "]),
    max_size=10,
).map("".join)
NONBLANK = HOSTILE.filter(lambda s: s.strip() != "")
OPTIONAL = HOSTILE.map(lambda s: s if s.strip() else "")  # a blank value is no value (never an empty element)
KO_KINDS = [("curated", None), ("context", "translation"), ("context", "reading"), ("context", "transcription"),
            ("transcription", "transcription"), ("reading", "reading")]


@st.composite
def entries(draw):
    key = draw(NONBLANK)
    renderings = draw(st.lists(
        st.builds(Rendering, NONBLANK, st.sampled_from(["curated", "context", "dictionary"]),
                  st.integers(0, 99), st.lists(NONBLANK, max_size=2).map(tuple)),
        max_size=3, unique_by=lambda r: r.text))
    literal = draw(st.lists(NONBLANK.map(lambda t: Rendering(t, "literal")), max_size=1))
    sources = draw(st.lists(NONBLANK, max_size=2, unique=True))
    # Korean renderings as merge keeps them: most trusted first, a reading or
    # transcription of its own kind; the preferred term is the first (or none).
    korean = draw(st.lists(
        st.tuples(NONBLANK, st.sampled_from(KO_KINDS), st.integers(0, 9), st.lists(NONBLANK, max_size=2).map(tuple)),
        max_size=3, unique_by=lambda k: k[0]))
    ko_renderings = tuple(sorted(
        (Rendering(text, source, count if source == "context" else 0, docs if source == "context" else (), kind=kind)
         for text, (source, kind), count, docs in korean),
        key=lambda r: KO_RENDERING_SOURCES.index(r.source)))
    ko = draw(st.sampled_from([ko_renderings[0].text, ""]) if ko_renderings else OPTIONAL)
    return Entry(
        key=key, trad=draw(NONBLANK), simp=key, ja=draw(OPTIONAL), ko=ko, ko_hanja=draw(OPTIONAL),
        ko_renderings=ko_renderings,
        ko_romanized=draw(OPTIONAL), pinyin=draw(OPTIONAL), kana=draw(OPTIONAL), romaji=draw(OPTIONAL),
        en=tuple(renderings + literal),
        abbrev=tuple(draw(st.lists(NONBLANK, max_size=2, unique=True))),
        forms=tuple(draw(st.lists(NONBLANK, max_size=2))),
        renderings_other=tuple(draw(st.lists(st.tuples(st.sampled_from(["romanization", "pinyin", "hangul"]),
                                                       NONBLANK), max_size=2))),
        kind=draw(st.sampled_from(["term", "title"])),
        status=draw(st.sampled_from(["candidate", "approved"])),
        note=draw(st.none() | NONBLANK),
        curated=tuple(draw(st.lists(st.sampled_from(["en", "ko", "note", "trad"]), max_size=2, unique=True))),
        occurrences=tuple(Occurrence(term=key, source=s, line=i + 1, context=draw(OPTIONAL))
                          for i, s in enumerate(sources)),
    )


@pytest.mark.parametrize("fmt", ["csv", "tbx", "tbx2", "json"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries())
def test_round_trip_hostile_strings(fmt, entry, tmp_path):
    path = tmp_path / f"h.{fmt}"
    write_export([entry], path, fmt)
    [back] = read_export(path)
    assert back == entry
    assert back.sources == entry.sources
    if fmt != "csv":  # the chosen sentences (identical ones once)
        assert contexts(back) == contexts(dataclasses.replace(entry, occurrences=sample_occurrences(entry)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries())
def test_round_trip_hostile_strings_xlsx(entry, tmp_path):
    write_export([entry], tmp_path / "h.xlsx", "xlsx")
    assert read_export(tmp_path / "h.xlsx") == [entry]


# --- cells: formula guard and list cells --------------------------------------


@pytest.mark.parametrize(
    ("cell", "guarded"),
    [
        ("=1+1", "'=1+1"),
        ("+82 2 123", "'+82 2 123"),
        ("-X-", "'-X-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rcr", "'\rcr"),
        ("'=already quoted", "''=already quoted"),
        ("'I-yong Hu-seong'", "'I-yong Hu-seong'"),
        ("Two Sessions", "Two Sessions"),
        ("양회", "양회"),
        ("", ""),
    ],
)
def test_formula_guard(cell, guarded):
    assert guard_formula(cell) == guarded
    assert unguard_formula(guarded) == cell


@given(st.text(alphabet="'=+-@\t\rab", max_size=6))
def test_formula_guard_round_trips(cell):
    assert unguard_formula(guard_formula(cell)) == cell
    assert guard_formula(cell)[:1] not in ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("sep", [" | ", ";", "\t", " / ", "||"])
@given(values=st.lists(st.text(alphabet="ab |;/\\\t", max_size=5), min_size=1, max_size=4))
def test_join_split_round_trip(sep, values):
    if values == [""]:
        values = ["x"]  # one empty value and no value are the same cell
    assert split_cell(join_cell(values, sep), sep) == values


def test_csv_every_cell_is_guarded(mini_entries):
    text = render(mini_entries, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cells = [c for row in rows for c in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    hostile_en = next(c for c in cells if c.startswith("'=HYPERLINK"))
    assert split_cell(unguard_formula(hostile_en))[:3] == ['=HYPERLINK("http://example.com","x")', "@SUM(A1:A2)", "A | B \\ C"]


def test_csv_keeps_literal_glosses_out_of_the_en_column(mini_entries):
    rows = list(csv.DictReader(io.StringIO(render(mini_entries, "csv").decode("utf-8-sig"), newline="")))
    row = next(r for r in rows if r["zh-Hant"] == "利用厚生")
    assert (row["en"], row["en_literal"], row["renderings_other"]) == ("", "use and enrich life", "romanization: I-yong Hu-seong")


def test_csv_bom_and_no_bom(mini_entries):
    assert render(mini_entries, "csv").startswith(b"\xef\xbb\xbfzh-Hant,zh-Hans,ko,ja,en,")
    assert render(mini_entries, "csv", ExportOptions(bom=False)).startswith(b"zh-Hant,")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_separator_option(fmt, mini_entries, tmp_path):
    options = ExportOptions(separator="; ")
    if fmt == "csv":
        assert "Two Sessions; two congresses (NPC and CPPCC)" in render(mini_entries, fmt, options).decode("utf-8-sig")
    write_export(mini_entries, tmp_path / f"g.{fmt}", fmt, options)
    back = read_export(tmp_path / f"g.{fmt}", separator="; ")
    assert back == [cleaned(e, fmt) for e in sorted(mini_entries, key=lambda e: e.key)]


@pytest.mark.parametrize(
    ("locale", "names"),
    [
        # the names of glossary.locales.language_name, as the whole interface names languages
        ("ko", ["중국어(번체)", "중국어(간체)", "한국어", "일본어", "영어"]),
        ("en", ["Traditional Chinese", "Simplified Chinese", "Korean", "Japanese", "English"]),
        ("zh_Hant", ["繁體中文", "簡體中文", "韓文", "日文", "英文"]),
        ("ja", ["繁体中国語", "簡体中国語", "韓国語", "日本語", "英語"]),
    ],
)
def test_header_names(locale, names, mini_entries, tmp_path):
    options = ExportOptions(header="names", locale=locale)
    head = render(mini_entries, "csv", options).decode("utf-8-sig").splitlines()[0].split(",")
    assert head[:5] == names
    path = tmp_path / "named.csv"
    write_export(mini_entries, path, "csv", options)  # names read back as languages
    assert {e.key: e.ko for e in read_export(path)}["两会"] == "양회"


def test_langs_option_limits_columns_and_sections(mini_entries):
    options = ExportOptions(langs=("zh-TW", "en_US"))
    head = render(mini_entries, "csv", options).decode("utf-8-sig").splitlines()[0].split(",")
    assert head[:3] == ["zh-Hant", "en", "abbrev"]
    root = etree.fromstring(render(mini_entries, "tbx", options))
    assert {sec.get(XML_LANG) for sec in root.iter(f"{{{TBX_NS}}}langSec")} == {"zh-Hant", "en"}


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("zh-Hant", "zh-Hant"), ("zh_TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("zh-Hans", "zh-Hans"),
     ("zh-CN", "zh-Hans"), ("zh", "zh"), ("ko", "ko"), ("ko-KR", "ko"), ("ja_JP", "ja"), ("en-GB", "en"), ("EN", "en")],
)
def test_normalize_lang(tag, lang):
    assert normalize_lang(tag) == lang


@pytest.mark.parametrize(("tag", "message"), [("xx", "unknown language tag"), ("klingon", "unknown language tag"),
                                              ("fr", "not in the glossary")])
def test_bad_language_tag_is_a_clear_error(tag, message, tmp_path):
    with pytest.raises(UnknownLanguage, match=message):
        write_export([], tmp_path / "x.csv", "csv", ExportOptions(langs=(tag,)))
    assert not list(tmp_path.iterdir())


def test_bad_locale_is_a_clear_error():
    with pytest.raises(UnknownLanguage, match="unknown locale"):
        render([], "csv", ExportOptions(header="names", locale="xx_YY"))


# --- XLSX ------------------------------------------------------------------------


def test_xlsx_frozen_header_widths_verbatim_text_cells(mini_entries, tmp_path):
    from openpyxl import load_workbook

    write_export(mini_entries, tmp_path / "g.xlsx", "xlsx")
    ws = load_workbook(tmp_path / "g.xlsx").active
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == 20 and ws.column_dimensions["E"].width == 36
    cells = [c for row in ws.iter_rows() for c in row]
    assert all(c.data_type == "s" for c in cells if c.value is not None)  # strings, never formulas or numbers
    assert [c.value for c in ws[1]][:7] == ["zh-Hant", "zh-Hans", "ko", "ja", "en", "ko_hanja", "ko_alt"]
    # values verbatim: no guard quote inside the value; the quote-prefix style marks the formula-like ones
    hostile = {c.value: c for c in cells if isinstance(c.value, str)}
    for value in ("=측시", "-X-", "-cheuksi", "+cè shì"):
        assert hostile[value].quotePrefix, value
    assert not hostile["兩會"].quotePrefix
    assert not [v for v in hostile if v.startswith("'=")]
    assert next(v for v in hostile if "HYPERLINK" in v).startswith('=HYPERLINK("http://example.com","x")')


def test_xlsx_widths_follow_the_columns(tmp_path):
    from openpyxl import load_workbook

    write_export([], tmp_path / "g.xlsx", "xlsx", ExportOptions(langs=["en", "ko"], header="names", locale="ko"))
    ws = load_workbook(tmp_path / "g.xlsx").active
    assert [c.value for c in ws[1]][:2] == ["영어", "한국어"]
    assert (ws.column_dimensions["A"].width, ws.column_dimensions["B"].width) == (36, 20)


# --- OmegaT TSV --------------------------------------------------------------------


def test_tsv_pairs(mini_entries):
    two = next(e for e in mini_entries if e.key == "两会")
    assert tsv_rows(two, ("en", "ko"))[0][:2] == ("Two Sessions", "양회")
    assert [r[:2] for r in tsv_rows(two, ("zh", "ko"))] == [("兩會", "양회"), ("两会", "양회")]
    assert [r[:2] for r in tsv_rows(two, ("zh-Hans", "en"))] == [("两会", "Two Sessions")]
    row = tsv_rows(two, ("ko", "en"))[0]
    assert row[:2] == ("양회", "Two Sessions")
    assert "兩會 / 两会" in row[2] and "pinyin: liǎng huì" in row[2] and "context: " in row[2]
    assert "also: two congresses (NPC and CPPCC)" in row[2]


def test_tsv_never_offers_a_literal_gloss(mini_entries):
    lit = next(e for e in mini_entries if e.key == "利用厚生")
    assert tsv_rows(lit, ("ko", "en")) == []
    row = tsv_rows(lit, ("ko", "zh-Hant"))
    assert row and "literal" not in row[0][2]


def test_tsv_is_verbatim_one_line_per_row(mini_entries):
    text = render(mini_entries, "tsv", ExportOptions(pair=("zh-Hant", "en"))).decode("utf-8")
    assert not text.startswith("\ufeff")
    lines = text.split("\n")[:-1]
    assert all(line.count("\t") == 2 for line in lines)
    assert any(line.split("\t")[1] == '=HYPERLINK("http://example.com","x")' for line in lines)  # no guard


def test_tsv_pair_must_differ():
    with pytest.raises(UnknownLanguage):
        render([], "tsv", ExportOptions(pair=("ko", "ko-KR")))


# --- TBX validity ------------------------------------------------------------------

TERM_NOTES = {
    "administrativeStatus": {"preferredTerm-admn-sts", "admittedTerm-admn-sts"},
    "termType": {"acronym"},
}


def check_structure(data: bytes) -> None:
    """What TBX-Basic v3 DCA requires of our files, checked without the schemas."""
    root = etree.fromstring(data)
    t = lambda name: f"{{{TBX_NS}}}{name}"  # noqa: E731
    assert root.tag == t("tbx")
    assert (root.get("type"), root.get("style"), root.get(XML_LANG)) == ("TBX-Basic", "dca", "en")
    ids = [c.get("id") for c in root.iter(t("conceptEntry"))]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)
    for concept in root.iter(t("conceptEntry")):
        secs = concept.findall(t("langSec"))
        assert secs, "a conceptEntry needs a langSec"
        assert all(c.tag in (t("langSec"), t("admin"), t("note")) for c in concept)
        for sec in secs:
            assert sec.get(XML_LANG) in {"zh", "zh-Hant", "zh-Hans", "ko", "ja", "en"}
            terms = sec.findall(t("termSec"))
            assert terms and len(terms) == len(sec), "a langSec holds termSecs only"
            for ts in terms:
                kids = list(ts)
                assert kids[0].tag == t("term") and kids[0].text and kids[0].text.strip()
                names = [k.tag for k in kids[1:]]
                n_notes = len([n for n in names if n == t("termNote")])
                assert names[:n_notes] == [t("termNote")] * n_notes, "termNotes come right after the term"
                for k in kids[1:n_notes + 1]:
                    assert k.text in TERM_NOTES[k.get("type")]
    for el in root.iter(t("note"), t("descrip"), t("admin"), t("term")):
        assert el.text and el.text.strip(), f"empty <{el.tag}>"


@pytest.fixture(scope="session")
def tbx_validator():
    """The shared validate-tbx (RNG + Schematron) in-process; skip without ../shared."""
    script = SHARED_TBX / "validate-tbx"
    if not script.is_file():
        pytest.skip("../shared/tbx is absent (a user's clone has none)")
    loader = importlib.machinery.SourceFileLoader("validate_tbx", str(script))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("validate_tbx", loader))
    loader.exec_module(module)
    rng, sch = module.load_rng(str(SHARED_TBX)), module.load_schematron(str(SHARED_TBX))
    return lambda path: module.check(str(path), rng, sch)


def hostile_entries() -> list[Entry]:
    every_control = "".join(chr(c) for c in range(0x20)) + "\x7f\ufffe\uffff\ud800"
    long = "長" * 100_000
    return [
        Entry(key=every_control, trad=every_control, simp=every_control),  # nothing left: still a term
        Entry(key="", trad="", simp=""),
        Entry(key="dup", trad="重複", simp="重复"),
        Entry(key="dup", trad="重複", simp="重复", note=" "),  # same key twice: ids stay unique
        Entry(key=long, trad=long, simp=long, ko="<&>\"'" * 1000, note=long,
              en=(Rendering(" ", "context"), Rendering("", "dictionary"), Rendering("<b>&amp;</b>", "context", 5)),
              abbrev=("", "\x00"), occurrences=(Occurrence(term="x", source="\x00", line=1, context=long),
                                                 Occurrence(term="x", source="a", line=2, context="\x01"))),
        Entry(key="lit", trad="字面", simp="字面", en=(Rendering("word for word", "literal"),)),
        Entry(key="en-only", trad="", simp="", en=(Rendering("Only English", "context"),)),
    ]


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_empty_glossary_is_still_a_valid_tbx(fmt, tmp_path):
    write_export([], tmp_path / "empty.tbx", fmt)
    assert read_export(tmp_path / "empty.tbx") == []
    if fmt == "tbx":
        check_structure((tmp_path / "empty.tbx").read_bytes())


def test_tbx_structure_without_shared(mini_entries):
    check_structure(render(mini_entries, "tbx"))
    check_structure(render(hostile_entries(), "tbx"))


@given(st.lists(entries(), max_size=3))
@settings(max_examples=40, deadline=None)
def test_tbx_structure_for_any_entries(entries_):
    check_structure(render(entries_, "tbx"))


@pytest.mark.parametrize("which", ["mini", "hostile", "empty", "sample"])
def test_tbx_passes_validate_tbx(which, tbx_validator, mini_entries, tmp_path):
    if which == "empty":
        path = tmp_path / "empty.tbx"
        write_export([], path, "tbx")
    elif which == "sample":
        path = DATA / "tbx3_basic_sample.tbx"
    else:
        path = tmp_path / f"{which}.tbx"
        write_export(mini_entries if which == "mini" else hostile_entries(), path, "tbx")
    assert tbx_validator(path) == []


@given(entries_=st.lists(entries(), max_size=3), control=st.sampled_from(["\x00", "\x0b", "\ufffe", "\x1b[31m", "\ud800"]))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_tbx_with_control_characters_passes_validate_tbx(entries_, control, tbx_validator, tmp_path):
    spoilt = [dataclasses.replace(e, trad=control + e.trad, ko=e.ko + control, note=control) for e in entries_]
    write_export(spoilt, tmp_path / "h.tbx", "tbx")
    assert tbx_validator(tmp_path / "h.tbx") == []


def test_tbx_content_decisions(mini_entries):
    root = etree.fromstring(render(mini_entries, "tbx"))
    ns = {"t": TBX_NS, "xml": "http://www.w3.org/XML/1998/namespace"}
    two = root.find(f"t:text/t:body/t:conceptEntry[@id='{concept_id('两会')}']", ns)
    ko = two.find("t:langSec[@xml:lang='ko']", ns)
    assert [term.text for term in ko.iterfind(".//t:term", ns)] == ["양회"]  # hanja is not a Korean term
    assert "hanja: 兩會" in [n.text for n in ko.iterfind(".//t:note", ns)]
    en = two.find("t:langSec[@xml:lang='en']", ns)
    statuses = [(ts.findtext("t:term", namespaces=ns), ts.findtext("t:termNote[@type='administrativeStatus']", namespaces=ns))
                for ts in en.iterfind("t:termSec", ns)]
    assert statuses == [("Two Sessions", "preferredTerm-admn-sts"), ("two congresses (NPC and CPPCC)", "admittedTerm-admn-sts")]
    assert "source: context (3×)" in [n.text for n in en.iterfind(".//t:note", ns)]
    assert len(en.findall(".//t:descrip[@type='context']", ns)) == 2
    bri = root.find(f".//t:conceptEntry[@id='{concept_id('一带一路')}']", ns)
    assert bri.findtext(".//t:termSec[t:term='BRI']/t:termNote[@type='termType']", namespaces=ns) == "acronym"
    lit = root.find(f".//t:conceptEntry[@id='{concept_id('利用厚生')}']", ns)
    assert lit.find("t:langSec[@xml:lang='en']", ns) is None  # a literal gloss is no term
    notes = [n.text for n in lit.iterfind("t:note", ns)]
    assert "literal gloss, not a translation: use and enrich life" in notes
    assert "other rendering (romanization): I-yong Hu-seong" in notes
    assert any(n.startswith("machine-generated") for n in notes)


def test_translate_toolkit_reads_tbx2_in_every_language(mini_entries):
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsestring(render(mini_entries, "tbx2"))
    assert len(store.units) == len(mini_entries)

    def zh(unit):
        return (unit.get_target_terms("zh-Hant") or unit.get_target_terms("zh"))[0].text

    by_trad = {zh(u): u for u in store.units}
    for entry in mini_entries:
        unit = by_trad[xml_text(entry.trad)]
        got = {lang: [t.text for t in unit.get_target_terms(lang)] for lang in ("zh", "zh-Hant", "zh-Hans", "ko", "ja", "en")}
        if entry.trad == entry.simp:  # one section for both scripts
            assert (got["zh"], got["zh-Hant"], got["zh-Hans"]) == ([entry.trad], [], [])
        else:
            assert (got["zh"], got["zh-Hans"]) == ([], [entry.simp])
        # the preferred Korean first, then the Korean renderings the texts attest
        want_ko = [text for i, (text, r) in enumerate(korean_terms(entry))
                   if (i == 0 and entry.ko) or (r is not None and r.source in ("curated", "context"))]
        assert got["ko"] == want_ko
        assert got["ja"] == ([entry.ja] if entry.ja else [])
        want_en = [xml_text(r.text) for r in entry.en if r.source != "literal" and r.text.strip()]
        assert got["en"] == want_en + list(entry.abbrev)
    two = by_trad["兩會"]
    assert two.get_target_terms("en")[0].administrative_status == "preferredTerm-admn-sts"
    xi = by_trad["習近平"]
    assert [(t.text, t.administrative_status) for t in xi.get_target_terms("ko")] == [
        ("시진핑", "preferredTerm-admn-sts"), ("습근평", "admittedTerm-admn-sts")]


# --- readers: other tools' files, bad files --------------------------------------


def test_read_tbx_v3_sample_from_another_tool():
    skipped: list[str] = []
    entries = {e.key: e for e in read_export(DATA / "tbx3_basic_sample.tbx", skipped=skipped)}
    assert skipped == ["c1 (alpha smoothing factor): no Chinese term"]
    two = entries["两会"]
    assert (two.trad, two.simp, two.ko) == ("兩會", "两会", "양회")
    # preferred first; the deprecated "Two Meetings" is not offered
    assert [r.text for r in two.en] == ["Two Sessions", "NPC and CPPCC sessions"]
    assert "definition (en): Annual plenary sessions of the NPC and the CPPCC." in two.note
    assert contexts(two) == [("Xinhua, 2024-03-05", 0, "Delegates gathered for the Two Sessions.")]
    bri = entries["一带一路"]
    assert (bri.trad, bri.ja, bri.abbrev, bri.en[0].text) == ("一帶一路", "一帯一路", ("BRI",), "Belt and Road Initiative")


def test_read_tbx_v2_martif_from_another_tool():
    skipped: list[str] = []
    [entry] = read_export(DATA / "tbx2_martif_sample.tbx", skipped=skipped)
    assert skipped == ["eid-2 (fiscal year): no Chinese term"]
    assert (entry.trad, entry.simp, entry.ko) == ("以舊換新", "以旧换新", "이구환신")
    assert [r.text for r in entry.en] == ["trade-in program", "old-for-new scheme"]
    assert entry.note == "Imported from the 2024 policy list."
    assert contexts(entry) == [("", 0, "推动大规模设备更新和消费品以旧换新。")]


def test_read_tbx2_written_by_translate_toolkit(tmp_path):
    from translate.storage.tbx import tbxfile

    store = tbxfile(sourcelanguage="zh-Hans", targetlanguage="ko")
    unit = store.addsourceunit("以旧换新")
    unit.settarget("이구환신", lang="ko")
    (tmp_path / "tt.tbx").write_bytes(bytes(store))
    [entry] = read_export(tmp_path / "tt.tbx")
    assert (entry.trad, entry.simp, entry.ko) == ("以舊換新", "以旧换新", "이구환신")


@pytest.mark.parametrize(
    ("header", "row"),
    [
        (["zh-TW", "ko-KR", "en-US"], ["兩會", "양회", "Two Sessions"]),
        (["Chinese (Traditional)", "Korean", "English"], ["兩會", "양회", "Two Sessions"]),
        (["중국어 (간체)", "한국어", "영어"], ["两会", "양회", "Two Sessions"]),
        (["중국어(번체)", "한국어", "영어"], ["兩會", "양회", "Two Sessions"]),
        (["Traditional Chinese", "Korean", "English"], ["兩會", "양회", "Two Sessions"]),
        (["zh_CN", "ko", "en"], ["两会", "양회", "Two Sessions; two meetings"]),
    ],
)
def test_read_csv_and_xlsx_from_other_tools(header, row, tmp_path):
    from openpyxl import Workbook

    (tmp_path / "t.csv").write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    wb = Workbook()
    wb.active.append(header)
    wb.active.append(row)
    wb.save(tmp_path / "t.xlsx")
    for name in ("t.csv", "t.xlsx"):
        [entry] = read_export(tmp_path / name)
        assert (entry.trad, entry.simp, entry.ko, entry.en[0].text) == ("兩會", "两会", "양회", "Two Sessions")


def test_read_semicolon_csv_without_bom(tmp_path):
    (tmp_path / "t.csv").write_text("zh-Hant;en\n以舊換新;trade-in\n", encoding="utf-8")
    assert [e.simp for e in read_export(tmp_path / "t.csv")] == ["以旧换新"]


def test_read_handwritten_json(tmp_path):
    (tmp_path / "t.json").write_text('[{"trad": "兩會", "simp": "两会", "ko": "양회", "en": ["Two Sessions"]}]', "utf-8")
    [entry] = read_export(tmp_path / "t.json")
    assert entry.en == (Rendering("Two Sessions", "curated"),) and entry.key == "两会"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.tbx", b"<tbx><text><body><conceptEntry id='c1'>", "not well-formed XML"),
        ("bad.tbx", b"\x00\x01binary", "not well-formed XML"),
        ("other.xml", b"<?xml version='1.0'?><html><body/></html>", "XML but not TBX"),
        ("bad.json", b"[{\"trad\": ", "not JSON"),
        ("shape.json", b'{"trad": "x"}', "want a list of entries"),
        ("entry.json", b'[{"trad": 1}]', "entry 1: trad must be a string"),
        ("nozh.csv", "ko,en\n양회,Two Sessions\n".encode(), "no Chinese column"),
        ("latin1.csv", "zh-Hant,en\ncafé,x\n".encode("latin-1"), "not UTF-8"),
        ("empty.csv", b"", "empty file"),
        ("bad.xlsx", b"PK\x03\x04 not really a zip", "not an XLSX workbook"),
        ("g.tsv", "兩會\t양회\t\n".encode(), "cannot import tsv"),
    ],
)
def test_bad_files_raise_input_error_naming_file(name, content, message, tmp_path):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=re.escape(message)) as info:
        read_export(path)
    assert str(info.value).startswith(str(path))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        read_export(tmp_path / "nope.tbx")


def test_readers_and_writers_registries():
    from glossary.cli import EXPORT_FORMATS, IMPORT_FORMATS

    assert set(WRITERS) == set(EXPORT_FORMATS) == {"csv", "tsv", "tbx", "tbx2", "xlsx", "json"}
    assert set(READERS) == set(IMPORT_FORMATS) == {"csv", "xlsx", "tbx", "tbx2", "json"}


@pytest.mark.parametrize("bad", [{"header": "labels"}, {"separator": ""}])
def test_bad_options(bad):
    with pytest.raises(ValueError):
        ExportOptions(**bad)


# --- JSON shape ---------------------------------------------------------------------


def test_json_shape(mini_entries):
    data = entry_to_json(next(e for e in mini_entries if e.key == "两会"))
    assert list(data)[:5] == ["key", "trad", "simp", "ko", "en"]
    assert data["en"] == ["Two Sessions", "two congresses (NPC and CPPCC)"]
    assert data["renderings"][0] == {"text": "Two Sessions", "source": "context", "count": 3,
                                     "documents": ["seeds/two-sessions.en.txt", "seeds/policy-terms.ko.txt"], "also": []}
    assert (data["ko"], data["ko_hanja"]) == ("양회", "양회")
    assert data["ko_renderings"] == [{"text": "양회", "source": "context", "count": 1, "documents": ["seeds/policy-terms.ko.txt"],
                                      "also": [], "kind": "reading"}]
    assert {"source", "line", "context"} <= set(data["occurrences"][0])
    assert data["count"] == 3
    assert data["machine_generated"] == ["ja", "ko_hanja", "ko_romanized", "pinyin", "kana", "romaji"]  # ko is attested
    assert entry_from_json(data) == next(e for e in mini_entries if e.key == "两会")
    lit = entry_to_json(next(e for e in mini_entries if e.key == "利用厚生"))
    assert lit["en"] == [] and lit["renderings"][0]["source"] == "literal" and "en_literal" in lit["machine_generated"]
    cur = entry_to_json(next(e for e in mini_entries if e.key == "以旧换新"))
    assert "ko" in cur["machine_generated"] and cur["curated"] == ["trad", "en", "note"]
    xi = entry_to_json(next(e for e in mini_entries if e.key == "习近平"))
    assert (xi["ko"], xi["ko_hanja"]) == ("시진핑", "습근평")
    assert [(r["text"], r["source"], r["kind"], r["count"]) for r in xi["ko_renderings"]] == [
        ("시진핑", "context", "transcription", 2), ("습근평", "context", "reading", 1)]
    assert xi["count"] == 7  # every occurrence counted; fragments beside complete sentences are not kept
    assert [o["line"] for o in xi["occurrences"]] == [4, 1, 1, 5, 7]
    title = entry_to_json(next(e for e in mini_entries if e.kind == "title"))
    assert title["ko"] == "" and title["ko_renderings"] == [] and title["ko_hanja"]


# --- write_export: atomic, stdout, streaming --------------------------------------


def test_write_export_creates_parents_and_replaces_atomically(mini_entries, tmp_path):
    path = tmp_path / "a" / "b" / "g.csv"
    write_export(mini_entries, path, "csv")
    first = path.read_bytes()
    write_export(mini_entries[:1], path, "csv")
    assert path.read_bytes() != first
    assert sorted(p.name for p in path.parent.iterdir()) == ["g.csv"]


def test_unwritable_path_is_output_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match=r"file/g.csv: cannot write: "):
        write_export([], tmp_path / "file" / "g.csv", "csv")


def test_failure_midway_leaves_old_file_and_no_temp(mini_entries, tmp_path):
    path = tmp_path / "g.json"
    path.write_text("old")

    def broken():
        yield mini_entries[0]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_export(broken(), path, "json")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_is_output_error(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(OutputError):
            write_export([], tmp_path / "g.csv", "csv")
    finally:
        tmp_path.chmod(0o700)


def test_stdout_when_no_path(mini_entries, capsysbinary):
    write_export(mini_entries, None, "tsv")
    assert capsysbinary.readouterr().out == render(mini_entries, "tsv")


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_writers_stream_from_a_one_pass_iterator(fmt, mini_entries):
    buf = io.BytesIO()
    WRITERS[fmt](iter(sorted(mini_entries, key=lambda e: e.key)), buf, ExportOptions())
    assert buf.getvalue() == render(mini_entries, fmt) or fmt == "xlsx"


def test_unknown_format(tmp_path):
    with pytest.raises(OutputError, match="unknown format"):
        write_export([], tmp_path / "x", "docx")


# --- LibreOffice opens the CSV intact, without evaluating formulas ------------------


def libreoffice_filter(n_columns: int) -> str:
    """The all-text CSV import filter the README gives: comma, double quote,
    UTF-8 (76), from row 1, every column of format 2 (text)."""
    return "CSV:44,34,76,1," + "/".join(f"{i}/2" for i in range(1, n_columns + 1))


def test_readme_gives_the_all_text_filter_for_the_default_columns():
    from glossary.export.tables import columns

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert libreoffice_filter(len(columns(ExportOptions()))) in readme


def test_readme_says_where_each_output_goes():
    from glossary.export import OUTPUTS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("Which file goes where"):readme.index("## Commands")]
    assert all(f"`out/{o.name}`" in table for o in OUTPUTS)
    assert "OmegaT's CSV" in table and "header row" in table  # OmegaT users are sent to the TBX or TSV


SPREADSHEET_TRAPS = ["0012", "1/2", "1E5", "TRUE", "3-4", "1,000", "=1+1", "+82 2 123", "@SUM(A1)", "2025-03-05"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_all_text_filter_keeps_every_cell(mini_entries, tmp_path):
    from openpyxl import load_workbook

    from glossary.export.tables import columns

    traps = [Entry(key=f"测{i}", trad=f"測{i}", simp=f"测{i}", ko=value, note=value, en=(Rendering(value, "curated"),))
             for i, value in enumerate(SPREADSHEET_TRAPS)]
    write_export([*mini_entries, *traps], tmp_path / "g.csv", "csv")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
         f"--infilter={libreoffice_filter(len(columns(ExportOptions())))}",
         "--convert-to", "xlsx", "--outdir", str(tmp_path / "lo"), str(tmp_path / "g.csv")],
        check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)},
    )
    got = [[c.value if c.value is not None else "" for c in row] for row in load_workbook(tmp_path / "lo" / "g.xlsx").active.iter_rows()]
    want = list(csv.reader(io.StringIO((tmp_path / "g.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert got == want  # every cell as the CSV holds it: no number, date, boolean or formula made of a term
    assert all(isinstance(v, str) for row in got for v in row)


# --- bounded contexts ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contexts_", "want"),
    [
        # complete and short first; a fragment only when nothing better exists
        ((("a", "the Two Sessions (兩會) and"), ("b", "The Two Sessions (兩會) opened in Beijing in March.")), ["b"]),
        ((("a", "the Two Sessions (兩會) and"),), ["a"]),
        # from different documents while there are any, best first
        ((("a", "The Two Sessions (兩會) opened in Beijing in March."), ("a", "The Two Sessions (兩會) closed after a week."),
          ("b", "Delegates travelled to the Two Sessions (兩會) by train from every province."),
          ("c", "In March the Two Sessions (兩會) drew three thousand delegates to Beijing once more.")),
         ["a", "b", "c"]),
        # the same sentence in copies of one text is kept once
        ((("a", "The Two Sessions (兩會) opened in Beijing in March."), ("b", "The Two Sessions (兩會) opened in Beijing in March.")),
         ["a"]),
        # a sentence of three hundred characters loses to a readable one
        ((("a", "The Two Sessions (兩會) " + "went on and on, " * 20 + "and ended."), ("b", "The Two Sessions (兩會) ended on Monday.")),
         ["b", "a"]),
        # Korean sentences end in 다
        ((("a", "시진핑(習近平)은"), ("b", "올해 양회(兩會)에서는 성장률 목표가 발표되었다")), ["b"]),
    ],
)
def test_pick_contexts(contexts_, want):
    occurrences = [Occurrence("兩會", source, i, context=text) for i, (source, text) in enumerate(contexts_)]
    assert [o.source for o in pick_contexts(occurrences)] == want


def repeated(copies: int, documents: int) -> list[Entry]:
    """The mini entries' occurrences as a corpus of ``copies`` repeats spread over ``documents`` texts."""
    entries_ = read_export(DATA / "mini_entries.json")
    out = []
    for entry in entries_:
        occ = tuple(dataclasses.replace(o, source=f"{o.source}.{i % documents}", line=o.line + 1000 * (i // documents))
                    for i in range(copies) for o in entry.occurrences)
        en = tuple(dataclasses.replace(r, count=r.count * copies) for r in entry.en)
        out.append(dataclasses.replace(entry, occurrences=occ, en=en))
    return out


@pytest.mark.parametrize("fmt", ["tbx", "tbx2", "json"])
def test_tbx_and_json_grow_with_terms_not_with_the_corpus(fmt):
    small, large = render(repeated(1, 1), fmt), render(repeated(500, 1), fmt)
    # 500 times the occurrences: only the counts change (3× -> 1500×), not the number of sentences
    assert len(large) - len(small) < 200, (len(small), len(large))
    if fmt == "json":
        back = {e["key"]: e for e in __import__("json").loads(large)}
        assert back["习近平"]["count"] == 3500
    else:
        root = etree.fromstring(large)
        for term in root.iter("{*}termSec", "tig"):
            assert len(term.findall("{*}descripGrp")) <= MAX_CONTEXTS


def test_contexts_come_from_different_documents_and_every_document_is_kept(tmp_path):
    entries_ = repeated(40, 40)
    path = tmp_path / "g.tbx"
    write_export(entries_, path, "tbx")
    root = etree.parse(str(path)).getroot()
    xi = root.find(f".//{{{TBX_NS}}}conceptEntry[@id='{concept_id('习近平')}']")
    en = xi.find(f"{{{TBX_NS}}}langSec[@{{http://www.w3.org/XML/1998/namespace}}lang='en']/{{{TBX_NS}}}termSec")
    places = [g.findtext(f"{{{TBX_NS}}}admin") for g in en.iter(f"{{{TBX_NS}}}descripGrp")]
    assert len(places) == 3 and len({p.rsplit(":", 1)[0] for p in places}) == 3
    assert "source: context (160×)" in [n.text for n in en.iter(f"{{{TBX_NS}}}note")]
    back = {e.key: e for e in read_export(path)}
    assert len(back["习近平"].sources) == 120  # 3 texts x 40 copies, each still listed


# --- CSV and XLSX layout --------------------------------------------------------------


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_korean_columns(mini_entries):
    rows = {r["zh-Hant"]: r for r in rows_of(render(mini_entries, "csv"))}
    xi = rows["習近平"]
    assert (xi["ko"], xi["ko_hanja"], xi["ko_alt"]) == ("시진핑", "습근평", "습근평")
    assert xi["ko_source"] == "context (2×, transcription) | context (1×, reading)"
    assert xi["ko_documents"] == "seeds/policy-terms.ko.txt | seeds/old-press.ko.txt"
    dual = rows["雙循環"]
    assert (dual["ko"], dual["ko_alt"]) == ("쌍순환", "이중순환")
    title = next(r for r in rows.values() if r["kind"] == "title")
    assert (title["ko"], title["ko_alt"], title["ko_hanja"]) == ("", "", "관어진일보전면심화개혁적결정")


def test_parallel_cells_end_without_empty_separators(mini_entries):
    rows = {r["zh-Hant"]: r for r in rows_of(render(mini_entries, "csv"))}
    assert rows["兩會"]["en_source"] == "context (3×) | dictionary"
    assert rows["兩會"]["en_documents"] == "seeds/two-sessions.en.txt; seeds/policy-terms.ko.txt"  # no " | " for the dictionary
    assert rows["以舊換新"]["en_documents"] == " | seeds/two-sessions.en.txt"  # curated has none: the place is kept
    for row in rows.values():
        for name in ("en_documents", "ko_documents", "en_source", "ko_source"):
            assert not row[name].endswith(("|", "| ")), (name, row[name])


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_one_per_row(fmt, mini_entries, tmp_path):
    options = ExportOptions(one_per_row=True)
    path = tmp_path / f"g.{fmt}"
    write_export(mini_entries, path, fmt, options)
    if fmt == "csv":
        rows = rows_of(path.read_bytes())
    else:
        from openpyxl import load_workbook

        values = [[c.value or "" for c in row] for row in load_workbook(path).active.iter_rows()]
        rows = [dict(zip(values[0], row)) for row in values[1:]]
    two = [r for r in rows if r["key"] == "两会"]
    assert [(r["zh-Hant"], r["zh-Hans"], r["ko"], r["en"], r["en_source"]) for r in two] == [
        ("兩會", "两会", "양회", "Two Sessions", "context (3×)"),
        ("兩會", "两会", "", "two congresses (NPC and CPPCC)", "dictionary"),
    ]
    assert two[0]["pinyin"] and not two[1]["pinyin"]  # the concept's fields on its first row only
    xi = [(r["ko"], r["ko_source"], r["en"]) for r in rows if r["key"] == "习近平"]
    assert xi == [("시진핑", "context (2×, transcription)", "Xi Jinping"), ("습근평", "context (1×, reading)", "")]
    assert all(" | " not in r["en"] and " | " not in r["ko"] for r in rows if r["key"] != '测试"<&>')
    back = read_export(path)
    want = [cleaned(e, fmt) for e in sorted(mini_entries, key=lambda e: e.key)]
    assert back == [dataclasses.replace(e, en=tuple(r for r in e.en if r.text.strip())) for e in want]  # no row for no term


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "tbx", "tbx2", "json"])
def test_langs_leave_out_the_other_languages_fields(fmt, mini_entries, tmp_path):
    options = ExportOptions(langs=("zh-Hant", "ko", "en"))
    path = tmp_path / f"g.{fmt}"
    write_export(mini_entries, path, fmt, options)
    data = path.read_bytes()
    if fmt in ("csv", "xlsx"):
        from openpyxl import load_workbook

        head = (data.decode("utf-8-sig").splitlines()[0].split(",") if fmt == "csv"
                else [c.value for c in next(load_workbook(path).active.iter_rows())])
        assert head[:3] == ["zh-Hant", "ko", "en"]
        assert not {"zh-Hans", "ja", "kana", "romaji", "pinyin"} & set(head)
        assert {"ko_hanja", "ko_alt", "ko_romanized", "en_source", "abbrev"} <= set(head)
    elif fmt == "json":
        entry = next(e for e in __import__("json").loads(data) if e["key"] == "两会")
        assert not {"simp", "ja", "kana", "romaji", "pinyin"} & set(entry)
        assert {"trad", "ko", "ko_hanja", "ko_renderings", "en", "renderings"} <= set(entry)
    else:
        root = etree.fromstring(data)
        assert {sec.get(XML_LANG) for sec in root.iter("{*}langSec", "langSet")} == {"zh-Hant", "ko", "en"}
        notes = [n.text for n in root.iter("{*}note", "note")]
        assert not [n for n in notes if n.startswith(("kana:", "romaji:", "pinyin:"))]
        assert "hanja reading: 습근평" in notes


# --- TBX: the Korean section, one Chinese section for one form ---------------------------


def concept(root, key: str):
    return next(c for c in root.iter("{*}conceptEntry", "termEntry") if c.get("id") == concept_id(key))


def ko_terms(c) -> list[tuple[str, str | None, list[str]]]:
    sec = next((s for s in c if s.get(XML_LANG) == "ko"), None)
    if sec is None:
        return []
    return [(t.findtext("{*}term") or t.findtext("term"),
             (t.find("{*}termNote") if t.find("{*}termNote") is not None else t.find("termNote")).text,
             [n.text for n in t.iter("{*}note", "note")]) for t in sec]


@pytest.mark.parametrize("fmt", ["tbx", "tbx2"])
def test_tbx_korean_section(fmt, mini_entries):
    root = etree.fromstring(render(mini_entries, fmt))
    xi = ko_terms(concept(root, "习近平"))
    assert [(text, status) for text, status, _ in xi] == [("시진핑", "preferredTerm-admn-sts"), ("습근평", "admittedTerm-admn-sts")]
    assert {"source: context (2×, transcription)", "hanja: 習近平", "hanja reading: 습근평"} <= set(xi[0][2])
    dual = ko_terms(concept(root, "双循环"))
    assert [(t, s) for t, s, _ in dual] == [("쌍순환", "preferredTerm-admn-sts"), ("이중순환", "admittedTerm-admn-sts")]
    title = concept(root, next(e.key for e in mini_entries if e.kind == "title"))
    assert ko_terms(title) == []  # no Korean text renders it: no Korean term, no empty one
    assert "hanja reading: 관어진일보전면심화개혁적결정" in [n.text for n in title.iter("{*}note", "note")]


def test_tbx_computed_korean_rendering_is_a_note_not_a_term():
    entry = Entry(key="习近平", trad="習近平", simp="习近平", ko="습근평", ko_hanja="습근평",
                  ko_renderings=(Rendering("습근평", "context", 2, ("a.ko.txt",), kind="reading"),
                                 Rendering("시진핑", "transcription", kind="transcription")))
    root = etree.fromstring(render([entry], "tbx2"))
    c = concept(root, "习近平")
    assert [t for t, _, _ in ko_terms(c)] == ["습근평"]
    assert "ko rendering, transcription: 시진핑" in [n.text for n in c.iter("note")]
    [back] = read_tbx_bytes(render([entry], "tbx2"))
    assert back == entry


def read_tbx_bytes(data: bytes) -> list[Entry]:
    from glossary.export.tbx import read_tbx

    return read_tbx(io.BytesIO(data), "x.tbx")


@pytest.mark.parametrize(("trad", "simp", "sections"), [("二十大", "二十大", ["zh"]), ("兩會", "两会", ["zh-Hant", "zh-Hans"])])
def test_tbx_one_chinese_section_when_both_scripts_agree(trad, simp, sections):
    entry = Entry(key=simp, trad=trad, simp=simp, ko="이십대")
    for fmt in ("tbx", "tbx2"):
        root = etree.fromstring(render([entry], fmt))
        assert [s.get(XML_LANG) for s in root.iter("{*}langSec", "langSet")][:-1] == sections
        assert read_tbx_bytes(render([entry], fmt)) == [entry]


# --- import: a partner's Korean ------------------------------------------------------------

PARTNER_TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>partner</p></sourceDesc></fileDesc></martifHeader>
<text><body>
  <termEntry id="t1">
    <langSet xml:lang="zh-CN"><tig><term>双循环</term></tig></langSet>
    <langSet xml:lang="ko-KR"><tig><term>쌍순환</term></tig><tig><term>이중순환</term></tig></langSet>
    <langSet xml:lang="en-US"><tig><term>dual circulation</term></tig></langSet>
  </termEntry>
  <termEntry id="t2">
    <langSet xml:lang="zh-TW"><tig><term>習近平</term></tig></langSet>
    <langSet xml:lang="ko"><tig><term>시진핑</term></tig></langSet>
  </termEntry>
</body></text></martif>
"""


@pytest.mark.parametrize("name", ["partner.tbx", "partner3.tbx", "partner.csv", "partner.xlsx"])
def test_import_keeps_a_partners_korean(name, tmp_path):
    from glossary.termbase import add_entries, read_termbase

    path = tmp_path / name
    if name == "partner.tbx":
        path.write_text(PARTNER_TBX2, encoding="utf-8")
    elif name == "partner3.tbx":
        v3 = (PARTNER_TBX2.replace("martif", "tbx").replace('type="TBX-Basic"', f'type="TBX-Basic" style="dca" xmlns="{TBX_NS}"')
              .replace("termEntry", "conceptEntry").replace("langSet", "langSec").replace("<tig>", "<termSec>")
              .replace("</tig>", "</termSec>").replace("martifHeader", "tbxHeader"))
        path.write_text(v3, encoding="utf-8")
    else:
        rows = [["zh-CN", "ko-KR", "en-US"], ["双循环", "쌍순환; 이중순환", "dual circulation"], ["習近平", "시진핑", ""]]
        if name.endswith(".csv"):
            path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
        else:
            from openpyxl import Workbook

            wb = Workbook()
            for r in rows:
                wb.active.append(r)
            wb.save(path)
    by_trad = {e.trad: e for e in read_export(path)}
    assert (by_trad["雙循環"].ko, [r.text for r in by_trad["雙循環"].ko_renderings]) == ("쌍순환", ["쌍순환", "이중순환"])
    assert all(r.source == "curated" for r in by_trad["雙循環"].ko_renderings)
    terms = tmp_path / "terms.yaml"
    add_entries(terms, list(by_trad.values()))
    imported = {t.key: t for t in read_termbase(terms).terms}
    assert (imported["雙循環"].ko, imported["雙循環"].ko_alt) == ("쌍순환", ("이중순환",))
    assert (imported["習近平"].ko, imported["習近平"].ko_alt) == ("시진핑", ())


def test_reimporting_our_own_export_keeps_only_attested_korean(mini_entries, tmp_path):
    from glossary.termbase import add_entries, read_termbase

    write_export([e for e in mini_entries if e.trad.isalpha()], tmp_path / "g.tbx", "tbx2")  # not the hostile one
    terms = tmp_path / "terms.yaml"
    add_entries(terms, read_export(tmp_path / "g.tbx"))
    imported = {t.key: t for t in read_termbase(terms).terms}
    assert (imported["習近平"].ko, imported["習近平"].ko_alt) == ("시진핑", ("습근평",))  # both printed in Korean texts
    assert imported["以舊換新"].ko is None  # a computed reading is recomputed, not frozen into the term base
    assert imported["利用厚生"].ko is None


@pytest.mark.parametrize(("cell", "ko", "alts"), [("쌍순환; 이중순환", "쌍순환", ["이중순환"]), ("쌍순환 | 이중순환", "쌍순환", ["이중순환"]),
                                               (" ; ", "", []), ("시진핑", "시진핑", [])])
def test_another_tools_korean_cell(cell, ko, alts, tmp_path):
    (tmp_path / "t.csv").write_text(f"zh-Hant,ko\n雙循環,{cell}\n", encoding="utf-8")
    [entry] = read_export(tmp_path / "t.csv")
    assert (entry.ko, [r.text for r in entry.ko_renderings]) == (ko, [ko, *alts] if ko else [])


def test_csv_row_without_chinese_is_reported_as_skipped(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("zh-Hant,ko,en\n兩會,양회,Two Sessions\n,,Belt and Road Initiative\n\n", encoding="utf-8")
    skipped: list[str] = []
    assert [e.trad for e in read_export(path, skipped=skipped)] == ["兩會"]
    assert skipped == ["row 3 (Belt and Road Initiative): no Chinese term"]


# --- what the build writes, read by the translators' own tools ----------------------------

ROOT = Path(__file__).resolve().parents[1]
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`glossary build` on the project's seeds and term base, once: the output folder."""
    from click.testing import CliRunner

    from glossary.cli import cli

    out = tmp_path_factory.mktemp("build") / "out"
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--terms", str(ROOT / "terms.yaml"), "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_build_writes_every_output_of_the_registry(built):
    from glossary.export import OUTPUTS

    shown = sorted(p.name for p in built.iterdir() if not p.name.startswith("."))  # not the build's own cache
    assert shown == sorted([o.name for o in OUTPUTS] + ["glossary.sqlite"])
    assert etree.parse(str(built / "glossary.tbx")).getroot().tag == "martif"  # what the tools read
    assert etree.parse(str(built / "glossary.tbx3.tbx")).getroot().tag == f"{{{TBX_NS}}}tbx"
    assert all(o.name.endswith(".txt") for o in OUTPUTS if o.format == "tsv")  # an extension OmegaT loads
    check_structure((built / "glossary.tbx3.tbx").read_bytes())


def test_build_tbx3_passes_validate_tbx(built, tbx_validator):
    assert tbx_validator(built / "glossary.tbx3.tbx") == []


def test_translate_toolkit_reads_the_builds_default_tbx(built):
    from translate.storage.tbx import tbxfile

    store = tbxfile.parsefile(str(built / "glossary.tbx"))
    entries_ = {e.key: e for e in read_export(built / "glossary.json")}
    assert len(store.units) == len(entries_) == 18
    korean = {(u.get_target_terms("zh-Hant") or u.get_target_terms("zh"))[0].text: [t.text for t in u.get_target_terms("ko")]
              for u in store.units}
    assert korean["兩會"] == ["양회"] and korean["以舊換新"] == ["이구환신"]
    assert all(korean[e.trad][:1] == ([e.ko] if e.ko else []) for e in entries_.values())


def run_omegat(*items: str) -> dict[str, list[tuple[str, str, str]]]:
    """OmegaT 3.6's own glossary readers on SRC:TGT:FILE items: {file: [(source, target, comment)]}."""
    java = Path(shutil.which("java") or "java").resolve()
    env = {**os.environ, "JAVA_HOME": str(java.parents[1])}
    script = Path(__file__).parent / "clients" / "omegat_glossary.groovy"
    done = subprocess.run(["groovy", "-cp", str(OMEGAT_JAR), str(script), *items],
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300, check=True)
    out: dict[str, list[tuple[str, str, str]]] = {}
    current: list[tuple[str, str, str]] = []
    for line in done.stdout.splitlines():
        if line.startswith("# "):
            name = line[2:].rsplit(": ", 1)[0]
            current = out.setdefault(name, []) if not line.endswith("not loaded") else []
        else:
            src, tgt, comment = line.split("\t", 2)
            current.append((src, tgt, comment))
    return out


@pytest.mark.skipif(shutil.which("groovy") is None or not OMEGAT_JAR.is_file(),
                    reason="OmegaT is not installed (apt-get install omegat groovy)")
def test_omegat_reads_the_builds_tbx_and_tsv(built, tmp_path):
    shutil.copy(built / "glossary.en-ko.txt", tmp_path / "glossary.tsv")  # the name the TSV had before: not loaded
    tbx, en_ko, ko_en, tsv = (str(built / "glossary.tbx"), str(built / "glossary.en-ko.txt"),
                              str(built / "glossary.ko-en.txt"), str(tmp_path / "glossary.tsv"))
    got = run_omegat(f"en:ko:{tbx}", f"en:ko:{en_ko}", f"ko:en:{ko_en}", f"en:ko:{tsv}")
    entries_ = read_export(built / "glossary.json")
    # TBX, English -> Korean project: every English rendering with the Korean term
    pairs = {(s, t) for s, t, _ in got[tbx]}
    assert ("Two Sessions", "양회") in pairs and ("product renewal subsidy scheme", "이구환신") in pairs
    assert len(got[tbx]) == len(pairs)  # no entry twice
    # TSV, both directions, loaded under its default name
    assert {(s, t) for s, t, _ in got[en_ko]} >= {("Two Sessions", "양회"), ("BRI", "일대일로")}
    assert ("이구환신", "product renewal subsidy scheme") in {(s, t) for s, t, _ in got[ko_en]}
    assert len(got[en_ko]) == len(set(got[en_ko]))
    assert tsv not in got


@pytest.mark.skipif(shutil.which("groovy") is None or not OMEGAT_JAR.is_file(),
                    reason="OmegaT is not installed (apt-get install omegat groovy)")
def test_omegat_lists_a_chinese_term_once_when_both_scripts_agree(built):
    tbx = str(built / "glossary.tbx")
    got = run_omegat(f"zh:ko:{tbx}")[tbx]
    sources = [s for s, _, _ in got]
    assert len(sources) == len(set(sources))  # 二十大, 逆 ... once each (OmegaT maps zh-Hant and zh-Hans to one language)
    assert {"二十大", "兩會", "两会", "逆"} <= set(sources)
    assert ("兩會", "양회") in {(s, t) for s, t, _ in got}


def test_export_xlsx_to_a_terminal_is_refused(tmp_path):
    import pty

    main, secondary = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "glossary", "export", "--format", "xlsx"], stdout=secondary,
                              stderr=subprocess.PIPE, cwd=tmp_path, timeout=120, env={**os.environ, "GLOSSARY_LANG": "en"})
    finally:
        os.close(secondary)
        os.close(main)
    assert done.returncode == 2
    assert b"xlsx is a binary format: give a file with -o" in done.stderr


def test_export_xlsx_to_a_pipe_is_fine(tmp_path):
    done = subprocess.run([sys.executable, "-m", "glossary", "export", "--format", "xlsx", str(ROOT / "seeds"),
                           "--terms", str(ROOT / "terms.yaml")], capture_output=True, cwd=tmp_path, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout[:4] == b"PK\x03\x04"


def test_cli_import_reports_a_row_without_chinese(tmp_path):
    from click.testing import CliRunner

    from glossary.cli import cli

    path = tmp_path / "partner.csv"
    path.write_text("zh-TW,ko-KR,en-US\n雙循環,쌍순환,dual circulation\n,,fiscal year\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(path), "--terms", str(tmp_path / "terms.yaml")])
    assert result.exit_code == 0, result.output
    assert "1 added, 0 refreshed, 1 skipped" in result.output
    assert "skipped row 3 (fiscal year): no Chinese term" in result.output
    assert "ko: 쌍순환" in (tmp_path / "terms.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=entries())
def test_one_per_row_round_trips_hostile_strings(fmt, entry, tmp_path):
    write_export([entry], tmp_path / f"h.{fmt}", fmt, ExportOptions(one_per_row=True))
    [back] = read_export(tmp_path / f"h.{fmt}")
    # a term with no text has no row of its own
    want = dataclasses.replace(entry, en=tuple(r for r in entry.en if r.text.strip() or r.source == "literal"),
                               ko_renderings=tuple(r for r in entry.ko_renderings if r.text.strip() or r.text == entry.ko))
    assert back == cleaned(want, "csv") if fmt == "csv" else back == want


@pytest.mark.parametrize(("trad", "simp", "rows"), [("二十大", "二十大", 1), ("兩會", "两会", 2)])
def test_tsv_writes_a_chinese_term_once_when_both_scripts_agree(trad, simp, rows):
    assert len(tsv_rows(Entry(key=simp, trad=trad, simp=simp, ko="이십대"), ("zh", "ko"))) == rows


def test_the_build_writes_each_file_as_its_own_writer_would(mini_entries, tmp_path: Path) -> None:
    """write_outputs writes CSV with XLSX and the two TBX forms in one pass each: the same bytes as one writer a file."""
    from glossary.export import OUTPUTS, write_export, write_outputs

    (tmp_path / "together").mkdir()
    (tmp_path / "alone").mkdir()
    write_outputs(mini_entries, tmp_path / "together")
    for output in OUTPUTS:
        write_export(mini_entries, tmp_path / "alone" / output.name, output.format, output.options)
    for output in OUTPUTS:
        together = (tmp_path / "together" / output.name).read_bytes()
        assert together == (tmp_path / "alone" / output.name).read_bytes(), output.name


def test_shared_context_sentences_are_the_ones_each_writer_chooses(mini_entries) -> None:
    from glossary.export.common import best_context, context_targets, sample_occurrences, sharing_contexts

    alone = [(context_targets(e), best_context(e), sample_occurrences(e)) for e in mini_entries]
    with sharing_contexts():
        shared = [(context_targets(e), best_context(e), sample_occurrences(e)) for e in mini_entries]
        again = [context_targets(e) for e in mini_entries]
    assert shared == alone
    assert all(a is s for a, (s, _, _) in zip(again, shared))
