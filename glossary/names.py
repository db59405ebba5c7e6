"""Chinese names: person, place or organisation, modern or historical.

Input: a term's traditional form, what the extractor saw it as (``kind``),
and the English printed beside it. Output: a :class:`NameClass`, which the
Korean reading uses to follow the Korean standard for Chinese names
(외래어 표기법 제4장 제2절): a person of modern times (after the 1911
revolution) and a current place are written by the Mandarin sound
(習近平 시진핑, 廣東省 광둥성), a person of earlier times and a historical
place keep the Sino-Korean reading (孔子 공자, 長安 장안); organisations keep
the reading (國務院 국무원).

Each signal is a small function ``(trad, kind, english) -> NameClass | None``
in :data:`SIGNALS`, tried in order; the first that decides wins:

1. ``convention``: the names Korean writers print by convention
   (香港 홍콩, 澳門 마카오; ``data/name_overrides.tsv``);
2. ``clause``: a Chinese clause or title (關於…的決定) is no name and gets
   no character reading;
3. ``dictionary``: CC-CEDICT's proper-noun entries: life dates in the gloss
   (``Zheng He (1371-1433)``), place words (``Heilongjiang Province``),
   organisation words (``State Council``), markers of the past (``ancient``);
4. ``english``: the English beside the term spells its pinyin as a name
   (``Xi Zhongxun`` for 習仲勳, ``Guangdong Province`` for 廣東省);
5. ``admin_suffix``: a known place + 省 市 縣 區 自治區 (深圳市);
6. ``institution``: an organisation's head word (委員會, 部, 院, 局);
7. ``surname``: a surname from ``data/surnames.tsv`` and a given name that
   is no word (李強, 丁薛祥), only when nothing says it is a term;
8. ``seen_as_name``: the extractor saw a short name nothing else knows.

:func:`name_head` finds a name a term begins with (毛澤東思想, 上海合作組織).

Hand-written: no library classifies Chinese proper nouns for the Korean
standard, and the rules are few and need to be read and tested one by one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from glossary.dictionary import FIRM_SENSE_WORDS

_DATA = Path(__file__).parent / "data"

#: What a name is (``NameClass.category``).
CATEGORIES = ("person", "place", "institution", "company", "title", "foreign", "japanese", "clause", "term")

#: Administrative suffixes read by their hanja reading after a transcribed
#: place (廣東省 광둥성, 深圳市 선전시), longest first; so are the common
#: nouns of landforms after a place's name, as Korean writers print them
#: (長江三角洲 창장삼각주, 臺灣海峽 대만해협, 西沙群島 시사군도, 遼東半島 랴오둥반도).
ADMIN_SUFFIXES = (
    "特別行政區", "自治區", "自治州", "自治縣", "自治旗", "三角洲", "新區", "海峽", "群島", "列島", "半島", "盆地",
    "高原", "平原", "省", "市", "縣", "區", "鎮", "鄉", "村",
)  # fmt: skip

#: Head words of organisations: they keep the hanja reading (外交部 외교부).
INSTITUTION_HEADS = (
    "委員會", "常務委員會", "代表大會", "辦公廳", "辦公室", "人民法院", "檢察院", "研究院", "研究所", "科學院",
    "大學", "銀行", "中央", "政府", "協會", "學會", "聯合會", "總會", "院", "部", "局", "署", "廳", "委", "辦", "報", "網",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NameClass:
    """What a term is, for its Korean form.

    ``proper`` is the part to transcribe and ``suffix`` the administrative
    suffix read in hanja (廣東 + 省); ``pinyin`` the proper part's pinyin
    when a source gave it; ``korean`` a conventional Korean form.

    >>> NameClass("place", "modern", "dictionary", proper="廣東", suffix="省").suffix
    '省'
    """

    category: str  # one of CATEGORIES
    era: str = ""  # "modern" | "historical" | "" (not a person or place)
    signal: str = ""  # the signal that decided
    proper: str = ""
    suffix: str = ""
    pinyin: str = ""  # space-separated syllables, tone numbers or marks
    korean: str = ""  # a conventional Korean form (홍콩)

    @property
    def transcribed(self) -> bool:
        """Whether Korean writers print this name by its Mandarin sound."""
        return self.category in ("person", "place", "company") and self.era == "modern" or bool(self.korean)


# ------------------------------------------------------------------ data


@cache
def _table(name: str) -> dict[str, tuple[str, ...]]:
    table = {}
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, *rest = line.split("\t")
            table[key] = tuple(rest)
    return table


def surnames() -> dict[str, str]:
    """Chinese surname (traditional) -> its pinyin where it is not the usual reading, else "".

    >>> surnames()["習"], surnames()["曾"], "歐陽" in surnames()
    ('', 'zēng', True)
    """
    return {k: (v[0] if v else "") for k, v in _table("surnames.tsv").items()}


def conventional_form(trad: str) -> tuple[str, str] | None:
    """(Korean form, what) for a name Korean writers print by convention, else None.

    >>> conventional_form("香港"), conventional_form("北京"), conventional_form("台灣")
    (('홍콩', 'place'), None, ('대만', 'place'))
    """
    table = _table("name_overrides.tsv")
    # 台 is the everyday spelling of 臺 in names (台灣, 台北); the table holds the standard form.
    row = table.get(trad) or table.get(trad.replace("台", "臺"))
    return (row[0], row[1]) if row else None


# ------------------------------------------------------- CC-CEDICT glosses

_YEARS = re.compile(
    r"\((?:c\. ?|born |reigned (?:as child )?)?(\d{1,4})(\s*BC)?\s*[-–]\s*(?:c\. ?)?(\d{1,4})?(\s*BC)?[),;]"
)
_SEE = re.compile(r"^(?:see|variant of|same as|abbr\. for|full name) ([^\s|\[,;]+)(?:\|[^\s\[,;]+)?")
# Another name of a person the dictionary describes under its main name: 孫文 "the original
# name of 孫中山 …", 墨翟 "original name of Mozi 墨子": the person's dates are there.
_NAME_OF = re.compile(r"^(?:the )?(?:original|courtesy|personal|pen) name (?:of|for) [^\u3400-\u9fff|\[]{0,40}?([\u3400-\u9fff]+)")
_PLACE_WORDS = re.compile(
    r"\b(province|municipality|city|prefecture|county|district|autonomous region|region|SAR|"
    r"special administrative region|town|township|village|river|lake|mountains?|Mt|island|islands|sea|bay|"
    r"gate|square|new area|area|port|desert|plateau|basin|peninsula|strait|gorge|capital)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(ancient|old name|former name|old term|pre-\w+ name|historical|now called|BC|dynasty|kingdom|"
    r"Warring States|Spring and Autumn|Three Kingdoms|emperor|empress)\b",
    re.IGNORECASE,
)
_INSTITUTION_WORDS = re.compile(
    r"\b(ministry|council|committee|commission|congress|party|bureau|office|department|administration|"
    r"agency|court|procuratorate|army|academy|university|bank|association|federation|league|"
    r"newspaper|daily|journal|magazine|news agency|television|radio|times|news|post|press|review|tribune|online)\b",
    re.IGNORECASE,
)
_COMPANY_WORDS = re.compile(rf"\b({FIRM_SENSE_WORDS})\b", re.IGNORECASE)
#: A firm of another country (Sony "Japanese electronics company", Ford "US car make"): never by its Mandarin sound.
_FOREIGN_FIRM = re.compile(r"\b(?:US|USA|U\.S\.|UK)\b")
_FOREIGN = re.compile(
    r"\b(Korean?|Korea|Japan(?:ese)?|German|Russian|Soviet|American|British|English|French|Italian|Spanish|"
    r"Greek|Roman|Dutch|Polish|Austrian|Swedish|Vietnamese|Indian|Mongolian|Persian|Arab|Indonesian|Thai)\b"
)
# A place abroad: Korean writers print it by its own language (지바현, 평양), never by Mandarin.
_ABROAD = re.compile(
    r"(?:,|\bin|\bof|\bcapital of) (?:the )?(?:South |North )?(Japan|Korea|USA|US|United States|America|France|"
    r"Germany|Russia|India|Vietnam|Mongolia|Thailand|Myanmar|Burma|Indonesia|Malaysia|Philippines|England|"
    r"Britain|UK|Italy|Spain)\b"
)
_CHINA = re.compile(r"\b(China|Chinese|PRC|Taiwan|Hong Kong|Macao|Macau|Tibet|Xinjiang)\b")
#: Modern times, for the standard, begin with the 1911 revolution (신해혁명).
MODERN_FROM = 1911


def _is_name_pinyin(pinyin: str) -> bool:
    return any(s[:1].isupper() for s in pinyin.split())


def _fold_latin(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower().replace("ü", "v").replace("u:", "v"))


def _pinyin_key(pinyin: str) -> str:
    from glossary.transcription import toneless

    return "".join(toneless(s) for s in pinyin.split())


def _first_senses(trad: str) -> list[tuple[str, str]]:
    """(sense, pinyin) of the term's proper-noun entries, "see X" references followed once."""
    from glossary.dictionary import lookup_entries

    out = []
    for entry in lookup_entries(trad):
        if not _is_name_pinyin(entry.pinyin):
            continue
        for sense in entry.senses:
            m = _SEE.match(sense) or _NAME_OF.match(sense)
            if m:
                for target in lookup_entries(m.group(1)):
                    if _is_name_pinyin(target.pinyin):
                        out += [(s, entry.pinyin) for s in target.senses[:1]]
            else:
                out.append((sense, entry.pinyin))
    return out


