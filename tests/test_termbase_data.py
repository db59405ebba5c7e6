"""Invariants over the project's own terms.yaml: a typo in a curated block fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.normalize import merge_key, to_traditional
from glossary.readings import hangul_reading
from glossary.termbase import read_termbase

TERMS = read_termbase(Path(__file__).resolve().parent.parent / "terms.yaml").terms


def test_keys_are_unique_after_merging_scripts() -> None:
    keys = [merge_key(t.key) for t in TERMS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("term", TERMS, ids=[t.key for t in TERMS])
def test_key_is_traditional_and_readable(term) -> None:  # noqa: ANN001
    assert to_traditional(term.key) == term.key, "key each block by its traditional form"
    reading = term.ko or hangul_reading(term.key)
    assert reading and all("가" <= ch <= "힣" or ch == " " for ch in reading)


@pytest.mark.parametrize("term", [t for t in TERMS if t.status == "approved"], ids=lambda t: t.key)
def test_approved_terms_have_english(term) -> None:  # noqa: ANN001
    assert term.en, "an approved term needs a preferred English rendering"
