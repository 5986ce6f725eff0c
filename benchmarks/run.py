"""omppy benchmark runner: sequential Python vs omppy vs multiprocessing.Pool.

    python benchmarks/run.py            # full run (about 3 minutes on an idle 2-core machine)
    python benchmarks/run.py --quick    # smaller sizes, fewer repeats (about 30 s)
    python benchmarks/run.py --threads 4 --repeat 5
    python benchmarks/run.py --only sync,imports

Everything except the import timings is measured in this one process.  The workloads
are the programs in ``examples/`` (and a few small sources written here), loaded twice:
once compiled as plain Python (the pragmas are comments: the sequential baseline) and
once translated with ``omppy.transform.translate.translate`` and
``omppy.transform.lines.compile_translation`` (exactly what ``omppy run`` executes), in
a forked child, as ``omppy run`` does: the translator (libcst) never enters the
benchmark's process, whose every region would fork it (``translated_code``).
The omppy team size is set with ``OMPPY_NUM_THREADS`` (default: 2).  Sequential and
parallel runs of a workload are interleaved, and the best of ``--repeat`` runs is
reported for the throughput rows; overhead rows report medians of interleaved rounds.

Two groups measure costs rather than speed-ups: ``sync`` (critical, atomic and
ordered inside a ``parallel for``, against the same loop without them) and
``imports`` (importing a generated module through omppy's import hook with its
translation cached, against its untranslated twin, each in a fresh interpreter; and
the translator's throughput in lines per second).

This is not a pytest test: it prints Markdown tables (see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0,
        metavar="SECONDS",
        help="before each workload, wait (at most this long) until other processes use "
        "less than 0.1 CPU",
    )
    parser.add_argument(
        "--retry-noisy",
        type=int,
        default=0,
        metavar="N",
        help="measure a workload again (up to N times) when other processes used more "
        "than 0.2 CPU meanwhile",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma list of workloads to run: pi, pi-module, mandelbrot, words, overheads, "
        "sync, imports",
    )
    args = parser.parse_args(argv)
    if args.threads < 2:
        parser.error("--threads must be at least 2 (a team of one forks nothing)")
    return args


ARGS = parse_args() if __name__ == "__main__" else parse_args([])
T = ARGS.threads
# The ICVs are read on first use, so this must happen before the first region.
os.environ["OMPPY_NUM_THREADS"] = str(T)

import multiprocessing  # noqa: E402

import numpy as np  # noqa: E402

import omppy  # noqa: E402
from omppy import shared  # noqa: E402

QUICK = ARGS.quick
REPEAT = ARGS.repeat or (2 if QUICK else 3)
ROUNDS = 3 if QUICK else 5  # interleaved rounds of the overhead measurements
SIZES = {
    "pi_n": 2_000_000 if QUICK else 10_000_000,
    "mandel": (200, 150, 200) if QUICK else (400, 300, 250),
    "docs": 800 if QUICK else 6000,
    "regions": 60 if QUICK else 300,
    "dyn_n": 20_000 if QUICK else 100_000,
    "store_n": 40_000 if QUICK else 200_000,
    "array_mb": 8,
    "array_regions": 10 if QUICK else 30,
    "sync_n": 10_000 if QUICK else 50_000,
    "ordered_dyn_n": 1_000 if QUICK else 5_000,
    "barrier_n": 2_000 if QUICK else 10_000,
    "ordered_list_n": (500, 2_000) if QUICK else (1_000, 4_000),
    "import_lines": 2000,
    "import_small_lines": 200,
    "import_runs": 4 if QUICK else 10,
    "translate_lines": (500, 1000, 2000) if QUICK else (500, 2000, 5000),
}
TRANSLATE_ROUNDS = 1 if QUICK else 3  # translating 7,500 lines takes about 10 s


# -- loading the same source twice: plain Python and translated -----------------------


def translated_code(source: str, filename: str) -> types.CodeType:
    """``source`` translated and compiled as ``omppy run`` does: in a forked child (its
    code object sent back marshalled), so that this process, like a program's under
    ``omppy run``, never holds the translator (~16 MB that every region's fork would
    copy the page tables of: docs/benchmarks.md, "Session 11").  In this process
    where it cannot fork."""
    import marshal

    def here() -> types.CodeType:
        from omppy.transform.lines import compile_translation
        from omppy.transform.translate import translate

        return compile_translation(translate(source, filename), filename)

    if not hasattr(os, "fork") or "libcst" in sys.modules:
        return here()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                out.write(marshal.dumps(here()))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as data:
        payload = data.read()
    _, status = os.waitpid(pid, 0)
    return marshal.loads(payload) if status == 0 else here()  # here: the error itself


def load(source: str, filename: str, name: str, parallel: bool) -> types.ModuleType:
    """Execute ``source`` as module ``name``, translated by omppy or as plain Python."""
    if parallel:
        code = translated_code(source, filename)
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
    return (
        load(source, str(path), f"bench_seq_{stem}", False),
        load(source, str(path), f"bench_omp_{stem}", True),
    )


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


def together(fn, copies: int) -> float:
    """Wall time of ``copies`` independent processes each running ``fn`` at once."""
    start = time.perf_counter()
    pids = []
    for _ in range(copies):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            code = 1
            try:
                fn()
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    return time.perf_counter() - start


class Load:
    """CPU used by *other* processes while a block runs, in CPUs (from /proc/stat)."""

    def __enter__(self) -> Load:
        self.start = self._sample()
        return self

    def __exit__(self, *exc) -> None:
        end = self._sample()
        busy, ours, wall = (e - s for e, s in zip(end, self.start, strict=True))
        self.others = max(0.0, (busy - ours) / wall) if wall > 0 else 0.0

    @staticmethod
    def _sample() -> tuple[float, float, float]:
        try:
            fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
            ticks = [int(f) for f in fields]
            busy = (sum(ticks[:8]) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError):
            busy = 0.0
        t = os.times()
        return busy, t.user + t.system + t.children_user + t.children_system, time.perf_counter()


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


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
    _, width, max_iter, x0, dx, ci = task
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
    return pool.map(module._report_one, summaries, chunksize=64), sum(s.tokens for s in summaries)


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


def stores(a, n):
    # omp parallel for schedule(static) num_threads(T)
    for i in range(n):
        a[i] = 1


def no_stores(a, n):
    # omp parallel for schedule(static) num_threads(T)
    for i in range(n):
        v = 1


def touch(a, k):
    for _ in range(k):
        # omp parallel for num_threads(T)
        for t in range(T):
            a[t] = t
"""


