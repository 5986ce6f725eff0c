"""``pymp.shared`` objects in one process (docs/pymp.md): a shared list, dict and queue
behave as the built-in types do, through log growth and compaction; the locks raise
where pymp's would wait forever and survive a holder that died."""

from __future__ import annotations

import os
import pickle
import queue
import signal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import omppy.pymp as pymp
from omppy.pymp import storage

values = st.one_of(st.integers(-5, 5), st.text(max_size=3), st.lists(st.integers(), max_size=2))

list_ops = st.lists(
    st.one_of(
        st.tuples(st.just("append"), values),
        st.tuples(st.just("extend"), st.lists(values, max_size=3)),
        st.tuples(st.just("insert"), st.integers(-6, 6), values),
        st.tuples(st.just("pop"), st.integers(-6, 6)),
        st.tuples(st.just("set"), st.integers(-6, 6), values),
        st.tuples(st.just("del"), st.integers(-6, 6)),
        st.tuples(st.just("slice"), st.integers(-4, 4), st.integers(-4, 4), st.lists(values)),
        st.tuples(st.just("remove"), values),
        st.tuples(st.just("reverse")),
        st.tuples(st.just("clear")),
        st.tuples(st.just("imul"), st.integers(0, 2)),
    ),
    max_size=30,
)


def _apply(target, op):
    name, *args = op
    if name == "set":
        target[args[0]] = args[1]
    elif name == "del":
        del target[args[0]]
    elif name == "slice":
        target[args[0] : args[1]] = args[2]
    elif name == "imul":
        target *= args[0]
    else:
        return getattr(target, name)(*args)
    return target


@settings(max_examples=60, deadline=None)
@given(list_ops)
def test_shared_list_behaves_as_a_list(ops):
    expected, shared = [], pymp.shared.list()
    for op in ops:
        outcomes = []
        for target in (expected, shared):
            try:
                result = _apply(target, op)
                outcomes.append(("ok", None if result is target else result))
            except (IndexError, ValueError) as error:
                outcomes.append((type(error).__name__, None))
        if outcomes[0][0] == "ok" and outcomes[0][1] is expected:
            outcomes[0] = ("ok", None)
        assert outcomes[0] == outcomes[1], op
        assert shared.copy() == expected
    assert len(shared) == len(expected)
    assert list(shared) == expected and list(reversed(shared)) == expected[::-1]
    assert shared == expected


dict_ops = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.integers(0, 6), values),
        st.tuples(st.just("del"), st.integers(0, 6)),
        st.tuples(st.just("pop"), st.integers(0, 6)),
        st.tuples(st.just("setdefault"), st.integers(0, 6), values),
        st.tuples(st.just("update"), st.dictionaries(st.integers(0, 6), values, max_size=3)),
        st.tuples(st.just("popitem")),
        st.tuples(st.just("clear")),
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(dict_ops)
def test_shared_dict_behaves_as_a_dict(ops):
    expected, shared = {}, pymp.shared.dict()
    for name, *args in ops:
        outcomes = []
        for target in (expected, shared):
            try:
                if name == "set":
                    target[args[0]] = args[1]
                    outcomes.append(None)
                elif name == "del":
                    del target[args[0]]
                    outcomes.append(None)
                else:
                    outcomes.append(getattr(target, name)(*args))
            except KeyError:
                outcomes.append("KeyError")
        assert outcomes[0] == outcomes[1]
        assert shared.copy() == expected
    assert shared.items() == list(expected.items())
    assert shared.keys() == list(expected) and list(shared) == list(expected)
    assert [shared.get(k, "-") for k in range(7)] == [expected.get(k, "-") for k in range(7)]


def test_reads_are_copies():
    rows = pymp.shared.list([[1]])
    rows[0].append(2)
    table = pymp.shared.dict(a={"x": 1})
    table["a"]["x"] = 5
    assert rows == [[1]] and table == {"a": {"x": 1}}


def test_the_log_grows_and_compacts_without_losing_anything():
    big = "x" * (storage.INITIAL_SIZE * 3)  # more than the file holds at first
    items = pymp.shared.list([big])
    for i in range(20000):
        items.append(i)
        if i % 2:
            items.pop()
    assert len(items) == 10001 and items[0] == big and items[-1] == 19998
    table = pymp.shared.dict()
    for i in range(30000):
        table[i % 50] = i
    assert table.copy() == {k: 29950 + k for k in range(50)}
    assert items._generation > 0 and table._generation > 0