_ABBREVIATION = re.compile(r"^(?:[^(/]*\()?abbr\. for ([\u3400-\u9fff]+)")


def abbreviation_of(trad: str) -> str | None:
    """The full name a place name abbreviates, when CC-CEDICT's first sense says so, else None.

    Korean writers print the full name's Korean form for it: 長三角 창장삼각주, 臺海 대만해협.

    >>> abbreviation_of("長三角"), abbreviation_of("臺海"), abbreviation_of("北京")
    ('長江三角洲', '台灣海峽', None)
    """
    from glossary.dictionary import lookup_entries

    for entry in lookup_entries(trad):
        if _is_name_pinyin(entry.pinyin) and entry.senses:
            m = _ABBREVIATION.match(entry.senses[0])
            if m and len(m.group(1)) > len(trad):
                return m.group(1)
    return None


def _translated_name(trad: str) -> bool:
    """Whether CC-CEDICT knows the term as a proper noun by a name of another language: European
    Union (歐盟), Belarus (白俄), Philadelphia (費城); not by its own pinyin (Zhang Wei).

    Such a name is no Chinese person a surname may be guessed from (歐 Ou + 盟): Korean writers do not
    print it by its Mandarin sound (어우멍, 바이어, 페이청).

    >>> _translated_name("歐盟"), _translated_name("白俄"), _translated_name("習近平"), _translated_name("丁薛祥")
    (True, True, False, False)
    """
    senses = _first_senses(trad)
    return bool(senses) and not any(_fold_latin(sense).startswith(_fold_latin(_pinyin_key(pinyin))[:4])
                                    for sense, pinyin in senses)


