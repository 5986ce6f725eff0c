"""omppy leak test: many regions, some failing in every way, and what the master keeps.

    python benchmarks/leaks.py                    # 10,000 regions (a few minutes)
    python benchmarks/leaks.py --regions 300 --check   # what tests/test_reliability.py runs

Runs a cycle of region kinds in one process, translated in-process exactly as
``omppy run`` does: a normal region (reduction, item stores, critical, barrier), an
exception in a worker, an exception in the master while the workers wait at a
barrier, a worker that calls ``os._exit``, a worker killed with ``SIGKILL``, a worker
that segfaults in C (``ctypes.string_at(0)``) and a region that stages an ordinary
numpy array.  Each failure is caught and the program goes on.

After a warm-up it samples the master's open descriptors, child processes (zombies
included), threads, entries in ``/dev/shm`` created since the start, memory mappings
(``/proc/self/maps`` lines), address space (VmSize) and RSS, and prints them as a
Markdown table (docs/reliability.md has the figures of a full run).  ``--check``
exits with status 1 when a figure grew past its tolerance.  The figures are counts,
not times: they do not depend on the machine's load.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from omppy.transform.lines import compile_translation  # noqa: E402
from omppy.transform.translate import translate  # noqa: E402

WORKLOAD = """
import ctypes, os, signal
import numpy as np
from omppy import WorkerDied, omp_get_thread_num

def normal(k):
    total = 0
    squares = [0] * 16
    hits = []
    # omp parallel for reduction(+:total) schedule(dynamic, 2)
    for i in range(16):
        squares[i] = i * i
        total += i
        # omp critical
        hits.append(i)
    assert total == 120 and squares[3] == 9 and len(hits) == 16

def worker_raises(k):
    # omp parallel
    if omp_get_thread_num() == 1:
        raise ValueError(k)
    # omp end parallel

def master_raises(k):
    # omp parallel
    if omp_get_thread_num() == 0:
        raise KeyError(k)
    # omp barrier
    # omp end parallel

def worker_exits(k):
    # omp parallel
    if omp_get_thread_num() == 1:
        os._exit(3)
    # omp end parallel

def worker_killed(k):
    # omp parallel
    if omp_get_thread_num() == 1:
        os.kill(os.getpid(), signal.SIGKILL)
    # omp barrier
    # omp end parallel

def worker_segfaults(k):
    # omp parallel
    if omp_get_thread_num() == 1:
        ctypes.string_at(0)
    # omp end parallel

def staged_array(k):
    values = np.zeros(1024)
    # omp parallel for
    for i in range(1024):
        values[i] = i
    assert values[1023] == 1023

KINDS = [worker_raises, master_raises, worker_exits, worker_killed, worker_segfaults,
         staged_array, normal]
EXPECTED = {worker_raises: ValueError, master_raises: KeyError, worker_exits: WorkerDied,
            worker_killed: WorkerDied, worker_segfaults: WorkerDied}

def run(k):
    kind = KINDS[k % len(KINDS)]
    try:
        kind(k)
    except Exception as error:
        if not isinstance(error, EXPECTED.get(kind, ())):
            raise
    else:
        if kind in EXPECTED:
            raise AssertionError(f"{kind.__name__} did not fail")
"""

# What each figure may grow by over the run before --check fails.  Maps and RSS get
# some slack: the garbage collector frees a failed team's semaphores (one page
# mapping each) in batches, and the allocator keeps freed memory.
TOLERANCE = {
    "fds": 0,
    "children": 0,
    "threads": 0,
    "/dev/shm": 0,
    "maps": 64,
    "VmSize MiB": 256,
    "RSS MiB": 48,
}


def load_workload() -> types.ModuleType:
    filename = str(HERE / "leaks_workload.py")
    code = compile_translation(translate(WORKLOAD, filename), filename)
    module = types.ModuleType("leaks_workload")
    module.__file__ = filename
    sys.modules[module.__name__] = module
    exec(code, module.__dict__)
    return module


def children() -> int:
    """Processes whose parent is this one, zombies included."""
    me, count = os.getpid(), 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            count += int(fields[1]) == me
    return count


def status(field: str) -> int:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def sample(shm_before: set[str]) -> dict[str, int]:
    with open("/proc/self/maps") as handle:
        maps = sum(1 for _ in handle)
    return {
        "fds": len(os.listdir("/proc/self/fd")),
        "children": children(),
        "threads": status("Threads"),
        "/dev/shm": len(set(os.listdir("/dev/shm")) - shm_before),
        "maps": maps,
        "VmSize MiB": status("VmSize") >> 10,
        "RSS MiB": status("VmRSS") >> 10,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--samples", type=int, default=5, help="rows between start and end")
    parser.add_argument("--check", action="store_true", help="exit 1 if a figure grew")
    args = parser.parse_args(argv)
    os.environ["OMPPY_NUM_THREADS"] = str(args.threads)
    # A worker's segfault is expected here: faulthandler's report goes to the master.
    workload = load_workload()
    shm_before = set(os.listdir("/dev/shm"))
    warm_up = 3 * len(workload.KINDS)  # every kind once, arenas cached, numpy loaded
    for k in range(warm_up):
        workload.run(k)
    start_time = time.monotonic()
    rows = [(0, sample(shm_before))]
    # Samples after whole cycles, so each follows the same kind (a normal region,
    # whose arena stays mapped for the next team: VmSize counts it every time).
    cycle = len(workload.KINDS)
    regions = max(cycle, args.regions // cycle * cycle)
    step = max(1, regions // cycle // max(1, args.samples)) * cycle
    for k in range(regions):
        workload.run(warm_up + k)
        if (k + 1) % step == 0 or k + 1 == regions:
            rows.append((k + 1, sample(shm_before)))
    elapsed = time.monotonic() - start_time
    names = list(rows[0][1])
    print(
        f"{regions} regions on teams of {args.threads}, "
        f"{len(workload.KINDS)} kinds in turn ({elapsed:.0f} s), Python "
        f"{sys.version.split()[0]}\n"
    )
    print("| regions | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for count, figures in rows:
        print(f"| {count:,} | " + " | ".join(str(figures[n]) for n in names) + " |")
    first, last = rows[0][1], rows[-1][1]
    grown = [
        f"{name} {first[name]} -> {last[name]}"
        for name in names
        if last[name] - first[name] > TOLERANCE[name]
    ]
    if grown:
        print("\ngrew: " + "; ".join(grown))
        return 1 if args.check else 0
    print("\nnothing grew past its tolerance")
    return 0


if __name__ == "__main__":
    sys.exit(main())
