"""What watching costs (docs/tracing.md, "Overhead"): the hot paths with it off, and
whole programs with it on.

    python benchmarks/trace_overhead.py hot [--repeat 7]   # the omppy on PYTHONPATH
    python benchmarks/trace_overhead.py same-code OTHER    # OTHER: a checkout of main
    python benchmarks/trace_overhead.py programs [--quick]

``hot`` times, in this process and without forking, the calls the runtime's hooks sit
on or next to, with nothing watched: a static loop's hand-out (``ThreadContext.loop``),
a dynamic chunk's (``Team.grab``), and the test a region's entry makes
(``observe.observer is not None``), plus a whole region of two forked threads.  Run it
once with the omppy of ``main`` on ``PYTHONPATH`` and once with this one: the figures
should agree within the noise (the first two run the very same code: a watched team
gets timed methods of its own instead, see runtime/observe.py).

``same-code OTHER`` compares the bytecode of the hot functions here and in the omppy
of the checkout ``OTHER`` (``git archive main | tar -x -C OTHER``).

``programs`` runs examples/pi.py and examples/mandelbrot.py with ``omppy run`` plain,
with ``--trace`` and with ``--report``, and prints the median wall times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hot(repeat: int) -> None:
    import omppy
    from omppy.runtime import state, team

    try:
        from omppy.runtime.forkjoin import parallel
    except ImportError:  # a checkout from before team.py was split
        parallel = team.parallel  # type: ignore[attr-defined]
    from omppy.runtime.arena import Arena
    from omppy.runtime.thread import ThreadContext

    print(f"omppy from {Path(omppy.__file__).parent}")
    arena = Arena(4)
    arena.reset(2)
    crew = team.Team(2, state.current(), arena)
    context = ThreadContext(crew, 0)
    items = range(10_000)
    base = arena.ws_base

    names = {"context": context, "items": items, "crew": crew, "base": base}

    def best(statement: str, number: int) -> float:
        times = timeit.repeat(statement, number=number, repeat=repeat, globals=names)
        return min(times) / number * 1e9

    rows = [
        ("ThreadContext.loop, static (ns/call)", best("context.loop(items)", 20_000)),
        ("Team.grab, dynamic chunk (ns/call)", best("crew.grab(base, 1 << 60, 4, False)", 20_000)),
    ]
    try:
        from omppy.runtime import observe
    except ImportError:
        rows.append(("observe.observer is not None (ns)", float("nan")))
    else:
        names["observe"] = observe
        rows.append(("observe.observer is not None (ns)",
                     best("observe.observer is not None", 1_000_000)))
        rows.append(("  (an empty statement, for scale) (ns)", best("pass", 1_000_000)))

    def body(_omp_t: object) -> dict[str, object]:
        return {}

    parallel(body, {}, num_threads=2)  # the arena, the first fork
    regions = []
    for _ in range(repeat * 3):
        begin = time.perf_counter()
        parallel(body, {}, num_threads=2)
        regions.append((time.perf_counter() - begin) * 1e6)
    rows.append(("region of 2 threads, median (us)", statistics.median(regions)))
    for label, value in rows:
        print(f"  {label:<42} {value:10.1f}")


HOT = (
    "omppy.runtime.thread:ThreadContext.loop",
    "omppy.runtime.thread:ThreadContext._shared_counter_loop",
    "omppy.runtime.thread:ThreadContext._ordered_loop",
    "omppy.runtime.thread:ThreadContext.exchange",
    "omppy.runtime.team:Team.grab",
    "omppy.runtime.team:Team._barrier",
    "omppy.runtime.team:Team.barrier_exchange",
    "omppy.runtime.sync:SyncBlock.__init__",
    "omppy.runtime.forkjoin:parallel",
    "omppy.runtime.forkjoin:_run_team",
    "omppy.runtime.worker:run_worker",
)
_DUMP = """
import importlib, json, sys
out = {}
for spec in sys.argv[1:]:
    module, _, path = spec.partition(":")
    try:  # a function may live elsewhere in the other checkout (team.py was split)
        target = importlib.import_module(module)
        for part in path.split("."):
            target = getattr(target, part)
    except (ImportError, AttributeError):
        out[spec] = None
        continue
    out[spec] = target.__code__.co_code.hex()
print(json.dumps(out))
"""


def same_code(other: str) -> None:
    import json

    def dump(root: str) -> dict[str, str | None]:
        done = subprocess.run([sys.executable, "-c", _DUMP, *HOT], capture_output=True,
                              text=True, check=True, env={**os.environ, "PYTHONPATH": root},
                              cwd=tempfile.gettempdir())  # not this checkout via sys.path[0]
        return json.loads(done.stdout)

    here, there = dump(str(ROOT)), dump(other)
    for spec in HOT:
        if there[spec] is None:
            verdict = "not there (moved)"
        else:
            verdict = "same bytecode" if here[spec] == there[spec] else "changed"
        print(f"  {spec:<58} {verdict}")


def programs(quick: bool) -> None:
    runs = 3 if quick else 5
    cases = [
        ("pi.py 2,000,000", [str(ROOT / "examples" / "pi.py"), "2000000"]),
        ("mandelbrot.py 200x150", [str(ROOT / "examples" / "mandelbrot.py"), "--width", "200",
                                   "--height", "150"]),
    ]
    with tempfile.TemporaryDirectory() as scratch:
        trace = os.path.join(scratch, "t.json")
        modes = [("plain", []), ("--trace", ["--trace", trace]), ("--report", ["--report"])]
        print(f"{'program':<24}" + "".join(f"{mode:>12}" for mode, _ in modes))
        for label, args in cases:
            cells = []
            for _, options in modes:
                times = []
                for _ in range(runs):
                    begin = time.perf_counter()
                    subprocess.run([sys.executable, "-m", "omppy", "run", *options, *args],
                                   check=True, capture_output=True)
                    times.append(time.perf_counter() - begin)
                cells.append(f"{statistics.median(times):>10.3f} s")
            print(f"{label:<24}" + "".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("hot", "same-code", "programs"))
    parser.add_argument("other", nargs="?", help="same-code: a checkout of main")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    if args.what == "hot":
        hot(args.repeat)
    elif args.what == "same-code":
        if not args.other:
            parser.error("same-code needs the path of another checkout")
        same_code(args.other)
    else:
        programs(args.quick)


if __name__ == "__main__":
    main()