def _has_common_entry(term: str) -> bool:
    from glossary.dictionary import lookup_entries

    return any(not _is_name_pinyin(e.pinyin) for e in lookup_entries(term))


# Only the year of death: "Zhao Yun (-229), general of Shu".
_DIED = re.compile(r"\([-–](\d{1,4})(\s*BC)?\)")


def _dates(sense: str) -> re.Match[str] | None:
    """The life dates of a person's gloss: (born-died), (born-), or (-died) alone."""
    return _YEARS.search(sense) or _DIED.search(sense)


def _person_era(sense: str) -> str | None:
    """"modern" or "historical" from a person's life dates in a gloss; None when none are given.

    >>> _person_era("Xi Jinping (1953-), PRC politician"), _person_era("Zhao Yun (-229), general of Shu")
    ('modern', 'historical')
    """
    m = _dates(sense)
    if not m:
        return None
    if m.re is _DIED:
        return "historical" if m.group(2) or int(m.group(1)) <= MODERN_FROM else "modern"
    start, start_bc, end, end_bc = m.groups()
    if start_bc or end_bc:
        return "historical"
    last = int(end) if end else int(start) + 60  # born in ... (still living)
    return "modern" if last > MODERN_FROM else "historical"


def _classify_sense(sense: str, pinyin: str, trad: str) -> NameClass | None:
    era = _person_era(sense)
    head = " ".join(sense.split()[:8])
    if era is not None and _dates(sense).start() < 60:  # a person: "Name (1953-), ..."
        name = sense[: _dates(sense).start()].strip(" ,")
        if _FOREIGN.search(sense) and _fold_latin(name)[-len(_pinyin_key(pinyin)) :] != _pinyin_key(pinyin):
            category = "japanese" if re.search(r"\bJapan(ese)?\b", sense) and era == "modern" else "foreign"
            return NameClass(category, era, "dictionary", proper=trad, pinyin=pinyin)
        return NameClass("person", era, "dictionary", proper=trad, pinyin=pinyin)
    if _COMPANY_WORDS.search(head):
        if _FOREIGN.search(head) or _FOREIGN_FIRM.search(head):
            return NameClass("foreign", "modern", "dictionary", proper=trad, pinyin=pinyin)
        return NameClass("company", "modern", "dictionary", proper=trad, pinyin=pinyin)
    if _INSTITUTION_WORDS.search(head) and not _PLACE_WORDS.search(" ".join(sense.split()[:2])):
        return NameClass("institution", "", "dictionary")
    if _PLACE_WORDS.search(head):
        if _ABROAD.search(sense) and not _CHINA.search(sense):
            category = "japanese" if _ABROAD.search(sense).group(1) == "Japan" else "foreign"
            return NameClass(category, "modern", "dictionary", proper=trad, pinyin=pinyin)
        era = "historical" if _PAST.search(head) else "modern"
        return NameClass("place", era, "dictionary", proper=trad, pinyin=pinyin)
    if _PAST.search(head):  # a dynasty, an era, a historical person without dates
        return NameClass("person" if "emperor" in head.lower() else "term", "historical", "dictionary")
    return None


