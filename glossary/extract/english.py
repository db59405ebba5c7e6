"""Step 2 and 3 for English: candidate renderings before (and after) a bracket, and their span.

In order of precedence: a quoted phrase; Latin words spelling the term's
sound (pinyin, with a translation near it when the text gives one); a
capitalised name; a lowercase noun phrase sized by the term's length, cut at
function words and verbs, then adjusted by the dictionary
(:mod:`glossary.extract.edges`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from glossary.extract.chars import HAN, RE_ACRONYM_WORD, RE_HANGUL, RE_NAME_WORD, RE_ORDINAL, TONE_MARKS, WORD
from glossary.extract.lexicon import lexicon
from glossary.extract.edges import opens_sentence, term_leads_with_verb, extend_by_dictionary, extend_by_head, generic_tail, trim_by_dictionary
from glossary.extract.quotes import quoted_before
from glossary.extract.sound import korean_kind, maybe_pinyin, maybe_romanization, spells_nothing_longer
from glossary.extract.wordclass import is_capital, is_possessive, is_verb, is_verbish_ing, verbish_after_to, weight
from glossary.extract.words import FRAMING_NOUNS, ADVERBS, AUXILIARIES, CLAUSE_WORDS, COMPARATIVES, CONNECTORS, DETERMINERS, DET_PREP, HARD, HONORIFICS, NAME_POSSESSIVES, NO_END, PREPOSITIONS, SUBORDINATORS, VERBS, VERB_HEADS, VERB_STEMS_SET


def clean_gloss(text: str) -> str:
    text = re.sub(r"^(?:lit\.|literally|i\.e\.,?|meaning|or)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = text.strip(" '\"“”‘’.,;:")
    words = text.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an") and not any(w.lower() in HARD for w in words):
        text = text[len(words[0]):].lstrip()  # but a quoted clause keeps it: "the East is rising ..."
    return text


def english_gloss(before: str, term: str, after: str) -> tuple[str | None, str | None, str | None]:
    """English-side rendering before a bracket: (gloss, gloss_kind, pinyin)."""

    n = len(term)
    quoted = quoted_before(before, after)
    if quoted:
        gloss = clean_gloss(quoted)
        if maybe_pinyin(gloss, term):  # ‘involution’—or *neijuan* (内卷): the pinyin is quoted too
            return after_pinyin(gloss, after, before, term)
        return with_kind(object_of_quoted_clause(gloss, term), term, after)
    tokens = [(m.group(), m.start()) for m in WORD.finditer(before, max(0, len(before) - 130))]
    if not tokens:
        return None, None, None
    # Latin forms of the reading: the last k words spelling pinyin or the Korean
    # reading. Shortest first; stop once longer than any reading of the term.
    letters = 0
    for tok, pos in reversed(tokens):
        if not (tok[0].isalpha() and (tok.isascii() or TONE_MARKS.search(tok))):
            break
        letters += len(tok)
        if letters > 7 * n:
            break
        if letters >= n:
            span = before[pos:].strip()
            if maybe_pinyin(span, term):
                return after_pinyin(span, after, before, term)
            if maybe_romanization(span, term):
                gloss, kind, _ = after_pinyin(span, after)
                return (gloss, kind, None) if kind == "translation" else (span, "romanization", None)
            if spells_nothing_longer(span, term):
                break  # nor can a span further left
    # A firm's legal form ends in a full stop: Contemporary Amperex Technology Co. Ltd. (宁德时代).
    dotted = len(tokens) > 2 and tokens[-1][0] == "." and tokens[-2][0] in LEGAL_FORMS
    start = phrase_start(tokens[:-1] if dotted else tokens, n, term)
    if start is None:
        return None, None, None
    start = trim_by_dictionary(tokens, extend_by_dictionary(tokens, start, term), term)
    start = extend_by_head(tokens, start, term)
    end = len(before)
    if start < len(tokens) - 1 and generic_tail(tokens, term):  # the biomanufacturing sector (生物制造)
        end = tokens[-2][1] + len(tokens[-2][0])
    gloss = before[tokens[start][1]:end].strip().rstrip("'\"“”‘’ ")
    if '"' in gloss or "“" in gloss or "”" in gloss:
        gloss = " ".join(gloss.replace('"', "").replace("“", "").replace("”", "").split())
    gloss = gloss.strip(" ,;:")
    if not gloss or not any(ch.isalpha() for ch in gloss) or gloss.lower() in FRAMING_NOUNS:  # "the term (躺平 …)"
        return None, None, None
    return with_kind(gloss, term, after)


#: A quoted imperative clause: "Accelerate the development of military intelligentization".
RE_IMPERATIVE = re.compile(r"([A-Z][a-z]+) (?:the|a|an) ([a-z]+) of (?:the )?(.+)")


def object_of_quoted_clause(quoted: str, term: str) -> str:
    """The object of a quoted slogan whose verb and head the term does not have.

    '‘Accelerate the development of military intelligentization” (军事智能化)' renders only
    its last words; but when the term opens with the verb (加快建设现代化产业体系,
    加快 = accelerate) the whole clause is the rendering.
    """
    m = RE_IMPERATIVE.fullmatch(quoted)
    if not m or term_leads_with_verb(term):
        return quoted
    lex = lexicon(term)
    if lex.keys(m.group(1)) or lex.keys(m.group(2)) or not lex.keys(m.group(3).split()[-1]):
        return quoted
    return m.group(3)


def with_kind(gloss: str, term: str, after: str) -> tuple[str | None, str | None, str | None]:
    if maybe_pinyin(gloss, term):
        return after_pinyin(gloss, after)
    if maybe_romanization(gloss, term):
        return gloss, "romanization", None
    if RE_HANGUL.search(gloss):
        return gloss, korean_kind(gloss, term), None
    return gloss, "translation", None


AFTER_PINYIN = re.compile(
    r"^\s*[,:—–-]?\s*(?:(?:or|meaning|literally|lit\.|i\.e\.,?|that is,?),?\s*){0,2}[“\"‘']"
    rf"([^”\"’'()\[\]{HAN}]{{1,80}}?)[.,]?[”\"’']")


KNOWN_AS = re.compile(r",?\s+(?:known|referred to|rendered)\s+(?:in\s+Chinese\s+)?as\s*$|,?\s+(?:called|dubbed|termed)\s*$")


#: Unquoted English after the bracket and "or": zhan lang waijiao (战狼外交), or wolf warrior diplomacy, ...
OR_AFTER_PINYIN = re.compile(r"^\s*,\s*or\s+([a-z][a-z'’\-]*(?: [a-z][a-z'’\-]*){0,5})\s*(?:[,;—–]|\.(?!\w))")
#: "or" between an English rendering and the pinyin that follows it: “Common prosperity,” or gongtong fuyu.
OR_BEFORE_PINYIN = re.compile(r"(?:,\s*|\s*[—–]\s*|\s+)or\s*$")


def after_pinyin(pinyin: str, after: str, before: str = "", term: str = "") -> tuple[str, str, str | None]:
    """Pinyin beside the bracket, and a translation near it when the text gives one.

    ``tang ping (躺平), or "lying flat."``: the translation follows the bracket;
    ``the trade-in scheme known as yijiu huanxin (以旧换新)``: it precedes the pinyin;
    ``“common prosperity,” or gongtong fuyu (共同富裕)``: it precedes the "or".
    The English is the rendering; the pinyin goes to ``pinyin``.
    """
    m = AFTER_PINYIN.match(after) or OR_AFTER_PINYIN.match(after)
    if m and m.re is OR_AFTER_PINYIN and (m.group(1).split()[0] in HARD or m.group(1).split()[0] in SUBORDINATORS):
        m = None  # a clause, not a rendering: (躺平), or they quit.
    if m:
        return clean_gloss(m.group(1)), "translation", pinyin
    tail = before.rstrip().rstrip("”’\"'»*")
    head = tail[: -len(pinyin)].rstrip("“‘\"'«*") if tail.endswith(pinyin) else ""
    m = OR_BEFORE_PINYIN.search(head)
    if m and term:
        gloss, kind, _ = english_gloss(head[:m.start()], term, head[m.start():])
        if gloss and kind == "translation":
            return gloss, "translation", pinyin
    m = KNOWN_AS.search(head)
    if m:
        tokens = [(t.group(), t.start()) for t in WORD.finditer(head, 0, m.start())]
        passive = any(t.lower() in HARD or t.lower().endswith("ly") or t.lower() in ADVERBS for t, _ in tokens[-2:])
        start = phrase_start(tokens, max(2, len(pinyin.split())), "") if tokens and not passive else None
        if start is not None:
            return head[tokens[start][1]:m.start()].strip(" ,"), "translation", pinyin
    return pinyin, "pinyin", pinyin


def phrase_start(tokens: list[tuple[str, int]], n: int, term: str) -> int | None:
    """Index of the first token of the rendering that ends the token list."""
    last = tokens[-1][0]
    if not (last[0].isalnum()):
        return None
    if last.lower() in NO_END:
        return None
    allow_digits = has_digit(term) or numbers_agree(tokens[-3:], term) or numbered(tokens, term)
    if RE_ACRONYM_WORD.fullmatch(last) and len(tokens) > 1 and tokens[-2][0][:1].islower() \
            and tokens[-2][0].lower() not in NO_END:
        return noun_phrase_start(tokens, n, allow_digits, term)
    if is_capital(last) or (last[0].isdigit() and allow_digits):
        start = sentence_lead(tokens, name_start(tokens, n, allow_digits), term)
        names = sum(1 for t, _ in tokens[start:] if t[0].isalnum())
        if names < min((n + 1) // 2, 4) and start > 1 and tokens[start - 1][0].lower() in ("the", "of"):
            # A name inside a longer phrase: centenary goal of the People's Liberation Army.
            longer = noun_phrase_start(tokens, n, allow_digits, term)
            if longer is not None and longer < start:
                return longer
        return start
    return noun_phrase_start(tokens, n, allow_digits, term)


#: Legal forms of a firm, written with a full stop: Co. Ltd., Inc., Corp.
LEGAL_FORMS = ("Co", "Ltd", "Inc", "Corp", "Plc", "Bhd")


def sentence_lead(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Past the words a capitalised span took only because they open the sentence.

    "Shares of Alibaba Group (阿里巴巴集团)", "Protests in Hong Kong (香港)": a
    sentence's first word is capitalised, and "of" and "in" join names. The
    first word is cut, with the "of" or "in" after it, when it renders no
    part of the term (the dictionary alignment) and the words after it do.
    Only a word followed by "of"/"in", or hyphenated, and no participle:
    participles open names ("Made in China 2025").

    >>> sentence_lead([("Shares", 0), ("of", 7), ("Alibaba", 10), ("Group", 18)], 0, "阿里巴巴集团")
    2
    >>> sentence_lead([("Protests", 0), ("in", 9), ("Hong", 12), ("Kong", 17)], 0, "香港")
    2
    >>> sentence_lead([("Ministry", 0), ("of", 9), ("Commerce", 12)], 0, "商务部")
    0
    """
    if start + 1 >= len(tokens) or not opens_sentence(tokens, start):
        return start
    first, after = tokens[start][0], tokens[start + 1][0]
    joined = after in ("of", "in")
    if not (joined or "-" in first):
        return start
    if is_verb(first) and not first.endswith("s") and "-" not in first:
        return start  # a participle (Made in China 2025); "Shares" is a verb too, and a plural noun
    lex = lexicon(term)
    rest = start + 2 if joined else start + 1
    if not lex.segments or lex.keys(first) or rest >= len(tokens):
        return start
    return rest if any(lex.keys(t) for t, _ in tokens[rest:] if t[0].isalnum()) else start


