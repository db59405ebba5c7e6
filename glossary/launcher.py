"""Console entry point: ``glossary lookup`` on a fast path, everything else via click.

A translator runs ``glossary lookup`` in the middle of a sentence, so that
command must cost little more than starting Python. Importing click (and the
command modules behind it) costs more than the lookup itself, so this module
parses the few lookup options by hand and calls :mod:`glossary.index`
directly (printing through :mod:`glossary.lookup_output`, which the click
command shares, so imports run one way: launcher -> cli -> lookup_output,
launcher -> lookup_output). Anything it does not understand (``--help``, an unknown option, a
bad value) goes to :func:`glossary.cli.cli`, which gives the usual messages.
Exit codes as in the CLI: 0 found, 1 nothing found, 2 bad usage or bad input.

The language is chosen here as the CLI chooses it (``--lang``, then
``GLOSSARY_LANG``, then the locale; :mod:`glossary.i18n`, standard library
only), so the fast path speaks Korean too without importing click or Babel.
"""

from __future__ import annotations

import os
import sys

DEFAULT_INDEX = os.path.join("out", "glossary.sqlite")
_VALUED = ("--limit", "--field", "--index", "--lang")


def _parse_lookup(args: list[str]) -> dict[str, object] | None:
    """Options of ``lookup`` as keyword arguments, or None to let click handle it.

    >>> _parse_lookup(["이구환신", "--limit=3", "--json"])
    {'query': '이구환신', 'limit': 3, 'field': None, 'index': 'out/glossary.sqlite', 'as_json': True}
    >>> _parse_lookup(["--help"]) is None
    True
    """
    from glossary.index import FIELD_CHOICES

    opts: dict[str, object] = {"query": None, "limit": 10, "field": None, "index": DEFAULT_INDEX, "as_json": False}
    positional: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            positional.extend(args[i + 1 :])
            break
        if arg == "--json":
            opts["as_json"] = True
        elif arg.split("=", 1)[0] in _VALUED:
            name, eq, value = arg.partition("=")
            if not eq:
                if i + 1 >= len(args):
                    return None
                i += 1
                value = args[i]
            if name == "--limit":
                if not value.isdigit() or int(value) < 1:
                    return None
                opts["limit"] = int(value)
            elif name == "--field":
                if value not in FIELD_CHOICES:
                    return None
                opts["field"] = value
            elif name == "--index":
                opts["index"] = value
            # --lang: already applied by main()
        elif arg.startswith("-") and arg != "-":
            return None
        else:
            positional.append(arg)
        i += 1
    if len(positional) != 1:
        return None
    opts["query"] = positional[0]
    return opts


def _skip_lang(args: list[str]) -> list[str]:
    """``args`` without the group's leading ``--lang X`` / ``--lang=X``.

    >>> _skip_lang(["--lang", "ko", "lookup", "以旧换新"]), _skip_lang(["--lang=en", "lookup", "x"])
    (['lookup', '以旧换新'], ['lookup', 'x'])
    """
    while args and (args[0].startswith("--lang=") or (args[0] == "--lang" and len(args) > 1)):
        args = args[1:] if args[0].startswith("--lang=") else args[2:]
    return args


def run() -> None:
    """The console script (and ``python -m glossary``): :func:`main`, then an exit that skips the heap's teardown.

    Why: at exit the interpreter frees every object one by one (the memos,
    the dictionary pages, a build's entries), 0.1-0.5 s of CPU that buys
    nothing, since the system takes the memory back at once. Everything an
    exit owes is still done: the ``atexit`` functions run (the worker pools',
    ``tempfile``'s), and standard output and error are flushed; every output
    file is closed (or renamed into place) inside its command.
    """
    import atexit

    try:
        code: object = main()
    except SystemExit as exc:  # click ends its commands this way
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):  # as Python does with SystemExit("message")
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader gone (`| head`), or a stream already closed
            pass
    os._exit(code & 0xFF)  # the status the system keeps, as for sys.exit


def main(argv: list[str] | None = None) -> int:
    """Run the ``glossary`` command line; Ctrl-C at any moment exits 130 with one line."""
    try:
        return _main(argv)
    except KeyboardInterrupt:  # before a command's own handler is reached (imports, start-up)
        try:
            from glossary.i18n import _

            message = _("glossary: interrupted; nothing was changed")
        except KeyboardInterrupt:
            message = "glossary: interrupted; nothing was changed"
        print("\n" + message, file=sys.stderr)
        return 130


def _main(argv: list[str] | None) -> int:
    from glossary.i18n import choose_language, find_lang_option, set_language

    args = sys.argv[1:] if argv is None else argv
    set_language(choose_language(find_lang_option(args)))
    command = _skip_lang(args)  # `glossary --lang ko lookup ...`
    if command and command[0] == "lookup" and (opts := _parse_lookup(command[1:])) is not None:
        from glossary.lookup_output import run_lookup

        return run_lookup(**opts)  # type: ignore[arg-type]
    from glossary.cli import cli  # the entry point hands over; cli never imports this module

    return cli.main(args=args, prog_name="glossary")
