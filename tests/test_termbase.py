"""terms.yaml: validation messages, and updates that never lose an edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.model import Rendering, TermbaseError
from glossary.termbase import TOOL_FIELDS, TermUpdate, read_termbase, update_termbase

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "terms.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_project_term_base_is_valid_and_sorted() -> None:
    termbase = read_termbase(ROOT / "terms.yaml")
    keys = [t.key for t in termbase.terms]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    assert {t.key: t for t in termbase.terms}["一帶一路"].abbrev == "BRI"


def test_fields_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "兩會:\n  en: Two Sessions\n  en_alt: [NPC and CPPCC sessions]\n  ko: 양회\n  status: approved\n"
        "  seen:\n    Two Sessions: 3\n  count: 3\n  sources:\n    - a.txt\n",
    )
    (term,) = read_termbase(path).terms
    assert (term.key, term.en, term.en_alt, term.ko, term.status) == (
        "兩會", "Two Sessions", ("NPC and CPPCC sessions",), "양회", "approved",
    )
    assert term.seen == (Rendering("Two Sessions", "context", count=3),)
    assert (term.count, term.sources, term.line) == (3, ("a.txt",), 1)


@pytest.mark.parametrize(
    ("text", "ko", "ko_alt"),
    [
        ("習近平:\n  ko: 시진핑\n  ko_alt: [습근평]\n", "시진핑", ("습근평",)),
        ("新質生產力:\n  ko_alt:\n    - 신품질 생산력\n    - ' 새로운 질적 생산력 '\n", None, ("신품질 생산력", "새로운 질적 생산력")),
        ("中國夢:\n  ko: 중국의 꿈\n  ko_alt: 중국몽\n", "중국의 꿈", ("중국몽",)),  # one text for a list of one
        ("十四五:\n  ko: 14·5 규획\n", "14·5 규획", ()),  # digits and the middle dot are Korean text too
        ("兩會:\n  ko: ''\n  ko_alt: []\n", None, ()),
    ],
)
def test_curated_korean_is_read(tmp_path: Path, text: str, ko: str | None, ko_alt: tuple[str, ...]) -> None:
    (term,) = read_termbase(write(tmp_path, text)).terms
    assert (term.ko, term.ko_alt) == (ko, ko_alt)


def test_missing_default_is_empty_but_named_file_is_an_error(tmp_path: Path) -> None:
    assert read_termbase(tmp_path / "terms.yaml", required=False).path is None
    with pytest.raises(TermbaseError, match=r"terms\.yaml: no such file"):
        read_termbase(tmp_path / "terms.yaml", required=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("兩會:\n  en: Two Sessions\n  colour: red\n", r"terms\.yaml:3: 兩會: unknown field 'colour'"),
        ("兩會:\n  engl: Two Sessions\n", r"terms\.yaml:2: 兩會: unknown field 'engl' \(did you mean 'en'\?\)"),
        ("兩會:\n  en: [Two, Sessions]\n", r"terms\.yaml:2: 兩會: en must be text, got a list"),
        ("兩會:\n  count: many\n", r"terms\.yaml:2: 兩會: count must be a whole number, got text"),
        ("兩會:\n  en_alt: 3\n", r"terms\.yaml:2: 兩會: en_alt must be a list of text, got a number"),
        ("兩會:\n  ko_alt: {양회: 1}\n", r"terms\.yaml:2: 兩會: ko_alt must be a list of text, got a mapping"),
        ("習近平:\n  ko: 習近平\n", r"terms\.yaml:2: 習近平: ko must be Korean \(hangul\), got '習近平'"),
        ("習近平:\n  ko: 시진핑\n  ko_alt:\n    - Xi Jinping\n", r"terms\.yaml:3: 習近平: ko_alt must be Korean \(hangul\), got 'Xi Jinping'"),
        ("兩會:\n  status: maybe\n", r"terms\.yaml:2: 兩會: status must be one of candidate, approved, rejected"),
        ("Two Sessions:\n  en: x\n", r"terms\.yaml:1: key 'Two Sessions' is not a CJK term"),
        ("兩會:\n  en: a\n一帶一路: {}\n兩會:\n  en: b\n", r"terms\.yaml:4: duplicate key 兩會 \(first at line 1\)"),
        ("兩會:\n  en: [unclosed\n", r"terms\.yaml:\d+: YAML syntax error"),
        ("- 兩會\n- 两会\n", r"terms\.yaml:1: the term base must be a mapping"),
        ("兩會: Two Sessions\n", r"terms\.yaml:1: 兩會: expected a mapping of fields, got text"),
    ],
)
def test_mistakes_name_file_line_and_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TermbaseError, match=message):
        read_termbase(write(tmp_path, text))


def test_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_bytes("兩會:\n  en: 양회\n".encode("cp949"))
    with pytest.raises(TermbaseError, match="not UTF-8"):
        read_termbase(path)


HAND_EDITED = """\
# my own notes: keep these!
一帶一路:   # the flagship
  en: Belt and Road Initiative
  abbrev: BRI
  status: approved

