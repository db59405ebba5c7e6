"""TBX: TBX-Basic v3 (ISO 30042:2019, DCA) and the 2008 TBX-Basic ``martif``
form that translate-toolkit (Weblate) and OmegaT 3.6 read.

One concept per entry, one language section per language (zh-Hant, zh-Hans,
ko, ja, en). Decisions about data:

* a term written alike in both Chinese scripts (二十大) is one ``zh``
  section, not two: OmegaT maps zh-Hant and zh-Hans to one language and
  would list the entry twice;
* the Korean terms are hangul: ``ko`` (what Korean writers print: 시진핑) is
  the preferred term, the other Korean renderings a Korean text or the term
  base attests are admitted terms, each with its source, count and documents;
  the strict character reading is a note (``hanja reading: 습근평``), a term
  only when a Korean text uses it; the hanja is a note, never a term, so a CAT
  tool does not offer 兩會 as a Korean translation; an empty ``ko`` (a title
  no Korean text renders) writes no Korean term;
* English renderings are terms (the first preferred, the others admitted),
  each with a note saying where it comes from (``source: context (3×)``);
  literal glosses are NOT terms, only a note on the concept
  (``literal gloss, not a translation: …``), so nobody inserts one as a
  translation; the acronym is a ``termType`` acronym term;
* what TBX-Basic has no data category for (readings, forms, status, the
  merge key) goes in labelled notes (``pinyin: liǎng huì``), which the reader
  parses back, so our own files round-trip;
* each term keeps at most :data:`~glossary.export.common.MAX_CONTEXTS`
  context sentences (short, complete, from different documents), and its
  count and documents: the file grows with the terms, not with the corpus;
* characters XML forbids are dropped, and no element is ever empty.

Writers stream: each concept is serialised on its own (plain strings, escaped
here, four times faster than building lxml trees; the tests check every file
against the TBX schemas) and written. Readers stream too (lxml ``iterparse``),
and read other tools' files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, BinaryIO

from glossary.export.common import (
    LANGS,
    ExportOptions,
    UnknownLanguage,
    context_targets,
    field_wanted,
    join_cell,
    korean_terms,
    machine_generated,
    normalize_lang,
    option_langs,
    parse_rendering_label,
    rendering_label,
    split_cell,
    xml_text,
)
from glossary.i18n import gettext
from glossary.model import Entry, InputError, Occurrence, Rendering

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SOURCE_NOTE = re.compile(r"source: .*")
_LIST_SEP = ", "
#: The one concept of an empty glossary (TBX needs at least one).
EMPTY_ID, EMPTY_TERM = "c-empty-glossary", "(empty glossary: no entries)"
#: Labels of the notes our writer puts in and the reader takes out.
LITERAL_LABEL = "literal gloss, not a translation"
OTHER_LABEL = re.compile(r"other rendering \((?P<kind>[^()]*)\)")
HANJA_READING_LABEL = "hanja reading"
#: A computed Korean rendering that is not the preferred term (a transcription
#: beside an attested translation): a note ``ko rendering, transcription: 시진핑``.
KO_RENDERING_LABEL = "ko rendering, "
#: Languages in the order the sections are written; ``zh`` is both scripts.
SECTION_LANGS = ("zh", *LANGS)


@dataclass(frozen=True)
class Dialect:
    """Element names of one TBX form."""

    root: str
    header: str
    concept: str
    lang: str
    term: str
    root_attrs: str


V3 = Dialect("tbx", "tbxHeader", "conceptEntry", "langSec", "termSec",
             f'type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX_NS}"')
V2 = Dialect("martif", "martifHeader", "termEntry", "langSet", "tig", 'type="TBX-Basic" xml:lang="en"')


def concept_id(key: str) -> str:
    """A stable, valid xs:ID for an entry: ``c-`` and a hash of its key.

    >>> concept_id("两会")
    'c-597607fa2545f933'
    """
    return "c-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _escape(text: str) -> str:
    """Text content escaped for XML; CR as a reference, since a parser turns
    a literal CR into LF."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class _Concept:
    """The terms of one concept, by language, before serialisation."""

    def __init__(self, langs: tuple[str, ...]) -> None:
        self.langs = langs
        self.terms: dict[str, list[dict[str, Any]]] = {}

    def add_term(self, lang: str, text: str, *notes: tuple[str, str]) -> dict[str, Any] | None:
        """A term section, or None when the text is empty (never an empty term)."""
        text = xml_text(text)
        if not text.strip() or lang not in self.langs:
            return None
        term = {"lang": lang, "text": text, "notes": list(notes), "status": None,
                "type": None, "contexts": [], "admins": []}
        self.terms.setdefault(lang, []).append(term)
        return term


