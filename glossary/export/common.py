"""Helpers every export format shares: text cleaning, list cells, language tags.

Nothing here touches the filesystem. Formats are in the sibling modules; the
registry is in :mod:`glossary.export`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

from glossary.i18n import gettext
from glossary.model import Entry, GlossaryError, Occurrence, Rendering

#: Language columns/sections in the order every format writes them (BCP 47).
LANGS = ("zh-Hant", "zh-Hans", "ko", "ja", "en")

#: Entry fields a machine computes; they are machine-generated unless curated.
MACHINE_FIELDS = ("ja", "ko", "ko_hanja", "ko_romanized", "pinyin", "kana", "romaji")

#: The language each language-bound field belongs to: ``--langs zh-Hant,ko,en``
#: leaves out the fields of the other languages too (no kana without ``ja``).
#: Pinyin, the Mainland romanisation, goes with simplified Chinese.
FIELD_LANGS = {
    "pinyin": "zh-Hans", "ko_hanja": "ko", "ko_alt": "ko", "ko_source": "ko", "ko_documents": "ko",
    "ko_romanized": "ko", "kana": "ja", "romaji": "ja",
    "abbrev": "en", "en_literal": "en", "en_source": "en", "en_documents": "en",
}

#: At most this many context sentences per rendering in the TBX and JSON: a
#: translator reads two or three, and the files grow with the number of terms,
#: not with the corpus (every rendering still has its count and documents).
MAX_CONTEXTS = 3

#: Leading characters that make a spreadsheet run a cell as a formula
#: (OWASP "CSV injection"): = + - @, and tab / carriage return, which some
#: spreadsheets skip before looking for one of the others.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_GUARD_FIRST = frozenset("=+-@\t\r'")

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF). A term base is text, so they are dropped, not escaped.
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")


class UnknownLanguage(GlossaryError):
    """A language tag given by the user is not a language, or not one we export."""


@dataclass(frozen=True)
class ExportOptions:
    """How to write an export; the defaults suit a spreadsheet and a CAT tool.

    ``pair`` (TSV) is (source, target); ``langs`` limits the language columns
    and sections; ``date`` goes into file headers (no timestamp otherwise,
    so output is deterministic).

    >>> ExportOptions().separator
    ' | '
    """

    bom: bool = True
    separator: str = " | "
    header: str = "codes"  # codes | names
    locale: str = "en"  # for header="names"
    pair: tuple[str, str] | None = None  # TSV; None means ("ko", "en")
    langs: tuple[str, ...] | None = None
    date: str | None = None
    one_per_row: bool = False  # CSV/XLSX: every other term of a concept on a row of its own

    def __post_init__(self) -> None:
        for name in ("langs", "pair"):  # lists are welcome; stored as tuples, so options hash
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        if self.header not in ("codes", "names"):
            raise ValueError(f"header must be 'codes' or 'names', not {self.header!r}")
        if not self.separator:
            raise ValueError("the separator cannot be empty")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold.

    >>> xml_text("a\\x00b\\x1bc")
    'abc'
    """
    return _XML_FORBIDDEN.sub("", text)


def xml_cells(cells: list[str]) -> list[str]:
    """:func:`xml_text` of every cell of a table row; the row itself when no cell needs it.

    Why: a row of a table has some thirty cells and almost never a
    forbidden character, so one search over the joined row replaces thirty
    substitutions.

    >>> xml_cells(["a", "b"]), xml_cells(["a\\x00", "b"])
    (['a', 'b'], ['a', 'b'])
    """
    if _XML_FORBIDDEN.search("".join(cells)) is None:
        return cells
    return [_XML_FORBIDDEN.sub("", cell) for cell in cells]


def needs_guard(cell: str) -> bool:
    """True when a spreadsheet would run ``cell`` as a formula (or when it
    starts with the guard quote itself, so unguarding is exact).

    >>> needs_guard("=1+1"), needs_guard("'=1+1"), needs_guard("'I-yong Hu-seong'")
    (True, True, False)
    """
    if cell[:1] in FORMULA_TRIGGERS and cell:
        return True
    return cell.startswith("'") and needs_guard(cell[1:])


