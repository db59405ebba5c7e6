#!/usr/bin/env python3
"""Benchmark extraction against a bare regex scan over the same text.

Usage: python scripts/bench_extract.py [--mb 100] [--keep DIR]

Builds a corpus of at least ``--mb`` megabytes of mixed English and Korean
text in a temporary folder: filler paragraphs (sentences of the annotated
passages with their bracketed CJK removed, plus parentheses without CJK)
in articles of 3-8 KB; a share of the articles (``--share``, default 0.3)
quote Chinese terms (paragraphs of the annotated passages mixed in: about one
term per 3 KB there, the seed documents have one per 1.8 KB), the others
quote none, as in a real mixed collection of reports and news: about one
term per 10 KB overall. ``--share 1`` makes every article a quoting one. Some Korean files are
written in CP949. Files are then read one at a time (memory stays flat):
for each, a bare ``re.finditer`` scan for bracketed CJK (the baseline) and
``extract_occurrences`` run over the same decoded text, in the same run.

Prints MB/s of both, the ratio (goal: extraction <= 3x the bare scan),
decoding time, occurrences found and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.extract import CLOSERS, OPENERS, extract_occurrences  # noqa: E402
from glossary.sources import read_source  # noqa: E402

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_O, _C = re.escape(OPENERS), re.escape(CLOSERS)
#: The baseline: every bracket holding a CJK ideograph, nothing else.
BARE = re.compile(rf"[{_O}][^{_O}{_C}\n]*?[{HAN}][^{_O}{_C}\n]*[{_C}]")

PASSAGES = ROOT / "tests" / "data" / "extract"
FILE_BYTES = 2_000_000
#: Share of paragraphs taken from the annotated passages in a quoting article:
#: about one bracketed term per 3 KB there.
PASSAGE_SHARE = 0.05


def _strip_cjk_brackets(text: str) -> str:
    return BARE.sub("", text)


def build_corpus(folder: Path, megabytes: int, share: float = 0.3, seed: int = 7) -> tuple[int, int]:
    """Write the corpus; return (files, bytes)."""
    rng = random.Random(seed)
    passages = {"en": [], "ko": []}
    for path in sorted(PASSAGES.iterdir()):
        if path.suffix == ".tsv":
            continue
        text = read_source(path).text
        passages[path.name[:2]].append([p for p in text.split("\n\n") if p.strip()])
    filler = {}
    for lang, docs in passages.items():
        sentences = []
        for doc in docs:
            for para in doc:
                sentences += [s for s in re.split(r"(?<=[.!?다])\s+", para)
                              if len(s) > 30 and not re.search(f"[{HAN}]", s)]
        filler[lang] = sentences
    extra = {
        "en": ["The Korea-China Free Trade Agreement (FTA) entered its second phase (2025-2026).",
               "Growth slowed to 4.8 percent (year on year) in the third quarter [Table 2]."],
        "ko": ["한중 자유무역협정(FTA) 2단계 협상이 시작됐다(2025년 기준).",
               "3분기 성장률은 4.8%(전년 동기 대비)로 둔화했다."],
    }
    total = files = 0
    target = megabytes * 1_000_000
    while total < target:
        lang = "en" if files % 2 == 0 else "ko"
        out = []
        size = 0
        while size < FILE_BYTES:
            # One article of 3-8 KB; a share of them quote Chinese terms, about
            # as densely as the seed documents (one term per ~1.8 KB).
            quoting = rng.random() < share
            article_size = rng.randint(3000, 8000)
            written = 0
            while written < article_size:
                if quoting and rng.random() < PASSAGE_SHARE:
                    para = rng.choice(rng.choice(passages[lang]))
                else:
                    para = " ".join(rng.choice(filler[lang] + extra[lang]) for _ in range(rng.randint(3, 8)))
                out.append(para)
                written += len(para.encode("utf-8")) + 2
            size += written
        data = "\n\n".join(out) + "\n"
        codec = "cp949" if lang == "ko" and files % 6 == 1 else "utf-8"
        raw = data.encode(codec, errors="replace")
        (folder / f"{files:04d}-{lang}.txt").write_bytes(raw)
        total += len(raw)
        files += 1
    return files, total


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=100, help="corpus size in MB [100]")
    parser.add_argument("--share", type=float, default=0.3,
                        help="share of articles that quote Chinese terms, as densely as the seeds [0.3]")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        files, size = build_corpus(folder, args.mb, args.share)
        print(f"corpus: {files} files, {size / 1e6:.1f} MB in {folder} (built in {time.perf_counter() - t0:.1f} s)")
        # Warm the lazy imports and caches outside the timing.
        warm = ("the Two Sessions (兩會) and 양회(兩會)가 I-yong Hu-seong (利用厚生), gongtong fuyu (共同富裕), "
                "시진핑(習近平) 주석, '중국의 꿈(中國夢)', 以旧换新 (trade-in), 雙循環·이중순환")
        list(extract_occurrences(warm, "warm"))
        rss_start = peak_rss_mb()
        t_read = t_bare = t_extract = 0.0
        hits = occurrences = chars = 0
        rss_after_first = None
        for path in sorted(folder.iterdir()):
            t = time.perf_counter()
            src = read_source(path)
            t_read += time.perf_counter() - t
            text = src.text
            chars += len(text)
            t = time.perf_counter()
            for _ in BARE.finditer(text):
                hits += 1
            t_bare += time.perf_counter() - t
            t = time.perf_counter()
            for _ in extract_occurrences(text, src.path, src.encoding):
                occurrences += 1
            t_extract += time.perf_counter() - t
            if rss_after_first is None:
                rss_after_first = peak_rss_mb()
        mb = size / 1e6
        print(f"text: {chars / 1e6:.1f} M characters; bare scan hits: {hits}; occurrences: {occurrences} "
              f"(one per {size / max(occurrences, 1) / 1000:.1f} KB)")
        print(f"read+decode   {t_read:7.2f} s  {mb / t_read:8.1f} MB/s")
        print(f"bare scan     {t_bare:7.2f} s  {mb / t_bare:8.1f} MB/s   (re.finditer over bracketed CJK)")
        print(f"extraction    {t_extract:7.2f} s  {mb / t_extract:8.1f} MB/s")
        print(f"ratio extraction / bare scan: {t_extract / t_bare:.2f}x   (goal <= 3x)")
        print(f"extra cost per occurrence: {(t_extract - t_bare) / max(occurrences, 1) * 1e6:.0f} us")
        print(f"peak RSS: {rss_start:.0f} MB before, {rss_after_first:.0f} MB after the first file, "
              f"{peak_rss_mb():.0f} MB at the end (flat = streaming)")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
