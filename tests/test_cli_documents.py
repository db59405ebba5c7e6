"""What the user sees when reading documents: skip reports, progress, counts, hints (CLI wiring)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary.cli import cli
from glossary.progress import ProgressBar

DOCS = Path(__file__).parent / "data" / "documents"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("report.en.2col.pdf", "brief.ko.docx", "brief.ko.hwpx", "scanned.pdf"):
        shutil.copy(DOCS / name, folder / name)
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04")
    return folder


def test_build_reads_documents_and_says_what_it_skipped(reports: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(reports), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("Read 3 files (1 English, 2 Korean): ")
    assert lines[1] == "Skipped 2 files: 1 .pdf (no text layer), 1 .pptx (not supported)."
    assert f"  {reports / 'scanned.pdf'}: no text layer" in lines
    assert "reading" not in result.output  # no progress bar when not on a terminal


def test_extract_shows_locations_and_skips_on_stderr(reports: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(reports), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert any('"term": "習近平"' in r and '"location": "¶ 4"' in r for r in records)
    assert any('"location": "p. 1, col. 1, l. 6"' in r for r in records)
    assert "skipped 2 files" in result.stderr


def test_summary_counts_are_pluralised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no terms.yaml here
    text = tmp_path / "one.ko.txt"
    text.write_text("양회(兩會)가 열렸다.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(text), "--out", str(tmp_path / "out")])
    assert result.output.splitlines()[0] == "Read 1 file (0 English, 1 Korean): 1 occurrence of 1 term."
    assert result.output.splitlines()[1].startswith("English renderings: ") and " of 1 term (" in result.output


def test_term_base_line_counts_curated_apart_from_tool_candidates(tmp_path: Path) -> None:
    text = tmp_path / "one.ko.txt"
    text.write_text("양회(兩會)와 이구환신(以舊換新), 탕핑(躺平).\n", encoding="utf-8")
    terms = tmp_path / "terms.yaml"
    terms.write_text("以舊換新:\n  status: candidate\n  count: 1\n兩會:\n  en: Two Sessions\n躺平:\n  status: rejected\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(text), "--terms", str(terms), "--out", str(tmp_path / "out")])
    assert f"Term base: {terms} (1 curated, 1 added by the tool, 1 rejected)." in result.output


def test_build_outside_a_project_says_how_to_name_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 2
    assert "no seeds/ folder here (the default)" in result.output
    assert "glossary build reports/" in result.output


def test_dry_run_says_nothing_would_change(tmp_path: Path) -> None:
    text = tmp_path / "a.ko.txt"
    text.write_text("양회(兩會)가 열렸다.\n", encoding="utf-8")
    terms = tmp_path / "terms.yaml"
    runner = CliRunner()
    assert runner.invoke(cli, ["extract", str(text), "--add", "--terms", str(terms)]).exit_code == 0
    result = runner.invoke(cli, ["extract", str(text), "--add", "--dry-run", "--terms", str(terms)])
    assert result.stderr.strip() == f"{terms}: nothing would change."
    assert result.stdout == ""


@pytest.mark.parametrize(("query", "found"), [("an", []), ("li", ["兩會"]), ("yang", ["兩會"])])
def test_two_letter_latin_lookup_matches_form_starts_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str, found: list[str]) -> None:
    monkeypatch.chdir(tmp_path)  # no terms.yaml here
    text = tmp_path / "a.ko.txt"
    text.write_text("양회(兩會)가 열렸고 이구환신(以舊換新), 감세강비(減稅降費) 정책이 나왔다.\n", encoding="utf-8")
    index = tmp_path / "out" / "glossary.sqlite"
    CliRunner().invoke(cli, ["build", str(text), "--out", str(tmp_path / "out")])
    from glossary.index import lookup

    assert [h.entry["trad"] for h in lookup(query, index)] == found


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_only() -> None:
    tty = _Terminal()
    with ProgressBar(stream=tty) as bar:
        bar.start(2, 3 * 1024 * 1024)
        bar.advance("a.pdf", 1024 * 1024)
    assert "reading 0/2 files" in tty.getvalue()
    pipe = io.StringIO()
    with ProgressBar(stream=pipe) as bar:
        bar.start(2, 100)
        bar.advance("a.pdf", 50)
    assert pipe.getvalue() == ""
    quiet = _Terminal()
    with ProgressBar(enabled=False, stream=quiet) as bar:
        bar.start(2, 100)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_text_with_a_stray_byte_is_read_and_warned_of(tmp_path: Path, jobs: str) -> None:
    """A whole process, workers and all: the warning names the file on stderr, the terms come out."""
    import subprocess
    import sys

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.ko.txt").write_bytes(b"\xff" + (DOCS / "brief.ko.txt").read_bytes())
    shutil.copy(DOCS / "report.en.txt", folder / "b.en.txt")
    done = subprocess.run([sys.executable, "-m", "glossary", "extract", str(folder), "--format", "jsonl",
                           "--jobs", jobs], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"{folder / 'a.ko.txt'}: 1 byte is not UTF-8; read as U+FFFD"]
    sources = {line.split('"source": "')[1].split('"')[0] for line in done.stdout.splitlines()}
    assert sources == {str(folder / "a.ko.txt"), str(folder / "b.en.txt")}
