"""terms.yaml updates cannot corrupt the file: the one checked writer, keys one term each, hostile YAML."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary import limits
from glossary.model import Entry, Rendering, TermbaseError
from glossary.termbase import (
    TermUpdate,
    _parse,
    _scalar,
    add_entries,
    read_termbase,
    split_lines,
    update_termbase,
    write_termbase,
)

LINE_BREAKS = ["\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def seen(*pairs: tuple[str, int]) -> tuple[Rendering, ...]:
    return tuple(Rendering(text, "context", count=n) for text, n in pairs)


def write(tmp_path: Path, text: str, *, bom: bool = False, name: str = "terms.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    return path


def survives(before: str, after: str, tool_lines: set[str] = frozenset()) -> bool:
    """Every line of ``before`` (but the tool's) is in ``after``, in order, byte for byte."""
    it = iter(split_lines(after))
    return all(any(line == x for x in it) for line in split_lines(before) if line not in tool_lines)


# --- 1. scalars that cannot break a line or change type ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "circulation\u2028of goods", "dual\x85circulation", "para\u2029graph", "tab\there", "cr\rlf\n",
        "yes", "No", "null", "~", "123", "1.5", ".inf", "0x1F", "=兩重建設", "=SUM(A1:A3)", "-dash", "- item",
        "a: b", "a #b", "#x", "'quoted'", '"dq"', "back\\slash", "{flow}", "[x]", "&anchor", "*alias", "!tag",
        "%dir", "@at", "`tick", "| block", "> fold", "?q", " lead", "trail ", "", "\x00nul\x07bel\x1b",
        "\ufeffbom", "rtl\u202eoverride", "zero\u200bwidth", "\U0001f600 emoji", "兩會", "양회", "Two Sessions",
        "ü-umlaut", "it's", "A/B & C (D)",
    ],
)
def test_every_scalar_reads_back_as_itself(text: str) -> None:
    rendered = _scalar(text)
    assert not any(br in rendered for br in ("\n", "\r", "\x85", "\u2028", "\u2029"))
    doc = _parse(f"兩會:\n  note: {rendered}\n  seen:\n    {rendered}: 1\n", Path("t.yaml"))
    assert doc["兩會"]["note"] == text
    assert dict(doc["兩會"]["seen"]) == {text: 1}


@given(st.text(max_size=30))
def test_any_text_reads_back_as_itself(text: str) -> None:
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        return  # not encodable in a UTF-8 file
    doc = _parse(f"兩會:\n  note: {_scalar(text)}\n", Path("t.yaml"))
    assert doc["兩會"]["note"] == text


@pytest.mark.parametrize("br", ["\u2028", "\x85", "\u2029", "\r", "\n"])
def test_a_line_separator_in_a_rendering_keeps_the_file_readable(tmp_path: Path, br: str) -> None:
    path = write(tmp_path, "兩會:\n  en: Two Sessions\n")
    upd = TermUpdate("雙循環", seen=seen((f"dual{br}circulation", 1)), count=1, sources=("a.txt",))
    update_termbase(path, [upd])
    first = path.read_bytes()
    (term,) = [t for t in read_termbase(path).terms if t.key == "雙循環"]
    assert term.seen == seen((f"dual{br}circulation", 1))
    update_termbase(path, [upd])
    assert path.read_bytes() == first  # the second run is a no-op


def test_a_quoted_multiline_note_is_one_unit(tmp_path: Path) -> None:
    text = '兩會:\n  note: "Held each March.\n  count: two plenary meetings\n  "\n  count: 1\n'
    path = write(tmp_path, text)
    update_termbase(path, [TermUpdate("兩會", count=5, sources=("a.txt",))])
    (term,) = read_termbase(path).terms
    assert term.note == "Held each March. count: two plenary meetings"
    assert (term.count, term.sources) == (5, ("a.txt",))
    assert survives(text, path.read_text(encoding="utf-8"), {"  count: 1\n"})


