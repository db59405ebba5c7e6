"""Build glossary/data/pinyin_syllables.tsv: every toneless pinyin syllable each character can take.

Extraction asks whether a rendering spells the Mandarin sound of a term:
pinyin (Xi Jinping) or a hangul transcription (시진핑 for 習近平). Importing
pypinyin for that costs about 0.35 s and 60 MB per process, and most
renderings are translations that a cheap check rules out. This table lets
:mod:`glossary.extract.sound` make that check first: for each character, the
syllables (pypinyin's NORMAL style) of every reading pypinyin can give it,
alone (all heteronyms) or inside any phrase of its phrase dictionary. A
rendering that fails against these supersets fails against pypinyin's
actual readings; a term whose characters each have one syllable here reads
the same in pypinyin; only the rest reach pypinyin.

Each line: the syllables, space-separated, a tab, the characters.

    .venv/bin/python scripts/build_pinyin_syllables.py
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pypinyin.constants import RE_HANS
from pypinyin.contrib.tone_convert import to_normal
from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

OUT = Path(__file__).resolve().parent.parent / "glossary" / "data" / "pinyin_syllables.tsv"


def main() -> None:
    found: dict[str, set[str]] = defaultdict(set)
    for code, readings in pinyin_dict.items():
        found[chr(code)].update(to_normal(r) for r in readings.split(","))
    for phrase, readings in phrases_dict.items():
        if len(readings) != len(phrase):  # never in pypinyin 0.55; a phrase must not widen nothing silently
            raise SystemExit(f"phrase {phrase!r} has {len(readings)} readings")
        for ch, options in zip(phrase, readings):
            found[ch].update(to_normal(r) for r in options)
    groups: dict[str, list[str]] = defaultdict(list)
    for ch, syllables in found.items():
        if not RE_HANS.match(ch):
            continue  # pypinyin reads only what it takes for hanzi; the rest stays its business
        if any(not s or " " in s or "\t" in s for s in syllables):
            raise SystemExit(f"{ch}: unexpected reading {syllables}")
        groups[" ".join(sorted(syllables))].append(ch)
    lines = [f"{key}\t{''.join(sorted(chars))}\n" for key, chars in sorted(groups.items())]
    OUT.write_text("# Toneless pinyin each character can take, from pypinyin's dictionaries"
                   " (scripts/build_pinyin_syllables.py).\n" + "".join(lines), encoding="utf-8")
    print(f"{OUT.name}: {sum(map(len, groups.values()))} characters, {len(groups)} groups")


if __name__ == "__main__":
    main()
