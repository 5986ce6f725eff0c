"""What finding lost writes costs: the comparison at every synchronisation point, and
code outside regions.

    python benchmarks/checks.py             # about a minute on 2 cores
    python benchmarks/checks.py --quick

omppy carries writes by comparing what each thread changed (docs/data-sharing.md);
the same comparison is the check that a write cannot be lost (a change omppy cannot
carry is an error).  This measures, in the master (thread 0, which does what every
worker does), the share of a region's wall time spent on it:

- ``watch``: deciding what the region shares (``watch.build_replica``), once per region;
- ``compare``: the comparisons at the end of each synchronisation block, at each
  barrier and at the region's end (``Replica.changes``, ``changes_under``,
  ``check_net``);
- ``faults``: the minor page faults of the master's watch (a page written since the
  previous region's fork faults once: a count that load does not move).

And code outside regions: a translated module's functions (a helper with an orphaned
``critical``, item stores) called where no region runs, against plain Python.
Issue 9's goal: the check costs at most 3% of the benchmarks' time.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Load, load, machine, say

from omppy.runtime import replica as replica_module
from omppy.runtime import watch as watch_module

SOURCE = '''
import math

LOOKUP = {i: i * 3 for i in range(50_000)}
found = []
out = [0] * 200_000


class Particle:
    def __init__(self, i):
        self.x = float(i)
        self.history = []


particles = [Particle(i) for i in range(5_000)]


def record(x):
    # omp critical
    found.append(x)


def pi(n):
    step = 1.0 / n
    s = 0.0
    # omp parallel for reduction(+:s)
    for i in range(n):
        x = (i + 0.5) * step
        s += 4.0 / (1.0 + x * x)
    return s * step


def stores(n, rounds):
    # omp parallel for schedule(static)
    for i in range(n):
        v = i
        for _ in range(rounds):
            v = (v * 1103515245 + 12345) % 2147483648
        out[i] = v
    return sum(out[:n]) % 1000


def lookups(n):
    total = 0
    # omp parallel for reduction(+:total)
    for i in range(n):
        total += LOOKUP[i % 50_000] + int(math.sqrt(i))
    return total


def particles_step(rounds):
    for p in particles:
        p.history = []
    # omp parallel for schedule(static)
    for p in particles:
        for _ in range(rounds):
            p.x = p.x * 0.5 + 1.0
        p.history.append(round(p.x, 3))
    return sum(len(p.history) for p in particles)


def criticals(n):
    del found[:]
    # omp parallel for schedule(static)
    for i in range(n):
        v = i
        for _ in range(200):
            v = (v * 31 + 7) % 1000003
        record(v)
    return len(found)


def outside(n):
    """No region: a helper with an orphaned critical, and stores."""
    del found[:]
    for i in range(n):
        out[i % 200_000] = i
        if i % 10 == 0:
            record(i)
    return len(found)
'''


def _faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


class Clock:
    """Time spent inside the wrapped functions (in this process): wall time, and the
    thread's CPU time (``cpu ...``), which a busy machine inflates far less."""

    def __init__(self) -> None:
        self.spent = {
            "watch": 0.0,
            "compare": 0.0,
            "cpu watch": 0.0,
            "cpu compare": 0.0,
            "faults watch": 0.0,
        }

    def wrap(self, owner: object, name: str, kind: str) -> None:
        original = getattr(owner, name)
        spent = self.spent
        cpu = "cpu " + kind
        faults = "faults " + kind if "faults " + kind in spent else None

        @functools.wraps(original)
        def timed(*args, **kwargs):
            # The CPU clock outside the wall clock's span: reading it is a system call
            # (about a microsecond on this VM), which 2,000 small compares would add.
            # The page faults likewise, and only of the watch (once a region): what a
            # fork costs the pages it writes, which load does not move.
            start_faults = _faults() if faults else 0
            start_cpu = time.thread_time()
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[kind] += time.perf_counter() - start
                spent[cpu] += time.thread_time() - start_cpu
                if faults:
                    spent[faults] += _faults() - start_faults

        setattr(owner, name, timed)

    def reset(self) -> None:
        for kind in self.spent:
            self.spent[kind] = 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    scale = 4 if args.quick else 1
    say("; ".join(machine()))
    plain = load(SOURCE, "checks_bench.py", "bench_seq_checks", False)
    translated = load(SOURCE, "checks_bench.py", "bench_omp_checks", True)

    clock = Clock()
    clock.wrap(watch_module, "build_replica", "watch")
    # forkjoin.py imported build_replica by name: wrap the name it calls.
    from omppy.runtime import forkjoin

    forkjoin.build_replica = watch_module.build_replica
    for name in ("changes", "changes_under", "check_net"):
        clock.wrap(replica_module.Replica, name, "compare")

    workloads = [
        ("pi (no shared containers)", "pi", (4_000_000 // scale,)),
        ("200k list stores", "stores", (200_000 // scale, 60)),
        ("50k-entry dict read", "lookups", (600_000 // scale,)),
        ("5k objects: attribute + append", "particles_step", (800 // scale,)),
        ("2k criticals in a helper", "criticals", (2_000 // scale,)),
    ]
    print(
        f"{'workload':34} {'region s':>9} {'watch':>7} {'compare':>8} {'check %':>8}"
        f" {'cpu %':>7} {'faults':>7}"
    )
    for label, name, call in workloads:
        getattr(translated, name)(*call)  # warm: the translation cache, first faults
        best = None
        for _ in range(3):
            clock.reset()
            with Load() as load_seen:
                start, start_cpu = time.perf_counter(), time.thread_time()
                got = getattr(translated, name)(*call)
                wall = time.perf_counter() - start
                cpu = time.thread_time() - start_cpu
            if best is None or wall < best[0]:
                best = (wall, dict(clock.spent), load_seen.others, cpu)
        expected = getattr(plain, name)(*call)
        assert got == expected or abs(got - expected) < 1e-9 * abs(expected), label
        wall, spent, others, cpu = best
        share = 100 * (spent["watch"] + spent["compare"]) / wall
        # The master's CPU in the check over its CPU in the region (its share of the
        # loop, the check, the join): the share a busy machine blurs least.
        cpu_share = 100 * (spent["cpu watch"] + spent["cpu compare"]) / cpu
        print(
            f"{label:34} {wall:9.3f} {spent['watch'] * 1e3:6.1f}ms "
            f"{spent['compare'] * 1e3:7.1f}ms "
            f"{share:7.1f}% {cpu_share:6.1f}% {spent['faults watch']:7.0f}"
            f"   (other load {others:.2f} CPU)"
        )

    n = 1_000_000 // scale
    times = {}
    for kind, module in (("python", plain), ("omppy", translated)):
        module.outside(n)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            module.outside(n)
            runs.append(time.perf_counter() - start)
        times[kind] = min(runs)
    print(
        f"outside regions: {n:,} stores + {n // 10:,} helper calls with an orphaned critical: "
        f"python {times['python']:.3f} s, omppy {times['omppy']:.3f} s "
        f"({times['omppy'] / times['python']:.3f}x)"
    )


if __name__ == "__main__":
    main()
