"""Measure how fit to paste the dictionary renderings are, over the whole CC-CEDICT.

For every headword of the shipped CC-CEDICT, take the English renderings the
``dictionary`` source offers (:func:`glossary.dictionary.dictionary_renderings`)
and count those that still carry what a translator would have to delete by
hand before pasting: parentheses, brackets, ``abbr.``, ``lit.``, ``CL:``,
life dates, region markers, hanzi, ``sth``/``sb``, definition-length text.
The same counts over the raw senses (every sense as CC-CEDICT prints it) are
the baseline.

Then ``--sample N`` random policy-ish headwords (senses that mention the
Party, the state, policy ...), raw beside offered, to check by eye.

Usage: python scripts/eval_senses.py [--sample 50] [--seed 11] [TERM ...]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter

from glossary import dictionary

CHECKS: dict[str, re.Pattern[str]] = {
    "parentheses": re.compile(r"[()]"),
    "square brackets": re.compile(r"[\[\]]"),
    "abbr.": re.compile(r"\babbr\b"),
    "lit.": re.compile(r"\blit\."),
    "fig./coll./idiom": re.compile(r"\b(?:fig\.|coll\.|idiom\b)"),
    "CL:": re.compile(r"\bCL:"),
    "life dates": re.compile(r"\b\d{3,4} ?[–-] ?(?:\d{2,4})?\b|\(\d{3,4}[–-]?\)|\bc\. \d"),
    "region (PRC/Tw/USA/HK)": re.compile(r"\((?:PRC|Tw|USA?|UK|HK|Taiwan|Hong Kong)\)"),
    "hanzi": re.compile(r"[\u3400-\u9fff\uf900-\ufaff]"),
    "pipe |": re.compile(r"\|"),
    "sth/sb": re.compile(r"\b(?:sth|sb)\b"),
    "see/variant of": re.compile(r"^(?:see|variant of|old variant of)\b"),
    "more than 8 words": re.compile(r"^(?:\S+\s+){8,}\S+"),
}

# Senses that make a headword "policy-ish" for the spot check.
POLICY = re.compile(
    r"\b(?:Party|CCP|CPC|PRC|state|government|policy|political|politics|socialis\w*|reform|Central Committee|"
    r"congress|council|ministry|department|economic|economy|national|military|diplomac\w*|poverty|corruption)\b"
)


def _headwords() -> list[str]:
    """Every traditional headword, in file order, read from the shipped data file (not from the loader's internals)."""
    import gzip

    with gzip.open(dictionary.DATA_PATH, "rt", encoding="utf-8") as f:
        return list(dict.fromkeys(line.split("\t", 1)[0] for line in f if not line.startswith("#") and "\t" in line))


def _raw_senses(term: str) -> list[str]:
    return [s for e in dictionary.lookup_entries(term) for s in e.senses]


def _count(texts: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        for name, pattern in CHECKS.items():
            if pattern.search(text):
                counts[name] += 1
    return counts


def main() -> None:
    """Print the counts before (raw) and after (offered), then the spot check."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=50, help="policy-ish headwords to print (default 50)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("terms", nargs="*", help="print these headwords instead of a sample")
    args = parser.parse_args()

    start = time.perf_counter()
    heads = _headwords()
    raw: list[str] = []
    offered: list[str] = []
    covered = 0
    usa_beside_other = 0
    for term in heads:
        senses = _raw_senses(term)
        raw += senses
        renderings = dictionary.dictionary_renderings(term)
        offered += [r.text for r in renderings]
        covered += bool(renderings)
        if any("(USA)" in (r.raw or r.text) for r in renderings) and len(renderings) > 1:
            usa_beside_other += 1
    elapsed = time.perf_counter() - start
    before, after = _count(raw), _count(offered)
    print(f"{len(heads):,} headwords; {len(raw):,} raw senses; {len(offered):,} offered renderings; "
          f"{covered:,} headwords with a rendering ({elapsed:.1f}s)")
    print(f"{'still carrying':26} {'raw senses':>12} {'offered':>12}")
    for name in CHECKS:
        b, a = before[name], after[name]
        print(f"{name:26} {b:>7,} {b / max(len(raw), 1):5.1%} {a:>7,} {a / max(len(offered), 1):5.1%}")
    print(f"{'(USA) sense offered beside another':34} {usa_beside_other:>,}")

    terms = args.terms
    if not terms:
        policy = [t for t in heads if len(t) > 1 and any(POLICY.search(s) for s in _raw_senses(t))]
        terms = random.Random(args.seed).sample(policy, min(args.sample, len(policy)))
        print(f"\n{len(terms)} random policy-ish headwords of {len(policy):,} (seed {args.seed}):")
    for term in terms:
        print(f"\n{term}")
        for sense in _raw_senses(term):
            print(f"    raw:     {sense}")
        for r in dictionary.dictionary_renderings(term):
            note = f"   [note: {r.note}]" if r.note else ""
            print(f"    offered: {r.text}{note}")


if __name__ == "__main__":
    main()
