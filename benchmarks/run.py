"""omppy benchmark runner: sequential Python vs omppy vs multiprocessing.Pool.

    python benchmarks/run.py            # full run (about a minute on 2 cores)
    python benchmarks/run.py --quick    # smaller sizes, fewer repeats (a few seconds)
    python benchmarks/run.py --threads 4 --repeat 5

Everything is measured in this one process.  The workloads are the programs in
``examples/`` (and a few small sources written here), loaded twice: once compiled
as plain Python (the pragmas are comments: the sequential baseline) and once
translated in-process with ``omppy.transform.translate.translate`` and
``omppy.transform.lines.compile_translation`` (exactly what ``omppy run`` executes).
The omppy team size is set with ``OMPPY_NUM_THREADS`` (default: 2).  Sequential and
parallel runs of a workload are interleaved, and the best of ``--repeat`` runs is
reported for the throughput rows; overhead rows report medians of interleaved rounds.

This is not a pytest test: it prints two Markdown tables (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="omppy benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes, fewer repeats")
    parser.add_argument("--threads", type=int, default=2, help="omppy team / Pool size")
    parser.add_argument("--repeat", type=int, default=None, help="runs per measurement")
    return parser.parse_args(argv)


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
T = ARGS.threads
# The ICVs are read on first use, so this must happen before the first region.
os.environ["OMPPY_NUM_THREADS"] = str(T)

import multiprocessing  # noqa: E402

import numpy as np  # noqa: E402

import omppy  # noqa: E402
from omppy import shared  # noqa: E402
from omppy.transform.lines import compile_translation  # noqa: E402
from omppy.transform.translate import translate  # noqa: E402

QUICK = ARGS.quick
REPEAT = ARGS.repeat or (2 if QUICK else 3)
ROUNDS = 3 if QUICK else 5  # interleaved rounds of the overhead measurements
SIZES = {
    "pi_n": 2_000_000 if QUICK else 10_000_000,
    "mandel": (200, 150, 200) if QUICK else (400, 300, 250),
    "docs": 800 if QUICK else 3000,
    "regions": 60 if QUICK else 300,
    "dyn_n": 20_000 if QUICK else 100_000,
    "array_mb": 8,
    "array_regions": 10 if QUICK else 30,
}


# -- loading the same source twice: plain Python and translated -----------------------


def load(source: str, filename: str, name: str, parallel: bool) -> types.ModuleType:
    """Execute ``source`` as module ``name``, translated by omppy or as plain Python."""
    if parallel:
        code = compile_translation(translate(source, filename), filename)
    else:
        code = compile(source, filename, "exec", dont_inherit=True)
    module = types.ModuleType(name)
    module.__file__ = filename
    sys.modules[name] = module  # so objects defined there pickle (worker reports, Pool)
    exec(code, module.__dict__)
    return module


def load_pair(path: Path) -> tuple[types.ModuleType, types.ModuleType]:
    source = path.read_text()
    stem = path.stem
    return (load(source, str(path), f"bench_seq_{stem}", False),
            load(source, str(path), f"bench_omp_{stem}", True))


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def interleaved(fns: list, repeat: int) -> list[list[float]]:
    """Run each of ``fns`` ``repeat`` times, interleaved; the times of each."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for index, fn in enumerate(fns):
            times[index].append(timed(fn)[0])
    return times


# -- multiprocessing.Pool versions of the same loops -----------------------------------


def _pi_chunk(bounds: tuple[int, int, float]) -> float:
    start, stop, h = bounds
    s = 0.0
    for i in range(start, stop):
        x = h * (i + 0.5)
        s += 4.0 / (1.0 + x * x)
    return s


