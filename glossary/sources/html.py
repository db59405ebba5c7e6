"""HTML pages: visible text only, each piece on the line it has in the file.

No scripts, styles, navigation, header, footer or aside chrome. Hand-written
on the standard library's tokenizer because the line structure must survive
(line ``n`` of the text is line ``n`` of the file), which no HTML-to-text
library keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html.parser import HTMLParser


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
        self.base = 1  # the file line of lines[0]: lines before it were handed on (iter_html_text)
        self.hidden: list[str] = []

    def _at(self, line: int) -> list[str]:
        while len(self.lines) < line - self.base + 1:
            self.lines.append([])
        return self.lines[line - self.base]

    def _gap(self) -> None:
        cur = self._at(self.getpos()[0])
        if cur and not cur[-1].endswith("\t"):
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


def _line(parts: list[str]) -> str:
    return "".join(parts).strip("\t ").replace("\xa0", " ")


def iter_html_text(chunks: Iterable[str], size: int) -> Iterator[str]:
    """:func:`html_to_text` of a page fed in chunks, as text pieces: memory flat in the page's size.

    Lines the parser has passed are handed on as they are done; a line whose
    text grows past ``size`` characters (a 200 MB text node) is handed on in
    parts. The pieces put end to end are the lines of :func:`html_to_text`,
    each with its line break.

    >>> "".join(iter_html_text(["<p>the Two Ses", "sions (兩會)</p>\\n<p>end</p>"], 100))
    'the Two Sessions (兩會)\\nend'
    """
    parser = _VisibleText()
    breaks = 0
    partial = False  # the first line kept was handed on in part already: do not strip its start again
    for chunk in chunks:
        breaks += chunk.count("\n")
        parser.feed(chunk)
        now = parser.getpos()[0]
        done = now - parser.base
        if done > 0:
            lines = parser.lines[:done]
            lines += [[] for _ in range(done - len(lines))]
            del parser.lines[:done]
            if not parser.lines:
                parser.lines.append([])
            parser.base = now
            first = "".join(lines[0]).rstrip("\t ").replace("\xa0", " ") if partial else _line(lines[0])
            yield first + "\n" + "".join(_line(parts) + "\n" for parts in lines[1:])
            partial = False
        current = parser.lines[0]
        if sum(map(len, current)) > size:  # a huge text node: hand on what it holds so far
            text = "".join(current).replace("\xa0", " ")
            yield text if partial else text.lstrip("\t ")
            partial = True
            current.clear()
    parser.close()
    total = breaks + 1 - (parser.base - 1)
    lines = parser.lines + [[] for _ in range(total - len(parser.lines))]
    out = [_line(parts) for parts in lines[:total]]
    if partial and out:
        out[0] = "".join(lines[0]).rstrip("\t ").replace("\xa0", " ")
    yield "\n".join(out).rstrip("\n")


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