def page_faults(run) -> tuple[int, int]:
    """Minor page faults of this process and of its reaped children during ``run()``
    (the workers' exits deferred by omppy are reaped first: reaping.py)."""
    import resource

    from omppy.runtime import reaping

    reaping.reap_all()
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN
    )
    run()
    reaping.reap_all()
    me_after = resource.getrusage(resource.RUSAGE_SELF)
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (
        me_after.ru_minflt - me.ru_minflt,
        children_after.ru_minflt - children.ru_minflt,
    )


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
        self.checks: dict[str, bool] = {}
        self.rss = float("nan")
        self.const: dict[str, float] = {}
        self.load = 0.0
        self.sync: list[dict] = []
        self.sync_load = 0.0
        self.imports: list[tuple] = []
        self.translation: list[dict] = []
        self.imports_load = 0.0

    def check(self, name: str, ok: bool) -> None:
        self.checks[name] = ok
        if not ok:
            print(f"!! {name}: the omppy result differs from the sequential one", file=sys.stderr)


NOISY = 0.2  # CPUs used by other processes above which a measurement is "noisy"


def quietly(measure):
    """``measure()`` -> (result, other load); repeated while noisy (``--retry-noisy``)."""
    for attempt in range(ARGS.retry_noisy + 1):
        if ARGS.wait_quiet:
            wait_quiet(ARGS.wait_quiet)
        result, others = measure()
        if others <= NOISY or attempt == ARGS.retry_noisy:
            return result, others
        say(f"noisy: other processes used {others:.2f} CPU; measuring again")
    raise AssertionError("unreachable")


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def speed_row(
    report: Report,
    name: str,
    size: str,
    sequential,
    parallel,
    pool_work,
    goal: float | None,
    regions: int = 1,
    staged: int = 0,
) -> None:
    """Time ``sequential``, ``parallel``, the Pool and the machine ceiling, interleaved.

    Each round runs: the sequential code, the omppy code, one forked copy of the
    sequential code alone, T forked copies at once (the ceiling) and a Pool started
    for the loop; the best of the rounds is kept for each.  A warm Pool is timed last.
    """
    context = multiprocessing.get_context("fork")
    times: dict[str, list[float]] = {k: [] for k in ("seq", "omp", "alone", "copies", "cold")}

    def cold():
        with context.Pool(T) as pool:
            return pool_work(pool)

    def measure():
        for series in times.values():
            series.clear()
        with Load() as load:
            warm = rounds()
        return warm, load.others

    def rounds():
        for _ in range(REPEAT):
            times["seq"].append(timed(sequential)[0])
            times["omp"].append(timed(parallel)[0])
            times["alone"].append(together(sequential, 1))
            times["copies"].append(together(sequential, T))
            if pool_work is not None:
                times["cold"].append(timed(cold)[0])
        warm = None
        if pool_work is not None:
            with context.Pool(T) as pool:
                pool_work(pool)
                warm = min(timed(pool_work, pool)[0] for _ in range(REPEAT))
        return warm

    warm, others = quietly(measure)
    best = {k: min(v) if v else None for k, v in times.items()}
    report.speed.append(
        dict(
            name=name,
            size=size,
            seq=best["seq"],
            omp=best["omp"],
            cold=best["cold"],
            warm=warm,
            goal=goal,
            ceiling=T * best["alone"] / best["copies"],
            load=others,
            regions=regions,
            staged=staged,
        )
    )


def bench_pi(report: Report) -> None:
    seq, par = load_pair(EXAMPLES / "pi.py")
    n = SIZES["pi_n"]
    par.compute_pi(1000)  # the first region creates the arena
    report.check("pi (function)", abs(seq.compute_pi(n) - par.compute_pi(n)) < 1e-9)
    speed_row(
        report,
        "pi, in a function",
        f"n={n:,}",
        lambda: seq.compute_pi(n),
        lambda: par.compute_pi(n),
        lambda pool: pool_pi(pool, n),
        1.85,
    )


def bench_pi_module(report: Report) -> None:
    n = SIZES["pi_n"]
    source = MODULE_PI.format(n=n)
    filename = "<module-level pi>"
    seq_code = compile(source, filename, "exec", dont_inherit=True)
    par_code = translated_code(source, filename)

    def run(code):
        namespace = {"__name__": "bench_module_pi", "__builtins__": __builtins__}
        exec(code, namespace)
        return namespace["pi"]

    report.check("pi (module level)", abs(run(seq_code) - run(par_code)) < 1e-9)
    speed_row(
        report,
        "pi, at module level",
        f"n={n:,}",
        lambda: run(seq_code),
        lambda: run(par_code),
        None,
        1.85,
    )


