"""What a fork region's master does on its critical path (forkjoin.py, join.py,
blas.py), checked in this process: work done before the workers' reports that was
done after them, work skipped that had nothing to do."""

from __future__ import annotations

import os
import sys
import types

import pytest

from omppy.runtime import coherence, forkjoin, join, tasks
from omppy.transform.lines import compile_translation
from omppy.transform.translate import translate

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork backend")

SOURCE = """\
def region(shared):
    # omp parallel num_threads(2)
    if omp_get_thread_num() == 0:
        shared[0] = "master"
    # omp end parallel
    return shared

def empty():
    # omp parallel num_threads(2)
    pass

def strings(n):
    out = [None] * n
    # omp parallel for num_threads(2) schedule(static)
    for i in range(n):
        out[i] = f"{i:064x}"
    return out
"""


def translated(name: str) -> types.ModuleType:
    source = "from omppy import omp_get_thread_num\n" + SOURCE
    code = compile_translation(translate(source, f"<{name}>"), f"<{name}>")
    module = types.ModuleType(name)
    module.__file__ = f"<{name}>"
    sys.modules[name] = module
    exec(code, module.__dict__)
    return module


@pytest.fixture
def module():
    yield translated("region_path_program")
    sys.modules.pop("region_path_program", None)


def test_the_master_compares_its_changes_before_it_waits_for_the_workers(module, monkeypatch):
    master = os.getpid()
    events: list[str] = []  # kept on an omppy module: never watched
    monkeypatch.setattr(join, "_test_events", events, raising=False)
    compare, collect = coherence.Coherence.before_barrier, join.collect

    def before_barrier(self, keep=False, last=False):
        if os.getpid() == master and keep:
            join._test_events.append("master compares")  # type: ignore[attr-defined]
        return compare(self, keep=keep, last=last)

    def collecting(readers):
        join._test_events.append("master waits")  # type: ignore[attr-defined]
        return collect(readers)

    monkeypatch.setattr(coherence.Coherence, "before_barrier", before_barrier)
    monkeypatch.setattr(join, "collect", collecting)
    assert module.region([None]) == ["master"]  # its change still reaches the list
    assert events == ["master compares", "master waits"]


def test_a_worker_with_nothing_to_hand_over_is_not_unpickled(module, monkeypatch):
    class NoUnpickling:
        @staticmethod
        def loads(data):
            raise AssertionError("an empty report was unpickled")

    monkeypatch.setattr(join, "pickle", NoUnpickling)
    module.empty()


class CountingMemory:
    """An arena's mapping, its madvise calls counted."""

    def __init__(self, memory):
        self.memory, self.advised = memory, 0

    def __getitem__(self, key):
        return self.memory[key]

    def __setitem__(self, key, value):
        self.memory[key] = value

    def madvise(self, *args):
        self.advised += 1
        return self.memory.madvise(*args)


def test_exchange_pages_are_given_back_only_after_a_team_wrote_there():
    from omppy.runtime.arena import Arena

    arena = Arena(2)
    memory = CountingMemory(arena.memory)
    arena.memory = memory  # type: ignore[assignment]
    arena.reset(2)
    arena.release_exchange_pages()  # a team that exchanged nothing (an empty region)
    assert memory.advised == 0
    arena.reset(2)
    arena.put(1, 0, {"x": 1})
    arena.release_exchange_pages()
    assert memory.advised == 1
    assert arena.get(1, 0) is None  # the pages were given back: zeros again
    arena.reset(2)
    arena.log_append(0, b"record")
    arena.release_exchange_pages()
    assert memory.advised == 2
    arena.memory = memory.memory
    arena.close()


def test_the_load_average_is_read_at_most_once_a_second(monkeypatch):
    from omppy.runtime import arena

    reads = []
    monkeypatch.setattr(arena, "_load_read", (-2.0, None, 1))
    monkeypatch.setattr(arena.os, "getloadavg", lambda: reads.append(1) or (0.0, 0.0, 0.0))
    first = arena.spin_seconds(2)
    assert arena.spin_seconds(2) == first
    assert len(reads) == 1
    monkeypatch.setattr(arena, "_load_read", (arena.time.monotonic() - 1.5, 0.0, 2))
    arena.spin_seconds(2)
    assert len(reads) == 2


SLOW_WORKER = """\
import os, time

def slow_worker(flag, limit):
    # omp parallel num_threads(2)
    if omp_get_thread_num() == 1:
        end = time.monotonic() + limit
        while not os.path.exists(flag) and time.monotonic() < end:
            time.sleep(0.005)
    # omp end parallel
"""


