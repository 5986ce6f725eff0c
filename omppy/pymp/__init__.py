"""pymp's API on omppy's runtime: switch with ``import omppy.pymp as pymp``.

::

    import omppy.pymp as pymp

    out = pymp.shared.array((100,), dtype="uint8")
    with pymp.Parallel(4) as p:
        for index in p.range(0, 100):
            out[index] = 1
            p.print(f"{index} done by thread {p.thread_num}")

The same names and behaviour as pymp 0.5 (``Parallel``, ``shared``, ``config``),
without pymp's manager process: see docs/pymp.md for what is the same, what is
better (failures, output, speed) and the few deliberate differences.
``omppy migrate prog.py`` turns the common shapes into ``# omp`` pragmas.
"""

from __future__ import annotations

from . import config, shared
from .parallel import Parallel

# pymp's own module names, which its tests and some programs read.
_config = config
_shared = shared

__all__ = ["Parallel", "config", "shared"]
