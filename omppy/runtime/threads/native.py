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

from .. import blas
from ..blas import Saved, restore


def limit() -> Saved:
    """Set every native pool to one thread, each through its library; returns what
    :func:`restore` needs."""
    return blas.limit(words=False)


__all__ = ["Saved", "limit", "restore"]
