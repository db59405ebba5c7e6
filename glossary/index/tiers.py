"""The search tiers over an open index: exact, prefix, substring, fuzzy (:class:`_Searcher`).

In: an open connection, the folded query (and the query as typed, for
English words), an optional field code. Out: (entry id, field code, score)
triples per tier, best first. Each tier is an indexed query, never a full
scan: a range scan over the sorted forms, the intersection of q-gram
postings, FTS5 for English words, and for typos the q-gram count filter over
forms of about the same length before a bounded edit distance.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections import Counter
from heapq import heappop, heappush

from glossary.index.fold import _edit_distance, _gram_size, _grams, _words
from glossary.index.records import _EN

# typing and dataclasses (which imports inspect) cost more than a whole lookup,
# so they are only read by type checkers.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from glossary.index.store import sqlite3

_TOP = "\U0010ffff"  # sorts after every folded form: the end of a prefix range
_PREFIX_SCAN = 2000  # forms read for a prefix or substring tier, shortest kept
_FUZZY_VERIFY = 3000  # candidates checked by edit distance at most, most grams shared first
_FUZZY_ROUNDS = (100, 500, _FUZZY_VERIFY)  # ... fetched in rounds of these cumulative sizes
_SAMPLE = 200  # candidates looked up to judge whether a common posting holds most of them


class _Searcher:
    """The tiers of one lookup over an open index."""

    def __init__(self, con: sqlite3.Connection, field: int | None, limit: int) -> None:
        self.con = con
        self.field = field
        # Forms whose entries are read for a prefix or substring tier: a form
        # has one entry or a few; with --field many forms are of other fields.
        self.forms_wanted = limit * (3 if field is None else 30)

    def _keys(self, form_ids: Iterable[int]) -> list[tuple[int, int, int, int]]:
        """(form id, entry id, field, weight) of the given forms, in the wanted field."""
        rows = self.con.execute(
            "SELECT k.form_id, k.entry_id, k.field, e.weight FROM keys k JOIN entries e ON e.id = k.entry_id "
            "WHERE k.form_id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(form_ids)),),
        ).fetchall()
        return [row for row in rows if self.field is None or row[2] == self.field]

    def _forms(self, form_ids: Iterable[int]) -> dict[int, str]:
        return dict(
            self.con.execute(
                "SELECT id, text FROM forms WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(form_ids)),)
            )
        )

    def exact(self, key: str, query: str) -> list[tuple[int, int, float]]:
        row = self.con.execute("SELECT id FROM forms WHERE text = ?", (key,)).fetchone()
        if row is None:
            return []
        found = sorted(self._keys([row[0]]), key=lambda r: (r[2], -r[3], r[1]))
        return [(entry_id, code, 1.0) for _, entry_id, code, _ in found]

    def prefix(self, key: str, query: str) -> list[tuple[int, int, float]]:
        rows = self.con.execute(
            "SELECT id, text FROM forms WHERE text > ? AND text < ? LIMIT ?", (key, key + _TOP, _PREFIX_SCAN)
        ).fetchall()
        return self._ranked(dict(rows), key, base=0.5)

    def _ranked(self, texts: dict[int, str], key: str, base: float) -> list[tuple[int, int, float]]:
        """Hits for matching forms, shorter forms (closer to the query) first."""
        shortest = sorted(texts, key=lambda i: (len(texts[i]), texts[i]))[: self.forms_wanted]
        out = []
        for form_id, entry_id, code, weight in self._keys(shortest):
            out.append((entry_id, code, base + 0.4 * len(key) / len(texts[form_id]), weight))
        out.sort(key=lambda r: (-r[2], r[1], -r[3], r[0]))
        return [(entry_id, code, score) for entry_id, code, score, _ in out]

    def _posting(self, table: str, gram: str) -> array:
        row = self.con.execute(f"SELECT ids FROM {table} WHERE gram = ?", (gram,)).fetchone()  # noqa: S608
        ids = array("I")
        if row is not None:
            ids.frombytes(row[0])
        return ids

    def substring(self, key: str, query: str) -> list[tuple[int, int, float]]:
        hits = self._gram_substring(key)
        if self.field in (None, _EN) and key.isascii():
            hits += self._english(_fts_words(query), base=0.3)
        return hits

    def _gram_substring(self, key: str) -> list[tuple[int, int, float]]:
        q = _gram_size(key)
        if len(key) < q:
            candidates: set[int] = set()
            for (blob,) in self.con.execute("SELECT ids FROM grams WHERE gram > ? AND gram < ?", (key, key + _TOP)):
                ids = array("I")
                ids.frombytes(blob)
                candidates.update(ids)
        else:
            # Rarest gram first, only forms longer than the query (a form that
            # contains it and is not it); once few enough candidates are left
            # to check them all by their text, the common grams are not read.
            grams = set(_grams(key, padded=False))
            sizes = self._sizes("grams", grams)
            window = self._id_range("form_lengths", len(key) + 1, None)
            if len(sizes) < len(grams) or window is None:
                return []
            candidates = None
            for gram in sorted(grams, key=lambda g: (sizes[g], g)):
                ids, a, b = self._window("grams", gram, *window)
                if candidates is None:
                    candidates = set(ids[a:b])
                elif len(candidates) * 32 < b - a:
                    candidates = {i for i in candidates if (j := bisect_left(ids, i, a, b)) < b and ids[j] == i}
                else:
                    candidates.intersection_update(ids[a:b])
                if len(candidates) <= _PREFIX_SCAN:
                    break
        # Smaller ids are shorter forms: check the shortest first, a bounded number.
        ordered = sorted(candidates)[:_PREFIX_SCAN]
        texts = {i: t for i, t in self._forms(ordered).items() if key in t and not t.startswith(key)}
        return self._ranked(texts, key, base=0.3)

    def _english(self, match: str, base: float) -> list[tuple[int, int, float]]:
        if not match:
            return []
        rows = self.con.execute(
            "SELECT e.entry_id, e.text, n.weight FROM english e JOIN entries n ON n.id = e.entry_id "
            "WHERE english MATCH ? ORDER BY rank LIMIT ?",
            (match, _PREFIX_SCAN),
        ).fetchall()
        out = [(entry_id, _EN, base + 0.3 / max(1, len(_words(text))), weight) for entry_id, text, weight in rows]
        out.sort(key=lambda r: (-r[2], -r[3], r[0]))
        return [(entry_id, code, score) for entry_id, code, score, _ in out]

    def _postings(self, table: str, grams: Iterable[str]) -> dict[str, array]:
        """The posting of each gram that has one."""
        out = {}
        for gram, blob in self.con.execute(
            f"SELECT gram, ids FROM {table} WHERE gram IN (SELECT value FROM json_each(?))",  # noqa: S608
            (json.dumps(sorted(grams)),),
        ):
            ids = array("I")
            ids.frombytes(blob)
            out[gram] = ids
        return out

    def _sizes(self, table: str, grams: Iterable[str]) -> dict[str, int]:
        """Posting length (ids) of each gram that has one; length() does not copy the blob."""
        rows = self.con.execute(
            f"SELECT gram, length(ids) / 4 FROM {table} WHERE gram IN (SELECT value FROM json_each(?))",  # noqa: S608
            (json.dumps(sorted(grams)),),
        )
        return dict(rows)

    def _id_range(self, lengths_table: str, shortest: int, longest: int | None) -> tuple[int, int] | None:
        """The ids of the forms (or words) of a length in [shortest, longest]: one range, as ids follow length."""
        low = self.con.execute(
            f"SELECT min(first_id) FROM {lengths_table} WHERE length >= ?", (shortest,)  # noqa: S608
        ).fetchone()[0]
        if low is None:
            return None
        high = None
        if longest is not None:
            high = self.con.execute(
                f"SELECT min(first_id) FROM {lengths_table} WHERE length > ?", (longest,)  # noqa: S608
            ).fetchone()[0]
        return low, high or 2**32

    def _near(self, key: str, grams_table: str, lengths_table: str, bound: int) -> list[tuple[int, int]]:
        """(id, distance) of forms (or words) within ``bound`` edits of ``key``, nearest first.

        Those the q-gram count filter finds (:meth:`_near_by_grams`), then the
        forms one swap of neighbours away that it missed: a swap is one edit
        but can destroy q + 1 grams ("yagnhoe" keeps 3 of the 7 it shares
        with "yanghoe"), and a filter that allowed for it would need fewer
        grams of every candidate. The query's swapped forms are few (one per
        pair of neighbours) and each is an indexed lookup.
        """
        near = self._near_by_grams(key, grams_table, lengths_table, bound)
        if bound >= 1:
            found = {i for i, _ in near}
            swapped = [(i, 1) for i in self._swapped(key, grams_table) if i not in found]
            if swapped:
                near = sorted(near + swapped, key=lambda r: r[1])
        return near

    def _swapped(self, key: str, grams_table: str) -> list[int]:
        """Ids of the forms (or words) that are ``key`` with two neighbours swapped, in id order."""
        variants = {key[:i] + key[i + 1] + key[i] + key[i + 2 :] for i in range(len(key) - 1) if key[i] != key[i + 1]}
        if not variants:
            return []
        table, column = ("forms", "text") if grams_table == "grams" else ("words", "word")
        rows = self.con.execute(
            f"SELECT id FROM {table} WHERE {column} IN (SELECT value FROM json_each(?)) ORDER BY id",  # noqa: S608
            (json.dumps(sorted(variants), ensure_ascii=False),),
        )
        return [i for (i,) in rows]

    def _near_by_grams(self, key: str, grams_table: str, lengths_table: str, bound: int) -> list[tuple[int, int]]:
        """(id, distance) of forms (or words) within ``bound`` edits of ``key`` that keep enough of its q-grams.

        q-gram count filter: one edit destroys at most q of the query's grams,
        so a form within ``bound`` edits shares at least
        ``need = len(grams) - q * bound`` of them. Only forms of a length
        within the bound are counted: their ids form one range, cut out of
        each posting by bisection.

        The count never reads every posting whole when some grams are common
        (a gram in most forms): a form missing at most ``q * bound`` grams
        holds at least one of the ``q * bound + 1`` rarest, so only those
        postings make candidates (prefix filtering); every other gram, rarest
        first, only adds to the counts of candidates that can still reach
        ``need`` — by binary search in its posting when they are few, by a set
        intersection otherwise. A posting that most of many candidates hold
        is deferred: it is looked up only for the candidates that can still
        be among those checked (:func:`_best_deferred`). The counts of the
        forms checked are exact, so the ranking is that of counting every
        posting.
        """
        q = _gram_size(key)
        grams = set(_grams(key, padded=True))
        need = len(grams) - q * bound
        if need < 1:
            return []
        window = self._id_range(lengths_table, len(key) - bound, len(key) + bound)
        if window is None:
            return []
        low, high = window
        # Every posting of the query's grams is read here, once: the count
        # reads them all (unless no candidate is left).
        postings = self._postings(grams_table, grams)
        sizes = {g: len(ids) for g, ids in postings.items()}
        ordered = sorted((g for g in grams if g in sizes), key=lambda g: (sizes[g], g))
        missing = len(grams) - len(ordered)  # grams in no form at all
        spare = q * bound - missing  # grams a candidate may still miss
        if spare < 0:
            return []
        counts: Counter[int] = Counter()
        for gram in ordered[: spare + 1]:
            ids, a, b = _cut(postings[gram], low, high)
            counts.update(ids[a:b])
        rest = ordered[spare + 1 :]
        # Postings at least as long as the candidates, once the candidates are
        # more than are ever checked, are read but not counted yet (`deferred`):
        # most candidates could not reach the checked set whatever they hold.
        deferred: list[tuple[array, int, int]] = []
        for k, gram in enumerate(rest):
            # a candidate below this cannot reach `need` any more (the deferred grams still to count)
            reach = need - (len(rest) - k) - len(deferred)
            # Drop those, when they are many (a pass over the candidates costs about what it saves);
            # every candidate holds one gram, so with a reach of 1 none is dropped.
            if reach > 1 and 4 * sum(c for n, c in Counter(counts.values()).items() if n < reach) > len(counts):
                counts = Counter({i: n for i, n in counts.items() if n >= reach})
            if not counts:
                return []
            ids, a, b = _cut(postings[gram], low, high)
            if len(counts) > _FUZZY_VERIFY and b - a >= len(counts) and _held_by_most(counts, ids, a, b):
                deferred.append((ids, a, b))
            elif len(counts) * 32 < b - a:  # few candidates: look each one up
                for i in counts:
                    j = bisect_left(ids, i, a, b)
                    if j < b and ids[j] == i:
                        counts[i] += 1
            else:
                counts.update(counts.keys() & ids[a:b])
        # Candidates are checked most shared grams first (then by id, so ties
        # are deterministic), in rounds. A form sharing c grams is at least
        # ceil((len(grams) - c) / q) edits away, so once `want` forms are
        # found nearer than that bound, no later candidate can rank before
        # them: stop (ties at the bound are still checked).
        if deferred:
            ranked = _best_deferred(counts, deferred, need)
        else:
            # Only the _FUZZY_VERIFY best are ever checked: the count they start at
            # comes from the counts of counts, so one pass picks them.
            floor_count = _verify_floor(Counter(n for n in counts.values() if n >= need), need)
            ranked = sorted(((i, n) for i, n in counts.items() if n >= floor_count), key=lambda r: (-r[1], r[0]))
            ranked = ranked[:_FUZZY_VERIFY]
        want = self.forms_wanted if grams_table == "grams" else 1
        table, column = ("forms", "text") if grams_table == "grams" else ("words", "word")
        near: list[tuple[int, int]] = []
        at = [0] * (bound + 2)  # at[d]: forms found at distance d
        checked = 0
        for size in _FUZZY_ROUNDS:
            batch = ranked[checked:size]
            if not batch:
                break
            texts = dict(self.con.execute(
                f"SELECT id, {column} FROM {table} WHERE id IN (SELECT value FROM json_each(?))",  # noqa: S608
                (json.dumps([i for i, _ in batch]),),
            ))
            for i, n in batch:
                floor = -(-(len(grams) - n) // q)
                if sum(at[:floor]) >= want:
                    return sorted(near, key=lambda r: r[1])
                if (d := _edit_distance(key, texts[i], bound)) <= bound:
                    near.append((i, d))
                    at[d] += 1
            checked = size
        return sorted(near, key=lambda r: r[1])

    def _window(self, table: str, gram: str, low: int, high: int) -> tuple[array, int, int]:
        """A gram's posting and the bounds of the ids in [low, high) within it."""
        return _cut(self._posting(table, gram), low, high)

    def fuzzy(self, key: str, query: str) -> list[tuple[int, int, float]]:
        out = []
        if bound := _typo_bound(key):
            near = dict(self._near(key, "grams", "form_lengths", bound))
            for form_id, entry_id, code, weight in self._keys(near):
                out.append((entry_id, code, 0.25 * (1 - near[form_id] / (len(key) + 1)), weight))
            out.sort(key=lambda r: (-r[2], r[1], -r[3], r[0]))
        hits = [(entry_id, code, score) for entry_id, code, score, _ in out]
        if self.field in (None, _EN) and key.isascii():
            hits += self._english(self._corrected_words(query), base=0.0)
        return hits

    def _corrected_words(self, query: str) -> str:
        """An FTS5 query: each word of the query, or the vocabulary words a typo away."""
        groups = []
        for word in _words(query):
            if self.con.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone():
                groups.append(f'"{word}"')
                continue
            near = self._near(word, "word_grams", "word_lengths", _typo_bound(word)) if _typo_bound(word) else []
            if not near:
                return ""
            best = near[0][1]
            words = self.con.execute(
                "SELECT word FROM words WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([i for i, d in near if d == best]),),
            ).fetchall()
            groups.append("(" + " OR ".join(f'"{w}"' for (w,) in words) + ")")
        return " AND ".join(groups)


