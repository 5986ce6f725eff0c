"""Short micro-benchmarks of region and synchronisation costs, for A/B comparisons.

    python benchmarks/sync.py                       # this checkout, about 20 s
    python benchmarks/sync.py --against OTHER_PY    # alternate with another interpreter

Measures, with a team of 2 in one small process:

- an empty ``parallel`` region, against the raw floor of the same process forking a
  child that exits at once and reaping it (``fork_join``);
- ``critical`` (contended: both threads every iteration; uncontended: thread 0 only;
  ten counts into a shared dict, against the same counts into a private one),
  ``atomic`` on a shared int, and an explicit ``barrier``, each against the same loop
  without the construct.

Each figure is the *minimum* over ``--repeat`` rounds: on a shared machine other load
only ever adds time.  ``--against`` runs this same file under another interpreter (a
venv with another checkout of omppy installed, e.g. main) alternately with this one,
round by round, and prints both and their ratio: other engineers' load then hits both
about equally.  This is not part of ``run.py``'s long suite (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import types

SOURCE = """\
from omppy import omp_get_thread_num


def regions(k):
    for _ in range(k):
        # omp parallel num_threads(2)
        pass


def empty(n):
    # omp parallel for num_threads(2)
    for i in range(n):
        pass


def thread0_test(n):
    # omp parallel for num_threads(2)
    for i in range(n):
        if omp_get_thread_num() == 0:
            pass


def critical_all(n):
    count = 0
    # omp parallel for num_threads(2)
    for i in range(n):
        # omp critical
        count += 1
    return count


def critical_thread0(n):
    count = 0
    # omp parallel for num_threads(2)
    for i in range(n):
        if omp_get_thread_num() == 0:
            # omp critical
            count += 1
    return count


def atomic_count(n):
    count = 0
    # omp parallel for num_threads(2)
    for i in range(n):
        # omp atomic
        count += 1
    return count


WORDS = [[f"w{(i * 7 + j) % 50}" for j in range(10)] for i in range(8)]


def critical_dict(n):
    counts = {}
    # omp parallel for num_threads(2)
    for i in range(n):
        # omp critical
        for w in WORDS[i % 8]:
            counts[w] = counts.get(w, 0) + 1
    return counts


def private_dict(n):
    # omp parallel for num_threads(2)
    for i in range(n):
        mine = {}
        for w in WORDS[i % 8]:
            mine[w] = mine.get(w, 0) + 1


def barriers(n):
    # omp parallel num_threads(2)
    for i in range(n):
        # omp barrier
        pass
    return n


def no_barriers(n):
    # omp parallel num_threads(2)
    for i in range(n):
        pass
    return n
"""


def load() -> types.ModuleType:
    from omppy.transform.lines import compile_translation
    from omppy.transform.translate import translate

    code = compile_translation(translate(SOURCE, "<sync>"), "<sync>")
    module = types.ModuleType("bench_sync_micro")
    module.__file__ = "<sync>"
    sys.modules[module.__name__] = module
    exec(code, module.__dict__)
    return module


def fork_join(k: int) -> None:
    """The raw floor of a region of 2: fork a child that exits at once, reap it."""
    for _ in range(k):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os._exit(0)
        os.waitpid(pid, 0)


def timed(fn, *args) -> tuple[float, float]:
    """Wall time and this process's CPU time of ``fn(*args)`` (the master's CPU time
    varies less with other load than wall time does)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - start, time.process_time() - cpu


def per(total: tuple[float, float], count: float) -> tuple[float, float]:
    return total[0] / count, total[1] / count


def measure(repeat: int, n: int, k: int) -> dict[str, float]:
    """One process's figures, in microseconds, each the minimum over ``repeat``."""
    module = load()
    module.regions(5)  # the arena made, the code warm
    fork_join(5)
    cases = {
        "region": (lambda: per(timed(module.regions, k), k), lambda: per(timed(fork_join, k), k)),
        "critical contended": (
            lambda: per(timed(module.critical_all, n), n),
            lambda: per(timed(module.empty, n), n),
        ),
        "critical uncontended": (
            # thread 0 enters n/2 blocks: the cost of one is twice the difference
            lambda: per(timed(module.critical_thread0, n), n / 2),
            lambda: per(timed(module.thread0_test, n), n / 2),
        ),
        "critical dict 10 keys": (
            # a shared dict counting ten words a block: the block's key notes included
            lambda: per(timed(module.critical_dict, n), n),
            lambda: per(timed(module.private_dict, n), n),
        ),
        "atomic": (
            lambda: per(timed(module.atomic_count, n), n),
            lambda: per(timed(module.empty, n), n),
        ),
        "barrier": (
            lambda: per(timed(module.barriers, n), n),
            lambda: per(timed(module.no_barriers, n), n),
        ),
    }
    assert module.critical_all(100) == 100 and module.atomic_count(100) == 100
    inf = float("inf")
    # per case: [wall with, wall without, cpu with, cpu without], each the minimum
    best: dict[str, list[float]] = {name: [inf, inf, inf, inf] for name in cases}
    for _ in range(repeat):
        for name, (construct, reference) in cases.items():
            (wall, cpu), (wall_ref, cpu_ref) = construct(), reference()
            low = best[name]
            best[name] = [min(low[0], wall), min(low[1], wall_ref), min(low[2], cpu),
                          min(low[3], cpu_ref)]
    figures = {}
    for name, (with_it, without, cpu, cpu_without) in best.items():
        if name == "region":
            figures["region us"] = with_it * 1e6
            figures["fork floor us"] = without * 1e6
            figures["region / floor"] = with_it / without
            figures["region master cpu us"] = cpu * 1e6
        else:
            figures[f"{name} us"] = (with_it - without) * 1e6
            figures[f"{name} master cpu us"] = (cpu - cpu_without) * 1e6
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per process")
    parser.add_argument("-n", type=int, default=2000, help="iterations per loop")
    parser.add_argument("-k", type=int, default=200, help="regions per round")
    parser.add_argument("--against", metavar="PYTHON", help="alternate with this interpreter")
    parser.add_argument("--processes", type=int, default=3, help="with --against: runs each")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.repeat, args.n, args.k)))
        return
    if not args.against:
        for name, value in measure(args.repeat, args.n, args.k).items():
            print(f"{name:24} {value:10.2f}")
        return
    command = [__file__, "--json", f"--repeat={args.repeat}", f"-n={args.n}", f"-k={args.k}"]
    runs: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    for _ in range(args.processes):
        for which, python in (("this", sys.executable), ("other", args.against)):
            out = subprocess.run(
                [python, *command], capture_output=True, text=True, check=True, cwd="/"
            ).stdout
            runs[which].append(json.loads(out.splitlines()[-1]))
    print(f"{'':24} {'this':>10} {'other':>10} {'this/other':>10}")
    for name in runs["this"][0]:
        this = min(r[name] for r in runs["this"])
        other = min(r[name] for r in runs["other"])
        print(f"{name:24} {this:10.2f} {other:10.2f} {this / other if other else 0:10.2f}")


if __name__ == "__main__":
    main()
