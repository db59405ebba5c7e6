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


def agree_renderings(occurrences: list[Occurrence]) -> list[Occurrence]:
    """Cut renderings to a shorter one the same term has elsewhere (see :func:`extract_corpus`).

    >>> a = Occurrence("兩會", "a", 1, gloss="big Two Sessions", gloss_kind="translation")
    >>> b = replace(a, gloss="Two Sessions")
    >>> [o.gloss for o in agree_renderings([a, b])]
    ['Two Sessions', 'Two Sessions']
    """
    from glossary.normalize import merge_key

    key_of = cache(merge_key)
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    for occ in occurrences:
        if occ.gloss and occ.gloss_kind == "translation" and occ.kind != "other":
            seen[key_of(occ.term)][occ.gloss] += 1
    out = []
    for occ in occurrences:
        counts = seen.get(key_of(occ.term)) if occ.gloss and occ.gloss_kind == "translation" else None
        if counts and len(counts) > 1:
            better = agreed(occ.gloss, counts)
            if better != occ.gloss:
                occ = replace(occ, gloss=better)
        out.append(occ)
    return out


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
