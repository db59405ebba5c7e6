"""Big plain-text, Markdown and HTML files: bytes -> decoded text in bounded windows.

Sources stage, for a text larger than one window (``limits.text_window``).
In: the path and its format. Out: :class:`~glossary.model.Source` records,
one per window, each with the 1-based file line it starts on
(``Source.line``); the windows, put end to end, are the text
:func:`glossary.sources.read_source` would give, so memory is flat in the
file's size (a 1 GB line is read in a few windows' worth of memory).

Steps: the encoding is chosen on the first 64 KiB as
:func:`~glossary.sources.text.decode_bytes` chooses it on a whole file
(BOM, UTF-16 without BOM, UTF-8, the legacy codecs by plausibility), then
the file is decoded in chunks with an incremental decoder; newlines are
normalised (a CR at a chunk's end waits for the next chunk); HTML goes
through the incremental visible-text parser (:func:`.html.iter_html_text`),
Markdown line by line.

Where a window is cut, no occurrence may be lost or doubled, and none may
see less of its text than in the whole file. The extractor looks at most
:data:`~glossary.extract.brackets.REACH` characters from a bracket for its
pair, stops at a blank line, and looks a few hundred characters around a
bracket for the rendering and the sentence (2,000 for a code span). So a
window ends, by preference, after a blank line; else at a line end or a
space with no bracket within :data:`MARGIN` characters on either side
(then nothing the extractor does reaches across the cut); only a stretch of
text with brackets everywhere (hostile input: ``(兩`` repeated) is cut
anyway, at a space if there is one.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from glossary.i18n import _, os_reason
from glossary.model import InputError, Source
from glossary.sources.text import (_BOMS, LEGACY_CODECS, _utf16_without_bom, STRAY_RATIO, decode_stray, mostly_utf8,
                                   multibyte_count, plausibility, stray_allowed, warn_stray)

#: Characters kept free of brackets on both sides of a cut inside a
#: paragraph: more than the extractor's reach from a bracket (400 for its
#: pair, 300 for the sentence, 2,000 for a code span).
MARGIN = 2100
#: Characters that make a place unsafe to cut near: every bracket, and the
#: middle dots a rendering may follow a term with.
_BRACKETS = re.compile("[" + re.escape("([<（《〈「『【［〔｛{≪)]>）》〉」』】］〕｝}≫·・") + "]")
_READ = 1 << 20  # bytes read at a time
_HEAD = 1 << 16  # bytes the encoding is chosen on
_ASCII_HEAD = 1 << 23  # ... or more, up to this, while they are all ASCII


def stream_source(path: Path, fmt: str, window: int) -> Iterator[Source]:
    """The text of a big file as :class:`Source` windows of about ``window`` characters.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write(("양회(兩會).\\n\\n" * 3000).encode("cp949"))
    >>> parts = list(stream_source(Path(f.name), "text", 10000)); os.unlink(f.name)
    >>> [(p.line, p.encoding) for p in parts][:2], "".join(p.text for p in parts) == "양회(兩會).\\n\\n" * 3000
    ([(1, 'cp949'), (2223, 'cp949')], True)
    """
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from exc
    with fh:
        head = fh.read(_HEAD)
        while head.isascii() and len(head) < _ASCII_HEAD:  # the codec shows where the first non-ASCII bytes are
            more = fh.read(_READ)
            if not more:
                break
            head += more
        codec, skip = _codec(head, str(path))
        pieces = _decoded(fh, head[skip:], codec, str(path))
        if fmt == "text":  # an HTML page named .txt, as read_source sees it
            first = next(pieces, "")
            if re.match(r"\s*(<!doctype html|<html[\s>])", first[:500], re.IGNORECASE):
                fmt = "html"
            pieces = itertools.chain([first], pieces)
        if fmt == "html":
            from glossary.sources.html import iter_html_text

            pieces = iter_html_text(pieces, window)
        elif fmt == "markdown":
            pieces = _markdown(pieces)
        encoding = "utf-8-sig" if codec == "utf-8" and skip else codec
        text = ""
        line = 1
        for text in windows(pieces, window):
            yield Source(path=str(path), text=text, encoding=encoding, format=fmt, line=line)
            line += text.count("\n")
        if line == 1 and not text:  # nothing visible (a page of scripts): still one Source, empty
            yield Source(path=str(path), text="", encoding=encoding, format=fmt)


def _codec(head: bytes, name: str) -> tuple[str, int]:
    """The codec of a file from its first bytes, and how many BOM bytes to skip."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return {"utf-8-sig": "utf-8", "utf-16": "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be",
                    "utf-32": "utf-32-le" if bom == codecs.BOM_UTF32_LE else "utf-32-be"}[codec], len(bom)
    if b"\x00" in head:
        codec = _utf16_without_bom(head[: len(head) // 2 * 2])
        if codec is None:
            raise InputError(_("{path}: binary file, not text (NUL bytes)").format(path=name))
        return codec, 0
    sample = head[:-4] if len(head) > 4 else head  # the sample may end inside a character
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head)
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    if mostly_utf8(sample) is not None:
        return "utf-8", 0
    best: tuple[float, int, str] | None = None
    for rank, codec in enumerate(LEGACY_CODECS):
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample)
        except UnicodeDecodeError:
            continue
        score = plausibility(text, codec)
        if best is None or (score, -rank) > (best[0], best[1]):
            best = (score, -rank, codec)
    if best is None or best[0] < 0.5:
        raise InputError(_("{path}: binary file, not text (not UTF-8 and no CJK encoding fits)").format(path=name))
    return best[2], 0


