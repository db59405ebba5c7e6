"""Readings stage, the preferred Korean form ``ko``: names as Korean writers print them.

Input: a traditional term, with its occurrence kind and English renderings
when known. Output: a :class:`~glossary.model.KoreanReading` (``ko``, the
strict ``ko_hanja``, the transcription, the rule that chose ``ko``), and the
transcription matcher the extract stage uses. The name classes come from
:mod:`glossary.names`, the Mandarin table from :mod:`glossary.transcription`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from glossary import normalize
from glossary.memo import persistent
from glossary.model import KoreanReading
from glossary.readings import kana
from glossary.readings.hangul import hangul_reading, usage_reading, usage_translates

if TYPE_CHECKING:
    from glossary.names import NameClass


def korean_reading(trad: str, *, kind: str | None = None, english: tuple[str, ...] = ()) -> KoreanReading:
    """The Korean forms of a term with no text around it: preferred ``ko``, strict ``ko_hanja``.

    ``kind`` is the occurrence kind when known (``name``, ``term``, ``title``);
    ``english`` the English renderings met beside it (``Xi Jinping``), a hint
    that it is a name. ``ko`` follows the Korean standard for Chinese names
    (see :mod:`glossary.names`): the Mandarin transcription for a modern
    person or a current place (its administrative suffix in hanja: 광둥성),
    the reading for a historical one and for organisations, the Korean usage
    or the reading for a term, "" for a Chinese clause or title.

    >>> korean_reading("以舊換新")
    KoreanReading(ko='이구환신', ko_hanja='이구환신', transcription=None, rule='term')
    >>> korean_reading("習近平")
    KoreanReading(ko='시진핑', ko_hanja='습근평', transcription='시진핑', rule='name:modern')
    >>> korean_reading("廣東省").ko, korean_reading("孔子").ko, korean_reading("國務院").rule
    ('광둥성', '공자', 'name:institution')
    """
    return _korean_reading(trad, kind, tuple(english))


# Texts repeat their terms: one answer per distinct term, kind and English;
# kept across builds too (outside the memo, so every result reaches the cache file).
@persistent
@lru_cache(maxsize=65536)
def _korean_reading(trad: str, kind: str | None, english: tuple[str, ...]) -> KoreanReading:
    from glossary import names

    form = normalize.fold_variants(trad.strip())
    if normalize.is_simplified(form):  # before the standard forms, which turn 强 (simplified, and Korean) into 強
        form = normalize.to_traditional(form)
    form = normalize.standard_form(form)
    strict = hangul_reading(form)
    found = names.classify(form, kind=kind, english=english)
    if found.category == "clause":
        return KoreanReading(ko="", ko_hanja=strict, transcription=None, rule="clause")
    if found.transcribed:
        # A form Korean writers print by convention (香港 홍콩, 深度求索 딥시크) is the name's
        # transcription: of the name the world knows, not of its Mandarin sound (샹강, 선두추숴).
        transcription = found.korean or _full_name_form(form, found) or transcribe_name(found)
        return KoreanReading(ko=transcription, ko_hanja=strict, transcription=transcription, rule="name:modern")
    if found.category == "japanese":
        japanese = japanese_name(form)
        return KoreanReading(ko=japanese or strict, ko_hanja=strict, transcription=japanese, rule="name:foreign")
    if found.category == "foreign":
        return KoreanReading(ko=strict, ko_hanja=strict, transcription=None, rule="name:foreign")
    if found.category in ("person", "place") or found.era == "historical":
        return KoreanReading(ko=strict, ko_hanja=strict, transcription=None, rule="name:historical")
    if found.category == "institution":
        headed = _headed_by_name(form)
        ko = headed or usage_reading(form) or strict
        return KoreanReading(ko=ko, ko_hanja=strict, transcription=headed, rule="name:institution")
    headed = _headed_by_name(form)
    if headed is not None:
        return KoreanReading(ko=headed, ko_hanja=strict, transcription=headed, rule="term")
    usage = usage_reading(form)
    # "term:usage": the Korean term is a word Korean writers print in place of the reading (위안화 for 人民幣)
    rule = "term:usage" if usage and usage_translates(form) else "term"
    return KoreanReading(ko=usage or strict, ko_hanja=strict, transcription=None, rule=rule)


# Japanese administrative suffixes, read in hanja after the name (千葉県 지바현, 東京都 도쿄도).
_JAPANESE_SUFFIXES = ("県", "府", "都", "市", "町", "村", "区")


def japanese_name(trad: str) -> str | None:
    """A Japanese person or place in hangul, by the Korean standard's kana table (安倍晉三 아베 신조).

    The kana come from pykakasi (machine-made: a rare name may be misread);
    a person's family and given names are written apart, an administrative
    suffix in hanja.

    >>> japanese_name("安倍晉三"), japanese_name("千葉縣")
    ('아베 신조', '지바현')
    """
    from glossary.transcription import transcribe_kana

    ja = normalize.to_japanese(trad)
    suffix = ""
    if len(ja) > 2 and ja.endswith(_JAPANESE_SUFFIXES):
        ja, suffix = ja[:-1], hangul_reading(trad[-1])
    parts = [p["hira"] for p in kana._kakasi().convert(ja) if p["hira"]]
    if not parts or any(not transcribe_kana(p) or not all("가" <= c <= "힣" for c in transcribe_kana(p)) for p in parts):
        return None
    joiner = "" if suffix or len(parts) == 1 else " "
    return joiner.join(transcribe_kana(p) for p in parts) + suffix


def _full_name_form(form: str, found: NameClass) -> str | None:
    """For a place name that abbreviates a longer one (長三角 for 長江三角洲), the longer one's Korean form."""
    from glossary import names

    full = names.abbreviation_of(form) if found.category == "place" else None
    if full is None:
        return None
    reading = korean_reading(full)
    return reading.ko if reading.rule == "name:modern" else None


