"""How a pymp team shares out loop iterations: ``p.range``, ``p.xrange``, ``p.iterate``.

``range``: the static schedule, split exactly as pymp splits it (contiguous blocks,
the first ``len % n`` threads one iteration more).

``xrange``: the dynamic schedule, one iteration at a time.  Each thread counts its own
``xrange`` calls; its k-th call shares the team's k-th counter (a word of the team's
Block), so every thread must make the same calls in the same order, as in pymp.

After a thread fails, the others get no more iterations or elements: they leave
the block, and its master raises the failure.

``iterate``: thread 0 runs the iterable and hands its elements, pickled and tagged
with the loop's number, through the Block's channel to the other threads, which take
them as they come.  The producer stays at most ``ITERATE_AHEAD`` elements per consumer
ahead (pymp: one), and stops early if every consumer has left the loop (``break``).
"""

from __future__ import annotations

import pickle
import queue
import struct
import time
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from ..runtime.arena import ABORT, FINISHED
from ..runtime.errors import OmpError, TeamAborted
from .queues import GET, PUT
from .team import ITERATE_AHEAD, ITERATE_DONE, MAX_DYNAMIC_LOOPS, Block, Team
from .waiting import wait_until

_TAG = struct.Struct("<q")
_PROTOCOL = pickle.HIGHEST_PROTOCOL


def static_share(full: range, num: int, size: int) -> range:
    """Thread ``num``'s block of ``full``, as pymp's ``Parallel.range`` computes it."""
    per_thread, extra = divmod(len(full), size)
    start = num * per_thread + min(num, extra)
    return full[start : start + per_thread + (1 if num < extra else 0)]


def dynamic(team: Team, loop: int, full: range) -> Iterator[int]:
    """The iterations of ``full`` this thread takes, one at a time, from counter ``loop``."""
    if loop >= MAX_DYNAMIC_LOOPS:
        raise OmpError(
            f"a pymp region ran more than {MAX_DYNAMIC_LOOPS} p.xrange loops; "
            "split it into several regions"
        )
    block, liveness = team.block, team.liveness
    assert block is not None and liveness is not None
    words, lock = block.words, block.lock
    counter = block.counter_base + loop
    count = len(full)
    while True:
        if not lock.acquire(False):
            liveness.wait(lock)
        if words[ABORT]:  # another thread failed: hand out no more work
            lock.release()
            raise TeamAborted("another thread of the pymp team failed")
        index = words[counter]
        words[counter] = index + 1
        lock.release()
        if index >= count:
            return
        yield full[index]


def produce(
    team: Team, loop: int, iterable: Iterable[Any], timeout: float | None
) -> Iterator[Any]:
    """Thread 0's side of ``p.iterate``: put every element; yields none itself."""
    block = team.block
    assert block is not None
    channel, words = block.channel, block.words
    consumers = range(1, team.size)
    limit = ITERATE_AHEAD * (team.size - 1)
    tag = _TAG.pack(loop)

    def space_or_abandoned(seen: tuple[int, int]) -> bool:
        return channel._changed_since(seen) or abandoned()

    def abandoned() -> bool:  # every consumer has left this loop
        return all(words[FINISHED + t] or words[block.left_base + t] >= loop for t in consumers)

    for element in iterable:
        data = tag + pickle.dumps(element, _PROTOCOL)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            with channel._mutex:
                channel._sync()
                state = channel._state
                if len(state.items) < limit:
                    state.items.append(data)
                    state.unfinished += 1
                    channel._append(PUT, data)
                    break
                seen = (channel._generation, channel._position)
            if abandoned():
                words[ITERATE_DONE] = loop
                return
            left = None if deadline is None else deadline - time.monotonic()
            if not wait_until(partial(space_or_abandoned, seen), left):
                raise queue.Full(
                    f"p.iterate: no thread took an element within element_timeout={timeout}"
                )
    words[ITERATE_DONE] = loop
    return
    yield  # a generator that yields nothing


def consume(team: Team, loop: int) -> Iterator[Any]:
    """A worker's side of ``p.iterate``: the elements of loop ``loop`` it takes."""
    block = team.block
    assert block is not None
    channel, words = block.channel, block.words
    me = block.left_base + team.num

    def news(seen: tuple[int, int]) -> bool:  # an element, or the loop's end
        return channel._changed_since(seen) or words[ITERATE_DONE] >= loop or bool(words[FINISHED])

    words[me] = max(words[me], loop - 1)  # done with every earlier loop
    try:
        while True:
            found, element = _take(block, team, loop)
            if found == "item":
                yield element
            elif found == "end":
                return
            else:
                seen = (channel._generation, channel._position)
                wait_until(partial(news, seen))
    finally:
        words[me] = max(words[me], loop)


def _take(block: Block, team: Team, loop: int) -> tuple[str, Any]:
    """``("item", element)``, ``("end", None)`` or ``("wait", None)``."""
    channel, words = block.channel, block.words
    if words[ABORT]:  # another thread failed: hand out no more work
        raise TeamAborted("another thread of the pymp team failed")
    with channel._mutex:
        channel._sync()
        items = channel._state.items
        while items:
            head = items[0]
            (tag,) = _TAG.unpack_from(head)
            if tag > loop:
                return "end", None  # thread 0 has moved on: this loop is complete
            if tag < loop and not _left_by_all(block, team, tag):
                return "wait", None  # an earlier loop's element, for a thread still in it
            items.popleft()
            channel._append(GET)
            if tag == loop:
                return "item", pickle.loads(head[_TAG.size :])
        if words[ITERATE_DONE] >= loop or words[FINISHED]:
            return "end", None
    return "wait", None


def _left_by_all(block: Block, team: Team, loop: int) -> bool:
    words = block.words
    return all(
        t == team.num or words[FINISHED + t] or words[block.left_base + t] >= loop
        for t in range(1, team.size)
    )
