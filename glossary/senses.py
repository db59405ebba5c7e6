"""CC-CEDICT senses made fit to paste: one raw sense -> renderings, a note, markers.

Input: one sense as CC-CEDICT prints it, ``Xi Jinping (1953–), PRC politician, ...``.
Output: :class:`CleanSense` records whose ``text`` a translator can paste
(``Xi Jinping``), with what was moved out in ``note`` (``1953–; PRC
politician, ...``) and the labels that decide relevance in ``markers``.

:func:`clean_sense` reads one sense, in order:

1. make it readable: pronunciation notes out, ``全國人大|全国人大[Quan2 guo2 Ren2 da4]``
   -> ``全國人大``, ``sth``/``sb`` spelled out;
2. say what it is (``kind``): a rendering, a literal translation (``lit. …``),
   a reference to follow (``see X``, ``variant of X``, ``abbr. for X``), or
   noise for a term base (classifiers ``CL:``, usage notes, pronunciation,
   surnames);
3. lift every bracketed group out: regions ``(PRC)`` ``(Tw)`` ``(USA)``,
   register and domain labels ``(idiom)`` ``(fig.)`` ``(embryology)``, life
   dates, acronyms, usage notes ``(of a society)``; a leading label holds for
   every part of the sense;
4. split the parts CC-CEDICT joins with ``;`` into one rendering each;
5. move a description after a comma (``, PRC politician``, ``, abbr. for X``,
   ``, capital Harbin``) to the note;
6. split two names joined by ``or`` (``Heilong River or Amur River``);
7. tidy: no hanzi, no stray brackets, no article before a name.

:func:`offered` then decides, among the senses of one headword, which a
translator is offered and in what order: PRC senses first, then plain ones,
then domain senses, then regional (Taiwan, Hong Kong) and dated ones; a sense
marked for a foreign country (``(USA) State Department`` for 國務院) is
never offered beside another; a literal translation only when nothing else
is left, and otherwise as ``lit. …`` in the first sense's note.

Hand-written because CC-CEDICT's sense syntax is informal English with
conventions, not a grammar: the CC-CEDICT readers on PyPI split lines into
headwords, pinyin and senses and stop there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import dataclass, replace

from glossary.lazy_pattern import LazyPattern

#: What a sense is. Only ``rendering`` (and ``literal`` when nothing else is
#: left, ``surname`` for a name) is offered to a translator.
SENSE_KINDS = (
    "rendering",  # an English equivalent
    "literal",  # a word-for-word translation: "lit. Zhang Three and Li Four"
    "reference",  # means what another headword means: "see X", "variant of X", "abbr. for X"
    "related",  # points to a related headword only: "see also X", "also written X"
    "explanation",  # how the word is used, not what it means: "used in ...", "refers to ..."
    "classifier",  # "CL:個|个[ge4]", "classifier for ..."
    "pronunciation",  # "Taiwan pr. [hui3]", "also pr. ..."
    "surname",  # "surname Wang": a rendering only for a name
)

#: Regions of the Chinese-speaking world: PRC senses are preferred for texts
#: about China; Taiwan, Hong Kong and Macau senses follow the plain ones.
CHINA_REGIONS = {
    "PRC": "PRC", "mainland China": "PRC", "mainland": "PRC", "China": "PRC",
    "Tw": "Tw", "Taiwan": "Tw", "HK": "HK", "Hong Kong": "HK", "Macau": "Macau", "Macao": "Macau",
}
#: Regions outside it: such a sense (國務院 "(USA) State Department") is not
#: what a text about China means when the headword has any other sense.
FOREIGN_REGIONS = {
    "USA": "USA", "US": "USA", "U.S.": "USA", "America": "USA", "UK": "UK", "Britain": "UK",
    "Japan": "Japan", "Singapore": "Singapore", "Malaysia": "Malaysia", "Korea": "Korea",
    "South Korea": "Korea", "North Korea": "Korea", "USSR": "USSR", "Soviet Union": "USSR",
}

# Labels of register: they tell how a word is used, not where, and cost no rank.
_REGISTER = frozenset((
    "idiom", "fig.", "coll.", "colloquial", "slang", "Internet slang", "Internet", "neologism", "loanword",
    "formal", "informal", "polite", "courteous", "honorific", "humble", "jocular", "euphemism", "derog.",
    "derogatory", "pejorative", "vulgar", "offensive", "proverb", "saying", "onom.", "lit. and fig.",
    "by extension", "attributive", "bound form", "abbr.", "name", "written", "spoken", "respectful",
))
# Labels of time and dialect: a modern text rarely means these senses.
_DATED = frozenset((
    "literary", "classical", "old", "arch.", "archaic", "historical", "obsolete", "ancient", "in former times",
    "in imperial China", "in ancient China", "old usage", "dialect", "Cantonese", "Hokkien", "Shanghainese",
    "Taiwanese", "Beijing dialect", "Wu dialect",
))
# A group that starts so explains usage; it is a note, never a domain label.
_USAGE_START = LazyPattern(
    r"^(?:of|used|esp\.|e\.g\.|i\.e\.|in|a|an|the|as|from|with|to|not|somebody|something|by|for|on|at|or|and|"
    r"usually|often|also|when|than|after|before|one's|oneself|sb|sth|etc|see|cf\.?|lit\.|fig\.|pr\.|abbr\.)\b"
)
# An optional word inside a rendering: "to help (sb) out", "friend(s)": dropped, not noted.
_OPTIONAL = LazyPattern(r"^(?:somebody|something|sb|sth|one's|oneself|it|s|es|ing|ed|er|to|a|the)$")
_YEARS = LazyPattern(r"\d{3,4}|\d+ (?:BC|AD)|\bc\. \d")
# Life or reign dates: "1953–", "1371-1433", "c. 1152-1056 BC", "died 1912".
_DATES = LazyPattern(
    r"^(?:(?:c\.|ca\.|b\.|d\.|born|died|r\.|reigned)\s*)?\d{1,4}\s*(?:BC|AD|BCE|CE)?\??"
    r"(?:\s*[–-]\s*(?:c\.\s*)?(?:\d{1,4})?\s*(?:BC|AD|BCE|CE)?\??)?$"
)

# Han characters, radicals and iteration marks: what a cross-reference is written in.
_HAN = r"\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# Whole-sense kinds, tried in order on the readable sense.
_KINDS = (
    ("classifier", LazyPattern(r"^(?:CL:|classifier for\b|\(classifier\))")),
    ("pronunciation", LazyPattern(r"^\(?(?:Taiwan |old |also |dialect |erroneous |coll\. |colloquial |Beijing )?pr\. |^also pr\.")),
    ("related", LazyPattern(
        r"^(?:see also\b|also (?:written|called|known as|translated|used|spelled)\b|cf\.? |(?:(?:usually|often|commonly|also) )?(?:abbr\.|abbreviated) (?:to|as)\b)"
    )),
    # a reference names a headword: "see 黑龍江省", "see 3C[san1 C]"; "see you next time" is English
    ("reference", LazyPattern(
        r"^(?:(?:[\w()-]+ )*variant of|see|same as|(?:[\w-]+ ){0,4}?(?:abbr\.|abbreviation) (?:for|of))"
        rf" (?:[A-Z][\w'-]* )*(?=[{_HAN}]|\S+\[)"
    )),
    ("explanation", LazyPattern(
        r"^(?:used (?:in|as|for|to|after|before|with|erroneously)\b|\(?(?:opposite|antonym|synonym)s?:|refers to\b"
        r"|particle\b|euphemism for\b|term of address\b|\(used\b[^()]*(?:\([^()]*\)[^()]*)*\)\W*$)"
    )),
    ("surname", LazyPattern(r"^(?:\([^)]*\) )?(?:[\w-]+ )?surname\b", re.IGNORECASE)),
)
_NOISE = LazyPattern(r"^(?:CL:|classifier for\b|\(?(?:Taiwan |old |also |coll\. )?pr\. )")
_PRONUNCIATION = LazyPattern(r"\s*\((?:[\w ]+ )?pr\. [^)]*\)|\s*,? ?also pr\. \[[^\]]*\](?: or \[[^\]]*\])*")
# 全國人民代表大會|全国人民代表大会[Quan2 guo2 ...] -> 全國人民代表大會; 大夫[dai4 fu5] -> 大夫
_CJK_REF = LazyPattern(r"([^\s|\[\](),;:\"]+)(?:\|[^\s|\[\](),;:\"]+)?\[[A-Za-z0-9:,·\s-]+\]")
# The target of a reference, before it is made readable: trad, simp, pinyin.
_REF_TARGET = LazyPattern(r"([^\s|\[\](),;:\"A-Za-z]+)(?:\|([^\s|\[\](),;:\"]+))?(?:\[([^\]]+)\])?")
_ABBREVIATIONS = ((LazyPattern(r"\bsth\b"), "something"), (LazyPattern(r"\bsb\b"), "somebody"))
_CJK = LazyPattern(rf"[{_HAN}]")
_CJK_RUN = LazyPattern(rf"\s*[{_HAN}·、|]+")
# Patterns of the per-sense steps, compiled once (a literal pattern given to re.sub is looked
# up in re's cache on every call, an f-string one built first).
_LEAD_HANZI = LazyPattern(rf"^(?:\s*[{_HAN}·、|]+)+")
_WORD = LazyPattern(r"\w")
_LATIN = LazyPattern(r"[A-Za-z]")
_ALNUM = LazyPattern(r"[A-Za-z0-9]")
_ACRONYM = LazyPattern(r"[A-Z]{2,8}")
_BARS = LazyPattern(r"[|{}]")
_BRACKETS = LazyPattern(r"[()\[\]{}|]")
_SPACE_PUNCT = LazyPattern(r"\s+([,;:])")
_THE_NAME = LazyPattern(r"^the (?=[A-Z])")
# Prefix labels of a part: "lit. ...", "fig. ...", "abbr. for X, ...".
_LIT = LazyPattern(r"^lit(?:erally|\.)(?::|,)? ")
_FIG = LazyPattern(r"^(?:fig(?:uratively|\.)(?::|,)?|by extension,?) ")
_ABBR_PREFIX = LazyPattern(
    rf"^(?:[\w-]+ ){{0,4}}?(?:abbr\.|abbreviation) (?:for|of|to) (?:[{_HAN}·]+|(?=\w))[,:]?\s*"
)
# 鮮卑|鲜卑 with no pinyin after it: the traditional form is enough.
_CJK_PAIR = LazyPattern(rf"([{_HAN}]+)\|[{_HAN}]+")
# "(idiom)fig. to ...": a figurative part glued to the group before it.
_GLUED_FIG = LazyPattern(r"\)\s*(?=(?:fig|lit)\. )")
# Leading groups, skipped when telling what a sense is: "(Tw) see 基尼係數".
_LEAD_GROUPS = LazyPattern(r"^(?:\((?!used\b)[^()]*\)\s*)+")
# What starts a description after a comma: ", PRC politician" is caught by the name rule.
_DESCRIPTION_START = LazyPattern(
    r"^(?:abbr\.|abbreviation|aka|a\.k\.a\.|also|i\.e\.|e\.g\.|esp\.|cf\.?|namely|formerly|now|capital|located|"
    r"in|at|on|near|of|from|part of|forming|refers|referring|generally|usually|often|typically|used|based|made|"
    r"consisting|including|such as|see|born|died|founded|established|lit\.|fig\.|one of|son of|daughter of|"
    r"wife of|known as|called|same as|equivalent|where|which|who|whose|c\. \d|\d|[a-z]+ed (?:into|in|by|as|from|on|at|to|with)\b)"
)
# A head that starts so is a clause, and its comma the sentence's own:
# "when hungry, you can't pick what you eat", "if you want ..., ...".
_CLAUSE_START = LazyPattern(
    r"^(?:when|if|where|while|although|though|as|like|once|unless|until|before|after|since|because|whoever|"
    r"whatever|one|you|we|they|he|she|it|i|there|no|not|every|all|each|better|more|the more|lit\.|fig\.)\b",
    re.IGNORECASE,
)
_ARTICLE_START = LazyPattern(r"^(?:a|an|the)\b")
_SMALL_WORDS = frozenset("of the and for in on at to a an de da di du la le van von der des du y et or with from by".split())


@dataclass(frozen=True, slots=True)
class CleanSense:
    """One rendering cut out of a CC-CEDICT sense, with what was moved out of it.

    >>> CleanSense("State Council", "PRC", ("PRC",)).text
    'State Council'
    """

    text: str  # fit to paste: "Xi Jinping"
    note: str | None = None  # what was moved out, "; "-joined: "1953–; PRC politician"
    markers: tuple[str, ...] = ()  # labels found: "PRC", "USA", "idiom", "fig.", "embryology", "lit."
    kind: str = "rendering"  # one of SENSE_KINDS
    raw: str = ""  # the sense as CC-CEDICT prints it
    ref: str | None = None  # the headword a reference points to: "黑龍江省"
    ref_pinyin: str | None = None  # its pinyin as CC-CEDICT gives it: "Hei1 long2 jiang1 Sheng3"


def _readable(sense: str) -> str:
    sense = _PRONUNCIATION.sub("", sense)
    sense = _CJK_REF.sub(r"\1", sense)
    sense = _CJK_PAIR.sub(r"\1", sense)
    sense = _BARS.sub(" ", _GLUED_FIG.sub("); ", _balanced(sense)))
    for pattern, word in _ABBREVIATIONS:
        sense = pattern.sub(word, sense)
    return " ".join(sense.split())


def _balanced(text: str) -> str:
    """``text`` without the brackets that have no partner: "0[;0" -> "0;0"."""
    if not any(ch in text for ch in "()[]"):
        return text  # most senses: no bracket to read
    unmatched: list[int] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append(i)
        elif ch in ")]":
            if stack:
                stack.pop()
            else:
                unmatched.append(i)
    drop = {*unmatched, *stack}
    return "".join(ch for i, ch in enumerate(text) if i not in drop) if drop else text


def _groups(text: str) -> tuple[str, list[tuple[str, str, int]]]:
    """Lift the top-level bracketed groups out of ``text``.

    Returns the text without them and (position, content, offset) per group,
    the position being "lead" (nothing but groups before it), "attached" (glued
    to a word: ``friend(s)``), "tail" (nothing after it) or "mid". An
    unbalanced bracket is dropped.
    """
    out: list[str] = []
    found: list[tuple[int, int, str]] = []  # (start in out, depth-0 end, content)
    depth = 0
    start = 0
    buf: list[str] = []
    opened = 0
    for i, ch in enumerate(text):
        if ch in "([":
            if depth == 0:
                start, opened = len(out), i
                buf = []
            else:
                buf.append(ch)
            depth += 1
        elif ch in ")]":
            if depth == 0:
                continue  # a closing bracket with no opening one
            depth -= 1
            if depth == 0:
                found.append((start, len(out), "".join(buf).strip()))
            else:
                buf.append(ch)
        elif depth:
            buf.append(ch)
        else:
            out.append(ch)
    if depth:  # an opening bracket never closed: read again without it
        return _groups(text[:opened] + " " + text[opened + 1 :])
    plain = "".join(out)
    groups = []
    for at, _, content in found:
        before, after = plain[:at], plain[at:]
        if not before.strip():
            where = "lead"
        elif before[-1:].isalpha() and (not after or not after[0].isalnum()):
            where = "attached"
        elif not after.strip(" .,;:"):
            where = "tail"
        else:
            where = "mid"
        if content:
            groups.append((where, content, at))
    return plain, groups


def _region(content: str) -> tuple[str, ...] | None:
    """Region markers if the group names only regions: ``Tw, HK`` -> ("Tw", "HK")."""
    markers = []
    for item in re.split(r",\s*|\s+and\s+", content):
        item = re.sub(r"^(?:esp\. )?(?:in |from )?(?:the )?|\s+(?:usage|etc\.?)$", "", item.strip())
        region = CHINA_REGIONS.get(item) or FOREIGN_REGIONS.get(item)
        if region is None:
            return None
        markers.append(region)
    return tuple(markers) or None


def _label(content: str, where: str) -> str | None:
    """The label a group is, if it is one: ``idiom, from Mencius`` -> "idiom"; ``embryology`` (leading) -> itself."""
    head = content.split(",")[0].strip()
    if head in _REGISTER or head in _DATED or head.startswith("neologism") or head.endswith(" dialect"):
        return head
    if where == "lead" and len(head.split()) <= 3 and not _USAGE_START.match(head) and not _YEARS.search(head):
        if re.fullmatch(r"[a-z][\w.-]*(?: [\w.-]+){0,2}|[A-Z]{2,4}|[A-Z][a-z]+(?: [a-z]+){0,2}", head):
            return head  # a domain: "embryology", "math.", "TCM", "Buddhism", "bird species of China"
    return None


def _lift(text: str) -> tuple[str, list[str], list[tuple[int, str]]]:
    """Text without its groups (spaces kept, so offsets hold); markers; (offset, note) per group."""
    plain, groups = _groups(text)
    markers: list[str] = []
    notes: list[tuple[int, str]] = []
    for where, content, at in groups:
        if where == "attached" and _OPTIONAL.match(content):
            continue
        if where == "mid" and _OPTIONAL.match(content) or content.startswith("CL:"):
            continue  # "potato (CL:個|个[ge4])": the classifier is no note a translator needs
        region = _region(content)
        if region:
            markers += region
        elif (label := _label(content, where)) is not None:
            markers.append(label)
        notes.append((at, content))
    return plain, markers, notes


def _split_parts(text: str) -> list[str]:
    """Split at top-level semicolons: CC-CEDICT's near-synonyms within one sense."""
    parts, depth, buf = [], 0, []
    for ch in text:
        depth += ch in "(["
        depth -= ch in ")]" and depth > 0
        if ch == ";" and depth == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


