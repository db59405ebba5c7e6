"""Readings stage, Japanese kana: a Japanese form -> hiragana and Hepburn romaji.

Input: a term in Japanese characters. Output: its kana and romaji, by
pykakasi, with on'yomi for lone kanji and an override table.
"""

from __future__ import annotations

from functools import cache, lru_cache

from glossary import normalize
from glossary.memo import persistent
from glossary.readings.hangul import _is_hanzi
from glossary.readings.tables import _data_text, _overrides


@cache
def _kakasi():  # noqa: ANN202 - pykakasi has no type hints
    import pykakasi

    from glossary.readings.kana_lookup import install

    install()  # pykakasi's dictionary lookup by key: the same kana, a third faster
    return pykakasi.kakasi()


def release_kakasi() -> None:
    """Let go of pykakasi and its dictionary (about 96 MB) until a kana reading is asked for again.

    Why: a build reads every term's kana while it merges, then writes its
    files and the index, which need none; pykakasi keeps its word dictionary
    (one dict of every kanji's words, loaded whole from a pickle) in a
    class-level shared state for the life of the process, so the writers would
    run with it resident. The next :func:`kana_reading` loads it again, with
    the same answers. A no-op when pykakasi was never loaded.

    >>> release_kakasi()
    """
    info = getattr(_kakasi, "cache_info", None)  # None: replaced (a test's stand-in)
    if info is None or not info().currsize:
        return
    _kakasi.cache_clear()
    _romaji.cache_clear()
    from pykakasi import kanji

    from glossary.readings.kana_lookup import clear

    clear()  # its memo holds pykakasi's converter
    shared = getattr(kanji.Kanwa, "_shared_state", None)
    if isinstance(shared, dict) and "_jisyo_table" in shared:
        shared["_jisyo_table"] = None  # pykakasi's own test for "not loaded yet"


@cache
def _kanji_on() -> dict[str, str]:
    table = {}
    for line in _data_text("kanji_on.tsv").split("\n"):
        if line and not line.startswith("#"):
            ch, kana = line.split("\t")
            table[ch] = kana
    return table


def _is_kanji(ch: str) -> bool:
    return _is_hanzi(ch) or ch in "々〆"


@lru_cache(maxsize=4096)
def _romaji(kana: str) -> str:
    """Hepburn romaji of a kana string, by pykakasi.

    Why memoised: it is asked for the on'yomi of lone kanji and the kana of
    the override table, the same few thousand strings for every term (half of
    a build's pykakasi calls).
    """
    return "".join(p["hepburn"] for p in _kakasi().convert(kana))


# Called once per entry, so no in-process memo (scripts/eval_readings.py also
# calls it again with the override table patched out); kept across builds.
@persistent
def kana_reading(japanese: str) -> tuple[str, str]:
    """Hiragana and Hepburn romaji of a Japanese form (machine-generated).

    pykakasi reads compounds it knows; a kanji it reads on its own gets its
    on'yomi instead of pykakasi's native reading (港人治港 is こうじんちこう,
    not こうじんおさむみなと), since Chinese policy terms are read in on'yomi.
    An override table holds compounds checked by hand (共富 きょうふ, not ともとみ).

    >>> kana_reading("経済"), kana_reading("両会")
    (('けいざい', 'keizai'), ('りょうかい', 'ryoukai'))
    """
    japanese = normalize.fold(japanese)
    overrides = _overrides("kana_overrides.tsv")
    on = _kanji_on()
    parts: list[tuple[str, str]] = []

    def convert(text: str) -> None:
        for p in _kakasi().convert(text):
            orig, hira = p["orig"], p["hira"]
            if len(orig) == 1 and _is_kanji(orig) and orig in on:
                parts.append((on[orig], _romaji(on[orig])))
            elif hira == "" and orig:
                # pykakasi drops kanji it does not know (碳, 厲): read each one.
                kana = "".join(on.get(ch, "") for ch in orig)
                parts.append((kana, _romaji(kana)))
            else:
                parts.append((hira, p["hepburn"]))

    i, rest = 0, ""
    while i < len(japanese):
        for j in range(len(japanese), i, -1):
            if japanese[i:j] in overrides:
                if rest:
                    convert(rest)
                    rest = ""
                kana = overrides[japanese[i:j]]
                parts.append((kana, _romaji(kana)))
                i = j
                break
        else:
            rest += japanese[i]
            i += 1
    if rest:
        convert(rest)
    return "".join(k for k, _ in parts), " ".join(r for _, r in parts if r)
