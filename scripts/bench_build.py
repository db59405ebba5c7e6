#!/usr/bin/env python3
"""Benchmark `glossary build` against a bare reading loop, and the lookup index at a million entries.

Usage: python scripts/bench_build.py [--terms 20000] [--rounds 3] [--index-entries 1000000] [--skip-index]
                                     [--keep DIR]

1. Build ratio. Writes texts quoting ``--terms`` distinct real hanja words
   (from the shipped ``hanja.tsv``, traditional forms of 2-4 characters),
   each twice, in English sentences ("the policy of ... (經濟)") and Korean
   ones ("경제(經濟)"), 400 terms per file. Then times, alternately and as
   whole processes (CPU time, start-up counted, ``os.wait4``):

   - subject: ``glossary build TEXTS --out OUT`` (CSV, TBX, JSON, the index);
   - baseline: a bare loop over the same distinct terms computing
     ``hanja.translate``, ``pypinyin.pinyin`` and OpenCC ``t2s`` and writing
     them as CSV.

   Prints each pair, the ratio min / median / max (goal: <= 4x) and the
   build's peak RSS (goal: <= 400 MB): for a cold build (output folder
   removed first), then for a warm one (the per-term cache of the previous
   build in place, as when a corpus is rebuilt).

2. Index at scale: ``build_index`` over ``--index-entries`` synthetic entries
   streamed from a generator, in a process of its own: seconds, peak RSS
   (goal: <= 1 GB) and the index size on disk. ``--skip-index`` skips it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import alternate, report, run_process  # noqa: E402

HANJA_TSV = ROOT / "glossary" / "data" / "hanja.tsv"
PER_FILE = 400

BASELINE = r"""
import csv, sys
import hanja, opencc
from pypinyin import pinyin
t2s = opencc.OpenCC("t2s.json")
terms = open(sys.argv[1], encoding="utf-8").read().split()
with open(sys.argv[2], "w", encoding="utf-8", newline="") as fh:
    out = csv.writer(fh)
    for term in terms:
        simp = t2s.convert(term)
        out.writerow([term, simp, hanja.translate(term, "substitution"), " ".join(s[0] for s in pinyin(simp))])