def test_another_process_catches_up_after_compactions():
    table = pymp.shared.dict(start=0)
    assert len(table) == 1  # this process's copy is now at the first generation
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            for i in range(30000):
                table[i % 7] = "v" * (i % 100)
            status = 0
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert status == 0
    assert table._generation == 0  # not yet caught up
    expected = {"start": 0}
    for i in range(30000):
        expected[i % 7] = "v" * (i % 100)
    assert table.copy() == expected
    assert table._generation > 0


def test_appends_and_stores_of_a_replica_behind_lose_nothing_and_keep_the_log_order(tmp_path):
    """Two processes append and store at once (each replica behind the other's writes
    most of the time: the records go to the log unreplayed), read in between, and
    through compactions; both end with the same list and dict, in the log's order."""
    path = tmp_path / "child.pickle"
    items = pymp.shared.list()
    table = pymp.shared.dict()
    big = "y" * 300  # fills the log: compactions while the other writes

    def work(me):
        for i in range(3000):
            items.append((me, i))
            table[i % 40] = (me, i, big if i % 7 == 0 else "")
            table[(me, i % 3)] = i
            if i % 500 == 0:
                assert len(items) >= i + 1  # a read replays what is behind
                assert table.get((me, 0)) is not None

    parent_done, go = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            work("child")
            os.read(parent_done, 1)  # then read what both wrote
            seen = [list(items), table.copy()]
            with open(path, "wb") as handle:
                pickle.dump(seen, handle)
            status = 0
        finally:
            os._exit(status)
    work("parent")
    os.write(go, b"x")
    _, status = os.waitpid(pid, 0)
    os.close(parent_done)
    os.close(go)
    assert status == 0
    with open(path, "rb") as handle:
        theirs = pickle.load(handle)
    mine = [list(items), table.copy()]
    assert mine == theirs
    got = mine[0]
    assert sorted(got) == sorted([(who, i) for who in ("parent", "child") for i in range(3000)])
    for who in ("parent", "child"):
        assert [i for w, i in got if w == who] == list(range(3000))  # each in its order
        assert table[(who, 2)] == 2999 - (2999 - 2) % 3
    assert len(table) == 46
    for key in range(40):  # the last store under a key, from either process
        assert table[key][1] == 2999 - (2999 - key) % 40


def test_objects_cannot_be_pickled():
    for value in (pymp.shared.list(), pymp.shared.dict(), pymp.shared.queue(), pymp.shared.lock()):
        with pytest.raises(TypeError, match="forked"):
            pickle.dumps(value)


def test_queue_interface():
    q = pymp.shared.queue(maxsize=2)
    q.put(1)
    q.put_nowait([2])
    assert q.full() and q.qsize() == 2
    with pytest.raises(queue.Full):
        q.put(3, timeout=0.05)
    assert q.get() == 1 and q.get_nowait() == [2] and q.empty()
    with pytest.raises(queue.Empty):
        q.get(timeout=0.05)
    with pytest.raises(queue.Empty):
        q.get_nowait()
    q.task_done()
    q.task_done()
    q.join()  # both tasks done: returns at once
    with pytest.raises(ValueError):
        q.task_done()


def test_lock_raises_where_pymp_would_wait_forever():
    lock = pymp.shared.lock()
    assert lock.acquire()
    assert not lock.acquire(False)
    assert not lock.acquire(timeout=0.05)
    with pytest.raises(RuntimeError, match="already holds"):
        lock.acquire()
    lock.release()
    with pytest.raises(RuntimeError, match="does not hold"):
        lock.release()
    rlock = pymp.shared.rlock()
    with rlock, rlock:
        pass
    with pytest.raises(RuntimeError):
        rlock.release()


def test_a_lock_whose_holder_died_is_handed_on():
    lock, items = pymp.shared.lock(), pymp.shared.list()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            lock.acquire()
            items._mutex.__enter__()
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    assert lock.acquire(timeout=5)
    lock.release()
    items.append("still works")
    assert items == ["still works"]
