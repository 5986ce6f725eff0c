"""Start-up time of a cached script: ``python tiny.py`` against omppy's three ways.

    python benchmarks/startup.py              # 21 runs of each (about 15 s)
    python benchmarks/startup.py --quick      # 5 runs of each
    python benchmarks/startup.py --importtime # also: python -X importtime, omppy's lines

``tiny.py`` is five lines with one ``parallel for`` (a reduction over 100 numbers).  It
runs as

- ``python tiny.py``: the baseline (the pragma is a comment);
- ``omppy run tiny.py``: the installed command (skipped when it is not installed beside
  this interpreter);
- ``python -m omppy run tiny.py``;
- ``python tiny_hook.py``: the same five lines after ``import omppy.autohook``.

Each way runs once first, which writes the translation caches (the variable
``PYTHONDONTWRITEBYTECODE`` is removed from the children's environment), then the ways
take turns, ``--runs`` times, each in a fresh interpreter; the minimum wall time of
each (on a shared machine the least disturbed run is the best estimate) and the
median are reported, and the minimum's difference from ``python tiny.py``.  The goal
(docs/development.md, "Start-up") is a difference of at most 80 ms.  The team size is
``--threads`` (default 2), so the times include forking one team.

The machine's load average is printed before and after: on a shared machine the wall
times mean little while it is high.  The CPU time (user + system, of the program and
the workers it forked) is less disturbed by other load; the difference in CPU time is
what omppy adds to the work of starting.  This is not a pytest test; tests/test_startup.py
checks what these times depend on (no libcst, no numpy on a cached run).
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
GOAL_MS = 80.0
TINY = """\
total = 0
# omp parallel for reduction(+:total)
for i in range(100):
    total += i
print(total)
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="omppy start-up benchmark")
    parser.add_argument("--quick", action="store_true", help="5 runs of each way")
    parser.add_argument("--runs", type=int, default=None, help="runs of each way (21)")
    parser.add_argument("--threads", type=int, default=2, help="team size (default 2)")
    parser.add_argument(
        "--importtime",
        action="store_true",
        help="print omppy's lines of 'python -X importtime -m omppy run tiny.py' (cached)",
    )
    args = parser.parse_args()
    if args.runs is None:
        args.runs = 5 if args.quick else 21
    return args


def environment(threads: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMP_", "OMPPY_"))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT)
    env["OMPPY_NUM_THREADS"] = str(threads)
    return env


def ways(directory: Path) -> dict[str, list[str]]:
    tiny = directory / "tiny.py"
    hooked = directory / "tiny_hook.py"
    tiny.write_text(TINY)
    hooked.write_text("import omppy.autohook\n" + TINY)
    found = {
        "python tiny.py": [sys.executable, str(tiny)],
        "omppy run tiny.py": [str(Path(sys.executable).parent / "omppy"), "run", str(tiny)],
        "python -m omppy run tiny.py": [sys.executable, "-m", "omppy", "run", str(tiny)],
        "python tiny_hook.py (autohook)": [sys.executable, str(hooked)],
    }
    if not Path(found["omppy run tiny.py"][0]).exists():
        print("(the omppy command is not installed beside this interpreter: skipped)")
        del found["omppy run tiny.py"]
    return found


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall time, and CPU time of the process and every process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or done.stdout != "4950\n":
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


# The packages whose lines --importtime prints: omppy's own, and the big ones a cached
# run loads (click, multiprocessing) or must not load (libcst, numpy).
SHOWN = ("omppy", "click", "libcst", "numpy", "multiprocessing")


def importtime(env: dict[str, str], cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "omppy", "run", "tiny.py"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    lines = done.stderr.splitlines()
    print("\n```text")
    print(lines[0])
    for line in lines[1:]:
        name = line.rpartition("|")[2]
        if name.strip().partition(".")[0] in SHOWN:
            print(line)
    print("```")


def main() -> None:
    args = parse_args()
    env = environment(args.threads)
    directory = Path(tempfile.mkdtemp(prefix="omppy-startup-"))
    try:
        commands = ways(directory)
        print(f"load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
        for command in commands.values():  # writes the caches
            run_once(command, env, directory)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(run_once(command, env, directory))
        load = os.getloadavg()[0]
        print(f"load average after: {load:.2f}", file=sys.stderr)
        wall = {name: min(t for t, _ in runs) * 1000 for name, runs in times.items()}
        median = {
            name: statistics.median(t for t, _ in runs) * 1000 for name, runs in times.items()
        }
        cpu = {name: min(c for _, c in runs) * 1000 for name, runs in times.items()}
        base, base_cpu = wall["python tiny.py"], cpu["python tiny.py"]
        print(
            f"\nPython {sys.version.split()[0]}, {args.runs} runs each, team of {args.threads}, "
            f"load average {load:.1f} on {os.cpu_count()} CPUs"
        )
        print(
            "\n| way | wall (min) | over python | goal (+80 ms) | wall (median) "
            "| CPU (min) | over python |"
        )
        print("|---|---:|---:|---|---:|---:|---:|")
        for name in wall:
            over = wall[name] - base
            verdict = "" if name == "python tiny.py" else ("met" if over <= GOAL_MS else "MISSED")
            print(
                f"| `{name}` | {wall[name]:.0f} ms | {over:+.0f} ms | {verdict} "
                f"| {median[name]:.0f} ms | {cpu[name]:.0f} ms | {cpu[name] - base_cpu:+.0f} ms |"
            )
        if args.importtime:
            importtime(env, directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
