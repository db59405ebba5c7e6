"""The lookup block a translator reads: hits -> aligned, optionally coloured text (:func:`format_hits`).

In: the hits of a lookup. Out: one block per hit, its forms, Korean,
readings, English with sources and where it was seen, labels in the
interface language (:mod:`glossary.i18n`) padded by display width, since a
hangul syllable takes two columns.
"""

from __future__ import annotations

import unicodedata

from glossary.i18n import _, pgettext
from glossary.index.fold import fold_key

# typing and dataclasses (which imports inspect) cost more than a whole lookup,
# so they are only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from glossary.index.records import Hit

_STYLE = {"head": "1", "label": "2", "exact": "32", "prefix": "36", "substring": "36", "fuzzy": "33", "computed": "35"}
_LABEL_WIDTH = 6  # columns of the longest label: "pinyin", "abbrev"; 일본어 in Korean
_ENGLISH_SHOWN = 5  # renderings listed; dictionary senses can run to a dozen
_SEEN_SHOWN = 3  # places listed under "seen"; the rest are counted


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_STYLE[style]}m{text}\x1b[0m" if color and text else text


def _width(text: str) -> int:
    """Terminal columns of ``text``: hangul and hanzi take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _more(count: int) -> str:
    return " " + _("(+{count} more)").format(count=f"{count:,}") if count > 0 else ""


def _names() -> dict[str, dict[str, str]]:
    """The words of the lookup block in the interface language, by what they name.

    Literal ``pgettext`` calls, so ``pybabel extract`` finds every word; the
    context tells apart the label "ko" (한글) from the field "ko".
    """
    return {
        "label": {
            "ko": pgettext("lookup label", "ko"), "hanja": pgettext("lookup label", "hanja"),
            "ko_alt": pgettext("lookup label", "ko alt"), "pinyin": pgettext("lookup label", "pinyin"),
            "ja": pgettext("lookup label", "ja"), "en": pgettext("lookup label", "en"),
            "abbrev": pgettext("lookup label", "abbrev"), "also": pgettext("lookup label", "also"),
            "note": pgettext("lookup label", "note"), "seen": pgettext("lookup label", "seen"),
        },
        "source": {
            "curated": pgettext("rendering source", "curated"), "context": pgettext("rendering source", "context"),
            "dictionary": pgettext("rendering source", "dictionary"), "literal": pgettext("rendering source", "literal"),
            "transcription": pgettext("rendering source", "transcription"),
            "reading": pgettext("rendering source", "reading"),
        },
        "kind": {
            "translation": pgettext("rendering kind", "translation"), "hangul": pgettext("rendering kind", "hangul"),
            "romanization": pgettext("rendering kind", "romanization"), "pinyin": pgettext("rendering kind", "pinyin"),
            "transcription": pgettext("rendering kind", "transcription"),
        },
        "match": {
            "exact": pgettext("match", "exact"), "prefix": pgettext("match", "prefix"),
            "substring": pgettext("match", "substring"), "fuzzy": pgettext("match", "fuzzy"),
        },
        "field": {
            "trad": pgettext("field", "trad"), "simp": pgettext("field", "simp"), "ja": pgettext("field", "ja"),
            "form": pgettext("field", "form"), "ko": pgettext("field", "ko"), "ko_hanja": pgettext("field", "ko_hanja"),
            "abbrev": pgettext("field", "abbrev"),
            "en": pgettext("field", "en"), "ko_romanized": pgettext("field", "ko_romanized"),
            "ko_mr": pgettext("field", "ko_mr"), "pinyin": pgettext("field", "pinyin"), "kana": pgettext("field", "kana"),
            "romaji": pgettext("field", "romaji"), "other": pgettext("field", "other"),
        },
    }


def _entry_lines(entry: dict[str, Any], names: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    """(label, value) rows of an entry block, empty values left out."""
    def joined(*parts: str) -> str:
        return "  ".join(dict.fromkeys(p for p in parts if p))

    def source(r: dict[str, Any]) -> str:
        count = f" ×{r['count']:,}" if r.get("count", 0) > 1 else ""
        also = "".join(f", {names['source'].get(a, a)}" for a in r.get("also", ()))
        return f" [{names['source'].get(r['source'], r['source'])}{count}{also}]" if r["source"] else ""

    renderings = entry.get("renderings") or [{"text": t, "source": "", "count": 0} for t in entry.get("en", [])]
    english = "; ".join(r["text"] + source(r) for r in renderings[:_ENGLISH_SHOWN]) + _more(len(renderings) - _ENGLISH_SHOWN)
    # Korean: the preferred term with its source, the strict reading beside it
    # when it differs, then every other Korean rendering.
    ko, hanja = entry.get("ko", ""), entry.get("ko_hanja", "")
    korean = entry.get("ko_renderings") or []
    preferred = next((r for r in korean if fold_key(r["text"]) == fold_key(ko)), None) if ko else None
    ko_line = joined(ko + (source(preferred) if preferred else ""), entry.get("ko_romanized", ""))
    others = [
        r for r in korean
        if r is not preferred and not (r["source"] == "reading" and fold_key(r["text"]) == fold_key(hanja))
    ]
    ko_alt = "; ".join(r["text"] + source(r) for r in others[:_ENGLISH_SHOWN]) + _more(len(others) - _ENGLISH_SHOWN)
    shown = {fold_key(entry.get(name) or "") for name in ("trad", "simp", "ko", "ko_hanja", "ko_romanized", "pinyin")}
    shown.update(fold_key(r["text"]) for r in korean)
    other = "; ".join(
        f"{o['text']} [{names['kind'].get(o['kind'], o['kind'])}]"
        for o in entry.get("renderings_other", [])
        if o["kind"] != "translation" and fold_key(o["text"]) not in shown
    )
    places = [f"{o['source']} ({o['location']})" if o.get("location") else f"{o['source']}:{o['line']}"
              for o in entry.get("occurrences", [])]
    # the entry keeps a few places with a sentence; "count" is how often the texts use it
    seen = ", ".join(places[:_SEEN_SHOWN]) + _more(max(entry.get("count", 0), len(places)) - min(len(places), _SEEN_SHOWN))
    return [
        (names["label"][label], value)
        for label, value in (
            ("ko", ko_line),
            ("hanja", hanja if fold_key(hanja) != fold_key(ko) else ""),
            ("ko_alt", ko_alt),
            ("pinyin", entry.get("pinyin", "")),
            ("ja", joined(entry.get("ja", "") if entry.get("ja") not in (entry.get("trad"), entry.get("simp")) else "",
                          entry.get("kana", ""), entry.get("romaji", ""))),
            ("en", english),
            ("abbrev", ", ".join(entry.get("abbrev", []))),
            ("also", other),
            ("note", entry.get("note") or ""),
            ("seen", seen),
        )
        if value
    ]


def format_hits(hits: list[Hit], *, color: bool = False) -> str:
    """A compact block per hit: forms, readings, English with sources, where seen.

    Labels are aligned; ``color`` adds ANSI colours (the CLI asks for them only
    when standard output is a terminal). Labels and match names are in the
    interface language (:mod:`glossary.i18n`), padded by display width, since
    a hangul syllable takes two columns.

    >>> from glossary.index import Hit
    >>> print(format_hits([Hit({"trad": "兩會", "simp": "两会", "ko": "양회", "en": ["Two Sessions"]}, "exact", "ko", 1.0)]))
    兩會 · 两会  exact ko
      ko      양회
      en      Two Sessions
    <BLANKLINE>
    """
    names = _names()
    blocks = []
    for hit in hits:
        entry = hit.entry
        head = " · ".join(dict.fromkeys(f for f in (entry.get("trad"), entry.get("simp")) if f)) or entry.get("key", "")
        if hit.match == "computed":
            how = _("computed: not in the glossary")
        else:
            # TRANSLATORS: how a lookup hit matched: "exact ko" = the hangul reading matched exactly.
            how = _("{match} {field}").format(
                match=names["match"].get(hit.match, hit.match), field=names["field"].get(hit.field, hit.field)
            )
        lines = [f"{_paint(head, 'head', color)}  {_paint(how, hit.match, color)}"]
        lines += [
            f"  {_paint(label + ' ' * (_LABEL_WIDTH - _width(label)), 'label', color)}  {value}"
            for label, value in _entry_lines(entry, names)
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)