def _verify_floor(levels: Counter[int], need: int) -> int:
    """The fewest shared grams among the _FUZZY_VERIFY candidates that share most (``levels``: count -> candidates).

    >>> _verify_floor(Counter({7: 4, 6: 2000, 5: 1500, 4: 9}), 3), _verify_floor(Counter({5: 10}), 3)
    (5, 3)
    """
    taken = 0
    for n in sorted(levels, reverse=True):
        taken += levels[n]
        if taken >= _FUZZY_VERIFY:
            return n
    return need


def _cut(ids: array, low: int, high: int) -> tuple[array, int, int]:
    """A posting and the bounds of its ids in [low, high)."""
    return ids, bisect_left(ids, low), bisect_left(ids, high)


def _held_by_most(counts: Counter[int], ids: array, a: int, b: int) -> bool:
    """Whether most candidates are in the posting ``ids[a:b]``, judged on a few of them.

    Such a posting adds one to the count of nearly every candidate, so the
    ranking is settled by the other postings and :func:`_best_deferred` looks
    up few candidates in it; one that most candidates lack is cheaper counted
    at once. Only the speed depends on the answer, not the result.
    """
    held = 0
    for _, i in zip(range(_SAMPLE), counts):
        j = bisect_left(ids, i, a, b)
        held += j < b and ids[j] == i
    return 2 * held > min(_SAMPLE, len(counts))


