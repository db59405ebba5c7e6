"""glossary/memo.py: per-term results kept across builds, and a build that reuses them gives the same glossary."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from glossary import memo
from glossary.cli import cli
from glossary.model import KoreanReading, Rendering

ROOT = Path(__file__).resolve().parent.parent

calls: list[str] = []


@memo.persistent
def _reading(text: str, *, loud: bool = False) -> tuple[str, Rendering | None]:
    calls.append(text)
    return (text.upper() if loud else text, Rendering(text, "literal") if text else None)


def test_outside_a_build_the_function_runs_every_time() -> None:
    calls.clear()
    _reading("兩會"), _reading("兩會")
    assert calls == ["兩會", "兩會"]


def test_results_come_back_from_the_file_on_the_next_build(tmp_path: Path) -> None:
    calls.clear()
    with memo.cache_file(tmp_path / "out"):
        first = [_reading("兩會"), _reading("ab", loud=True), _reading("")]
    assert calls == ["兩會", "ab", ""]
    assert memo.cache_path(tmp_path / "out").is_file()
    with memo.cache_file(tmp_path / "out"):
        again = [_reading("兩會"), _reading("ab", loud=True), _reading(""), _reading("ab")]
    assert calls == ["兩會", "ab", "", "ab"]  # only the new argument ran
    assert again[:3] == first and again[0][1] == Rendering("兩會", "literal")


def test_a_cache_of_another_version_is_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with memo.cache_file(tmp_path):
        _reading("兩會")
    monkeypatch.setattr(memo, "version", lambda: "another")
    calls.clear()
    with memo.cache_file(tmp_path):
        _reading("兩會")
    assert calls == ["兩會"]


def test_a_failed_build_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), memo.cache_file(tmp_path / "out"):
        _reading("兩會")
        raise RuntimeError
    assert not (tmp_path / "out").exists()


def test_a_damaged_cache_is_ignored(tmp_path: Path) -> None:
    memo.cache_path(tmp_path).write_bytes(b"not a database" * 100)
    calls.clear()
    with memo.cache_file(tmp_path):
        assert _reading("兩會")[0] == "兩會"
    with memo.cache_file(tmp_path):
        _reading("兩會")
    assert calls == ["兩會"]  # rebuilt on the first run, used on the second


def test_a_second_build_from_the_cache_writes_the_same_glossary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copy(ROOT / "terms.yaml", tmp_path / "terms.yaml")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert CliRunner().invoke(cli, ["build", "--out", "a"]).exit_code == 0
        rows = sqlite3.connect(memo.cache_path(tmp_path / "a")).execute("SELECT count(*) FROM memo").fetchone()[0]
        assert rows > 30  # readings, kana, romanisation, dictionary senses of the seeds' terms
        (tmp_path / "b").mkdir()
        shutil.copy(memo.cache_path(tmp_path / "a"), memo.cache_path(tmp_path / "b"))
        from glossary import readings

        for f in (readings._shipped_reading, readings.romanize, readings.pinyin_reading):
            f.cache_clear()  # the in-process memos, so the second build reads the file

        def no_pykakasi():  # noqa: ANN202
            raise AssertionError("kana computed again: the cache was not used")

        monkeypatch.setattr(readings.kana, "_kakasi", no_pykakasi)  # where kana_reading looks it up

        def computed(value):  # noqa: ANN001, ANN202
            raise AssertionError(f"computed again: {value!r}")

        # Nothing at all is computed anew, by the merge or by the writers (threads of their own: glossary.fanout).
        monkeypatch.setattr(memo, "_encode", computed)
        result = CliRunner().invoke(cli, ["build", "--out", "b"])
        assert result.exit_code == 0, result.output + repr(result.exception)
    finally:
        os.chdir(cwd)
    for name in ("glossary.json", "glossary.csv", "glossary.tbx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert json.loads((tmp_path / "b" / "glossary.json").read_text(encoding="utf-8"))


def test_results_beyond_what_memory_holds_reach_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import glob
    import tempfile

    monkeypatch.setattr(memo, "_SPILL_ROWS", 3)  # new results go to a spill file every 3 rows
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "glossary-memo-*")))
    calls.clear()
    words = [f"詞{n}" for n in range(10)]
    with memo.cache_file(tmp_path / "out"):
        first = [_reading(w) for w in words]
        assert memo._active["spill"] is not None and len(memo._active["pending"]) < 3
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "glossary-memo-*"))) == before  # the spill file is gone
    con = sqlite3.connect(memo.cache_path(tmp_path / "out"))
    assert con.execute("SELECT count(*) FROM memo").fetchone()[0] == 10
    con.close()
    calls.clear()
    with memo.cache_file(tmp_path / "out"):
        assert [_reading(w) for w in words] == first
    assert calls == []


def test_a_failed_build_leaves_no_spill_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "_SPILL_ROWS", 1)
    with pytest.raises(RuntimeError), memo.cache_file(tmp_path / "out"):
        _reading("兩會")
        spill = memo._active["spill"][0]
        raise RuntimeError
    assert not os.path.exists(spill) and not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "value",
    [
        "경제",
        ("けいざい", "keizai"),
        ("", ""),
        ("a\x1fb", "c"),  # the separator of the plain form inside a part: JSON instead
        (),
        None,
        Rendering("common + prosperous", "literal"),
        (Rendering("Two Sessions", "context", 2, ("a.txt",), ("dictionary",), note="n", raw="r", kind="translation"),),
        KoreanReading("시진핑", "습근평", "시진핑", "name:modern"),
    ],
)
def test_a_stored_result_reads_back_as_it_was(value: object) -> None:
    from glossary.memo import _decode, _encode

    back = _decode(_encode(value))
    assert back == value
    assert type(back) is type(value)
