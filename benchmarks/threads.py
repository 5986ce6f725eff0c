"""The threads backend on a free-threaded CPython: speed-ups, costs, and OMP4Py.

    python3.13t benchmarks/threads.py            # about 2 minutes on 2 idle cores
    python3.13t benchmarks/threads.py --quick    # smaller sizes, fewer repeats
    python3.13t benchmarks/threads.py --smoke    # tiny: does every row run?

Build the interpreter with ``benchmarks/build_freethreaded.sh`` (docs/benchmarks.md,
"Free-threaded CPython").  Every workload's source is loaded twice, as in
``benchmarks/run.py``: compiled as plain Python (the pragmas are comments: the
sequential baseline) and translated by omppy.  The translated code runs on the
threads backend and, for the data-heavy workloads, on the fork backend too (the
backend is switched between measurements, in this one process).  The pi loop is also
run by OMP4Py (``pip install omp4py``) when it is importable, on the same interpreter.
Speed rows report the best of ``--repeat`` interleaved runs; cost rows the median.
Every omppy and OMP4Py result is checked against the sequential one.

Prints Markdown (see docs/benchmarks.md); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import sys
import time
import types
import warnings
from collections.abc import Callable
from typing import Any

PARSER = argparse.ArgumentParser(description="omppy threads-backend benchmarks")
PARSER.add_argument("--quick", action="store_true", help="small sizes, fewer repeats")
PARSER.add_argument(
    "--smoke",
    action="store_true",
    help="tiny sizes, one run each: checks that every row runs (its figures mean nothing)",
)
PARSER.add_argument("--threads", type=int, default=2, help="team size (default 2)")
PARSER.add_argument("--repeat", type=int, default=None, help="runs per measurement")
ARGS = PARSER.parse_args() if __name__ == "__main__" else PARSER.parse_args([])
T = ARGS.threads
os.environ["OMPPY_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(T)

from omppy.runtime import backend  # noqa: E402
from omppy.transform.lines import compile_translation  # noqa: E402
from omppy.transform.translate import translate  # noqa: E402

QUICK = ARGS.quick or ARGS.smoke
# The sizes: full (issue 22's: 2M stores, 400 short regions), --quick, --smoke.
SIZES = {
    "full": (3, 10_000_000, 2_000_000, (400, 4096), 2000, 200_000, 10_000),
    "quick": (2, 2_000_000, 500_000, (100, 2048), 500, 50_000, 2000),
    "smoke": (1, 20_000, 20_000, (10, 256), 50, 2000, 100),
}["smoke" if ARGS.smoke else "quick" if ARGS.quick else "full"]
REPEAT = ARGS.repeat or SIZES[0]
N_PI, N_STORES = SIZES[1], SIZES[2]
REGIONS = SIZES[3]  # (regions, items per region)
EMPTY_REGIONS, N_DYNAMIC, BARRIERS = SIZES[4], SIZES[5], SIZES[6]

SOURCE = """\
import math

def pi(n):
    h = 1.0 / n
    s = 0.0
    # omp parallel for reduction(+:s)
    for i in range(n):
        x = h * (i + 0.5)
        s += 4.0 / (1.0 + x * x)
    return s * h

def stores(n):
    out = [0] * n
    # omp parallel for
    for i in range(n):
        out[i] = i * i
    return out

def stages(data, rounds):
    # One region per stage, as an FFT or a stencil written with one 'parallel for'
    # per sweep: the regions are short, so their cost is what matters.
    n = len(data)
    for r in range(rounds):
        shift = 1 << (r % 10)
        nxt = [0.0] * n
        # omp parallel for
        for i in range(n):
            j = (i + shift) % n
            nxt[i] = 0.5 * (data[i] + data[j]) + math.sin(data[i]) * 1e-3
        data = nxt
    return data

def empty_regions(k):
    for _ in range(k):
        # omp parallel
        pass

def dynamic_loop(n):
    # omp parallel for schedule(dynamic, 1)
    for i in range(n):
        pass

def static_loop(n):
    # omp parallel for schedule(static)
    for i in range(n):
        pass

def barriers(k):
    # omp parallel
    for _ in range(k):
        # omp barrier
        pass
    # omp end parallel