def _title_case(text: str) -> bool:
    """Whether ``text`` reads as a name: every word capitalised but the small ones (of, the, and ...)."""
    words = [w for w in re.split(r"[\s-]+", _CJK_RUN.sub(" ", text)) if w]  # hanzi go in the end
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words)


def _words(text: str) -> int:
    """Words of English in ``text``: hanzi are cross-references that go in the end."""
    return len(_CJK_RUN.sub(" ", text).split())


def _bare(text: str) -> str:
    """``text`` as it reads once its hanzi are gone: the rules look at this, so cleaning twice agrees."""
    return " ".join(_CJK_RUN.sub(" ", text).split())


def _definition(text: str) -> tuple[str, str | None]:
    """Split ``term: what it is`` (``poor and lower-middle peasants: farmers who ...``); a title keeps its colon."""
    head, sep, tail = text.partition(": ")
    if sep and _bare(head) and _words(head) <= 6 and _words(tail) >= 3 and not _CLAUSE_START.match(_bare(head)):
        if not (_title_case(head) and _title_case(tail)):
            return head, tail
    return text, None


def _description(text: str, *, idiom: bool, dated: bool = False) -> tuple[str, str | None]:
    """Split ``head, description`` when what follows the first comma describes the head.

    ``Xi Jinping, PRC politician`` -> ("Xi Jinping", "PRC politician"); an
    idiom's commas are its own (``you win some, you lose some``), and so are
    a short list (``one country, two systems``, ``class, rate or grade``).
    """
    head, sep, tail = text.partition(", ")
    if not sep or idiom or not _bare(head) or not _bare(tail) or _CLAUSE_START.match(_bare(head)):
        return text, None
    if _title_case(head) and _words(head) >= 2:
        # "Crouching Tiger, Hidden Dragon, movie by Ang Lee": the title runs on
        # while the next piece is also title-case
        pieces = tail.split(", ")
        while len(pieces) > 1 and _title_case(pieces[0]) and 2 <= _words(pieces[0]) <= 3:
            head, pieces = f"{head}, {pieces[0]}", pieces[1:]
        tail = ", ".join(pieces)
        if head != text.partition(", ")[0]:
            return head, tail
    head_words, tail_words = _words(head), _words(tail)
    if dated or _DESCRIPTION_START.match(_bare(tail)):  # "King Wen of Zhou (c. 1152-1056 BC), reigned ..."
        return head, tail
    if _ARTICLE_START.match(_bare(tail)) and head_words <= 6:
        return head, tail
    if _title_case(head):
        # "Crouching Tiger, Hidden Dragon" is one title; "North Atlantic
        # Treaty Organization, NATO" and "Rhodes, Mediterranean island" are not.
        if _title_case(tail) and 2 <= tail_words <= 3 and head_words >= 2 and not _bare(tail).isupper():
            return text, None
        return head, tail
    if tail_words >= 4 and head_words <= 3:
        return head, tail
    return text, None


