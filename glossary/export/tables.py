"""Tables: CSV and XLSX (one column per language, for spreadsheets, memoQ,
Phrase, Trados) and the OmegaT TSV glossary (one language pair, no header).

CSV and XLSX share one row layout (:data:`FIELDS`), so what one holds the
other holds too, and both are read back by :func:`entries_from_rows`. A
concept is one row, several values of a cell joined by the separator; with
``one_per_row`` every other term of the concept (an English or Korean
alternative) gets a row of its own, with the Chinese forms and the key
repeated, for tools that take one term per cell.

Formula injection: CSV cells are guarded with a leading ``'`` (a CSV has no
cell types, so a spreadsheet would run ``=1+1``). XLSX cells are typed
strings and hold the value verbatim; a value that starts like a formula also
gets the quote-prefix cell style, Excel's own mark for "text, never a
formula". The TSV is for a machine and written verbatim.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from glossary.export.common import (
    FORMULA_TRIGGERS,
    LANGS,
    ExportOptions,
    best_context,
    field_wanted,
    guard_formula,
    header_lang,
    join_cell,
    join_parallel,
    korean_terms,
    language_name,
    normalize_lang,
    option_langs,
    parse_rendering_label,
    rendering_label,
    split_cell,
    unguard_formula,
    xml_cells,
    xml_text,
)
from glossary.i18n import gettext
from glossary.model import Entry, InputError, Occurrence, Rendering

#: Columns after the language columns, fixed order. ``ko`` holds the
#: preferred Korean term, ``ko_alt`` the other Korean renderings; ``en`` holds
#: the English translations, preferred first (literal glosses get their own
#: ``en_literal`` column, so a CAT tool importing ``en`` never offers one as a
#: translation). ``ko_source``/``ko_documents`` run parallel to ``ko`` then
#: ``ko_alt``, ``en_source``/``en_documents`` to ``en``; ``context`` is the
#: best context sentence.
FIELDS = (
    "ko_hanja", "ko_alt", "ko_source", "ko_documents",
    "abbrev", "en_literal", "en_source", "en_documents", "ko_romanized", "pinyin", "kana", "romaji",
    "renderings_other", "forms", "kind", "status", "note", "curated", "sources", "context", "key",
)

_LANG_FIELD = {"zh-Hant": "trad", "zh-Hans": "simp", "ko": "ko", "ja": "ja"}
_DOC_SEP = "; "
#: Characters an XLSX cell cannot hold; all of them are among those XML
#: forbids, so a cell through :func:`xml_text` holds none.
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: XLSX column widths (characters), by column name; others get 16.
_WIDTHS = {"en": 36, "note": 40, "context": 60, "en_documents": 24, "sources": 24, "renderings_other": 28,
           "ko_alt": 24, "ko_documents": 24}


def columns(options: ExportOptions) -> list[str]:
    """Column codes: the languages of ``langs``, then the :data:`FIELDS` that
    belong to them (no ``kana`` column without ``ja``).

    >>> columns(ExportOptions(langs=("zh-Hant", "ko", "en")))[:6]
    ['zh-Hant', 'ko', 'en', 'ko_hanja', 'ko_alt', 'ko_source']
    >>> "kana" in columns(ExportOptions(langs=("zh-Hant", "ko", "en")))
    False
    """
    return list(_columns(options.langs))


@functools.cache
def _columns(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    wanted = option_langs(langs)
    return (*wanted, *(name for name in FIELDS if field_wanted(name, wanted)))


def header(options: ExportOptions) -> list[str]:
    """Column names: language codes (or Babel names), then :data:`FIELDS`.

    >>> header(ExportOptions(header="names", locale="ko"))[:3]
    ['중국어(번체)', '중국어(간체)', '한국어']
    """
    langs = option_langs(options.langs)
    names = columns(options)
    if options.header == "names":
        names[: len(langs)] = [language_name(lang, options.locale) for lang in langs]
    return names


def rendering_source(r: Rendering) -> str:
    """``context (3×)``: where an English rendering comes from, and how often.

    >>> rendering_source(Rendering("Two Sessions", "context", 3))
    'context (3×)'
    """
    return f"{r.source} ({r.count}×)" if r.count else r.source


def _cells(entry: Entry, sep: str) -> dict[str, str]:
    """Every cell of the entry's (one) row, by column code, unguarded."""
    translations = [r for r in entry.en if r.source != "literal"]
    korean = korean_terms(entry)
    return {
        "zh-Hant": entry.trad,
        "zh-Hans": entry.simp,
        "ko": entry.ko,
        "ja": entry.ja,
        "en": join_cell([r.text for r in translations], sep),
        "ko_hanja": entry.ko_hanja,
        "ko_alt": join_cell([text for text, _ in korean[1 if entry.ko else 0:]], sep),
        "ko_source": join_parallel([rendering_label(r) if r else "" for _, r in korean], sep),
        "ko_documents": join_parallel([join_cell(r.documents, _DOC_SEP) if r else "" for _, r in korean], sep),
        "abbrev": join_cell(entry.abbrev, sep),
        "en_literal": join_cell([r.text for r in entry.en if r.source == "literal"], sep),
        "en_source": join_parallel([rendering_label(r) for r in translations], sep),
        "en_documents": join_parallel([join_cell(r.documents, _DOC_SEP) for r in translations], sep),
        "ko_romanized": entry.ko_romanized,
        "pinyin": entry.pinyin,
        "kana": entry.kana,
        "romaji": entry.romaji,
        "renderings_other": join_cell([f"{kind}: {text}" for kind, text in entry.renderings_other], sep),
        "forms": join_cell(entry.forms, sep),
        "kind": entry.kind,
        "status": entry.status,
        "note": entry.note or "",
        "curated": join_cell(entry.curated, sep),
        "sources": join_cell(entry.sources, sep),
        "context": best_context(entry),
        "key": entry.key,
    }