@pytest.mark.parametrize("idle", [True, False])
def test_the_master_touches_what_it_will_free_while_a_worker_still_runs(
    monkeypatch, tmp_path, idle
):
    """Only when the machine has a CPU for the waiting master (spin_seconds, from the
    load average): on a busy machine its wait is another process's time."""
    monkeypatch.setattr(forkjoin, "spin_seconds", lambda size: 50e-6 if idle else 0.0)
    # Once any translated module with a task construct is loaded in this process (an
    # earlier test's), every region ends in the tasks' barrier, where the master rightly
    # waits for thread 1 (it may still create tasks) before it touches anything.
    monkeypatch.setattr(tasks, "ENABLED", False)
    source = "from omppy import omp_get_thread_num\n" + SLOW_WORKER
    name = "region_path_slow"
    code = compile_translation(translate(source, f"<{name}>"), f"<{name}>")
    program = types.ModuleType(name)
    program.__file__ = f"<{name}>"
    sys.modules[name] = program
    master = os.getpid()
    calls: list[tuple[bool, int]] = []  # on an omppy module: never watched
    touch = forkjoin.touch_before_freeing
    flag = str(tmp_path / "touched")

    def touching(done, *built):
        if os.getpid() == master:
            forkjoin._test_calls.append((done(), len(built)))  # type: ignore[attr-defined]
            open(flag, "w").close()  # thread 1 may finish now
        touch(done, *built)

    monkeypatch.setattr(forkjoin, "_test_calls", calls, raising=False)
    monkeypatch.setattr(forkjoin, "touch_before_freeing", touching)
    try:
        exec(code, program.__dict__)
        program.slow_worker(flag, 30.0 if idle else 0.3)
    finally:
        sys.modules.pop(name, None)
    # While thread 1 waits: the replica, the thread contexts and the watchers.
    assert calls == ([(False, 3)] if idle else [])


class _Record:
    """Stands for one of omppy's records (forkjoin._is_record looks at __module__)."""

    __module__ = "omppy.runtime.test_record"

    def __init__(self, **tables):
        self.__dict__.update(tables)


def test_touching_runs_no_code_of_the_program_and_changes_nothing():
    class Exploding(list):
        def __iter__(self):
            raise AssertionError("the program's __iter__ ran")

        def __len__(self):
            raise AssertionError("the program's __len__ ran")

    class Meta(type):
        def __getattribute__(cls, name):
            raise AssertionError("the program's metaclass ran")

    class Guarded(metaclass=Meta):
        def __getattribute__(self, name):
            raise AssertionError("the program's __getattribute__ ran")

    user_list = Exploding([1, 2])
    guarded = Guarded()
    table = {"a": user_list, "b": guarded, "c": [user_list, guarded, (3, 4)]}
    inner = _Record(rows=[[1, 2], [3]])
    record = _Record(table=table, inner=inner, pair=(inner, guarded))
    before = (dict(table), list(table["c"]), list(inner.rows))
    forkjoin.touch_before_freeing(lambda: False, record)
    assert (dict(table), list(table["c"]), list(inner.rows)) == before


def test_touching_stops_once_every_worker_has_finished():
    looked: list[str] = []

    class Watched:
        __module__ = "omppy.runtime.test_record"

        @property
        def __dict__(self):  # type: ignore[override]
            looked.append("looked")
            return {}

    forkjoin.touch_before_freeing(lambda: True, Watched())
    assert looked == []
    forkjoin.touch_before_freeing(lambda: False, Watched())
    assert looked == ["looked"]


def test_reports_are_read_in_small_pieces_until_their_length_is_known():
    """A first read asks for 64 KiB (heap memory), not 1 MiB (an mmap and a munmap
    each); a large report is then read into a buffer of its whole size (session 10:
    a new bytes object per read of the pipe, each copied into a growing buffer, cost
    the master 2-3 ms of a 6.6 MB report)."""
    from omppy.runtime.reports import HEADER, LARGEST_REPORT, _whole_size

    assert _whole_size(bytearray()) == 0
    assert _whole_size(bytearray(HEADER.pack(100))) == 108
    assert _whole_size(bytearray(HEADER.pack(5_000_000)) + b"x" * 1000) == 5_000_008
    assert _whole_size(bytearray(HEADER.pack(4)) + b"x" * 4) == 0  # whole already
    # A crash's text read as a length: a negative or huge number, never a buffer.
    assert _whole_size(bytearray(b"Fatal Py")) == 0
    assert _whole_size(bytearray(b"Windows fatal")) == 0
    assert _whole_size(bytearray(HEADER.pack(LARGEST_REPORT))) == 0
    assert _whole_size(bytearray(HEADER.pack(-5))) == 0


