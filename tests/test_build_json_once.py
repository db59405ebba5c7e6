"""The build converts each entry to JSON once: the index reads the entry objects back from glossary.json (issue 14)."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.build import INDEX_FILE, write_build
from glossary.export import ExportOptions, entry_to_json
from glossary.export import jsondoc
from glossary.index import build_index, lookup
from glossary.index.records import _unpack
from test_export import entries as entry_strategy  # the hostile entries of the round-trip tests

DATA = Path(__file__).parent / "data"


def written_back(entries, options: ExportOptions) -> list[dict]:
    buf = io.BytesIO()
    jsondoc.write_json(entries, buf, options)
    return list(jsondoc.iter_written_json(io.BytesIO(buf.getvalue())))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(entry_strategy(), max_size=4, unique_by=lambda e: e.key),
       langs=st.sampled_from([None, ("en", "ko"), ("zh-Hant",)]))
def test_the_written_document_reads_back_entry_by_entry(items, langs):
    # Hostile strings (newlines, braces, "  }") in every field: the layout still splits where the objects do.
    items = sorted(items, key=lambda e: e.key)
    options = ExportOptions(langs=langs)
    want = [entry_to_json(e) for e in items]
    if langs is not None:
        want = [jsondoc._limit(d, langs) for d in want]
    assert written_back(items, options) == want


def test_text_that_looks_like_the_layout_stays_inside_its_string(mini_entries):
    from glossary.model import Entry

    tricky = Entry(key="\n  }", trad="\n  },\n  {\n", simp="\n  }", note="  }\n]\n")
    items = sorted([*mini_entries, tricky], key=lambda e: e.key)
    assert written_back(items, ExportOptions()) == [entry_to_json(e) for e in items]


def test_an_empty_document_has_no_objects():
    assert written_back([], ExportOptions()) == []


def rows(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT id, key, weight, json FROM entries ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.fixture
def sorted_entries(mini_entries):
    return sorted(mini_entries, key=lambda e: e.key)


def test_the_build_converts_each_entry_once_and_indexes_the_same_rows(sorted_entries, tmp_path, monkeypatch):
    build_index(sorted_entries, tmp_path / "direct.sqlite", inputs={})
    calls: list[str] = []
    real = jsondoc.entry_to_json
    monkeypatch.setattr(jsondoc, "entry_to_json", lambda e: calls.append(e.key) or real(e))
    write_build(sorted_entries, tmp_path / "out", inputs={})
    assert sorted(calls) == sorted(e.key for e in sorted_entries)  # once each, not twice
    assert rows(tmp_path / "out" / INDEX_FILE) == rows(tmp_path / "direct.sqlite")


def test_a_list_out_of_key_order_is_written_in_key_order(mini_entries, sorted_entries, tmp_path):
    shuffled = sorted(mini_entries, key=lambda e: e.key, reverse=True)
    write_build(shuffled, tmp_path / "shuffled", inputs={})
    write_build(sorted_entries, tmp_path / "sorted", inputs={})
    for name in (INDEX_FILE, "glossary.json", "glossary.tbx", "glossary.csv"):
        assert (tmp_path / "shuffled" / name).read_bytes() == (tmp_path / "sorted" / name).read_bytes(), name
    assert [r[1] for r in rows(tmp_path / "shuffled" / INDEX_FILE)] == [e.key for e in sorted_entries]


def test_a_stream_out_of_key_order_fails_and_writes_nothing(sorted_entries, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(ValueError, match="out of key order"):
        write_build(iter(sorted_entries[::-1]), out, inputs={})
    assert not out.exists()
    assert [name for name in os.listdir(tmp_path) if name != ".out.lock"] == []  # no staging folder left


def test_objects_of_other_entries_are_not_stored(sorted_entries, tmp_path):
    # From the first object whose key is not its entry's, the index converts the entries itself.
    given_json = [entry_to_json(sorted_entries[0])] + [entry_to_json(e) for e in reversed(sorted_entries[1:])]
    build_index(sorted_entries, tmp_path / "given.sqlite", inputs={}, entry_json=given_json)
    stored = [_unpack(r[3]) for r in rows(tmp_path / "given.sqlite")]
    assert stored == [entry_to_json(e) for e in sorted_entries]
    first = sorted_entries[0]
    assert lookup(first.trad, tmp_path / "given.sqlite")[0].entry["key"] == first.key


def test_a_stream_is_read_once_by_every_output_a_batch_at_a_time(sorted_entries, tmp_path, monkeypatch):
    """The build's entries come from the merge one at a time (issue 14): every file and the index take
    each entry before the next batch is made, and write what a list of the same entries writes."""
    from glossary import fanout
    from glossary.build import BUILD_FILES

    monkeypatch.setattr(fanout, "BATCH", 2)
    converted: list[str] = []
    real = jsondoc.entry_to_json
    monkeypatch.setattr(jsondoc, "entry_to_json", lambda e: converted.append(e.key) or real(e))
    made: list[str] = []

    def stream():
        for k, entry in enumerate(sorted_entries):
            # Entry k is made once every entry of the batches before its own has been written.
            assert len(converted) >= k // 2 * 2, (k, len(converted))
            made.append(entry.key)
            yield entry

    write_build(stream(), tmp_path / "streamed", inputs={})
    assert made == [e.key for e in sorted_entries]  # one pass
    write_build(sorted_entries, tmp_path / "listed", inputs={})
    for name in [*BUILD_FILES, INDEX_FILE]:
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "listed" / name).read_bytes(), name
