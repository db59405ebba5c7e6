"""Rebuild the message catalogs: extract, update, compile, with Babel's own tooling.

Usage, from the project folder, after adding or changing a message::

    python scripts/update_catalogs.py          # then translate the new entries of
                                               # glossary/locale/ko/LC_MESSAGES/*.po
    python scripts/update_catalogs.py          # again, to compile them

Two domains, each a ``.pot`` template in ``glossary/locale/`` and a ``.po``
and compiled ``.mo`` per language in ``glossary/locale/<lang>/LC_MESSAGES/``:

* ``glossary``: our messages (``_``, ``ngettext``, ``N_`` calls and the
  docstrings of click commands; see ``babel.cfg`` and
  ``scripts/babel_extractors.py``);
* ``click``: click's own messages (Usage:, Error: ..., Missing argument),
  extracted from the installed click, so a new click version is one run away.

The steps are the ``pybabel`` commands below, run in-process::

    pybabel extract -F babel.cfg -k N_ -c TRANSLATORS: --sort-output --add-location=file \\
        -o glossary/locale/glossary.pot glossary            (scripts/ on PYTHONPATH)
    pybabel extract --sort-output --no-location -o glossary/locale/click.pot <site-packages>/click
    pybabel update -D <domain> -i glossary/locale/<domain>.pot -d glossary/locale --ignore-obsolete
    pybabel compile -D <domain> -d glossary/locale --statistics

A file whose only change would be its creation date is left as it was, so
re-running the script on unchanged sources changes nothing in git.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "glossary" / "locale"
LANGUAGES = ("ko",)
_DATE = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def pybabel(*args: str, quiet: bool = True) -> None:
    """Run one ``pybabel`` command in this process."""
    from babel.messages.frontend import CommandLineInterface

    print("pybabel", " ".join(args))
    CommandLineInterface().run(["pybabel", *(["-q"] if quiet else []), *args])


def keep_if_only_dates_changed(path: Path, old: str | None) -> None:
    """Put back the old file when the new one differs only in its date headers."""
    if old is not None and _DATE.sub("", old) == _DATE.sub("", path.read_text(encoding="utf-8")):
        path.write_text(old, encoding="utf-8")


def extract() -> None:
    """Write glossary.pot (our sources) and click.pot (the installed click)."""
    import click

    from glossary import __version__

    sys.path.insert(0, str(ROOT / "scripts"))  # babel.cfg names babel_extractors
    targets = {
        "glossary": [
            "-F", "babel.cfg", "-k", "N_", "-c", "TRANSLATORS:", "--add-location=file",
            "--project=glossary", f"--version={__version__}", "glossary",
        ],
        "click": [
            "--no-location", "--project=click", f"--version={_click_version()}", str(Path(click.__file__).parent),
        ],
    }
    for domain, args in targets.items():
        pot = LOCALE / f"{domain}.pot"
        old = pot.read_text(encoding="utf-8") if pot.exists() else None
        pybabel("extract", "--sort-output", "-o", str(pot.relative_to(ROOT)), *args)
        keep_if_only_dates_changed(pot, old)


def update() -> None:
    """Merge each template into each language's .po (a new language gets a new .po)."""
    for domain in ("glossary", "click"):
        pot = str((LOCALE / f"{domain}.pot").relative_to(ROOT))
        for lang in LANGUAGES:
            po = LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"
            if not po.exists():
                pybabel("init", "-D", domain, "-i", pot, "-d", str(LOCALE.relative_to(ROOT)), "-l", lang)
                continue
            old = po.read_text(encoding="utf-8")
            pybabel("update", "-D", domain, "-i", pot, "-d", str(LOCALE.relative_to(ROOT)), "-l", lang, "--ignore-obsolete")
            keep_if_only_dates_changed(po, old)


def compile_catalogs() -> None:
    """Compile every .po to the .mo the package loads (fuzzy entries are left out)."""
    for domain in ("glossary", "click"):
        pybabel("compile", "-D", domain, "-d", str(LOCALE.relative_to(ROOT)), "--statistics", quiet=False)


def _click_version() -> str:
    from importlib.metadata import version

    return version("click")


def main() -> None:
    """Extract, update, compile."""
    os.chdir(ROOT)
    os.environ.setdefault("TMPDIR", tempfile.gettempdir())
    extract()
    update()
    compile_catalogs()


if __name__ == "__main__":
    main()