def _headed_by_name(form: str) -> str | None:
    """A term or organisation headed by a modern name: the name as Korean writers print it, the rest read.

    毛澤東思想 마오쩌둥 사상, 北京大學 베이징 대학, 阿里巴巴集團 알리바바 집단, 聯合國安理會 유엔 안보리.
    """
    from glossary import names

    head = names.name_head(form) if len(form) > 2 else None
    if head is None:
        return None
    name, rest = head
    rest_reading = korean_reading(rest)
    if rest_reading.rule not in ("term", "term:usage", "name:institution") and not (
            # a name the dictionary or the convention table knows, no surname guess (九龍 + 金床 is no person)
            rest_reading.rule == "name:modern" and names.classify(rest).signal in ("dictionary", "convention")):
        return None
    return f"{name.korean or _full_name_form(name.proper, name) or transcribe_name(name)} {rest_reading.ko}"


def is_transcription(hangul_text: str, hanzi: str) -> bool:
    """True when a hangul text is the Mandarin transcription of a term (시진핑 for 習近平).

    A sign, in a Korean text, that the term is a modern name. Spacing and
    middle dots are ignored; the standard's spelling and the Korean form
    :func:`korean_reading` gives (홍콩) both count.

    >>> is_transcription("시진핑", "習近平"), is_transcription("헤이룽장 성", "黑龍江省"), is_transcription("습근평", "習近平")
    (True, True, False)
    """
    from glossary.names import name_pinyin
    from glossary.transcription import transcribe

    text = re.sub(r"[\s·ㆍ・-]", "", hangul_text)
    if not text:
        return False
    form = normalize.fold_variants(hanzi.strip())
    if normalize.is_simplified(form):  # before the standard forms, which turn 强 (simplified, and Korean) into 強
        form = normalize.to_traditional(form)
    form = normalize.standard_form(form)
    found = korean_reading(form, kind="name")
    candidates = {transcribe(name_pinyin(form)), (found.transcription or "").replace(" ", ""), found.ko.replace(" ", "")}
    return text in candidates - {"", found.ko_hanja.replace(" ", "")}


def transcribe_name(found: NameClass) -> str:
    """Hangul of a classified name: the proper part by the Mandarin table, the suffix by its reading.

    >>> from glossary.names import classify
    >>> transcribe_name(classify("深圳市")), transcribe_name(classify("香港特別行政區"))
    ('선전시', '홍콩특별행정구')
    """
    from glossary.names import conventional_form, name_pinyin
    from glossary.transcription import transcribe

    proper = found.proper or ""
    suffix = hangul_reading(found.suffix) if found.suffix else ""
    if found.suffix and conventional_form(proper) is not None:
        return conventional_form(proper)[0] + suffix  # 香港特別行政區 홍콩특별행정구
    pinyin = found.pinyin or name_pinyin(proper)
    if len(pinyin.split()) != len(proper):
        pinyin = name_pinyin(proper)
    return transcribe(pinyin) + suffix
