"""Step 3, continued: move a rendering's edges by dictionary alignment.

The noun-phrase rules of :mod:`glossary.extract.english` give a first span;
these functions cut words no part of the term accounts for (qualifiers, a
clause before "at a", a stray conjunct) and take back words the rules left
out that render parts of the term (a head before "of", a leading verb).
"""

from __future__ import annotations

from functools import lru_cache

from glossary.extract.chars import HAN_CHAR, RE_HAN_ONLY
from glossary.extract.lexicon import akin, lemma_of, lexicon, sense_text
from glossary.extract.wordclass import is_possessive, is_qualifier, is_verb, is_verbish_ing
from glossary.extract.words import FRAMING_NOUNS, CONNECTORS, CUT_DETERMINERS, CUT_PREPOSITIONS, DETERMINERS, DET_PREP, GENERIC_COMPOUNDS, GENERIC_NOUNS, HARD, JOINING_HANZI, LEAD_ADVERBS, LEAD_HANZI, LEAD_PREPOSITIONS, NO_END, PREPOSITIONS, QUALIFIERS, SUBORDINATORS, VERBS, VERB_HEADS, VERB_STEMS_SET


def opens_sentence(tokens: list[tuple[str, int]], i: int) -> bool:
    """Whether word ``i`` is the first of its sentence (of the text before a bracket, its first word
    when that starts the text), so that its capital says nothing of a name.

    >>> opens_sentence([("It", 0), ("grew", 3), (".", 7), ("Stricter", 9)], 3), opens_sentence([("It", 0)], 0)
    (True, True)
    """
    return i == 0 and tokens[0][1] < 3 or i > 0 and tokens[i - 1][0] in ".!?;:\t“\""