@pytest.mark.parametrize(
    "note",
    [
        "  note: |\n    Held each March.\n    count: 3\n    # not a comment\n",
        "  note: >-\n    Held each\n    March.\n\n",
        "  note: 'single\n    count: 2\n    quoted'\n",
        "  note:\n    plain multi\n    line note\n",
    ],
)
def test_block_and_multiline_scalars_survive_a_refresh(tmp_path: Path, note: str) -> None:
    text = f"兩會:\n  en: Two Sessions\n{note}  seen:\n    two meetings: 1\n  count: 1\n\n一帶一路:\n  en: BRI\n"
    path = write(tmp_path, text)
    before = read_termbase(path).terms[0].note
    update_termbase(path, [TermUpdate("兩會", seen=seen(("Two Sessions", 2)), count=2)])
    after = path.read_text(encoding="utf-8")
    assert read_termbase(path).terms[0].note == before
    assert survives(text, after, {"  seen:\n", "    two meetings: 1\n", "  count: 1\n"})


@pytest.mark.parametrize("bom", [False, True])
def test_crlf_and_bom_are_kept(tmp_path: Path, bom: bool) -> None:
    text = "# team terms\r\n兩會:\r\n  en: Two Sessions\r\n  count: 1\r\n\r\n一帶一路:\r\n  en: BRI\r\n"
    path = write(tmp_path, text, bom=bom)
    update_termbase(path, [TermUpdate("兩會", count=2), TermUpdate("以舊換新", count=1, sources=("a.txt",))])
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) == bom
    new = data.decode("utf-8-sig")
    assert "\n" not in new.replace("\r\n", "")  # every line, old and new, ends in CRLF
    assert survives(text, new, {"  count: 1\r\n"})
    assert {t.key: t.count for t in read_termbase(path).terms} == {"兩會": 2, "一帶一路": 0, "以舊換新": 1}


def test_the_writer_refuses_a_result_that_loses_a_user_line(tmp_path: Path) -> None:
    old = "兩會:\n  en: Two Sessions  # keep\n"
    path = write(tmp_path, old)
    (term,) = read_termbase(path).terms
    with pytest.raises(TermbaseError, match=r"your line .* would be lost"):
        write_termbase(path, old, "兩會:\n  en: Two Sessions\n", old_terms=(term,))
    with pytest.raises(TermbaseError, match=r"兩會: the update was not written: en would read back changed"):
        write_termbase(path, old, "兩會:\n  en: Two Session  # keep\n", kept=[], old_terms=(term,))
    with pytest.raises(TermbaseError, match="would make the file invalid"):
        write_termbase(path, old, old + "  count: [\n", old_terms=(term,))
    assert path.read_text(encoding="utf-8") == old


# --- 2. keys are one term each ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("兩會:\n  en: Two Sessions\n两会:\n  en: NPC\n", r"terms\.yaml:3: 两会 is the same term as 兩會 \(line 1\)"),
        ("以舊換新:\n  en: trade-in\n\n以旧换新:\n  count: 2\n", r"terms\.yaml:4: 以旧换新 is the same term as 以舊換新 \(line 1\)"),
    ],
)
def test_two_blocks_of_one_term_are_an_error_with_both_lines(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TermbaseError, match=message):
        read_termbase(write(tmp_path, text))


def test_import_merges_into_an_existing_block_keeping_the_tool_fields(tmp_path: Path) -> None:
    text = "兩會:\n  en: Two Sessions\n  seen:\n    Two Sessions: 3\n  count: 3\n  sources:\n    - a.txt\n"
    path = write(tmp_path, text)
    report = add_entries(path, [Entry(key="两会", trad="兩會", simp="两会", note="Held each March.")])
    assert report.updated == ["兩會"]
    (term,) = read_termbase(path).terms
    assert (term.note, term.count, term.sources, term.seen) == ("Held each March.", 3, ("a.txt",), seen(("Two Sessions", 3)))
    assert survives(text, path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", ["一國兩制 (OCTS)", "=兩重建設", "兩\u2028會", "OCTS", "一國兩制１"])
def test_import_refuses_keys_the_validator_rejects(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, "兩會:\n  en: Two Sessions\n")
    report = add_entries(path, [Entry(key=key, trad=key, simp=key), Entry(key="以旧换新", trad="以舊換新", simp="以旧换新")])
    assert report.added == ["以舊換新"]
    assert [k for k, _ in report.skipped] == [key]
    assert "not a CJK term" in report.skipped[0][1]
    assert sorted(t.key for t in read_termbase(path).terms) == sorted(["兩會", "以舊換新"])


def test_import_refuses_a_value_beyond_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "兩會:\n  en: Two Sessions\n")
    with limits.override(scalar_chars=20):
        report = add_entries(path, [Entry(key="以旧换新", trad="以舊換新", simp="以旧换新", note="x" * 21)])
    assert report.added == [] and "note longer than 20 characters" in report.skipped[0][1]


