"""Print what the CC-CEDICT gloss sources give for the seed terms.

For each term: its segmentation, its dictionary senses and its literal gloss.
Then coverage (terms with any English from CC-CEDICT) against the baseline of
a plain whole-term lookup, measured in the same run, and the load time.

Usage: python scripts/eval_cedict.py [TERM ...]
"""

from __future__ import annotations

import sys
import time

from glossary import dictionary

SEEDS = (
    "兩會 以舊換新 兩重建設 深度求索 減稅降費 民生保障 正風反腐 社會治理 強化宏觀政策民生導向 "
    "百年大變局 一帶一路 人類命運共同體 逆 利用厚生 先富促共富 共同富裕 "
    "關於進一步全面深化改革、推進中國式現代化的決定"
).split()


def main() -> None:
    """Print the table, coverage against the baseline, and timings."""
    terms = sys.argv[1:] or SEEDS
    start = time.perf_counter()
    dictionary.lookup_entries("一")  # load the data
    loaded = time.perf_counter()
    baseline = covered = 0
    for term in terms:
        senses = dictionary.dictionary_senses(term)
        literal = dictionary.literal_gloss(term)
        baseline += bool(dictionary.lookup_entries(term))
        covered += bool(senses or literal)
        print(f"{term}  [{' | '.join(dictionary.segment_words(term))}]")
        for sense in senses:
            print(f"    dictionary: {sense}")
        print(f"    literal:    {literal}")
    done = time.perf_counter()
    print(
        f"\ncovered {covered}/{len(terms)} terms; baseline whole-term lookup {baseline}/{len(terms)}"
        f" (ratio {covered / max(baseline, 1):.1f}x)"
    )
    print(f"load {loaded - start:.3f}s, glosses {done - loaded:.3f}s (first call loads pypinyin)")


if __name__ == "__main__":
    main()
