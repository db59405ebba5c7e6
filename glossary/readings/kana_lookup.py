"""pykakasi's longest-match dictionary lookup by key, not by scanning: the same kana, faster, for the build.

Stage: readings (:func:`glossary.readings.kana_reading` installs it when it
first builds pykakasi). Input: nothing; :func:`install` replaces
``pykakasi.kanji.JConv.convert`` in this process. Output: the same
(reading, length) for every text.

Why hand-written: to find the longest dictionary word at the start of a
text, pykakasi 2.3 walks every word of its dictionary that starts with the
text's first kanji (hundreds for 大 or 中) and keeps the longest that
matches; that walk is most of the time of a kana reading, and a build reads
every term. Only one word of each length can start the text (its prefix of
that length), so probing the prefixes from the longest down finds the same
word, and the same reading (the first of its readings whose okurigana
condition holds), with a handful of dictionary lookups. The replacement is
installed only over the exact code it was checked against (a hash of its
source); another pykakasi version keeps its own. :func:`install` also widens
pykakasi's own memo of a segment's kana and romaji (``IConv.convert``, 256
segments), which the words shared by many terms outgrow. ``tests/test_kana_lookup.py``
compares both over thousands of real words.

pykakasi also loads its whole word dictionary (a pickle of 270,000 words:
0.2-0.4 s and 96 MB) the first time it reads a kanji. :func:`install` gives
it instead :class:`StoredKanwa`, the same words read a kanji at a time from
``dictionaries.sqlite`` (``scripts/build_datastore.py`` copies them there
and checks every row), but only while the installed pickle is the one the
copy was made from (its sha256, 10 ms); otherwise pykakasi loads its own.
"""

from __future__ import annotations

import hashlib
import inspect
from functools import cache, lru_cache
from pathlib import Path

#: sha256 (first 16 hex digits) of the source of pykakasi 2.3's ``JConv.convert``, the code replaced.
_CHECKED_SOURCE = "7cfa26f6707065db"

_installed: dict[str, object] = {}


def _convert(self, itext: str, btext: str) -> tuple[str, int]:  # noqa: ANN001 - pykakasi's JConv
    """``JConv.convert``: (reading, length) of the longest dictionary word at the start of ``itext``."""
    text = self._itaiji.convert(itext)
    num_vs = len(itext) - len(text)
    table = self._kanwa.load(text[0])
    if table is None:
        return "", 0
    max_len = 0
    hstr = ""
    for length in range(len(text), 0, -1):
        readings = table.get(text[:length])
        if readings is None:
            continue
        for yomi, con in readings:
            if con is None or btext in con:
                hstr, max_len = yomi, length
                break
        if max_len:
            break
    for _ in range(num_vs):  # pykakasi's own correction for variation selectors, unchanged
        if max_len > len(itext):
            break
        elif text[max_len - 1] != itext[max_len - 1]:
            max_len += 1
        elif max_len < num_vs + len(text) and max_len <= len(itext) and self._is_vschr(itext[max_len]):
            max_len += 1
    return hstr, max_len


def install() -> bool:
    """Put the keyed lookup in place of pykakasi's scan (once), and the stored words in place of its pickle.

    False where pykakasi is not the checked version: then it keeps its own
    lookup and loads its own dictionary.
    """
    if "original" not in _installed:
        try:
            from pykakasi import kanji
        except ImportError:
            return False
        original = kanji.JConv.__dict__.get("convert")
        source = inspect.getsource(getattr(original, "__wrapped__", original))
        if hashlib.sha256(source.encode()).hexdigest()[:16] != _CHECKED_SOURCE:
            return False
        _installed["original"] = original
        kanji.JConv.convert = _installed["function"] = lru_cache(maxsize=4096)(_convert)  # pykakasi memoises it (512)
        _widen_segment_memo()
    _install_words()
    return True


def kanwa_path() -> Path:
    """The installed pykakasi's word dictionary (``kanwadict4.db``, a pickle)."""
    from pykakasi.properties import Configurations

    return Path(Configurations.dictpath(Configurations.jisyo_kanwa))


