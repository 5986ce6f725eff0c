"""Where real programs spend it: stores, big results, big inputs, many regions.

    python benchmarks/data.py               # every workload (about 4 minutes, 2 cores)
    python benchmarks/data.py --quick       # smaller sizes
    python benchmarks/data.py --only stores,regions

The workloads of docs/benchmarks.md, "Data and regions": each one is a small module
loaded twice, as plain Python (the pragmas are comments: the sequential baseline) and
translated by omppy, beside the same work done with ``multiprocessing.Pool`` (the
peer a user would pick) and the raw fork/join floor, all in one run.  Every omppy and
Pool result is checked against the sequential one.

Memory is measured apart, each variant in a fresh interpreter: the peak of the
summed PSS (proportional set size: a page shared by k processes counts 1/k in each)
of the process and all its children, sampled every 5 ms.  PSS is what a run costs
the machine; RSS would count every copy-on-write page in every worker.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Load, load, machine, say, timed, together

SOURCE = '''
import hashlib
import numpy as np

def digest(i, rounds):
    h = str(i).encode()
    for _ in range(rounds):
        h = hashlib.sha256(h).digest()
    return h.hex()

def hashing(n, rounds, store):
    out = [None] * n
    check = 0
    # omp parallel for reduction(+:check) schedule(static)
    for i in range(n):
        h = digest(i, rounds)
        if store:
            out[i] = h
        else:
            check += len(h)
    return out if store else check

def squares(n):
    out = [0] * n
    # omp parallel for schedule(static)
    for i in range(n):
        out[i] = i * i
    return out

def array_reduction(base, items):
    acc = np.zeros_like(base)
    # omp parallel for reduction(+:acc) schedule(static)
    for k in range(items):
        acc += np.sin(base + k)
    return acc

def slice_sums(a, chunk):
    s = 0.0
    # omp parallel for reduction(+:s) schedule(dynamic)
    for lo in range(0, len(a), chunk):
        s += float(np.sqrt(a[lo:lo + chunk]).sum())
    return s

def slice_work(a, chunk):
    s = 0.0
    # omp parallel for reduction(+:s) schedule(dynamic)
    for lo in range(0, len(a), chunk):
        x = a[lo:lo + chunk]
        s += float((np.sqrt(x) * np.log1p(x) + np.sin(x)).sum())
    return s

def work(stage, i):
    x = 0.0
    for j in range(40):
        x += ((stage * 31 + i * 7 + j) % 97) * 0.5
    return x

def stages(count, width):
    total = 0.0
    for stage in range(count):
        # omp parallel for reduction(+:total) schedule(static)
        for i in range(width):
            total += work(stage, i)
    return total

def lu(a):
    """LU decomposition without pivoting of a list of row lists, in place: one
    parallel region, a work-shared row loop and a single per step (as in C)."""
    n = len(a)
    pivots = []
    # omp parallel
    for k in range(n - 1):
        # omp single
        pivots.append(a[k][k])
        # omp for schedule(static)
        for i in range(k + 1, n):
            row, top = a[i], a[k]
            f = row[k] / top[k]
            row[k] = f
            for j in range(k + 1, n):
                row[j] -= f * top[j]
    # omp end parallel
    return pivots
'''


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="")
    parser.add_argument(
        "--child", nargs=2, metavar=("WORKLOAD", "VARIANT"), help=argparse.SUPPRESS
    )
    return parser.parse_args()


ARGS = parse_args()
T = ARGS.threads
os.environ["OMPPY_NUM_THREADS"] = str(T)
Q = ARGS.quick
SIZES = {
    "hash": (40_000 if Q else 200_000, 12),
    "squares": 400_000 if Q else 2_000_000,
    "reduction": (5_000_000 if Q else 25_000_000, 8),  # 200 MB of float64
    "slices": (10_000_000 if Q else 50_000_000, 250_000),  # 400 MB
    "regions": (100 if Q else 400, 600),  # about 3 ms of work per region
    "lu": 120 if Q else 300,
}

seq = load(SOURCE, "<data>", "bench_seq_data", False)
omp = load(SOURCE, "<data>", "bench_omp_data", True)


# -- the Pool versions --------------------------------------------------------------


def _hash_chunk(bounds: tuple[int, int, int]) -> list[str]:
    lo, hi, rounds = bounds
    return [seq.digest(i, rounds) for i in range(lo, hi)]


def _square_chunk(bounds: tuple[int, int]) -> list[int]:
    return [i * i for i in range(*bounds)]


def _sin_sum(task: tuple[int, int]) -> np.ndarray:
    lo, hi = task
    acc = np.zeros_like(BIG["base"])
    for k in range(lo, hi):
        acc += np.sin(BIG["base"] + k)
    return acc


def _slice_sum(lo: int) -> float:
    a, chunk = BIG["a"], SIZES["slices"][1]
    return float(np.sqrt(a[lo : lo + chunk]).sum())


def _slice_work(lo: int) -> float:
    a, chunk = BIG["a"], SIZES["slices"][1]
    x = a[lo : lo + chunk]
    return float((np.sqrt(x) * np.log1p(x) + np.sin(x)).sum())


def _stage_part(task: tuple[int, int, int]) -> float:
    stage, lo, hi = task
    return sum(seq.work(stage, i) for i in range(lo, hi))


def blocks(n: int, parts: int) -> list[tuple[int, int]]:
    step = -(-n // parts)
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]


BIG: dict[str, np.ndarray] = {}  # inputs made before the Pool forks, as a user would


def matrix(n: int) -> list[list[float]]:
    return [
        [float((i * 7 + j * 3) % 11 + (n if i == j else 0)) for j in range(n)] for i in range(n)
    ]


def workloads():
    """name -> (sequential, omppy, pool(pool) or None, what a result is compared by)."""
    n, rounds = SIZES["hash"]
    items = SIZES["reduction"][1]
    count, width = SIZES["regions"]
    big, chunk = SIZES["slices"]
    starts = list(range(0, big, chunk))
    return {
        "stores": (
            lambda: seq.hashing(n, rounds, True),
            lambda: omp.hashing(n, rounds, True),
            lambda p: [
                h
                for part in p.map(_hash_chunk, [(*b, rounds) for b in blocks(n, 4 * T)])
                for h in part
            ],
        ),
        "no-stores": (
            lambda: seq.hashing(n, rounds, False),
            lambda: omp.hashing(n, rounds, False),
            None,
        ),
        "squares": (
            lambda: seq.squares(SIZES["squares"]),
            lambda: omp.squares(SIZES["squares"]),
            lambda p: [
                x for part in p.map(_square_chunk, blocks(SIZES["squares"], 4 * T)) for x in part
            ],
        ),
        "reduction": (
            lambda: seq.array_reduction(BIG["base"], items),
            lambda: omp.array_reduction(BIG["base"], items),
            lambda p: sum(p.map(_sin_sum, blocks(items, T))),
        ),
        "slices": (
            lambda: seq.slice_sums(BIG["a"], chunk),
            lambda: omp.slice_sums(BIG["a"], chunk),
            lambda p: sum(p.map(_slice_sum, starts)),
        ),
        # The same input read by a loop with some work per slice (a few passes over
        # each): a read-heavy loop as real programs have, where "slices" (one cheap
        # pass, 0.1 s) mostly measures the region's fixed cost.
        "slices-work": (
            lambda: seq.slice_work(BIG["a"], chunk),
            lambda: omp.slice_work(BIG["a"], chunk),
            lambda p: sum(p.map(_slice_work, starts)),
        ),
        "regions": (
            lambda: seq.stages(count, width),
            lambda: omp.stages(count, width),
            lambda p: sum(
                sum(p.map(_stage_part, [(s, *b) for b in blocks(width, T)])) for s in range(count)
            ),
        ),
        "lu": (
            lambda: (seq.lu(m := matrix(SIZES["lu"])), m),
            lambda: (omp.lu(m := matrix(SIZES["lu"])), m),
            None,
        ),
    }


def prepare(name: str) -> None:
    if name == "reduction" and "base" not in BIG:
        BIG["base"] = np.arange(SIZES["reduction"][0]) * 0.001
    if name in ("slices", "slices-work") and "a" not in BIG:
        BIG["a"] = np.random.default_rng(1).random(SIZES["slices"][0])


def same(a, b) -> bool:
    if isinstance(a, np.ndarray):
        return bool(np.allclose(a, b))
    if isinstance(a, float):
        return abs(a - b) <= 1e-9 * max(1.0, abs(a))
    if isinstance(a, tuple):
        return all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, list) and a and isinstance(a[0], list):
        return all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, list) and a and isinstance(a[0], float):
        return bool(np.allclose(a, b))
    return a == b


def floor_per_region() -> float:
    """The raw fork + exit + waitpid of T-1 children, per region (best of 3 x 50)."""

    def forks() -> None:
        for _ in range(50):
            pids = []
            for _ in range(T - 1):
                pid = os.fork()
                if pid == 0:  # pragma: no cover - child
                    os._exit(0)
                pids.append(pid)
            for pid in pids:
                os.waitpid(pid, 0)

    return min(timed(forks)[0] for _ in range(3)) / 50


# -- memory -----------------------------------------------------------------------


def tree_pss_kb(root: int) -> int:
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def child(name: str, variant: str) -> None:
    """In a fresh interpreter: run one variant once; print its peak tree PSS in MB."""
    prepare(name)
    run = workloads()[name]
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_pss_kb(os.getpid()))
            time.sleep(0.005)

    baseline = tree_pss_kb(os.getpid())
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    if variant == "pool":
        with multiprocessing.get_context("fork").Pool(T) as pool:
            result = run[2](pool)
    else:
        result = run[0 if variant == "seq" else 1]()
    done.set()
    sampler.join()
    # One more sample while the result is alive: a run shorter than a few samples
    # (the sequential squares, 60 ms) was measured at its baseline one time in two.
    peak[0] = max(peak[0], tree_pss_kb(os.getpid()))
    del result
    print(json.dumps({"peak_mb": peak[0] / 1024, "before_mb": baseline / 1024}))


def memory(name: str, variant: str) -> dict[str, float]:
    argv = [sys.executable, __file__, "--child", name, variant, "--threads", str(T)]
    if Q:
        argv.append("--quick")
    out = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=600).stdout
    return json.loads(out.strip().splitlines()[-1])


# -- the run ----------------------------------------------------------------------


def main() -> None:
    if ARGS.child:
        child(*ARGS.child)
        return
    chosen = [w for w in ARGS.only.split(",") if w] or list(workloads())
    rows = []
    floor = floor_per_region()
    for name in chosen:
        BIG.clear()  # a big input of an earlier workload would make every fork dearer
        if name == "regions":
            floor = floor_per_region()  # in this process as it is now
            say(f"fork/join floor: {floor * 1e3:.2f} ms per region of {T}")
        prepare(name)
        sequential, parallel, pool_work = workloads()[name]
        say(f"{name}: timing")
        times: dict[str, list[float]] = {
            "seq": [],
            "omp": [],
            "alone": [],
            "copies": [],
            "pool": [],
        }
        ok = True
        context = multiprocessing.get_context("fork")
        with Load() as busy:
            for _ in range(ARGS.repeat):
                t, expected = timed(sequential)
                times["seq"].append(t)
                t, got = timed(parallel)
                times["omp"].append(t)
                ok = ok and same(expected, got)
                if name in ("stores", "regions", "no-stores"):
                    times["alone"].append(together(sequential, 1))
                    times["copies"].append(together(sequential, T))
            if pool_work is not None:
                # A warm Pool, started once as a persistent one would be; after omppy's
                # runs, so that its threads are not running when omppy forks.
                with context.Pool(T) as pool:
                    pool_work(pool)
                    for _ in range(ARGS.repeat):
                        t, got = timed(pool_work, pool)
                        times["pool"].append(t)
                        ok = ok and same(expected, got)
        row = {k: min(v) if v else None for k, v in times.items()}
        row.update(name=name, same=ok, load=busy.others)
        if name in ("squares", "reduction", "slices", "slices-work"):
            say(f"{name}: memory")
            for variant in ("seq", "omp", "pool"):
                row[f"mem_{variant}"] = memory(name, variant)["peak_mb"]
        rows.append(row)
    report(rows, floor)


def report(rows: list[dict], floor: float) -> None:
    print("\n".join(line for line in machine() if "team size" not in line))
    print(f"\nTeam and Pool of {T}; best of {ARGS.repeat}; ", end="")
    print(f"fork/join floor {floor * 1e3:.2f} ms a region.\n")
    print(
        "| workload | sequential s | omppy s | speed-up | Pool (warm) s | Pool speed-up "
        "| ceiling | same | other load |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        ceiling = f"{T * r['alone'] / r['copies']:.2f}" if r["alone"] else ""
        pool = f"{r['pool']:.3f} | {r['seq'] / r['pool']:.2f}x" if r["pool"] else "- | -"
        speed = r["seq"] / r["omp"]
        print(
            f"| {r['name']} | {r['seq']:.3f} | {r['omp']:.3f} | {speed:.2f}x | {pool} "
            f"| {ceiling} | {'yes' if r['same'] else 'NO'} | {r['load']:.2f} |"
        )
    mem = [r for r in rows if "mem_seq" in r]
    if mem:
        print("\n| workload | peak PSS sequential MB | omppy MB (ratio) | Pool MB (ratio) |")
        print("|---|---|---|---|")
        for r in mem:
            s = r["mem_seq"]
            print(
                f"| {r['name']} | {s:.0f} | {r['mem_omp']:.0f} ({r['mem_omp'] / s:.2f}) "
                f"| {r['mem_pool']:.0f} ({r['mem_pool'] / s:.2f}) |"
            )
    regions = next((r for r in rows if r["name"] == "regions"), None)
    if regions:
        count = SIZES["regions"][0]
        per = (regions["omp"] - regions["seq"] / T) / count
        print(
            f"\nregions: {count} regions; omppy's cost per region beyond perfect sharing "
            f"{per * 1e3:.2f} ms = {per / floor:.2f}x the fork/join floor"
        )
    if not all(r["same"] for r in rows):
        sys.exit("a result differs from the sequential one")


if __name__ == "__main__":
    main()
