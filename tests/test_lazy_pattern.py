"""glossary.lazy_pattern: a pattern compiled on first use answers as re.compile's does."""

from __future__ import annotations

import copy
import re
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from glossary.lazy_pattern import LazyPattern

PATTERNS = [r"\d{3,4}", r"[\u4e00-\u9fff]+", r"(?P<word>[A-Za-z]+)\s*\((?P<han>[^)]*)\)", r"^the (?=[A-Z])", r"\s+"]
TEXT = st.text(st.sampled_from("ab Z1234 the The (兩會)中國\n"), max_size=30)


@given(st.sampled_from(PATTERNS), st.sampled_from([0, re.IGNORECASE]), TEXT)
def test_answers_as_the_compiled_pattern(pattern, flags, text):
    lazy, compiled = LazyPattern(pattern, flags), re.compile(pattern, flags)
    found = lazy.search(text)
    assert (found and found.span()) == ((m := compiled.search(text)) and m.span())
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("-", text) == compiled.sub("-", text)
    assert lazy.split(text) == compiled.split(text)
    assert [m.group() for m in lazy.finditer(text)] == [m.group() for m in compiled.finditer(text)]
    assert bool(lazy.match(text)) == bool(compiled.match(text))
    assert (lazy.pattern, lazy.flags, lazy.groups) == (compiled.pattern, compiled.flags, compiled.groups)


def test_compiled_once_on_first_use():
    lazy = LazyPattern(r"[\u4e00-\u9fff]")
    assert "search" not in vars(lazy)
    copy.copy(lazy)  # probing dunders is not a use
    assert "search" not in vars(lazy)
    assert lazy.sub("", "兩會 Two Sessions") == " Two Sessions"
    search = vars(lazy)["search"]
    assert lazy.search is search and search.__self__ is lazy.match.__self__  # one compiled pattern, kept


def test_the_sense_cleaner_compiles_nothing_until_it_cleans():
    # Builds read the stored senses: importing the cleaner must not cost its 36 patterns.
    code = (
        "from glossary import senses\n"
        "lazy = [v for v in vars(senses).values() if type(v).__name__ == 'LazyPattern']\n"
        "assert len(lazy) > 20 and not any('search' in vars(p) for p in lazy)\n"
        "senses.clean_sense('(PRC) State Council')\n"
        "assert any('search' in vars(p) for p in lazy)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
