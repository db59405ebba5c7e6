"""Lines, sentences and the text before a bracket.

The context of an occurrence is its sentence (cut at real sentence ends, not
at "U.S." or a PDF line wrap); the rendering is looked for in the text before
the bracket within its paragraph, where a hard line break becomes a tab.
"""

from __future__ import annotations

import re

from glossary.extract.words import CONTINUES, NOT_ENDS


class LineCounter:
    """Line number of an offset, counting newlines only once along the text."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def line_of(self, offset: int) -> int:
        if offset < self.pos:  # rare: an occurrence before the last one
            return self.text.count("\n", 0, offset) + 1
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


#: Candidate sentence ends, checked one by one by :func:`ends_sentence`.
SENTENCE_MARK = re.compile("[.!?。！？\n\t]")


def ends_sentence(text: str, i: int) -> bool:
    """Whether the mark at ``text[i]`` ends a sentence (a blank line, a tab, 。, or a
    full stop before a space and a word that is not lowercase, not after U.S or an initial)."""
    ch = text[i]
    if ch in "。！？\t":
        return True
    if ch == "\n":
        j = i + 1
        while j < len(text) and text[j] in " \t":
            j += 1
        return j < len(text) and text[j] == "\n"
    j = i + 1
    while j < len(text) and text[j] in "\"”’')]":
        j += 1
    if j < len(text) and not text[j].isspace():
        return False
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j].islower():
        return False
    if ch == ".":
        k = i
        while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
            k -= 1
        word = text[k:i].lower()
        if word in NOT_ENDS or (len(word) == 1 and text[k].isupper()):
            return False
    return True


def sentence_at(text: str, pos: int) -> str:
    """The sentence around ``pos``: within its paragraph, cut at sentence ends."""
    lo = max(0, pos - 300)
    hi = min(len(text), pos + 300)
    start = lo
    # The marks before pos, nearest first, found on the reversed window: the
    # nearest is most often the start, and a dense text has dozens in the window.
    for m in SENTENCE_MARK.finditer(text[lo:pos][::-1]):
        i = pos - 1 - m.start()
        if ends_sentence(text, i) or text[i] == "\n" and line_break_is_hard(text, i):
            start = i + 1
            break
    end = hi
    for m in SENTENCE_MARK.finditer(text, pos, hi):
        i = m.start()
        if text[i] == "\n":
            if ends_sentence(text, i) or line_break_is_hard(text, i):
                end = i
                break
        elif ends_sentence(text, i):
            end = i if text[i] == "\t" else i + 1
            break
    return " ".join(text[start:end].split())


def line_break_is_hard(text: str, i: int) -> bool:
    """A line break ends a sentence unless the text is wrapped mid-sentence (PDF).

    A short line followed by a capitalised one is a heading over its text
    ("...at Home and Abroad" / "A briefing note..."), unless it ends in a word
    that cannot end a sentence ("the", "of").
    """
    before = text[max(0, i - 1):i]
    after = text[i + 1:i + 2]
    soft = before and after and (before.isalnum() or before in ",-") and (after.isalnum() or after in "(（")
    if soft and after.isupper():
        line = text[text.rfind("\n", 0, i) + 1:i]
        last = line.rsplit(None, 1)[-1].lower() if line.strip() else ""
        if len(line) < 70 and last not in CONTINUES:
            return True
    return not soft


def text_before(text: str, opener: int) -> str:
    """The text before a bracket, within its paragraph.

    A line break inside a sentence (wrapped or PDF text) becomes a space; one
    after a short line (a heading, a table row) becomes a tab, a hard stop.
    """
    lo = max(0, opener - 200)
    chunk = text[lo:opener]
    para = chunk.rfind("\n\n")
    if para != -1:
        chunk = chunk[para + 2:]
    if "\n" not in chunk:
        return chunk
    lines = chunk.split("\n")
    out = lines[0]
    for prev, line in zip(lines, lines[1:]):
        short = len(prev.strip()) < 40 and not prev.rstrip().endswith((",", "-")) or "\t" in prev
        out += ("\t" if short or prev.rstrip().endswith((".", ":", "!", "?")) else " ") + line
    return out


def is_korean_context(before: str, after: str) -> bool:
    tail = before.rstrip(" '\"‘’“”「『")
    if tail:
        ch = tail[-1]
        if "\uac00" <= ch <= "\ud7a3":
            return True
        if ch.isascii() and ch.isalnum():
            return False
    head = after.lstrip(" '\"‘’“”」』")
    return bool(head) and "\uac00" <= head[0] <= "\ud7a3" and not re.match(r"\s", after[:1] or "x")


#: Markdown emphasis around words: *lying flat*, **bold**, _term_ (not snake_case).
RE_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)([^*_\n]{1,80}?)(?<=\S)\1(?![\w*])")


def unmark_emphasis(chunk: str) -> str:
    """Markdown emphasis as quotes: a writer who stars a phrase is quoting it.

    >>> unmark_emphasis("The phrase *lying flat* ")
    'The phrase “lying flat” '
    """
    if "*" not in chunk and "_" not in chunk:
        return chunk
    return RE_EMPHASIS.sub(lambda m: f"“{m.group(2)}”", chunk)


def in_code_span(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a Markdown code span on its line: `code(不是术语)`.

    >>> in_code_span("run `f(术语)` now", 7)
    True
    """
    # Within a window of the line, so a line of megabytes costs no more than a short one.
    lo = max(0, pos - _CODE_REACH)
    line_start = text.rfind("\n", lo, pos) + 1 or lo
    if text.find("`", line_start, pos) == -1:
        return False
    line_end = text.find("\n", pos, pos + _CODE_REACH)
    return text.count("`", line_start, pos) % 2 == 1 and text.find("`", pos, line_end if line_end != -1 else pos + _CODE_REACH) != -1


