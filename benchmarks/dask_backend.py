"""The dask backend beside the fork backend: what a region and a chunk cost, and the
speed-up of a coarse loop on two local workers (docs/cluster.md, "When a loop is worth
sending"; docs/benchmarks.md, "The dask backend").

    python benchmarks/dask_backend.py            # about a minute on an idle 2-core machine
    python benchmarks/dask_backend.py --quick    # smaller sizes (the coarse loop ~2 s)

Needs the dask extra (pip install "omppy[dask]").  The dask side is a LocalCluster of
two single-threaded worker processes that omppy starts; its start-up is reported
apart and not counted in any row.  Results are checked against the sequential run.
The figures mean something only on an idle machine: the load average is printed
beside them, and a run on a busy machine says "under load".
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import load

SOURCE = '''
import math

def empty_regions(k, size):
    out = [0] * size
    for _ in range(k):
        # omp parallel for schedule(static) num_threads(size)
        for i in range(size):
            out[i] = i
    return out

def chunks(c, size):
    out = [0] * c
    # omp parallel for schedule(dynamic, 1) num_threads(size)
    for i in range(c):
        out[i] = i
    return out

def work(n):
    return sum(math.isqrt(k) % 7 for k in range(n * 400_000, (n + 1) * 400_000))

def coarse(pieces, size):
    total = 0
    # omp parallel for reduction(+:total) schedule(static) num_threads(size)
    for n in range(pieces):
        total += work(n)
    return total

def float_work(n):
    # A float series (the shape of examples/pi.py): no integer objects outlive an
    # iteration, unlike work() above.
    s = 0.0
    for k in range(n * 400_000, (n + 1) * 400_000):
        s += (1.0 - 2.0 * (k & 1)) / (2.0 * k + 1.0)
    return s

def float_coarse(pieces, size):
    total = 0.0
    # omp parallel for reduction(+:total) schedule(static) num_threads(size)
    for n in range(pieces):
        total += float_work(n)
    return total
'''

WORKERS = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        sys.exit('benchmarks/dask_backend.py needs the dask extra: pip install "omppy[dask]"')
    from omppy.runtime import backend

    plain = load(SOURCE, "<dask_bench>", "dask_bench_plain", parallel=False)
    module = load(SOURCE, "<dask_bench>", "dask_bench_omppy", parallel=True)
    load1 = os.getloadavg()[0]
    busy = load1 > (os.cpu_count() or 1) * 0.5
    print(f"load average {load1:.1f} on {os.cpu_count()} CPUs"
          + (" -- UNDER LOAD: figures are not representative" if busy else ""))

    regions = 5 if args.quick else 20
    chunk_count = 20 if args.quick else 100
    target = 1.5 if args.quick else 5.0
    loops = [Coarse("integer", plain.work, plain.coarse, module.coarse, target),
             Coarse("float", plain.float_work, plain.float_coarse, module.float_coarse,
                    target)]
    for loop in loops:
        print(f"{loop.name} coarse loop, sequential: {loop.sequential:.2f} s "
              f"({loop.pieces} pieces)")

    rows = []
    for name in ("fork", "dask"):
        if name == "dask":
            backend.use("dask", workers=WORKERS)
            from omppy.runtime.dask import connect

            start = time.perf_counter()
            connect.client().wait_for_workers(WORKERS)
            print(f"dask: LocalCluster of {WORKERS} workers started in "
                  f"{time.perf_counter() - start:.2f} s (not counted below)")
            module.empty_regions(1, WORKERS)  # workers import omppy and numpy once
        else:
            backend.use("fork")
        start = time.perf_counter()
        assert module.empty_regions(regions, WORKERS) == list(range(WORKERS))
        per_region = (time.perf_counter() - start) / regions
        start = time.perf_counter()
        assert module.chunks(chunk_count, WORKERS) == list(range(chunk_count))
        per_chunk = max(0.0, time.perf_counter() - start - per_region) / chunk_count
        rows.append((name, per_region, per_chunk, [loop.parallel() for loop in loops]))

    # The peer a user would pick instead, on the same loops: what two processes can
    # gain on this machine for each workload (its ceiling, whatever the backend).
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
        pool.map(abs, range(WORKERS))  # started before the clock, as the cluster is
        rows.append(("multiprocessing.Pool", float("nan"), float("nan"),
                     [loop.pooled(pool) for loop in loops]))
    label = " (under load)" if busy else ""
    heads = " | ".join(f"{loop.name} loop{label} | speed-up on {WORKERS}" for loop in loops)
    print(f"\n| backend | per region{label} | per chunk{label} | {heads} |")
    print("|---|---|---|" + "---|---|" * len(loops))
    for name, per_region, per_chunk, timings in rows:
        region = "-" if per_region != per_region else f"{per_region * 1e3:.1f} ms"
        chunk_cost = "-" if per_chunk != per_chunk else f"{per_chunk * 1e3:.2f} ms"
        cells = " | ".join(f"{elapsed:.2f} s | {loop.sequential / elapsed:.2f}x"
                           for loop, elapsed in zip(loops, timings, strict=True))
        print(f"| {name} | {region} | {chunk_cost} | {cells} |")


class Coarse:
    """One coarse loop: calibrated to last `target` seconds sequentially (as many pieces
    of work as that takes, a multiple of the workers), timed on a backend or a Pool and
    checked against the sequential result (a float sum to rounding: the reduction adds
    the threads' partial sums in another order)."""

    def __init__(self, name, work, sequential_loop, parallel_loop, target):
        self.name, self.work, self.parallel_loop = name, work, parallel_loop
        start = time.perf_counter()
        work(0)
        piece = time.perf_counter() - start
        self.pieces = max(2, -(-int(target / piece + 1) // WORKERS)) * WORKERS
        start = time.perf_counter()
        self.expected = sequential_loop(self.pieces, WORKERS)
        self.sequential = time.perf_counter() - start

    def check(self, result) -> None:
        assert math.isclose(result, self.expected, rel_tol=1e-9), (result, self.expected)

    def parallel(self) -> float:
        start = time.perf_counter()
        self.check(self.parallel_loop(self.pieces, WORKERS))
        return time.perf_counter() - start

    def pooled(self, pool) -> float:
        start = time.perf_counter()
        chunk = self.pieces // WORKERS
        self.check(sum(pool.map(self.work, range(self.pieces), chunksize=chunk)))
        return time.perf_counter() - start


if __name__ == "__main__":
    main()
