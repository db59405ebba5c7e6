"""Plain text files: bytes -> decoded text (encodings detected, newlines normalised).

Steps, in order: refuse binary files (NUL bytes outside UTF-16); a BOM
(UTF-8, UTF-16, UTF-32), then strict UTF-8, then UTF-8 with a few bytes
that are not (:func:`mostly_utf8`), then a ranked list of CJK legacy
codecs (CP949, Big5, GB18030) judged by a plausibility score, because
statistical detectors guess wrong on short Korean texts. Line ``n`` of the
text is line ``n`` of the file.

A UTF-8 text with a stray byte (a file cut in the middle of a character, a
Latin-1 letter pasted in) is read, not refused: each byte that is not UTF-8
becomes U+FFFD, and a warning names the file and the count (logger
``glossary.sources``). Why not :mod:`codecs`' "replace" alone: a legacy
text decoded so would lose every character, so the rule is that the valid
multi-byte characters outnumber the bad bytes (:data:`STRAY_RATIO`), and the
bad bytes are few (:data:`STRAY_SHARE`).
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable

from glossary.i18n import _, ngettext
from glossary.model import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Legacy codecs tried after UTF-8, in order of preference on a tie. EUC-KR is
#: a subset of CP949, so CP949 stands for both.
LEGACY_CODECS = ("cp949", "big5", "gb18030")

#: At most one byte in this many of a text's non-ASCII characters may be a
#: stray byte (and at least :data:`STRAY_FLOOR` in any text) for it to be read
#: as UTF-8 with the bytes replaced.
STRAY_SHARE = 200
STRAY_FLOOR = 4
#: ... and the valid multi-byte characters must outnumber them this many
#: times: a CP949, Big5 or GB18030 text read as UTF-8 has about one valid
#: character for ten bad bytes, a UTF-8 text with a stray byte hundreds.
STRAY_RATIO = 5
_SAMPLE = 1 << 16

_log = logging.getLogger("glossary.sources")


def _count_stray(exc: UnicodeError) -> tuple[str, int]:
    """The ``glossary-stray`` error handler: a run of bytes that are not UTF-8 becomes one U+FFFD, as with
    "replace", and its bytes are counted."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _STRAY[0] += exc.end - exc.start
    return "\ufffd", exc.end


_STRAY = [0]
codecs.register_error("glossary-stray", _count_stray)


