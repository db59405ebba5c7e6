"""CC-CEDICT gloss dictionary: the ``dictionary`` and ``literal`` gloss sources.

Input: a CJK term (traditional or simplified). Output: English.

1. :func:`lookup_entries` finds the CC-CEDICT entries of the whole term, by the
   form as written, else by its simplified form (:func:`glossary.normalize.to_simplified`).
2. :func:`dictionary_renderings` offers their senses cleaned for a
   translator by :mod:`glossary.senses` (``Xi Jinping``, note ``1953–, PRC
   politician``; the ``(USA)`` sense of 國務院 left out), with "variant of" /
   "see" references followed. Proper-noun entries (capitalised pinyin) give
   way to common-word entries of the same headword unless the term is a name.
3. :func:`segment_words` splits a term no entry covers into the fewest
   dictionary words, and :func:`literal_gloss` joins one short sense per word
   ("common + prosperous"): a hint for the translator, never a translation.

The data is ``data/cedict.tsv.gz`` (CC-CEDICT by MDBG, CC BY-SA 4.0), compiled
by ``scripts/build_cedict.py``, and read on demand from its compiled form
``data/dictionaries.sqlite`` (``scripts/build_datastore.py``), so importing
this module costs nothing and a lookup reads only the pages it needs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from glossary.memo import persistent
from glossary.model import Rendering
from glossary.normalize import fold, to_simplified

# glossary.senses compiles some sixty patterns when imported (22 ms: the CJK
# ranges in them cost 2-4 ms each); a lookup of a term in no dictionary never
# cleans a sense, so it is imported where a sense is cleaned.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from glossary import senses

#: The compiled CC-CEDICT (``scripts/build_cedict.py``).
DATA_PATH = Path(__file__).parent / "data" / "cedict.tsv.gz"

#: Terms (and their words) whose entries, senses and readings stay in memory: a build asks about a term
#: several times while it builds its entry (renderings, literal gloss, name checks), not again later;
#: a bound keeps memory flat in the number of terms.
_RECENT = 8192

#: Joins the parts of a literal gloss.
LITERAL_JOINER = " + "
#: Joins the groups of a literal gloss split by punctuation (、，).
LITERAL_GROUP_JOINER = "; "
#: A literal part longer than this is a definition, not a gloss; a shorter sense is preferred.
LITERAL_MAX_WORDS = 4

# A capitalised syllable with a tone number ("Liang3", "Fu4") marks a proper
# noun; "3D打印 [san1 D da3 yin4]" has a Latin letter without a tone, not a name.
_NAME_SYLLABLE = re.compile(r"^[A-Z][a-z:]*[1-5]$")

_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_SYNONYMS = re.compile(r";\s*")
_INFINITIVE = re.compile(r"^to (?=\w)")
#: Senses that are no part of a literal gloss: abbreviations, classifiers, "one of the ...".
_NOT_LITERAL = re.compile(r"^(?:abbr\.|abbreviation|classifier|one of the)\b")
# Punctuation that splits a long term (a title) into groups of words.
_GROUP_BREAKS = frozenset("、，,;；:：·・")


#: What CC-CEDICT's gloss of a firm says it is (a regex alternation): a company or brand, or one of the
#: apps, platforms and websites China's internet firms are named by (Baidu "Internet portal and search
#: engine", Douyin "app", Weibo "social media platform"), a car maker (Geely "car make").
FIRM_SENSE_WORDS = (
    r"company|corporation|brand|conglomerate|manufacturer|e-commerce|car make|carmaker|automaker|app|platform|"
    r"website|(?:web|internet) portal|search engine|social network(?:ing)?|microblogging|messaging service|"
    r"video[- ](?:sharing|hosting)"
)


@dataclass(frozen=True, slots=True)
class CedictEntry:
    """One CC-CEDICT entry.

    >>> CedictEntry("兩會", "两会", "Liang3 hui4", ("National People's Congress",)).is_name
    True
    """

    trad: str
    simp: str
    pinyin: str  # numbered, as in CC-CEDICT: "Liang3 hui4"
    senses: tuple[str, ...]  # raw
    #: its line in the compiled CC-CEDICT (-1: made by hand), where its cleaned senses are stored
    line: int = field(default=-1, compare=False, repr=False)

    @property
    def is_name(self) -> bool:
        """Whether CC-CEDICT marks the entry as a proper noun (capitalised pinyin)."""
        return any(_NAME_SYLLABLE.match(syllable) for syllable in self.pinyin.split())


@cache
def _data() -> tuple[Mapping[str, int | list[int]], Sequence[str], dict[str, str], int]:
    """Headword (traditional and simplified) -> line number(s); the entry lines; header; longest headword.

    Read on demand from the compiled ``data/dictionaries.sqlite``
    (:mod:`glossary.datastore`): opening it costs a millisecond, and each
    headword looked up reads a page or two, so a text with a few terms never
    loads the 124,000 entries.
    """
    from glossary import datastore

    meta = datastore.meta()
    return datastore.cedict_keys(), datastore.cedict_lines(), meta, int(meta["cedict_longest"])


def cedict_version() -> str:
    """Release date of the shipped CC-CEDICT data, for notices and index metadata.

    >>> cedict_version()[:4] >= "2025"
    True
    """
    return _data()[2].get("date", "")


def _entries(form: str) -> tuple[CedictEntry, ...]:
    """Entries with ``form`` as a headword; those with it as the traditional headword first.

    局 is the traditional headword of 局 (office) and the simplified one of 侷
    (narrow): a text that writes 局 means the former first.
    """
    index, lines, _, _ = _data()
    found = index.get(form, ())
    rows = [(n, *lines[n].split("\t", 3)) for n in ((found,) if isinstance(found, int) else found)]
    rows.sort(key=lambda row: row[1] != form)
    return tuple(CedictEntry(t, s, p, tuple(senses.split("/")), n) for n, t, s, p, senses in rows)


@lru_cache(maxsize=_RECENT)  # a term and its words are looked up, segmented and read: each asks again
def _simplified(text: str) -> str:
    """Simplified form of ``text``, char for char, or ``text`` if OpenCC changes its length."""
    simp = to_simplified(text) if text.strip() else text
    return simp if len(simp) == len(text) else text


@lru_cache(maxsize=_RECENT)
def lookup_entries(term: str) -> tuple[CedictEntry, ...]:
    """CC-CEDICT entries for the whole term, in file order.

    The form as written is matched against both headwords first, so 乾 finds
    only 乾 (dry), not every character that simplifies to 干; only a form
    CC-CEDICT lacks is looked up by its simplified form.

    >>> [e.pinyin for e in lookup_entries("兩會")]
    ['Liang3 hui4']
    """
    folded = fold(term)
    if not folded:
        return ()
    return _entries(folded) or _entries(_simplified(folded))


def is_name_entry(term: str) -> bool:
    """Whether every CC-CEDICT entry of the term is a proper noun (capitalised pinyin).

    >>> is_name_entry("諸葛"), is_name_entry("王")
    (True, False)
    """
    entries = lookup_entries(term)
    return bool(entries) and all(e.is_name for e in entries)


def has_common_entry(term: str) -> bool:
    """Whether CC-CEDICT also has a common-word entry for the term (小米 "millet" beside Xiaomi).

    >>> has_common_entry("小米"), has_common_entry("習近平")
    (True, False)
    """
    return any(not e.is_name for e in lookup_entries(term))


def clean_sense(sense: str, *, is_name: bool = False) -> str | None:
    """One raw CC-CEDICT sense made fit to paste, or None if it offers nothing.

    The renderings :func:`glossary.senses.clean_sense` cuts out of it,
    joined with "; " (what was moved out is in their notes); None for
    classifier lists, cross-references, usage and pronunciation notes and
    (unless the term is a name) surname senses.

    >>> clean_sense("National People's Congress (NPC) (abbr. for 全國人民代表大會|全国人民代表大会[Quan2 guo2 Ren2 min2 Dai4 biao3 Da4 hui4])")
    "National People's Congress"
    >>> clean_sense("CL:個|个[ge4]") is None, clean_sense("surname Wang") is None
    (True, True)
    """
    from glossary import senses

    texts = [c.text for c in senses.offered(senses.clean_sense(sense), is_name=is_name)]
    return "; ".join(texts) or None


def _preferred(entries: tuple[CedictEntry, ...], *, is_name: bool) -> tuple[CedictEntry, ...]:
    """The entries that speak of what the term is: the proper-noun ones for a name, the common-word ones for
    anything else; all of them when there are none of that kind.

    A firm or a person named with a common word (小米 Xiaomi, "millet"; 吉利 Geely, "auspicious"; 聯想 Lenovo,
    "to associate") is not also its word in a translator's English column.
    """
    chosen = tuple(e for e in entries if e.is_name == is_name)
    return chosen or entries


def _follow(sense: senses.CleanSense) -> tuple[CedictEntry, ...]:
    """Entries a reference ("see X", "variant of X", "abbr. for X") points to."""
    if not sense.ref:
        return ()
    targets = _entries(sense.ref) or _entries(_simplified(sense.ref))
    if sense.ref_pinyin:
        same = tuple(e for e in targets if e.pinyin.lower() == sense.ref_pinyin.lower())
        targets = same or targets
    return targets


def _clean_senses(entries: tuple[CedictEntry, ...], *, is_name: bool, depth: int = 2) -> tuple[senses.CleanSense, ...]:
    """The offered senses of ``entries``, references followed in place.

    An entry that is only "variant of X" / "see X" means what X means. A
    reference beside other senses is followed only when it names a longer
    form of the term itself (黑龍江 "see 黑龍江省": the province); a single
    character's "see 葡萄" says where it is used, not what it means.
    """
    if not entries:
        return ()
    from glossary import senses

    out: list[senses.CleanSense] = []
    for entry in _preferred(entries, is_name=is_name):
        cleaned = _cleaned(entry)
        alone = not senses.offered(cleaned, is_name=is_name)
        for sense in cleaned:
            if sense.kind == "reference" and depth and sense.ref:
                longer = len(entry.trad) > 1 and sense.ref.startswith((entry.trad, entry.simp)) and sense.ref != entry.trad
                if alone or longer:
                    out += _clean_senses(_follow(sense), is_name=is_name, depth=depth - 1)
                continue
            out.append(sense)
    return senses.offered(out, is_name=is_name)


def _cleaned(entry: CedictEntry) -> list[senses.CleanSense]:
    """What :func:`glossary.senses.clean_sense` makes of each sense of ``entry``, in order.

    Read from the compiled file when it was built by the installed
    ``senses.py`` (:func:`glossary.datastore.stored_senses`), cleaned here otherwise.
    """
    from glossary import datastore, senses

    stored = datastore.stored_senses(entry.line) if entry.line >= 0 else None
    if stored is None:
        return [c for raw in entry.senses for c in senses.clean_sense(raw)]
    return [c for raw, kept in zip(entry.senses, stored) for c in senses.from_stored(raw, kept)]  # type: ignore[arg-type]


def _senses(entries: tuple[CedictEntry, ...], *, is_name: bool, follow: bool) -> list[str]:
    return [c.text for c in _clean_senses(entries, is_name=is_name, depth=2 if follow else 0)]


def dictionary_senses(term: str, *, is_name: bool = False) -> tuple[str, ...]:
    """Clean CC-CEDICT senses of the whole term, most common reading first.

    Why: the ``dictionary`` gloss source; only a whole-term entry counts, parts
    belong to :func:`literal_gloss`. Surname and proper-noun senses are skipped
    when the headword also has a common-word entry (富裕 is "prosperous", not
    Fuyu county), unless ``is_name``.

    >>> dictionary_senses("兩會")
    ("National People's Congress and Chinese People's Political Consultative Conference",)
    """
    return tuple(c.text for c in _term_senses(term, is_name=is_name))


@lru_cache(maxsize=_RECENT)
def _term_senses(term: str, *, is_name: bool) -> tuple[senses.CleanSense, ...]:
    return _clean_senses(lookup_entries(term), is_name=is_name)


@persistent
def dictionary_renderings(term: str, *, is_name: bool = False) -> tuple[Rendering, ...]:
    """:func:`dictionary_senses` as renderings with source ``dictionary``.

    >>> dictionary_renderings("共同體")
    (Rendering(text='community', source='dictionary', count=0, documents=(), also=(), note=None, raw=None, kind=None),)
    """
    return tuple(
        Rendering(c.text, "dictionary", note=c.note, raw=c.raw if c.raw != c.text else None)
        for c in _term_senses(term, is_name=is_name)
    )


def _segment(chunk: str) -> list[str]:
    """Fewest dictionary words covering ``chunk``; ties go to the longest last word."""
    index, _, _, longest = _data()
    folded = "".join(fold(ch) or ch for ch in chunk)
    if len(folded) != len(chunk):
        folded = chunk
    simp = _simplified(folded)
    n = len(chunk)
    # best[j] = (words, start of the last word) for chunk[:j]. Longer words are
    # tried first and kept on a tie; a single character always fits. Ties go
    # to the last word as in reverse maximum matching, which resolves more
    # overlaps right than forward matching: 百年大變局 is 百年 + 大 + 變局,
    # not 百年 + 大變 + 局.
    best: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    for j in range(1, n + 1):
        choice = (n + 1, j - 1)
        for i in range(max(0, j - longest), j):
            if best[i][0] + 1 < choice[0] and (i == j - 1 or folded[i:j] in index or simp[i:j] in index):
                choice = (best[i][0] + 1, i)
        best[j] = choice
    words, j = [], n
    while j > 0:
        i = best[j][1]
        words.append(chunk[i:j])
        j = i
    return words[::-1]


def segment_words(term: str) -> tuple[str, ...]:
    """Split a term into CC-CEDICT words: fewest words, ties to the longest last word.

    Why: the parts of a term no entry covers are what a literal gloss is made
    of. Characters no word covers stand alone; runs of non-CJK text
    (spaces, punctuation, Latin) are their own parts. The parts always join
    back to ``term``.

    >>> segment_words("人類命運共同體")
    ('人類', '命運', '共同體')
    """
    parts: list[str] = []
    for chunk in re.findall(r"[^\s]+|\s+", term):
        # Dictionary words may contain Latin letters and digits (3D打印), so a
        # chunk is split only around whitespace here; punctuation is a
        # single character that no CJK word spans.
        parts += _segment(chunk)
    return tuple(parts)


# pypinyin's tone marks as TONE2 digits (``pypinyin.phonetic_symbol``): the few lines of its TONE3
# style are written out here so that the literal gloss does not import pypinyin (0.3 s and 55 MB of
# dictionaries per process); ``tests/test_dictionary.py`` compares every syllable with pypinyin.
_TONE_MARKS = {
    "ā": "a1", "á": "a2", "ǎ": "a3", "à": "a4", "ē": "e1", "é": "e2", "ě": "e3", "è": "e4",
    "ō": "o1", "ó": "o2", "ǒ": "o3", "ò": "o4", "ī": "i1", "í": "i2", "ǐ": "i3", "ì": "i4",
    "ū": "u1", "ú": "u2", "ǔ": "u3", "ù": "u4", "ü": "v", "ǖ": "v1", "ǘ": "v2", "ǚ": "v3", "ǜ": "v4",
    "ń": "n2", "ň": "n3", "ǹ": "n4", "ḿ": "m2", "ế": "ê2", "ề": "ê4",
}
#: The marks written with a combining character (two code points), replaced after the others as pypinyin does.
_TONE_MARKS_2 = {"m\u0304": "m1", "m\u0300": "m4", "ê\u0304": "ê1", "ê\u030c": "ê3"}
_TONE_MARK_RE = re.compile("[" + re.escape("".join(_TONE_MARKS)) + "]")
_TONE3_RE = re.compile(r"^([a-zêü]+)([1-5])([a-zêü]*)$")


@lru_cache(maxsize=4096)  # a few hundred syllables
def _tone3(syllable: str) -> str:
    """pypinyin's TONE3 style with ``neutral_tone_with_five`` of a TONE syllable: "zhōng" -> "zhong1", "de" -> "de5".

    ``ToneConverter.to_tone3`` (marks to digits, the digit moved to the end)
    then ``NeutralToneWith5Mixin`` (a syllable with no digit gets 5).
    """
    value = _TONE_MARK_RE.sub(lambda m: _TONE_MARKS[m.group(0)], syllable)
    for mark, digits in _TONE_MARKS_2.items():
        value = value.replace(mark, digits)
    value = _TONE3_RE.sub(r"\1\3\2", value)
    if value and not re.search(r"\d", value):
        value += "5"
    return value


@lru_cache(maxsize=_RECENT)
def _readings(text: str) -> tuple[str, ...]:
    """Numbered pinyin per character, in context (pypinyin's phrase table picks 會計 kuai4)."""
    from glossary.readings.pinyin_table import TONE, pinyin  # pypinyin's answer, without loading pypinyin

    simp = _simplified(text)
    syllables = pinyin(simp, style=TONE, errors=lambda chars: ["?"] * len(chars))
    if len(syllables) != len(text):
        return ("?",) * len(text)
    # pypinyin styles what it gives a run of hanzi, "?" of a hanzi it has no reading for included ("?5"),
    # and not the "?" of another character.
    hans = _re_hans()
    return tuple(_tone3(s[0]) if hans.match(ch) else s[0] for ch, s in zip(simp, syllables, strict=True))


def _re_hans() -> re.Pattern[str]:
    """pypinyin's ``RE_HANS`` (what it reads as hanzi), from the compiled tables when they answer for pypinyin."""
    from glossary.readings import pinyin_table

    tables = pinyin_table._tables()  # noqa: SLF001 - the pattern the tables were built with
    if tables is not None:
        return tables.re_hans
    from pypinyin.constants import RE_HANS  # another pypinyin version: pinyin_table asks pypinyin itself

    return RE_HANS


_TONES = str.maketrans("", "", "12345")


def _pinyin_key(pinyin: str) -> str:
    return pinyin.lower().replace("u:", "v").replace(" ", "")


def _short(sense: str) -> str:
    """The head of a sense: no parentheticals, first of its "; " synonyms, no "to".

    A leading label goes with the other parentheticals: "(bound form) to
    hasten" -> "hasten", "(of a mountain) high and tapered peak" -> "high and
    tapered peak"; a sense that is all parenthesis ("(used after an
    attribute ...)") is a usage note and gives "".
    """
    sense = _PARENTHETICAL.sub("", sense).strip()
    sense = _SYNONYMS.split(sense)[0].strip(" ,")
    return _INFINITIVE.sub("", sense)


@lru_cache(maxsize=1 << 16)  # the same words (國家, 發展) are parts of many terms
def _literal_part(word: str, reading: str) -> str | None:
    """A short translation-like sense of one word: the first short one of the reading met in context."""
    entries = _preferred(lookup_entries(word), is_name=False)
    # The entry read as in context first; toneless as a fallback, because
    # pypinyin applies tone sandhi (進一步 jin4 yi2 bu4) and CC-CEDICT does not.
    key = _pinyin_key(reading)
    toneless = key.translate(_TONES)
    entries = tuple(
        sorted(entries, key=lambda e: (_pinyin_key(e.pinyin) != key, _pinyin_key(e.pinyin).translate(_TONES) != toneless))
    )
    # The entries' senses are cleaned one entry at a time, up to the first short one: most
    # words have it in their first entry, and single characters have many entries.
    first = None
    for e in entries:
        for s in _senses((e,), is_name=False, follow=True):
            if _NOT_LITERAL.match(s) or not (candidate := _short(s)):
                continue
            if len(candidate.split()) <= LITERAL_MAX_WORDS:
                return candidate
            first = first or candidate
    return first


def literal_gloss(term: str) -> str | None:
    """A gloss composed from the words of a term no dictionary entry covers.

    Why: the ``literal`` gloss source, a hint for terms with no other English
    ("common + prosperous"); wrong as a translation, so it is always marked
    literal. None when the whole term is a dictionary word (its senses are
    the ``dictionary`` source) or when some part has no usable sense.

    >>> literal_gloss("共同富裕")
    'common + prosperous'
    """
    if not term.strip() or lookup_entries(term):
        return None
    words = segment_words(term)
    if len(words) < 2:
        return None
    readings = _readings(term)
    groups: list[list[str]] = [[]]
    start = 0
    for word in words:
        reading = " ".join(readings[start : start + len(word)])
        start += len(word)
        if word.isspace():
            continue
        if all(ch in _GROUP_BREAKS for ch in fold(word) or word):
            groups.append([])
            continue
        part = _literal_part(word, reading)
        if part is None:
            return None
        groups[-1].append(part)
    texts = [LITERAL_JOINER.join(group) for group in groups if group]
    if sum(len(g) for g in groups) < 2:
        return None
    return LITERAL_GROUP_JOINER.join(texts)


@persistent
def literal_rendering(term: str) -> Rendering | None:
    """:func:`literal_gloss` as a rendering with source ``literal``, or None.

    >>> literal_rendering("社會治理")
    Rendering(text='society + govern', source='literal', count=0, documents=(), also=(), note=None, raw=None, kind=None)
    """
    gloss = literal_gloss(term)
    return Rendering(gloss, "literal") if gloss else None