def bench_mandelbrot(report: Report) -> None:
    seq, par = load_pair(EXAMPLES / "mandelbrot.py")
    width, height, max_iter = SIZES["mandel"]
    expected = seq.mandelbrot(width, height, max_iter)
    report.check("mandelbrot", np.array_equal(expected, par.mandelbrot(width, height, max_iter)))
    report.check(
        "mandelbrot (Pool)",
        np.array_equal(
            expected, with_pool_result(lambda pool: pool_mandel(pool, width, height, max_iter))
        ),
    )
    report.check(
        "mandelbrot (rows)", np.array_equal(expected, par.mandelbrot_rows(width, height, max_iter))
    )
    speed_row(
        report,
        "Mandelbrot, schedule(dynamic), `out[i, j] = count`",
        f"{width}x{height}, {max_iter} it",
        lambda: seq.mandelbrot(width, height, max_iter),
        lambda: par.mandelbrot(width, height, max_iter),
        lambda pool: pool_mandel(pool, width, height, max_iter),
        1.8,
        staged=expected.nbytes,
    )
    speed_row(
        report,
        "Mandelbrot, schedule(dynamic), `out[i] = row`",
        f"{width}x{height}, {max_iter} it",
        lambda: seq.mandelbrot_rows(width, height, max_iter),
        lambda: par.mandelbrot_rows(width, height, max_iter),
        lambda pool: pool_mandel(pool, width, height, max_iter),
        1.8,
        staged=expected.nbytes,
    )


def with_pool_result(work):
    with multiprocessing.get_context("fork").Pool(T) as pool:
        return work(pool)


WORDS_POOL_HELPERS = """

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
"""


def bench_words(report: Report) -> None:
    path = EXAMPLES / "words.py"
    source = path.read_text() + WORDS_POOL_HELPERS
    seq = load(source, str(path), "bench_seq_words", False)
    par = load(source, str(path), "bench_omp_words", True)
    documents = seq.make_documents(SIZES["docs"])

    def run(module):
        return module.report(module.summarise(documents))

    expected = run(seq)
    report.check("words", expected == run(par))
    report.check(
        "words (Pool)", expected == with_pool_result(lambda pool: pool_words(pool, seq, documents))
    )
    speed_row(
        report,
        "words (object-heavy): dynamic,16 + list reduction",
        f"{SIZES['docs']} docs",
        lambda: run(seq),
        lambda: run(par),
        lambda pool: pool_words(pool, seq, documents),
        None,
        regions=2,
    )


def bench_overheads(report: Report) -> None:
    def measure():
        report.overhead.clear()
        report.const.clear()
        with Load() as load:
            measure_overheads(report)
        return None, load.others

    _, report.load = quietly(measure)


def measure_overheads(report: Report) -> None:
    source = OVERHEADS.replace("num_threads(T)", f"num_threads({T})").replace(
        "range(T)", f"range({T})"
    )
    module = load(source, "<overheads>", "bench_omp_overheads", True)
    k = SIZES["regions"]
    report.rss = rss_mb()
    module.regions(5)  # arena created, code warmed
    fork_join(5, T)
    region_times, fork_times = [], []
    for _ in range(ROUNDS):
        region_times.append(timed(module.regions, k)[0] / k)
        fork_times.append(timed(fork_join, k, T)[0] / k)
    region, floor = statistics.median(region_times), statistics.median(fork_times)
    faults = page_faults(lambda: module.regions(k)), page_faults(lambda: fork_join(k, T))
    report.const["fork"] = floor / max(1, T - 1)
    report.const["region_extra"] = max(0.0, region - floor)
    report.overhead.append(
        (
            f"empty `parallel` region ({T} threads; {k} regions x {ROUNDS} rounds)",
            f"{region * 1e6:,.0f} us/region",
            f"raw fork+_exit+waitpid x{T - 1}: {floor * 1e6:,.0f} us",
            f"{region / floor:.2f}x floor",
            "<= 1.5x floor",
            region / floor <= 1.5,
        )
    )
    (master, workers), (raw_master, raw_workers) = faults
    report.overhead.append(
        (
            "page faults per empty region (pages written after the fork: copied)",
            f"master {master / k:,.0f}, workers {workers / k:,.0f}",
            f"raw fork+_exit+waitpid: master {raw_master / k:,.0f}, "
            f"children {raw_workers / k:,.0f}",
            f"+{(master - raw_master) / k:,.0f} master, +{(workers - raw_workers) / k:,.0f} "
            "workers (docs/benchmarks.md, Session 6)",
            None,
            None,
        )
    )

    n = SIZES["dyn_n"]
    module.dynamic_loop(100)
    dyn_times, static_times = [], []
    for _ in range(ROUNDS):
        dyn_times.append(timed(module.dynamic_loop, n)[0])
        static_times.append(timed(module.static_loop, n)[0])
    dyn, static = statistics.median(dyn_times), statistics.median(static_times)
    wall = (dyn - static) / n
    per_grab = wall * T  # each thread grabs n/T chunks, concurrently
    report.overhead.append(
        (
            f"`schedule(dynamic, 1)` hand-out ({n:,} empty iterations)",
            f"{dyn * 1e3:,.1f} ms/loop",
            f"`schedule(static)`: {static * 1e3:,.1f} ms/loop",
            f"+{wall * 1e6:.2f} us/iteration wall; "
            f"{per_grab * 1e6:.2f} us per hand-out per thread",
            "<= 5 us",
            per_grab * 1e6 <= 5,
        )
    )

    n = SIZES["store_n"]
    plain = load(source, "<overheads>", "bench_seq_overheads", False)
    target = shared.zeros(n, dtype=np.int32)
    module.stores(target, 1000)
    store_times, loop_times, seq_store, seq_loop = [], [], [], []
    for _ in range(ROUNDS):
        store_times.append(timed(module.stores, target, n)[0])
        loop_times.append(timed(module.no_stores, target, n)[0])
        seq_store.append(timed(plain.stores, target, n)[0])
        seq_loop.append(timed(plain.no_stores, target, n)[0])
    per_store = (statistics.median(store_times) - statistics.median(loop_times)) * T / n
    per_plain = (statistics.median(seq_store) - statistics.median(seq_loop)) / n
    report.check("array stores", int(target.sum()) == n)
    report.overhead.append(
        (
            f"array item store `a[i] = 1` in a region ({n:,} stores, shared array)",
            f"{per_store * 1e6:.2f} us/store",
            f"plain Python store: {per_plain * 1e6:.3f} us/store",
            f"+{(per_store - per_plain) * 1e6:.2f} us per store per thread "
            f"({per_store / max(per_plain, 1e-12):.0f}x a plain store)",
            None,
            None,
        )
    )

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
    report.check(
        "array staging",
        list(ordinary[:T]) == list(range(T)) and list(in_shared[:T]) == list(range(T)),
    )
    plain, no_copy = statistics.median(ordinary_times), statistics.median(shared_times)
    report.const["staging_rate"] = count * 8 / max(plain - no_copy, 1e-9)  # bytes/s
    mb = SIZES["array_mb"]
    report.overhead.append(
        (
            f"region writing an ordinary {mb} MB numpy array",
            f"{plain * 1e3:,.2f} ms/region",
            f"`omppy.shared.zeros` array: {no_copy * 1e3:,.2f} ms/region",
            f"staging costs +{(plain - no_copy) * 1e3:,.2f} ms "
            f"({mb / max(plain - no_copy, 1e-9) / 1024:,.1f} GB/s)",
            None,
            None,
        )
    )