def _names_or(text: str) -> list[str]:
    """``Heilong River or Amur River`` -> both names; anything else stays one rendering."""
    sides = text.split(" or ")
    if len(sides) == 2 and "," not in text and all(_title_case(s) and len(s.split()) <= 5 for s in sides):
        return sides
    return [text]


def _tidy(text: str, *, hanzi: bool = False) -> str:
    """No hanzi (unless ``hanzi``), brackets or doubled spaces; no leading article before a name; no final full stop."""
    # hanzi kept stand apart as words, as the spaces left where they go would
    stripped = _CJK_RUN.sub(lambda m: f" {m.group().strip()} ", text) if hanzi else _CJK_RUN.sub(" ", text)
    if _ALNUM.search(stripped):
        text = stripped
    text = _BRACKETS.sub("", text)
    text = " ".join(text.split())
    text = _SPACE_PUNCT.sub(r"\1", text).strip(" ,;:")
    text = _THE_NAME.sub("", text)
    if text.endswith(".") and re.search(r"[a-z]{4,}\.$", text):
        text = text[:-1]
    return text


def _note(notes: Iterable[str]) -> str | None:
    cleaned = [" ".join(_CJK_REF.sub(r"\1", n).split()).strip(" ,;") for n in notes]
    joined = "; ".join(dict.fromkeys(n for n in cleaned if n))
    return joined or None


