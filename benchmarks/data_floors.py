"""The raw-fork floors of data.py's "slices" and "reduction" loops, beside omppy.

    python benchmarks/data_floors.py [--quick] [--repeat 3] [--only slices,reduction]

What a loop can gain from a fork per run, measured rather than modelled: the same
loop written by hand on ``os.fork``, with nothing of omppy's (docs/benchmarks.md,
"Session 8: many regions"):

- ``slices``: the 400 MB read-only array summed slice by slice; the child takes the
  odd slices, the parent the even ones, the child's float comes back through a pipe;
- ``reduction``: the 200 MB array reduction; the child accumulates its half of the
  items into ``MAP_SHARED`` memory (as omppy's slotted reduction does), the parent
  its half into a private array, and the parent combines as omppy does, in thread
  order (``acc += mine; acc += other``).

Each line: sequential, the raw fork version, omppy's (``data.py``'s translated
module), best of ``--repeat``, and the fork + waitpid floor of the process holding
the input.  Results are checked against the sequential one.
"""

from __future__ import annotations

import argparse
import mmap
import os
import struct
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="slices,reduction")
    return parser.parse_args()


ARGS = parse_args()
sys.argv = [sys.argv[0], "--threads", "2"] + (["--quick"] if ARGS.quick else [])
import data  # noqa: E402  (data.py reads its own arguments when imported)


def best(fn: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(ARGS.repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def fork_floor() -> float:
    def forks() -> None:
        for _ in range(20):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - child
                os._exit(0)
            os.waitpid(pid, 0)

    return best(forks)[0] / 20


def slices() -> tuple[Callable[[], Any], Callable[[], Any], Callable[[], Any]]:
    data.prepare("slices")
    a, chunk = data.BIG["a"], data.SIZES["slices"][1]

    def part(first: int) -> float:
        s = 0.0
        for lo in range(first * chunk, len(a), 2 * chunk):
            s += float(np.sqrt(a[lo : lo + chunk]).sum())
        return s

    def raw() -> float:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                os.write(write_end, struct.pack("d", part(1)))
            finally:
                os._exit(0)
        os.close(write_end)
        total = part(0)
        total += struct.unpack("d", os.read(read_end, 8))[0]
        os.close(read_end)
        os.waitpid(pid, 0)
        return total

    return (
        lambda: data.seq.slice_sums(a, chunk),
        raw,
        lambda: data.omp.slice_sums(a, chunk),
    )


def reduction() -> tuple[Callable[[], Any], Callable[[], Any], Callable[[], Any]]:
    data.prepare("reduction")
    base, items = data.BIG["base"], data.SIZES["reduction"][1]

    def raw() -> np.ndarray:
        acc = np.zeros_like(base)
        shared = mmap.mmap(-1, base.nbytes)
        other = np.frombuffer(shared, dtype=base.dtype)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            try:
                for k in range(items // 2, items):
                    other += np.sin(base + k)
            finally:
                os._exit(0)
        mine = np.zeros_like(base)
        for k in range(items // 2):
            mine += np.sin(base + k)
        os.waitpid(pid, 0)
        acc += mine
        acc += other
        return acc

    return (
        lambda: data.seq.array_reduction(base, items),
        raw,
        lambda: data.omp.array_reduction(base, items),
    )


def main() -> None:
    print("| loop | sequential s | raw fork s | speed-up | omppy s | speed-up | fork floor ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in ARGS.only.split(","):
        data.BIG.clear()
        sequential, raw, omp = {"slices": slices, "reduction": reduction}[name]()
        omp()  # the first region's imports and arena
        t_seq, expected = best(sequential)
        t_raw, got_raw = best(raw)
        t_omp, got_omp = best(omp)
        ok = data.same(expected, got_raw) and data.same(expected, got_omp)
        print(
            f"| {name} | {t_seq:.3f} | {t_raw:.3f} | {t_seq / t_raw:.2f}x | {t_omp:.3f} "
            f"| {t_seq / t_omp:.2f}x | {fork_floor() * 1e3:.2f} |" + ("" if ok else " DIFFERENT")
        )


if __name__ == "__main__":
    main()