# -- synchronisation constructs --------------------------------------------------------

SYNC = """\
from omppy import omp_get_thread_num, omp_init_lock, omp_set_lock, omp_unset_lock

LOCK = omp_init_lock()  # created before the regions: shared by their threads


def empty(n):
    # omp parallel for num_threads(T)
    for i in range(n):
        pass


def thread0_test(n):
    # omp parallel for num_threads(T)
    for i in range(n):
        if omp_get_thread_num() == 0:
            pass


def critical_thread0(n):
    count = 0
    # omp parallel for num_threads(T)
    for i in range(n):
        if omp_get_thread_num() == 0:
            # omp critical
            count += 1
    return count


def critical_all(n):
    count = 0
    # omp parallel for num_threads(T)
    for i in range(n):
        # omp critical
        count += 1
    return count


def atomic_count(n):
    count = 0
    # omp parallel for num_threads(T)
    for i in range(n):
        # omp atomic
        count += 1
    return count


def atomic_hist(hist, n):
    # omp parallel for num_threads(T)
    for i in range(n):
        # omp atomic
        hist[i % 8] += 1


def ordered_last(n):
    last = -1
    # omp parallel for ordered num_threads(T)
    for i in range(n):
        # omp ordered
        last = i
    return last


def ordered_append(n):
    out = []
    # omp parallel for ordered num_threads(T)
    for i in range(n):
        # omp ordered
        out.append(i)
    return out


def empty_dynamic(n):
    # omp parallel for schedule(dynamic, 1) num_threads(T)
    for i in range(n):
        pass


def barriers(n):
    # omp parallel num_threads(T)
    for i in range(n):
        # omp barrier
        pass
    return n


def no_barriers(n):
    # omp parallel num_threads(T)
    for i in range(n):
        pass
    return n


def lock_thread0(n):
    # omp parallel for num_threads(T)
    for i in range(n):
        if omp_get_thread_num() == 0:
            omp_set_lock(LOCK)
            omp_unset_lock(LOCK)
    return n


def lock_all(n):
    # omp parallel for num_threads(T)
    for i in range(n):
        omp_set_lock(LOCK)
        omp_unset_lock(LOCK)
    return n


def ordered_dynamic(n):
    last = -1
    # omp parallel for ordered schedule(dynamic, 1) num_threads(T)
    for i in range(n):
        # omp ordered
        last = i
    return last
"""


def bench_sync(report: Report) -> None:
    def measure():
        report.sync.clear()
        with Load() as load:
            measure_sync(report)
        return None, load.others

    _, report.sync_load = quietly(measure)


