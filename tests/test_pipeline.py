"""The whole job in one call, on small texts written in tmp_path."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from glossary import pipeline
from glossary.model import InputError, Occurrence, TermbaseError
from glossary.pipeline import run_pipeline

ROOT = Path(__file__).resolve().parent.parent


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


# --- parallel extraction, occurrences from elsewhere, the language count --------


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    (folder / "sub").mkdir(parents=True)
    lines = [
        "The panel discussed common prosperity (共同富裕) at length.",
        "올해 양회(两会)에서 신질생산력(新質生產力)이 다시 거론됐다.",
        "Officials promoted the dual circulation (雙循環) strategy and the Two Sessions (兩會).",
        "정부는 이구환신(以旧换新) 보조금을 늘렸다.",
    ]
    for n in range(9):
        target = folder / ("sub" if n % 3 == 0 else ".") / f"{n:02d}.txt"
        target.write_text("\n\n".join(lines[n % 4 :] + lines[: n % 4]) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_extraction_gives_the_serial_result(many_files: Path, tmp_path: Path, jobs: int) -> None:
    serial = run_pipeline([many_files], tmp_path / "terms.yaml", terms_required=False, jobs=1)
    parallel = run_pipeline([many_files], tmp_path / "terms.yaml", terms_required=False, jobs=jobs)
    assert parallel.occurrences == serial.occurrences
    assert parallel.entries == serial.entries
    assert parallel.files == serial.files
    assert parallel.inputs == serial.inputs
    assert len(serial.files) == 9 and len(serial.occurrences) == 9 * 6


def test_a_bad_file_in_a_worker_is_skipped_when_walked_and_an_error_when_named(many_files: Path, tmp_path: Path) -> None:
    bad = many_files / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 10)
    result = run_pipeline([many_files], tmp_path / "terms.yaml", terms_required=False, jobs=2)
    assert [s.path for s in result.skipped] == [str(bad)] and len(result.files) == 9
    with pytest.raises(InputError, match="bad.txt"):
        run_pipeline([many_files / "01.txt", bad], tmp_path / "terms.yaml", terms_required=False, jobs=2)


def test_occurrences_extracted_elsewhere_merge_like_texts(many_files: Path, tmp_path: Path) -> None:
    from glossary.occurrences import occurrence_record
    from glossary.pipeline import extract_paths

    jsonl = tmp_path / "occ.jsonl"
    jsonl.write_text(
        "".join(json.dumps(occurrence_record(o), ensure_ascii=False) + "\n" for o in extract_paths([many_files])),
        encoding="utf-8",
    )
    direct = run_pipeline([many_files], tmp_path / "terms.yaml", terms_required=False)
    merged = run_pipeline([], tmp_path / "terms.yaml", terms_required=False, occurrence_files=[jsonl])
    assert merged.entries == direct.entries
    assert str(jsonl) in merged.inputs and merged.files == []


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"term": "兩會", "source": "a.txt"}', "missing line"),
        ('{"term": "", "source": "a.txt", "line": 1}', "term is not a string"),
        ('{"term": "兩會", "source": "a.txt", "line": "3"}', "line is not a number"),
        ("[1, 2]", "not a JSON object"),
        ('{"term": "兩會", ', "Expecting"),
    ],
)
def test_a_bad_occurrence_line_names_the_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    jsonl = tmp_path / "occ.jsonl"
    jsonl.write_text('{"term": "兩會", "source": "a.txt", "line": 1}\n\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"occ\.jsonl:3: not an occurrence record \(.*{problem}"):
        run_pipeline([], tmp_path / "terms.yaml", terms_required=False, occurrence_files=[jsonl])


def _language_by_characters(text: str) -> str:
    """The definition _language computes in bytes: hangul syllables against a third of the ASCII letters."""
    hangul = sum("\uac00" <= c <= "\ud7a3" for c in text)
    latin = sum(c.isascii() and c.isalpha() for c in text)
    return "ko" if hangul > latin / 3 else "en"


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("가힣깋퀀ꀀ꯿힤ힰ\ud7ff abcXYZ兩會"), max_size=80))
def test_language_counts_what_the_character_loop_counted(text: str) -> None:
    from glossary.pipeline import _language

    assert _language(text) == _language_by_characters(text)


def test_streamed_jsonl_is_the_extraction_with_its_agreement(tmp_path: Path) -> None:
    # Two occurrences of one term, one rendering with stray words before it:
    # the corpus-wide agreement cuts it, streamed or not.
    import io

    from glossary.occurrences import occurrence_record
    from glossary.pipeline import extract_paths, stream_jsonl

    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.txt").write_text("China's big Two Sessions (兩會) began.\n\n올해 양회(兩會)가 열렸다.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The Two Sessions (两会) ended. The Two Sessions (兩會) again.\n", encoding="utf-8")
    (folder / "c.txt").write_text("Nothing bracketed here (none).\n", encoding="utf-8")
    expected = [json.dumps(occurrence_record(o), ensure_ascii=False) for o in extract_paths([folder], jobs=1)]
    for jobs in (1, 2):
        out = io.StringIO()
        assert stream_jsonl([folder], out, jobs=jobs) == len(expected)
        assert out.getvalue().splitlines() == expected
    assert [json.loads(line)["gloss"] for line in expected].count("Two Sessions") == 3


def test_streamed_jsonl_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each file's lines go to a file of their own in a temporary folder: gone after the run, and after a failed one.
    import io
    import tempfile

    from glossary.pipeline import stream_jsonl

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder = tmp_path / "t"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(f"The Two Sessions (兩會) of year {n}.\n", encoding="utf-8")
    for jobs in (1, 2):
        assert stream_jsonl([folder], io.StringIO(), jobs=jobs) == 3
        assert list(scratch.iterdir()) == []
    (folder / "3.bin").write_bytes(b"\x00\x01binary\x00" * 100)
    with pytest.raises(InputError):
        stream_jsonl([folder / "0.txt", folder / "3.bin"], io.StringIO(), jobs=1)
    assert list(scratch.iterdir()) == []


# --- agreement on renderings from counts (stream_jsonl) ----------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["兩會", "两会", "躺平"]),
                          st.sampled_from(["Two Sessions", "big Two Sessions", "China's two sessions", "lying flat",
                                           "Lying Flat", "the lying flat", ""]),
                          st.sampled_from(["translation", "pinyin"]), st.sampled_from(["term", "other"])),
                max_size=12))
def test_agreement_from_counts_is_agreement_over_the_occurrences(keys: list[tuple[str, str, str, str]]) -> None:
    from collections import Counter

    from glossary.extract import agree_renderings
    from glossary.model import Occurrence
    from glossary.extract.agree import changed_renderings

    seen = Counter(keys)
    expanded = [key for key, n in seen.items() for _ in range(n)]
    agreed = agree_renderings([Occurrence(t, "", 0, gloss=g, gloss_kind=gk, kind=k) for t, g, gk, k in expanded])
    expected = {key: occ.gloss for key, occ in zip(expanded, agreed) if occ.gloss != key[1]}
    assert changed_renderings(seen) == expected


def _counting_extraction(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the build extracts from now on (the unit of work, counted in this process: one job)."""
    read: list[str] = []
    real = pipeline._extract_file

    def counted(path: Path):  # noqa: ANN202
        read.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(pipeline, "_extract_file", counted)
    return read