# --- hostile YAML ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("兩會: !!python/object:os.system\n  en: x\n", r"terms\.yaml:1: tag !!python/object:os\.system: tags are not allowed"),
        ("兩會:\n  en: !!python/name:os.system ''\n", r"terms\.yaml:2: tag !!python/name:os\.system"),
        ("兩會:\n  count: !!int many\n", r"terms\.yaml:2: tag !!int"),
        ("兩會:\n  en_alt: &a [x, x, x, x, x, x, x, x, x]\n  sources: [*a, *a, *a]\n", r"terms\.yaml:3: alias \*a: aliases are not allowed"),
        ("兩會:\n  note: " + "[" * 100_000 + "]" * 100_000 + "\n", r"terms\.yaml:2: nested more than 32 levels deep"),
        ("兩會:\n  en: x\n---\n一帶一路:\n  en: y\n", r"terms\.yaml:3: a second YAML document"),
        ("兩會:\n  en: a\x07b\n", r"terms\.yaml: YAML error|terms\.yaml:\d+: YAML syntax error"),
        ("兩會:\n  ? [a, b]\n  : x\n", r"terms\.yaml:2: a key must be text"),
    ],
)
def test_hostile_yaml_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TermbaseError, match=message):
        read_termbase(write(tmp_path, text))


def test_a_termbase_beyond_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "兩會:\n  en: Two Sessions\n")
    with limits.override(termbase_bytes=10), pytest.raises(TermbaseError, match="more than the limit of 10"):
        read_termbase(path)


def test_a_fifo_is_not_opened(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "terms.yaml"
    os.mkfifo(fifo)
    with pytest.raises(TermbaseError, match="not a regular file"):
        read_termbase(fifo)


# --- property: random hand edits through --add and import -------------------------------------

BASE = """\
# team notes: keep
一帶一路:   # flagship
  en: Belt and Road Initiative
  status: approved

兩會:
  en: Two Sessions
  count: 1
"""

renderings = st.text(
    alphabet=st.sampled_from(list("abc XY-:#'\"=\\é양會") + [b for b in LINE_BREAKS if len(b) == 1] + ["\t", "\x00", "\ufeff"]),
    min_size=1, max_size=10,
)
hand_values = st.sampled_from(
    [
        '"Held each March.\n  count: two plenary meetings\n  "',
        "|\n    line one\n    seen: 3\n    # inside",
        ">-\n    folded\n    text",
        "'it''s\n    two lines'",
        "plain\n    continued",
        '"esc \\L \\N \\u2029"',
        "x  # trailing comment",
    ]
)
edit = st.tuples(st.sampled_from(["comment", "note", "blank"]), st.integers(0, 40), hand_values)
KEYS = ["兩會", "两会", "一帶一路", "以舊換新", "雙循環", "共同富裕"]
updates = st.lists(
    st.builds(
        TermUpdate,
        key=st.sampled_from(KEYS),
        seen=st.lists(st.builds(Rendering, renderings, st.just("context"), count=st.integers(1, 9)), max_size=2,
                      unique_by=lambda r: r.text).map(tuple),
        count=st.integers(0, 9),
        sources=st.lists(renderings, max_size=2, unique=True).map(tuple),
    ),
    max_size=4,
)
entries = st.lists(
    st.builds(
        lambda key, note, en: Entry(key=key, trad=key, simp=key, note=note or None,
                                    en=(Rendering(en, "curated"),) if en.strip() else ()),
        st.sampled_from(KEYS + ["=兩重建設", "一國兩制 (OCTS)"]), renderings, renderings,
    ),
    max_size=3,
)


def _hand_edit(text: str, kind: str, n: int, value: str) -> str:
    lines = text.splitlines(keepends=True)
    at = n % (len(lines) + 1)
    if kind == "comment":
        lines.insert(at, "# note: " + value.splitlines()[0] + "\n")
    elif kind == "blank":
        lines.insert(at, "\n")
    else:
        heads = [i for i, line in enumerate(lines) if line[:1] not in {" ", "#", "\n", ""}]
        i = heads[n % len(heads)]
        lines.insert(i + 1, f"  note: {value}\n")
    return "".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    crlf=st.booleans(), bom=st.booleans(),
    runs=st.lists(st.tuples(st.lists(edit, max_size=3), st.one_of(updates, entries)), min_size=1, max_size=3),
)
def test_hand_edits_survive_add_and_import(tmp_path: Path, crlf: bool, bom: bool, runs: list) -> None:
    path = tmp_path / "terms.yaml"
    path.unlink(missing_ok=True)
    text = BASE
    for hand_edits, run in runs:
        for e in hand_edits:
            candidate = _hand_edit(text, *e)
            try:
                read_termbase(write(tmp_path, candidate, name="probe.yaml"))
                text = candidate
            except TermbaseError:
                pass  # an edit that breaks the YAML is not one a user would keep
        if crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        write(tmp_path, text, bom=bom)
        before = {t.key: t for t in read_termbase(path).terms}
        apply = (lambda: update_termbase(path, run)) if not run or isinstance(run[0], TermUpdate) else (lambda: add_entries(path, run))
        apply()
        data = path.read_bytes()
        assert data.startswith(codecs.BOM_UTF8) == bom
        after = data.decode("utf-8-sig")
        after_terms = {t.key: t for t in read_termbase(path).terms}  # the file loads
        for key, term in before.items():  # curated fields never change (import may fill missing ones)
            assert after_terms[key].status == term.status
            for name in ("en", "note", "ko", "abbrev"):
                if getattr(term, name):
                    assert getattr(after_terms[key], name) == getattr(term, name)
        tool = {line for line in split_lines(text) if line.lstrip(" ").split(":")[0] in ("count", "seen", "sources")
                or line.startswith("    ")}
        assert survives(text, after, tool)
        apply()
        assert path.read_bytes() == data  # a repeated run is byte-identical
        text = after


