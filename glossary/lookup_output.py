"""Print the answer to one lookup: hits -> text or JSON on stdout, the exit code.

Shared by the fast path (:mod:`glossary.launcher`) and the click command
(:mod:`glossary.cli`), so both print the same; it sits below both so that
imports run one way. Standard library and :mod:`glossary.index` only, for
the fast path's start-up.
"""

from __future__ import annotations

import os
import sys


def run_lookup(query: str, *, limit: int, field: str | None, index: str, as_json: bool) -> int:
    """Print the hits of one lookup; return the exit code.

    Called by the launcher's fast path and by the click command alike.
    """
    from glossary import index as lookup_index
    from glossary.i18n import _

    try:
        hits = lookup_index.lookup(query, index, limit=limit, field=field)
    except Exception as exc:  # only GlossaryError is expected; test its class without importing the model early
        from glossary.model import GlossaryError

        if not isinstance(exc, GlossaryError):
            raise
        print(_("glossary: error: {message}").format(message=exc), file=sys.stderr)
        return 2
    if as_json:
        import json

        text = json.dumps([hit.to_json() for hit in hits], ensure_ascii=False, indent=2) + "\n"
    else:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = lookup_index.format_hits(hits, color=color) if hits else _("no entry matches {query!r}").format(query=query) + "\n"
    out = sys.stdout if hits or as_json else sys.stderr
    try:
        out.write(text)
        out.flush()
    except BrokenPipeError:  # `glossary lookup ... | head`
        sys.stderr.close()
    # Forms computed for a term the glossary lacks are an answer, not a find.
    return 0 if any(hit.match != "computed" for hit in hits) else 1