def measure_sync(report: Report) -> None:
    """Per-iteration cost of critical, atomic and ordered inside a ``parallel for``.

    Each construct's loop alternates with the same loop without it for ``ROUNDS``
    rounds; the difference of the medians, over the iterations, is what the construct
    costs per iteration of wall time.
    """
    source = SYNC.replace("num_threads(T)", f"num_threads({T})")
    module = load(source, "<sync>", "bench_sync", True)
    n = SIZES["sync_n"]
    small, large = SIZES["ordered_list_n"]
    dyn_n = SIZES["ordered_dyn_n"]
    hist = shared.zeros(8, dtype=np.int64)

    def run_hist(k: int) -> np.ndarray:
        hist[:] = 0
        module.atomic_hist(hist, k)
        return hist.copy()

    def hist_ok(result: np.ndarray, k: int) -> bool:
        expected = [len(range(b, k, 8)) for b in range(8)]
        return [int(v) for v in result] == expected

    def equals_n(r: int, k: int) -> bool:
        return r == k

    def last_ok(r: int, k: int) -> bool:
        return r == k - 1

    def in_order(r: list, k: int) -> bool:
        return r == list(range(k))

    def thread0_ok(r: int, k: int) -> bool:
        return r == static_block_size(k, T, 0)

    ordered_ref = "the same loop without `ordered`"
    # label, construct, iterations, loop with it, reference loop, its text, check
    cases = [
        (
            "critical, uncontended",
            "`# omp critical` `count += 1`, uncontended: only thread 0 enters "
            "(`if omp_get_thread_num() == 0:`)",
            n,
            module.critical_thread0,
            module.thread0_test,
            "the same `if`, no critical",
            thread0_ok,
        ),
        (
            "critical, contended",
            f"`# omp critical` `count += 1`, contended: all {T} threads, every iteration",
            n,
            module.critical_all,
            module.empty,
            "empty loop",
            equals_n,
        ),
        (
            "barrier",
            f"`# omp barrier` in a `parallel` region (not a `for`): each of the {T} "
            "threads meets one barrier per iteration",
            SIZES["barrier_n"],
            module.barriers,
            module.no_barriers,
            "the same region without the barrier",
            equals_n,
        ),
        (
            "lock, uncontended",
            "`omp_set_lock(LOCK)`; `omp_unset_lock(LOCK)`, uncontended: only thread 0 "
            "(`if omp_get_thread_num() == 0:`)",
            n,
            module.lock_thread0,
            module.thread0_test,
            "the same `if`, no lock",
            equals_n,
        ),
        (
            "lock, contended",
            f"`omp_set_lock(LOCK)`; `omp_unset_lock(LOCK)`, contended: all {T} threads, "
            "every iteration",
            n,
            module.lock_all,
            module.empty,
            "empty loop",
            equals_n,
        ),
        (
            "atomic int",
            "`# omp atomic` `count += 1` (a shared int), every iteration",
            n,
            module.atomic_count,
            module.empty,
            "empty loop",
            equals_n,
        ),
        (
            "atomic array",
            "`# omp atomic` `hist[i % 8] += 1` (an `omppy.shared` int64 array), every iteration",
            n,
            run_hist,
            module.empty,
            "empty loop",
            hist_ok,
        ),
        (
            "ordered int",
            "`# omp ordered` `last = i`; loop `ordered` (static schedule)",
            n,
            module.ordered_last,
            module.empty,
            ordered_ref,
            last_ok,
        ),
        (
            f"ordered append {small}",
            "`# omp ordered` `out.append(i)`; loop `ordered` (static schedule)",
            small,
            module.ordered_append,
            module.empty,
            ordered_ref,
            in_order,
        ),
        (
            f"ordered append {large}",
            "`# omp ordered` `out.append(i)`; loop `ordered` (static schedule)",
            large,
            module.ordered_append,
            module.empty,
            ordered_ref,
            in_order,
        ),
        (
            "ordered dynamic",
            "`# omp ordered` `last = i`; loop `ordered schedule(dynamic, 1)`",
            dyn_n,
            module.ordered_dynamic,
            module.empty_dynamic,
            ordered_ref,
            last_ok,
        ),
    ]
    for label, construct, k, with_it, reference, reference_text, check in cases:
        say(f"sync: {label} ({k:,} iterations)")
        warm = min(k, 1000)
        ok = check(with_it(warm), warm)  # arena, code and locks warmed, result checked
        reference(warm)
        with_times, ref_times = [], []
        for _ in range(ROUNDS):
            elapsed, result = timed(with_it, k)
            ok = ok and check(result, k)
            with_times.append(elapsed)
            ref_times.append(timed(reference, k)[0])
        with_median, ref_median = statistics.median(with_times), statistics.median(ref_times)
        extra = with_median - ref_median
        report.check(f"sync: {label}", ok)
        report.sync.append(
            dict(
                construct=construct,
                n=k,
                with_it=with_median,
                reference=ref_median,
                reference_text=reference_text,
                per_iteration=extra / k,
                # only thread 0 enters: per critical, it pays extra / its iterations
                per_entry=extra / static_block_size(k, T, 0)
                if label == "critical, uncontended"
                else None,
                ok=ok,
            )
        )


def static_block_size(n: int, size: int, num: int) -> int:
    """How many iterations thread ``num`` gets under ``schedule(static)`` (no chunk)."""
    base, extra = divmod(n, size)
    return base + (1 if num < extra else 0)


# -- the import hook and the translator ------------------------------------------------

# Generated sources: blocks of about 50 lines, each a function that may carry a region
# (three kinds in turn: a reduction, item stores, a critical) and a small class and
# function without pragmas.
GENERATED_REGIONS = [
    '''\
def reduce_{k}(values, n):
    """Sum of a clipped, scaled series (block {k})."""
    scale = {k} % 7 + 1
    offset = scale * 0.5
    total = 0.0
    # omp parallel for reduction(+:total) schedule(static)
    for i in range(n):
        x = values[i % len(values)] * scale
        if x > offset:
            x = x - offset
        elif x < -offset:
            x = x + offset
        else:
            x = x * 0.5
        total += x
    return total
''',
    '''\
def fill_{k}(out, n):
    """Fill ``out`` with a residue pattern (block {k})."""
    step = {k} % 11 + 3
    # omp parallel for schedule(dynamic, 8)
    for i in range(n):
        v = (i * step) % 97
        if v % 2:
            v = -v
        out[i] = v + step
    return out
''',
    '''\
def tally_{k}(words):
    """Count words under a critical section (block {k})."""
    seen = {{}}
    # omp parallel for
    for w in words:
        key = w.lower().strip(".,;")
        if not key:
            continue
        # omp critical
        seen[key] = seen.get(key, 0) + 1
    return seen
''',
]

GENERATED_FILLER = '''\

class Record{k}:
    """A small record type with a few methods (block {k})."""

    __slots__ = ("name", "weight", "tags")

    def __init__(self, name, weight=1.0, tags=()):
        self.name = name
        self.weight = float(weight)
        self.tags = tuple(tags)

    def __repr__(self):
        return f"Record{k}({{self.name!r}}, {{self.weight}}, {{self.tags!r}})"

    def scaled(self, factor):
        return Record{k}(self.name, self.weight * factor, self.tags)

    def key(self):
        return (len(self.tags), -self.weight, self.name)


def summarise_{k}(records, limit=5):
    """The heaviest records, formatted (block {k})."""
    ordered = sorted(records, key=lambda r: r.key())
    lines = []
    for index, record in enumerate(ordered[:limit]):
        marker = "*" if record.weight > {k} else "-"
        lines.append(f"{{marker}} {{index:3d}} {{record.name:<12}} {{record.weight:8.2f}}")
    if len(ordered) > limit:
        lines.append(f"  ... and {{len(ordered) - limit}} more")
    return "\\n".join(lines)

'''


