"""pymp against omppy.pymp, side by side, on the same machine in one run.

    pip install pymp-pypi                      # the original, to compare with
    python benchmarks/pymp_compare.py [--quick] [--threads 2]

Each implementation runs in its own process (``--only pymp`` / ``--only omppy``) with
the same code: only ``import pymp`` differs.  Without pymp-pypi installed, only
omppy.pymp is measured.  The table (markdown) goes to standard output; what it
measures is in docs/pymp.md ("Performance").  Run it on an otherwise idle machine; on
a shared one, ``chrt -f 10 python benchmarks/pymp_compare.py --only omppy`` (root: real-
time priority, ahead of every ordinary process) gives figures close to idle ones
(docs/benchmarks.md, "Session 6").

Measures, with a team of ``--threads`` (2 by default):

- ``empty region``: ``with Parallel(n): pass``, median of many, and beside it a raw
  fork/join (fork ``n - 1`` children that ``os._exit`` at once, wait for them);
- ``xrange``: a region whose threads take ``N`` empty iterations from ``p.xrange``;
  the region's time over ``N``;
- ``list.append``, ``dict[k] = v``: every thread appends (stores) ``N / n`` items; the
  region's time over the operations *each thread* made (what a thread waits per
  operation);
- ``iterate``: thread 0 produces ``N`` elements, the others consume; time over ``N``;
- ``pi`` and ``Mandelbrot``: pymp-style programs (a ``p.range`` sum into a shared
  array; ``p.xrange`` over rows into a shared array), their sequential time over their
  parallel time.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOALS = {
    "empty region": "<= 1.5x raw fork/join",
    "xrange, per iteration": "<= 5 us",
    "shared list.append": "<= 10 us",
    "shared dict[k] = v": "<= 10 us",
    "iterate, per element": "<= 20 us",
    "pi speed-up": ">= 1.8x",
    "Mandelbrot speed-up": ">= 1.8x",
}


def _median_time(run: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the workloads (pymp's API; `pymp` is whichever implementation is measured) ----------------


def raw_fork_join(threads: int) -> None:
    pids = []
    for _ in range(threads - 1):
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)


def empty_region(pymp: Any, threads: int) -> None:
    with pymp.Parallel(threads):
        pass


def xrange_loop(pymp: Any, threads: int, n: int) -> None:
    with pymp.Parallel(threads) as p:
        for _ in p.xrange(n):
            pass


def list_appends(pymp: Any, threads: int, n: int) -> None:
    items = pymp.shared.list()
    with pymp.Parallel(threads) as p:
        for i in p.range(n):
            items.append(i)
    assert len(items) == n


def dict_stores(pymp: Any, threads: int, n: int) -> None:
    table = pymp.shared.dict()
    with pymp.Parallel(threads) as p:
        for i in p.range(n):
            table[i] = i
    assert len(table) == n


def iterate_loop(pymp: Any, threads: int, n: int) -> None:
    with pymp.Parallel(threads) as p:
        for _ in p.iterate(range(n)):
            pass


def pi_sequential(n: int) -> float:
    h, s = 1.0 / n, 0.0
    for i in range(n):
        x = h * (i + 0.5)
        s += 4.0 / (1.0 + x * x)
    return s * h


def pi_parallel(pymp: Any, threads: int, n: int) -> float:
    h = 1.0 / n
    partial = pymp.shared.array((threads,))
    with pymp.Parallel(threads) as p:
        s = 0.0
        for i in p.range(n):
            x = h * (i + 0.5)
            s += 4.0 / (1.0 + x * x)
        partial[p.thread_num] = s
    return float(partial.sum()) * h


def _mandel_row(row: int, width: int, height: int, max_iter: int, out: Any) -> None:
    ci = -1.2 + (row + 0.5) * 2.4 / height
    for col in range(width):
        c = complex(-2.0 + (col + 0.5) * 2.6 / width, ci)
        z, k = 0j, 0
        while k < max_iter and z.real * z.real + z.imag * z.imag <= 4.0:
            z, k = z * z + c, k + 1
        out[row, col] = k


def mandel_sequential(size: tuple[int, int, int]) -> Any:
    import numpy as np

    width, height, max_iter = size
    out = np.zeros((height, width), dtype=np.int32)
    for row in range(height):
        _mandel_row(row, width, height, max_iter, out)
    return out


def mandel_parallel(pymp: Any, threads: int, size: tuple[int, int, int]) -> Any:
    width, height, max_iter = size
    out = pymp.shared.array((height, width), dtype="int32")
    with pymp.Parallel(threads) as p:
        for row in p.xrange(height):
            _mandel_row(row, width, height, max_iter, out)
    return out


# -- one implementation, in this process -------------------------------------------------------


def measure(module: str, threads: int, quick: bool) -> dict[str, float]:
    pymp = importlib.import_module(module)
    scale = 4 if quick else 1
    n_loop, n_ops, n_iter = 4000 // scale, 4000 // scale, 2000 // scale
    pi_n = 2_000_000 // scale
    mandel = (400, 300, 250) if not quick else (200, 150, 200)
    for _ in range(3):  # warm up: imports, the first team's setup
        empty_region(pymp, threads)
    results = {
        "raw fork/join": _median_time(lambda: raw_fork_join(threads), 30),
        "empty region": _median_time(lambda: empty_region(pymp, threads), 30),
    }
    results["xrange, per iteration"] = (
        _median_time(lambda: xrange_loop(pymp, threads, n_loop), 3) / n_loop
    )
    per_thread = n_ops / threads
    results["shared list.append"] = (
        _median_time(lambda: list_appends(pymp, threads, n_ops), 3) / per_thread
    )
    results["shared dict[k] = v"] = (
        _median_time(lambda: dict_stores(pymp, threads, n_ops), 3) / per_thread
    )
    results["iterate, per element"] = (
        _median_time(lambda: iterate_loop(pymp, threads, n_iter), 3) / n_iter
    )
    expected = pi_sequential(pi_n)
    assert abs(pi_parallel(pymp, threads, pi_n) - expected) < 1e-9
    results["pi speed-up"] = _median_time(lambda: pi_sequential(pi_n), 3) / _median_time(
        lambda: pi_parallel(pymp, threads, pi_n), 3
    )
    reference = mandel_sequential(mandel)
    assert (mandel_parallel(pymp, threads, mandel) == reference).all()
    results["Mandelbrot speed-up"] = _median_time(
        lambda: mandel_sequential(mandel), 3
    ) / _median_time(lambda: mandel_parallel(pymp, threads, mandel), 3)
    return results


# -- the table -----------------------------------------------------------------------------------


def _shown(name: str, value: float | None, results: dict[str, float] | None) -> str:
    if value is None or results is None:
        return "-"
    if name.endswith("speed-up"):
        return f"{value:.2f}x"
    if name == "empty region":
        return f"{value * 1e3:.2f} ms ({value / results['raw fork/join']:.2f}x raw)"
    if name == "raw fork/join":
        return f"{value * 1e3:.2f} ms"
    return f"{value * 1e6:.1f} us"


def _run_child(which: str, threads: int, quick: bool) -> dict[str, float] | None:
    command = [sys.executable, __file__, "--only", which, "--threads", str(threads)]
    if quick:
        command.append("--quick")
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        print(f"{which}: failed\n{done.stderr}", file=sys.stderr)
        return None
    results: dict[str, float] = json.loads(done.stdout)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke test")
    parser.add_argument("--only", choices=("pymp", "omppy"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.only:
        module = "pymp" if args.only == "pymp" else "omppy.pymp"
        print(json.dumps(measure(module, args.threads, args.quick)))
        return
    have_pymp = importlib.util.find_spec("pymp") is not None
    theirs = _run_child("pymp", args.threads, args.quick) if have_pymp else None
    ours = _run_child("omppy", args.threads, args.quick)
    print(f"{args.threads} threads, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print()
    print("| | pymp | omppy.pymp | goal |")
    print("|---|---|---|---|")
    for name in ("raw fork/join", *GOALS):
        mine = ours.get(name) if ours else None
        other = theirs.get(name) if theirs else None
        row = [name, _shown(name, other, theirs), _shown(name, mine, ours)]
        print("| " + " | ".join([*row, GOALS.get(name, "")]) + " |")
    if not have_pymp:
        print("\npymp-pypi is not installed: 'pip install pymp-pypi' to compare.")


if __name__ == "__main__":
    main()