def concept_xml(entry: Entry, d: Dialect, cid: str, langs: tuple[str, ...] = LANGS, pad: str = "      ") -> str:
    """The concept element for ``entry`` in dialect ``d``, serialised and
    indented (a string: building lxml trees cost four times as much).

    >>> print(concept_xml(Entry(key="两会", trad="兩會", simp="两会", status="approved"), V3, "c1", ("zh-Hant",), ""))
    <conceptEntry id="c1">
      <note>status: approved</note>
      <langSec xml:lang="zh-Hant">
        <termSec>
          <term>兩會</term>
        </termSec>
      </langSec>
    </conceptEntry>
    """
    c = _Concept(langs)
    concept_notes: list[tuple[str | None, str]] = []

    def reading(term: Any, label: str, value: str, field: str) -> None:
        if not value or not field_wanted(field, langs):
            return
        if term is not None:
            term["notes"].append((label, value))
        else:
            concept_notes.append((label, value))

    if entry.trad == entry.simp and "zh-Hant" in langs and "zh-Hans" in langs:
        c.langs = (*langs, "zh")
        trad = simp = c.add_term("zh", entry.trad)
    else:
        trad = c.add_term("zh-Hant", entry.trad)
        simp = c.add_term("zh-Hans", entry.simp)
    by_text: dict[tuple[str, str], Any] = {}
    ko = None
    for i, (text, r) in enumerate(korean_terms(entry)):
        preferred = i == 0 and bool(entry.ko)
        if not preferred and r is not None and r.source not in ("curated", "context"):
            if "ko" in langs:  # computed, and not what writers print: a note
                concept_notes.append((KO_RENDERING_LABEL + rendering_label(r), text))
            continue
        notes = [("source", rendering_label(r))] if r is not None else []
        term = c.add_term("ko", text, *notes)
        if term is None:
            continue
        term["status"] = "preferredTerm-admn-sts" if preferred else "admittedTerm-admn-sts"
        term["admins"] = [xml_text(doc) for doc in r.documents] if r is not None else []
        by_text.setdefault(("ko", term["text"]), term)
        if preferred:
            ko = term
    if ko is not None and entry.trad:
        ko["notes"].append(("hanja", entry.trad))
    reading(ko, HANJA_READING_LABEL, entry.ko_hanja, "ko_hanja")
    ja = c.add_term("ja", entry.ja)
    reading(simp or trad, "pinyin", entry.pinyin, "pinyin")
    reading(ko, "romanization", entry.ko_romanized, "ko_romanized")
    reading(ja, "kana", entry.kana, "kana")
    reading(ja, "romaji", entry.romaji, "romaji")
    first = True
    for r in entry.en:
        if r.source == "literal":
            if "en" in langs:
                concept_notes.append((LITERAL_LABEL, r.text))
            continue
        notes = [("source", rendering_label(r))] + ([("rendering note", r.note)] if r.note else [])
        term = c.add_term("en", r.text, *notes)
        if term is None:
            continue
        term["status"] = "preferredTerm-admn-sts" if first else "admittedTerm-admn-sts"
        term["admins"] = [xml_text(doc) for doc in r.documents]
        by_text.setdefault(("en", term["text"]), term)
        first = False
    for abbrev in entry.abbrev:
        term = c.add_term("en", abbrev)
        if term is not None:
            term["type"] = "acronym"
    if not c.terms:  # every concept needs a term: fall back on the key
        c.langs = (*c.langs, "zh-Hans")
        trad = c.add_term("zh-Hans", entry.key) or c.add_term("zh-Hans", "?")
    for lang, text, occurrences in context_targets(entry):
        target = by_text.get((lang, xml_text(text or "")))
        if target is None and lang == "ko":
            target = ko
        target = target or trad or simp or next(t for ts in c.terms.values() for t in ts)
        for occ in occurrences:
            context = xml_text(occ.context)
            if context.strip():
                target["contexts"].append((context, xml_text(occ.place)))

    if entry.key != entry.simp:
        concept_notes.insert(0, ("key", entry.key))
    if entry.kind != "term":
        concept_notes.append(("kind", entry.kind))
    concept_notes.append(("status", entry.status))
    if entry.curated:
        concept_notes.append(("curated", join_cell(entry.curated, _LIST_SEP)))
    if entry.forms:
        concept_notes.append(("forms", join_cell(entry.forms, _LIST_SEP)))
    for kind, text in entry.renderings_other:
        concept_notes.append((f"other rendering ({kind.replace('(', '').replace(')', '')})", text))
    machine = [name for name in machine_generated(entry) if field_wanted(name, langs)
               and (name not in ("ja", "ko") or name in langs)]
    if machine:
        concept_notes.append(("machine-generated, check before use", ", ".join(machine)))
    if entry.note:
        concept_notes.append(("note", entry.note))
    # What a translator reads first (OmegaT shows the notes in order, as one
    # comment): the curator's note and the literal-gloss warning; the
    # bookkeeping our reader needs (status, forms, key...) after them.
    first_labels = {"note": 0, LITERAL_LABEL: 1}
    concept_notes.sort(key=lambda n: first_labels.get(n[0] or "", 2))

    out = [f'{pad}<{d.concept} id="{cid}">']
    p1, p2, p3, p4, p5 = (pad + "  " * i for i in range(1, 6))

    def note(p: str, label: str, value: str) -> None:
        value = xml_text(value)
        if value.strip():
            out.append(f"{p}<note>{_escape(f'{label}: {value}')}</note>")

    for doc in entry.sources:
        doc = xml_text(doc)
        if doc.strip():
            out.append(f'{p1}<admin type="source">{_escape(doc)}</admin>')
    for label, value in concept_notes:
        note(p1, label, value)
    for lang in SECTION_LANGS:
        terms = c.terms.get(lang)
        if not terms:
            continue
        out.append(f'{p1}<{d.lang} xml:lang="{lang}">')
        for t in terms:
            out.append(f"{p2}<{d.term}>")
            out.append(f"{p3}<term>{_escape(t['text'])}</term>")
            # termNote first, then descrip/admin/note: TBX v3 requires this order.
            if t["type"]:
                out.append(f'{p3}<termNote type="termType">{t["type"]}</termNote>')
            if t["status"]:
                out.append(f'{p3}<termNote type="administrativeStatus">{t["status"]}</termNote>')
            for context, source in t["contexts"]:
                out.append(f"{p3}<descripGrp>")
                out.append(f'{p4}<descrip type="context">{_escape(context)}</descrip>')
                if source.strip():
                    out.append(f'{p4}<admin type="source">{_escape(source)}</admin>')
                out.append(f"{p3}</descripGrp>")
            for doc in t["admins"]:
                if doc.strip():
                    out.append(f'{p3}<admin type="source">{_escape(doc)}</admin>')
            for label, value in t["notes"]:
                note(p3, label, value)
            out.append(f"{p2}</{d.term}>")
        out.append(f"{p1}</{d.lang}>")
    out.append(f"{pad}</{d.concept}>")
    return "\n".join(out)