CJK_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def numbers_agree(tokens: list[tuple[str, int]], term: str) -> bool:
    """A number before the bracket spells the term's numerals: 1992 Consensus (九二共识)."""
    digits = numerals(term)
    return len(digits) >= 2 and any(t.isdigit() and digits in t for t, _ in tokens)


def numbered(tokens: list[tuple[str, int]], term: str) -> bool:
    """"No. N" before the bracket spells the term's numeral: No. 1 Central Document (中央一号文件)."""
    digits = numerals(term)
    return bool(digits) and any(
        tokens[k][0] == "No" and tokens[k + 1][0] == "." and tokens[k + 2][0] == digits
        for k in range(max(0, len(tokens) - 8), len(tokens) - 2))


@lru_cache(maxsize=16384)  # per distinct term: every English rendering of it asks
def numerals(term: str) -> str:
    """The digits a term spells, CJK numerals as digits: 九二共识 -> "92"."""
    return "".join(ch for ch in term.translate(CJK_DIGITS) if ch.isdigit())


def has_digit(word: str) -> bool:
    """Whether a word holds a digit; most words are letters alone, which no digit is (checked on every code point)."""
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def name_start(tokens: list[tuple[str, int]], n: int, allow_digits: bool) -> int:
    """A capitalised name: Belt and Road Initiative, Two Sessions, Peng Zhen."""
    i = len(tokens) - 1
    start = i
    if tokens[i][0].lower() in CLAUSE_WORDS:
        return i

    def name_word(k: int) -> bool:
        tok = tokens[k][0]
        if not is_capital(tok) or not RE_NAME_WORD.match(tok) or tok.lower() in CLAUSE_WORDS:
            return False
        if is_possessive(tok):  # the People's Bank, National People's Congress; not China's, the EU's
            return tok.lower().replace("’", "'") in NAME_POSSESSIVES
        return True

    while i > 0:
        prev = tokens[i - 1][0]
        if name_word(i - 1):
            i -= 1
            start = i
            continue
        if prev.isdigit() and allow_digits:
            i -= 1
            start = i
            continue
        if prev == "." and i >= 2 and tokens[i - 2][0] in ("No", "Art", "Vol", "Doc", *LEGAL_FORMS):
            i -= 2  # Document No. 9
            start = i
            continue
        # Lowercase connectors inside a name: Belt and Road, Thought on Socialism with ... for a New Era.
        k = i - 1
        while k >= 0 and i - k <= 2 and tokens[k][0] in CONNECTORS:
            k -= 1
        if k < i - 1 and k >= 0 and name_word(k):
            i = k
            start = i
            continue
        break
    # Titles before a personal name: President Xi Jinping -> Xi Jinping; and where the titles
    # follow a place, the name after the last: Hong Kong Chief Executive John Lee -> John Lee.
    names = [t for t, _ in tokens[start:]]
    if n <= 3 and len(names) >= 2:  # Chinese personal names have two or three hanzi
        k = 0
        while k < len(names) - 1 and (names[k].lower().rstrip(".") in HONORIFICS or names[k].isupper() and len(
                names[k]) <= 5 and names[k + 1].lower().rstrip(".") in HONORIFICS):  # KMT Chairman Eric Chu
            k += 1
        if not k and len(names) >= 4:
            last = max((j for j, w in enumerate(names[:-2]) if w.lower() in HONORIFICS), default=-1)
            if last > 0:
                k = last + 1
        if k and 2 <= len(names) - k <= 3:  # a name of its own: not "State Council" -> "Council"
            start += k
    return start


