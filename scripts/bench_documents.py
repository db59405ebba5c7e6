#!/usr/bin/env python3
"""Bench: reading a 100-page PDF with glossary's reader against poppler's pdftotext.

Makes (once, cached in /tmp) 25- and 100-page two-column PDFs with LibreOffice
from the report fixture's text, then times, best of 3:

- ``pdftotext`` (poppler-utils), the reference;
- ``glossary.sources.pdf.read_pdf`` (pypdfium2 plus the layout rebuilt in Python);
- pdfminer.six's ``extract_text``, when installed, for the record of why it
  was not chosen.

and the peak Python memory of ``read_pdf`` (tracemalloc) on 25 and 100
pages beside what its result keeps (the text and its locator, which grow
with the text by nature); pages are laid out and closed one at a time.
Goal: read_pdf <= 3 x pdftotext.

Usage: python scripts/bench_documents.py [--pages N]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import make_document_fixtures as make  # noqa: E402

from glossary.sources.pdf import read_pdf  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "glossary-bench-documents"


def pdf_of(pages: int) -> Path:
    """A two-column PDF of about ``pages`` pages (the report's paragraphs repeated)."""
    target = CACHE / f"report-{pages}p.pdf"
    if target.exists():
        return target
    CACHE.mkdir(exist_ok=True)
    paras = make.paragraphs(ROOT / "tests" / "data" / "documents" / "report.en.txt")
    ko = make.paragraphs(ROOT / "tests" / "data" / "documents" / "brief.ko.txt")
    body = [paras[0]] + (paras[1:] + ko[1:]) * (pages * 8 // 5 + 1)
    flat = CACHE / f"report-{pages}p.fodt"
    flat.write_text(make.fodt(body, lang="en", columns=2, size="10pt", header="Bench report"), encoding="utf-8")
    make.soffice(flat, "pdf", target)
    return target


def best(fn, runs: int = 3) -> float:  # noqa: ANN001
    """Best wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def page_count(path: Path) -> int:
    """Pages of a PDF, by pdfinfo."""
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def peak_memory(path: Path) -> tuple[int, int]:
    """Peak traced bytes of read_pdf, and the bytes its result (text and locator) keeps."""
    tracemalloc.start()
    source = read_pdf(path)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del source
    return peak, kept


def main(argv: list[str]) -> int:
    """Print the timings and memory figures."""
    pages = int(argv[argv.index("--pages") + 1]) if "--pages" in argv else 100
    big = pdf_of(pages)
    small = pdf_of(pages // 4)
    n = page_count(big)
    ref = best(lambda: subprocess.run(["pdftotext", str(big), "-"], capture_output=True, check=True))
    ours = best(lambda: read_pdf(big))
    print(f"{n} pages  pdftotext {ref:.2f} s  read_pdf {ours:.2f} s  ({ours / ref:.1f}x pdftotext; goal <= 3x)")
    try:
        from pdfminer.high_level import extract_text

        miner = best(lambda: extract_text(str(big)), runs=1)
        print(f"{n} pages  pdfminer.six {miner:.2f} s  ({miner / ref:.1f}x pdftotext)")
    except ImportError:
        print("pdfminer.six not installed: skipped")
    for path in (small, big):
        peak, kept = peak_memory(path)
        print(f"{page_count(path):>3} pages  peak {peak / 2**20:.1f} MiB, result (text + locator) "
              f"{kept / 2**20:.1f} MiB, working memory {(peak - kept) / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
