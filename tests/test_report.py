from __future__ import annotations

import re

from glossary.model import Occurrence
from glossary.report import display_width, format_occurrence_table


def test_columns_align_with_wide_characters() -> None:
    occs = [
        Occurrence("兩會", "a.txt", 3, gloss="Two Sessions", gloss_kind="translation"),
        Occurrence("以舊換新", "ko.txt", 12, gloss="이구환신", gloss_kind="hangul"),
        Occurrence("反", "ko.txt", 20, gloss="반", gloss_kind="hangul", kind="other"),
        Occurrence("坚决守住底线", "b.txt", 1),
    ]
    lines = format_occurrence_table(occs).splitlines()
    assert lines[0].split() == ["term", "rendering", "gloss_kind", "kind", "source:line"]

    def starts(line: str) -> list[int]:
        return [display_width(line[: m.start()]) for m in re.finditer(r"\S+(?: \S+)*", line)]

    # Every column starts at the same display column on every line.
    assert all(starts(line) == starts(lines[0]) for line in lines[1:])
    assert lines[2].split()[:4] == ["以舊換新", "이구환신", "hangul", "term"]
    assert lines[4].split()[:4] == ["坚决守住底线", "-", "-", "term"]


def test_long_cells_are_cut() -> None:
    occ = Occurrence("關於進一步全面深化改革、推進中國式現代化的決定", "a", 1, gloss="x" * 100, kind="title")
    line = format_occurrence_table([occ]).splitlines()[1]
    assert "…" in line and "x" * 48 not in line


def test_empty() -> None:
    assert format_occurrence_table([]) == ""