def guard_formula(cell: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula.

    >>> guard_formula("=HYPERLINK(\\"x\\")"), guard_formula("Two Sessions")
    ('\\'=HYPERLINK("x")', 'Two Sessions')
    """
    if not cell or cell[0] not in _GUARD_FIRST:  # the common case, fast
        return cell
    return "'" + cell if needs_guard(cell) else cell


def unguard_formula(cell: str) -> str:
    """Undo :func:`guard_formula` exactly.

    >>> unguard_formula("'=1+1"), unguard_formula("'quoted'")
    ('=1+1', "'quoted'")
    """
    if cell.startswith("'") and needs_guard(cell[1:]):
        return cell[1:]
    return cell


def _core(sep: str) -> str:
    return sep.strip() or sep


@cache
def _escape_table(sep: str) -> dict[int, str]:
    return {ord(ch): "\\" + ch for ch in {*_core(sep), "\\"}}


def join_cell(values: list[str] | tuple[str, ...], sep: str = " | ") -> str:
    """Join values into one cell; a backslash escapes the separator's
    characters (and itself) inside a value, so :func:`split_cell` is exact.

    >>> join_cell(["Two Sessions", "two meetings"])
    'Two Sessions | two meetings'
    >>> join_cell(["A|B", "C"])
    'A\\\\|B | C'
    """
    if not values:  # most list fields of most entries
        return ""
    table = _escape_table(sep)
    return sep.join([value.translate(table) for value in values])


def join_parallel(values: list[str] | tuple[str, ...], sep: str = " | ") -> str:
    """Join a column that runs parallel to another (the sources of the ``en``
    renderings): trailing empty values are left out, so a cell never ends in
    empty separators; :func:`split_cell` plus padding gives them back.

    >>> join_parallel(["a.txt", "", ""]), join_parallel(["", "b.txt"])
    ('a.txt', ' | b.txt')
    """
    values = list(values)
    while values and values[-1] == "":
        values.pop()
    return join_cell(values, sep)


def split_cell(cell: str, sep: str = " | ") -> list[str]:
    """Split a cell written by :func:`join_cell`; an empty cell is no value.

    >>> split_cell('A\\\\|B | C')
    ['A|B', 'C']
    """
    if cell == "":
        return []
    core = _core(sep)
    head = sep[: sep.index(core)]
    tail = sep[sep.index(core) + len(core) :]
    values, cur, i = [], [], 0
    while i < len(cell):
        ch = cell[i]
        if ch == "\\" and i + 1 < len(cell):
            cur.append(cell[i + 1])
            i += 2
        elif cell.startswith(core, i):
            piece = "".join(cur)
            if head and piece.endswith(head):
                piece = piece[: -len(head)]
            values.append(piece)
            cur = []
            i += len(core)
            if tail and cell.startswith(tail, i):
                i += len(tail)
        else:
            cur.append(ch)
            i += 1
    values.append("".join(cur))
    return values


# Region and script subtags that say which Chinese script a file uses.
_HANT_REGIONS = {"TW", "HK", "MO"}


def normalize_lang(tag: str) -> str:
    """Parse a language tag with Babel and map it to one of :data:`LANGS`
    (or ``"zh"``, both Chinese scripts). Raise :class:`UnknownLanguage`.

    >>> normalize_lang("zh_TW"), normalize_lang("ko-KR"), normalize_lang("EN-us"), normalize_lang("zh")
    ('zh-Hant', 'ko', 'en', 'zh')
    """
    from babel import Locale, UnknownLocaleError

    raw = tag.strip()
    try:
        locale = Locale.parse(raw.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise UnknownLanguage(gettext("unknown language tag {tag!r}").format(tag=tag)) from None
    if locale.language == "zh":
        parts = {p.lower() for p in re.split(r"[-_]", raw)[1:]}
        if locale.script == "Hant" or "hant" in parts or (locale.territory or "") in _HANT_REGIONS:
            return "zh-Hant"
        if locale.script == "Hans" or "hans" in parts or locale.territory:
            return "zh-Hans"
        return "zh"
    if locale.language in {"ko", "ja", "en"}:
        return locale.language
    raise UnknownLanguage(
        gettext("language {tag!r} is not in the glossary; use one of {choices}").format(tag=tag, choices=", ".join(("zh", *LANGS)))
    )


def normalize_langs(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Normalise user tags, expanding ``zh`` to both scripts, keeping order.

    >>> normalize_langs(["zh", "en_GB"])
    ('zh-Hant', 'zh-Hans', 'en')
    """
    out: list[str] = []
    for tag in tags:
        lang = normalize_lang(tag)
        for one in ("zh-Hant", "zh-Hans") if lang == "zh" else (lang,):
            if one not in out:
                out.append(one)
    return tuple(out)


@cache
def option_langs(langs: tuple[str, ...] | None) -> tuple[str, ...]:
    """The language columns/sections to write: ``langs`` normalised, or all.

    >>> option_langs(None)[-1], option_langs(("en", "zh_TW"))
    ('en', ('en', 'zh-Hant'))
    """
    return normalize_langs(tuple(langs)) if langs else LANGS


@cache
def language_name(lang: str, locale: str) -> str:
    """The name of ``lang`` in ``locale``: the header in ``names`` mode.

    The names of :func:`glossary.locales.language_name` (one helper for the
    whole interface); an unknown ``locale`` is an error here, since the user
    asked for it by ``--locale``.

    >>> language_name("zh-Hant", "ko"), language_name("ko", "en"), language_name("zh-Hant", "en")
    ('중국어(번체)', 'Korean', 'Traditional Chinese')
    """
    from babel import Locale, UnknownLocaleError

    from glossary.locales import language_name as name_in

    try:
        Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise UnknownLanguage(gettext("unknown locale {locale!r}").format(locale=locale)) from None
    return name_in(lang, locale)


@cache
def _names_to_codes() -> dict[str, str]:
    # Headers written in "names" mode, in the locales our users work in; both
    # our names and Babel's plain display names ("Chinese (Traditional)",
    # "중국어 (번체)", written by earlier versions and by other tools).
    from babel import Locale

    out = {}
    for loc in ("en", "ko", "ja", "zh_Hans", "zh_Hant", "de", "fr", "es", "ru"):
        for lang in LANGS:
            out[Locale.parse(lang.replace("-", "_")).get_display_name(loc).casefold()] = lang
            out[language_name(lang, loc).casefold()] = lang
    return out


def header_lang(cell: str) -> str | None:
    """The language a CSV/XLSX header names, by code or by display name, else None.

    >>> header_lang("중국어 (번체)"), header_lang("en-US"), header_lang("pinyin")
    ('zh-Hant', 'en', None)
    """
    text = cell.strip()
    if not text:
        return None
    named = _names_to_codes().get(text.casefold())
    if named:
        return named
    if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*", text):
        return None
    try:
        return normalize_lang(text)
    except UnknownLanguage:
        return None


def field_wanted(name: str, langs: tuple[str, ...]) -> bool:
    """Whether a field goes into an export limited to ``langs``.

    >>> field_wanted("kana", ("zh-Hant", "ko", "en")), field_wanted("pinyin", ("zh-Hans",)), field_wanted("note", ())
    (False, True, True)
    """
    lang = FIELD_LANGS.get(name)
    return lang is None or lang in langs


def machine_generated(entry: object) -> list[str]:
    """Names of the entry's fields a machine computed (readings, forms, and
    ``en_literal`` for literal glosses): what a translator should check.

    >>> from glossary.model import Entry, Rendering
    >>> machine_generated(Entry(key="两会", trad="兩會", simp="两会", ko="양회", curated=("ko",),
    ...                         pinyin="liǎng huì", en=(Rendering("two meetings", "literal"),)))
    ['pinyin', 'en_literal']
    """
    names = [f for f in MACHINE_FIELDS if getattr(entry, f) and f not in entry.curated]  # type: ignore[attr-defined]
    if "ko" in names and any(r.text == entry.ko and r.source in ("curated", "context")  # type: ignore[attr-defined]
                             for r in entry.ko_renderings):  # type: ignore[attr-defined]
        names.remove("ko")  # a Korean text prints it: attested, not computed
    if any(r.source == "literal" for r in entry.en):  # type: ignore[attr-defined]
        names.append("en_literal")
    return names


def korean_terms(entry: Entry) -> list[tuple[str, Rendering | None]]:
    """The Korean terms of an entry in the order every export lists them: the
    preferred ``ko`` first (with its rendering, if it is one), then every other
    Korean rendering, most trusted first.

    >>> e = Entry(key="习近平", trad="習近平", simp="习近平", ko="시진핑", ko_hanja="습근평",
    ...           ko_renderings=(Rendering("시진핑", "context", 4), Rendering("습근평", "reading")))
    >>> [(text, r.source if r else None) for text, r in korean_terms(e)]
    [('시진핑', 'context'), ('습근평', 'reading')]
    """
    preferred = next((r for r in entry.ko_renderings if r.text == entry.ko), None)
    out: list[tuple[str, Rendering | None]] = [(entry.ko, preferred)] if entry.ko else []
    out += [(r.text, r) for r in entry.ko_renderings if r is not preferred]
    return out


def rendering_label(r: Rendering) -> str:
    """Where a rendering comes from, how often, and (Korean) what it is:
    ``context (3×)``, ``context (2×, translation)``, ``transcription``.

    >>> rendering_label(Rendering("Two Sessions", "context", 3)), rendering_label(Rendering("중국의 꿈", "context", 2, kind="translation"))
    ('context (3×)', 'context (2×, translation)')
    """
    details = [f"{r.count}×"] if r.count else []
    if r.kind and r.kind != r.source:
        details.append(r.kind)
    return f"{r.source} ({', '.join(details)})" if details else r.source


_LABEL = re.compile(r"(?P<source>[^()]*?)(?: \((?:(?P<count>\d+)×)?(?:, )?(?P<kind>[^()×,]+)?\))?")


def parse_rendering_label(label: str, *, korean: bool = False) -> tuple[str, int, str | None] | None:
    """(source, count, kind) from :func:`rendering_label`, or None for another
    text. A Korean ``reading`` or ``transcription`` is of its own kind.

    >>> parse_rendering_label("context (2×, translation)"), parse_rendering_label("reading", korean=True)
    (('context', 2, 'translation'), ('reading', 0, 'reading'))
    """
    m = _LABEL.fullmatch(label.strip())
    if not m or not m["source"]:
        return None
    kind = m["kind"]
    if kind is None and korean and m["source"] in ("reading", "transcription"):
        kind = m["source"]
    return (m["source"], int(m["count"] or 0), kind)


# --- context sentences -----------------------------------------------------------

_SENTENCE_START = re.compile(r"^[\W_]*[A-Z0-9\u3400-\u9fff\uac00-\ud7a3\u3040-\u30ff]")
_SENTENCE_END = re.compile(r"[.!?。！？…\u3002][\"'”’」』)\]]*$|[다요죠]\.?$")
_SHORT, _LONG = 40, 240


def _context_rank(occ: Occurrence) -> tuple[int, int, int]:
    """Better first: a complete sentence, of a length a reader takes in at a
    glance (40-240 characters), the shorter the better."""
    text = occ.context.strip()
    complete = bool(_SENTENCE_START.search(text) and _SENTENCE_END.search(text))
    outside = max(_SHORT - len(text), len(text) - _LONG, 0)
    return (not complete, outside, len(text))


def pick_contexts(occurrences: Iterable[Occurrence], limit: int = MAX_CONTEXTS) -> list[Occurrence]:
    """At most ``limit`` occurrences whose sentences show a rendering best:
    complete and short, from different documents while there are any, never the
    same sentence twice (a corpus repeats its boilerplate), no fragment
    ("시진핑(習近平)은") beside a complete sentence; best first.

    >>> occ = [Occurrence("兩會", "a.txt", 1, context="Two Sessions (兩會) opened in Beijing on 5 March."),
    ...        Occurrence("兩會", "a.txt", 9, context="the Two Sessions (兩會) and"),
    ...        Occurrence("兩會", "b.txt", 2, context="Delegates left the Two Sessions (兩會) on Tuesday.")]
    >>> [(o.source, o.line) for o in pick_contexts(occ, 2)]
    [('a.txt', 1), ('b.txt', 2)]
    """
    if isinstance(occurrences, list) and len(occurrences) == 1 and limit >= 1:
        # One sentence (most renderings of most terms): nothing to rank or compare.
        return [o for o in occurrences if o.context.strip()]
    ranked = sorted(
        ((_context_rank(o), o) for o in occurrences if o.context.strip()),
        key=lambda ro: (*ro[0], ro[1].source, ro[1].line),
    )
    if ranked and not ranked[0][0][0]:  # beside a complete sentence a fragment says nothing
        ranked = [(r, o) for r, o in ranked if not (r[0] and r[2] < _SHORT)]
    chosen: list[Occurrence] = []
    texts: set[str] = set()
    documents: set[str] = set()
    for new_document_only in (True, False):
        for _, occ in ranked:
            if len(chosen) >= limit:
                return chosen
            text = " ".join(occ.context.split())
            if text in texts or (new_document_only and occ.source in documents):
                continue
            chosen.append(occ)
            texts.add(text)
            documents.add(occ.source)
    return chosen


@lru_cache(maxsize=1 << 16)  # a corpus repeats its renderings
def _variant_key(text: str) -> str:
    from glossary.glosses import variant_key

    return variant_key(text)


def _compact(text: str) -> str:
    return "".join(text.split())


def context_targets(entry: Entry) -> list[tuple[str, str | None, list[Occurrence]]]:
    """The entry's occurrences grouped by the term their sentence shows, each
    group cut to :func:`pick_contexts`: ``("en", text, …)`` for an English
    rendering (matched as the renderings were merged: case, articles,
    plural), ``("ko", text, …)`` for a Korean one (spacing aside, else the
    preferred Korean when the sentence is Korean), ``("zh", None, …)`` for
    the rest. Groups in the order of the entry's renderings.

    >>> e = Entry(key="两会", trad="兩會", simp="两会", ko="양회", en=(Rendering("Two Sessions", "context", 1),),
    ...           occurrences=(Occurrence("兩會", "a.txt", 1, context="The Two Sessions (兩會) opened.", gloss="the Two Sessions"),
    ...                        Occurrence("兩會", "b.txt", 2, context="올해 양회(兩會)가 열렸다.", gloss="양회", gloss_kind="hangul")))
    >>> [(lang, text, [o.source for o in occ]) for lang, text, occ in context_targets(e)]
    [('en', 'Two Sessions', ['a.txt']), ('ko', '양회', ['b.txt'])]
    """
    shared = _shared.get("targets")
    if shared is not None:
        hit = shared.get(id(entry))
        if hit is not None and hit[0] is entry:
            return hit[1]
    groups = _context_groups(entry)
    targets = [(lang, text, pick_contexts(group)) for (lang, text), group in groups]
    if shared is not None:
        shared[id(entry)] = (entry, targets)  # the entry held too: its id stays its own
    return targets


# While :func:`sharing_contexts` runs, "targets": id(entry) -> (entry, its context_targets).
_shared: dict[str, dict[int, tuple[Entry, list[tuple[str, str | None, list[Occurrence]]]]]] = {}


@contextmanager
def sharing_contexts() -> Iterator[None]:
    """Choose each entry's context sentences once for all the writers that run in the block.

    Why: every export shows the same sentences (:func:`context_targets`:
    TBX, JSON, the tables' best one), and choosing them sorts and compares
    every occurrence; a build writes seven files from one list of entries.
    Memory: a few references per entry, let go when the block ends
    (or earlier, by :func:`forget_contexts`).

    >>> e = Entry(key="两会", trad="兩會", simp="两会", occurrences=(Occurrence("兩會", "a.txt", 1, context="The (兩會) met."),))
    >>> with sharing_contexts():
    ...     context_targets(e) is context_targets(e)
    True
    """
    outer = _shared.get("targets")
    if outer is not None:  # nested: the outer block's choices hold
        yield
        return
    _shared["targets"] = {}
    try:
        yield
    finally:
        _shared.pop("targets", None)


def forget_contexts() -> None:
    """Let go of the choices :func:`sharing_contexts` holds so far: every writer has passed those entries.

    The build calls it between two batches of its stream (:func:`glossary.fanout.fan_out`),
    so the choices held are those of one batch, not of every entry.

    >>> forget_contexts()  # outside the block: nothing held, nothing to do
    """
    targets = _shared.get("targets")
    if targets is not None:
        targets.clear()


def _context_groups(entry: Entry) -> list[tuple[tuple[str, str | None], list[Occurrence]]]:
    """The occurrences with a sentence, grouped as :func:`context_targets` says, in its order."""
    en: dict[str, str] = {}
    for r in entry.en:
        if r.source != "literal" and r.text.strip():
            en.setdefault(_variant_key(r.text), r.text)
    ko: dict[str, str] = {}
    for text, _ in korean_terms(entry):
        if text.strip():
            ko.setdefault(_compact(text), text)
    groups: dict[tuple[str, str | None], list[Occurrence]] = {}
    for occ in entry.occurrences:
        if not occ.context.strip():
            continue
        gloss = (occ.gloss or "").strip()
        target: tuple[str, str | None] | None = None
        if gloss:
            if _compact(gloss) in ko:
                target = ("ko", ko[_compact(gloss)])
            elif _variant_key(gloss) in en:
                target = ("en", en[_variant_key(gloss)])
        if target is None and entry.ko.strip() and (occ.gloss_kind == "hangul" or _HANGUL.search(occ.context)):
            target = ("ko", entry.ko)
        groups.setdefault(target or ("zh", None), []).append(occ)
    order = [("en", t) for t in en.values()] + [("ko", t) for t in ko.values()] + [("zh", None)]
    return [(key, groups[key]) for key in order if key in groups]


def best_context(entry: Entry) -> str:
    """The one context sentence a table or an OmegaT comment shows: the best
    one of the preferred rendering (:func:`context_targets`), or "".

    >>> best_context(Entry(key="两会", trad="兩會", simp="两会", occurrences=(
    ...     Occurrence("兩會", "a.txt", 1, context="the (兩會) of"),
    ...     Occurrence("兩會", "a.txt", 2, context="The Two Sessions (兩會) opened in Beijing on Wednesday."))))
    'The Two Sessions (兩會) opened in Beijing on Wednesday.'
    """
    if "targets" in _shared:  # chosen for the other writers already: the first sentence of the first group
        targets = context_targets(entry)
        return targets[0][2][0].context if targets else ""
    groups = _context_groups(entry)
    return pick_contexts(groups[0][1], 1)[0].context if groups else ""


def sample_occurrences(entry: Entry) -> tuple[Occurrence, ...]:
    """The occurrences an export keeps: the chosen context sentences of each
    rendering (:func:`context_targets`), in the entry's order.

    >>> occ = tuple(Occurrence("兩會", f"{i}.txt", 1, context=f"The Two Sessions (兩會) met, year {i}.") for i in range(9))
    >>> len(sample_occurrences(Entry(key="两会", trad="兩會", simp="两会", occurrences=occ)))
    3
    """
    keep = {id(o) for _, _, group in context_targets(entry) for o in group}
    return tuple(o for o in entry.occurrences if id(o) in keep)


def parse_pair(text: str) -> tuple[str, str]:
    """Read a language pair ``SRC-TGT`` (``en-ko``, ``zh-Hant-en``, ``ko:en``)
    into two normalised tags.

    >>> parse_pair("zh-Hant-en"), parse_pair("en-ko"), parse_pair("zh_TW:ko_KR")
    (('zh-Hant', 'en'), ('en', 'ko'), ('zh-Hant', 'ko'))
    """
    for sep in (":", "/", ","):
        if sep in text:
            src, _, tgt = text.partition(sep)
            return (normalize_lang(src), normalize_lang(tgt))
    parts = text.split("-")
    for i in range(1, len(parts)):
        try:
            return (normalize_lang("-".join(parts[:i])), normalize_lang("-".join(parts[i:])))
        except UnknownLanguage:
            continue
    raise UnknownLanguage(f"cannot read the language pair {text!r}: want SRC-TGT, e.g. en-ko or zh-Hant-en")