def _reference(sense: str) -> tuple[str | None, str | None]:
    """The headword (and its pinyin) a reference names first: ``see 黑龍江省|黑龙江省[Hei1 ...]``."""
    for m in _REF_TARGET.finditer(sense):
        if _CJK.search(m.group(1)):
            return m.group(1), m.group(3)
    m = re.search(r"(?:see|of|for|as) ([^\s\[|]+)(?:\|[^\s\[]+)?\[([^\]]+)\]", sense)  # see 3C[san1 C]
    return (m.group(1), m.group(2)) if m else (None, None)


# A pure function of one raw sense, called for every sense of every entry a
# build looks at, and the same entries (国家, 人民...) come up again and again
# as parts of literal glosses: memoised, bounded (CC-CEDICT has ~230,000 senses).
@lru_cache(maxsize=1 << 16)
def clean_sense(raw: str) -> tuple[CleanSense, ...]:
    """The renderings in one raw CC-CEDICT sense, each with its note and markers.

    Why: a term base wants ``Xi Jinping`` in the term column and ``1953–,
    PRC politician`` beside it, not the dictionary line. See the module
    docstring for the steps. Noise (classifiers, pronunciation, usage notes)
    comes back with its ``kind`` so :func:`offered` can leave it out; a
    sense with words never comes back empty.

    >>> [(c.text, c.note) for c in clean_sense("Xi Jinping (1953–), PRC politician, General Secretary of the CCP from 2012")]
    [('Xi Jinping', '1953–; PRC politician, General Secretary of the CCP from 2012')]
    >>> [(c.text, c.markers) for c in clean_sense("(USA) State Department")]
    [('State Department', ('USA',))]
    >>> [c.text for c in clean_sense("Heilong River or Amur River, forming the border between northeast China and Russia")]
    ['Heilong River', 'Amur River']
    """
    raw = raw.strip()
    sense = _readable(raw)
    if not _WORD.search(sense):
        return ()
    unread = " ".join(raw.split())  # pronunciation notes still in: "also pr. [di4] ..."
    forms = (unread, sense, _LEAD_GROUPS.sub("", unread), _LEAD_GROUPS.sub("", sense))
    kind = next((k for k, pattern in _KINDS if any(pattern.match(f) for f in forms)), "rendering")
    if kind == "reference" and _ABBR_PREFIX.match(sense) and re.search(r", [^,]*[A-Za-z]", sense):
        kind = "rendering"  # "abbr. for 中國共產黨, Chinese Communist Party": the English follows
    if kind != "rendering":
        return (_other(raw, sense, kind),)
    # A leading label holds for every part: "(embryology) to involute; involution".
    lead_markers: list[str] = []
    lead_notes: list[str] = []
    while m := re.match(r"^\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*", sense):
        _, markers, notes = _lift(m.group(0))
        lead_markers += markers
        lead_notes += [n for _, n in notes]
        sense = sense[m.end():]
    parts = _split_parts(sense)
    figurative = any(_FIG.match(p) for p in parts[1:])
    out: list[CleanSense] = []
    for i, part in enumerate(parts):
        if not _WORD.search(part):
            continue
        plain_part, markers, placed = _lift(part)
        text = " ".join(plain_part.split()).strip(" ,;:")
        if _LATIN.search(lead := _LEAD_HANZI.sub("", text)):
            text = lead.strip(" ,;:")  # "全國人大 lit. ...": a leading headword is no part of the English
        markers = lead_markers + markers
        notes: list[str] = []
        part_kind = "rendering"
        if figurative and i == 0 and not _FIG.match(text):
            # "one day's sun, ten days' frost (idiom); fig. to work for a bit then skimp"
            part_kind = "literal"
            markers.append("lit.")
        while True:  # prefixes in any order: "abbr. for lit. ...", "lit. abbr. for ..."
            if m := _LIT.match(text):
                part_kind, text = "literal", text[m.end():]
                markers.append("lit.")
            elif m := _FIG.match(text):
                text = text[m.end():]
                markers.append("fig.")
            elif m := _ABBR_PREFIX.match(text):
                notes.append(m.group(0).strip(" ,:") if _CJK.search(m.group(0)) else "abbr.")
                text = text[m.end():]
            else:
                break
        if _NOISE.match(text):
            continue  # "society; CL:個|个[ge4]": a classifier list in a part of its own
        idiom = any(x in ("idiom", "proverb", "saying") for x in markers) or part_kind == "literal"
        dated = any(_DATES.match(n) for _, n in placed)
        text, description = _description(_tidy(text, hanzi=True), idiom=idiom, dated=dated)
        if not idiom:
            text, definition = _definition(text)
            if definition:
                description = f"{definition}, {description}" if description else definition
        if description:
            # notes in the order the dictionary gives them: what the comma
            # started, then the groups that followed it
            at_comma = len(plain_part.rstrip()) - len(description.rstrip())
            notes += [n for at, n in placed if at < at_comma]
            notes.append(description)
            notes += [n for at, n in placed if at >= at_comma]
        else:
            notes += [n for _, n in placed]
        notes = lead_notes + notes
        text = _tidy(text)
        # "CPPCC (Chinese People's Political Consultative Conference)": the
        # expansion is the rendering, the acronym its note.
        if _ACRONYM.fullmatch(text):
            text, notes = _expanded(text, notes)
        if not _WORD.search(text):  # all of it was bracketed: "(idiom)"
            bare = _tidy(part)
            again = clean_sense(bare) if bare and bare != part else ()
            text = again[0].text if again else bare or part.strip()
        for name in (_tidy(n) or n for n in _names_or(text)):
            out.append(CleanSense(name, _note(notes), tuple(dict.fromkeys(markers)), part_kind, raw))
    return tuple(out)