# --- the writer's check passes over unchanged blocks: it must read them back exactly as a full parse does ---

_REUSE_FILES = [
    "兩會:\n  en: Two Sessions\n  seen:\n    Two Sessions: 2\n\n# between\n新常態:\n  en: new normal\n",
    "兩會: {en: Two Sessions, count: 2}\n新常態:\n  note: \"Held each March.\n    count: two\n    \"\n  en: new normal\n",
    "兩會:\r\n  en: Two Sessions\r\n  note: |\r\n    two\r\n\r\n    lines\r\n新常態:\r\n  en_alt: [a,\r\n    b]\r\n",
    "兩會:\n新常態:\n  en: plain\n    continued\n雙循環:\n  sources:\n    - a.txt\n    - b.txt\n",
]


@pytest.mark.parametrize("text", _REUSE_FILES)
def test_reused_blocks_read_back_as_a_full_parse_reads_them(tmp_path: Path, text: str) -> None:
    from glossary.termbase.layout import _blocks
    from glossary.termbase.parse import _compose
    from glossary.termbase.read import _load_terms

    path = tmp_path / "terms.yaml"
    terms = _load_terms(text, path)
    lines = split_lines(text)
    blocks = _blocks(_compose(text, path), lines)
    reuse = {blocks[t.key].start: (blocks[t.key].end - 1, t) for t in terms}
    again = _load_terms(text, path, reuse)
    assert again == terms and all(a is b for a, b in zip(again, terms))  # passed over, not rebuilt
    assert _load_terms(text, path, dict(list(reuse.items())[1:])) == terms  # the first one built, the rest reused


def test_a_reused_block_that_would_not_end_where_it_did_is_refused(tmp_path: Path) -> None:
    from glossary.termbase.read import _load_terms

    path = tmp_path / "terms.yaml"
    text = "兩會:\n  en: Two Sessions\n新常態:\n  en: new normal\n"
    terms = _load_terms(text, path)
    with pytest.raises(TermbaseError, match="would not read back as it was"):
        _load_terms(text, path, {0: (0, terms[0])})  # 兩會 ends on line 1, not 0
    with pytest.raises(TermbaseError, match="would not read back as it was"):
        _load_terms(text, path, {2: (3, terms[0])})  # line 2 holds 新常態, not 兩會