def pool_pi(pool, n: int) -> float:
    h = 1.0 / n
    step = -(-n // T)
    chunks = [(lo, min(lo + step, n), h) for lo in range(0, n, step)]  # static blocks
    return sum(pool.map(_pi_chunk, chunks)) * h


def _mandel_row(task: tuple) -> np.ndarray:
    i, width, max_iter, x0, dx, ci = task
    row = np.zeros(width, dtype=np.int32)
    for j in range(width):
        c = complex(x0 + (j + 0.5) * dx, ci)
        z = 0j
        count = 0
        while count < max_iter and z.real * z.real + z.imag * z.imag <= 4.0:
            z = z * z + c
            count += 1
        row[j] = count
    return row


def pool_mandel(pool, width: int, height: int, max_iter: int) -> np.ndarray:
    x0, x1, y0, y1 = -2.0, 0.6, -1.2, 1.2
    dx, dy = (x1 - x0) / width, (y1 - y0) / height
    tasks = [(i, width, max_iter, x0, dx, y0 + (i + 0.5) * dy) for i in range(height)]
    return np.vstack(pool.map(_mandel_row, tasks, chunksize=2))


def pool_words(pool, module: types.ModuleType, documents: list[str]) -> tuple[list[str], int]:
    summaries = pool.map(module._summarise_one, documents, chunksize=16)
    for index, summary in enumerate(summaries):
        summary.index = index
    return pool.map(module._report_one, summaries, chunksize=64), sum(
        s.tokens for s in summaries)


def with_pool(work):
    """(cold, warm): the Pool's start-up and shut-down included, and a started Pool."""
    context = multiprocessing.get_context("fork")

    def cold():
        with context.Pool(T) as pool:
            return work(pool)

    with context.Pool(T) as pool:
        work(pool)  # warm the workers
        warm_times = [timed(work, pool)[0] for _ in range(REPEAT)]
    cold_times = [timed(cold)[0] for _ in range(REPEAT)]
    return min(cold_times), min(warm_times)


# -- workloads -------------------------------------------------------------------------

MODULE_PI = """\
n = {n}
h = 1.0 / n
s = 0.0
# omp parallel for reduction(+:s)
for i in range(n):
    x = h * (i + 0.5)
    s += 4.0 / (1.0 + x * x)
pi = s * h
"""

OVERHEADS = """\
def regions(k):
    for _ in range(k):
        # omp parallel num_threads(T)
        pass


def dynamic_loop(n):
    # omp parallel for schedule(dynamic, 1) num_threads(T)
    for i in range(n):
        pass


def static_loop(n):
    # omp parallel for schedule(static) num_threads(T)
    for i in range(n):
        pass


def touch(a, k):
    for _ in range(k):
        # omp parallel for num_threads(T)
        for t in range(T):
            a[t] = t
"""


def fork_join(k: int, size: int) -> None:
    """The raw floor of a region: fork size-1 children that exit at once, reap them."""
    for _ in range(k):
        pids = []
        for _ in range(size - 1):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - child
                os._exit(0)
            pids.append(pid)
        for pid in pids:
            os.waitpid(pid, 0)


class Report:
    def __init__(self) -> None:
        self.speed: list[tuple] = []
        self.overhead: list[tuple] = []
        self.checks: list[str] = []

    def check(self, name: str, ok: bool) -> None:
        self.checks.append(f"{name}: {'same result' if ok else 'RESULT DIFFERS'}")
        if not ok:
            print(f"!! {name}: the omppy result differs from the sequential one", file=sys.stderr)


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def bench_pi(report: Report) -> None:
    seq, par = load_pair(EXAMPLES / "pi.py")
    n = SIZES["pi_n"]
    par.compute_pi(1000)  # first region: arena creation
    ts, tp = interleaved([lambda: seq.compute_pi(n), lambda: par.compute_pi(n)], REPEAT)
    report.check("pi (function)", abs(seq.compute_pi(n) - par.compute_pi(n)) < 1e-9)
    cold, warm = with_pool(lambda pool: pool_pi(pool, n))
    report.speed.append(("pi, in a function", f"n={n:,}", min(ts), min(tp), cold, warm, 1.85))


def bench_pi_module(report: Report) -> None:
    n = SIZES["pi_n"]
    source = MODULE_PI.format(n=n)
    filename = "<module-level pi>"
    seq_code = compile(source, filename, "exec", dont_inherit=True)
    par_code = compile_translation(translate(source, filename), filename)

    def run(code):
        namespace = {"__name__": "bench_module_pi", "__builtins__": __builtins__}
        exec(code, namespace)
        return namespace["pi"]

    ts, tp = interleaved([lambda: run(seq_code), lambda: run(par_code)], REPEAT)
    report.check("pi (module level)", abs(run(seq_code) - run(par_code)) < 1e-9)
    report.speed.append(
        ("pi, at module level", f"n={n:,}", min(ts), min(tp), None, None, 1.85))


def bench_mandelbrot(report: Report) -> None:
    seq, par = load_pair(EXAMPLES / "mandelbrot.py")
    width, height, max_iter = SIZES["mandel"]
    ts, tp = interleaved([lambda: seq.mandelbrot(width, height, max_iter),
                          lambda: par.mandelbrot(width, height, max_iter)], REPEAT)
    expected = seq.mandelbrot(width, height, max_iter)
    report.check("mandelbrot", np.array_equal(expected, par.mandelbrot(width, height, max_iter)))
    report.check("mandelbrot (Pool)", np.array_equal(
        expected, with_pool_result(lambda pool: pool_mandel(pool, width, height, max_iter))))
    cold, warm = with_pool(lambda pool: pool_mandel(pool, width, height, max_iter))
    report.speed.append(("Mandelbrot, schedule(dynamic)", f"{width}x{height}, {max_iter} it",
                         min(ts), min(tp), cold, warm, 1.8))


def with_pool_result(work):
    with multiprocessing.get_context("fork").Pool(T) as pool:
        return work(pool)


WORDS_POOL_HELPERS = '''

def _summarise_one(text):
    words = TOKEN.findall(text.lower())
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    top = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3])
    longest = max(words, key=lambda word: (len(word), word))
    ends = sum(text.count(mark) for mark in ".!?")
    return Summary(-1, len(words), len(counts), top, longest, ends)


def _report_one(summary):
    top = ", ".join(f"{word}x{count}" for word, count in summary.top)
    return (f"doc {summary.index:5d}: {summary.tokens:5d} tokens, "
            f"{summary.distinct:4d} distinct, {summary.sentences:3d} sentences, "
            f"longest {summary.longest!r}, top: {top}")
'''


def bench_words(report: Report) -> None:
    path = EXAMPLES / "words.py"
    source = path.read_text() + WORDS_POOL_HELPERS
    seq = load(source, str(path), "bench_seq_words", False)
    par = load(source, str(path), "bench_omp_words", True)
    documents = seq.make_documents(SIZES["docs"])

    def run(module):
        return module.report(module.summarise(documents))

    ts, tp = interleaved([lambda: run(seq), lambda: run(par)], REPEAT)
    expected = run(seq)
    report.check("words", expected == run(par))
    report.check("words (Pool)", expected == with_pool_result(
        lambda pool: pool_words(pool, seq, documents)))
    cold, warm = with_pool(lambda pool: pool_words(pool, seq, documents))
    report.speed.append(("words (object-heavy), dynamic,16 + list reduction",
                         f"{SIZES['docs']} docs", min(ts), min(tp), cold, warm, None))


def bench_overheads(report: Report) -> None:
    module = load(OVERHEADS.replace("num_threads(T)", f"num_threads({T})").replace(
        "range(T)", f"range({T})"), "<overheads>", "bench_omp_overheads", True)
    k = SIZES["regions"]
    module.regions(5)  # arena created, code warmed
    fork_join(5, T)
    region_times, fork_times = [], []
    for _ in range(ROUNDS):
        region_times.append(timed(module.regions, k)[0] / k)
        fork_times.append(timed(fork_join, k, T)[0] / k)
    region, floor = statistics.median(region_times), statistics.median(fork_times)
    report.overhead.append((
        f"empty `parallel` region ({T} threads; {k} regions x {ROUNDS} rounds)",
        f"{region * 1e6:,.0f} us/region",
        f"raw fork+_exit+waitpid x{T - 1}: {floor * 1e6:,.0f} us",
        f"{region / floor:.2f}x floor", "<= 1.5x floor", region / floor <= 1.5))

    n = SIZES["dyn_n"]
    module.dynamic_loop(100)
    dyn_times, static_times = [], []
    for _ in range(ROUNDS):
        dyn_times.append(timed(module.dynamic_loop, n)[0])
        static_times.append(timed(module.static_loop, n)[0])
    dyn, static = statistics.median(dyn_times), statistics.median(static_times)
    wall = (dyn - static) / n
    per_grab = wall * T  # each thread grabs n/T chunks, concurrently
    report.overhead.append((
        f"`schedule(dynamic, 1)` hand-out ({n:,} empty iterations)",
        f"{dyn * 1e3:,.1f} ms/loop",
        f"`schedule(static)`: {static * 1e3:,.1f} ms/loop",
        f"+{wall * 1e6:.2f} us/iteration wall; {per_grab * 1e6:.2f} us per hand-out per thread",
        "<= 5 us", per_grab * 1e6 <= 5))

    count = SIZES["array_mb"] * (1 << 20) // 8
    regions = SIZES["array_regions"]
    ordinary = np.zeros(count)
    in_shared = shared.zeros(count)
    module.touch(ordinary, 2)
    module.touch(in_shared, 2)
    ordinary_times, shared_times = [], []
    for _ in range(ROUNDS):
        ordinary_times.append(timed(module.touch, ordinary, regions)[0] / regions)
        shared_times.append(timed(module.touch, in_shared, regions)[0] / regions)
    report.check("array staging", list(ordinary[:T]) == list(range(T))
                 and list(in_shared[:T]) == list(range(T)))
    plain, no_copy = statistics.median(ordinary_times), statistics.median(shared_times)
    mb = SIZES["array_mb"]
    report.overhead.append((
        f"region writing an ordinary {mb} MB numpy array",
        f"{plain * 1e3:,.2f} ms/region",
        f"`omppy.shared.zeros` array: {no_copy * 1e3:,.2f} ms/region",
        f"staging costs +{(plain - no_copy) * 1e3:,.2f} ms "
        f"({mb / max(plain - no_copy, 1e-9) / 1024:,.1f} GB/s)", None, None))


# -- output ----------------------------------------------------------------------------


def machine() -> list[str]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    return [
        f"CPU: {model}; {os.cpu_count()} logical CPUs, {usable} usable by this process",
        f"OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"numpy {np.__version__}, omppy {getattr(omppy, '__version__', '?')}",
        f"omppy team size {T}; Pool size {T}; repeats {REPEAT} (best), "
        f"overhead rounds {ROUNDS} (median){'; --quick' if QUICK else ''}",
    ]


def seconds(value) -> str:
    return "-" if value is None else f"{value:.3f} s"


def ratio(base, value) -> str:
    return "-" if value is None else f"{base / value:.2f}x"


def print_tables(report: Report) -> None:
    print()
    for line in machine():
        print(f"- {line}")
    print()
    print("| workload | size | sequential | omppy | speed-up | goal | Pool (cold) | "
          "speed-up | Pool (warm) | speed-up |")
    print("|---|---|---:|---:|---:|---|---:|---:|---:|---:|")
    for name, size, seq, omp, cold, warm, goal in report.speed:
        met = "" if goal is None else (" met" if seq / omp >= goal else " NOT met")
        goal_text = "-" if goal is None else f">= {goal}x{met}"
        print(f"| {name} | {size} | {seconds(seq)} | {seconds(omp)} | {ratio(seq, omp)} | "
              f"{goal_text} | {seconds(cold)} | {ratio(seq, cold)} | {seconds(warm)} | "
              f"{ratio(seq, warm)} |")
    print()
    print("| overhead | omppy | reference | difference | goal |")
    print("|---|---:|---|---|---|")
    for name, value, reference, difference, goal, met in report.overhead:
        goal_text = "-" if goal is None else f"{goal} {'met' if met else 'NOT met'}"
        print(f"| {name} | {value} | {reference} | {difference} | {goal_text} |")
    print()
    print("Checks: " + "; ".join(report.checks))


def main() -> None:
    start = time.perf_counter()
    report = Report()
    for label, bench in [
        ("pi in a function", bench_pi),
        ("pi at module level", bench_pi_module),
        ("Mandelbrot", bench_mandelbrot),
        ("words", bench_words),
        ("overheads", bench_overheads),
    ]:
        say(label)
        bench(report)
    print_tables(report)
    say(f"done in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