#: A stored sense that is its own only rendering ("to exchange"), as most are.
_ITSELF = 0


def to_stored(raw: str, cleaned: tuple[CleanSense, ...]) -> int | list[list[object]]:
    """``clean_sense(raw)`` as compact JSON-ready data (``scripts/build_datastore.py``).

    Why: cleaning costs about 100 us a sense, a cold build of 20,000 terms
    cleans 21,000 senses, and the answer depends on nothing but the sense and
    this module: so it is computed once, at data-build time, and stored beside
    the CC-CEDICT lines (``glossary.datastore.stored_senses``), keyed to this
    file's sha256 so that an edit here is never answered from a stale table.
    :data:`_ITSELF` when the sense is its own rendering; else one list per
    rendering, ``[text, note, markers, kind number, ref, ref_pinyin]`` with the
    empty fields at the end left out.

    >>> to_stored(" to exchange ", clean_sense("to exchange"))
    0
    >>> to_stored("(Tw) see 基尼係數", clean_sense("(Tw) see 基尼係數"))
    [['Tw see 基尼係數', None, [], 2, '基尼係數']]
    """
    text = raw.strip()
    if cleaned == (CleanSense(text, raw=text),):
        return _ITSELF
    out: list[list[object]] = []
    for c in cleaned:
        if c.raw != text:
            raise ValueError(f"{raw!r}: a cleaned sense names another raw sense, {c.raw!r}")
        fields: list[object] = [c.text, c.note, list(c.markers), SENSE_KINDS.index(c.kind), c.ref, c.ref_pinyin]
        while fields[-1] is None:
            fields.pop()
        out.append(fields)
    return out


