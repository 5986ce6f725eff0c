"""Native thread pools (BLAS, OpenMP runtimes) while a thread team runs: one thread.

As on the fork backend (``runtime/blas.py``), each thread of a team gets pools of one
thread, as in OpenMP with nesting inactive: ``np.dot`` in every thread of a team of 8
would otherwise run 8 pools of 8 threads on 8 cores.  Here the team is one process, so
the pools' sizes are the process's: the thread that starts a team sets them to one
and gives them back their sizes when the team ends.

``threadpoolctl``'s ``limit()`` reads every library's full description first (about
0.2 ms); a team of threads costs microseconds, so the sizes are read and set through
each library's own controller instead (a few microseconds, and nothing at all for a
pool of one already, as in a nested team, or without numpy or torch imported).
"""

from __future__ import annotations

from typing import Any

from .. import blas

Saved = list[tuple[Any, int]]  # (a library's controller, its pool size before)


def limit() -> Saved:
    """Set every native pool to one thread; returns what :func:`restore` needs."""
    blas.prepare()
    saved: Saved = []
    for pool in blas.pools():
        try:
            size = pool.num_threads
            if size != 1:
                pool.set_num_threads(1)
                saved.append((pool, size))
        except Exception:  # a library that cannot be queried or set: left as it is
            continue
    return saved


def restore(saved: Saved) -> None:
    """Give the pools :func:`limit` changed their sizes back."""
    for pool, size in saved:
        try:
            pool.set_num_threads(size)
        except Exception:
            continue
