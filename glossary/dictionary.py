"""CC-CEDICT glosses (placeholder until the dictionary branch lands)."""

from __future__ import annotations

from glossary.model import Rendering


def dictionary_renderings(term: str, *, is_name: bool = False) -> tuple[Rendering, ...]:
    """CC-CEDICT senses of the whole term."""
    return ()


def literal_rendering(term: str) -> Rendering | None:
    """A gloss composed from the term's dictionary words."""
    return None