def _renamed(xml: str, source: Dialect, target: Dialect) -> str:
    """A concept serialised in ``source`` as ``target`` writes it: only the element names differ.

    Safe as plain replacements: text and attribute values are escaped
    (:func:`_escape`), so ``<`` in a serialised concept only ever opens a tag.

    >>> _renamed('<termEntry id="c1">\\n  <langSet xml:lang="en">\\n    <tig>', V2, V3)
    '<conceptEntry id="c1">\\n  <langSec xml:lang="en">\\n    <termSec>'
    """
    for a, b in ((source.concept, target.concept), (source.lang, target.lang), (source.term, target.term)):
        xml = xml.replace(f"<{a} ", f"<{b} ").replace(f"<{a}>", f"<{b}>").replace(f"</{a}>", f"</{b}>")
    return xml


def _head(d: Dialect, options: ExportOptions) -> bytes:
    desc = "glossary export" + (f", {xml_text(options.date)}" if options.date else "")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<{d.root} {d.root_attrs}>\n'
        f"  <{d.header}>\n    <fileDesc>\n      <sourceDesc>\n        <p>{_escape(desc)}</p>\n"
        f"      </sourceDesc>\n    </fileDesc>\n  </{d.header}>\n  <text>\n    <body>\n"
    ).encode()