def from_stored(raw: str, stored: int | list[list[object]]) -> tuple[CleanSense, ...]:
    """What :func:`to_stored` made of ``clean_sense(raw)``, as :func:`clean_sense` returns it.

    >>> from_stored("to exchange", 0) == clean_sense("to exchange")
    True
    """
    text = raw.strip()
    if stored == _ITSELF:
        return (CleanSense(text, raw=text),)
    return tuple(
        CleanSense(f[0], f[1], tuple(f[2]), SENSE_KINDS[f[3]], text, *f[4:])  # type: ignore[arg-type, index, misc]
        for f in stored  # type: ignore[union-attr]
    )


def _expanded(acronym: str, notes: list[str]) -> tuple[str, list[str]]:
    """The expansion of an acronym, if a note gives it: ``DPP (Democratic Progressive Party, Taiwan)``.

    The expansion becomes the rendering, the acronym a note; the rest of the
    note stays.
    """
    for i, note in enumerate(notes):
        head, _, rest = note.partition(", ")
        if _title_case(head) and len(head.split()) >= 2 and not _YEARS.search(head):
            return _tidy(head), [*notes[:i], acronym, *([rest] if rest else []), *notes[i + 1 :]]
    return acronym, notes


def _other(raw: str, sense: str, kind: str) -> CleanSense:
    """A sense that is not a rendering: kept whole, with the target of a reference."""
    ref, pinyin = _reference(raw) if kind in ("reference", "related") else (None, None)
    if kind == "surname":
        # "surname Wang" -> "Wang", a rendering only when the term is a name
        name = re.sub(r"^(?:\([^)]*\) )?(?:[\w-]+ )?surname\s*", "", sense, flags=re.IGNORECASE)
        text = _tidy(_groups(name)[0]) or _tidy(sense)
        return CleanSense(text, "surname", (), kind, raw)
    # not offered: the readable sense, hanzi kept, so a reader sees where it points
    text = " ".join(re.sub(r"[()\[\]]", " ", sense).split()) or raw
    return CleanSense(text, None, (), kind, raw, ref, pinyin)


