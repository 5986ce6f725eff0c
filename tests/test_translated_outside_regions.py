"""Orphaned constructs met with no team (a helper called outside any region) run as
python would, through the shared sequential blocks of sync.py (the fast path that
keeps code outside regions at python's speed: docs/benchmarks.md)."""

from __future__ import annotations

import pytest
from helpers import run_omppy, run_python

from omppy import runtime as rt
from omppy.runtime.errors import OmpError
from omppy.runtime.sync import RUNS, SyncBlock

HELPERS = """\
log = []
total = 0


def crit(n):
    # omp critical(log)
    log.append(("crit", n))


def atom(n):
    global total
    # omp atomic
    total += n


def one(n):
    # omp single
    log.append(("single", n))
    # omp end single
    # omp barrier
    # omp master
    log.append(("master", n))
    # omp end master


def turn(n):
    # omp ordered
    log.append(("ordered", n))


for i in range(3):
    crit(i)
    atom(i)
    one(i)
    turn(i)
# omp parallel for reduction(+:total)
for i in range(4):
    total += i
crit(9)
atom(100)
print(sorted(log), total)
"""


@pytest.mark.parametrize("threads", [1, 3])
def test_orphaned_constructs_outside_regions_run_as_python_does(write, threads):
    script = write("helpers_outside.py", HELPERS)
    got = run_omppy("run", str(script), threads=threads)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out


def test_with_no_team_the_blocks_are_the_shared_sequential_ones():
    me = rt.thread()
    assert me.team is None
    assert me.critical("x", ("a",), touches=("a",)) is RUNS
    assert me.atomic() is RUNS and me.single() is RUNS and me.ordered() is RUNS
    assert me.master() is RUNS
    # masked filter(1) with no team: OpenMP would skip the block, python runs it
    with pytest.raises(OmpError, match=r"selects no thread of a team of 1"):
        me.master(filter=1)
    assert RUNS.fresh == {} and RUNS.end({}) == {}
    RUNS.leave({})
    assert me.inside == []


def test_inside_a_task_the_full_block_still_checks(monkeypatch):
    # A task outside regions pushes "task": master must still be refused there.
    me = rt.thread()
    monkeypatch.setattr(me, "inside", ["task"])
    with pytest.raises(rt.OmpError, match="inside a task"):
        me.master()
    block = me.critical()
    assert isinstance(block, SyncBlock)
    block.leave({})
    assert me.inside == ["task"]


FAST = """\
log = []


def crit(n):
    # omp critical
    log.append(n)


def pick(n, k):
    # omp masked filter(k)
    log.append(n)


def lead(n):
    # omp master
    log.append(n)


def in_task(n):
    # omp task
    lead(n)
"""


def _translated(write, monkeypatch):
    import importlib
    import sys

    from omppy.transform.translate import translate

    path = write("fast_outside.py", translate(FAST, "fast_outside.py").text)
    monkeypatch.syspath_prepend(str(path.parent))
    sys.modules.pop("fast_outside", None)
    return importlib.import_module("fast_outside")


def test_outside_regions_the_generated_code_skips_building_the_block(write, monkeypatch):
    # The initial thread with nothing running: the generated code takes RUNS without
    # calling critical() (its arguments, keywords) or building the locals' dict.
    module = _translated(write, monkeypatch)
    me = rt.thread()
    assert me.idle and me.team is None

    def refused(*args, **kwargs):
        raise AssertionError("the opener ran outside any region")

    # (in the instance dict: undoing a setattr would leave the bound method there)
    monkeypatch.setitem(me.__dict__, "critical", refused)
    monkeypatch.setattr(rt, "locals", refused)
    module.crit(1)
    assert module.log == [1]


def test_outside_regions_a_masked_filter_is_still_checked(write, monkeypatch):
    module = _translated(write, monkeypatch)
    module.pick(1, 0)
    with pytest.raises(OmpError, match=r"selects no thread of a team of 1"):
        module.pick(2, 1)
    assert module.log == [1]


def test_a_task_outside_regions_is_not_idle(write, monkeypatch):
    # Running a task pushes "task" and clears idle: master is refused there as before.
    module = _translated(write, monkeypatch)
    with pytest.raises(OmpError, match="inside a task"):
        module.in_task(1)
    me = rt.thread()
    assert me.idle and me.inside == []
    assert not rt.ThreadContext(None, 0).idle  # only the initial context is


