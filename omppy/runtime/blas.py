"""Native thread pools (BLAS, OpenMP runtimes) inside a team: one thread each.

A team already runs one process per core.  numpy's OpenBLAS (or MKL, or an OpenMP
runtime an extension loads) would start its own pool of threads in every one of
them: ``np.dot`` in a loop on a team of 8 would run 64 threads on 8 cores.  As in
OpenMP with nesting inactive, each thread of a team gets pools of one thread.

The master sets them *before* it forks (:func:`limit`) and the workers inherit the
setting: a worker calls nothing in the library.  It must not: OpenBLAS shuts its
pool down in the parent at every ``fork`` (its ``pthread_atfork`` handler), and its
``openblas_set_num_threads`` starts the pool again first thing, whose new thread
spins for work for about 0.1 s.  Called after the fork, as before session 7, that
put one spinning thread into the master and one into every worker of every region:
on two cores, an empty region of a program that imported numpy cost 3-4 times the
fork floor (docs/benchmarks.md, "Session 7: regions").  The master gives its pools
back their sizes once its workers have reported (:func:`restore`).

For OpenBLAS built with pthreads and without thread affinity (numpy's wheels), the
size is its exported ``blas_cpu_number``, which ``openblas_get_num_threads`` reads
and which is all that ``openblas_set_num_threads`` changes after that re-start when
the size goes back to one it had: the size is written there directly, before the
fork and after the join, and no thread is ever started by a region.  OpenBLAS
starts its pool again at the program's next call that uses more than one thread,
as it does after any ``fork``.  Other libraries are set through threadpoolctl.  A
pool of one thread also keeps a forked worker from using a pool its parent started,
which GNU libgomp does not survive.

threadpoolctl finds and sets the pools (docs/dependencies.md says why it is a
dependency).  It is imported, and the loaded libraries inspected (a few ms), only
once a module that loads such a library has been imported; the inspection is
redone when modules were imported since.  A program without them pays a length
comparison per region.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

# Modules whose import loads a BLAS or an OpenMP runtime.  scipy, scikit-learn and
# most of the scientific stack import numpy; torch brings its own libgomp/MKL.
USERS = ("numpy", "torch")

_modules_seen = -1  # len(sys.modules) when _sizes was found
_sizes: list[tuple[Any, Any]] = []  # each pool's controller, and its size word or None


def prepare() -> None:
    """In the master, before it forks: find the pools its workers will limit."""
    global _modules_seen, _sizes
    if len(sys.modules) == _modules_seen:
        return
    _modules_seen = len(sys.modules)
    _sizes = []
    if not any(name in sys.modules for name in USERS):
        return
    try:
        from threadpoolctl import ThreadpoolController

        controller = ThreadpoolController()
    except Exception:  # no threadpoolctl, or a library it cannot query: no limit
        return
    if controller.lib_controllers:
        _sizes = [(pool, _size_word(pool)) for pool in controller.lib_controllers]


def _size_word(pool: Any) -> Any:
    """OpenBLAS's ``blas_cpu_number`` (a ctypes int) where writing it is all that
    setting the size does (module docstring), else None."""
    try:
        if pool.internal_api != "openblas" or pool.threading_layer != "pthreads":
            return None
        config = pool._get_symbol("openblas_get_config")
        if config is None:
            return None
        config.restype = ctypes.c_char_p
        if b"NO_AFFINITY" not in (config() or b"").split():
            return None
        word = ctypes.c_int.in_dll(pool.dynlib, "blas_cpu_number")
        if word.value != pool.num_threads:  # not the size the library reports
            return None
        return word
    except Exception:
        return None


Saved = list[tuple[Any, int]]  # (a library's controller, its pool size before)


def limit(words: bool = True) -> Saved:
    """Set every pool to one thread (:func:`prepare` first); returns what
    :func:`restore` needs.  Pools already of one thread are not touched: setting a
    size is what restarts a pool OpenBLAS shut down at a fork.  ``words``: write
    OpenBLAS's size word where there is one (before a fork); without it, every pool
    is set through its library (a team of threads, whose pools stay running)."""
    prepare()
    saved: Saved = []
    for pool, word in _sizes:
        try:
            if word is not None and words:
                size = word.value
                if size != 1:
                    word.value = 1
                    saved.append((word, size))
                continue
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
            if isinstance(pool, ctypes.c_int):
                pool.value = size
            else:
                pool.set_num_threads(size)
        except Exception:
            continue