def entry_row(entry: Entry, options: ExportOptions) -> list[str]:
    """One table row for ``entry``, unguarded, in :func:`header` order.

    >>> entry_row(Entry(key="两会", trad="兩會", simp="两会", ko="양회"), ExportOptions())[:4]
    ['兩會', '两会', '양회', '']
    """
    cells = _cells(entry, options.separator)
    return [cells[name] for name in _columns(options.langs)]


def entry_rows(entry: Entry, options: ExportOptions) -> list[list[str]]:
    """The rows of ``entry``: one, or with ``one_per_row`` the preferred terms
    and every field on the first row and then a row per other English
    translation and per other Korean rendering (Chinese forms and key repeated,
    the term with its source and documents).

    >>> e = Entry(key="两会", trad="兩會", simp="两会", ko="양회",
    ...           en=(Rendering("Two Sessions", "context", 3), Rendering("two meetings", "dictionary")))
    >>> options = ExportOptions(langs=("zh-Hant", "ko", "en"), one_per_row=True)
    >>> [row[:3] for row in entry_rows(e, options)]
    [['兩會', '양회', 'Two Sessions'], ['兩會', '', 'two meetings']]
    """
    if not options.one_per_row:
        return [entry_row(entry, options)]
    names = _columns(options.langs)
    sep = options.separator

    def term(lang: str, text: str, r: Rendering | None) -> dict[str, str]:
        # the cells of one term, written as the one-row layout writes a list of one
        label = rendering_label(r) if r else ""
        documents = join_cell(r.documents, _DOC_SEP) if r else ""
        if lang == "en":
            return {"en": join_cell([text], sep), "en_source": join_parallel([label], sep),
                    "en_documents": join_parallel([documents], sep)}
        return {"ko": text, "ko_source": join_parallel([label], sep), "ko_documents": join_parallel([documents], sep)}

    translations = [r for r in entry.en if r.source != "literal" and r.text.strip()]  # no row for no term
    korean = [(text, r) for text, r in korean_terms(entry) if text.strip()]
    ko_first = 1 if entry.ko.strip() else 0
    first = _cells(entry, sep)
    first.update(ko_alt="", ko_source="", ko_documents="")
    if translations:
        first.update(term("en", translations[0].text, translations[0]))
    if ko_first:
        first.update(term("ko", *korean[0]))
    rows = [first]
    repeat = {name: first[name] for name in ("zh-Hant", "zh-Hans", "key")}
    rows += [{**repeat, **term("en", r.text, r)} for r in translations[1:]]
    rows += [{**repeat, **term("ko", text, r)} for text, r in korean[ko_first:]]
    return [[row.get(name, "") for name in names] for row in rows]


def _rows(entries: Iterable[Entry], options: ExportOptions) -> Iterator[list[str]]:
    yield header(options)
    for entry in entries:
        yield from entry_rows(entry, options)