def _best_deferred(counts: Counter[int], deferred: list[tuple[array, int, int]], need: int) -> list[tuple[int, int]]:
    """The _FUZZY_VERIFY candidates that share most grams, (id, count) best first, adding the deferred postings.

    ``counts`` holds what every other posting gave; a candidate counted ``n``
    so far ends with between ``n`` and ``n + len(deferred)``. Candidates are
    completed (looked up in every deferred posting) in the order of that best
    case, then of id; a completed candidate is taken once no candidate left
    can end before it in the ranking (more grams, or as many and a smaller
    id), and the search stops when enough are taken. The result is the head
    of the ranking by counting every posting, but most candidates are never
    looked up: on a million forms that share their common grams, the
    candidates that share the most rare ones settle it.

    The levels are sorted out of ``counts`` in two passes: first those above
    the least count that can still reach ``need``; that level (most
    candidates, when the deferred postings are common) only when those did
    not fill the list.
    """
    spread = len(deferred)
    taken: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # heap of (-count, id), completed
    least = need - spread  # a candidate counted less cannot reach `need`
    for at_least in (False, True):
        if at_least:
            picked = [i for i, n in counts.items() if n == least]
        else:
            picked = [i for i, n in counts.items() if n > least]
        by_count: dict[int, list[int]] = {}
        for i in picked:
            by_count.setdefault(counts[i], []).append(i)
        for n in sorted(by_count, reverse=True):
            best = -(n + spread)
            for i in sorted(by_count[n]):
                while pending and pending[0] < (best, i):  # nothing left can rank before it
                    count, j = heappop(pending)
                    taken.append((j, -count))
                    if len(taken) == _FUZZY_VERIFY:
                        return taken
                total = n
                for ids, a, b in deferred:
                    j = bisect_left(ids, i, a, b)
                    if j < b and ids[j] == i:
                        total += 1
                if total >= need:
                    heappush(pending, (-total, i))
    while pending and len(taken) < _FUZZY_VERIFY:
        count, j = heappop(pending)
        taken.append((j, -count))
    return taken


def _fts_words(query: str) -> str:
    """An FTS5 query for every word of the query, the last one as a prefix.

    Folded words are letters and digits only, so they are safe inside FTS5
    double quotes.

    >>> _fts_words("Two Sess")
    '"two" AND "sess"*'
    """
    parts = [f'"{word}"' for word in _words(query)]
    if parts:
        parts[-1] += "*"
    return " AND ".join(parts)


def _typo_bound(key: str) -> int:
    """How many typos a query of this length may carry and still be recognised."""
    if key.isascii():
        return 2 if len(key) >= 8 else 1 if len(key) >= 4 else 0
    return 1 if len(key) >= 3 else 0