def generated_source(lines: int, region_every: int = 1, pragmas: bool = True) -> str:
    """About ``lines`` lines of Python in blocks of ~50; a region in every
    ``region_every``-th block.  Without ``pragmas``: the same text minus the pragma lines
    (the untranslated twin)."""
    parts = ['"""Generated by benchmarks/run.py."""\n\nimport math\n\n']
    count, k = 4, 0
    while count < lines:
        function = GENERATED_REGIONS[k % len(GENERATED_REGIONS)].format(k=k)
        if not pragmas or k % region_every:
            function = "".join(
                line
                for line in function.splitlines(keepends=True)
                if not line.lstrip().startswith("# omp")
            )
        block = "\n" + function + GENERATED_FILLER.format(k=k)
        parts.append(block)
        count += block.count("\n")
        k += 1
    parts.append(f"\nBLOCKS = {k}\nCHECK = sum(math.isqrt(b) for b in range(BLOCKS))\n")
    return "".join(parts)


def generated_results(module: types.ModuleType) -> list:
    """Run every generated function with small inputs (used to check a translation)."""
    values = list(range(-50, 50))
    words = ["Alpha", "beta,", "alpha", "Gamma;", "beta", "", "delta."] * 7
    results = []
    for k in range(module.BLOCKS):
        kind = k % len(GENERATED_REGIONS)
        if kind == 0:
            results.append(getattr(module, f"reduce_{k}")(values, 301))
        elif kind == 1:
            results.append(getattr(module, f"fill_{k}")([0] * 203, 203))
        else:
            results.append(sorted(getattr(module, f"tally_{k}")(words).items()))
    return results


IMPORT_CHILD = """\
import sys, time
sys.path.insert(0, sys.argv[1])
start = time.perf_counter()
import omppy
middle = time.perf_counter()
from omppy.transform import importer
end = time.perf_counter()
if sys.argv[3] == "hook":
    importer.install()  # also computes the translator's fingerprint, once per process
installed = time.perf_counter()
import {module}
elapsed = time.perf_counter() - installed
print(elapsed, middle - start, end - middle, installed - end, importer.translations,
      int(hasattr({module}, "_omp")), {module}.CHECK)
"""


def bench_imports(report: Report) -> None:
    def measure():
        report.imports.clear()
        report.translation.clear()
        with Load() as load:
            measure_imports(report)
            measure_translation(report)
        return None, load.others

    _, report.imports_load = quietly(measure)


def measure_imports(report: Report) -> None:
    """Import time of a module with pragmas through the hook (translation cached) and of
    its untranslated twin, each in a fresh interpreter; medians of interleaved runs."""
    lines, small_lines = SIZES["import_lines"], SIZES["import_small_lines"]
    translated = generated_source(lines, region_every=5)
    twin = generated_source(lines, pragmas=False)
    regions = translated.count("# omp parallel")
    small = generated_source(small_lines, region_every=5)
    small_regions = small.count("# omp parallel")
    directory = tempfile.mkdtemp(prefix="omppy-bench-imports-")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the point is to use the caches
    env.pop("PYTHONPYCACHEPREFIX", None)
    try:
        Path(directory, "bench_regions_mod.py").write_text(translated)
        Path(directory, "bench_twin_mod.py").write_text(twin)
        Path(directory, "bench_small_mod.py").write_text(small)
        Path(directory, "bench_small_twin.py").write_text(
            generated_source(small_lines, pragmas=False)
        )
        variants = {
            "hooked": ("bench_regions_mod", "hook"),
            "twin": ("bench_twin_mod", "plain"),
            "twin+hook": ("bench_twin_mod", "hook"),
            "small hooked": ("bench_small_mod", "hook"),
            "small twin": ("bench_small_twin", "plain"),
        }

        def child(variant: str) -> tuple[float, ...]:
            module, hook = variants[variant]
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    IMPORT_CHILD.format(module=module),
                    directory,
                    module,
                    hook,
                ],
                capture_output=True,
                text=True,
                env=env,
                cwd=directory,
                check=True,
            )
            return tuple(float(v) for v in done.stdout.split())

        say(f"imports: {lines:,}-line module, {regions} regions; first import writes the caches")
        cold = child("hooked")  # translates and writes __pycache__/*.omppy.pyc
        child("twin")  # writes the plain .pyc
        small_cold = child("small hooked")
        child("small twin")
        cached = Path(directory, "__pycache__")
        ok = cold[4] == small_cold[4] == 1
        ok = ok and len([p for p in cached.glob("*") if p.name.endswith(".omppy.pyc")]) == 2
        samples: dict[str, list[tuple[float, ...]]] = {v: [] for v in variants}
        for _ in range(SIZES["import_runs"]):
            for variant in variants:
                samples[variant].append(child(variant))
        # every timed run of the module with pragmas: loaded from the cache, translated
        hooked_runs = samples["hooked"] + samples["small hooked"]
        ok = ok and all(s[4] == 0 and s[5] == 1 for s in hooked_runs)
        plain_runs = samples["twin"] + samples["twin+hook"] + samples["small twin"]
        ok = ok and all(s[5] == 0 for s in plain_runs)
        big = [v for v in variants if not v.startswith("small")]
        ok = ok and len({s[6] for v in big for s in samples[v]} | {cold[6]}) == 1
        small_results = {s[6] for v in variants if v.startswith("small") for s in samples[v]}
        ok = ok and small_results == {small_cold[6]}
        report.check("imports: cached translation used, same module result", ok)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    def median(variant: str, field: int = 0) -> float:
        return statistics.median(s[field] for s in samples[variant])

    runs = SIZES["import_runs"]
    hooked, plain, plain_hooked = median("hooked"), median("twin"), median("twin+hook")
    report.imports.append(
        (
            f"`import` a {lines:,}-line module with {regions} regions through the hook, "
            f"translation cached (median of {runs} fresh interpreters)",
            f"{hooked * 1e3:.2f} ms",
            f"its untranslated twin (pragma lines removed), plain `.pyc`, no hook: "
            f"{plain * 1e3:.2f} ms",
            f"{hooked / plain:.2f}x",
            "<= 1.2x",
            hooked / plain <= 1.2,
        )
    )
    small_hooked, small_plain = median("small hooked"), median("small twin")
    report.imports.append(
        (
            f"the same for a {small_lines}-line module with {small_regions} region",
            f"{small_hooked * 1e3:.3f} ms",
            f"its twin, no hook: {small_plain * 1e3:.3f} ms",
            f"{small_hooked / small_plain:.2f}x "
            f"(+{(small_hooked - small_plain) * 1e6:.0f} us)",
            None,
            None,
        )
    )
    report.imports.append(
        (
            "`import` the twin with the hook installed (the hook reads it, finds no pragma)",
            f"{plain_hooked * 1e3:.2f} ms",
            f"no hook: {plain * 1e3:.2f} ms",
            f"{plain_hooked / plain:.2f}x",
            None,
            None,
        )
    )
    report.imports.append(
        (
            "first `import` through the hook: translates and writes the cache (one run)",
            f"{cold[0] * 1e3:,.0f} ms",
            f"cached: {hooked * 1e3:.2f} ms",
            f"+{cold[0] - hooked:.2f} s once, until the source or omppy changes",
            None,
            None,
        )
    )
    every = [s for v in samples.values() for s in v]
    omppy_import = statistics.median(s[1] for s in every)
    hook_import = statistics.median(s[2] for s in every)
    install = statistics.median(s[3] for s in samples["hooked"] + samples["twin+hook"])
    report.imports.append(
        (
            "installing the hook, after `import omppy`: `from omppy.transform import "
            "importer` (not the translator: it is imported only on a cache miss), then "
            "`install()`, which computes the translator's fingerprint (a stat of each "
            "`omppy/transform/*.py`)",
            f"{(hook_import + install) * 1e3:.1f} ms "
            f"({hook_import * 1e3:.1f} + {install * 1e3:.2f})",
            f"`import omppy`: {omppy_import * 1e3:.0f} ms",
            f"+{(hook_import + install) * 1e3:.1f} ms once per process, "
            "even when every translation is cached",
            None,
            None,
        )
    )


