#!/usr/bin/env python3
"""Build glossary/data/pinyin_phrases.tsv.gz: pypinyin's two dictionaries, for reading without importing it.

Extraction asks pypinyin for the pinyin of a term when its characters have
more than one reading (whether "Xi Jinping" spells 習近平). Importing
pypinyin loads its phrase dictionary from JSON and copies it (about 0.3 s and
55 MB per process). :mod:`glossary.readings.pinyin_table` answers the same calls from
this file, with pypinyin's own segmentation and style rules; the file holds,
from the installed pypinyin:

- ``#! version`` and ``#! re_hans``: the version and the pattern of what it reads as hanzi;
- ``c<TAB>char<TAB>readings``: its single-character table (tone marks, comma-separated, in its order);
- ``p<TAB>phrase<TAB>readings``: its phrase table, one syllable per space, alternatives comma-separated;
- ``n<TAB>syllable<TAB>normal``: each syllable of both tables in the NORMAL style (tones removed, ü -> v).

Sorted, gzip'd without a timestamp: same pypinyin, same bytes.

    .venv/bin/python scripts/build_pinyin_phrases.py [--check]
"""

from __future__ import annotations

import argparse
import gzip
import io
import sys
from pathlib import Path

import pypinyin
from pypinyin import Style
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
from pypinyin.style import convert as convert_style
from pypinyin.style._constants import PHONETIC_SYMBOL_DICT

OUT = Path(__file__).resolve().parent.parent / "glossary" / "data" / "pinyin_phrases.tsv.gz"


def _checked(field: str) -> str:
    if any(ch in field for ch in "\t\n,") or not field:
        raise SystemExit(f"unexpected field {field!r}: the format cannot hold it")
    return field


def build() -> bytes:
    """The compressed file, from the installed pypinyin."""
    # glossary.readings.pinyin_table leaves strings that are not syllables alone when they hold
    # no digit and no character outside ASCII below U+2E80: each tone mark has one.
    if not all(any(not ch.isascii() and ord(ch) < 0x2E80 for ch in key) for key in PHONETIC_SYMBOL_DICT):
        raise SystemExit("pypinyin's tone marks changed: review glossary.readings.pinyin_table._plain")
    lines = [f"#! version\t{pypinyin.__version__}\n", f"#! re_hans\t{RE_HANS.pattern}\n"]
    syllables: set[str] = set()
    for code in sorted(PINYIN_DICT):
        readings = PINYIN_DICT[code].split(",")
        syllables.update(readings)
        lines.append(f"c\t{chr(code)}\t{','.join(map(_checked, readings))}\n")
    for phrase in sorted(PHRASES_DICT):
        value = PHRASES_DICT[phrase]
        for options in value:
            syllables.update(options)
            if any(" " in s for s in options):
                raise SystemExit(f"{phrase}: a syllable with a space")
        lines.append(f"p\t{_checked(phrase)}\t{' '.join(','.join(map(_checked, o)) for o in value)}\n")
    for syllable in sorted(syllables):
        normal = convert_style(syllable, Style.NORMAL, True, default=syllable)
        lines.append(f"n\t{syllable}\t{normal}\n")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as f:
        f.write("".join(lines).encode("utf-8"))
    return buffer.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the file is not what pypinyin gives")
    args = parser.parse_args()
    data = build()
    if args.check:
        same = OUT.exists() and OUT.read_bytes() == data
        print(f"{OUT.name}: {'current' if same else 'STALE: rebuild it'}")
        return 0 if same else 1
    OUT.write_bytes(data)
    print(f"{OUT.name}: {len(PINYIN_DICT)} characters, {len(PHRASES_DICT)} phrases, {len(data) / 1000:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