def trim_by_dictionary(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Move the start of a rendering right past words that do not render the term.

    Three cuts, each kept only when what is left still carries the term:
    a clause before "at a"/"to its" (praised private entrepreneurs at a
    symposium); a conjunct or "X of the" head adding no word of the term that
    the rest lacks (humanoid robots and embodied intelligence); leading
    qualifiers the dictionary does not find in the term (a new nationwide
    childcare subsidy). Quoted spans and capitalised names are left whole.
    """
    span = tokens[start:]
    if len(span) < 2 or any(t in "\"“”" for t, _ in span):
        return start
    words = [t.lower() for t, _ in span]
    if all(t[:1].isupper() or w in DET_PREP or w in CONNECTORS or not t[0].isalnum() or t.isdigit()
           for (t, _), w in zip(span, words)):
        return start  # a name: Five Principles of Peaceful Coexistence, No. 1 Central Document
    if not (is_qualifier(span[0][0]) or any(
            w in ("and", "or", ",") or w in PREPOSITIONS or w in CUT_PREPOSITIONS and nxt in CUT_DETERMINERS
            for w, nxt in zip(words, words[1:]))):
        return start  # nothing to cut: the dictionary is not consulted
    lex = lexicon(term)
    if not lex.segments:
        return start
    keys = [lex.keys(t) if t[0].isalnum() else frozenset() for t, _ in span]

    def content(i: int) -> bool:
        tok = span[i][0]
        return tok[0].isalnum() and tok.lower() not in DET_PREP and tok.lower() not in ("and", "or")

    def content_word(tok: str) -> bool:
        return tok.lower() not in CONNECTORS

    def covered(lo: int, hi: int) -> set:
        out: set = set()
        for k in keys[lo:hi]:
            out |= k
        return out

    cut = 0
    # 1. A clause before a preposition and determiner: "met foreign executives at a roundtable".
    for i in range(len(span) - 2, 0, -1):
        if span[i][0] in CUT_PREPOSITIONS and span[i + 1][0].lower() in CUT_DETERMINERS \
                and i + 2 < len(span) and span[i + 2][0][:1].islower() and covered(i + 2, len(span)) \
                and any(is_verb(t) for t, _ in tokens[max(0, start - 2):start + i]):
            cut = i + 2
            break
    # 2. A conjunct, or a head before "of the", whose words that render the term
    # all recur in the rest: "Party building and ... governance of the Party".
    # A list with one item per hanzi is one rendering (亲诚惠容).
    listed = RE_HAN_ONLY.fullmatch(term) and 3 <= len(term) == 1 + sum(w in ("and", ",") for w in words)
    strong = [lex.keys(t, strong=True) if k else k for (t, _), k in zip(span, keys)]
    for i in range(len(span) - 1, cut, -1):
        if listed:
            break
        prev = span[i - 1][0].lower()
        boundary = prev in ("and", "or", ",") or prev == "the" and i >= 2 and span[i - 2][0].lower() == "of"
        p = i - 1
        while p > cut and span[p][0].lower() in DETERMINERS:
            p -= 1
        if span[p][0].lower() in PREPOSITIONS and content(i) and p > cut and not any(strong[cut:i]) \
                and not (span[i][0][:1].isupper() and span[p - 1][0][:1].isupper()):
            rest = {k for k in covered(i, len(span)) if isinstance(k, int)}
            if len(rest) == lex.size or span[p][0].lower() == "of" and 2 * len(rest) >= lex.size:
                cut = i  # a head the term does not name: mass production of humanoid robots (人形机器人)
                break
        if not boundary:
            continue
        j = i
        while j < len(span) - 1 and span[j][0].lower() in DETERMINERS:
            j += 1
        if not content(j):
            continue
        if span[j][0][:1].isupper() and i >= 2 and span[i - 2][0][:1].isupper():
            continue  # inside a name: Belt and Road, National Development and Reform Commission
        rest = covered(j, len(span))
        if not rest:
            continue
        lemmas = [lemma_of(t) for (t, _), k in zip(span[j:], keys[j:]) if k]
        keys_left = strong[cut:i] if prev in ("and", "or", ",") else keys[cut:i]
        if span[j][0][:1].isupper() and all(t[:1].isupper() for t, _ in span[j:] if t[0].isalnum() and content_word(t)) \
                and not any(t[:1].isupper() for t, _ in span[cut:i]) \
                and 2 * len({k for k in rest if isinstance(k, int)}) >= lex.size:
            cut = j  # lowercase words before a name that renders the term: small groups and the Central Financial Commission
            break
        found = {k for k in rest if isinstance(k, int)}
        # Runs of parts no word renders (具身 of 具身智能 is one run): each needs a word of its own.
        missing = sum(1 for n in range(lex.size) if n not in found and (n == 0 or n - 1 in found))
        spare = sum(1 for n in range(j, len(span)) if content(n) and not keys[n])
        if missing > spare:
            continue  # the rest cannot render the whole term: social ethics reform and anti-corruption (正風反腐)
        if all(any(akin(lemma_of(t), other) for other in lemmas)
               for (t, _), k in zip(span[cut:i], keys_left) if k):
            cut = j
            break
    # 3. Leading qualifiers that the term does not contain ("Stricter", opening the sentence, too).
    while cut < len(span) - 1 and content(cut) and not keys[cut] and (
            span[cut][0][:1].islower() or span[cut][0].lower() in QUALIFIERS and opens_sentence(tokens, start + cut)):
        rest = covered(cut + 1, len(span))
        if not rest or not is_qualifier(span[cut][0]):
            break
        if len({k for k in rest if isinstance(k, int)}) < lex.size and span[cut][0].lower() not in QUALIFIERS \
                and not (span[cut][0].lower() in GENERIC_NOUNS and sum(map(content, range(cut + 1, len(span)))) >= 2):
            break  # but "project whitelist mechanism (白名单制度)": a generic noun before a rendering of two words  # "comprehensive national security outlook": it may render what the rest lacks
        nxt = cut + 1
        while nxt < len(span) and not content(nxt) and span[nxt][0].lower() not in ("and", "or"):
            nxt += 1
        if nxt >= len(span) or not content(nxt):
            break
        cut = nxt
    if cut == 0:
        return start
    while cut < len(span) and not content(cut):
        cut += 1
    if cut >= len(span):
        return start
    return start + cut


def extend_by_dictionary(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Move the start of a rendering left over words that render parts of the term it lacks.

    The noun-phrase rules stop at words that look like verbs or at
    possessives; the dictionary shows when they still belong: "joint combat
    readiness patrols (联合战备警巡)", "China's National Security in the New
    Era (新时代的中国国家安全)". A comma list with one item per hanzi is one
    rendering: "amity, sincerity, mutual benefit and inclusiveness (亲诚惠容)".
    """
    if start == 0 or any(t in "\"“”" for t, _ in tokens[start:]):
        return start
    prev = tokens[start - 1][0]
    of = prev == "of" and start >= 2 and tokens[start - 2][0][0].isalpha()
    if not of and (not (prev[0].isalnum() or prev == ",") or prev.lower() in DET_PREP or prev.lower() in HARD):
        return start
    if prev == ",":
        return extend_list(tokens, start, term)
    if tokens[start][0][:1].isupper() and not (is_possessive(prev) and prev[:1].isupper()):
        return start  # a name grows only by a possessive: China's National Security in the New Era
    low = prev.lower()
    if low in ("and", "or") or any(ch.isdigit() for ch in prev) and not any(ch.isdigit() for ch in term):
        return start
    verb_term = term[:2] in VERB_HEADS
    if (low in VERBS or is_verb(prev)) and not verb_term and not (
            start >= 2 and tokens[start - 2][0][:1].islower() and tokens[start - 2][0].lower() not in NO_END
            and not is_verb(tokens[start - 2][0])):
        return start  # a verb before the rendering, not a word of it: "promotes cross-border data flows"
    lex = lexicon(term)
    if not lex.segments:
        return start
    have: set = set()
    for tok, _ in tokens[start:]:
        if tok[0].isalnum():
            have |= lex.keys(tok)
    name = tokens[start][0][:1].isupper()
    k = start - 1
    if of:  # the rule of law (法治), strategy of invigorating China ... (科教兴国战略)
        head = tokens[start - 2][0]
        phrase = f"{head} of {tokens[start][0]}".lower()
        if head.lower() in NO_END or head.lower() in FRAMING_NOUNS or not ({key for key in lex.keys(head, strong=True) if isinstance(key, int)} - have
                                           or phrase in sense_text(term)):
            return start
        start -= 2
        k = start - 1
        have |= lex.keys(head)
    while k >= 0:
        tok = tokens[k][0]
        low = tok.lower()
        if not tok[0].isalnum() or low in DET_PREP or low in HARD or low in SUBORDINATORS:
            break
        if is_possessive(tok) and not (name and tok[:1].isupper()):
            break
        new = {key for key in lex.keys(tok) if isinstance(key, int) and key not in have}
        if not new and not name and k > 0 and tokens[k - 1][0][0].isalpha() and not is_possessive(tok) \
                and tokens[k - 1][0].lower() not in NO_END and tokens[k - 1][0].lower() not in VERBS \
                and {key for key in lex.keys(tokens[k - 1][0]) if isinstance(key, int)} - have:
            start = k  # one word the dictionary lacks between words of the term: joint combat readiness
            k -= 1
            continue
        if not new or is_possessive(tok) and 0 in new:
            break  # "China's Ministry of Commerce (中国商务部)": the country comes first in both languages
        if (low in VERBS or low in VERB_STEMS_SET or is_verbish_ing(tok)) and not verb_term and not (
                k > 0 and tokens[k - 1][0][0].isalnum() and lex.keys(tokens[k - 1][0]) - have - lex.keys(tok)):
            break  # a verb, unless a word of the term precedes it too: "joint combat readiness patrols"
        have |= new
        start = k
        k -= 1
        if name and k >= 1 and tokens[k][0] == "and" and tokens[k - 1][0][:1].isupper() \
                and {key for key in lex.keys(tokens[k - 1][0]) if isinstance(key, int)} - have:
            k -= 1  # The Taiwan Question and China's Reunification ...
    if name and start >= 2 and tokens[start - 1][0] == "The" and tokens[start - 2][0][0].isalnum():
        start -= 1  # a title's article, capitalised in the middle of a sentence
    return start


def extend_list(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Items of a comma list before the rendering, when the list renders the term item by item."""
    n = len(term)
    span = [t.lower() for t, _ in tokens[start:]]
    if not 3 <= n <= 6 or not RE_HAN_ONLY.fullmatch(term) or "and" not in span or len(span) > 8:
        return start
    items = 1 + sum(1 for w in span if w in ("and", ","))
    k = start - 1
    first = start
    while k >= 1 and tokens[k][0] == "," and items < n:
        j = k - 1
        words = 0
        while j >= 0 and tokens[j][0][0].isalpha() and tokens[j][0][:1].islower() and words < 3:
            low = tokens[j][0].lower()
            if low in DET_PREP or low in HARD or low in VERBS or low in ("and", "or"):
                break
            words += 1
            j -= 1
        if not words:
            return start
        items += 1
        first = j + 1
        k = j
    if items != n or k >= 0 and tokens[k][0] == ",":
        return start
    return first


def generic_tail(tokens: list[tuple[str, int]], term: str) -> bool:
    """Whether the last word is a generic noun the term does not render: "debt swap programme (债务置换)".

    Kept when the term has a word or hanzi for it: "One Belt, One Road strategy (一带一路战略)".
    """
    if len(tokens) < 2 or len(term) < 2:
        return False
    last, prev = tokens[-1][0], tokens[-2][0]
    if last not in GENERIC_NOUNS or not prev[0].isalnum() or prev[:1].isupper() or prev.lower() in NO_END \
            or f"{prev} {last}".lower() in GENERIC_COMPOUNDS or any(t in "\"“”" for t, _ in tokens[-8:]):
        return False
    if len(tokens) >= 3 and "-" in prev and tokens[-3][0].lower() in NO_END:
        return False  # a hyphenated noun keeps its head: the trade-in programme (以旧换新)
    lex = lexicon(term)
    if not lex.segments or lex.keys(last):
        return False
    # The noun may render a last word of the term nothing else renders: national development strategy (国家发展大局).
    covered = {k for tok, _ in tokens[-6:-1] if tok[0].isalnum() for k in lex.keys(tok)}
    return lex.size - 1 in covered or ends_with_verb(term)


@lru_cache(maxsize=8192)
def ends_with_verb(term: str) -> bool:
    """Whether the term's last dictionary word is a verb ("to manufacture" for 制造), so no English noun renders it."""
    from glossary.dictionary import lookup_entries, segment_words

    words = [w for w in segment_words(term) if HAN_CHAR.match(w) and w not in JOINING_HANZI]
    if not words:
        return False
    senses = [x for entry in lookup_entries(words[-1]) for x in entry.senses if not x.startswith("CL:")]
    return any(x.startswith("to ") for x in senses[:3])


@lru_cache(maxsize=8192)
def term_leads_with_verb(term: str) -> bool:
    """Whether the term opens with a verb or preposition (after an adverb): 为基层减负, 全方位扩大国内需求."""
    for adverb in LEAD_ADVERBS:
        if term.startswith(adverb) and len(term) > len(adverb) + 1:
            term = term[len(adverb):]
            break
    return term[:2] in VERB_HEADS or term[0] in LEAD_HANZI


def extend_by_head(tokens: list[tuple[str, int]], start: int, term: str) -> int:
    """Move the start left over a head or verb the term names but the noun-phrase rules left out.

    A head before "of (the)"/"for" whose words render parts of the term the
    rest lacks: "second phase of the Korea-China free trade agreement
    (中韩自贸协定第二阶段谈判)"; a verb or preposition when the term opens
    with one: "ease the burden on grassroots cadres (为基层减负)",
    "according to local conditions (因地制宜)".
    """
    if start < 2 or any(t in "\"“”" for t, _ in tokens[start:]):
        return start
    j = start - 1
    if tokens[j][0].lower() == "the" and tokens[j - 1][0] == "of":
        j -= 1
    head = tokens[j][0] in ("of", "for")
    if not head and not term_leads_with_verb(term):
        return start  # nothing to look up: the common case
    lex = lexicon(term)
    if not lex.segments:
        return start
    if head:
        have = {k for t, _ in tokens[start:] if t[0].isalnum() for k in lex.keys(t) if isinstance(k, int)}
        run = []
        k = j - 1
        while k >= 0 and len(run) < 4:
            tok = tokens[k][0]
            low = tok.lower()
            if not tok[0].isalpha() or not tok[:1].islower() or low in NO_END or low in SUBORDINATORS \
                    or low in FRAMING_NOUNS \
                    or (is_verb(tok) or low in VERBS) and not (k == j - 1 and low.isalpha() and not low.endswith("ed")):
                break
            run.append(k)
            k -= 1
        first = None
        for k in run:
            if {x for x in lex.keys(tokens[k][0], strong=True) if isinstance(x, int)} - have:
                first = k
        if first is not None:
            return first
    if not term_leads_with_verb(term):
        return start
    prev = tokens[start - 1][0].lower()
    if prev == "to" and start >= 2 and tokens[start - 2][0].lower() in LEAD_PREPOSITIONS:
        return start - 2  # according to local conditions (因地制宜)
    j = start - 1 if prev in ("the", "a", "an") else start
    if j >= 2:
        verb = tokens[j - 1][0]
        low = verb.lower()
        if verb.isalpha() and verb.islower() and low not in NO_END and not low.endswith(("ed", "ing")) \
                and (tokens[j - 2][0].lower() == "to" or lex.keys(verb, strong=True)):
            return j - 1  # to ease the burden on grassroots cadres (为基层减负), and expand domestic demand
    return start
