"""Signals on single English words: capitals, possessives, verbs, qualifiers.

Each is a small predicate over one token, used by the span rules of
:mod:`glossary.extract.english` and :mod:`glossary.extract.edges`.
"""

from __future__ import annotations


from glossary.extract.chars import RE_ORDINAL
from glossary.extract.words import ADJECTIVE_ENDINGS, GENERIC_NOUNS, ING_NOUNS, IRREGULAR_PAST, QUALIFIERS, VERBS, VERB_STEMS_SET


def is_capital(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and bool(RE_ORDINAL.match(tok)))


def is_possessive(tok: str) -> bool:
    return tok.endswith(("'s", "’s", "s'", "s’"))


def is_verbish_ing(tok: str) -> bool:
    return len(tok) > 5 and tok.lower().endswith("ing") and tok.isalpha() and tok.lower() not in ING_NOUNS


def verbish_after_to(tok: str, phrase: list[tuple[str, int]]) -> bool:
    """Whether a word after "to" is a verb (to attract ...), not a noun (to lips and teeth).

    A phrase with "one's" is a verb phrase rendering on its own: hide one's
    capabilities and bide one's time.
    """
    low = tok.lower()
    if any(t.lower() in ("one's", "one’s") for t, _ in phrase):
        return False
    if low in VERB_STEMS_SET:
        return True
    return tok.islower() and not low.endswith(("s", "tion", "ment", "ness", "ity", "ism", "ance", "ence", "ship"))


def weight(tok: str) -> int:
    """Content words a token stands for: a compound like whole-process counts twice."""
    return 2 if "-" in tok.strip("-") else 1


def is_verb(word: str) -> bool:
    """A finite verb or participle that opens a clause: praised, met, added."""
    low = word.lower()
    return low in VERBS or low in IRREGULAR_PAST or low.endswith("ed") and len(low) > 4


def is_qualifier(word: str) -> bool:
    low = word.lower()
    return low in QUALIFIERS or low in GENERIC_NOUNS or low.endswith(ADJECTIVE_ENDINGS) or low.startswith(("un", "non-")) and len(low) > 7