def test_outside_regions_the_generated_code_calls_no_thread(write, monkeypatch):
    # `_omp_t = _omp.IDLE or _omp.thread()`: with no region and no task, IDLE is the
    # initial context and thread() is not called at all (docs/benchmarks.md, session 8).
    module = _translated(write, monkeypatch)
    me = rt.thread()
    assert rt.IDLE is me

    def refused():
        raise AssertionError("thread() called outside any region")

    monkeypatch.setattr(rt, "thread", refused)
    module.crit(1)
    module.lead(2)
    assert module.log == [1, 2]


def test_idle_is_none_while_a_task_runs_on_the_initial_thread(write, monkeypatch):
    module = _translated(write, monkeypatch)
    seen = []
    monkeypatch.setattr(module, "lead", lambda n: seen.append(rt.IDLE))
    module.in_task(1)
    assert seen == [None]
    assert rt.IDLE is rt.thread() and rt.IDLE.idle


IDLE_IN_REGIONS = """\
import omppy.runtime as rt
seen = []
# omp parallel num_threads(2)
if True:
    # omp critical
    seen.append(rt.IDLE is None)
    # omp parallel num_threads(2) if(0)
    if True:
        # omp critical
        seen.append(rt.IDLE is None)
print(sorted(seen), rt.IDLE is rt.thread() and rt.IDLE.idle)
"""


@pytest.mark.parametrize("backend", ["fork", "threads"])
def test_idle_is_none_in_every_thread_of_a_region(write, backend):
    # In the master, in forked workers and worker threads, and in a nested team of one:
    # an orphaned construct there must call thread() and get its own context.
    script = write("idle_regions.py", IDLE_IN_REGIONS)
    got = run_omppy("run", str(script), threads=2, env={"OMPPY_BACKEND": backend})
    assert got.status == 0, got.err
    assert got.out == "[True, True, True, True] True\n"


class _Reads:
    """Stands for ``omppy.runtime`` in a translated module: records each name read."""

    def __init__(self, reads: list[str]) -> None:
        self._reads = reads

    def __getattr__(self, name: str):
        self._reads.append(name)
        return getattr(rt, name)


def test_outside_regions_a_plain_block_reads_idle_and_nothing_else(write, monkeypatch):
    # A block of plain statements is emitted twice (docs/benchmarks.md, session 10):
    # outside regions its cost is one module attribute read and a test, where it was
    # IDLE, the context's idle, RUNS before the body and RUNS after it.
    module = _translated(write, monkeypatch)
    me = rt.thread()  # (the first call makes the initial context)
    assert rt.IDLE is me
    reads: list[str] = []
    monkeypatch.setattr(module, "_omp", _Reads(reads))
    module.crit(1)
    module.lead(2)
    assert module.log == [1, 2]
    assert reads == ["IDLE", "IDLE"]


def test_with_idle_none_a_plain_block_takes_the_runtime_way(write, monkeypatch):
    # In a region (IDLE None) the copy under `else:` finds its thread and opens the block.
    module = _translated(write, monkeypatch)
    me = rt.thread()
    calls: list[str] = []

    def thread():
        calls.append("thread")
        return me

    def critical(*args, **kwargs):
        calls.append("critical")
        return RUNS

    monkeypatch.setattr(rt, "IDLE", None)
    monkeypatch.setattr(rt, "thread", thread)
    monkeypatch.setattr(me, "idle", False)
    monkeypatch.setitem(me.__dict__, "critical", critical)
    module.crit(1)
    assert calls == ["thread", "critical"] and module.log == [1]


DECLARED = """\
count = 0


def bump(n):
    # omp critical
    if n:
        global count
        count += n
    return count


print([bump(i) for i in range(4)])
# omp parallel for
for i in range(4):
    bump(1)
print(count)
"""


def test_a_block_with_a_global_statement_is_emitted_once(write):
    # Twice, the copy's `global count` would follow a use of `count`: a SyntaxError.
    from omppy.transform.translate import translate

    text = translate(DECLARED, "declared.py").text
    assert "_omp.IDLE or _omp.thread()" in text and "if _omp.IDLE:" not in text
    script = write("declared.py", DECLARED)
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == run_python(script).out == "[0, 1, 3, 6]\n10\n"


FAILS = """\
log = []


def crit(n):
    # omp critical
    log.append(
        10 // n
    )


crit(5)
crit(0)
"""


def test_an_error_in_the_plain_copy_names_the_users_line(write):
    script = write("fails_plain.py", FAILS)
    got = run_omppy("run", str(script))
    want = run_python(script)
    assert got.status == want.status == 1
    assert 'fails_plain.py", line 7, in crit' in got.err
    assert got.err.splitlines()[-4:] == want.err.splitlines()[-4:]
