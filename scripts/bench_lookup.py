"""Benchmark `glossary lookup` on a 100,000-entry index against `python -c pass`.

Builds the index from real hanja words (libhangul's hanja.txt as bundled in
``glossary/data/hanja.tsv``: hangul reading and hanja of each word) with OpenCC simplified
and Japanese forms, pypinyin readings, a plain Revised Romanization and
synthetic English renderings, then times, as whole processes, the console
script `glossary lookup` for each kind of query, interleaved with
`python -c pass` on the same interpreter. Prints the median wall times, the
ratios, the index build time and size.

Usage: python scripts/bench_lookup.py [--entries 100000] [--runs 15] [--keep DIR]
Issue 7 asks for exact <= 2.5x and fuzzy <= 5x the baseline.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HANJA_TSV = Path(__file__).resolve().parent.parent / "glossary" / "data" / "hanja.tsv"

# Revised Romanization of each jamo, without the sound changes across
# syllables (enough for synthetic keys: the index folds them like any form).
_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = [""] + "k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()


def romanize(hangul: str) -> str:
    """Plain Revised Romanization, syllable by syllable."""
    out = []
    for ch in hangul:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            initial = _INITIALS[code // 588]
            out.append(("" if initial == "-" else initial) + _VOWELS[code % 588 // 28] + _FINALS[code % 28])
        else:
            out.append(ch)
    return "".join(out)


def is_hanja(text: str) -> bool:
    """True when every character is a CJK ideograph."""
    return all(0x3400 <= ord(c) <= 0x9FFF or 0xF900 <= ord(c) <= 0xFAFF for c in text)


def read_words(limit: int) -> list[tuple[str, str]]:
    """(hanja, hangul) of multi-character words, one per hanja form, from the bundled hanja table.

    ``glossary/data/hanja.tsv`` is libhangul's hanja.txt compiled per
    character (its ``word reading`` pairs from the sixth column on).
    """
    seen: dict[str, str] = {}
    for line in HANJA_TSV.read_text(encoding="utf-8").split("\n"):
        if not line or line[0] == "#":
            continue
        for pair in line.split("\t")[5:]:
            hanja, _, hangul = pair.partition(" ")
            if len(hanja) >= 2 and len(hanja) == len(hangul) and is_hanja(hanja) and hanja not in seen:
                seen[hanja] = hangul
    words = sorted(seen.items())
    random.Random(7).shuffle(words)
    return words[:limit]


def synthetic_vocabulary(rng: random.Random, size: int) -> list[str]:
    """English-looking words: the renderings only need a realistic vocabulary size."""
    onsets = "b c d f g h j k l m n p r s t v w st tr pr pl gr cl br".split()
    nuclei = "a e i o u ai ea ee ou io".split()
    codas = ["", "n", "r", "s", "t", "l", "nd", "ng", "st", "ce", "ment", "tion", "ty"]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(onsets) + rng.choice(nuclei) for _ in range(rng.randint(1, 3))) + rng.choice(codas))
    return sorted(words)


def make_entries(count: int):  # noqa: ANN201
    """Entries with every form the index keys on, from the hanja words."""
    from glossary.model import Entry, Occurrence, Rendering
    from glossary.normalize import to_japanese, to_simplified
    from glossary.readings import pinyin_reading

    rng = random.Random(1)
    vocabulary = synthetic_vocabulary(rng, 20000)
    entries = []
    for n, (hanja, hangul) in enumerate(read_words(count)):
        english = tuple(
            Rendering(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 4))), source, count=rng.randint(0, 5))
            for source in ("curated", "context", "dictionary")[: rng.randint(1, 3)]
        )
        simp = to_simplified(hanja)
        abbrev = ("".join(w[0] for w in english[0].text.split()).upper(),) if n % 20 == 0 else ()
        entries.append(
            Entry(
                key=simp, trad=hanja, simp=simp, ja=to_japanese(hanja), ko=hangul, ko_romanized=romanize(hangul),
                pinyin=pinyin_reading(simp), en=english, abbrev=abbrev,
                occurrences=(Occurrence(hanja, f"corpus/doc{n % 500}.txt", n % 97 + 1),),
            )
        )
    return entries


def typo(text: str, at: int) -> str:
    """Drop one letter: the commonest typo."""
    return text[:at] + text[at + 1 :]


def queries(entries) -> tuple[list[tuple[str, str]], tuple[str, str]]:  # noqa: ANN001
    """One query per kind, each aimed at one entry (prefix and substring queries are no form themselves).

    The computed query comes apart: it imports the reading libraries, and is
    timed on its own so it does not disturb the others.
    """
    import unicodedata

    from glossary.index import fold_key as fold

    known = {form for e in entries for form in (e.trad, e.simp, e.ja, e.ko)}
    target = next(e for e in entries[len(entries) // 2 :] if len(e.trad) == 4 and e.trad != e.simp and len(e.en[0].text) > 12)
    long_one = next(
        e for e in entries
        if len(e.trad) >= 6 and not {e.trad[:3], e.ko[:3], e.trad[2:4], e.ko[2:4], e.ko[:-2] + e.ko[-1]} & known
    )
    acronym = next(e for e in entries if e.abbrev)
    # Many words are also one-word renderings: aim the word query at one that is not.
    renderings = {fold(r.text) for e in entries for r in e.en}
    english = next(
        text for e in entries[len(entries) // 2 :] if len((text := e.en[0].text).split()) >= 2
        and any(fold(w) not in renderings for w in text.split()[1:])
    )
    word = max((w for w in english.split()[1:] if fold(w) not in renderings), key=len)  # inside, not a prefix
    toneless = "".join(c for c in unicodedata.normalize("NFD", target.pinyin) if c.isascii())
    second = toneless.index(" ") + 2  # a letter inside the second syllable
    unknown = next(w for w in ("經濟危機", "鐵道網絡", "電腦遊戲", "體育場館", "水稻研究") if w not in known)
    return [
        ("exact trad", target.trad),
        ("exact simp", target.simp),
        ("exact ja", target.ja),
        ("exact hangul", target.ko),
        ("exact hangul spaced", target.ko[:2] + " " + target.ko[2:]),
        ("exact romanisation", target.ko_romanized),
        ("exact pinyin", target.pinyin),
        ("exact pinyin toneless", toneless),
        ("exact English", english),
        ("exact abbrev", acronym.abbrev[0]),
        ("prefix hanja", long_one.trad[:3]),
        ("prefix hangul", long_one.ko[:3]),
        ("substring hanja", long_one.trad[2:4]),
        ("substring hangul", long_one.ko[2:4]),
        ("word inside an English rendering", word),
        ("fuzzy English", typo(english, english.index(word) + 2)),
        ("fuzzy romanisation", typo(target.ko_romanized, 3)),
        ("fuzzy pinyin", typo(toneless, second)),
        ("fuzzy hangul", long_one.ko[:-2] + long_one.ko[-1]),
    ], ("computed (unknown hanja)", unknown)


def wall(command: list[str]) -> float:
    """Wall time of one whole process, in seconds."""
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    """Build, time, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", metavar="DIR", help="keep the index in DIR")
    args = parser.parse_args()

    import compileall

    import glossary
    from glossary.index import build_index, lookup

    # An installed package has its bytecode compiled (pip does it); an editable
    # checkout under PYTHONDONTWRITEBYTECODE would recompile on every run.
    compileall.compile_dir(Path(glossary.__file__).parent, quiet=1)
    script = Path(sys.executable).with_name("glossary")
    if not script.exists():
        sys.exit(f"no console script at {script}: pip install -e . first")
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-lookup-"))
    index = folder / "glossary.sqlite"

    start = time.perf_counter()
    entries = make_entries(args.entries)
    prepared = time.perf_counter() - start
    start = time.perf_counter()
    build_index(entries, index, inputs={})
    built = time.perf_counter() - start
    print(f"entries: {len(entries):,} (prepared in {prepared:.1f} s)")
    print(f"index build: {built:.1f} s, size {index.stat().st_size / 1e6:.1f} MB")

    if args.runs < 1:
        return
    cases, computed = queries(entries)
    baseline: list[float] = []
    times: dict[str, list[float]] = {name: [] for name, _ in cases}
    for _ in range(args.runs):  # interleaved, so load on the machine hits both alike
        for name, query in cases:
            baseline.append(wall([sys.executable, "-c", "pass"]))
            times[name].append(wall([str(script), "lookup", query, "--index", str(index)]))
    times[computed[0]] = [wall([str(script), "lookup", computed[1], "--index", str(index)]) for _ in range(3)]
    cases.append(computed)
    base = statistics.median(baseline)
    print(f"python -c pass: median {base * 1000:.1f} ms over {len(baseline)} runs")
    print(f"{'query kind':34} {'query':32} {'found':18} {'median':>9} {'ratio':>6}  target")
    worst = {"exact": 0.0, "fuzzy": 0.0}
    for name, query in cases:
        median = statistics.median(times[name])
        ratio = median / base
        kind = name.split()[0]
        hits = lookup(query, index, limit=1)
        found = f"{hits[0].match} {hits[0].field}" if hits else "nothing"
        target = {"exact": "<= 2.5", "fuzzy": "<= 5"}.get(kind, "")
        if kind in worst:
            worst[kind] = max(worst[kind], ratio)
        print(f"{name:34} {query[:32]:32} {found:18} {median * 1000:7.1f}ms {ratio:6.2f}  {target}")
    print(f"worst exact ratio {worst['exact']:.2f} (target 2.5), worst fuzzy ratio {worst['fuzzy']:.2f} (target 5)")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    main()
