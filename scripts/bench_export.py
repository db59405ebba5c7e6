"""Benchmark the export writers on a large synthetic term base.

Writes N entries (default 100,000) in every format of glossary.export.WRITERS
and, as the baseline measured in the same run, the same table rows with the
standard library's csv module alone. Entries are generated on the fly, so the
only memory a writer adds is its own. Prints seconds, the ratio to the
baseline, and how much each writer grew the peak RSS of a fresh process at
N/10 and at N entries: a streaming writer's growth does not follow N.

    python scripts/bench_export.py            # 100,000 entries
    python scripts/bench_export.py -n 20000   # quicker
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from glossary.export import WRITERS, ExportOptions
from glossary.model import Entry, Occurrence, Rendering

HANZI = "兩會以舊換新一帶一路利用厚生深度求索減稅降費民生保障正風反腐社會治理百年大變局人類命運共同體"
HANGUL = "양회이구환신일대일로이용후생심도구색감세강비민생보장정풍반부사회치리"


def synthetic_entries(n: int) -> Iterator[Entry]:
    """``n`` entries shaped like real ones (two renderings, two contexts),
    made on the fly, sorted by key: nothing is held in memory."""
    for i in range(n):
        a, b = i % len(HANZI), (i * 7) % len(HANZI)
        trad = HANZI[a] + HANZI[b] + HANZI[(a + b) % len(HANZI)] + f"{i:06d}"
        ko = HANGUL[a % len(HANGUL)] + HANGUL[b % len(HANGUL)] + f"{i:06d}"
        yield Entry(
            key=f"{i:07d}", trad=trad, simp=trad, ja=trad, ko=ko, ko_romanized=f"romanized {i}",
            pinyin=f"pin yin {i}", kana="かな", romaji="kana",
            en=(Rendering(f"rendering {i}", "context", 3, ("seeds/a.en.txt",)), Rendering(f"sense {i}", "dictionary")),
            abbrev=("ABC",) if i % 10 == 0 else (), forms=(trad,),
            occurrences=(
                Occurrence(trad, "seeds/a.en.txt", i % 500 + 1, f"A sentence about rendering {i} ({trad}) in context."),
                Occurrence(trad, "seeds/b.ko.txt", i % 300 + 1, f"{ko}({trad})에 관한 문장이다."),
            ),
        )


def baseline_csv(entries: Iterator[Entry], fh) -> None:  # noqa: ANN001
    """The same rows with the standard library alone: no guard, no escaping."""
    import io

    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    writer = csv.writer(text)
    for e in entries:
        writer.writerow([
            e.trad, e.simp, e.ko, e.ja, " | ".join(r.text for r in e.en), " | ".join(e.abbrev), "",
            " | ".join(r.source for r in e.en), " | ".join("; ".join(r.documents) for r in e.en),
            e.ko_romanized, e.pinyin, e.kana, e.romaji, "", " | ".join(e.forms), e.kind, e.status, e.note or "",
            "", " | ".join(e.sources), e.occurrences[0].context if e.occurrences else "", e.key,
        ])
    text.flush()
    text.detach()


def run(name: str, n: int, path: Path) -> tuple[float, int]:
    """(seconds, bytes written) of one writer over ``n`` entries."""
    start = time.perf_counter()
    with open(path, "wb") as fh:
        if name == "stdlib-csv":
            baseline_csv(synthetic_entries(n), fh)
        else:
            WRITERS[name](synthetic_entries(n), fh, ExportOptions())
    seconds = time.perf_counter() - start
    size = path.stat().st_size
    path.unlink()
    return seconds, size


def child(name: str, n: int, folder: str) -> None:
    """Run one writer in this (fresh) process; print seconds, bytes, and the
    growth of peak RSS (ru_maxrss) over the writer."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, size = run(name, n, Path(folder) / f"bench.{name}")
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "size": size, "rss_kb": after - before}))


def measure(name: str, n: int, folder: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", name, "-n", str(n), "--folder", folder],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100_000, help="entries (default 100000)")
    parser.add_argument("--formats", default=",".join(WRITERS), help="comma-separated formats")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.n, args.folder)
        return
    names = ["stdlib-csv", *[f for f in args.formats.split(",") if f]]
    small = max(args.n // 10, 1)
    with tempfile.TemporaryDirectory() as tmp:
        # Each writer runs in a fresh process, so peak RSS is its own; a
        # streaming writer grows RSS about as much at N/10 as at N entries.
        print(f"{args.n:,} entries; RSS growth over the write at {small:,} and at {args.n:,} entries")
        print(f"{'format':<11} {'seconds':>8} {'x stdlib':>9} {'MB out':>8} {'RSS MB @N/10':>13} {'RSS MB @N':>10}")
        base = None
        for name in names:
            full = measure(name, args.n, tmp)
            part = measure(name, small, tmp)
            base = base or full["seconds"]
            print(f"{name:<11} {full['seconds']:8.2f} {full['seconds'] / base:9.2f} {full['size'] / 1e6:8.1f} "
                  f"{part['rss_kb'] / 1024:13.1f} {full['rss_kb'] / 1024:10.1f}", flush=True)


if __name__ == "__main__":
    main()
