"""Step 1, continued: split a bracket's contents into typed parts.

``(UFWD; Chinese: 中共中央统战部)`` -> latin "UFWD", han "中共中央统战部" labelled
``chinese``. Parts are CJK terms (digits and ``+`` glued on: 2+2对话), hangul,
Latin (an acronym, pinyin, a romanisation or a translation; see
:func:`latin_role`) and digits; labels are the ``Chinese:``/``pinyin:``/
``lit.`` fields writers put inside brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from glossary.extract.chars import HAN, HAN_CHAR, HANGUL, RE_HANGUL, RE_DOTS, RE_FIELDS, RE_HAN_GAP, RE_HAN_ONLY, RE_INNER_ROUND, RE_INNER_TITLE, RE_PIECES, RE_TITLE_COLON, TONE_MARKS
from glossary.extract.sound import maybe_pinyin, maybe_romanization


LABEL = re.compile(
    r"^(?P<label>(?:simplified|traditional)(?: chinese)?|chinese|simp\.?|trad\.?|pinyin|hanzi|hanja|characters?|zh|"
    r"lit\.?|literally|meaning|i\.e\.|korean|japanese|abbreviated|abbr\.?|short for|also|or|english)"
    r"(?:\s*[:：]\s*|\.\s*|\s+)",
    re.IGNORECASE,
)


ACRONYM = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]{1,9}$")


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a bracket: ``kind`` is han|latin|hangul|digits."""

    kind: str
    text: str
    label: str = ""


def repair(term: str) -> str:
    """Drop line breaks and stray spaces between hanzi (PDF text)."""
    if any(ch.isspace() for ch in term):
        term = RE_HAN_GAP.sub("", term)
    return term


RE_LIT_PIECE = re.compile(
    rf"(?<![^\s,])(?:lit\.\s*[:,]?\s*[“\"‘']|literally\s*[:,]?\s*[“\"‘']|meaning\s*[:,]?\s*[“\"‘']|[“\"])"
    rf"[^“”\"‘’{HAN}]+[”\"’']\s*$", re.IGNORECASE)


def split_parts(content: str) -> list[Part]:
    """Split a bracket's content into labelled, script-typed parts."""
    content = content.strip()
    if RE_HAN_ONLY.fullmatch(content):  # the usual case: (兩會)
        return [Part("han", content)]
    # Nested brackets inside the content become separators: 中國共產黨(中共).
    content = RE_INNER_ROUND.sub(",", content)
    content = RE_INNER_TITLE.sub(",", content)
    title = RE_TITLE_COLON.match(content)
    if title and len(title.group(1).split()) > 1 and not LABEL.match(title.group(1) + " ") \
            and not re.search(r"[;；]|\b(?:Chinese|[Pp]inyin)$", title.group(1)):  # (XJT; Simplified Chinese: …)
        return [Part("latin", title.group(1).strip(), "title")] + split_parts(title.group(2))
    parts: list[Part] = []
    for field in RE_FIELDS.split(content):
        # A literal meaning, or any quoted English, keeps its commas:
        # (韬光养晦, literally "hide brightness, nourish obscurity"), (yī shí èr niǎo, “one stone, two birds”).
        lit = RE_LIT_PIECE.search(field)
        pieces = RE_PIECES.split(field[:lit.start()]) + [lit.group()] if lit else RE_PIECES.split(field)
        for piece in pieces:
            if not piece.strip(" ,"):
                continue
            piece = piece.lstrip(" ,")
            label = ""
            m = LABEL.match(piece)
            if m:
                label = m.group("label").lower().rstrip(".:")
                piece = piece[m.end():]
            elif lit and piece == lit.group() and not RE_HANGUL.search(piece):
                parts.append(Part("latin", piece.strip(" \t\n'\"“”‘’.,"), ""))  # one quoted rendering
                continue
            parts.extend(typed_parts(piece.strip(), label))
    return [p for p in parts if p.text]


# A CJK part may carry digits and plus signs glued to it (中国制造2025,
# 2+2对话, 人工智能+行动, 人工智能+) and quotes around an inner name
# (高质量共建"一带一路").
SEGMENT = re.compile(
    rf"(?P<han>[\"“]?(?:\d+[+＋])*\d*[{HAN}](?:[{HAN}、，〇\d\s\"“”‘’]*[{HAN}\"”’])?"
    rf"(?:[+＋][{HAN}]+)*\d*[+＋]?)"
    rf"|(?P<hangul>[{HANGUL}](?:[{HANGUL}\s]*[{HANGUL}])?)"
    r"|(?P<latin>[A-Za-zÀ-ɏ](?:[A-Za-zÀ-ɏ0-9\s'’\-.&]*[A-Za-zÀ-ɏ0-9.])?)"
    r"|(?P<digits>\d+)"
)


RE_ACRONYM_PAIR = re.compile(r"([A-Z][A-Za-z0-9&.\-]{1,14}) or ([A-Z][A-Za-z0-9&.\-]{1,14})")
RE_QUOTE_MARK = re.compile("[“”\"‘]")


def typed_parts(piece: str, label: str) -> list[Part]:
    whole = piece.strip(" \t\n.·・:")
    piece = piece.strip(" \t\n'\"“”‘’.·・:")
    # keep a closing quote that closes a quote inside the piece: 共建"一带一路"
    if whole.endswith(("\"", "”")) and whole.startswith(piece) and (
        piece.count("\"") % 2 == 1 or piece.count("“") > piece.count("”")
    ):
        piece += whole[len(piece)]
    # and an opening quote that a quote inside the piece closes: “十四五”规划
    if whole[:1] in "\"“" and whole == whole[0] + piece and ("”" in piece or "\"" in piece):
        piece = whole
    if not piece:
        return []
    if label in ("lit", "literally", "meaning", "i.e", "english"):
        return [Part("latin", piece, "lit")]
    pair = RE_ACRONYM_PAIR.fullmatch(piece)
    if pair and ACRONYM.match(pair.group(1)) and ACRONYM.match(pair.group(2)):  # two acronyms of one name: (XJT or XJToSwCCfaNE; …)
        return [Part("latin", pair.group(1), label), Part("latin", pair.group(2), label)]
    if RE_QUOTE_MARK.search(piece) and not HAN_CHAR.search(piece) and not RE_HANGUL.search(piece):
        return [Part("latin", piece, label)]  # inner quotes belong to the rendering: the “left-behind” children
    parts = []
    for piece2 in RE_DOTS.split(piece):
        for m in SEGMENT.finditer(piece2):
            parts.append(Part(m.lastgroup or "", m.group().strip(), label))
    return parts


def latin_role(text: str, term: str, label: str) -> str:
    """What a Latin part of a bracket is: abbrev, pinyin, romanization or translation."""

    if label in ("lit", "title"):
        return "translation"
    if label == "pinyin" or TONE_MARKS.search(text):
        return "pinyin"
    if ACRONYM.match(text) and " " not in text:
        return "abbrev"
    if term and maybe_pinyin(text, term):
        return "pinyin"
    if term and maybe_romanization(text, term):
        return "romanization"
    return "translation"