class StoredKanwa:
    """pykakasi's word dictionary as its ``Kanwa`` holds it (a kanji's code -> word -> readings), read a kanji at a time.

    pykakasi asks it only ``get(code, None)`` (``Kanwa.load``). A kanji's
    words are kept once read. A run that meets many kanji is better served
    by pykakasi's whole pickle: read a row at a time, 3,400 kanji (a build of
    20,000 terms) cost as much CPU as the pickle, and their rows, spread
    among the build's own objects, leave a heap 20 MB larger once let go.
    So after ``whole_after`` kanji it loads the pickle into ``shared`` (the
    state of pykakasi's ``Kanwa``), where pykakasi then reads it directly.
    """

    #: Kanji read a row at a time before the whole pickle is loaded (the seeds meet 50, 20,000 terms 3,400).
    WHOLE_AFTER = 512

    def __init__(self, shared: dict[str, object] | None = None, whole_after: int = WHOLE_AFTER) -> None:
        self._words: dict[int, dict[str, list[tuple[str, list[str] | None]]] | None] = {}
        self._shared = shared
        self._whole_after = whole_after

    def get(self, code: int, default: object = None) -> object:  # noqa: D102 - dict.get, as pykakasi calls it
        try:
            found = self._words[code]
        except KeyError:
            if self._shared is not None and len(self._words) >= self._whole_after:
                return self._load_whole().get(code, default)
            from glossary.datastore import kanwa_words

            found = self._words[code] = kanwa_words(code)
        return default if found is None else found

    def _load_whole(self) -> dict[int, object]:
        import pickle

        whole: dict[int, object] = pickle.loads(kanwa_path().read_bytes())  # pykakasi's own file, as it loads it
        self._words.clear()
        if self._shared is not None and self._shared.get("_jisyo_table") is self:
            self._shared["_jisyo_table"] = whole
        return whole


@cache
def _words_stored() -> bool:
    """Whether ``dictionaries.sqlite`` holds the installed pykakasi's words (the sha256 of its pickle)."""
    from glossary.datastore import meta

    try:
        digest = hashlib.sha256(kanwa_path().read_bytes()).hexdigest()
    except OSError:  # pragma: no cover - pykakasi without its dictionary cannot read kanji at all
        return False
    return meta().get("kanwa_sha256") == digest


def _install_words() -> None:
    """pykakasi's dictionary not loaded yet: give it :class:`StoredKanwa` (its own test for "not loaded" is None)."""
    from pykakasi import kanji

    shared = getattr(kanji.Kanwa, "_shared_state", None)
    if isinstance(shared, dict) and shared.get("_jisyo_table", False) is None and _words_stored():
        shared["_jisyo_table"] = StoredKanwa(shared)


#: Segments whose kana and romaji pykakasi keeps: the words of 20,000 terms (経済, 発展...) recur across
#: terms, and its own memo of 256 forgets them between two terms that share one (kana 3.6 -> 2.6 s at 20k terms).
_SEGMENTS = 1 << 14


def _widen_segment_memo() -> None:
    """pykakasi's memo of ``IConv.convert`` (one segment's kana and romaji, a pure function), made wider."""
    from pykakasi import scripts

    convert = scripts.IConv.__dict__.get("convert")
    inner = getattr(convert, "__wrapped__", None)
    if inner is None or not hasattr(convert, "cache_clear"):
        return  # not the memoised method this was written for: left as it is
    _installed["segments"] = convert
    scripts.IConv.convert = _installed["segment_memo"] = lru_cache(maxsize=_SEGMENTS)(inner)


def clear() -> None:
    """Empty the memos of the installed lookup and segments (they hold pykakasi's converters and answers)."""
    for name in ("function", "segment_memo"):
        convert = getattr(_installed.get(name), "cache_clear", None)
        if convert is not None:
            convert()


def uninstall() -> None:
    """Put pykakasi's own lookup back (for the tests' oracle); its words stay as they are.

    ``tests/test_kana_lookup.py`` compares the stored words with pykakasi's pickle on their own.
    """
    original = _installed.pop("original", None)
    _installed.pop("function", None)
    _installed.pop("segment_memo", None)
    segments = _installed.pop("segments", None)
    if segments is not None:
        from pykakasi import scripts

        scripts.IConv.convert = segments
    if original is not None:
        from pykakasi import kanji

        kanji.JConv.convert = original