def _tail(d: Dialect, empty: bool) -> bytes:
    # TBX needs at least one concept; an empty glossary gets one that says
    # so (and that our reader skips), so the file is still valid.
    none = (
        f'      <{d.concept} id="{EMPTY_ID}">\n        <{d.lang} xml:lang="en">\n          <{d.term}>\n'
        f"            <term>{EMPTY_TERM}</term>\n          </{d.term}>\n        </{d.lang}>\n"
        f"      </{d.concept}>\n"
    ) if empty else ""
    return f"{none}    </body>\n  </text>\n</{d.root}>\n".encode()


def _write_dialects(entries: Iterable[Entry], files: list[tuple[BinaryIO, Dialect]], options: ExportOptions) -> None:
    """Each file of ``files`` in its dialect, in one pass: each concept built and serialised once, then renamed."""
    langs = option_langs(options.langs)
    for fh, d in files:
        fh.write(_head(d, options))
    first = files[0][1]
    # Entries come sorted by key, so a repeated key (which merge never makes)
    # is adjacent: numbering repeats keeps every id unique without holding
    # all ids in memory.
    last_key, repeat = None, 0
    for entry in entries:
        repeat = repeat + 1 if entry.key == last_key else 1
        last_key = entry.key
        cid = concept_id(entry.key) + (f"-{repeat}" if repeat > 1 else "")
        xml = concept_xml(entry, first, cid, langs) + "\n"
        for fh, d in files:
            fh.write((xml if d is first else _renamed(xml, first, d)).encode("utf-8"))
    for fh, d in files:
        fh.write(_tail(d, last_key is None))


def _write(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions, d: Dialect) -> None:
    _write_dialects(entries, [(fh, d)], options)


def write_tbx_pair(entries: Iterable[Entry], fh2: BinaryIO, fh3: BinaryIO, options: ExportOptions) -> None:
    """:func:`write_tbx2` into ``fh2`` and :func:`write_tbx` into ``fh3``, the same bytes, in one pass.

    Why: the build writes both forms of one glossary; their concepts differ
    only in element names, so each is built once (half the work of two writers).

    >>> import io; two, three = io.BytesIO(), io.BytesIO()
    >>> write_tbx_pair([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], two, three, ExportOptions())
    >>> alone = io.BytesIO(); write_tbx([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], alone, ExportOptions())
    >>> three.getvalue() == alone.getvalue(), b"<tig>" in two.getvalue()
    (True, True)
    """
    _write_dialects(entries, [(fh2, V2), (fh3, V3)], options)


