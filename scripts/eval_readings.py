"""Measure the hangul reading engine against hanja.translate on three sets.

(a) a seeded random sample of 3,000 dictionary words, LEFT OUT of the
    dictionary (and of the character statistics) the engine uses for the run;
(b) 1,500 compounds of two dictionary words that are not themselves in the
    dictionary: the gold reading is the two words' readings joined;
(c) tests/data/policy_terms.tsv: Chinese policy terms with their readings as
    Korean media print them.

Prints each set's accuracy next to hanja.translate(word, 'substitution') on the
same words, then the engine's remaining errors grouped by cause. Then (d):
the Japanese kana reading of tests/data/policy_terms_kana.tsv, pykakasi alone
against kana_reading (on'yomi for lone kanji, then the override table, which
was written from this list's misreadings, so its figure is not held out).
Then (e): Chinese names with no context, ``scripts/data/names_heldout.tsv``
(modern persons, provinces, cities, historical persons and places, with the
form Korean media print), written before the name rules were measured on it:
the strict reading (what ``glossary reading`` printed before names were
told apart) against ``korean_reading(...).ko``, by class. And (f), when
``../shared/dev/extract/parenthetical.jsonl`` is there: the names Korean
writers transcribed in the development set, given the kind the annotator
gave (tuned on: not held out). And (g), with ``--korean``: the development
set's own scorer (``score_korean.py``: kept, named) run apart on its tune and
held-back documents, split by the hash of the document slug that
``scripts/eval_extract.py`` uses, each part built on its own.
Needs libhangul-data (``/usr/share/libhangul/hanja/hanja.txt``) for (a), (b).

Run: ``python scripts/eval_readings.py [--seed 4] [--examples 6] [--only names] [--korean]``
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_hanja_dict as build  # noqa: E402

from glossary import readings  # noqa: E402
from glossary.readings import HanjaDictionary, dueum, jamo, undo_dueum  # noqa: E402

POLICY = ROOT / "tests" / "data" / "policy_terms.tsv"
POLICY_KANA = ROOT / "tests" / "data" / "policy_terms_kana.tsv"
NAMES = ROOT / "scripts" / "data" / "names_heldout.tsv"


def read_policy_terms(path: Path = POLICY) -> list[tuple[str, str]]:
    """(term, reading) rows of a policy-term list."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, hangul = line.split("\t")[:2]
            rows.append((term, hangul.replace(" ", "")))
    return rows


def engine_dictionary(words: dict[str, str], chars: dict[str, list[str]]) -> HanjaDictionary:
    """A dictionary like the shipped one, built from the given words only."""
    return HanjaDictionary(build.build_lines(words, chars), readings.load_dictionary().overrides)


def cause(term: str, got: str, gold: str, d: HanjaDictionary) -> str:
    """Why a reading is wrong, judged from the first syllable that differs."""
    if len(got) != len(gold):
        return "length (non-hanja or unknown character)"
    term = readings.korean_form(term, d)
    for i, (g, w) in enumerate(zip(got, gold)):
        if g == w:
            continue
        ch = term[i] if i < len(term) else ""
        entry = d.entry(ch)
        if entry is None:
            return "character not in libhangul"
        if {g, w} <= {"렬", "열", "률", "율"}:
            return "렬/률 rule"
        if g == dueum(w) or w == dueum(g) or g in undo_dueum(w) or w in undo_dueum(g):
            return "initial-sound law (word boundary)"
        if {g, w} == {"부", "불"}:
            return "不 부/불"
        if jamo(g)[:2] == jamo(w)[:2]:
            return "final consonant (사이시옷, spelling)"
        if w in entry.listed or any(b in entry.listed for b in undo_dueum(w)):
            return "polyphonic character: other reading"
        return "reading not listed for the character"
    return "other"


def evaluate(
    name: str,
    rows: list[tuple[str, str]],
    d: HanjaDictionary,
    examples: int,
    listed: dict[str, list[str]] | None = None,
) -> None:
    """Print accuracy of the engine and of hanja.translate, and grouped errors.

    With ``listed`` (every reading hanja.txt lists for a word), also the
    share of readings that are one of those.
    """
    import hanja

    ok = base_ok = any_ok = 0
    errors: dict[str, list[str]] = defaultdict(list)
    for term, gold in rows:
        got = readings.hangul_reading(term, d).replace(" ", "")
        baseline = hanja.translate(term, "substitution").replace(" ", "")
        base_ok += baseline == gold
        any_ok += got == gold or (listed is not None and got in listed.get(term, ()))
        if got == gold:
            ok += 1
        else:
            errors[cause(term, got, gold, d)].append(f"{term} {got}≠{gold}")
    n = len(rows)
    line = f"\n({name}) {n} terms: engine {100 * ok / n:.2f} %   hanja.translate {100 * base_ok / n:.2f} %"
    if listed is not None:
        line += f"   (engine gives one of the readings hanja.txt lists: {100 * any_ok / n:.2f} %)"
    print(line)
    for why, items in sorted(errors.items(), key=lambda kv: -len(kv[1])):
        print(f"    {len(items):4d}  {why}: {', '.join(items[:examples])}")


