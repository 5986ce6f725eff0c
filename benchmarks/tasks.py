"""Tasks on processes (docs/tasks.md): speed-ups beside sequential Python, in one run.

    python benchmarks/tasks.py            # about a minute on an idle 2-core machine
    python benchmarks/tasks.py --quick
    python benchmarks/tasks.py --floor    # the quicksort's floor, in one process

Workloads: recursive Fibonacci with a cut-off by depth (n=30, a sequential run of
about 80 ms, where a region's fixed cost weighs; and n=36, over a second); quicksort
of a list of floats by tasks (each task sorts its part in place; the parts travel
back at taskwait);
n-queens by one task per first-row placement, beside the same search as a
``parallel for``; the cost of one empty task from creation to completion; and the
CPU time of an undeferred task (``if(0)``) beside the plain call.
Each result is checked against the sequential one.

``--floor`` measures, in this process alone (no other process competes for the
CPU), what bounds the quicksort by tasks on a team of two whatever the scheduling:
its sequential phases (the first partition and the list's making and checking run
on one thread; two threads share the rest), and the cost of the two transfers that
any run with a second process needs, done with omppy's own steps (compare, pack and
pickle, settle; unpickle, apply): the first partition's scattered changes to the other
process, and a sorted half back.  One process: no copy-on-write page faults, which a
forked team pays on top (the first write to each page of the million floats, in
each process).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Load, load, machine, timed

SOURCE = '''
import random
import time

def fib_seq(n):
    return n if n < 2 else fib_seq(n - 1) + fib_seq(n - 2)

def fib(n, depth):
    if n < 2:
        return n
    if depth >= 4:
        return fib_seq(n)
    # omp task shared(a)
    a = fib(n - 1, depth + 1)
    # omp task shared(b)
    b = fib(n - 2, depth + 1)
    # omp taskwait
    return a + b

def run_fib(n):
    result = None
    # omp parallel
    # omp single
    result = fib(n, 0)
    # omp end parallel
    return result

def partition(a, lo, hi):
    pivot = a[(lo + hi) // 2]
    i, j = lo, hi
    while i <= j:
        while a[i] < pivot:
            i += 1
        while a[j] > pivot:
            j -= 1
        if i <= j:
            a[i], a[j] = a[j], a[i]
            i += 1
            j -= 1
    return i, j

def quicksort(a, lo, hi, depth):
    if hi - lo < 2000 or depth >= 4:
        a[lo : hi + 1] = sorted(a[lo : hi + 1])
        return
    i, j = partition(a, lo, hi)
    # omp task
    quicksort(a, lo, j, depth + 1)
    # omp task
    quicksort(a, i, hi, depth + 1)
    # omp taskwait

def run_sort(n):
    rng = random.Random(5)
    a = [rng.random() for _ in range(n)]
    # omp parallel
    # omp single
    quicksort(a, 0, n - 1, 0)
    # omp end parallel
    return a[:: max(1, n // 1000)] + [len(a), sorted(a) == a]

def queens_from(n, cols):
    def place(row, cols, d1, d2):
        if row == n:
            return 1
        count = 0
        for c in range(n):
            if c not in cols and row + c not in d1 and row - c not in d2:
                count += place(row + 1, cols | {c}, d1 | {row + c}, d2 | {row - c})
        return count
    c = cols
    return place(1, {c}, {c}, {-c})

def queens_tasks(n):
    counts = [0] * n
    # omp parallel
    # omp single
    for c in range(n):
        # omp task
        counts[c] = queens_from(n, c)
    # omp end parallel
    return sum(counts)

def queens_for(n):
    total = 0
    # omp parallel for reduction(+:total) schedule(dynamic)
    for c in range(n):
        total += queens_from(n, c)
    return total

def work(x):
    return x + 1

def undeferred_task(i):
    # omp task if(0) shared(a)
    a = work(i)
    return a

def undeferred(k):
    took = [0.0]
    # omp parallel
    # omp single
    if True:
        start = time.thread_time()
        for i in range(k):
            undeferred_task(i)
        took[0] = time.thread_time() - start
    # omp end parallel
    return took[0]

def empty_tasks(k):
    done = [0]
    # omp parallel
    # omp single
    for i in range(k):
        # omp task
        pass
    # omp end parallel
    return k
'''


def floor(n: int, repeat: int) -> None:
    """Print the quicksort's bound on a team of two (see the module docstring)."""
    import pickle
    import random

    from omppy.runtime import wire
    from omppy.runtime.shadow import ListShadow

    namespace: dict = {}
    exec(compile(SOURCE, "<tasks>", "exec"), namespace)
    partition = namespace["partition"]

    def phases() -> dict[str, float]:
        took: dict[str, float] = {"level 0": 0.0, "levels 1-3": 0.0, "leaves": 0.0}
        start = time.perf_counter()
        rng = random.Random(5)
        a = [rng.random() for _ in range(n)]
        took["make"] = time.perf_counter() - start

        def sort(lo: int, hi: int, depth: int) -> None:
            begin = time.perf_counter()
            if hi - lo < 2000 or depth >= 4:
                a[lo : hi + 1] = sorted(a[lo : hi + 1])
                took["leaves"] += time.perf_counter() - begin
                return
            i, j = partition(a, lo, hi)
            took["level 0" if depth == 0 else "levels 1-3"] += time.perf_counter() - begin
            sort(lo, j, depth + 1)
            sort(i, hi, depth + 1)

        sort(0, n - 1, 0)
        start = time.perf_counter()
        _ = [*a[:: max(1, n // 1000)], len(a), sorted(a) == a]
        took["check"] = time.perf_counter() - start
        return took

    def transfer(before: list, after: list) -> tuple[float, float]:
        """The sender's and the receiver's seconds for ``after``'s changes: the
        sender's list watched as ``before`` and changed in place into ``after``
        (its shadow compares the list's own pointers), the change found, packed and
        pickled, then settled; the receiver's copy unpickled and applied."""
        live = list(before)
        sender = ListShadow(live)
        live[:] = after
        begin = time.perf_counter()
        change = sender.diff(live)
        data = pickle.dumps(wire._packed(change), protocol=pickle.HIGHEST_PROTOCOL)
        sender.settle(live, change)
        wire.forget()
        sent = time.perf_counter() - begin
        target = list(before)
        receiver = ListShadow(target)
        begin = time.perf_counter()
        receiver.apply(target, wire._unpacked(pickle.loads(data)))
        wire.forget()
        return sent, time.perf_counter() - begin

    best: dict[str, float] = {}
    for _ in range(repeat):
        for key, value in phases().items():
            best[key] = min(best.get(key, value), value)
        rng = random.Random(5)
        a = [rng.random() for _ in range(n)]
        before = list(a)
        _, j = partition(a, 0, n - 1)
        pair = ("partition sent", "partition applied")
        for key, value in zip(pair, transfer(before, a), strict=True):
            best[key] = min(best.get(key, value), value)
        half = list(a)
        half[: j + 1] = sorted(half[: j + 1])
        for key, value in zip(("half sent", "half applied"), transfer(a, half), strict=True):
            best[key] = min(best.get(key, value), value)
    sequential = best["make"] + best["level 0"] + best["levels 1-3"] + best["leaves"]
    sequential += best["check"]
    serial = best["make"] + best["level 0"] + best["check"]
    shared = (best["levels 1-3"] + best["leaves"]) / 2
    moved = sum(best[k] for k in ("partition sent", "partition applied", "half sent"))
    moved += best["half applied"]
    print(f"Quicksort of {n:,} floats, best of {repeat}, in one process:")
    for key, value in best.items():
        print(f"  {key}: {value * 1e3:.0f} ms")
    print(f"  sequential: {sequential:.3f} s")
    print(f"  bound with 2 threads, nothing moved: {sequential / (serial + shared):.2f}x")
    print(
        f"  bound with the two transfers on the critical path ({moved * 1e3:.0f} ms): "
        f"{sequential / (serial + shared + moved):.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--floor", action="store_true", help="the quicksort's bound")
    args = parser.parse_args()
    if args.floor:
        floor(100_000 if args.quick else 1_000_000, args.repeat)
        return
    os.environ["OMPPY_NUM_THREADS"] = str(args.threads)
    q = args.quick
    seq = load(SOURCE, "<tasks>", "bench_seq_tasks", False)
    omp = load(SOURCE, "<tasks>", "bench_omp_tasks", True)
    fib_n, sort_n, queens_n, empties = (24, 100_000, 8, 200) if q else (30, 1_000_000, 10, 1000)
    big_fib = 27 if q else 36  # a sequential run of over 1 s (n=30: about 80 ms)
    rows = [
        ("Fibonacci, cut-off at depth 4", f"n={fib_n}", "run_fib", (fib_n,), 1.7),
        ("Fibonacci, cut-off at depth 4", f"n={big_fib}", "run_fib", (big_fib,), 1.7),
        ("quicksort by tasks", f"{sort_n:,} floats", "run_sort", (sort_n,), 1.4),
        ("n-queens, a task per first column", f"n={queens_n}", "queens_tasks", (queens_n,), None),
        ("n-queens, parallel for", f"n={queens_n}", "queens_for", (queens_n,), None),
    ]
    print("\n".join(line for line in machine() if "team size" not in line))
    print(f"\nTeam of {args.threads}; best of {args.repeat}.\n")
    print("| workload | size | sequential s | omppy s | speed-up | goal | same | other load |")
    print("|---|---|---|---|---|---|---|---|")
    speeds = {}
    for label, size, name, call_args, goal in rows:
        best_seq = best_omp = float("inf")
        same = True
        with Load() as busy:
            for _ in range(args.repeat):
                t, expected = timed(getattr(seq, name), *call_args)
                best_seq = min(best_seq, t)
                t, got = timed(getattr(omp, name), *call_args)
                best_omp = min(best_omp, t)
                same = same and got == expected
        speed = best_seq / best_omp
        speeds[name] = best_omp  # (the last row of a workload)
        verdict = "-" if goal is None else f">= {goal}x {'met' if speed >= goal else 'NOT met'}"
        print(
            f"| {label} | {size} | {best_seq:.3f} | {best_omp:.3f} | {speed:.2f}x | {verdict} "
            f"| {'yes' if same else 'NO'} | {busy.others:.2f} |"
        )
    ratio = speeds["queens_tasks"] / speeds["queens_for"]
    print(f"\nn-queens by tasks / by parallel for: {ratio:.2f} (goal: within 1.10)")
    start = time.perf_counter()
    omp.empty_tasks(0)
    region = time.perf_counter() - start
    start = time.perf_counter()
    omp.empty_tasks(empties)
    per_task = (time.perf_counter() - start - region) / empties
    print(f"an empty task, creation to completion: {per_task * 1e6:.0f} us ({empties} tasks)")
    count = 2_000 if q else 20_000
    inline = min(omp.undeferred(count) for _ in range(3)) / count
    plain = min(seq.undeferred(count) for _ in range(3)) / count
    print(
        f"an undeferred task (if(0), in a function; CPU of the thread): {inline * 1e6:.1f} us "
        f"(the same call without the task: {plain * 1e6:.2f} us)"
    )


if __name__ == "__main__":
    main()