def measure_translation(report: Report) -> None:
    """Lines per second of ``translate`` and of ``compile_translation``, separately."""
    from omppy.transform.lines import compile_translation
    from omppy.transform.translate import translate

    for lines in SIZES["translate_lines"]:
        source = generated_source(lines)
        count = source.count("\n")
        regions = source.count("# omp parallel")
        filename = f"<generated {count} lines>"
        say(f"translation: {count:,} lines, {regions} regions")
        translate_times, compile_times, plain_times = [], [], []
        translation = None
        for _ in range(TRANSLATE_ROUNDS):
            elapsed, translation = timed(translate, source, filename)
            translate_times.append(elapsed)
            compile_times.append(timed(compile_translation, translation, filename)[0])
            plain_times.append(timed(compile, source, filename, "exec", 0, True)[0])
        assert translation is not None
        ok = translation.changed and translation.text.count("_omp.parallel(") == regions
        if lines == min(SIZES["translate_lines"]):  # run the smallest: same results?
            sequential = load(source, filename, "bench_seq_generated", False)
            parallel = load(source, filename, "bench_omp_generated", True)
            ok = ok and generated_results(sequential) == generated_results(parallel)
        report.check(f"translation ({count:,} lines)", ok)
        t_translate = statistics.median(translate_times)
        t_compile = statistics.median(compile_times)
        t_plain = statistics.median(plain_times)
        report.translation.append(
            dict(
                lines=count,
                regions=regions,
                pragmas=len(re.findall(r"^\s*#\s*omp\b", source, re.M)),
                translate=t_translate,
                compile=t_compile,
                plain=t_plain,
            )
        )


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
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cs"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "omppy"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        revision = f"omppy source: commit {commit}{' + local changes' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        revision = "omppy source: unknown revision"
    return [
        f"CPU: {model}; {os.cpu_count()} logical CPUs, {usable} usable by this process",
        f"OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"numpy {np.__version__}, omppy {getattr(omppy, '__version__', '?')}",
        revision,
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
    if report.speed:
        print()
        print(
            f"| workload | size | sequential | omppy ({T} thr) | speed-up | goal | "
            f"machine ceiling | Pool cold | speed-up | Pool warm | speed-up | other load |"
        )
        print("|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for row in report.speed:
        seq, omp, goal = row["seq"], row["omp"], row["goal"]
        goal_text = (
            "-" if goal is None else (f">= {goal}x {'met' if seq / omp >= goal else 'NOT met'}")
        )
        noisy = " (noisy)" if row["load"] > NOISY else ""
        print(
            f"| {row['name']} | {row['size']} | {seconds(seq)} | {seconds(omp)} | "
            f"**{ratio(seq, omp)}** | {goal_text} | {row['ceiling']:.2f}x | "
            f"{seconds(row['cold'])} | {ratio(seq, row['cold'])} | {seconds(row['warm'])} | "
            f"{ratio(seq, row['warm'])} | {row['load']:.2f} CPU{noisy} |"
        )
    if report.overhead:
        print()
        print_overheads("overhead", report.overhead)
    if report.sync:
        print()
        print_sync(report)
    if report.imports:
        print()
        print_overheads("import", report.imports)
    if report.translation:
        print()
        print_translation(report)
    if report.speed and "fork" in report.const:
        print()
        print_model(report)
    print()
    print(
        "Checks: "
        + "; ".join(
            f"{name}: {'same result' if ok else 'RESULT DIFFERS'}"
            for name, ok in report.checks.items()
        )
    )
    loads = []
    if report.overhead:
        print(f"Process RSS when the overheads were measured: {report.rss:.0f} MB")
        loads.append(f"the overhead rows: {report.load:.2f} CPU")
    if report.sync:
        loads.append(f"the synchronisation rows: {report.sync_load:.2f} CPU")
    if report.imports:
        loads.append(f"the import and translation rows: {report.imports_load:.2f} CPU")
    if loads:
        print("CPU used by other processes during " + "; ".join(loads))


def print_overheads(title: str, rows: list[tuple]) -> None:
    print(f"| {title} | omppy | reference | difference | goal |")
    print("|---|---:|---|---|---|")
    for name, value, reference, difference, goal, met in rows:
        goal_text = "-" if goal is None else f"{goal} {'met' if met else 'NOT met'}"
        print(f"| {name} | {value} | {reference} | {difference} | {goal_text} |")


def print_sync(report: Report) -> None:
    print(
        f"| synchronisation construct, in a `parallel for` of {T} threads | iterations | "
        f"loop with it | reference loop | its time | cost per iteration (wall) | result |"
    )
    print("|---|---:|---:|---|---:|---|---|")
    for row in report.sync:
        cost = f"**{row['per_iteration'] * 1e6:+.2f} us**"
        if row["per_entry"] is not None:
            cost += f"; {row['per_entry'] * 1e6:.2f} us per critical of thread 0"
        print(
            f"| {row['construct']} | {row['n']:,} | {row['with_it'] * 1e3:,.1f} ms | "
            f"{row['reference_text']} | {row['reference'] * 1e3:,.1f} ms | {cost} | "
            f"{'same result' if row['ok'] else 'RESULT DIFFERS'} |"
        )


def print_translation(report: Report) -> None:
    print(
        f"| generated source (a region every ~45 lines; median of {TRANSLATE_ROUNDS}) | "
        "`translate` | lines/s | `compile_translation` | lines/s | "
        "reference: plain `compile` | lines/s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in report.translation:
        lines = row["lines"]
        print(
            f"| {lines:,} lines, {row['pragmas']} pragmas, {row['regions']} regions | "
            f"{row['translate']:.2f} s | **{lines / row['translate']:,.0f}** | "
            f"{row['compile'] * 1e3:,.0f} ms | {lines / row['compile']:,.0f} | "
            f"{row['plain'] * 1e3:,.1f} ms | {lines / row['plain']:,.0f} |"
        )


def wait_quiet(limit: float) -> None:
    deadline = time.perf_counter() + limit
    while True:
        with Load() as load:
            time.sleep(2)
        if load.others < 0.1:
            say(f"machine quiet (other processes: {load.others:.2f} CPU)")
            return
        if time.perf_counter() > deadline:
            say(f"machine still busy (other processes: {load.others:.2f} CPU); going on")
            return


MODEL_THREADS = (2, 4, 8, 16, 32)


def region_cost(report: Report, threads: int) -> float:
    """Modelled fixed cost of one region: the master forks threads-1 workers one by one."""
    return report.const["region_extra"] + (threads - 1) * report.const["fork"]


def print_model(report: Report) -> None:
    """MODELLED speed-ups on P free cores, from this run's measured costs.

    F(P) = regions * region_cost(P) + staged_bytes / staging_rate is the fixed cost,
    region_cost(P) = (empty region - raw fork floor) + (P - 1) * fork floor (the
    master forks the workers one after another).  The measured T-thread time M gives
    Y = M - F(T) = s + W/T: s serial, W parallel work.  Upper bound: s = 0, everything
    that was lost at T threads parallelises (per-store costs do).  Lower bound: the
    loss beyond the machine's compute (what the T-copy ceiling allows) is serial
    (e.g. the master replaying stores).  T(P) = F(P) + s + W/P.
    """
    if "fork" not in report.const:
        return
    rate = report.const["staging_rate"]
    header = " | ".join(f"P={p}" for p in MODEL_THREADS)
    print("MODELLED speed-up on P free cores (not measured; lower-upper bound):")
    print()
    print(f"| workload | {header} | best P (upper bound) |")
    print("|---|" + "---:|" * (len(MODEL_THREADS) + 1))
    for row in report.speed:
        work, regions, staged = row["seq"], row["regions"], row["staged"]

        def fixed(p: int, regions: int = regions, staged: int = staged) -> float:
            return regions * region_cost(report, p) + staged / rate

        y = max(1e-9, row["omp"] - fixed(T))
        ideal = min(work, T * y) / max(1.0, min(T, row["ceiling"]))
        serial = max(0.0, y - ideal)
        cells = []
        for p in MODEL_THREADS:
            low = work / (fixed(p) + serial + (y - serial) * T / p)
            high = work / (fixed(p) + y * T / p)
            cells.append(f"{low:.1f}-{high:.1f}x")
        fork = report.const["fork"] * regions
        best_p = max(1, round((y * T / fork) ** 0.5)) if fork > 0 else 0
        best = work / (fixed(best_p) + y * T / best_p) if best_p else float("inf")
        print(f"| {row['name']} | " + " | ".join(cells) + f" | P~{best_p}: {best:.0f}x |")


def main() -> None:
    start = time.perf_counter()
    report = Report()
    chosen = {name.strip() for name in ARGS.only.split(",") if name.strip()}
    for key, label, bench in [
        ("pi", "pi in a function", bench_pi),
        ("pi-module", "pi at module level", bench_pi_module),
        ("mandelbrot", "Mandelbrot", bench_mandelbrot),
        ("words", "words", bench_words),
        ("overheads", "overheads", bench_overheads),
        ("sync", "synchronisation constructs", bench_sync),
        ("imports", "import hook and translator", bench_imports),
    ]:
        if chosen and key not in chosen:
            continue
        say(label)
        bench(report)
    print_tables(report)
    say(f"done in {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
