"""One pass over a stream for several readers: each reader sees every item, memory holds one batch.

Input: an iterable (the build's entries, made one at a time by the merge)
and the readers (one writer per output file, the index): functions that each
iterate an iterable once. Output: every reader has run over every item, in
order; the first error a reader or the stream raised is raised here.

How: each reader runs in a thread of its own, but only one thread ever runs
at a time. The stream is cut into batches; for each batch, every reader in
turn takes all of it and hands the turn back when it asks for the next
batch. So a reader's view is a plain iterator, the readers run in a fixed
order (what they write never depends on scheduling), and nothing they call
needs to be thread-safe. The batch is let go before the next is made.

Hand-written: :func:`itertools.tee` keeps every item one reader has seen
and another not yet, which for readers that run one after the other is the
whole stream; the standard library has threads and locks, not this
lockstep.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

#: Items per batch: each reader hands its turn back once per batch.
BATCH = 256


class _Abandoned(BaseException):
    """Raised inside a reader whose pass is abandoned (another reader or the stream failed).

    A BaseException, so that a reader's own ``except Exception`` does not stop it.
    """


class _Reader:
    """One reader's thread and its turn; ``batch`` is what the stream gives it, None at the end."""

    def __init__(self, run: Callable[[Iterable[Any]], Any]) -> None:
        self.run = run
        self.turn = threading.Semaphore(0)  # released by the stream: the reader may take the batch
        self.done = threading.Semaphore(0)  # released by the reader: it wants the next batch, or has finished
        self.batch: list[Any] | None = []
        self.abandoned = False
        self.finished = False
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._main, daemon=True)

    def items(self) -> Iterator[Any]:
        """The reader's view: each batch it is given, the turn handed back between two."""
        while self.batch is not None:
            yield from self.batch
            self.done.release()
            self.turn.acquire()
            if self.abandoned:
                raise _Abandoned

    def _main(self) -> None:
        self.turn.acquire()  # the first turn: the first batch is ready
        try:
            if not self.abandoned:
                self.run(self.items())
        except _Abandoned:
            pass
        except BaseException as exc:  # noqa: BLE001: handed to the thread that waits
            self.error = exc
        finally:
            self.finished = True
            self.done.release()

    def take(self, batch: list[Any] | None) -> None:
        """Give the reader ``batch`` (None: the end) and wait until it wants more or has finished."""
        if self.finished:
            return
        self.batch = batch
        self.turn.release()
        self.done.acquire()

    def abandon(self) -> None:
        """Make the reader stop where it waits (its ``finally`` blocks run) and wait until it has."""
        self.abandoned = True
        self.take(None)


def fan_out(items: Iterable[T], readers: list[Callable[[Iterable[T]], Any]], *, batch: int | None = None,
            between: Callable[[], None] | None = None) -> None:
    """Run every reader over one pass of ``items``, ``batch`` items at a time (default :data:`BATCH`);
    ``between`` runs before each new batch.

    >>> seen = {"sum": 0, "list": []}
    >>> fan_out(range(1000), [lambda xs: seen.update(sum=sum(xs)), lambda xs: seen["list"].extend(xs)], batch=7)
    >>> seen["sum"], len(seen["list"])
    (499500, 1000)
    """
    batch = batch or BATCH
    team = [_Reader(run) for run in readers]
    for reader in team:
        reader.thread.start()
    it = iter(items)
    failed: BaseException | None = None
    try:
        while True:
            chunk = []
            for item in it:
                chunk.append(item)
                if len(chunk) >= batch:
                    break
            if between is not None:
                between()
            for reader in team:
                reader.take(chunk or None)
                if reader.error is not None:  # checked after every turn, the last (its file closed) too
                    raise reader.error
            if not chunk:
                break
    except BaseException as exc:
        failed = exc
        raise
    finally:
        if failed is not None:
            for reader in team:
                reader.abandon()
        for reader in team:
            reader.thread.join()
