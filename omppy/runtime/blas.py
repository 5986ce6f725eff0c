"""Native thread pools (BLAS, OpenMP runtimes) inside a team: one thread each.

A team already runs one process per core.  numpy's OpenBLAS (or MKL, or an OpenMP
runtime an extension loads) would start its own pool of threads in every one of
them: ``np.dot`` in a loop on a team of 8 would run 64 threads on 8 cores.  As in
OpenMP with nesting inactive, each thread of a team gets pools of one thread:
workers set it after the fork (and never restore it: they exit), the master for its
own part of the region, restoring its settings afterwards.  A pool of one thread
also keeps a forked worker from using a pool its parent started, which GNU libgomp
does not survive.

threadpoolctl finds and sets the pools (docs/dependencies.md says why it is a
dependency).  It is imported, and the loaded libraries inspected (a few ms), only
once a module that loads such a library has been imported; the inspection is
redone when modules were imported since.  A program without them pays a length
comparison per region.
"""

from __future__ import annotations

import sys
from typing import Any

# Modules whose import loads a BLAS or an OpenMP runtime.  scipy, scikit-learn and
# most of the scientific stack import numpy; torch brings its own libgomp/MKL.
USERS = ("numpy", "torch")

_controller: Any = None  # a threadpoolctl.ThreadpoolController, when there are pools
_modules_seen = -1  # len(sys.modules) when _controller was made


def prepare() -> None:
    """In the master, before it forks: find the pools its workers will limit."""
    global _controller, _modules_seen
    if len(sys.modules) == _modules_seen:
        return
    _modules_seen = len(sys.modules)
    _controller = None
    if not any(name in sys.modules for name in USERS):
        return
    try:
        from threadpoolctl import ThreadpoolController

        controller = ThreadpoolController()
    except Exception:  # no threadpoolctl, or a library it cannot query: no limit
        return
    if controller.lib_controllers:
        _controller = controller


def limit() -> Any:
    """Set every pool to one thread; returns what :func:`restore` needs (or None)."""
    if _controller is None:
        return None
    try:
        return _controller.limit(limits=1)
    except Exception:
        return None


def restore(limiter: Any) -> None:
    """Give the pools back the sizes they had before :func:`limit`."""
    if limiter is not None:
        try:
            limiter.restore_original_limits()
        except Exception:
            pass
