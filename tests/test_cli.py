"""The command line, wired end to end on the project's own seeds/."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli

ROOT = Path(__file__).resolve().parent.parent

# Every bracketed term of the two source documents, as the seeds carry them:
# traditional, simplified, the Korean term (what the Korean seed prints, or
# "" for a title no text renders), the strict hanja reading (None: not checked).
SEED_TERMS = [
    ("兩會", "两会", "양회", "양회"),
    ("以舊換新", "以旧换新", "이구환신", "이구환신"),
    ("兩重建設", "两重建设", "양중건설", "양중건설"),
    ("深度求索", "深度求索", "딥시크", "심도구색"),  # the Korean text prints the company's Korean name
    ("減稅降費", "减税降费", "감세강비", "감세강비"),
    ("民生保障", "民生保障", "민생보장", "민생보장"),
    ("正風反腐", "正风反腐", "정풍반부", "정풍반부"),
    ("社會治理", "社会治理", "사회치리", "사회치리"),
    ("強化宏觀政策民生導向", "强化宏观政策民生导向", "강화굉관정책민생도향", "강화굉관정책민생도향"),
    ("百年大變局", "百年大变局", "백년대변국", "백년대변국"),
    ("一帶一路", "一带一路", "일대일로", "일대일로"),
    # Korean media write 운명공동체 (the Korean seed too); the strict reading keeps 命運 명운
    ("人類命運共同體", "人类命运共同体", "인류운명공동체", "인류명운공동체"),
    ("逆", "逆", "역", "역"),
    ("利用厚生", "利用厚生", "이용후생", "이용후생"),
    ("先富促共富", "先富促共富", "선부촉공부", "선부촉공부"),
    ("共同富裕", "共同富裕", "공동부유", "공동부유"),
    ("關於進一步全面深化改革、推進中國式現代化的決定", "关于进一步全面深化改革、推进中国式现代化的决定", "", None),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run `glossary build` once in a copy of the project's seeds and term base."""
    work = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "seeds", work / "seeds")
    shutil.copy(ROOT / "terms.yaml", work / "terms.yaml")
    cwd = os.getcwd()
    os.chdir(work)
    try:
        result = CliRunner().invoke(cli, ["build"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "Read 2 files (1 English, 1 Korean)" in result.output
    return work


def entries(work: Path) -> dict[str, dict]:
    return {e["trad"]: e for e in json.loads((work / "out" / "glossary.json").read_text(encoding="utf-8"))}


def test_build_writes_every_output(built: Path) -> None:
    for name in ("glossary.csv", "glossary.tbx", "glossary.json", "glossary.sqlite"):
        assert (built / "out" / name).stat().st_size > 0


@pytest.mark.parametrize(("trad", "simp", "ko", "ko_hanja"), SEED_TERMS)
def test_build_has_every_seed_term_with_its_forms(built: Path, trad: str, simp: str, ko: str, ko_hanja: str | None) -> None:
    entry = entries(built)[trad]
    assert entry["simp"] == simp
    assert entry["ko"] == ko
    if ko_hanja is not None:
        assert entry["ko_hanja"] == ko_hanja
    assert re.fullmatch(r"[가-힣、]+", entry["ko_hanja"]), "every entry has its strict reading"
    if ko:
        assert ko in [r["text"] for r in entry["ko_renderings"]]
    else:
        assert "title" in entry["note"], "an empty Korean term says why"
    assert entry["en"], f"{trad} has no English rendering"
    assert entry["occurrences"], f"{trad} was not found in the texts"
    assert {"source", "line", "context"} <= set(entry["occurrences"][0])


def test_two_scripts_are_one_entry(built: Path) -> None:
    found = entries(built)
    assert "两会" not in found
    assert set(found["兩會"]["forms"]) >= {"兩會", "两会"}
    assert found["兩會"]["en"][0] == "Two Sessions"


def test_csv_and_tbx_carry_the_terms(built: Path) -> None:
    csv_text = (built / "out" / "glossary.csv").read_text(encoding="utf-8-sig")
    tbx_text = (built / "out" / "glossary.tbx").read_text(encoding="utf-8")
    for trad, _, ko, _ in SEED_TERMS:
        assert trad in csv_text and trad in tbx_text
        if ko:
            assert ko in csv_text and ko in tbx_text


@pytest.mark.parametrize("query", ["以旧换新", "以舊換新", "이구환신", "Two Sessions", "BRI"])
def test_lookup_finds_the_entry(built: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["lookup", query, "--json", "--index", str(built / "out" / "glossary.sqlite")])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits


def test_lookup_nothing_found_exits_1(built: Path) -> None:
    result = CliRunner().invoke(cli, ["lookup", "zzzzqqqq", "--index", str(built / "out" / "glossary.sqlite")])
    assert result.exit_code == 1



@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lookup_help_example_is_what_the_seeds_answer(built: Path, lang: str) -> None:
    """The example of `lookup --help` is the answer of an index built from seeds/, in either language."""
    import shlex
    import textwrap

    help_text = CliRunner().invoke(cli, ["lookup", "--lang", lang, "--help"]).output
    block = help_text.split("$ glossary lookup ", 1)[1].split("\n\n", 1)[0]
    query_line, _, shown = block.partition("\n")
    cwd = os.getcwd()
    os.chdir(built)  # the sources are named as a build run in the project names them
    try:
        result = CliRunner().invoke(cli, ["lookup", "--lang", lang, *shlex.split(query_line)])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert result.output.strip("\n") == textwrap.dedent(shown).strip("\n")

def test_extract_jsonl_fields(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("China's 2025 Two Sessions(兩會) met in March.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(text), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert {k: record[k] for k in ("term", "trad", "simp", "gloss", "gloss_kind", "line")} == {
        "term": "兩會", "trad": "兩會", "simp": "两会", "gloss": "Two Sessions", "gloss_kind": "translation", "line": 1,
    }
    assert record["source"] == str(text)
    assert "Two Sessions(兩會)" in record["context"]


def test_extract_nothing_found_exits_1(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("No Chinese here (none at all).\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["extract", str(text)]).exit_code == 1


def test_extract_add_then_again_changes_nothing(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    shutil.copy(ROOT / "terms.yaml", terms)
    before = terms.read_text(encoding="utf-8")
    args = ["extract", str(ROOT / "seeds"), "--add", "--terms", str(terms)]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    after = terms.read_text(encoding="utf-8")
    assert "以舊換新:\n  status: candidate\n" in after
    assert all(line in after.splitlines() for line in before.splitlines())
    second = CliRunner().invoke(cli, args)
    assert "0 added, 0 refreshed" in second.output
    assert terms.read_text(encoding="utf-8") == after


def test_extract_dry_run_writes_nothing(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    shutil.copy(ROOT / "terms.yaml", terms)
    before = terms.read_bytes()
    result = CliRunner().invoke(cli, ["extract", str(ROOT / "seeds"), "--dry-run", "--terms", str(terms)])
    assert "+以舊換新:" in result.output
    assert terms.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "stdin", "expected"),
    [
        (["以舊換新", "兩重建設", "利用厚生"], None, "이구환신\n양중건설\n이용후생\n"),
        (["-"], "以舊換新\n\n兩會\n", "이구환신\n\n양회\n"),
        # The form a Korean writer prints; --hanja the strict reading; a clause prints nothing.
        (["習近平", "北京", "以舊換新"], None, "시진핑\n베이징\n이구환신\n"),
        (["--hanja", "習近平", "北京", "以舊換新"], None, "습근평\n북경\n이구환신\n"),
        (["-"], "深圳市\n關於…的決定\n孔子\n", "선전시\n\n공자\n"),
        (["--hanja", "-"], "習近平\n", "습근평\n"),
    ],
)
def test_reading(args: list[str], stdin: str | None, expected: str) -> None:
    result = CliRunner().invoke(cli, ["reading", *args], input=stdin)
    assert result.exit_code == 0, result.output
    assert result.output == expected


def test_reading_stdin_not_utf8_is_one_error_line() -> None:
    # A BOM on the first line is dropped; a Latin-1 byte on line 3 is named, after the lines before it.
    result = CliRunner().invoke(cli, ["reading", "-"], input="\ufeff習近平\n\n北京".encode() + b"\xff\n")
    assert result.exit_code == 2
    assert result.stdout == "시진핑\n\n"
    assert result.stderr == "glossary: error: standard input, line 3: not UTF-8 text (0xff at byte 7)\n"


def test_reading_argument_not_utf8_is_one_error_line() -> None:
    # Under a C locale Python hands undecodable argument bytes over as surrogates.
    proc = subprocess.run([sys.executable, "-m", "glossary", "reading", b"\xe5\x85\xa9\xff"],
                          capture_output=True, env={**os.environ, "LC_ALL": "C"}, check=False)
    assert proc.returncode == 2
    assert proc.stderr.decode() == ("glossary: error: argument \u5169\\xff is not UTF-8 text; "
                                    "set a UTF-8 locale (LANG=C.UTF-8)\n")


def test_reading_answers_each_line_as_it_is_read() -> None:
    # A script can keep `glossary reading -` open and ask one term at a time.
    proc = subprocess.Popen(
        [sys.executable, "-m", "glossary", "reading", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        answers = []
        for term in ("習近平", "北京"):
            proc.stdin.write(term + "\n")
            proc.stdin.flush()
            answers.append(proc.stdout.readline().rstrip("\n"))
        assert answers == ["시진핑", "베이징"]
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


def test_reading_json_has_every_form() -> None:
    result = CliRunner().invoke(cli, ["reading", "--json", "兩會"])
    forms = json.loads(result.output)
    assert (forms["trad"], forms["simp"], forms["hangul"]) == ("兩會", "两会", "양회")
    assert {"ja", "romanization", "pinyin", "kana"} <= set(forms)
    forms = json.loads(CliRunner().invoke(cli, ["reading", "--json", "黑龍江省"]).output)
    assert (forms["ko"], forms["ko_hanja"], forms["transcription"], forms["rule"]) == (
        "헤이룽장성",
        "흑룡강성",
        "헤이룽장성",
        "name:modern",
    )


@pytest.mark.parametrize("fmt", ["csv", "tbx", "json"])
def test_export_to_file(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(
        cli, ["export", "--format", fmt, "-o", str(target), str(ROOT / "seeds"), "--terms", str(ROOT / "terms.yaml")]
    )
    assert result.exit_code == 0, result.output
    assert "以舊換新" in target.read_text(encoding="utf-8-sig")


def test_bad_terms_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會:\n  engl: x\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--terms", str(terms), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"glossary: error: {terms}:2: 兩會: unknown field 'engl' (did you mean 'en'?)"]
    assert not out.exists()


def test_named_terms_file_must_exist(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--terms", str(tmp_path / "nope.yaml"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "nope.yaml: no such file" in result.output


def test_binary_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    blob = tmp_path / "image.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = CliRunner().invoke(cli, ["extract", str(blob)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and str(blob) in result.output


def test_unwritable_output_leaves_nothing_half_written(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--terms", str(ROOT / "terms.yaml"), "--out", str(blocker)])
    assert result.exit_code == 2
    assert "not a folder" in result.output and result.output.count("\n") == 1
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_python_m_glossary_runs() -> None:
    result = subprocess.run([sys.executable, "-m", "glossary", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert "build" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "tbx", "tbx2", "xlsx", "json"])
def test_import_adds_candidates_once(built: Path, tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(
        cli, ["export", "--format", fmt, "-o", str(exported), str(built / "seeds"), "--terms", str(built / "terms.yaml")]
    )
    assert result.exit_code == 0, result.output
    terms = tmp_path / "terms.yaml"
    first = CliRunner().invoke(cli, ["import", str(exported), "--terms", str(terms)])
    assert first.exit_code == 0, first.output
    assert "18 added" in first.output  # 17 seed terms and one curated term no text uses
    from glossary.termbase import read_termbase

    imported = {t.key: t for t in read_termbase(terms).terms}
    assert imported["兩會"].en == "Two Sessions"
    assert imported["以舊換新"].en == "product renewal subsidy scheme"
    assert imported["一帶一路"].abbrev == "BRI"
    assert all(t.status == "candidate" for t in imported.values())
    before = terms.read_bytes()
    second = CliRunner().invoke(cli, ["import", str(exported), "--terms", str(terms)])
    assert "0 added, 0 refreshed" in second.output
    assert terms.read_bytes() == before


def test_build_from_occurrences_extracted_elsewhere(built: Path, tmp_path: Path) -> None:
    # extract --format jsonl on one machine, build --occurrences on another: the same glossary.
    occ = tmp_path / "seeds.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(built / "seeds"), "--format", "jsonl", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    occ.write_text(result.output.replace(str(built) + os.sep, ""), encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(built)
    try:
        result = CliRunner().invoke(cli, ["build", "--occurrences", str(occ), "--out", str(tmp_path / "out")])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    assert "Read 0 files" in result.output  # no texts read here, seeds/ is not the default then
    mine = json.loads((tmp_path / "out" / "glossary.json").read_text(encoding="utf-8"))
    assert mine == json.loads((built / "out" / "glossary.json").read_text(encoding="utf-8"))


def test_build_with_a_bad_occurrences_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--occurrences", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{bad}:1: not an occurrence record" in result.output
    assert not (tmp_path / "out").exists()