def write_csv(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """CSV, UTF-8 (with a BOM unless ``bom=False``, so Excel on a CJK Windows
    reads it as UTF-8), every cell guarded against formula injection.

    >>> buf = io.BytesIO(); write_csv([], buf, ExportOptions(bom=False))
    >>> buf.getvalue().decode()[:22]
    'zh-Hant,zh-Hans,ko,ja,'
    """
    for _ in _csv_rows(_rows(entries, options), fh, options):
        pass


def _csv_rows(rows: Iterable[list[str]], fh: BinaryIO, options: ExportOptions) -> Iterator[list[str]]:
    """Write each row of ``rows`` to ``fh`` as :func:`write_csv` does, then pass it on
    without the characters XML forbids (:func:`xml_cells`), as :func:`_xlsx_rows` takes it."""
    text = io.TextIOWrapper(fh, encoding="utf-8-sig" if options.bom else "utf-8", newline="", write_through=False)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        for row in rows:
            row = xml_cells(row)
            writer.writerow([guard_formula(cell) for cell in row])
            yield row
        text.flush()
    finally:
        text.detach()


def write_csv_xlsx(entries: Iterable[Entry], csv_fh: BinaryIO, xlsx_fh: BinaryIO, options: ExportOptions) -> None:
    """:func:`write_csv` into ``csv_fh`` and :func:`write_xlsx` into ``xlsx_fh``, the same bytes, in one pass.

    Why: the two tables have one row layout, so each entry's rows are made
    once for both (the build writes both).

    >>> one, two = io.BytesIO(), io.BytesIO(); write_csv_xlsx([], one, two, ExportOptions())
    >>> alone = io.BytesIO(); write_csv([], alone, ExportOptions()); one.getvalue() == alone.getvalue()
    True
    """
    _xlsx_rows(_csv_rows(_rows(entries, options), csv_fh, options), xlsx_fh, options)


def write_xlsx(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """XLSX (openpyxl, write-only so rows stream): frozen header row, column
    widths set, every cell a string holding its value verbatim, with the
    quote-prefix style where it starts like a formula (``=1+1`` stays text
    when a user edits the cell); no timestamp unless ``date``.

    openpyxl writes the workbook and the header row; the body rows are
    written here as the same XML openpyxl writes for them (:func:`_xlsx_row`),
    into a spool file spliced into the worksheet when the file is zipped.
    Why: openpyxl makes, styles and serialises a cell object per cell, half
    the time of a build's exports; this writes the same bytes from strings
    (``tests/test_export.py`` compares both on hostile strings).

    >>> buf = io.BytesIO(); write_xlsx([], buf, ExportOptions())
    >>> buf.getvalue()[:2]
    b'PK'
    """
    _xlsx_rows(map(xml_cells, _rows(entries, options)), fh, options)


def _xlsx_rows(rows: Iterator[list[str]], fh: BinaryIO, options: ExportOptions) -> None:
    """The workbook of :func:`write_xlsx` from its rows (the header first), each through :func:`xml_cells`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("glossary")
    for i, name in enumerate(columns(options), start=1):  # codes, whatever the header shows
        width = _WIDTHS.get(name, 20 if name in LANGS else 16)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    head = []
    for value in next(rows):
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        if value[:1] in FORMULA_TRIGGERS:
            cell.quotePrefix = True
        cell.font = bold
        head.append(cell)
    ws.append(head)
    letters = [get_column_letter(i) for i in range(1, len(head) + 1)]
    quote_style: list[str] = []  # the quote-prefix style's id, registered when first used (as openpyxl does)

    def quoted() -> str:
        if not quote_style:
            cell = WriteOnlyCell(ws, value="=")
            cell.quotePrefix = True
            quote_style.append(str(cell.style_id))
        return quote_style[0]

    try:
        with tempfile.TemporaryFile() as body, tempfile.TemporaryFile() as tmp:
            for number, row in enumerate(rows, start=2):
                body.write(_xlsx_row(number, row, letters, quoted))
            wb.save(tmp)
            tmp.seek(0)
            body.seek(0)
            _deterministic_zip(tmp, fh, options.date, body)
    except BaseException:
        # Stopped (an error, Ctrl-C, another output of the build failing): openpyxl's XML
        # writers closed in order, else the garbage collector closes them in any order
        # and each complains on stderr.
        if not ws.closed:
            with contextlib.suppress(Exception):
                ws.close()
        raise


def _escape_row(row: list[str]) -> list[str]:
    """Each cell escaped as lxml escapes text (as openpyxl's xmlfile does: & < > and CR;
    the caller turns non-ASCII characters into decimal references), in one pass over the row.

    The cells are joined by NUL, which a cleaned cell (:func:`xml_cells`)
    never holds; ``str.replace`` over the joined row is faster than a
    ``translate`` per cell.

    >>> _escape_row(["a&b", "", "<\\r>"])
    ['a&amp;b', '', '&lt;&#13;&gt;']
    """
    joined = "\0".join(row)
    return joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;").split("\0")


def _xlsx_row(number: int, row: list[str], letters: list[str], quoted: Callable[[], str]) -> bytes:
    """One worksheet row as openpyxl writes a row of inline-string cells (``lxml_write_cell``),
    from cells without the characters XML forbids (:func:`xml_cells`).

    >>> _xlsx_row(2, ["兩會", "", " a&b", "=1"], ["A", "B", "C", "D"], lambda: "2").decode()  # doctest: +NORMALIZE_WHITESPACE
    '<row r="2"><c r="A2" t="inlineStr"><is><t>&#20841;&#26371;</t></is></c><c r="B2" t="inlineStr"></c><c r="C2"
    t="inlineStr"><is><t xml:space="preserve"> a&amp;b</t></is></c><c r="D2" s="2" t="inlineStr"><is><t>=1</t></is></c></row>'
    """
    parts = [f'<row r="{number}">']
    for letter, value, text in zip(letters, row, _escape_row(row)):
        if not value:
            parts.append(f'<c r="{letter}{number}" t="inlineStr"></c>')
            continue
        style = f' s="{quoted()}"' if value[:1] in FORMULA_TRIGGERS else ""
        space = ' xml:space="preserve"' if value != value.strip() else ""
        parts.append(f'<c r="{letter}{number}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>')
    parts.append("</row>")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


def _deterministic_zip(src: BinaryIO, dst: BinaryIO, date: str | None, body: BinaryIO | None = None) -> None:
    """Copy an XLSX with fixed member times and no creation/modification
    stamp (or ``date``), so the same entries give the same bytes. Members are
    copied in chunks: the worksheet of 100,000 rows never sits in memory.
    ``body``: worksheet rows to put after the sheet's own (the header row)."""
    import shutil
    import zipfile

    stamp = f"{date}T00:00:00Z" if date and len(date) == 10 else date
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            out = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o644 << 16
            if info.filename == "docProps/core.xml":
                text = zin.read(info.filename).decode("utf-8")
                for name in ("created", "modified"):
                    pattern = rf"<dcterms:{name}\b[^>]*>[^<]*</dcterms:{name}>"
                    if stamp:
                        text = re.sub(pattern, lambda m: re.sub(r">[^<]*<", f">{_xml_escape(stamp)}<", m[0]), text)
                    else:
                        text = re.sub(pattern, "", text)
                zout.writestr(out, text.encode("utf-8"))
                continue
            if body is not None and info.filename.startswith("xl/worksheets/sheet"):
                head, end, tail = zin.read(info.filename).partition(b"</sheetData>")
                with zout.open(out, "w") as target:
                    target.write(head)
                    shutil.copyfileobj(body, target, 1 << 20)
                    target.write(end + tail)
                continue
            with zin.open(info) as member, zout.open(out, "w") as target:
                shutil.copyfileobj(member, target, 1 << 20)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tsv(text: str) -> str:
    # OmegaT reads one line per entry, tab-separated: both would split a cell.
    return " ".join(xml_text(text).replace("\t", " ").split("\n")).replace("\r", " ").strip()


def tsv_rows(entry: Entry, pair: tuple[str, str]) -> list[tuple[str, str, str]]:
    """OmegaT rows (source, target, comment) for one entry and language pair.

    ``zh`` gives a row per Chinese script (one when both are written alike:
    OmegaT would list it twice); a Korean source gives a row per Korean form
    the texts or the term base attest. The first target is the preferred one,
    the others are named in the comment. English targets are the translations
    only: a literal gloss is never offered as a target.

    >>> e = Entry(key="两会", trad="兩會", simp="两会", ko="양회", pinyin="liǎng huì",
    ...           en=(Rendering("Two Sessions", "context", 3),))
    >>> tsv_rows(e, ("ko", "en"))
    [('양회', 'Two Sessions', '兩會 / 两会; pinyin: liǎng huì')]
    """
    def forms(lang: str) -> list[str]:
        if lang == "en":
            texts = [r.text for r in entry.en if r.source != "literal"] + list(entry.abbrev)
            return texts
        if lang == "zh":
            return [entry.trad, entry.simp]
        if lang == "ko":
            return [entry.ko] + [r.text for r in entry.ko_renderings if r.source in ("curated", "context")]
        return [getattr(entry, _LANG_FIELD[lang])]

    src_lang, tgt_lang = pair
    sources = [s for s in dict.fromkeys(_tsv(s) for s in forms(src_lang)) if s]
    targets = [t for t in dict.fromkeys(_tsv(t) for t in forms(tgt_lang)) if t]
    if not sources or not targets:
        return []
    notes = []
    if entry.trad and "zh" not in (src_lang[:2], tgt_lang[:2]):
        notes.append(entry.trad if entry.trad == entry.simp else f"{entry.trad} / {entry.simp}")
    if entry.pinyin:
        notes.append(f"pinyin: {entry.pinyin}")
    if entry.ko_hanja and "ko" in pair and entry.ko_hanja != entry.ko:
        notes.append(f"hanja reading: {entry.ko_hanja}")
    others = targets[1:]
    if others:
        notes.append("also: " + ", ".join(others))
    literal = [r.text for r in entry.en if r.source == "literal"]
    if literal and "en" in pair:
        notes.append("literal gloss, not a translation: " + ", ".join(literal))
    context = best_context(entry)
    if context:
        notes.append(f"context: {context}")
    comment = _tsv("; ".join(notes))
    return [(source, targets[0], comment) for source in sources]


def write_tsv(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """OmegaT glossary: source TAB target TAB comment, UTF-8, no header, no BOM,
    no formula guard (OmegaT would show the quote).

    >>> buf = io.BytesIO()
    >>> write_tsv([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], buf, ExportOptions(pair=("zh", "ko")))
    >>> buf.getvalue().decode()
    '兩會\\t양회\\t\\n两会\\t양회\\t\\n'
    """
    pair = tsv_pair(options.pair)
    for entry in entries:
        for row in tsv_rows(entry, pair):
            fh.write(("\t".join(row) + "\n").encode("utf-8", "replace"))


def tsv_pair(pair: tuple[str, str] | None) -> tuple[str, str]:
    """Normalise a TSV language pair; default Korean -> English.

    >>> tsv_pair(("zh_TW", "ko-KR")), tsv_pair(None)
    (('zh-Hant', 'ko'), ('ko', 'en'))
    """
    if pair is None:
        return ("ko", "en")
    src, tgt = (normalize_lang(tag) for tag in pair)
    if src == tgt:
        from glossary.export.common import UnknownLanguage

        raise UnknownLanguage(f"the pair needs two different languages, not {src}-{tgt}")
    return (src, tgt)


# --- reading -----------------------------------------------------------------


def _column_map(head: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, cell in enumerate(head):
        name = cell.strip().lstrip("\ufeff")
        key = name if name in FIELDS else header_lang(name)
        if key == "zh":
            key = "zh-Hans"
        if key and key not in cols:
            cols[key] = i
    return cols


def _rendering(text: str, label: str, documents: str, default: str | None, korean: bool = False) -> Rendering | None:
    """A rendering from its cells (``context (3×)``, ``a.txt; b.txt``); with
    no label, ``default`` names the source (another tool's table: curated) or
    None makes it no rendering (ours: a preferred term nobody attested)."""
    parsed = parse_rendering_label(label, korean=korean) if label else None
    if parsed is None:
        if default is None:
            return None
        parsed = (default, 0, None)
    source, count, kind = parsed
    return Rendering(text, source, count, tuple(split_cell(documents, _DOC_SEP)), kind=kind)


def _pad(values: list[str], n: int) -> list[str]:
    return values + [""] * (n - len(values))


def entries_from_rows(
    rows: Iterable[list[str]], where: str, separator: str = " | ", *, guarded: bool = True,
    skipped: list[str] | None = None,
) -> list[Entry]:
    """Entries from table rows (a header row first): ours, or another tool's
    table with language columns (``zh-TW``, ``Korean``, ``中국어 (번체)``…).

    Rows with the same key (or, in other tools' tables, the same Chinese term)
    make one entry, so the rows of ``one_per_row`` and a table that gives a
    term's synonyms on rows of their own both read as one concept. A row
    without a Chinese term is left out and listed in ``skipped``. ``guarded``
    cells (CSV) lose their formula guard first; XLSX cells are verbatim.

    >>> rows = [["zh-TW", "English"], ["兩會", "Two Sessions"], ["兩會", "NPC and CPPCC"], ["", "Belt and Road"]]
    >>> skipped = []
    >>> [(e.trad, e.simp, [r.text for r in e.en]) for e in entries_from_rows(rows, "x.csv", skipped=skipped)]
    [('兩會', '两会', ['Two Sessions', 'NPC and CPPCC'])]
    >>> skipped
    ['row 4 (Belt and Road): no Chinese term']
    """
    from glossary.normalize import to_simplified, to_traditional

    it = iter(rows)
    head = next(it, None)
    if head is None:
        raise InputError(gettext("{path}: empty file").format(path=where))
    plain = unguard_formula if guarded else str
    cols = _column_map([plain(c or "") for c in head])
    if not ({"zh-Hant", "zh-Hans"} & cols.keys()):
        raise InputError(gettext("{path}: no Chinese column in the header (want zh-Hant or zh-Hans, got {header})").format(path=where, header=head[:8]))
    ours = "en_source" in cols or "ko_source" in cols
    sep = separator
    out: dict[str, Entry] = {}
    for number, row in enumerate(it, start=2):
        get: Callable[[str], str] = functools.partial(_cell, row, cols, plain)

        def many(name: str, get: Callable[[str], str] = get) -> list[str]:
            return split_cell(get(name), sep)

        trad, simp = get("zh-Hant"), get("zh-Hans")
        if not trad.strip() and not simp.strip():
            text = " ".join(c.strip() for c in row if c and c.strip())
            if text and skipped is not None:
                skipped.append(gettext("row {number} ({text}): no Chinese term").format(number=number, text=text[:40]))
            continue
        trad = trad or to_traditional(simp)
        simp = simp or to_simplified(trad)
        entry = _row_entry(get, many, trad, simp, ours, sep)
        earlier = out.get(entry.key)
        out[entry.key] = entry if earlier is None else _merge_rows(earlier, entry, ours)
    return list(out.values())


def _row_entry(get: Callable[[str], str], many: Callable[[str], list[str]], trad: str, simp: str,
               ours: bool, sep: str) -> Entry:
    """The entry one table row describes."""
    texts = many("en") if ours else [t.strip() for t in re.split(r"[|;]", get("en")) if t.strip()]
    sources = many("en_source")
    documents = many("en_documents")
    sources, documents = _pad(sources, len(texts)), _pad(documents, len(texts))
    en: list[Rendering] = [_rendering(text, sources[i], documents[i], "curated")  # type: ignore[misc]
                           for i, text in enumerate(texts)]
    en += [Rendering(text, "literal") for text in many("en_literal")]
    ko = get("ko").strip() if not ours else get("ko")
    alts = many("ko_alt") if ours else [t.strip() for t in re.split(r"[|;]", get("ko_alt")) if t.strip()]
    if not ours and not get("ko_alt") and re.search(r"[|;]", ko):  # another tool's "쌍순환; 이중순환"
        parts = [t.strip() for t in re.split(r"[|;]", ko) if t.strip()]
        ko, alts = (parts[0], parts[1:]) if parts else ("", [])
    korean = ([ko] if ko else []) + alts
    labels, docs = _pad(many("ko_source"), len(korean)), _pad(many("ko_documents"), len(korean))
    ko_renderings = tuple(
        r for r in (_rendering(text, labels[i], docs[i], None if ours else "curated", korean=True)
                    for i, text in enumerate(korean))
        if r is not None
    )
    context = get("context")
    places = many("sources")
    occurrences = tuple(
        Occurrence(term=trad, source=doc, line=0, context=context if i == 0 else "")
        for i, doc in enumerate(places)
    )
    if context and not places:
        occurrences = (Occurrence(term=trad, source="", line=0, context=context),)
    other = []
    for item in many("renderings_other"):
        kind, _, text = item.partition(": ")
        other.append((kind, text))
    return Entry(
        key=get("key") or simp,
        trad=trad,
        simp=simp,
        ja=get("ja"),
        ko=ko,
        ko_hanja=get("ko_hanja"),
        ko_renderings=ko_renderings,
        ko_romanized=get("ko_romanized"),
        pinyin=get("pinyin"),
        kana=get("kana"),
        romaji=get("romaji"),
        en=tuple(en),
        abbrev=tuple(many("abbrev")),
        forms=tuple(many("forms")),
        renderings_other=tuple(other),
        kind=get("kind") or "term",
        status=get("status") or "candidate",
        note=get("note") or None,
        curated=tuple(many("curated")),
        occurrences=occurrences,
    )


def _merge_rows(first: Entry, more: Entry, ours: bool) -> Entry:
    """A concept given on several rows: the first row's fields, and the terms
    of the later rows as further renderings (``one_per_row``, or another tool's
    synonym rows). In our tables the preferred Korean is the first row's."""
    from dataclasses import replace

    seen_en = {r.text for r in first.en}
    en = first.en + tuple(r for r in more.en if r.text not in seen_en)
    seen_ko = {r.text for r in first.ko_renderings} | {first.ko}
    extra_ko = tuple(r for r in more.ko_renderings if r.text not in seen_ko)
    return replace(
        first,
        ko=first.ko if ours else first.ko or more.ko,
        en=tuple(sorted(en, key=lambda r: r.source == "literal")),
        ko_renderings=first.ko_renderings + extra_ko,
        occurrences=first.occurrences or more.occurrences,
    )


def _cell(row: list[str], cols: dict[str, int], plain: Callable[[str], str], name: str) -> str:
    i = cols.get(name)
    return plain(row[i] or "") if i is not None and i < len(row) and row[i] is not None else ""


def read_csv(data: bytes, where: str, separator: str = " | ", skipped: list[str] | None = None) -> list[Entry]:
    """Entries from CSV bytes (BOM or not; comma, semicolon or tab separated).

    >>> [e.ko for e in read_csv("\\ufeffzh-Hant,ko\\n兩會,양회\\n".encode(), "x.csv")]
    ['양회']
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(gettext("{path}: not UTF-8 ({reason} at byte {offset})").format(path=where, reason=exc.reason, offset=exc.start)) from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count) if first else ","
    try:
        rows = list(_bounded_rows(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), where))
    except csv.Error as exc:
        raise InputError(gettext("{path}: bad CSV: {reason}").format(path=where, reason=exc)) from None
    return entries_from_rows(rows, where, separator, skipped=skipped)


def _bounded_rows(rows: Iterable[list[str]], where: str) -> Iterator[list[str]]:
    """``rows``, or an :class:`InputError` once there are more than the row limit."""
    from glossary.limits import current

    limit = current().rows
    for number, row in enumerate(rows, 1):
        if number > limit:
            raise InputError(
                gettext("{path}: more than {limit} rows (raise it with --limit rows=N)").format(path=where, limit=limit)
            )
        yield row


def read_xlsx(data: bytes, where: str, separator: str = " | ", skipped: list[str] | None = None) -> list[Entry]:
    """Entries from the first sheet of an XLSX workbook (ours or another tool's).

    >>> buf = io.BytesIO(); write_xlsx([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], buf, ExportOptions())
    >>> [e.ko for e in read_xlsx(buf.getvalue(), "x.xlsx")]
    ['양회']
    """
    import zipfile

    from openpyxl import load_workbook

    from glossary.limits import current

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # a zip bomb is refused before it is inflated
            declared = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(gettext("{path}: not an XLSX workbook ({reason})").format(path=where, reason=exc)) from None
    if declared > current().inflated_bytes:
        raise InputError(
            gettext("{path}: the workbook inflates to {size} bytes, more than the limit of {limit} "
                    "(raise it with --limit inflated_bytes=N)").format(path=where, size=declared, limit=current().inflated_bytes)
        )
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(gettext("{path}: not an XLSX workbook ({reason})").format(path=where, reason=exc)) from None
    try:
        ws = wb.worksheets[0]
        rows = ([("" if v is None else str(v)) for v in row] for row in ws.iter_rows(values_only=True))
        return entries_from_rows(_bounded_rows(rows, where), where, separator, guarded=False, skipped=skipped)
    finally:
        wb.close()
