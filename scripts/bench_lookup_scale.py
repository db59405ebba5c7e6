#!/usr/bin/env python3
"""Benchmark the lookup index at a million entries: build cost, size on disk, `glossary lookup` per kind of query.

Usage: python scripts/bench_lookup_scale.py [--entries 1000000] [--generator realistic|synthetic]
       [--rounds 5] [--keep DIR] [--index FILE]

Two generators of entries, streamed to ``build_index`` in a process of its own
(CPU seconds, peak RSS, the file's size and its largest tables):

- ``realistic`` (default): real Chinese terms from the bundled CC-CEDICT
  (``glossary/data/cedict.tsv.gz``: traditional, simplified, pinyin, first
  English gloss) whose characters all have a hangul reading in the bundled
  hanja table (``glossary/data/hanja.tsv``, first reading, the initial-sound
  form first in the word), each term alone and then in compounds of two
  (經濟 + 改革 -> 經濟改革, "economy" + "reform"), as many as asked. Their
  q-grams are spread as real terms' are.
- ``synthetic``: ``bench_build.synthetic_entries``, forms like "jing ji N"
  whose grams are shared by nearly every form: the worst case for the
  q-gram tiers, kept to show they stay bounded.

Then times, as whole processes in CPU time (start-up counted), alternated
with ``python -c pass`` on the same interpreter, ``glossary lookup`` for each
kind of query aimed at one entry, and prints min / median / max of the
ratios (goal, issue 14: exact <= 2.5x, fuzzy <= 5x) with what was found.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from bench_lookup import romanize  # noqa: E402
from benchlib import alternate, report, run_process  # noqa: E402

DATA = ROOT / "glossary" / "data"

BUILD = r"""
import resource, sys, time, os
sys.path.insert(0, sys.argv[4])
import bench_lookup_scale, bench_build
from glossary.index import build_index
make = bench_lookup_scale.realistic_entries if sys.argv[3] == "realistic" else bench_build.synthetic_entries
start = time.process_time()
build_index(make(int(sys.argv[1])), sys.argv[2], inputs={})
cpu = time.process_time() - start
print(f"{cpu:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {os.path.getsize(sys.argv[2]) / 1e6:.1f}")
"""

_HAN = re.compile(r"^[\u3400-\u9fff]{2,4}$")


def _readings() -> dict[str, tuple[str, str]]:
    """Hangul reading of each character: (word-initial form, form inside a word), from hanja.tsv."""
    out = {}
    for line in (DATA / "hanja.tsv").read_text(encoding="utf-8").split("\n"):
        if line and line[0] != "#":
            fields = line.split("\t")
            if len(fields) > 2 and fields[1] and fields[2]:
                out[fields[0]] = (fields[1], fields[2])
    return out


def _gloss(english: str) -> str:
    """The first plain sense of a CC-CEDICT gloss, without notes in brackets: "economy", "reform".

    Cross-references ("see 肇東市|肇东市") and senses quoting hanzi are skipped.
    """
    for sense in english.split("/"):
        sense = re.sub(r"\([^)]*\)|\[[^]]*\]|\bCL:.*", "", sense)
        sense = " ".join(sense.replace(";", " ").replace(",", " ").split())
        if sense and sense.isascii() and not sense.startswith(("see ", "variant of", "old variant", "surname ")):
            return sense
    return ""


def base_terms() -> list[tuple[str, str, str, str, str]]:
    """(trad, simp, hangul, toneless pinyin, English) of CC-CEDICT terms of 2-4 characters that all have readings."""
    readings = _readings()
    terms, seen = [], set()
    with gzip.open(DATA / "cedict.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line[0] == "#":
                continue
            trad, simp, pinyin, english = line.rstrip("\n").split("\t")[:4]
            gloss = _gloss(english)
            if trad in seen or not _HAN.match(trad) or not gloss or not all(c in readings for c in trad):
                continue
            seen.add(trad)
            hangul = readings[trad[0]][0] + "".join(readings[c][1] for c in trad[1:])
            toneless = re.sub(r"[1-5]", "", pinyin).replace("u:", "ü").lower()
            terms.append((trad, simp, hangul, toneless, gloss))
    random.Random(3).shuffle(terms)
    return terms


def realistic_entries(n: int):  # noqa: ANN201 - Iterator[Entry]
    """``n`` entries: every base term, then compounds of two base terms (each pair once), made on the fly."""
    from glossary.model import Entry, Occurrence, Rendering

    base = base_terms()
    size = len(base)
    for i in range(n):
        if i < size:
            trad, simp, ko, pinyin, en = base[i]
        else:
            # i -> (a, b) is one-to-one for i < size ** 2: a = i mod size, b from i // size shifted by a.
            a = i % size
            b = (i // size + a * 7919) % size
            (t1, s1, k1, p1, e1), (t2, s2, k2, p2, e2) = base[a], base[b]
            trad, simp, ko, pinyin, en = t1 + t2, s1 + s2, k1 + k2, f"{p1} {p2}", f"{e1} {e2}"
        yield Entry(
            key=simp, trad=trad, simp=simp, ko=ko, ko_romanized=romanize(ko), pinyin=pinyin,
            en=(Rendering(en, "dictionary"),), forms=(trad,),
            occurrences=(Occurrence(trad, "a.en.txt", i % 500 + 1, f"Officials discussed {en} ({trad})."),
                         Occurrence(trad, "b.ko.txt", i % 300 + 1, f"{ko}({trad}) 정책을 논의했다.")),
        )


def _drop(text: str, at: int) -> str:
    return text[:at] + text[at + 1 :]


def realistic_cases(entries: int) -> dict[str, str]:
    """Queries aimed at one compound entry of the index (its forms as typed, and with a typo)."""
    from itertools import islice

    target = next(e for e in islice(realistic_entries(entries), entries // 2, None)
                  if len(e.trad) >= 5 and len(e.en[0].text.split()) >= 2 and len(e.en[0].text.split()[0]) >= 5)
    words = target.en[0].text.split()
    pinyin = target.pinyin
    return {
        "exact hangul": target.ko,
        "exact trad": target.trad,
        "exact English": target.en[0].text,
        "exact pinyin": pinyin,
        "prefix hangul": target.ko[:3],
        "substring hanja": target.trad[2:4],
        "fuzzy hangul (a syllable dropped)": _drop(target.ko, 2),
        "fuzzy hanja (a character dropped)": _drop(target.trad, 2),
        "fuzzy English (a letter dropped)": " ".join([_drop(words[0], 2), *words[1:]]),
        "fuzzy pinyin (a letter dropped)": _drop(pinyin, pinyin.index(" ") + 2),
        "fuzzy romanisation (a letter dropped)": _drop(target.ko_romanized, 3),
    }


def synthetic_cases(entries: int) -> dict[str, str]:
    """The queries of ``bench_build.lookups`` on the synthetic index."""
    from itertools import islice

    from bench_build import synthetic_entries

    entry = next(islice(synthetic_entries(entries), entries // 2, None))
    return {
        "exact hangul": entry.ko,
        "exact English": entry.en[0].text,
        "fuzzy hangul (a syllable dropped)": entry.ko[:1] + entry.ko[2:],
        "fuzzy English (a letter dropped)": "economc " + entry.en[0].text.split(" ", 1)[1],
        "fuzzy pinyin (a letter dropped)": entry.pinyin.replace("jing", "jng"),
    }


def table_sizes(index: Path) -> str:
    """The largest tables and indexes of the file, in MB (SQLite's dbstat, where compiled in)."""
    con = sqlite3.connect(index)
    try:
        rows = con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8").fetchall()
    except sqlite3.Error:
        return "(no dbstat)"
    finally:
        con.close()
    return ", ".join(f"{name} {size / 1e6:.0f}" for name, size in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000, help="entries of the index [1000000]")
    parser.add_argument("--generator", choices=("realistic", "synthetic"), default="realistic")
    parser.add_argument("--rounds", type=int, default=5, help="alternated pairs per query [5]")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the index in DIR and keep it")
    parser.add_argument("--index", type=Path, help="time lookups on this index (built by this script) instead")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="glossary-bench-scale-"))
    try:
        index = args.index
        if index is None:
            folder = args.keep or work
            folder.mkdir(parents=True, exist_ok=True)
            index = folder / f"{args.generator}-{args.entries}.sqlite"
            out = work / "build.txt"
            run_process([sys.executable, "-c", BUILD, str(args.entries), str(index), args.generator, str(ROOT / "scripts")],
                        stdout=str(out))
            cpu, rss, size = out.read_text().split()
            print(f"index of {args.entries:,} {args.generator} entries: {cpu} s CPU, peak RSS {rss} MB "
                  f"[goal <= 1024 MB: {'met' if float(rss) <= 1024 else 'NOT met'}], {size} MB on disk", flush=True)
        print(f"largest tables (MB): {table_sizes(index)}", flush=True)
        cases = (realistic_cases if args.generator == "realistic" else synthetic_cases)(args.entries)
        from glossary.index import lookup

        script = [sys.executable, "-m", "glossary", "lookup", "--index", str(index)]
        baseline = [sys.executable, "-c", "pass"]
        for name, query in cases.items():
            hits = lookup(query, index, limit=1)
            found = f"{hits[0].match} {hits[0].field} {hits[0].entry['trad']}" if hits else "nothing"
            pairs = alternate([*script, query], baseline, args.rounds)
            report(f"  {name} {query!r} -> {found}", pairs, goal_ratio=2.5 if name.startswith("exact") else 5.0)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