def stray_allowed(multibyte: int) -> int:
    """How many stray bytes a text with ``multibyte`` valid non-ASCII characters may have and still be UTF-8."""
    return max(STRAY_FLOOR, multibyte // STRAY_SHARE)


def decode_stray(decode: Callable[[], str]) -> tuple[str, int]:
    """What ``decode()``, a decoding with the ``glossary-stray`` handler, gives, and how many bytes it replaced."""
    before = _STRAY[0]
    text = decode()
    return text, _STRAY[0] - before


def multibyte_count(size: int, length: int) -> int:
    """About how many multi-byte characters ``size`` bytes of UTF-8 decoded to ``length`` characters hold.

    Each takes one to three bytes more than a character (a stray byte read as
    U+FFFD, none): half the difference counts a hangul or hanzi text's
    characters to within a third, without a pass over the text.
    """
    return max(0, size - length) // 2


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text of ``data`` read as UTF-8 with its few stray bytes replaced, and their count; None when it is not UTF-8.

    >>> mostly_utf8("시진핑(習近平) 주석".encode() + b"\\xff")
    ('시진핑(習近平) 주석\ufffd', 1)
    >>> mostly_utf8("시진핑(習近平) 주석".encode("cp949")) is None
    True
    """
    # Told first by codecs' own "replace" (a run of bad bytes, one U+FFFD), at C speed: a legacy text
    # has a bad run every few characters, and the counting handler would be called for each. The
    # first 64 KB first: a legacy text is told at once, without a copy of the whole of it.
    for piece in ((data[:_SAMPLE], data) if len(data) > 2 * _SAMPLE else (data,)):
        text = piece.decode("utf-8", "replace")
        runs = text.count("\ufffd") - piece.count(b"\xef\xbf\xbd")
        multibyte = multibyte_count(len(piece), len(text))
        if multibyte < STRAY_RATIO * runs or runs > stray_allowed(multibyte):
            return None
    if not runs:
        return None
    text, stray = decode_stray(lambda: data.decode("utf-8", "glossary-stray"))
    return (text, stray) if stray <= stray_allowed(multibyte) else None


def warn_stray(name: str, count: int) -> None:
    """The warning for a text read with ``count`` stray bytes replaced."""
    _log.warning(ngettext("{path}: {count} byte is not UTF-8; read as U+FFFD",
                          "{path}: {count} bytes are not UTF-8; read as U+FFFD", count).format(path=name, count=count))



def decode_bytes(data: bytes, name: str = "<bytes>") -> tuple[str, str]:
    """Decode file bytes; return the text (newlines normalised) and the codec.

    >>> decode_bytes("以舊換新".encode("big5"))
    ('以舊換新', 'big5')
    >>> decode_bytes(b"\\xef\\xbb\\xbfTwo Sessions")
    ('Two Sessions', 'utf-8-sig')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    _("{path}: not valid {codec} despite its byte-order mark ({reason})").format(
                        path=name, codec=codec, reason=exc.reason
                    )
                ) from exc
            if codec == "utf-8-sig":
                return _clean(text, name), codec
            return _clean(text.lstrip("\ufeff"), name), codec
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(_("{path}: binary file, not text (NUL bytes)").format(path=name))
        try:
            return _clean(data.decode(codec), name), codec
        except UnicodeDecodeError:
            raise InputError(
                _("{path}: looks like UTF-16 without a byte-order mark but does not decode as {codec}").format(
                    path=name, codec=codec
                )
            ) from None
    try:
        return _clean(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    if (nearly := mostly_utf8(data)) is not None:
        text = _clean(nearly[0], name)
        warn_stray(name, nearly[1])
        return text, "utf-8"
    best: tuple[float, int, str, str] | None = None
    for rank, codec in enumerate(LEGACY_CODECS):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text, codec)
        if best is None or (score, -rank) > (best[0], best[1]):
            best = (score, -rank, codec, text)
    if best is None or best[0] < 0.5:
        raise InputError(_("{path}: binary file, not text (not UTF-8 and no CJK encoding fits)").format(path=name))
    return _clean(best[3], name), best[2]


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes sit where UTF-16 text puts them.

    Text in UTF-16 has a NUL in every ASCII character's high byte: mostly at
    odd offsets (little-endian) or even ones (big-endian). Binary files scatter them.

    >>> _utf16_without_bom("Two Sessions (兩會)".encode("utf-16-le"))
    'utf-16-le'
    """
    if len(data) % 2:
        return None
    sample = data[:65536]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.05 and even * 4 < odd:
        return "utf-16-le"
    if even > half * 0.05 and odd * 4 < even:
        return "utf-16-be"
    return None


def _clean(text: str, name: str) -> str:
    if "\x00" in text:
        raise InputError(_("{path}: binary file, not text (NUL characters)").format(path=name))
    controls = sum(1 for ch in text[:20000] if ch < " " and ch not in "\t\n\r\f\v\x1b")
    if controls > max(8, len(text[:20000]) // 100):
        raise InputError(_("{path}: binary file, not text (control characters)").format(path=name))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _in_codec(ch: str, codec: str) -> bool:
    try:
        # Two bytes: Python's EUC-KR also spells rare syllables as 8-byte jamo sequences.
        return len(ch.encode(codec)) == 2
    except UnicodeEncodeError:
        return False


def plausibility(text: str, codec: str) -> float:
    """How much a decoded text looks like real Korean or Chinese (0..1).

    Frequent characters (KS X 1001 hangul, GB2312 or Big5 level-1 hanzi)
    count for a decoding, rare ones and odd mixtures against it: a Chinese
    text read as CP949 turns into hangul and hanja glued together, a Korean
    text read as Big5 into short runs of hanzi between spaces.

    Counted per distinct character and by two regexes (hangul beside a hanzi;
    a run of at most three hanzi before a space), not by a Python test per
    character: the score of :func:`_plausibility_by_character` (the same
    count, kept for the tests), at C speed.

    >>> plausibility("이구환신 정책", "cp949")
    1.0
    >>> plausibility("以舊換新".encode("big5").decode("cp949"), "cp949")  # '쩑쩟눈톝'
    0.0
    """
    from collections import Counter

    sample = text[:50000]
    good = bad = 0.0
    for ch, n in Counter(_NOT_ASCII.findall(sample)).items():
        g, b = _character_score(ch)
        good += g * n
        bad += b * n
    bad += 1.5 * len(_HANGUL_BESIDE_HANZI.findall(sample))
    if codec != "cp949":
        bad += 1.5 * len(_SHORT_HANZI_RUN.findall(sample))
    total = good + bad
    return 1.0 if total == 0 else max(0.0, (good - bad) / total)


_NOT_ASCII = re.compile("[^\x00-\x7f]")
#: A hangul syllable next to a hanzi (either order, overlapping pairs counted).
_HANGUL_BESIDE_HANZI = re.compile("[\uac00-\ud7a3](?=[\u4e00-\u9fff])|[\u4e00-\u9fff](?=[\uac00-\ud7a3])")
#: A run of one to three hanzi, not after another hanzi, right before a space.
_SHORT_HANZI_RUN = re.compile("(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,3}(?= )")


def _character_score(ch: str) -> tuple[float, float]:
    """(good, bad) of one non-ASCII character, as :func:`_plausibility_by_character` scores it."""
    code = ord(ch)
    if 0xAC00 <= code <= 0xD7A3:
        return (1.0, 0.0) if _in_codec(ch, "euc_kr") else (0.0, 2.0)
    if 0x4E00 <= code <= 0x9FFF:
        if _in_codec(ch, "gb2312") or (_in_codec(ch, "big5") and 0xA4 <= ch.encode("big5")[0] <= 0xC6):
            return 1.0, 0.0
        return 0.0, 1.0
    if 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F or 0xB7 == code:
        return 0.5, 0.0
    return 0.0, 2.0


def _plausibility_by_character(text: str, codec: str) -> float:
    """:func:`plausibility` as first written, one character at a time (the reference of its tests)."""
    good = bad = 0.0
    prev = ""
    run = 0
    short_runs = 0
    for ch in text[:50000]:
        code = ord(ch)
        if code < 0x80:
            if run and ch == " ":
                short_runs += run <= 3
            run = 0
            prev = ""
            continue
        if 0xAC00 <= code <= 0xD7A3:
            cls = "h"
            if _in_codec(ch, "euc_kr"):
                good += 1
            else:
                bad += 2
        elif 0x4E00 <= code <= 0x9FFF:
            cls = "c"
            run += 1
            if _in_codec(ch, "gb2312") or (_in_codec(ch, "big5") and 0xA4 <= ch.encode("big5")[0] <= 0xC6):
                good += 1
            else:
                bad += 1
        elif 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F or 0xB7 == code:
            cls = "p"
            good += 0.5
        else:
            cls = "x"
            bad += 2
        if cls != "c":
            run = 0
        if {prev, cls} == {"h", "c"}:
            bad += 1.5
        prev = cls
    if codec != "cp949":
        bad += short_runs * 1.5
    total = good + bad
    return 1.0 if total == 0 else max(0.0, (good - bad) / total)


