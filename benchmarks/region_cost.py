"""What one empty region costs, counted: page faults and CPU time, master and workers.

    python benchmarks/region_cost.py [--regions 200] [--threads 2] [--only raw,pymp,omp]

Wall time on a shared machine says little (docs/benchmarks.md, "Noise"); what a region
does is counted instead, per region, in this one process:

- ``raw``: the floor, ``fork`` of ``threads - 1`` children that ``os._exit(0)`` at
  once, and their ``waitpid``;
- ``pymp``: ``with omppy.pymp.Parallel(threads): pass``;
- ``omp``: an empty ``# omp parallel`` region, translated in a forked child as ``omppy
  run`` does (so this process holds no translator: run.translated_code).

Columns: the median wall time; the master's CPU time (user + system, ``getrusage``)
and minor page faults; the same for the workers (``RUSAGE_CHILDREN``, after they are
reaped). A page the master or a worker writes after the fork is copied: one minor
fault each (docs/benchmarks.md, "Session 6"). Counts do not depend on the load; CPU
time depends on it less than wall time.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import (  # the raw floor: fork children that exit at once, reap them
    fork_join,
    translated_code,
)

OMP_SOURCE = """\
def regions(k):
    for _ in range(k):
        # omp parallel num_threads(T)
        pass
"""


def pymp_regions(threads: int) -> Callable[[int], None]:
    import omppy.pymp as pymp

    def run(k: int) -> None:
        for _ in range(k):
            with pymp.Parallel(threads):
                pass

    return run


def omp_regions(threads: int) -> Callable[[int], None]:
    source = OMP_SOURCE.replace("num_threads(T)", f"num_threads({threads})")
    code = translated_code(source, "<region_cost>")  # as omppy run: not in this process
    module = types.ModuleType("region_cost_omp")
    module.__file__ = "<region_cost>"
    sys.modules[module.__name__] = module
    exec(code, module.__dict__)
    return module.regions  # type: ignore[no-any-return]


def _reap_deferred() -> None:
    reaping = sys.modules.get("omppy.runtime.reaping")
    if reaping is not None:
        reaping.reap_all()  # type: ignore[attr-defined]


def count(run: Callable[[int], None], regions: int) -> dict[str, float]:
    """Per region: wall (median of single regions), CPU and faults (means)."""
    run(5)  # warm: imports, the first arena or block
    _reap_deferred()
    walls = []
    me0 = resource.getrusage(resource.RUSAGE_SELF)
    ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(regions):
        start = time.perf_counter()
        run(1)
        walls.append(time.perf_counter() - start)
    _reap_deferred()
    me1 = resource.getrusage(resource.RUSAGE_SELF)
    ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall_us": statistics.median(walls) * 1e6,
        "min_us": min(walls) * 1e6,
        "master_cpu_us": (me1.ru_utime + me1.ru_stime - me0.ru_utime - me0.ru_stime)
        / regions
        * 1e6,
        "master_sys_us": (me1.ru_stime - me0.ru_stime) / regions * 1e6,
        "master_faults": (me1.ru_minflt - me0.ru_minflt) / regions,
        "workers_cpu_us": (ch1.ru_utime + ch1.ru_stime - ch0.ru_utime - ch0.ru_stime)
        / regions
        * 1e6,
        "workers_faults": (ch1.ru_minflt - ch0.ru_minflt) / regions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=200)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", default="raw,pymp,omp")
    args = parser.parse_args()
    kinds = {
        "raw": lambda: lambda k: fork_join(k, args.threads),
        "pymp": lambda: pymp_regions(args.threads),
        "omp": lambda: omp_regions(args.threads),
    }
    runs = {name: kinds[name]() for name in args.only.split(",")}  # imports first
    print(f"{args.threads} threads, {args.regions} regions each, load {os.getloadavg()[0]:.1f}")
    print(
        "| kind | wall us (median, min) | master CPU us (sys) | master faults "
        "| workers CPU us | workers faults |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, run in runs.items():
        c = count(run, args.regions)
        print(
            f"| {name} | {c['wall_us']:.0f}, {c['min_us']:.0f}"
            f" | {c['master_cpu_us']:.0f} ({c['master_sys_us']:.0f})"
            f" | {c['master_faults']:.1f} | {c['workers_cpu_us']:.0f}"
            f" | {c['workers_faults']:.1f} |"
        )


if __name__ == "__main__":
    main()
