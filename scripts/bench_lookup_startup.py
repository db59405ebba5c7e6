"""How much the bilingual interface costs ``glossary lookup``: wall time and import time.

Usage: ``python scripts/bench_lookup_startup.py [--index out/glossary.sqlite] [--runs 21]``
(run ``glossary build`` first). Prints the median wall time of

* ``python -c pass`` (the baseline: starting Python),
* ``glossary lookup 以旧换新`` in English and in Korean (``GLOSSARY_LANG``, ``--lang``),

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


def median_ms(cmd: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of ``cmd`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


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
    opts = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in {"GLOSSARY_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}}
    lookup = [sys.executable, "-m", "glossary", "lookup", opts.query, "--index", opts.index]
    cases = {
        "python -c pass (baseline)": ([sys.executable, "-c", "pass"], env),
        "lookup, English": (lookup, {**env, "GLOSSARY_LANG": "en"}),
        "lookup, LANG=ko_KR.UTF-8": (lookup, {**env, "LANG": "ko_KR.UTF-8"}),
        "--lang ko lookup": ([*lookup[:3], "--lang", "ko", *lookup[3:]], env),
    }
    base = None
    for name, (cmd, case_env) in cases.items():
        ms = median_ms(cmd, case_env, opts.runs)
        base = ms if base is None else base
        print(f"{name:28} {ms:7.1f} ms   +{ms - base:6.1f} ms over python   x{ms / base:.2f}")
    for lang in ("en", "ko"):
        times = import_times(["lookup", opts.query, "--index", opts.index], {**env, "GLOSSARY_LANG": lang})
        shown = {m: times[m] for m in ("glossary.i18n", "gettext", "glossary.index", "glossary.launcher") if m in times}
        heavy = sorted(m for m in times if m.split(".")[0] in {"click", "babel"})
        print(f"importtime {lang}: " + ", ".join(f"{m} {us / 1000:.1f} ms" for m, us in shown.items()), f"| click/babel: {heavy or 'none'}")


if __name__ == "__main__":
    main()
