"""Signal across the corpus: occurrences of one term agree on its rendering.

A rendering that is another occurrence's rendering plus stray words on its
left ("China's 2025 Two Sessions" beside "Two Sessions") is cut to the shorter
one when the shorter one is met at least as often.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from functools import cache

from glossary.model import Occurrence


#: What the agreement reads of an occurrence: (term, rendering, kind of rendering, kind).
Key = tuple[str, str, str, str]


def agree_renderings(occurrences: list[Occurrence]) -> list[Occurrence]:
    """Cut renderings to a shorter one the same term has elsewhere (see :func:`extract_corpus`).

    >>> a = Occurrence("兩會", "a", 1, gloss="big Two Sessions", gloss_kind="translation")
    >>> b = replace(a, gloss="Two Sessions")
    >>> [o.gloss for o in agree_renderings([a, b])]
    ['Two Sessions', 'Two Sessions']
    """
    seen = Counter((o.term, o.gloss, o.gloss_kind, o.kind) for o in occurrences if o.gloss)
    changed = changed_renderings(seen)
    if not changed:
        return list(occurrences)
    out = []
    for occ in occurrences:
        better = changed.get((occ.term, occ.gloss, occ.gloss_kind, occ.kind)) if occ.gloss else None
        out.append(occ if better is None else replace(occ, gloss=better))
    return out


def changed_renderings(seen: Counter[Key]) -> dict[Key, str]:
    """The agreement from counts: each (term, rendering, kinds) met, and how often -> the renderings it cuts.

    ``glossary extract --format jsonl`` counts these keys as its workers
    stream the lines, instead of holding every occurrence.

    >>> changed_renderings(Counter({("兩會", "big Two Sessions", "translation", "term"): 1,
    ...                             ("兩會", "Two Sessions", "translation", "term"): 2}))
    {('兩會', 'big Two Sessions', 'translation', 'term'): 'Two Sessions'}
    """
    from glossary.normalize import merge_key

    key_of = cache(merge_key)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for (term, gloss, gloss_kind, kind), n in seen.items():
        if gloss and gloss_kind == "translation" and kind != "other":
            counts[key_of(term)][gloss] += n
    changed = {}
    for key in seen:
        term, gloss, gloss_kind, _ = key
        found = counts.get(key_of(term)) if gloss and gloss_kind == "translation" else None
        if found and len(found) > 1:
            better = agreed(gloss, found)
            if better != gloss:
                changed[key] = better
    return changed


def agreed(gloss: str, counts: Counter[str]) -> str:
    mine = counts[gloss]
    best = gloss
    for other, n in counts.items():
        if other == gloss or len(other) >= len(best) or n < mine:
            continue
        if gloss.endswith(other) and not gloss[-len(other) - 1].isalnum():
            best = other  # a word suffix: the words before it are stray
        elif gloss.lower().endswith(other.lower()) and not gloss[-len(other) - 1].isalnum():
            best = gloss[-len(other):]
    return best
