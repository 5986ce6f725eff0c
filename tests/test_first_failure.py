"""Which of a team's failures the program sees (omppy/runtime/firstfailure.py), in one
process: python's order of the places, the note naming the others, the abort mark."""

from __future__ import annotations

from omppy.runtime.errors import OmpError, RemoteTraceback, WorkerDied
from omppy.runtime.firstfailure import AFTER_LOOP, encode, first_failure, runs_before


def _remote(exc: BaseException, line: int) -> BaseException:
    exc.__cause__ = RemoteTraceback(
        f'Traceback (most recent call last):\n  File "prog.py", line {line}, in <module>\n'
        f"    work(i)\n{type(exc).__name__}: {exc}\n"
    )
    return exc


def test_the_earliest_chunk_wins_whatever_the_thread():
    late, early = _remote(ValueError("bad 7"), 5), _remote(ValueError("bad 1"), 5)
    chosen = first_failure([(0, (1, 6), late), (3, (1, 0), early)])
    assert chosen is early
    assert chosen.__notes__ == [
        "omppy: 1 more thread of the team failed in this region:\n"
        '  thread 0: ValueError: bad 7 (File "prog.py", line 5, in <module>)'
    ]


def test_a_later_loop_and_code_after_a_loop_come_after_its_chunks():
    in_loop = KeyError("in loop 2")
    after_first = KeyError("after loop 1")
    in_first = KeyError("in loop 1")
    failures = [(0, (2, 0), in_loop), (1, (1, AFTER_LOOP), after_first), (2, (1, 9), in_first)]
    assert first_failure(failures) is in_first


def test_outside_loops_the_lowest_thread_wins():
    errors = [RuntimeError(f"thread {n}") for n in range(3)]
    chosen = first_failure([(2, (0, 0), errors[2]), (0, (0, 0), errors[0]), (1, None, errors[1])])
    assert chosen is errors[0]
    assert chosen.__notes__[0].splitlines() == [
        "omppy: 2 more threads of the team failed in this region:",
        "  thread 2: RuntimeError: thread 2",
        "  thread 1: RuntimeError: thread 1",
    ]


def test_a_dead_worker_comes_first():
    died = WorkerDied(2, 1234, "killed by signal 9 (SIGKILL)", "")
    chosen = first_failure([(0, (1, 0), ValueError("x")), (2, None, died)])
    assert chosen is died


def test_one_keyboard_interrupt_and_one_system_exit_without_a_note():
    interrupt = KeyboardInterrupt()
    assert first_failure([(1, (1, 0), ValueError()), (2, None, interrupt)]) is interrupt
    exits = [SystemExit(3), SystemExit(3)]
    chosen = first_failure([(1, (0, 0), exits[1]), (0, (0, 0), exits[0])])
    assert chosen is exits[0] and not hasattr(chosen, "__notes__")


def test_one_failure_is_itself_without_a_note():
    error = ValueError("alone")
    assert first_failure([(1, (1, 4), error)]) is error
    assert not hasattr(error, "__notes__")


def test_the_same_error_in_several_threads_is_said_once():
    # A refusal every thread meets at a combine: a note repeating it would only bury
    # the message; a different error still gets its line.
    same = [OmpError("refused"), OmpError("refused"), OmpError("refused")]
    chosen = first_failure([(2, None, same[2]), (0, None, same[0]), (1, None, same[1])])
    assert chosen is same[0]
    assert getattr(chosen, "__notes__", []) == []
    other = ValueError("bad")
    chosen = first_failure([(0, None, OmpError("refused")), (1, None, other)])
    assert len(chosen.__notes__) == 1 and "thread 1: ValueError: bad" in chosen.__notes__[0]


def test_the_abort_mark_orders_as_places_and_lets_earlier_chunks_run():
    places = [(0, 0), (1, 0), (1, 5), (1, AFTER_LOOP), (2, 0)]
    assert [encode(p) for p in places] == sorted(encode(p) for p in places)
    mark = encode((1, 5))
    assert runs_before(mark, 1, 4) and runs_before(mark, 1, 0)
    assert not runs_before(mark, 1, 5) and not runs_before(mark, 2, 0)
    assert not runs_before(1, 0, 0)  # 1: a failure of unknown place stops everyone
    assert not runs_before(0, 1, 0)  # 0: no failure (never asked)
