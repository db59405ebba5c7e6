"""scripts/dask_extract.py on Dask's local schedulers: the same glossary as a build from the texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import dask_extract  # noqa: E402

from glossary.pipeline import run_pipeline  # noqa: E402


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    (folder / "ko").mkdir(parents=True)
    (folder / "a.en.txt").write_text(
        "Delegates praised common prosperity (共同富裕).\n\nThe Two Sessions (兩會) opened.\n", encoding="utf-8"
    )
    (folder / "ko" / "b.txt").write_text("올해 양회(两会)가 열렸다.\n이구환신(以舊換新) 정책이 넓어졌다.\n", encoding="utf-8")
    (folder / "ko" / "c.txt").write_bytes("정부는 공동부유(共同富裕)를 강조했다.\n".encode("cp949"))
    return folder


@pytest.mark.parametrize(("scheduler", "partitions"), [("sync", None), ("threads", 2), ("processes", 2)])
def test_dask_extraction_builds_the_same_glossary(texts: Path, tmp_path: Path, scheduler: str, partitions) -> None:
    written = dask_extract.extract_folder(texts, tmp_path / "occ", partitions=partitions, scheduler=scheduler)
    assert written == sorted(written) and len(written) == (partitions or 3)
    terms = tmp_path / "terms.yaml"
    direct = run_pipeline([texts], terms, terms_required=False, jobs=1)
    merged = run_pipeline([], terms, terms_required=False, occurrence_files=written)
    assert merged.occurrences == direct.occurrences
    assert merged.entries == direct.entries
    assert {o.encoding for o in merged.occurrences} == {"utf-8", "cp949"}


def test_an_empty_folder_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert dask_extract.extract_folder(tmp_path / "empty", tmp_path / "occ", scheduler="sync") == []
