"""Step 4: classify what a bracket held: a term, a title or other.

Title brackets (《》) and document endings (…決定, …白皮书, laws in 法) make a
title; sentence punctuation or great length make ``other`` (a quoted
sentence, never a term-base entry).
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.dictionary import FIRM_SENSE_WORDS, has_common_entry
from glossary.extract.chars import RE_SENTENCE_PUNCT
from glossary.extract.sound import letters_of
from glossary.extract.words import NOT_LAWS, SURNAMES, TITLE_ENDINGS


def kind_of(term: str, bracket: str, has_latin_title: bool, content: str = "") -> str:
    if bracket in ("《》", "〈〉", "『』", "≪≫") or has_latin_title:
        return "title"
    if RE_SENTENCE_PUNCT.search(content or term) or len(term) > 20:
        return "other"
    if len(term) >= 2 and term.endswith(("經", "经")) and term not in ("神經", "神经", "經經"):
        return "title"  # classics and scriptures: 書經, 道德經
    if len(term) >= 4 and term.endswith(TITLE_ENDINGS) and (
            len(term) >= 5 or bracket in ("<>", "「」") or term.endswith("文件")
            or term.endswith("法") and not term.endswith(NOT_LAWS)):
        return "title"
    return "term"


def is_clause(pieces: list[str]) -> bool:
    """Whether comma-separated hanzi pieces are the clauses of one sentence, not a list of terms.

    Three or more pieces with a long one, or two long pieces one of which opens
    with a verb: (整合科技资源, 引领未来产业, 加快形成新生产力) is a sentence;
    (碳达峰, 碳中和) and (全过程人民民主, 中国式现代化) are terms.

    >>> is_clause(["整合科技资源", "引领未来产业", "加快形成新生产力"]), is_clause(["碳达峰", "碳中和"])
    (True, False)
    """
    from glossary.extract.edges import term_leads_with_verb

    if len(pieces) < 2:
        return False
    longest = max(map(len, pieces))
    if len(pieces) >= 3:
        return longest >= 6
    return min(map(len, pieces)) >= 6 and any(term_leads_with_verb(p) for p in pieces)


#: What a CC-CEDICT proper-noun sense says a name is. Persons carry life dates
#: ("Xi Jinping (1953–)") or "surname"; places, companies, media and dynasties
#: their class noun (an internet company its kind of service: app, platform,
#: search engine). Institutions (State Council, Central Committee), festivals
#: and slogans are capitalised too, but are terms: no class noun matches them.
RE_LIFE_DATES = re.compile(r"\((?:b\. )?\d{3,4}\s*[-–]")
RE_NAME_SENSE = re.compile(
    r"\bsurname\b|\b(?:city|province|county|district|prefecture|municipality|river|mountain|lake|island|"
    r"town|village|township|dynasty|kingdom|emperor|empress|"
    rf"{FIRM_SENSE_WORDS}|news agency|newspaper|broadcaster|politician|"
    r"poet|writer|philosopher|novelist|actor|actress|singer|businessman|entrepreneur|scientist)\b")
RE_PLACE_REF = re.compile(r"^see [^\s\[|]*(?:市|省|縣|县|區|区|州|鎮|镇)[|\[]")
RE_NOT_NAME_SENSE = re.compile(r"\b(?:festival|council|committee|commission|ministry|department|congress|party|"
                               r"bureau|office|court|procuratorate|administration|army|university)\b")


@lru_cache(maxsize=16384)  # per distinct term, bounded: memory stays flat in the number of terms
def is_proper_name(term: str) -> bool:
    """Whether the dictionary says the term is a person, place, company, medium or dynasty (kind ``name``).

    >>> is_proper_name("習近平"), is_proper_name("黑龙江"), is_proper_name("国务院"), is_proper_name("春节")
    (True, True, False, False)
    """
    from glossary.dictionary import lookup_entries

    entries = lookup_entries(term)
    if not entries or not entries[0].is_name:
        return False
    names = [e for e in entries if e.is_name]
    first = names[0].senses[0] if names[0].senses else ""
    if RE_PLACE_REF.search(first):
        return True
    dates = RE_LIFE_DATES.search(first)
    if dates and letters_of(first[:dates.start()]) == letters_of(re.sub(r"\d", "", names[0].pinyin)):
        return True  # a person: "Deng Xiaoping (1904-1997)", not "Great Leap Forward (1958-1960)"
    if RE_NOT_NAME_SENSE.search(first.lower()):
        return False
    senses = [s for e in names for s in e.senses[:2]]
    if any(RE_NAME_SENSE.search(x.lower()) for x in senses):
        return True
    # a bare one-word name: "Taiwan", "Huawei"
    return any(re.fullmatch(r"[A-Z][a-z]+", x) for x in senses)


def name_kinds(term: str, kind: str, gloss: str | None, gloss_kind: str | None) -> tuple[str, str | None]:
    """(kind, gloss_kind) once names are known: a person, place, company, medium or dynasty is kind ``name``,
    and the text's form of it (Xi Zhongxun, Heilongjiang, 시진핑) is a ``name`` rendering, not pinyin.

    A hangul transcription of a term the dictionary lacks (a new official: 리창 for 李强) is a name too;
    of a common word it stays a ``transcription`` (춘제 for 春節).

    >>> name_kinds("习仲勋", "term", "Xi Zhongxun", "pinyin"), name_kinds("春節", "term", "춘제", "transcription")
    (('name', 'name'), ('term', 'transcription'))
    """
    if kind != "term":
        return kind, gloss_kind
    if gloss_kind == "transcription":
        from glossary.dictionary import lookup_entries

        if is_proper_name(term) or not lookup_entries(term) and 2 <= len(term) <= 3 and term[0] in SURNAMES:
            return "name", "name"
        return kind, gloss_kind
    if gloss_kind == "pinyin" and gloss and all(w[:1].isupper() for w in gloss.split()) and 2 <= len(term) <= 3 \
            and term[0] in SURNAMES:
        from glossary.dictionary import lookup_entries

        if not lookup_entries(term):
            return "name", "name"  # a person the dictionary lacks, in capitalised pinyin: Xi Zhongxun (习仲勋)
    if not is_proper_name(term):
        return kind, gloss_kind
    if not (gloss and gloss[:1].isupper()) and has_common_entry(term):
        return kind, gloss_kind  # 安寧 is Anning and "peaceful", 大眾 Volkswagen and "the masses": the text says which
    if gloss and gloss_kind in ("pinyin", "romanization", "translation") and gloss[:1].isupper() and gloss.isascii():
        return "name", "name"
    return "name", gloss_kind
