from __future__ import annotations

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
    # Every column starts at the same display column on every line.
    for col in ("rendering", "gloss_kind", "kind", "source:line"):
        starts = set()
        header_at = display_width(lines[0][: lines[0].index(col)])
        for line in lines[1:]:
            cells = [c for c in line.split("  ") if c.strip()]
            assert cells
        starts.add(header_at)
        assert len(starts) == 1
    widths = {display_width(line[: line.rindex(" ") + 1]) for line in lines}
    assert len(widths) == 1
    assert lines[4].split()[:4] == ["坚决守住底线", "-", "-", "term"]


def test_long_cells_are_cut() -> None:
    occ = Occurrence("關於進一步全面深化改革、推進中國式現代化的決定", "a", 1, gloss="x" * 100, kind="title")
    line = format_occurrence_table([occ]).splitlines()[1]
    assert "…" in line and "x" * 48 not in line


def test_empty() -> None:
    assert format_occurrence_table([]) == ""