# 兩會 needs care in headlines
兩會:
  en: Two Sessions     # not "two meetings"
  en_alt:
    - NPC and CPPCC sessions
  status: approved
  seen:
    two meetings: 1
  count: 1

反:
  status: rejected
"""

UPDATES = [
    TermUpdate("兩會", seen=(Rendering("Two Sessions", "context", count=3),), count=3, sources=("a.txt", "b.txt")),
    TermUpdate("以舊換新", seen=(Rendering("product renewal subsidy scheme", "context", count=1),), count=1, sources=("a.txt",)),
    TermUpdate("反", count=4, sources=("b.txt",)),
]


def test_add_keeps_every_hand_written_line(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    report = update_termbase(path, UPDATES)
    assert report.added == ["以舊換新"]
    assert report.updated == ["兩會"]
    assert report.skipped == [("反", "rejected in the term base")]
    new = path.read_text(encoding="utf-8")
    tool_lines = {"  seen:\n", "    two meetings: 1\n", "  count: 1\n"}
    kept = [line for line in HAND_EDITED.splitlines(keepends=True) if line not in tool_lines]
    assert _is_subsequence(kept, new.splitlines(keepends=True))
    terms = {t.key: t for t in read_termbase(path).terms}
    assert terms["兩會"].seen == (Rendering("Two Sessions", "context", count=3),)
    assert terms["兩會"].en == "Two Sessions"
    assert terms["以舊換新"].status == "candidate"
    assert terms["反"].count == 0  # rejected: left alone


def test_second_identical_run_changes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    update_termbase(path, UPDATES)
    first = path.read_bytes()
    report = update_termbase(path, UPDATES)
    assert (report.added, report.updated, report.diff) == ([], [], "")
    assert path.read_bytes() == first


def test_dry_run_shows_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    report = update_termbase(path, UPDATES, dry_run=True)
    assert "+以舊換新:" in report.diff
    assert path.read_text(encoding="utf-8") == HAND_EDITED


def test_new_file_is_created_with_a_header(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    update_termbase(path, UPDATES[:1])
    assert path.read_text(encoding="utf-8").startswith("# Curated term base")
    assert [t.key for t in read_termbase(path).terms] == ["兩會"]


def test_fill_missing_never_overwrites_a_curated_field(tmp_path: Path) -> None:
    path = write(tmp_path, HAND_EDITED)
    update_termbase(
        path,
        [TermUpdate("兩會", en="two meetings", note="imported"), TermUpdate("一帶一路", en="OBOR", ko="일대일로")],
        fill_missing=True,
    )
    terms = {t.key: t for t in read_termbase(path).terms}
    assert terms["兩會"].en == "Two Sessions"
    assert terms["兩會"].note == "imported"
    assert (terms["一帶一路"].en, terms["一帶一路"].ko) == ("Belt and Road Initiative", "일대일로")


def _is_subsequence(needles: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(line == h for h in it) for line in needles)


KEYS = ["兩會", "一帶一路", "以舊換新", "共同富裕", "民生保障", "深度求索", "逆"]
renderings = st.text(alphabet="abc XYZ-:#'\"é양", min_size=1, max_size=12).map(str.strip).filter(bool)
updates = st.lists(
    st.builds(
        TermUpdate,
        key=st.sampled_from(KEYS),
        seen=st.lists(st.builds(Rendering, renderings, st.just("context"), count=st.integers(1, 9)), max_size=2, unique_by=lambda r: r.text).map(tuple),
        count=st.integers(0, 9),
        sources=st.lists(st.sampled_from(["a.txt", "b 2.md", "c:d.html"]), max_size=2, unique=True).map(tuple),
    ),
    max_size=5,
    unique_by=lambda u: u.key,
)
edits = st.lists(
    st.tuples(st.sampled_from(["comment", "english", "reorder"]), st.integers(0, 50), renderings),
    max_size=4,
)


def _hand_edit(text: str, kind: str, n: int, value: str) -> str:
    from glossary.termbase import _scalar

    lines = text.splitlines(keepends=True)
    if kind == "comment":
        lines.insert(n % (len(lines) + 1), f"# note {value!r}\n")
    elif kind == "english":
        keys = [i for i, line in enumerate(lines) if line[:1] not in {" ", "#", "\n"}]
        if keys:
            i = keys[n % len(keys)]
            lines.insert(i + 1, f"  note: {_scalar(value)}\n") if "note:" not in "".join(lines[i : i + 3]) else None
    elif kind == "reorder":
        blocks = "".join(lines).split("\n\n")
        if len(blocks) > 2:
            j = 1 + n % (len(blocks) - 1)
            blocks[0], blocks[j] = blocks[j], blocks[0]
        return "\n\n".join(blocks).rstrip("\n") + "\n"
    return "".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=st.lists(st.tuples(edits, updates), min_size=1, max_size=3))
def test_hand_edits_survive_any_sequence_of_runs(tmp_path: Path, runs: list) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(HAND_EDITED, encoding="utf-8")
    for hand_edits, run in runs:
        text = path.read_text(encoding="utf-8")
        for edit in hand_edits:
            candidate = _hand_edit(text, *edit)
            try:
                read_termbase(write(tmp_path, candidate))
                text = candidate
            except TermbaseError:
                pass  # an edit that breaks the YAML is not a hand edit a user would keep
        path.write_text(text, encoding="utf-8")
        before = read_termbase(path)
        update_termbase(path, run)
        after_text = path.read_text(encoding="utf-8")
        hand_lines = [line for line in _non_tool_lines(text)]
        assert _is_subsequence(hand_lines, after_text.splitlines(keepends=True))
        after = {t.key: t for t in read_termbase(path).terms}
        for term in before.terms:  # every curated field unchanged
            new = after[term.key]
            assert (new.en, new.en_alt, new.ko, new.note, new.status, new.abbrev) == (
                term.en, term.en_alt, term.ko, term.note, term.status, term.abbrev,
            )
        again = update_termbase(path, run)
        assert again.diff == ""


def _non_tool_lines(text: str) -> list[str]:
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        field = stripped.split(":", 1)[0]
        if line.startswith("  ") and not line.startswith("   ") and field in TOOL_FIELDS:
            skipping = True
            continue
        if skipping and line.startswith("    ") and stripped:
            continue
        if skipping and stripped.startswith("#"):
            out.append(line)  # a comment among the tool's lines is the user's: it must survive
            continue
        skipping = False
        out.append(line)
    return out


def test_a_comment_among_tool_lines_survives_a_refresh(tmp_path: Path) -> None:
    path = write(tmp_path, "兩會:\n  en: Two Sessions\n  seen:\n    Two Sessions: 1\n# why two meetings?\n    two meetings: 1\n  count: 2\n")
    update_termbase(path, UPDATES[:1])
    text = path.read_text(encoding="utf-8")
    assert "# why two meetings?\n" in text
    assert "two meetings: 1" not in text
    assert read_termbase(path).terms[0].seen == (Rendering("Two Sessions", "context", count=3),)


def test_the_file_header_stays_on_top_when_a_block_goes_first(tmp_path: Path) -> None:
    path = write(tmp_path, "# Our team's term base: keep this first\n兩會:\n  en: Two Sessions\n")
    update_termbase(path, [TermUpdate("一帶一路", count=1)])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Our team's term base: keep this first"
    assert lines.index("一帶一路:") < lines.index("兩會:")
