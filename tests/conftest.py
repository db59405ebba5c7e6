"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test sees English messages whatever the machine's locale (LANG=ko_KR.UTF-8 included).

    tests/test_i18n.py asks for Korean explicitly; the language is reset after each test.
    """
    from glossary.i18n import set_language

    monkeypatch.setenv("GLOSSARY_LANG", "en")
    yield
    set_language("en")