def write_tbx(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """TBX-Basic v3, DCA style (``<tbx>``): valid against the TBX-Basic RNG and
    Schematron for any input.

    >>> import io; buf = io.BytesIO()
    >>> write_tbx([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], buf, ExportOptions())
    >>> b'<term>\\xec\\x96\\x91\\xed\\x9a\\x8c</term>' in buf.getvalue()
    True
    """
    _write(entries, fh, options, V3)


def write_tbx2(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """TBX-Basic 2008 (``<martif>``/``termEntry``/``langSet``/``tig``), the
    form translate-toolkit and OmegaT 3.6 read; same content as v3.

    >>> import io; buf = io.BytesIO()
    >>> write_tbx2([Entry(key="两会", trad="兩會", simp="两会", ko="양회")], buf, ExportOptions())
    >>> b'<langSet xml:lang="ko">' in buf.getvalue()
    True
    """
    _write(entries, fh, options, V2)


# --- reading -----------------------------------------------------------------


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _category(el: Any) -> tuple[str, str | None]:
    """(element, data category): ``<termNote type="termType">`` and the DCT
    style ``<basic:termType>`` both give ("termNote", "termType")."""
    name = _local(el)
    if isinstance(el.tag, str) and el.tag.startswith("{") and not el.tag.startswith("{" + TBX_NS):
        return ("dct", name)
    return (name, el.get("type"))


def _text(el: Any) -> str:
    return "".join(el.itertext())


@cache
def _lang(tag: str) -> str | None:
    try:
        return normalize_lang(tag)
    except UnknownLanguage:
        return None


_STATUS_RANK = {"preferredterm-admn-sts": 0, "preferred": 0, "admittedterm-admn-sts": 1, "admitted": 1}
_SKIP_STATUS = {"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated", "superseded"}
_ABBREV_TYPES = {"acronym", "abbreviation", "shortform", "initialism"}


def _parse_term(sec: Any) -> dict[str, Any]:
    """A termSec / tig / ntig as a dict of what we use."""
    t: dict[str, Any] = {"text": "", "status": None, "type": None, "notes": [], "admins": [], "contexts": []}
    for child in sec.iter():
        if child is sec:
            continue
        name, cat = _category(child)
        if name == "term":
            if not t["text"]:
                t["text"] = _text(child)
        elif cat == "administrativeStatus":
            t["status"] = _text(child).strip().lower()
        elif cat == "termType":
            t["type"] = _text(child).strip().lower()
        elif name == "descripGrp":
            ctx = [g for g in child if _category(g)[1] == "context"]
            src = [g for g in child if _category(g)[1] == "source"]
            if ctx:
                t["contexts"].append((_text(ctx[0]), _text(src[0]) if src else ""))
        elif cat == "context" and _local(child.getparent()) != "descripGrp":
            t["contexts"].append((_text(child), ""))
        elif cat == "source" and child.getparent() is sec:
            t["admins"].append(_text(child))
        elif name == "note" and child.getparent() is sec:
            t["notes"].append(_text(child))
    return t


def _split_label(note: str) -> tuple[str, str]:
    label, sep, value = note.partition(": ")
    return (label, value) if sep else ("", note)


def entry_from_concept(concept: Any) -> Entry | None:
    """An entry from one conceptEntry/termEntry element (ours or another
    tool's), or None when it has no Chinese term.

    >>> from lxml import etree
    >>> el = etree.fromstring('<termEntry><langSet xml:lang="zh-TW"><tig><term>兩會</term></tig></langSet>'
    ...                       '<langSet xml:lang="en"><tig><term>Two Sessions</term></tig></langSet></termEntry>')
    >>> e = entry_from_concept(el); (e.trad, e.simp, e.en[0].text)
    ('兩會', '两会', 'Two Sessions')
    """
    from glossary.normalize import to_simplified, to_traditional

    terms: dict[str, list[dict[str, Any]]] = {}
    notes: list[str] = []
    admins: list[str] = []
    definitions: list[str] = []
    for child in concept:
        name, cat = _category(child)
        if name in ("langSec", "langSet"):
            lang = _lang(child.get(XML_LANG) or child.get("lang") or "")
            for sub in child:
                sname, scat = _category(sub)
                if sname in ("termSec", "tig", "ntig"):
                    if lang is not None:
                        terms.setdefault(lang, []).append(_parse_term(sub))
                elif sname == "note":
                    notes.append(_text(sub))
                elif scat == "definition" or (sname == "descripGrp" and lang):
                    for d in sub.iter():
                        if _category(d)[1] == "definition":
                            definitions.append(f"definition ({lang or '?'}): {_text(d)}")
        elif name == "note":
            notes.append(_text(child))
        elif cat == "source" and name == "admin":
            admins.append(_text(child))
        elif cat == "definition" or name == "descripGrp":
            for d in child.iter():
                if _category(d)[1] == "definition":
                    definitions.append(f"definition: {_text(d)}")

    def usable(lang: str) -> list[dict[str, Any]]:
        found = [t for t in terms.get(lang, []) if t["text"] and t["status"] not in _SKIP_STATUS]
        return sorted(found, key=lambda t: _STATUS_RANK.get(t["status"] or "", 1))

    zh_hant, zh_hans, zh_any = usable("zh-Hant"), usable("zh-Hans"), usable("zh")
    if not (zh_hant or zh_hans or zh_any):
        return None
    labelled = [_split_label(n) for n in notes]
    ours = any(label == "status" for label, _ in labelled)  # every concept we write says its status
    trad = zh_hant[0]["text"] if zh_hant else ""
    simp = zh_hans[0]["text"] if zh_hans else ""
    if not trad and not simp:
        text = zh_any[0]["text"]  # ours: one form for both scripts; another tool's: either script
        trad, simp = (text, text) if ours else (to_traditional(text), to_simplified(text))
    trad = trad or to_traditional(simp)
    simp = simp or to_simplified(trad)
    extra_forms = [t["text"] for t in (zh_hant[1:] + zh_hans[1:] + zh_any[1:])]

    fields: dict[str, str] = {}
    other: list[tuple[str, str]] = []
    literal: list[Rendering] = []
    computed_ko: list[Rendering] = []
    free: list[str] = []
    en_terms, ko_terms = terms.get("en", []), terms.get("ko", [])
    all_terms = [t for ts in terms.values() for t in ts]
    term_notes = [n for t in all_terms if t not in en_terms for n in t["notes"]
                  if not (t in ko_terms and _SOURCE_NOTE.fullmatch(n))]
    for note in notes + term_notes:
        label, value = _split_label(note)
        m = OTHER_LABEL.fullmatch(label)
        parsed = (parse_rendering_label(label[len(KO_RENDERING_LABEL):], korean=True)
                  if label.startswith(KO_RENDERING_LABEL) else None)
        if m:
            other.append((m["kind"], value))
        elif parsed is not None:
            computed_ko.append(Rendering(value, parsed[0], parsed[1], kind=parsed[2]))
        elif label == LITERAL_LABEL:
            literal.append(Rendering(value, "literal"))
        elif label in ("key", "kind", "status", "curated", "forms", "pinyin", "romanization", "kana", "romaji",
                       HANJA_READING_LABEL):
            fields.setdefault(label, value)
        elif label in ("hanja", "machine-generated, check before use"):
            pass  # derived: the writer recomputes them
        elif label == "note":
            free.append(value)
        else:
            free.append(note)
    free += definitions

    en: list[Rendering] = []
    abbrev: list[str] = []
    for t in usable("en") if "en" in terms else []:
        if (t["type"] or "").replace(" ", "") in _ABBREV_TYPES:
            abbrev.append(t["text"])
            continue
        source, count, kind, note = "curated", 0, None, None
        for n in t["notes"]:
            label, value = _split_label(n)
            parsed = parse_rendering_label(value) if label == "source" else None
            if parsed is not None:
                source, count, kind = parsed
            elif label == "rendering note":
                note = value
            else:
                free.append(n)
        en.append(Rendering(t["text"], source, count, tuple(t["admins"]), note=note, kind=kind))

    ko_usable = [t for t in ko_terms if t["text"] and t["status"] not in _SKIP_STATUS]  # document order
    preferred = next((t for t in ko_usable if _STATUS_RANK.get(t["status"] or "") == 0), None)
    if preferred is None and not ours and ko_usable:
        preferred = ko_usable[0]  # another tool's file: the first Korean term is its choice
    ko_renderings = []
    for t in ko_usable:
        label = next((_split_label(n)[1] for n in t["notes"] if _SOURCE_NOTE.fullmatch(n)), None)
        parsed = parse_rendering_label(label, korean=True) if label else None
        if parsed is not None:
            ko_renderings.append(Rendering(t["text"], parsed[0], parsed[1], tuple(t["admins"]), kind=parsed[2]))
        elif not ours:  # a partner's Korean term: theirs, as curated as their English
            ko_renderings.append(Rendering(t["text"], "curated"))
    ko_renderings += computed_ko
    ja = usable("ja")
    trad_key = trad
    occurrences = []
    for t in all_terms:
        gloss = t["text"] if t in en_terms or t in ko_terms else None
        for context, source in t["contexts"]:
            path, _, line = source.rpartition(":")
            if not line.isdigit():
                path, line = source, "0"
            occurrences.append(Occurrence(term=trad_key, source=path, line=int(line), context=context, gloss=gloss))
    seen = {o.source for o in occurrences}
    occurrences += [Occurrence(term=trad_key, source=doc, line=0) for doc in admins if doc not in seen]
    occurrences.sort(key=lambda o: (o.source, o.line, o.context))
    forms = split_cell(fields["forms"], _LIST_SEP) if "forms" in fields else extra_forms
    return Entry(
        key=fields.get("key", simp),
        trad=trad,
        simp=simp,
        ja=ja[0]["text"] if ja else "",
        ko=preferred["text"] if preferred else "",
        ko_hanja=fields.get(HANJA_READING_LABEL, ""),
        ko_renderings=tuple(ko_renderings),
        ko_romanized=fields.get("romanization", ""),
        pinyin=fields.get("pinyin", ""),
        kana=fields.get("kana", ""),
        romaji=fields.get("romaji", ""),
        en=tuple(en + literal),
        abbrev=tuple(abbrev),
        forms=tuple(forms),
        renderings_other=tuple(other),
        kind=fields.get("kind", "term"),
        status=fields.get("status", "candidate"),
        note="\n".join(free) or None,
        curated=tuple(split_cell(fields.get("curated", ""), _LIST_SEP)),
        occurrences=tuple(occurrences),
    )


def iter_concepts(fh: BinaryIO, where: str) -> Iterator[Any]:
    """Each conceptEntry/termEntry element of a TBX file, streamed (iterparse),
    with DTDs, entities and the network off."""
    from lxml import etree

    from glossary.limits import current

    max_depth, depth = current().xml_depth, 0
    try:
        for event, el in etree.iterparse(
            fh, events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True,
            remove_comments=True, remove_pis=True,
        ):
            if event == "start":
                depth += 1
                if depth > max_depth:  # checked here: libxml2's own message names a parser flag and no line
                    raise InputError(
                        gettext("{path}:{line}: elements nested more than {limit} deep (raise it with --limit xml_depth=N)").format(
                            path=where, line=el.sourceline, limit=max_depth
                        )
                    )
                continue
            depth -= 1
            if _local(el) in ("conceptEntry", "termEntry"):
                yield el
                el.clear(keep_tail=False)
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
    except etree.XMLSyntaxError as exc:
        reason = re.sub(r",? ?(?:use|try) XML_PARSE_HUGE option", "", exc.msg or str(exc))
        reason = re.sub(r", line \d+, column \d+.*$", "", reason)
        raise InputError(
            gettext("{path}:{line}: not well-formed XML: {reason}").format(path=where, line=exc.lineno, reason=reason)
        ) from None


def read_tbx(fh: BinaryIO, where: str, skipped: list[str] | None = None) -> list[Entry]:
    """Entries from a TBX file, v3 or v2, ours or another tool's.

    Concepts without a Chinese term are left out (and listed in ``skipped``);
    deprecated and superseded terms are not read as renderings.

    >>> import io
    >>> doc = b'<martif><text><body><termEntry id="e1"><langSet xml:lang="de"><tig><term>Haus</term></tig></langSet></termEntry></body></text></martif>'
    >>> skipped = []; read_tbx(io.BytesIO(doc), "x.tbx", skipped), skipped
    ([], ['e1 (Haus): no Chinese term'])
    """
    out = []
    for concept in iter_concepts(fh, where):
        if concept.get("id") == EMPTY_ID:
            continue
        entry = entry_from_concept(concept)
        if entry is not None:
            out.append(entry)
        elif skipped is not None:
            label = next((_text(t) for t in concept.iter() if _local(t) == "term"), "")
            skipped.append(gettext("{id} ({term}): no Chinese term").format(id=concept.get("id") or "?", term=label))
    return out