_CODE_REACH = 2000  # characters of a line looked at around a term for a code span


#: An aside between a rendering and the bracket with the term: an acronym in its
#: own bracket, "The United Front Work Department (UFWD) (Chinese: …)", or a
#: footnote mark, "Comprehensive Strategy[1](Chinese: …)", or a span of years,
#: "the 14th Five-Year Plan (2021–2025) (“十四五”规划)".
RE_ASIDE = re.compile(r"(?:\s*[(\[]([A-Z][A-Za-z0-9&.\-]{1,9})[)\]]|\s*\[\d{1,3}\]|\s*\((?:\d{4}\s*[–-]\s*\d{2,4})\))+\s*$")


def strip_aside(before: str) -> tuple[str, str | None]:
    """The text before a bracket without a trailing acronym bracket or footnote mark, and the acronym.

    >>> strip_aside("The Legislative Affairs Commission (LAC) ")
    ('The Legislative Affairs Commission', 'LAC')
    >>> strip_aside("the Four Comprehensives Strategy[1]")
    ('the Four Comprehensives Strategy', None)
    """
    if not before.rstrip().endswith((")", "]")):
        return before, None  # the usual case: nothing between the rendering and the bracket
    m = RE_ASIDE.search(before, max(0, len(before) - 40))
    if not m or not m.group().strip():
        return before, None
    acronyms = re.findall(r"[(\[]([A-Z][A-Za-z0-9&.\-]{1,9})[)\]]", m.group())
    if acronyms and not any(ch.isupper() for ch in acronyms[0][1:]) and not acronyms[0].isupper():
        return before, None  # a word in brackets, not an acronym: (Beijing)
    return before[:m.start()], (acronyms[0] if acronyms else None)


def within_sentence(before: str) -> str:
    """The end of ``before`` (text up to a bracket) after its last sentence end or bracket.

    Renderings of the several terms of one bracket stand in the clause before
    it ('탄소 정점·탄소 중립(碳達峰·碳中和)'): never across a sentence end or an
    earlier bracket, whose ``·`` or comma separates something else.

    >>> within_sentence("위원회(委員會·증감회)는 방안을 발표했다. 중국은 '역사를 거울로 삼아")
    " 중국은 '역사를 거울로 삼아"
    >>> within_sentence("the U.S. and China")
    'the U.S. and China'
    """
    from glossary.extract.chars import CLOSERS, OPENERS

    start = 0
    for i in range(len(before) - 1, -1, -1):
        ch = before[i]
        if ch in OPENERS or ch in CLOSERS or SENTENCE_MARK.match(ch) and ends_sentence(before, i):
            start = i + 1
            break
    return before[start:]
