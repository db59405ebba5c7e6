"""The build as one transaction, outputs that never overwrite inputs, and one-line errors (issue 12)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import build as build_module
from glossary.build import BUILD_FILES, INDEX_FILE, KEPT_FILES, build_outputs
from glossary.cli import cli

EN = "The Two Sessions (兩會) open in March; the trade-in scheme (以舊換新) is on the agenda.\n"
KO = "올해 양회(兩會)에서 이구환신(以舊換新) 정책이 논의된다.\n"


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # no terms.yaml of the project's


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.en.txt").write_text(EN, encoding="utf-8")
    (texts / "b.ko.txt").write_text(KO, encoding="utf-8")
    return texts


def run(*args: str, **kwargs) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kwargs)


def names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in build_outputs(out)}


def no_temporaries(parent: Path) -> bool:
    return not [n for n in os.listdir(parent) if ".staging-" in n or ".old-" in n or n.endswith(".tmp")]


def test_a_build_writes_every_output_of_the_registry(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", str(corpus), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert names(out) == sorted([*BUILD_FILES, INDEX_FILE, *KEPT_FILES])
    assert no_temporaries(tmp_path)


def test_the_per_term_cache_is_carried_into_the_next_set(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    cache = out / KEPT_FILES[0]
    rows = sqlite3.connect(cache).execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    assert rows > 0
    result = run("build", str(corpus), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert cache.is_file() and sqlite3.connect(cache).execute("SELECT count(*) FROM meta").fetchone()[0] == 1
    assert names(out) == sorted([*BUILD_FILES, INDEX_FILE, *KEPT_FILES]) and no_temporaries(tmp_path)


def test_a_failing_build_leaves_the_old_set_and_no_temporaries(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    before = snapshot(out)
    (corpus / "c.en.txt").write_text("The dual circulation (雙循環) strategy.\n", encoding="utf-8")
    from glossary import index

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index, "build_index", broken)  # the last output fails, after the exports were written
    result = run("build", str(corpus), "--out", str(out))
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "no space left" in result.output.lower()
    assert snapshot(out) == before
    assert no_temporaries(tmp_path)


@pytest.mark.parametrize("where", ["writer", "merge"])
def test_ctrl_c_exits_130_with_one_line_and_changes_nothing(corpus: Path, tmp_path: Path, monkeypatch, where) -> None:
    """Ctrl-C in a writer (its own thread, :mod:`glossary.fanout`) or in the merge (the main thread,
    entries being made as the writers read them): exit 130, one line, the old set untouched."""
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    before = snapshot(out)
    from glossary import export, merge

    calls = []
    if where == "writer":
        real = export.WRITERS["tsv"]

        def interrupted(entries, fh, options):
            calls.append(1)
            if len(calls) == 2:  # the second OmegaT file, the others under way
                raise KeyboardInterrupt
            return real(entries, fh, options)

        monkeypatch.setitem(export.WRITERS, "tsv", interrupted)
    else:
        from glossary import fanout

        monkeypatch.setattr(fanout, "BATCH", 1)
        real_entry = merge.build_entry

        def interrupted(key, occurrences, term):
            calls.append(key)
            if len(calls) == 2:  # the first entry written to every file already
                raise KeyboardInterrupt
            return real_entry(key, occurrences, term)

        monkeypatch.setattr(merge, "build_entry", interrupted)
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out)])
    assert result.exit_code == 130
    assert "interrupted; nothing was changed" in result.output
    assert snapshot(out) == before
    assert no_temporaries(tmp_path)


def test_stale_temporaries_of_a_killed_build_are_cleaned(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    stale = tmp_path / ".out.staging-99999"
    stale.mkdir()
    (stale / "glossary.csv").write_text("half", encoding="utf-8")
    (out / ".glossary.csv.abc.tmp").write_text("half", encoding="utf-8")
    assert run("build", str(corpus), "--out", str(out)).exit_code == 0
    assert no_temporaries(tmp_path) and no_temporaries(out)


def test_a_build_killed_between_the_two_renames_is_rolled_back(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    before = snapshot(out)
    os.rename(out, tmp_path / ".out.old-4242")  # killed after moving out/ aside
    build_module.clean_stale(out)
    assert snapshot(out) == before


def test_the_swap_without_an_atomic_exchange(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    monkeypatch.setattr(build_module, "_exchange", lambda a, b: False)
    (corpus / "c.en.txt").write_text("The dual circulation (雙循環) strategy.\n", encoding="utf-8")
    assert run("build", str(corpus), "--out", str(out)).exit_code == 0
    assert "雙循環" in (out / "glossary.csv").read_text(encoding="utf-8-sig")
    assert no_temporaries(tmp_path)


def test_a_user_folder_keeps_its_own_files(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.md").write_text("my notes", encoding="utf-8")
    assert run("build", str(corpus), "--out", str(out)).exit_code == 0
    assert (out / "notes.md").read_text(encoding="utf-8") == "my notes"
    assert set(names(out)) == {"notes.md", *BUILD_FILES, INDEX_FILE, *KEPT_FILES}


@pytest.mark.parametrize("content", [None, {"only.pdf": b"%PDF-1.4"}, {"a.txt": b"no terms here at all\n"}])
def test_a_build_that_finds_nothing_writes_nothing(tmp_path: Path, content) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    for name, data in (content or {}).items():
        (texts / name).write_bytes(data)
    out = tmp_path / "out"
    result = run("build", str(texts), "--out", str(out))
    assert result.exit_code == 1
    assert "Nothing written" in result.output
    assert not out.exists()
    result = run("build", str(texts), "--out", str(out), "--allow-empty")
    written = [n for n in names(out) if n not in KEPT_FILES]  # and the cache of a text read, with its no terms
    assert result.exit_code == 1 and written == sorted([*BUILD_FILES, INDEX_FILE])


def test_out_naming_a_file_is_not_a_folder(corpus: Path, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("keep", encoding="utf-8")
    result = run("build", str(corpus), "--out", str(afile))
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "not a folder" in result.output
    assert afile.read_text(encoding="utf-8") == "keep"


def test_out_holding_the_inputs_is_refused(corpus: Path) -> None:
    result = run("build", str(corpus), "--out", str(corpus))
    assert result.exit_code == 2 and "holds the input" in result.output


def test_a_build_of_the_folder_it_writes_into_passes_over_its_own_output(corpus: Path) -> None:
    """`glossary build .` twice: the second reads the texts, not the first's glossary.en-ko.txt; lookup stays fresh."""
    os.chdir(corpus)
    first = run("build", ".", "--out", "out")
    assert first.exit_code == 0 and first.output.startswith("Read 2 files")
    second = run("build", ".", "--out", "out")
    assert second.exit_code == 0, second.output
    assert second.output.startswith("Read 2 files") and "Skipped" not in second.output
    looked = run("lookup", "兩會", "--index", "out/glossary.sqlite")
    assert looked.exit_code == 0 and looked.output.startswith("兩會"), looked.output
    (corpus / "c.en.txt").write_text("The Two Sessions (兩會) opened.\n", encoding="utf-8")
    assert "c.en.txt appeared" in run("lookup", "兩會", "--index", "out/glossary.sqlite").output