def test_a_rebuild_reads_only_the_texts_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from glossary import memo

    texts = tmp_path / "texts"
    shutil.copytree(ROOT / "seeds", texts)
    shutil.copy(ROOT / "tests" / "data" / "documents" / "brief.ko.pdf", texts)  # a document: its page locators kept
    terms = tmp_path / "none.yaml"
    read = _counting_extraction(monkeypatch)

    def build() -> pipeline.BuildResult:
        with memo.cache_file(tmp_path / "out"):
            return pipeline.run_pipeline([texts], terms, terms_required=False, jobs=1)

    first = build()
    assert sorted(read) == sorted(p.name for p in texts.iterdir())
    read.clear()
    again = build()
    assert read == []  # nothing read again: every file came from the cache
    assert again.occurrences == first.occurrences and again.files == first.files and again.inputs == first.inputs
    assert again.entries == first.entries
    assert any(o.location for o in again.occurrences)  # the PDF's "p. 1, l. 3" came back too

    english = next(texts.glob("*.en.txt"))
    english.write_text(english.read_text(encoding="utf-8") + "\nThe Two Sessions (两会) met again.\n", encoding="utf-8")
    changed = build()
    assert read == [english.name]  # only the edited text
    assert len(changed.occurrences) == len(first.occurrences) + 1
    read.clear()
    moved = tmp_path / "moved"
    texts.rename(moved)
    with memo.cache_file(tmp_path / "out"):
        pipeline.run_pipeline([moved], terms, terms_required=False, jobs=1)
    assert sorted(read) == sorted(p.name for p in moved.iterdir())  # the same bytes elsewhere: their source differs


def test_a_damaged_kept_extraction_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from glossary import memo

    texts = tmp_path / "texts"
    shutil.copytree(ROOT / "seeds", texts)
    read = _counting_extraction(monkeypatch)
    with memo.cache_file(tmp_path / "out"):
        first = pipeline.run_pipeline([texts], tmp_path / "none.yaml", terms_required=False, jobs=1)
    con = sqlite3.connect(memo.cache_path(tmp_path / "out"))
    damaged = sorted(p for (p,) in con.execute("SELECT path FROM files"))[0]
    con.execute("UPDATE files SET value = ? WHERE path = ?", ('["a", null]\n{"term": 3}', damaged))
    con.commit(), con.close()
    read.clear()
    with memo.cache_file(tmp_path / "out"):
        again = pipeline.run_pipeline([texts], tmp_path / "none.yaml", terms_required=False, jobs=1)
    assert read == [Path(damaged).name] and again.occurrences == first.occurrences


def test_the_kept_extraction_is_the_extraction(tmp_path: Path) -> None:
    """Encoded and decoded, a file's result is the same records, whatever their text holds."""
    for path in [*sorted((ROOT / "seeds").iterdir()), ROOT / "tests" / "data" / "documents" / "brief.ko.docx"]:
        result = pipeline._extract_file(path)
        assert pipeline._decode_file(pipeline._encode_file(result)) == result
    odd = (pipeline.FileRead("a\nb.txt", None, "en"), "0" * 64,
           [Occurrence("兩會", "a\nb.txt", 1, context="line\nbreak \u2028 sep", gloss="x\u2029y", variants=("两会",))])
    assert pipeline._decode_file(pipeline._encode_file(odd)) == odd


def test_without_a_cache_nothing_is_hashed_nor_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_file_digest", lambda path: pytest.fail("hashed outside a build"))
    result = pipeline.run_pipeline([ROOT / "seeds"], tmp_path / "none.yaml", terms_required=False, jobs=1)
    assert result.occurrences
