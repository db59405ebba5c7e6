"""Sources stage: input files -> decoded :class:`~glossary.model.Source` records.

The only module that reads input files. Steps, in order:

1. read the bytes; refuse binary files (NUL bytes outside UTF-16);
2. decode: a BOM (UTF-8, UTF-16, UTF-32), then strict UTF-8, then a ranked
   list of CJK legacy codecs (CP949, Big5, GB18030) judged by a plausibility
   score, because statistical detectors guess wrong on short Korean texts;
3. reduce the text to what a reader sees, keeping the line structure so that
   line ``n`` of ``Source.text`` is line ``n`` of the file: Markdown loses its
   markup and table pipes, HTML keeps only visible text (no scripts, styles,
   navigation, header, footer or aside chrome).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from glossary.i18n import _, os_reason
from glossary.model import InputError, Source

#: Extensions picked up when a directory is walked, and the format they mean.
FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Legacy codecs tried after UTF-8, in order of preference on a tie. EUC-KR is
#: a subset of CP949, so CP949 stands for both.
LEGACY_CODECS = ("cp949", "big5", "gb18030")


def read_source(path: Path) -> Source:
    """Read and decode one input file into a :class:`Source`.

    The format comes from the extension (``.md`` markdown, ``.html`` html,
    anything else text) or from an HTML doctype at the top of the file.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
    ...     _ = f.write("양회(兩會)가 열렸다".encode("cp949"))
    >>> src = read_source(Path(f.name)); os.unlink(f.name)
    >>> src.text, src.encoding
    ('양회(兩會)가 열렸다', 'cp949')
    """
    path = Path(path)
    if not path.exists():
        raise InputError(_("{path}: no such file or directory").format(path=path))
    if path.is_dir():
        raise InputError(_("{path}: is a directory, not a text file").format(path=path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_("{path}: cannot read: {reason}").format(path=path, reason=os_reason(exc))) from exc
    text, encoding = decode_bytes(data, str(path))
    fmt = FORMATS.get(path.suffix.lower(), "text")
    if fmt == "text" and re.match(r"\s*(<!doctype html|<html[\s>])", text[:500], re.IGNORECASE):
        fmt = "html"
    if fmt == "html":
        text = html_to_text(text)
    elif fmt == "markdown":
        text = markdown_to_text(text)
    return Source(path=str(path), text=text, encoding=encoding, format=fmt)


def iter_sources(paths: Iterable[Path]) -> Iterator[Source]:
    """Read every file named, walking directories recursively in sorted order.

    In directories only text-like extensions (:data:`FORMATS`) are read and
    hidden files and folders are skipped; a file named explicitly is read
    whatever its extension. One file at a time, so memory stays flat.

    >>> list(iter_sources([]))
    []
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for child in _walk(path):
                yield read_source(child)
        else:
            yield read_source(path)


def source_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """The files :func:`iter_sources` reads, in the same order, without reading them.

    For callers that read the files elsewhere (``glossary.pipeline`` hands
    them to worker processes).

    >>> list(source_paths([]))
    []
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    for child in sorted(folder.iterdir(), key=lambda p: p.name):
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.suffix.lower() in FORMATS:
            yield child


# --- decoding -------------------------------------------------------------


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
        raise InputError(_("{path}: binary file, not text (NUL bytes)").format(path=name))
    try:
        return _clean(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
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

    >>> plausibility("이구환신 정책", "cp949")
    1.0
    >>> plausibility("以舊換新".encode("big5").decode("cp949"), "cp949")  # '쩑쩟눈톝'
    0.0
    """
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


# --- HTML -----------------------------------------------------------------

#: Elements whose content is never shown as reading text.
_HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "title",
           "nav", "header", "footer", "aside", "button", "select", "iframe", "object"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "param", "source", "track", "wbr"}
#: Elements that end a run of text: a tab keeps their texts apart on one line.
_BLOCK = {"p", "div", "li", "ul", "ol", "td", "th", "tr", "table", "h1", "h2", "h3", "h4",
          "h5", "h6", "br", "section", "article", "blockquote", "dd", "dt", "figcaption",
          "main", "pre", "hr", "caption"}


class _VisibleText(HTMLParser):
    """Collects visible text at the file line where each piece starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.hidden: list[str] = []

    def _at(self, line: int) -> list[str]:
        while len(self.lines) < line:
            self.lines.append([])
        return self.lines[line - 1]

    def _gap(self) -> None:
        cur = self._at(self.getpos()[0])
        if cur and cur[-1] != "\t":
            cur.append("\t")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: D102
        hidden = tag in _HIDDEN or any(
            (k == "hidden") or (k == "aria-hidden" and v == "true") or (k == "role" and v in ("navigation", "banner", "contentinfo"))
            for k, v in attrs)
        if self.hidden or hidden:
            if tag not in _VOID:
                self.hidden.append(tag)
            return
        if tag in _BLOCK:
            self._gap()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # noqa: D102
        if not self.hidden and tag in _BLOCK:
            self._gap()

    def handle_endtag(self, tag: str) -> None:  # noqa: D102
        if self.hidden:
            if tag in self.hidden:
                while self.hidden and self.hidden.pop() != tag:
                    pass
            return
        if tag in _BLOCK:
            self._gap()

    def handle_data(self, data: str) -> None:  # noqa: D102
        if self.hidden:
            return
        line = self.getpos()[0]
        parts = data.split("\n")
        for offset, part in enumerate(parts):
            if part:
                self._at(line + offset).append(part)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page, each piece on the line it has in the file.

    >>> html_to_text("<nav>Home</nav>\\n<p>the Two Sessions (兩會)</p><script>x()</script>")
    '\\nthe Two Sessions (兩會)'
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    total = html.count("\n") + 1
    lines = parser.lines + [[] for _ in range(total - len(parser.lines))]
    out = ["".join(parts).strip("\t ").replace("\xa0", " ") for parts in lines[:total]]
    return "\n".join(out).rstrip("\n") if any(out) else ""


# --- Markdown -------------------------------------------------------------

_HTML_TAGS = ("a|abbr|b|br|code|del|div|em|i|img|ins|kbd|li|mark|ol|p|pre|s|small|span|"
              "strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|h[1-6]|hr|blockquote|details|summary")
_MD_RULES = [
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$"), ""),  # table separator row
    (re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)"), ""),  # heading, quote, list marker
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\((?:https?:|mailto:|/|#|\.)[^)]*\)"), r"\1"),  # link -> text
    (re.compile(r"</?(?:" + _HTML_TAGS + r")(?:\s[^<>]*)?/?>", re.IGNORECASE), ""),
    (re.compile(r"<(?:https?://|mailto:)[^<>\s]+>"), ""),
    (re.compile(r"(\*\*|__|`)"), ""),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),
]


def markdown_to_text(markdown: str) -> str:
    """Plain text of Markdown, one output line per input line.

    Table pipes become tabs, which the extractor treats as hard boundaries.

    >>> markdown_to_text("| 이구환신 | 以舊換新 |\\n|---|---|\\n**양회(兩會)**")
    '이구환신\\t以舊換新\\n\\n양회(兩會)'
    """
    out = []
    for line in markdown.split("\n"):
        for pattern, repl in _MD_RULES:
            line = pattern.sub(repl, line)
        if "|" in line and line.strip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            line = "\t".join(cells)
        out.append(line.rstrip())
    return "\n".join(out)
