"""The whole job in one call, on small texts written in tmp_path."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from glossary.model import InputError, TermbaseError
from glossary.pipeline import run_pipeline


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.en.txt").write_text(
        "Delegates met for the Two Sessions (兩會) and praised the trade-in scheme (以舊換新).\n", encoding="utf-8"
    )
    (folder / "b.ko.txt").write_text("올해 양회(两会)가 열렸다. 정부는 이구환신(以舊換新) 정책을 넓혔다.\n", encoding="utf-8")
    return folder


def test_pipeline_merges_scripts_and_languages(corpus: Path, tmp_path: Path) -> None:
    result = run_pipeline([corpus], tmp_path / "terms.yaml", terms_required=False)
    assert [e.trad for e in result.entries] == ["兩會", "以舊換新"]
    assert [f.language for f in result.files] == ["en", "ko"]
    assert len(result.occurrences) == 4
    two = result.entries[0]
    assert two.forms == ("兩會", "两会")
    assert two.en[0].text == "Two Sessions"
    assert [(r.text, r.source, r.kind, r.count) for r in two.ko_renderings] == [("양회", "context", "reading", 1)]


def test_summary_says_when_there_is_no_term_base(corpus: Path, tmp_path: Path) -> None:
    summary = run_pipeline([corpus], tmp_path / "terms.yaml", terms_required=False).summary()
    assert "Read 2 files (1 English, 1 Korean): 4 occurrences of 2 terms." in summary
    assert "Term base: none (terms.yaml not found)" in summary


def test_inputs_hash_every_text_and_the_term_base(corpus: Path, tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會:\n  en: Two Sessions\n", encoding="utf-8")
    result = run_pipeline([corpus], terms, terms_required=True)
    assert result.inputs[str(terms)] == hashlib.sha256(terms.read_bytes()).hexdigest()
    assert {Path(p).name for p in result.inputs} == {"terms.yaml", "a.en.txt", "b.ko.txt"}
    assert "Term base: " in result.summary() and "(1 curated, 0 added by the tool, 0 rejected)" in result.summary()


def test_broken_term_base_fails_before_reading_texts(tmp_path: Path) -> None:
    terms = tmp_path / "terms.yaml"
    terms.write_text("兩會: [\n", encoding="utf-8")
    with pytest.raises(TermbaseError):
        run_pipeline([tmp_path / "missing-folder"], terms, terms_required=True)


def test_missing_text_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing"):
        run_pipeline([tmp_path / "missing"], tmp_path / "terms.yaml", terms_required=False)
