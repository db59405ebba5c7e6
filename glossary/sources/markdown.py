"""Markdown: plain text, one output line per input line (markup, table pipes removed)."""

from __future__ import annotations

import re


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
