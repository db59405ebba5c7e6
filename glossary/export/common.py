"""Helpers every export format shares: text cleaning, list cells, language tags.

Nothing here touches the filesystem. Formats are in the sibling modules; the
registry is in :mod:`glossary.export`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from glossary.i18n import gettext
from glossary.model import GlossaryError

#: Language columns/sections in the order every format writes them (BCP 47).
LANGS = ("zh-Hant", "zh-Hans", "ko", "ja", "en")

#: Entry fields a machine computes; they are machine-generated unless curated.
MACHINE_FIELDS = ("ja", "ko", "ko_romanized", "pinyin", "kana", "romaji")

#: Leading characters that make a spreadsheet run a cell as a formula
#: (OWASP "CSV injection"): = + - @, and tab / carriage return, which some
#: spreadsheets skip before looking for one of the others.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_GUARD_FIRST = frozenset("=+-@\t\r'")

# Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates,
# U+FFFE/U+FFFF). A term base is text, so they are dropped, not escaped.
_XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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
    table = _escape_table(sep)
    out = [value.translate(table) for value in values]
    return sep.join(out)


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


def machine_generated(entry: object) -> list[str]:
    """Names of the entry's fields a machine computed (readings, forms, and
    ``en_literal`` for literal glosses): what a translator should check.

    >>> from glossary.model import Entry, Rendering
    >>> machine_generated(Entry(key="两会", trad="兩會", simp="两会", ko="양회", curated=("ko",),
    ...                         pinyin="liǎng huì", en=(Rendering("two meetings", "literal"),)))
    ['pinyin', 'en_literal']
    """
    names = [f for f in MACHINE_FIELDS if getattr(entry, f) and f not in entry.curated]  # type: ignore[attr-defined]
    if any(r.source == "literal" for r in entry.en):  # type: ignore[attr-defined]
        names.append("en_literal")
    return names


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
