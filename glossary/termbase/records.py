"""The records the term base is read into and updated from.

In: nothing (plain data classes and field lists). Out: :class:`Termbase`
(what :func:`~glossary.termbase.read_termbase` returns), :class:`TermUpdate`
(what the tool found for one term), :class:`AddReport` (what an update did),
the field lists every other module of the package checks against, and the
two helpers that say how a field reads back (:func:`_field_value`,
:func:`_read_back`), which the updater and the writer's check must agree on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary.model import Rendering, Term


#: Fields a person writes. A value here overrides what the tool computes.
CURATED_FIELDS = ("en", "en_alt", "ko", "ko_alt", "simp", "ja", "pinyin", "abbrev", "note", "status")
#: Fields the tool keeps up to date from the texts; they are rewritten by ``extract --add``.
TOOL_FIELDS = ("seen", "count", "sources")


@dataclass(frozen=True, slots=True)
class Termbase:
    """The curated terms, and where they came from."""

    path: Path | None
    terms: tuple[Term, ...] = ()
    sha256: str | None = None

    def by_key(self) -> dict[str, Term]:
        """Terms by merge key (the simplified form)."""
        from glossary.normalize import merge_key

        return {merge_key(t.simp or t.key): t for t in self.terms}


@dataclass
class AddReport:
    """What an update of ``terms.yaml`` did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    diff: str = ""


@dataclass(frozen=True, slots=True)
class TermUpdate:
    """What the tool found for one term: fields it may write into ``terms.yaml``.

    ``seen``, ``count`` and ``sources`` are tool-maintained and refreshed on
    existing entries; the curated fields (``en``, ``en_alt``, ``ko``,
    ``abbrev``, ``note``) are only written into a new entry, or into an
    existing entry that lacks them when ``fill_missing`` is set (``import``).
    """

    key: str  # traditional form
    seen: tuple[Rendering, ...] = ()
    count: int = 0
    sources: tuple[str, ...] = ()
    en: str | None = None
    en_alt: tuple[str, ...] = ()
    ko: str | None = None
    ko_alt: tuple[str, ...] = ()
    abbrev: str | None = None
    note: str | None = None


#: Term fields compared before and after an update (everything but where the block sits).
_COMPARED_FIELDS = tuple(f for f in Term.__dataclass_fields__ if f != "line")
_CURATED_UPDATE_FIELDS = ("en", "en_alt", "ko", "ko_alt", "abbrev", "note")


def _field_value(term: Term, name: str) -> Any:
    value = getattr(term, name)
    if name == "seen":
        return tuple((r.text, r.count) for r in value)
    return value


def _read_back(value: Any) -> Any:
    """How a curated value given to the writer reads back (strings are stripped)."""
    if isinstance(value, tuple):
        return tuple(x.strip() for x in value if x and x.strip())
    if isinstance(value, str):
        return value.strip() or None
    return value
