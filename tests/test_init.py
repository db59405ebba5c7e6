"""The package's public surface: every name resolves, and importing it is cheap."""

from __future__ import annotations

import subprocess
import sys

import pytest

import glossary


@pytest.mark.parametrize("name", glossary.__all__)
def test_public_name_resolves_to_a_function(name: str) -> None:
    assert callable(getattr(glossary, name))


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        glossary.no_such_function  # noqa: B018


def test_importing_the_package_imports_no_stage() -> None:
    code = "import sys, glossary; print(sorted(m for m in sys.modules if m.startswith(('glossary.', 'opencc', 'click'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
