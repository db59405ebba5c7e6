"""Merging occurrences and the term base into entries."""

from __future__ import annotations

from pathlib import Path

from glossary.merge import merge_entries, term_updates
from glossary.model import Occurrence, Term
from glossary.termbase import Termbase


def occ(term: str, gloss: str | None = None, source: str = "a.txt", kind: str = "term", **kw: object) -> Occurrence:
    return Occurrence(term, source, 1, gloss=gloss, gloss_kind="translation" if gloss else None, kind=kind, **kw)


def test_two_scripts_make_one_entry_with_the_traditional_form() -> None:
    (entry,) = merge_entries([occ("两会", "Two Sessions"), occ("兩會", "Two Sessions", source="b.txt")], Termbase(None))
    assert (entry.key, entry.trad, entry.simp, entry.ja, entry.ko) == ("两会", "兩會", "两会", "両会", "양회")
    assert entry.forms == ("两会", "兩會")
    assert entry.sources == ("a.txt", "b.txt")
    assert entry.en[0].text == "Two Sessions" and entry.en[0].count == 2


def test_simplified_only_gets_a_computed_traditional_form() -> None:
    (entry,) = merge_entries([occ("以旧换新")], Termbase(None))
    assert (entry.trad, entry.simp, entry.ko) == ("以舊換新", "以旧换新", "이구환신")


def test_other_kinds_are_not_terms() -> None:
    entries = merge_entries([occ("反", kind="other"), occ("關於進一步全面深化改革的決定", "Decision", kind="title")], Termbase(None))
    assert [(e.trad, e.kind) for e in entries] == [("關於進一步全面深化改革的決定", "title")]


def test_curated_fields_win_and_unseen_curated_terms_are_kept() -> None:
    termbase = Termbase(
        Path("terms.yaml"),
        (
            Term("兩會", en="Two Sessions", ko="양회의", abbrev="NPC/CPPCC", note="March"),
            Term("二十大", en="20th Party Congress"),
            Term("逆", status="rejected"),
        ),
    )
    entries = {e.trad: e for e in merge_entries([occ("两会", "two meetings"), occ("逆", "Reverse")], termbase)}
    assert set(entries) == {"兩會", "二十大"}
    two = entries["兩會"]
    assert (two.ko, two.abbrev, two.note) == ("양회의", ("NPC/CPPCC",), "March")
    assert [r.text for r in two.en[:2]] == ["Two Sessions", "two meetings"]
    assert {"trad", "ko", "en", "abbrev", "note"} <= set(two.curated)
    assert entries["二十大"].occurrences == ()


def test_abbreviations_and_other_renderings_are_gathered() -> None:
    (entry,) = merge_entries(
        [occ("一帶一路", "Belt and Road Initiative", abbrev="BRI"), occ("一帶一路", "Belt and Road", abbrev="BRI")],
        Termbase(None),
    )
    assert entry.abbrev == ("BRI",)
    assert [r.text for r in entry.en if r.source == "context"] == ["Belt and Road Initiative", "Belt and Road"]


def test_term_updates_group_by_key() -> None:
    updates = term_updates([occ("两会", "Two Sessions"), occ("兩會", "the Two Sessions", source="b.txt"), occ("反", kind="other")])
    assert [(u.key, u.count, u.sources) for u in updates] == [("兩會", 2, ("a.txt", "b.txt"))]