def main() -> None:
    """Build the three sets and evaluate them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--compounds", type=int, default=1500)
    parser.add_argument("--only", choices=("names",), help="run only the names set (e)")
    parser.add_argument("--korean", action="store_true", help="also (g): score_korean.py on tune and held-back parts")
    args = parser.parse_args()
    if args.only == "names":
        evaluate_names(args.examples)
        evaluate_dev_names(args.examples)
        if args.korean:
            evaluate_dev_korean()
        return

    raw, chars = build.parse_hanja_txt(build.SOURCE)
    words = build.choose_readings(raw, chars)
    rng = random.Random(args.seed)
    keys = sorted(words)

    # (a) dictionary words, left out of the dictionary the engine uses.
    sample = rng.sample(keys, args.words)
    held_out = {w: words[w] for w in sample}
    reduced = {w: r for w, r in words.items() if w not in held_out}
    evaluate(
        "a: dictionary words, left out", list(held_out.items()), engine_dictionary(reduced, chars), args.examples, raw
    )

    # (b) compounds of two dictionary words, not in the dictionary.
    full = engine_dictionary(words, chars)
    compounds: dict[str, str] = {}
    while len(compounds) < args.compounds:
        w1, w2 = rng.choice(keys), rng.choice(keys)
        if w1 + w2 not in words and w1 + w2 not in compounds:
            compounds[w1 + w2] = words[w1] + words[w2]
    evaluate("b: compounds of two dictionary words", list(compounds.items()), full, args.examples)

    # (c) policy terms, as Korean media print them.
    evaluate("c: Chinese policy terms", read_policy_terms(), readings.load_dictionary(), args.examples)

    # (d) Japanese kana of the Japanese forms.
    evaluate_kana(read_policy_terms(POLICY_KANA), args.examples)

    # (e) names with no context; (f) the development set's transcribed names.
    evaluate_names(args.examples)
    evaluate_dev_names(args.examples)
    if args.korean:
        evaluate_dev_korean()


DEV = ROOT.parent / "shared" / "dev" / "extract" / "parenthetical.jsonl"


def evaluate_dev_names(examples: int, path: Path = DEV) -> None:
    """Print how often ``ko`` is the transcription a Korean writer printed for a name (development set)."""
    import json
    import re

    if not path.exists():
        return
    n = before = after = 0
    errors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g["lang"] != "ko" or g["gloss_kind"] != "name" or not g["gloss"]:
            continue
        want = re.sub(r"\s", "", g["gloss"])
        got = readings.korean_reading(g["term_trad"], kind=g["kind"]).ko.replace(" ", "")
        n += 1
        before += readings.hangul_reading(g["term_trad"]) == want
        after += got == want
        if got != want:
            errors.append(f"{g['term']} {got}≠{want}")
    print(f"\n(f: development set, names Korean writers transcribed) {n}: {100 * before / n:.2f} % -> {100 * after / n:.2f} %")
    if errors:
        print(f"    {len(errors):4d}  wrong: {', '.join(errors[:examples])}")


def evaluate_dev_korean(path: Path = DEV) -> None:
    """Print the development set's Korean scorer on its tune and held-back documents, each built apart."""
    import json
    import shutil
    import subprocess
    import tempfile

    from eval_extract import held_back

    scorer = path.parent / "score_korean.py"
    if not scorer.exists():
        return
    glossary = shutil.which("glossary", path=str(Path(sys.executable).parent)) or "glossary"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    print("\n(g: development set, Korean renderings through a build, by part)")
    for part in ("tune", "held-back"):
        chosen = [r for r in records if held_back(r["doc"]) == (part == "held-back")]
        with tempfile.TemporaryDirectory() as tmp:
            with open(Path(tmp) / "parenthetical.jsonl", "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen)
            done = subprocess.run([sys.executable, str(scorer), glossary, tmp], capture_output=True, text=True)
        lines = done.stdout.strip().splitlines()
        docs = len({r["doc"] for r in chosen if r["lang"] == "ko"})
        print(f"    {part:10s} {docs:3d} Korean documents   {lines[0] if lines else done.stderr.strip()[-200:]}")


def evaluate_names(examples: int, path: Path = NAMES) -> None:
    """Print, per class of name, how often the strict reading and ``ko`` are the form Korean media print."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            term, forms, what = line.split("\t")
            rows.append((term, set(forms.split("|")), what))
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    errors = []
    for term, forms, what in rows:
        before = readings.hangul_reading(term) in forms
        got = readings.korean_reading(term).ko
        for group in (what, what.split(":")[0] + ":all", "all"):
            by[group][0] += 1
            by[group][1] += before
            by[group][2] += got in forms
        if got not in forms:
            errors.append(f"{term} {got}≠{'|'.join(sorted(forms))}")
    print(f"\n(e: names, no context) {len(rows)} names: strict reading -> korean_reading().ko")
    for group, (n, before, after) in sorted(by.items()):
        print(f"    {group:20s} {n:4d}   {100 * before / n:6.2f} % -> {100 * after / n:6.2f} %")
    if errors:
        print(f"    {len(errors):4d}  wrong: {', '.join(errors[: examples * 4])}")


def evaluate_kana(rows: list[tuple[str, str]], examples: int) -> None:
    """Print kana accuracy of pykakasi alone, without overrides, and of kana_reading."""
    from unittest import mock

    from glossary.normalize import to_japanese

    plain = lone = full = 0
    errors = []
    for term, gold in rows:
        ja = to_japanese(term)
        plain += "".join(p["hira"] for p in readings._kakasi().convert(ja)) == gold
        with mock.patch.object(readings.kana, "_overrides", lambda name: {}):
            lone += readings.kana_reading(ja)[0] == gold
        got = readings.kana_reading(ja)[0]
        full += got == gold
        if got != gold:
            errors.append(f"{ja} {got}≠{gold}")
    n = len(rows)
    print(
        f"\n(d: Japanese kana) {n} terms: pykakasi {100 * plain / n:.2f} %   "
        f"+ on'yomi for lone kanji {100 * lone / n:.2f} %   + override table {100 * full / n:.2f} % (not held out)"
    )
    if errors:
        print(f"    {len(errors):4d}  misread: {', '.join(errors[:examples])}")


if __name__ == "__main__":
    main()