"""

OMP4PY_SOURCE = """\
from omp4py import omp, omp_set_num_threads

omp_set_num_threads(THREADS)

@omp
def pi(n):
    h = 1.0 / n
    s = 0.0
    with omp("parallel for reduction(+:s)"):
        for i in range(n):
            x = h * (i + 0.5)
            s += 4.0 / (1.0 + x * x)
    return s * h
"""


def load(source: str, name: str, parallel: bool) -> types.ModuleType:
    if parallel:
        code = compile_translation(translate(source, name), name)
    else:
        code = compile(source, name, "exec", dont_inherit=True)
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(code, module.__dict__)
    return module


def load_omp4py() -> types.ModuleType:
    """The OMP4Py pi, imported from a file (its ``@omp`` reads the function's source)."""
    import importlib.util
    import tempfile

    folder = tempfile.mkdtemp(prefix="omppy-bench-")
    path = os.path.join(folder, "bench_omp4py.py")
    with open(path, "w") as handle:
        handle.write(OMP4PY_SOURCE.replace("THREADS", str(T)))
    spec = importlib.util.spec_from_file_location("bench_omp4py", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_omp4py"] = module
    spec.loader.exec_module(module)
    return module


def use(name: str) -> None:
    os.environ["OMPPY_BACKEND"] = name
    backend.reset_from_environment()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def counted(fn: Callable[[], Any], per: int) -> tuple[float, float, float]:
    """``fn``'s time and the process's voluntary (a thread went to sleep: a futex
    wait) and involuntary (preempted) context switches, each divided by ``per``.
    The switches do not depend on the machine's speed, only on how often a thread
    found nothing to do but sleep (and, involuntary ones, on the other load)."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    elapsed, _ = timed(fn)
    after = resource.getrusage(resource.RUSAGE_SELF)
    return (
        elapsed / per,
        (after.ru_nvcsw - before.ru_nvcsw) / per,
        (after.ru_nivcsw - before.ru_nivcsw) / per,
    )


def best_of(fns: dict[str, Callable[[], Any]]) -> dict[str, tuple[float, Any]]:
    """Each function ``REPEAT`` times, interleaved; its best time and its last result."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    results: dict[str, Any] = {}
    for _ in range(REPEAT):
        for key, fn in fns.items():
            if key.startswith("fork"):
                use("fork")
            elif key.startswith("threads"):
                use("threads")
            elapsed, results[key] = timed(fn)
            times[key].append(elapsed)
    return {k: (min(v), results[k]) for k, v in times.items()}


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def main() -> None:
    # The fork rows fork a process whose only other threads are the threads
    # backend's idle pool workers (asleep on their own locks, holding none): the fork
    # backend's warning about other threads does not apply to them.
    warnings.filterwarnings("ignore", message="omppy: this program runs", category=RuntimeWarning)
    gil = backend.gil_enabled()
    load_start = os.getloadavg()
    seq = load(SOURCE, "bench_threads_seq", False)
    omp = load(SOURCE, "bench_threads_omp", True)
    try:
        omp4py: types.ModuleType | None = load_omp4py()
        from importlib.metadata import version

        omp4py_version = version("omp4py")
    except Exception as error:  # not installed here: its row says so
        omp4py, omp4py_version = None, f"not available ({type(error).__name__})"

    print("- Python:", sys.version.split()[0], platform.python_implementation(), end="")
    print(f", GIL {'enabled' if gil else 'disabled'} (free-threaded build)" * (not gil) or "")
    print(f"- CPUs usable: {len(os.sched_getaffinity(0))}; team size {T}; repeats {REPEAT}")
    print(f"- OMP4Py: {omp4py_version}")
    print(f"- load average before: {load_start[0]:.2f} (1 min)")
    print()

    checks: list[bool] = []
    speed_rows = []

    log("pi")
    runs = {"seq": lambda: seq.pi(N_PI), "threads": lambda: omp.pi(N_PI)}
    if omp4py is not None:
        runs["omp4py"] = lambda: omp4py.pi(N_PI)
    got = best_of(runs)
    reference = got["seq"][1]
    checks += [abs(v[1] - reference) < 1e-9 for v in got.values()]
    speed_rows.append(("pi, `parallel for reduction(+:s)`", f"n={N_PI:,}", got))

    log("stores")
    got = best_of(
        {
            "seq": lambda: seq.stores(N_STORES),
            "threads": lambda: omp.stores(N_STORES),
            "fork": lambda: omp.stores(N_STORES),
        }
    )
    checks += [v[1] == got["seq"][1] for v in got.values()]
    speed_rows.append(("`out[i] = i * i` stores into a list", f"{N_STORES:,} stores", got))

    log("regions")
    count, width = REGIONS
    data = [((i * 7919) % 1000) / 1000.0 for i in range(width)]
    got = best_of(
        {
            "seq": lambda: seq.stages(data, count),
            "threads": lambda: omp.stages(data, count),
            "fork": lambda: omp.stages(data, count),
        }
    )
    checks += [v[1] == got["seq"][1] for v in got.values()]
    speed_rows.append(("one short `parallel for` per stage", f"{count} regions x {width}", got))

    print(
        f"| workload | size | sequential | omppy threads ({T}) | speed-up "
        "| omppy fork | speed-up | OMP4Py | speed-up |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, size, row in speed_rows:
        base = row["seq"][0]
        cells = [name, size, f"{base:.3f} s"]
        for key in ("threads", "fork", "omp4py"):
            if key in row:
                cells += [f"{row[key][0]:.3f} s", f"**{base / row[key][0]:.2f}x**"]
            else:
                cells += ["-", "-"]
        print("| " + " | ".join(cells) + " |")
    print()

    log("costs")
    use("threads")
    omp.empty_regions(50)  # the pool's threads exist from here on
    rounds = 3 if QUICK else 5
    region, dynamic, static, barrier = [], [], [], []
    region_switches, barrier_switches = [], []
    for _ in range(rounds):
        per_region = counted(lambda: omp.empty_regions(EMPTY_REGIONS), EMPTY_REGIONS)
        region.append(per_region[0])
        region_switches.append(per_region[1:])
        dynamic.append(timed(lambda: omp.dynamic_loop(N_DYNAMIC))[0])
        static.append(timed(lambda: omp.static_loop(N_DYNAMIC))[0])
        per_barrier_run = counted(lambda: omp.barriers(BARRIERS), BARRIERS)
        barrier.append(per_barrier_run[0] * BARRIERS)
        barrier_switches.append(per_barrier_run[1:])
    empty = statistics.median(region)
    per_chunk = (statistics.median(dynamic) - statistics.median(static)) / N_DYNAMIC * T
    per_barrier = (statistics.median(barrier) - empty) / BARRIERS

    def switches(rows: list[tuple[float, float]]) -> str:
        voluntary = statistics.median(v for v, _ in rows)
        involuntary = statistics.median(i for _, i in rows)
        return f"{voluntary:.2f} / {involuntary:.2f}"

    use("fork")
    fork_region = statistics.median(
        timed(lambda: omp.empty_regions(50))[0] / 50 for _ in range(rounds)
    )
    print(
        "| cost on the threads backend (median of rounds) | measured "
        "| context switches, voluntary / involuntary | goal |"
    )
    print("|---|---:|---:|---|")
    print(
        f"| empty `parallel` region ({T} threads) | {empty * 1e6:.1f} us "
        f"(fork backend: {fork_region * 1e6:,.0f} us) | {switches(region_switches)} per region "
        "| <= 50 us |"
    )
    print(
        f"| `schedule(dynamic, 1)` hand-out, per chunk per thread | {per_chunk * 1e6:.2f} us "
        "| | <= 2 us |"
    )
    print(
        f"| `# omp barrier` ({T} threads) | {per_barrier * 1e6:.1f} us "
        f"| {switches(barrier_switches)} per barrier | <= 20 us |"
    )
    print()
    load_end = os.getloadavg()
    print(
        f"Checks: {sum(checks)} of {len(checks)} results equal the sequential ones. "
        f"Load average after: {load_end[0]:.2f} (1 min)."
    )


if __name__ == "__main__":
    main()
