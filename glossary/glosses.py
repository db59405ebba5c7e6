"""English renderings of a term, each marked with where it comes from.

Input: the term's occurrences, its curated block (if any) and its forms.
Output: a tuple of :class:`~glossary.model.Rendering`, most trusted first:

1. ``curated``    -- ``en`` then ``en_alt`` from ``terms.yaml``;
2. ``context``    -- renderings found beside the term in the texts, merged when
   they differ only by case, articles, quotes or plural; most frequent first;
3. ``dictionary`` -- CC-CEDICT senses of the whole term;
4. ``literal``    -- composed from the term's dictionary words; a hint, never
   first when any other source exists.

Romanised readings, pinyin and hangul met beside a term are not English: they
are returned separately by :func:`other_renderings`. A proper name the texts
spell in pinyin (Heilongjiang, Xi Zhongxun) is the exception: that spelling is
the English name (:func:`is_name_rendering`), so it is a context rendering.

A dictionary sense never outranks a rendering from the texts; the same text
from both is one rendering that keeps the dictionary's note and raw sense.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from glossary.model import Occurrence, Rendering, Term

_QUOTES = "\"'“”‘’«»「」『』`´"
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_SPACES = re.compile(r"\s+")  # compiled once: variant_key runs for every rendering of every term


def variant_key(text: str) -> str:
    """The form renderings are merged on: no quotes, articles, case or plural.

    >>> variant_key("the ‘Two Sessions’") == variant_key("two session")
    True
    """
    text = _SPACES.sub(" ", _display(text)).lower()
    words = text.split(" ")
    last = words[-1]
    if len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    words[-1] = last
    return " ".join(words)


def _display(text: str) -> str:
    """The rendering without surrounding quotes and a leading article."""
    text = _ARTICLE.sub("", text.strip().strip(_QUOTES).strip())
    return text.strip().strip(_QUOTES).strip()


def is_english(text: str) -> bool:
    """True for a rendering in Latin script (English), False for hangul and others.

    >>> is_english("Two Sessions"), is_english("중국의 꿈")
    (True, False)
    """
    return bool(_LATIN.search(text)) and not _HANGUL.search(text)


def _syllables(text: str) -> str:
    """Letters of a romanisation, lower case, no tones, spaces or hyphens: "Xi Zhong-xun" -> "xizhongxun"."""
    text = unicodedata.normalize("NFD", text.lower().replace("ü", "v").replace("u:", "v"))
    return "".join(ch for ch in text if "a" <= ch <= "z")


def _spellings(term: str) -> set[str]:
    """The term's pinyin as :func:`_syllables` gives it: from CC-CEDICT's entries and from pypinyin."""
    from glossary.readings.pinyin_table import lazy_pinyin  # pypinyin's answer, without loading pypinyin

    from glossary.dictionary import lookup_entries
    from glossary.normalize import to_simplified

    found = {_syllables(re.sub(r"\d", "", e.pinyin)) for e in lookup_entries(term)}
    found.add(_syllables("".join(lazy_pinyin(to_simplified(term)))))  # NORMAL style, v_to_u=False
    return {f.replace("v", "u") for f in found} | found


def _surname_first(term: str, words: list[str]) -> bool:
    """Whether ``words`` read as surname + given name: 習仲勳 "Xi Zhongxun", 歐陽修 "Ouyang Xiu".

    The surname is the first one or two characters, has a surname sense in
    CC-CEDICT, and is spelled as the first word; the given name is one word.
    """
    from glossary.dictionary import lookup_entries

    if len(words) != 2 or not 2 <= len(term) <= 4:
        return False
    for n in (1, 2):
        surname = term[:n]
        if len(term) - n not in (1, 2):
            continue
        senses = [x for e in lookup_entries(surname) for x in e.senses]
        if any(re.match(r"^(?:\([^)]*\) )?(?:[\w-]+ )?surname\b", x, re.IGNORECASE) for x in senses):
            if _syllables(words[0]) in _spellings(surname) and _syllables(words[1]) in _spellings(term[n:]):
                return True
    return False


def is_name_rendering(gloss: str, term: str, *, kind: str = "term") -> bool:
    """Whether a gloss the texts spell in pinyin is the English name of the term.

    True when every word is capitalised, the letters are the term's pinyin,
    and the term is a name: CC-CEDICT marks it a proper noun (黑龍江
    "Heilongjiang"), the occurrence is of kind ``name``, or it reads as
    surname + given name (習仲勳 "Xi Zhongxun", which CC-CEDICT lacks).
    Lower-case pinyin (neijuan) and a common word's capitalised pinyin
    (Neijuan for 內卷) stay pinyin.

    >>> is_name_rendering("Heilongjiang", "黑龍江"), is_name_rendering("Xi Zhongxun", "习仲勋")
    (True, True)
    >>> is_name_rendering("neijuan", "內卷"), is_name_rendering("Gongtong Fuyu", "共同富裕")
    (False, False)
    """
    from glossary.dictionary import is_name_entry

    words = re.split(r"[\s-]+", _display(gloss).strip())
    if not words or len(words) > 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    if _syllables(gloss) not in _spellings(term):
        return False
    return kind == "name" or is_name_entry(term) or _surname_first(term, words)


def _english(occ: Occurrence) -> str | None:
    """The English rendering an occurrence gives, or None: translations, names, and names the texts spell in pinyin."""
    if not occ.gloss or not is_english(occ.gloss):
        return None
    if occ.gloss_kind in ("translation", "name"):
        return occ.gloss
    if occ.gloss_kind == "pinyin" and is_name_rendering(occ.gloss, occ.term, kind=occ.kind):
        return occ.gloss
    return None


def context_renderings(occurrences: Iterable[Occurrence]) -> tuple[Rendering, ...]:
    """English renderings found beside a term, merged and counted, most frequent first.

    >>> occ = [Occurrence("兩會", "a.txt", 1, gloss=g, gloss_kind="translation")
    ...        for g in ("Two Sessions", "two sessions", "Two Sessions", "NPC and CPPCC")]
    >>> [(r.text, r.count) for r in context_renderings(occ)]
    [('Two Sessions', 3), ('NPC and CPPCC', 1)]
    """
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    documents: dict[str, set[str]] = defaultdict(set)
    first_seen: dict[str, int] = {}
    for i, occ in enumerate(occurrences):
        gloss = _english(occ)
        if gloss is None:
            continue
        text = _display(gloss)
        if not text:
            continue
        key = variant_key(text)
        groups[key][text] += 1
        documents[key].add(occ.source)
        first_seen.setdefault(key, i)

    def label(forms: Counter[str]) -> str:
        # most frequent spelling; on a tie prefer capitals (a name), then the shorter
        return max(forms, key=lambda t: (forms[t], sum(c.isupper() for c in t), -len(t)))

    ordered = sorted(groups, key=lambda k: (-sum(groups[k].values()), first_seen[k]))
    return tuple(
        Rendering(label(groups[k]), "context", count=sum(groups[k].values()), documents=tuple(sorted(documents[k])))
        for k in ordered
    )


def other_renderings(occurrences: Iterable[Occurrence]) -> tuple[tuple[str, str], ...]:
    """Renderings met beside a term that are neither English nor Korean, as (kind, text), in order of first use.

    Kinds: ``romanization``, ``pinyin``, ``transcription``, ``translation``
    (another language). Hangul renderings are the entry's Korean renderings
    (:mod:`glossary.korean`), not kept here a second time.

    >>> other_renderings([Occurrence("利用厚生", "a", 1, gloss="I-yong Hu-seong", gloss_kind="romanization")])
    (('romanization', 'I-yong Hu-seong'),)
    """
    seen: dict[tuple[str, str], None] = {}
    for occ in occurrences:
        if not occ.gloss or not occ.gloss_kind or _english(occ) is not None or _HANGUL.search(occ.gloss):
            continue  # English (a name in pinyin is the English name), and hangul is a Korean rendering
        if occ.gloss_kind in ("translation", "name"):
            kind = "transcription" if occ.gloss_kind == "name" else "translation"  # another script
        else:
            kind = occ.gloss_kind
        seen.setdefault((kind, _display(occ.gloss)), None)
    return tuple(seen)


def gloss_renderings(
    term: Term | None, occurrences: Iterable[Occurrence], form: str, *, is_name: bool = False
) -> tuple[Rendering, ...]:
    """Every English rendering of a term, most trusted first, without duplicates.

    ``form`` is the term in any script; dictionary and literal glosses are
    looked up from it.

    >>> [r.source for r in gloss_renderings(Term("兩會", en="Two Sessions"), [], "兩會")][:2]
    ['curated', 'dictionary']
    """
    from glossary.dictionary import dictionary_renderings, literal_rendering

    out: list[Rendering] = []
    if term is not None:
        if term.en:
            out.append(Rendering(term.en, "curated"))
        out.extend(Rendering(x, "curated") for x in term.en_alt)
    occurrences = tuple(occurrences)
    out.extend(context_renderings(occurrences))
    out.extend(dictionary_renderings(form, is_name=is_name))
    # A person's name composed word by word ("practice + middle + medal" for
    # 習仲勳) is no hint at all: names get no literal gloss.
    named = is_name or any(o.gloss_kind in ("name", "pinyin") and _english(o) for o in occurrences)
    literal = None if named else literal_rendering(form)
    if literal is not None:
        out.append(literal)
    unique: dict[str, Rendering] = {}
    for rendering in out:
        key = variant_key(rendering.text)
        kept = unique.setdefault(key, rendering)
        if kept is rendering:
            continue
        # The same rendering from a less trusted source is evidence, not a
        # second rendering: the texts' counts and the dictionary's agreement
        # stay with the one kept ("Belt and Road Initiative": curated, also
        # used by the texts and given by CC-CEDICT).
        also = kept.also if rendering.source in kept.also or rendering.source == kept.source else (*kept.also, rendering.source)
        if rendering.source == "context":
            documents = tuple(sorted({*kept.documents, *rendering.documents}))
            kept = replace(kept, count=kept.count + rendering.count, documents=documents)
        if rendering.source == "dictionary" and kept.raw is None:
            # what CC-CEDICT says beside the same English: "1953–, PRC politician"
            kept = replace(kept, note=kept.note or rendering.note, raw=rendering.raw)
        unique[key] = replace(kept, also=also)
    return tuple(unique.values())
