"""Tables: CSV and XLSX (one column per language, for spreadsheets, memoQ,
Phrase, Trados) and the OmegaT TSV glossary (one language pair, no header).

CSV and XLSX share one row layout (:data:`FIELDS`), so what one holds the
other holds too, and both are read back by :func:`entries_from_rows`.
Spreadsheet-bound cells are guarded against formula injection; the TSV is
for a machine and written verbatim.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import tempfile
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from glossary.export.common import (
    LANGS,
    ExportOptions,
    guard_formula,
    header_lang,
    join_cell,
    language_name,
    normalize_lang,
    option_langs,
    split_cell,
    unguard_formula,
    xml_text,
)
from glossary.i18n import gettext
from glossary.model import Entry, InputError, Occurrence, Rendering

#: Columns after the language columns, fixed order. ``en`` holds translations
#: only; literal glosses get their own ``en_literal`` column, so a CAT tool
#: importing the ``en`` column never offers one as a translation.
#: ``en_source`` and ``en_documents`` run parallel to ``en``; ``context`` is
#: the first occurrence's sentence.
FIELDS = (
    "abbrev", "en_literal", "en_source", "en_documents", "ko_romanized", "pinyin", "kana", "romaji",
    "renderings_other", "forms", "kind", "status", "note", "curated", "sources", "context", "key",
)

_LANG_FIELD = {"zh-Hant": "trad", "zh-Hans": "simp", "ko": "ko", "ja": "ja"}
_DOC_SEP = "; "
_SOURCE_RE = re.compile(r"(?P<source>.*?)(?: \((?P<count>\d+)×\))?")
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

#: XLSX column widths (characters), by column name; others get 16.
_WIDTHS = {"en": 36, "note": 40, "context": 60, "en_documents": 24, "sources": 24, "renderings_other": 28}


def header(options: ExportOptions) -> list[str]:
    """Column names: language codes (or Babel names), then :data:`FIELDS`.

    >>> header(ExportOptions(header="names", locale="ko"))[:3]
    ['중국어(번체)', '중국어(간체)', '한국어']
    """
    langs = option_langs(options.langs)
    if options.header == "names":
        names = [language_name(lang, options.locale) for lang in langs]
    else:
        names = list(langs)
    return names + list(FIELDS)


def rendering_source(r: Rendering) -> str:
    """``context (3×)``: where an English rendering comes from, and how often.

    >>> rendering_source(Rendering("Two Sessions", "context", 3))
    'context (3×)'
    """
    return f"{r.source} ({r.count}×)" if r.count else r.source


def entry_row(entry: Entry, options: ExportOptions) -> list[str]:
    """One table row for ``entry``, unguarded, in :func:`header` order.

    >>> entry_row(Entry(key="两会", trad="兩會", simp="两会", ko="양회"), ExportOptions())[:4]
    ['兩會', '两会', '양회', '']
    """
    sep = options.separator
    langs = option_langs(options.langs)
    values = {lang: getattr(entry, field) for lang, field in _LANG_FIELD.items()}
    translations = [r for r in entry.en if r.source != "literal"]
    values["en"] = join_cell([r.text for r in translations], sep)
    row = [values[lang] for lang in langs]
    context = next((o.context for o in entry.occurrences if o.context), "")
    row += [
        join_cell(entry.abbrev, sep),
        join_cell([r.text for r in entry.en if r.source == "literal"], sep),
        join_cell([rendering_source(r) for r in translations], sep),
        join_cell([join_cell(r.documents, _DOC_SEP) for r in translations], sep),
        entry.ko_romanized,
        entry.pinyin,
        entry.kana,
        entry.romaji,
        join_cell([f"{kind}: {text}" for kind, text in entry.renderings_other], sep),
        join_cell(entry.forms, sep),
        entry.kind,
        entry.status,
        entry.note or "",
        join_cell(entry.curated, sep),
        join_cell(entry.sources, sep),
        context,
        entry.key,
    ]
    return row


def _rows(entries: Iterable[Entry], options: ExportOptions) -> Iterator[list[str]]:
    yield header(options)
    for entry in entries:
        yield entry_row(entry, options)


def write_csv(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """CSV, UTF-8 (with a BOM unless ``bom=False``, so Excel on a CJK Windows
    reads it as UTF-8), every cell guarded against formula injection.

    >>> buf = io.BytesIO(); write_csv([], buf, ExportOptions(bom=False))
    >>> buf.getvalue().decode()[:22]
    'zh-Hant,zh-Hans,ko,ja,'
    """
    text = io.TextIOWrapper(fh, encoding="utf-8-sig" if options.bom else "utf-8", newline="", write_through=False)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        for row in _rows(entries, options):
            writer.writerow([guard_formula(xml_text(cell)) for cell in row])
        text.flush()
    finally:
        text.detach()


def write_xlsx(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """XLSX (openpyxl, write-only so rows stream): frozen header row, column
    widths set, every cell a guarded string; no timestamp unless ``date``.

    >>> buf = io.BytesIO(); write_xlsx([], buf, ExportOptions())
    >>> buf.getvalue()[:2]
    b'PK'
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("glossary")
    columns = [*option_langs(options.langs), *FIELDS]  # codes, whatever the header shows
    for i, name in enumerate(columns, start=1):
        width = _WIDTHS.get(name, 20 if name in LANGS else 16)
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    first = True
    for row in _rows(entries, options):
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=guard_formula(_XLSX_ILLEGAL.sub("", xml_text(value))))
            cell.data_type = "s"
            if first:
                cell.font = bold
            cells.append(cell)
        ws.append(cells)
        first = False
    with tempfile.TemporaryFile() as tmp:
        wb.save(tmp)
        tmp.seek(0)
        _deterministic_zip(tmp, fh, options.date)


