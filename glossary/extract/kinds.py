"""Step 4: classify what a bracket held: a term, a title or other.

Title brackets (《》) and document endings (…決定, …白皮书, laws in 法) make a
title; sentence punctuation or great length make ``other`` (a quoted
sentence, never a term-base entry).
"""

from __future__ import annotations

from glossary.extract.chars import RE_SENTENCE_PUNCT
from glossary.extract.words import NOT_LAWS, TITLE_ENDINGS


def kind_of(term: str, bracket: str, has_latin_title: bool, content: str = "") -> str:
    if bracket in ("《》", "〈〉", "『』", "≪≫") or has_latin_title:
        return "title"
    if RE_SENTENCE_PUNCT.search(content or term) or len(term) > 20:
        return "other"
    if len(term) >= 2 and term.endswith(("經", "经")) and term not in ("神經", "神经", "經經"):
        return "title"  # classics and scriptures: 書經, 道德經
    if len(term) >= 4 and term.endswith(TITLE_ENDINGS) and (
            len(term) >= 5 or bracket in ("<>", "「」") or term.endswith("文件")
            or term.endswith("法") and not term.endswith(NOT_LAWS)):
        return "title"
    return "term"


def is_clause(pieces: list[str]) -> bool:
    """Whether comma-separated hanzi pieces are the clauses of one sentence, not a list of terms.

    Three or more pieces with a long one, or two long pieces one of which opens
    with a verb: (整合科技资源, 引领未来产业, 加快形成新生产力) is a sentence;
    (碳达峰, 碳中和) and (全过程人民民主, 中国式现代化) are terms.

    >>> is_clause(["整合科技资源", "引领未来产业", "加快形成新生产力"]), is_clause(["碳达峰", "碳中和"])
    (True, False)
    """
    from glossary.extract.edges import term_leads_with_verb

    if len(pieces) < 2:
        return False
    longest = max(map(len, pieces))
    if len(pieces) >= 3:
        return longest >= 6
    return min(map(len, pieces)) >= 6 and any(term_leads_with_verb(p) for p in pieces)