"""

INDEX = r"""
import resource, sys, time, os
sys.path.insert(0, sys.argv[3])
from bench_build import synthetic_entries
from glossary.index import build_index
start = time.process_time()
build_index(synthetic_entries(int(sys.argv[1])), sys.argv[2], inputs={})
cpu = time.process_time() - start
print(f"{cpu:.1f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {os.path.getsize(sys.argv[2]) / 1e6:.1f}")
"""


def real_terms(count: int) -> list[str]:
    """Distinct traditional hanja words of 2-4 characters, in a fixed spread over hanja.tsv."""
    words = []
    for line in HANJA_TSV.read_text(encoding="utf-8").split("\n"):
        if not line or line[0] == "#":
            continue
        for pair in line.split("\t")[5:]:
            word = pair.partition(" ")[0]
            if 2 <= len(word) <= 4:
                words.append(word)
    step = max(1, len(words) // count)
    picked = list(dict.fromkeys(words[::step]))[:count]
    if len(picked) < count:
        raise SystemExit(f"only {len(picked)} words of 2-4 characters")
    return picked


def write_texts(folder: Path, terms: list[str]) -> None:
    for n in range(0, len(terms), PER_FILE):
        chunk = terms[n : n + PER_FILE]
        en = "\n\n".join(f"Officials discussed the policy of item {n + i} ({t}) at length today." for i, t in enumerate(chunk))
        ko = "\n\n".join(f"정부는 오늘 항목 {n + i}({t}) 정책을 오래 논의했다." for i, t in enumerate(chunk))
        (folder / f"{n // PER_FILE:04d}.en.txt").write_text(en + "\n", encoding="utf-8")
        (folder / f"{n // PER_FILE:04d}.ko.txt").write_text(ko + "\n", encoding="utf-8")


def synthetic_entries(n: int):  # noqa: ANN201 - Iterator[Entry]
    """``n`` entries shaped like real ones (forms in every script, two renderings, two occurrences), made on the fly."""
    from glossary.model import Entry, Occurrence, Rendering

    han = "經濟社會發展改革開放國家治理現代化人民民主共同富裕科技創新文化自信生態文明"
    ko = "경제사회발전개혁개방국가치리현대화인민민주공동부유과기창신문화자신생태문명"
    for i in range(n):
        a, b, c = i % len(han), (i // len(han)) % len(han), (i // len(han) ** 2) % len(han)
        trad = han[a] + han[b] + han[c] + str(i)
        hangul = ko[a] + ko[b] + ko[c] + str(i)
        yield Entry(
            key=trad, trad=trad, simp=trad, ja=trad, ko=hangul, ko_romanized=f"gyeongje{i}",
            pinyin=f"jing ji {i}", kana="けいざい", romaji=f"keizai {i}",
            en=(Rendering(f"economic item {i}", "context", 2, ("a.en.txt",)), Rendering(f"sense {i}", "dictionary")),
            forms=(trad,),
            occurrences=(Occurrence(trad, "a.en.txt", i % 500 + 1, f"Officials discussed item {i} ({trad})."),
                         Occurrence(trad, "b.ko.txt", i % 300 + 1, f"{hangul}({trad}) 정책을 논의했다.")),
        )


def lookups(index: Path, entries: int, rounds: int) -> None:
    """Whole-process `glossary lookup` on the big index against `python -c pass`, CPU time, alternated."""
    from itertools import islice

    entry = next(islice(synthetic_entries(entries), entries // 2, None))
    cases = {
        "exact hangul": entry.ko,
        "exact English": entry.en[0].text,
        "fuzzy hangul (a syllable dropped)": entry.ko[:1] + entry.ko[2:],
        "fuzzy English (a letter dropped)": "economc " + entry.en[0].text.split(" ", 1)[1],
        "fuzzy pinyin (a letter dropped)": entry.pinyin.replace("jing", "jng"),
    }
    script = [sys.executable, "-m", "glossary", "lookup", "--index", str(index)]
    baseline = [sys.executable, "-c", "pass"]
    print(f"lookup on {index.stat().st_size / 1e6:.0f} MB index ({entries:,} entries)")
    for name, query in cases.items():
        pairs = alternate([*script, query], baseline, max(rounds, 5))
        report(f"  {name} {query!r}", pairs, goal_ratio=2.5 if name.startswith("exact") else 5.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--terms", type=int, default=20_000, help="distinct terms [20000]")
    parser.add_argument("--rounds", type=int, default=3, help="alternated pairs [3]")
    parser.add_argument("--index-entries", type=int, default=1_000_000, help="entries of the index test [1000000]")
    parser.add_argument("--skip-index", action="store_true", help="skip the index test")
    parser.add_argument("--skip-build", action="store_true", help="skip the build ratio")
    parser.add_argument("--index", type=Path, help="time lookups on this index (built by this script) instead")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="work in DIR and keep it: the texts (DIR/texts), the terms, the last build (DIR/out)")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        if any(args.keep.iterdir()):
            raise SystemExit(f"--keep {args.keep}: not empty")
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="glossary-bench-build-"))
    try:
        if not args.skip_build:
            terms = real_terms(args.terms)
            texts = work / "texts"
            texts.mkdir()
            write_texts(texts, terms)
            (work / "terms.txt").write_text("\n".join(terms) + "\n", encoding="utf-8")
            print(f"{len(terms):,} distinct terms in {len(list(texts.iterdir()))} files")
            build = [sys.executable, "-m", "glossary", "build", str(texts), "--out", str(work / "out"),
                     "--terms", str(work / "none.yaml")]
            (work / "none.yaml").write_text("", encoding="utf-8")
            # A cold build each time: the output folder (and its per-term cache) removed first.
            subject = ["sh", "-c", 'rm -rf "$0" && exec "$@"', str(work / "out"), *build]
            baseline = [sys.executable, "-c", BASELINE, str(work / "terms.txt"), str(work / "bare.csv")]
            pairs = alternate(subject, baseline, args.rounds)
            report(f"cold build of {len(terms):,} terms", pairs, goal_ratio=4.0, goal_mb=400)
            # Warm: the same build again, its per-term cache (out/.glossary-cache.sqlite) in place.
            run_process(build)
            pairs = alternate(build, baseline, args.rounds)
            report(f"warm build of {len(terms):,} terms (cache of the previous build)", pairs)
        if not args.skip_index:
            target = args.index or work / "big.sqlite"
            if not args.index:
                out = work / "index.txt"
                run_process([sys.executable, "-c", INDEX, str(args.index_entries), str(target), str(ROOT / "scripts")],
                            stdout=str(out))
                cpu, rss, size = out.read_text().split()
                print(f"index of {args.index_entries:,} entries: {cpu} s CPU, peak RSS {rss} MB "
                      f"[goal <= 1024 MB: {'met' if float(rss) <= 1024 else 'NOT met'}], {size} MB on disk", flush=True)
            lookups(target, args.index_entries, args.rounds)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
