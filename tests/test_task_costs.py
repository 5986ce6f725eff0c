"""What tasks cost, counted rather than timed (docs/benchmarks.md, "Session 7:
tasks"): steps whose number must not grow faster than the tasks, and undeferred tasks
that must not publish more than a plain call would."""

from __future__ import annotations

import textwrap

from helpers import run_omppy

from omppy.runtime.taskframes import all_done


def _program(tmp_path, text: str):
    path = tmp_path / "prog.py"
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return path


def test_all_done_tests_each_item_until_it_is_done():
    finished: set[int] = set()
    tested: list[int] = []

    def done(item: int) -> bool:
        tested.append(item)
        return item in finished

    items = list(range(100))
    ready = all_done(items, done)
    for item in items:  # a look after each task run meanwhile
        assert not ready()
        finished.add(item)
    assert ready()
    assert len(tested) <= 2 * len(items) + 1
    items.append(100)  # appended meanwhile: tested too
    assert not ready()
    finished.add(100)
    assert ready()


def test_a_taskwait_for_many_tasks_tests_each_one_a_few_times(tmp_path):
    # Tasks that complete oldest first (here: taken from the table in order, the
    # other thread asleep): the wait tested every completed child again after each
    # task it ran, about 580,000 tests for 2,000 children (5,000 cost 1.5 s).
    program = _program(
        tmp_path,
        """
        import time

        from omppy import omp_get_thread_num
        from omppy.runtime import taskcore

        tests = [0]
        done = taskcore.TaskStateCore.done

        def counted(self, ref):
            tests[0] += 1
            return done(self, ref)

        taskcore.TaskStateCore.done = counted

        def main():
            total = [0] * 2000
            # omp parallel num_threads(2)
            if omp_get_thread_num() == 0:
                for i in range(2000):
                    # omp task priority(1)
                    total[i] = i
                # omp taskwait
                print(sum(total), tests[0] < 20000 or tests[0])
            else:
                time.sleep(0.3)
            # omp end parallel

        main()
        """,
    )
    got = run_omppy("run", str(program), threads=2, timeout=60)
    assert (got.status, got.out, got.err) == (0, "1999000 True\n", "")


def test_undeferred_tasks_publish_their_numbers_without_comparing_objects(tmp_path):
    # Before: each if(0) task binding a region's shared name compared the module
    # namespaces and every object compared at blocks, as a deferred task's end does
    # (500 comparisons here, 13 us of a task's 19); its changes are its creator's.
    program = _program(
        tmp_path,
        """
        from omppy.runtime import replica

        compared = [0]
        changes_under = replica.Replica.changes_under

        def counted(self, values, closed=False):
            compared[0] += not closed
            return changes_under(self, values, closed)

        replica.Replica.changes_under = counted

        def work(i):
            return i * 2

        def main():
            total = 0
            # omp parallel num_threads(2)
            # omp single
            if True:
                before = compared[0]
                for i in range(500):
                    # omp task if(0) shared(total)
                    total = total + work(i)
                print(compared[0] - before)
            # omp end parallel
            print(total)

        main()
        """,
    )
    got = run_omppy("run", str(program), threads=2, timeout=60)
    assert (got.status, got.out, got.err) == (0, "0\n249500\n", "")


def test_a_list_of_numbers_is_watched_without_a_step_per_item(monkeypatch):
    # The list a quicksort sorts, watched as deep as the translator says (a million
    # levels): its million floats were each met by a Python loop looking for
    # containers below it, about 60 ms per region start.
    from omppy.runtime import replica

    met = []

    def counted(value):
        met.append(value)
        return enumerate(value)

    # watch() steps through a list's items with enumerate (replica.py).
    monkeypatch.setattr(replica, "enumerate", counted, raising=False)
    numbers = [float(i) for i in range(1000)] + [1, "a", None, True]
    mixed = [[1.0], 2.0]
    watched = replica.Replica()
    watched.watch(numbers, 1_000_000, "numbers")
    watched.watch(mixed, 1_000_000, "mixed")
    assert [id(v) for v in met] == [id(mixed)]  # the list holding a list is walked
    assert watched.token_of(mixed[0]) is not None
    assert watched.below[watched.token_of(numbers)] == []


def test_a_list_change_is_checked_for_atomic_values_once(monkeypatch):
    # Packed, settled, unpacked, applied: each step checked the values again (a
    # partition's 460,000 floats, 18 ms each).
    from omppy.runtime import replica, wire

    checked = []

    class Counting(frozenset):
        def issuperset(self, other):
            checked.append(1)
            return super().issuperset(other)

    monkeypatch.setattr(wire, "ATOMIC", Counting(wire.ATOMIC))
    sender_list = [0.5] * 500
    receiver_list = list(sender_list)
    sender, receiver = replica.Replica(), replica.Replica()
    sender.watch(sender_list, 1, "a", "token")
    receiver.watch(receiver_list, 1, "a", "token")
    sender_list[::3] = [2.5] * len(sender_list[::3])
    changes = sender.changes()
    data = sender.dump_changes(changes)
    sender.settle(changes, "event")
    assert len(checked) == 1
    received = receiver.load_changes(data)[0]
    receiver.apply(received, "event")
    assert receiver_list == sender_list
    assert len(checked) == 1