def test_a_large_report_is_read_into_one_buffer_without_a_bytes_object_per_read(
    monkeypatch,
):
    from omppy.runtime import reports

    size = 3_000_000
    read_end, write_end = os.pipe()
    payload = os.urandom(size)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            data = memoryview(reports.HEADER.pack(size) + payload)
            while data:
                data = data[os.write(write_end, data[:70_000]) :]
        finally:
            os._exit(0)
    os.close(write_end)
    reads: list[int] = []
    read = os.read

    def reading(fd: int, n: int) -> bytes:
        reads.append(n)
        return read(fd, n)

    monkeypatch.setattr(reports.os, "read", reading)
    try:
        got = reports.collect({1: read_end})[1]
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    assert bytes(got) == reports.HEADER.pack(size) + payload
    assert reads == [reports.FIRST_READ]  # the rest straight into the report's buffer


def test_a_report_cut_short_is_what_came():
    from omppy.runtime import reports

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child: dies halfway through a large report
        try:
            data = memoryview(reports.HEADER.pack(1_000_000) + b"y" * 300_000)
            while data:
                data = data[os.write(write_end, data) :]
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        got = reports.collect({1: read_end})[1]
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    assert bytes(got) == reports.HEADER.pack(1_000_000) + b"y" * 300_000
    assert not reports.whole(got)


@pytest.mark.parametrize("size", [10, 200_000, 3_000_000])
def test_a_report_of_any_size_is_read_whole(size):
    from omppy.runtime import reports

    read_end, write_end = os.pipe()
    payload = os.urandom(size)
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        try:
            data = memoryview(reports.HEADER.pack(size) + payload)
            while data:
                data = data[os.write(write_end, data[:70_000]) :]  # in pieces
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        got = reports.collect({1: read_end})[1]
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    assert bytes(got) == reports.HEADER.pack(size) + payload


def test_the_master_reads_a_small_report_with_small_reads(module, monkeypatch):
    from omppy.runtime import reports

    sizes: list[int] = []  # on an omppy module: never watched
    monkeypatch.setattr(reports, "_test_sizes", sizes, raising=False)
    read = os.read

    def reading(fd, n):
        reports._test_sizes.append(n)  # type: ignore[attr-defined]
        return read(fd, n)

    monkeypatch.setattr(reports.os, "read", reading)
    module.empty()
    assert sizes and max(sizes) <= reports.FIRST_READ


def test_a_small_report_goes_with_its_length_in_one_write(module, monkeypatch, tmp_path):
    from omppy.runtime import worker

    master = os.getpid()
    log = str(tmp_path / "writes")
    write = os.write

    def writing(fd, data):
        if os.getpid() != master:
            with open(log, "a") as out:
                out.write(f"{len(data)}\n")
        return write(fd, data)

    monkeypatch.setattr(worker.os, "write", writing)
    module.empty()
    with open(log) as lines:
        writes = [int(line) for line in lines]
    assert writes == [8 + len(worker.EMPTY_REPORT)]


@pytest.mark.skipif(sys.platform != "linux", reason="F_GETPIPE_SZ")
def test_a_large_report_widens_its_pipe_to_at_most_1_mib():
    import fcntl

    from omppy.runtime import worker

    for size, wanted in [(6_600_000, 1 << 20), (100_000, 1 << 17)]:
        read_end, write_end = os.pipe()
        try:
            worker.widen_pipe(write_end, size)
            assert fcntl.fcntl(write_end, 1032) == wanted  # F_GETPIPE_SZ
        finally:
            os.close(read_end)
            os.close(write_end)


def test_a_worker_widens_its_pipe_only_for_a_large_report(module, monkeypatch, tmp_path):
    from omppy.runtime import worker

    log = str(tmp_path / "widened")
    widen = worker.widen_pipe

    def widening(fd, size):
        with open(log, "a") as out:
            out.write(f"{size}\n")
        widen(fd, size)

    monkeypatch.setattr(worker, "widen_pipe", widening)
    module.empty()
    assert not os.path.exists(log)
    out = module.strings(40_000)  # 20,000 strings of 64 characters from the worker
    assert out == [f"{i:064x}" for i in range(40_000)]
    with open(log) as lines:
        assert [int(line) > 1_000_000 for line in lines] == [True]
