"""Merge occurrences and the curated term base into glossary entries.

Input: every :class:`~glossary.model.Occurrence` of the corpus and the
:class:`~glossary.termbase.Termbase`. Output: the
:class:`~glossary.model.Entry` of each term, sorted by key: a list
(:func:`merge_entries`), or made one at a time as they are read
(:class:`MergedEntries`, what a build streams to its writers).

Steps, in order:

1. group occurrences by merge key (the simplified form), so 兩會 and 两会
   become one entry; occurrences of kind ``other`` (a whole sentence in
   brackets, one hanja glossing a syllable) are not terms and stay out;
2. add curated terms that no text mentions: the term base is the user's glossary;
3. compute forms and readings, letting every curated field win;
4. gather English renderings (``glosses``) and other renderings;
5. gather Korean renderings and choose the Korean term (``korean``): a
   name's transcription, a rendering the Korean texts print, or the reading;
6. drop terms the user rejected.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

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
    return list(MergedEntries(occurrences, termbase))


class MergedEntries:
    """The entries of :func:`merge_entries`, each built when it is reached: iterated once, in key order.

    The occurrences are grouped and the keys known at once (``len`` is the
    number of entries); an entry is built only when the iteration reaches it,
    and let go by the reader, so a build's writers (:func:`glossary.fanout.fan_out`)
    hold a batch of entries, not all of them. Each group of occurrences is
    let go once its entry is built.

    >>> from glossary.termbase import Termbase
    >>> stream = MergedEntries([Occurrence("兩會", "a.txt", 1)], Termbase(None))
    >>> len(stream), [e.trad for e in stream]
    (1, ['兩會'])
    """

    def __init__(self, occurrences: Iterable[Occurrence], termbase: Termbase) -> None:
        from glossary.normalize import merge_key

        groups: dict[str, list[Occurrence]] = defaultdict(list)
        keys: dict[str, str] = {}  # form -> merge key: a term is met in the same form again and again
        for occ in occurrences:
            if occ.kind != "other":
                key = keys.get(occ.term)
                if key is None:
                    key = keys[occ.term] = merge_key(occ.term)
                groups[key].append(occ)
        self._groups = groups
        self._curated = termbase.by_key()
        self._keys = [key for key in sorted(set(groups) | set(self._curated))
                      if (term := self._curated.get(key)) is None or term.status != "rejected"]
        self._started = False

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[Entry]:
        if self._started:
            raise RuntimeError("the merged entries are built once, as they are read: iterate them once")
        self._started = True
        groups, curated = self._groups, self._curated
        for key in self._keys:
            yield build_entry(key, groups.pop(key, []), curated.get(key))


def build_entry(key: str, occurrences: list[Occurrence], term: Term | None) -> Entry:
    """One entry from a term's occurrences and its curated block (either may be empty)."""
    from glossary import readings
    from glossary.glosses import gloss_renderings, other_renderings
    from glossary.korean import korean_renderings, preferred_korean
    from glossary.normalize import to_japanese, to_simplified, to_traditional, traditional_form
    from glossary.readings.tables_romanization import romanize

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
    pinyin = pick("pinyin", readings.pinyin_reading(trad))
    kana, romaji = readings.kana_reading(ja)
    kind = _entry_kind(occurrences)
    en = gloss_renderings(term, occurrences, trad, is_name=kind == "name")
    if term is not None and (term.en or term.en_alt):
        curated_fields.append("en")
    english = tuple(r.text for r in en if r.source in ("curated", "context"))
    reading = readings.korean_reading(trad, kind=kind if occurrences else None, english=english)
    if kind == "term" and reading.rule.startswith("name:") and reading.rule != "name:institution":
        # The reading engine knows the name (CC-CEDICT, surnames, the English
        # beside it): the dictionary's name senses now come first.
        kind = "name"
        en = gloss_renderings(term, occurrences, trad, is_name=True)
    clause = kind == "title" or reading.rule == "clause" or bool(_ENUMERATION.search(trad))
    ko_renderings = korean_renderings(term, occurrences, reading, clause=clause)
    ko, _ = preferred_korean(term, ko_renderings, reading, clause=clause)
    if term is not None and term.ko:
        curated_fields.append("ko")
    if term is not None and term.ko_alt:
        curated_fields.append("ko_alt")
    note = term.note if term is not None else None
    if not ko:
        why = _TITLE_NOTE if kind == "title" else _CLAUSE_NOTE
        note = f"{note} {why}" if note else why
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
        ko_hanja=reading.ko_hanja,
        ko_renderings=ko_renderings,
        ko_romanized=romanize(ko) if ko else "",  # readings.romanize with no per-term memo
        pinyin=pinyin,
        kana=kana,
        romaji=romaji,
        en=en,
        abbrev=tuple(sorted(abbrevs)),
        forms=forms,
        renderings_other=other_renderings(occurrences),
        kind=kind,
        status=term.status if term is not None else "candidate",
        note=note,
        curated=tuple(curated_fields),
        occurrences=tuple(occurrences),
    )


# Kinds an entry takes when its occurrences disagree, most specific first: one
# text that sees a person's name is evidence the others missed.
_KIND_PRIORITY = ("name", "title", "term")
# A list or a clause, never one term: 改革、推進 (enumeration comma, full-width comma or semicolon).
_ENUMERATION = re.compile("[、，；]")
_TITLE_NOTE = "No Korean rendering in the texts: a character reading of a Chinese title is not Korean (see ko_hanja)."
_CLAUSE_NOTE = "No Korean rendering in the texts: a character reading of a Chinese clause is not Korean (see ko_hanja)."


def _entry_kind(occurrences: list[Occurrence]) -> str:
    """The entry's kind: the occurrences' most common kind, a name or title winning a tie.

    >>> _entry_kind([Occurrence("習近平", "a", 1, kind="name"), Occurrence("習近平", "b", 1)])
    'name'
    """
    kinds = Counter(o.kind for o in occurrences)
    if not kinds:
        return "term"
    return max(kinds, key=lambda k: (kinds[k], -_KIND_PRIORITY.index(k) if k in _KIND_PRIORITY else -9))


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
