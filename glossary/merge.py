"""Merge occurrences and the curated term base into glossary entries.

Input: every :class:`~glossary.model.Occurrence` of the corpus and the
:class:`~glossary.termbase.Termbase`. Output: a list of
:class:`~glossary.model.Entry`, sorted by key.

Steps, in order:

1. group occurrences by merge key (the simplified form), so 兩會 and 两会
   become one entry; occurrences of kind ``other`` (a whole sentence in
   brackets, one hanja glossing a syllable) are not terms and stay out;
2. add curated terms that no text mentions: the term base is the user's glossary;
3. compute forms and readings, letting every curated field win;
4. gather English renderings (``glosses``) and other renderings;
5. drop terms the user rejected.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from glossary.model import Entry, Occurrence, Term
from glossary.termbase import Termbase, TermUpdate


def merge_entries(occurrences: Iterable[Occurrence], termbase: Termbase) -> list[Entry]:
    """Build one entry per term, sorted by key.

    >>> from glossary.termbase import Termbase
    >>> occ = [Occurrence("兩會", "a.txt", 1, gloss="Two Sessions", gloss_kind="translation"),
    ...        Occurrence("两会", "b.txt", 2, gloss="Two Sessions", gloss_kind="translation")]
    >>> [(e.trad, e.simp, e.ko) for e in merge_entries(occ, Termbase(None))]
    [('兩會', '两会', '양회')]
    """
    from glossary.normalize import merge_key

    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        if occ.kind != "other":
            groups[merge_key(occ.term)].append(occ)
    curated = termbase.by_key()
    entries = []
    for key in sorted(set(groups) | set(curated)):
        term = curated.get(key)
        if term is not None and term.status == "rejected":
            continue
        entries.append(build_entry(key, groups.get(key, []), term))
    return entries


def build_entry(key: str, occurrences: list[Occurrence], term: Term | None) -> Entry:
    """One entry from a term's occurrences and its curated block (either may be empty)."""
    from glossary import readings
    from glossary.glosses import gloss_renderings, other_renderings
    from glossary.normalize import to_japanese, to_simplified, to_traditional, traditional_form

    forms = tuple(dict.fromkeys(o.term for o in occurrences))
    curated_fields = []

    def pick(name: str, computed: str) -> str:
        value = getattr(term, name, None) if term is not None else None
        if value:
            curated_fields.append(name)
            return value
        return computed

    if term is not None and to_traditional(term.key) == term.key:
        trad = term.key  # the block's key is the traditional form
        curated_fields.append("trad")
    else:
        trad = traditional_form((*forms, term.key) if term is not None else forms)
    simp = pick("simp", to_simplified(trad))
    ja = pick("ja", to_japanese(trad))
    # Usage readings left the strict reading (命運共同體 운명공동체); the choice of ko is korean-entries' (issue 15).
    ko = pick("ko", readings.usage_reading(trad) or readings.hangul_reading(trad))
    pinyin = pick("pinyin", readings.pinyin_reading(trad))
    kana, romaji = readings.kana_reading(ja)
    kinds = Counter(o.kind for o in occurrences)
    kind = kinds.most_common(1)[0][0] if kinds else "term"
    en = gloss_renderings(term, occurrences, trad, is_name=kind == "name")
    if term is not None and (term.en or term.en_alt):
        curated_fields.append("en")
    abbrevs = {o.abbrev for o in occurrences if o.abbrev}
    if term is not None and term.abbrev:
        abbrevs.add(term.abbrev)
        curated_fields.append("abbrev")
    if term is not None and term.note:
        curated_fields.append("note")
    return Entry(
        key=key,
        trad=trad,
        simp=simp,
        ja=ja,
        ko=ko,
        ko_romanized=readings.romanize(ko),
        pinyin=pinyin,
        kana=kana,
        romaji=romaji,
        en=en,
        abbrev=tuple(sorted(abbrevs)),
        forms=forms,
        renderings_other=other_renderings(occurrences),
        kind=kind,
        status=term.status if term is not None else "candidate",
        note=term.note if term is not None else None,
        curated=tuple(curated_fields),
        occurrences=tuple(occurrences),
    )


def term_updates(occurrences: Iterable[Occurrence]) -> list[TermUpdate]:
    """What ``extract --add`` writes into ``terms.yaml``: per term, its context renderings, count and sources.

    >>> occ = [Occurrence("两会", "a.txt", 1, gloss="Two Sessions", gloss_kind="translation"),
    ...        Occurrence("兩會", "b.txt", 5, gloss="the Two Sessions", gloss_kind="translation")]
    >>> [(u.key, u.count, [(r.text, r.count) for r in u.seen]) for u in term_updates(occ)]
    [('兩會', 2, [('Two Sessions', 2)])]
    """
    from glossary.glosses import context_renderings
    from glossary.normalize import merge_key, traditional_form

    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        if occ.kind != "other":
            groups[merge_key(occ.term)].append(occ)
    return [
        TermUpdate(
            key=traditional_form(o.term for o in group),
            seen=context_renderings(group),
            count=len(group),
            sources=tuple(sorted({o.source for o in group})),
        )
        for _, group in sorted(groups.items())
    ]
