"""A Babel extractor: gettext calls, plus the docstrings of click commands.

A command's docstring is its ``--help``; click reads it when the group is
built, before the language is known, so :mod:`glossary.cli` translates it
when it is shown, looking up ``inspect.cleandoc(docstring)``. This extractor
yields exactly that text, so the help is in the catalog like any other
message. Named in ``babel.cfg``; used by ``scripts/update_catalogs.py``.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

_DECORATORS = {"command", "group"}


def extract_python_and_help(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's Python messages of ``fileobj``, then its command docstrings.

    >>> source = b"@cli.command()\\ndef build():\\n    '''Build it.\\n\\n    Example: x\\n    '''\\n_('Done.')\\n"
    >>> [m[2] for m in extract_python_and_help(io.BytesIO(source), ["_"], [], {})]
    ['Done.', 'Build it.\\n\\nExample: x']
    """
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(map(_is_command, node.decorator_list)):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield node.body[0].lineno, None, doc, ["Help of a command (docstring): keep the Example: block."]


def _is_command(decorator: ast.expr) -> bool:
    """``@cli.command()``, ``@click.group(...)`` and the like."""
    func = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(func, ast.Attribute) and func.attr in _DECORATORS