def _decoded(fh, first: bytes, codec: str, name: str) -> Iterator[str]:  # noqa: ANN001 - a binary file
    """The file decoded chunk by chunk, newlines normalised, checked for NULs and control characters.

    UTF-8 is read as :func:`glossary.sources.text.mostly_utf8` reads a whole
    file: a few stray bytes become U+FFFD (counted, and warned of at the end);
    more than the text's share of them and it is not a text.
    """
    stray_ok = codec == "utf-8"
    decoder = codecs.getincrementaldecoder(codec)("glossary-stray" if stray_ok else "strict")
    carry = ""
    checked = False
    data = first
    stray = multibyte = 0
    while True:
        final = not data
        try:
            text, more = decode_stray(lambda: decoder.decode(data, final=final))
        except UnicodeDecodeError:
            raise InputError(
                _("{path}: binary file, not text (not UTF-8 and no CJK encoding fits)").format(path=name)
            ) from None
        if stray_ok:
            stray += more
            multibyte += multibyte_count(len(data), len(text))
            if stray and (stray > stray_allowed(multibyte) or final and multibyte < STRAY_RATIO * stray):
                raise InputError(
                    _("{path}: binary file, not text (not UTF-8 and no CJK encoding fits)").format(path=name))
            if final and stray:
                warn_stray(name, stray)
        text = carry + text
        carry = ""
        if text.endswith("\r") and not final:  # maybe the first half of a CRLF
            text, carry = text[:-1], "\r"
        if "\x00" in text:
            raise InputError(_("{path}: binary file, not text (NUL characters)").format(path=name))
        if not checked and text:
            sample = text[:20000]
            controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v\x1b")
            if controls > max(8, len(sample) // 100):
                raise InputError(_("{path}: binary file, not text (control characters)").format(path=name))
            checked = True
        if text:
            yield text.replace("\r\n", "\n").replace("\r", "\n")
        if final:
            return
        data = fh.read(_READ)


def _markdown(pieces: Iterable[str]) -> Iterator[str]:
    """Markdown to plain text, whole lines at a time (a line longer than a piece is converted in parts)."""
    from glossary.sources.markdown import markdown_to_text

    carry = ""
    for piece in pieces:
        text = carry + piece
        end = text.rfind("\n") + 1
        if end == 0 and len(text) < (1 << 22):
            carry = text
            continue
        if end == 0:
            end = len(text)
        carry = text[end:]
        yield markdown_to_text(text[:end])
    if carry:
        yield markdown_to_text(carry)


def windows(pieces: Iterable[str], size: int) -> Iterator[str]:
    """Text pieces regrouped into windows of at most about ``size`` characters, cut where it is safe.

    >>> text = "Two Sessions (兩會) " * 2000
    >>> parts = list(windows([text[i:i + 1000] for i in range(0, len(text), 1000)], 8000))
    >>> "".join(parts) == text, max(map(len, parts)) <= 8000
    (True, True)
    """
    parts: list[str] = []  # joined once a window and its margin are in: each character copied about once
    held = 0
    for piece in pieces:
        parts.append(piece)
        held += len(piece)
        if held >= size + MARGIN:
            buf = "".join(parts)
            while len(buf) >= size + MARGIN:
                cut = safe_cut(buf, size)
                yield buf[:cut]
                buf = buf[cut:]
            parts, held = [buf], len(buf)
    buf = "".join(parts)
    while len(buf) > size:
        cut = safe_cut(buf, size)
        yield buf[:cut]
        buf = buf[cut:]
    if buf:
        yield buf


def safe_cut(text: str, size: int) -> int:
    """Where to end a window of ``text`` (at most ``size``, at least half of it): see the module docstring.

    >>> safe_cut("Two Sessions (兩會).\\n\\nThe new normal (新常態).", 30)
    20
    """
    lo = size // 2
    blank = text.rfind("\n\n", lo, size)
    if blank != -1:
        return blank + 2
    hi = min(len(text), size + MARGIN)
    # Look for a free stretch near the end first, then further back: a window of prose has one at once.
    reach = 4 * MARGIN
    while True:
        start = max(0, size - reach, lo - MARGIN)
        cut = _free_cut(text, start, lo, size, hi)
        if cut is not None or start <= max(0, lo - MARGIN):
            break
        reach *= 4
    if cut is not None:
        return cut
    i = max(text.rfind(" ", lo, size), text.rfind("\n", lo, size))
    return i + 1 if i != -1 else size


def _free_cut(text: str, start: int, lo: int, size: int, hi: int) -> int | None:
    """The last place in ``[lo, size)``, looking at ``text[start:hi]``, that is MARGIN from every bracket."""
    marks = [m.start() for m in _BRACKETS.finditer(text, start, hi)]
    # Sentinels: a bracket may sit just before the stretch scanned, or just after it unless the text ends there.
    bounds = [start - 1 if start > 0 else -MARGIN - 1, *marks, hi + MARGIN if hi == len(text) else hi]
    for before, after in zip(reversed(bounds[:-1]), reversed(bounds[1:])):
        a, b = max(lo, before + MARGIN + 1), min(size, after - MARGIN)
        if a >= b:
            continue
        for sep in ("\n", " ", "\t", "\u3000"):
            i = text.rfind(sep, a, b)
            if i != -1:
                return i + 1
        return b
    return None