def _tier(sense: CleanSense) -> int:
    """Rank of a sense for a text about China: 0 PRC, 1 plain, 2 domain, 3 regional or dated, 4 literal."""
    markers = set(sense.markers)
    if sense.kind == "literal":
        return 4
    if "PRC" in markers:
        return 0
    if markers & {"Tw", "HK", "Macau"} or any(m in _DATED or m.endswith(" dialect") for m in markers):
        return 3
    if any(m not in _REGISTER and not m.startswith("neologism") and m not in FOREIGN_REGIONS.values() for m in markers):
        return 2
    return 1


def _foreign(sense: CleanSense) -> bool:
    return bool(set(sense.markers) & set(FOREIGN_REGIONS.values())) and "PRC" not in sense.markers


def offered(senses: Iterable[CleanSense], *, is_name: bool = False) -> tuple[CleanSense, ...]:
    """The senses a translator is offered, most relevant first, each text once.

    Why: CC-CEDICT lists senses for every reader of Chinese; a text about
    China means the PRC sense of 國務院, not the American one, and means an
    idiom's sense, not its literal words.

    >>> [c.text for c in offered(clean_sense("(PRC) State Council") + clean_sense("(USA) State Department"))]
    ['State Council']
    >>> [(c.text, c.note) for c in offered(clean_sense("lit. Zhang Three and Li Four (idiom)") + clean_sense("(fig.) any Tom, Dick or Harry"))]
    [('any Tom, Dick or Harry', 'fig.; lit. Zhang Three and Li Four')]
    """
    senses = tuple(senses)
    kinds = ("rendering", "surname") if is_name else ("rendering",)
    candidates = [s for s in senses if s.kind in kinds]
    literal = [s for s in senses if s.kind == "literal"]
    # 國會 is "Parliament (UK)", "Congress (US)", "Diet (Japan)", "Legislative
    # Yuan (Taiwan)": every sense is regional, none is dropped.
    if any(not _foreign(s) and not set(s.markers) & {"Tw", "HK", "Macau"} for s in candidates):
        candidates = [s for s in candidates if not _foreign(s)]
    if not candidates:
        # 六四 "refers to Tiananmen incident of 4th June 1989": with nothing
        # else, what a sense refers to is the rendering
        refers = [replace(x, text=t, note=_note([*(x.note or "").split("; "), "refers to"]))
                  for x in senses
                  if x.kind == "explanation" and x.text.startswith("refers to ")
                  and (t := _tidy(re.sub(r"^refers to (?:the )?", "", x.text)))]
        candidates = literal or refers
    elif literal:
        first = candidates[0]
        lit = "lit. " + literal[0].text
        candidates[0] = replace(first, note=_note([*(first.note or "").split("; "), lit]))
    candidates.sort(key=_tier)
    seen: set[str] = set()
    out = []
    for sense in candidates:
        key = sense.text.casefold()
        if key not in seen:
            seen.add(key)
            out.append(sense)
    return tuple(out)