def _deterministic_zip(src: BinaryIO, dst: BinaryIO, date: str | None) -> None:
    """Copy an XLSX with fixed member times and no creation/modification
    stamp (or ``date``), so the same entries give the same bytes. Members are
    copied in chunks: the worksheet of 100,000 rows never sits in memory."""
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
            with zin.open(info) as member, zout.open(out, "w") as target:
                shutil.copyfileobj(member, target, 1 << 20)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _tsv(text: str) -> str:
    # OmegaT reads one line per entry, tab-separated: both would split a cell.
    return " ".join(xml_text(text).replace("\t", " ").split("\n")).replace("\r", " ").strip()


def tsv_rows(entry: Entry, pair: tuple[str, str]) -> list[tuple[str, str, str]]:
    """OmegaT rows (source, target, comment) for one entry and language pair.

    ``zh`` gives a row per Chinese script; English targets are the
    translations only: a literal gloss is never offered as a target.

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
    others = targets[1:]
    if others:
        notes.append("also: " + ", ".join(others))
    literal = [r.text for r in entry.en if r.source == "literal"]
    if literal and "en" in pair:
        notes.append("literal gloss, not a translation: " + ", ".join(literal))
    context = next((o.context for o in entry.occurrences if o.context), "")
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


def _cell(row: list[str], cols: dict[str, int], name: str) -> str:
    i = cols.get(name)
    return unguard_formula(row[i] or "") if i is not None and i < len(row) and row[i] is not None else ""


def entries_from_rows(rows: Iterable[list[str]], where: str, separator: str = " | ") -> list[Entry]:
    """Entries from table rows (a header row first): ours, or another tool's
    table with language columns (``zh-TW``, ``Korean``, ``中국어 (번체)``…).

    Rows without a Chinese form are skipped; cells are unguarded first.

    >>> rows = [["zh-TW", "English"], ["兩會", "Two Sessions"]]
    >>> [(e.trad, e.simp, e.en[0].text) for e in entries_from_rows(rows, "x.csv")]
    [('兩會', '两会', 'Two Sessions')]
    """
    from glossary.normalize import to_simplified, to_traditional

    it = iter(rows)
    head = next(it, None)
    if head is None:
        raise InputError(gettext("{path}: empty file").format(path=where))
    cols = _column_map([unguard_formula(c or "") for c in head])
    if not ({"zh-Hant", "zh-Hans"} & cols.keys()):
        raise InputError(gettext("{path}: no Chinese column in the header (want zh-Hant or zh-Hans, got {header})").format(path=where, header=head[:8]))
    ours = "en_source" in cols
    sep = separator
    out = []
    for row in it:
        get = functools.partial(_cell, row, cols)

        def many(name: str, get=get) -> list[str]:  # noqa: ANN001
            return split_cell(get(name), sep)

        trad, simp = get("zh-Hant"), get("zh-Hans")
        if not trad.strip() and not simp.strip():
            continue
        trad = trad or to_traditional(simp)
        simp = simp or to_simplified(trad)
        texts = many("en") if ours else [t.strip() for t in re.split(r"[|;]", get("en")) if t.strip()]
        sources = many("en_source")
        documents = many("en_documents")
        en = []
        for i, text in enumerate(texts):
            m = _SOURCE_RE.fullmatch(sources[i]) if i < len(sources) else None
            en.append(
                Rendering(
                    text,
                    m["source"] if m else "curated",
                    int(m["count"]) if m and m["count"] else 0,
                    tuple(split_cell(documents[i], _DOC_SEP)) if i < len(documents) else (),
                )
            )
        en += [Rendering(text, "literal") for text in many("en_literal")]
        context = get("context")
        docs = many("sources")
        occurrences = tuple(
            Occurrence(term=trad, source=doc, line=0, context=context if i == 0 else "")
            for i, doc in enumerate(docs)
        )
        if context and not docs:
            occurrences = (Occurrence(term=trad, source="", line=0, context=context),)
        other = []
        for item in many("renderings_other"):
            kind, _, text = item.partition(": ")
            other.append((kind, text))
        out.append(
            Entry(
                key=get("key") or simp,
                trad=trad,
                simp=simp,
                ja=get("ja"),
                ko=get("ko"),
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
        )
    return out


def read_csv(data: bytes, where: str, separator: str = " | ") -> list[Entry]:
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
    return entries_from_rows(rows, where, separator)


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


def read_xlsx(data: bytes, where: str, separator: str = " | ") -> list[Entry]:
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
        return entries_from_rows(_bounded_rows(rows, where), where, separator)
    finally:
        wb.close()
