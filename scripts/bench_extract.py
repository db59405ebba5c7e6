#!/usr/bin/env python3
"""Benchmark extraction against a bare regex scan, as whole processes.

Usage: python scripts/bench_extract.py [--mb 30] [--dense] [--vary] [--rounds 3] [--jobs N] [--keep DIR]

Builds a corpus of ``--mb`` megabytes (default 30) of mixed English and
Korean text in a temporary folder: filler paragraphs (sentences of the
annotated passages in tests/data/extract with their bracketed CJK removed,
plus parentheses without CJK) in articles of 3-8 KB, with paragraphs of the
annotated passages mixed in: about one bracketed term per 2 KB by default;
``--dense`` makes every paragraph one of the passages (every paragraph
quotes terms). Some Korean files are written in CP949.

The passages are few (35), so their paragraphs recur word for word, and so
do their terms: far more than in a real corpus, which favours every memo
keyed on a term or a context. ``--vary`` makes each quoted paragraph anew:
sentences drawn from any passage of its language, and in half of the
brackets the term spliced with another (the first half of one, the second
half of another: 共同+發展 -> 共同發展), so contexts and terms repeat about as
often as in real text (ten times more distinct terms on the dense corpus).

Then times, alternately, ``--rounds`` pairs of whole processes (start-up,
imports and dictionary loading counted), in CPU time of the process and its
workers (``os.wait4``):

- subject: ``glossary extract CORPUS --format jsonl`` (``--jobs``: its
  worker processes, default the machine's cores; CPU time is summed over them);
- baseline: a bare Python process that reads and decodes every file (UTF-8,
  else CP949) and runs ``re.finditer`` for bracketed CJK over it.

Prints each pair, then the ratio min / median / max (goal: <= 3x, dense
<= 5x) and the subject's peak RSS (of its largest process; goal <= 150 MB).
``--inprocess`` runs the older in-process comparison (dictionaries warm,
start-up not counted) for profiling extraction itself.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from glossary.extract import CLOSERS, OPENERS, extract_occurrences  # noqa: E402
from glossary.sources import read_source  # noqa: E402

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_O, _C = re.escape(OPENERS), re.escape(CLOSERS)
#: The baseline: every bracket holding a CJK ideograph, nothing else.
BARE = re.compile(rf"[{_O}][^{_O}{_C}\n]*?[{HAN}][^{_O}{_C}\n]*[{_C}]")

PASSAGES = ROOT / "tests" / "data" / "extract"
FILE_BYTES = 2_000_000
#: Share of paragraphs taken from the annotated passages:
#: about one bracketed term per 2 KB.
PASSAGE_SHARE = 0.08


def _strip_cjk_brackets(text: str) -> str:
    return BARE.sub("", text)


#: A bracket holding CJK, and the CJK run inside it (what --vary splices).
BRACKETED_RUN = re.compile(rf"(?<=[{_O}])([{HAN}]{{2,}})(?=[^{_O}{_C}\n]*[{_C}])")
SENTENCE_END = re.compile(r"(?<=[.!?다。])\s+")


def varied_paragraph(rng: random.Random, sentences: list[str], terms: list[str]) -> str:
    """A new paragraph: 2-6 sentences from anywhere, half their bracketed terms spliced with another term."""

    def splice(m: re.Match) -> str:
        if rng.random() < 0.5:
            return m.group()
        other = rng.choice(terms)
        term = m.group()
        return term[:max(1, len(term) // 2)] + other[len(other) // 2:]

    return " ".join(BRACKETED_RUN.sub(splice, rng.choice(sentences)) for _ in range(rng.randint(2, 6)))


def build_corpus(folder: Path, megabytes: int, passage_share: float = 0.1, seed: int = 7,
                 vary: bool = False) -> tuple[int, int]:
    """Write the corpus; return (files, bytes)."""
    rng = random.Random(seed)
    passages = {"en": [], "ko": []}
    for path in sorted(PASSAGES.iterdir()):
        if path.suffix == ".tsv":
            continue
        text = read_source(path).text
        passages[path.name[:2]].append([p for p in text.split("\n\n") if p.strip()])
    quoting = {lang: [s for doc in docs for para in doc for s in SENTENCE_END.split(para) if re.search(f"[{HAN}]", s)]
               for lang, docs in passages.items()}
    terms = {lang: [m.group() for s in sents for m in BRACKETED_RUN.finditer(s)] for lang, sents in quoting.items()}
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
            # One article of 3-8 KB, a share of its paragraphs from the passages.
            article_size = rng.randint(3000, 8000)
            written = 0
            while written < article_size:
                if rng.random() < passage_share:
                    if vary:
                        para = varied_paragraph(rng, quoting[lang], terms[lang])
                    else:
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


BASELINE = r"""
import re, sys
from pathlib import Path
O, C = re.escape(sys.argv[2]), re.escape(sys.argv[3])
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
bare = re.compile(rf"[{O}][^{O}{C}\n]*?[{HAN}][^{O}{C}\n]*[{C}]")
hits = 0
for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp949", errors="replace")
    for _ in bare.finditer(text):
        hits += 1
