"""Progress of a long read on standard error: files, megabytes, rate, time left.

A tqdm bar, shown only when standard error is a terminal (nothing in pipes,
logs or CI) and not silenced with ``--quiet``. It counts bytes, so one large
PDF among small texts moves the bar by its size, and it is cleared when the
read ends, so the summary printed afterwards is the same with or without it.
It implements :class:`glossary.sources.Progress`.
"""

from __future__ import annotations

import sys
from typing import IO, Any


class ProgressBar:
    """The bar; a no-op when disabled.

    >>> bar = ProgressBar(enabled=False); bar.start(2, 100); bar.advance("a.txt", 50); bar.close()
    """

    def __init__(self, *, enabled: bool | None = None, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.bar: Any = None
        self.files = self.done = 0

    def start(self, files: int, total_bytes: int) -> None:
        """Begin: how many files and bytes the read will go through."""
        if not self.enabled or files == 0:
            return
        from tqdm import tqdm

        from glossary.i18n import _

        self.files = files
        self.bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1024, file=self.stream,
                        leave=False, dynamic_ncols=True, desc=self._files(), mininterval=0.2,
                        # TRANSLATORS: the progress bar after "reading 3/40 files": megabytes, rate, time left.
                        bar_format="{desc} {bar} {n_fmt}/{total_fmt} [{rate_fmt}, {remaining} " + _("left") + "]")

    def advance(self, path: str, size: int) -> None:
        """One more file done (read and extracted)."""
        if self.bar is None:
            return
        self.done += 1
        self.bar.set_description_str(self._files(), refresh=False)
        self.bar.update(size)

    def _files(self) -> str:
        from glossary.i18n import ngettext

        return ngettext("reading {done}/{files} file", "reading {done}/{files} files", self.files).format(
            done=self.done, files=self.files)

    def close(self) -> None:
        """Clear the bar, so what is printed next stands alone."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
