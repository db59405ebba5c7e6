#!/usr/bin/env python3
"""Measure the document readers: the same occurrences from each format as from the plain text.

For every ``NAME.txt`` in the fixture folder (default tests/data/documents,
written by ``scripts/make_document_fixtures.py``), each converted file
``NAME.*`` (PDF, two-column PDF, DOCX, ODT, HWPX, EPUB) is read and
extracted, and its occurrences compared with those of the plain text as a
multiset of (term, rendering, rendering kind, occurrence kind). Prints one
line per file and, per format, the share of the plain text's occurrences
found; ``-v`` lists the differences.

Usage: python scripts/eval_documents.py [DIR] [-v]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glossary.extract import extract_corpus  # noqa: E402
from glossary.sources import read_source  # noqa: E402


def occurrences(path: Path) -> Counter:
    """The occurrences of one file as a multiset of (term, gloss, gloss_kind, kind)."""
    return Counter((o.term, o.gloss, o.gloss_kind, o.kind) for o in extract_corpus([read_source(path)]))


def fmt_of(path: Path) -> str:
    """'pdf', '2col.pdf', 'docx'...: what follows the text's name."""
    return path.name.split(".", 2)[-1]


def main(argv: list[str]) -> int:
    """Print per-file and per-format agreement with the plain text."""
    verbose = "-v" in argv
    args = [a for a in argv[1:] if a != "-v"]
    folder = Path(args[0]) if args else ROOT / "tests" / "data" / "documents"
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for text in sorted(folder.glob("*.txt")):
        want = occurrences(text)
        stem = text.name[: -len(".txt")]
        for doc in sorted(folder.glob(stem + ".*")):
            if doc == text:
                continue
            got = occurrences(doc)
            same = sum((want & got).values())
            print(f"{doc.name:<24} {same:>3}/{sum(want.values()):<3} extra {sum((got - want).values())}")
            if verbose:
                for item in sorted((want - got).elements()):
                    print(f"    missing {item}", file=sys.stderr)
                for item in sorted((got - want).elements()):
                    print(f"    extra   {item}", file=sys.stderr)
            totals[fmt_of(doc)][0] += same
            totals[fmt_of(doc)][1] += sum(want.values())
    print("documents: " + ", ".join(f"{fmt} {100 * s / t:.1f}%" for fmt, (s, t) in sorted(totals.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
