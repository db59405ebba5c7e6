"""How much the bilingual interface costs ``glossary lookup``: wall time and import time.

Usage: ``python scripts/bench_lookup_startup.py [--index out/glossary.sqlite] [--runs 21] [--before CHECKOUT]``
(run ``glossary build`` first). Prints the median wall time of

* ``python -c pass`` (the baseline: starting Python),
* ``glossary lookup 以旧换新`` in English and in Korean (``LANG``, ``--lang``),
* with ``--before``, the same English lookup from another checkout (e.g. one
  without the bilingual interface), put first on ``PYTHONPATH``,

each with its extra cost over the baseline, then the ``-X importtime`` of
the modules the lookup fast path imports for the language (``glossary.i18n``,
``gettext``) and whether click or Babel got imported (they must not).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time


def median_ms(cases: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, tuple[float, float]]:
    """(median, minimum) wall time of each command in ms; the cases run in turn, so drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (cmd, env) in cases.items():
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: (statistics.median(t), min(t)) for name, t in times.items()}


def import_times(args: list[str], env: dict[str, str]) -> dict[str, int]:
    """Cumulative import time (µs) of each module imported by ``glossary <args>``."""
    code = "import sys; from glossary.launcher import main; main(sys.argv[1:])"
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    out = {}
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|\s+(\S.*)$", line)
        if match:
            out[match.group(2).strip()] = int(match.group(1))
    return out


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", default=os.path.join("out", "glossary.sqlite"))
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--query", default="以旧换新")
    parser.add_argument("--before", metavar="CHECKOUT", help="a checkout to compare with (its glossary/ package)")
    opts = parser.parse_args()
    # compiled bytecode is written on the first run, as an installed package has it
    skip = {"GLOSSARY_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "PYTHONDONTWRITEBYTECODE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    lookup = [sys.executable, "-m", "glossary", "lookup", opts.query, "--index", opts.index]
    cases = {
        "python -c pass (baseline)": ([sys.executable, "-c", "pass"], env),
        "lookup, English": (lookup, {**env, "GLOSSARY_LANG": "en"}),
        "lookup, LANG=ko_KR.UTF-8": (lookup, {**env, "LANG": "ko_KR.UTF-8"}),
        "--lang ko lookup": ([*lookup[:3], "--lang", "ko", *lookup[3:]], env),
    }
    if opts.before:
        cases["before: lookup, English"] = (lookup, {**env, "GLOSSARY_LANG": "en", "PYTHONPATH": opts.before})
    for cmd, case_env in cases.values():  # warm-up: bytecode, disk cache
        subprocess.run(cmd, env=case_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    medians = median_ms(cases, opts.runs)
    base, base_min = medians["python -c pass (baseline)"]
    english, english_min = medians["lookup, English"]
    print(f"{'':28} {'median':>9}  {'min':>8}   {'over python':>11}   {'over English (median/min)':>25}")
    for name, (ms, low) in medians.items():
        print(
            f"{name:28} {ms:6.1f} ms  {low:5.1f} ms   {ms - base:+8.1f} ms   "
            f"{ms - english:+8.1f} / {low - english_min:+5.1f} ms"
        )
    for lang in ("en", "ko"):
        times = import_times(["lookup", opts.query, "--index", opts.index], {**env, "GLOSSARY_LANG": lang})
        shown = {m: times[m] for m in ("glossary.i18n", "gettext", "glossary.index", "glossary.launcher") if m in times}
        heavy = sorted(m for m in times if m.split(".")[0] in {"click", "babel"})
        print(f"importtime {lang}: " + ", ".join(f"{m} {us / 1000:.1f} ms" for m, us in shown.items()), f"| click/babel: {heavy or 'none'}")


if __name__ == "__main__":
    main()
