"""Character classes and the compiled patterns the extraction steps share.

Hanzi, hangul and bracket pairs, and the per-hit regexes, compiled once at
import (compiling is cheap; matching runs per hit, never over the whole text
except :data:`HAN_FIRST`).
"""

from __future__ import annotations

import re


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f\u3007"


#: The prefilter, the only regex run over the whole text: one character, so
#: that the regex engine scans with its fast character-set loop (a ``+`` or
#: astral ranges make it several times slower), written as a negated set
#: (U+3400-U+9FFF and U+F900-U+FAFF), which measured fastest, faster than a
#: bare scan for brackets. The run is then extended with :data:`HAN_RUN`.
HAN_FIRST = re.compile("[^\x00-\u33ff\ua000-\uf8ff\ufb00-\U0010ffff]")


HAN_RUN = re.compile(f"[{HAN}]+")


HAN_CHAR = re.compile(f"[{HAN}]")


HANGUL = "\uac00-\ud7a3"


OPENERS = "([<（《〈「『【［〔｛{≪"


CLOSERS = ")]>）》〉」』】］〕｝}≫"


PAIRS = dict(zip(OPENERS, CLOSERS))


CLOSE_TO_OPEN = dict(zip(CLOSERS, OPENERS))


TONE_MARKS = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


#: A word, a punctuation mark or a tab; numbers joined by + or · stay one word, as written (2+2, 14·5).
WORD = re.compile(r"\d+(?:[+·]\d+)+(?:[-'’.&][^\W_]+)*|[^\W_]+(?:[-'’.&][^\W_]+)*['’]?|[^\w\s]|\t", re.UNICODE)


# Patterns used per hit, compiled once.
RE_DATE = re.compile(r"(?=.*[年月日])[\d〇零一二三四五六七八九十年月日号號\s]+")


RE_NEXT_BRACKET = re.compile(rf"[ \t]?[(（]([^()（）{HAN}\n]{{1,60}})[)）]")


RE_LAW = re.compile(r"\b(?:Law|Act|Code)\b")


RE_HAN_ONLY = re.compile(f"[{HAN}]+")


RE_COUPLET = re.compile(rf"[{HAN}]+(?:\s*[,，]\s*[{HAN}]+)+")


RE_HAN_GAP = re.compile(rf"(?<=[{HAN}、，])\s+(?=[{HAN}、，])")


RE_INNER_ROUND = re.compile(r"[()\[\]（）［］]")


RE_INNER_TITLE = re.compile(r"[《》〈〉「」『』【】<>≪≫]")


RE_TITLE_COLON = re.compile(rf"^([A-Za-z][^{HAN}:：]*?)\s*[:：]\s*(.*[{HAN}].*)$", re.DOTALL)


RE_FIELDS = re.compile(r"\s*[;；|]\s*")


RE_PIECES = re.compile(rf"\s*(?:,|，(?![^，]*[{HAN}]{{6}})|/|／)\s*(?=\S)")


RE_DOTS = re.compile(r"\s*[·・]\s*")


RE_SENTENCE_PUNCT = re.compile("[，。！？；：]")


RE_KO_WORDS = re.compile(rf"(?:(?:[{HANGUL}0-9]|(?<=\d)[+·](?=\d))+\s+){{0,5}}[0-9]*[{HANGUL}]+$")


RE_KO_ORDINAL = re.compile(r"제\d+[차기회]")


RE_QUOTE_HEAD = re.compile(r"[”’\"'»]\s+([A-Za-z]+)$")


RE_HANGUL = re.compile(f"[{HANGUL}]")


RE_ORDINAL = re.compile(r"\d+(st|nd|rd|th)$")


RE_ACRONYM_WORD = re.compile(r"[A-Z0-9]{2,6}s?")


RE_NAME_WORD = re.compile(r"^[\w\-.&'’]+$")
