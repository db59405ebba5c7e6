#!/usr/bin/env python3
"""Evaluate extraction against annotated passages.

Usage: python scripts/eval_extract.py [PATH ...]   (default: tests/data/extract/)

Annotation format. Each passage (any format glossary reads: .txt, .md, .html)
has a TSV file beside it with the same stem (``en-report.txt`` ->
``en-report.tsv``). Lines starting with ``#`` are comments. One row per
bracketed occurrence, in text order, tab-separated:

    term  gloss  gloss_kind  kind  [abbrev]  [pinyin]

``term`` is the CJK form as written (line breaks and stray spaces removed);
``gloss`` is the exact rendering a terminologist would enter, ``-`` for none;
``gloss_kind`` is translation|hangul|romanization|pinyin|transcription or
``-``; ``kind`` is term|title|other. Empty abbrev/pinyin columns are not
scored. Gold and extracted occurrences are paired per file by term, in order.

Prints term recall and precision, exact gloss rate and gloss_kind accuracy
(both over found terms), kind accuracy, and lists every miss.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.extract import extract_corpus  # noqa: E402
from glossary.sources import FORMATS, read_source  # noqa: E402

COLUMNS = ("term", "gloss", "gloss_kind", "kind", "abbrev", "pinyin")


def read_gold(tsv: Path) -> list[dict[str, str | None]]:
    rows = []
    for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 4:
            raise SystemExit(f"{tsv}:{number}: expected at least 4 tab-separated columns")
        row = dict(zip(COLUMNS, cells + [""] * (len(COLUMNS) - len(cells))))
        rows.append({k: (None if v == "-" else v) for k, v in row.items()})
    return rows


def find_passages(paths: list[Path]) -> list[tuple[Path, Path]]:
    out = []
    for path in paths:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in FORMATS and f.with_suffix(".tsv").exists() and f.suffix != ".tsv":
                out.append((f, f.with_suffix(".tsv")))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests" / "data" / "extract"])
    parser.add_argument("-q", "--quiet", action="store_true", help="figures only, no list of misses")
    args = parser.parse_args()
    passages = find_passages(args.paths)
    if not passages:
        print("no annotated passages found", file=sys.stderr)
        return 2
    sources = [read_source(p) for p, _ in passages]
    predicted = defaultdict(list)
    for occ in extract_corpus(sources):
        predicted[occ.source].append(occ)
    totals = defaultdict(int)
    misses: list[str] = []
    per_lang = defaultdict(lambda: defaultdict(int))
    for (passage, tsv), src in zip(passages, sources):
        lang = passage.name.split("-")[0]
        gold = read_gold(tsv)
        preds = predicted.get(src.path, [])
        used = [False] * len(preds)
        for row in gold:
            totals["gold"] += 1
            per_lang[lang]["gold"] += 1
            k = next((i for i, o in enumerate(preds) if not used[i] and o.term == row["term"]), None)
            if k is None:
                misses.append(f"MISSED   {passage.name}: {row['term']}  (gold gloss {row['gloss']!r})")
                continue
            used[k] = True
            occ = preds[k]
            totals["found"] += 1
            per_lang[lang]["found"] += 1
            if occ.gloss == row["gloss"]:
                totals["gloss"] += 1
                per_lang[lang]["gloss"] += 1
            else:
                misses.append(f"GLOSS    {passage.name}:{occ.line} {row['term']}: got {occ.gloss!r}, want {row['gloss']!r}")
            if occ.gloss_kind == row["gloss_kind"]:
                totals["gloss_kind"] += 1
                per_lang[lang]["gloss_kind"] += 1
            else:
                misses.append(f"G-KIND   {passage.name}:{occ.line} {row['term']}: got {occ.gloss_kind}, want {row['gloss_kind']}")
            if occ.kind == row["kind"]:
                totals["kind"] += 1
            else:
                misses.append(f"KIND     {passage.name}:{occ.line} {row['term']}: got {occ.kind}, want {row['kind']}")
            for field in ("abbrev", "pinyin"):
                if row[field]:
                    totals[f"{field}_gold"] += 1
                    if getattr(occ, field) == row[field]:
                        totals[field] += 1
                    else:
                        misses.append(f"{field.upper():8} {passage.name}:{occ.line} {row['term']}: got {getattr(occ, field)!r}, want {row[field]!r}")
        for i, occ in enumerate(preds):
            totals["predicted"] += 1
            per_lang[lang]["predicted"] += 1
            if not used[i]:
                misses.append(f"EXTRA    {passage.name}:{occ.line} {occ.term} (gloss {occ.gloss!r})")
    if not args.quiet:
        for line in misses:
            print(line)
        print()

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f} % ({a}/{b})" if b else "  n/a"

    print(f"passages: {len(passages)}, gold occurrences: {totals['gold']}, extracted: {totals['predicted']}")
    print(f"term recall      {pct(totals['found'], totals['gold'])}")
    print(f"term precision   {pct(totals['found'], totals['predicted'])}")
    print(f"exact gloss      {pct(totals['gloss'], totals['found'])}")
    print(f"gloss_kind       {pct(totals['gloss_kind'], totals['found'])}")
    print(f"kind             {pct(totals['kind'], totals['found'])}")
    print(f"abbrev           {pct(totals['abbrev'], totals['abbrev_gold'])}")
    print(f"pinyin           {pct(totals['pinyin'], totals['pinyin_gold'])}")
    for lang, t in sorted(per_lang.items()):
        print(f"  [{lang}] recall {pct(t['found'], t['gold'])}  precision {pct(t['found'], t['predicted'])}  "
              f"gloss {pct(t['gloss'], t['found'])}  gloss_kind {pct(t['gloss_kind'], t['found'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