print(hits)
"""


def whole_processes(folder: Path, rounds: int, jobs: int | None, dense: bool) -> None:
    from benchlib import alternate, report, run_process

    glossary = [sys.executable, "-m", "glossary", "extract", str(folder), "--format", "jsonl"]
    if jobs:
        glossary += ["--jobs", str(jobs)]
    baseline = [sys.executable, "-c", BASELINE, str(folder), OPENERS, CLOSERS]
    out = folder.parent / (folder.name + ".jsonl")
    run_process(glossary, stdout=str(out))  # once to count, and to warm the page cache
    terms: set[str] = set()
    contexts: set[str] = set()
    occurrences = 0
    with open(out, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            occurrences += 1
            terms.add(record["term"])
            contexts.add(record["context"])
    out.unlink()
    size = sum(p.stat().st_size for p in folder.iterdir())
    print(f"occurrences: {occurrences:,} (one per {size / max(occurrences, 1) / 1000:.1f} KB), "
          f"{len(terms):,} distinct terms, {len(contexts):,} distinct sentences")
    pairs = alternate(glossary, baseline, rounds)
    report("extract" + (" (dense)" if dense else ""), pairs, goal_ratio=5.0 if dense else 3.0, goal_mb=150)


def in_process(folder: Path, size: int) -> None:
    """Extraction and the bare scan in this process, per file, dictionaries warmed first."""
    import resource
    import time

    warm = ("the Two Sessions (兩會) and 양회(兩會)가 I-yong Hu-seong (利用厚生), gongtong fuyu (共同富裕), "
            "시진핑(習近平) 주석, '중국의 꿈(中國夢)', 以旧换新 (trade-in), 雙循環·이중순환, a new childcare subsidy (育儿补贴)")
    list(extract_occurrences(warm, "warm"))
    t_bare = t_extract = 0.0
    for path in sorted(folder.iterdir()):
        text = read_source(path).text
        t = time.process_time()
        for _ in BARE.finditer(text):
            pass
        t_bare += time.process_time() - t
        t = time.process_time()
        for _ in extract_occurrences(text, str(path)):
            pass
        t_extract += time.process_time() - t
    print(f"in process: bare scan {t_bare:.2f} s, extraction {t_extract:.2f} s: {t_extract / t_bare:.2f}x "
          f"({size / 1e6 / t_extract:.1f} MB/s); peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=30, help="corpus size in MB [30]")
    parser.add_argument("--dense", action="store_true", help="every paragraph quotes terms")
    parser.add_argument("--vary", action="store_true",
                        help="quoted paragraphs recombined from sentences, half their terms spliced (see above)")
    parser.add_argument("--rounds", type=int, default=3, help="alternated pairs of runs [3]")
    parser.add_argument("--jobs", type=int, help="glossary extract --jobs [the machine's cores]")
    parser.add_argument("--inprocess", action="store_true", help="time extraction in this process instead")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="glossary-bench-"))
    folder = args.keep or base / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files, size = build_corpus(folder, args.mb, passage_share=1.0 if args.dense else PASSAGE_SHARE, vary=args.vary)
        print(f"corpus: {files} files, {size / 1e6:.1f} MB" + (" (dense)" if args.dense else "")
              + (" (varied)" if args.vary else ""))
        if args.inprocess:
            in_process(folder, size)
        else:
            whole_processes(folder, args.rounds, args.jobs, args.dense)
    finally:
        shutil.rmtree(base, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
