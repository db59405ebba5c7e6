"""Steps 1-4 together: one bracket (or one CJK run) -> occurrence fields.

:func:`analyse` finds the bracket around a run; :func:`from_bracket` splits it
into parts, takes the rendering inside or beside it, and classifies it;
:func:`glossed_after` handles a run outside brackets with its rendering in
the bracket after it (以旧换新 (trade-in), 雙循環·이중순환).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.extract.brackets import REACH, find_closer, find_opener, in_title_bracket
from glossary.extract.chars import RE_SENTENCE_PUNCT, CLOSERS, HAN, HANGUL, HAN_CHAR, OPENERS, PAIRS, RE_COUPLET, RE_DATE, RE_LAW, RE_NEXT_BRACKET
from glossary.extract.english import AFTER_PINYIN, clean_gloss, english_gloss, with_kind
from glossary.extract.kinds import is_clause, kind_of, name_kinds
from glossary.extract.korean import korean_gloss, korean_words_after
from glossary.extract.parts import Part, latin_role, repair, split_parts
from glossary.extract.quotes import quoted_before
from glossary.extract.sound import korean_kind
from glossary.extract.text import is_korean_context, strip_aside, text_before, unmark_emphasis, within_sentence
from glossary.extract.words import FIRM_NOUNS, NOT_LAWS, PARTICLES


def analyse(text: str, start: int, end: int) -> tuple[list[tuple[int, dict]], int]:
    """Occurrences for the CJK run at ``text[start:end]``, and where to resume."""
    opener = find_opener(text, start)
    if opener != -1:
        closer = find_closer(text, opener)
        if closer == -1:  # (korean, issue 15) an excerpt cut inside the bracket, see cut_bracket
            cut = cut_bracket(text, opener)
            if cut is not None and cut[1] > end:  # the run inside the cut bracket
                return cut
        if closer != -1 and closer >= end:
            inner = (opener, closer)
            # Doubled or nested brackets: ((兩會)), (《政府工作報告》).
            while opener > 0 and text[opener - 1] in PAIRS and closer + 1 < len(text) \
                    and text[closer + 1] == PAIRS[text[opener - 1]]:
                opener, closer = opener - 1, closer + 1
            if opener > 0 and text[opener - 1] in "(（" and text[opener] in "《〈「『<≪":
                # A title bracket opening a round one with more in it: (《政府工作报告》, Government Work Report).
                outer = find_closer(text, opener - 1)
                if outer > closer:
                    opener, closer = opener - 1, outer
            return from_bracket(text, opener, closer, inner), closer + 1
    return glossed_after(text, start, end)


def cut_bracket(text: str, opener: int) -> tuple[list[tuple[int, dict]], int] | None:
    """(korean, issue 15) Occurrences of a bracket an excerpt cut, read as closed at the cut; else None.

    Quoted and scraped copies of news stop mid-bracket and mark it with an
    ellipsis: ``자오러지(趙樂際·65, ..`` still holds the term. Only a line that
    ends in an ellipsis (``..``, ``…``) with no bracket after the opener counts.
    The bracket is read in a copy of its window with the ellipsis's first
    character as the closer (offsets shifted back), so the cost per opener is
    bounded by :data:`REACH` like :func:`find_closer`'s.

    >>> found, resume = cut_bracket("자오러지(趙樂際·65, ..", 4)
    >>> found[0][1]["term"], found[0][1]["gloss"], resume
    ('趙樂際', '자오러지', 14)
    >>> cut_bracket("자오러지(趙樂際·65, 상무위원", 4), cut_bracket("자오러지(趙樂際·65, .. 상무", 4)
    (None, None)
    """
    hi = min(len(text), opener + REACH)
    line_end = text.find("\n", opener, hi)
    if line_end == -1:
        if hi < len(text):
            return None  # the line goes on past the reach
        line_end = len(text)
    line = text[opener + 1:line_end].rstrip(" \t\r")
    inside = line.rstrip(".…⋯")
    cut = line[len(inside):]
    if not ("…" in cut or "⋯" in cut or cut.count(".") >= 2) or any(ch in OPENERS or ch in CLOSERS for ch in inside):
        return None
    at = opener + 1 + len(inside)
    lo = max(0, opener - REACH)
    window = text[lo:at] + PAIRS[text[opener]] + text[at + 1:line_end + 1]
    found = from_bracket(window, opener - lo, at - lo, (opener - lo, at - lo))
    return [(pos + lo, fields) for pos, fields in found], at + 1


#: After a one-hanja bracket, a particle that closes the word and then a break: 한(漢)과, 청(淸)을.
_WORD_END = re.compile("(?:" + "|".join(sorted(map(re.escape, PARTICLES), key=len, reverse=True)) + r")(?![가-힣])")


def word_of_its_own(text: str, opener: int, closer: int) -> bool:
    """(korean, issue 15) Whether one hanja in brackets glosses a whole Korean word, not one syllable of it.

    A dynasty or a state named by one character is a word: its syllable stands
    alone before the bracket and a particle closes it (한(漢)과 당(唐)을).
    A prefix glosses one syllable of the word it opens (반(反)부정경쟁,
    신(新)3종, 반(反) 인벌루션), and a syllable inside a word is no word (서부국(司)).

    >>> word_of_its_own("전기는 한(漢)과 당(唐)을", 5, 7), word_of_its_own("반(反)부정경쟁", 1, 3)
    (True, False)
    >>> word_of_its_own("반(反) 인벌루션", 1, 3), word_of_its_own("서부국(司) 부국장", 3, 5)
    (False, False)
    """
    if opener < 1 or not "가" <= text[opener - 1] <= "힣" or (opener > 1 and "가" <= text[opener - 2] <= "힣"):
        return False
    return _WORD_END.match(text, closer + 1) is not None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rendering on offer for a bracket: its text, what it is, and where it was found."""

    gloss: str
    gloss_kind: str | None
    source: str  # title | beside | inside | inside-title | inside-hangul | next-bracket


#: How much each candidate is trusted, by where it was found and what it is; the
#: highest wins (:func:`choose_rendering`). Hand-set, in the order a terminologist
#: reads a bracket, and checked on the held-back documents of the development set:
#:
#: - an English title before a colon inside the bracket names the thing itself;
#: - the words beside the bracket are the writer's rendering, unless they are only
#:   pinyin or a romanised reading, which an English translation inside the bracket
#:   (``lit. 'hide one's light'``) outranks;
#: - a title's English in Title Case inside its bracket is the title as published:
#:   (《政府工作报告》, Government Work Report);
#: - a Korean reading inside the bracket (``2개의 회의(양회, 兩會)``) outranks a
#:   paraphrase beside it, not a reading or transcription;
#: - other hangul inside is a fallback: in Korean texts before Latin inside, in
#:   English texts after the bracket that follows (「共同富裕」 (common prosperity));
#: - pinyin inside is the rendering only when the text gives nothing else.
WEIGHTS = {
    ("title", None): 100,
    ("beside", "hangul"): 70, ("beside", "transcription"): 70, ("beside", "name"): 70,
    ("inside-hangul", "hangul"): 60,
    ("inside-title", "translation"): 55,
    ("beside", "translation"): 50, ("beside", "romanization"): 45,
    ("inside", "translation"): 40,
    ("beside", "pinyin"): 20,
    ("inside", "romanization"): 15,
    ("next-bracket", None): 10,
    ("inside", "pinyin"): 8,
}
#: Hangul inside the bracket that is not the reading (or any, in an English text), by the language of the text.
HANGUL_INSIDE = {"ko": 42, "en": 5}


def weight(candidate: Candidate, lang: str) -> int:
    """The trust in one candidate (see :data:`WEIGHTS`).

    >>> weight(Candidate("양회", "hangul", "inside-hangul"), "ko") > weight(Candidate("2개의 회의", "translation", "beside"), "ko")
    True
    """
    if candidate.source == "inside-hangul" and (candidate.gloss_kind != "hangul" or lang == "en"):
        return HANGUL_INSIDE[lang]
    found = WEIGHTS.get((candidate.source, candidate.gloss_kind))
    if found is None:
        found = WEIGHTS.get((candidate.source, None), 0)
    return found


def choose_rendering(candidates: list[Candidate], lang: str) -> Candidate | None:
    """The candidate to keep: the highest weight, the first found on a tie.

    >>> choose_rendering([Candidate("taoguang yanghui", "pinyin", "beside"),
    ...                   Candidate("hide one's light", "translation", "inside")], "en").gloss
    "hide one's light"
    """
    best = None
    for c in candidates:
        if best is None or weight(c, lang) > weight(best, lang):
            best = c
    return best


def from_bracket(text: str, opener: int, closer: int, inner: tuple[int, int]) -> list[tuple[int, dict]]:
    """Occurrences for a bracket holding CJK: term(s) inside, rendering outside."""
    content = text[inner[0] + 1:inner[1]]
    parts = split_parts(content)
    han = [p for p in parts if p.kind == "han" and not RE_DATE.fullmatch(p.text)]
    if not han:
        return []
    rest = text[inner[1] + 1:closer].strip(" ,;；，")
    if rest and not HAN_CHAR.search(rest):
        parts = parts + split_parts(rest)  # what follows a title bracket inside the round one
    term = repair(han[0].text)
    variants = []
    extra_terms = []
    for p in han[1:]:
        other = repair(p.text)
        if other == term:
            continue
        if len(other) == len(term) and p.label not in ("lit",) and same_term(other, term):
            variants.append(other)
        else:
            extra_terms.append((other, p.text))
    bracket = text[inner[0]] + text[inner[1]]
    outer = text[opener] + text[closer]
    abbrev = pinyin = None
    inside_gloss: tuple[str, str] | None = None
    title_gloss = None
    hangul_inside = None
    for p in parts:
        if p.kind == "latin":
            role = latin_role(p.text, term, p.label)
            if role == "abbrev" and abbrev is None:
                abbrev = p.text
            elif role == "pinyin" and pinyin is None:
                pinyin = p.text
            elif p.label == "title":
                title_gloss = p.text
            elif inside_gloss is None and role in ("translation", "romanization"):
                inside_gloss = (p.text.strip("'\"‘’“”"), role)
        elif p.kind == "hangul" and hangul_inside is None and len(p.text.replace(" ", "")) >= 2:
            hangul_inside = p.text
    kind = kind_of(term, bracket, title_gloss is not None, content)
    if kind == "term" and text[inner[1] + 1:inner[1] + 2] in "》〉』」>≫" and bracket in ("()", "（）", "[]") \
            and in_title_bracket(text, inner[0], inner[1]):
        kind = "title"
    gloss: str | None = None
    gloss_kind: str | None = None
    before, aside = strip_aside(text_before(text, opener))
    before = unmark_emphasis(before)
    if aside and abbrev is None:
        abbrev = aside
    after = text[closer + 1:closer + 120]
    korean = is_korean_context(before, after)
    lang = "ko" if korean else "en"
    candidates: list[Candidate] = []
    if title_gloss:
        candidates.append(Candidate(title_gloss, "translation", "title"))
    if inside_gloss is not None:
        titled = kind == "title" and inside_gloss[1] == "translation" and inside_gloss[0].istitle()
        candidates.append(Candidate(inside_gloss[0], inside_gloss[1], "inside-title" if titled else "inside"))
    if hangul_inside:
        candidates.append(Candidate(hangul_inside, korean_kind(hangul_inside, term), "inside-hangul"))
    if pinyin:
        candidates.append(Candidate(pinyin, "pinyin", "inside"))
    if not korean:
        m = RE_NEXT_BRACKET.match(after)
        if m and m.group(1).strip():  # 「共同富裕」 (common prosperity)
            nxt = clean_gloss(m.group(1))
            candidates.append(Candidate(nxt, with_kind(nxt, term, "")[1], "next-bracket"))
    if title_gloss:
        pass  # the title inside outranks anything beside
    elif kind == "other" and len(term) > 8:  # a sentence: nothing beside it renders it
        quoted = None if korean or RE_SENTENCE_PUNCT.search(content) else quoted_before(before, after, 40)
        if quoted and len(quoted.split()) >= 6:
            # A long name in quotes with its Chinese in brackets, no sentence punctuation:
            # a report's or a speech's title, “Secure a Decisive Victory …” (决胜…).
            candidates.append(Candidate(clean_gloss(quoted), "translation", "title"))
            kind = "title"
    else:
        beside, beside_kind, pin = (korean_gloss if korean else english_gloss)(before, term, after)
        if pin and not pinyin:
            pinyin = pin
        if beside:
            candidates.append(Candidate(beside, beside_kind, "beside"))
    best = choose_rendering(candidates, lang)
    gloss, gloss_kind = (best.gloss, best.gloss_kind) if best else (None, None)
    if best and best.source != "beside" and any(c.source == "beside" and c.gloss_kind == "pinyin" for c in candidates):
        pinyin = pinyin or next(c.gloss for c in candidates if c.source == "beside")
    if korean and gloss and len(term) == 1 and gloss_kind == "hangul" and not word_of_its_own(text, opener, closer):
        kind = "other"  # one hanja glossing one syllable: 반(反)부정경쟁
    if kind == "term" and gloss and term.endswith("法") and not term.endswith(NOT_LAWS) \
            and (gloss.endswith("법") or RE_LAW.search(gloss)):
        kind = "title"  # a law named as such: Law on Deputies (代表法), 데이터 보안법(數據安全法)
    if korean and gloss_kind == "translation" and kind == "term" and gloss and gloss.endswith("다") \
            and len(term) >= 5:
        kind = "other"  # a quoted sentence: '청년이 강하면 나라가 강하다(青年強則國家強)'
    kind, gloss_kind = name_kinds(term, kind, gloss, gloss_kind)
    if kind == "term" and gloss_kind == "pinyin" and gloss and not korean and firm_named(before, gloss):
        kind, gloss_kind = "name", "name"  # food delivery platform Meituan (美团): a firm by its pinyin
    if kind == "name" and gloss and not korean and best and best.source == "beside":
        gloss = after_firm_noun(gloss)
    term_at = max(text.find(han[0].text, inner[0]), inner[0])
    if extra_terms and len(extra_terms) + 1 == len(han):
        whole = content.strip(" '\"‘’“”")
        if "," in whole and all(p.kind == "han" for p in parts) and is_clause([repair(p.text) for p in han]):
            # A Chinese sentence glossing a paraphrase: one occurrence, never three terms.
            return [(term_at, dict(term=repair(whole), kind="other", bracket=outer))]
        found = parallel(text, inner, before, after, han, korean, outer)
        if found:
            return found
        whole = content.strip(" '\"‘’“”")
        if all(p.kind == "han" for p in parts) and all(len(p.text) >= 3 for p in han) \
                and RE_COUPLET.fullmatch(whole):
            # One slogan in two halves with one rendering: (以史爲鑑, 面向未來).
            term, extra_terms, kind = repair(whole), [], "other"
    fields = dict(term=term, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev, pinyin=pinyin,
                  variants=tuple(variants), kind=kind, bracket=bracket if kind == "title" else outer)
    found = [(term_at, fields)]
    for other, written in extra_terms:
        at = text.find(written, inner[0], inner[1])
        found.append((at if at != -1 else term_at, dict(term=other, kind=kind_of(other, bracket, False),
                                                        bracket=outer)))
    return found


def firm_named(before: str, pinyin: str) -> bool:
    """Capitalised pinyin after a noun that names a firm: search giant Baidu, delivery platform Meituan.

    The dictionary knows few of China's younger firms, and English texts give
    them by their pinyin after what they are, as they give persons after a title.

    >>> firm_named("the food delivery platform Meituan ", "Meituan"), firm_named("the so-called Gaotie ", "Gaotie")
    (True, False)
    """
    head = before.rstrip()
    if not (pinyin[:1].isupper() and pinyin.isascii() and head.endswith(pinyin)):
        return False
    words = head[: len(head) - len(pinyin)].split()
    return bool(words) and words[-1].lower().strip(",") in FIRM_NOUNS


def after_firm_noun(gloss: str) -> str:
    """A firm's name without the words before it that say what it is: EV maker BYD -> BYD.

    >>> after_firm_noun("EV maker BYD"), after_firm_noun("the chipmaker Hua Hong"), after_firm_noun("Huawei")
    ('BYD', 'Hua Hong', 'Huawei')
    """
    words = gloss.split()
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower() in FIRM_NOUNS and all(w[:1].isupper() for w in words[i + 1:]):
            return " ".join(words[i + 1:])
    return gloss


def same_term(a: str, b: str) -> bool:
    """Two script forms of one term (两会/兩會), not two terms (碳達峰·碳中和)."""
    from glossary.normalize import merge_key

    return merge_key(a) == merge_key(b)


def parallel(text: str, inner: tuple[int, int], before: str, after: str, han: list[Part], korean: bool,
              bracket: str) -> list[tuple[int, dict]]:
    """Several terms in one bracket with as many renderings before it.

    '탄소 정점·탄소 중립(碳達峰·碳中和)': each term gets its own rendering.
    """
    pieces = re.split(r"\s*[·・/]\s*|\s*,\s*(?:and\s+)?|\s+and\s+", within_sentence(before).rstrip())
    if len(pieces) < len(han):
        return []
    pieces = pieces[-len(han):]
    found = []
    pos = inner[0]
    for k, (part, piece) in enumerate(zip(han, pieces)):
        term = repair(part.text)
        if k == 0:
            gloss, gloss_kind, _ = (korean_gloss if korean else english_gloss)(piece, term, "")
        else:
            gloss = clean_gloss(piece) if not korean else piece.strip()
            gloss_kind = korean_kind(gloss, term) if korean else with_kind(gloss, term, "")[1]
        pos = text.find(part.text, pos)
        found.append((pos, dict(term=term, gloss=gloss, gloss_kind=gloss_kind, kind=kind_of(term, "()", False),
                                bracket=bracket)))
    return found


def glossed_after(text: str, start: int, end: int) -> tuple[list[tuple[int, dict]], int]:
    """A CJK run outside brackets: keep it when a rendering follows it.

    ``以旧换新 (trade-in)``, ``以舊換新(이구환신)``, ``雙循環·이중순환``.
    """
    j = end
    if text[end:end + 1] in "”\"’」』" and RE_OPEN_QUOTE.search(text, max(0, start - 40), start):
        j += 1  # a quoted term: "留守儿童" (liúshǒu értóng), "qīng líng 清零" ("zero [COVID]")
    while j < len(text) and text[j] in " \u3000":
        j += 1
    if j >= len(text):
        return [], end
    term = repair(text[start:end])
    ch = text[j]
    if ch == "|":
        return table_row(text, start, end, j, term)
    if ch in "·・" and j + 1 < len(text) and "\uac00" <= text[j + 1] <= "\ud7a3":
        m = re.match(rf"[{HANGUL}]+(?:\s[{HANGUL}]+)*", text[j + 1:j + 60])
        words = m.group().split() if m else []
        gloss = korean_words_after(words, len(term))
        if not gloss:
            return [], end
        return [(start, dict(term=term, gloss=gloss, gloss_kind=korean_kind(gloss, term),
                             kind="term", bracket="·"))], j + 1 + len(gloss)
    if ch not in "([（［":
        return [], end
    closer = find_closer(text, j)
    if closer == -1:
        return [], end
    content = text[j + 1:closer]
    if HAN_CHAR.search(content) or not content.strip():
        return [], end
    parts = split_parts(content)
    gloss = gloss_kind = abbrev = pinyin = None
    quoted = content.strip()
    if len(quoted) > 2 and quoted[0] in "“\"‘" and quoted[-1] in "”\"’" and any(ch.isalpha() for ch in quoted):
        parts = []  # a quoted rendering, inner brackets and all: ("zero [COVID]")
        gloss, gloss_kind = with_kind(clean_gloss(quoted), term, "")[:2]
    for p in parts:
        if p.kind == "latin":
            role = latin_role(p.text, term, p.label)
            if role == "abbrev" and abbrev is None:
                abbrev = p.text
            elif role == "pinyin" and pinyin is None:
                pinyin = p.text
            elif gloss is None and role in ("translation", "romanization"):
                gloss, gloss_kind = clean_gloss(p.text), role
        elif p.kind == "hangul" and gloss is None:
            gloss, gloss_kind = p.text, korean_kind(p.text, term)
    latin = pinyin or (gloss if gloss_kind in ("translation", "romanization") and len(gloss.split()) <= 4 else None)
    english = next_cell(text, closer) if latin and at_cell_start(text, start) else None
    if english is None and latin and at_line_start(text, start):
        english = flattened_cell(text, closer)
    if english is not None:  # a table row: | 内卷 (nèijuǎn) | involution |
        gloss, gloss_kind, pinyin = english, "translation", latin
    elif gloss is None and pinyin:
        m = AFTER_PINYIN.match(text[closer + 1:closer + 160])
        if m:  # "内卷" (nèijuǎn), literally meaning "involution."
            gloss, gloss_kind = clean_gloss(m.group(1)), "translation"
        else:
            gloss, gloss_kind = pinyin, "pinyin"
    if gloss is None and abbrev is None:
        return [], end
    bracket = text[j] + text[closer]
    kind, gloss_kind = name_kinds(term, kind_of(term, bracket, False), gloss, gloss_kind)
    return [(start, dict(term=term, gloss=gloss, gloss_kind=gloss_kind, abbrev=abbrev, pinyin=pinyin,
                         kind=kind, bracket=bracket))], closer + 1


#: An opening quote on the same line before a term: "qīng líng 清零".
RE_OPEN_QUOTE = re.compile("[“\"‘「『][^”\"’」』\n]*$")


def at_cell_start(text: str, start: int) -> bool:
    """Whether a term opens a Markdown table cell: ``| 内卷 ...``."""
    i = start - 1
    while i >= 0 and text[i] in " \t*":
        i -= 1
    return i >= 0 and text[i] == "|"


def at_line_start(text: str, start: int) -> bool:
    """Whether a term opens its line (a flattened table row, a list heading)."""
    i = start - 1
    while i >= 0 and text[i] in " \t*-•":
        i -= 1
    return i < 0 or text[i] == "\n"


#: The English of a Latin table cell: letters, not a number or a score.
RE_CELL = re.compile(rf"[^|\n{HAN}]*[A-Za-z][^|\n{HAN}]*")


def next_cell(text: str, pos: int) -> str | None:
    """The next cell of a Markdown table row after ``pos``, when it is English.

    >>> next_cell("| 躺平 (tǎngpíng) | Lying flat | 2021 |", 15)
    'Lying flat'
    """
    i = pos + 1
    while i < len(text) and text[i] in " \t*":
        i += 1
    if text[i:i + 1] != "|":
        return None
    m = RE_CELL.match(text, i + 1)
    if not m or text[m.end():m.end() + 1] != "|":
        return None
    cell = m.group().strip(" \t*")
    return cell or None


#: A flattened table row: Title-Case words, then a year, a tab or the end of the line.
RE_FLAT_CELL = re.compile(r"[ \t]+((?:[A-Z][\w'’-]*)(?: (?:[A-Z][\w'’-]*|of|the|and|it|to|a|an|in|on))*?)(?=[ \t]+(?:1[89]\d\d|20\d\d)\b|\t|[ \t]*\n|[ \t]*$)")


def flattened_cell(text: str, pos: int) -> str | None:
    """The English column of a table flattened to text: ``打工人 (dǎgōngrén) Working Man 2020 …``.

    >>> flattened_cell("躺平 (tǎngpíng) Lying Flat 2021 A movement", 12)
    'Lying Flat'
    """
    m = RE_FLAT_CELL.match(text, pos + 1)
    return m.group(1) if m else None


def previous_cell(text: str, start: int) -> str | None:
    """The cell before the one opening at ``start``, when it is English (and not the row's start).

    >>> previous_cell("| Two Sessions | 两会 |", 16)
    'Two Sessions'
    """
    bar = text.rfind("|", 0, start)
    line_start = text.rfind("\n", 0, bar) + 1
    left = text.rfind("|", line_start, bar)
    if left == -1:
        return None
    cell = text[left + 1:bar].strip(" \t*")
    return cell if RE_CELL.fullmatch(cell) and not cell.startswith("-") else None


def table_row(text: str, start: int, end: int, bar: int, term: str) -> tuple[list[tuple[int, dict]], int]:
    """A CJK term alone in a table cell, its English beside it.

    The cell before when it is English (``| Two Sessions | 两会 | note |``:
    tables that lead with the English), else the next one (``| 小镇做题家 |
    Small-town test-taker |``).
    """
    if not at_cell_start(text, start):
        return [], end
    english = previous_cell(text, start)
    if english is None:
        english = next_cell(text, bar - 1)
    if english is None or not any(ch.isalpha() for ch in english):
        return [], end
    gloss, gloss_kind, pinyin = with_kind(english, term, "")
    return [(start, dict(term=term, gloss=gloss, gloss_kind=gloss_kind, pinyin=pinyin,
                         kind=kind_of(term, "||", False), bracket="||"))], bar
