"""One pass over a stream for several readers (glossary/fanout.py): every reader sees every item, one batch held."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.fanout import fan_out


class Stream:
    """Items made one at a time; counts how many were made, to measure how far ahead of a reader the stream runs."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.made = 0

    def __iter__(self):
        for i in range(self.n):
            self.made += 1
            yield i


@settings(max_examples=60, deadline=None)
@given(n=st.integers(0, 300), readers=st.integers(1, 5), batch=st.integers(1, 40))
def test_every_reader_sees_every_item_in_order_with_one_batch_made_ahead(n, readers, batch):
    stream = Stream(n)
    seen: list[list[int]] = [[] for _ in range(readers)]
    ahead: list[int] = []

    def reader(k):
        def run(items):
            for item in items:
                seen[k].append(item)
                ahead.append(stream.made - len(seen[k]))  # items made that this reader has not yet taken
        return run

    fan_out(stream, [reader(k) for k in range(readers)], batch=batch)
    assert all(s == list(range(n)) for s in seen)
    assert all(0 <= a < batch for a in ahead)  # the stream never runs more than a batch ahead of any reader


def test_readers_run_one_at_a_time_in_a_fixed_order():
    order: list[str] = []
    inside = threading.Lock()

    def reader(name):
        def run(items):
            for _ in items:
                assert inside.acquire(blocking=False), "two readers ran at once"
                order.append(name)
                inside.release()
        return run

    fan_out(range(6), [reader("a"), reader("b"), reader("c")], batch=2)
    assert order == ["a", "a", "b", "b", "c", "c"] * 3


def test_between_runs_before_each_batch():
    events: list[str] = []

    def reader(items):
        for item in items:
            events.append(f"item {item}")

    fan_out(range(5), [reader], batch=2, between=lambda: events.append("between"))
    assert events == ["between", "item 0", "item 1", "between", "item 2", "item 3", "between", "item 4", "between"]


def test_a_reader_that_fails_stops_the_others_and_its_error_is_raised():
    finished: list[str] = []
    cleaned: list[str] = []

    def good(items):
        try:
            for _ in items:
                pass
            finished.append("good")
        finally:
            cleaned.append("good")  # its finally runs: a writer removes its temporary file there

    def bad(items):
        for item in items:
            if item == 5:
                raise OSError("no space left on the device")

    stream = Stream(1000)
    threads = threading.active_count()
    with pytest.raises(OSError, match="no space"):
        fan_out(stream, [good, bad, good], batch=4)
    assert finished == [] and cleaned == ["good", "good"]
    assert stream.made < 12  # the stream stopped too
    assert threading.active_count() == threads  # every reader's thread has ended


def test_a_failing_stream_stops_every_reader():
    cleaned: list[int] = []

    def items():
        yield from range(10)
        raise KeyboardInterrupt

    def reader(items_):
        try:
            for _ in items_:
                pass
        finally:
            cleaned.append(1)

    threads = threading.active_count()
    with pytest.raises(KeyboardInterrupt):
        fan_out(items(), [reader, reader], batch=3)
    assert cleaned == [1, 1]
    assert threading.active_count() == threads  # every reader's thread has ended


def test_a_reader_may_stop_early():
    got: list[int] = []
    rest: list[int] = []

    def first_three(items):
        for item in items:
            got.append(item)
            if len(got) == 3:
                return

    fan_out(range(50), [first_three, lambda items: rest.extend(items)], batch=2)
    assert got == [0, 1, 2] and rest == list(range(50))


def test_an_abandoned_reader_stops_even_if_it_catches_exceptions():
    finished: list[str] = []

    def forgiving(items):
        try:
            for _ in items:
                pass
        except Exception:  # noqa: BLE001: what a writer might do; the pass is abandoned all the same
            finished.append("caught")
            return
        finished.append("wrote a whole file")

    def bad(items):
        for _ in items:
            raise ValueError("bad entry")

    with pytest.raises(ValueError):
        fan_out(range(100), [forgiving, bad], batch=10)
    assert finished == []