def noun_phrase_start(tokens: list[tuple[str, int]], n: int, allow_digits: bool, term: str = "") -> int | None:
    """A lowercase noun phrase, cut at the first boundary once long enough for the term.

    ``need`` is how many content words a term of ``n`` hanzi usually takes in
    English (one per two hanzi, at most four); determiners, prepositions,
    verbs and possessives end the phrase once it is that long.
    """
    need = min((n + 1) // 2, 4)
    verb_term = term[:2] in VERB_HEADS
    content = 0
    start = len(tokens) - 1
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i][0]
        low = tok.lower()
        if tok in "\"”" and content < need and i > 0:
            # Quoted words inside the phrase: "appropriately loose" monetary policy.
            k = next((k for k in range(i - 1, max(-1, i - 12), -1) if tokens[k][0] in "\"“"), None)
            if k is not None:
                content += sum(weight(t) for t, _ in tokens[k + 1:i] if t[0].isalnum())
                start = k + 1
                i = k - 1
                continue
        if tok == "." and allow_digits and i > 0 and tokens[i - 1][0] == "No" and tokens[i + 1][0].isdigit():
            start = i - 1  # the No. 1 central document (中央一号文件)
            i -= 2
            continue
        if not tok[0].isalnum() or has_digit(tok) and not (allow_digits or RE_ORDINAL.match(tok)) \
                or low in HARD:
            break
        if low in SUBORDINATORS:
            break
        if low in ("one's", "one’s"):
            i -= 1
            continue
        if is_possessive(tok) and (tok[0].isupper() or content >= need):
            if not (content < need and tok.lower().replace("’", "'") in NAME_POSSESSIVES):
                break
        if low in DETERMINERS:
            if content >= need:
                if verb_term and i > 0 and tokens[i - 1][0].lower().endswith("ing") and len(tokens[i - 1][0]) > 4:
                    start = i - 1  # a verb-object term: raising the incomes of low-income groups (提高低收入群体收入)
                break
            i -= 1
            continue
        if low == "of" and content and i > 0 and tokens[i - 1][0].lower() in FRAMING_NOUNS:
            break  # the concept of holistic national security (总体国家安全观)
        if low in PREPOSITIONS:
            if content >= need and not (low == "of" and i > 0 and is_verbish_ing(tokens[i - 1][0])
                                        and (i < 2 or tokens[i - 2][0].lower() in DET_PREP)):
                break
            i -= 1
            continue
        if low in ("and", "or"):
            if i > 0 and tokens[i - 1][0] in (",", ";") or i + 1 < len(tokens) and tokens[i + 1][0] in PREPOSITIONS:
                break  # a list, or coordinated clauses: "in the Gobi desert and by distributed solar"
            i -= 1
            continue
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else ""
        before = tokens[i - 1][0].lower() if i > 0 else ""
        if content >= need and before == "to" and verbish_after_to(tok, tokens[i:]) \
                or content and before == "to" and low in VERB_STEMS_SET and not verb_term and term \
                and not lexicon(term).keys(tok) \
                or content >= min(need, 2) and before in AUXILIARIES:
            break  # a verb: "to attract new energy vehicle", "is building ultra-high-voltage lines"
        if content >= need and (low.endswith("ed") and len(low) > 4 or low in COMPARATIVES) \
                and nxt not in PREPOSITIONS and nxt not in ("and", "or"):
            break  # an adjective that qualifies, not names: "the shortened negative list"
        if content >= min(need, 2) and nxt not in ("and", "or") and (
                low in VERBS or is_verbish_ing(tok) or low.endswith(("ed", "ing")) and len(low) > 4 and (
                    low.endswith("ed") or nxt in DETERMINERS)):
            prev = tokens[i - 1][0].lower() if i > 0 else ""
            if verb_term and low.endswith("ing"):
                start = i  # the gerund renders the verb of the term: banning illegal incomes (取缔非法收入)
                break
            if nxt in DETERMINERS:
                break  # a verb with its object: "building a modern industrial system"
            if low.endswith("ed") and nxt in PREPOSITIONS or prev == "to" and low in VERB_STEMS_SET:
                pass  # a participle or an infinitive inside the phrase: "policies focused on", "plan to boost"
            elif low in VERBS and not low.endswith(("ing", "ed")):
                if nxt != "to":
                    break  # "prefer domestic circulation", "run by"; but "plan to boost": a noun
            elif not (i == 0 or not prev[:1].isalnum() or prev in DET_PREP):
                break
        if tok[0].isupper() and content >= need and low in CLAUSE_WORDS:
            break
        if content >= max(need * 3, 8):
            break
        content += weight(tok)
        start = i
        i -= 1
    if content == 0:
        return None
    return start