def test_an_update_of_many_blocks_reads_back_as_a_full_check_would(tmp_path: Path) -> None:
    keys = [chr(0x4E00 + i) + chr(0x4E00 + 2 * i + 1) for i in range(300)]
    text = "".join(f"{k}:\n  en: r{i}\n  seen:\n    r{i}: 1\n  count: 1\n\n" for i, k in enumerate(keys))
    path = write(tmp_path, text)
    updates = [TermUpdate(key=keys[i], seen=seen((f"r{i}", 2)), count=2) for i in range(0, 300, 7)]
    updates.append(TermUpdate(key="兩會", seen=seen(("Two Sessions", 1)), count=1))
    report = update_termbase(path, updates)
    assert len(report.updated) == 43 and report.added == ["兩會"]
    after = read_termbase(path)
    assert [t.key for t in after.terms] == sorted([*keys, "兩會"], key=lambda k: k)
    assert {t.key: t.count for t in after.terms}[keys[7]] == 2 and {t.key: t.count for t in after.terms}[keys[8]] == 1
    assert update_termbase(path, updates).updated == []  # a repeated run is a no-op


@given(st.lists(st.integers(0, 11), max_size=6), st.lists(st.tuples(st.integers(0, 12), st.integers(1, 3)), max_size=4),
       st.integers(0, 11), st.integers(1, 4))
def test_a_plan_says_where_an_unchanged_run_of_lines_lands(drops: list, inserts: list, start: int, size: int) -> None:
    from glossary.termbase.layout import _Plan

    lines = [f"l{i}\n" for i in range(12)]
    plan = _Plan(list(lines))
    for i in drops:
        plan.drop(i, i + 1)
    for at, n in inserts:
        plan.insert(at, [f"new{at}.{j}\n" for j in range(n)])
    end = min(start + size, 12)
    new = split_lines(plan.text())
    at = plan.unchanged(start, end)
    inside = set(range(start, end))
    touched = inside & plan.drops or any(start < i < end for i in plan.inserts) or (end == 12 and 12 in plan.inserts)
    if touched:
        assert at is None
    else:
        assert new[at:at + end - start] == lines[start:end]


@pytest.mark.parametrize("text", _REUSE_FILES)
def test_the_fast_check_reads_an_update_as_the_full_check_does(tmp_path: Path, text: str) -> None:
    from glossary.termbase.layout import _blocks
    from glossary.termbase.parse import _compose
    from glossary.termbase.read import _load_terms
    from glossary.termbase.write import _load_terms_fast

    path = tmp_path / "terms.yaml"
    old_terms = _load_terms(text, path)
    new = "一帶一路:\n  en: Belt and Road\n" + text + "十四五:\n  en: 14th Five-Year Plan\n"
    blocks = _blocks(_compose(new, path), split_lines(new))
    kept = [t for t in old_terms if not blocks[t.key].fixed][:2]  # the others: rebuilt as changed pieces
    reuse = {blocks[t.key].start: (blocks[t.key].end - 1, t) for t in kept}
    moved = {blocks[t.key].start: t.line - 1 for t in kept}
    assert _load_terms_fast(text, new, path, reuse, moved) == _load_terms(new, path)


def test_the_fast_check_leaves_an_indented_piece_to_the_full_check(tmp_path: Path) -> None:
    from glossary.termbase.read import _load_terms
    from glossary.termbase.write import _load_terms_fast

    path = tmp_path / "terms.yaml"
    old = "兩會:\n  en: Two Sessions\n"
    new = old + "  新常態: {}\n"  # in the whole file a field of 兩會, alone a block of its own
    term = _load_terms(old, path)[0]
    assert _load_terms_fast(old, new, path, {0: (1, term)}, {0: 0}) is None
    with pytest.raises(TermbaseError, match="unknown field"):
        _load_terms(new, path)


def test_a_hash_line_ending_a_block_scalar_is_not_taken_for_the_next_blocks_comment(tmp_path: Path) -> None:
    text = "兩會:\n  note: |\n    line one\n    # inside the note\n雙循環:\n  en: dual circulation\n"
    path = write(tmp_path, text)
    update_termbase(path, [TermUpdate(key="共同富裕")])  # sorts between the two: goes before 雙循環
    after = path.read_text(encoding="utf-8")
    assert after.startswith("兩會:\n  note: |\n    line one\n    # inside the note\n共同富裕:\n")
    assert {t.key: t.note for t in read_termbase(path).terms}["兩會"] == "line one\n# inside the note"
