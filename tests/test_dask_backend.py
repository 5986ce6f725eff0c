"""The dask backend on a real LocalCluster of worker processes (docs/cluster.md).

The corpus's ``parallel for`` programs (found by their pragmas: every one is a
``parallel for``) print what python prints; each construct the backend cannot run is
refused before its region runs, naming the construct and its line; a worker killed
in the middle of a region is survived; the scheduler's absence and Dask's are clear
errors.  Skipped where Dask is not installed (``pip install "omppy[dask]"``).
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest
from helpers import CORPUS, ROOT, run_omppy, run_python

pytest.importorskip("distributed", reason="the dask extra is not installed")
# A worker process imports Dask and numpy and unpickles the region: seconds on a
# loaded machine, for every program.
pytestmark = pytest.mark.timeout(180)

# Every pragma of these corpus programs is a ``parallel for``; those listed here are
# refused by the dask backend instead (the construct named in the error).
PRAGMA = re.compile(r"^\s*#\s*omp\s+(.*)$", re.MULTILINE)
REFUSED_PROGRAMS = {
    "nested_regions": "parallel (nested)",
    "locks": "lock routines",
    "globals_rebound_elsewhere": "single",  # (in lib/limits.py)
}
# The quick suite runs these; the others are marked slow.
QUICK = {"reduction_multi", "object_stores", "schedule_dynamic_guided", "numpy_views"}


def _parallel_for_only(path) -> bool:
    directives = PRAGMA.findall(path.read_text())
    return bool(directives) and all(d.startswith("parallel for") for d in directives)


SELECTED = sorted(p for p in CORPUS.glob("*.py") if _parallel_for_only(p))


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster (two single-threaded worker processes)."""
    cluster = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "dask_cluster.py"), "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        address = cluster.stdout.readline().strip()
        assert address.startswith("tcp://"), "the test cluster did not start"
        yield address
    finally:
        cluster.stdin.close()
        try:
            cluster.wait(timeout=20)
        except subprocess.TimeoutExpired:
            cluster.kill()
            cluster.wait()


def _dask(scheduler: str, *args: str, threads: int = 2, **options):
    options.setdefault("timeout", 120)
    return run_omppy("run", "--backend", "dask", "--scheduler", scheduler, *args,
                     threads=threads, **options)


def test_the_selection_is_the_parallel_for_programs():
    names = {p.stem for p in SELECTED}
    assert {"reduction_int", "lastprivate", "object_stores", "collapse"} <= names
    assert "sync_constructs" not in names and "tasks_producer" not in names
    assert set(REFUSED_PROGRAMS) <= names
    assert names >= QUICK


@pytest.mark.parametrize(
    "program",
    [
        pytest.param(p, id=p.stem, marks=() if p.stem in QUICK else pytest.mark.slow)
        for p in SELECTED
        if p.stem not in REFUSED_PROGRAMS
    ],
)
def test_corpus_program_prints_what_python_prints(scheduler, program):
    expected = run_python(program, cwd=CORPUS)
    got = _dask(scheduler, program.name, cwd=CORPUS)
    assert got.err == expected.err
    assert got.out == expected.out
    assert got.status == expected.status


@pytest.mark.parametrize("program", sorted(REFUSED_PROGRAMS))
def test_corpus_program_refused(scheduler, program):
    got = _dask(scheduler, f"{program}.py", cwd=CORPUS)
    assert got.status == 1
    assert f"'# omp {REFUSED_PROGRAMS[program]}" in got.err
    assert "cannot run on the dask backend" in got.err