@pytest.mark.parametrize("which", ["terms", "text"])
def test_export_never_overwrites_an_input(corpus: Path, tmp_path: Path, which: str) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    target = terms if which == "terms" else corpus / "a.en.txt"
    before = target.read_bytes()
    result = run("export", str(corpus), "--terms", str(terms), "--format", "csv", "-o", str(target))
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "is an input" in result.output
    assert target.read_bytes() == before


def test_export_to_dash_writes_standard_output(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", str(corpus), "--format", "tsv", "-o", "-")
    assert result.exit_code == 0 and "兩會" in result.output
    assert not (tmp_path / "-").exists()


def test_lookup_notices_a_text_added_to_the_folder(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    index = str(out / INDEX_FILE)
    assert run("lookup", "兩會", "--index", index).exit_code == 0
    (corpus / "c.en.txt").write_text("The dual circulation (雙循環) strategy.\n", encoding="utf-8")
    result = run("lookup", "雙循環", "--index", index)
    assert result.exit_code == 2 and "c.en.txt appeared" in result.output
    (corpus / "c.en.txt").unlink()
    (corpus / "b.ko.txt").unlink()
    result = run("lookup", "兩會", "--index", index)
    assert result.exit_code == 2 and "b.ko.txt was removed" in result.output


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE meta SET value = 'not json' WHERE name = 'input_signature'",
        "UPDATE meta SET value = '[{\"x\": 1}]' WHERE name = 'input_folders'",
        "UPDATE entries SET json = x'00ff00ff'",
    ],
)
def test_a_tampered_index_is_one_line_exit_2(corpus: Path, tmp_path: Path, tamper: str) -> None:
    out = tmp_path / "out"
    run("build", str(corpus), "--out", str(out))
    index = out / INDEX_FILE
    con = sqlite3.connect(index)
    con.execute(tamper)
    con.commit()
    con.close()
    from glossary.launcher import main

    result = CliRunner().invoke(cli, ["lookup", "兩會", "--index", str(index)])
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and "damaged" in result.output
    assert main(["lookup", "兩會", "--index", str(index)]) == 2  # the fast path too


def test_import_reports_rows_with_keys_it_refuses(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    sheet = tmp_path / "partner.csv"
    sheet.write_text("zh-Hant,en\n一國兩制 (OCTS),one country two systems\n=兩重建設,dual construction\n以舊換新,trade-in\n", encoding="utf-8")
    result = run("import", str(sheet), "--terms", str(terms))
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output and "2 skipped" in result.output
    assert "skipped 一國兩制 (OCTS): not a CJK term" in result.output
    assert "=兩重建設" in result.output
    assert run("build", str(tmp_path / "nothing"), "--terms", str(terms), "--allow-empty",
               "--out", str(tmp_path / "out")).exit_code in (1, 2)
    from glossary.termbase import read_termbase

    assert {t.key for t in read_termbase(terms).terms} == {"兩會", "以舊換新"}


def test_limits_are_options(corpus: Path) -> None:
    result = run("--limit", "rows=nope", "build", str(corpus))
    assert result.exit_code == 2 and "bad limit" in result.output
    from glossary import limits

    try:
        assert run("--limit", "text_bytes=10", "extract", str(corpus / "a.en.txt")).exit_code == 2
    finally:
        limits.set_limits(limits.parse(""))


def test_stale_terms_temporaries_are_cleaned_under_the_lock(tmp_path: Path) -> None:
    from glossary.termbase import TermUpdate, update_termbase

    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    (tmp_path / ".terms.yaml.x1y2.tmp").write_text("half", encoding="utf-8")
    update_termbase(terms, [TermUpdate("兩會", count=2)])
    assert not list(tmp_path.glob(".terms.yaml.*.tmp"))
