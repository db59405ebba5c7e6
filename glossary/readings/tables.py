"""Readings stage, the small tables of ``glossary/data/``: override and usage lists.

Input: a file name under ``glossary/data/``. Output: its text, or its
tab-separated ``key<TAB>value`` lines as a dict (``#`` lines are comments),
read once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


def _data_text(name: str) -> str:
    return (Path(__file__).parent.parent / "data" / name).read_text(encoding="utf-8")


@cache
def _overrides(name: str) -> dict[str, str]:
    table = {}
    for line in _data_text(name).split("\n"):
        if line and not line.startswith("#"):
            key, value = line.split("\t")[:2]
            table[key] = value
    return table


@cache
def _longest_override(name: str) -> int:
    """Length of the longest phrase of an override table."""
    return max(map(len, _overrides(name)), default=0)