REFUSALS = '''
import omppy
out = [0] * 8

def critical():
    # omp parallel for
    for i in range(8):
        # omp critical
        out[i] = i

def atomic():
    # omp parallel for
    for i in range(8):
        # omp atomic
        out[i] += 1

def ordered():
    # omp parallel for ordered
    for i in range(8):
        # omp ordered
        out[i] = i

def barrier():
    # omp parallel
    if True:
        out[omppy.omp_get_thread_num()] = 1
        # omp barrier
        out[0] = 2
    # omp end parallel

def single():
    # omp parallel
    if True:
        # omp single
        out[0] = 1
    # omp end parallel

def master():
    # omp parallel
    if True:
        # omp master
        out[0] = 1
    # omp end parallel

def lock():
    lk = omppy.omp_init_lock()
    # omp parallel for
    for i in range(8):
        omppy.omp_set_lock(lk)
        out[i] = i
        omppy.omp_unset_lock(lk)

def nested():
    # omp parallel for
    for i in range(2):
        # omp parallel for
        for j in range(4):
            out[4 * i + j] = j

def task():
    # omp parallel
    if True:
        # omp task
        out[0] = 1
    # omp end parallel

def taskwait():
    # omp parallel
    if True:
        # omp taskwait
        out[0] = 1
    # omp end parallel

def two_loops():
    # omp parallel
    if True:
        # omp for
        for i in range(8):
            out[i] = i
        # omp for
        for i in range(8):
            out[i] += 1
    # omp end parallel

def after_the_loop():
    # omp parallel
    if True:
        # omp for
        for i in range(8):
            out[i] = i
        out[0] = sum(out)
    # omp end parallel

def orphaned_helper(i):
    # omp critical
    out[i] = i

def orphaned():
    # omp parallel for
    for i in range(8):
        orphaned_helper(i)

for case in (critical, atomic, ordered, barrier, single, master, lock, nested, task,
             taskwait, two_loops, after_the_loop, orphaned):
    try:
        case()
    except omppy.OmpError as error:
        head = str(error).split(" cannot run on the dask backend")[0]
        print(case.__name__, head.replace(__file__, "prog.py"), out == [0] * 8)
    else:
        print(case.__name__, "ran", out)
'''
EXPECTED_REFUSALS = """\
critical '# omp critical' at prog.py:{critical} True
atomic '# omp atomic' at prog.py:{atomic} True
ordered '# omp ordered' at prog.py:{ordered} True
barrier '# omp barrier' at prog.py:{barrier} True
single '# omp single' at prog.py:{single} True
master '# omp master (or masked)' at prog.py:{master} True
lock '# omp lock routines (omp_set_lock...)' at prog.py:{lock} True
nested '# omp parallel (nested)' at prog.py:{nested} True
task '# omp task' at prog.py:{task} True
taskwait '# omp taskwait' at prog.py:{taskwait} True
two_loops '# omp for (a second work-sharing loop in one region)' at prog.py:{two_loops} True
after_the_loop '# omp for (followed by code that runs after its barrier)' at prog.py:{after} True
orphaned '# omp critical' at prog.py:{orphaned} True
"""


def _line_of(text: str, needle: str, after: str) -> int:
    start = text.index(after)
    return text[:text.index(needle, start)].count("\n") + 1


def test_each_refused_construct_names_itself_and_its_line_before_running(scheduler, tmp_path):
    source = REFUSALS
    (tmp_path / "prog.py").write_text(source)
    lines = {
        "critical": _line_of(source, "# omp critical", "def critical"),
        "atomic": _line_of(source, "# omp atomic", "def atomic"),
        "ordered": _line_of(source, "# omp ordered\n", "def ordered"),
        "barrier": _line_of(source, "# omp barrier", "def barrier"),
        "single": _line_of(source, "# omp single", "def single"),
        "master": _line_of(source, "# omp master", "def master"),
        "lock": _line_of(source, "omppy.omp_set_lock", "def lock"),
        "nested": _line_of(source, "# omp parallel for\n        for j", "def nested"),
        "task": _line_of(source, "# omp task", "def task"),
        "taskwait": _line_of(source, "# omp taskwait", "def taskwait"),
        "two_loops": _line_of(source, "for i in range(8):\n            out[i] += 1",
                              "def two_loops") - 1,
        "after": _line_of(source, "out[0] = sum(out)", "def after_the_loop"),
        "orphaned": _line_of(source, "# omp critical", "def orphaned_helper"),
    }
    got = _dask(scheduler, "prog.py", cwd=tmp_path)
    assert got.status == 0, got.err
    assert got.out == EXPECTED_REFUSALS.format(**lines)


KILLED = '''
import os, sys
marker = sys.argv[1]
out = [0] * 40
# omp parallel for schedule(dynamic, 5)
for i in range(40):
    if i == 17 and not os.path.exists(marker):
        open(marker, "w").close()
        os.kill(os.getpid(), 9)  # this worker dies in the middle of the region
    out[i] = i * i
print(sum(out), os.path.exists(marker))
'''


def test_a_worker_killed_mid_region_is_survived(scheduler, tmp_path):
    (tmp_path / "prog.py").write_text(KILLED)
    marker = tmp_path / "died"
    got = _dask(scheduler, "prog.py", str(marker), cwd=tmp_path)
    assert got.status == 0, got.err
    assert got.out == f"{sum(i * i for i in range(40))} True\n"


FAILING = '''
def check(i):
    if i == 5:
        raise ValueError(f"bad item {i}")
    return i

out = [0] * 10
# omp parallel for
for i in range(10):
    out[i] = check(i)
'''


