"""Extraction's start-up costs what it uses: no pypinyin, no PyYAML table of the hanja package (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CODE = """
import io, sys
from pathlib import Path
from glossary.pipeline import stream_jsonl
out = io.StringIO()
stream_jsonl([Path(sys.argv[1])], out, jobs=int(sys.argv[2]))
print(out.getvalue(), end="")
print([m for m in ("pypinyin", "hanja.impl", "hanja.table", "yaml") if m in sys.modules], file=sys.stderr)
"""


def test_a_folder_quoting_pinyin_and_hanja_loads_neither_library(tmp_path: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    # 平 and 共 have several readings: pypinyin's answer is needed, from the compiled tables.
    (folder / "a.txt").write_text("President Xi Jinping (習近平) spoke of gongtong fuyu (共同富裕) and the "
                                  "Two Sessions (兩會).\n", encoding="utf-8")
    (folder / "b.txt").write_text("시진핑(習近平) 주석은 공동부유(共同富裕)와 양회(兩會)를 말했다.\n", encoding="utf-8")
    for jobs in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", CODE, str(folder), jobs], capture_output=True, text=True,
                              check=True)
        assert done.stderr.strip().splitlines()[-1] == "[]"
        records = [json.loads(line) for line in done.stdout.splitlines()]
        assert [(r["term"], r["gloss"], r["gloss_kind"]) for r in records] == [
            ("習近平", "Xi Jinping", "name"), ("共同富裕", "gongtong fuyu", "pinyin"),
            ("兩會", "Two Sessions", "translation"),
            ("習近平", "시진핑", "name"), ("共同富裕", "공동부유", "hangul"), ("兩會", "양회", "hangul")]
