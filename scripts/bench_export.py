"""Benchmark the export writers on a large synthetic term base.

Writes N entries (default 100,000) in every format of glossary.export.WRITERS
and, as the baseline, the same table rows with the standard library's csv
module alone. Each write runs in a fresh process; the entries are made
before the clock starts, so only the writer is timed (CPU time). Baseline
and writer alternate over ``--rounds`` pairs (default 3), so load on the
machine hits both alike: the ratio is printed as min / median / max over
the pairs. A second pass with entries made on the fly measures how much each
writer grows the peak RSS at N/10 and at N entries: a streaming writer's
growth does not follow N.

    python scripts/bench_export.py            # 100,000 entries
    python scripts/bench_export.py -n 20000   # quicker
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
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


def run(name: str, entries, path: Path) -> tuple[float, int]:  # noqa: ANN001
    """(CPU seconds, bytes written) of one writer over ``entries``."""
    start = time.process_time()
    with open(path, "wb") as fh:
        if name == "stdlib-csv":
            baseline_csv(iter(entries), fh)
        else:
            WRITERS[name](iter(entries), fh, ExportOptions())
    seconds = time.process_time() - start
    size = path.stat().st_size
    path.unlink()
    return seconds, size


def child(name: str, n: int, folder: str, streamed: bool) -> None:
    """Run one writer in this (fresh) process; print CPU seconds, bytes, and the
    growth of peak RSS (ru_maxrss) over the writer."""
    import resource

    entries = synthetic_entries(n) if streamed else list(synthetic_entries(n))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, size = run(name, entries, Path(folder) / f"bench.{name}")
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "size": size, "rss_kb": after - before}))


def measure(name: str, n: int, folder: str, streamed: bool = False) -> dict:
    argv = [sys.executable, __file__, "--child", name, "-n", str(n), "--folder", folder]
    out = subprocess.run(argv + (["--streamed"] if streamed else []), check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=100_000, help="entries (default 100000)")
    parser.add_argument("--rounds", type=int, default=3, help="alternated pairs per writer (default 3)")
    parser.add_argument("--formats", default=",".join(WRITERS), help="comma-separated formats")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--streamed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.n, args.folder, args.streamed)
        return
    names = [f for f in args.formats.split(",") if f]
    small = max(args.n // 10, 1)
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{args.n:,} entries; CPU seconds of the writer alone, {args.rounds} pairs alternated with stdlib csv; "
              f"RSS growth over a streamed write at {small:,} and at {args.n:,} entries")
        print(f"{'format':<7} {'seconds min/med/max':>21} {'x stdlib min/med/max':>22} {'MB out':>7} "
              f"{'RSS MB @N/10':>13} {'RSS MB @N':>10}")
        for name in names:
            pairs = []
            for i in range(args.rounds):
                first, second = (name, "stdlib-csv") if i % 2 == 0 else ("stdlib-csv", name)
                a, b = measure(first, args.n, tmp), measure(second, args.n, tmp)
                mine, base = (a, b) if first == name else (b, a)
                pairs.append((mine, base))
            seconds = [m["seconds"] for m, _ in pairs]
            ratios = [m["seconds"] / b["seconds"] for m, b in pairs]
            full, part = measure(name, args.n, tmp, streamed=True), measure(name, small, tmp, streamed=True)

            def spread(values: list[float]) -> str:
                return "/".join(f"{v:.2f}" for v in (min(values), statistics.median(values), max(values)))

            print(f"{name:<7} {spread(seconds):>21} {spread(ratios):>22} {pairs[0][0]['size'] / 1e6:7.1f} "
                  f"{part['rss_kb'] / 1024:13.1f} {full['rss_kb'] / 1024:10.1f}", flush=True)


if __name__ == "__main__":
    main()
