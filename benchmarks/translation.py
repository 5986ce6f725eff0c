"""Translating a big module: ``omppy translate`` against libcst's bare parse (issue 21).

    python benchmarks/translation.py            # 5 runs of each (about 30 s idle)
    python benchmarks/translation.py --runs 3

Three sources, each about 2,600 lines: the standard library's ``argparse.py`` (of the
interpreter running this) followed by

- ``one pragma``: one small function with one ``parallel for``;
- ``50 pragmas``: 15 small functions: 10 regions (``parallel`` ... ``end parallel``)
  around a ``for schedule(dynamic)`` with a ``critical``, and 5 ``parallel for``
  loops with a reduction and an ``atomic``: 50 pragma lines in all;
- ``no pragma``: the first again, its pragma made an ordinary comment (the
  translator returns it unchanged after a text search).

Each runs as a fresh process, ``omppy translate SOURCE -o /dev/null`` (parse,
analyse, rewrite, and compile the result: what ``omppy run`` and the hook do on a
cache miss), beside two references run in the same rounds: ``python -c pass`` (the
interpreter's start) and ``python -c "import libcst; libcst.parse_module(...)"``
(libcst's bare parse of the same file, its import included).  The ways take turns,
``--runs`` rounds; the **minimum** wall time of each is reported (on a shared machine
the least disturbed run is the best estimate of the cost), with the median and the CPU
time (user + system) beside it.  The goals: one pragma in at most 0.6 s, 50 pragmas in
under 2 s, wall, process start included.  The machine's load average is printed
before and after: read the figures with it.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"one pragma": 0.6, "50 pragmas": 2.0}

ONE = """

def _omp_demo(values):
    total = 0
    # omp parallel for reduction(+:total)
    for i in range(len(values)):
        total += values[i]
    return total
"""

REGION = """

def _omp_region_{k}(values):
    found = []
    # omp parallel
    scale = {k}
    # omp for schedule(dynamic)
    for i in range(len(values)):
        # omp critical
        found.append(values[i] * scale)
    # omp end parallel
    return found
"""

LOOP = """

def _omp_loop_{k}(values):
    total = 0
    hits = [0]
    # omp parallel for reduction(+:total)
    for i in range(len(values)):
        total += values[i] * {k}
        # omp atomic
        hits[0] += 1
    return total, hits[0]
"""


def sources(directory: Path) -> dict[str, Path]:
    base = Path(argparse.__file__).read_text(encoding="utf-8")
    many = "".join((REGION if k < 10 else LOOP).format(k=k) for k in range(15))
    assert many.count("# omp ") == 50
    made = {
        "one pragma": base + ONE,
        "50 pragmas": base + many,
        "no pragma": base + ONE.replace("# omp", "# not"),
    }
    paths = {}
    for name, text in made.items():
        path = directory / (name.replace(" ", "_") + ".py")
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def commands(paths: dict[str, Path]) -> dict[str, list[str]]:
    parse = "import libcst, sys; libcst.parse_module(open(sys.argv[1], encoding='utf-8').read())"
    found = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "libcst bare parse": [sys.executable, "-c", parse, str(paths["one pragma"])],
    }
    for name, path in paths.items():
        found[f"omppy translate ({name})"] = [
            sys.executable,
            "-m",
            "omppy",
            "translate",
            str(path),
            "-o",
            os.devnull,
        ]
    return found


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description="omppy translation benchmark")
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_"))}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # nothing is cached: each run translates
    directory = Path(tempfile.mkdtemp(prefix="omppy-translation-"))
    try:
        paths = sources(directory)
        lines = len(paths["one pragma"].read_text(encoding="utf-8").splitlines())
        ways = commands(paths)
        print(f"load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in ways}
        for _ in range(args.runs):
            for name, command in ways.items():
                times[name].append(run_once(command, env))
        load = os.getloadavg()[0]
        print(f"load average after: {load:.2f}", file=sys.stderr)
        print(
            f"\nPython {sys.version.split()[0]}, argparse.py + a tail: {lines} lines "
            f"(one pragma), {args.runs} runs each, load average {load:.1f} on "
            f"{os.cpu_count()} CPUs"
        )
        print("\n| way | wall (min) | wall (median) | CPU (min) | goal |")
        print("|---|---:|---:|---:|---|")
        for name, runs in times.items():
            wall = [t for t, _ in runs]
            goal = next((g for key, g in GOALS.items() if f"({key})" in name), None)
            verdict = (
                ""
                if goal is None
                else (f"<= {goal} s: {'met' if min(wall) <= goal else 'MISSED'}")
            )
            print(
                f"| `{name}` | {min(wall):.2f} s | {statistics.median(wall):.2f} s "
                f"| {min(c for _, c in runs):.2f} s | {verdict} |"
            )
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
