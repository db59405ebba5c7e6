"""Signal: dictionary alignment -- which parts of a term an English word renders.

The term is segmented by the CC-CEDICT word list, and each English word of a
candidate rendering is matched by a crude lemma against the senses of the
term's words (then of its single hanzi). Indexes are built once per word and
cached, so per-occurrence work stays bounded.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from glossary.extract.chars import HAN_CHAR, HAN_RUN
from glossary.extract.words import COMBINING_FORMS, DEMONYMS, JOINING_HANZI, SENSE_STOP


@lru_cache(maxsize=65536)
def lemma_of(word: str) -> str:
    """A crude English lemma for matching against dictionary senses: Subsidies -> subsidy, China's -> china."""
    w = word.lower().replace("’", "'").strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    w = DEMONYMS.get(w, w)
    if len(w) > 4:
        if w.endswith("ies"):
            w = w[:-3] + "y"
        elif w.endswith(("sses", "xes", "ches", "shes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
            w = w[:-1]
        elif w.endswith("ing") and len(w) > 5:
            w = w[:-3]
        elif w.endswith("ed") and len(w) > 5:
            w = w[:-2]
        elif w.endswith("ly") and len(w) > 5:
            w = w[:-2]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def akin(a: str, b: str) -> bool:
    """Two lemmas of one word family: childcare ~ child, reunification ~ reunify, security ~ secure."""
    if a == b:
        return True
    p = 0
    for x, y in zip(a, b):
        if x != y:
            break
        p += 1
    return p >= 6 or p >= 5 and p == min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """English lemmas of a term's dictionary words, in two tiers.

    ``words`` holds the senses of each content word of the term (and of the
    whole term, under key -1); ``chars`` those of its single hanzi, consulted
    only for an English word no whole word matches (single hanzi have many
    senses, and "national" should render 国家安全, not the 国 of 中国).
    Each tier lists (word index, lemma index of its senses); ``cache``
    remembers the answer per English word.
    """

    size: int
    words: tuple[tuple[int, tuple[frozenset, dict]], ...]
    chars: tuple[tuple[int, tuple[frozenset, dict]], ...]
    cache: dict = field(default_factory=dict, compare=False)  # (word, strong) -> keys

    @property
    def segments(self) -> range:
        return range(self.size)

    def keys(self, word: str, strong: bool = False) -> frozenset:
        """Which parts of the term an English word renders (word indexes; a lemma for whole-term senses).

        ``strong``: by the senses of the term's words only, not of its single hanzi.
        """
        found = self.cache.get((word, strong))
        if found is None:
            found = self.cache[word, strong] = self._keys(word, strong)
        return found

    def _keys(self, word: str, strong: bool) -> frozenset:
        if "-" in word.strip("-"):  # involution-style, visa-free: what its parts render
            return frozenset().union(*(self.keys(part, strong) for part in word.split("-") if part))
        lemma = lemma_of(word)
        if len(lemma) < 2 or lemma in SENSE_STOP:
            return frozenset()
        for tier in (self.words,) if strong else (self.words, self.chars):
            found = {("w", lemma) if seg == -1 else seg for seg, index in tier if in_index(lemma, index)}
            if found:
                return frozenset(found)
        return self._compound_keys(word.lower(), strong)

    def _compound_keys(self, word: str, strong: bool) -> frozenset:
        """What a compound opened by a combining form renders, when both its form's word and the rest
        render a part of the term (biomanufacturing: biology + manufacturing; not biography)."""
        for size in (3, 4, 5, 6):
            meaning = COMBINING_FORMS.get(word[:size])
            if meaning is not None and len(word) - size >= 4:
                form, rest = self.keys(meaning, strong), self.keys(word[size:], strong)
                return form | rest if form and rest else frozenset()
        return frozenset()


def in_index(lemma: str, index: tuple[frozenset, dict]) -> bool:
    short, prefixes = index
    if len(lemma) < 5:
        return lemma in short
    if len(lemma) <= 6 and lemma[:4] in short:  # joint ~ join
        return True
    return any(akin(lemma, other) for other in prefixes.get(lemma[:5], ()))


@lru_cache(maxsize=16384)
def word_index(word: str) -> tuple[frozenset, dict]:
    """Lemmas of a word's senses: the short ones, and the longer ones by their first five letters."""
    lemmas = word_lemmas(word)
    prefixes: dict[str, list[str]] = defaultdict(list)
    for lemma in lemmas:
        if len(lemma) >= 5:
            prefixes[lemma[:5]].append(lemma)
    return frozenset(x for x in lemmas if len(x) < 5), dict(prefixes)


RE_SENSE_WORD = re.compile(r"[a-z][a-z'’]*")


def sense_lemmas(senses: Iterable[str]) -> set[str]:
    words = set(RE_SENSE_WORD.findall("\n".join(senses).lower())) - SENSE_STOP
    return {lemma_of(w) for w in words if len(w) > 1}


def word_lemmas(word: str) -> frozenset[str]:
    """English lemmas of the CC-CEDICT senses of one word, and of the words its senses point to (abbr. for 企業).

    Not memoised: :func:`word_index`, its one caller, is (a second memo held the same lemmas twice, never hit).
    """
    from glossary.dictionary import lookup_entries

    senses = [sense for entry in lookup_entries(word) for sense in entry.senses if not sense.startswith("CL:")]
    if len(word) == 1:
        senses = senses[:16]  # a hanzi's common senses come first; the rest only add noise
    refs = {ref for ref in HAN_RUN.findall("\n".join(senses)) if ref != word}
    for ref in sorted(refs)[:3]:  # sorted: a set's order changes with the hash seed, and so did the output
        senses += [x for entry in lookup_entries(ref)[:2] for x in entry.senses[:6]]
    return frozenset(sense_lemmas(senses))


@lru_cache(maxsize=8192)
def sense_text(term: str) -> str:
    """The CC-CEDICT senses of the whole term, lowercased, one per line."""
    from glossary.dictionary import lookup_entries

    return "\n".join(sense for entry in lookup_entries(term) for sense in entry.senses).lower()


@lru_cache(maxsize=8192)
def lexicon(term: str) -> Lexicon:
    from glossary.dictionary import segment_words

    words = [w for w in segment_words(term) if HAN_CHAR.match(w) and w not in JOINING_HANZI]
    by_word = [(seg, word_index(w)) for seg, w in enumerate(words)]
    if len(words) > 1:
        by_word.append((-1, word_index(term)))
    by_char = [(seg, word_index(ch)) for seg, w in enumerate(words) if len(w) > 1 for ch in w]
    return Lexicon(len(words), tuple(by_word), tuple(by_char))