def test_an_exception_in_the_body_reaches_the_program_at_the_users_line(scheduler, tmp_path):
    (tmp_path / "prog.py").write_text(FAILING)
    got = _dask(scheduler, "prog.py", cwd=tmp_path)
    assert got.status == 1
    assert got.err.rstrip().endswith("ValueError: bad item 5")
    assert f'File "{tmp_path / "prog.py"}", line 4, in check' in got.err
    assert 'raise ValueError(f"bad item {i}")' in got.err
    assert "omppy/runtime" not in got.err


USE_BACKEND = '''
import sys
import omppy
from distributed import Client

client = Client(sys.argv[1])
omppy.use_backend("dask", client=client)
squares = [0] * 12
# omp parallel for num_threads(2)
for i in range(12):
    squares[i] = i * i
print(squares, omppy.omp_get_num_threads())
print(client.status)  # omppy leaves the program's client open
'''


def test_use_backend_with_the_programs_client(scheduler, tmp_path):
    (tmp_path / "prog.py").write_text(USE_BACKEND)
    got = run_omppy("run", "prog.py", scheduler, cwd=tmp_path, timeout=120)
    assert got.status == 0, got.err
    assert got.out == f"{[i * i for i in range(12)]} 1\nrunning\n"


def test_an_unreachable_scheduler_is_an_error_at_start(tmp_path):
    (tmp_path / "prog.py").write_text('print("ran")\n')
    got = run_omppy(
        "run", "--backend", "dask", "--scheduler", "tcp://127.0.0.1:9", "prog.py",
        cwd=tmp_path, timeout=60,
        env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"},
    )
    assert got.status == 1
    assert "ran" not in got.out
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in got.err
    assert "Traceback" not in got.err


def test_without_dask_the_backend_says_how_to_install(tmp_path):
    fake = tmp_path / "fake"
    (fake / "distributed").mkdir(parents=True)
    (fake / "distributed" / "__init__.py").write_text("raise ImportError('no dask here')\n")
    (tmp_path / "prog.py").write_text('print("ran")\n')
    got = run_omppy("run", "--backend", "dask", "prog.py", cwd=tmp_path,
                    env={"PYTHONPATH": f"{fake}:{ROOT}"})
    assert got.status == 2
    assert 'pip install "omppy[dask]"' in got.err
    assert "ran" not in got.out


def test_the_documented_example_runs_on_its_own_local_cluster(tmp_path):
    """docs/cluster.md's example, on the LocalCluster omppy starts (and closes)."""
    text = (ROOT / "docs" / "cluster.md").read_text()
    example = re.search(r"```python\n# example\.py\n(.*?)```", text, re.DOTALL)
    assert example is not None
    (tmp_path / "example.py").write_text(textwrap.dedent(example.group(1)))
    expected = run_python(tmp_path / "example.py", cwd=tmp_path)
    got = run_omppy("run", "--backend", "dask", "-n", "2", "example.py", cwd=tmp_path,
                    threads=None, timeout=120)
    assert got.status == 0, got.err
    assert got.out == expected.out
    assert got.err == ""  # nothing from Dask: not at start, not when omppy closes it


BIG_INPUT = '''
import numpy as np
data = np.arange(400_000, dtype=np.float64)  # 3 MB: the region is scattered once
out = np.zeros(8)
rows = [[0] * 4 for _ in range(8)]
# omp parallel for schedule(dynamic)
for k in range(8):
    part = data[k::8].sum()
    out[k] = part
    rows[k][k % 4] = int(part) % 97
print(out.tolist(), rows)
'''


def test_a_big_input_travels_once_and_the_stores_come_back(scheduler, tmp_path):
    (tmp_path / "prog.py").write_text(BIG_INPUT)
    expected = run_python(tmp_path / "prog.py", cwd=tmp_path)
    got = _dask(scheduler, "prog.py", cwd=tmp_path)
    assert got.status == 0, got.err
    assert got.out == expected.out


CLOSURES = '''
def make():
    memo = {}
    def record(k, v):
        memo[k] = v
    def compute(n, cache={}):
        cache[n] = n * n
        return n
    out = [0] * 8
    # omp parallel for schedule(dynamic, 3)
    for i in range(8):
        record(i, i * 3)
        out[i] = compute(i)
    return memo, out, compute.__defaults__[0]

memo, out, cache = make()
print(sorted(memo.items()), out, sorted(cache.items()))
'''


def test_writes_to_a_closure_and_a_default_of_a_called_function_come_back(scheduler, tmp_path):
    (tmp_path / "prog.py").write_text(CLOSURES)
    expected = run_python(tmp_path / "prog.py", cwd=tmp_path)
    got = _dask(scheduler, "prog.py", cwd=tmp_path)
    assert got.status == 0, got.err
    assert got.out == expected.out
