"""The floor under the default lost-write check's watch: what a fork costs the pages
the master writes afterwards, and how much of ``build_replica`` is the snapshot its
shadows must take (docs/benchmarks.md, session 11).

    python benchmarks/check_floor.py            # about 20 seconds
    python benchmarks/check_floor.py lookups    # one workload of checks.py

1. ``list(objects)`` of 5,000 plain objects (a reference to each: a write of its
   reference count) with no fork before it, after a fork whose child has exited, and
   after a fork whose child still runs (each page written is then copied).
2. For a region of ``benchmarks/checks.py``: ``watch.build_replica`` (what the master
   does before each fork), against the bare copies of what its shadows hold (a list's
   items, a dict's keys and values, an object's attributes: references the check
   must hold from the region's start), in one process, in the same three states.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import checks
from run import load

from omppy.runtime import forkjoin
from omppy.runtime import watch as watch_module
from omppy.runtime.shadow import AttributeShadow, DictShadow, ListShadow

CALLS: dict[str, tuple[int, ...]] = {
    "pi": (4_000_000,),
    "lookups": (600_000,),
    "particles_step": (800,),
    "criticals": (2_000,),
}
MODES = ("no fork", "fork, child gone", "fork, child alive")


def faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def after(mode: str, work: Callable[[], Any], rounds: int = 5) -> list[tuple[float, int]]:
    """(ms, minor faults) of ``work()`` run after ``mode``, best first."""
    rows = []
    for _ in range(rounds):
        gc.collect()
        pid = 0
        if mode != "no fork":
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child
                if mode == "fork, child alive":
                    time.sleep(0.2)
                os._exit(0)
            if mode == "fork, child gone":
                os.waitpid(pid, 0)
        before, start = faults(), time.perf_counter()
        kept = work()
        rows.append(((time.perf_counter() - start) * 1e3, faults() - before))
        del kept
        if mode == "fork, child alive":
            os.waitpid(pid, 0)
    return sorted(rows)


class Plain:
    def __init__(self, i: int) -> None:
        self.x = float(i)
        self.history: list[float] = []


def page_writes() -> None:
    objects = [Plain(i) for i in range(5_000)]
    for mode in MODES:
        rows = after(mode, lambda: list(objects), rounds=7)
        print(
            f"list(5,000 objects), {mode:18} {rows[0][0]:7.3f}-{rows[2][0]:7.3f} ms, "
            f"{rows[0][1]} faults"
        )


def snapshot_floor(workload: str) -> None:
    checks_module = load(checks.SOURCE, "checks_bench.py", "bench_seq_checks", False)
    translated = load(checks.SOURCE, "checks_bench.py", "bench_omp_checks", True)
    del checks_module  # (kept in sys.modules: a module of the program, as in checks.py)
    build = watch_module.build_replica
    seen: list[tuple[Any, ...]] = []
    forkjoin.build_replica = lambda *args: seen.append(args) or build(*args)
    for _ in range(2):
        getattr(translated, workload)(*CALLS[workload])
    forkjoin.build_replica = build
    arguments = seen[-1]
    replica = build(*arguments)
    held = [(replica.objects[token], type(shadow)) for token, shadow in replica.shadows.items()]
    del replica

    def bare() -> list[Any]:
        copies: list[Any] = []
        for live, kind in held:
            if kind is ListShadow:
                copies.append(list(live))
            elif issubclass(kind, DictShadow):
                copies.append((list(live), list(live.values())))
            elif kind is AttributeShadow:
                state = getattr(live, "__dict__", None)
                copies.append((list(state), list(state.values())) if type(state) is dict else None)
        return copies

    print(f"{workload}: {len(held):,} shadows")
    for mode in MODES:
        for name, work in (("build_replica", lambda: build(*arguments)), ("bare copies", bare)):
            rows = after(mode, work)
            print(
                f"  {mode:18} {name:14} {rows[0][0]:7.2f}-{rows[2][0]:7.2f} ms, "
                f"{rows[0][1]:,}-{rows[2][1]:,} faults"
            )


def main() -> None:
    os.environ["OMP_NUM_THREADS"] = "2"
    chosen = sys.argv[1:] or list(CALLS)
    page_writes()
    for workload in chosen:
        snapshot_floor(workload)


if __name__ == "__main__":
    main()
