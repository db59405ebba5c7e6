"""Read, validate and update ``terms.yaml``, the curated term base.

Input: the path of ``terms.yaml``. Output: a :class:`Termbase` of
:class:`~glossary.model.Term` records, or a :class:`~glossary.model.TermbaseError`
naming file, line and what is wrong.

Updating (``extract --add``, ``import``) never rewrites the user's text: the
file is parsed to find where each block and each tool-maintained field sits
(a multi-line quoted or block scalar is one unit), and only those lines are
replaced or new blocks inserted. Every other line -- comments, curated
fields, order, spacing, CRLF line endings, a byte-order mark -- stays byte
for byte. :func:`write_termbase` is the one way the file is written: it parses
the new text back, validates it as ``build`` would, checks that every user
line and every curated field survived, and only then replaces the file
atomically, under a lock, so two runs cannot interleave.

Hand-written because no YAML library round-trips a file byte for byte (ruamel's
round-trip mode re-indents and re-quotes), and a loader would build objects for
tags and expand aliases; the parser here reads libyaml's event stream.

The modules, in the order a read and an update run through them:

- :mod:`~glossary.termbase.records`  the records and field lists (Termbase, TermUpdate, AddReport)
- :mod:`~glossary.termbase.parse`    libyaml events -> plain data and nodes with their lines
- :mod:`~glossary.termbase.validate` plain data -> Term records, with messages naming the line
- :mod:`~glossary.termbase.read`     the file -> Termbase (size limit, UTF-8, one block per term)
- :mod:`~glossary.termbase.layout`   where blocks and fields sit; a plan of line edits
- :mod:`~glossary.termbase.render`   YAML lines for new fields and blocks
- :mod:`~glossary.termbase.write`    the checked, atomic, locked write
- :mod:`~glossary.termbase.update`   ``extract --add`` and ``import``

Everything other modules use is imported from here, ``glossary.termbase``.
"""

from __future__ import annotations

from glossary.termbase.layout import split_lines
from glossary.termbase.parse import _parse  # noqa: F401  (tests parse with it)
from glossary.termbase.read import read_termbase
from glossary.termbase.records import CURATED_FIELDS, TOOL_FIELDS, AddReport, Termbase, TermUpdate
from glossary.termbase.render import _scalar  # noqa: F401  (tests quote with it)
from glossary.termbase.update import add_entries, update_termbase
from glossary.termbase.validate import is_cjk_key
from glossary.termbase.write import write_termbase

__all__ = [
    "CURATED_FIELDS",
    "TOOL_FIELDS",
    "AddReport",
    "TermUpdate",
    "Termbase",
    "add_entries",
    "is_cjk_key",
    "read_termbase",
    "split_lines",
    "update_termbase",
    "write_termbase",
]
