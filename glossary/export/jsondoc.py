"""JSON: every field of every entry, for scripts (``out/glossary.json``,
``glossary lookup --json``).

The document is a list of entry objects, written one entry at a time.
``en`` lists the English translations (preferred first) as plain strings;
literal glosses are left out of it, since they are not translations, and kept
with every other rendering, its source, count and documents, in
``renderings``, which is what :func:`entry_from_json` reads. The Korean side
has the same three levels: ``ko`` (the preferred term), ``ko_hanja`` (the
strict character reading) and ``ko_renderings`` (every Korean equivalent with
its source, kind, count and documents).

``occurrences`` holds the chosen context sentences only (at most
:data:`~glossary.export.common.MAX_CONTEXTS` per rendering); ``count`` and
``sources`` say how often and where the texts use the term, so the file grows
with the number of terms, not with the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from glossary.export.common import ExportOptions, field_wanted, machine_generated, option_langs, sample_occurrences
from glossary.i18n import gettext
from glossary.model import Entry, InputError, Occurrence, Rendering, rendering_json

_OCC_FIELDS = {f for f in Occurrence.__dataclass_fields__}


def entry_to_json(entry: Entry) -> dict[str, Any]:
    """The JSON object for one entry.

    >>> d = entry_to_json(Entry(key="两会", trad="兩會", simp="两会", ko="양회",
    ...                        en=(Rendering("Two Sessions", "context", 3, ("a.txt",)),)))
    >>> d["trad"], d["ko"], d["en"], d["renderings"][0]["count"]
    ('兩會', '양회', ['Two Sessions'], 3)
    """
    return {
        "key": entry.key,
        "trad": entry.trad,
        "simp": entry.simp,
        "ko": entry.ko,
        "en": [r.text for r in entry.en if r.source != "literal"],
        "ko_hanja": entry.ko_hanja,
        "ja": entry.ja,
        "ko_romanized": entry.ko_romanized,
        "pinyin": entry.pinyin,
        "kana": entry.kana,
        "romaji": entry.romaji,
        "ko_renderings": [rendering_json(r) for r in entry.ko_renderings],
        "renderings": [rendering_json(r) for r in entry.en],
        "abbrev": list(entry.abbrev),
        "forms": list(entry.forms),
        "renderings_other": [{"kind": kind, "text": text} for kind, text in entry.renderings_other],
        "kind": entry.kind,
        "status": entry.status,
        "note": entry.note,
        "curated": list(entry.curated),
        "machine_generated": machine_generated(entry),
        "count": len(entry.occurrences),
        "sources": list(entry.sources),
        "occurrences": [o.to_json() for o in sample_occurrences(entry)],
    }


#: JSON keys of each language: ``--langs`` leaves out the others.
_LANG_KEYS = {"zh-Hant": ("trad",), "zh-Hans": ("simp",), "ko": ("ko", "ko_renderings"), "ja": ("ja",),
              "en": ("en", "renderings")}


def _limit(data: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    """``data`` without the keys of languages not in ``langs``."""
    drop = {key for lang, keys in _LANG_KEYS.items() if lang not in langs for key in keys}
    return {k: v for k, v in data.items() if k not in drop and field_wanted(k, langs)}


def _strings(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(gettext("{name} must be a list of strings").format(name=name))
    return tuple(value)


def _optional(value: Any, name: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(gettext("{name} must be a string").format(name=name))
    return value


def _renderings(items: Any, name: str) -> tuple[Rendering, ...]:
    if not isinstance(items, list) or not all(isinstance(r, dict) and "text" in r for r in items):
        raise ValueError(gettext("{name} must be a list of objects with a text").format(name=name))
    return tuple(
        Rendering(str(r["text"]), str(r.get("source", "curated")), int(r.get("count", 0)),
                  _strings(r.get("documents", []), "documents"), _strings(r.get("also", []), "also"),
                  note=_optional(r.get("note"), "note"), raw=_optional(r.get("raw"), "raw"),
                  kind=_optional(r.get("kind"), "kind"))
        for r in items
    )


def entry_from_json(d: dict[str, Any]) -> Entry:
    """The entry a JSON object describes (the inverse of :func:`entry_to_json`).

    Hand-written objects may give ``en`` alone; its strings become curated
    renderings. Raise ValueError on a wrong shape.

    >>> entry_from_json({"trad": "兩會", "simp": "两会", "ko": "양회", "en": ["Two Sessions"]}).en[0]
    Rendering(text='Two Sessions', source='curated', count=0, documents=(), also=(), note=None, raw=None, kind=None)
    """
    if not isinstance(d, dict):
        raise ValueError(gettext("an entry must be an object"))
    text = {}
    for name in ("key", "trad", "simp", "ja", "ko", "ko_hanja", "ko_romanized", "pinyin", "kana", "romaji", "kind",
                 "status"):
        value = d.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(gettext("{name} must be a string").format(name=name))
        text[name] = value or ""
    if not (text["trad"] or text["simp"] or text["key"]):
        raise ValueError(gettext("an entry needs trad, simp or key"))
    en = _renderings(d["renderings"], "renderings") if "renderings" in d else tuple(
        Rendering(t, "curated") for t in _strings(d.get("en"), "en"))
    ko_renderings = _renderings(d.get("ko_renderings") or [], "ko_renderings")
    occurrences = []
    for o in d.get("occurrences") or []:
        fields = {k: v for k, v in o.items() if k in _OCC_FIELDS}
        fields["variants"] = tuple(fields.get("variants") or ())
        fields.setdefault("term", text["trad"] or text["simp"])
        fields.setdefault("source", "")
        fields.setdefault("line", 0)
        occurrences.append(Occurrence(**fields))
    seen = {o.source for o in occurrences}  # the documents beyond the kept sentences
    occurrences += [Occurrence(term=text["trad"] or text["simp"], source=doc, line=0)
                    for doc in _strings(d.get("sources"), "sources") if doc not in seen]
    note = d.get("note")
    return Entry(
        key=text["key"] or text["simp"] or text["trad"],
        trad=text["trad"] or text["simp"],
        simp=text["simp"] or text["trad"],
        ja=text["ja"],
        ko=text["ko"],
        ko_hanja=text["ko_hanja"],
        ko_renderings=ko_renderings,
        ko_romanized=text["ko_romanized"],
        pinyin=text["pinyin"],
        kana=text["kana"],
        romaji=text["romaji"],
        en=en,
        abbrev=_strings(d.get("abbrev"), "abbrev"),
        forms=_strings(d.get("forms"), "forms"),
        renderings_other=tuple((str(r["kind"]), str(r["text"])) for r in d.get("renderings_other") or []),
        kind=text["kind"] or "term",
        status=text["status"] or "candidate",
        note=str(note) if note is not None else None,
        curated=_strings(d.get("curated"), "curated"),
        occurrences=tuple(occurrences),
    )


def _dump_entry(data: dict[str, Any]) -> str:
    """One entry object, a field per line and an object of a list per line:
    readable, diffable, and written by json's C encoder (``indent`` would
    switch to the pure-Python one, several times slower), built once
    (:mod:`glossary.jsonenc`), not once per value as ``json.dumps`` does."""
    from glossary.jsonenc import encoder

    dumps = encoder()
    lines = []
    for name, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            items = ",\n      ".join(map(dumps, value))
            lines.append(f'    "{name}": [\n      {items}\n    ]')
        else:
            lines.append(f'    "{name}": {dumps(value)}')
    return "  {\n" + ",\n".join(lines) + "\n  }"


def write_json(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> None:
    """A JSON list of entry objects, streamed entry by entry, UTF-8, indented.

    >>> import io; buf = io.BytesIO(); write_json([], buf, ExportOptions())
    >>> buf.getvalue()
    b'[]\\n'
    """
    for _ in written_json(entries, fh, options):
        pass


def written_json(entries: Iterable[Entry], fh: BinaryIO, options: ExportOptions) -> Iterator[dict[str, Any]]:
    """Write :func:`write_json`'s document into ``fh``, yielding each entry object once it is written.

    The list closes once the last object has been taken. Why: the build's
    index stores the same objects (:func:`glossary.index.build_index`), so it
    takes them here, as they are written, instead of reading the file back.

    >>> import io; buf = io.BytesIO()
    >>> [d["trad"] for d in written_json([Entry(key="两会", trad="兩會", simp="两会")], buf, ExportOptions())]
    ['兩會']
    >>> buf.getvalue()[-4:]
    b'}\\n]\\n'
    """
    first = True
    langs = option_langs(options.langs)
    fh.write(b"[")
    for entry in entries:
        data = entry_to_json(entry)
        if options.langs is not None:
            data = _limit(data, langs)
        fh.write((("\n" if first else ",\n") + _dump_entry(data)).encode("utf-8", "replace"))
        first = False
        yield data
    fh.write(b"]\n" if first else b"\n]\n")


def iter_written_json(fh: BinaryIO) -> Iterator[dict[str, Any]]:
    """The entry objects of a document :func:`write_json` wrote, one at a time.

    In: the binary file ``write_json`` wrote (any ``langs``). Out: each entry
    object, parsed by json's C decoder, in file order; memory holds a chunk
    of the file. (The build takes the objects as they are written instead,
    :func:`written_json`.) Relies on the layout of :func:`_dump_entry`: an
    object closes with a line ``  }`` (two spaces; inner lines are indented
    further, and the encoder escapes newlines within strings), so the file is
    split there, a megabyte at a time, and json's C decoder reads each piece.

    >>> import io; buf = io.BytesIO()
    >>> write_json([Entry(key="两会", trad="兩會", simp="两会")], buf, ExportOptions())
    >>> [d["trad"] for d in iter_written_json(io.BytesIO(buf.getvalue()))]
    ['兩會']
    """
    loads = json.loads
    rest = b""
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        *objects, rest = (rest + chunk).split(b"\n  }")
        for text in objects:  # "[\n  {\n    ..." or ",\n  {\n    ...": the object starts at its first brace
            yield loads(text[text.index(b"{"):] + b"}")


def read_json(data: bytes, where: str) -> list[Entry]:
    """Entries from a JSON list (ours, or hand-written with at least trad/simp).

    >>> [e.simp for e in read_json('[{"trad": "以舊換新"}]'.encode(), "x.json")]
    ['以舊換新']
    """
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(gettext("{path}: not JSON: {reason}").format(path=where, reason=exc)) from None
    if isinstance(doc, dict) and isinstance(doc.get("entries"), list):
        doc = doc["entries"]
    if not isinstance(doc, list):
        raise InputError(gettext("{path}: want a list of entries, got {got}").format(path=where, got=type(doc).__name__))
    out = []
    for i, item in enumerate(doc):
        try:
            out.append(entry_from_json(item))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            raise InputError(gettext("{path}: entry {number}: {problem}").format(path=where, number=i + 1, problem=exc)) from None
    return out
