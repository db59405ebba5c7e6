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
are returned separately by :func:`other_renderings`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from glossary.model import Occurrence, Rendering, Term

_QUOTES = "\"'“”‘’«»「」『』`´"
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def variant_key(text: str) -> str:
    """The form renderings are merged on: no quotes, articles, case or plural.

    >>> variant_key("the ‘Two Sessions’") == variant_key("two session")
    True
    """
    text = re.sub(r"\s+", " ", _display(text)).lower()
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
        # a name as the text writes it in English (Xi Zhongxun, Heilongjiang) is a rendering too
        if occ.gloss_kind not in ("translation", "name") or not occ.gloss or not is_english(occ.gloss):
            continue
        text = _display(occ.gloss)
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
    """Non-English renderings met beside a term, as (kind, text), in order of first use.

    Kinds: ``romanization``, ``pinyin``, ``hangul``, ``transcription``, and
    ``ko`` for a Korean translation.

    >>> other_renderings([Occurrence("利用厚生", "a", 1, gloss="I-yong Hu-seong", gloss_kind="romanization")])
    (('romanization', 'I-yong Hu-seong'),)
    """
    seen: dict[tuple[str, str], None] = {}
    for occ in occurrences:
        if not occ.gloss or not occ.gloss_kind:
            continue
        if occ.gloss_kind in ("translation", "name"):
            if is_english(occ.gloss):
                continue
            if occ.gloss_kind == "name":
                kind = "transcription"  # a Korean name written by its Mandarin sound: 시진핑
            else:
                kind = "ko" if _HANGUL.search(occ.gloss) else "translation"
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
    out.extend(context_renderings(occurrences))
    out.extend(replace(r, text=_dictionary_term(r.text)) for r in dictionary_renderings(form, is_name=is_name))
    literal = literal_rendering(form)
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
        unique[key] = replace(kept, also=also)
    return tuple(unique.values())


def _dictionary_term(sense: str) -> str:
    """The naming part of a long dictionary sense.

    CC-CEDICT often follows the name with an explanation: keep the name when
    what follows the first comma is a description.

    >>> _dictionary_term("Belt and Road Initiative, Chinese government plan to provide finance")
    'Belt and Road Initiative'
    >>> _dictionary_term("contrary")
    'contrary'
    """
    head, sep, tail = sense.partition(", ")
    if sep and len(tail.split()) >= 4 and len(head.split()) <= 6:
        return head
    return sense
