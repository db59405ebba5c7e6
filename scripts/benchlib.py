"""What the benches share: time whole processes, alternate them, report ratios.

Each measured thing is a whole process (start-up, imports and data loading
counted), timed in CPU seconds (user + system, of the process and every
worker it waited for: using two cores does not count as speed), with its
peak RSS, all from ``os.wait4``. Subject and baseline run alternately, so a
machine shared with other work slows both alike; the ratio of each pair is
what counts, and the min / median / max over the pairs is printed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

#: The environment of every measured process: as an installed package runs.
#: ``pip install`` compiles a package's modules to bytecode; a development
#: checkout under ``PYTHONDONTWRITEBYTECODE`` (set on this project's
#: machines) would compile about 55 modules from source in every process,
#: 0.25-0.3 s that no installed copy spends, while the baseline's standard
#: library comes compiled. So bytecode is written, to a folder of the bench's
#: own (``PYTHONPYCACHEPREFIX``, never into the checkout), and
#: :func:`alternate` runs the subject once untimed first.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="glossary-bench-pyc-")


@dataclass(frozen=True)
class Run:
    """One whole process: CPU seconds (its own and its children's), wall seconds, peak RSS in MB."""

    cpu: float
    wall: float
    rss_mb: float


def run_process(argv: list[str], *, stdout: str = os.devnull, cwd: str | None = None, env: dict | None = None) -> Run:
    """Run ``argv`` to the end and measure it; a non-zero exit (other than 1, nothing found) is an error."""
    with open(stdout, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, cwd=cwd, env=ENV if env is None else env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err[-2000:]}")
    # ru_maxrss: the largest of the process and its waited-for children (KB on Linux).
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def alternate(subject: list[str], baseline: list[str], rounds: int, **kwargs: object) -> list[tuple[Run, Run]]:
    """``rounds`` pairs (subject, baseline), run one after the other, the order swapped each round."""
    run_process(subject, **kwargs)  # untimed: compiles the bytecode an installed package has (ENV)
    pairs = []
    for i in range(rounds):
        if i % 2 == 0:
            s = run_process(subject, **kwargs)
            b = run_process(baseline, **kwargs)
        else:
            b = run_process(baseline, **kwargs)
            s = run_process(subject, **kwargs)
        pairs.append((s, b))
        print(f"  round {i + 1}: subject {s.cpu:6.2f} s CPU {s.rss_mb:5.0f} MB | baseline {b.cpu:6.2f} s CPU "
              f"{b.rss_mb:5.0f} MB | ratio {s.cpu / b.cpu:5.2f}x", file=sys.stderr, flush=True)
    return pairs


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    """min / median / max."""
    return " / ".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


def report(name: str, pairs: list[tuple[Run, Run]], goal_ratio: float | None = None,
           goal_mb: float | None = None) -> None:
    """Print the ratios of the pairs (min / median / max) and the subject's CPU time and peak RSS."""
    ratios = [s.cpu / b.cpu for s, b in pairs]
    median = statistics.median(ratios)
    peak = max(s.rss_mb for s, _ in pairs)
    verdict = []
    if goal_ratio is not None:
        verdict.append(f"goal <= {goal_ratio:g}x: {'met' if median <= goal_ratio else 'NOT met'}")
    if goal_mb is not None:
        verdict.append(f"goal <= {goal_mb:g} MB: {'met' if peak <= goal_mb else 'NOT met'}")
    print(f"{name}: ratio (CPU, min / median / max of {len(pairs)} pairs) {spread(ratios)}x; "
          f"subject {spread([s.cpu for s, _ in pairs])} s CPU, baseline {spread([b.cpu for _, b in pairs])} s CPU; "
          f"subject peak RSS {peak:.0f} MB" + (f"  [{'; '.join(verdict)}]" if verdict else ""), flush=True)
