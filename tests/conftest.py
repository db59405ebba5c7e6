"""Shared fixtures, the ``--update-golden`` option, and English messages for every test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="Rewrite tests/golden/* from the current code instead of comparing (review the diff).",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def mini_entries():
    """Five entries in our JSON shape: 兩會, 一帶一路 (BRI), 利用厚生 (literal
    gloss, romanisation), 以舊換新 (curated) and one of hostile strings."""
    from glossary.export import read_export

    return read_export(DATA / "mini_entries.json")


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test sees English messages whatever the machine's locale (LANG=ko_KR.UTF-8 included).

    tests/test_i18n.py asks for Korean explicitly; the language is reset after each test.
    """
    from glossary.i18n import set_language

    monkeypatch.setenv("GLOSSARY_LANG", "en")
    yield
    set_language("en")