# ---------------------------------------------------------------- signals

Signal = Callable[[str, str | None, tuple[str, ...]], NameClass | None]


def convention(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """Names Korean writers print by convention (香港 홍콩, 求是 치우스).

    >>> convention("澳門", None, ()).korean
    '마카오'
    """
    found = conventional_form(trad)
    if found is None:
        return None
    korean, what = found
    category = what if what in CATEGORIES else "place"
    proper, suffix = split_admin_suffix(trad)
    return NameClass(category, "modern", "convention", proper=proper, suffix=suffix, korean=korean)


_GRAMMAR_PIECES = frozenset("的了著把被與及或於而並")
_CLAUSE_MARKS = re.compile(r"[、，,;；：:。！？!?《》〈〉「」『』“”\"…]")
#: A term this long that is no dictionary word and no organisation is a phrase, not a term.
CLAUSE_LENGTH = 12


def clause(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """A Chinese clause or title: punctuation inside, a grammatical word, or very long.

    Korean writers translate these (關於…的決定 -> …에 관한 결정); a character
    reading of Chinese grammar is printed by nobody.

    >>> clause("關於進一步全面深化改革、推進中國式現代化的決定", None, ()).category
    'clause'
    >>> clause("人類命運共同體", None, ()) is None
    True
    """
    from glossary.readings import load_dictionary, segment

    if _CLAUSE_MARKS.search(trad):
        return NameClass("clause", signal="clause")
    d = load_dictionary()
    if d.word(trad) is not None:
        return None
    pieces = segment(trad)
    if any(p in _GRAMMAR_PIECES for p in pieces[1:-1]) or (len(pieces) > 1 and pieces[-1] == "的"):
        return NameClass("clause", signal="clause")
    if kind == "title" and len(trad) > 4:
        return NameClass("clause", signal="clause")
    if len(trad) >= CLAUSE_LENGTH and not trad.endswith(INSTITUTION_HEADS):
        return NameClass("clause", signal="clause")
    return None


def dictionary(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """CC-CEDICT's proper-noun entries: who or what the gloss says the name is.

    A headword that is also a common word (開封 to open; 明朝 tomorrow
    morning) counts as a name only when the extractor saw a name.

    >>> dictionary("習近平", None, ()).era, dictionary("鄭和", None, ()).era
    ('modern', 'historical')
    >>> dictionary("黑龍江省", None, ()).category, dictionary("國務院", None, ()).category
    ('place', 'institution')
    """
    if kind != "name" and _has_common_entry(trad):
        return None
    for sense, pinyin in _first_senses(trad):
        found = _classify_sense(sense, pinyin, trad)
        if found is not None:
            if found.category == "place":
                proper, suffix = split_admin_suffix(trad)
                if suffix:
                    n = len(proper)
                    syllables = pinyin.split()
                    return NameClass("place", found.era, "dictionary", proper, suffix, " ".join(syllables[:n]))
            return found
    return None


_ENGLISH_ADMIN = re.compile(
    r"\s+(province|city|county|district|autonomous region|municipality|special administrative region|new area|"
    r"town|township|village)$",
    re.IGNORECASE,
)


def english(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """The English beside the term spells its pinyin as a name: ``Xi Zhongxun``, ``Guangdong Province``.

    Only capitalised English counts (policy terms are often given in pinyin
    too: ``tangping``), and a bare word only for a name or a surname.

    >>> english("習仲勳", None, ("Xi Zhongxun",)).category
    'person'
    >>> english("躺平", "term", ("tangping",)) is None
    True
    >>> english("高鐵", "term", ("Gaotie",)) is None  # capitalised pinyin of a term
    True
    """
    from glossary.readings import pinyin_reading

    for text in english:
        text = text.strip()
        words = re.findall(r"[A-Za-zÀ-ɏ'’-]+", text)
        if not words or not all(w[:1].isupper() for w in words):
            continue
        admin = _ENGLISH_ADMIN.search(text)
        proper, suffix = split_admin_suffix(trad)
        if admin and suffix:
            pinyin = pinyin_reading(proper)
            if _fold_latin(text[: admin.start()]) == _pinyin_key(pinyin):
                return NameClass("place", "modern", "english", proper, suffix, pinyin)
        pinyin = name_pinyin(trad)
        if _fold_latin(text) != _pinyin_key(pinyin):
            continue
        # Pinyin written like a name: a surname, then a given name (Xi Zhongxun); English texts
        # also capitalise the pinyin of terms (Gongtong Fuyu), which never starts with a surname
        # and a given name of one or two characters.
        family = _surname_of(trad)
        is_person = family is not None and 2 <= len(words) <= 3 and len(trad) <= len(family) + 2
        if kind == "name" or is_person:
            return NameClass("person" if is_person else "place", "modern", "english", proper=trad, pinyin=pinyin)
    return None


def admin_suffix(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """A known current place and an administrative suffix: 深圳市, 西藏自治區.

    >>> admin_suffix("西藏自治區", None, ())
    NameClass(category='place', era='modern', signal='admin_suffix', proper='西藏', suffix='自治區', pinyin='Xi1 zang4', korean='')
    """
    proper, suffix = split_admin_suffix(trad)
    if not suffix:
        return None
    inner = dictionary(proper, "name", ())
    if inner is None or inner.category != "place" or inner.era != "modern":
        return None
    return NameClass("place", "modern", "admin_suffix", proper, suffix, inner.pinyin)


def institution(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """An organisation's head word ends the term (外交部, 中央委員會): the reading stays.

    >>> institution("國家發展和改革委員會", None, ()).category
    'institution'
    """
    if len(trad) >= 3 and trad.endswith(INSTITUTION_HEADS):
        return NameClass("institution", signal="institution")
    return None


# Characters that end terms, not given names (現代化, 主權, 供給側).
_TERM_ENDINGS = frozenset("化性論式型制法權線路站業界者家們學費側港區市省縣黨部委院局署會社辦主義")


def _surname_of(trad: str) -> str | None:
    table = surnames()
    for n in (2, 1):
        if len(trad) > n and trad[:n] in table:
            return trad[:n]
    return None


def surname(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """A surname and a given name that is no word: a modern person (李強 리창, 丁薛祥 딩쉐샹).

    Tried only when the term is not known as a term: not a dictionary word,
    its given name no common word, its first two characters no common word
    (高鐵站 is no person), its last character no term ending (全過程化).

    >>> surname("丁薛祥", None, ()).category, surname("高質量", None, ())
    ('person', None)
    """
    from glossary.readings import load_dictionary

    if kind not in (None, "name"):
        return None
    family = _surname_of(trad)
    if family is None or not 2 <= len(trad) <= len(family) + 2:
        return None
    given = trad[len(family) :]
    if kind is None:
        # libhangul lists famous Chinese of the last century by their reading
        # (葉劍英 엽검영), so only its two-character words count as words here.
        if _has_common_entry(trad) or len(trad) == 2 and load_dictionary().word(trad) is not None:
            return None
        if len(given) == 2 and _has_common_entry(given):
            return None
        if len(family) == 1 and len(trad) == 3 and _has_common_entry(trad[:2]):
            return None
        if trad[-1] in _TERM_ENDINGS:
            return None
    if _translated_name(trad):
        return None
    return NameClass("person", "modern", "surname", proper=trad, pinyin=name_pinyin(trad))


def seen_as_name(trad: str, kind: str | None, english: tuple[str, ...]) -> NameClass | None:
    """The extractor saw a name that no other signal knows: a short one is transcribed (阿凡提 아판티).

    Names in texts about China are mostly modern (persons, places,
    companies); historical ones are in the dictionary, which was asked first.

    >>> seen_as_name("阿凡提", "name", ()).era, seen_as_name("阿凡提", "term", ()), seen_as_name("子夜觀察", "name", ())
    ('modern', None, None)
    >>> seen_as_name("白俄", "name", ("Belarus",)), seen_as_name("阿凡提", "name", ("Afanti",)).era
    (None, 'modern')
    """
    from glossary.readings import load_dictionary, segment

    if kind != "name" or not 2 <= len(trad) <= 4:
        return None
    pieces = segment(trad)
    if len(pieces) > 1 and all(load_dictionary().word(p) is not None for p in pieces):
        return None  # words put together (子夜 + 觀察): a column or a programme, read
    if english and _translated_name(trad) and not any(_fold_latin(e) == _pinyin_key(name_pinyin(trad)) for e in english):
        return None  # the European Union (歐盟), Belarus (白俄): the text and the dictionary name it in another language
    return NameClass("person", "modern", "kind", proper=trad, pinyin=name_pinyin(trad))


#: The signals, in the order they are tried.
SIGNALS: tuple[Signal, ...] = (
    convention,
    clause,
    dictionary,
    english,
    admin_suffix,
    institution,
    surname,
    seen_as_name,
)


def name_head(trad: str) -> tuple[NameClass, str] | None:
    """A modern person, current place, firm or a name of the convention table the term begins with, and the
    rest: 毛澤東 + 思想, 阿里巴巴 + 集團, 聯合國 + 大會.

    Only names the dictionary or the convention table knows count (a surname
    guess would find persons in every term), and the rest must be a word or
    two (two characters or more).

    >>> found, rest = name_head("鄧小平理論")
    >>> found.proper, rest
    ('鄧小平', '理論')
    >>> name_head("中國夢") is None
    True
    """
    for n in range(min(6, len(trad) - 2), 1, -1):
        head = trad[:n]
        found = convention(head, None, ()) or dictionary(head, None, ())
        if found is not None and found.transcribed and (found.category in ("person", "place", "company") or found.korean):
            return found, trad[n:]
    return None


def split_admin_suffix(trad: str) -> tuple[str, str]:
    """(proper name, administrative suffix) of a place name; (trad, "") without a suffix.

    >>> split_admin_suffix("廣東省"), split_admin_suffix("新疆維吾爾自治區"), split_admin_suffix("城市")
    (('廣東', '省'), ('新疆維吾爾', '自治區'), ('城市', ''))
    """
    for suffix in ADMIN_SUFFIXES:
        if trad.endswith(suffix) and len(trad) - len(suffix) >= 2:
            return trad[: -len(suffix)], suffix
    return trad, ""


def name_pinyin(trad: str) -> str:
    """Pinyin of a name: CC-CEDICT's for a proper-noun entry, else pypinyin's with surname readings.

    >>> name_pinyin("重慶"), name_pinyin("單小明")
    ('Chong2 qing4', 'shàn xiǎo míng')
    """
    from glossary.dictionary import lookup_entries
    from glossary.readings import pinyin_reading

    for entry in lookup_entries(trad):
        if _is_name_pinyin(entry.pinyin) and len(entry.pinyin.split()) == len(trad):
            return entry.pinyin
    family = _surname_of(trad)
    if family is not None and surnames()[family]:
        return f"{surnames()[family]} {pinyin_reading(trad[len(family) :])}"
    return pinyin_reading(trad)


def classify(trad: str, *, kind: str | None = None, english: tuple[str, ...] = ()) -> NameClass:
    """What the term is: the first signal that decides, else a term.

    ``kind`` is the occurrence kind when known (``name``, ``term``,
    ``title``); ``None`` for a term with no text around it.

    >>> classify("毛澤東").era, classify("長安").era, classify("以舊換新").category
    ('modern', 'historical', 'term')
    """
    from glossary.readings import _HANZI_RUN

    if not trad or re.search(r"[0-9A-Za-z가-힣ㄱ-ㆎ]", trad) or not _HANZI_RUN.search(trad):
        return NameClass("term")  # mixed Korean text, numbers, Latin: read as written
    for signal in SIGNALS:
        found = signal(trad, kind, english)
        if found is not None:
            return found
    return NameClass("term")
