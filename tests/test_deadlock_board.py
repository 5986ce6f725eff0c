"""The board a team's waiting threads look at (deadlock.Board): a verdict only when
every thread has left or waits in vain, and the team has stood still for a while."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from omppy.runtime import deadlock
from omppy.runtime.deadlock import (
    BARRIER,
    CHECKS,
    CRITICAL,
    DETAIL,
    DETAIL2,
    EPOCH,
    ITER,
    KIND,
    NHOLDS,
    ORDERED,
    STEADY,
    Board,
)
from omppy.runtime.errors import TeamDeadlock


def board(size: int, finished: list[bool]) -> Board:
    words = memoryview(bytearray(8 * Board.words_for(size))).cast("q")
    return Board(words, 0, size, finished.__getitem__, "prog.py:3")


def wait(b: Board, t: int, kind: int, detail: int = 0, detail2: int = 0) -> None:
    at = b.record(t)
    b.words[at + KIND] = kind
    b.words[at + DETAIL] = detail
    b.words[at + DETAIL2] = detail2
    b.words[at + EPOCH] += 1


def hold(b: Board, t: int, *keys: int) -> None:
    at = b.record(t)
    b.words[at + NHOLDS] = len(keys)
    for i, key in enumerate(keys):
        b.words[at + NHOLDS + 1 + i] = key


def tick(b: Board, *threads: int) -> None:
    for t in threads:
        b.words[b.record(t) + CHECKS] += 1


def looks(b: Board, waiting: tuple[int, ...], times: int = 3) -> None:
    """One thread looks ``times`` times, STEADY apart, each waiting thread checking
    twice between two looks."""
    me = SimpleNamespace(seen=None)
    for n in range(times):
        b.look(me, n * STEADY)  # type: ignore[arg-type]
        tick(b, *waiting)
        tick(b, *waiting)


def test_a_team_that_stands_still_is_stuck():
    finished = [False, True, True]
    b = board(3, finished)
    wait(b, 0, BARRIER)
    with pytest.raises(TeamDeadlock) as caught:
        looks(b, (0,))
    message = str(caught.value)
    assert message.startswith("no thread of the team of 3 can go on: thread 0 waits at ")
    assert "threads 1 and 2 have left the region (prog.py:3)" in message
    assert not b.claim()  # one report for the team


def test_no_verdict_while_a_thread_runs():
    b = board(2, [False, False])
    wait(b, 0, BARRIER)  # thread 1 has no wait on the board: it runs
    looks(b, (0,), times=5)


def test_no_verdict_while_a_waiting_thread_has_not_checked_again():
    """A thread that has not looked again since may have been released already."""
    b = board(2, [False, True])
    wait(b, 0, BARRIER)
    me = SimpleNamespace(seen=None)
    b.look(me, 0.0)  # type: ignore[arg-type]
    tick(b, 0)  # once only since the first look
    b.look(me, 10 * STEADY)  # type: ignore[arg-type]
    tick(b, 0)
    with pytest.raises(TeamDeadlock):
        b.look(me, 11 * STEADY)  # type: ignore[arg-type]


def test_no_verdict_before_the_team_stood_still_long_enough():
    b = board(2, [False, True])
    wait(b, 0, BARRIER)
    me = SimpleNamespace(seen=None)
    for n in range(5):
        b.look(me, n * STEADY / 10)  # type: ignore[arg-type]
        tick(b, 0)
        tick(b, 0)


def test_a_record_that_changes_starts_the_wait_for_stillness_again():
    b = board(2, [False, False])
    wait(b, 0, BARRIER)
    wait(b, 1, BARRIER)
    me = SimpleNamespace(seen=None)
    for n in range(6):
        b.words[b.record(1) + EPOCH] += 2  # thread 1 left a wait and began another
        b.look(me, n * STEADY)  # type: ignore[arg-type]
        tick(b, 0, 1)
        tick(b, 0, 1)


def test_a_lock_no_teammate_holds_may_be_unset_by_another_thread():
    """Another team's thread, or a thread of the program, may hold it."""
    b = board(2, [False, True])
    wait(b, 0, CRITICAL, detail=-2)
    looks(b, (0,), times=5)
    hold(b, 1, -2)  # thread 1 left the region inside the critical section
    with pytest.raises(TeamDeadlock, match="which thread 1 is in"):
        looks(b, (0,))


def test_an_ordered_turn_names_the_thread_that_has_it():
    b = board(2, [False, False])
    wait(b, 0, CRITICAL, detail=-2)
    b.words[b.record(0) + ITER] = 1  # thread 0 has not passed the turn of iteration 0
    wait(b, 1, ORDERED, detail=1, detail2=1)
    hold(b, 1, -2)
    with pytest.raises(TeamDeadlock) as caught:
        looks(b, (0, 1))
    assert "the turn is at iteration 0 (thread 0's)" in str(caught.value)


def test_a_short_wait_stays_off_the_board(monkeypatch):
    """A wait shorter than LONG_WAIT writes nothing and looks at nothing."""
    finished = [False, True]
    b = board(2, finished)
    me = SimpleNamespace(num=0, team=SimpleNamespace(board=b), inside=[])
    stall = deadlock.Stall(b, me, (BARRIER, 0))
    for _ in range(100):
        stall.tick()
    stall.end()
    assert b.words.tolist() == [0] * Board.words_for(2)
