"""Golden test of the whole merge: a small corpus and term base -> entries (JSON)."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from glossary.export import entry_to_json
from glossary.pipeline import run_pipeline

DATA = Path(__file__).parent / "data" / "merge"
GOLDEN = Path(__file__).parent / "golden" / "merge.json"


def _render() -> str:
    result = run_pipeline([DATA], DATA / "terms.yaml", terms_required=True)
    entries = []
    for entry in result.entries:
        data = entry_to_json(entry)
        for occ in data["occurrences"]:  # paths relative to the data folder, so the golden is portable
            occ["source"] = Path(occ["source"]).relative_to(DATA).as_posix()
        data["sources"] = [Path(s).relative_to(DATA).as_posix() for s in data["sources"]]
        for rendering in data["renderings"] + data.get("ko_renderings", []):
            rendering["documents"] = [Path(s).relative_to(DATA).as_posix() for s in rendering["documents"]]
        entries.append(data)
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def test_golden_exists() -> None:
    assert GOLDEN.exists(), "run pytest --update-golden and review tests/golden/merge.json"


def test_merge_matches_golden(update_golden: bool) -> None:
    got = _render()
    if update_golden:
        GOLDEN.write_text(got, encoding="utf-8")
    want = GOLDEN.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now"))
        raise AssertionError(f"merge output changed (pytest --update-golden if intended):\n{diff}")
